"""The command line on other offices' tables: the clerk's own reading of the columns
(`--columns`), the lead-unit level (`--level`), refusals in the words of the command, and every
row not taken as an indicator of its own told in the summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from excel_support import snapshot, write_table

from kpi_desktop.cli import main
from kpi_desktop.services.queries import dump

CORPUS = Path(__file__).parent / "fixtures" / "tables"


def _odd_table(path: Path) -> Path:
    return write_table(
        path,
        [
            ["2026年某某表"],
            ["编码", "甲栏", "乙栏", "丙栏"],
            [1, "新增就业1万人", "区人社局", "已完成8000人"],
            [2, "新建幼儿园2所", "区教育局", "已开工"],
        ],
    )


def test_a_plan_table_the_reader_does_not_know_is_refused_in_plan_words_then_read_by_hand(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _odd_table(tmp_path / "odd.xlsx")
    before = snapshot(database)
    assert main(["new-plan", "--db", str(database.path), str(table)]) == 2
    err = capsys.readouterr().err
    assert "计划表" in err and "进展情况表" not in err and "--columns" in err
    assert snapshot(database) == before
    args = ["new-plan", "--db", str(database.path), "--columns", "重点工作=B,牵头单位=C,表头=2"]
    assert main([*args, str(table)]) == 0
    with database.read() as session:
        plan = dump(session)["plans"][-1]
    assert plan["year"] == 2026
    assert [(i["text"], i["lead_units"]) for i in plan["indicators"]] == [
        ("新增就业1万人", ["区人社局"]),
        ("新建幼儿园2所", ["区教育局"]),
    ]


def test_a_return_the_reader_does_not_know_is_refused_in_return_words(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _odd_table(tmp_path / "odd.xlsx")
    assert main(["import", "--db", str(database.path), "--dry-run", str(table)]) == 2
    err = capsys.readouterr().err
    assert "进展情况表" in err and "进展情况" in err


def test_a_bad_columns_option_is_refused_with_what_is_not_understood(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _odd_table(tmp_path / "odd.xlsx")
    args = ["new-plan", "--db", str(database.path), "--columns", "重点工作=B,牵头单位:C"]
    assert main([*args, str(table)]) == 2
    assert "牵头单位:C" in capsys.readouterr().err


def test_two_levels_of_lead_unit_the_plan_takes_the_district_or_the_level_asked(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = CORPUS / "t33_ouhai_2018_m10.xlsx"
    assert main(["new-plan", "--db", str(database.path), "--year", "2018", str(table)]) == 0
    with database.read() as session:
        plan = next(p for p in dump(session)["plans"] if p["year"] == 2018)
    assert plan["indicators"][-1]["lead_units"] == ["区发改局"]
    args = ["new-plan", "--db", str(database.path), "--year", "2019", "--level", "市级"]
    assert main([*args, str(table)]) == 2  # 市级 is "/" on six rows: no lead unit there
    assert "没有填写牵头单位" in capsys.readouterr().err


def test_the_summary_tells_every_row_not_taken_as_its_own_indicator(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = CORPUS / "t28_zhonglou_2021_plan.xlsx"
    assert main(["new-plan", "--db", str(database.path), str(table)]) == 0
    out = capsys.readouterr().out
    assert "共 4 项指标" in out
    assert "第 5 行：重复的表头" in out
    assert "第 7 行：与第 6 行是同一项" in out
    assert "第 9 行：与第 8 行是同一项" in out and "第 10 行：与第 8 行是同一项" in out
