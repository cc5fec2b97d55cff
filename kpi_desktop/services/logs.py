"""Logging to a rotating file in the platform's log folder, never to the clerk's console."""

from __future__ import annotations

import logging
from pathlib import Path

from kpi_desktop.services.paths import log_folder

LOG_FILE = "kpi-desktop.log"


def log_file(folder: Path | None = None) -> Path:
    """Where `configure_logging` sends the records."""
    return (folder or log_folder()) / LOG_FILE


class _Held(logging.Handler):
    """Records made before `configure_logging`, kept for the log file."""

    LIMIT = 1000

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.LIMIT:
            self.records.append(record)


def hold_records() -> None:
    """Keep what is logged until `configure_logging` writes it to the file: the window
    configures logging only after its first paint, and what happens before must not be lost.
    (Cheap: the file handler's module is what costs.)"""
    root = logging.getLogger()
    if not logging_configured() and not any(isinstance(h, _Held) for h in root.handlers):
        root.setLevel(logging.INFO)
        root.addHandler(_Held())


def logging_configured() -> bool:
    return any(getattr(h, "_kpi_desktop", False) for h in logging.getLogger().handlers)


def configure_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send log records to `folder`/kpi-desktop.log (rotated at 1 MB, five kept).

    Returns the log file, or None when no folder could be written; records are then dropped
    rather than printed, so a refusal on the command line stays one clear sentence."""
    root = logging.getLogger()
    root.setLevel(level)
    for old in list(root.handlers):
        if getattr(old, "_kpi_desktop", False):
            root.removeHandler(old)
    # Imported here: it brings socket, pickle and queue, which the window's first paint can
    # do without (the window configures logging right after it).
    from logging.handlers import RotatingFileHandler

    target = log_file(folder)
    handler: logging.Handler
    written: Path | None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        written = target
    except OSError:
        handler, written = logging.NullHandler(), None
    setattr(handler, "_kpi_desktop", True)  # noqa: B010 - a mark on a stdlib object
    root.addHandler(handler)
    for held in [h for h in root.handlers if isinstance(h, _Held)]:
        root.removeHandler(held)
        for record in held.records:
            if record.levelno >= handler.level:
                handler.handle(record)
    return written
