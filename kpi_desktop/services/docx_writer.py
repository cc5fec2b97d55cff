"""Word documents (.docx) in the official format: the summary table and the bulletin draft.

Both are laid out by GB/T 9704-2012 (domain.page_format): A4, 天头 37 mm, 订口 28 mm, 版心
156 × 225 mm; page numbers "— 1 —" in 4号 half-width 宋体 about 7 mm below the 版心, odd pages
right and even pages left, one character in. The table is landscape with the 版心 turned, its
page numbers in a turned text box down the left side, where they fall on the sheet of a
portrait page. Written with python-docx; Word, WPS and LibreOffice open the files alike.

Fonts are named as the office has them (方正小标宋简体, 黑体, 仿宋_GB2312, 楷体_GB2312, 宋体);
the file's font table gives each a look-alike that Windows has (仿宋, 楷体, 宋体) for a PC
without them, and names the GB2312 character set, so that Word and WPS substitute a Chinese
face rather than a Latin one. A machine without any of them shows its own Chinese fallback.

The table: a real repeated header row (w:tblHeader), borders on every cell, and rows kept on
one page (w:cantSplit) unless a row is taller than a page, which then breaks as it must.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph

from kpi_desktop.domain.page_format import (
    POINT_MM,
    TYPE_SIZES,
    Layout,
    default_body_size,
    page_format,
)
from kpi_desktop.services.docx_page import (
    BODY_FONT,
    BODY_PT,
    CELL_LINE,
    CELL_PAD_MM,
    CHARS_PER_LINE,
    HEADING,
    HEADING_FONT,
    KAI_FONT,
    LINES_PER_PAGE,
    SUBHEADING,
    TITLE_FONT,
    base_document,
    character_spacing,
    line_grid,
    run,
    save,
    twips,
    type_area_twips,
)
from kpi_desktop.services.summary import CENTRED_COLUMNS, SummaryTable, printed_lines

if TYPE_CHECKING:
    # services.bulletin reads through the database layer, which the summary table's export
    # does not load (services.reads).
    from kpi_desktop.services.bulletin import Bulletin

# --- the summary table ------------------------------------------------------------------


def _estimated_height_mm(texts: list[str], widths: list[float], size: float) -> float:
    """How tall a row prints, erring on the tall side: full-width characters take the font
    size, others about half."""
    size_mm = size * POINT_MM
    tallest = 0
    for text, width in zip(texts, widths, strict=True):
        room = max(width - 2 * CELL_PAD_MM, size_mm)
        lines = 0
        for line in printed_lines(text):
            used, count = 0.0, 1
            for character in line:
                wide = unicodedata.east_asian_width(character) in ("W", "F", "A")
                step = size_mm if wide else size_mm * 0.55
                if used + step > room:
                    count, used = count + 1, 0.0
                used += step
            lines += count
        tallest = max(tallest, lines)
    return tallest * size_mm * CELL_LINE + 2 * CELL_PAD_MM


def _cell_text(cell: object, text: str, family: str, size: float, centred: bool) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    form = paragraph.paragraph_format
    form.first_line_indent = Pt(0)
    for index, line in enumerate(printed_lines(text)):
        if index:
            paragraph.add_run().add_break()
        if line:
            run(paragraph, line, family, size)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # type: ignore[attr-defined]


def _row_properties(row: object, *, header: bool, keep: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    if keep:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _table_look(table: Table, widths_mm: list[float]) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "6")  # eighths of a point: 0.75 pt, as the PDF's
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "000000")
        borders.append(line)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, mm in (
        ("top", 0.8),
        ("left", CELL_PAD_MM),
        ("bottom", 0.8),
        ("right", CELL_PAD_MM),
    ):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(twips(mm)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.append(margins)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), str(sum(twips(w) for w in widths_mm)))
    width.set(qn("w:type"), "dxa")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, mm in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(mm)


def build_summary_document(table: SummaryTable) -> Document:
    """The summary table as the official attachment, on GB/T 9704 pages."""
    fmt = page_format(Layout.OFFICIAL, landscape=not table.options.portrait)
    size = table.options.body_size or default_body_size(fmt.layout, fmt.landscape)
    document = base_document(fmt, BODY_FONT, size)
    document.core_properties.title = table.title
    document.core_properties.author = "kpi-desktop"
    line_grid(document.sections[0], None)

    mark = document.add_paragraph()
    run(mark, table.attachment, HEADING_FONT, TYPE_SIZES["三号"])
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(6)
    title.paragraph_format.space_after = Pt(12 if not table.options.unit else 4)
    run(title, table.title, TITLE_FONT, fmt.title_pt)
    if table.options.unit:
        unit = document.add_paragraph()
        unit.alignment = WD_ALIGN_PARAGRAPH.CENTER
        unit.paragraph_format.space_after = Pt(12)
        run(unit, f"（{table.options.unit}）", HEADING_FONT, size)

    headers = table.headers()
    area_width, area_height = fmt.type_area
    widths = table.column_widths(area_width)
    grid = document.add_table(rows=1, cols=len(headers))
    _table_look(grid, widths)
    header_row = grid.rows[0]
    _row_properties(header_row, header=True, keep=True)
    for index, name in enumerate(headers):
        header_row.cells[index].width = Mm(widths[index])
        _cell_text(header_row.cells[index], name, HEADING_FONT, size, centred=True)
    header_height = _estimated_height_mm(headers, widths, size)
    room = area_height - header_height
    centred = [name in CENTRED_COLUMNS for name in headers]
    for row in table.rows:
        texts = table.cells(row)
        added = grid.add_row()
        _row_properties(added, header=False, keep=_estimated_height_mm(texts, widths, size) <= room)
        for index, text in enumerate(texts):
            added.cells[index].width = Mm(widths[index])
            _cell_text(added.cells[index], text, BODY_FONT, size, centred[index])
    return document


def write_summary_docx(table: SummaryTable, path: Path | str) -> None:
    save(build_summary_document(table), path, "summary.cannot_write")


# --- the bulletin -----------------------------------------------------------------------


def _body_paragraph(document: Document, text: str, spacing: float) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _indent_chars(paragraph, first_line=2)
    for pattern, family in ((HEADING, HEADING_FONT), (SUBHEADING, KAI_FONT)):
        match = pattern.match(text)
        if match is not None:
            run(paragraph, match[0], family, BODY_PT, spacing)
            rest = text[match.end() :]
            if rest:
                run(paragraph, rest, BODY_FONT, BODY_PT, spacing)
            return
    run(paragraph, text, BODY_FONT, BODY_PT, spacing)


def _indent_chars(paragraph: DocxParagraph, first_line: int = 0, right: int = 0) -> None:
    """Indents in characters of the body size (Word's and WPS's 字符 units)."""
    form = paragraph.paragraph_format
    form.first_line_indent = Pt(BODY_PT * first_line)
    form.right_indent = Pt(BODY_PT * right)
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    if first_line:
        ind.set(qn("w:firstLineChars"), str(first_line * 100))
    if right:
        ind.set(qn("w:rightChars"), str(right * 100))


def build_bulletin_document(bulletin: Bulletin) -> Document:
    """The bulletin draft: 3号仿宋_GB2312 on the 22 × 28 grid, headings 一、 in 黑体 and
    （一） in 楷体, the title in 2号方正小标宋简体."""
    from kpi_desktop.services.bulletin import Part

    fmt = page_format(Layout.OFFICIAL, landscape=False)
    document = base_document(fmt, BODY_FONT, BODY_PT)
    document.core_properties.title = bulletin.title
    document.core_properties.author = "kpi-desktop"
    section = document.sections[0]
    line_grid(section, LINES_PER_PAGE)
    width_pt = type_area_twips(section)[0] / 20
    spacing = character_spacing(width_pt, BODY_PT, CHARS_PER_LINE)
    for paragraph in bulletin.paragraphs:
        if paragraph.part is Part.BODY:
            if paragraph.text:
                _body_paragraph(document, paragraph.text, spacing)
            else:
                document.add_paragraph()
            continue
        added = document.add_paragraph()
        if paragraph.part is Part.TITLE:
            added.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(added, paragraph.text, TITLE_FONT, TYPE_SIZES["二号"])
            continue
        if paragraph.part is Part.ATTACHMENT:
            _indent_chars(added, first_line=2)
        elif paragraph.part in (Part.SIGNATURE, Part.DATE):  # right, two characters in
            added.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _indent_chars(added, right=2)
        run(added, paragraph.text, BODY_FONT, BODY_PT, spacing)
    return document


def write_bulletin_docx(bulletin: Bulletin, path: Path | str) -> None:
    save(build_bulletin_document(bulletin), path, "bulletin.cannot_write")
