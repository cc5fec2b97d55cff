#!/usr/bin/env bash
# Install this kpi-desktop folder for the current user, without root: a menu entry and icons
# under ~/.local/share and a `kpi-desktop` command in ~/.local/bin. The program runs from this
# folder, so move the folder first to where it should stay (for example ~/.local/opt/).
# The clerk's data is not here: it lives in ~/.local/share/kpi-desktop.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
bin=${KPI_DESKTOP_BIN:-$HOME/.local/bin}

(cd "$here/share" && find icons -type f) | while IFS= read -r icon; do
  install -D -m 644 "$here/share/$icon" "$share/$icon"
done

# The entry names the program by its full path. The desktop-entry format reserves a few
# characters inside a quoted argument, and % everywhere; escape them.
program=$here/kpi-desktop
quoted=${program//\\/\\\\\\\\}
quoted=${quoted//\"/\\\\\"}
quoted=${quoted//\`/\\\\\`}
quoted=${quoted//\$/\\\\\$}
quoted=${quoted//%/%%}
mkdir -p "$share/applications"
while IFS= read -r line; do
  case $line in
    Exec=*) printf 'Exec="%s"\n' "$quoted" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/share/applications/kpi-desktop.desktop" > "$share/applications/kpi-desktop.desktop"

mkdir -p "$bin"
ln -sfn "$program" "$bin/kpi-desktop"

# Menus and icon caches pick the new files up by themselves on most desktops; refresh them
# where the tools exist.
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q "$share/icons/hicolor" || true
fi

echo "kpi-desktop $(cat "$here/VERSION") installed: menu entry $share/applications/kpi-desktop.desktop, command $bin/kpi-desktop"
echo "Data folder: $share/kpi-desktop"
