"""Templates out, returns in: every unit's template filled and imported comes back whole."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from excel_support import FIXTURES, H1, fill_template, progress, run_import, snapshot

from kpi_desktop.domain.periods import Period
from kpi_desktop.services import editing
from kpi_desktop.services.excel_template import (
    STATUS_CHOICES,
    export_template,
    export_templates_per_unit,
)
from kpi_desktop.services.importing import RowState, apply_import, preview_import
from kpi_desktop.services.queries import dump, plan_for_year
from kpi_desktop.services.returns import identity_hash, read_return
from kpi_desktop.services.submissions import chase_csv, chase_list, chase_text, submissions


def _units_in_order(indicator: dict[str, Any]) -> list[str]:
    seen: list[str] = []
    for unit in indicator["lead_units_canonical"]:
        if unit not in seen:
            seen.append(unit)
    return seen


def test_every_units_template_round_trips(database: Any, tmp_path: Path) -> None:
    with database.read() as session:
        infos = export_templates_per_unit(session, H1, tmp_path / "out")
    filled = []
    for info in infos:
        assert info.unit is not None
        workbook = openpyxl.load_workbook(info.path)
        seqs = [c.value for c in workbook["进展情况"]["A"][3:] if isinstance(c.value, int)]
        assert len(seqs) == info.rows
        values = {seq: f"{info.unit}：第{seq}项上半年进展。" for seq in seqs}
        filled.append(fill_template(info.path, tmp_path / f"{info.unit}-回.xlsx", values))
    run_import(database, filled)

    with database.read() as session:
        data = dump(session)
        answers = submissions(session, plan_for_year(session, 2024), H1)
        chase = chase_list(session, plan_for_year(session, 2024), H1)
    for indicator in data["plans"][0]["indicators"]:
        expected = "\n".join(
            f"{unit}：第{indicator['seq']}项上半年进展。" for unit in _units_in_order(indicator)
        )
        got = indicator["progress"]["2024H1"]
        assert got["text"] == expected, indicator["seq"]
        assert got["source"] == "imported"
    assert all(a.complete for a in answers)
    assert {a.unit for a in answers} == {i.unit for i in infos}
    assert all(a.files == (f"{a.unit}-回.xlsx",) for a in answers)
    assert chase == []


def test_all_units_template_round_trips(database: Any, tmp_path: Path, plan_rows: Any) -> None:
    with database.read() as session:
        info = export_template(session, H1, tmp_path / "全部.xlsx")
    assert info.unit is None and info.rows == len(plan_rows)
    values = {row.seq: f"第{row.seq}项" for row in plan_rows}
    run_import(database, [fill_template(info.path, tmp_path / "全部-回.xlsx", values)])
    for row in plan_rows:
        assert progress(database, row.seq)["text"] == f"第{row.seq}项"


def test_template_looks_like_the_official_table(database: Any, tmp_path: Path) -> None:
    with database.read() as session:
        info = export_template(session, H1, tmp_path / "t.xlsx", "区发展改革委")  # an alias
    assert info.unit == "区发展改革局"
    workbook = openpyxl.load_workbook(info.path)
    sheet = workbook["进展情况"]
    assert sheet["A1"].value == "附件2"
    assert "2024" in sheet["A2"].value and "上半年" in sheet["A2"].value
    assert "区发展改革局" in sheet["A2"].value
    header = [c.value for c in sheet[3]]
    assert header == [
        "序号",
        "重点工作",
        "牵头单位",
        "一季度进展情况（上期，供参考）",
        "上半年进展情况",
        "完成状态",
        "存在问题",
        "下步打算",
    ]
    assert sheet.freeze_panes == "A4"
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.protection.sheet is True
    assert sheet["B4"].protection.locked is True
    assert sheet["D4"].protection.locked is True
    for column in "EFGH":
        assert sheet[f"{column}4"].protection.locked is False
    assert sheet["B4"].alignment.wrap_text and sheet["B4"].border.left.style == "thin"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"' + ",".join(STATUS_CHOICES) + '"'
    assert "F4" in str(validation.sqref)
    # Rows of the unit, shared ones and ones written under its alias included.
    seqs = [c.value for c in sheet["A"][3:]]
    assert 5 in seqs and 20 in seqs and 3 not in seqs
    first_q1 = sheet["D4"].value
    assert first_q1 == "季度数据。"  # last period's progress beside it
    marker = workbook["_kpi"]
    assert marker.sheet_state == "hidden"
    facts = {r[0].value: r[1].value for r in marker.iter_rows() if r[0].value != "row"}
    assert facts["year"] == "2024" and facts["period"] == "2024H1"
    assert facts["unit"] == "区发展改革局" and facts["version"] == "1"
    identities = {r[1].value: r[2].value for r in marker.iter_rows() if r[0].value == "row"}
    assert identities[1] == identity_hash("地区生产总值增长5.5%。")


@pytest.mark.parametrize("text", ["=SUM(A1:A3)", "+3家", "-5%，同比下降", "@区商务局"])
def test_formula_like_text_stays_text(database: Any, tmp_path: Path, text: str) -> None:
    with database.read() as session:
        template = export_template(session, H1, tmp_path / "t.xlsx", "区商务局").path
    run_import(database, [fill_template(template, tmp_path / "r.xlsx", {3: text})])
    assert progress(database, 3)["text"] == text
    with database.read() as session:
        again = export_template(session, H1, tmp_path / "again.xlsx", "区商务局").path
    sheet = openpyxl.load_workbook(again)["进展情况"]
    rows = range(4, sheet.max_row + 1)
    cell = next(sheet.cell(r, 5) for r in rows if sheet.cell(r, 1).value == 3)
    assert cell.value == text
    assert cell.data_type == "s"
    assert cell.quotePrefix
    assert read_return(again).rows[0].progress == text


@pytest.mark.parametrize("name", ["returns-libreoffice.xlsx", "returns-libreoffice.xls"])
def test_file_saved_by_libreoffice_round_trips(database: Any, name: str) -> None:
    fixture = FIXTURES / name
    preview = run_import(database, [fixture])
    (file,) = preview.files
    assert (file.unit, file.period) == ("区商务局", "2024H1")
    assert progress(database, 3)["text"] == "上半年实际利用外资5.2亿美元。"
    assert progress(database, 14)["text"] == "=上半年新增限上社零企业21家"
    assert progress(database, 3)["status"] == "on_schedule"
    # 18 is shared (区商务局 with others): the unit's contribution is its text.
    assert progress(database, 18)["text"] == "签约亿元以上项目46个。"
    entry = progress(database, 3)
    assert entry["source_file"] == name
    with database.read() as session:
        log = editing.history(session, _indicator_id(database, 3))
    assert log[0].source_hash == hashlib.sha256(fixture.read_bytes()).hexdigest()


def _indicator_id(database: Any, seq: int) -> int:
    from kpi_desktop.services.queries import indicator_views

    with database.read() as session:
        plan = plan_for_year(session, 2024)
        return next(v.id for v in indicator_views(session, plan) if v.seq == seq)


def test_shared_indicator_keeps_each_units_text_and_the_clerks_edit(
    database: Any, tmp_path: Path
) -> None:
    # 5 is led by 区发展改革局 and 区财政局, in that order.
    with database.read() as session:
        finance = export_template(session, H1, tmp_path / "f.xlsx", "区财政局").path
        planning = export_template(session, H1, tmp_path / "p.xlsx", "区发展改革局").path
    run_import(database, [fill_template(finance, tmp_path / "f1.xlsx", {5: "财政收入68亿元。"})])
    assert progress(database, 5)["text"] == "财政收入68亿元。"
    run_import(database, [fill_template(planning, tmp_path / "p1.xlsx", {5: "GDP增长5.6%。"})])
    assert progress(database, 5)["text"] == "GDP增长5.6%。\n财政收入68亿元。"

    indicator = _indicator_id(database, 5)
    with database.transaction() as session:
        editing.set_progress(session, indicator, "2024H1", {"text": "人工改写的进展。"})
    again = fill_template(finance, tmp_path / "f2.xlsx", {5: "财政收入70亿元。"})
    with database.read() as session:
        preview = preview_import(session, [again])
    (row,) = preview.rows(RowState.CHANGED)
    assert row.changes["text"] == ("财政收入68亿元。", "财政收入70亿元。")
    assert [n.code for n in row.notices] == ["clerk_text"]
    apply_import(database, preview)
    assert progress(database, 5)["text"] == "人工改写的进展。"
    with database.read() as session:
        answers = {a.unit: a for a in submissions(session, plan_for_year(session, 2024), H1)}
    assert 5 in answers["区财政局"].returned and answers["区财政局"].files == ("f2.xlsx",)


def test_return_unchanged_from_previous_period_is_flagged(database: Any, tmp_path: Path) -> None:
    with database.read() as session:
        template = export_template(session, H1, tmp_path / "t.xlsx", "区商务局").path
    q1_text = "预计一季度实际利用外资19431万美元。"
    same = fill_template(template, tmp_path / "same.xlsx", {3: " " + q1_text})
    new = fill_template(template, tmp_path / "new.xlsx", {3: "上半年5亿美元。"})
    with database.read() as session:
        preview = preview_import(session, [same])
        fresh = preview_import(session, [new])
    assert preview.files[0].same_as_previous
    assert preview.rows(RowState.NEW)[0].same_as_previous
    assert not fresh.files[0].same_as_previous


def test_preview_changes_nothing_and_apply_takes_only_accepted_rows(
    database: Any, tmp_path: Path
) -> None:
    with database.read() as session:
        template = export_template(session, H1, tmp_path / "t.xlsx", "区商务局").path
    filled = fill_template(template, tmp_path / "r.xlsx", {3: "甲", 14: "乙"})
    before = snapshot(database)
    with database.read() as session:
        preview = preview_import(session, [filled])
    assert snapshot(database) == before
    new_rows = preview.rows(RowState.NEW)
    assert [r.seq for r in new_rows] == [3, 14]
    result = apply_import(database, preview, accept=[new_rows[1].key])
    assert result.written == 1 and result.backup is not None and result.backup.exists()
    assert progress(database, 14)["text"] == "乙"
    assert progress(database, 3) == {}
    with pytest.raises(ValueError):
        apply_import(database, preview, accept=[("nope", "x", 1)])


def test_submissions_and_chase_list(database: Any, tmp_path: Path) -> None:
    with database.read() as session:
        template = export_template(session, H1, tmp_path / "t.xlsx", "区商务局").path
    run_import(database, [fill_template(template, tmp_path / "商务.xlsx", {3: "甲", 14: "乙"})])
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        answers = {a.unit: a for a in submissions(session, plan, H1)}
        chase = chase_list(session, plan, H1)
    commerce = answers["区商务局"]
    assert commerce.returned == (3, 14) and commerce.answered and not commerce.complete
    assert commerce.last_received is not None and commerce.files == ("商务.xlsx",)
    assert not answers["区财政局"].answered
    units = [item.unit for item in chase]
    assert "区商务局" in units and "区财政局" in units
    item = next(i for i in chase if i.unit == "区商务局")
    assert item.answered and 3 not in [seq for seq, _ in item.rows]
    text = chase_text(chase, H1)
    assert "区财政局（未报送" in text and "区商务局（部分未报" in text
    csv_text = chase_csv(chase)
    assert csv_text.startswith("\ufeff牵头单位,状态,序号,重点工作")
    assert "区财政局,未报送,5," in csv_text


def test_period_is_found_in_the_file_or_given(database: Any, tmp_path: Path) -> None:
    with database.read() as session:
        template = export_template(session, Period.parse("2024Q3"), tmp_path / "t.xlsx").path
        preview = preview_import(session, [template])
        forced = preview_import(session, [template], "2024Y")
    assert preview.files[0].period == "2024Q3"
    # A period given against the one the file names is refused: it would overwrite 全年.
    assert forced.files[0].error is not None
    assert forced.files[0].error.code == "return.period_conflict"
