"""Returns built to trip the reader: nothing dropped, nothing misread, and every refusal says
what really stopped it. Each file is made here from an exported template or a plain table and
then edited the way a generator, a careless unit or an attacker would edit it."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from excel_support import H1, fill_template, snapshot, write_table

from kpi_desktop.cli import main
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.text import CELL_CHARACTERS, clean_text
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.returns import RowKind, read_return
from kpi_desktop.services.workbooks import Limits, read_grids

TEXT_3 = "实际利用外资11亿美元以上。"
TEXT_14 = "新增限上社零企业50家。"
TITLE = "2024年钱塘区政府报告重点工作量化指标上半年进展情况（区商务局）"
HEADER = ["序号", "重点工作", "牵头单位", "上半年进展情况"]
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"


def rewrite(
    path: Path, member: str, edit: Callable[[bytes], bytes], out: Path | None = None
) -> Path:
    """The workbook with one part's bytes changed by `edit` (added when it has none)."""
    with zipfile.ZipFile(path) as source:
        items = [(info.filename, source.read(info)) for info in source.infolist()]
    if member not in {name for name, _data in items}:
        items.append((member, b""))
    target = out or path
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items:
            archive.writestr(name, edit(data) if name == member else data)
    return target


def template(database: Any, folder: Path, period: Period = H1, unit: str = "区商务局") -> Path:
    with database.read() as session:
        return export_template(session, period, folder / f"{period.code}-模板.xlsx", unit).path


def progress_of(database_path: Path, seq: int, period: str = "2024H1") -> str:
    out = io.StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(out):
        assert main(["dump", "--db", str(database_path)]) == 0
    plan = json.loads(out.getvalue())["plans"][0]
    indicator = next(i for i in plan["indicators"] if i["seq"] == seq)
    return str(indicator["progress"].get(period, {}).get("text", ""))


def refused(database: Any, path: Path, capsys: pytest.CaptureFixture[str], *fragments: str) -> str:
    """Import `path`: exit 2, a message holding the file and `fragments`, nothing changed."""
    before = snapshot(database)
    assert main(["import", "--db", str(database.path), str(path)]) == 2
    err = capsys.readouterr().err
    assert path.name in err, err
    for fragment in fragments:
        assert fragment in err, err
    assert "Traceback" not in err
    assert snapshot(database) == before
    return err


# ---------------------------------------------------------------------------------------------
# Content that used to get in wrong


def test_a_stale_dimension_tag_drops_no_row(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = {
        3: "上半年甲。",
        14: "上半年乙。",
        18: "上半年丙。",
        20: "上半年丁。",
        35: "上半年戊。",
    }
    filled = fill_template(template(database, tmp_path), tmp_path / "f.xlsx", texts)
    for ref in ("A1:H5", "A1"):
        stale = rewrite(
            filled,
            SHEET,
            lambda d, ref=ref: re.sub(
                rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), d
            ),
            tmp_path / f"stale-{len(ref)}.xlsx",
        )
        assert b'<dimension ref="' + ref.encode() + b'"/>' in zipfile.ZipFile(stale).read(SHEET)
        table = read_return(stale)
        assert {r.seq: r.progress for r in table.data_rows()} == texts
    assert main(["import", "--db", str(database.path), str(stale)]) == 0
    assert "新增 5" in capsys.readouterr().out
    database.close()
    for seq, text in texts.items():
        assert progress_of(database.path, seq) == text


def test_excel_escapes_are_decoded_and_control_characters_dropped(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = fill_template(template(database, tmp_path), tmp_path / "f.xlsx", {3: "MARK"})
    # What Excel writes for a cell pasted from Word: CR LF as _x000D_ plus a line feed, and a
    # vertical tab (Word's manual line break) and a bell as escapes of their own.
    stored = "1-6月_x000D_\n完成_x000B_5亿_x0007_。".encode()
    escaped = rewrite(filled, SHEET, lambda d: d.replace(b"MARK", stored))
    row = next(r for r in read_return(escaped).data_rows() if r.seq == 3)
    assert row.progress == "1-6月\n完成\n5亿。"
    assert main(["import", "--db", str(database.path), str(escaped)]) == 0
    capsys.readouterr()
    database.close()
    assert progress_of(database.path, 3) == "1-6月\n完成\n5亿。"
    # What went in can come out again, as a workbook and as a template.
    out = tmp_path / "汇总.xlsx"
    assert (
        main(["export-summary", "--db", str(database.path), "--period", "2024H1", "-o", str(out)])
        == 0
    )
    assert (
        main(
            [
                "export-template",
                "--db",
                str(database.path),
                "--period",
                "2024Q3",
                "-o",
                str(tmp_path / "t3.xlsx"),
            ]
        )
        == 0
    )


def test_clean_text_keeps_what_a_worksheet_holds() -> None:
    assert clean_text("a\r\nb\rc\x0bd\x0ce\tf\x00g\x1fh\ufffei") == "a\nb\nc\nd\ne\tfghi"
    assert clean_text("正常的文字\n第二行") == "正常的文字\n第二行"


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_an_xls_with_control_characters_can_be_exported_after_import(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = fill_template(
        template(database, tmp_path), tmp_path / "f.xlsx", {3: "上半年_x0001_完成_x0008_5亿美元。"}
    )
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(filled)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    xls = tmp_path / "f.xls"
    assert main(["import", "--db", str(database.path), str(xls)]) == 0
    capsys.readouterr()
    database.close()
    assert progress_of(database.path, 3) == "上半年完成5亿美元。"
    out = tmp_path / "汇总.xlsx"
    assert (
        main(["export-summary", "--db", str(database.path), "--period", "2024H1", "-o", str(out)])
        == 0
    )
    assert openpyxl.load_workbook(out).active is not None


def _formula(cached: str | None) -> Callable[[bytes], bytes]:
    value = "" if cached is None else f"<v>{cached}</v>"

    def edit(data: bytes) -> bytes:
        # Row 4 is 序号 3; column E its progress. Put a formula there, with or without the
        # value Excel saved when the unit last looked at it.
        cell = f'<c r="E4" t="str"><f>"上半年"&amp;"完成5亿美元。"</f>{value}</c>'.encode()
        data = re.sub(rb'<c r="E4"[^>]*?(/>|>.*?</c>)', cell, data, count=1, flags=re.S)
        assert cell in data
        return data

    return edit


def test_a_formula_gives_the_value_the_unit_saw(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = fill_template(template(database, tmp_path), tmp_path / "f.xlsx", {14: "乙"})
    path = rewrite(filled, SHEET, _formula("上半年完成5亿美元。"), tmp_path / "公式.xlsx")
    assert main(["import", "--db", str(database.path), str(path)]) == 0
    capsys.readouterr()
    database.close()
    assert progress_of(database.path, 3) == "上半年完成5亿美元。"


def test_a_formula_without_a_saved_value_is_refused_with_its_row(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = fill_template(template(database, tmp_path), tmp_path / "f.xlsx", {14: "乙"})
    path = rewrite(filled, SHEET, _formula(None), tmp_path / "无值公式.xlsx")
    refused(database, path, capsys, "第 4 行", "公式", "进展情况")


def test_a_text_no_cell_can_hold_is_refused_with_the_limit(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "甲" * (CELL_CHARACTERS + 100)
    filled = fill_template(template(database, tmp_path), tmp_path / "f.xlsx", {3: "MARK"})
    path = rewrite(filled, SHEET, lambda d: d.replace(b"MARK", long.encode()), tmp_path / "长.xlsx")
    refused(database, path, capsys, "第 4 行", str(CELL_CHARACTERS), str(len(long)))


def test_typing_a_text_no_cell_can_hold_is_refused(database: Any) -> None:
    from kpi_desktop.services import editing

    with pytest.raises(KpiError) as caught, database.transaction() as session:
        editing.set_progress(session, 1, "2024H1", {"text": "甲" * (CELL_CHARACTERS + 1)})
    assert (
        caught.value.code == "edit.text_too_long" and str(CELL_CHARACTERS) in caught.value.message()
    )


def test_an_old_template_retitled_for_a_new_period_is_refused(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    q1 = template(database, tmp_path, Period.parse("2024Q1"))
    workbook = openpyxl.load_workbook(q1)
    sheet = workbook["进展情况"]
    for row in sheet.iter_rows(min_row=1, max_row=3):
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = cell.value.replace("一季度", "上半年")
    sheet.cell(4, 4).value = "上半年完成5亿美元。"
    reused = tmp_path / "区商务局上半年.xlsx"
    workbook.save(reused)
    err = refused(database, reused, capsys, "上半年", "一季度", "2024Q1")
    assert "隐藏标记" in err


def test_a_table_below_the_row_bound_names_the_bound(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[list[Any]] = [[None]] * 5005 + [[TITLE], HEADER, [3, TEXT_3, "区商务局", "甲"]]
    path = write_table(tmp_path / "很低.xlsx", rows)
    refused(database, path, capsys, "5000", "5008")


def test_a_table_cut_by_the_row_bound_is_refused_not_read_in_part(tmp_path: Path) -> None:
    rows: list[list[Any]] = [[TITLE], HEADER] + [[3, TEXT_3, "区商务局", "甲"]] * 30
    path = write_table(tmp_path / "长表.xlsx", rows)
    with pytest.raises(KpiError) as caught:
        read_return(path, Limits(max_rows=20))
    assert caught.value.code == "return.cut_rows"
    assert "20" in caught.value.message() and "32" in caught.value.message()


def test_every_row_under_the_header_is_imported_or_listed_as_skipped(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_table(
        tmp_path / "区商务局.xlsx",
        [
            [TITLE],
            HEADER,
            ["一、对外开放", None, None, None],
            [3, TEXT_3, "区商务局", "上半年完成。"],
            HEADER,
            [14, TEXT_14, "区商务局", None],
            [None, "填表人：张三", None, None],
        ],
    )
    table = read_return(path)
    kinds = {r.row: r.kind for r in table.rows}
    assert kinds == {
        3: RowKind.NOTE,
        4: RowKind.DATA,
        5: RowKind.HEADER_AGAIN,
        6: RowKind.DATA,
        7: RowKind.NOTE,
    }
    assert main(["import", "--db", str(database.path), "--dry-run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "新增 1" in out and "跳过 4" in out
    for row, why in ((3, "标题或说明"), (5, "重复的表头"), (6, "未填写"), (7, "标题或说明")):
        assert f"第 {row} 行：" in out and why in out, out


def test_a_table_merged_into_one_cell_is_refused(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_table(
        tmp_path / "合并.xlsx",
        [
            [TITLE],
            HEADER,
            ["3 实际利用外资……上半年完成5亿美元；14 新增限上……完成20家。"],
            [None],
            [None],
        ],
        merges=["A3:D5"],
    )
    refused(database, path, capsys, "合并")


def test_a_file_name_that_is_not_utf8_is_stored_readably(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if sys.platform == "win32":
        pytest.skip("Windows file names are always Unicode")
    filled = fill_template(template(database, tmp_path), tmp_path / "f.xlsx", {3: "上半年完成。"})
    # 区商务局.xlsx in GBK, as a zip made on a Chinese Windows PC unpacks on Linux.
    raw = os.fsencode(str(tmp_path)) + b"/" + "区商务局报送".encode("gbk") + b".xlsx"
    try:
        os.rename(filled, raw)
    except OSError as error:
        pytest.skip(f"this file system refuses non-UTF-8 names: {error}")
    name = os.fsdecode(raw)
    assert main(["import", "--db", str(database.path), name]) == 0
    out = capsys.readouterr().out
    assert "区商务局报送.xlsx" in out
    database.close()
    with open_db(database.path) as data:
        files = {row[0] for row in data.execute("SELECT source_file FROM changelog")}
    assert "区商务局报送.xlsx" in files


def open_db(path: Path) -> Any:
    import contextlib
    import sqlite3

    return contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True))


# ---------------------------------------------------------------------------------------------
# Limits that hold


def _sheet_body(body: bytes) -> Callable[[bytes], bytes]:
    return lambda d: re.sub(
        rb"<sheetData>.*</sheetData>|<sheetData/>",
        b"<sheetData>" + body + b"</sheetData>",
        d,
        flags=re.S,
    )


def _plain(folder: Path, name: str) -> Path:
    return write_table(folder / name, [[TITLE], HEADER, [3, TEXT_3, "区商务局", "甲"]])


def test_two_cells_far_apart_are_refused_before_anything_is_allocated(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    path = rewrite(_plain(tmp_path, "a.xlsx"), SHEET, _sheet_body(body), tmp_path / "角落.xlsx")
    err = refused(database, path, capsys, "使用范围过大")
    assert f"{Limits().max_area}" in err


def test_a_huge_sheet_beside_the_table_is_left_unread_and_the_table_read(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "附表"
    first["A1"] = "x"
    sheet = workbook.create_sheet("报送表")
    for row in [[TITLE], HEADER, [3, TEXT_3, "区商务局", "甲"]]:
        sheet.append(row)
    path = tmp_path / "两表.xlsx"
    workbook.save(path)
    body = (
        b'<row r="1"><c r="A1"><v>1</v></c></row><row r="900000"><c r="ZZ900000"><v>1</v></c></row>'
    )
    rewrite(path, SHEET, _sheet_body(body))
    table = read_return(path)
    assert table.sheet == "报送表" and [r.progress for r in table.data_rows()] == ["甲"]


def test_too_many_cells_are_refused(tmp_path: Path) -> None:
    body = b'<row r="1">' + b"<c/>" * 5000 + b"</row>"
    path = rewrite(_plain(tmp_path, "a.xlsx"), SHEET, _sheet_body(body), tmp_path / "空格.xlsx")
    with pytest.raises(KpiError) as caught:
        read_grids(path, Limits(max_cells=1000))
    assert caught.value.code == "return.too_many_cells" and "1000" in caught.value.message()


def test_too_many_merges_are_refused(tmp_path: Path) -> None:
    merges = b"".join(b'<mergeCell ref="A%d:BH%d"/>' % (i, i) for i in range(1, 3001))
    path = rewrite(
        _plain(tmp_path, "a.xlsx"),
        SHEET,
        lambda d: d.replace(
            b"</sheetData>", b'</sheetData><mergeCells count="3000">' + merges + b"</mergeCells>"
        ),
        tmp_path / "合并.xlsx",
    )
    with pytest.raises(KpiError) as caught:
        read_grids(path, Limits(max_merges=1000))
    assert caught.value.code == "return.too_many_merges"


def test_overlapping_merges_are_refused(tmp_path: Path) -> None:
    # A full grid (5000 rows, a first row of 60 values) and ranges that each cover all of
    # it: filling them one after the other would touch every cell again and again.
    first = (
        b'<row r="1">'
        + b"".join(b'<c r="%s1"><v>1</v></c>' % _letters(c) for c in range(1, 61))
        + b"</row>"
    )
    rest = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(2, 5001))
    merges = b"".join(b'<mergeCell ref="A1:BH%d"/>' % (5000 - i) for i in range(50))
    path = rewrite(
        _plain(tmp_path, "a.xlsx"),
        SHEET,
        lambda d: _sheet_body(first + rest)(d).replace(
            b"</sheetData>", b'</sheetData><mergeCells count="50">' + merges + b"</mergeCells>"
        ),
        tmp_path / "重叠.xlsx",
    )
    with pytest.raises(KpiError) as caught:
        read_grids(path)
    assert caught.value.code == "return.merges_overlap"


def _letters(column: int) -> bytes:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column).encode()


def test_too_many_sheets_are_refused(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    for index in range(12):
        workbook.create_sheet(f"表{index}")
    path = tmp_path / "多表.xlsx"
    workbook.save(path)
    with pytest.raises(KpiError) as caught:
        read_grids(path, Limits(max_sheets=10))
    assert caught.value.code == "return.too_many_sheets" and "13" in caught.value.message()


def test_too_many_shared_strings_are_refused(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for index in range(300):
        sheet.cell(index + 1, 1).value = f"文字{index}"
    path = tmp_path / "字.xlsx"
    workbook.save(path)
    strings = "".join(f"<si><t>文字{i}</t></si>" for i in range(300)).encode()
    shared = (
        b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + strings
        + b"</sst>"
    )
    rewrite(path, STRINGS, lambda _d: shared)
    with pytest.raises(KpiError) as caught:
        read_grids(path, Limits(max_strings=100))
    assert caught.value.code == "return.too_many_strings"


def test_a_slow_file_is_stopped_by_the_clock(tmp_path: Path) -> None:
    body = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i) for i in range(1, 20001)
    )
    path = rewrite(_plain(tmp_path, "a.xlsx"), SHEET, _sheet_body(body), tmp_path / "慢.xlsx")
    with pytest.raises(KpiError) as caught:
        read_grids(path, Limits(max_seconds=0.0))
    assert caught.value.code == "return.too_slow"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_or_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(KpiError) as caught:
        read_grids(Path("/dev/zero"))
    assert caught.value.code == "return.not_a_file"
    if not hasattr(os, "mkfifo"):
        return
    pipe = tmp_path / "管道.xlsx"
    os.mkfifo(pipe)
    # Run in a process of its own: were the pipe opened for reading, it would wait forever.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kpi_desktop",
            "import",
            "--db",
            str(tmp_path / "d.sqlite"),
            "--dry-run",
            str(pipe),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 2 and "不是普通文件" in done.stderr, done.stderr


def test_a_shared_text_no_cell_can_hold_is_refused(
    database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Excel keeps texts in the shared-string table; the cell only points at one.
    long = "乙" * (CELL_CHARACTERS + 7)
    filled = fill_template(template(database, tmp_path), tmp_path / "f.xlsx", {3: "MARK"})
    shared = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{long}</t></si></sst>'
    ).encode()
    rewrite(filled, STRINGS, lambda _d: shared)
    rewrite(
        filled,
        SHEET,
        lambda d: re.sub(rb'<c r="E4"[^>]*>.*?</c>', b'<c r="E4" t="s"><v>0</v></c>', d, count=1),
    )
    rewrite(
        filled,
        "xl/_rels/workbook.xml.rels",
        lambda d: d.replace(
            b"</Relationships>",
            b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        ),
    )
    grid = next(g for g in read_grids(filled)[2] if g.name == "进展情况")
    assert grid.rows[3][4].startswith("乙"), "calamine reads the shared text"
    refused(database, filled, capsys, "第 4 行", str(len(long)))


def test_an_xls_whose_sheet_lies_outside_the_file_is_damaged(tmp_path: Path) -> None:
    import struct

    from excel_support import FIXTURES

    data = bytearray((FIXTURES / "returns-libreoffice.xls").read_bytes())
    # The BOUNDSHEET record of the first sheet: header, then where the sheet starts.
    at = data.index("进展情况".encode("utf-16-le")) - 12
    assert data[at : at + 2] == b"\x85\x00"
    data[at + 4 : at + 8] = struct.pack("<I", 3_875_540_066)
    path = tmp_path / "错位.xls"
    path.write_bytes(bytes(data))
    with pytest.raises(KpiError) as caught:
        read_grids(path)
    assert caught.value.code == "return.damaged"
