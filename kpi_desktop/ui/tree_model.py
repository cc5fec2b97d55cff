"""The indicator tree: flat by 序号, or grouped by lead unit (a shared indicator under each).

The items live in Qt's own item model and the filter is a regular expression over one role,
so laying out, expanding and filtering thousands of rows runs in Qt's C++ without calling back
into Python row by row; Python only writes the rows when the plan, the period or an indicator
changes. Each indicator row's search text starts with its status between two markers, so the
quick filters ("not reported", "behind") and the typed text are one expression.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QStandardItem,
    QStandardItemModel,
)

from kpi_desktop.domain.status import Status
from kpi_desktop.domain.text import fold, short
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP
from kpi_desktop.ui.status_style import STATUS_COLOURS, status_icon, status_label

ModelIndex = QModelIndex | QPersistentModelIndex

IndicatorIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3
UnitRole = Qt.ItemDataRole.UserRole + 4
NO_INDICATOR = -1  # the id role of a unit row

COLUMN_SEQ, COLUMN_STATUS, COLUMN_TEXT = range(3)
# Marked for translation here, translated when shown.
HEADERS = (
    QT_TRANSLATE_NOOP("IndicatorTreeModel", "No."),
    QT_TRANSLATE_NOOP("IndicatorTreeModel", "Status"),
    QT_TRANSLATE_NOOP("IndicatorTreeModel", "Key work"),
)


class IndicatorTreeModel(QStandardItemModel):
    def __init__(self, document: PlanDocument, grouped: bool = True) -> None:
        super().__init__()
        self.document = document
        self._grouped = grouped
        self._rows: dict[int, list[QStandardItem]] = {}  # indicator id → its first-column items
        self._status: dict[int, Status] = {}
        self._search: dict[int, str] = {}
        self._units: dict[int, list[str]] = {}
        self._rebuild()
        document.reset.connect(self._rebuild)
        document.indicatorChanged.connect(self._indicator_changed)
        document.periodChanged.connect(lambda _code: self._statuses_changed())

    @property
    def grouped(self) -> bool:
        return self._grouped

    def set_grouped(self, grouped: bool) -> None:
        if grouped != self._grouped:
            self._grouped = grouped
            self._rebuild()

    # filling -------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        # Rows are appended with signals held back and the views told once, by a reset,
        # rather than once per row.
        self.blockSignals(True)
        try:
            self.clear()
            self.setColumnCount(len(HEADERS))
            self._rows = {}
            views = self.document.views
            self._status = {v.id: self.document.status(v) for v in views}
            self._search = {v.id: _search_text(v) for v in views}
            self._units = {v.id: list(v.canonical_units) for v in views}
            root = self.invisibleRootItem()
            if self._grouped:
                groups: dict[str, list[IndicatorView]] = {}
                for view in views:
                    for unit in dict.fromkeys(view.canonical_units):
                        groups.setdefault(unit, []).append(view)
                for unit, members in groups.items():
                    group = self._group_row(unit, members)
                    root.appendRow(group)
                    for view in members:
                        group[0].appendRow(self._indicator_row(view))
            else:
                for view in views:
                    root.appendRow(self._indicator_row(view))
        finally:
            self.blockSignals(False)
        self.beginResetModel()
        self.endResetModel()

    def _indicator_row(self, view: IndicatorView) -> list[QStandardItem]:
        status = self._status[view.id]
        seq = QStandardItem(str(view.seq))
        seq.setData(view.id, IndicatorIdRole)
        seq.setData(status_icon(status), Qt.ItemDataRole.DecorationRole)
        seq.setData(status.value, StatusRole)
        seq.setData(_status_token(status) + self._search[view.id], SearchRole)
        seq.setToolTip(f"{view.seq}. {view.text}\n{' '.join(view.lead_units)}")
        self._rows.setdefault(view.id, []).append(seq)
        row = [seq, QStandardItem(), QStandardItem(short(view.text, 120))]
        self._paint_status(row[1], status)
        row[2].setToolTip(seq.toolTip())
        for item in row:
            item.setEditable(False)
        return row

    def _group_row(self, unit: str, members: list[IndicatorView]) -> list[QStandardItem]:
        name = QStandardItem(unit)
        name.setData(NO_INDICATOR, IndicatorIdRole)
        name.setData(unit, UnitRole)
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        name.setToolTip(unit)
        count = QStandardItem()
        text = QStandardItem()
        row = [name, count, text]
        for item in row:
            item.setEditable(False)
        self._count_group(row, members)
        return row

    def _count_group(self, row: list[QStandardItem], members: list[IndicatorView]) -> None:
        behind = sum(1 for v in members if self._status.get(v.id) == Status.BEHIND)
        counts = QCoreApplication.translate("IndicatorTreeModel", "indicators: %1").replace(
            "%1", str(len(members))
        )
        if behind:
            counts += QCoreApplication.translate("IndicatorTreeModel", ", behind: %1").replace(
                "%1", str(behind)
            )
        row[0].setText(f"{row[0].data(UnitRole)}（{counts}）")

    @staticmethod
    def _paint_status(item: QStandardItem, status: Status) -> None:
        item.setText(status_label(status))
        item.setForeground(QBrush(STATUS_COLOURS[status]))

    # updates -------------------------------------------------------------------------------
    def _indicator_changed(self, indicator_id: int) -> None:
        view = self.document.view(indicator_id)
        if view is None or self._units.get(indicator_id) != list(view.canonical_units):
            self._rebuild()
            return
        self._search[indicator_id] = _search_text(view)
        self._update_rows(view)
        self._recount_groups()

    def _statuses_changed(self) -> None:
        for view in self.document.views:
            self._update_rows(view)
        self._recount_groups()

    def _update_rows(self, view: IndicatorView) -> None:
        status = self.document.status(view)
        self._status[view.id] = status
        for seq in self._rows.get(view.id, []):
            seq.setText(str(view.seq))
            seq.setData(status_icon(status), Qt.ItemDataRole.DecorationRole)
            seq.setData(status.value, StatusRole)
            seq.setData(_status_token(status) + self._search[view.id], SearchRole)
            parent = seq.parent() or self.invisibleRootItem()
            self._paint_status(parent.child(seq.row(), COLUMN_STATUS), status)
            parent.child(seq.row(), COLUMN_TEXT).setText(short(view.text, 120))

    def _recount_groups(self) -> None:
        if not self._grouped:
            return
        root = self.invisibleRootItem()
        by_id = {v.id: v for v in self.document.views}
        for row in range(root.rowCount()):
            group = root.child(row, 0)
            members = [
                by_id[int(group.child(r, 0).data(IndicatorIdRole))] for r in range(group.rowCount())
            ]
            self._count_group([group, root.child(row, 1), root.child(row, 2)], members)

    # lookups -------------------------------------------------------------------------------
    def indexes_of(self, indicator_id: int) -> list[QModelIndex]:
        """Every row showing the indicator (one per lead unit when grouped)."""
        return [item.index() for item in self._rows.get(indicator_id, [])]

    def indicator_id(self, index: ModelIndex) -> int | None:
        """The indicator a row shows; None for a unit row or no row."""
        if not index.isValid():
            return None
        value = self.itemFromIndex(self.index(index.row(), COLUMN_SEQ, index.parent())).data(
            IndicatorIdRole
        )
        return None if value == NO_INDICATOR else int(value)

    def status_of_id(self, indicator_id: int) -> Status:
        return self._status.get(indicator_id, Status.NOT_REPORTED)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("IndicatorTreeModel", HEADERS[section])
        return super().headerData(section, orientation, role)


def _search_text(view: IndicatorView) -> str:
    words = [str(view.seq), view.text, *view.lead_units, *view.canonical_units]
    # The 序号 first, marked off, for narrowing to given rows (IndicatorFilterProxy.set_seqs).
    return f"{view.seq}{_MARK}" + fold(" ".join(words)).lower()


def _status_token(status: Status) -> str:
    return f"{_MARK}{status.value}{_MARK}"


_MARK = "\x1f"  # a control character no text contains


class IndicatorFilterProxy(QSortFilterProxyModel):
    """Narrows the tree to indicators whose 序号, text or unit names contain the typed text,
    optionally only those not reported or behind in the selected period. A unit row stays
    while one of its indicators does."""

    def __init__(self, source: IndicatorTreeModel) -> None:
        super().__init__()
        self._needle = ""
        self._statuses: frozenset[Status] = frozenset()
        self._seqs: frozenset[int] | None = None
        self.setSourceModel(source)
        self.setFilterRole(SearchRole)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(False)

    def set_text(self, text: str) -> None:
        needle = fold(text).lower()
        if needle != self._needle:
            self._needle = needle
            self._apply()

    def set_statuses(self, statuses: frozenset[Status]) -> None:
        if statuses != self._statuses:
            self._statuses = statuses
            self._apply()

    def set_seqs(self, seqs: frozenset[int] | None) -> None:
        """Only the indicators with these 序号 (the rows overdue units owe); None: all."""
        if seqs != self._seqs:
            self._seqs = seqs
            self._apply()

    def _apply(self) -> None:
        pattern = ""
        if self._statuses or self._seqs is not None:
            names = "|".join(sorted(s.value for s in self._statuses)) or "[a-z_]+"
            pattern = f"^{_MARK}(?:{names}){_MARK}"
            if self._seqs is not None:
                # The search text starts "<mark>status<mark>序号<mark>".
                numbers = "|".join(str(seq) for seq in sorted(self._seqs)) or "(?!)"
                pattern += f"(?:{numbers}){_MARK}"
        if self._needle:
            escaped = QRegularExpression.escape(self._needle)
            pattern = f"{pattern}.*{escaped}" if pattern else escaped
        # Unit rows have no search text: with an empty pattern everything shows, otherwise
        # they show through their matching indicators (recursive filtering).
        self.setFilterRegularExpression(
            QRegularExpression(pattern, QRegularExpression.PatternOption.DotMatchesEverythingOption)
        )
