"""The quarter's calendar as the clerk runs it: due dates per period (with a unit's own date
where the office allows one), where each unit stands against its date, and the rounds of
chasing (催报) with the 催报单 of each round.

The rules of where a unit stands are domain.calendar's; this module finds the dates. The day a
unit returned is the day the last of its returned rows *first* came in: the change log keeps
when each unit's text was first stored, so a correction sent after the date does not make an
on-time unit late. Dates are the clerk's local calendar dates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from kpi_desktop.domain.calendar import (
    CHASE_WAY_CODES,
    ChaseWay,
    Standing,
    local_date,
    standing,
)
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.services.closing import ensure_period_open
from kpi_desktop.services.plans import UnitDirectory
from kpi_desktop.services.submissions import UnitSubmission, chase_list, submissions
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.models import (
    ChangeLog,
    ChaseRound,
    ChaseUnit,
    ChaseWayName,
    Contribution,
    DueDate,
    LeadUnit,
    Plan,
    Progress,
    utcnow,
)

if TYPE_CHECKING:
    from kpi_desktop.services.assessment import Calendar

# ---------------------------------------------------------------------------------------------
# Due dates


@dataclass(frozen=True)
class DueDates:
    """A period's due date for every unit, and the units' own dates."""

    default: date | None
    by_unit: dict[int, date]

    def of(self, unit_id: int) -> date | None:
        return self.by_unit.get(unit_id, self.default)


def _plan_id(plan: Plan) -> int:
    assert plan.id is not None
    return plan.id


def due_dates(session: Session, plan: Plan, period: Period) -> DueDates:
    default: date | None = None
    by_unit: dict[int, date] = {}
    for row in session.exec(
        select(DueDate).where(DueDate.plan_id == _plan_id(plan), DueDate.period == period.code)
    ):
        if row.unit_id is None:
            default = row.due
        else:
            by_unit[row.unit_id] = row.due
    return DueDates(default, by_unit)


def _plan_unit(session: Session, plan: Plan, period: Period, name: str) -> LeadUnit:
    """A lead unit of the plan by its name or another name it goes by."""
    unit = UnitDirectory(session).get(name.strip())
    leads = {s.unit_id for s in submissions(session, plan, period)}
    if unit is None or unit.id not in leads:
        raise KpiError("calendar.unknown_unit", unit=name)
    return unit


def set_due_date(
    session: Session, plan: Plan, period: Period, due: date, unit: str | None = None
) -> DueDate:
    """Set the period's due date, or with `unit` that unit's own date (an exception)."""
    ensure_period_open(session, plan, period)
    unit_id = _plan_unit(session, plan, period, unit).id if unit else None
    row = session.exec(
        select(DueDate).where(
            DueDate.plan_id == _plan_id(plan),
            DueDate.period == period.code,
            DueDate.unit_id == unit_id if unit_id is not None else col(DueDate.unit_id).is_(None),
        )
    ).first()
    old = row.due if row is not None else None
    if row is None:
        row = DueDate(plan_id=_plan_id(plan), period=period.code, unit_id=unit_id, due=due)
    row.due = due
    session.add(row)
    session.flush()
    if old != due:
        assert row.id is not None
        session.add(
            ChangeLog(
                at=utcnow(),
                entity="due_date",
                entity_id=row.id,
                field_name="due" if unit_id is None else f"due:{unit}",
                old_value=old.isoformat() if old else None,
                new_value=due.isoformat(),
                period=period.code,
            )
        )
    return row


def clear_due_date(session: Session, plan: Plan, period: Period, unit: str) -> None:
    """Remove a unit's own date: the period's date holds for it again."""
    ensure_period_open(session, plan, period)
    unit_id = _plan_unit(session, plan, period, unit).id
    for row in session.exec(
        select(DueDate).where(
            DueDate.plan_id == _plan_id(plan),
            DueDate.period == period.code,
            DueDate.unit_id == unit_id,
        )
    ):
        session.delete(row)
    session.flush()


# ---------------------------------------------------------------------------------------------
# Where each unit stands


@dataclass(frozen=True)
class UnitStanding:
    submission: UnitSubmission
    due: date | None
    returned_on: date | None  # the day the last of its returned rows first came in
    standing: Standing
    own_date: bool  # the unit has its own due date (an exception)

    @property
    def unit(self) -> str:
        return self.submission.unit


def first_receipts(session: Session, plan: Plan, period: Period) -> dict[tuple[int, int], date]:
    """(unit id, indicator id) -> the local day that unit's row for the period first came in."""
    entries = {
        e.id: e.indicator_id
        for e in session.exec(select(Progress).where(Progress.period == period.code))
        if e.id is not None
    }
    if not entries:
        return {}
    contributions = {
        c.id: c
        for c in session.exec(
            select(Contribution).where(col(Contribution.progress_id).in_(list(entries)))
        )
    }
    first: dict[int, date] = {}
    for entry in session.exec(
        select(ChangeLog).where(
            ChangeLog.entity == "contribution",
            col(ChangeLog.entity_id).in_(list(contributions)),
        )
    ):
        day = local_date(entry.at)
        if entry.entity_id not in first or day < first[entry.entity_id]:
            first[entry.entity_id] = day
    result: dict[tuple[int, int], date] = {}
    for cid, contribution in contributions.items():
        assert cid is not None
        day = first.get(cid, local_date(contribution.received_at))
        result[(contribution.unit_id, entries[contribution.progress_id])] = day
    return result


def standings(
    session: Session,
    plan: Plan,
    period: Period,
    today: date,
    views: Sequence[IndicatorView] | None = None,
) -> list[UnitStanding]:
    """Every lead unit of the plan with where it stands for `period` on `today`."""
    from kpi_desktop.services.queries import indicator_views

    dates = due_dates(session, plan, period)
    views = indicator_views(session, plan) if views is None else views
    ids = {v.seq: v.id for v in views}
    receipts = first_receipts(session, plan, period)
    result = []
    for item in submissions(session, plan, period, views):
        days = [
            receipts[(item.unit_id, ids[s])]
            for s in item.returned
            if (item.unit_id, ids[s]) in receipts
        ]
        returned_on = max(days) if days else None
        due = dates.of(item.unit_id)
        result.append(
            UnitStanding(
                item,
                due,
                returned_on,
                standing(
                    due, outstanding=bool(item.outstanding), returned_on=returned_on, today=today
                ),
                item.unit_id in dates.by_unit,
            )
        )
    return result


def overdue_seqs(session: Session, plan: Plan, period: Period, today: date) -> frozenset[int]:
    """The 序号 of the rows overdue units still owe: what the tree narrows to."""
    from kpi_desktop.domain.calendar import Light

    return frozenset(
        seq
        for s in standings(session, plan, period, today)
        if s.standing.light is Light.OVERDUE
        for seq in s.submission.outstanding
    )


# ---------------------------------------------------------------------------------------------
# Ways of chasing


def chase_ways(session: Session) -> list[str]:
    """The built-in ways, then the clerk's own, in the order she added them."""
    own = session.exec(select(ChaseWayName).order_by(col(ChaseWayName.id)))
    return [way.value for way in ChaseWay] + [w.name for w in own]


def add_chase_way(session: Session, name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise KpiError("calendar.blank_way")
    if name not in chase_ways(session):
        session.add(ChaseWayName(name=name))
        session.flush()
    return name


def resolve_way(session: Session, text: str) -> str:
    """A way as typed: a built-in one's name or code (phone, sms, oa, notice), or her own."""
    typed = (text or "").strip()
    if typed.lower() in CHASE_WAY_CODES:
        return CHASE_WAY_CODES[typed.lower()].value
    ways = chase_ways(session)
    if typed in ways:
        return typed
    raise KpiError("calendar.unknown_way", way=text, ways="、".join(ways))


# ---------------------------------------------------------------------------------------------
# Chase rounds


@dataclass(frozen=True)
class ChasedUnit:
    unit: str
    rows: tuple[tuple[int, str], ...]  # (序号, 重点工作) still owed when chased
    due: date | None

    def days_overdue(self, on: date) -> int:
        return max(0, (on - self.due).days) if self.due is not None else 0


@dataclass(frozen=True)
class Round:
    """A round of chasing as recorded."""

    number: int
    on: date
    how: str
    whom: str
    note: str
    units: tuple[ChasedUnit, ...]
    period: Period
    year: int


def record_round(
    session: Session,
    plan: Plan,
    period: Period,
    on: date,
    how: str,
    *,
    whom: str = "",
    note: str = "",
) -> Round:
    """Record a round of chasing the units that still owe rows now (those who answered after
    the last round are not in the next one), with the rows each owes and its due date."""
    ensure_period_open(session, plan, period)
    way = resolve_way(session, how)
    items = chase_list(session, plan, period)
    if not items:
        raise KpiError("calendar.nothing_to_chase", period=f"{plan.year}年{period.chinese}")
    last = session.exec(
        select(ChaseRound.number)
        .where(ChaseRound.plan_id == _plan_id(plan), ChaseRound.period == period.code)
        .order_by(col(ChaseRound.number).desc())
    ).first()
    chase = ChaseRound(
        plan_id=_plan_id(plan),
        period=period.code,
        number=(last or 0) + 1,
        on=on,
        how=way,
        whom=" ".join(whom.split()),
        note=note.strip(),
        at=utcnow(),
    )
    session.add(chase)
    session.flush()
    assert chase.id is not None
    dates = due_dates(session, plan, period)
    units = UnitDirectory(session)
    for item in items:
        unit = units.get(item.unit)
        assert unit is not None and unit.id is not None
        session.add(
            ChaseUnit(
                round_id=chase.id,
                unit_id=unit.id,
                rows=",".join(str(seq) for seq, _text in item.rows),
                due=dates.of(unit.id),
            )
        )
    session.flush()
    return chase_rounds(session, plan, period)[-1]


def chase_rounds(
    session: Session, plan: Plan, period: Period, views: Sequence[IndicatorView] | None = None
) -> list[Round]:
    """The period's rounds, first first."""
    from kpi_desktop.services.queries import indicator_views

    views = indicator_views(session, plan) if views is None else views
    texts = {v.seq: v.text for v in views}
    names = {u.id: u.name for u in session.exec(select(LeadUnit))}
    rounds = list(
        session.exec(
            select(ChaseRound)
            .where(ChaseRound.plan_id == _plan_id(plan), ChaseRound.period == period.code)
            .order_by(col(ChaseRound.number))
        )
    )
    chased: dict[int, list[ChaseUnit]] = defaultdict(list)
    if rounds:
        for row in session.exec(
            select(ChaseUnit).where(col(ChaseUnit.round_id).in_([r.id for r in rounds]))
        ):
            chased[row.round_id].append(row)
    order = {s.unit_id: n for n, s in enumerate(submissions(session, plan, period, views))}
    result = []
    for r in rounds:
        assert r.id is not None
        units = sorted(chased[r.id], key=lambda u: order.get(u.unit_id, len(order)))
        result.append(
            Round(
                r.number,
                r.on,
                r.how,
                r.whom,
                r.note,
                tuple(
                    ChasedUnit(
                        names[u.unit_id],
                        tuple((int(s), texts.get(int(s), "")) for s in u.rows.split(",") if s),
                        u.due,
                    )
                    for u in units
                ),
                period,
                plan.year,
            )
        )
    return result


def assessment_calendar(
    session: Session, plan: Plan, period: Period, today: date, due: date | None = None
) -> Calendar:
    """The dates the assessment (services.assessment) counts with, from the stored calendar:
    the period's due date (`due` where one is given instead), each unit's own date, and the
    rounds each unit was chased in."""
    from kpi_desktop.services.assessment import Calendar

    dates = due_dates(session, plan, period)
    names = {u.id: u.name for u in session.exec(select(LeadUnit))}
    rounds: dict[str, int] = defaultdict(int)
    for chase in chase_rounds(session, plan, period):
        for unit in chase.units:
            rounds[unit.unit] += 1
    return Calendar(
        due=due or dates.default,
        unit_due={names[unit_id]: day for unit_id, day in dates.by_unit.items()},
        chase_rounds=dict(rounds),
        today=today,
    )
