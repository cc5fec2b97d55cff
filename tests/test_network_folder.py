"""A database file on a network folder: told apart from a local disk, and kept in SQLite's
rollback-journal mode there (WAL needs shared memory that computers on a network do not share).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.storage import network

MOUNTINFO = r"""22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 27 0:45 / /mnt/督查科\040共享 rw,relatime shared:20 - cifs //fileserver/ducha rw,vers=3.1.1
41 40 0:46 / /mnt/督查科\040共享/归档 rw,relatime - ext4 /dev/sdb1 rw
42 27 0:47 / /home/clerk/nfs rw,relatime - nfs4 srv:/export/kpi rw,vers=4.2
43 27 0:48 / /media/box rw - fuse.sshfs clerk@box:/data rw
44 27 0:49 / /tmp rw - tmpfs tmpfs rw
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/督查科 共享/kpi.sqlite", "cifs"),
        ("/mnt/督查科 共享/2024/kpi.sqlite", "cifs"),
        ("/mnt/督查科 共享/归档/kpi.sqlite", "ext4"),  # a local disk mounted inside the share
        ("/mnt/督查科 共享x/kpi.sqlite", "ext4"),  # a name that only begins like the share
        ("/home/clerk/nfs/kpi.sqlite", "nfs4"),
        ("/media/box/kpi.sqlite", "fuse.sshfs"),
        ("/home/clerk/kpi.sqlite", "ext4"),
        ("/tmp/kpi.sqlite", "tmpfs"),
    ],
)
def test_the_mount_holding_a_file_is_found(path: str, kind: str) -> None:
    assert network.type_of(path, network.mount_types(MOUNTINFO)) == kind


def test_which_types_are_network_ones() -> None:
    for kind in ("cifs", "smb3", "nfs", "nfs4", "fuse.sshfs", "9p"):
        assert kind in network.NETWORK_TYPES
    for kind in ("ext4", "xfs", "btrfs", "tmpfs", "overlay", "ntfs3", "vfat", "fuse.ntfs-3g"):
        assert kind not in network.NETWORK_TYPES


@pytest.mark.parametrize(
    ("path", "drive_type", "remote"),
    [
        (r"\\fileserver\ducha\kpi.sqlite", None, True),
        (r"\\?\UNC\fileserver\ducha\kpi.sqlite", None, True),
        (r"Z:\督查\kpi.sqlite", 4, True),  # a mapped network drive (DRIVE_REMOTE)
        (r"C:\Users\clerk\kpi.sqlite", 3, False),  # DRIVE_FIXED
        (r"E:\kpi.sqlite", 2, False),  # DRIVE_REMOVABLE: a USB stick is local
    ],
)
def test_windows_network_paths(path: str, drive_type: int | None, remote: bool) -> None:
    assert network.windows_network(path, drive_type) is remote


def test_this_machines_temporary_folder_is_local(tmp_path: Path) -> None:
    # Read from the real /proc/self/mountinfo: the test folder is on a local disk here.
    assert network.network_file_system(tmp_path / "kpi.sqlite") is None


def _journal(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        connection.close()


@pytest.fixture
def on_a_share(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file taken for one on an SMB share."""
    monkeypatch.setattr(network, "network_file_system", lambda _path: "cifs")


def test_a_new_file_on_a_share_uses_the_rollback_journal(db_path: Path, on_a_share: None) -> None:
    database = open_plan_database(db_path)
    try:
        assert database.network_fs == "cifs"
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        from kpi_desktop.services import editing

        with database.transaction() as session:
            editing.set_progress_text(session, 2024, 3, "2024H1", "网络盘上的修改", expect="")
        assert not Path(f"{db_path}-wal").exists() and not Path(f"{db_path}-shm").exists()
        assert database.writer_lock is not None  # the one-writer lock is taken as everywhere
    finally:
        database.close()
    assert _journal(db_path) == "delete"


def test_a_wal_file_moved_onto_a_share_is_switched(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_plan_database(db_path).close()
    assert _journal(db_path) == "wal"  # made on a local disk
    monkeypatch.setattr(network, "network_file_system", lambda _path: "nfs4")
    database = open_plan_database(db_path)
    database.close()
    assert _journal(db_path) == "delete"


def test_a_wal_file_another_computer_holds_open_is_refused(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_plan_database(db_path).close()
    # Another program reading the file in WAL mode (as the other computer would) keeps it
    # from leaving that mode.
    other = sqlite3.connect(db_path)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM indicator").fetchall()
    monkeypatch.setattr(network, "network_file_system", lambda _path: "cifs")
    try:
        with pytest.raises(KpiError) as caught:
            open_plan_database(db_path)
    finally:
        other.close()
    assert caught.value.code == "db.network_wal"
    assert "网络共享文件夹" in caught.value.message()
    assert _journal(db_path) == "wal"  # left as it was
