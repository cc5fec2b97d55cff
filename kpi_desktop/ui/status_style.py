"""How a status looks, wherever the window shows one: its colour, its name, its mark.

One palette for the tree, the panels, the targets table and the charts, dark enough to read
as text on white and apart enough to tell as bars; the mark in each disc (domain.status) makes
it readable without colour too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from kpi_desktop.domain.status import Status
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP

STATUS_COLOURS = {
    Status.DONE: QColor("#1b7837"),
    Status.AHEAD: QColor("#4d9221"),
    Status.ON_SCHEDULE: QColor("#2166ac"),
    Status.BEHIND: QColor("#c62828"),
    Status.NO_FIGURE: QColor("#7a7a7a"),
    Status.NOT_REPORTED: QColor("#a8a8a8"),
}


_STATUS_NAMES = {
    Status.DONE: QT_TRANSLATE_NOOP("Status", "Done"),
    Status.AHEAD: QT_TRANSLATE_NOOP("Status", "Ahead of schedule"),
    Status.ON_SCHEDULE: QT_TRANSLATE_NOOP("Status", "On schedule"),
    Status.BEHIND: QT_TRANSLATE_NOOP("Status", "Behind"),
    Status.NO_FIGURE: QT_TRANSLATE_NOOP("Status", "No figure yet"),
    Status.NOT_REPORTED: QT_TRANSLATE_NOOP("Status", "Not filled in"),
}


def status_label(status: Status) -> str:
    return QCoreApplication.translate("Status", _STATUS_NAMES[status])


_ICONS: dict[Status, QIcon] = {}


def status_icon(status: Status) -> QIcon:
    """A coloured disc with the status's letter: readable without colour too."""
    if status not in _ICONS:
        icon = QIcon()
        for size in (16, 32, 48):
            pixmap = QPixmap(size, size)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(STATUS_COLOURS[status])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(1, 1, size - 2, size - 2)
            painter.setPen(QColor("white"))
            font = painter.font()
            font.setPixelSize(int(size * 0.7))
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, status.letter)
            painter.end()
            icon.addPixmap(pixmap)
        _ICONS[status] = icon
    return _ICONS[status]
