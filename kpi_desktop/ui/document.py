"""The open database as the window sees it: one plan and period at a time, with undo.

Widgets read indicators from here and change them only through undo commands
(kpi_desktop.ui.undo_commands), which call the editing services. The document reloads what changed
and tells the views through signals; it holds no business rules of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.status import Status
from kpi_desktop.services.tracking import status_of, verdict_of, working_period
from kpi_desktop.services.views import IndicatorView

if TYPE_CHECKING:
    # The data layer is imported where it is used, not here: the window's first paint comes
    # before SQLAlchemy has loaded (see storage.snapshot).
    from kpi_desktop.domain.verdicts import Verdict
    from kpi_desktop.services.notes import PeriodNotes
    from kpi_desktop.storage.engine import Database
    from kpi_desktop.storage.models import Plan
    from kpi_desktop.storage.snapshot import Snapshot

log = logging.getLogger(__name__)


class PlanDocument(QObject):
    """Indicators of the current plan, the current period, and the undo stack."""

    reset = Signal()  # the plan or the whole list of indicators changed
    indicatorChanged = Signal(int)  # one indicator's stored values changed
    periodChanged = Signal(str)
    saved = Signal(str)  # a short description of what was just written
    failed = Signal(str)  # why an edit could not be saved (nothing was changed)
    # Before an undo or a redo: whoever holds typing not yet saved saves it now, so that the
    # undo history is the one history of every edit, wherever the keyboard focus is.
    aboutToUndo = Signal()

    def __init__(
        self,
        database: Database | None,
        parent: QObject | None = None,
        snapshot: Snapshot | None = None,
    ) -> None:
        """Read `database`; or, for the first paint, show `snapshot` (a quick sqlite3 read of
        the same file) until `attach_database` gives the database itself."""
        super().__init__(parent)
        self._database = database
        self.undo_stack = QUndoStack(self)
        self._plans: list[Plan] = []
        self.plan: Plan | None = None
        self.period = ""
        self.views: list[IndicatorView] = []
        self._by_id: dict[int, IndicatorView] = {}
        if snapshot is not None:
            from kpi_desktop.services.views import views_from_snapshot

            self._plans = list(snapshot.plans)  # type: ignore[arg-type]
            self.plan = snapshot.plan  # type: ignore[assignment]
            self.views = views_from_snapshot(snapshot)
            self._by_id = {v.id: v for v in self.views}
            self.period = self._first_open_period()
        else:
            self.load()

    def undo(self) -> None:
        self.aboutToUndo.emit()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.aboutToUndo.emit()
        self.undo_stack.redo()

    @property
    def database(self) -> Database:
        if self._database is None:
            raise RuntimeError("the database is not attached yet")
        return self._database

    @property
    def attached(self) -> bool:
        return self._database is not None

    def attach_database(self, database: Database) -> None:
        """The database the first paint's snapshot was read from, now opened properly."""
        self._database = database
        self.load(self.plan.year if self.plan is not None else None)

    # reading -------------------------------------------------------------------------------
    def load(self, year: int | None = None) -> None:
        from kpi_desktop.services.queries import plans

        with self.database.read() as session:
            self._plans = plans(session)
        if not self._plans:
            self.plan, self.views, self._by_id = None, [], {}
            self.reset.emit()
            return
        chosen = next((p for p in self._plans if p.year == year), None)
        self.plan = chosen or self._plans[-1]
        self._read_views()
        if not self.period or Period.parse(self.period).year != self.plan.year:
            self.period = self._first_open_period()
        self.reset.emit()

    def _first_open_period(self) -> str:
        assert self.plan is not None
        return working_period(self.views, self.plan.year)

    def _read_views(self) -> None:
        from kpi_desktop.services.queries import indicator_views

        assert self.plan is not None
        with self.database.read() as session:
            self.views = indicator_views(session, self.plan)
        self._by_id = {v.id: v for v in self.views}

    def _reload_all(self) -> None:
        self._read_views()
        self.reset.emit()

    def reload_indicator(self, indicator_id: int) -> None:
        from kpi_desktop.services.queries import indicator_views

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

    @property
    def tolerance(self) -> float | None:
        """The plan's 基本序时 band (None: the default)."""
        return self.plan.tolerance if self.plan is not None else None

    def view(self, indicator_id: int) -> IndicatorView | None:
        return self._by_id.get(indicator_id)

    def status(self, view: IndicatorView, period: str | None = None) -> Status:
        return status_of(view, period or self.period, self.tolerance)

    def verdict(self, view: IndicatorView, period: str | None = None) -> Verdict | None:
        """The unit's own verdict in its progress text, shown beside the status."""
        return verdict_of(view, period or self.period)

    def notes(self, indicator_id: int, period: str | None = None) -> PeriodNotes:
        """The clerk's note and the leadership's instructions on an indicator in a period
        (none before the database is attached: the first paint does not show them)."""
        from kpi_desktop.services.notes import PeriodNotes, notes_of

        if self._database is None:
            return PeriodNotes()
        with self.database.read() as session:
            return notes_of(session, indicator_id, period or self.period)

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
        """Nothing can be saved: the file is open read-only, or (the first paint) not open yet."""
        return self._database is None or bool(self._database.read_only)

    def write(self, indicator_id: int | None, what: str, action: Callable[[Any], None]) -> bool:
        """Run `action(session)` in one transaction, then refresh and report the save.

        A refusal (a full disk, a file opened read-only, an edit the plan does not allow)
        changes nothing; it is reported through `failed` and the result is False."""
        try:
            with self.database.transaction() as session:
                action(session)
        except KpiError as error:
            log.warning("edit refused: %s", error.message("en"))
            self.failed.emit(error.message())
            return False
        if indicator_id is None:
            self._reload_all()
        else:
            self.reload_indicator(indicator_id)
        self.saved.emit(what)
        return True

    def write_progress(
        self, indicator_id: int, period: str, changes: dict[str, Any], *, restored: bool = False
    ) -> bool:
        return self.write(
            indicator_id,
            what=f"{indicator_id}:{period}",
            action=lambda s: _set_progress(s, indicator_id, period, changes, restored),
        )


def _set_progress(
    session: Any, indicator_id: int, period: str, changes: dict[str, Any], restored: bool
) -> None:
    from kpi_desktop.services.editing import RESTORED, TYPED, set_progress

    set_progress(session, indicator_id, period, changes, RESTORED if restored else TYPED)
