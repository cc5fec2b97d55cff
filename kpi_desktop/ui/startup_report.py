"""A self-check for packaged builds: with KPI_DESKTOP_STARTUP_REPORT=1 in the environment the
program prints, as it quits, one JSON line on stdout with what shows the build is whole: the
window's icon, the program's own translation and Qt's. tests/test_frozen_build.py runs the
frozen program this way (with KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT=1 so that it quits by
itself); the clerk never sets it."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow


def report(app: QApplication, window: QMainWindow) -> dict[str, object]:
    return {
        "version": app.applicationVersion(),
        "title": window.windowTitle(),
        "menus": [action.text() for action in window.menuBar().actions()],
        "application_icon_sizes": sorted(
            size.width() for size in app.windowIcon().availableSizes()
        ),
        "window_icon_sizes": sorted(size.width() for size in window.windowIcon().availableSizes()),
        # A string from Qt's own catalogue (qtbase): "取消" once qtbase_zh_CN.qm is loaded.
        "qt_cancel": QCoreApplication.translate("QPlatformTheme", "Cancel"),
        "platform": app.platformName(),
        "charts": _charts_library(),
    }


def _charts_library() -> str:
    """pyqtgraph's version once it has drawn a plot here, or the error that stopped it: the
    charts load it only when first shown, so starting the window alone does not prove it."""
    try:
        import pyqtgraph

        plot = pyqtgraph.PlotWidget()
        plot.plot([1, 2, 3], [2.0, 3.5, 3.0])
        plot.resize(200, 120)
        painted = not plot.grab().isNull()
        plot.deleteLater()
        return str(pyqtgraph.__version__) if painted else "error: nothing painted"
    except Exception as error:  # reported, not raised: this runs while the program quits
        return f"error: {error!r}"


def report_on_quit(app: QApplication, window: QMainWindow) -> None:
    def write() -> None:
        print(json.dumps(report(app, window), ensure_ascii=False))
        sys.stdout.flush()

    app.aboutToQuit.connect(write)
