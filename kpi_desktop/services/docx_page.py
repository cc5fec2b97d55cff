"""A Word document's page in the official format (GB/T 9704-2012, domain.page_format): the
fonts as the office names them with their fall-backs, runs, the page and its type area, the
line grid, page numbers "— 1 —" (turned for a landscape table), and saving the file.
services.docx_writer lays out the summary table and the bulletin on it.
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from kpi_desktop.domain.page_format import (
    POINT_MM,
    TYPE_SIZES,
    NumberSide,
    PageFormat,
)
from kpi_desktop.services.files import write_atomically

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

CELL_PAD_MM = 1.6
CELL_LINE = 1.3  # a single-spaced line of CJK text, in font sizes
_SHAPE_NAMESPACES = (
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)
_MARK = re.compile(r"(【[^】]*】)")
HEADING = re.compile(r"^[一二三四五六七八九十]+、[^。：]*[。：]?")
SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。：]*[。：]?")


def twips(mm: float) -> int:
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


def run(
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


def line_grid(section: Section, lines: int | None) -> None:
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
    _, area_height = type_area_twips(section)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(area_height // lines))


def character_spacing(width_pt: float, size: float, chars: int) -> float:
    """The spacing (points, negative: tighter) that puts exactly `chars` full-width characters
    of `size` on a line `width_pt` wide: 28 of 3号 need 15.79 pt each on a 156 mm line. Set
    on the runs rather than as a character grid, which LibreOffice lays out differently
    from Word; rounded to Word's twentieths of a point, down, so that the 28th fits."""
    exact = width_pt / chars - size
    return math.floor(exact * 20) / 20


def type_area_twips(section: Section) -> tuple[int, int]:
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


def base_document(fmt: PageFormat, body_font: str, body_pt: float) -> Document:
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
