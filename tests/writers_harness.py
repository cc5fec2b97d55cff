"""One of several clerks writing the same database at once: read a text, think a moment, save
a new one over it with the text read as its base. Run as a process of its own by
tests/test_shared_writers.py (two and ten at once) and benchmarks/bench_shared.py:

    python tests/writers_harness.py --db FILE|URL --worker K --seconds S --seqs 1,12
        [--period 2024H1] [--think-ms 20] [--out RESULTS.json]

Every write carries its base (`--expect`), through the services or, every fourth one
(`--command-every`), through the `set` command itself. Every fifth write deliberately uses the
base of this worker's last accepted write of that indicator, which that very write replaced: a
stale base for certain, whatever the timing (each worker makes at least `--min-writes`, five,
so there is one however slow the machine).
The results (each write: seq, base, new text, accepted or refused with the stored text the
refusal named) are written as JSON to --out, or printed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services import editing
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.storage.engine import Database, is_server_url


def _stored_text(reader: Database, year: int, seq: int, period: str) -> str:
    from sqlmodel import select

    from kpi_desktop.storage.models import Indicator, Plan, Progress

    with reader.read() as session:
        row = session.exec(
            select(Progress.text)
            .join(Indicator, Indicator.id == Progress.indicator_id)  # type: ignore[arg-type]
            .join(Plan, Plan.id == Indicator.plan_id)  # type: ignore[arg-type]
            .where(Plan.year == year, Indicator.seq == seq, Progress.period == period)
        ).first()
    return row or ""


def _write_service(
    target: str, writer: Database | None, args: Any, seq: int, base: str, new: str
) -> dict[str, Any]:
    database = writer if writer is not None else _open_writer(target)
    try:
        with database.transaction() as session:
            editing.set_progress_text(session, args.year, seq, args.period, new, expect=base)
        return {"ok": True}
    except editing.StaleWrite as stale:
        return {"ok": False, "stored": stale.stored, "code": stale.code}
    except KpiError as error:
        return {"ok": False, "error": error.code, "message": error.message()}
    finally:
        if writer is None:
            database.close()


def _write_command(target: str, args: Any, seq: int, base: str, new: str) -> dict[str, Any]:
    from kpi_desktop.cli import main

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        status = main(
            [
                "set",
                "--db",
                target,
                "--period",
                args.period,
                "--seq",
                str(seq),
                "--text",
                new,
                "--expect",
                base,
            ]
        )
    if status == 0:
        return {"ok": True, "via": "command"}
    return {"ok": False, "via": "command", "exit": status, "message": err.getvalue()}


def _open_writer(target: str) -> Database:
    """A file's writer lock is taken for one write and given back (several processes take
    turns); waiting for it is the lock's business, not a refusal."""
    while True:
        try:
            return open_plan_database(target)
        except KpiError as error:
            if error.code != "db.locked":
                raise
            time.sleep(0.01)  # as the `set` command waits


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--worker", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--seqs", required=True)
    parser.add_argument("--period", default="2024H1")
    parser.add_argument("--think-ms", type=float, default=20)
    parser.add_argument(
        "--min-writes", type=int, default=5, help="at least this many, however slow the machine"
    )
    parser.add_argument("--command-every", type=int, default=4, help="0: services only")
    parser.add_argument("--start-at", type=float, help="a time.time() to start at (all at once)")
    parser.add_argument("--out")
    args = parser.parse_args()
    args.year = int(args.period[:4])
    seqs = [int(s) for s in args.seqs.split(",")]
    rng = random.Random(args.worker)
    server = is_server_url(args.db)
    # On a server one connection pool reads and writes; a file is read without its writer
    # lock, as a second program reads it, and locked only to write.
    writer = open_plan_database(args.db) if server else None
    reader = writer if writer is not None else open_plan_database(args.db, read_only=True)
    results: list[dict[str, Any]] = []
    # The base of this worker's last accepted write of each indicator: that write replaced
    # it, and no text comes back (each is new), so it is stale for certain.
    replaced: dict[int, str] = {}
    number = 0
    if args.start_at:
        time.sleep(max(0.0, args.start_at - time.time()))
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline or number < args.min_writes:
        number += 1
        seq = seqs[number % len(seqs)]
        fresh = _stored_text(reader, args.year, seq, args.period)
        stale_on_purpose = number % 5 == 0 and seq in replaced
        base = replaced[seq] if stale_on_purpose else fresh
        time.sleep(rng.uniform(0, args.think_ms) / 1000)
        new = f"工作者{args.worker}第{number}次"
        if args.command_every and number % args.command_every == 0:
            outcome = _write_command(args.db, args, seq, base, new)
        else:
            outcome = _write_service(args.db, writer, args, seq, base, new)
        outcome.update(seq=seq, base=base, new=new, stale_on_purpose=stale_on_purpose)
        results.append(outcome)
        if outcome["ok"]:
            replaced[seq] = base
    if writer is not None:
        writer.close()
    if reader is not writer:
        reader.close()
    text = json.dumps({"worker": args.worker, "writes": results}, ensure_ascii=False)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        print(text)


if __name__ == "__main__":
    main()
