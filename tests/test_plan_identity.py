"""A plan's own identity: region, title and 附件 mark come from the table or from the clerk,
never from the built-in Qiantang plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from excel_support import write_table

from kpi_desktop.cli import main
from kpi_desktop.domain.plan_identity import identity_in_title, region_in_title
from kpi_desktop.services.new_plan import plan_spec_from_table
from kpi_desktop.services.queries import dump

CORPUS = Path(__file__).parent / "fixtures" / "tables"


@pytest.mark.parametrize(
    ("title", "region"),
    [
        ("立山区政府2023年重点工作任务分解和责任分工方案", "立山区"),
        ("2022年乐清市民生实事项目8月份推进情况", "乐清市"),
        ("萧县2025年民生实事9月份进展情况（未完成事项）", "萧县"),
        ("1-6月岳阳楼区重点民生实事项目进度表", "岳阳楼区"),
        ("2020年1-11月份宣城市《政府工作报告》量化指标任务未达到序时进度情况", "宣城市"),
        # Words that point at an office name no place.
        ("2022年度市县民生实事未完成项目进度表（截至10月31日）", ""),
        ("2017年全市经济社会发展主要预期目标", ""),
        ("2022年省、市为民办实事项目涉及我区项目1-8月份进展情况", ""),
        ("附件 2023年区政府重点民生实事项目推进情况（1-11月）", ""),
        ("市政府2020年重点工作（预下达）一季度进展情况表", ""),
    ],
)
def test_the_region_a_title_names(title: str, region: str) -> None:
    assert region_in_title(title) == region


def test_the_title_loses_its_attachment_mark_and_notes_and_keeps_the_mark() -> None:
    found = identity_in_title("附件1 2019年《政府工作报告》目标任务分解表 （注：A类指责任目标）")
    assert (found.attachment, found.title) == ("附件1", "2019年《政府工作报告》目标任务分解表")
    found = identity_in_title("附件2：2025年苍南县政府工作报告重点工作量化指标")
    assert found.attachment == "附件2" and found.region == "苍南县"
    # A year right after 附件 is the title's, not the attachment's number.
    assert identity_in_title("附件 2023年区政府重点民生实事").attachment == "附件"


@pytest.mark.parametrize(
    ("name", "year", "region", "title"),
    [
        (
            "t10_lishan_2023_plan.xls",
            2023,
            "立山区",
            "立山区政府2023年重点工作任务分解和责任分工方案",
        ),
        (
            "t26_linan_2022_plan.xlsx",
            2022,
            "临安区",
            "2022年临安区政府民生实事项目工作举措及实施计划",
        ),
        ("t06_yueqing_2022_m08.xlsx", 2022, "乐清市", "2022年乐清市民生实事项目8月份推进情况"),
        ("t24_xiaoxian_2025_m09.xlsx", 2025, "萧县", "萧县2025年民生实事9月份进展情况"),
    ],
)
def test_a_table_naming_its_region_makes_a_plan_of_that_region(
    database: Any, name: str, year: int, region: str, title: str
) -> None:
    """The database holds the built-in 2024 钱塘区 plan; none of it rubs off."""
    with database.read() as session:
        spec = plan_spec_from_table(session, CORPUS / name, year)
    assert (spec.region, spec.title) == (region, title)
    assert "钱塘" not in spec.title


def test_a_table_naming_no_region_takes_none_from_the_built_in_plan(database: Any) -> None:
    with database.read() as session:
        spec = plan_spec_from_table(session, CORPUS / "t09_guobanhan_2016_plan.xlsx")
    assert spec.region == ""
    assert spec.title == "2016年《政府工作报告》量化指标任务分工"


def _cangnan(path: Path, year: int, title: str | None = None) -> Path:
    rows: list[list[Any]] = [["附件3"]]
    if title is not None:
        rows.append([title])
    rows += [
        ["序号", "重点工作", "牵头单位"],
        [1, "地区生产总值增长6%左右。", "县发改局"],
        [2, "新增城镇就业1.2万人。", "县人力社保局"],
    ]
    return write_table(path, rows)


def test_a_cangnan_table_makes_a_cangnan_plan(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _cangnan(tmp_path / "t.xlsx", 2025, "2025年苍南县政府工作报告重点工作量化指标")
    assert main(["new-plan", "--db", str(database.path), str(table)]) == 0
    assert "地区：苍南县" in capsys.readouterr().out
    with database.read() as session:
        plan = dump(session)["plans"][-1]
    assert (plan["year"], plan["region"]) == (2025, "苍南县")
    assert plan["title"] == "2025年苍南县政府工作报告重点工作量化指标"
    assert plan["attachment"] == "附件3"


def test_the_clerk_names_region_and_title_and_later_plans_follow_her_own(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _cangnan(tmp_path / "t.xlsx", 2025, "2025年重点工作")
    args = ["new-plan", "--db", str(database.path), "--region", "苍南县"]
    assert main([*args, "--title", "2025年苍南县重点工作量化指标", str(table)]) == 0
    # The next year's table names no region: the plan is the clerk's office's, in her wording.
    nameless = _cangnan(tmp_path / "n.xlsx", 2026, "2026年重点工作")
    assert main(["new-plan", "--db", str(database.path), str(nameless)]) == 0
    with database.read() as session:
        plans = {p["year"]: p for p in dump(session)["plans"]}
    assert (plans[2025]["region"], plans[2025]["title"]) == (
        "苍南县",
        "2025年苍南县重点工作量化指标",
    )
    assert (plans[2026]["region"], plans[2026]["title"]) == (
        "苍南县",
        "2026年苍南县重点工作量化指标",
    )
    assert plans[2024]["region"] == "钱塘区"  # the built-in plan itself is left as it was


def test_without_a_region_anywhere_the_command_says_how_to_give_one(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _cangnan(tmp_path / "t.xlsx", 2025, "2025年重点工作")
    assert main(["new-plan", "--db", str(database.path), str(table)]) == 0
    out = capsys.readouterr().out
    assert "--region" in out and "钱塘区" not in out


def test_new_plan_on_a_missing_file_makes_it_holding_the_tables_plan_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shanghai.sqlite"
    table = CORPUS / "t23_shanghai_2024_y.xlsx"  # 2024: the built-in plan's year
    assert main(["new-plan", "--db", str(target), str(table)]) == 0
    assert "已建立 2024 年计划" in capsys.readouterr().out
    from kpi_desktop.services.database import open_for_reading

    database = open_for_reading(target)
    try:
        with database.read() as session:
            data = dump(session)
    finally:
        database.close()
    (plan,) = data["plans"]
    assert (plan["year"], plan["region"]) == (2024, "上海市")
    assert plan["title"] == "2024年上海市为民办实事项目完成情况"
    assert all(i["progress"] == {} for i in plan["indicators"])  # no built-in Q1 progress
    assert not (tmp_path / "shanghai-backups").exists()  # nothing before it to keep


def test_a_refused_table_leaves_no_new_file_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new.sqlite"
    nameless = write_table(
        tmp_path / "bad.xlsx", [["序号", "重点工作", "牵头单位"], [1, "增长6%。", "区发改局"]]
    )
    assert main(["new-plan", "--db", str(target), str(nameless)]) == 2  # no year anywhere
    assert "--year" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xlsx"]


def test_every_other_command_still_makes_a_missing_file_with_the_built_in_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "start.sqlite"
    assert main(["dump", "--db", str(target)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(p["year"], p["region"]) for p in data["plans"]] == [(2024, "钱塘区")]
