"""A guard against a reference-counting fault of PySide6 6.12 on Python 3.11.

On Python 3.11 every call of a Qt method returning nothing (QPainter.drawRect,
QTextLine.setPosition…) takes one reference from `None` without having given it one. Python
3.12 made `None` immortal, so there it is harmless; on 3.11 a few thousand such calls bring the
count to zero and the interpreter aborts ("none_dealloc"), losing the print. Long loops of Qt
calls (a table of thousands of rows, a chart of every indicator) call `keep_none_alive()` now
and then, which gives `None` back the references the bindings took.

The references are added to the count itself rather than held in a list: a list would give
them back when the interpreter shuts down, and the count would then reach zero after all.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_FLOOR = 1 << 20
_NEEDED = sys.version_info < (3, 12) and platform.python_implementation() == "CPython"


def keep_none_alive() -> None:
    if not _NEEDED:
        return
    # Methods returning a bool take from True and False the same way.
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < _FLOOR:
            # ob_refcnt is the first field of every CPython object.
            count = ctypes.c_ssize_t.from_address(id(singleton))
            count.value += 2 * _FLOOR
