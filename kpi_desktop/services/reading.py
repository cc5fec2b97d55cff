"""Reading many returned files at once, in worker processes.

Reading a workbook (unzipping, the guard's XML walk, calamine) keeps one core busy while the
others wait, so for many returns `ReturnReader` hands the files to worker processes the moment
it is made: the caller meanwhile does its own start-up (importing the database layer, opening
the file), and `results()` gives back, in the order of the paths, each file's `ReturnTable` or
the `KpiError` that refused it — exactly what `services.returns.read_return` gives in this
process.

Workers are fresh processes ("spawn" on every platform, as Windows requires), import only
`services.returns` and what it needs, and stop once the results are in. On a one-core machine,
or when the pool cannot start or breaks (a worker killed by the system), the files without a
result are read in this process instead: the outcome is the same, only slower.

A program started from a frozen build must call `multiprocessing.freeze_support()` first
(`packaging/launcher.py` does).
"""

from __future__ import annotations

import contextlib
import logging
import math
import multiprocessing
import multiprocessing.process
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import TracebackType

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services.returns import (
    DEFAULT_LIMITS,
    ColumnChoice,
    Limits,
    ReturnTable,
    read_return,
)

log = logging.getLogger(__name__)

Outcome = ReturnTable | KpiError

# One worker per this many files, at most MAX_WORKERS, and one core left for the caller. A
# return takes about 3 ms to read and a worker about 0.2 s of a core to start (a fresh
# interpreter importing the readers), so fewer files than this are read here, quicker.
FILES_PER_WORKER = 80
MAX_WORKERS = 4


def worker_count(files: int, cpus: int | None = None) -> int:
    """How many worker processes reading `files` files should use (0: read in this process)."""
    if cpus is None:
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        cpus = cpus or 1
    if files < FILES_PER_WORKER or cpus < 2:
        return 0
    return max(1, min(cpus - 1, MAX_WORKERS, math.ceil(files / FILES_PER_WORKER)))


def _start_worker() -> None:
    """A worker reads cells as text and never needs numpy, which openpyxl imports when it can
    (a tenth of a second of a worker's start): keep it out. And it ends with the process that
    started it, however that one ended (killed, closed from the Task Manager): otherwise it
    waits for work forever, holding the caller's output open."""
    sys.modules.setdefault("numpy", None)  # type: ignore[arg-type]
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), name="parent", daemon=True).start()


def _end_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns once the parent process has ended
    os._exit(1)


@contextlib.contextmanager
def _workers_ignore_interrupts() -> Iterator[None]:
    """Workers started inside this block ignore Ctrl+C (they inherit the ignored signal on
    POSIX); the caller gets it, stops taking results and lets them finish the file at hand,
    instead of every worker printing a traceback of its own."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def read_one(
    path: Path | str, limits: Limits = DEFAULT_LIMITS, choice: ColumnChoice | None = None
) -> Outcome:
    """One file's table, or the refusal as a value (it crosses a process boundary). `choice`
    is the clerk's reading of the columns, where given."""
    try:
        return read_return(path, limits, choice=choice)
    except KpiError as error:
        return error


class ReturnReader:
    """Reads `paths` in the background from the moment it is made; use as a context manager
    so the workers stop even when the caller gives up half-way."""

    def __init__(
        self,
        paths: Iterable[Path | str],
        limits: Limits = DEFAULT_LIMITS,
        *,
        workers: int | None = None,
        choice: ColumnChoice | None = None,
    ) -> None:
        self.paths: list[Path] = [Path(p) for p in paths]
        self.limits = limits
        self.choice = choice
        count = worker_count(len(self.paths)) if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[Outcome]] = []
        if count > 0:
            try:
                with _workers_ignore_interrupts():
                    self._pool = ProcessPoolExecutor(
                        max_workers=count,
                        mp_context=multiprocessing.get_context("spawn"),
                        initializer=_start_worker,
                    )
                    self._futures = [
                        self._pool.submit(read_one, p, limits, choice) for p in self.paths
                    ]
            except (OSError, RuntimeError, BrokenProcessPool) as error:
                log.warning("reading in this process: worker processes did not start (%s)", error)
                self.close()

    @property
    def parallel(self) -> bool:
        return bool(self._futures)

    def results(self) -> list[Outcome]:
        """Each path's table or refusal, in order; waits for the workers."""
        if not self._futures:
            return [read_one(p, self.limits, self.choice) for p in self.paths]
        outcomes: list[Outcome] = []
        for path, future in zip(self.paths, self._futures, strict=True):
            try:
                outcomes.append(future.result())
            except BrokenProcessPool as error:
                log.warning("reading %s in this process: the worker stopped (%s)", path, error)
                outcomes.append(read_one(path, self.limits, self.choice))
        self.close()
        return outcomes

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures = []

    def __enter__(self) -> ReturnReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
