"""Backups the clerk can see and restore: daily, before imports and upgrades, before restores.

Copies are made with SQLite's backup API into a folder beside the database (see
`storage.backup`). A shared PostgreSQL database is backed up on the server with pg_dump, so
these functions do nothing there (`daily_backup`, `backup_before`) or refuse (`restore_backup`).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.storage import backup, schema
from kpi_desktop.storage.backup import BackupInfo
from kpi_desktop.storage.engine import Database

log = logging.getLogger(__name__)

KEEP_BACKUPS = backup.KEEP_BACKUPS  # how many backups of a file are kept
DAILY = "daily"
BEFORE_IMPORT = "before-import"
BEFORE_RESTORE = "before-restore"


def backup_before(database: Database, reason: str) -> Path | None:
    """A copy of the database before a change such as an import; None on a server."""
    if not database.is_sqlite:
        return None
    return backup.make_backup(database.file, reason)


def daily_backup(database: Database, today: date | None = None) -> Path | None:
    """The day's first copy of the database, made when it is first opened that day.

    Nothing when a copy was already made today, when the file was just created (it holds only
    the built-in plan) or was just upgraded (the copy before the upgrade is today's), when it
    is open read-only, or on a server."""
    if not database.is_sqlite or database.read_only or database.created:
        return None
    if database.upgrade_backup is not None:
        return None
    day = today or date.today()
    for made in backup.list_backups(database.file):
        made_at, reason = backup.name_parts(database.file, made)
        if reason == DAILY and made_at is not None and made_at.date() == day:
            return None
    try:
        return backup.make_backup(database.file, DAILY)
    except KpiError:
        # The clerk can still work; the next opening tries again.
        log.exception("daily backup of %s failed", database.file)
        return None


def list_backups(database: Database) -> list[BackupInfo]:
    """Every backup of the database, newest first, with what each holds."""
    if not database.is_sqlite:
        return []
    return [
        backup.describe_backup(database.file, path) for path in backup.list_backups(database.file)
    ]


def restore_backup(database: Database, chosen: Path) -> Path:
    """Replace the database's content with the backup `chosen`; returns the copy of the
    current state made first (itself listed among the backups, so a restore can be undone).

    The content is written through SQLite's backup API into the open file while this program
    holds the writer lock: no other program writes meanwhile, a read-only window sees the old
    or the new content and never a mixture, and an interruption leaves the old content."""
    if not database.is_sqlite:
        raise KpiError("backup.on_server", path=database.location)
    if database.read_only:
        raise KpiError("db.opened_read_only", path=database.location)
    info = backup.describe_backup(database.file, chosen)
    if not info.usable:
        raise KpiError("backup.unusable", path=str(chosen), detail=info.problem)
    assert info.schema_version is not None
    if info.schema_version > schema.SCHEMA_VERSION:
        raise KpiError(
            "backup.unusable",
            path=str(chosen),
            detail=f"schema {info.schema_version} > {schema.SCHEMA_VERSION}",
        )
    safety = backup.make_backup(database.file, BEFORE_RESTORE)
    log.info("restoring %s from %s; the state before is in %s", database.file, chosen, safety)
    database.engine.dispose()
    backup.restore_into(chosen, database.file)
    if info.schema_version < schema.SCHEMA_VERSION:
        with database.engine.begin() as connection:
            schema.upgrade(connection, info.schema_version)
    database.engine.dispose()
    return safety


def describe(info: BackupInfo) -> str:
    """A one-line account of a backup, for logs and the command line."""
    when = info.made_at.strftime("%Y-%m-%d %H:%M") if info.made_at else "?"
    if not info.usable:
        return f"{when} {info.reason}: {info.problem}"
    years = ",".join(map(str, info.plan_years)) or "-"
    edit = info.latest_edit.strftime("%Y-%m-%d %H:%M") if info.latest_edit else "-"
    return f"{when} {info.reason}: {years}, {info.indicators}, {edit}"


__all__ = [
    "BEFORE_IMPORT",
    "BEFORE_RESTORE",
    "DAILY",
    "BackupInfo",
    "backup_before",
    "daily_backup",
    "describe",
    "list_backups",
    "restore_backup",
]
