"""Logging to a rotating file in the platform's log folder, never to the clerk's console."""

from __future__ import annotations

import logging
from pathlib import Path

from kpi_desktop.services.paths import log_folder

LOG_FILE = "kpi-desktop.log"


def log_file(folder: Path | None = None) -> Path:
    """Where `configure_logging` sends the records."""
    return (folder or log_folder()) / LOG_FILE


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
    return written
