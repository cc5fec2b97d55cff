"""Laying out the summary table (汇总表) as the official attachment, on any paged device.

The same `render_summary` paints on a QPdfWriter (the command line, offscreen) and on the
QPrinter of a print preview or a real printer. The layout follows the printed original:

* "附件2" top left and the title centred, on the first page only;
* the header row at the top of every page, borders on every cell;
* a row never split across pages, unless it alone is taller than a page: then it fills the
  page and continues, line by line, under the repeated header of the next;
* the page number in the official "— 1 —" style.

The page is GB/T 9704's (domain.page_format): the table fills the type area (版心) and the page
number sits 7 mm below it, odd pages right and even pages left — on a landscape page turned
with the sheet, down its left side. The compact layout (narrow margins, the number centred on
the type area's last line) is what the program printed before, kept as an option.

Only QtGui is used, so printing works without a window (QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

from kpi_desktop.domain.page_format import (
    Layout,
    Margins,
    NumberSide,
    PageFormat,
    default_body_size,
    page_format,
)
from kpi_desktop.printing.fonts import Fonts
from kpi_desktop.services.files import check_folder, write_atomically
from kpi_desktop.services.summary import SummaryOptions, printed_lines

# Called after each row with (rows done, rows in all); returning False stops the printing.
Progress = Callable[[int, int], bool | None]

_PAD_MM = 1.6  # space between a cell's border and its text
_LINE_SPACING = 1.18  # of the font's line height, close to the original's fixed spacing
_BORDER_PT = 0.75
# A tall row starts on a new page rather than leave less than this on the current one.
_MIN_SPLIT_MM = 25.0


class PrintedTable(Protocol):
    """What the renderer lays out: services.summary.SummaryTable, and any other table of the
    office printed the same way (services.assessment.AssessmentTable)."""

    @property
    def attachment(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def options(self) -> SummaryOptions: ...
    @property
    def rows(self) -> Sequence[Any]: ...
    @property
    def footnote(self) -> str:
        """Printed under the table's last row ("" for none)."""
        ...

    def headers(self) -> list[str]: ...
    def column_widths(self, total: float) -> list[float]: ...
    def cells(self, row: Any) -> list[str]: ...
    def centred(self, header: str) -> bool: ...


class PrintCancelled(Exception):
    """The clerk cancelled a long print from its progress dialog."""


def page_layout(portrait: bool = False, layout: Layout = Layout.OFFICIAL) -> QPageLayout:
    """A4, landscape unless `portrait`, with the layout's margins (the type area inside)."""
    margins = page_format(layout, landscape=not portrait).margins
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape,
        QMarginsF(margins.left, margins.top, margins.right, margins.bottom),
        QPageLayout.Unit.Millimeter,
    )


def configure_device(
    device: QPagedPaintDevice, portrait: bool = False, layout: Layout = Layout.OFFICIAL
) -> None:
    """Set the page of a printer or PDF writer before rendering (a preview dialog lets the
    clerk change it afterwards; the renderer follows whatever the device then says)."""
    device.setPageLayout(page_layout(portrait, layout))


def _device_format(device: QPagedPaintDevice, layout: Layout) -> PageFormat:
    """The layout's page with the margins the device now has (the clerk may have changed
    them in a preview): the page number keeps its place against the type area."""
    page = device.pageLayout()
    landscape = page.orientation() == QPageLayout.Orientation.Landscape
    wanted = page_format(layout, landscape)
    margins = page.margins(QPageLayout.Unit.Millimeter)
    actual = Margins(margins.top(), margins.bottom(), margins.left(), margins.right())
    return PageFormat(layout, landscape, actual, wanted.title_pt)


@dataclass
class _Cell:
    layout: QTextLayout
    tops: list[float]  # each line's top inside the cell's text
    heights: list[float]

    @property
    def height(self) -> float:
        return self.tops[-1] + self.heights[-1] if self.tops else 0.0

    def span(self, first: int, last: int) -> float:
        """Height of lines first..last-1."""
        if first >= last:
            return 0.0
        return self.tops[last - 1] + self.heights[last - 1] - self.tops[first]


class _Renderer:
    def __init__(self, painter: QPainter, device: QPagedPaintDevice, table: PrintedTable):
        self.painter = painter
        self.device = device
        self.table = table
        self.dpi = device.logicalDpiY()
        rect = device.pageLayout().paintRectPixels(self.dpi)
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.format = _device_format(device, table.options.layout)
        body = table.options.body_size or default_body_size(
            self.format.layout, self.format.landscape
        )
        self.fonts = Fonts.official(body_size=body, title_size=self.format.title_pt)
        self.pad = self.mm(_PAD_MM)
        headers = table.headers()
        self.columns = [self.mm(w) for w in table.column_widths(self.width / self.mm(1))]
        self.lefts = [sum(self.columns[:i]) for i in range(len(self.columns))]
        self.centred = [table.centred(h) for h in headers]
        self.number_height = self.font_height(self.fonts.number)
        if self.format.number_place(1) is None:  # compact: the number inside the type area
            self.footer_top = self.height - self.number_height * 1.2
            self.bottom = self.footer_top - self.mm(3)
        else:
            self.bottom = self.height
        self.page = 1
        self.pen = QPen(Qt.GlobalColor.black)
        self.pen.setWidthF(_BORDER_PT / 72 * self.dpi)
        self.header_cells = [
            self.cell(h, i, self.fonts.heading, centred=True) for i, h in enumerate(headers)
        ]
        self.header_height = max(c.height for c in self.header_cells) + 2 * self.pad

    def mm(self, millimetres: float) -> float:
        return millimetres / 25.4 * self.dpi

    def font_height(self, font: QFont) -> float:
        layout = QTextLayout("国", font, self.device)
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        return float(line.height())

    def text_block(self, text: str, font: QFont, width: float, align: Qt.AlignmentFlag) -> _Cell:
        # A line feed inside a cell (several lead units) must break the line, which QTextLayout
        # does only for the Unicode line separator.
        layout = QTextLayout("\u2028".join(printed_lines(text)), font, self.device)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        tops: list[float] = []
        heights: list[float] = []
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1.0))
            line.setPosition(QPointF(0, y))
            tops.append(y)
            heights.append(float(line.height()))
            y += float(line.height()) * _LINE_SPACING
        layout.endLayout()
        return _Cell(layout, tops, heights)

    def cell(self, text: str, column: int, font: QFont, centred: bool) -> _Cell:
        align = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
        return self.text_block(text, font, self.columns[column] - 2 * self.pad, align)

    # --- drawing -----------------------------------------------------------------------

    def draw_lines(self, cell: _Cell, first: int, last: int, x: float, y: float) -> None:
        if first >= last:
            return
        shift = y - cell.tops[first]
        for index in range(first, last):
            cell.layout.lineAt(index).draw(self.painter, QPointF(x, shift))

    def draw_row(
        self,
        cells: list[_Cell],
        ranges: list[tuple[int, int]],
        y: float,
        height: float,
        centre_vertically: bool,
    ) -> None:
        self.painter.setPen(self.pen)
        for column, (cell, (first, last)) in enumerate(zip(cells, ranges, strict=True)):
            left = self.lefts[column]
            width = self.columns[column]
            self.painter.drawRect(QRectF(left, y, width, height))
            used = cell.span(first, last)
            top = y + self.pad
            if centre_vertically:
                top = y + (height - used) / 2
            self.draw_lines(cell, first, last, left + self.pad, top)

    def draw_header(self, y: float) -> float:
        ranges = [(0, len(c.tops)) for c in self.header_cells]
        self.draw_row(self.header_cells, ranges, y, self.header_height, True)
        return y + self.header_height

    def draw_page_number(self) -> None:
        text = f"— {self.page} —"
        place = self.format.number_place(self.page)
        if place is None:
            block = self.text_block(
                text, self.fonts.number, self.width, Qt.AlignmentFlag.AlignHCenter
            )
            self.draw_lines(block, 0, len(block.tops), 0, self.footer_top)
            return
        # The painter's origin is the type area's top left corner.
        margins = self.format.margins
        length = self.width if not place.turned else self.height
        end = place.side is NumberSide.END
        align = Qt.AlignmentFlag.AlignRight if end else Qt.AlignmentFlag.AlignLeft
        block = self.text_block(text, self.fonts.number, length, align)
        start = self.mm(place.along) - (length if end else 0.0)
        across = self.mm(place.across)
        self.painter.save()
        if place.turned:  # reads downwards, its glyphs' heads towards the table
            self.painter.translate(across - self.mm(margins.left) + self.number_height / 2, 0)
            self.painter.translate(0, start - self.mm(margins.top))
            self.painter.rotate(90)
            self.draw_lines(block, 0, len(block.tops), 0, 0)
        else:
            top = across - self.mm(margins.top) - self.number_height / 2
            self.draw_lines(block, 0, len(block.tops), start - self.mm(margins.left), top)
        self.painter.restore()

    def draw_title(self) -> float:
        y = 0.0
        if self.table.attachment:
            mark = self.text_block(
                self.table.attachment, self.fonts.attachment, self.width, Qt.AlignmentFlag.AlignLeft
            )
            self.draw_lines(mark, 0, len(mark.tops), 0, y)
            y += mark.height + self.mm(4)
        title = self.text_block(
            self.table.title, self.fonts.title, self.width * 0.9, Qt.AlignmentFlag.AlignHCenter
        )
        self.draw_lines(title, 0, len(title.tops), self.width * 0.05, y)
        y += title.height
        unit = self.table.options.unit
        if unit:
            sub = self.text_block(
                f"（{unit}）", self.fonts.heading, self.width, Qt.AlignmentFlag.AlignHCenter
            )
            self.draw_lines(sub, 0, len(sub.tops), 0, y + self.mm(2))
            y += sub.height + self.mm(2)
        return y + self.mm(6)

    def new_page(self) -> float:
        self.draw_page_number()  # the finished page's
        if not self.device.newPage():
            raise OSError("the printer refused a new page")
        self.page += 1
        return self.draw_header(0.0)

    # --- the table ---------------------------------------------------------------------

    def render(self, progress: Progress | None) -> int:
        y = self.draw_header(self.draw_title())
        page_room = self.bottom - self.header_height
        rows = self.table.rows
        for done, row in enumerate(rows, start=1):
            texts = self.table.cells(row)
            cells = [
                self.cell(text, column, self.fonts.body, self.centred[column])
                for column, text in enumerate(texts)
            ]
            height = max(c.height for c in cells) + 2 * self.pad
            if y + height > self.bottom and height <= page_room:
                y = self.new_page()
            if y + height <= self.bottom:
                whole = [(0, len(c.tops)) for c in cells]
                self.draw_row(cells, whole, y, height, True)
                y += height
            else:
                y = self.split_row(cells, y)
            if progress is not None and progress(done, len(rows)) is False:
                raise PrintCancelled
        if self.table.footnote:
            self.draw_footnote(y)
        self.draw_page_number()
        return self.page

    def draw_footnote(self, y: float) -> None:
        """The note under the table, on the next page when it does not fit under it."""
        note = self.text_block(
            self.table.footnote, self.fonts.body, self.width, Qt.AlignmentFlag.AlignLeft
        )
        top = y + self.mm(3)
        if top + note.height > self.bottom:
            self.draw_page_number()
            if not self.device.newPage():
                raise OSError("the printer refused a new page")
            self.page += 1
            top = 0.0
        self.draw_lines(note, 0, len(note.tops), 0, top)

    def split_row(self, cells: list[_Cell], y: float) -> float:
        """Print a row taller than a page: each page takes the lines that fit, whole lines
        only, and the rest continues under the next page's header."""
        if self.bottom - y < self.mm(_MIN_SPLIT_MM):
            y = self.new_page()
        done = [0] * len(cells)
        while True:
            room = self.bottom - y - 2 * self.pad
            ranges = []
            for cell, first in zip(cells, done, strict=True):
                last = first
                while last < len(cell.tops) and cell.span(first, last + 1) <= room:
                    last += 1
                if last == first and last < len(cell.tops):
                    last += 1  # a single line taller than the room: print it anyway
                ranges.append((first, last))
            height = max(c.span(a, b) for c, (a, b) in zip(cells, ranges, strict=True))
            height += 2 * self.pad
            self.draw_row(cells, ranges, y, height, False)
            y += height
            done = [last for _, last in ranges]
            if all(d >= len(c.tops) for c, d in zip(cells, done, strict=True)):
                return y
            y = self.new_page()


def render_summary(
    device: QPagedPaintDevice, table: PrintedTable, progress: Progress | None = None
) -> int:
    """Paint `table` on a QPrinter or QPdfWriter (page layout already set) and return the
    number of pages. Raises PrintCancelled when `progress` returns False."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start painting on the printer")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        return _Renderer(painter, device, table).render(progress)
    finally:
        painter.end()


def print_pdf(
    table: PrintedTable,
    path: Path | str,
    *,
    portrait: bool | None = None,
    progress: Progress | None = None,
    refusals: tuple[str, str] = ("summary.no_folder", "summary.cannot_write"),
) -> int:
    """Write `table` to a PDF file; the file appears only once complete. Returns the pages.

    The PDF is painted into memory and then written with `services.files.write_atomically`:
    Qt's own file writing reports no error on a full disk, and a cut-off PDF must never be
    taken for the table (KpiError "summary.cannot_write", or the second of `refusals`, says
    why it could not be; the first is a missing folder's)."""
    target = Path(path)
    check_folder(target, refusals[0])
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(600)
    writer.setTitle(table.title)
    writer.setCreator("kpi-desktop")
    configure_device(
        writer,
        table.options.portrait if portrait is None else portrait,
        table.options.layout,
    )
    pages = render_summary(writer, table, progress)
    del writer  # the document is finished when the writer goes
    buffer.close()
    write_atomically(target, bytes(buffer.data().data()), refusals[1])
    return pages
