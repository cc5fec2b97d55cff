"""`kpi-desktop due --db FILE --period P --date YYYY-MM-DD [--unit NAME]`: the period's due
date for returns, or with --unit that unit's own date. A bad date, an unknown unit or period,
or a closed period exits 2 and changes nothing."""

from __future__ import annotations

import argparse

from kpi_desktop.commands.import_returns import parse_period
from kpi_desktop.domain.calendar import chinese_date, parse_date
from kpi_desktop.domain.errors import zh_en
from kpi_desktop.services.calendar import set_due_date
from kpi_desktop.services.closing import period_words
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.queries import plan_for_year


def run(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    assert period is not None
    due = parse_date(args.date)
    database = open_plan_database(args.db)
    try:
        with database.transaction() as session:
            plan = plan_for_year(session, period.year)
            set_due_date(session, plan, period, due, args.unit)
            words = period_words(plan, period)
    finally:
        database.close()
    who = args.unit or zh_en("各单位", "every unit")
    print(
        zh_en(
            f"{words}报送截止日期（{who}）：{chinese_date(due)}。",
            f"{period.code} returns due ({who}): {due.isoformat()}.",
        )
    )
    return 0
