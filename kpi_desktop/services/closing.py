"""Closing a period (定稿): once the bulletin has gone out its progress, statuses and figures
stay as printed, whether the change comes from the window, an import or an undo.

The rule is kept where every write passes: before any flush of a session, a new, changed or
deleted progress entry, achieved figure or unit's text of a closed period is refused
(`_refuse_closed`, registered on every Session when this module is imported, which
services.editing does). The importer refuses a closed period's file earlier, in its preview,
before anything is written (services.import_matching). Closing and reopening are kept as a
history (`PeriodClosing`, the latest row says whether the period is closed now) and written
to the change log with who and when; reopening needs a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import UOWTransaction
from sqlmodel import Session, col, select

from kpi_desktop.domain.calendar import ClosingAction, chinese_date, local_date
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.storage.models import (
    Actual,
    ChangeLog,
    Contribution,
    Indicator,
    PeriodClosing,
    Plan,
    Progress,
    utcnow,
)
from kpi_desktop.storage.who import Who


def _who(session: Session) -> Who:
    """Who is working, as every change-log entry names them (services.editing): the server's
    user on a shared database, else the computer's login; and the computer."""
    who = session.info.get("who")
    if not isinstance(who, Who):
        who = Who.here()
        session.info["who"] = who
    return who


@dataclass(frozen=True)
class ClosingEvent:
    action: ClosingAction
    at: datetime
    by: str
    reason: str

    @property
    def day(self) -> str:
        return chinese_date(local_date(self.at))


def period_words(plan: Plan, period: Period) -> str:
    return f"{plan.year}年{period.chinese}"


def history(session: Session, plan_id: int, period: str) -> list[ClosingEvent]:
    """The period's closings and reopenings, oldest first."""
    rows = session.exec(
        select(PeriodClosing)
        .where(PeriodClosing.plan_id == plan_id, PeriodClosing.period == period)
        .order_by(col(PeriodClosing.at), col(PeriodClosing.id))
    )
    return [ClosingEvent(ClosingAction(r.action), r.at, r.by_user, r.reason) for r in rows]


def closed(session: Session, plan_id: int, period: str) -> ClosingEvent | None:
    """The closing in force for the period, or None when it is open."""
    events = history(session, plan_id, period)
    if events and events[-1].action is ClosingAction.CLOSED:
        return events[-1]
    return None


def closed_periods(session: Session, plan_id: int) -> dict[str, ClosingEvent]:
    """Every closed period of a plan, by code."""
    latest: dict[str, PeriodClosing] = {}
    for row in session.exec(
        select(PeriodClosing)
        .where(PeriodClosing.plan_id == plan_id)
        .order_by(col(PeriodClosing.at), col(PeriodClosing.id))
    ):
        latest[row.period] = row
    return {
        code: ClosingEvent(ClosingAction(r.action), r.at, r.by_user, r.reason)
        for code, r in latest.items()
        if r.action == ClosingAction.CLOSED
    }


def closed_error(plan: Plan, period: Period, event: ClosingEvent) -> KpiError:
    return KpiError(
        "closing.closed",
        period=period_words(plan, period),
        day=event.day,
        by=event.by,
        code=period.code,
    )


_CACHE = "kpi-desktop closing"  # session.info key: (plan id, period) -> closing in force


def _in_force(session: Session, plan_id: int, period: str) -> ClosingEvent | None:
    """`closed()`, asked once per plan and period in a session: an import writes hundreds of
    values, each asking. Closing or reopening in the session forgets what was asked."""
    known: dict[tuple[int, str], ClosingEvent | None] = session.info.setdefault(_CACHE, {})
    key = (plan_id, period)
    if key not in known:
        known[key] = closed(session, plan_id, period)
    return known[key]


def ensure_open(session: Session, indicator_id: int, period: str) -> None:
    """Refuse (KpiError "closing.closed") a write of an indicator's values in a closed period."""
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        return
    event = _in_force(session, indicator.plan_id, period)
    if event is not None:
        plan = session.get(Plan, indicator.plan_id)
        assert plan is not None
        raise closed_error(plan, Period.parse(period), event)


def _record(
    session: Session,
    plan: Plan,
    period: Period,
    action: ClosingAction,
    reason: str,
    by: str | None,
    at: datetime | None,
) -> ClosingEvent:
    assert plan.id is not None
    session.info.pop(_CACHE, None)
    here = _who(session)
    when, who = at or utcnow(), by or here.user
    session.add(
        PeriodClosing(
            plan_id=plan.id,
            period=period.code,
            action=action.value,
            at=when,
            by_user=who,
            reason=reason,
        )
    )
    was, now = ("open", "closed") if action is ClosingAction.CLOSED else ("closed", "open")
    session.add(
        ChangeLog(
            at=when,
            entity="period",
            entity_id=plan.id,
            field_name="closed",
            old_value=was,
            new_value=now if not reason else f"{now}: {reason}",
            period=period.code,
            source="typed",
            user_name=who,
            host=here.host,
        )
    )
    session.flush()
    return ClosingEvent(action, when, who, reason)


def close_period(
    session: Session,
    plan: Plan,
    period: Period,
    *,
    by: str | None = None,
    at: datetime | None = None,
) -> ClosingEvent:
    """Close the period (定稿); refused when it is closed already."""
    assert plan.id is not None
    event = closed(session, plan.id, period.code)
    if event is not None:
        raise KpiError("closing.already_closed", period=period_words(plan, period), day=event.day)
    return _record(session, plan, period, ClosingAction.CLOSED, "", by, at)


def reopen_period(
    session: Session,
    plan: Plan,
    period: Period,
    reason: str,
    *,
    by: str | None = None,
    at: datetime | None = None,
) -> ClosingEvent:
    """Reopen a closed period, for a reason the log keeps."""
    assert plan.id is not None
    words = period_words(plan, period)
    if closed(session, plan.id, period.code) is None:
        raise KpiError("closing.not_closed", period=words)
    reason = " ".join((reason or "").split())
    if not reason:
        raise KpiError("closing.no_reason", period=words)
    return _record(session, plan, period, ClosingAction.REOPENED, reason, by, at)


def period_log(session: Session, plan_id: int, period: str) -> list[ChangeLog]:
    """The change log's entries of closing and reopening the period, oldest first."""
    return list(
        session.exec(
            select(ChangeLog)
            .where(
                ChangeLog.entity == "period",
                ChangeLog.entity_id == plan_id,
                ChangeLog.period == period,
            )
            .order_by(col(ChangeLog.at), col(ChangeLog.id))
        )
    )


def refuse_if_closed(session: Session, plan: Plan, period: Period, file: str) -> None:
    """Refuse a returned file for a closed period (KpiError "closing.import_closed")."""
    assert plan.id is not None
    event = closed(session, plan.id, period.code)
    if event is not None:
        raise KpiError(
            "closing.import_closed",
            file=file,
            period=period_words(plan, period),
            day=event.day,
            code=period.code,
        )


def ensure_period_open(session: Session, plan: Plan, period: Period) -> None:
    """Refuse (KpiError "closing.closed") any write into a closed period: its due dates and
    chase rounds as well as its figures."""
    assert plan.id is not None
    event = closed(session, plan.id, period.code)
    if event is not None:
        raise closed_error(plan, period, event)


def _period_of(session: OrmSession, row: object) -> tuple[int, str] | None:
    """(indicator id, period) of a progress entry, or of the entry a figure or a unit's text
    belongs to; None for anything else."""
    if isinstance(row, Progress):
        return row.indicator_id, row.period
    if isinstance(row, Actual | Contribution):
        entry = session.get(Progress, row.progress_id)
        return (entry.indicator_id, entry.period) if entry is not None else None
    return None


@event.listens_for(OrmSession, "before_flush")
def _refuse_closed(session: OrmSession, _flush: UOWTransaction, _instances: object) -> None:
    """Refuse (KpiError "closing.closed") to write any change to a closed period's values."""
    changed = [*session.new, *session.deleted]
    changed += [row for row in session.dirty if session.is_modified(row)]
    asked: set[tuple[int, str]] = set()
    for row in changed:
        key = _period_of(session, row)
        if key is not None and key not in asked:
            asked.add(key)
            ensure_open(session, *key)  # type: ignore[arg-type]
