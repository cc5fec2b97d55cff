"""The reads the services share, over either kind of storage.reader.Reader.

A service that only reads takes a `Source`: the window's sqlmodel session or a Reader. The
commands that only read (dump, the exports, check, a dry-run import) open a SQLite file through
`reading()`, which reads it with plain sqlite3 (storage.snapshot) where it can, so that they
never import SQLAlchemy; a server, a new file and one that needs an upgrade go the ordinary
way (services.database.open_for_reading). Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services.views import IndicatorView, views_from_snapshot
from kpi_desktop.storage.locations import is_server_url
from kpi_desktop.storage.reader import Reader
from kpi_desktop.storage.rows import LeadUnitRow, PlanRow

if TYPE_CHECKING:
    from sqlmodel import Session

Source: TypeAlias = "Session | Reader"


def reader_of(source: Source) -> Reader:
    """`source` as a Reader: itself, or a reader over the session."""
    if isinstance(source, Reader):
        return source
    from kpi_desktop.storage.session_reader import SessionReader

    return SessionReader(source)


def no_year(year: int, years: list[int]) -> KpiError:
    """The refusal of a year no plan is held for."""
    return KpiError("plan.no_year", year=year, years="、".join(map(str, years)) or "—")


def plan_for_year(reader: Reader, year: int) -> PlanRow:
    held = reader.plans()
    for plan in held:
        if plan.year == year:
            return plan
    raise no_year(year, [plan.year for plan in held])


def indicator_views(reader: Reader, plan: PlanRow) -> list[IndicatorView]:
    """Every indicator of `plan` in 序号 order."""
    return views_from_snapshot(reader.plan_rows(plan))


class UnitNames:
    """Finds a lead unit by its canonical name or any alias (reading only; services.plans'
    UnitDirectory also creates units)."""

    def __init__(self, reader: Reader) -> None:
        self.by_id = {uid: LeadUnitRow(uid, name) for uid, name in reader.unit_names().items()}
        self._by_name = {unit.name: unit for unit in self.by_id.values()}
        for unit_id, alias in reader.unit_aliases():
            if unit_id in self.by_id:
                self._by_name[alias] = self.by_id[unit_id]

    def get(self, name: str) -> LeadUnitRow | None:
        return self._by_name.get(name)

    def names(self) -> list[str]:
        """Every canonical name and alias."""
        return list(self._by_name)

    def canonical(self) -> list[str]:
        """Every canonical name, sorted."""
        return sorted(unit.name for unit in self.by_id.values())


def calendar_session(reader: Reader) -> Session | None:
    """The sqlmodel session behind `reader`, for the quarter's calendar (services.done,
    closing, calendar), which reads through sqlmodel only; None for the quick file reader.
    `reading` hands out the quick reader only for a file whose calendar is empty, so None
    means: nothing is due, closed, chased or 办结 there."""
    session: Session | None = getattr(reader, "session", None)
    return session


@contextlib.contextmanager
def reading(path: Path | str | None, *, calendar: bool = False) -> Iterator[Reader]:
    """The database at `path` (default: the user's) for a command that only reads: a SQLite
    file this version wrote, with nothing in its calendar, is read through plain sqlite3 in
    one read transaction; anything else — or anything when the command reports the calendar
    (`calendar`: `dump`) — is opened as services.database.open_for_reading does (created
    with the built-in plan when missing, upgraded when older, refused with the clerk's
    message when damaged)."""
    if not calendar and (path is None or not is_server_url(path)):
        from kpi_desktop.services.paths import default_database_path
        from kpi_desktop.storage.snapshot import open_reader

        target = (Path(path) if path is not None else default_database_path()).expanduser()
        quick = open_reader(target)
        if quick is not None and quick.calendar_in_use():
            quick.close()
            quick = None
        if quick is not None:
            try:
                yield quick
            finally:
                quick.close()
            return
    from kpi_desktop.services.database import open_for_reading

    database = open_for_reading(path)
    try:
        with database.read() as session:
            yield reader_of(session)
    finally:
        database.close()
