"""`kpi-desktop export-template --db FILE --period P [--unit NAME] -o OUT.xlsx`

With `--unit` (a canonical name or an alias) the template holds that unit's rows, shared
ones included; without it, one workbook holding every row of the plan.
"""

from __future__ import annotations

import argparse

from kpi_desktop.commands.import_returns import parse_period
from kpi_desktop.domain.errors import zh_en
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.reads import reading


def run(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    assert period is not None
    with reading(args.db) as reader:
        info = export_template(reader, period, args.output, args.unit)
    who = info.unit or zh_en("全部牵头单位", "all lead units")
    print(
        zh_en(
            f"已导出 {info.period} {who} 的模板（{info.rows} 行）：{info.path}",
            f"Wrote the {info.period} template for {who} ({info.rows} rows): {info.path}",
        )
    )
    return 0
