"""The clerk's messages, in Chinese and English, by code; and why the operating system refused
something, in her words.

Every message says what happened, where, and what to do next. A refusal (domain.errors.
KpiError) carries a code of this catalogue and the parameters its wording names.
"""

from __future__ import annotations

import errno

from kpi_desktop.domain.catalogue import calendar, checks, database, documents, notes, returns
from kpi_desktop.domain.language import zh_en

# Why the operating system refused, in the clerk's words, by errno (and Windows error code).
_OS_ERRORS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("磁盘空间不足", "the disk is full"),
    errno.EROFS: ("磁盘或共享文件夹是只读的", "the disk or share is read-only"),
    errno.EACCES: (
        "没有写入权限，或文件正被其他程序打开",
        "no permission, or another program has the file open",
    ),
    errno.EPERM: ("没有写入权限", "no permission"),
    errno.ENOENT: ("文件或文件夹不存在", "the file or folder does not exist"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    errno.ENOTDIR: ("路径中有一段不是文件夹", "part of the path is not a folder"),
    errno.EBUSY: ("文件正被其他程序占用", "another program is using the file"),
    errno.EIO: ("磁盘读写出错", "the disk failed to read or write"),
    errno.ENAMETOOLONG: ("文件名或路径太长", "the file name or path is too long"),
    errno.EDQUOT: ("磁盘配额已用完", "the disk quota is used up"),
}
_WINDOWS_ERRORS: dict[int, tuple[str, str]] = {
    32: (
        "文件正被其他程序打开（例如 Excel 或 WPS）",
        "another program has the file open (Excel or WPS?)",
    ),
    33: ("文件的一部分被其他程序锁定", "another program has locked part of the file"),
    112: ("磁盘空间不足", "the disk is full"),
    53: ("找不到网络路径，网络盘可能已断开", "the network path is gone (a network drive lost?)"),
    64: ("网络连接已断开", "the network connection was lost"),
}


def os_error_text(error: OSError) -> str:
    """Why an operating-system call failed, as a phrase for a message (never "[Errno 28]")."""
    winerror = getattr(error, "winerror", None)
    known = _WINDOWS_ERRORS.get(winerror) if winerror else None
    known = known or _OS_ERRORS.get(error.errno or 0)
    if known is not None:
        return zh_en(*known)
    return error.strerror or type(error).__name__


MESSAGES: dict[str, tuple[str, str]] = {
    **documents.MESSAGES,
    **database.MESSAGES,
    **returns.MESSAGES,
    **checks.MESSAGES,
    **notes.MESSAGES,
    **calendar.MESSAGES,
}
