"""The summary table as a Word document: the seed word for word (read back with python-docx
and as LibreOffice prints it), a real repeated header row, rows kept on one page, GB/T 9704
pages with the page numbers where the standard puts them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_print_summary import HEADER, TITLE, export, norm, placed_texts

docx = pytest.importorskip("docx")
pypdf = pytest.importorskip("pypdf")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EMU_MM = 36000


def lo_pdf(document: Path) -> Path:
    """`document` printed by LibreOffice (soffice --headless --convert-to pdf)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    folder = document.parent / "lo"
    profile = document.parent / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return folder / (document.stem + ".pdf")


@pytest.fixture(scope="module")
def q1_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docx")
    output = folder / "汇总表 2024Q1.docx"
    result = export(folder / "kpi.sqlite", output)  # in a process that must not load Qt
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def q1_docx_printed(q1_docx: Path) -> Path:
    return lo_pdf(q1_docx)


def test_docx_table_holds_every_seed_row_word_for_word(q1_docx: Path, plan_rows: list) -> None:
    document = docx.Document(str(q1_docx))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:2] == ["附件2", TITLE]
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "重点工作", "牵头单位", "一季度进展情况"]
    assert len(rows) == len(plan_rows) + 1
    for row, seed in zip(rows[1:], plan_rows, strict=True):
        assert row[0] == str(seed.seq)
        assert row[1] == seed.text
        assert row[2] == seed.units.replace(" ", "\n")  # one unit a line
        # numbered items start new lines, as in the original cell; not a character lost
        assert norm(row[3]) == norm(seed.progress), seed.seq
        if "2." not in seed.progress:
            assert row[3] == seed.progress, seed.seq


def test_header_row_repeats_and_rows_keep_together(q1_docx: Path) -> None:
    (table,) = docx.Document(str(q1_docx)).tables
    first = table.rows[0]._tr
    assert first.find(f"{W}trPr/{W}tblHeader") is not None
    assert all(row._tr.find(f"{W}trPr/{W}tblHeader") is None for row in table.rows[1:])
    assert all(row._tr.find(f"{W}trPr/{W}cantSplit") is not None for row in table.rows)
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert {b.tag.removeprefix(W): b.get(f"{W}val") for b in borders} == {
        edge: "single" for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    }


def test_docx_page_is_gb_t_9704_turned(q1_docx: Path) -> None:
    section = docx.Document(str(q1_docx)).sections[0]
    mm = {
        name: round(getattr(section, name) / EMU_MM, 1)
        for name in (
            "page_width",
            "page_height",
            "top_margin",
            "bottom_margin",
            "left_margin",
            "right_margin",
        )
    }
    assert mm == {
        "page_width": 297.0,
        "page_height": 210.0,
        "top_margin": 28.0,  # the 订口 of the sheet turned a quarter
        "bottom_margin": 26.0,
        "left_margin": 35.0,  # the sheet's foot
        "right_margin": 37.0,  # its head (天头)
    }
    assert (297 - 35 - 37, 210 - 28 - 26) == (225, 156)  # the 版心, turned


def test_docx_fonts_are_the_official_ones(q1_docx: Path) -> None:
    document = docx.Document(str(q1_docx))
    mark, title = document.paragraphs[:2]

    def face(run: object) -> tuple[str, float]:
        fonts = run._r.rPr.find(f"{W}rFonts")  # type: ignore[attr-defined]
        return fonts.get(f"{W}eastAsia"), run.font.size.pt  # type: ignore[attr-defined]

    assert face(mark.runs[0]) == ("黑体", 16.0)  # 3号黑体
    assert face(title.runs[0]) == ("方正小标宋简体", 22.0)  # 2号
    (table,) = document.tables
    assert face(table.rows[0].cells[0].paragraphs[0].runs[0]) == ("黑体", 12.0)
    assert face(table.rows[1].cells[1].paragraphs[0].runs[0]) == ("仿宋_GB2312", 12.0)
    footer = document.sections[0].even_page_footer._element
    assert "PAGE" in "".join(t.text or "" for t in footer.iter(f"{W}instrText"))


def test_the_office_chooses_the_table_size(tmp_path: Path) -> None:
    output = tmp_path / "四号.docx"
    result = export(tmp_path / "kpi.sqlite", output, "--font-size", "四号")
    assert result.returncode == 0, result.stderr
    (table,) = docx.Document(str(output)).tables
    sizes = {
        run.font.size.pt
        for row in table.rows
        for c in row.cells
        for p in c.paragraphs
        for run in p.runs
        if run.text.strip()
    }
    assert sizes == {14.0}


def test_a_row_taller_than_a_page_may_break(tmp_path: Path) -> None:
    from test_print_summary import _table

    from kpi_desktop.services.docx_writer import build_summary_document

    tall = "".join(f"第{i}项工作已完成，推进情况良好并持续跟踪。" for i in range(1, 200))
    document = build_summary_document(_table([("短行。", "进展。"), ("超长行。", tall)]))
    rows = document.tables[0].rows
    assert rows[1]._tr.find(f"{W}trPr/{W}cantSplit") is not None
    assert rows[2]._tr.find(f"{W}trPr/{W}cantSplit") is None


# --- as LibreOffice prints it -----------------------------------------------------------------


def test_libreoffice_prints_every_seed_row_with_the_header_on_every_page(
    q1_docx_printed: Path, plan_rows: list
) -> None:
    pages = [norm(p.extract_text() or "") for p in pypdf.PdfReader(str(q1_docx_printed)).pages]
    assert len(pages) >= 3
    whole = "".join(pages)
    for row in plan_rows:
        for text in (row.text, row.progress, *row.units.split()):
            assert norm(text) in whole, (row.seq, text)
        # kept on one page
        assert any(norm(row.progress) in page and norm(row.text) in page for page in pages)
    assert pages[0].removeprefix("—1—").startswith(norm("附件2")) and norm(TITLE) in pages[0]
    for page in pages:
        assert HEADER in page  # the repeated header row


def test_libreoffice_puts_the_page_numbers_down_the_left_side(q1_docx_printed: Path) -> None:
    pages = pypdf.PdfReader(str(q1_docx_printed)).pages
    for number, page in enumerate(pages, start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
        outside = [t for t in placed_texts(page) if t[1] < 35 - 1]  # left of the type area
        assert "".join(t[0] for t in outside) == f"—{number}—"
        assert all(turned and 22 < x < 34 for _, x, _, turned in outside), number
        start = min(y for _, _, y, _ in outside)
        if number % 2:  # odd: near the foot of the turned page, one character in
            assert start > 150 and max(y for _, _, y, _ in outside) < 184 - 4, number
        else:  # even: from the head, one character (14 pt) in
            assert abs(start - (28 + 14 * 25.4 / 72)) < 1.5, (number, start)


def test_libreoffice_keeps_the_text_inside_the_turned_type_area(q1_docx_printed: Path) -> None:
    for page in pypdf.PdfReader(str(q1_docx_printed)).pages:
        body = [t for t in placed_texts(page) if t[1] > 34]  # the page number is left of it
        assert min(t[1] for t in body) > 35 - 0.5 and max(t[1] for t in body) < 297 - 37
        assert min(t[2] for t in body) > 28 - 0.5 and max(t[2] for t in body) < 210 - 26
