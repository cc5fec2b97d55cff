"""A quick read of one plan straight through sqlite3, for the window's first paint.

Importing SQLAlchemy and sqlmodel takes several times as long as starting a bare Qt window, so
the window paints its tree from this read and opens the database properly (writer lock,
version check, the day's backup) right after. The rows here carry the same fields, under the
same names, as the table models in storage.models, so everything that displays an indicator
reads them alike; tests/test_snapshot.py checks that both reads give the same indicators.

Only a file this program version wrote and that needs nothing done to it is read this way; for
anything else (`None`) the window takes the ordinary path.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from kpi_desktop.storage.rows import (
    ActualRow,
    IndicatorRow,
    PlanRow,
    ProgressRow,
    TargetRow,
    UnitLinkRow,
)
from kpi_desktop.storage.schema_version import APPLICATION_ID, SCHEMA_VERSION

RowT = TypeVar("RowT", bound=Any)


class Snapshot(NamedTuple):
    plans: list[PlanRow]
    plan: PlanRow
    unit_names: dict[int, str]
    indicators: list[IndicatorRow]
    links: list[UnitLinkRow]
    targets: list[TargetRow]
    progress: list[ProgressRow]
    actuals: list[ActualRow]


def _stored_time(text: str) -> datetime:
    # Times are stored in UTC without an offset (storage.models.utcnow).
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read_snapshot(path: Path, year: int | None = None) -> Snapshot | None:
    """The plan of `year` (default: the latest) with everything recorded for it, or None
    when the file is missing, not this version's, or cannot be read."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return None
    try:
        return _read(connection, year)
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        connection.close()


def _rows(
    connection: sqlite3.Connection, row_type: type[RowT], table: str, tail: str, *params: int
) -> list[RowT]:
    """Every row of `table` selected by `tail`, its columns named after `row_type`'s fields."""
    columns = ", ".join(row_type._fields)
    sql = f"SELECT {columns} FROM {table} {tail.format(mine=_MINE)}"
    return [row_type(*row) for row in connection.execute(sql, params)]


_MINE = "SELECT id FROM indicator WHERE plan_id = ?"


def _read(connection: sqlite3.Connection, year: int | None) -> Snapshot | None:
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("application") != APPLICATION_ID:
        return None
    if meta.get("schema_version") != str(SCHEMA_VERSION):
        return None
    plans = _rows(connection, PlanRow, "plan", "ORDER BY year, region")
    if not plans:
        return None
    chosen = next((p for p in plans if p.year == year), plans[-1])
    unit_names = dict(connection.execute("SELECT id, name FROM lead_unit").fetchall())
    indicators = _rows(
        connection, IndicatorRow, "indicator", "WHERE plan_id = ? ORDER BY seq", chosen.id
    )
    in_plan = "WHERE indicator_id IN ({mine}) ORDER BY indicator_id, position"
    links = _rows(connection, UnitLinkRow, "indicator_unit", in_plan, chosen.id)
    targets = _rows(connection, TargetRow, "target", in_plan, chosen.id)
    progress = _rows(
        connection, ProgressRow, "progress", "WHERE indicator_id IN ({mine})", chosen.id
    )
    actuals = _rows(
        connection,
        ActualRow,
        "actual",
        "WHERE progress_id IN (SELECT id FROM progress WHERE indicator_id IN ({mine}))",
        chosen.id,
    )
    # SQLite hands back booleans as 0/1 and times as text.
    targets = [target._replace(confirmed=bool(target.confirmed)) for target in targets]
    actuals = [actual._replace(confirmed=bool(actual.confirmed)) for actual in actuals]
    progress = [
        entry._replace(updated_at=_stored_time(str(entry.updated_at))) for entry in progress
    ]
    return Snapshot(plans, chosen, unit_names, indicators, links, targets, progress, actuals)
