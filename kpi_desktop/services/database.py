"""Opening the clerk's database, creating it with the built-in plan when it is new."""

from __future__ import annotations

from pathlib import Path

from kpi_desktop.services.plans import install_builtin_plan
from kpi_desktop.storage.engine import Database, open_database

APP_NAME = "kpi-desktop"
DEFAULT_FILE = "kpi-desktop.sqlite"


def data_folder() -> Path:
    """The platform's per-user data folder (on Windows under %LOCALAPPDATA%)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def log_folder() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_folder() / DEFAULT_FILE


def open_plan_database(path: Path | str | None = None) -> Database:
    """Open `path` (default: the user's database), creating it holding the built-in plan."""
    target = Path(path) if path is not None else default_database_path()
    return open_database(target.expanduser(), fill_new=install_builtin_plan)
