"""Opening a database: a local SQLite file (the default) or a shared PostgreSQL server.

For a file: pragmas, the one-writer lock, a quick consistency check, version checks and
upgrades after a backup, read-only opening. Failures of the disk or the file while working
(full, read-only, damaged) become `KpiError`s the clerk can act on, and the transaction they
interrupted is rolled back whole.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, make_url
from sqlalchemy.pool import QueuePool
from sqlmodel import Session

from kpi_desktop.domain.errors import KpiError, os_error_text
from kpi_desktop.storage import backup, network, schema
from kpi_desktop.storage.faults import is_damage, sqlite_refusal
from kpi_desktop.storage.locations import SERVER_URL as SERVER_URL
from kpi_desktop.storage.locations import is_server_url as is_server_url
from kpi_desktop.storage.lock import LockBusy, LockHolder, WriterLock, current_holder
from kpi_desktop.storage.who import Who

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"

# Codes of refusals after which the window may offer to open the file read-only instead.
READ_ONLY_OFFER = frozenset({"db.locked", "db.file_read_only"})


@dataclass
class Database:
    """An open database: its engine and where it lives.

    `location` says where, for the clerk; `path` is the SQLite file, None for a server
    database (whose `url` is set)."""

    engine: Engine
    path: Path | None
    created: bool = False
    upgraded_from: int | None = None
    upgrade_backup: Path | None = None
    read_only: bool = False
    url: str | None = None
    writer_lock: WriterLock | None = None
    took_over_from: LockHolder | None = None
    holder: LockHolder | None = None  # who had the file for writing when opened read-only
    # Who this program's changes are recorded as (the server's user on a shared database).
    who: Who | None = None
    # Why the database is read-only when it was not asked for: a KpiError to show (a server
    # role that may only read).
    read_only_reason: KpiError | None = None
    # The network file system the file lies on (storage.network), where it is kept in
    # SQLite's rollback-journal mode instead of WAL.
    network_fs: str | None = None
    closed: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.url is None

    @property
    def location(self) -> str:
        """Where the data is, for the window's title and messages (never a password)."""
        if self.url is None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def file(self) -> Path:
        """The SQLite file, for what only a file has (copies, backups); a server database
        refuses with a message that says how it is copied instead."""
        if self.path is None or self.url is not None:
            raise KpiError("backup.on_server", path=self.location)
        return self.path

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all."""
        if self.read_only:
            raise self.read_only_reason or KpiError("db.opened_read_only", path=self.location)
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                session.info["who"] = self.who or Who.here()
                # A write transaction takes SQLite's write lock at its start (BEGIN IMMEDIATE):
                # what it reads to check a base is what it writes over.
                session.connection(execution_options={_WRITE: True})
                yield session
        except exc.DBAPIError as error:
            if not self.is_sqlite:
                from kpi_desktop.storage.server import server_refusal

                raise server_refusal(error, self.location) from error
            raise _clerk_error(error, self.location) from error

    def read(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.closed = True
        self.engine.dispose()
        if self.writer_lock is not None:
            self.writer_lock.release()
            self.writer_lock = None


_WRITE = "kpi_write"


def _clerk_error(error: exc.DBAPIError, where: str) -> KpiError:
    """The refusal the clerk sees for a failure of the disk or the file (storage.faults), or,
    for any other error SQLite raised (a rule of the tables), that the change was refused."""
    refusal = sqlite_refusal(error.orig, where)
    if refusal is not None:
        return refusal
    log.error("SQLite refused a write to %s: %s", where, error.orig)
    return KpiError("db.write_refused", path=where)


def _configure_sqlite(engine: Engine, *, read_only: bool, journal: str = "WAL") -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin, so that a
        # transaction really spans everything inside `Database.transaction()`.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            try:
                # WAL on a local disk; on a network folder the rollback journal, whose locks
                # go through the file system (storage.network).
                cursor.execute(f"PRAGMA journal_mode = {journal}")
            except sqlite3.OperationalError:
                # The mode cannot change while another computer has the file open in WAL
                # mode; `_check_journal` refuses the file then.
                log.warning("could not set journal_mode=%s", journal)
            # FULL: a transaction reported as saved survives a power cut, not only a crash.
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_WRITE) and not read_only
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_engine(path: Path, network_fs: str | None = None) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 15})
    _configure_sqlite(engine, read_only=False, journal="DELETE" if network_fs else "WAL")
    return engine


def _check_journal(engine: Engine, path: Path, network_fs: str | None) -> None:
    """On a network folder, refuse a file that could not leave WAL mode (another computer
    has it open that way): using it would risk its data."""
    if network_fs is None:
        return
    with engine.connect() as connection:
        mode = str(connection.exec_driver_sql("PRAGMA journal_mode").scalar()).lower()
    if mode != "delete":
        raise KpiError("db.network_wal", path=str(path), fs=network_fs)


def _sqlite_read_only_engine(path: Path) -> Engine:
    uri = f"{path.resolve().as_uri()}?mode=ro"

    def connect() -> sqlite3.Connection:
        try:
            connection = sqlite3.connect(uri, uri=True, timeout=15, check_same_thread=False)
            # Reading a WAL file needs its -shm beside it, made on the first read: try one.
            connection.execute("PRAGMA schema_version").fetchall()
            return connection
        except sqlite3.OperationalError as error:
            if is_damage(error) or not _folder_unwritable(path):
                raise
            # A WAL file in a folder nobody may write to (a CD, a read-only share): with no
            # writer possible there, the file can be read as it stands, creating nothing.
            log.info("%s: read-only folder, reading the file as it stands", path)
            return sqlite3.connect(
                uri + "&immutable=1", uri=True, timeout=15, check_same_thread=False
            )

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    _configure_sqlite(engine, read_only=True)
    return engine


def _folder_unwritable(path: Path) -> bool:
    folder = path.resolve().parent
    if hasattr(os, "statvfs"):
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return True
        except OSError:
            pass
    return not os.access(folder, os.W_OK)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise KpiError("db.unreadable", path=str(path), detail=os_error_text(error)) from error
    if not head:
        raise KpiError("db.empty", path=str(path))
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
        engine = _sqlite_engine(partial, network.network_file_system(path.parent))
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


def _writable(path: Path) -> bool:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return not (folder.exists() and not os.access(folder, os.W_OK))


def _take_writer_lock(path: Path) -> WriterLock:
    try:
        return WriterLock.acquire(path)
    except LockBusy as busy:
        holder = busy.holder
        raise KpiError(
            "db.locked",
            path=str(path),
            user=holder.user if holder else "?",
            host=holder.host if holder else "?",
            pid=holder.pid if holder else "?",
            since=holder.since.replace("T", " ") if holder else "?",
        ) from busy
    except OSError as error:
        raise KpiError("db.file_read_only", path=str(path)) from error


def _read_version(engine: Engine, path: Path) -> int | None:
    try:
        with engine.connect() as connection:
            # A file cut short or overwritten in part still has a readable first page; check
            # every page now rather than fail in the middle of the clerk's work.
            problems = connection.exec_driver_sql("PRAGMA quick_check").scalars().all()
            if problems != ["ok"]:
                raise KpiError("db.damaged", path=str(path), detail="; ".join(problems[:3]))
            return schema.read_version(connection)
    except exc.DBAPIError as error:
        # Damaged only when SQLite says so; a full disk or a read-only folder is told as such.
        refusal = sqlite_refusal(error.orig, path, opening=True)
        raise (
            refusal or KpiError("db.io_error_open", path=str(path), detail=str(error.orig))
        ) from error


def open_database(
    path: Path | str,
    fill_new: Callable[[Session], None] | None = None,
    *,
    read_only: bool = False,
) -> Database:
    """Open the database at `path` (a file, or a postgresql:// URL).

    A missing file is created with `fill_new`. A file of an older schema is upgraded after a
    backup copy; a newer one is refused. Opening for writing takes the file's writer lock
    (`KpiError` "db.locked" names who holds it); `read_only=True` needs no lock and gives a
    `Database` whose `transaction()` refuses."""
    if is_server_url(path):
        from kpi_desktop.storage.server import open_server_database

        return open_server_database(str(path), fill_new, read_only=read_only)
    path = Path(path)
    if path.is_dir():
        raise KpiError("db.is_folder", path=str(path))
    if read_only:
        return _open_read_only(path)
    if not _writable(path):
        if path.exists():
            raise KpiError("db.file_read_only", path=str(path))
        raise KpiError("db.cannot_create", path=str(path), detail="folder is read-only")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KpiError("db.cannot_create", path=str(path), detail=str(error)) from error
    if path.exists():
        # A file that is not a database is refused before a lock file is left beside it.
        _check_header(path)
    writer_lock = _take_writer_lock(path)
    try:
        return _open_for_writing(path, fill_new, writer_lock)
    except BaseException:
        writer_lock.release()
        raise


def _open_for_writing(
    path: Path, fill_new: Callable[[Session], None] | None, writer_lock: WriterLock
) -> Database:
    created = False
    if not path.exists():
        create_database(path, fill_new or (lambda _session: None))
        created = True
    _check_header(path)
    network_fs = network.network_file_system(path)
    engine = _sqlite_engine(path, network_fs)
    try:
        version = _read_version(engine, path)
        upgrade = schema.needs_upgrade(version, str(path))
        _check_journal(engine, path, network_fs)
    except BaseException:
        engine.dispose()
        raise
    database = Database(
        engine=engine,
        path=path,
        created=created,
        writer_lock=writer_lock,
        took_over_from=writer_lock.took_over_from,
        who=Who.here(),
        network_fs=network_fs,
    )
    if upgrade:
        assert version is not None
        database.upgrade_backup = backup.make_backup(path, f"before-upgrade-v{version}")
        log.info(
            "upgrading %s from schema %d, backup at %s", path, version, database.upgrade_backup
        )
        try:
            with engine.begin() as connection:
                schema.upgrade(connection, version)
        except exc.OperationalError as error:
            engine.dispose()
            raise _clerk_error(error, str(path)) from error
        database.upgraded_from = version
    return database


def _open_read_only(path: Path) -> Database:
    if not path.exists():
        raise KpiError("db.not_found", path=str(path))
    _check_header(path)
    engine = _sqlite_read_only_engine(path)
    try:
        schema.needs_upgrade(_read_version(engine, path), str(path), may_upgrade=False)
    except BaseException:
        engine.dispose()
        raise
    try:
        holder = current_holder(path)
    except OSError:
        holder = None
    return Database(engine=engine, path=path, read_only=True, holder=holder)
