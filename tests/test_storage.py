"""The database file: pragmas, schema versions, upgrades with backups, refusals."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.queries import dump
from kpi_desktop.storage import backup, schema
from kpi_desktop.storage.engine import create_database
from kpi_desktop.storage.models import Indicator, Progress

FIXTURES = Path(__file__).parent / "fixtures"


def _raw(path: Path, sql: str) -> object:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


def test_new_file_uses_wal_foreign_keys_and_records_its_version(db_path: Path) -> None:
    db = open_plan_database(db_path)
    try:
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert schema.read_version(connection) == schema.SCHEMA_VERSION
    finally:
        db.close()
    assert db.created
    assert _raw(db_path, "SELECT value FROM meta WHERE key='schema_version'") == str(
        schema.SCHEMA_VERSION
    )


def test_foreign_keys_are_enforced(database: object) -> None:
    with (
        pytest.raises(KpiError) as caught,
        database.transaction() as session,  # type: ignore[attr-defined]
    ):
        session.add(Indicator(plan_id=999, seq=1, text="x"))
    # The clerk reads a sentence; the log (and the cause) keep SQLite's words.
    assert caught.value.code == "db.write_refused"
    assert "FOREIGN KEY" in str(caught.value.__cause__)
    assert "FOREIGN KEY" not in caught.value.message()


def test_a_failed_transaction_changes_nothing(database: object) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), database.transaction() as session:  # type: ignore[attr-defined]
        first = session.exec(select(Progress)).first()
        assert first is not None
        first.text = "changed"
        session.add(first)
        session.flush()
        raise Boom
    with database.read() as session:  # type: ignore[attr-defined]
        texts = [p.text for p in session.exec(select(Progress))]
    assert "changed" not in texts


def test_second_open_does_not_recreate(db_path: Path) -> None:
    open_plan_database(db_path).close()
    again = open_plan_database(db_path)
    again.close()
    assert not again.created
    assert _raw(db_path, "SELECT count(*) FROM indicator") == 53


def test_interrupted_creation_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite"

    def fail(_session: Session) -> None:
        raise OSError("disk full")

    with pytest.raises(KpiError) as caught:
        create_database(target, fail)
    assert caught.value.code == "db.cannot_create"
    assert "disk full" in caught.value.message()
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_newer_schema_is_refused_and_left_alone(db_path: Path) -> None:
    open_plan_database(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    connection.commit()
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(KpiError) as caught:
        open_plan_database(db_path)
    message = caught.value.message("zh")
    assert "更新版本" in message and "99" in message and str(db_path) in message
    assert "newer kpi-desktop" in caught.value.message("en")
    assert db_path.read_bytes() == before


def test_older_schema_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    old = tmp_path / "v1.sqlite"
    shutil.copy(FIXTURES / "schema-v1.sqlite", old)
    assert _raw(old, "SELECT value FROM meta WHERE key='schema_version'") == "1"
    db = open_plan_database(old)
    try:
        assert db.upgraded_from == 1
        assert db.upgrade_backup is not None and db.upgrade_backup.exists()
        # The backup is the file as it was: still version 1, same rows.
        assert _raw(db.upgrade_backup, "SELECT value FROM meta WHERE key='schema_version'") == "1"
        assert _raw(db.upgrade_backup, "SELECT count(*) FROM progress") == 53
        with db.engine.connect() as connection:
            assert schema.read_version(connection) == schema.SCHEMA_VERSION
            tables = set(
                connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type='table'"
                ).scalars()
            )
        assert "contribution" in tables
        with db.read() as session:
            assert len(session.exec(select(Progress)).all()) == 53
    finally:
        db.close()
    assert backup.list_backups(old) == [db.upgrade_backup]


def test_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    bogus = tmp_path / "报表.sqlite"
    bogus.write_bytes(b"PK\x03\x04 this is a workbook, not a database")
    with pytest.raises(KpiError) as caught:
        open_plan_database(bogus)
    assert caught.value.code == "db.not_sqlite"
    assert "报表.sqlite" in caught.value.message()
    assert bogus.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报表.sqlite"]  # no lock left beside it


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(KpiError) as caught:
        open_plan_database(other)
    assert caught.value.code == "db.not_ours"


def test_backup_copy_is_consistent_while_open(database: object, tmp_path: Path) -> None:
    with database.transaction() as session:  # type: ignore[attr-defined]
        session.execute(text("UPDATE progress SET text='已更新' WHERE id=1"))
    copy = backup.copy_database(database.file, tmp_path / "copy.sqlite")  # type: ignore[attr-defined]
    assert _raw(copy, "PRAGMA integrity_check") == "ok"
    assert _raw(copy, "SELECT text FROM progress WHERE id=1") == "已更新"
    assert _raw(copy, "PRAGMA journal_mode") == "delete"


def test_old_backups_are_pruned(database: object) -> None:
    path = database.file  # type: ignore[attr-defined]
    made = [backup.make_backup(path, "test", keep=3) for _ in range(5)]
    assert backup.list_backups(path) == sorted(made[-3:], reverse=True)


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("schema-v*.sqlite"))


def test_there_is_a_fixture_for_every_schema_version() -> None:
    versions = {int(p.stem.removeprefix("schema-v")) for p in _fixtures()}
    assert versions == set(range(1, schema.SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", _fixtures(), ids=lambda p: p.stem)
def test_every_released_schema_opens_with_nothing_lost(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / "旧 版本" / fixture.name
    copy.parent.mkdir()
    shutil.copy(fixture, copy)
    version = int(fixture.stem.removeprefix("schema-v"))
    before = {
        table: _raw(copy, f'SELECT count(*) FROM "{table}"')
        for table in ("plan", "indicator", "target", "progress", "actual", "changelog")
        + (
            ("due_date", "period_closing", "chase_round", "chase_unit", "indicator_done")
            if version >= 6
            else ()
        )
    }
    db = open_plan_database(copy)
    try:
        assert db.upgraded_from == (version if version < schema.SCHEMA_VERSION else None)
        with db.engine.connect() as connection:
            assert schema.read_version(connection) == schema.SCHEMA_VERSION
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        with db.read() as session:
            data = dump(session)
    finally:
        db.close()
    after = {table: _raw(copy, f'SELECT count(*) FROM "{table}"') for table in before}
    assert after == before
    assert len(data["plans"][0]["indicators"]) == 53


def test_newer_schema_is_refused_read_only_too(db_path: Path) -> None:
    open_plan_database(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    connection.commit()
    connection.close()
    with pytest.raises(KpiError) as caught:
        open_plan_database(db_path, read_only=True)
    assert caught.value.code == "db.newer"


def test_the_calendars_step_adds_its_tables_and_changes_nothing_else(
    tmp_path: Path,
) -> None:
    old = tmp_path / "v5.sqlite"
    shutil.copy(FIXTURES / "schema-v5.sqlite", old)
    database = open_plan_database(old)
    try:
        assert database.upgraded_from == 5
        assert database.upgrade_backup is not None
        backup = database.upgrade_backup
    finally:
        database.close()

    def tables(path: Path) -> dict[str, str]:
        with sqlite3.connect(path) as connection:
            return dict(
                connection.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
            )

    def columns(path: Path, table: str) -> list[str]:
        with sqlite3.connect(path) as connection:
            return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]

    was, now = tables(backup), tables(old)
    assert set(now) - set(was) == {
        "due_date", "period_closing", "chase_way", "chase_round", "chase_unit", "indicator_done",
    }  # fmt: skip
    assert {n: now[n] for n in was} == was
    assert columns(old, "changelog") == columns(backup, "changelog")
