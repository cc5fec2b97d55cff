"""What `dump` says of the quarter's calendar, per plan and period."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlmodel import Session, select

from kpi_desktop.services.calendar import chase_rounds, due_dates, standings
from kpi_desktop.services.queries import indicator_views
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.models import LeadUnit, Plan


def calendar_json(
    session: Session, plan: Plan, today: date, views: Sequence[IndicatorView] | None = None
) -> dict[str, Any]:
    """Per period of the plan: the due dates, whether closed (when, by whom) with the log of
    closing and reopening, each unit's returns with dates and days late, the chase rounds."""
    from kpi_desktop.domain.periods import periods_of_year
    from kpi_desktop.services import closing

    assert plan.id is not None
    plan_id = plan.id
    names = {u.id: u.name for u in session.exec(select(LeadUnit))}
    views = indicator_views(session, plan) if views is None else views
    result: dict[str, Any] = {}
    for period in periods_of_year(plan.year):
        dates = due_dates(session, plan, period)
        closed = closing.closed(session, plan_id, period.code)
        units = []
        for row in standings(session, plan, period, today, views):
            item = row.submission
            units.append(
                {
                    "unit": row.unit,
                    "due": row.due.isoformat() if row.due else None,
                    "returned": list(item.returned),
                    "outstanding": list(item.outstanding),
                    "returned_on": row.returned_on.isoformat() if row.returned_on else None,
                    "days_late": row.standing.days if row.standing.light.value == "late" else 0,
                    "standing": row.standing.light.value,
                    "days": row.standing.days,
                }
            )
        result[period.code] = {
            "due": dates.default.isoformat() if dates.default else None,
            "due_by_unit": {names[k]: v.isoformat() for k, v in dates.by_unit.items()},
            "closed": (
                {"at": closed.at.isoformat(timespec="seconds"), "by": closed.by}
                if closed is not None
                else None
            ),
            "closing_log": [
                {
                    "action": event.action.value,
                    "at": event.at.isoformat(timespec="seconds"),
                    "by": event.by,
                    "reason": event.reason,
                }
                for event in closing.history(session, plan_id, period.code)
            ],
            "units": units,
            "chase_rounds": [
                {
                    "number": r.number,
                    "on": r.on.isoformat(),
                    "how": r.how,
                    "whom": r.whom,
                    "note": r.note,
                    "units": [
                        {
                            "unit": u.unit,
                            "rows": [seq for seq, _text in u.rows],
                            "due": u.due.isoformat() if u.due else None,
                            "days_overdue": u.days_overdue(r.on),
                        }
                        for u in r.units
                    ],
                }
                for r in chase_rounds(session, plan, period, views)
            ],
        }
    return result
