"""Running a piece of work off the GUI thread and getting its result back on it.

`run_in_background(owner, work, done, failed)` runs `work()` on Qt's global thread pool and
calls `done(result)` or `failed(error)` on the GUI thread. The work must not touch widgets,
and opens its own database session (a session belongs to the thread that made it).

The relay that carries the answer back is a child of `owner`: when the owner is gone before
the work ends (the clerk closed the dialog), the answer is dropped instead of reaching a
deleted widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; its signals, emitted from a worker, arrive queued there."""

    succeeded = Signal(object)
    raised = Signal(object)

    def __init__(
        self,
        owner: QObject,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(owner)
        self._done = done
        self._failed = failed
        self.succeeded.connect(self._deliver_result)
        self.raised.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self.deleteLater()
        self._done(result)

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        self.deleteLater()
        self._failed(error)


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
) -> None:
    """Start `work` on a pool thread; `done`/`failed` are called on the GUI thread."""
    relay = _Relay(owner, done, failed)

    def job() -> None:
        try:
            result = work()
        except Exception as error:  # reported to the GUI thread, which decides what to show
            log.debug("background work failed", exc_info=True)
            _emit(relay, "raised", error)
        else:
            _emit(relay, "succeeded", result)

    QThreadPool.globalInstance().start(job)


def _emit(relay: _Relay, name: str, value: object) -> None:
    try:
        getattr(relay, name).emit(value)
    except RuntimeError:
        # The relay's owner was deleted while the work ran: nobody is waiting for the answer.
        log.debug("background answer dropped: its window is gone")
