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

import io
import math
import re
import unicodedata
from pathlib import Path

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph

from kpi_desktop.domain.page_format import (
    POINT_MM,
    TYPE_SIZES,
    Layout,
    NumberSide,
    PageFormat,
    default_body_size,
    page_format,
)
from kpi_desktop.services.bulletin import Bulletin, Part
from kpi_desktop.services.files import write_atomically
from kpi_desktop.services.summary import CENTRED_COLUMNS, SummaryTable, printed_lines

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"
KAI_FONT = "楷体_GB2312"
NUMBER_FONT = "宋体"
# What Word and WPS may use where the office's font is missing (w:altName in the font table).
_FALLBACKS = {
    TITLE_FONT: "宋体",
    HEADING_FONT: "SimHei",
    BODY_FONT: "仿宋",
    KAI_FONT: "楷体",
    NUMBER_FONT: "SimSun",
}

# The bulletin's grid: 22 lines of 28 characters of 3号 (16 pt) on the 156 × 225 mm 版心.
BODY_PT = TYPE_SIZES["三号"]
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

_CELL_PAD_MM = 1.6
_CELL_LINE = 1.3  # a single-spaced line of CJK text, in font sizes
_SHAPE_NAMESPACES = (
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)
_MARK = re.compile(r"(【[^】]*】)")
_HEADING = re.compile(r"^[一二三四五六七八九十]+、[^。：]*[。：]?")
_SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。：]*[。：]?")


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def _emu(mm: float) -> int:
    return round(mm * 36000)


# --- fonts and runs ---------------------------------------------------------------------


def _font(element: object, family: str, size: float | None = None) -> None:
    """Set a run's or a style's font for Chinese and Latin text alike."""
    font = element.font  # type: ignore[attr-defined]
    font.name = family
    if size is not None:
        font.size = Pt(size)
    r_pr = element.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = r_pr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), family)


def _run(
    paragraph: DocxParagraph, text: str, family: str, size: float, spacing: float = 0.0
) -> None:
    """Text in one font; 【…】 places left for the clerk are highlighted."""
    for part in _MARK.split(text):
        if not part:
            continue
        run = paragraph.add_run(part)
        _font(run, family, size)
        if spacing:
            tracking = OxmlElement("w:spacing")
            tracking.set(qn("w:val"), str(round(spacing * 20)))
            run._r.get_or_add_rPr().append(tracking)
        if _MARK.fullmatch(part):
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _font_table(document: Document) -> None:
    """Declare the office's fonts with their look-alikes and the GB2312 character set."""
    part = document.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    root = parse_xml(part.blob)
    for name, alternative in _FALLBACKS.items():
        font = parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alternative}"/>'
            '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
        root.append(font)
    part._blob = serialize_part_xml(root)


# --- the page ---------------------------------------------------------------------------


def _page(section: Section, fmt: PageFormat) -> None:
    width, height = fmt.size
    section.orientation = WD_ORIENT.LANDSCAPE if fmt.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    m = fmt.margins
    section.top_margin, section.bottom_margin = Mm(m.top), Mm(m.bottom)
    section.left_margin, section.right_margin = Mm(m.left), Mm(m.right)
    section.gutter = Mm(0)
    section.header_distance = Mm(10)
    if not fmt.landscape:
        # The number's line (exactly one 4号 line high) centred 7 mm below the 版心.
        place = fmt.number_place(1)
        assert place is not None
        section.footer_distance = Mm(height - place.across - fmt.number_pt * POINT_MM / 2)
    else:
        section.footer_distance = Mm(m.bottom / 2)


def _grid(section: Section, lines: int | None) -> None:
    """The line grid: `lines` lines a page, or none (the table's pages)."""
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    for attribute in list(grid.attrib):
        del grid.attrib[attribute]
    if lines is None:
        grid.set(qn("w:linePitch"), "360")
        return
    _, area_height = _type_area_twips(section)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(area_height // lines))


def character_spacing(width_pt: float, size: float, chars: int) -> float:
    """The spacing (points, negative: tighter) that puts exactly `chars` full-width characters
    of `size` on a line `width_pt` wide: 28 of 3号 need 15.79 pt each on a 156 mm line. Set
    on the runs rather than as a character grid, which LibreOffice lays out differently
    from Word; rounded to Word's twentieths of a point, down, so that the 28th fits."""
    exact = width_pt / chars - size
    return math.floor(exact * 20) / 20


def _type_area_twips(section: Section) -> tuple[int, int]:
    def twips(length: object) -> int:
        return int(str(length)) // 635  # EMU

    width = twips(section.page_width) - twips(section.left_margin) - twips(section.right_margin)
    height = twips(section.page_height) - twips(section.top_margin) - twips(section.bottom_margin)
    return width, height


def _field_runs(paragraph: DocxParagraph, size: float) -> None:
    """ "— N —" with N Word's PAGE field, in 宋体 of `size`."""
    w = nsdecls("w")
    pieces: list[str | object] = [
        "— ",
        parse_xml(f'<w:fldChar {w} w:fldCharType="begin"/>'),
        parse_xml(f'<w:instrText {w} xml:space="preserve"> PAGE </w:instrText>'),
        parse_xml(f'<w:fldChar {w} w:fldCharType="separate"/>'),
        "1",  # shown until the field is updated; Word and LibreOffice update it on opening
        parse_xml(f'<w:fldChar {w} w:fldCharType="end"/>'),
        " —",
    ]
    for piece in pieces:
        run = paragraph.add_run(piece if isinstance(piece, str) else None)
        _font(run, NUMBER_FONT, size)
        if not isinstance(piece, str):
            run._r.append(piece)


def _number_paragraph(paragraph: DocxParagraph, fmt: PageFormat, side: NumberSide) -> None:
    form = paragraph.paragraph_format
    end = side is NumberSide.END
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if end else WD_ALIGN_PARAGRAPH.LEFT
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = Pt(fmt.number_pt)
    form.space_before = form.space_after = Pt(0)
    form.first_line_indent = Pt(0)
    if not fmt.landscape:  # a turned page's box is already one character in
        inset = Mm(fmt.inset_mm)
        form.left_indent, form.right_indent = (Pt(0), inset) if end else (inset, Pt(0))
    _field_runs(paragraph, fmt.number_pt)


def _turned_number_box(paragraph: DocxParagraph, fmt: PageFormat, page: int) -> None:
    """A text box down the left side of a landscape page, its text turned a quarter
    clockwise, holding the page number where a portrait page has it on the sheet."""
    place = fmt.number_place(page)
    assert place is not None and place.turned
    thickness = fmt.number_pt * POINT_MM * 1.6
    m = fmt.margins
    top, bottom = m.top + fmt.inset_mm, fmt.size[1] - m.bottom - fmt.inset_mm
    left = place.across - thickness / 2
    width, height = _emu(thickness), _emu(bottom - top)
    anchor = parse_xml(
        f"<w:r {nsdecls('w', 'wp', 'a')} {_SHAPE_NAMESPACES}>"
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2"'
        ' behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{_emu(left)}</wp:posOffset>'
        "</wp:positionH>"
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{_emu(top)}</wp:posOffset>'
        "</wp:positionV>"
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{900 + page}" name="页码 {page}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        "</wps:spPr><wps:txbx><w:txbxContent><w:p/></w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"'
        ' anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData>'
        "</a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(anchor)
    inner = anchor.find(".//" + qn("w:p"))
    box = DocxParagraph(inner, paragraph._parent)
    _number_paragraph(box, fmt, place.side)


def _page_numbers(document: Document, section: Section, fmt: PageFormat) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    for page, footer in ((1, section.footer), (2, section.even_page_footer)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        place = fmt.number_place(page)
        assert place is not None
        if fmt.landscape:
            paragraph.paragraph_format.space_after = Pt(0)
            _turned_number_box(paragraph, fmt, page)
        else:
            _number_paragraph(paragraph, fmt, place.side)


def _defaults(document: Document, family: str, size: float) -> None:
    """The document's defaults: the body font and size, single spacing, Chinese. Word, WPS
    and LibreOffice measure the character grid from the default size."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        document.styles.element.remove(defaults)
    half_points = round(size * 2)
    document.styles.element.insert(
        0,
        parse_xml(
            f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii="{family}" w:hAnsi="{family}" w:eastAsia="{family}"'
            f' w:cs="{family}"/><w:kern w:val="2"/>'
            f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
            "</w:docDefaults>"
        ),
    )
    language = document.settings.element.find(qn("w:themeFontLang"))
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")


def _base_document(fmt: PageFormat, body_font: str, body_pt: float) -> Document:
    document = new_document()
    _font_table(document)
    _defaults(document, body_font, body_pt)
    normal = document.styles["Normal"]
    _font(normal, body_font, body_pt)
    normal_format = normal.paragraph_format  # type: ignore[attr-defined]
    normal_format.space_before = normal_format.space_after = Pt(0)
    section = document.sections[0]
    _page(section, fmt)
    _page_numbers(document, section, fmt)
    return document


def save(document: Document, path: Path | str, code: str) -> None:
    """Save whole or not at all (services.files); a failure is the KpiError `code`."""
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomically(Path(path), buffer.getvalue(), code)


# --- the summary table ------------------------------------------------------------------


def _estimated_height_mm(texts: list[str], widths: list[float], size: float) -> float:
    """How tall a row prints, erring on the tall side: full-width characters take the font
    size, others about half."""
    size_mm = size * POINT_MM
    tallest = 0
    for text, width in zip(texts, widths, strict=True):
        room = max(width - 2 * _CELL_PAD_MM, size_mm)
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
    return tallest * size_mm * _CELL_LINE + 2 * _CELL_PAD_MM


def _cell_text(cell: object, text: str, family: str, size: float, centred: bool) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    form = paragraph.paragraph_format
    form.first_line_indent = Pt(0)
    for index, line in enumerate(printed_lines(text)):
        if index:
            paragraph.add_run().add_break()
        if line:
            _run(paragraph, line, family, size)
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
        ("left", _CELL_PAD_MM),
        ("bottom", 0.8),
        ("right", _CELL_PAD_MM),
    ):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(_twips(mm)))
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
    width.set(qn("w:w"), str(sum(_twips(w) for w in widths_mm)))
    width.set(qn("w:type"), "dxa")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, mm in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(mm)


def build_summary_document(table: SummaryTable) -> Document:
    """The summary table as the official attachment, on GB/T 9704 pages."""
    fmt = page_format(Layout.OFFICIAL, landscape=not table.options.portrait)
    size = table.options.body_size or default_body_size(fmt.layout, fmt.landscape)
    document = _base_document(fmt, BODY_FONT, size)
    document.core_properties.title = table.title
    document.core_properties.author = "kpi-desktop"
    _grid(document.sections[0], None)

    mark = document.add_paragraph()
    _run(mark, table.attachment, HEADING_FONT, TYPE_SIZES["三号"])
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(6)
    title.paragraph_format.space_after = Pt(12 if not table.options.unit else 4)
    _run(title, table.title, TITLE_FONT, fmt.title_pt)
    if table.options.unit:
        unit = document.add_paragraph()
        unit.alignment = WD_ALIGN_PARAGRAPH.CENTER
        unit.paragraph_format.space_after = Pt(12)
        _run(unit, f"（{table.options.unit}）", HEADING_FONT, size)

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
    for pattern, family in ((_HEADING, HEADING_FONT), (_SUBHEADING, KAI_FONT)):
        match = pattern.match(text)
        if match is not None:
            _run(paragraph, match[0], family, BODY_PT, spacing)
            rest = text[match.end() :]
            if rest:
                _run(paragraph, rest, BODY_FONT, BODY_PT, spacing)
            return
    _run(paragraph, text, BODY_FONT, BODY_PT, spacing)


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
    fmt = page_format(Layout.OFFICIAL, landscape=False)
    document = _base_document(fmt, BODY_FONT, BODY_PT)
    document.core_properties.title = bulletin.title
    document.core_properties.author = "kpi-desktop"
    section = document.sections[0]
    _grid(section, LINES_PER_PAGE)
    width_pt = _type_area_twips(section)[0] / 20
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
            _run(added, paragraph.text, TITLE_FONT, TYPE_SIZES["二号"])
            continue
        if paragraph.part is Part.ATTACHMENT:
            _indent_chars(added, first_line=2)
        elif paragraph.part in (Part.SIGNATURE, Part.DATE):  # right, two characters in
            added.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _indent_chars(added, right=2)
        _run(added, paragraph.text, BODY_FONT, BODY_PT, spacing)
    return document


def write_bulletin_docx(bulletin: Bulletin, path: Path | str) -> None:
    save(build_bulletin_document(bulletin), path, "bulletin.cannot_write")
