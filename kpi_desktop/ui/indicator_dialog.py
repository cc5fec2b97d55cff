"""Editing an indicator itself: its text, lead units and targets; adding a new one."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.fields import TARGET_FIELDS, TARGET_NUMBER_FIELDS
from kpi_desktop.domain.targets import TargetKind
from kpi_desktop.domain.text import split_units
from kpi_desktop.services.structure import StructureError, check_indicator
from kpi_desktop.ui import undo_commands
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP

ModelIndex = QModelIndex | QPersistentModelIndex

KIND_NAMES = {
    TargetKind.GROWTH: QT_TRANSLATE_NOOP("TargetEditModel", "Growth rate"),
    TargetKind.AMOUNT: QT_TRANSLATE_NOOP("TargetEditModel", "Amount"),
    TargetKind.COUNT: QT_TRANSLATE_NOOP("TargetEditModel", "Count"),
    TargetKind.THRESHOLD: QT_TRANSLATE_NOOP("TargetEditModel", "Threshold"),
    TargetKind.SHARE: QT_TRANSLATE_NOOP("TargetEditModel", "Share"),
    TargetKind.CEILING: QT_TRANSLATE_NOOP("TargetEditModel", "Ceiling"),
    TargetKind.LEVEL: QT_TRANSLATE_NOOP("TargetEditModel", "Level"),
    TargetKind.QUALITATIVE: QT_TRANSLATE_NOOP("TargetEditModel", "Qualitative"),
}
_FIELDS = TARGET_FIELDS
_NUMBER_FIELDS = TARGET_NUMBER_FIELDS


class TargetEditModel(QAbstractTableModel):
    """The indicator's targets, each cell editable; every edit is an undo command."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TargetEditModel", "What is measured"),
        QT_TRANSLATE_NOOP("TargetEditModel", "Kind"),
        QT_TRANSLATE_NOOP("TargetEditModel", "Target value"),
        QT_TRANSLATE_NOOP("TargetEditModel", "Unit"),
        QT_TRANSLATE_NOOP("TargetEditModel", "Start of year"),
        QT_TRANSLATE_NOOP("TargetEditModel", "Checked"),
    )

    def __init__(self, document: PlanDocument, indicator_id: int) -> None:
        super().__init__()
        self.document, self.indicator_id = document, indicator_id
        document.indicatorChanged.connect(self._changed)

    def _changed(self, indicator_id: int) -> None:
        if indicator_id == self.indicator_id:
            self.beginResetModel()
            self.endResetModel()

    @property
    def targets(self) -> list[Any]:
        view = self.document.view(self.indicator_id)
        return view.targets if view else []

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.targets)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if _FIELDS[index.column()] == "confirmed":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        target = self.targets[index.row()]
        name = _FIELDS[index.column()]
        if name == "confirmed":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if target.confirmed else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return target.note or self.tr("Tick when you have checked this target")
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = getattr(target, name)
            if name == "kind":
                return (
                    self.tr(KIND_NAMES[TargetKind(value)])
                    if role == Qt.ItemDataRole.DisplayRole
                    else value
                )
            if name in _NUMBER_FIELDS:
                return "" if value is None else f"{value:g}"
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "base":
                return self.tr("For a level: where it stood at the start of the year")
            return target.note or target.span or None
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        target = self.targets[index.row()]
        name = _FIELDS[index.column()]
        if name == "confirmed":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif name in _NUMBER_FIELDS:
            text = str(value).strip().replace(",", "")
            try:
                new = float(text) if text else None
            except ValueError:
                return False
        else:
            new = str(value).strip()
        if getattr(target, name) == new:
            return False
        changes = {name: new}
        if name != "confirmed":
            changes["confirmed"] = True  # correcting a target is checking it
        self.document.undo_stack.push(
            undo_commands.set_target(self.document, self.indicator_id, target.id, changes)
        )
        return True


class KindDelegate(QStyledItemDelegate):
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        box = QComboBox(parent)
        for kind, name in KIND_NAMES.items():
            box.addItem(QCoreApplication.translate("TargetEditModel", name), kind.value)
        return box

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class IndicatorDialog(QDialog):
    """Text and lead units are applied with OK; target cells are saved as they are edited."""

    def __init__(
        self, document: PlanDocument, indicator_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document, self.indicator_id = document, indicator_id
        view = document.view(indicator_id)
        assert view is not None
        self.setWindowTitle(self.tr("Indicator %1").replace("%1", str(view.seq)))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.text = QPlainTextEdit(view.text)
        self.text.setTabChangesFocus(True)
        self.units = QLineEdit(" ".join(view.lead_units))
        self.units.setToolTip(self.tr("Several units are separated by spaces"))
        form.addRow(self.tr("&Key work"), self.text)
        form.addRow(self.tr("&Lead units"), self.units)
        layout.addLayout(form)
        self.model = TargetEditModel(document, indicator_id)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(1, KindDelegate(self.table))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        add = QPushButton(self.tr("&Add target"))
        add.clicked.connect(self._add_target)
        remove = QPushButton(self.tr("Re&move target"))
        remove.clicked.connect(self._remove_target)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        layout.addLayout(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def _add_target(self) -> None:
        self.document.undo_stack.push(undo_commands.add_target(self.document, self.indicator_id))

    def _remove_target(self) -> None:
        row = self.table.currentIndex().row()
        targets = self.model.targets
        if 0 <= row < len(targets):
            self.document.undo_stack.push(
                undo_commands.remove_target(self.document, self.indicator_id, targets[row].id)
            )

    def accept(self) -> None:
        view = self.document.view(self.indicator_id)
        assert view is not None
        text = self.text.toPlainText().strip()
        units = split_units(self.units.text())
        if not _allowed(self, text, units):
            return
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("Edit indicator %1").replace("%1", str(view.seq)))
        try:
            if text != view.text:
                stack.push(undo_commands.set_indicator_text(self.document, self.indicator_id, text))
            if units != view.lead_units:
                stack.push(undo_commands.set_lead_units(self.document, self.indicator_id, units))
        finally:
            stack.endMacro()
        super().accept()


def _allowed(
    dialog: QDialog,
    text: str,
    units: list[str],
    seq: int | None = None,
    taken: Collection[int] = (),
) -> bool:
    """Ask the plan's rule (services.structure) before saving; a refusal is shown in the
    dialog, which stays open with what she typed."""
    try:
        check_indicator(text, units, seq, taken)
    except StructureError as error:
        QMessageBox.warning(dialog, dialog.windowTitle(), error.message())
        return False
    return True


class NewIndicatorDialog(QDialog):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("Add indicator"))
        form = QFormLayout(self)
        self.seq = QSpinBox()
        self.seq.setRange(1, 9999)
        self.seq.setValue(max((v.seq for v in document.views), default=0) + 1)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.units = QLineEdit()
        form.addRow(self.tr("&No."), self.seq)
        form.addRow(self.tr("&Key work"), self.text)
        form.addRow(self.tr("&Lead units"), self.units)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        text, units = self.text.toPlainText().strip(), split_units(self.units.text())
        taken = {v.seq for v in self.document.views}
        if not _allowed(self, text, units, self.seq.value(), taken):
            return
        before = {v.id for v in self.document.views}
        self.document.undo_stack.push(
            undo_commands.add_indicator(self.document, self.seq.value(), text, units)
        )
        created = {v.id for v in self.document.views} - before
        self.created_id = next(iter(created), None)
        if self.created_id is not None:  # else the refusal was shown, and her text stays
            super().accept()
