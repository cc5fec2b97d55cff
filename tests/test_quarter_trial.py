"""A quarter as a new clerk and her units run it: the returns that went in wrong before, and
the words that meant two things."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from excel_support import H1, fill_template, snapshot

from kpi_desktop.cli import main
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.status import Status
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.importing import RowState, apply_import, preview_import
from kpi_desktop.services.queries import plan_for_year
from kpi_desktop.services.submissions import chase_list, chase_text, submissions
from kpi_desktop.storage.backup import list_backups

Q1 = Period.parse("2024Q1")


def _template(database: Any, folder: Path, period: Period, unit: str = "区商务局") -> Path:
    with database.read() as session:
        return export_template(session, period, folder / f"{period.code}-{unit}.xlsx", unit).path


def test_last_quarters_template_is_flagged_and_not_imported_by_the_command_line(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The built-in plan's first quarter is complete: the half-year is being collected.
    old = fill_template(
        _template(database, tmp_path, Q1), tmp_path / "旧模板.xlsx", {3: "改过的一季度。"}
    )
    with database.read() as session:
        preview = preview_import(session, [old])
    (file,) = preview.files
    assert file.period == "2024Q1" and file.earlier_than == "2024H1"
    assert preview.importable() and not preview.default_selection()  # flagged, not chosen
    before = snapshot(database)
    assert main(["import", "--db", str(database.path), str(old)]) == 2
    captured = capsys.readouterr()
    assert (
        "一季度" in captured.err and "上半年" in captured.err and "--period 2024Q1" in captured.err
    )
    assert "未导入" in captured.out
    assert snapshot(database) == before
    # Named on purpose, it goes in.
    assert main(["import", "--db", str(database.path), "--period", "2024Q1", str(old)]) == 0
    capsys.readouterr()
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        from kpi_desktop.services.queries import indicator_views

        view = next(v for v in indicator_views(session, plan) if v.seq == 3)
    assert view.progress["2024Q1"].text == "改过的一季度。"


def test_the_exported_summary_is_not_taken_for_a_return(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "汇总表.xlsx"
    assert (
        main(
            ["export-summary", "--db", str(database.path), "--period", "2024Q1", "-o", str(summary)]
        )
        == 0
    )
    capsys.readouterr()
    before = snapshot(database)
    assert main(["import", "--db", str(database.path), "--period", "2024Q1", str(summary)]) == 2
    err = capsys.readouterr().err
    assert "汇总表" in err and "不是牵头单位的报送表" in err and summary.name in err
    assert snapshot(database) == before


def test_a_file_sent_twice_is_read_once(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = fill_template(
        _template(database, tmp_path, H1), tmp_path / "区商务局.xlsx", {3: "甲。", 14: "乙。"}
    )
    again = tmp_path / "区商务局(1).xlsx"
    shutil.copy(first, again)
    with database.read() as session:
        preview = preview_import(session, [first, again])
    copy = preview.files[1]
    assert copy.copy_of == str(first) and not preview.importable(copy)
    assert all(r.state is RowState.SKIPPED and r.error is None for r in copy.rows)
    assert not preview.refusals()
    assert main(["import", "--db", str(database.path), str(first), str(again)]) == 0
    out = capsys.readouterr().out
    assert "已导入 2 行" in out and "相同，跳过" in out


def test_two_versions_of_a_row_are_shown_together_and_one_is_chosen(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = _template(database, tmp_path, H1)
    one = fill_template(template, tmp_path / "第一版.xlsx", {3: "第一版。", 14: "乙。"})
    two = fill_template(template, tmp_path / "第二版.xlsx", {3: "第二版。"})
    with database.read() as session:
        preview = preview_import(session, [one, two])
    first = next(r for r in preview.files[0].rows if r.seq == 3)
    second = next(r for r in preview.files[1].rows if r.seq == 3)
    assert first.conflict is second and second.conflict is first
    assert first.state is RowState.NEW and second.state is RowState.NEW  # neither refused
    chosen = preview.default_selection()
    assert first.key not in chosen and second.key not in chosen
    assert {r.seq for f in preview.files for r in f.rows if r.key in chosen} == {14}
    # The command line takes everything, so it refuses the pair, naming both files.
    before = snapshot(database)
    assert main(["import", "--db", str(database.path), str(one), str(two)]) == 2
    captured = capsys.readouterr()
    assert "第一版.xlsx" in captured.err and "第二版.xlsx" in captured.err
    assert captured.out.count("未导入") == 2
    assert snapshot(database) == before
    # In the window the clerk keeps the second version.
    with pytest.raises(KpiError) as both:
        apply_import(database, preview, accept=[first.key, second.key])
    assert both.value.code == "return.conflict"
    result = apply_import(database, preview, accept=[second.key])
    assert result.written == 1


def test_a_receipt_only_import_is_backed_up_first(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = fill_template(
        _template(database, tmp_path, H1), tmp_path / "区商务局.xlsx", {3: "甲。"}
    )
    assert main(["import", "--db", str(database.path), str(filled)]) == 0
    capsys.readouterr()
    again = tmp_path / "区商务局-再报.xlsx"
    shutil.copy(filled, again)
    count = len(list_backups(database.path))
    assert main(["import", "--db", str(database.path), str(again)]) == 0  # changes no value
    assert "未变 1" in capsys.readouterr().out
    assert len(list_backups(database.path)) == count + 1


def test_units_are_chased_only_for_rows_nobody_has_written(database: Any) -> None:
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        q1 = submissions(session, plan, Q1)
        q1_chase = chase_list(session, plan, Q1)
        h1_chase = chase_list(session, plan, H1)
    # The built-in plan has every first-quarter text: no return came, yet nothing is missing.
    assert all(not s.returned for s in q1) and all(not s.outstanding for s in q1)
    assert q1_chase == []
    # The half-year has nothing yet: every unit is chased for all its rows, as 未报送.
    assert h1_chase and all(not item.answered for item in h1_chase)
    assert "未报送" in chase_text(h1_chase, H1)


def test_an_indicator_without_text_is_not_called_unreturned() -> None:
    assert Status.NOT_REPORTED.chinese == "待填报"


def test_a_template_into_a_folder_that_does_not_exist_is_refused(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "没有这个文件夹" / "模板.xlsx"
    assert (
        main(["export-template", "--db", str(database.path), "--period", "2024H1", "-o", str(out)])
        == 2
    )
    assert "不存在" in capsys.readouterr().err
    assert not out.parent.exists()


def test_a_folder_or_an_empty_file_given_as_the_database_is_told_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "数据"
    folder.mkdir()
    assert main(["dump", "--db", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "是一个文件夹，不是数据库文件" in err and "Errno" not in err
    empty = tmp_path / "空.sqlite"
    empty.touch()
    assert main(["dump", "--db", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "是空的" in err and "Errno" not in err
    assert empty.read_bytes() == b""
