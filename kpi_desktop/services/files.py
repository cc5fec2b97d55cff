"""Writing the files the clerk asks for (summary tables, templates, chase lists): complete or
not at all.

A file is built in memory, written beside its destination under a temporary name, flushed to
the disk and only then moved into place, so a full disk, a lost network drive or a crash never
leaves half a PDF where the clerk will look for it — and never replaces a good earlier copy
with a broken one. Every failure is a `KpiError` saying what stopped it in her words.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from kpi_desktop.domain.errors import KpiError, os_error_text
from kpi_desktop.domain.text import file_label

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def check_folder(target: Path, code: str) -> None:
    """Refuse a destination whose folder does not exist: a mistyped folder is not created, or
    the file would end up where the clerk never looks. `code` is the refusal's message."""
    if not target.parent.is_dir():
        raise KpiError(code, path=file_label(target), folder=file_label(target.parent))


def write_atomically(target: Path | str, data: bytes, code: str) -> None:
    """Write `data` to `target` whole, or leave `target` as it was. A failure is the
    KpiError `code` with `path` and `detail` (why, in the clerk's language)."""
    target = Path(target)
    partial: str | None = None
    try:
        # Made like any new file (the umask applies), under a name no one else uses.
        partial = str(target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial"))
        handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if os.path.getsize(partial) != len(data):
            raise OSError(errno.EIO, "the file on disk is shorter than what was written")
        os.replace(partial, target)
        partial = None
    except OSError as error:
        raise KpiError(code, path=file_label(target), detail=os_error_text(error)) from error
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
