"""Monthly returns ("1-11月", "11月份", "截至4月底") are filed under a quarter-type period with
their as-of month, taken from the title or the progress header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from excel_support import progress, run_import, snapshot, write_table

from kpi_desktop.cli import main
from kpi_desktop.domain.periods import PeriodKind, kind_holding_month, month_in_heading
from kpi_desktop.services.returns import read_return

CORPUS = Path(__file__).parent / "fixtures" / "tables"


@pytest.mark.parametrize(
    ("heading", "month"),
    [
        ("1-11月推进情况", 11),
        ("11月份", 11),
        ("截至4月底", 4),
        ("1-4月", 4),
        ("1至4月份进展情况", 4),
        ("截至2024年4月底进展情况", 4),
        ("2022年度市县民生实事未完成项目进度表（截至10月31日）", 10),
        ("2024年4月省政府民生实事项目进展情况汇总表", 4),
        ("2021年省政府民生实事项目进展情况（7月）", 7),
        ("2020年1-11月份宣城市《政府工作报告》量化指标任务未达到序时进度情况", 11),
        ("上半年进展情况", None),
        ("2024年重点工作进展情况", None),
    ],
)
def test_the_month_a_heading_states(heading: str, month: int | None) -> None:
    assert month_in_heading(heading) == month


def test_a_month_counts_toward_the_period_that_holds_it() -> None:
    kinds = [kind_holding_month(month) for month in range(1, 13)]
    assert (
        kinds
        == [PeriodKind.Q1] * 3 + [PeriodKind.H1] * 3 + [PeriodKind.Q3] * 3 + [PeriodKind.Y] * 3
    )


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("t25_chongchuan_2023_m11.xlsx", 11),  # two progress columns, 1-10月 and 1-11月
        ("t15_xuancheng_2020_m11.xlsx", 11),  # the title: 2020年1-11月份
        ("t01_cangnan_2022_m10.xlsx", 10),  # the title: （截至10月31日）
        ("t02_taishun_2024_m04.xls", 4),  # the title: 2024年4月…汇总表
    ],
)
def test_the_reader_takes_the_month_from_the_title_or_the_progress_header(
    name: str, month: int
) -> None:
    assert read_return(CORPUS / name, need_progress=False).as_of_month == month


def _return(path: Path, plan_rows: Any, title: str, header: str = "进展情况") -> Path:
    row = plan_rows[0]
    return write_table(
        path,
        [
            [title],
            ["序号", "重点工作", "牵头单位", header],
            [row.seq, row.text, row.units, "推进中"],
        ],
    )


def test_a_return_to_april_goes_under_the_half_year_with_its_month(
    database: Any, tmp_path: Path, plan_rows: Any
) -> None:
    table = _return(tmp_path / "april.xlsx", plan_rows, "2024年重点工作进展情况（截至4月底）")
    preview = run_import(database, [table])
    assert preview.files[0].period == "2024H1"
    seq = plan_rows[0].seq
    assert progress(database, seq)["as_of_month"] == 4
    # The half-year's own return, naming no month, stands as of the period's end again.
    later = _return(tmp_path / "h1.xlsx", plan_rows, "2024年重点工作", header="上半年进展情况")
    run_import(database, [later])
    assert "as_of_month" not in progress(database, seq)


def test_a_return_to_november_goes_under_the_whole_year_from_its_header(
    database: Any, tmp_path: Path, plan_rows: Any
) -> None:
    table = _return(tmp_path / "nov.xlsx", plan_rows, "2024年重点工作", header="1-11月推进情况")
    preview = run_import(database, [table])
    assert preview.files[0].period == "2024Y"
    assert progress(database, plan_rows[0].seq, "2024Y")["as_of_month"] == 11


def test_the_clerks_period_takes_the_month_and_a_month_after_it_is_refused(
    database: Any, tmp_path: Path, plan_rows: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    may = _return(tmp_path / "may.xlsx", plan_rows, "2024年重点工作", header="5月份进展情况")
    assert main(["import", "--db", str(database.path), "--period", "2024H1", str(may)]) == 0
    assert progress(database, plan_rows[0].seq)["as_of_month"] == 5
    capsys.readouterr()
    before = snapshot(database)
    nov = _return(tmp_path / "nov.xlsx", plan_rows, "2024年1-11月重点工作进展情况")
    assert main(["import", "--db", str(database.path), "--period", "2024H1", str(nov)]) == 2
    assert "11 月" in capsys.readouterr().err
    assert snapshot(database) == before
