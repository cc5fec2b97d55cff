#!/usr/bin/env bash
# Build kpi-desktop for Linux: the PyInstaller folder, with its desktop entry, icons and
# install script inside, and a tarball of it.
#
#   packaging/build_linux.sh                 → dist/kpi-desktop/ and dist/kpi-desktop-<version>-linux-<arch>.tar.gz
#
# Environment: PYTHON (default python3, with the project and pyinstaller installed: pip install
# -e ".[build]"), KPI_DESKTOP_DIST (default dist/), KPI_DESKTOP_WORK (default build/pyinstaller/).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
dist=${KPI_DESKTOP_DIST:-$root/dist}
work=${KPI_DESKTOP_WORK:-$root/build/pyinstaller}
version=$("$python" "$root/packaging/package_version.py")
arch=$(uname -m)
bundle=$dist/kpi-desktop

# The spec lays out a fresh copy of the package every time; PyInstaller's cache of analysed
# libraries (in ~/.cache/pyinstaller) is kept, which makes a second build much faster.
"$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "$work" "$root/packaging/kpi-desktop.spec"

# What a Linux desktop needs beside the program: the entry and the icons in the
# freedesktop.org layout, so that install.sh can copy them as they are.
install -D -m 644 "$root/packaging/kpi-desktop.desktop" \
  "$bundle/share/applications/kpi-desktop.desktop"
for png in "$root"/resources/icons/kpi-desktop-*.png; do
  size=$(basename "$png" .png)
  size=${size#kpi-desktop-}
  install -D -m 644 "$png" "$bundle/share/icons/hicolor/${size}x${size}/apps/kpi-desktop.png"
done
install -D -m 644 "$root/resources/icons/kpi-desktop.svg" \
  "$bundle/share/icons/hicolor/scalable/apps/kpi-desktop.svg"
install -m 755 "$root/packaging/linux/install.sh" "$bundle/install.sh"
install -m 755 "$root/packaging/linux/uninstall.sh" "$bundle/uninstall.sh"
printf '%s\n' "$version" > "$bundle/VERSION"

tarball=$dist/kpi-desktop-$version-linux-$arch.tar.gz
tar -C "$dist" -czf "$tarball" kpi-desktop
echo "built $bundle ($(du -sh "$bundle" | cut -f1)) and $tarball ($(du -sh "$tarball" | cut -f1))"
