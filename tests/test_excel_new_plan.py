"""A new year's plan from an official table, keeping the units and their aliases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from excel_support import snapshot, write_table

from kpi_desktop.cli import main
from kpi_desktop.services.queries import dump


def _official_table(path: Path, plan_rows: Any, year: int = 2025) -> Path:
    header = ["序号", "重点工作", "牵头单位", "一季度进展情况"]
    rows: list[list[Any]] = [["附件2"], [f"{year}年钱塘区政府报告重点工作量化指标汇总表"]]
    for row in plan_rows:
        if row.seq in (1, 17, 34, 50):
            rows.append(header)  # the header repeated at each printed page
        rows.append([str(row.seq), row.text, row.units, row.progress])
    return write_table(path, rows)


def test_new_plan_from_official_table(
    database: Any, tmp_path: Path, plan_rows: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _official_table(tmp_path / "2025.xlsx", plan_rows)
    assert main(["new-plan", "--db", str(database.path), str(table)]) == 0
    assert "已建立 2025 年计划" in capsys.readouterr().out
    with database.read() as session:
        data = dump(session)
    assert [p["year"] for p in data["plans"]] == [2024, 2025]
    old, new = data["plans"]
    assert new["title"] == "2025年钱塘区政府报告重点工作量化指标"
    assert len(new["indicators"]) == len(plan_rows)
    for before, after in zip(old["indicators"], new["indicators"], strict=True):
        assert (after["seq"], after["text"]) == (before["seq"], before["text"])
        assert after["lead_units"] == before["lead_units"]
        # 区发展改革委 is still an alias of 区发展改革局.
        assert after["lead_units_canonical"] == before["lead_units_canonical"]
        assert after["progress"] == {}  # progress columns are ignored


def test_new_plan_refusals_change_nothing(
    database: Any, tmp_path: Path, plan_rows: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _official_table(tmp_path / "2024.xlsx", plan_rows, year=2024)
    before = snapshot(database)
    assert main(["new-plan", "--db", str(database.path), str(table)]) == 2
    assert "已有 2024 年的计划" in capsys.readouterr().err
    no_units = write_table(
        tmp_path / "缺单位.xlsx",
        [["2026年汇总表"], ["序号", "重点工作", "牵头单位"], [1, "地区生产总值增长5%。", ""]],
    )
    assert main(["new-plan", "--db", str(database.path), str(no_units)]) == 2
    err = capsys.readouterr().err
    assert "第 3 行" in err and "没有填写牵头单位" in err
    no_year = write_table(
        tmp_path / "无年份.xlsx", [["序号", "重点工作", "牵头单位"], [1, "甲", "乙"]]
    )
    assert main(["new-plan", "--db", str(database.path), str(no_year)]) == 2
    assert "--year" in capsys.readouterr().err
    assert snapshot(database) == before
