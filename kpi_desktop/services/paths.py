"""Where the program keeps the clerk's database and its log, per platform (platformdirs)."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "kpi-desktop"
DEFAULT_FILE = "kpi-desktop.sqlite"


def data_folder() -> Path:
    """The platform's per-user data folder (on Windows under %LOCALAPPDATA%)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def log_folder() -> Path:
    """The platform's per-user log folder (on Windows under %LOCALAPPDATA%)."""
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_folder() / DEFAULT_FILE
