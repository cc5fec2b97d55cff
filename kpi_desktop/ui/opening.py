"""Opening a database from the window: refusals become dialogs, and where another copy of the
program holds the file (or the file cannot be written) the clerk may open it read-only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kpi_desktop.domain.errors import KpiError

if TYPE_CHECKING:
    from kpi_desktop.storage.engine import Database


def _tr(text: str) -> str:
    return QCoreApplication.translate("Opening", text)


def open_interactively(target: Path | str | None, parent: QWidget | None = None) -> Database | None:
    """The opened database, or None when the clerk was told why it cannot be opened."""
    from kpi_desktop.services.database import open_plan_database
    from kpi_desktop.storage.engine import READ_ONLY_OFFER

    try:
        return open_plan_database(target)
    except KpiError as error:
        if error.code not in READ_ONLY_OFFER:
            QMessageBox.critical(parent, "kpi-desktop", error.message())
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "kpi-desktop",
            error.message(),
            QMessageBox.StandardButton.Cancel,
            parent,
        )
        read_only = box.addButton(
            QCoreApplication.translate("Opening", "Open &read-only"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.setDefaultButton(read_only)
        box.exec()
        if box.clickedButton() is not read_only:
            return None
    try:
        return open_plan_database(target, read_only=True)
    except KpiError as error:
        QMessageBox.critical(parent, "kpi-desktop", error.message())
        return None
