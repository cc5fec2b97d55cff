"""`kpi-desktop close --db FILE --period P` and `kpi-desktop reopen --db FILE --period P
--reason TEXT`: close a period (定稿) or reopen it for a reason. A refusal (an unknown period,
a period closed already or not closed, no reason) exits 2 and changes nothing."""

from __future__ import annotations

import argparse
import sys

from kpi_desktop.commands.import_returns import parse_period
from kpi_desktop.domain.errors import zh_en
from kpi_desktop.services import closing
from kpi_desktop.services.checks import open_findings_warning
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.queries import plan_for_year


def run(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    assert period is not None
    database = open_plan_database(args.db)
    try:
        with database.transaction() as session:
            plan = plan_for_year(session, period.year)
            words = closing.period_words(plan, period)
            if args.command == "close":
                warning = open_findings_warning(session, period, "check.open_at_close")
                event = closing.close_period(session, plan, period)
            else:
                event = closing.reopen_period(session, plan, period, args.reason or "")
    finally:
        database.close()
    if args.command == "close":
        if warning is not None:
            print(warning.message(), file=sys.stderr)
        print(
            zh_en(
                f"{words}已定稿（{event.day}，{event.by}）：进展、状态和数值不能再修改。",
                f"{period.code} is closed ({event.day}, {event.by}): its progress, statuses "
                "and figures can no longer be changed.",
            )
        )
    else:
        print(
            zh_en(
                f"{words}已重新打开（{event.day}，{event.by}，原因：{event.reason}）。",
                f"{period.code} is reopened ({event.day}, {event.by}; reason: {event.reason}).",
            )
        )
    return 0
