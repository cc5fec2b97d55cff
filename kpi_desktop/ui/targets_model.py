"""The targets of one indicator in one period: target, achieved value, completion."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from kpi_desktop.domain.text import fold
from kpi_desktop.services.tracking import TargetStanding, standing
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP
from kpi_desktop.ui.status_style import status_icon, status_label
from kpi_desktop.ui.table_model import RowTableModel
from kpi_desktop.ui.undo_commands import SetActual

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMN_LABEL, COLUMN_TARGET, COLUMN_ACTUAL, COLUMN_UNIT, COLUMN_SHARE, COLUMN_STATUS = range(6)
_HEADERS = (
    QT_TRANSLATE_NOOP("TargetsModel", "Target"),
    QT_TRANSLATE_NOOP("TargetsModel", "Goal"),
    QT_TRANSLATE_NOOP("TargetsModel", "Achieved"),
    QT_TRANSLATE_NOOP("TargetsModel", "Unit"),
    QT_TRANSLATE_NOOP("TargetsModel", "Completion"),
    QT_TRANSLATE_NOOP("TargetsModel", "Standing"),
)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.4f}".rstrip("0").rstrip(".")


class TargetsModel(RowTableModel):
    HEADERS = _HEADERS

    """Rows are targets; the 'Achieved' column is editable in the editable period.

    A figure read from the progress text is shown in italics until the clerk confirms it by
    typing (or accepting) a value."""

    def __init__(self, document: PlanDocument) -> None:
        super().__init__()
        self.document = document
        self.view: IndicatorView | None = None
        self.period = ""
        self.editable = False
        self.rows: list[TargetStanding] = []

    def show(self, view: IndicatorView | None, period: str, editable: bool) -> None:
        self.beginResetModel()
        self.view, self.period, self.editable = view, period, editable
        found = standing(view, period, self.document.tolerance) if view is not None else None
        self.rows = found.targets if found is not None else []
        self.endResetModel()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() == COLUMN_ACTUAL:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _display(self, row: TargetStanding, column: int) -> Any:
        target = row.target
        if column == COLUMN_LABEL:
            return target.label
        if column == COLUMN_TARGET:
            if target.value is None:
                return QCoreApplication.translate("TargetsModel", "qualitative")
            return f"{_number(target.value)} {target.unit}"
        if column == COLUMN_ACTUAL:
            return _number(row.value)
        if column == COLUMN_UNIT:
            return row.unit if row.value is not None else target.unit
        if column == COLUMN_SHARE:
            assessment = row.assessment
            if assessment.completion is None:
                return ""
            # A rate, a ceiling or a level without its base is met or not: no schedule to show.
            reached = ("growth", "share", "ceiling") + (("level",) if target.base is None else ())
            if assessment.expected is not None and target.kind not in reached:
                return (
                    QCoreApplication.translate("TargetsModel", "%1 (schedule %2)")
                    .replace("%1", f"{assessment.completion:.1%}")
                    .replace("%2", f"{assessment.expected:.0%}")
                )
            return f"{assessment.completion:.1%}"
        return status_label(row.assessment.status)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return _number(row.value) if column == COLUMN_ACTUAL else self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COLUMN_STATUS:
            return status_icon(row.assessment.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COLUMN_ACTUAL and row.proposed:
                return QCoreApplication.translate(
                    "TargetsModel", "Read from the progress text: “%1”. Type a value to confirm."
                ).replace("%1", row.span)
            return row.target.note or row.target.span or None
        if role == Qt.ItemDataRole.FontRole and column == COLUMN_ACTUAL and row.proposed:
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
        text = fold(str(value)).replace(",", "")
        number: float | None
        if text == "":
            number = None
        else:
            try:
                number = float(text)
            except ValueError:
                return False
        row = self.rows[index.row()]
        assert row.target.id is not None
        unit = row.unit if row.value is not None else row.target.unit
        self.document.undo_stack.push(
            SetActual(self.document, self.view.id, self.period, row.target.id, number, unit)
        )
        return True
