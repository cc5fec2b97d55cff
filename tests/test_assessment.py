"""Each lead unit's assessment (考核) after a scripted half-year of the built-in plan: four
units send their templates back (one early, one on the due day, two late, one of those only
part of its rows), every other unit sends nothing. The table is checked cell by cell."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from excel_support import H1, fill_template

from kpi_desktop.domain.assessment import Deductions, ScoreRules, Timeliness, deductions, timeliness
from kpi_desktop.services import editing
from kpi_desktop.services.assessment import AssessmentTable, Calendar, assess
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.importing import apply_import, preview_import
from kpi_desktop.services.plans import load_builtin_plan

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
            38: "1. 筹集建设保障性租赁住房7200套（间）。 2. 已完成城中村改造400户。 "
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


@pytest.fixture
def half_year(database: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    for unit, day, texts, problems, next_steps in RETURNS:
        with database.read() as session:
            blank = export_template(session, H1, tmp_path / f"{unit}.xlsx", unit).path
        filled = fill_template(blank, tmp_path / f"{unit}-填报.xlsx", texts)
        if problems:
            fill_template(filled, filled, problems, column="存在问题")
            fill_template(filled, filled, next_steps, column="下步打算")
        # The file is imported at noon, Beijing time, of that day.
        moment = datetime(day.year, day.month, day.day, 4, 0, tzinfo=UTC)
        monkeypatch.setattr(editing, "utcnow", lambda moment=moment: moment)
        with database.read() as session:
            preview = preview_import(session, [filled])
        assert not preview.errors(), [e.message() for e in preview.errors()]
        apply_import(database, preview)
    return database


def _table(database: Any, rules: ScoreRules | None = None) -> AssessmentTable:
    calendar = Calendar(due=DUE, chase_rounds=CHASED, today=TODAY)
    with database.read() as session:
        return assess(session, "2024H1", calendar, rules)


def test_the_half_years_assessment_cell_by_cell(half_year: Any) -> None:
    table = _table(half_year)
    assert table.title == "2024年钱塘区政府报告重点工作量化指标上半年牵头单位考核情况表"
    assert table.headers() == [
        "序号",
        "牵头单位",
        "报送情况",
        "报送日期",
        "已报/应报",
        "已完成",
        "序时推进",
        "滞后",
        "滞后未说明",
        "催报次数",
        "扣分",
        "得分",
    ]
    cells = {row.unit: table.cells(row)[1:] for row in table.rows}
    # The units that answered, worked out by hand from what they wrote:
    assert cells["区人社局"] == [
        "区人社局", "按时报送", "7月8日", "3/3", "0", "1", "2", "1", "0", "5", "95",
    ]  # fmt: skip
    assert cells["区住建局"] == [
        "区住建局", "按时报送", "7月10日", "2/2", "1", "1", "0", "0", "0", "0", "100",
    ]  # fmt: skip
    # 5 days × 0.5 + one unexplained 滞后 × 5.
    assert cells["区商务局"] == [
        "区商务局", "逾期5天", "7月15日", "5/5", "0", "4", "1", "1", "1", "7.5", "92.5",
    ]  # fmt: skip
    # 2 days × 0.5 + 12 rows still outstanding × 2, but a part never costs more than the 10
    # of nothing; none of its rows is behind (the others have no text: 待填报).
    assert cells["区经信科技局"] == [
        "区经信科技局", "逾期2天", "7月12日", "2/14", "0", "2", "0", "0", "2", "11", "89",
    ]  # fmt: skip
    # 区发展改革局 sent nothing; its shared row 20 stands on 区商务局's return.
    assert cells["区发展改革局"] == [
        "区发展改革局", "未报送（逾期10天）", "—", "0/7", "0", "1", "0", "0", "0", "10", "90",
    ]  # fmt: skip
    # Every other unit sent nothing: 10 days overdue on 20 July, 10 points off; its rows are
    # counted from the plan file.
    led = Counter(
        unit for item in load_builtin_plan().indicators for unit in dict.fromkeys(item.lead_units)
    )
    led["区发展改革局"] += led.pop("区发展改革委", 0)  # rows 20 and 22 write the old name
    answered = {"区人社局", "区住建局", "区商务局", "区经信科技局", "区发展改革局"}
    others = [row.unit for row in table.rows if row.unit not in answered]
    assert sorted(others) == sorted(set(led) - answered)
    for unit in others:
        assert cells[unit] == [
            unit,
            "未报送（逾期10天）",
            "—",
            f"0/{led[unit]}",
            "0",
            "0",
            "0",
            "0",
            str(CHASED.get(unit, 0)),
            "10",
            "90",
        ], unit
    # The running number and the plan's order of first mention.
    assert [table.cells(row)[0] for row in table.rows] == [
        str(n) for n in range(1, len(table.rows) + 1)
    ]
    assert table.rows[0].unit == "区发展改革局"
    assert "2024年7月10日" in table.footnote and "逾期报送每天扣0.5分" in table.footnote


def test_the_offices_own_rules(half_year: Any) -> None:
    rules = ScoreRules(per_late_day=1, per_unexplained=2, per_chase_round=1, per_missing_row=0)
    by_unit = {row.unit: row for row in _table(half_year, rules).rows}
    assert by_unit["区商务局"].score == 100 - 5 - 2 - 1
    assert by_unit["区经信科技局"].score == 100 - 2 - 2  # no points for the missing rows
    assert "每催报一次扣1分" in rules.describe()


def test_without_a_due_date_nothing_is_late() -> None:
    assert timeliness(None, date(2024, 7, 30), TODAY, anything_due=True) == (
        Timeliness.NO_DUE_DATE,
        0,
    )
    assert timeliness(DUE, None, date(2024, 7, 5), anything_due=True) == (Timeliness.NOT_YET, 0)
    assert timeliness(DUE, None, TODAY, anything_due=False) == (Timeliness.WRITTEN, 0)
    taken = deductions(ScoreRules(), Timeliness.NOT_YET, 0, False, 3, 0, 0)
    assert taken == Deductions()
