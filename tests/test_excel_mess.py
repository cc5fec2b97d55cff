"""Returns as they really come back: the table is found and read whatever the mess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from excel_support import progress, run_import, write_table

from kpi_desktop.services.importing import RowState, preview_import
from kpi_desktop.services.returns import RowKind, parse_seq, read_return

TEXT_3 = "实际利用外资11亿美元以上。"
TEXT_14 = "新增限上社零企业50家。"
HEADER = ["序号", "重点工作", "牵头单位", "上半年进展情况"]
TITLE = "2024年钱塘区政府报告重点工作量化指标上半年进展情况（区商务局）"


def test_table_on_a_later_sheet_below_title_and_blank_rows(database: Any, tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "商务局.xlsx",
        [
            ["附件2"],
            [TITLE],
            [],
            [],
            ["序号", "重点工作", "牵头单位", "上半年进展情况"],
            [3, TEXT_3, "区商务局", "上半年5亿美元。"],
        ],
        sheets_before=["填表说明", "目录"],
    )
    preview = run_import(database, [path])
    assert preview.files[0].rows[0].sheet == "报送表" and preview.files[0].rows[0].row == 6
    assert progress(database, 3)["text"] == "上半年5亿美元。"


def test_header_names_with_stray_spaces_and_line_breaks(database: Any, tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "r.xlsx",
        [
            [TITLE],
            ["序 号", "重点工作\n（量化指标）", " 牵头\n单位 ", "上半年\n进展 情况"],
            [3, TEXT_3, "区商务局", "甲"],
        ],
    )
    run_import(database, [path])
    assert progress(database, 3)["text"] == "甲"


@pytest.mark.parametrize(
    ("title", "header", "period"),
    [
        ("2024年重点工作量化指标进展", "上半年进展情况", "2024H1"),
        ("2024年重点工作量化指标前三季度进展情况表", "进展情况", "2024Q3"),
        ("2024年度重点工作量化指标1-6月推进情况", "完成情况", "2024H1"),
    ],
)
def test_period_from_the_header_or_the_title(
    database: Any, tmp_path: Path, title: str, header: str, period: str
) -> None:
    path = write_table(
        tmp_path / "r.xlsx",
        [[title], ["序号", "重点工作", "牵头单位", header], [3, TEXT_3, "区商务局", "甲"]],
    )
    run_import(database, [path])
    assert progress(database, 3, period)["text"] == "甲"


def test_extra_columns_are_ignored(database: Any, tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "r.xlsx",
        [
            [TITLE],
            ["备注", "序号", "重点工作", "牵头单位", "填报人", "上半年进展情况", "联系电话"],
            ["", 3, TEXT_3, "区商务局", "张三", "甲", "86001234"],
        ],
    )
    run_import(database, [path])
    assert progress(database, 3)["text"] == "甲"


def test_header_repeated_at_page_breaks_is_skipped(database: Any, tmp_path: Path) -> None:
    header = HEADER
    path = write_table(
        tmp_path / "r.xlsx",
        [[TITLE], header, [3, TEXT_3, "区商务局", "甲"], [], header, [14, TEXT_14, "", "乙"]],
    )
    preview = run_import(database, [path])
    assert [r.seq for r in preview.rows(RowState.NEW)] == [3, 14]
    assert progress(database, 14)["text"] == "乙"


def test_merged_cells(database: Any, tmp_path: Path) -> None:
    # A lead unit merged over two rows, a section title merged across the table.
    path = write_table(
        tmp_path / "r.xlsx",
        [
            [TITLE],
            ["序号", "重点工作", "牵头单位", "上半年进展情况"],
            ["一、对外开放", None, None, None],
            [3, TEXT_3, "区商务局", "甲"],
            [14, TEXT_14, None, "乙"],
        ],
        merges=["A1:D1", "A3:D3", "C4:C5"],
    )
    table = read_return(path)
    assert [r.units for r in table.data_rows()] == ["区商务局", "区商务局"]
    # The section title is kept as a note under the header, not dropped.
    assert [(r.row, r.kind) for r in table.rows if r.kind is not RowKind.DATA] == [
        (3, RowKind.NOTE)
    ]
    run_import(database, [path])
    assert progress(database, 14)["text"] == "乙"


@pytest.mark.parametrize("cell", ["3", " 3 ", "３", "3.0", 3.0, "3、", "（3）"])
def test_seq_typed_as_text_full_width_or_float(database: Any, tmp_path: Path, cell: Any) -> None:
    path = write_table(
        tmp_path / "r.xlsx",
        [[TITLE], HEADER, [cell, TEXT_3, "区商务局", "甲"]],
    )
    run_import(database, [path])
    assert progress(database, 3)["text"] == "甲"


def test_text_differing_only_in_width_and_spaces_matches(database: Any, tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "r.xlsx",
        [
            [TITLE],
            ["序号", "重点工作", "牵头单位", "上半年进展情况"],
            [3, "实际利用外资 １１ 亿美元以上。\n", "区商务局", "甲"],
        ],
    )
    run_import(database, [path])
    assert progress(database, 3)["text"] == "甲"


def test_rows_of_other_units_and_empty_rows_are_skipped(database: Any, tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "区商务局.xlsx",
        [
            ["2024年上半年进展情况"],
            ["序号", "重点工作", "牵头单位", "上半年进展情况"],
            [1, "地区生产总值增长5.5%。", "区发展改革局", "季度数据。"],
            [3, TEXT_3, "区商务局", "甲"],
            [14, TEXT_14, "区商务局", ""],
        ],
    )
    with database.read() as session:
        preview = preview_import(session, [path])
    (file,) = preview.files
    assert file.unit == "区商务局"  # from the file name
    states = {r.seq: (r.state, [n.code for n in r.notices]) for r in file.rows}
    assert states == {
        1: (RowState.SKIPPED, ["other_unit"]),
        3: (RowState.NEW, []),
        14: (RowState.SKIPPED, ["empty"]),
    }


def test_row_without_seq_is_matched_by_its_text(database: Any, tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "r.xlsx",
        [[TITLE], HEADER, [None, TEXT_3, "区商务局", "甲"]],
    )
    run_import(database, [path])
    assert progress(database, 3)["text"] == "甲"


def test_parse_seq() -> None:
    assert [parse_seq(c) for c in ["12", "１２", "12.0", "12.", "No.1", "1.5", "", "0"]] == [
        12,
        12,
        12,
        12,
        None,
        None,
        None,
        None,
    ]
