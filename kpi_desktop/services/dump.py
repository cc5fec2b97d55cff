"""The whole database as the JSON structure `kpi-desktop dump` prints (docs/CLI.md), read
from either kind of storage.reader.Reader."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from kpi_desktop.domain.periods import Period, periods_of_year
from kpi_desktop.services.checks import check_views
from kpi_desktop.services.noted import instruction_json, notes_by_period
from kpi_desktop.services.reads import Source, calendar_session, indicator_views, reader_of
from kpi_desktop.services.tracking import standing, status_of
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.rows import PlanRow, ProgressRow

if TYPE_CHECKING:
    from sqlmodel import Session


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


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _standing_json(view: IndicatorView, period_code: str) -> dict[str, Any]:
    found = standing(view, period_code)
    data: dict[str, Any] = {
        "status": found.status.value,
        "targets": [
            {
                "target": row.target.position,
                "figure": _number(row.value),
                "unit": row.unit,
                "as_of_month": row.assessment.as_of_month,
                "completion": _ratio(row.assessment.completion),
                "on_schedule_at": _ratio(row.assessment.expected),
                "status": row.assessment.status.value,
                "confirmed": row.confirmed,
            }
            for row in found.targets
        ],
    }
    if found.verdict is not None:
        data["verdict"] = found.verdict.value
    return data


def _codes(noted: Mapping[tuple[int, str], object], indicator_id: int) -> list[str]:
    """The periods something is noted for on an indicator, in the year's order."""
    return sorted((code for key, code in noted if key == indicator_id), key=Period.parse)


def dump(source: Source) -> dict[str, Any]:
    """The whole database as the JSON structure `kpi-desktop dump` prints. The quarter's
    calendar (each indicator's 办结, each period's due dates, closing, returns and chase
    rounds) reads through sqlmodel and is given when `source` is, as for the command."""
    reader = reader_of(source)
    session = calendar_session(reader)
    result: dict[str, Any] = {"plans": []}
    for plan in reader.plans():
        indicators = []
        views = indicator_views(reader, plan)
        done = _done(session, plan)
        noted = notes_by_period(reader, [view.id for view in views])
        found: dict[int, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
        for period in periods_of_year(plan.year):
            for finding in check_views(reader, views, period):
                found[finding.indicator_id].setdefault(period.code, []).append(
                    {
                        "rule": finding.rule.value,
                        "about": finding.detail,
                        "message": finding.message(),
                        "dismissed": finding.dismissed,
                    }
                )
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
                    # How each target stands, by period with a progress text: its figure,
                    # unit and as-of month, completion against what is on schedule, and the
                    # unit's own verdict where its text gives one (services.tracking).
                    "standing": {
                        period.code: _standing_json(view, period.code)
                        for period in periods_of_year(plan.year)
                        if period.code in view.progress
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
                }
            )
            if session is not None:
                # 办结 (services.done): since when, or None.
                indicators[-1]["done"] = (
                    {"since": done[view.id].isoformat()} if view.id in done else None
                )
        entry: dict[str, Any] = {
            "year": plan.year,
            "region": plan.region,
            "attachment": plan.attachment,
            "title": plan.title,
            "indicators": indicators,
        }
        if session is not None:
            from kpi_desktop.services.calendar_dump import calendar_json

            # The quarter's calendar by period (services.calendar): due dates, closing,
            # returns per unit with dates and days late, chase rounds.
            entry["periods"] = calendar_json(session, plan, date.today(), views)  # type: ignore[arg-type]
        result["plans"].append(entry)
    return result


def _done(session: Session | None, plan: PlanRow) -> dict[int, date]:
    if session is None:
        return {}
    from kpi_desktop.services.done import done_indicators

    return done_indicators(session, plan)  # type: ignore[arg-type]
