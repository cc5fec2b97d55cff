"""The quarter's calendar in the window: the submissions view's lights (colour and a word),
the due dates set there, a closed period read-only with a mark, the tree narrowed to what
overdue units owe, and a round of chasing with its 催报单."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from excel_support import H1, fill_template
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication

from kpi_desktop.services import calendar
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.importing import apply_import, preview_import
from kpi_desktop.services.queries import plan_for_year
from kpi_desktop.ui.app import Shell
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.submissions_view import (
    COLUMN_DUE,
    COLUMN_STANDING,
    LIGHT_COLOURS,
    SubmissionsView,
)

TODAY = date.today()


@pytest.fixture
def window(qtbot, qapp: QApplication, tmp_path: Path, db_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    shell = Shell(qapp, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = shell.show(open_plan_database(db_path))
    qtbot.addWidget(win)
    win.select_period("2024H1")
    yield win
    win.panel.flush()
    win.database.close()
    shell.translations.remove()


def _return_all(database: Any, folder: Path, unit: str) -> None:
    """The unit sends back every row it leads for the half-year."""
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        seqs = next(s.indicators for s in calendar.submissions(session, plan, H1) if s.unit == unit)
        template = export_template(session, H1, folder / f"{unit}.xlsx", unit).path
    filled = fill_template(
        template, folder / f"{unit}-回.xlsx", {s: f"第{s}项进展。" for s in seqs}
    )
    with database.read() as session:
        preview = preview_import(session, [filled])
    apply_import(database, preview)


def _view(window: MainWindow) -> SubmissionsView:
    window.submissions_dock.show()
    view = window.submissions_dock.view
    view.refresh()
    return view


def _cells(view: SubmissionsView) -> dict[str, tuple[str, str, Any]]:
    model = view.model
    return {
        row.unit: (
            model.data(model.index(n, COLUMN_STANDING)),
            model.data(model.index(n, COLUMN_DUE)),
            model.data(model.index(n, COLUMN_STANDING), Qt.ItemDataRole.BackgroundRole),
        )
        for n, row in enumerate(model.rows)
    }


def test_the_submissions_view_shows_each_light_in_colour_and_in_words(
    window: MainWindow, tmp_path: Path
) -> None:
    view = _view(window)
    view.due_edit.setDate(view.due_edit.date().currentDate().addDays(10))
    assert view.set_due_date(None)
    assert view.set_due_date("区商务局", TODAY - timedelta(days=2))
    assert view.set_due_date("区财政局", TODAY + timedelta(days=2))
    assert view.set_due_date("区发展改革局", TODAY - timedelta(days=5))
    _return_all(window.database, tmp_path, "区商务局")
    _return_all(window.database, tmp_path, "区住建局")
    view.refresh()
    cells = _cells(view)
    assert cells["区商务局"][0] == "◆ 迟报 2 天" and cells["区商务局"][2] == LIGHT_COLOURS["late"]
    assert "（单位自定）" in cells["区商务局"][1]
    assert cells["区住建局"][0] == "✓ 按时报送" and cells["区住建局"][2] == LIGHT_COLOURS["on_time"]
    assert cells["区财政局"][0] == "◔ 临期，还剩 2 天"
    assert cells["区财政局"][2] == LIGHT_COLOURS["due_soon"]
    assert cells["区发展改革局"][0] == "✗ 逾期 5 天"
    assert cells["区发展改革局"][2] == LIGHT_COLOURS["overdue"]
    due = TODAY + timedelta(days=10)
    assert cells["区住建局"][1] == f"{due.year}年{due.month}月{due.day}日"
    assert "1 个单位逾期" in view.summary.text()


def test_the_tree_narrows_to_the_rows_overdue_units_owe(window: MainWindow) -> None:
    view = _view(window)
    view.set_due_date(None, TODAY + timedelta(days=10))
    view.set_due_date("区商务局", TODAY - timedelta(days=1))
    with window.database.read() as session:
        plan = plan_for_year(session, 2024)
        owed = calendar.overdue_seqs(session, plan, H1, TODAY)
    assert owed
    window.menus.overdue.setChecked(True)
    window.quick_filter()
    shown = set()
    proxy = window.pane.proxy

    def walk(parent: QModelIndex) -> None:
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            if window.pane.indicator_at(index) is not None:
                shown.add(int(proxy.data(index)))
            walk(index)

    walk(QModelIndex())
    assert shown == set(owed)
    window.menus.overdue.setChecked(False)
    window.quick_filter()
    shown.clear()
    walk(QModelIndex())
    assert len(shown) == 53


def test_a_closed_period_is_read_only_in_the_window_with_a_mark(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kpi_desktop.ui.submissions_view.QMessageBox.warning", lambda *a, **k: None)
    view = _view(window)
    ids = {v.seq: v.id for v in window.document.views}
    window.select_indicator(ids[14])
    panel = window.panel.editable_panel
    assert panel is not None and panel.editable
    assert view.close_period()
    assert view.closed_label.isVisible() and "定稿" in view.closed_label.text()
    assert not view.close_button.isEnabled() and view.reopen_button.isEnabled()
    panel = window.panel.editable_panel
    assert panel is not None and not panel.editable
    assert "已定稿" in panel.title()
    assert panel.text.isReadOnly()
    box = window.period_box
    assert box.itemText(box.findData("2024H1")).endswith("■ 已定稿")
    assert not box.itemText(box.findData("2024Q1")).endswith("■ 已定稿")
    assert not view.reopen_period("")  # a reason is needed
    assert view.reopen_period("区商务局补报")
    panel = window.panel.editable_panel
    assert panel is not None and panel.editable and "已定稿" not in panel.title()
    history = view.history_text()
    assert "定稿" in history.splitlines()[0] and "区商务局补报" in history.splitlines()[1]


def test_a_round_of_chasing_and_its_notice(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(window)
    view.set_due_date(None, TODAY - timedelta(days=3))
    dialog = view.chase_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.way_box.setCurrentText("微信工作群")  # her own way, added to the list
    dialog.whom_edit.setText("各单位联络员")
    chase = dialog.record_round()
    assert chase is not None and chase.number == 1 and chase.how == "微信工作群"
    assert dialog.editor.toPlainText().startswith(
        "2024年上半年重点工作量化指标进展情况催报单（第1轮）"
    )
    assert "已逾期3天" in dialog.editor.toPlainText()
    assert dialog.way_box.findText("微信工作群") >= 0
    csv_file = dialog.save_csv(tmp_path / "催报.csv")
    assert csv_file is not None and csv_file.read_text(encoding="utf-8-sig").startswith("轮次,")
    pdf = dialog.save_pdf(tmp_path / "催报.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")


def test_marking_done_is_one_undoable_edit(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpi_desktop.services import done, editing
    from kpi_desktop.ui import undo_commands

    ids = {v.seq: v.id for v in window.document.views}
    with window.database.transaction() as session:
        editing.set_progress(session, ids[14], "2024H1", {"text": "新增52家。", "status": "done"})
    window.document.load(2024)

    def marked() -> dict[int, date]:
        with window.database.read() as session:
            return done.done_indicators(session, plan_for_year(session, 2024))

    push = window.document.undo_stack.push
    push(undo_commands.mark_done(window.document, ids[14], date(2024, 5, 10)))
    assert marked() == {ids[14]: date(2024, 5, 10)}
    window.document.undo()
    assert marked() == {}
    window.document.redo()
    push(undo_commands.reopen_done(window.document, ids[14]))
    assert marked() == {}
    window.document.undo()
    assert marked() == {ids[14]: date(2024, 5, 10)}
    refusals: list[str] = []
    monkeypatch.setattr(
        "kpi_desktop.ui.main_window.QMessageBox.warning", lambda *a: refusals.append(a[2])
    )
    push(undo_commands.mark_done(window.document, ids[32], date(2024, 5, 10)))
    assert ids[32] not in marked() and "不能办结" in refusals[0]


def test_the_assessment_window_starts_from_the_stored_due_date(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from kpi_desktop.ui.assessment_dialog import AssessmentDialog

    view = _view(window)
    view.set_due_date(None, date(2024, 7, 10))
    view.set_due_date("区商务局", date(2024, 7, 20))
    dialog = AssessmentDialog(window.document, window)
    qtbot.addWidget(dialog)
    assert dialog.has_due.isChecked() and dialog.due.date().toString("yyyy-MM-dd") == "2024-07-10"
    rows = {r.unit: r for r in dialog.table().rows}
    assert rows["区商务局"].due == date(2024, 7, 20) and rows["区财政局"].due == date(2024, 7, 10)
    dialog.has_due.setChecked(False)
    assert all(r.due is None for r in dialog.table().rows)


def test_closing_warns_while_findings_are_open(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks run before closing: open findings ask first (No keeps the period open),
    and they do not block (Yes, then the closing question, closes it)."""
    from PySide6.QtWidgets import QMessageBox

    window.select_period("2024Q1")  # the built-in first quarter: 滞后 rows without 存在问题
    view = _view(window)
    asked: list[str] = []
    answers: list[QMessageBox.StandardButton] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr("kpi_desktop.ui.submissions_view.QMessageBox.question", question)
    answers[:] = [QMessageBox.StandardButton.No]
    view.ask_close()
    assert len(asked) == 1 and "条检查发现未处理" in asked[0] and "定稿" in asked[0]
    assert not view.closed_label.isVisible()
    answers[:] = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes]
    view.ask_close()
    assert len(asked) == 3 and view.closed_label.isVisible()
