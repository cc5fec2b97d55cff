"""Restore from backup: every backup with its date and what it holds; restore one after a
confirmation, having first saved the present state as a backup of its own.

The window opens it with `RestoreDialog(database, parent).exec()` and, when the dialog's
`restored` signal has fired (or `exec()` returned Accepted), reloads everything it shows.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services import backups
from kpi_desktop.storage.backup import BackupInfo
from kpi_desktop.storage.engine import Database
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP
from kpi_desktop.ui.table_model import RowTableModel

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMN_MADE, COLUMN_REASON, COLUMN_YEARS, COLUMN_INDICATORS, COLUMN_LATEST, COLUMN_SIZE = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("BackupTableModel", "Made"),
    QT_TRANSLATE_NOOP("BackupTableModel", "Why"),
    QT_TRANSLATE_NOOP("BackupTableModel", "Plan years"),
    QT_TRANSLATE_NOOP("BackupTableModel", "Indicators"),
    QT_TRANSLATE_NOOP("BackupTableModel", "Last edit in it"),
    QT_TRANSLATE_NOOP("BackupTableModel", "Size"),
)
REASONS = {
    "daily": QT_TRANSLATE_NOOP("BackupTableModel", "first opening of the day"),
    "before-import": QT_TRANSLATE_NOOP("BackupTableModel", "before an import"),
    "before-restore": QT_TRANSLATE_NOOP("BackupTableModel", "before a restore"),
    "before-upgrade": QT_TRANSLATE_NOOP("BackupTableModel", "before a program update"),
    "before-new-plan": QT_TRANSLATE_NOOP("BackupTableModel", "before a new year's plan"),
}
InfoRole = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupTableModel", text)


def reason_text(reason: str) -> str:
    for key, text in REASONS.items():
        if reason == key or reason.startswith(key + "-"):
            return _tr(text)
    return reason


class BackupTableModel(RowTableModel):
    HEADERS = HEADERS

    """The backups of one database, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BackupInfo] = []

    def set_backups(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        info = self.rows[index.row()]
        column = index.column()
        if role == InfoRole:
            return info
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if info.problem:
                return QCoreApplication.translate(
                    "BackupTableModel", "This backup cannot be restored: %1"
                ).replace("%1", info.problem)
            return str(info.path)
        if role == Qt.ItemDataRole.ForegroundRole and not info.usable:
            return QColor(Qt.GlobalColor.darkRed)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            COLUMN_INDICATORS,
            COLUMN_SIZE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(info: BackupInfo, column: int) -> str:
        if column == COLUMN_MADE:
            return info.made_at.strftime("%Y-%m-%d %H:%M:%S") if info.made_at else ""
        if column == COLUMN_REASON:
            return reason_text(info.reason)
        if not info.usable:
            return (
                QCoreApplication.translate("BackupTableModel", "damaged")
                if column == COLUMN_YEARS
                else ""
            )
        if column == COLUMN_YEARS:
            return "、".join(str(year) for year in info.plan_years)
        if column == COLUMN_INDICATORS:
            return str(info.indicators)
        if column == COLUMN_LATEST:
            if info.latest_edit is None:
                return ""
            when = info.latest_edit
            if when.tzinfo is None:  # stored in UTC
                when = when.replace(tzinfo=UTC)
            return when.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == COLUMN_SIZE:
            return f"{info.size / 1024:,.0f} KB"
        return ""


class RestoreDialog(QDialog):
    """Choose a backup of `database` and restore it."""

    restored = Signal(Path)  # the backup of the state before the restore

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Restore from backup"))
        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore this backup…"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()
        self.resize(820, 420)

    def reload(self) -> None:
        self.model.set_backups(backups.list_backups(self.database))
        if not self.database.is_sqlite:
            text = self.tr(
                "A shared database is backed up and restored on its server (pg_dump), not here."
            )
        elif not self.model.rows:
            text = self.tr("There are no backups of this database yet.")
        else:
            text = self.tr(
                "Backups are made on the first opening of each day and before every import, "
                "program update and restore; the last %1 are kept. Restoring first saves "
                "the present state as a backup, so a restore can itself be undone."
            ).replace("%1", str(backups.KEEP_BACKUPS))
        self.explanation.setText(text)
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info: BackupInfo = self.model.data(rows[0], InfoRole)
        return info

    def _selection_changed(self, *_args: object) -> None:
        info = self.selected()
        self.restore_button.setEnabled(
            info is not None and info.usable and not self.database.read_only
        )

    def confirm(self, info: BackupInfo) -> bool:
        """Ask before replacing the data (a separate method so tests can answer for the clerk)."""
        when = info.made_at.strftime("%Y-%m-%d %H:%M") if info.made_at else "?"
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "Replace all data with the backup made %1 (%2)?\n\n"
                "Everything saved since then will be replaced. The present state is saved "
                "as a backup first, so you can go back to it."
            )
            .replace("%1", when)
            .replace("%2", reason_text(info.reason)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> Path | None:
        info = self.selected()
        if info is None or not info.usable or not self.confirm(info):
            return None
        try:
            safety = backups.restore_backup(self.database, info.path)
        except KpiError as error:
            QMessageBox.warning(self, self.tr("Restore from backup"), error.message())
            return None
        self.reload()
        self.restored.emit(safety)
        QMessageBox.information(
            self,
            self.tr("Restore from backup"),
            self.tr("The backup was restored. The state before it is saved in %1.").replace(
                "%1", str(safety)
            ),
        )
        self.accept()
        return safety
