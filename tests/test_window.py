"""The main window driven as the clerk drives it (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from kpi_desktop.services.database import open_plan_database
from kpi_desktop.ui.app import Shell
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.settings_dialog import LANGUAGE_KEY
from kpi_desktop.ui.targets_model import COLUMN_ACTUAL
from kpi_desktop.ui.tree_model import COLUMN_STATUS


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def shell(qapp: QApplication, settings: QSettings) -> Iterator[Shell]:
    shell = Shell(qapp, settings)
    yield shell
    # Leave the application as other tests expect it: no catalogue installed.
    shell.translations.remove()


@pytest.fixture
def window(qtbot, shell: Shell, db_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = shell.show(open_plan_database(db_path))
    qtbot.addWidget(win)
    yield win
    win.panel.flush()
    win.database.close()


def _visible_ids(win: MainWindow) -> set[int]:
    ids: set[int] = set()
    proxy = win.proxy

    def walk(parent):  # type: ignore[no-untyped-def]
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            value = win.indicator_at(index)
            if value is not None:
                ids.add(value)
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return ids


def _seq_to_id(win: MainWindow) -> dict[int, int]:
    return {v.seq: v.id for v in win.document.views}


def test_type_progress_change_status_undo_redo_and_reopen(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    db_path: Path,
) -> None:
    window.select_period("2024H1")
    ids = _seq_to_id(window)
    assert window.select_indicator(ids[33])
    panel = window.panel.editable_panel
    assert panel is not None and panel.period.code == "2024H1"
    panel.text.setFocus()
    # Chinese arrives from the input method as committed text, not as key presses.
    panel.text.insertPlainText("上半年引进大学生")
    qtbot.keyClicks(panel.text, "1.6")
    panel.text.insertPlainText("万人。")
    panel.flush()  # what the pause timer or leaving the field does
    view = window.document.view(ids[33])
    assert view is not None and view.progress["2024H1"].text == "上半年引进大学生1.6万人。"

    behind = panel.status.findData("behind")
    panel.status.setCurrentIndex(behind)
    panel.status.activated.emit(behind)
    assert window.document.view(ids[33]).progress["2024H1"].status == "behind"  # type: ignore[union-attr]

    window.menus.undo.trigger()
    assert window.document.view(ids[33]).progress["2024H1"].status is None  # type: ignore[union-attr]
    assert panel.status.currentData() is None
    window.menus.undo.trigger()
    assert window.document.view(ids[33]).progress["2024H1"].text == ""  # type: ignore[union-attr]
    assert panel.text.toPlainText() == ""
    window.menus.redo.trigger()
    window.menus.redo.trigger()
    assert window.document.view(ids[33]).progress["2024H1"].status == "behind"  # type: ignore[union-attr]
    assert panel.text.toPlainText() == "上半年引进大学生1.6万人。"

    window.database.close()
    again = open_plan_database(db_path)
    try:
        with again.read() as session:
            from kpi_desktop.services.queries import indicator_views, plans

            views = {v.seq: v for v in indicator_views(session, plans(session)[0])}
        assert views[33].progress["2024H1"].text == "上半年引进大学生1.6万人。"
        assert views[33].progress["2024H1"].status == "behind"
        assert views[33].progress["2024Q1"].text == "2024年第一季度已引进35周岁以下大学生4711人。"
    finally:
        again.close()


def test_typing_is_saved_after_a_pause_without_leaving_the_field(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ids = _seq_to_id(window)
    window.select_period("2024H1")
    window.select_indicator(ids[12])
    panel = window.panel.editable_panel
    assert panel is not None
    panel.text.insertPlainText("新增规上工业企业30家")
    qtbot.waitUntil(
        lambda: window.document.view(ids[12]).progress.get("2024H1") is not None,  # type: ignore[union-attr]
        timeout=5000,
    )
    assert window.document.view(ids[12]).progress["2024H1"].text == "新增规上工业企业30家"  # type: ignore[union-attr]
    assert window.status_label.text().startswith("所有修改已于")
    assert "未保存" not in window.status_label.text()


def test_filter_box_narrows_the_tree(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ids = _seq_to_id(window)
    assert len(_visible_ids(window)) == 53
    window.filter_box.setText("大学生")
    assert _visible_ids(window) == {ids[33]}
    window.filter_box.setText("区人社局")
    assert _visible_ids(window) == {ids[32], ids[33], ids[39]}
    window.filter_box.setText("４４")  # full-width digits typed by an IME
    assert ids[44] in _visible_ids(window)
    window.filter_box.clear()
    window.menus.group.trigger()  # flat by 序号
    assert not window.tree_model.grouped
    window.filter_box.setText("1")
    assert ids[1] in _visible_ids(window) and ids[2] not in _visible_ids(window)


def test_quick_filter_not_reported(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_period("2024Q1")
    window.menus.not_reported.trigger()
    assert _visible_ids(window) == set()  # every Q1 row of the seed has its progress
    window.select_period("2024H1")
    window.proxy.invalidate()
    assert len(_visible_ids(window)) == 53


def test_shared_indicator_appears_under_each_unit(window: MainWindow) -> None:
    ids = _seq_to_id(window)
    assert len(window.tree_model.indexes_of(ids[7])) == 3
    window.menus.group.trigger()
    assert len(window.tree_model.indexes_of(ids[7])) == 1


def test_switch_language(qtbot, shell: Shell, window: MainWindow, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    settings.setValue(LANGUAGE_KEY, "en")
    shell.change_language()
    english = shell.window
    assert english is not None and english is not window
    qtbot.addWidget(english)
    assert english.menuBar().actions()[0].text() == "&File"
    assert english.period_box.currentText() == "First half (Jan–Jun)"
    settings.setValue(LANGUAGE_KEY, "zh_CN")
    shell.change_language()
    chinese = shell.window
    assert chinese is not None
    qtbot.addWidget(chinese)
    assert chinese.period_box.currentText() == "上半年"


def test_window_geometry_and_grouping_are_remembered(
    qtbot,
    shell: Shell,
    window: MainWindow,  # type: ignore[no-untyped-def]
    settings: QSettings,
) -> None:
    window.resize(700, 650)
    window.menus.group.trigger()
    window.close()
    again = MainWindow(window.database, settings)
    qtbot.addWidget(again)
    assert not again.tree_model.grouped
    assert (again.size().width(), again.size().height()) == (700, 650)


def test_history_restores_an_earlier_text(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from kpi_desktop.ui.history_dialog import HistoryDialog

    ids = _seq_to_id(window)
    window.select_period("2024Q1")
    window.select_indicator(ids[32])
    panel = window.panel.editable_panel
    assert panel is not None
    panel.text.setPlainText("改过的文字")
    panel.flush()
    dialog = HistoryDialog(window.document, ids[32], window)
    qtbot.addWidget(dialog)
    assert dialog.model.rows[0].old_value == "一季度新增高技能人才825人。"
    dialog.restore(earlier=True, row=0)
    assert window.document.view(ids[32]).progress["2024Q1"].text == "一季度新增高技能人才825人。"  # type: ignore[union-attr]
    assert panel.text.toPlainText() == "一季度新增高技能人才825人。"


def test_keyboard_only_reaches_indicator_33(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ids = _seq_to_id(window)
    window.menus.find.trigger()
    qtbot.keyClicks(window.filter_box, "33")
    qtbot.keyClick(window.filter_box, Qt.Key.Key_Return)
    assert window.current_indicator_id() == ids[33]
    assert window.panel.view is not None and window.panel.view.seq == 33


def test_first_half_progress_of_33_is_marked_against_the_schedule(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from kpi_desktop.domain.status import Status

    ids = _seq_to_id(window)
    window.select_period("2024H1")
    window.select_indicator(ids[33])
    panel = window.panel.editable_panel
    assert panel is not None
    assert window.tree_model.status_of_id(ids[33]) == Status.NOT_REPORTED
    panel.text.insertPlainText("上半年已引进35周岁以下大学生1.6万人。")
    panel.flush()
    # 1.6万 of 3万 is 53% at the end of June (50% of the year): on schedule.
    assert window.tree_model.status_of_id(ids[33]) == Status.ON_SCHEDULE
    row = window.panel.targets_model.rows[0]
    assert (row.value, row.unit, row.proposed) == (1.6, "万人", True)
    panel.text.selectAll()
    panel.text.insertPlainText("上半年已引进35周岁以下大学生1.2万人。")
    panel.flush()
    assert window.tree_model.status_of_id(ids[33]) == Status.BEHIND
    index = window.tree_model.indexes_of(ids[33])[0]
    assert index.siblingAtColumn(COLUMN_STATUS).data() == "滞后"


def test_a_refused_save_is_reported_and_leaves_nothing_to_undo(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    monkeypatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from kpi_desktop.domain.errors import KpiError

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    ids = _seq_to_id(window)
    window.select_period("2024H1")
    window.select_indicator(ids[14])
    panel = window.panel.editable_panel
    assert panel is not None

    def full_disk(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise KpiError("db.disk_full", path=str(window.database.path))

    monkeypatch.setattr(window.database, "transaction", full_disk)
    panel.text.insertPlainText("新增12家")
    panel.flush()
    assert shown and "磁盘" in shown[0]
    assert window.document.undo_stack.count() == 0
    assert window.status_label.text() == "未保存"
    assert panel.text.toPlainText() == "新增12家"  # the typed text stays for another try


def test_read_only_database_cannot_be_edited(qtbot, shell: Shell, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    writer = open_plan_database(db_path)
    try:
        reader = open_plan_database(db_path, read_only=True)
        win = shell.show(reader)
        qtbot.addWidget(win)
        assert "只读" in win.windowTitle()
        win.select_indicator(win.document.views[0].id)
        assert win.panel.editable_panel is not None
        assert win.panel.editable_panel.text.isReadOnly()
        assert not win.menus.add.isEnabled()
        win.database.close()
    finally:
        writer.close()


def test_clicking_a_bar_in_the_charts_selects_that_indicator(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ids = _seq_to_id(window)
    window.select_period("2024Q1")
    window.menus.charts.trigger()
    dock = window.charts_dock
    assert dock is not None
    qtbot.waitUntil(lambda: dock.charts.isVisible(), timeout=5000)
    charts = dock.charts
    view = charts._completion
    point = view.mapFromScene(charts.bar_scene_position(ids[32]))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_indicator_id() == ids[32]
    assert window.panel.view is not None and window.panel.view.seq == 32


def test_the_window_carries_the_application_icon(window: MainWindow) -> None:
    from kpi_desktop.ui.icon import ICON_SIZES

    sizes = sorted(size.width() for size in window.windowIcon().availableSizes())
    assert sizes == list(ICON_SIZES)


def test_quick_start_paints_from_the_snapshot_then_opens_the_database(
    qtbot,
    shell: Shell,
    db_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from kpi_desktop.storage.snapshot import read_snapshot

    open_plan_database(db_path).close()
    snapshot = read_snapshot(db_path)
    assert snapshot is not None
    win = shell.show(None, snapshot, str(db_path))
    qtbot.addWidget(win)
    ids = _seq_to_id(win)
    assert len(ids) == 53 and not win.document.attached
    assert win.select_indicator(ids[33])
    assert not win.menus.add.isEnabled()  # nothing can be edited before the file is open
    before = win.panel.editable_panel
    assert before is None or before.text.isReadOnly()
    assert (
        not win.panel.targets_model.flags(win.panel.targets_model.index(0, COLUMN_ACTUAL))
        & Qt.ItemFlag.ItemIsEditable
    )
    win.complete_opening(open_plan_database(db_path))
    assert win.document.attached and win.menus.add.isEnabled()
    assert win.current_indicator_id() in (None, ids[33])
    win.select_period("2024H1")
    win.select_indicator(ids[33])
    panel = win.panel.editable_panel
    assert panel is not None
    panel.text.insertPlainText("上半年引进大学生1.6万人。")
    panel.flush()
    assert win.document.view(ids[33]).progress["2024H1"].text == "上半年引进大学生1.6万人。"  # type: ignore[union-attr]
    win.database.close()


def test_the_window_modules_load_without_the_data_layer() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import kpi_desktop.ui.app, kpi_desktop.ui.main_window\n"
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'openpyxl', 'pyqtgraph')"
        " if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_program_starts_quickly_and_leaves_the_file_free(db_path: Path) -> None:
    import os
    import subprocess
    import sys

    open_plan_database(db_path).close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT": "ready",
    }
    result = subprocess.run(
        [sys.executable, "-m", "kpi_desktop", "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    again = open_plan_database(db_path)  # the writer lock was released on the way out
    again.close()


def test_quick_start_on_a_held_file_becomes_read_only(qtbot, shell: Shell, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kpi_desktop.storage.snapshot import read_snapshot

    writer = open_plan_database(db_path)  # another program has the file open for editing
    try:
        snapshot = read_snapshot(db_path)
        assert snapshot is not None
        win = shell.show(None, snapshot, str(db_path))
        qtbot.addWidget(win)
        win.complete_opening(open_plan_database(db_path, read_only=True))
        win.select_indicator(win.document.views[0].id)
        panel = win.panel.editable_panel
        assert panel is not None and panel.text.isReadOnly()
        assert "只读" in win.windowTitle()
        win.database.close()
    finally:
        writer.close()


def test_a_squeezed_window_is_not_restored_squeezed(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    settings: QSettings,
) -> None:
    window.resize(300, 200)
    window.close()
    again = MainWindow(window.database, settings)
    qtbot.addWidget(again)
    room = again.screen().availableGeometry()
    assert again.width() >= min(900, room.width() * 3 // 4)
    assert again.height() >= min(600, room.height() * 3 // 4)


def test_the_window_opens_on_the_period_being_worked_on(qapp: QApplication, db_path: Path) -> None:
    """Q1 of the built-in plan is complete, so H1 comes next; a half-collected period stays
    the one shown (the window used to jump to the next empty one); a complete one gives way."""
    from kpi_desktop.services.editing import set_progress
    from kpi_desktop.ui.document import PlanDocument

    def opened_on() -> str:
        database = open_plan_database(db_path)
        try:
            return PlanDocument(database).period
        finally:
            database.close()

    assert opened_on() == "2024H1"
    database = open_plan_database(db_path)
    with database.transaction() as session:
        from kpi_desktop.services.queries import indicator_views, plan_for_year

        plan = plan_for_year(session, 2024)
        assert plan is not None
        ids = [v.id for v in indicator_views(session, plan)]
        set_progress(session, ids[0], "2024H1", {"text": "上半年进展。"})
        # Rows without a text report nothing: a typed-then-undone text, a status or a figure
        # entered first leaves one behind in the next period.
        set_progress(session, ids[1], "2024Q3", {"text": ""})
        set_progress(session, ids[2], "2024Q3", {"status": "behind"})
    database.close()
    assert opened_on() == "2024H1"
    database = open_plan_database(db_path)
    with database.transaction() as session:
        for indicator_id in ids[1:]:
            set_progress(session, indicator_id, "2024H1", {"text": "上半年进展。"})
    database.close()
    assert opened_on() == "2024Q3"


def test_targets_are_listed_before_anything_is_reported(window: MainWindow) -> None:
    """Nothing reported for the half-year yet: indicator 33 is 未报送, and its target (3万名)
    is shown all the same, with no figure, ready for one to be entered."""
    window.select_period("2024H1")
    assert window.select_indicator(_seq_to_id(window)[33])
    view = window.document.view(_seq_to_id(window)[33])
    assert view is not None and "2024H1" not in view.progress
    model = window.panel.targets_model
    assert model.rowCount() == 1
    row = model.rows[0]
    assert row.value is None and row.target.value == 3 and row.target.unit == "万名"
    assert row.assessment.status.value == "not_reported"


def test_submissions_dock_comes_back_as_it_was_left(qtbot, shell: Shell, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The dock is built after the first paint; shown when the window closed, it is shown
    again, and View → Submissions follows it."""
    win = shell.show(open_plan_database(db_path))
    qtbot.addWidget(win)
    assert not win.menus.submissions.isChecked() and not win.submissions_dock.isVisible()
    win.menus.submissions.trigger()
    assert win.submissions_dock.isVisible()
    win.save_layout()
    win.database.close()
    again = shell.show(open_plan_database(db_path))
    qtbot.addWidget(again)
    assert again.submissions_dock.isVisible() and again.menus.submissions.isChecked()
    again.submissions_dock.close()  # its own close button
    assert not again.menus.submissions.isChecked()
    again.database.close()
