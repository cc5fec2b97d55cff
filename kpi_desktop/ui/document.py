"""The open database as the window sees it: one plan and period at a time, with undo.

Widgets read indicators from here and change them only through undo commands
(kpi_desktop.ui.undo_commands), which call the editing services. The document reloads what changed
and tells the views through signals; it holds no business rules of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
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
    from kpi_desktop.services.closing import ClosingEvent
    from kpi_desktop.services.notes import PeriodNotes
    from kpi_desktop.storage.engine import Database
    from kpi_desktop.storage.models import Plan
    from kpi_desktop.storage.snapshot import Snapshot

log = logging.getLogger(__name__)

# How often an open window looks for changes saved by others (a colleague on the shared
# server, or the program that has the file while this one reads it). One indexed query of the
# change log; see the README for the measurements behind polling rather than LISTEN/NOTIFY.
WATCH_INTERVAL_MS = 2000


class PlanDocument(QObject):
    """Indicators of the current plan, the current period, and the undo stack."""

    reset = Signal()  # the plan or the whole list of indicators changed
    indicatorChanged = Signal(int)  # one indicator's stored values changed
    periodChanged = Signal(str)
    saved = Signal(str)  # a short description of what was just written
    failed = Signal(str)  # why an edit could not be saved (nothing was changed)
    # A write refused because someone else saved the value since it was read (a StaleWrite:
    # her value, theirs, the field): the window shows both to choose or merge.
    conflicted = Signal(object)
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
        self._watch = None if database is None else _ChangeWatch()
        self._watch_timer: QTimer | None = None
        self.plan: Plan | None = None
        self.period = ""
        self.views: list[IndicatorView] = []
        self._by_id: dict[int, IndicatorView] = {}
        self.closed: dict[str, ClosingEvent] = {}  # the plan's closed periods (定稿), by code
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
        self._watch = _ChangeWatch()
        self.load(self.plan.year if self.plan is not None else None)

    # others' changes ---------------------------------------------------------------------------
    def start_watching(self, interval_ms: int = WATCH_INTERVAL_MS) -> None:
        """Look for changes saved by others every `interval_ms` and show them."""
        if self._watch_timer is None:
            self._watch_timer = QTimer(self)
            self._watch_timer.timeout.connect(self.refresh_from_others)
        self._watch_timer.start(interval_ms)

    def refresh_from_others(self) -> set[int]:
        """Reload the indicators whose values someone saved since the last look (this
        program's own saves are shown already and cost one more read at most). Typing not yet
        saved stays as it is: the panels keep a field the clerk is typing in."""
        if self._database is None or self._watch is None or self.plan is None:
            return set()
        if self._database.closed:  # the window moved on to another database
            if self._watch_timer is not None:
                self._watch_timer.stop()
            return set()
        try:
            with self.database.read() as session:
                changed = self._watch.changed_indicators(session)
        except Exception:  # a server out of reach: the next look tries again
            log.warning("could not look for others' changes", exc_info=True)
            return set()
        if not changed:
            return set()
        if changed - set(self._by_id):
            self._reload_all()  # an indicator added or removed, or the plan itself changed
        else:
            self.reload_indicator(min(changed))
            for indicator_id in sorted(changed - {min(changed)}):
                self.indicatorChanged.emit(indicator_id)
        return changed

    # reading -------------------------------------------------------------------------------
    def load(self, year: int | None = None) -> None:
        from kpi_desktop.services.queries import plans

        with self.database.read() as session:
            if self._watch is not None:
                self._watch.changed_indicators(session)  # from here on
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
        self._read_closed()

    def _read_closed(self) -> None:
        from kpi_desktop.services.closing import closed_periods

        assert self.plan is not None and self.plan.id is not None
        with self.database.read() as session:
            self.closed = closed_periods(session, self.plan.id)

    def closing_changed(self) -> None:
        """A period was closed or reopened: the panels are built again, read-only or not."""
        self._read_closed()
        self.reset.emit()

    def overdue_seqs(self, today: date | None = None) -> frozenset[int]:
        """The 序号 of the rows that units past their due date still owe in the period."""
        if not self.attached or self.plan is None or not self.period:
            return frozenset()
        from kpi_desktop.services.calendar import overdue_seqs

        with self.database.read() as session:
            return overdue_seqs(
                session, self.plan, Period.parse(self.period), today or date.today()
            )

    def period_locked(self, code: str | None = None) -> bool:
        """Nothing of the period can be changed: the file is read-only or the period closed."""
        return self.read_only or (code or self.period) in self.closed

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
        from kpi_desktop.services.editing import StaleWrite

        try:
            with self.database.transaction() as session:
                action(session)
        except StaleWrite as stale:
            log.info("edit refused, stale base: %s", stale.code)
            # Show what the colleague saved (her own typing stays in the dialog), then ask.
            self.reload_indicator(stale.indicator_id)
            self.conflicted.emit(stale)
            return False
        except KpiError as error:
            log.warning("edit refused: %s", error.message("en"))
            if error.code == "edit.plan_changed":
                self._reload_all()  # show what the colleague saved
            self.failed.emit(error.message())
            return False
        if indicator_id is None:
            self._reload_all()
        else:
            self.reload_indicator(indicator_id)
        self.saved.emit(what)
        return True

    def write_progress(
        self,
        indicator_id: int,
        period: str,
        changes: dict[str, Any],
        expected: dict[str, Any] | None = None,
        *,
        restored: bool = False,
    ) -> bool:
        """Save `changes`; with `expected` (the values they replace, as the clerk saw them)
        only if nobody has saved something else since (else `conflicted`)."""
        return self.write(
            indicator_id,
            what=f"{indicator_id}:{period}",
            action=lambda s: _set_progress(s, indicator_id, period, changes, expected, restored),
        )


def _set_progress(
    session: Any,
    indicator_id: int,
    period: str,
    changes: dict[str, Any],
    expected: dict[str, Any] | None,
    restored: bool,
) -> None:
    from kpi_desktop.services.editing import RESTORED, TYPED, set_progress

    source = RESTORED if restored else TYPED
    set_progress(session, indicator_id, period, changes, source, expected=expected)


class _ChangeWatch:
    """Which indicators the change log shows changed since the last look.

    Change-log ids come from a sequence: on a server a transaction that took a lower id may
    commit after one with a higher id. So each look reads the ids above a floor some way
    below the highest seen, and remembers those seen, rather than only "above the highest"."""

    LOOKBACK = 500

    def __init__(self) -> None:
        self.highest: int | None = None
        self.seen: set[int] = set()

    def changed_indicators(self, session: Any) -> set[int]:
        from sqlmodel import col, select

        from kpi_desktop.storage.models import ChangeLog

        if self.highest is None:
            highest = session.exec(select(ChangeLog.id).order_by(col(ChangeLog.id).desc())).first()
            self.highest = highest or 0
            floor = self.highest - self.LOOKBACK
            self.seen = set(session.exec(select(ChangeLog.id).where(col(ChangeLog.id) > floor)))
            return set()
        floor = self.highest - self.LOOKBACK
        rows = session.exec(
            select(ChangeLog.id, ChangeLog.indicator_id).where(col(ChangeLog.id) > floor)
        ).all()
        fresh = [(i, indicator) for i, indicator in rows if i not in self.seen]
        if not fresh:
            return set()
        self.seen.update(i for i, _indicator in fresh)
        self.highest = max(self.highest, *(i for i, _indicator in fresh))
        floor = self.highest - self.LOOKBACK
        self.seen = {i for i in self.seen if i > floor}
        return {indicator or 0 for _i, indicator in fresh}
