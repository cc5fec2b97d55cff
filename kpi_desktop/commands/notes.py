"""`kpi-desktop note` and `kpi-desktop instruct`: the clerk's note and a leadership instruction
(领导批示) on an indicator in a period, from the command line.

    kpi-desktop note     --db FILE --period P --seq N --text TEXT     (an empty TEXT removes it)
    kpi-desktop instruct --db FILE --period P --seq N --by WHO --date YYYY-MM-DD --text TEXT
                         [--follow-up 待落实|跟进中|已落实]

Written in one transaction and logged as typed, like the window's edits; a refusal (an
unknown 序号, an instruction without words, a date that is not one) changes nothing and exits 2.
"""

from __future__ import annotations

import argparse

from kpi_desktop.domain.errors import zh_en
from kpi_desktop.domain.notes import follow_up_of
from kpi_desktop.services import notes
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.summary import period_of


def run(args: argparse.Namespace) -> int:
    period = period_of(args.period)
    state = follow_up_of(args.follow_up) if args.command == "instruct" else None
    database = open_plan_database(args.db)
    try:
        with database.transaction() as session:
            indicator_id = notes.indicator_of(session, period.year, args.seq)
            if state is None:
                notes.set_remark(session, indicator_id, period.code, args.text)
            else:
                notes.add_instruction(
                    session, indicator_id, period.code, args.by, args.date, args.text, state
                )
    finally:
        database.close()
    if state is None:
        print(
            zh_en(
                f"已记下第 {args.seq} 项{period.chinese}的备注。",
                f"Kept the note on No. {args.seq} for {period.english}.",
            )
        )
    else:
        print(
            zh_en(
                f"已记录第 {args.seq} 项{period.chinese}的领导批示（{state.chinese}）。",
                f"Recorded the instruction on No. {args.seq} for {period.english} "
                f"({state.english}).",
            )
        )
    return 0
