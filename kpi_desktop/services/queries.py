"""Reading a plan back: indicators with their units, targets and progress, and the dump."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session, col, select

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period, periods_of_year
from kpi_desktop.services.tracking import status_of
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.models import (
    Actual,
    Indicator,
    IndicatorUnit,
    LeadUnit,
    Plan,
    Progress,
    Target,
)
from kpi_desktop.storage.rows import (
    ActualRow,
    IndicatorRow,
    ProgressRow,
    TargetRow,
    UnitLinkRow,
    plain,
)


def plans(session: Session) -> list[Plan]:
    return list(session.exec(select(Plan).order_by(col(Plan.year), col(Plan.region))))


def plan_for_year(session: Session, year: int) -> Plan:
    for plan in plans(session):
        if plan.year == year:
            return plan
    known = "、".join(str(p.year) for p in plans(session)) or "—"
    raise KpiError("plan.no_year", year=year, years=known)


def indicator_views(session: Session, plan: Plan) -> list[IndicatorView]:
    """Every indicator of `plan` in 序号 order, loaded with a fixed number of queries."""
    indicators = list(
        session.exec(
            select(Indicator).where(Indicator.plan_id == plan.id).order_by(col(Indicator.seq))
        )
    )
    ids = [i.id for i in indicators]
    names = {u.id: u.name for u in session.exec(select(LeadUnit))}
    units: dict[int, list[IndicatorUnit]] = defaultdict(list)
    for link in session.exec(
        select(IndicatorUnit)
        .where(col(IndicatorUnit.indicator_id).in_(ids))
        .order_by(col(IndicatorUnit.indicator_id), col(IndicatorUnit.position))
    ):
        units[link.indicator_id].append(link)
    targets: dict[int, list[Target]] = defaultdict(list)
    for target in session.exec(
        select(Target)
        .where(col(Target.indicator_id).in_(ids))
        .order_by(col(Target.indicator_id), col(Target.position))
    ):
        targets[target.indicator_id].append(target)
    progress: dict[int, dict[str, Progress]] = defaultdict(dict)
    by_progress_id: dict[int, Progress] = {}
    for entry in session.exec(select(Progress).where(col(Progress.indicator_id).in_(ids))):
        progress[entry.indicator_id][entry.period] = entry
        assert entry.id is not None
        by_progress_id[entry.id] = entry
    actuals: dict[int, dict[tuple[str, int], Actual]] = defaultdict(dict)
    for actual in session.exec(
        select(Actual).where(col(Actual.progress_id).in_(list(by_progress_id)))
    ):
        owner = by_progress_id[actual.progress_id]
        actuals[owner.indicator_id][(owner.period, actual.target_id)] = actual
    views = []
    for indicator in indicators:
        assert indicator.id is not None
        links = units[indicator.id]
        views.append(
            IndicatorView(
                indicator=plain(IndicatorRow, indicator),
                units=[plain(UnitLinkRow, link) for link in links],
                canonical_units=[names[link.unit_id] for link in links],
                targets=[plain(TargetRow, target) for target in targets[indicator.id]],
                progress={
                    code: plain(ProgressRow, entry)
                    for code, entry in progress[indicator.id].items()
                },
                actuals={key: plain(ActualRow, a) for key, a in actuals[indicator.id].items()},
                tolerance=plan.tolerance,
            )
        )
    return views


def _number(value: float | None) -> float | int | None:
    if value is not None and value.is_integer():
        return int(value)
    return value


def _progress_json(view: IndicatorView, entry: ProgressRow) -> dict[str, Any]:
    data: dict[str, Any] = {"text": entry.text}
    if entry.status:
        data["status"] = entry.status
    if entry.as_of_month:
        data["as_of_month"] = entry.as_of_month
    if entry.problems:
        data["problems"] = entry.problems
    if entry.next_steps:
        data["next_steps"] = entry.next_steps
    data["source"] = entry.source
    if entry.source_file:
        data["source_file"] = entry.source_file
    actual_values = []
    for target in view.targets:
        actual = view.actuals.get((entry.period, target.id or 0))
        if actual is not None and actual.value is not None:
            actual_values.append(
                {
                    "target": target.position,
                    "value": _number(actual.value),
                    "unit": actual.unit,
                    "confirmed": actual.confirmed,
                }
            )
    if actual_values:
        data["actuals"] = actual_values
    data["updated_at"] = entry.updated_at.isoformat(timespec="seconds")
    return data


def _codes(noted: Mapping[tuple[int, str], object], indicator_id: int) -> list[str]:
    """The periods something is noted for on an indicator, in the year's order."""
    return sorted((code for key, code in noted if key == indicator_id), key=Period.parse)


def dump(session: Session) -> dict[str, Any]:
    """The whole database as the JSON structure `kpi-desktop dump` prints."""
    from datetime import date

    from kpi_desktop.services.calendar_dump import calendar_json
    from kpi_desktop.services.checks import check_views  # it reads plans through here
    from kpi_desktop.services.done import done_indicators
    from kpi_desktop.services.notes import instruction_json, notes_by_period

    result: dict[str, Any] = {"plans": []}
    for plan in plans(session):
        indicators = []
        views = indicator_views(session, plan)
        noted = notes_by_period(session, [view.id for view in views])
        found: dict[int, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
        for period in periods_of_year(plan.year):
            for finding in check_views(session, views, period):
                found[finding.indicator_id].setdefault(period.code, []).append(
                    {
                        "rule": finding.rule.value,
                        "about": finding.detail,
                        "message": finding.message(),
                        "dismissed": finding.dismissed,
                    }
                )
        done = done_indicators(session, plan)
        for view in views:
            indicators.append(
                {
                    "seq": view.seq,
                    "text": view.text,
                    "lead_units": view.lead_units,
                    "lead_units_canonical": view.canonical_units,
                    "category": view.indicator.category,
                    "targets": [
                        {
                            "label": t.label,
                            "kind": t.kind,
                            "value": _number(t.value),
                            "unit": t.unit,
                            "confirmed": t.confirmed,
                        }
                        for t in view.targets
                    ],
                    "progress": {
                        code: _progress_json(view, view.progress[code])
                        for code in sorted(view.progress, key=Period.parse)
                    },
                    # The status the window, the printed table and the bulletin show, for
                    # every period of the year (not_reported where nothing came).
                    "status": {
                        period.code: status_of(view, period.code).value
                        for period in periods_of_year(plan.year)
                    },
                    # What the checks before printing found, by period (services.checks);
                    # a dismissed finding carries the clerk's reason.
                    "findings": found.get(view.id, {}),
                    # The clerk's own note and the leadership's instructions, by period
                    # (services.notes); periods with neither are left out.
                    "notes": {
                        code: noted[(view.id, code)].remark
                        for code in _codes(noted, view.id)
                        if noted[(view.id, code)].remark
                    },
                    "instructions": {
                        code: [instruction_json(i) for i in noted[(view.id, code)].instructions]
                        for code in _codes(noted, view.id)
                        if noted[(view.id, code)].instructions
                    },
                    # 办结 (services.done): since when, or None.
                    "done": {"since": done[view.id].isoformat()} if view.id in done else None,
                }
            )
        result["plans"].append(
            {
                "year": plan.year,
                "region": plan.region,
                "title": plan.title,
                "indicators": indicators,
                # The quarter's calendar by period (services.calendar): due dates, closing,
                # returns per unit with dates and days late, chase rounds.
                "periods": calendar_json(session, plan, date.today(), views),
            }
        )
    return result
