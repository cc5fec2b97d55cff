"""The indicator tree: flat by 序号, or grouped by lead unit (a shared indicator under each).

Rows are addressed without Python objects in internal pointers: a top-level index has
internalId 0, a child of group row g has internalId g + 1.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from kpi_desktop.domain.status import Status
from kpi_desktop.domain.text import fold, short
from kpi_desktop.services.queries import IndicatorView
from kpi_desktop.ui.document import PlanDocument

ModelIndex = QModelIndex | QPersistentModelIndex

IndicatorIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3

COLUMN_SEQ, COLUMN_STATUS, COLUMN_TEXT = range(3)
# Marked for translation here, translated when shown.
HEADERS = (
    QT_TRANSLATE_NOOP("IndicatorTreeModel", "No."),
    QT_TRANSLATE_NOOP("IndicatorTreeModel", "Status"),
    QT_TRANSLATE_NOOP("IndicatorTreeModel", "Key work"),
)

STATUS_COLOURS = {
    Status.DONE: QColor("#1b7f3b"),
    Status.AHEAD: QColor("#2e7d32"),
    Status.ON_SCHEDULE: QColor("#1565c0"),
    Status.BEHIND: QColor("#c62828"),
    Status.NO_FIGURE: QColor("#8d6e00"),
    Status.NOT_REPORTED: QColor("#757575"),
}


_STATUS_NAMES = {
    Status.DONE: QT_TRANSLATE_NOOP("Status", "Done"),
    Status.AHEAD: QT_TRANSLATE_NOOP("Status", "Ahead of schedule"),
    Status.ON_SCHEDULE: QT_TRANSLATE_NOOP("Status", "On schedule"),
    Status.BEHIND: QT_TRANSLATE_NOOP("Status", "Behind"),
    Status.NO_FIGURE: QT_TRANSLATE_NOOP("Status", "No figure yet"),
    Status.NOT_REPORTED: QT_TRANSLATE_NOOP("Status", "Not reported"),
}


def status_label(status: Status) -> str:
    return QCoreApplication.translate("Status", _STATUS_NAMES[status])


_ICONS: dict[Status, QIcon] = {}


def status_icon(status: Status) -> QIcon:
    """A coloured disc with the status's letter: readable without colour too."""
    if status not in _ICONS:
        icon = QIcon()
        for size in (16, 32, 48):
            pixmap = QPixmap(size, size)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(STATUS_COLOURS[status])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(1, 1, size - 2, size - 2)
            painter.setPen(QColor("white"))
            font = painter.font()
            font.setPixelSize(int(size * 0.7))
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, status.letter)
            painter.end()
            icon.addPixmap(pixmap)
        _ICONS[status] = icon
    return _ICONS[status]


class IndicatorTreeModel(QAbstractItemModel):
    def __init__(self, document: PlanDocument, grouped: bool = True) -> None:
        super().__init__()
        self.document = document
        self._grouped = grouped
        self._groups: list[tuple[str, list[IndicatorView]]] = []
        self._flat: list[IndicatorView] = []
        self._status: dict[int, Status] = {}
        self._search: dict[int, str] = {}
        self._rebuild()
        document.reset.connect(self._reset)
        document.indicatorChanged.connect(self._indicator_changed)
        document.periodChanged.connect(lambda _code: self._statuses_changed())

    # structure -----------------------------------------------------------------------------
    @property
    def grouped(self) -> bool:
        return self._grouped

    def set_grouped(self, grouped: bool) -> None:
        if grouped != self._grouped:
            self.beginResetModel()
            self._grouped = grouped
            self._rebuild()
            self.endResetModel()

    def _rebuild(self) -> None:
        views = self.document.views
        self._flat = list(views)
        groups: dict[str, list[IndicatorView]] = {}
        for view in views:
            for unit in dict.fromkeys(view.canonical_units):
                groups.setdefault(unit, []).append(view)
        self._groups = list(groups.items())
        self._search = {v.id: self._search_text(v) for v in views}
        self._status = {v.id: self.document.status(v) for v in views}

    @staticmethod
    def _search_text(view: IndicatorView) -> str:
        return fold(
            " ".join([str(view.seq), view.text, *view.lead_units, *view.canonical_units])
        ).lower()

    def _reset(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _indicator_changed(self, indicator_id: int) -> None:
        view = self.document.view(indicator_id)
        if view is None:
            self._reset()
            return
        old_units = next((v.canonical_units for v in self._flat if v.id == indicator_id), None)
        if old_units != view.canonical_units:
            self._reset()
            return
        self._flat = [view if v.id == indicator_id else v for v in self._flat]
        self._groups = [
            (unit, [view if v.id == indicator_id else v for v in members])
            for unit, members in self._groups
        ]
        self._search[indicator_id] = self._search_text(view)
        self._status[indicator_id] = self.document.status(view)
        for index in self.indexes_of(indicator_id):
            self.dataChanged.emit(index, index.siblingAtColumn(COLUMN_TEXT))

    def _statuses_changed(self) -> None:
        self._status = {v.id: self.document.status(v) for v in self.document.views}
        top = self.rowCount()
        if top:
            self.dataChanged.emit(self.index(0, 0), self.index(top - 1, COLUMN_TEXT))
            if self._grouped:
                for row in range(top):
                    parent = self.index(row, 0)
                    children = self.rowCount(parent)
                    if children:
                        self.dataChanged.emit(
                            self.index(0, 0, parent),
                            self.index(children - 1, COLUMN_TEXT, parent),
                        )

    def indexes_of(self, indicator_id: int) -> list[QModelIndex]:
        """Every row showing the indicator (one per lead unit when grouped)."""
        if not self._grouped:
            return [self.index(row, 0) for row, v in enumerate(self._flat) if v.id == indicator_id]
        found = []
        for group_row, (_unit, members) in enumerate(self._groups):
            for row, view in enumerate(members):
                if view.id == indicator_id:
                    found.append(self.index(row, 0, self.index(group_row, 0)))
        return found

    def view_at(self, index: ModelIndex) -> IndicatorView | None:
        if not index.isValid():
            return None
        if not self._grouped:
            return self._flat[index.row()]
        group = index.internalId()
        if group == 0:
            return None
        return self._groups[group - 1][1][index.row()]

    # QAbstractItemModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or not self._grouped:
            return QModelIndex()
        group = index.internalId()
        if group == 0:
            return QModelIndex()
        return self.createIndex(group - 1, 0, 0)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._groups) if self._grouped else len(self._flat)
        if self._grouped and parent.internalId() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("IndicatorTreeModel", HEADERS[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view = self.view_at(index)
        if view is None:
            return self._group_data(index, role)
        column = index.column()
        status = self._status.get(view.id, Status.NOT_REPORTED)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COLUMN_SEQ:
                return str(view.seq)
            if column == COLUMN_TEXT:
                return short(view.text, 120)
            return status_label(status)
        if role == Qt.ItemDataRole.DecorationRole and column == COLUMN_SEQ:
            return status_icon(status)
        if role == Qt.ItemDataRole.ForegroundRole and column == COLUMN_STATUS:
            return QBrush(STATUS_COLOURS[status])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{view.seq}. {view.text}\n{' '.join(view.lead_units)}"
        if role == IndicatorIdRole:
            return view.id
        if role == StatusRole:
            return status.value
        if role == SearchRole:
            return self._search[view.id]
        return None

    def _group_data(self, index: ModelIndex, role: int) -> Any:
        unit, members = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == COLUMN_SEQ:
            # Shown across the whole row (the view spans group rows).
            behind = sum(1 for v in members if self._status.get(v.id) == Status.BEHIND)
            counts = QCoreApplication.translate("IndicatorTreeModel", "%1 indicators").replace(
                "%1", str(len(members))
            )
            if behind:
                counts += QCoreApplication.translate("IndicatorTreeModel", ", %1 behind").replace(
                    "%1", str(behind)
                )
            return f"{unit}（{counts}）"
        if role == Qt.ItemDataRole.ToolTipRole:
            return unit
        if role == SearchRole:
            return fold(unit).lower()
        return None

    def status_of_id(self, indicator_id: int) -> Status:
        return self._status.get(indicator_id, Status.NOT_REPORTED)

    def search_of_id(self, indicator_id: int) -> str:
        return self._search.get(indicator_id, "")


class IndicatorFilterProxy(QSortFilterProxyModel):
    """Narrows the tree to indicators whose 序号, text or unit contains the typed text,
    optionally only those not reported or behind in the selected period."""

    def __init__(self, source: IndicatorTreeModel) -> None:
        super().__init__()
        self._tree = source
        self._needle = ""
        self._statuses: frozenset[Status] = frozenset()
        self.setSourceModel(source)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(False)

    def set_text(self, text: str) -> None:
        needle = fold(text).lower()
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_statuses(self, statuses: frozenset[Status]) -> None:
        if statuses != self._statuses:
            self.beginFilterChange()
            self._statuses = statuses
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        tree = self._tree
        index = tree.index(source_row, 0, source_parent)
        view = tree.view_at(index)
        if view is None:
            # A unit group is shown when one of its indicators is (recursive filtering), or,
            # with no status filter, when its own name matches.
            return (
                not self._statuses
                and bool(self._needle)
                and self._needle in (index.data(SearchRole) or "")
            )
        if self._statuses and tree.status_of_id(view.id) not in self._statuses:
            return False
        if not self._needle:
            return True
        if self._needle in tree.search_of_id(view.id):
            return True
        # Under a matching unit name, all of that unit's indicators show.
        return source_parent.isValid() and self._needle in (source_parent.data(SearchRole) or "")
