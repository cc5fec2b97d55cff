"""`kpi-desktop new-plan --db FILE [--year Y] [--region NAME] [--title TEXT] TABLE`: a year's
plan from an official table."""

from __future__ import annotations

import argparse

from kpi_desktop.commands.import_returns import column_choice
from kpi_desktop.domain.errors import zh_en
from kpi_desktop.services.database import discard_new_file, is_new_file, open_plan_database
from kpi_desktop.services.new_plan import LEVELS, create_plan_from_table


def run(args: argparse.Namespace) -> int:
    choice = column_choice(getattr(args, "columns", None))
    level = LEVELS.get(getattr(args, "level", None) or "")
    # A FILE that does not exist yet is made holding the table's plan only (not the built-in
    # plan); if the table is refused, the new file is removed again.
    fresh = is_new_file(args.db)
    database = open_plan_database(args.db, empty=fresh)
    try:
        created = create_plan_from_table(
            database,
            args.table,
            args.year,
            choice=choice,
            level=level,
            region=getattr(args, "region", None),
            title=getattr(args, "title", None),
        )
    except BaseException:
        if fresh:
            discard_new_file(database)
        raise
    finally:
        database.close()
    print(
        zh_en(
            f"已建立 {created.year} 年计划“{created.title}”，共 {created.indicators} 项指标。",
            f"Created the {created.year} plan “{created.title}” with {created.indicators} "
            "indicators.",
        )
    )
    if created.region:
        print(zh_en(f"地区：{created.region}", f"Region: {created.region}"))
    else:
        print(
            zh_en(
                "表格标题没有写明地区，计划未记地区；"
                "如需记上，请用 --region 指明（如 --region 苍南县）。",
                "The table's title names no region, so the plan has none; give it with "
                "--region (e.g. --region 苍南县).",
            )
        )
    if created.new_units:
        print(zh_en("新的牵头单位：", "New lead units: ") + "、".join(created.new_units))
    if created.renumbered:
        print(
            zh_en(
                "表格的序号不能让每项指标各有一个整数序号（有 1.1、4-1 一类的分项，或有重复、"
                "缺失），已按表格顺序重新编为 1、2、3……",
                "The table's numbers do not give each indicator a whole number of its own "
                "(sub-items such as 1.1 or 4-1, repeated or missing numbers); numbered 1, 2, "
                "3… in the table's order.",
            )
        )
    for row, notice in created.told:
        print(zh_en(f"  第 {row} 行：", f"  row {row}: ") + notice.message())
    return 0
