"""`kpi-desktop new-plan --db FILE [--year Y] TABLE`: next year's plan from an official table."""

from __future__ import annotations

import argparse

from kpi_desktop.domain.errors import zh_en
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.new_plan import create_plan_from_table


def run(args: argparse.Namespace) -> int:
    database = open_plan_database(args.db)
    try:
        created = create_plan_from_table(database, args.table, args.year)
    finally:
        database.close()
    print(
        zh_en(
            f"已建立 {created.year} 年计划“{created.title}”，共 {created.indicators} 项指标。",
            f"Created the {created.year} plan “{created.title}” with {created.indicators} "
            "indicators.",
        )
    )
    if created.new_units:
        print(zh_en("新的牵头单位：", "New lead units: ") + "、".join(created.new_units))
    return 0
