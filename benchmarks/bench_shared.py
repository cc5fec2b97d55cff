"""Twenty clerks writing one PostgreSQL database at once, for a minute: accepted writes per
second and stale writes refused, against the bare driver doing the same check in the same run.

    python benchmarks/bench_shared.py --db postgresql://USER@/DB?host=... [--writers 20]
        [--seconds 60] [--think-ms 20]

(without --db, KPI_TEST_POSTGRES_URL; `.ci/postgres.sh start DIR` gives a server). A fresh
database is made on that server for the run and dropped after.

- kpi-desktop: `tests/writers_harness.py` ×N, each reading an indicator's 上半年 text, waiting
  0–think-ms, and saving a new text over it with that base (services.editing: lock the
  indicator's row, compare, write, log with who); half the writes go to one indicator all
  writers share, half to one of each writer's own; one in five uses the base of its own last
  accepted write there, stale for certain.
- floor: the same pattern with psycopg alone, the check folded into one statement
  (`UPDATE progress SET text=… WHERE … AND text=<base>` and, if a row changed, an INSERT into
  the change log) — the least a correct optimistic write can cost.

Every writer process starts, imports and connects first; all begin writing at one moment
(`--warm-up` seconds after the side starts), so start-up is not counted. Prints writes tried,
accepted and refused per second for both, and the ratio of accepted
writes per second (kpi-desktop / floor).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "tests" / "writers_harness.py"
SHARED_SEQ = 1
PERIOD = "2024H1"


def floor_worker(
    url: str, worker: int, seconds: float, think_ms: float, out: Path, start_at: float
) -> None:
    import psycopg
    from sqlalchemy import make_url

    parsed = make_url(url)
    query = dict(parsed.query)
    connection = psycopg.connect(
        dbname=parsed.database,
        user=parsed.username,
        host=str(query.get("host") or parsed.host or ""),
        port=int(str(query.get("port") or parsed.port or 5432)),
    )
    rng = random.Random(worker)
    seqs = [SHARED_SEQ, 10 + worker]
    replaced: dict[int, str] = {}  # as the harness: the base of the last accepted write
    writes = []
    number = 0
    time.sleep(max(0.0, start_at - time.time()))
    deadline = time.monotonic() + seconds
    with connection:
        while time.monotonic() < deadline:
            number += 1
            seq = seqs[number % 2]
            with connection.transaction():
                row = connection.execute(
                    "SELECT p.id, p.indicator_id, p.text FROM progress p "
                    "JOIN indicator i ON i.id = p.indicator_id "
                    "WHERE i.seq = %s AND p.period = %s",
                    (seq, PERIOD),
                ).fetchone()
            assert row is not None
            progress_id, indicator_id, fresh = row
            stale = number % 5 == 0 and seq in replaced
            base = replaced[seq] if stale else fresh
            time.sleep(rng.uniform(0, think_ms) / 1000)
            new = f"底线{worker}第{number}次"
            with connection.transaction():
                changed = connection.execute(
                    "UPDATE progress SET text = %s, updated_at = now() WHERE id = %s AND text = %s",
                    (new, progress_id, base),
                ).rowcount
                if changed:
                    connection.execute(
                        "INSERT INTO changelog (at, entity, entity_id, field_name, old_value, "
                        "new_value, indicator_id, period, source, user_name, host) VALUES "
                        "(now(), 'progress', %s, 'text', %s, %s, %s, %s, 'typed', "
                        "current_user, 'bench')",
                        (progress_id, base, new, indicator_id, PERIOD),
                    )
            writes.append({"ok": bool(changed), "stale_on_purpose": stale})
            if changed:
                replaced[seq] = base
    out.write_text(json.dumps({"writes": writes}), encoding="utf-8")


def _prepare(url: str, writers: int) -> None:
    """The built-in plan, with a 上半年 text for each indicator the writers use (the floor's
    UPDATE needs the row; kpi-desktop's first write would make it)."""
    sys.path.insert(0, str(ROOT))
    from kpi_desktop.services import editing
    from kpi_desktop.services.database import open_plan_database

    database = open_plan_database(url)
    try:
        with database.transaction() as session:
            for seq in [SHARED_SEQ, *(10 + w for w in range(writers))]:
                editing.set_progress_text(session, 2024, seq, PERIOD, "起点")
    finally:
        database.close()


def _run(commands: list[list[str]], outs: list[Path], seconds: float) -> dict[str, float]:
    processes = [subprocess.Popen(c) for c in commands]
    for process in processes:
        process.wait(timeout=seconds + 300)
        if process.returncode != 0:
            raise SystemExit(f"a writer failed: {process.args}")
    writes = [w for out in outs for w in json.loads(out.read_text(encoding="utf-8"))["writes"]]
    accepted = sum(1 for w in writes if w["ok"])
    return {
        "tried": len(writes),
        "accepted": accepted,
        "refused": len(writes) - accepted,
        "stale on purpose": sum(1 for w in writes if w["stale_on_purpose"]),
        "stale on purpose accepted": sum(1 for w in writes if w["stale_on_purpose"] and w["ok"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=os.environ.get("KPI_TEST_POSTGRES_URL"))
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think-ms", type=float, default=20)
    parser.add_argument("--floor-worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--start-at", type=float, default=0, help=argparse.SUPPRESS)
    parser.add_argument(
        "--warm-up",
        type=float,
        default=25,
        help="seconds for the writers to start (imports, connections) before all begin at once",
    )
    args = parser.parse_args()
    if not args.db:
        raise SystemExit("give --db or set KPI_TEST_POSTGRES_URL (.ci/postgres.sh start DIR)")
    if args.floor_worker is not None:
        floor_worker(
            args.db, args.floor_worker, args.seconds, args.think_ms, Path(args.out), args.start_at
        )
        return
    from sqlalchemy import create_engine, make_url, text

    name = f"kpi_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(
        make_url(args.db).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(args.db).set(database=name).render_as_string(hide_password=False)
    try:
        _prepare(url, args.writers)
        figures = {}
        with tempfile.TemporaryDirectory() as folder:
            for side in ("floor", "kpi-desktop"):
                outs = [Path(folder) / f"{side}-{w}.json" for w in range(args.writers)]
                start = str(time.time() + args.warm_up)
                if side == "floor":
                    commands = [
                        [
                            sys.executable,
                            __file__,
                            "--db",
                            url,
                            "--floor-worker",
                            str(w),
                            "--seconds",
                            str(args.seconds),
                            "--think-ms",
                            str(args.think_ms),
                            "--out",
                            str(outs[w]),
                            "--start-at",
                            start,
                        ]
                        for w in range(args.writers)
                    ]
                else:
                    commands = [
                        [
                            sys.executable,
                            str(HARNESS),
                            "--db",
                            url,
                            "--worker",
                            str(w),
                            "--seconds",
                            str(args.seconds),
                            "--seqs",
                            f"{SHARED_SEQ},{10 + w}",
                            "--period",
                            PERIOD,
                            "--think-ms",
                            str(args.think_ms),
                            "--command-every",
                            "0",
                            "--out",
                            str(outs[w]),
                            "--start-at",
                            start,
                        ]
                        for w in range(args.writers)
                    ]
                figures[side] = _run(commands, outs, args.seconds + args.warm_up)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    print(f"{args.writers} writers, {args.seconds:g} s each side, think 0–{args.think_ms:g} ms")
    for side, f in figures.items():
        print(
            f"{side:12} tried {f['tried'] / args.seconds:7.1f}/s  accepted "
            f"{f['accepted'] / args.seconds:7.1f}/s  refused (stale) "
            f"{f['refused'] / args.seconds:6.1f}/s  [{f['refused']} in all; "
            f"{f['stale on purpose']} stale on purpose, "
            f"{f['stale on purpose accepted']} of them accepted]"
        )
    ratio = figures["kpi-desktop"]["accepted"] / max(1, figures["floor"]["accepted"])
    print(f"accepted writes per second, kpi-desktop / floor: {ratio:.2f}")


if __name__ == "__main__":
    main()
