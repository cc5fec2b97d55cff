"""A full disk, a read-only folder or mount, no permission: each told as what it is, never as
a damaged file, and none leaving a half-written file behind.

The disk is a real one: a small tmpfs mounted for the test (as root, as CI runs), filled or
remounted read-only. Where mounting is not allowed the test is skipped and says so."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from excel_support import H1, fill_template

from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.storage.faults import LOW_SPACE, disk_refusal, sqlite_refusal

DAMAGED_WORDS = ("已损坏", "从备份恢复")


class SmallDisk:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fill(self, leave: int = 8 * 1024) -> None:
        """Fill the disk but for about `leave` bytes."""
        free = shutil.disk_usage(self.path).free
        with (self.path / "filler").open("wb") as handle, contextlib.suppress(OSError):
            handle.write(b"\0" * max(free - leave, 0))

    def empty(self) -> None:
        (self.path / "filler").unlink(missing_ok=True)

    def read_only(self, on: bool) -> None:
        mode = "remount,ro" if on else "remount,rw"
        subprocess.run(["mount", "-o", mode, str(self.path)], check=True, capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small disk needs Linux and root (CI runs as root)")
    point = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(point)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not allowed here: {done.stderr.strip()}")
    try:
        yield SmallDisk(point)
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANGUAGE": "zh_CN", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "kpi_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=180,
    )


def _return(folder: Path, db: Path) -> Path:
    database = open_plan_database(db)
    try:
        with database.read() as session:
            template = export_template(session, H1, folder / "t.xlsx", "区商务局").path
    finally:
        database.close()
    return fill_template(template, folder / "区商务局.xlsx", {3: "上半年完成5亿美元。"})


def test_a_full_disk_is_told_as_such_and_changes_nothing(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    db = small_disk.path / "kpi.sqlite"
    ret = _return(tmp_path, db)
    before = db.read_bytes()
    for leftover in small_disk.path.glob("kpi.sqlite-*"):
        if leftover.is_file():
            leftover.unlink()
    small_disk.fill()
    for args in (["import", "--db", str(db), str(ret)], ["dump", "--db", str(db)]):
        done = cli(*args)
        assert done.returncode == 2, done.stderr
        assert "磁盘空间不足" in done.stderr, done.stderr
        assert not any(word in done.stderr for word in DAMAGED_WORDS), done.stderr
        assert "Traceback" not in done.stderr
    small_disk.empty()
    assert db.read_bytes() == before
    assert cli("dump", "--db", str(db)).returncode == 0


def test_exports_to_a_full_disk_leave_nothing_half_written(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    db = tmp_path / "kpi.sqlite"
    assert cli("dump", "--db", str(db)).returncode == 0
    old = small_disk.path / "汇总表.pdf"
    old.write_bytes(b"%PDF-1.4 an earlier, complete table")
    small_disk.fill(leave=4 * 1024)
    outputs = {
        "export-summary": ["--period", "2024Q1", "-o", str(old)],
        "export-summary ": ["--period", "2024Q1", "-o", str(small_disk.path / "汇总表.xlsx")],
        "export-template": ["--period", "2024H1", "-o", str(small_disk.path / "模板.xlsx")],
    }
    for command, args in outputs.items():
        done = cli(command.strip(), "--db", str(db), *args)
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert "磁盘空间不足" in done.stderr and "原有文件未被改动" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
        assert "已导出" not in done.stdout
    assert old.read_bytes() == b"%PDF-1.4 an earlier, complete table"
    assert sorted(p.name for p in small_disk.path.iterdir()) == ["filler", "汇总表.pdf"]
    # The JSON of `dump` sent to the full disk: one sentence, nothing after it.
    with (small_disk.path / "d.json").open("w") as output:
        piped = subprocess.run(
            [sys.executable, "-m", "kpi_desktop", "dump", "--db", str(db)],
            stdout=output,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "LANGUAGE": "zh_CN"},
            timeout=180,
        )
    assert piped.returncode == 1 and "磁盘空间不足" in piped.stderr, piped.stderr
    assert "Traceback" not in piped.stderr and "Exception ignored" not in piped.stderr


def test_a_database_on_a_read_only_disk_can_be_read(small_disk: SmallDisk, tmp_path: Path) -> None:
    db = small_disk.path / "kpi.sqlite"
    ret = _return(tmp_path, db)
    assert cli("import", "--db", str(db), str(ret)).returncode == 0
    small_disk.read_only(True)
    try:
        dump = cli("dump", "--db", str(db))
        assert dump.returncode == 0, dump.stderr
        assert "上半年完成5亿美元。" in dump.stdout
        pdf = tmp_path / "汇总表.pdf"
        done = cli("export-summary", "--db", str(db), "--period", "2024H1", "-o", str(pdf))
        assert done.returncode == 0, done.stderr
        assert pdf.read_bytes().startswith(b"%PDF")
        dry = cli("import", "--db", str(db), "--dry-run", str(ret))
        assert dry.returncode == 0 and "试运行" in dry.stdout, dry.stderr
        write = cli("import", "--db", str(db), str(ret))
        assert write.returncode == 2 and "不可写" in write.stderr, write.stderr
        assert not any(word in write.stderr for word in DAMAGED_WORDS)
        assert sorted(p.name for p in small_disk.path.iterdir() if p.is_file()) == [
            "kpi.sqlite",
            "kpi.sqlite.lock",
        ], "reading created nothing on the read-only disk"
        # The window opens such a file read-only too.
        database = open_plan_database(db, read_only=True)
        try:
            assert database.read_only
        finally:
            database.close()
    finally:
        small_disk.read_only(False)


def test_damage_is_said_only_when_sqlite_says_so(tmp_path: Path) -> None:
    import sqlite3

    def error(message: str, code: int) -> sqlite3.Error:
        failure = sqlite3.OperationalError(message)
        failure.sqlite_errorcode = code  # type: ignore[attr-defined]
        return failure

    where = tmp_path / "kpi.sqlite"
    assert sqlite_refusal(error("database disk image is malformed", 11), where).code == "db.damaged"  # type: ignore[union-attr]
    assert sqlite_refusal(error("file is not a database", 26), where).code == "db.damaged"  # type: ignore[union-attr]
    assert sqlite_refusal(error("database or disk is full", 13), where).code == "db.disk_full"  # type: ignore[union-attr]
    # A disk I/O error in a writable folder with space left is a disk problem, not damage.
    io = sqlite_refusal(error("disk I/O error", 10 | (15 << 8)), where, opening=True)
    assert io is not None and io.code == "db.io_error_open"
    assert "损坏" in io.message() and "不是数据库损坏" in io.message()
    assert sqlite_refusal(error("no such table: plan", 1), where) is None
    assert LOW_SPACE > 32 * 1024
    assert disk_refusal(where, "x").code == "db.io_error"
