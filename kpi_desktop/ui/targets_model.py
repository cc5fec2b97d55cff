"""The targets of one indicator in one period: target, achieved value, completion."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from kpi_desktop.services.queries import IndicatorView
from kpi_desktop.services.tracking import completion
from kpi_desktop.ui.commands import SetActual
from kpi_desktop.ui.document import PlanDocument

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMN_LABEL, COLUMN_TARGET, COLUMN_ACTUAL, COLUMN_UNIT, COLUMN_SHARE = range(5)
_HEADERS = (
    QT_TRANSLATE_NOOP("TargetsModel", "Target"),
    QT_TRANSLATE_NOOP("TargetsModel", "Goal"),
    QT_TRANSLATE_NOOP("TargetsModel", "Achieved"),
    QT_TRANSLATE_NOOP("TargetsModel", "Unit"),
    QT_TRANSLATE_NOOP("TargetsModel", "Completion"),
)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.4f}".rstrip("0").rstrip(".")


class TargetsModel(QAbstractTableModel):
    """Rows are targets; the 'Achieved' column is editable in the editable period."""

    def __init__(self, document: PlanDocument) -> None:
        super().__init__()
        self.document = document
        self.view: IndicatorView | None = None
        self.period = ""
        self.editable = False

    def show(self, view: IndicatorView | None, period: str, editable: bool) -> None:
        self.beginResetModel()
        self.view, self.period, self.editable = view, period, editable
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.view is None else len(self.view.targets)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TargetsModel", _HEADERS[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() == COLUMN_ACTUAL:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.view is None:
            return None
        target = self.view.targets[index.row()]
        actual = self.view.actuals.get((self.period, target.id or 0))
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COLUMN_LABEL:
                return target.label
            if column == COLUMN_TARGET:
                if target.value is None:
                    return QCoreApplication.translate("TargetsModel", "qualitative")
                return f"{_number(target.value)} {target.unit}"
            if column == COLUMN_ACTUAL:
                return _number(actual.value) if actual else ""
            if column == COLUMN_UNIT:
                return actual.unit if actual and actual.unit else target.unit
            share = completion(target, actual)
            return "" if share is None else f"{share:.1%}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COLUMN_ACTUAL and actual is not None and not actual.confirmed:
                return QCoreApplication.translate(
                    "TargetsModel", "Proposed from the progress text; type to confirm"
                )
            if target.note:
                return target.note
            return target.span or None
        if (
            role == Qt.ItemDataRole.FontRole
            and column == COLUMN_ACTUAL
            and actual is not None
            and not actual.confirmed
        ):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            COLUMN_TARGET,
            COLUMN_ACTUAL,
            COLUMN_SHARE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or self.view is None
            or not self.editable
            or index.column() != COLUMN_ACTUAL
        ):
            return False
        text = str(value).strip().replace(",", "").replace("，", "")
        number: float | None
        if text == "":
            number = None
        else:
            try:
                number = float(text)
            except ValueError:
                return False
        target = self.view.targets[index.row()]
        assert target.id is not None
        actual = self.view.actuals.get((self.period, target.id))
        unit = actual.unit if actual and actual.unit else target.unit
        self.document.undo_stack.push(
            SetActual(self.document, self.view.id, self.period, target.id, number, unit)
        )
        return True
