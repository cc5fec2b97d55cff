"""The tree of indicators on the left of the window: its model and filter, the quick filters,
finding and choosing an indicator.

The window gives it the document; the pane tells the window which indicator is chosen
(`indicatorChosen`) and when the clerk asks to go on to the panel (`activated`).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QSettings, Signal
from PySide6.QtWidgets import QTreeView

from kpi_desktop.domain.status import Status
from kpi_desktop.domain.text import fold
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.tree_model import (
    COLUMN_SEQ,
    COLUMN_STATUS,
    IndicatorFilterProxy,
    IndicatorTreeModel,
)

GROUPED_KEY = "tree/grouped"


class TreePane(QObject):
    indicatorChosen = Signal(object)  # the indicator id, or None for a unit row
    activated = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tree = QTreeView()
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAccessibleName(self.tr("Indicators"))
        self.tree.activated.connect(lambda _index: self.activated.emit())
        self.model: IndicatorTreeModel
        self.proxy: IndicatorFilterProxy

    def set_document(self, document: PlanDocument) -> None:
        self.document = document
        grouped = bool(self.settings.value(GROUPED_KEY, True, type=bool))
        self.model = IndicatorTreeModel(document, grouped=grouped)
        self.proxy = IndicatorFilterProxy(self.model)
        self.tree.setModel(self.proxy)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        document.reset.connect(self.expand)
        self.expand()

    # layout ----------------------------------------------------------------------------------
    def expand(self) -> None:
        if self.model.grouped:
            self._span_units()
            self.tree.expandAll()
        self.tree.setColumnWidth(COLUMN_SEQ, 96)
        self.tree.setColumnWidth(COLUMN_STATUS, 90)

    def refresh(self) -> None:
        """After the document was loaded again behind the tree's back (an import)."""
        self.proxy.invalidate()
        self.expand()

    def set_grouped(self, grouped: bool) -> None:
        current = self.current_indicator_id()
        self.model.set_grouped(grouped)
        self.settings.setValue(GROUPED_KEY, grouped)
        self.expand()
        if current is not None:
            self.select_indicator(current)

    def _span_units(self) -> None:
        """Unit rows show their name across the whole width of the tree."""
        root = QModelIndex()
        for row in range(self.proxy.rowCount(root)):
            self.tree.setFirstColumnSpanned(row, root, True)

    # filtering -------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        self._refilter(lambda: self.proxy.set_text(text))

    def set_quick_filters(
        self, not_filled: bool, behind: bool, overdue: frozenset[int] | None = None
    ) -> None:
        """`overdue`: the 序号 of the rows overdue units owe, to show only those (None: all)."""
        statuses = {Status.NOT_REPORTED} if not_filled else set()
        if behind:
            statuses.add(Status.BEHIND)

        def change() -> None:
            self.proxy.set_statuses(frozenset(statuses))
            self.proxy.set_seqs(overdue)

        self._refilter(change)

    def _refilter(self, change: object) -> None:
        # Rows leaving an expanded tree are laid out one range at a time; leaving a collapsed
        # one costs almost nothing, and the tree is expanded again right after.
        if self.model.grouped:
            self.tree.collapseAll()
        change()  # type: ignore[operator]
        if self.model.grouped:
            self._span_units()
            self.tree.expandAll()

    def choose_typed(self, typed: str) -> bool:
        """Enter in the filter box: the indicator whose 序号 was typed, else the first match."""
        typed = fold(typed)
        if typed.isdigit():
            wanted = next((v.id for v in self.document.views if v.seq == int(typed)), None)
            if wanted is not None and self.select_indicator(wanted):
                return True
        index = self._first_leaf(QModelIndex())
        if index is None:
            return False
        self.tree.setCurrentIndex(index)
        return True

    def _first_leaf(self, parent: QModelIndex) -> QModelIndex | None:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if self.indicator_at(index) is not None:
                return index
            found = self._first_leaf(index)
            if found is not None:
                return found
        return None

    # choosing --------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.indicatorChosen.emit(self.indicator_at(current))

    def indicator_at(self, index: QModelIndex) -> int | None:
        """The indicator of a row of the tree, None for a unit row."""
        return self.model.indicator_id(self.proxy.mapToSource(index))

    def current_indicator_id(self) -> int | None:
        return self.indicator_at(self.tree.currentIndex())

    def select_indicator(self, indicator_id: int) -> bool:
        """Make `indicator_id` the current row (the first of its rows when grouped)."""
        for source in self.model.indexes_of(indicator_id):
            index = self.proxy.mapFromSource(source)
            if index.isValid():
                self.tree.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.tree.scrollTo(index)
                return True
        return False
