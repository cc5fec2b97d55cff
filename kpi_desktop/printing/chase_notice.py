"""The 催报单 of a round of chasing as a printable page, in the official style: A4 portrait on
GB/T 9704's page (domain.page_format), the title centred in 2号小标宋, the date and the way in
小四仿宋, then a table with borders on every cell — 序号, 牵头单位, 截止日期, 逾期天数, 未报送事项
— its header repeated on each page, no row split unless it alone is taller than a page, and
the page number "— 1 —" 7 mm below the type area, odd pages right and even pages left.

Only QtGui is used, so it prints without a window (QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPdfWriter, QPen, QTextOption

from kpi_desktop.domain.calendar import chinese_date
from kpi_desktop.domain.page_format import Layout
from kpi_desktop.printing.fonts import (
    BODY_CHAIN,
    HEADING_CHAIN,
    NUMBER_CHAIN,
    TITLE_CHAIN,
    make_font,
)
from kpi_desktop.printing.summary_printer import configure_device
from kpi_desktop.services.calendar import Round
from kpi_desktop.services.chase_notice import notice_title
from kpi_desktop.services.files import check_folder, write_atomically

_PAD_MM = 1.6
_COLUMNS = (
    ("序号", 0.08),
    ("牵头单位", 0.17),
    ("截止日期", 0.22),  # 2024年12月31日 on one line
    ("逾期天数", 0.09),
    ("未报送事项", 0.44),
)


class _Page:
    def __init__(self, painter: QPainter, writer: QPdfWriter) -> None:
        self.painter, self.writer = painter, writer
        self.dpmm = writer.resolution() / 25.4
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width, self.height = float(rect.width()), float(rect.height())
        self.title = make_font(TITLE_CHAIN, 22)
        self.body = make_font(BODY_CHAIN, 12)  # 小四, as the summary table
        self.heading = make_font(HEADING_CHAIN, 12)
        self.number = make_font(NUMBER_CHAIN, 14)
        self.page = 1

    def mm(self, value: float) -> float:
        return value * self.dpmm

    def lines_height(self, text: str, font: QFont, width: float) -> float:
        metrics = QFontMetricsF(font, self.writer)
        bound = metrics.boundingRect(
            QRectF(0, 0, width, 1e9), int(Qt.TextFlag.TextWrapAnywhere), text
        )
        return bound.height()

    def text(self, rect: QRectF, text: str, font: QFont, align: Qt.AlignmentFlag) -> None:
        self.painter.setFont(font)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.painter.drawText(rect, text, option)

    def page_number(self) -> None:
        # 7 mm below the type area; odd pages right, even pages left, one character in.
        label = f"— {self.page} —"
        metrics = QFontMetricsF(self.number, self.writer)
        width = metrics.horizontalAdvance(label)
        y = self.height + self.mm(7)
        inset = self.mm(14 * 25.4 / 72)
        x = self.width - width - inset if self.page % 2 else inset
        self.painter.setFont(self.number)
        self.painter.drawText(QPointF(x, y + metrics.ascent()), label)

    def new_page(self) -> None:
        self.page_number()
        self.writer.newPage()
        self.page += 1


def _row_cells(chase: Round) -> list[list[str]]:
    rows = []
    for number, unit in enumerate(chase.units, start=1):
        days = unit.days_overdue(chase.on)
        owed = "\n".join(f"{seq}. {text}" for seq, text in unit.rows)
        rows.append(
            [
                str(number),
                unit.unit,
                chinese_date(unit.due) if unit.due else "未设",
                f"{days}天" if days else "—",
                owed,
            ]
        )
    return rows


def render_notice(writer: QPdfWriter, chase: Round) -> int:
    """Paint the 催报单 on `writer` (page set); returns the number of pages."""
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("could not start painting the notice")
    try:
        page = _Page(painter, writer)
        pad = page.mm(_PAD_MM)
        widths = [page.width * share for _name, share in _COLUMNS]
        title = notice_title(chase)
        height = page.lines_height(title, page.title, page.width)
        page.text(
            QRectF(0, 0, page.width, height), title, page.title, Qt.AlignmentFlag.AlignHCenter
        )
        y = height + page.mm(6)
        line = f"催报日期：{chinese_date(chase.on)}　催报方式：{chase.how}"
        if chase.whom:
            line += f"　联系人：{chase.whom}"
        lines = [line]
        if chase.note:
            lines.append(f"说明：{chase.note}")
        lines.append(f"以下 {len(chase.units)} 个单位尚未报送，请于收到后尽快报送：")
        for text in lines:
            h = page.lines_height(text, page.body, page.width)
            page.text(QRectF(0, y, page.width, h), text, page.body, Qt.AlignmentFlag.AlignLeft)
            y += h + page.mm(1.5)
        y += page.mm(2)
        painter.setPen(QPen(Qt.GlobalColor.black, page.mm(0.25)))

        def row_height(cells: list[str], font: QFont) -> float:
            return (
                max(
                    page.lines_height(cell, font, width - 2 * pad)
                    for cell, width in zip(cells, widths, strict=True)
                )
                + 2 * pad
            )

        def draw(cells: list[str], font: QFont, top: float, h: float) -> None:
            x = 0.0
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
                painter.drawRect(QRectF(x, top, width, h))
                align = Qt.AlignmentFlag.AlignLeft if index == 4 else Qt.AlignmentFlag.AlignHCenter
                page.text(
                    QRectF(x + pad, top + pad, width - 2 * pad, h - 2 * pad),
                    cell,
                    font,
                    align | Qt.AlignmentFlag.AlignVCenter,
                )
                x += width

        header = [name for name, _share in _COLUMNS]
        header_h = row_height(header, page.heading)
        draw(header, page.heading, y, header_h)
        y += header_h
        for cells in _row_cells(chase):
            h = row_height(cells, page.body)
            if y + h > page.height and y > header_h + page.mm(1):
                page.new_page()
                y = 0.0
                draw(header, page.heading, y, header_h)
                y += header_h
            draw(cells, page.body, y, min(h, page.height - y))
            y += h
        page.page_number()
        return page.page
    finally:
        painter.end()


def notice_pdf(chase: Round, path: Path | str) -> int:
    """Write the round's 催报单 to a PDF file (complete or not at all); returns the pages."""
    target = Path(path)
    check_folder(target, "calendar.no_folder")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(600)
    writer.setTitle(notice_title(chase))
    writer.setCreator("kpi-desktop")
    configure_device(writer, portrait=True, layout=Layout.OFFICIAL)
    pages = render_notice(writer, chase)
    del writer
    buffer.close()
    write_atomically(target, bytes(buffer.data().data()), "file.cannot_write")
    return pages
