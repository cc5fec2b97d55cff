"""Start-up: the whole process from launch to the main window's first paint, against a bare
PySide6 window doing the same, in one run, alternating so both see the same machine load.

    python benchmarks/bench_startup.py [--runs 9]

Both run with QT_QPA_PLATFORM=offscreen and quit on their window's first paint event. The
program opens an existing database, in two every-day states: between periods (the built-in
plan, its first quarter complete) and while returns are coming in (20 of the half-year's rows
reported). It also times the start to the moment the window can be edited.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import compile_package

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
"""


def _time(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child): wall time is what the clerk waits; CPU time
    moves less when other work on a shared machine takes the processor away."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


COLLECTING = """
import sys
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.editing import set_progress
from kpi_desktop.services.queries import indicator_views, plan_for_year

database = open_plan_database(sys.argv[1])
with database.transaction() as session:
    plan = plan_for_year(session, 2024)
    for view in indicator_views(session, plan)[:20]:
        set_progress(session, view.id, "2024H1", {"text": view.progress["2024Q1"].text})
database.close()
"""


def _report(label: str, times: list[tuple[float, float]], bare: list[tuple[float, float]]) -> None:
    for kind, index in (("wall", 0), ("CPU", 1)):
        mine = statistics.median(t[index] for t in times)
        floor = statistics.median(t[index] for t in bare)
        print(f"  {label}, {kind}: {mine:.3f} s, {mine / floor:.2f}x the bare window")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    compile_package()
    folder = Path(tempfile.mkdtemp(prefix="kpi-startup-"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(folder),
        "XDG_DATA_HOME": str(folder),
        "XDG_STATE_HOME": str(folder),
    }
    # Two every-day starts. "between": the built-in plan, first quarter complete, so the
    # window opens on the half-year nothing has been reported for. "collecting": 20 of the
    # half-year's returns are in, so the first paint also reads figures from their texts.
    between, collecting = folder / "between.sqlite", folder / "collecting.sqlite"
    for database in (between, collecting):
        subprocess.run(
            [sys.executable, "-m", "kpi_desktop", "dump", "--db", str(database)],
            env=env,
            check=True,
            capture_output=True,
        )
    subprocess.run([sys.executable, "-c", COLLECTING, str(collecting)], env=env, check=True)
    bare = [sys.executable, "-c", BARE]
    paint_env = {**env, "KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT": "1"}
    # "ready": after the first paint the database is opened properly (writer lock, checks,
    # the day's backup) and the window can be edited; the process quits then.
    ready_env = {**env, "KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT": "ready"}
    runs: dict[str, tuple[list[str], dict[str, str]]] = {
        "between periods, first paint": (_program(between), paint_env),
        "collecting, first paint": (_program(collecting), paint_env),
        "between periods, ready to edit": (_program(between), ready_env),
    }
    for command, command_env in runs.values():
        _time(command, command_env)  # warm the file cache
    bare_times: list[tuple[float, float]] = []
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in runs}
    for _ in range(args.runs):
        bare_times.append(_time(bare, env))
        for label, (command, command_env) in runs.items():
            times[label].append(_time(command, command_env))
    print(f"medians over {args.runs} runs (target: first paint <= 2x the bare window)")
    for kind, index in (("wall", 0), ("CPU", 1)):
        floor = statistics.median(t[index] for t in bare_times)
        print(f"  bare PySide6 window, {kind}: {floor:.3f} s")
    for label, measured in times.items():
        _report(label, measured, bare_times)
    return 0


def _program(database: Path) -> list[str]:
    return [sys.executable, "-m", "kpi_desktop", "--db", str(database)]


if __name__ == "__main__":
    sys.exit(main())
