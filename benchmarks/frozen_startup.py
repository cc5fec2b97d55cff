"""Start-up time of the frozen Linux build against the program run from this checkout, and the
build's size.

    python benchmarks/frozen_startup.py [--build dist/kpi-desktop] [--runs 9]

Without --build it builds the folder first (packaging/build_linux.sh into a temporary folder).
Each measurement is a new process, timed from start to exit, frozen and source runs taken in
turn so that both see the same machine; the medians and their ratio are printed. Three
measurements: the window up to its first paint (KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT=1), `dump`
of an existing database, and `--version` (the interpreter and the command line alone).

"Cold" here means a new process each time; the files themselves are in the operating system's
cache after the first run, unless the script may drop that cache (root on a machine that
allows writing /proc/sys/vm/drop_caches), which it then does before every run and says so.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import compile_package

ROOT = Path(__file__).resolve().parents[1]


def files_in(folder: Path) -> list[Path]:
    """Regular files only: PyInstaller links some libraries under a second name."""
    return [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def environment(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
        LANGUAGE="zh_CN",
        LANG="zh_CN.UTF-8",
    )
    return env


def timed(command: list[str], env: dict[str, str], cold: bool) -> float:
    if cold:
        drop_caches()
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", type=Path, help="an existing dist/kpi-desktop folder")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    compile_package()  # the checkout side starts from bytecode, as the frozen build does

    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        folder = args.build
        if folder is None:
            env = dict(os.environ, PYTHON=sys.executable)
            env["KPI_DESKTOP_DIST"] = str(scratch_path / "dist")
            env["KPI_DESKTOP_WORK"] = str(scratch_path / "work")
            started = time.perf_counter()
            subprocess.run(
                ["bash", str(ROOT / "packaging" / "build_linux.sh")], env=env, check=True
            )
            print(f"build: {time.perf_counter() - started:.0f} s")
            folder = scratch_path / "dist" / "kpi-desktop"
        frozen = [str(folder / "kpi-desktop")]
        source = [sys.executable, "-m", "kpi_desktop"]

        env = environment(scratch_path / "home")
        database = scratch_path / "kpi.sqlite"
        # Created once beforehand, so that what is timed is starting, not building a database.
        subprocess.run(
            [*source, "dump", "--db", str(database)], env=env, check=True, capture_output=True
        )
        window_env = dict(env, KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT="1")
        cold = drop_caches()

        cases = {
            "window to first paint": (["--db", str(database)], window_env),
            "dump": (["dump", "--db", str(database)], env),
            "--version": (["--version"], env),
        }
        tarballs = sorted(folder.parent.glob("kpi-desktop-*.tar.gz"))
        files = files_in(folder)
        size = sum(path.stat().st_size for path in files)
        print(f"folder: {size / 1e6:.0f} MB in {len(files)} files")
        if tarballs:
            print(f"tarball: {tarballs[-1].stat().st_size / 1e6:.0f} MB")
        print(
            f"runs: {args.runs} each; page cache dropped before each run: {'yes' if cold else 'no'}"
        )
        for name, (arguments, case_env) in cases.items():
            times: dict[str, list[float]] = {"frozen": [], "source": []}
            timed([*frozen, *arguments], case_env, cold)  # the first start of each pays for
            timed([*source, *arguments], case_env, cold)  # reading the files from disk
            for _ in range(args.runs):
                times["frozen"].append(timed([*frozen, *arguments], case_env, cold))
                times["source"].append(timed([*source, *arguments], case_env, cold))
            frozen_median = statistics.median(times["frozen"])
            source_median = statistics.median(times["source"])
            print(
                f"{name}: frozen {frozen_median:.2f} s, checkout {source_median:.2f} s, "
                f"ratio {frozen_median / source_median:.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
