"""One writer per database file: a lock file beside it, held with an operating-system lock.

SQLite itself keeps two writers from corrupting the file, but not from overwriting each
other's work: two windows on one file would each show, and save, their own stale view. So the
program that opens a file for writing takes `<file>.lock`:

- the operating system's exclusive lock on it (`fcntl.flock` on Linux and macOS, a byte-range
  `msvcrt.locking` on Windows), which the system drops by itself when the process ends, however
  it ends: a lock left by a crash or a power cut is never mistaken for a live one;
- and in its text, who holds it (user, host, process id, since when), so that the second
  instance can say who is working on the file.

Where the operating system cannot lock that file (some network drives), the text alone decides:
a holder on this host whose process is gone is stale and taken over; any other holder is
respected. The file is left in place when released (emptied), never deleted, so every process
always locks the same file.

Inside one process the lock is shared: a second `Database` on the same file in the same process
(a command run from a test, an export while the window is open) is no second writer.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import logging
import os
import socket
import sys
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, ClassVar

log = logging.getLogger(__name__)

# Windows locks a byte range; one far past the text keeps the text readable by others.
_WINDOWS_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or held) a database for writing."""

    user: str
    host: str
    pid: int
    since: str  # local time, ISO format, as the holder wrote it

    @classmethod
    def me(cls) -> LockHolder:
        try:
            user = getpass.getuser()
        except (OSError, KeyError, ImportError):
            user = "?"
        return cls(
            user=user,
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now().isoformat(timespec="seconds"),
        )

    @classmethod
    def parse(cls, raw: str) -> LockHolder | None:
        try:
            data = json.loads(raw)
            return cls(
                user=str(data["user"]),
                host=str(data["host"]),
                pid=int(data["pid"]),
                since=str(data["since"]),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def is_alive_here(self) -> bool | None:
        """Whether the holder's process still runs; None when it is on another host."""
        if self.host != socket.gethostname():
            return None
        return _process_exists(self.pid)


def _process_exists(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class LockBusy(Exception):
    """The database is held for writing by someone else."""

    def __init__(self, holder: LockHolder | None) -> None:
        super().__init__("busy")
        self.holder = holder


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _os_lock(handle: IO[bytes]) -> bool | None:
    """Take the OS lock without waiting: True taken, False held elsewhere, None unsupported."""
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        log.warning("cannot lock %s (%s); relying on its text", handle.name, error)
        return None
    return True


def _os_unlock(handle: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            handle.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _read_text(handle: IO[bytes]) -> str:
    handle.seek(0)
    return handle.read(4096).decode("utf-8", errors="replace").strip("\x00 \r\n\t")


class WriterLock:
    """The held lock of one database file in this process (shared by its `Database`s)."""

    _held: ClassVar[dict[Path, WriterLock]] = {}
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: Path, handle: IO[bytes], previous: LockHolder | None) -> None:
        self.path = path
        self._handle = handle
        self._users = 1
        # A holder found in the file when the lock was free: a crashed or killed program.
        self.took_over_from = previous

    @classmethod
    def acquire(cls, database: Path) -> WriterLock:
        """Take the writer's lock of `database` or raise LockBusy naming who holds it."""
        path = lock_path(database).resolve()
        with cls._guard:
            held = cls._held.get(path)
            if held is not None:
                held._users += 1
                return held
            handle = open(path, "a+b")  # noqa: SIM115 - kept open while the lock is held
            try:
                taken = _os_lock(handle)
                text = _read_text(handle)
                previous = LockHolder.parse(text) if text else None
                if taken is False:
                    raise LockBusy(previous)
                if taken is None and previous is not None and previous.is_alive_here() is not False:
                    raise LockBusy(previous)
                if previous is not None:
                    log.warning("taking over a stale lock on %s left by %s", database, previous)
                handle.seek(0)
                handle.truncate()
                handle.write(json.dumps(asdict(LockHolder.me()), ensure_ascii=False).encode())
                handle.flush()
                os.fsync(handle.fileno())
            except BaseException:
                _os_unlock(handle)
                handle.close()
                raise
            lock = cls(path, handle, previous)
            cls._held[path] = lock
            return lock

    def release(self) -> None:
        with self._guard:
            self._users -= 1
            if self._users > 0:
                return
            self._held.pop(self.path, None)
            # Emptied, not deleted: a file removed while another process waits on it would
            # let the next one lock a different file.
            with contextlib.suppress(OSError):
                self._handle.seek(0)
                self._handle.truncate()
                self._handle.flush()
            _os_unlock(self._handle)
            self._handle.close()


def current_holder(database: Path) -> LockHolder | None:
    """Who holds `database` for writing right now, as its lock file says (None: nobody)."""
    path = lock_path(database)
    if not path.exists():
        return None
    with open(path, "a+b") as handle:
        taken = _os_lock(handle)
        text = _read_text(handle)
        if taken:
            _os_unlock(handle)
            return None
    return LockHolder.parse(text) if text else None
