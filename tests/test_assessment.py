"""Each lead unit's assessment (考核) after a scripted half-year of the built-in plan: four
units send their templates back (one early, one on the due day, two late, one of those only
part of its rows), every other unit sends nothing. The table is checked cell by cell."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from half_year import CHASED, DUE, TODAY, play_half_year

from kpi_desktop.cli import main
from kpi_desktop.domain.assessment import Deductions, ScoreRules, Timeliness, deductions, timeliness
from kpi_desktop.services.assessment import AssessmentTable, Calendar, assess
from kpi_desktop.services.plans import load_builtin_plan


@pytest.fixture
def half_year(database: Any, tmp_path: Path) -> Any:
    play_half_year(database, tmp_path)
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


def test_assess_writes_the_table_to_excel_and_pdf(
    qapp: Any, half_year: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # (qapp: the window's tests in this process need the application to be a QApplication.)
    pypdf = pytest.importorskip("pypdf")
    db = str(half_year.path)
    dates = ["--due", "2024-07-10", "--on", "2024-07-20"]
    book = tmp_path / "考核.xlsx"
    assert main(["assess", "--db", db, "--period", "2024H1", *dates, "-o", str(book)]) == 0
    assert "已导出 2024H1 考核表（22 个单位）" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(book).active
    assert sheet is not None
    rows = {r[1]: r for r in sheet.iter_rows(min_row=3, max_row=24, values_only=True)}
    # Without chase rounds on the command line (they are the calendar's), the same scores.
    assert rows["区商务局"] == (
        2,
        "区商务局",
        "逾期5天",
        "7月15日",
        "5/5",
        0,
        4,
        1,
        1,
        0,
        7.5,
        92.5,
    )
    assert rows["区教育局"][2:] == ("未报送（逾期10天）", "—", "0/1", 0, 0, 0, 0, 0, 10, 90)
    pdf = tmp_path / "考核.pdf"
    assert main(["assess", "--db", db, "--period", "2024H1", *dates, "-o", str(pdf)]) == 0
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 2  # 22 units on one line each, the note on the second page
    text = "".join(page.extract_text() for page in reader.pages)
    for words in ("上半年牵头单位考核情况表", "区经信科技局", "逾期2天", "评分规则", "— 2 —"):
        assert words.replace(" ", "") in "".join(text.split()), words
    capsys.readouterr()
    # Refusals name the file and what to do, and write nothing.
    assert main(["assess", "--db", db, "--period", "2024H1", "-o", str(tmp_path / "a.doc")]) == 2
    assert "只支持 .pdf、.xlsx 格式" in capsys.readouterr().err
    assert main(["assess", "--db", db, "--period", "2024H1", "--due", "7/10", "-o", str(pdf)]) == 2
    assert "日期“7/10”无法识别" in capsys.readouterr().err


def test_the_offices_rules_from_a_file(
    half_year: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(half_year.path)
    rules = tmp_path / "评分规则.toml"
    rules.write_text("per_late_day = 1\nper_missing_return = 20\n", encoding="utf-8")
    book = tmp_path / "考核.xlsx"
    dates = ["--due", "2024-07-10", "--on", "2024-07-20"]
    args = ["assess", "--db", db, "--period", "2024H1", *dates, "--rules", str(rules)]
    assert main([*args, "-o", str(book)]) == 0
    sheet = openpyxl.load_workbook(book).active
    assert sheet is not None
    scores = {r[1]: r[-1] for r in sheet.iter_rows(min_row=3, max_row=24, values_only=True)}
    assert scores["区商务局"] == 100 - 5 - 5  # five days at 1, one unexplained 滞后 at 5
    assert scores["区教育局"] == 80
    capsys.readouterr()
    rules.write_text("per_late_dya = 1\n", encoding="utf-8")
    before = book.read_bytes()
    assert main([*args, "-o", str(book)]) == 2
    err = capsys.readouterr().err
    assert "评分规则文件" in err and "“per_late_dya”" in err and "per_late_day" in err
    assert book.read_bytes() == before
