"""Backups: daily on first opening, before imports and restores; listing them; restoring one."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services import backups, editing
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.queries import indicator_views, plans
from kpi_desktop.storage import backup, schema
from kpi_desktop.storage.engine import Database

FIXTURES = Path(__file__).parent / "fixtures"


def _set_first(db: Database, value: str) -> None:
    with db.transaction() as session:
        view = indicator_views(session, plans(session)[0])[0]
        editing.set_progress(session, view.id, "2024Q1", {"text": value})


def _first(db: Database) -> str:
    with db.read() as session:
        return indicator_views(session, plans(session)[0])[0].progress["2024Q1"].text


def test_daily_backup_once_a_day_and_not_for_a_new_file(db_path: Path) -> None:
    db = open_plan_database(db_path)
    try:
        assert db.created and backups.daily_backup(db) is None
    finally:
        db.close()
    db = open_plan_database(db_path)  # the second opening today makes today's copy
    try:
        (daily,) = backup.list_backups(db_path)
        assert daily.name.endswith("-daily.sqlite")
        assert backups.daily_backup(db) is None
        tomorrow = backups.daily_backup(db, today=date.today() + timedelta(days=1))
        assert tomorrow is not None and tomorrow.exists()
    finally:
        db.close()


def test_read_only_opening_makes_no_backup(db_path: Path) -> None:
    open_plan_database(db_path).close()
    viewer = open_plan_database(db_path, read_only=True)
    viewer.close()
    assert backup.list_backups(db_path) == []


def test_listing_says_when_and_what_each_backup_holds(database: Database) -> None:
    _set_first(database, "第一次修改")
    first = backup.make_backup(database.path, backups.BEFORE_IMPORT)
    (info,) = backups.list_backups(database)
    assert info.path == first and info.usable
    assert info.reason == "before-import"
    assert info.made_at is not None and info.made_at.date() == date.today()
    assert info.plan_years == (2024,) and info.indicators == 53
    assert info.schema_version == schema.SCHEMA_VERSION
    with database.read() as session:
        view = indicator_views(session, plans(session)[0])[0]
        (change,) = editing.history(session, view.id)
    assert info.latest_edit is not None
    assert info.latest_edit.replace(tzinfo=None) == change.at.replace(tzinfo=None)
    assert info.made_at is not None
    assert backups.describe(info) == (
        f"{info.made_at:%Y-%m-%d %H:%M} {info.reason}: 2024, 53, {info.latest_edit:%Y-%m-%d %H:%M}"
    )


def test_damaged_backup_is_listed_as_unusable_and_not_restored(database: Database) -> None:
    made = backup.make_backup(database.path, "daily")
    made.write_bytes(made.read_bytes()[:5000])
    (info,) = backups.list_backups(database)
    assert not info.usable and info.problem
    _set_first(database, "当前数据")
    with pytest.raises(KpiError) as caught:
        backups.restore_backup(database, made)
    assert caught.value.code == "backup.unusable"
    assert _first(database) == "当前数据"
    assert backup.list_backups(database.path) == [made]  # no copy made for nothing


def test_restore_brings_back_the_backup_after_saving_the_present(database: Database) -> None:
    _set_first(database, "备份时的内容")
    chosen = backup.make_backup(database.path, "daily")
    _set_first(database, "之后的修改")
    safety = backups.restore_backup(database, chosen)
    assert _first(database) == "备份时的内容"
    # The state just before the restore is itself a backup: the restore can be undone.
    assert safety.name.endswith("-before-restore.sqlite")
    connection = sqlite3.connect(safety)
    assert connection.execute(
        "SELECT count(*) FROM progress WHERE text = '之后的修改'"
    ).fetchone() == (1,)
    connection.close()
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    # Editing goes on normally, and the restore survives reopening.
    _set_first(database, "恢复后继续编辑")
    database.close()
    again = open_plan_database(database.path)
    try:
        assert _first(again) == "恢复后继续编辑"
        backups.restore_backup(again, safety)
        assert _first(again) == "之后的修改"
    finally:
        again.close()


def test_restoring_an_old_schema_backup_upgrades_it(database: Database) -> None:
    old = (
        backup.backup_folder(database.path)
        / f"{database.path.stem}-20240101-090000-000000-x.sqlite"
    )
    old.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "schema-v1.sqlite", old)
    backups.restore_backup(database, old)
    with database.engine.connect() as connection:
        assert schema.read_version(connection) == schema.SCHEMA_VERSION
    assert len(backups.list_backups(database)) == 2
    with database.read() as session:
        assert len(indicator_views(session, plans(session)[0])) == 53


def test_read_only_database_cannot_restore(db_path: Path) -> None:
    open_plan_database(db_path).close()
    made = backup.make_backup(db_path, "daily")
    viewer = open_plan_database(db_path, read_only=True)
    try:
        with pytest.raises(KpiError) as caught:
            backups.restore_backup(viewer, made)
        assert caught.value.code == "db.opened_read_only"
    finally:
        viewer.close()


def test_only_the_last_backups_are_kept(database: Database) -> None:
    for _ in range(backup.KEEP_BACKUPS + 3):
        backups.backup_before(database, backups.BEFORE_IMPORT)
    assert len(backup.list_backups(database.path)) == backup.KEEP_BACKUPS
