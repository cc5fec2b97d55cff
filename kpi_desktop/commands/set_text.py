"""`kpi-desktop set --db FILE|URL --period P --seq N --text TEXT [--expect OLD_TEXT]`: one
indicator's progress text, for scripts; with `--expect`, only if the stored text is exactly
OLD_TEXT (exit 2 and nothing changed otherwise).

On a file the writer lock is waited for up to half a minute (other `set`s finishing), then refused
as for every command that writes; on a server the server orders the writers."""

from __future__ import annotations

import argparse
import sys
import time

from kpi_desktop.domain.errors import KpiError, zh_en
from kpi_desktop.domain.periods import Period, PeriodError
from kpi_desktop.services.editing import StaleWrite, set_progress_text
from kpi_desktop.storage.engine import Database

LOCK_WAIT_SECONDS = 30.0


def _open(db: str | None) -> Database:
    from kpi_desktop.services.database import open_plan_database

    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return open_plan_database(db)
        except KpiError as error:
            if error.code != "db.locked" or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def run(args: argparse.Namespace) -> int:
    try:
        period = Period.parse(args.period)
    except PeriodError as error:
        raise KpiError("period.unknown", code=args.period) from error
    database = _open(args.db)
    try:
        with database.transaction() as session:
            before, after = set_progress_text(
                session, period.year, args.seq, period.code, args.text, expect=args.expect
            )
    except StaleWrite as stale:
        raise KpiError(
            "set.expect_differs", seq=args.seq, period=period.code, stored=stale.stored
        ) from stale
    finally:
        database.close()
    if before == after:
        print(
            zh_en(
                f"序号 {args.seq}（{period.code}）未变。", f"{args.seq} ({period.code}): unchanged."
            )
        )
    else:
        print(
            zh_en(f"已保存序号 {args.seq}（{period.code}）。", f"Saved {args.seq} ({period.code}).")
        )
    sys.stdout.flush()
    return 0
