"""One writer per file, read-only opening, and files or disks that misbehave.

Each refusal is a KpiError with a message saying what and where, and leaves the data as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services import editing
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.queries import dump, indicator_views, plans
from kpi_desktop.storage import backup, lock
from kpi_desktop.storage.engine import READ_ONLY_OFFER, Database

ROOT = Path(__file__).resolve().parents[1]

HOLDER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from kpi_desktop.services import editing
    from kpi_desktop.services.database import open_plan_database
    from kpi_desktop.services.queries import indicator_views, plans
    db = open_plan_database(sys.argv[1])
    print("open", flush=True)
    for line in sys.stdin:
        with db.transaction() as session:
            view = indicator_views(session, plans(session)[0])[0]
            editing.set_progress(session, view.id, "2024Q1", {{"text": line.strip()}})
        print("saved", flush=True)
    db.close()
    """
)


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with `db_path` open for writing, editing what it reads on stdin."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER.format(root=str(ROOT)), str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "open"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait()


def _first_text(db: Database) -> str:
    with db.read() as session:
        view = indicator_views(session, plans(session)[0])[0]
        return view.progress["2024Q1"].text


def _dump_of(path: Path) -> dict[str, Any]:
    db = open_plan_database(path, read_only=True)
    try:
        with db.read() as session:
            return dump(session)
    finally:
        db.close()


# --- one writer ------------------------------------------------------------------------------


def test_second_process_is_told_who_holds_the_file(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(KpiError) as caught:
        open_plan_database(db_path)
    error = caught.value
    assert error.code == "db.locked" and error.code in READ_ONLY_OFFER
    assert error.params["pid"] == holder.pid
    assert error.params["host"] == socket.gethostname()
    zh, en = error.message("zh"), error.message("en")
    assert str(holder.pid) in zh and socket.gethostname() in zh and "只读" in zh
    assert str(db_path) in zh and error.params["user"] in en and "read-only" in en


def test_read_only_instance_reads_but_cannot_write(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    viewer = open_plan_database(db_path, read_only=True)
    try:
        assert viewer.read_only and viewer.holder is not None
        assert viewer.holder.pid == holder.pid
        with viewer.read() as session:
            assert len(indicator_views(session, plans(session)[0])) == 53
        with pytest.raises(KpiError) as caught, viewer.transaction():
            pass
        assert caught.value.code == "db.opened_read_only"
        # Not even around the services: the connection itself cannot write.
        with pytest.raises(Exception, match="readonly"), viewer.engine.begin() as connection:
            connection.execute(text("UPDATE progress SET text = 'x'"))
        # The writer's saves show up in the read-only view.
        holder.stdin.write("写入者的修改\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "saved"
        assert _first_text(viewer) == "写入者的修改"
    finally:
        viewer.close()


def test_lock_of_a_killed_process_is_taken_over(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    db = open_plan_database(db_path)
    try:
        assert db.took_over_from is not None and db.took_over_from.pid == holder.pid
        with db.transaction() as session:
            view = indicator_views(session, plans(session)[0])[0]
            editing.set_progress(session, view.id, "2024Q1", {"text": "接管后可写"})
    finally:
        db.close()


def test_lock_released_on_close_lets_the_next_process_in(db_path: Path) -> None:
    first = open_plan_database(db_path)
    again = open_plan_database(db_path)  # the same process: shared, not a second writer
    first.close()
    assert lock.current_holder(db_path) is not None  # still held by `again`
    again.close()
    assert lock.current_holder(db_path) is None
    done = subprocess.run(
        [sys.executable, "-c", HOLDER.format(root=str(ROOT)), str(db_path)],
        input="",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.stdout.strip() == "open", done.stderr


def _write_holder(db_path: Path, pid: int, host: str | None = None) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock.lock_path(db_path).write_text(
        json.dumps(
            {"user": "小王", "host": host or socket.gethostname(), "pid": pid, "since": "x"}
        ),
        encoding="utf-8",
    )


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_stale_lock_text_with_a_free_os_lock_is_taken_over(db_path: Path) -> None:
    open_plan_database(db_path).close()
    # Written by a process that is still alive but holds no OS lock: only the OS lock counts.
    _write_holder(db_path, os.getppid())
    db = open_plan_database(db_path)
    db.close()
    assert db.took_over_from is not None and db.took_over_from.user == "小王"


def test_without_os_locks_the_text_decides(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a drive that refuses OS locks: a live holder on this host is respected, a dead
    one is stale, and one on another host is respected (it cannot be checked)."""
    open_plan_database(db_path).close()
    monkeypatch.setattr(lock, "_os_lock", lambda _handle: None)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _write_holder(db_path, sleeper.pid)
        with pytest.raises(KpiError) as caught:
            open_plan_database(db_path)
        assert caught.value.params["user"] == "小王"
    finally:
        sleeper.kill()
        sleeper.wait()
    _write_holder(db_path, 1, host="另一台电脑")
    with pytest.raises(KpiError):
        open_plan_database(db_path)
    _write_holder(db_path, _dead_pid())
    db = open_plan_database(db_path)
    db.close()
    assert db.took_over_from is not None


# --- files that misbehave ---------------------------------------------------------------------


def test_truncated_file_is_refused_untouched(db_path: Path) -> None:
    db = open_plan_database(db_path)
    with db.transaction() as session:
        view = indicator_views(session, plans(session)[0])[0]
        for n in range(200):  # enough pages that half the file cuts through tables
            editing.set_progress(session, view.id, "2024H1", {"text": f"第{n}次修改" * 20})
    db.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    cut = db_path.read_bytes()
    with pytest.raises(KpiError) as caught:
        open_plan_database(db_path)
    assert caught.value.code == "db.damaged"
    assert str(db_path) in caught.value.message() and "备份" in caught.value.message()
    assert db_path.read_bytes() == cut


def _make_read_only(path: Path) -> None:
    if os.geteuid() != 0:
        path.chmod(0o444)
        return
    # Root ignores permission bits; the immutable flag binds root too.
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: a read-only file cannot be simulated")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is not allowed here: {done.stderr.decode(errors='replace')}")


def _make_writable(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    path.chmod(0o644)


def test_read_only_file_is_refused_for_writing_and_opens_read_only(db_path: Path) -> None:
    open_plan_database(db_path).close()
    before = db_path.read_bytes()
    _make_read_only(db_path)
    try:
        with pytest.raises(KpiError) as caught:
            open_plan_database(db_path)
        assert caught.value.code == "db.file_read_only"
        assert caught.value.code in READ_ONLY_OFFER and "只读" in caught.value.message()
        viewer = open_plan_database(db_path, read_only=True)
        try:
            with viewer.read() as session:
                assert len(indicator_views(session, plans(session)[0])) == 53
        finally:
            viewer.close()
        assert db_path.read_bytes() == before
    finally:
        _make_writable(db_path)


def test_disk_full_during_an_import_rolls_back_whole(db_path: Path) -> None:
    db = open_plan_database(db_path)
    before = _dump_of(db_path)
    # The file may not grow past its present size: the disk is full.
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def _full_disk(connection: sqlite3.Connection, _record: object) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")

    source = editing.Source("imported", file="区商务局.xlsx", file_hash="h", unit="区商务局")
    try:
        with pytest.raises(KpiError) as caught, db.transaction() as session:
            for view in indicator_views(session, plans(session)[0]):
                editing.set_progress(session, view.id, "2024H1", {"text": "上半年" * 400}, source)
        assert caught.value.code == "db.disk_full"
        assert "磁盘空间不足" in caught.value.message() and "完好" in caught.value.message()
    finally:
        db.close()
    assert _dump_of(db_path) == before
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_backup_that_cannot_be_written_stops_the_import(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_source: Path, _destination: Path) -> Path:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "copy_database", full)
    with pytest.raises(KpiError) as caught:
        backup.make_backup(database.path, "before-import")
    assert caught.value.code == "backup.failed"
    assert "disk is full" in caught.value.message() and "-backups" in caught.value.message()


def test_path_with_chinese_and_spaces_works_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "区 政府办" / "2024 年 重点工作#1.sqlite"
    path.parent.mkdir()
    db = open_plan_database(path)
    try:
        with db.transaction() as session:
            view = indicator_views(session, plans(session)[0])[0]
            editing.set_progress(session, view.id, "2024Q1", {"text": "路径测试"})
        made = backup.make_backup(path, "before-import")
        assert made.parent.name == "2024 年 重点工作#1-backups"
    finally:
        db.close()
    viewer = open_plan_database(path, read_only=True)
    try:
        assert _first_text(viewer) == "路径测试"
    finally:
        viewer.close()


def test_command_line_refuses_a_held_file_with_the_holder_named(
    db_path: Path, holder: subprocess.Popen[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from kpi_desktop.cli import main

    # Writing commands are refused (reading ones such as dump open the file read-only).
    returned = db_path.with_name("区商务局.xlsx")
    assert main(["import", "--db", str(db_path), str(returned)]) == 2
    err = capsys.readouterr().err
    assert str(holder.pid) in err and "正由" in err and "Traceback" not in err
