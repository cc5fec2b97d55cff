"""Consistent copies of a database through SQLite's online backup API.

A copy made this way is a valid database even while another connection is writing, unlike a
file copy taken in the middle of a transaction or with the WAL not yet checkpointed.

Backups live in a folder beside the database, `<name>-backups/`, one file per copy named
`<name>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.sqlite` (local time). The last KEEP_BACKUPS copies
are kept, whatever their reason; older ones are deleted when a new one is made.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.storage.faults import why_not_written

KEEP_BACKUPS = 30
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"


def copy_database(source: Path, destination: Path) -> Path:
    """Write a consistent copy of `source` to `destination` (replaced atomically)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A standalone copy: no WAL beside it that could be lost when it is moved.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return destination


def backup_folder(database: Path) -> Path:
    return database.with_name(database.stem + "-backups")


def make_backup(database: Path, reason: str, keep: int = KEEP_BACKUPS) -> Path:
    """Copy `database` into its backup folder, named by time and reason; prune old copies.

    Raises KpiError "backup.failed" when no copy could be written (a full disk, a read-only
    folder): the caller is about to change the database and must not go on without one."""
    stamp = datetime.now().strftime(STAMP_FORMAT)
    target = backup_folder(database) / f"{database.stem}-{stamp}-{reason}.sqlite"
    try:
        copy_database(database, target)
    except (OSError, sqlite3.Error) as error:
        raise KpiError(
            "backup.failed",
            path=str(database),
            folder=str(backup_folder(database)),
            detail=why_not_written(error, backup_folder(database)),
        ) from error
    prune_backups(database, keep)
    return target


def list_backups(database: Path) -> list[Path]:
    """The database's backups, newest first."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{database.stem}-*.sqlite"), reverse=True)


def prune_backups(database: Path, keep: int = KEEP_BACKUPS) -> None:
    for old in list_backups(database)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()


@dataclass(frozen=True)
class BackupInfo:
    """What one backup file holds, read without changing it."""

    path: Path
    made_at: datetime | None  # local time, from the name
    reason: str
    size: int
    schema_version: int | None = None
    plan_years: tuple[int, ...] = ()
    indicators: int = 0
    latest_edit: datetime | None = None  # UTC, as stored
    problem: str | None = None  # why it cannot be restored, when it cannot
    tables: dict[str, int] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return self.problem is None


def name_parts(database: Path, backup: Path) -> tuple[datetime | None, str]:
    match = re.fullmatch(
        re.escape(database.stem) + r"-(\d{8}-\d{6}-\d{6})-(.+)\.sqlite", backup.name
    )
    if match is None:
        return None, ""
    return datetime.strptime(match.group(1), STAMP_FORMAT), match.group(2)


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def describe_backup(database: Path, backup: Path) -> BackupInfo:
    """Date, reason and contents of `backup` (plan years, indicators, latest edit)."""
    made_at, reason = name_parts(database, backup)
    size = backup.stat().st_size if backup.exists() else 0
    base = BackupInfo(path=backup, made_at=made_at, reason=reason, size=size)
    # immutable: nothing writes a backup, and the folder may be read-only.
    uri = f"{backup.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        return _with(base, problem=str(error))
    try:
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            return _with(base, problem=str(check))
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not {"meta", "plan", "indicator"} <= tables:
            return _with(base, problem="not a kpi-desktop database")
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        years = tuple(
            int(year) for (year,) in connection.execute("SELECT year FROM plan ORDER BY year")
        )
        indicators = connection.execute("SELECT count(*) FROM indicator").fetchone()[0]
        times = [connection.execute("SELECT max(updated_at) FROM progress").fetchone()[0]]
        if "changelog" in tables:
            times.append(connection.execute("SELECT max(at) FROM changelog").fetchone()[0])
        latest = max((t for t in map(_parse_time, times) if t is not None), default=None)
        counts = {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in sorted(tables)
        }
    except (sqlite3.Error, ValueError) as error:
        return _with(base, problem=str(error))
    finally:
        connection.close()
    return BackupInfo(
        path=backup,
        made_at=made_at,
        reason=reason,
        size=size,
        schema_version=int(meta.get("schema_version", "0")),
        plan_years=years,
        indicators=int(indicators),
        latest_edit=latest,
        tables=counts,
    )


def _with(info: BackupInfo, *, problem: str) -> BackupInfo:
    return BackupInfo(
        path=info.path, made_at=info.made_at, reason=info.reason, size=info.size, problem=problem
    )


def restore_into(backup: Path, live: Path) -> None:
    """Replace the content of the live database file `live` with that of `backup`.

    Through the backup API into the open file, in one write transaction of the destination:
    readers (a read-only window) see either the old or the new content, a crash in the middle
    leaves the old one, and the file keeps its WAL mode. The caller holds the writer lock, so
    no other connection writes meanwhile."""
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        destination = sqlite3.connect(live, timeout=15)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
