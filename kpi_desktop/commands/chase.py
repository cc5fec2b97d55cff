"""`kpi-desktop chase --db FILE --period P [--on YYYY-MM-DD] [--how WAY] -o OUT.txt|.csv|.pdf`:
record a round of chasing (催报) the units that still owe rows — on the day given (today by
default), the way given (电话 by default; a built-in way's code phone, sms, oa, notice, or a way
the clerk added) — and write its 催报单. The round and the file are one: if the file cannot be
written, no round is recorded. A refusal exits 2 and changes nothing."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from kpi_desktop.commands.import_returns import parse_period
from kpi_desktop.domain.calendar import ChaseWay, parse_date
from kpi_desktop.domain.errors import KpiError, zh_en
from kpi_desktop.domain.text import file_label
from kpi_desktop.services.calendar import record_round
from kpi_desktop.services.chase_notice import notice_csv, notice_text
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.files import check_folder, write_atomically
from kpi_desktop.services.queries import plan_for_year

FORMATS = (".txt", ".csv", ".pdf")


def run(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    assert period is not None
    on = parse_date(args.on) if args.on else date.today()
    output = Path(args.output)
    if output.suffix.lower() not in FORMATS:
        raise KpiError("calendar.bad_output", path=file_label(output))
    check_folder(output, "calendar.no_folder")
    if output.suffix.lower() == ".pdf":
        from kpi_desktop.commands.offscreen import gui_application

        gui_application()
    database = open_plan_database(args.db)
    try:
        with database.transaction() as session:
            plan = plan_for_year(session, period.year)
            chase = record_round(session, plan, period, on, args.how or ChaseWay.PHONE.value)
            suffix = output.suffix.lower()
            if suffix == ".pdf":
                from kpi_desktop.printing.chase_notice import notice_pdf

                notice_pdf(chase, output)
            else:
                text = notice_text(chase) if suffix == ".txt" else notice_csv(chase)
                write_atomically(output, text.encode("utf-8"), "file.cannot_write")
    finally:
        database.close()
    print(
        zh_en(
            f"已记录第{chase.number}轮催报（{chase.how}），共 {len(chase.units)} 个单位；"
            f"催报单：{output}",
            f"Round {chase.number} of chasing recorded ({chase.how}), {len(chase.units)} "
            f"units; notice: {output}",
        )
    )
    return 0
