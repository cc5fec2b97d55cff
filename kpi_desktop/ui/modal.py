"""Dialogs opened with exec() are deleted once closed.

A dialog built for one question and shown with `exec()` stays a child of its parent until
the parent goes — and with it any connection it made: a History dialog's model re-reads
the change log on every later edit. `modal(dialog)` hands the dialog back for `exec()` and
for reading its answers, and schedules its deletion when the block ends (Qt deletes it once
control is back in the event loop, so the answers can still be read inside the block).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


@contextmanager
def modal(dialog: D) -> Iterator[D]:
    try:
        yield dialog
    finally:
        dialog.deleteLater()


def ask(dialog: QDialog) -> int:
    """`dialog.exec()`, and the dialog deleted afterwards; its result code."""
    with modal(dialog):
        return dialog.exec()
