"""The submissions table's model: one row per lead unit, its rows returned / expected, when and
from which files, and where it stands against its due date — in colour, and in a mark and a
word that say the same without it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QWidget,
)

from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP
from kpi_desktop.ui.table_model import RowTableModel

if TYPE_CHECKING:
    from kpi_desktop.domain.calendar import Standing
    from kpi_desktop.services.calendar import UnitStanding
    from kpi_desktop.services.submissions import UnitSubmission


ModelIndex = QModelIndex | QPersistentModelIndex

CONTEXT = "SubmissionsModel"
COLUMN_UNIT, COLUMN_STANDING, COLUMN_DUE, COLUMN_RETURNED, COLUMN_WHEN, COLUMN_FILES = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("SubmissionsModel", "Lead unit"),
    QT_TRANSLATE_NOOP("SubmissionsModel", "Against the due date"),
    QT_TRANSLATE_NOOP("SubmissionsModel", "Due date"),
    QT_TRANSLATE_NOOP("SubmissionsModel", "Returned"),
    QT_TRANSLATE_NOOP("SubmissionsModel", "Last received"),
    QT_TRANSLATE_NOOP("SubmissionsModel", "From files"),
)
NOT_ANSWERED = QColor("#fde2e1")
PARTLY_ANSWERED = QColor("#fff4cc")
SubmissionRole = Qt.ItemDataRole.UserRole + 1
StandingRole = Qt.ItemDataRole.UserRole + 2

# Where a unit stands against its due date: a colour, and a mark and a word that say the same
# without it (domain.calendar). %1 is a number of days.
LIGHT_COLOURS = {
    "on_time": QColor("#d9f2dd"),
    "late": QColor("#ffe0b8"),
    "due_soon": QColor("#fff1a8"),
    "overdue": QColor("#f8c9c6"),
}
LIGHT_TEXT_COLOURS = {
    "on_time": QColor("#1b5e20"),
    "late": QColor("#8a4b00"),
    "due_soon": QColor("#6d5600"),
    "overdue": QColor("#8e1b1b"),
}
_LIGHT_WORDS = {
    "on_time": QT_TRANSLATE_NOOP("Light", "on time"),
    "late": QT_TRANSLATE_NOOP("Light", "%1 days late"),
    "due_soon": QT_TRANSLATE_NOOP("Light", "due soon, %1 days left"),
    "due_today": QT_TRANSLATE_NOOP("Light", "due today"),
    "overdue": QT_TRANSLATE_NOOP("Light", "overdue by %1 days"),
    "not_due": QT_TRANSLATE_NOOP("Light", "not yet due"),
    "not_needed": QT_TRANSLATE_NOOP("Light", "nothing to return"),
    "no_date": QT_TRANSLATE_NOOP("Light", "no due date"),
}


def light_label(standing: Standing) -> str:
    """The mark and the word of a unit's standing, in the window's language: "✗ 逾期 5 天"."""
    key = standing.light.value
    if key == "due_soon" and standing.days == 0:
        key = "due_today"
    word = QCoreApplication.translate("Light", str(_LIGHT_WORDS[key])).replace(
        "%1", str(standing.days)
    )
    return f"{standing.mark} {word}"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def local_time(when: datetime | None) -> str:
    if when is None:
        return ""
    if when.tzinfo is None:  # stored in UTC
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


class SubmissionsModel(RowTableModel):
    HEADERS = HEADERS

    """One row per lead unit of the plan, in the order the plan first names it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UnitSubmission] = []
        self.standings: list[UnitStanding] = []

    def set_standings(self, rows: list[UnitStanding]) -> None:
        self.beginResetModel()
        self.standings = list(rows)
        self.rows = [row.submission for row in rows]
        self.endResetModel()

    def submission_at(self, index: ModelIndex) -> UnitSubmission | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        from kpi_desktop.services.submissions import Answer  # loaded with the data layer

        item = self.submission_at(index)
        if item is None:
            return None
        column = index.column()
        calendar = self.standings[index.row()]
        light = calendar.standing.light.value
        if column in (COLUMN_STANDING, COLUMN_DUE):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._calendar_display(calendar, column)
            if role == Qt.ItemDataRole.BackgroundRole:
                return LIGHT_COLOURS.get(light)
            if role == Qt.ItemDataRole.ForegroundRole:
                return LIGHT_TEXT_COLOURS.get(light)
        if role == StandingRole:
            return calendar
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.BackgroundRole:
            if calendar.due is not None:
                return None  # the due-date columns say how much it matters
            if item.answer is Answer.NONE:
                return NOT_ANSWERED
            if item.answer is Answer.PARTLY:
                return PARTLY_ANSWERED
            return None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and item.answer is Answer.NONE
            and calendar.due is None
        ):
            return QColor("#8e1b1b")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COLUMN_RETURNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SubmissionRole:
            return item
        return None

    @staticmethod
    def _calendar_display(calendar: UnitStanding, column: int) -> str:
        from kpi_desktop.domain.calendar import chinese_date

        if column == COLUMN_STANDING:
            return light_label(calendar.standing)
        if calendar.due is None:
            return ""
        text = chinese_date(calendar.due)
        if calendar.own_date:
            text += QCoreApplication.translate("SubmissionsModel", " (its own date)")
        return text

    @staticmethod
    def _display(item: UnitSubmission, column: int) -> str:
        from kpi_desktop.services.submissions import Answer

        if column == COLUMN_UNIT:
            return item.unit
        if column == COLUMN_RETURNED:
            return f"{len(item.returned)} / {len(item.indicators)}"
        if column == COLUMN_WHEN:
            if item.answered:
                return local_time(item.last_received)
            if item.answer is Answer.WRITTEN:
                return QCoreApplication.translate("SubmissionsModel", "no return; texts written")
            return QCoreApplication.translate("SubmissionsModel", "not answered")
        if column == COLUMN_FILES:
            return "、".join(item.files)
        return ""

    @staticmethod
    def _tooltip(item: UnitSubmission) -> str:
        lines = [
            QCoreApplication.translate("SubmissionsModel", "Leads No. %1").replace(
                "%1", "、".join(str(s) for s in item.indicators)
            ),
        ]
        if item.outstanding:
            lines.append(
                QCoreApplication.translate("SubmissionsModel", "Missing No. %1").replace(
                    "%1", "、".join(str(s) for s in item.outstanding)
                )
            )
        return "\n".join(lines)
