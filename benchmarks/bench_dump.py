"""`kpi-desktop dump` of a database, against a Python process that only imports sqlite3 and
json, in one run, alternating so that both see the same machine load.

    python benchmarks/bench_dump.py [--runs 9]

The dump reads the file through plain sqlite3 (storage.snapshot) and never imports SQLAlchemy
or sqlmodel; the floor is `python -c "import sqlite3, json"`, the least a process that reads a
SQLite file and writes JSON can do. Target: under 3× the floor. Also times the old way (the
file read through sqlmodel, as a server database still is) for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from installed import compile_package
from machine import load, timed

FLOOR = [sys.executable, "-c", "import sqlite3, json"]
THROUGH_SQLMODEL = """
import json, sys
from kpi_desktop.services.database import open_for_reading
from kpi_desktop.services.dump import dump
database = open_for_reading(sys.argv[1])
with database.read() as session:
    json.dump(dump(session), sys.stdout, ensure_ascii=False, indent=2)
database.close()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    compile_package()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "kpi.sqlite"
        command = [sys.executable, "-m", "kpi_desktop", "dump", "--db", str(db)]
        subprocess.run(command, check=True, capture_output=True)  # created: the built-in plan
        print(load())
        ours, floor, old = [], [], []
        for _ in range(runs):
            floor.append(timed(FLOOR))
            ours.append(timed(command))
            old.append(timed([sys.executable, "-c", THROUGH_SQLMODEL, str(db)]))
        print(load())
    print(f"runs: {runs}")
    for label, index in (("wall", 0), ("cpu", 1)):
        mine = statistics.median(t[index] for t in ours)
        base = statistics.median(t[index] for t in floor)
        before = statistics.median(t[index] for t in old)
        print(
            f"{label}: dump {mine:.3f} s, python -c 'import sqlite3, json' {base:.3f} s, "
            f"ratio {mine / base:.2f}× (target < 3×); through sqlmodel {before:.3f} s "
            f"({before / base:.2f}×)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
