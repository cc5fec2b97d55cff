"""Kill a process that is saving edits, again and again, and check that nothing saved is lost.

Each round forks a child that opens the database and makes edits through the editing services,
one transaction per edit, printing "saved N" on its stdout after each commit. At a random
moment (often in the middle of an edit, sometimes while it is still opening the file and taking
the writer's lock) the child gets SIGKILL. Then the database must pass `PRAGMA integrity_check`,
hold every edit the child reported as saved, and open again normally (taking over the lock the
killed child left behind).

The children are forked from this harness, which has the program already imported, so a round
costs the kill and not a Python start-up: that is what lets a test afford many rounds.

Modes: "services" calls services/editing.py directly; "window" runs a Qt event loop and makes
the edits as the window does, through the undo commands of kpi_desktop.ui.undo_commands when that
module is there (else through the same services from a QTimer, and says so).

    python tests/crash_harness.py --db FILE --kills 50 [--mode services|window] [--seed S]

prints one JSON line: kills, saved edits, lost edits, failures.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kpi_desktop.services import editing
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.storage.models import Indicator

FIELDS = (("2024H1", "text"), ("2024Q3", "text"), ("2024H1", "problems"))


def _indicator_ids(database: Any) -> list[int]:
    from sqlmodel import select

    with database.read() as session:
        return [i.id for i in session.exec(select(Indicator).order_by(Indicator.id))]


def _edit(number: int, ids: list[int], tag: str) -> tuple[int, str, str, str]:
    period, field = FIELDS[number % len(FIELDS)]
    return ids[number % len(ids)], period, field, f"{tag} edit {number}"


def _child_services(db: Path, tag: str) -> None:
    database = open_plan_database(db)
    ids = _indicator_ids(database)
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        indicator_id, period, field, value = _edit(number, ids, tag)
        with database.transaction() as session:
            editing.set_progress(session, indicator_id, period, {field: value})
        print(f"saved {number}", flush=True)


def _child_window(db: Path, tag: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])
    database = open_plan_database(db)
    ids = _indicator_ids(database)
    edit: Any
    try:
        from kpi_desktop.ui.document import PlanDocument
        from kpi_desktop.ui.undo_commands import SetProgressField

        document = PlanDocument(database)

        def edit(indicator_id: int, period: str, field: str, value: str) -> None:
            document.undo_stack.push(SetProgressField(document, indicator_id, period, field, value))

        print("ready commands", flush=True)
    except ImportError:

        def edit(indicator_id: int, period: str, field: str, value: str) -> None:
            with database.transaction() as session:
                editing.set_progress(session, indicator_id, period, {field: value})

        print("ready services", flush=True)
    counter = [0]

    def tick() -> None:
        counter[0] += 1
        number = counter[0]
        edit(*_edit(number, ids, tag))
        print(f"saved {number}", flush=True)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(0)
    app.exec()


def _run_child(db: Path, tag: str, mode: str, write_end: int) -> None:
    os.dup2(write_end, 1)
    sys.stdout = open(1, "w", buffering=1, encoding="utf-8")  # noqa: SIM115
    if mode == "window":
        _child_window(db, tag)
    else:
        _child_services(db, tag)


def _read_lines(read_end: int, lines: list[str], ready: threading.Event) -> None:
    with open(read_end, encoding="utf-8", errors="replace") as stream:
        for line in stream:
            if line.endswith("\n"):  # a line cut by the kill was never fully reported
                lines.append(line.rstrip("\n"))
                if line.startswith("ready"):
                    ready.set()
    ready.set()


def _check(db: Path, tag: str, saved: list[int], ids: list[int]) -> list[str]:
    """What went wrong after a kill: an unhealthy file or a reported edit missing."""
    problems: list[str] = []
    connection = sqlite3.connect(db)
    try:
        check = connection.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            problems.append(f"integrity_check: {check[:3]}")
            return problems
        logged = {
            value
            for (value,) in connection.execute(
                "SELECT new_value FROM changelog WHERE new_value LIKE ?", (f"{tag} edit %",)
            )
        }
        for number in saved:
            if _edit(number, ids, tag)[3] not in logged:
                problems.append(f"edit {number} reported saved, missing from the change log")
        # The stored value of each field edited is the last one reported, or a later one.
        last: dict[tuple[int, str, str], int] = {}
        for number in saved:
            indicator_id, period, field, _value = _edit(number, ids, tag)
            last[(indicator_id, period, field)] = number
        for (indicator_id, period, field), number in last.items():
            row = connection.execute(
                f"SELECT {field} FROM progress WHERE indicator_id = ? AND period = ?",
                (indicator_id, period),
            ).fetchone()
            stored = row[0] if row else None
            prefix = f"{tag} edit "
            if not (isinstance(stored, str) and stored.startswith(prefix)):
                problems.append(f"{field} of {indicator_id} {period} lost: {stored!r}")
            elif int(stored[len(prefix) :]) < number:
                problems.append(f"{field} of {indicator_id} {period} went back to {stored!r}")
    finally:
        connection.close()
    return problems


def run(db: Path, kills: int, mode: str = "services", seed: int = 0) -> dict[str, Any]:
    rng = random.Random(seed)
    database = open_plan_database(db)
    ids = _indicator_ids(database)
    database.close()
    failures: list[str] = []
    total_saved = 0
    lost = 0
    via = set()
    started = time.monotonic()
    for round_number in range(kills):
        tag = f"r{round_number}"
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: edit until killed
            os.close(read_end)
            try:
                _run_child(db, tag, mode, write_end)
            finally:
                os._exit(1)
        os.close(write_end)
        lines: list[str] = []
        ready = threading.Event()
        reader = threading.Thread(target=_read_lines, args=(read_end, lines, ready))
        reader.start()
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0, 0.3))  # during start-up, opening, taking the lock
        else:
            ready.wait(30)
            time.sleep(rng.uniform(0, 0.4))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        reader.join()
        if not os.WIFSIGNALED(status):
            failures.append(f"round {round_number}: the child ended by itself ({status}): {lines}")
            continue
        via.update(line.split()[1] for line in lines if line.startswith("ready "))
        saved = [int(line.split()[1]) for line in lines if line.startswith("saved ")]
        total_saved += len(saved)
        problems = _check(db, tag, saved, ids)
        lost += sum("missing" in p or "lost" in p for p in problems)
        failures.extend(f"round {round_number}: {p}" for p in problems)
        # The next opening takes over the lock the killed child held and finds the file sound.
        try:
            open_plan_database(db).close()
        except Exception as error:
            failures.append(f"round {round_number}: reopening failed: {error}")
    return {
        "mode": mode,
        "via": sorted(via),
        "kills": kills,
        "saved": total_saved,
        "lost": lost,
        "failures": failures[:20],
        "failure_count": len(failures),
        "seconds": round(time.monotonic() - started, 1),
    }


def main() -> None:
    # The takeover of each killed child's lock is logged as a warning; here it is expected.
    logging.getLogger().addHandler(logging.NullHandler())
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--mode", choices=("services", "window"), default="services")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    result = run(args.db, args.kills, args.mode, args.seed)
    result["seed"] = args.seed
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
