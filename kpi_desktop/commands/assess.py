"""`kpi-desktop assess --db FILE --period P -o OUT.xlsx|OUT.pdf`: each lead unit's assessment.

`--rules RULES.toml` gives the office's own points (the field names of
domain.assessment.ScoreRules, e.g. `per_late_day = 1`); `--due YYYY-MM-DD` is the day returns
were due (without it the date set with `kpi-desktop due`, if any: without either nothing is
late, and the table says no due date was set; a unit's own date and the chase rounds recorded
count too); `--on YYYY-MM-DD` the day the table is made (today by default),
to which missing returns are overdue. The PDF is laid out by the summary table's renderer on
the same GB/T 9704 page, offscreen.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from kpi_desktop.domain.errors import KpiError, os_error_text, zh_en
from kpi_desktop.services.assessment import AssessmentTable, assess, load_rules
from kpi_desktop.services.database import open_for_reading

FORMATS = (".pdf", ".xlsx")


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise KpiError("assess.bad_date", date=text) from error


def _write_pdf(table: AssessmentTable, output: Path) -> int:
    from kpi_desktop.commands.offscreen import gui_application

    app = gui_application()
    from kpi_desktop.printing.summary_printer import print_pdf

    pages = print_pdf(table, output, refusals=("assess.no_folder", "assess.cannot_write"))
    del app
    return pages


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise KpiError("assess.bad_format", path=str(output), formats="、".join(FORMATS))
    if not output.parent.is_dir():
        raise KpiError("assess.no_folder", path=str(output), folder=str(output.parent))
    rules_file = getattr(args, "rules", None)
    rules = load_rules(Path(rules_file)) if rules_file else None
    due = _date(getattr(args, "due", None))
    today = _date(getattr(args, "on", None)) or date.today()
    database = open_for_reading(args.db)
    try:
        with database.read() as session:
            from kpi_desktop.services.calendar import assessment_calendar
            from kpi_desktop.services.queries import plan_for_year
            from kpi_desktop.services.summary import period_of

            period = period_of(args.period)
            plan = plan_for_year(session, period.year)
            # The stored calendar (kpi-desktop due, chase); --due replaces the period's date.
            calendar = assessment_calendar(session, plan, period, today, due)
            table = assess(session, period, calendar, rules)
    finally:
        database.close()
    try:
        if suffix == ".pdf":
            _write_pdf(table, output)
        else:
            from kpi_desktop.services.assessment_xlsx import write_assessment_xlsx

            write_assessment_xlsx(table, output)
    except OSError as error:
        raise KpiError(
            "assess.cannot_write", path=str(output), detail=os_error_text(error)
        ) from error
    print(
        zh_en(
            f"已导出 {table.period.code} 考核表（{len(table.rows)} 个单位）：{output}",
            f"Wrote the {table.period.code} assessment ({len(table.rows)} units): {output}",
        )
    )
    return 0
