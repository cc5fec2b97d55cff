"""The open database as the window sees it: one plan and period at a time, with undo.

Widgets read indicators from here and change them only through undo commands
(kpi_desktop.ui.commands), which call the editing services. The document reloads what changed
and tells the views through signals; it holds no business rules of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period, PeriodKind
from kpi_desktop.domain.status import Status
from kpi_desktop.services import editing
from kpi_desktop.services.editing import EditError
from kpi_desktop.services.queries import IndicatorView, indicator_views, plans
from kpi_desktop.services.structure import StructureError
from kpi_desktop.services.tracking import status_of
from kpi_desktop.storage.engine import Database
from kpi_desktop.storage.models import Plan

log = logging.getLogger(__name__)


class PlanDocument(QObject):
    """Indicators of the current plan, the current period, and the undo stack."""

    reset = Signal()  # the plan or the whole list of indicators changed
    indicatorChanged = Signal(int)  # one indicator's stored values changed
    periodChanged = Signal(str)
    saved = Signal(str)  # a short description of what was just written
    failed = Signal(str)  # why an edit could not be saved (nothing was changed)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.undo_stack = QUndoStack(self)
        self._plans: list[Plan] = []
        self.plan: Plan | None = None
        self.period = ""
        self.views: list[IndicatorView] = []
        self._by_id: dict[int, IndicatorView] = {}
        self.load()

    # reading -------------------------------------------------------------------------------
    def load(self, year: int | None = None) -> None:
        with self.database.read() as session:
            self._plans = plans(session)
        if not self._plans:
            self.plan, self.views, self._by_id = None, [], {}
            self.reset.emit()
            return
        chosen = next((p for p in self._plans if p.year == year), None)
        self.plan = chosen or self._plans[-1]
        if not self.period or Period.parse(self.period).year != self.plan.year:
            self.period = self._first_open_period()
        self._reload_all()

    def _first_open_period(self) -> str:
        """The first period of the year that has no progress yet: the one being worked on."""
        assert self.plan is not None
        with self.database.read() as session:
            views = indicator_views(session, self.plan)
        for kind in PeriodKind:
            code = Period.of(self.plan.year, kind).code
            if not any(code in v.progress for v in views):
                return code
        return Period.of(self.plan.year, PeriodKind.Y).code

    def _reload_all(self) -> None:
        assert self.plan is not None
        with self.database.read() as session:
            self.views = indicator_views(session, self.plan)
        self._by_id = {v.id: v for v in self.views}
        self.reset.emit()

    def reload_indicator(self, indicator_id: int) -> None:
        assert self.plan is not None
        with self.database.read() as session:
            fresh = {v.id: v for v in indicator_views(session, self.plan)}
        if set(fresh) != set(self._by_id):
            self._reload_all()
            return
        self.views = [fresh[v.id] for v in self.views]
        self._by_id = fresh
        self.indicatorChanged.emit(indicator_id)

    @property
    def years(self) -> list[int]:
        return [p.year for p in self._plans]

    def view(self, indicator_id: int) -> IndicatorView | None:
        return self._by_id.get(indicator_id)

    def status(self, view: IndicatorView, period: str | None = None) -> Status:
        return status_of(view, period or self.period)

    def set_period(self, code: str) -> None:
        if code != self.period:
            self.period = code
            self.periodChanged.emit(code)

    def set_year(self, year: int) -> None:
        if self.plan is None or year != self.plan.year:
            self.period = ""
            self.load(year)

    # writing (called by undo commands only) ------------------------------------------------
    @property
    def read_only(self) -> bool:
        return bool(getattr(self.database, "read_only", False))

    def write(self, indicator_id: int | None, what: str, action: Callable[[Any], None]) -> bool:
        """Run `action(session)` in one transaction, then refresh and report the save.

        A refusal (a full disk, a file opened read-only, an edit the plan does not allow)
        changes nothing; it is reported through `failed` and the result is False."""
        try:
            with self.database.transaction() as session:
                action(session)
        except (KpiError, StructureError, EditError) as error:
            log.warning("edit refused: %s", error)
            self.failed.emit(error.message() if isinstance(error, KpiError) else str(error))
            return False
        if indicator_id is None:
            self._reload_all()
        else:
            self.reload_indicator(indicator_id)
        self.saved.emit(what)
        return True

    def write_progress(self, indicator_id: int, period: str, changes: dict[str, Any]) -> bool:
        return self.write(
            indicator_id,
            what=f"{indicator_id}:{period}",
            action=lambda s: editing.set_progress(s, indicator_id, period, changes),
        )
