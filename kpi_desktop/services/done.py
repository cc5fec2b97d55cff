"""办结销号: an indicator whose target is met is marked done on a day. From the period in which
it was done on, it is no longer asked for — not in the templates, not in the chase lists, not
counted as expected in the submissions — and the year's summary table still prints it, marked
as done. Reopening it asks for it again. Both are in the change log.

"Done in a period" means marked on or before the period's last day: an indicator marked on
2 April is still asked for in the first quarter's returns, which are collected in April.
"""

from __future__ import annotations

import calendar as months
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from kpi_desktop.domain.calendar import chinese_date
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period, periods_of_year
from kpi_desktop.domain.status import Status
from kpi_desktop.services.tracking import status_of
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.models import ChangeLog, Indicator, IndicatorDone, Plan, utcnow


def period_end(period: Period) -> date:
    last = months.monthrange(period.year, period.end_month)[1]
    return date(period.year, period.end_month, last)


def done_indicators(session: Session, plan: Plan) -> dict[int, date]:
    """Indicator id -> the day it was marked 办结, for the plan's indicators marked done."""
    ids = select(Indicator.id).where(Indicator.plan_id == plan.id)
    return {
        row.indicator_id: row.done_on
        for row in session.exec(
            select(IndicatorDone).where(col(IndicatorDone.indicator_id).in_(ids))
        )
    }


def asked_views(
    session: Session, plan: Plan, period: Period, views: Sequence[IndicatorView]
) -> list[IndicatorView]:
    """The indicators still asked for in `period`: all but those done by its last day."""
    done = done_indicators(session, plan)
    end = period_end(period)
    return [v for v in views if v.id not in done or done[v.id] > end]


def _log(session: Session, indicator_id: int, old: date | None, new: date | None) -> None:
    session.add(
        ChangeLog(
            at=utcnow(),
            entity="indicator",
            entity_id=indicator_id,
            field_name="done",
            old_value=old.isoformat() if old else None,
            new_value=new.isoformat() if new else None,
            indicator_id=indicator_id,
        )
    )


def mark_done(session: Session, view: IndicatorView, on: date) -> None:
    """Mark an indicator 办结 on `on`; refused unless one of its periods is 已完成."""
    plan = session.get(Plan, view.indicator.plan_id)
    assert plan is not None
    met = any(
        status_of(view, period.code, plan.tolerance) is Status.DONE
        for period in periods_of_year(plan.year)
    )
    if not met:
        raise KpiError("done.not_met", seq=view.seq)
    row = session.get(IndicatorDone, view.id)
    old = row.done_on if row is not None else None
    if row is None:
        row = IndicatorDone(indicator_id=view.id, done_on=on, at=utcnow())
    row.done_on = on
    session.add(row)
    if old != on:
        _log(session, view.id, old, on)
    session.flush()


def reopen_done(session: Session, view: IndicatorView) -> date:
    """Take an indicator's 办结 back: it is asked for again. Returns the day it had."""
    row = session.get(IndicatorDone, view.id)
    if row is None:
        raise KpiError("done.not_done", seq=view.seq)
    day = row.done_on
    session.delete(row)
    _log(session, view.id, day, None)
    session.flush()
    return day


def done_mark(day: date) -> str:
    """How the summary table marks a row done."""
    return f"【已办结，{chinese_date(day)}销号】"
