"""What a new user tripped on in the window, each driven with keys sent to the widget that has
the focus (pytest-qt, offscreen)."""

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


@pytest.fixture
def shell(qapp: QApplication, tmp_path: Path) -> Iterator[Shell]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shell = Shell(qapp, settings)
    yield shell
    shell.translations.remove()


@pytest.fixture
def window(qtbot, shell: Shell, db_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = shell.show(open_plan_database(db_path))
    qtbot.addWidget(win)
    yield win
    win.panel.flush()
    win.database.close()


def _indicator(window: MainWindow, seq: int) -> int:
    view = next(v for v in window.document.views if v.seq == seq)
    return view.id


def _stored(window: MainWindow, indicator: int, period: str = "2024H1") -> str:
    view = window.document.view(indicator)
    assert view is not None
    entry = view.progress.get(period)
    return entry.text if entry is not None else ""


def test_ctrl_z_in_the_progress_field_is_the_windows_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_period("2024H1")
    indicator = _indicator(window, 33)
    assert window.select_indicator(indicator)
    panel = window.panel.editable_panel
    assert panel is not None
    panel.text.setFocus()
    qtbot.waitUntil(panel.text.hasFocus)
    panel.text.insertPlainText("上半年引进大学生1.6万人。")
    panel.flush()
    assert _stored(window, indicator) == "上半年引进大学生1.6万人。"
    # More typing, not saved yet, then Ctrl+Z with the cursor still in the field. Edits of
    # one field follow each other as one step of the history, the pending typing included.
    panel.text.insertPlainText("另有")
    qtbot.keyClick(panel.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, indicator) == ""
    assert panel.text.toPlainText() == ""
    assert window.menus.redo.isEnabled()
    # Nothing was saved behind the history's back (a field's own undo, emptying the field,
    # would have been saved as a new edit).
    panel.flush()
    assert window.document.undo_stack.index() == 0 and window.document.undo_stack.count() == 1
    qtbot.keyClick(panel.text, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, indicator) == "上半年引进大学生1.6万人。另有"
    assert panel.text.toPlainText() == "上半年引进大学生1.6万人。另有"
    assert not window.menus.redo.isEnabled()
    # The same from the Edit menu while typing is pending.
    panel.text.insertPlainText("2人。")
    window.menus.undo.trigger()
    assert _stored(window, indicator) == ""
    window.menus.redo.trigger()
    assert _stored(window, indicator) == "上半年引进大学生1.6万人。另有2人。"


def _preview(qtbot, window: MainWindow, paths: list[Path]):  # type: ignore[no-untyped-def]
    window.import_files(paths)
    dialog = window.import_dialog
    if dialog.preview is None:
        with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
            pass
    return dialog


def _filled(
    window: MainWindow, folder: Path, period: str, name: str, texts: dict[int, str]
) -> Path:
    from excel_support import fill_template

    from kpi_desktop.domain.periods import Period
    from kpi_desktop.services.excel_template import export_template

    with window.database.read() as session:
        template = export_template(session, Period.parse(period), folder / f"t-{name}", "区商务局")
    return fill_template(template.path, folder / name, texts)


def test_the_import_window_flags_old_periods_copies_and_two_versions(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    import shutil

    from kpi_desktop.ui.import_preview_model import COLUMN_ITEM, COLUMN_STATE

    old = _filled(window, tmp_path, "2024Q1", "一季度.xlsx", {3: "一季度改。"})
    one = _filled(window, tmp_path, "2024H1", "第一版.xlsx", {3: "第一版。", 14: "乙。"})
    copy = tmp_path / "第一版-副本.xlsx"
    shutil.copy(one, copy)
    two = _filled(window, tmp_path, "2024H1", "第二版.xlsx", {3: "第二版。"})
    dialog = _preview(qtbot, window, [old, one, copy, two])
    model = dialog.model
    states = [model.data(model.index(n, COLUMN_STATE)) for n in range(4)]
    assert states == ["以往期间", "与另一文件不一致", "重复的文件", "与另一文件不一致"]
    # Nothing of the old period and neither version of row 3 is ticked; row 14 is.
    chosen = {(key[0].rsplit("/", 1)[-1], key[2]) for key in model.checked_keys()}
    assert chosen == {("第一版.xlsx", 5)}  # row 5 holds 序号 14
    # Ticking one version unticks the other.
    file_two = model.index(3, COLUMN_ITEM)
    row_two = model.index(0, COLUMN_ITEM, file_two)
    file_one = model.index(1, COLUMN_ITEM)
    row_one = model.index(0, COLUMN_ITEM, file_one)
    assert model.setData(row_one, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(row_two, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.data(row_one, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.data(row_two, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # The detail of a version names the other one and shows its text.
    dialog.tree.setCurrentIndex(row_one)
    assert "第二版.xlsx" in dialog.row_message.text() and "第二版。" in dialog.row_message.text()
    dialog.close()


def test_qts_own_dialogs_speak_chinese(qapp: QApplication, shell: Shell) -> None:
    """Every string Qt's file, print, preview and message dialogs and the text fields' menus
    ask for has the program's Chinese (the PySide6 wheels carry no qtbase_zh_CN)."""
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QPlainTextEdit

    shell.translations.install("zh_CN")
    asked: set[tuple[str, str, str]] = set()

    class Spy(QTranslator):
        """Asked first (installed last); answers nothing, so the others still answer."""

        def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
            asked.add((context, source, disambiguation or ""))
            return ""

        def isEmpty(self) -> bool:
            return False

    spy = Spy()
    qapp.installTranslator(spy)
    try:
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            dialog = QFileDialog(None, "x")
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setAcceptMode(mode)
            dialog.show()
            dialog.close()
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "t",
            "x",
            buttons.Ok | buttons.Cancel | buttons.Yes | buttons.No,
        )
        box.setDetailedText("d")
        box.show()
        box.close()
        QLineEdit().createStandardContextMenu()
        QPlainTextEdit().createStandardContextMenu()
        printer = QPrinter()
        for dialog in (
            QPrintPreviewDialog(printer),
            QPrintDialog(printer),
            QPageSetupDialog(printer),
        ):
            dialog.show()
            dialog.close()
    finally:
        qapp.removeTranslator(spy)
    # Not words: paper names (A4…), key names, the layout direction.
    skipped = {"QPageSize", "QShortcut", "QGuiApplication"}
    words = {
        (context, source, disambiguation)
        for context, source, disambiguation in asked
        if context.startswith("Q")
        and context not in skipped
        and not source.startswith(("Alt+", "Ctrl"))
        and source not in ("Form", "...", "%1%")
        and not source[0].isdigit()
    }
    untranslated = sorted(
        (context, source)
        for context, source, disambiguation in words
        if QCoreApplication.translate(context, source, disambiguation or None) == source
    )
    assert len(words) > 100 and untranslated == []
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："


def test_the_charts_leave_room_follow_the_tree_and_speak_chinese(
    qtbot,
    shell: Shell,
    db_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    window = shell.show(open_plan_database(db_path))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.select_period("2024Q1")
    window.show_charts()
    dock = window.charts_dock
    assert dock is not None
    qtbot.waitUntil(lambda: dock.charts._pg is not None)
    # The tree and the panel keep most of the height.
    assert dock.height() <= window.height() // 2
    charts = dock.charts
    # Every colour a bar can have is in the legend, the greys included.
    legend = charts._completion.getPlotItem().legend
    labels = [label.text for _sample, label in legend.items]
    assert labels == ["已完成", "超序时", "序时推进", "滞后", "暂无数据", "待填报"]
    # pyqtgraph's English menu and "A" button are gone; the right click is ours.
    item = charts._completion.getPlotItem()
    assert not item.menuEnabled() and not item.autoBtn.isVisible()
    menu = charts._menu(charts._completion)
    assert [a.text() for a in menu.actions()] == ["保存图片(&S)…", "恢复视图(&R)"]
    # Targets are counted in whole steps.
    axis = charts._units.getPlotItem().getAxis("bottom")
    assert axis._tickSpacing is not None and all(
        float(step).is_integer() for step, _ in axis._tickSpacing
    )
    # The trend follows the indicator chosen in the tree, without turning the tab.
    seq_14 = _indicator(window, 14)
    window.select_indicator(seq_14)
    assert charts._trend_id == seq_14 and charts.tabs.currentIndex() == 0
    assert charts._trend.getPlotItem().titleLabel.text.startswith("14.")
    # Left open, it comes back on the next start.
    window.save_layout()
    window.database.close()
    again = shell.show(open_plan_database(db_path))
    qtbot.addWidget(again)
    assert again.charts_dock is not None and again.charts_dock.isVisible()
    again.database.close()


def test_the_status_bar_says_what_an_import_did(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kpi_desktop.services.importing import ImportResult

    window.status_label.setText("所有修改已于 10:00:00 保存")
    window._imported(ImportResult(None, 3, 2, frozenset()))
    assert "已导入" in window.status_label.text() and "3 行更新了内容" in window.status_label.text()


def test_an_emptied_text_is_not_called_typed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_period("2024H1")
    indicator = _indicator(window, 33)
    assert window.select_indicator(indicator)
    panel = window.panel.editable_panel
    assert panel is not None
    panel.text.insertPlainText("暂时写一句。")
    panel.flush()
    assert "手工录入" in panel.source.text()
    window.document.undo()
    assert _stored(window, indicator) == ""
    assert "手工录入" not in panel.source.text() and "尚待填报" in panel.source.text()


def test_units_with_texts_but_no_return_are_not_shown_as_unanswered(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    from kpi_desktop.ui.submissions_view import COLUMN_WHEN

    window.select_period("2024Q1")  # every row has its text in the built-in plan
    window.menus.submissions.trigger()
    dock = window.submissions_dock
    dock.view.refresh()
    model = dock.view.model
    shown = {model.data(model.index(n, COLUMN_WHEN)) for n in range(model.rowCount())}
    assert shown == {"未报送，进展已另行填写"}
    assert all(
        model.data(model.index(n, COLUMN_WHEN), Qt.ItemDataRole.BackgroundRole) is None
        for n in range(model.rowCount())
    )
    assert not dock.view.chase_button.isEnabled()


def test_dialogs_are_gone_once_closed(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """History opened three times leaves no dialog (and no model re-reading the change log on
    every edit) behind; nor do the indicator, settings or print-options dialogs."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog

    from kpi_desktop.ui.history_dialog import HistoryDialog, HistoryModel

    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    indicator = _indicator(window, 33)
    for _ in range(3):
        window.plan_actions.show_history(indicator)
    window.plan_actions.edit_indicator(indicator)
    window.plan_actions.add_indicator()
    window.dialogs.open_settings()
    window.dialogs.print_summary()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(QDialog) == []
    assert window.findChildren(HistoryModel) == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryDialog)]
