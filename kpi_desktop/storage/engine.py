"""Opening a database file: pragmas, transactions, version checks and upgrades."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlmodel import Session

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.storage import backup, schema

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Database:
    """An open database: its engine and where it lives."""

    engine: Engine
    path: Path
    created: bool = False
    upgraded_from: int | None = None
    upgrade_backup: Path | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def read(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 15})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin, so that a
        # transaction really spans everything inside `Database.transaction()`.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a transaction reported as saved survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head != SQLITE_HEADER:
        raise KpiError("db.not_sqlite", path=str(path))


def create_database(path: Path, fill: Callable[[Session], None]) -> None:
    """Create a database at `path` holding what `fill` adds.

    It is built under a temporary name and moved into place complete, so an interrupted
    creation never leaves a half-filled file where the program looks for its data."""
    partial = path.with_name(path.name + ".creating")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = _sqlite_engine(partial)
        try:
            with engine.begin() as connection:
                schema.create_schema(connection)
            with Session(engine) as session, session.begin():
                fill(session)
        finally:
            engine.dispose()
        os.replace(partial, path)
    except (OSError, exc.OperationalError) as error:
        partial.unlink(missing_ok=True)
        raise KpiError("db.cannot_create", path=str(path), detail=str(error)) from error


def open_database(path: Path, fill_new: Callable[[Session], None] | None = None) -> Database:
    """Open the database at `path`, creating it with `fill_new` when it does not exist.

    A file of an older schema is upgraded after a backup copy; a newer one is refused."""
    path = Path(path)
    created = False
    if not path.exists():
        create_database(path, fill_new or (lambda _session: None))
        created = True
    _check_header(path)
    engine = _sqlite_engine(path)
    try:
        with engine.connect() as connection:
            version = schema.read_version(connection)
    except exc.DatabaseError as error:
        engine.dispose()
        raise KpiError("db.damaged", path=str(path), detail=str(error.orig)) from error
    if version is None:
        engine.dispose()
        raise KpiError("db.not_ours", path=str(path))
    if version > schema.SCHEMA_VERSION:
        engine.dispose()
        raise KpiError("db.newer", path=str(path), found=version, supported=schema.SCHEMA_VERSION)
    database = Database(engine=engine, path=path, created=created)
    if version < schema.SCHEMA_VERSION:
        database.upgrade_backup = backup.make_backup(path, f"before-upgrade-v{version}")
        log.info(
            "upgrading %s from schema %d, backup at %s", path, version, database.upgrade_backup
        )
        with engine.begin() as connection:
            schema.upgrade(connection, version)
        database.upgraded_from = version
    return database
