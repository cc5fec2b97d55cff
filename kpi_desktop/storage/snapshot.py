"""A SQLite file read straight through sqlite3, without SQLAlchemy or sqlmodel.

Importing SQLAlchemy and sqlmodel takes several times as long as starting a bare Qt window or
a plain interpreter, so the window paints its tree from this read (`read_snapshot`) and opens
the database properly (writer lock, version check, the day's backup) right after; and the
commands that only read (dump, the exports, check, a dry-run import) read through a
`FileReader` (`open_reader`). The rows carry the same fields, under the same names, as the
table models in storage.models, and the answers are those of storage.session_reader;
tests/test_snapshot.py checks that both reads give the same.

Only a file this program version wrote and that needs nothing done to it is read this way; for
anything else (`None`) the caller takes the ordinary path, which upgrades, creates or refuses
the file with its own messages.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from kpi_desktop.storage.reader import LogEntry, Reader, Snapshot, chunks
from kpi_desktop.storage.rows import (
    ActualRow,
    ContributionRow,
    IndicatorRow,
    InstructionRow,
    PlanRow,
    ProgressRow,
    RemarkRow,
    TargetRow,
    UnitLinkRow,
)
from kpi_desktop.storage.schema_version import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["FileReader", "Snapshot", "open_reader", "read_snapshot"]

RowT = TypeVar("RowT", bound=Any)


def _stored_time(text: str) -> datetime:
    # Times are stored in UTC without an offset (storage.models.utcnow).
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _connect(path: Path) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        # isolation_level None: the reader begins its own transaction, so that every query
        # sees the file as it stood at the first one.
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2, isolation_level=None)
    except sqlite3.Error:
        return None


def open_reader(path: Path, *, verify: bool = True) -> FileReader | None:
    """A reader of the SQLite file at `path`, or None when it is missing, not this version's
    or cannot be read. `verify` first checks every page (PRAGMA quick_check), as the ordinary
    opening does: a damaged file goes the ordinary way, which tells the clerk."""
    connection = _connect(path)
    if connection is None:
        return None
    try:
        connection.execute("BEGIN")
        if _ours(connection) and (not verify or _intact(connection)):
            return FileReader(connection)
    except (sqlite3.Error, ValueError, TypeError):
        pass
    connection.close()
    return None


def _ours(connection: sqlite3.Connection) -> bool:
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    return bool(
        meta.get("application") == APPLICATION_ID
        and meta.get("schema_version") == str(SCHEMA_VERSION)
    )


def _intact(connection: sqlite3.Connection) -> bool:
    return [row[0] for row in connection.execute("PRAGMA quick_check")] == ["ok"]


def read_snapshot(path: Path, year: int | None = None) -> Snapshot | None:
    """The plan of `year` (default: the latest) with everything recorded for it, or None
    when the file is missing, not this version's, or cannot be read."""
    reader = open_reader(path, verify=False)  # the window's proper opening checks the pages
    if reader is None:
        return None
    try:
        plans = reader.plans()
        if not plans:
            return None
        return reader.plan_rows(next((p for p in plans if p.year == year), plans[-1]))
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        reader.close()


_MINE = "SELECT id FROM indicator WHERE plan_id = ?"


class FileReader(Reader):
    """storage.reader.Reader over a plain sqlite3 connection, in one read transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def calendar_in_use(self) -> bool:
        """Whether anything is in the quarter's calendar (due dates, closings, chase rounds,
        办结), which this reader does not read: services.reads then takes the ordinary way."""
        tables = ("due_date", "period_closing", "chase_round", "indicator_done")
        return any(
            self._connection.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
            for table in tables
        )

    def _rows(self, row_type: type[RowT], table: str, tail: str, *params: Any) -> list[RowT]:
        """Every row of `table` selected by `tail`, its columns named after `row_type`'s
        fields."""
        columns = ", ".join(row_type._fields)
        sql = f"SELECT {columns} FROM {table} {tail.format(mine=_MINE)}"
        return [row_type(*row) for row in self._connection.execute(sql, params)]

    def plans(self) -> list[PlanRow]:
        return self._rows(PlanRow, "plan", "ORDER BY year, region")

    def plan_rows(self, plan: PlanRow) -> Snapshot:
        indicators = self._rows(
            IndicatorRow, "indicator", "WHERE plan_id = ? ORDER BY seq", plan.id
        )
        in_plan = "WHERE indicator_id IN ({mine}) ORDER BY indicator_id, position"
        links = self._rows(UnitLinkRow, "indicator_unit", in_plan, plan.id)
        targets = self._rows(TargetRow, "target", in_plan, plan.id)
        progress = self._rows(ProgressRow, "progress", "WHERE indicator_id IN ({mine})", plan.id)
        actuals = self._rows(
            ActualRow,
            "actual",
            "WHERE progress_id IN (SELECT id FROM progress WHERE indicator_id IN ({mine}))",
            plan.id,
        )
        # SQLite hands back booleans as 0/1 and times as text.
        targets = [target._replace(confirmed=bool(target.confirmed)) for target in targets]
        actuals = [actual._replace(confirmed=bool(actual.confirmed)) for actual in actuals]
        progress = [
            entry._replace(updated_at=_stored_time(str(entry.updated_at))) for entry in progress
        ]
        return Snapshot(
            self.plans(), plan, self.unit_names(), indicators, links, targets, progress, actuals
        )

    def unit_names(self) -> dict[int, str]:
        return dict(self._connection.execute("SELECT id, name FROM lead_unit").fetchall())

    def unit_aliases(self) -> list[tuple[int, str]]:
        rows = self._connection.execute("SELECT unit_id, alias FROM unit_alias ORDER BY id")
        return [(unit_id, alias) for unit_id, alias in rows]

    def contributions(self, progress_ids: Sequence[int]) -> list[ContributionRow]:
        found: list[ContributionRow] = []
        for part in chunks(progress_ids):
            marks = ", ".join("?" * len(part))
            found += self._rows(
                ContributionRow, "contribution", f"WHERE progress_id IN ({marks})", *part
            )
        return found

    def log(
        self,
        entity: str,
        entity_ids: Sequence[int],
        *,
        field_name: str | None = None,
        period: str | None = None,
    ) -> list[LogEntry]:
        found: list[tuple[str, int, LogEntry]] = []
        for part in chunks(entity_ids):
            marks = ", ".join("?" * len(part))
            sql = (
                "SELECT at, id, entity_id, field_name, new_value, source FROM changelog "
                f"WHERE entity = ? AND entity_id IN ({marks})"
            )
            params: list[Any] = [entity, *part]
            if field_name is not None:
                sql += " AND field_name = ?"
                params.append(field_name)
            if period is not None:
                sql += " AND period = ?"
                params.append(period)
            for at, row_id, *entry in self._connection.execute(sql, params):
                found.append((at, row_id, LogEntry(*entry)))
        # Times are stored as ISO text of one width, so they sort as text.
        found.sort(key=lambda item: (item[0], item[1]))
        return [entry for _, _, entry in found]

    def _of_indicators(
        self, row_type: type[RowT], table: str, ids: Sequence[int], period: str | None, order: str
    ) -> list[RowT]:
        found: list[RowT] = []
        for part in chunks(ids):
            where = f"WHERE indicator_id IN ({', '.join('?' * len(part))})"
            params: list[Any] = list(part)
            if period is not None:
                where += " AND period = ?"
                params.append(period)
            found += self._rows(row_type, table, where + order, *params)
        return found

    def remarks(self, indicator_ids: Sequence[int], period: str | None = None) -> list[RemarkRow]:
        return self._of_indicators(RemarkRow, "remark", indicator_ids, period, "")

    def instructions(
        self, indicator_ids: Sequence[int], period: str | None = None
    ) -> list[InstructionRow]:
        found = self._of_indicators(
            InstructionRow, "instruction", indicator_ids, period, " ORDER BY given_on, id"
        )
        # Dates are stored as ISO text (YYYY-MM-DD), which sorts as the dates do.
        found = [row._replace(given_on=date.fromisoformat(str(row.given_on))) for row in found]
        found.sort(key=lambda row: (row.given_on, row.id))
        return found

    def close(self) -> None:
        self._connection.close()
