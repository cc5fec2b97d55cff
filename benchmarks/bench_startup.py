"""Start-up: the whole process from launch to the main window's first paint, against a bare
PySide6 window doing the same, in one run, alternating so both see the same machine load.

    python benchmarks/bench_startup.py [--runs 9]

Both run with QT_QPA_PLATFORM=offscreen and quit on their window's first paint event. The
program opens an existing database holding the built-in plan (the clerk's every-day start).
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    compile_package()
    folder = Path(tempfile.mkdtemp(prefix="kpi-startup-"))
    database = folder / "kpi.sqlite"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(folder),
        "XDG_DATA_HOME": str(folder),
        "XDG_STATE_HOME": str(folder),
    }
    subprocess.run(
        [sys.executable, "-m", "kpi_desktop", "dump", "--db", str(database)],
        env=env,
        check=True,
        capture_output=True,
    )
    program = [sys.executable, "-m", "kpi_desktop", "--db", str(database)]
    bare = [sys.executable, "-c", BARE]
    program_env = {**env, "KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT": "1"}
    # "ready": after the first paint the database is opened properly (writer lock, checks,
    # the day's backup) and the window can be edited; the process quits then.
    ready_env = {**env, "KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT": "ready"}
    _time(bare, env), _time(program, program_env)  # warm the file cache
    bare_times, program_times, ready_times = [], [], []
    for _ in range(args.runs):
        bare_times.append(_time(bare, env))
        program_times.append(_time(program, program_env))
        ready_times.append(_time(program, ready_env))
    for label, index in (("wall", 0), ("CPU", 1)):
        bare_median = statistics.median(t[index] for t in bare_times)
        program_median = statistics.median(t[index] for t in program_times)
        ready_median = statistics.median(t[index] for t in ready_times)
        print(f"{label} time, medians over {args.runs} runs:")
        print(f"  bare PySide6 window:           {bare_median:.3f} s")
        print(f"  kpi-desktop, first paint:      {program_median:.3f} s")
        print(f"  kpi-desktop, ready to edit:    {ready_median:.3f} s")
        ratio = program_median / bare_median
        print(f"  ratio (first paint / bare):    {ratio:.2f}x (target <= 2x)")
        print(f"  ratio (ready / bare):          {ready_median / bare_median:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
