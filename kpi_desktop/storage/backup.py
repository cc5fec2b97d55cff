"""Consistent copies of a database through SQLite's online backup API.

A copy made this way is a valid database even while another connection is writing, unlike a
file copy taken in the middle of a transaction or with the WAL not yet checkpointed.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

KEEP_BACKUPS = 30


def copy_database(source: Path, destination: Path) -> Path:
    """Write a consistent copy of `source` to `destination` (replaced atomically)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A standalone copy: no WAL beside it that could be lost when it is moved.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, destination)
    return destination


def backup_folder(database: Path) -> Path:
    return database.with_name(database.stem + "-backups")


def make_backup(database: Path, reason: str, keep: int = KEEP_BACKUPS) -> Path:
    """Copy `database` into its backup folder, named by time and reason; prune old copies."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_folder(database) / f"{database.stem}-{stamp}-{reason}.sqlite"
    copy_database(database, target)
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
        old.unlink(missing_ok=True)
