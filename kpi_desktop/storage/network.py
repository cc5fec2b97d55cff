"""Whether a database file lies on a network file system (an SMB/CIFS share, NFS, …).

SQLite's WAL mode keeps its index in shared memory (the `-shm` file, mapped by every process
that opens the database), which processes on different computers cannot share: on a network
folder WAL can lose or corrupt data. There the program uses SQLite's rollback journal
(`journal_mode=DELETE`), whose locks go through the file system, together with the writer lock
it takes on every file (storage.lock) — see storage.engine. This module only tells where the
file is:

- Linux: the file system type of the mount holding the file, from /proc/self/mountinfo (the
  longest mount point the resolved path lies under);
- Windows: a UNC path (\\\\server\\share\\…) or a drive letter the system reports as a network
  drive (`GetDriveTypeW` = DRIVE_REMOTE);
- elsewhere (macOS): `statfs`'s f_fstypename is not in Python's standard library, so the
  type is not known and the file is treated as local.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path, PureWindowsPath

log = logging.getLogger(__name__)

# File system types (as Linux names them) whose files other computers reach over a network.
NETWORK_TYPES = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "afs",
        "9p",
        "ncpfs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "ocfs2",
        "davfs",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.smbnetfs",
        "fuse.cifs",
    }
)
WINDOWS_NETWORK = "windows-network-drive"
_DRIVE_REMOTE = 4


def _unescape(field: str) -> str:
    """mountinfo writes a space, tab, newline and backslash in a path as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def mount_types(mountinfo: str) -> list[tuple[str, str]]:
    """(mount point, file system type) of every line of a /proc/<pid>/mountinfo text."""
    mounts = []
    for line in mountinfo.splitlines():
        left, separator, right = line.partition(" - ")
        fields = left.split()
        if not separator or len(fields) < 5 or not right.split():
            continue
        mounts.append((_unescape(fields[4]), right.split()[0]))
    return mounts


def type_of(path: Path | str, mounts: list[tuple[str, str]]) -> str | None:
    """The type of the mount holding `path` (absolute, resolved), from `mount_types`."""
    target = str(path)
    best: tuple[int, str] | None = None
    for point, kind in mounts:
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), kind)  # the later of two mounts on one point hides the earlier
    return best[1] if best else None


def windows_network(path: str, drive_type: int | None) -> bool:
    """A UNC path, or a drive letter the system says is remote (`drive_type` of its root)."""
    pure = PureWindowsPath(path)
    if pure.drive.startswith("\\\\") or path.startswith("\\\\"):
        return True
    return drive_type == _DRIVE_REMOTE


def network_file_system(path: Path | str) -> str | None:
    """The network file system `path` lies on (its type, e.g. "cifs", "nfs4"), or None for a
    local disk or where it cannot be told."""
    where = Path(path)
    try:
        folder = (where if where.is_dir() else where.parent).resolve()
    except OSError:
        return None
    if sys.platform == "win32":
        drive_type = None
        drive = PureWindowsPath(str(folder)).drive
        if drive and not drive.startswith("\\\\"):
            import ctypes

            drive_type = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
        return WINDOWS_NETWORK if windows_network(str(folder), drive_type) else None
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as handle:
            mounts = mount_types(handle.read())
    except OSError:
        return None
    kind = type_of(folder, mounts)
    if kind in NETWORK_TYPES:
        log.info("%s is on a network file system (%s)", path, kind)
        return kind
    return None
