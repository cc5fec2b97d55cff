"""The import preview as a tree: each file, and under it each of its rows with its state,
a check box where the row can be imported, and the stored and returned values side by side.

It shows what services.import_model decides (which rows may be imported, which are chosen
by default); it decides nothing itself.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QWidget,
)

from kpi_desktop.domain.fields import field_label
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.status import Status
from kpi_desktop.domain.text import short
from kpi_desktop.services.importing import (
    FilePreview,
    ImportPreview,
    RowKey,
    RowPreview,
    RowState,
)
from kpi_desktop.ui.labels import period_title
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP
from kpi_desktop.ui.status_style import status_label

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex


CONTEXT = "ImportPreviewModel"
COLUMN_ITEM, COLUMN_STATE, COLUMN_UNIT, COLUMN_PERIOD, COLUMN_ROW, COLUMN_DETAILS = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("ImportPreviewModel", "File / No."),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "State"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Unit"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Period"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Row"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Details"),
)
STATE_NAMES = {
    RowState.NEW: QT_TRANSLATE_NOOP("ImportPreviewModel", "new"),
    RowState.CHANGED: QT_TRANSLATE_NOOP("ImportPreviewModel", "changed"),
    RowState.UNCHANGED: QT_TRANSLATE_NOOP("ImportPreviewModel", "unchanged"),
    RowState.SKIPPED: QT_TRANSLATE_NOOP("ImportPreviewModel", "skipped"),
    RowState.REFUSED: QT_TRANSLATE_NOOP("ImportPreviewModel", "refused"),
}
STATE_COLOURS = {
    RowState.NEW: QColor("#1b7f3b"),
    RowState.CHANGED: QColor("#1565c0"),
    RowState.UNCHANGED: QColor("#616161"),
    RowState.SKIPPED: QColor("#757575"),
    RowState.REFUSED: QColor("#b71c1c"),
}
NOTICE_COLOUR = QColor("#a15c00")
FILE_ID = 0  # internal id of a file's index; a row's is its file's position + 1
RowRole = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_value(name: str, value: str) -> str:
    if name == "status" and value:
        try:
            return status_label(Status(value))
        except ValueError:
            return value
    return value


def fields_text(values: dict[str, str], names: Iterable[str]) -> str:
    """The values of `names`; labelled when there is more than the progress text alone."""
    names = list(names)
    if names == ["text"]:
        return values.get("text", "")
    parts = []
    for name in names:
        parts.append(f"{field_label(name)}：\n{field_value(name, values.get(name, ''))}")
    return "\n\n".join(parts)


def period_name(code: str | None) -> str:
    if not code:
        return ""
    period = Period.parse(code)
    return f"{period.year} {period_title(period)}"


class ImportPreviewModel(QAbstractItemModel):
    """The files of a preview, each with its rows as children, and which rows are checked."""

    checkedChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files: list[FilePreview] = []
        self.checked: set[RowKey] = set()

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self.files = list(preview.files) if preview is not None else []
        # Which rows can be chosen, and which are chosen at first, the import service decides.
        self.checked = preview.default_selection() if preview is not None else set()
        self.endResetModel()
        self.checkedChanged.emit()

    # looking up ------------------------------------------------------------------------------
    def file_at(self, index: ModelIndex) -> FilePreview | None:
        if not index.isValid() or index.internalId() != FILE_ID:
            return None
        return self.files[index.row()] if 0 <= index.row() < len(self.files) else None

    def row_at(self, index: ModelIndex) -> RowPreview | None:
        if not index.isValid() or index.internalId() == FILE_ID:
            return None
        number = index.internalId() - 1
        if not 0 <= number < len(self.files):
            return None
        rows = self.files[number].rows
        return rows[index.row()] if 0 <= index.row() < len(rows) else None

    def checkable_keys(self, file: FilePreview | None = None) -> list[RowKey]:
        files = [file] if file is not None else self.files
        return [row.key for f in files if f.error is None for row in f.rows if row.importable]

    def checked_keys(self) -> list[RowKey]:
        """The checked rows, in the order of the files."""
        return [key for key in self.checkable_keys() if key in self.checked]

    def file_check_state(self, file: FilePreview) -> Qt.CheckState:
        keys = self.checkable_keys(file)
        chosen = sum(1 for key in keys if key in self.checked)
        if chosen == 0:
            return Qt.CheckState.Unchecked
        return Qt.CheckState.Checked if chosen == len(keys) else Qt.CheckState.PartiallyChecked

    # structure -------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:
        if not 0 <= column < len(HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, FILE_ID) if row < len(self.files) else QModelIndex()
            )
        file = self.file_at(parent)
        if file is None or parent.column() != 0 or row >= len(file.rows):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == FILE_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, FILE_ID)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.files)
        file = self.file_at(parent)
        return len(file.rows) if file is not None and parent.column() == 0 else 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return _tr(HEADERS[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COLUMN_ITEM and self._has_check(index):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _has_check(self, index: ModelIndex) -> bool:
        file = self.file_at(index)
        if file is not None:
            return bool(self.checkable_keys(file))
        row = self.row_at(index)
        return (
            row is not None and row.importable and self.files[index.internalId() - 1].error is None
        )

    # content ---------------------------------------------------------------------------------
    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        file = self.file_at(index)
        if file is not None:
            return self._file_data(file, index.column(), role)
        row = self.row_at(index)
        if row is None:
            return None
        return self._row_data(index, row, role)

    def _file_data(self, file: FilePreview, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == COLUMN_ITEM:
            return self.file_check_state(file) if self.checkable_keys(file) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._file_display(file, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COLUMN_DETAILS:
                return self._file_display(file, column)
            return str(file.path)
        if role == Qt.ItemDataRole.FontRole and column == COLUMN_ITEM:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if file.error is not None:
                return STATE_COLOURS[RowState.REFUSED]
            if column == COLUMN_DETAILS and file.same_as_previous:
                return NOTICE_COLOUR
        return None

    def _file_display(self, file: FilePreview, column: int) -> str:
        if column == COLUMN_ITEM:
            return file.name
        if column == COLUMN_STATE:
            if file.error is not None:
                return QCoreApplication.translate("ImportPreviewModel", "refused")
            if file.copy_of is not None:
                return QCoreApplication.translate("ImportPreviewModel", "same file again")
            if file.earlier_than is not None:
                return QCoreApplication.translate("ImportPreviewModel", "earlier period")
            if any(r.state is RowState.REFUSED for r in file.rows):
                return QCoreApplication.translate("ImportPreviewModel", "partly refused")
            if any(r.conflict is not None for r in file.rows):
                return QCoreApplication.translate("ImportPreviewModel", "differs from a file")
            return (
                QCoreApplication.translate("ImportPreviewModel", "ready")
                if self.checkable_keys(file)
                else QCoreApplication.translate("ImportPreviewModel", "nothing to import")
            )
        if column == COLUMN_UNIT:
            return file.unit or (
                ""
                if file.error is not None
                else QCoreApplication.translate("ImportPreviewModel", "(named in each row)")
            )
        if column == COLUMN_PERIOD:
            return period_name(file.period)
        if column == COLUMN_DETAILS:
            if file.error is not None:
                return file.error.message()
            if (earlier := file.earlier_error()) is not None:
                return earlier.message()
            return self.file_summary(file)
        return ""

    @staticmethod
    def file_summary(file: FilePreview) -> str:
        parts = [
            QCoreApplication.translate("ImportPreviewModel", "%1 rows").replace(
                "%1", str(len(file.rows))
            ),
        ]
        for state in RowState:
            count = file.count(state)
            if count:
                parts.append(f"{_tr(STATE_NAMES[state])} {count}")
        # The separator is translated: "，" between Chinese phrases, ", " between English ones.
        text = QCoreApplication.translate("ImportPreviewModel", ", ").join(parts)
        if file.same_as_previous:
            text += QCoreApplication.translate(
                "ImportPreviewModel", " — every text is the same as the previous period's"
            )
        return text

    def _row_data(self, index: ModelIndex, row: RowPreview, role: int) -> Any:
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == COLUMN_ITEM:
            if not self._has_check(index):
                return None
            return Qt.CheckState.Checked if row.key in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COLUMN_DETAILS:
                return self.row_message(row) or None
            return (
                QCoreApplication.translate("ImportPreviewModel", "Sheet “%1”, row %2")
                .replace("%1", row.sheet)
                .replace("%2", str(row.row))
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COLUMN_STATE:
                return STATE_COLOURS[row.state]
            if column == COLUMN_DETAILS:
                if row.state is RowState.REFUSED:
                    return STATE_COLOURS[RowState.REFUSED]
                if row.same_as_previous:
                    return NOTICE_COLOUR
                if row.state is RowState.SKIPPED:
                    return STATE_COLOURS[RowState.SKIPPED]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COLUMN_ITEM, COLUMN_ROW):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RowRole:
            return row
        return None

    def _row_display(self, row: RowPreview, column: int) -> str:
        if column == COLUMN_ITEM:
            return str(row.seq) if row.seq is not None else "—"
        if column == COLUMN_STATE:
            return _tr(STATE_NAMES[row.state])
        if column == COLUMN_UNIT:
            if row.state in (RowState.REFUSED, RowState.SKIPPED):
                return ""
            return row.unit or QCoreApplication.translate(
                "ImportPreviewModel", "(the whole indicator)"
            )
        if column == COLUMN_ROW:
            return str(row.row)
        if column == COLUMN_DETAILS:
            if row.state in (RowState.REFUSED, RowState.SKIPPED):
                return self.row_message(row)
            text = short(row.new.get("text", ""), 60) if "text" in row.new else ""
            notes = " ".join(n.message() for n in row.notices)
            return f"{notes} {text}".strip() if notes else text
        return ""

    @staticmethod
    def row_message(row: RowPreview) -> str:
        """Why a row is refused, and every notice about it, as sentences."""
        parts = [row.error.message()] if row.error is not None else []
        parts += [notice.message() for notice in row.notices]
        if row.conflict is not None:
            parts.append(
                QCoreApplication.translate(
                    "ImportPreviewModel",
                    "File “%1” row %2 gives another text for this indicator and unit; only one "
                    "of the two can be imported: tick the one to keep. Its text: %3",
                )
                .replace("%1", row.conflict.file)
                .replace("%2", str(row.conflict.row))
                .replace("%3", row.conflict.new.get("text", ""))
            )
        return " ".join(parts)

    # checking --------------------------------------------------------------------------------
    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if index.column() != COLUMN_ITEM or not self._has_check(index):
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        on = state != Qt.CheckState.Unchecked
        file = self.file_at(index)
        if file is not None:
            self.set_checked(self.checkable_keys(file), on)
            return True
        row = self.row_at(index)
        if row is None:
            return False
        self.set_checked([row.key], on)
        if on and row.conflict is not None and row.conflict.key in self.checked:
            self.set_checked([row.conflict.key], False)  # one of two conflicting rows
        return True

    def set_checked(self, keys: Sequence[RowKey], on: bool) -> None:
        for key in keys:
            if on:
                self.checked.add(key)
            else:
                self.checked.discard(key)
        touched = {key[0] for key in keys}
        for number, file in enumerate(self.files):
            if file.file not in touched:
                continue
            top = self.index(number, COLUMN_ITEM)
            self.dataChanged.emit(top, top, [Qt.ItemDataRole.CheckStateRole])
            if file.rows:
                self.dataChanged.emit(
                    self.index(0, COLUMN_ITEM, top),
                    self.index(len(file.rows) - 1, COLUMN_ITEM, top),
                    [Qt.ItemDataRole.CheckStateRole],
                )
        self.checkedChanged.emit()

    def check_all(self, on: bool) -> None:
        self.set_checked(self.checkable_keys(), on)
