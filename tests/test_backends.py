"""The storage and services suite on both back ends: a SQLite file and a PostgreSQL server.

The PostgreSQL cases need a server: `.ci/run` starts one (`.ci/postgres.sh`) and exports
KPI_TEST_POSTGRES_URL, the URL of a database the tests may create other databases from.
Without it they are skipped, with that reason (the `server_url` fixture, in conftest.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlmodel import Session

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.notes import FollowUp
from kpi_desktop.services import backups, editing, notes
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.queries import dump, indicator_views, plans
from kpi_desktop.storage import schema
from kpi_desktop.storage.engine import Database, open_database


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's database lives: a file path or a server URL."""
    if request.param == "sqlite":
        folder = tmp_path / "数据 文件"
        folder.mkdir()
        return str(folder / "kpi.sqlite")
    url: str = request.getfixturevalue("server_url")
    return url


@pytest.fixture
def any_database(backend: str) -> Iterator[Database]:
    db = open_plan_database(backend)
    yield db
    db.close()


def _without_times(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_times(v) for k, v in data.items() if k != "updated_at"}
    if isinstance(data, list):
        return [_without_times(v) for v in data]
    return data


def _edit_a_few(db: Database) -> None:
    """The same edits on any back end: typed, imported, an actual, a correction."""
    with db.transaction() as session:
        views = indicator_views(session, plans(session)[0])
        editing.set_progress(session, views[31].id, "2024Q1", {"text": "新增高技能人才900人。"})
    with db.transaction() as session:
        views = indicator_views(session, plans(session)[0])
        source = editing.Source("imported", file="区商务局.xlsx", file_hash="ab12", unit="区商务局")
        editing.set_progress(
            session,
            views[13].id,
            "2024H1",
            {"text": "上半年新增12家。", "status": "on_schedule"},
            source,
        )
        target = views[31].targets[0]
        assert target.id is not None
        editing.set_actual(session, views[31].id, "2024Q1", target.id, 900, "人", confirmed=True)
    with db.transaction() as session:
        views = indicator_views(session, plans(session)[0])
        editing.set_progress(session, views[31].id, "2024Q1", {"text": "新增高技能人才950人。"})
        # The clerk's note and a leadership instruction (a date column) on both back ends.
        notes.set_remark(session, views[31].id, "2024Q1", "口径：只算新增。")
        made = notes.add_instruction(
            session, views[31].id, "2024Q1", "王区长", "2024年3月5日", "请加快推进。"
        )
        notes.set_follow_up(session, made, FollowUp.DONE)


def test_new_database_holds_the_builtin_plan(any_database: Database) -> None:
    assert any_database.created
    with any_database.read() as session:
        data = dump(session)
    (plan,) = data["plans"]
    assert plan["year"] == 2024 and len(plan["indicators"]) == 53
    assert [i["seq"] for i in plan["indicators"]] == list(range(1, 54))
    with any_database.engine.connect() as connection:
        assert schema.read_version(connection) == schema.SCHEMA_VERSION


def test_edits_and_change_log(any_database: Database) -> None:
    _edit_a_few(any_database)
    with any_database.read() as session:
        view = indicator_views(session, plans(session)[0])[31]
        log = editing.history(session, view.id)
    assert view.progress["2024Q1"].text == "新增高技能人才950人。"
    texts = [(c.old_value, c.new_value) for c in log if c.field_name == "text"]
    assert texts == [
        ("新增高技能人才900人。", "新增高技能人才950人。"),
        ("一季度新增高技能人才825人。", "新增高技能人才900人。"),
    ]
    actual_changes = {(c.field_name, c.new_value) for c in log if c.entity == "actual"}
    assert ("value", "900") in actual_changes and ("unit", "人") in actual_changes


def test_failed_transaction_changes_nothing(any_database: Database) -> None:
    with any_database.read() as session:
        before = dump(session)
    with pytest.raises(editing.EditError), any_database.transaction() as session:
        views = indicator_views(session, plans(session)[0])
        editing.set_progress(session, views[0].id, "2024Q1", {"text": "半途而废"})
        editing.set_progress(session, views[0].id, "2024Q1", {"as_of_month": 13})
    with any_database.read() as session:
        assert dump(session) == before


def test_reopening_keeps_everything(backend: str) -> None:
    first = open_plan_database(backend)
    _edit_a_few(first)
    with first.read() as session:
        before = dump(session)
    first.close()
    again = open_plan_database(backend)
    try:
        assert not again.created
        with again.read() as session:
            assert dump(session) == before
    finally:
        again.close()


def test_same_dump_on_both_back_ends(server_url: str, tmp_path: Path) -> None:
    dumps = []
    for where in (str(tmp_path / "kpi.sqlite"), server_url):
        db = open_plan_database(where)
        try:
            _edit_a_few(db)
            with db.read() as session:
                dumps.append(_without_times(dump(session)))
        finally:
            db.close()
    assert dumps[0] == dumps[1]


def test_server_database_is_upgraded_in_one_transaction(server_url: str) -> None:
    db = open_plan_database(server_url)
    with db.engine.begin() as connection:
        # Back to version 1: without the contributions (v2), the two columns of v3 and the
        # notes' tables (v4) and the change log's who (v5).
        connection.execute(text("DROP TABLE remark"))
        connection.execute(text("DROP TABLE instruction"))
        # calendar (v5).
        for table in (
            "chase_unit",
            "chase_round",
            "chase_way",
            "due_date",
            "period_closing",
            "indicator_done",
        ):
            connection.execute(text(f"DROP TABLE {table}"))
        connection.execute(text("DROP TABLE contribution"))
        connection.execute(text("ALTER TABLE changelog DROP COLUMN user_name"))
        connection.execute(text("ALTER TABLE changelog DROP COLUMN host"))
        connection.execute(text("ALTER TABLE target DROP COLUMN base"))
        connection.execute(text("ALTER TABLE plan DROP COLUMN tolerance"))
        connection.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    db.close()
    again = open_plan_database(server_url)
    try:
        assert again.upgraded_from == 1
        with again.engine.connect() as connection:
            assert schema.read_version(connection) == schema.SCHEMA_VERSION
            assert connection.execute(text("SELECT count(*) FROM contribution")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM instruction")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM period_closing")).scalar() == 0
    finally:
        again.close()


def test_newer_server_database_is_refused(server_url: str) -> None:
    db = open_plan_database(server_url)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    db.close()
    with pytest.raises(KpiError) as caught:
        open_plan_database(server_url)
    assert caught.value.code == "db.newer"
    assert "postgresql://" in caught.value.message()


def test_failed_creation_on_the_server_leaves_no_tables(server_url: str) -> None:
    def fail(_session: Session) -> None:
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        open_database(server_url, fill_new=fail)
    engine = create_engine(make_url(server_url).set(drivername="postgresql+psycopg"))
    with engine.connect() as connection:
        tables = connection.execute(
            text("SELECT count(*) FROM information_schema.tables WHERE table_schema='public'")
        ).scalar()
    engine.dispose()
    assert tables == 0


def test_server_database_of_another_program_is_refused(server_url: str) -> None:
    engine = create_engine(make_url(server_url).set(drivername="postgresql+psycopg"))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id int)"))
    engine.dispose()
    with pytest.raises(KpiError) as caught:
        open_plan_database(server_url)
    assert caught.value.code == "db.not_ours"


def test_backups_of_a_server_database_are_left_to_the_server(server_url: str) -> None:
    db = open_plan_database(server_url)
    try:
        assert backups.backup_before(db, backups.BEFORE_IMPORT) is None
        assert backups.daily_backup(db) is None
        assert backups.list_backups(db) == []
        with pytest.raises(KpiError) as caught:
            backups.restore_backup(db, Path("x.sqlite"))
        assert caught.value.code == "backup.on_server" and "pg_dump" in caught.value.message()
        # It says where it is, and has no file to copy (not a Path made of its URL).
        assert db.path is None and db.location.startswith("postgresql")
        with pytest.raises(KpiError) as no_file:
            _ = db.file
        assert no_file.value.code == "backup.on_server"
    finally:
        db.close()


def test_save_a_copy_of_a_server_database_says_how_instead(
    server_url: str, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File → Save a copy on a server database: a message naming pg_dump, no file dialog and
    no crash."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from kpi_desktop.ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("asked"))
    window = MainWindow(open_plan_database(server_url))
    try:
        window.menus.save_as.trigger()
        assert len(shown) == 1 and "pg_dump" in shown[0]
    finally:
        window.document.database.close()
        window.close()


def test_unreachable_server_is_a_clear_message() -> None:
    pytest.importorskip("psycopg", reason="the PostgreSQL driver (pip install '.[postgres]')")
    with pytest.raises(KpiError) as caught:
        open_plan_database("postgresql://nobody@/kpi?host=/nonexistent-socket-folder&port=1")
    assert caught.value.code == "db.server_unreachable"
    assert "nonexistent-socket-folder" in caught.value.message()


def test_command_line_works_on_the_server(
    server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from kpi_desktop.cli import main

    assert main(["dump", "--db", server_url]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["plans"][0]["indicators"]) == 53


def test_url_folded_by_path_is_repaired(server_url: str) -> None:
    # The window's --db goes through Path(), which folds "//" into "/".
    db = open_plan_database(Path(server_url))
    try:
        assert not db.is_sqlite
    finally:
        db.close()


def test_read_only_opening_refuses_writes(backend: str) -> None:
    open_plan_database(backend).close()
    viewer = open_plan_database(backend, read_only=True)
    try:
        assert viewer.read_only
        with viewer.read() as session:
            assert len(indicator_views(session, plans(session)[0])) == 53
        with pytest.raises(KpiError) as caught, viewer.transaction():
            pass
        assert caught.value.code == "db.opened_read_only"
    finally:
        viewer.close()


def test_server_lost_during_a_save_is_a_clear_message(server_url: str) -> None:
    db = open_plan_database(server_url)
    try:
        with pytest.raises(KpiError) as caught, db.transaction() as session:
            # The server ends this connection, as a restart or a dropped network would.
            session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        assert caught.value.code == "db.server_unreachable"
    finally:
        db.close()
