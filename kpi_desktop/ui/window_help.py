"""Help → Help and Help → About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kpi_desktop import __version__


def show_help(parent: QWidget) -> None:
    QMessageBox.information(
        parent,
        QCoreApplication.translate("MainWindow", "Help"),
        QCoreApplication.translate(
            "MainWindow",
            "<p><b>Find an indicator</b>: type its number, a word of its text or a unit's name "
            "in the filter box (Ctrl+F), then press Enter.</p>"
            "<p><b>Enter progress</b>: choose the period in the toolbar, select the indicator, "
            "and type in the Progress box on the right. Everything is saved at once; Ctrl+Z "
            "undoes, Ctrl+Y redoes.</p>"
            "<p><b>Figures</b>: type the achieved value of each target in the table of "
            "targets; the status mark shows whether it is on schedule (序时进度).</p>"
            "<p><b>Returns</b>: drop the spreadsheets the units sent back on this window, "
            "or use File → Import returns.</p>",
        ),
    )


def show_about(parent: QWidget, location: str) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About kpi-desktop"),
        QCoreApplication.translate(
            "MainWindow",
            "<h3>kpi-desktop %1</h3><p>Tracking the quantitative targets of a government work "
            "report through the year.</p><p>Database: %2</p>",
        )
        .replace("%1", __version__)
        .replace("%2", location),
    )
