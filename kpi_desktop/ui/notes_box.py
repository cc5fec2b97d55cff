"""The chosen period's note and leadership instructions (领导批示), under its progress.

The note is the clerk's own and is not printed unless she asks for it; it is saved as she
types, like the progress. Instructions are listed oldest first with who gave them, when, and
how far they are followed up; the buttons add, correct, mark followed up and remove one. Every
change is an undo command on the window's one undo history (ui.notes_commands).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.notes import FollowUp, check_instruction
from kpi_desktop.domain.periods import Period
from kpi_desktop.ui import notes_commands
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.labels import period_title
from kpi_desktop.ui.modal import modal
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP
from kpi_desktop.ui.progress_panel import TYPING_PAUSE_MS, _TextField
from kpi_desktop.ui.table_model import RowTableModel

if TYPE_CHECKING:
    from kpi_desktop.services.notes import InstructionView

ModelIndex = QModelIndex | QPersistentModelIndex
COLUMN_DATE, COLUMN_LEADER, COLUMN_TEXT, COLUMN_FOLLOW_UP = range(4)
_PENDING_COLOUR = QColor("#9a3412")  # not yet carried out: the clerk's eye goes there first


class InstructionsModel(RowTableModel):
    """One period's instructions, oldest first."""

    HEADERS = (
        QT_TRANSLATE_NOOP("InstructionsModel", "Date"),
        QT_TRANSLATE_NOOP("InstructionsModel", "Given by"),
        QT_TRANSLATE_NOOP("InstructionsModel", "Instruction"),
        QT_TRANSLATE_NOOP("InstructionsModel", "Follow-up"),
    )

    def show(self, items: tuple[InstructionView, ...]) -> None:
        self.beginResetModel()
        self.rows = list(items)
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item: InstructionView = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                item.given_on.isoformat(),
                item.leader,
                item.text,
                item.follow_up.label,
            )[column]
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == COLUMN_FOLLOW_UP
            and item.follow_up is not FollowUp.DONE
        ):
            return QBrush(_PENDING_COLOUR)
        return None


class InstructionDialog(QDialog):
    """Who gave an instruction, on which day, its words and how far it is followed up.

    The rules are asked before anything is saved; a refusal is shown here and the dialog stays
    open with what was typed."""

    def __init__(
        self,
        document: PlanDocument,
        indicator_id: int,
        period: str,
        item: InstructionView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document, self.indicator_id, self.period, self.item = (
            document,
            indicator_id,
            period,
            item,
        )
        view = document.view(indicator_id)
        seq = str(view.seq if view else "")
        self.setWindowTitle(
            (
                self.tr("Correct an instruction on indicator %1")
                if item
                else self.tr("Record an instruction on indicator %1")
            ).replace("%1", seq)
        )
        form = QFormLayout(self)
        self.leader = QLineEdit(item.leader if item else "")
        self.leader.setPlaceholderText(self.tr("e.g. 王区长"))
        form.addRow(self.tr("&Given by"), self.leader)
        self.given_on = QLineEdit((item.given_on if item else date.today()).isoformat())
        self.given_on.setPlaceholderText("2024-05-10")
        self.given_on.setToolTip(self.tr("2024-05-10, 2024/5/10 or 2024年5月10日"))
        form.addRow(self.tr("&Date"), self.given_on)
        self.text = QPlainTextEdit(item.text if item else "")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        form.addRow(self.tr("&Instruction"), self.text)
        self.follow_up = QComboBox()
        for state in FollowUp:
            self.follow_up.addItem(state.label, state.value)
        self.follow_up.setCurrentIndex(
            max(0, self.follow_up.findData((item.follow_up if item else FollowUp.PENDING).value))
        )
        form.addRow(self.tr("&Follow-up"), self.follow_up)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b91c1c")
        self.refusal.hide()
        form.addRow(self.refusal)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 300)

    def accept(self) -> None:
        leader, given_on = self.leader.text(), self.given_on.text()
        text = self.text.toPlainText()
        try:
            check_instruction(leader, given_on, text)
        except KpiError as error:
            self.refusal.setText(error.message())
            self.refusal.show()
            return
        state = FollowUp(self.follow_up.currentData())
        stack = self.document.undo_stack
        if self.item is None:
            stack.push(
                notes_commands.add_instruction(
                    self.document, self.indicator_id, self.period, leader, given_on, text, state
                )
            )
        else:
            stack.beginMacro(self.windowTitle())
            try:
                stack.push(
                    notes_commands.edit_instruction(
                        self.document, self.item, leader, given_on, text
                    )
                )
                if state is not self.item.follow_up:
                    stack.push(notes_commands.set_follow_up(self.document, self.item, state))
            finally:
                stack.endMacro()
        super().accept()


class NotesBox(QGroupBox):
    """The chosen period's note and instructions of the indicator shown."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.indicator_id: int | None = None
        self.period = ""
        self.items: tuple[InstructionView, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        self._dirty = False
        self._loading = False
        document.aboutToUndo.connect(self.flush)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.remark = _TextField()
        self.remark.setObjectName("remark")
        self.remark.setTabChangesFocus(True)
        self.remark.setMinimumHeight(46)
        self.remark.setMaximumHeight(92)
        self.remark.setPlaceholderText(self.tr("Only for you: not printed unless you ask"))
        self.remark.textChanged.connect(self._typed)
        self.remark.focusLost.connect(self.flush)
        self.remark.undoRequested.connect(document.undo)
        self.remark.redoRequested.connect(document.redo)
        form.addRow(self.tr("My &note"), self.remark)
        layout.addLayout(form)

        self.model = InstructionsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.empty = QLabel(self.tr("No leadership instruction recorded for this period."))
        self.empty.setStyleSheet("color: palette(mid)")
        instructions = QLabel(self.tr("Leadership instructions"))
        layout.addWidget(instructions)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Record an instruction…"))
        self.edit_button = QPushButton(self.tr("Correct…"))
        self.done_button = QPushButton(self.tr("Mark followed &up"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.done_button.clicked.connect(self.mark_done)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.edit_button, self.done_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        document.indicatorChanged.connect(self._indicator_changed)

    # showing -------------------------------------------------------------------------------
    def show_indicator(self, indicator_id: int | None) -> None:
        """Show an indicator's note and instructions in the document's period; typing not yet
        saved for another indicator or period is saved first."""
        period = self.document.period
        if (indicator_id, period) != (self.indicator_id, self.period):
            self.flush()
        self.indicator_id, self.period = indicator_id, period
        if period:
            self.setTitle(
                self.tr("Note and leadership instructions · %1").replace(
                    "%1", period_title(Period.parse(period))
                )
            )
        notes = self.document.notes(indicator_id, period) if indicator_id is not None else None
        self._loading = True
        try:
            remark = notes.remark if notes is not None else ""
            if not self._dirty and self.remark.toPlainText() != remark:
                self.remark.setPlainText(remark)
        finally:
            self._loading = False
        selected = self.selected()
        self.items = notes.instructions if notes is not None else ()
        self.model.show(self.items)
        keep = next(
            (row for row, item in enumerate(self.items) if selected and item.id == selected.id),
            None,
        )
        if keep is not None:
            self.table.selectRow(keep)
        self.empty.setVisible(not self.items)
        self.table.setVisible(bool(self.items))
        self._fit_table()
        self._enable()

    def _fit_table(self) -> None:
        table = self.table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(row) for row in range(min(self.model.rowCount(), 5)))
        table.setFixedHeight(table.horizontalHeader().height() + 2 * table.frameWidth() + rows)

    def _indicator_changed(self, indicator_id: int) -> None:
        if indicator_id == self.indicator_id:
            self.show_indicator(indicator_id)

    def _enable(self) -> None:
        writable = self.indicator_id is not None and not self.document.read_only
        selected = self.selected()
        self.remark.setReadOnly(not writable)
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and selected is not None)
        self.remove_button.setEnabled(writable and selected is not None)
        self.done_button.setEnabled(
            writable and selected is not None and selected.follow_up is not FollowUp.DONE
        )

    def selected(self) -> InstructionView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not 0 <= rows[0].row() < len(self.model.rows):
            return None
        item: InstructionView = self.model.rows[rows[0].row()]
        return item

    # editing -------------------------------------------------------------------------------
    def _typed(self) -> None:
        if self._loading or self.indicator_id is None:
            return
        self._dirty = True
        self._timer.start()

    def flush(self) -> None:
        """Save the note typed and not saved yet."""
        self._timer.stop()
        if not self._dirty or self.indicator_id is None:
            self._dirty = False
            return
        self._dirty = False
        self.document.undo_stack.push(
            notes_commands.SetRemark(
                self.document, self.indicator_id, self.period, self.remark.toPlainText()
            )
        )

    def add(self) -> None:
        if self.indicator_id is None:
            return
        self.flush()
        with modal(
            InstructionDialog(self.document, self.indicator_id, self.period, None, self)
        ) as d:
            d.exec()

    def edit_selected(self) -> None:
        item = self.selected()
        if item is None or self.document.read_only:
            return
        self.flush()
        with modal(
            InstructionDialog(self.document, item.indicator_id, item.period, item, self)
        ) as d:
            d.exec()

    def mark_done(self) -> None:
        item = self.selected()
        if item is not None and item.follow_up is not FollowUp.DONE:
            self.document.undo_stack.push(
                notes_commands.set_follow_up(self.document, item, FollowUp.DONE)
            )

    def remove_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.document.undo_stack.push(notes_commands.remove_instruction(self.document, item))
