"""Schema versions and the migrations between them.

The version is recorded in the file (`meta.schema_version`). A new file is created at the
current version from the table models; an older file is brought forward one step at a time,
each step a function of the connection, all inside one transaction, after a backup copy.
A file from a newer program is refused: it may hold data this program would not keep.

To change the schema: change the models, add a function here that changes a file of the
previous version the same way, append it to MIGRATIONS, and keep a database written by the
previous version under tests/fixtures/.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, text
from sqlmodel import SQLModel

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.storage import models
from kpi_desktop.storage.schema_version import APPLICATION_ID as APPLICATION_ID
from kpi_desktop.storage.schema_version import SCHEMA_VERSION as SCHEMA_VERSION

MigrationStep = Callable[[Connection], None]


def _v1_to_v2(connection: Connection) -> None:
    # Version 2 keeps each lead unit's own text when an indicator is shared.
    models.Contribution.__table__.create(connection)  # type: ignore[attr-defined]


def _v2_to_v3(connection: Connection) -> None:
    # Version 3 keeps a level target's starting value and a plan's 基本序时 band.
    connection.execute(text("ALTER TABLE target ADD COLUMN base FLOAT"))
    connection.execute(text("ALTER TABLE plan ADD COLUMN tolerance FLOAT"))


def _add_notes(connection: Connection) -> None:
    # The clerk's notes and the leadership's instructions per indicator and period: two new
    # tables, nothing else touched (a step of its own, whatever number it is given).
    models.Remark.__table__.create(connection)  # type: ignore[attr-defined]
    models.Instruction.__table__.create(connection)  # type: ignore[attr-defined]


def _add_who(connection: Connection) -> None:
    # Who made each change (user and computer): a shared database has several clerks. Two
    # columns of the change log, nothing else touched (a step of its own, whatever number).
    connection.execute(text("ALTER TABLE changelog ADD COLUMN user_name VARCHAR"))
    connection.execute(text("ALTER TABLE changelog ADD COLUMN host VARCHAR"))


def _add_calendar(connection: Connection) -> None:
    # The quarter's calendar: due dates, closed periods, chase rounds, 办结: six new tables,
    # nothing else touched (a step of its own, whatever number it is given).
    for table in (
        models.DueDate,
        models.PeriodClosing,
        models.ChaseWayName,
        models.ChaseRound,
        models.ChaseUnit,
        models.IndicatorDone,
    ):
        table.__table__.create(connection)  # type: ignore[union-attr]


# MIGRATIONS[n] turns a version-n file into a version-(n+1) file.
MIGRATIONS: dict[int, MigrationStep] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _add_notes,
    4: _add_who,
    5: _add_calendar,
}
if 1 + len(MIGRATIONS) != SCHEMA_VERSION:  # pragma: no cover - caught by every test run
    raise RuntimeError("storage.schema_version.SCHEMA_VERSION must follow MIGRATIONS")


def read_version(connection: Connection) -> int | None:
    """The file's schema version, or None when it is not a kpi-desktop database."""
    has_meta = connection.execute(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
        if connection.dialect.name == "sqlite"
        else text("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'")
    ).scalar_one()
    if not has_meta:
        return None
    rows = {key: value for key, value in connection.execute(text("SELECT key, value FROM meta"))}
    if rows.get("application") != APPLICATION_ID:
        return None
    return int(rows.get("schema_version", "0"))


def _write_version(connection: Connection, version: int) -> None:
    connection.execute(text("DELETE FROM meta WHERE key = 'schema_version'"))
    connection.execute(
        text("INSERT INTO meta (key, value) VALUES ('schema_version', :v)"), {"v": str(version)}
    )


def needs_upgrade(version: int | None, where: str, *, may_upgrade: bool = True) -> bool:
    """Whether a database of schema `version` must be upgraded before use. One that is not
    this program's (no version), or written by a newer program, is refused; so is an older
    one that may not be upgraded here (opened read-only: an upgrade is a write)."""
    if version is None:
        raise KpiError("db.not_ours", path=where)
    if version > SCHEMA_VERSION:
        raise KpiError("db.newer", path=where, found=version, supported=SCHEMA_VERSION)
    if version < SCHEMA_VERSION and not may_upgrade:
        raise KpiError("db.needs_upgrade", path=where, found=version, supported=SCHEMA_VERSION)
    return version < SCHEMA_VERSION


def create_schema(connection: Connection) -> None:
    SQLModel.metadata.create_all(connection)
    connection.execute(
        text("INSERT INTO meta (key, value) VALUES ('application', :a)"), {"a": APPLICATION_ID}
    )
    _write_version(connection, SCHEMA_VERSION)


def upgrade(connection: Connection, from_version: int) -> None:
    for version in range(from_version, SCHEMA_VERSION):
        MIGRATIONS[version](connection)
    _write_version(connection, SCHEMA_VERSION)
