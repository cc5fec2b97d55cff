#!/usr/bin/env bash
# Remove what install.sh added (the menu entry, the icons, the command). The clerk's data in
# ~/.local/share/kpi-desktop is kept; so is this folder, which can then be deleted by hand.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
bin=${KPI_DESKTOP_BIN:-$HOME/.local/bin}

rm -f "$share/applications/kpi-desktop.desktop"
(cd "$here/share" && find icons -type f) | while IFS= read -r icon; do
  rm -f "$share/$icon"
done
# Only the command that points into this folder: another installation's stays.
if [ -L "$bin/kpi-desktop" ] && [ "$(readlink "$bin/kpi-desktop")" = "$here/kpi-desktop" ]; then
  rm -f "$bin/kpi-desktop"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$share/applications" || true
fi

echo "kpi-desktop removed from the menu. Your data was kept in $share/kpi-desktop"
