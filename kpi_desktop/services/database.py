"""Opening the clerk's database, creating it with the built-in plan when it is new."""

from __future__ import annotations

import contextlib
from pathlib import Path

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services.backups import daily_backup
from kpi_desktop.services.paths import APP_NAME as APP_NAME
from kpi_desktop.services.paths import DEFAULT_FILE as DEFAULT_FILE
from kpi_desktop.services.paths import data_folder as data_folder
from kpi_desktop.services.paths import default_database_path
from kpi_desktop.services.paths import log_folder as log_folder
from kpi_desktop.services.plans import install_builtin_plan
from kpi_desktop.storage.engine import Database, open_database
from kpi_desktop.storage.locations import is_server_url


def _server_url(path: Path | str) -> str | None:
    """The URL when `path` names a server; also repairs one that went through Path(), which
    folds "postgresql://host" into "postgresql:/host"."""
    raw = str(path)
    if is_server_url(raw):
        return raw
    if isinstance(path, Path) and is_server_url(raw.replace(":/", "://", 1)):
        return raw.replace(":/", "://", 1)
    return None


def open_plan_database(
    path: Path | str | None = None, *, read_only: bool = False, empty: bool = False
) -> Database:
    """Open `path` (default: the user's database), creating it holding the built-in plan
    (`empty=True`: holding no plan, for `new-plan`, which fills it from a table).

    `path` may be a postgresql:// URL for a shared database. Opening for writing takes the
    file's writer lock (KpiError "db.locked" names who has it; `engine.READ_ONLY_OFFER` lists
    the codes after which opening read-only is worth offering) and makes the day's first
    backup. `read_only=True` opens without the lock; its `transaction()` refuses."""
    fill_new = None if empty else install_builtin_plan
    if path is not None and (url := _server_url(path)) is not None:
        return open_database(url, fill_new=fill_new, read_only=read_only)
    target = (Path(path) if path is not None else default_database_path()).expanduser()
    if path is not None and not target.exists() and not target.parent.is_dir():
        # A new file is made where the clerk names it, but a mistyped folder is not created:
        # the data would end up somewhere she will never look.
        raise KpiError("db.no_folder", path=str(target), folder=str(target.parent))
    database = open_database(target, fill_new=fill_new, read_only=read_only)
    daily_backup(database)
    return database


def is_new_file(path: Path | str | None) -> bool:
    """Whether `path` names a SQLite file that does not exist yet."""
    if path is None or _server_url(path) is not None:
        return False
    return not Path(path).expanduser().exists()


def discard_new_file(database: Database) -> None:
    """Close and remove a file this process has just created (with its lock and journal
    files), so that a refused command leaves nothing behind. Only for a `created` file."""
    if not database.is_sqlite or not database.created:
        return
    database.close()
    file = database.file
    for leftover in (file, *(file.with_name(file.name + end) for end in LEFTOVERS)):
        with contextlib.suppress(OSError):
            leftover.unlink()


LEFTOVERS = (".lock", "-wal", "-shm", "-journal")


def open_for_reading(path: Path | str | None = None) -> Database:
    """Open for a command that only reads (dump, exports): without the writer lock, so it
    works while the window has the file open, and without the day's backup. A file that does
    not exist yet is created with the built-in plan; one that needs an upgrade is opened for
    writing, which upgrades it."""
    if path is not None and is_server_url(path):
        # A server has no writer lock to avoid, and a new one must first be filled.
        return open_plan_database(path)
    target = (Path(path) if path is not None else default_database_path()).expanduser()
    if not target.exists():
        return open_plan_database(path)
    try:
        return open_plan_database(path, read_only=True)
    except KpiError as error:
        if error.code == "db.needs_upgrade":
            return open_plan_database(path)
        raise
