"""What went wrong with the disk or the file, told truly.

SQLite reports a full disk, a folder nobody may write to and a read-only share in many ways
(SQLITE_FULL, but also SQLITE_IOERR or SQLITE_CANTOPEN when the `-shm` file cannot be made).
Telling the clerk her file is damaged when it is not would send her to restore a backup and
throw away every edit since. So a file is called damaged only when SQLite says the content is
(SQLITE_CORRUPT, SQLITE_NOTADB) or `PRAGMA quick_check` finds problems; any other failure of
the disk is looked at where it happened — free space, a read-only mount, permissions — and
named as what it is.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from kpi_desktop.domain.errors import KpiError, os_error_text, zh_en

# SQLite's primary result codes (the low byte of `sqlite_errorcode`).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = (
    3,
    5,
    6,
    8,
    10,
    11,
    13,
    14,
    26,
)
# Below this much free space a failed write is taken for a full disk (SQLite needs a few
# pages and a 32 KB shared-memory file to go on).
LOW_SPACE = 4 * 1024 * 1024


def _primary(error: BaseException | None) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(error: BaseException | None) -> bool:
    """Whether SQLite itself says the file's content is broken."""
    text = str(error).lower()
    primary = _primary(error)
    damaged = primary is not None and primary in (_CORRUPT, _NOTADB)
    return damaged or "malformed" in text or "not a database" in text


def disk_refusal(path: Path | str, detail: str, *, opening: bool = False) -> KpiError:
    """The refusal for a failed read or write of the database at `path` whose cause is the
    disk or the folder: full, read-only, not permitted, or a plain input/output error.
    `opening`: it happened while the file was being opened, not while a change was saved."""
    folder = Path(path).parent
    try:
        if shutil.disk_usage(folder).free < LOW_SPACE:
            return KpiError("db.disk_full_open" if opening else "db.disk_full", path=str(path))
    except OSError:
        pass
    read_only_mount = False
    if hasattr(os, "statvfs"):
        try:
            read_only_mount = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
        except OSError:
            read_only_mount = False
    if read_only_mount:
        why = zh_en("磁盘或共享文件夹是只读的", "the disk or share is read-only")
        return KpiError("db.read_only", path=str(path), detail=why)
    target = Path(path)
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        why = zh_en("没有写入该文件或文件夹的权限", "no permission to write the file or its folder")
        return KpiError("db.read_only", path=str(path), detail=why)
    return KpiError("db.io_error_open" if opening else "db.io_error", path=str(path), detail=detail)


def sqlite_refusal(
    error: BaseException | None, path: Path | str, *, opening: bool = False
) -> KpiError | None:
    """The refusal the clerk sees for an error SQLite raised on the file at `path`; None for
    an error that is not about the file or the disk (the caller lets it through)."""
    detail = str(error)
    lowered = detail.lower()
    primary = _primary(error)
    if is_damage(error):
        return KpiError("db.damaged", path=str(path), detail=detail)
    if primary == _FULL or "disk is full" in lowered or "no space left" in lowered:
        return KpiError("db.disk_full_open" if opening else "db.disk_full", path=str(path))
    if primary in (_BUSY, _LOCKED) or (primary is None and ("locked" in lowered)):
        return KpiError("db.busy", path=str(path))
    disk_words = ("disk i/o", "readonly", "read-only", "unable to open", "could not extend")
    if primary in (_IOERR, _CANTOPEN, _READONLY, _PERM) or any(w in lowered for w in disk_words):
        return disk_refusal(path, detail, opening=opening)
    return None


def why_not_written(error: BaseException, folder: Path) -> str:
    """Why a copy or a file could not be written into `folder`, as a phrase for a message."""
    try:
        if shutil.disk_usage(folder if folder.exists() else folder.parent).free < LOW_SPACE:
            return zh_en("磁盘空间不足", "the disk is full")
    except OSError:
        pass
    if isinstance(error, OSError):
        return os_error_text(error)
    refusal = sqlite_refusal(error, folder / "x")
    if refusal is not None and refusal.code == "db.read_only":
        return str(refusal.params.get("detail", ""))
    return str(error)
