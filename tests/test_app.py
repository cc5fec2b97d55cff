"""Start-up pieces of the window: the exception hook, the log file, the language choice."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from kpi_desktop.services.logs import LOG_FILE, configure_logging
from kpi_desktop.ui.app import chosen_language, install_exception_hook
from kpi_desktop.ui.settings_dialog import LANGUAGE_KEY


def test_uncaught_exception_is_logged_and_shown(qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    log_file = configure_logging(tmp_path)
    assert log_file == tmp_path / LOG_FILE
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    old_hook = sys.excepthook
    install_exception_hook(log_file)
    try:
        try:
            raise RuntimeError("a bug the clerk should never see as a traceback")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = old_hook
    for handler in logging.getLogger().handlers:
        handler.flush()
    (box,) = shown
    assert "已保存的内容" in box.text() or "saved work" in box.text()
    assert "RuntimeError" in box.detailedText()
    assert str(log_file) in box.informativeText()
    logged = log_file.read_text(encoding="utf-8")
    assert "a bug the clerk should never see" in logged and "Traceback" in logged


def test_language_follows_the_setting_then_the_system(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    english, chinese = QLocale(QLocale.Language.English), QLocale(QLocale.Language.Chinese)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: english))
    assert chosen_language(settings) == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: chinese))
    assert chosen_language(settings) == "zh_CN"
    settings.setValue(LANGUAGE_KEY, "en")
    assert chosen_language(settings) == "en"
    settings.setValue(LANGUAGE_KEY, "zh_CN")
    assert chosen_language(settings) == "zh_CN"


def test_records_made_before_logging_is_configured_reach_the_file(tmp_path: Path) -> None:
    from kpi_desktop.services.logs import hold_records

    root = logging.getLogger()
    saved = list(root.handlers)
    for handler in saved:
        root.removeHandler(handler)
    try:
        hold_records()
        logging.getLogger("kpi_desktop.test").warning("before the first paint")
        log_file = configure_logging(tmp_path)
        logging.getLogger("kpi_desktop.test").warning("after it")
        for handler in root.handlers:
            handler.flush()
        assert log_file is not None
        lines = log_file.read_text(encoding="utf-8").splitlines()
        assert [line.split(": ", 1)[1] for line in lines] == ["before the first paint", "after it"]
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        for handler in saved:
            root.addHandler(handler)


def test_a_failure_before_the_first_paint_is_logged_and_shown(tmp_path: Path) -> None:
    """The window program has no console: what stops it from opening must reach the log
    file and a dialog, not only stderr."""
    import os
    import subprocess

    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.exec = lambda box: print('DIALOG', box.text(), flush=True) or 0\n"
        "import kpi_desktop.ui.main_window as window\n"
        "def broken(self):\n"
        "    raise RuntimeError('broken before the first paint')\n"
        "window.WindowMenus.build_toolbar = broken\n"
        "from kpi_desktop.cli import main\n"
        "sys.exit(main(['--db', sys.argv[1]]))\n"
    )
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "LANGUAGE": "zh_CN",
    }
    database = tmp_path / "kpi.sqlite"
    # An existing file: the quick start, where logging is configured only after the paint.
    subprocess.run(
        [sys.executable, "-m", "kpi_desktop", "dump", "--db", str(database)],
        env=env,
        capture_output=True,
        check=True,
        timeout=120,
    )
    for old_log in home.rglob(LOG_FILE):
        old_log.unlink()
    done = subprocess.run(
        [sys.executable, "-c", script, str(database)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "DIALOG" in done.stdout
    (log_file,) = list(home.rglob(LOG_FILE))
    assert "broken before the first paint" in log_file.read_text(encoding="utf-8")


def test_garbage_collection_is_back_on_once_the_window_is_ready(tmp_path: Path) -> None:
    """The command line turns the cyclic collector off for the start; a window left on with
    it off would never free its cycles."""
    import os
    import subprocess

    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT": "ready",
    }
    database = tmp_path / "kpi.sqlite"
    script = (
        "import gc, sys\n"
        "from kpi_desktop.cli import main\n"
        "code = main(['--db', sys.argv[1]])\n"
        "print('collector', gc.isenabled(), code)\n"
    )
    for start in ("new file", "quick start from an existing file"):
        done = subprocess.run(
            [sys.executable, "-c", script, str(database)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.stdout.strip().endswith("collector True 0"), (start, done.stderr)
