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
