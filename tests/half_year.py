"""A scripted half-year of the built-in plan, as the assessment test and the docs page use
it: four units send their templates back (one early, one on the due day, two late, one of
those only part of its rows), every other unit sends nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from unittest import mock

from excel_support import H1, fill_template

from kpi_desktop.services import editing
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.importing import apply_import, preview_import

DUE = date(2024, 7, 10)
TODAY = date(2024, 7, 20)

# What each unit writes, the day its file is imported, and its 存在问题 / 下步打算.
RETURNS: list[tuple[str, date, dict[int, str], dict[int, str], dict[int, str]]] = [
    (
        "区人社局",
        date(2024, 7, 8),
        {
            32: "上半年新增高技能人才1600人。",  # 53% at mid-year: 序时推进
            33: "上半年引进35周岁以下大学生9000人。",  # 30% of 3万: 滞后, explained
            39: "上半年城镇新增就业8000名。",  # 27% of 3万: 滞后, unexplained
        },
        {33: "部分高校毕业生尚未离校。"},
        {33: "7月举办专场招聘会。"},
    ),
    (
        "区住建局",
        DUE,  # on the due day is on time
        {
            36: "已完成新建雨、污水管网10公里。",  # the whole 10 km: 已完成
            38: "1. 筹集建设保障性租赁住房7200套（间）。 2. 已完成城中村改造650户。 "
            "3. 新开工安置房1600套。",
        },
        {},
        {},
    ),
    (
        "区商务局",
        date(2024, 7, 15),  # five days late
        {
            3: "上半年实际利用外资60000万美元。",  # 6 of 11亿美元, 55%: 序时推进
            14: "上半年新增入库限上社零企业10家。",  # 20%: 滞后, unexplained
            18: "上半年签约亿元以上项目55个、10亿元以上项目11个、50亿元以上项目1个。",
            20: "上半年落地亿元以上项目30个，其中10亿元以上项目7个。",
            35: "上半年培育外贸出口新主体55家。",
        },
        {},
        {},
    ),
    (
        "区经信科技局",
        date(2024, 7, 12),  # two days late, and only two of its fourteen rows
        {12: "存量企业已入库30家。", 31: "1-6月，促成产学研项目95个。"},
        {},
        {},
    ),
]
CHASED = {"区经信科技局": 2, "区商务局": 1, "区财政局": 2}


def play_half_year(database: Any, tmp_path: Path) -> None:
    """Import the units' returns of RETURNS, each on its day."""
    for unit, day, texts, problems, next_steps in RETURNS:
        with database.read() as session:
            blank = export_template(session, H1, tmp_path / f"{unit}.xlsx", unit).path
        filled = fill_template(blank, tmp_path / f"{unit}-填报.xlsx", texts)
        if problems:
            fill_template(filled, filled, problems, column="存在问题")
            fill_template(filled, filled, next_steps, column="下步打算")
        # The file is imported at noon, Beijing time, of that day.
        moment = datetime(day.year, day.month, day.day, 4, 0, tzinfo=UTC)
        with database.read() as session:
            preview = preview_import(session, [filled])
        assert not preview.errors(), [e.message() for e in preview.errors()]
        with mock.patch.object(editing, "utcnow", lambda moment=moment: moment):
            apply_import(database, preview)
