"""Importing 40 returns in one command, against only opening the same files with openpyxl.

    python benchmarks/bench_import.py [--runs 5]

Both sides are whole processes started the same way, so interpreter start-up counts on both
(target: the import in less time than the floor, ratio < 1):
- import: `python -m kpi_desktop import --db COPY.sqlite RETURN×40` (read, match, back up,
  write in one transaction), on a fresh copy of the same database each run;
- floor: `python -c` loading each of the 40 files with `openpyxl.load_workbook`.

The 40 returns are templates of the built-in plan's lead units for 2024H1, filled in with
openpyxl (the units repeat round-robin under different file names: a unit's rows are
identical across its copies, so the import is valid).

Then the window (benchmarks/window_preview.py, one process per run, offscreen): the same 40
files dropped on it, timed from the drop to the first paint of their preview (target: under
0.3 s), against the same process only opening the files with openpyxl afterwards. Each run
alternates the sides; the load average is printed before and after. Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import compile_package
from machine import load

RETURNS = 40

FLOOR = """
import sys, openpyxl
for name in sys.argv[1:]:
    openpyxl.load_workbook(name)
"""


def make_returns(folder: Path) -> Path:
    import openpyxl

    from kpi_desktop.domain.periods import Period
    from kpi_desktop.services.database import open_plan_database
    from kpi_desktop.services.excel_template import export_templates_per_unit

    database = open_plan_database(folder / "base.sqlite")
    with database.read() as session:
        infos = export_templates_per_unit(session, Period.parse("2024H1"), folder / "templates")
    database.close()
    for index in range(RETURNS):
        info = infos[index % len(infos)]
        workbook = openpyxl.load_workbook(info.path)
        sheet = workbook["进展情况"]
        for row in range(4, sheet.max_row + 1):
            sheet.cell(row, 5).value = f"{info.unit}上半年进展，第{sheet.cell(row, 1).value}项。"
        workbook.save(folder / "returns" / f"{index:02d}-{info.unit}.xlsx")
    return folder / "base.sqlite"


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child): CPU time is less disturbed by other work on
    the machine, wall time is what the clerk waits."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return wall, cpu


def window_preview(db: Path, files: list[str]) -> dict[str, object]:
    script = Path(__file__).with_name("window_preview.py")
    done = subprocess.run(
        [sys.executable, str(script), str(db), *files], check=True, capture_output=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    compile_package()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "returns").mkdir()
        base = make_returns(folder)
        files = sorted(str(p) for p in (folder / "returns").glob("*.xlsx"))
        assert len(files) == RETURNS
        importing, floor, window = [], [], []
        before = load()
        for run in range(runs):
            copy = folder / f"run{run}.sqlite"
            shutil.copy(base, copy)
            floor.append(timed([sys.executable, "-c", FLOOR, *files]))
            importing.append(
                timed([sys.executable, "-m", "kpi_desktop", "import", "--db", str(copy), *files])
            )
            shutil.copy(base, copy)
            window.append(window_preview(copy, files))
        after = load()
    print(f"returns: {RETURNS}, runs: {runs}; {before}; after: {after}")
    for label, index in (("wall", 0), ("cpu", 1)):
        mine = statistics.median(t[index] for t in importing)
        base = statistics.median(t[index] for t in floor)
        print(
            f"{label}: import {mine:.2f} s, openpyxl open only {base:.2f} s, "
            f"ratio {mine / base:.2f}× (target < 1)"
        )
    for label, mine_key, floor_key in (("wall", "preview", "floor"), ("cpu", "cpu", "floor_cpu")):
        preview = statistics.median(float(w[mine_key]) for w in window)  # type: ignore[arg-type]
        opened = statistics.median(float(w[floor_key]) for w in window)  # type: ignore[arg-type]
        print(
            f"window {label}: preview of {RETURNS} dropped returns on screen {preview:.3f} s "
            f"(target < 0.3 s); opening them with openpyxl in that process {opened:.3f} s, "
            f"ratio {preview / opened:.2f}×"
        )
    print(f"the progress bar showed {len(window[0]['bar'])} values")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
