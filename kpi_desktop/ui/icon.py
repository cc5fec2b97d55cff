"""The application's icon, from the PNG sizes rendered from resources/icons/kpi-desktop.svg.

PNGs rather than the SVG: decoding PNG is built into QtGui, while an SVG icon needs the QtSvg
icon-engine plugin, one more thing a packaged build could lose."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

from kpi_desktop.services.resources import resource

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """Every size of the icon, so each platform picks the one it draws (title bar, task bar,
    Alt+Tab); an empty icon when the files are missing, never an exception."""
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        node = resource("icons", f"kpi-desktop-{size}.png")
        # Read as bytes: a resource inside an archive has no lasting path for QIcon to load.
        if node.is_file() and pixmap.loadFromData(node.read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon
