"""Earlier values of an indicator, with their source and time; any of them can be restored."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.fields import ProgressField, field_label, source_label
from kpi_desktop.services import editing
from kpi_desktop.storage.models import ChangeLog
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP
from kpi_desktop.ui.table_model import RowTableModel
from kpi_desktop.ui.undo_commands import SetProgressField

ModelIndex = QModelIndex | QPersistentModelIndex
PROGRESS_FIELDS = set(ProgressField)


def who_made(change: ChangeLog) -> str:
    """The user (the server's, on a shared database) and the computer; empty in a log written
    before the program recorded them."""
    if not change.user_name:
        return ""
    return f"{change.user_name}（{change.host}）" if change.host else change.user_name


class HistoryModel(RowTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryModel", "When"),
        QT_TRANSLATE_NOOP("HistoryModel", "Who"),
        QT_TRANSLATE_NOOP("HistoryModel", "Period"),
        QT_TRANSLATE_NOOP("HistoryModel", "What"),
        QT_TRANSLATE_NOOP("HistoryModel", "Earlier value"),
        QT_TRANSLATE_NOOP("HistoryModel", "New value"),
        QT_TRANSLATE_NOOP("HistoryModel", "Source"),
    )
    COLUMN_WHO = 1

    def __init__(self, document: PlanDocument, indicator_id: int) -> None:
        super().__init__()
        self.document, self.indicator_id = document, indicator_id
        self.rows: list[ChangeLog] = []
        self.refresh()
        document.indicatorChanged.connect(self._indicator_changed)

    def _indicator_changed(self, indicator_id: int) -> None:
        if indicator_id == self.indicator_id:
            self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        with self.document.database.read() as session:
            self.rows = editing.history(session, self.indicator_id)
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return change.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if column == self.COLUMN_WHO:
                return who_made(change)
            if column == 2:
                return change.period or ""
            if column == 3:
                if change.entity == "finding":
                    return self._finding(change)
                if change.entity == "instruction" and change.field_name == "instruction":
                    if change.new_value:
                        return self.tr("Instruction recorded")
                    return self.tr("Instruction removed")
                return field_label(change.field_name)
            if column == 4:
                return self._value(change, change.old_value)
            if column == 5:
                return self._value(change, change.new_value)
            source = source_label(change.source)
            return f"{source} {change.source_file}" if change.source_file else source
        return None

    @staticmethod
    def _value(change: ChangeLog, value: str | None) -> str:
        """A logged value as the clerk reads it: a follow-up state in words."""
        if change.field_name == "follow_up" and value:
            from kpi_desktop.domain.notes import FollowUp

            try:
                return FollowUp(value).label
            except ValueError:
                return value
        return value or ""

    def _finding(self, change: ChangeLog) -> str:
        """A finding of the checks dismissed (the new value is the reason) or reopened."""
        from kpi_desktop.domain.checks import rule_of_key
        from kpi_desktop.domain.errors import current_language

        rule = rule_of_key(change.field_name)
        check = rule.label(current_language()) if rule is not None else change.field_name
        if change.new_value:
            return self.tr("Finding dismissed: {check}").format(check=check)
        return self.tr("Finding reopened: {check}").format(check=check)


class HistoryDialog(QDialog):
    def __init__(
        self, document: PlanDocument, indicator_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document, self.indicator_id = document, indicator_id
        view = document.view(indicator_id)
        self.setWindowTitle(
            self.tr("History of indicator %1").replace("%1", str(view.seq if view else ""))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Every earlier value is kept. Select a row and restore the earlier "
                    "or the new value."
                )
            )
        )
        self.model = HistoryModel(document, indicator_id)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(HistoryModel.COLUMN_WHO, 180)
        self.table.setColumnWidth(2, 70)
        self.table.setColumnWidth(3, 90)
        self.table.setColumnWidth(4, 250)
        self.table.setColumnWidth(5, 250)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_old = QPushButton(self.tr("Restore the &earlier value"))
        self.restore_new = QPushButton(self.tr("Restore the &new value"))
        buttons.addButton(self.restore_old, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_new, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_old.clicked.connect(lambda: self.restore(earlier=True))
        self.restore_new.clicked.connect(lambda: self.restore(earlier=False))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._row_changed(self.table.currentIndex())
        self.resize(1100, 480)

    def _row_changed(self, current: ModelIndex, _previous: ModelIndex | None = None) -> None:
        change = self.model.rows[current.row()] if current.isValid() else None
        ok = change is not None and (
            (change.entity == "progress" and change.field_name in PROGRESS_FIELDS)
            or change.entity == "remark"
        )
        self.restore_old.setEnabled(ok)
        self.restore_new.setEnabled(ok)

    def restore(self, earlier: bool, row: int | None = None) -> None:
        row = self.table.currentIndex().row() if row is None else row
        if not 0 <= row < len(self.model.rows):
            return
        change = self.model.rows[row]
        if change.entity == "remark" and change.period:
            from kpi_desktop.ui.notes_commands import SetRemark

            text = (change.old_value if earlier else change.new_value) or ""
            self.document.undo_stack.push(
                SetRemark(self.document, self.indicator_id, change.period, text, restored=True)
            )
            return
        if (
            change.entity != "progress"
            or change.field_name not in PROGRESS_FIELDS
            or not change.period
        ):
            return
        field = ProgressField(change.field_name)
        value = field.value_of(change.old_value if earlier else change.new_value)
        self.document.undo_stack.push(
            SetProgressField(
                self.document, self.indicator_id, change.period, field, value, restored=True
            )
        )
