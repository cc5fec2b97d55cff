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
    assert window.redo_action.isEnabled()
    # Nothing was saved behind the history's back (a field's own undo, emptying the field,
    # would have been saved as a new edit).
    panel.flush()
    assert window.document.undo_stack.index() == 0 and window.document.undo_stack.count() == 1
    qtbot.keyClick(panel.text, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, indicator) == "上半年引进大学生1.6万人。另有"
    assert panel.text.toPlainText() == "上半年引进大学生1.6万人。另有"
    assert not window.redo_action.isEnabled()
    # The same from the Edit menu while typing is pending.
    panel.text.insertPlainText("2人。")
    window.undo_action.trigger()
    assert _stored(window, indicator) == ""
    window.redo_action.trigger()
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

    from kpi_desktop.ui.import_dialog import COLUMN_ITEM, COLUMN_STATE

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
