"""How an open window learns of colleagues' changes: what a look at the change log costs.

    python benchmarks/bench_watch.py [--db postgresql://…] [--looks 300]

On a SQLite file (always) and on a PostgreSQL server (--db or KPI_TEST_POSTGRES_URL), medians:
- a look with nothing new (`PlanDocument.refresh_from_others`: one indexed query of the change
  log through the program's session, what the window does every two seconds), against the
  floor of a bare `SELECT 1` through the same driver;
- a look after a colleague's save (the query and the reload of the plan's indicators);
- on the server, for comparison, a LISTEN/NOTIFY round trip with psycopg (NOTIFY committed on
  one connection until the other receives it), the alternative to polling.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def measure(target: str, looks: int) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication
    from sqlalchemy import text

    from kpi_desktop.services import editing
    from kpi_desktop.services.database import open_plan_database
    from kpi_desktop.ui.document import PlanDocument

    QCoreApplication.instance() or QCoreApplication([])
    mine = open_plan_database(target)
    other = open_plan_database(target)
    document = PlanDocument(mine)
    idle, after_save, floor = [], [], []
    for number in range(looks):
        start = time.perf_counter()
        document.refresh_from_others()
        idle.append(time.perf_counter() - start)
        with mine.engine.connect() as connection:
            start = time.perf_counter()
            connection.execute(text("SELECT 1")).scalar()
            floor.append(time.perf_counter() - start)
        if number % 10 == 0:
            with other.transaction() as session:
                editing.set_progress_text(session, 2024, 5, "2024H1", f"第{number}次")
            start = time.perf_counter()
            assert document.refresh_from_others()
            after_save.append(time.perf_counter() - start)
    mine.close()
    other.close()
    return {
        "look, nothing new": _median_ms(idle),
        "floor: SELECT 1": _median_ms(floor),
        "look after a save (with the reload)": _median_ms(after_save),
    }


def notify_round_trip(url: str, trips: int) -> float:
    import psycopg
    from sqlalchemy import make_url

    parsed = make_url(url)
    query = dict(parsed.query)
    options = {
        "dbname": parsed.database,
        "user": parsed.username,
        "host": str(query.get("host") or parsed.host or ""),
        "port": int(str(query.get("port") or parsed.port or 5432)),
        "autocommit": True,
    }
    with psycopg.connect(**options) as listener, psycopg.connect(**options) as sender:
        listener.execute("LISTEN kpi_changes")
        samples = []
        for number in range(trips):
            start = time.perf_counter()
            sender.execute(f"NOTIFY kpi_changes, '{number}'")
            next(listener.notifies(timeout=5, stop_after=1))
            samples.append(time.perf_counter() - start)
    return _median_ms(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=os.environ.get("KPI_TEST_POSTGRES_URL"))
    parser.add_argument("--looks", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = {"SQLite file": measure(str(Path(folder) / "kpi.sqlite"), args.looks)}
    if args.db:
        from sqlalchemy import create_engine, make_url, text

        name = f"kpi_watch_{uuid.uuid4().hex[:8]}"
        admin = create_engine(
            make_url(args.db).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
        )
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(args.db).set(database=name).render_as_string(hide_password=False)
        try:
            results["PostgreSQL"] = measure(url, args.looks)
            results["PostgreSQL"]["LISTEN/NOTIFY round trip"] = notify_round_trip(url, args.looks)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    for where, figures in results.items():
        print(where)
        for what, ms in figures.items():
            print(f"  {what:40} {ms:7.2f} ms")
        ratio = figures["look, nothing new"] / figures["floor: SELECT 1"]
        print(f"  {'look / floor':40} {ratio:7.1f}×")


if __name__ == "__main__":
    main()
