"""Running a piece of work off the GUI thread and getting its result back on it.

`run_in_background(owner, work, done, failed, progress)` runs `work(report)` on Qt's global
thread pool and calls `done(result)` or `failed(error)` on the GUI thread; `report(value)`,
called by the work as it goes, reaches `progress(value)` there. The work must not touch
widgets, and opens its own database session (a session belongs to the thread that made it).

The worker touches one Qt object only: the relay that carries its answers back. The relay
is a child of the application, not of `owner`, so that it cannot be deleted while the worker
emits through it (a dialog the clerk closes mid-read is deleted on the GUI thread at any
moment); it deletes itself once the answer is delivered. An answer whose owner is gone by
then is dropped, instead of reaching a deleted widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Report = Callable[[object], None]


class _Relay(QObject):
    """Lives on the GUI thread; its signals, emitted from a worker, arrive queued there."""

    succeeded = Signal(object)
    raised = Signal(object)
    progressed = Signal(object)

    def __init__(
        self,
        owner: QObject,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        progress: Callable[[Any], None] | None,
    ) -> None:
        super().__init__(QCoreApplication.instance())
        self._owner = owner
        self._done, self._failed, self._progress = done, failed, progress
        self.succeeded.connect(self._deliver_result)
        self.raised.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    def _owner_alive(self) -> bool:
        return shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_progress(self, value: Any) -> None:
        if self._progress is not None and self._owner_alive():
            self._progress(value)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self.deleteLater()
        if self._owner_alive():
            self._done(result)
        else:
            log.debug("background answer dropped: its window is gone")

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        self.deleteLater()
        if self._owner_alive():
            self._failed(error)
        else:
            log.debug("background failure dropped: its window is gone", exc_info=error)


def run_in_background(
    owner: QObject,
    work: Callable[[Report], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    progress: Callable[[Any], None] | None = None,
) -> None:
    """Start `work(report)` on a pool thread; `done`/`failed`/`progress` run on the GUI
    thread, and only while `owner` exists."""
    relay = _Relay(owner, done, failed, progress)

    def job() -> None:
        try:
            result = work(relay.progressed.emit)
        except Exception as error:  # reported to the GUI thread, which decides what to show
            log.debug("background work failed", exc_info=True)
            relay.raised.emit(error)
        else:
            relay.succeeded.emit(result)

    QThreadPool.globalInstance().start(job)
