"""Two clerks on one database, seen from the window: a colleague's save appears in the open
window without touching her typing, a save over a colleague's newer text opens the side-by-side
dialog instead of replacing it, undo never reverts the colleague's later edit, History says who,
and a role that may only read opens the window read-only saying why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from kpi_desktop.services import editing
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.queries import indicator_views, plans
from kpi_desktop.storage.engine import Database
from kpi_desktop.storage.models import Indicator
from kpi_desktop.storage.who import Who
from kpi_desktop.ui.app import Shell
from kpi_desktop.ui.conflict_dialog import ConflictDialog
from kpi_desktop.ui.history_dialog import HistoryModel
from kpi_desktop.ui.main_window import MainWindow

PERIOD = "2024H1"
SEQ = 12


@pytest.fixture
def shell(qapp: QApplication, tmp_path: Path) -> Iterator[Shell]:
    shell = Shell(qapp, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    yield shell
    shell.translations.remove()


@pytest.fixture
def window(qtbot: Any, shell: Shell, db_path: Path) -> Iterator[MainWindow]:
    database = open_plan_database(db_path)
    database.who = Who("wang", "PC-WANG")
    win = shell.show(database)
    qtbot.addWidget(win)
    win.select_period(PERIOD)
    assert win.select_indicator(_id(win, SEQ))
    yield win
    win.panel.flush()
    win.database.close()


@pytest.fixture
def colleague(db_path: Path, window: MainWindow) -> Iterator[Database]:
    """The other clerk, with her own connection (on a file in one process the writer lock is
    shared, as it is between two windows of one program)."""
    database = open_plan_database(db_path)
    database.who = Who("li", "PC-LI")
    yield database
    database.close()


def _id(win: MainWindow, seq: int) -> int:
    return next(v.id for v in win.document.views if v.seq == seq)


def _colleague_saves(colleague: Database, text: str, base: str) -> None:
    with colleague.transaction() as session:
        editing.set_progress_text(session, 2024, SEQ, PERIOD, text, expect=base)


def _stored(colleague: Database) -> str:
    with colleague.read() as session:
        views = {v.seq: v for v in indicator_views(session, plans(session)[0])}
    entry = views[SEQ].progress.get(PERIOD)
    return entry.text if entry else ""


def _answer_conflicts(monkeypatch: pytest.MonkeyPatch, how: str, merged: str = "") -> list[Any]:
    """Answer the conflict dialog as the clerk would: keep mine / theirs, or save a merge."""
    shown: list[Any] = []

    def exec_(dialog: ConflictDialog) -> int:
        shown.append((dialog.mine.toPlainText(), dialog.theirs.toPlainText()))
        if how == "mine":
            dialog.keep_mine.click()
        elif how == "theirs":
            dialog.keep_theirs.click()
        else:
            assert dialog.merged is not None and dialog.save_merged is not None
            dialog.merged.setPlainText(merged)
            dialog.save_merged.click()
        return 0

    monkeypatch.setattr(ConflictDialog, "exec", exec_)
    return shown


def test_a_colleagues_save_appears_and_her_typing_stays(
    qtbot: Any, window: MainWindow, colleague: Database
) -> None:
    panel = window.panel.editable_panel
    assert panel is not None
    problems = panel.problems
    problems.setFocus()
    problems.insertPlainText("我正在输入的问题")  # not saved yet
    _colleague_saves(colleague, "李保存的进展", "")
    changed = window.document.refresh_from_others()
    assert _id(window, SEQ) in changed
    assert panel.text.toPlainText() == "李保存的进展"  # the colleague's text is shown
    assert problems.toPlainText() == "我正在输入的问题"  # and hers is kept
    assert window.document.refresh_from_others() == set()  # nothing new: nothing reloaded


def test_a_save_over_a_newer_text_shows_both_and_saves_the_merge(
    qtbot: Any, window: MainWindow, colleague: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _answer_conflicts(monkeypatch, "merge", merged="王和李合并的进展")
    panel = window.panel.editable_panel
    assert panel is not None
    panel.text.setFocus()
    panel.text.insertPlainText("王写的进展")
    _colleague_saves(colleague, "李写的进展", "")
    window.document.refresh_from_others()  # shown meanwhile: her typing stays, and its base
    assert panel.text.toPlainText() == "王写的进展"
    panel.flush()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [("王写的进展", "李写的进展")]
    qtbot.waitUntil(lambda: _stored(colleague) == "王和李合并的进展")
    with colleague.read() as session:
        log = editing.history(session, _id(window, SEQ))
    steps = [(c.old_value, c.new_value, c.user_name) for c in reversed(log) if c.period == PERIOD]
    assert steps == [("", "李写的进展", "li"), ("李写的进展", "王和李合并的进展", "wang")]


def test_keeping_theirs_writes_nothing(
    qtbot: Any, window: MainWindow, colleague: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _answer_conflicts(monkeypatch, "theirs")
    panel = window.panel.editable_panel
    assert panel is not None
    panel.text.setFocus()
    panel.text.insertPlainText("王写的进展")
    _colleague_saves(colleague, "李写的进展", "")
    panel.flush()
    qtbot.waitUntil(lambda: bool(shown))
    assert _stored(colleague) == "李写的进展"
    assert panel.text.toPlainText() == "李写的进展"


def test_undo_never_reverts_a_colleagues_later_edit(
    qtbot: Any, window: MainWindow, colleague: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _answer_conflicts(monkeypatch, "theirs")
    panel = window.panel.editable_panel
    assert panel is not None
    panel.text.setFocus()
    panel.text.insertPlainText("王写的进展")
    panel.flush()
    assert _stored(colleague) == "王写的进展"
    _colleague_saves(colleague, "李改过的进展", "王写的进展")
    window.document.undo()  # would put back "" over 李's text
    qtbot.waitUntil(lambda: bool(shown))
    assert _stored(colleague) == "李改过的进展"
    assert shown == [("", "李改过的进展")]
    # Her own edit, not overtaken, is undone as always.
    other = window.panel.editable_panel
    assert other is not None
    other.problems.setFocus()
    other.problems.insertPlainText("王的问题")
    other.flush()
    window.document.undo()
    assert other.problems.toPlainText() == ""


def test_history_says_who(qtbot: Any, window: MainWindow, colleague: Database) -> None:
    _colleague_saves(colleague, "李写的进展", "")
    window.document.refresh_from_others()
    model = HistoryModel(window.document, _id(window, SEQ))
    who = model.index(0, model.COLUMN_WHO).data()
    assert who.startswith("li") and "PC-LI" in who


def test_a_read_only_role_opens_the_window_read_only_saying_why(
    qtbot: Any, shell: Shell, db_path: Path
) -> None:
    from kpi_desktop.domain.errors import KpiError

    open_plan_database(db_path).close()
    database = open_plan_database(db_path, read_only=True)
    # What the server check gives for a role that may only read (test_shared_writers.py
    # checks that check against a real server).
    database.read_only_reason = KpiError(
        "db.server_read_only", url="postgresql://li@srv/kpi", user="li"
    )
    win = shell.show(database)
    qtbot.addWidget(win)
    try:
        assert win.document.read_only
        assert "只有查看权限" in win.status_label.text()
        assert win.panel.editable_panel is None or not win.panel.editable_panel.editable
    finally:
        win.database.close()


def test_the_settings_keep_a_server_address_but_never_a_password(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from kpi_desktop.ui.app import SERVER_KEY, saved_server
    from kpi_desktop.ui.settings_dialog import SettingsDialog

    settings_file = tmp_path / "settings.ini"
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.server.setText("postgresql://wang:秘密口令@fileserver/kpi")
    dialog.accept()
    assert warned and "pgpass" in warned[0]
    assert not dialog.server_changed and dialog.result() == 0
    dialog.server.setText("postgresql://wang@fileserver/kpi?password=秘密口令")
    dialog.accept()
    assert len(warned) == 2
    dialog.server.setText("postgresql://wang@fileserver/kpi")
    dialog.accept()
    assert dialog.server_changed
    settings.sync()
    assert "秘密口令" not in settings_file.read_text(encoding="utf-8")
    assert saved_server(settings) == "postgresql://wang@fileserver/kpi"
    # One written into the file by hand is not used.
    settings.setValue(SERVER_KEY, "postgresql://wang:秘密口令@fileserver/kpi")
    assert saved_server(settings) == ""


def test_a_password_in_the_address_never_reaches_the_title_or_the_log(
    qtbot: Any, shell: Shell, server_url: str, tmp_path: Path
) -> None:
    import logging

    from sqlalchemy import make_url

    # The test server trusts its local users, so any password is taken and ignored.
    url = make_url(server_url).set(password="秘密口令").render_as_string(hide_password=False)
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("kpi_desktop").addHandler(handler)
    try:
        database = open_plan_database(url)
        win = shell.show(database)
        qtbot.addWidget(win)
        with database.transaction() as session:
            editing.set_progress_text(session, 2024, 3, PERIOD, "x")
        title, status = win.windowTitle(), win.status_label.text()
        win.database.close()
    finally:
        logging.getLogger("kpi_desktop").removeHandler(handler)
    assert "秘密口令" not in title and "秘密口令" not in status and "***" in title
    assert not any("秘密口令" in r for r in records)


def test_undoing_an_indicator_text_keeps_a_colleagues_later_one(
    qtbot: Any, window: MainWindow, colleague: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from kpi_desktop.ui.undo_commands import set_indicator_text

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(args[2]))
    indicator_id = _id(window, SEQ)
    window.document.undo_stack.push(set_indicator_text(window.document, indicator_id, "王改的"))
    with colleague.transaction() as session:
        editing.set_indicator(
            session, indicator_id, {"text": "李又改的"}, expected={"text": "王改的"}
        )
    window.document.undo()
    assert told and "已被他人修改" in told[0]
    with colleague.read() as session:
        stored = session.get(Indicator, indicator_id)
        assert stored is not None and stored.text == "李又改的"
    assert window.document.view(indicator_id).text == "李又改的"  # type: ignore[union-attr]
