"""The note and the leadership instructions in the window, as the clerk uses them: typed and
saved, recorded through the dialog (a refusal keeps it open and saves nothing), marked followed
up, removed, every step undone and redone on the window's one undo history; History names
them; the print dialog's columns ask for them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog

from kpi_desktop.domain.notes import FollowUp
from kpi_desktop.services import notes
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.ui.app import Shell
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.notes_box import COLUMN_FOLLOW_UP, InstructionDialog, NotesBox


@pytest.fixture
def shell(qapp: QApplication, tmp_path: Path) -> Iterator[Shell]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shell = Shell(qapp, settings)
    yield shell
    shell.translations.remove()


@pytest.fixture
def window(qtbot: Any, shell: Shell, db_path: Path) -> Iterator[MainWindow]:
    win = shell.show(open_plan_database(db_path))
    qtbot.addWidget(win)
    win.select_period("2024H1")
    ids = {v.seq: v.id for v in win.document.views}
    assert win.select_indicator(ids[32])
    yield win
    win.panel.flush()
    win.database.close()


def _box(window: MainWindow) -> NotesBox:
    return window.panel.notes


def _stored(window: MainWindow) -> notes.PeriodNotes:
    box = _box(window)
    assert box.indicator_id is not None
    with window.database.read() as session:
        return notes.notes_of(session, box.indicator_id, "2024H1")


def _record(window: MainWindow, **typed: str) -> InstructionDialog:
    box = _box(window)
    assert box.indicator_id is not None
    dialog = InstructionDialog(window.document, box.indicator_id, "2024H1", None, box)
    dialog.leader.setText(typed.get("leader", "王区长"))
    dialog.given_on.setText(typed.get("given_on", "2024年5月10日"))
    dialog.text.setPlainText(typed.get("text", "请区人力社保局加快推进。"))
    dialog.accept()
    return dialog


def test_the_note_is_saved_as_typed_and_undone_with_the_window(
    qtbot: Any, window: MainWindow
) -> None:
    box = _box(window)
    assert box.isVisible() and "上半年" in box.title()
    box.remark.setFocus()
    box.remark.insertPlainText("与人社局核对过口径")
    qtbot.keyClicks(box.remark, "OK")
    qtbot.waitUntil(lambda: _stored(window).remark == "与人社局核对过口径OK")
    # One burst of typing is one step of the undo history.
    assert window.document.undo_stack.count() == 1
    window.document.undo()
    assert _stored(window).remark == "" and box.remark.toPlainText() == ""
    window.document.redo()
    assert _stored(window).remark == "与人社局核对过口径OK"
    assert box.remark.toPlainText() == "与人社局核对过口径OK"


def test_typing_not_yet_saved_is_saved_before_another_indicator_shows(
    window: MainWindow,
) -> None:
    box = _box(window)
    box.remark.insertPlainText("先记一笔")
    first = box.indicator_id
    ids = {v.seq: v.id for v in window.document.views}
    assert window.select_indicator(ids[33])
    assert box.indicator_id == ids[33] and box.remark.toPlainText() == ""
    with window.database.read() as session:
        assert first is not None
        assert notes.notes_of(session, first, "2024H1").remark == "先记一笔"


def test_an_instruction_recorded_marked_done_removed_and_each_step_undone(
    window: MainWindow,
) -> None:
    box = _box(window)
    assert box.empty.isVisibleTo(box) and not box.table.isVisibleTo(box)
    assert _record(window).result() == QDialog.DialogCode.Accepted
    (item,) = _stored(window).instructions
    assert (item.leader, item.given_on, item.follow_up) == (
        "王区长",
        date(2024, 5, 10),
        FollowUp.PENDING,
    )
    assert box.model.rowCount() == 1 and box.table.isVisibleTo(box)
    assert box.model.index(0, COLUMN_FOLLOW_UP).data() in ("待落实", "to be followed up")

    box.table.selectRow(0)
    assert box.done_button.isEnabled()
    box.done_button.click()
    assert _stored(window).instructions[0].follow_up is FollowUp.DONE
    assert not box.done_button.isEnabled()  # the row stays selected, already done

    box.remove_button.click()
    assert _stored(window).instructions == ()
    assert box.model.rowCount() == 0 and box.empty.isVisibleTo(box)

    stack = window.document.undo_stack
    window.document.undo()  # the removal
    assert [i.id for i in _stored(window).instructions] == [item.id]
    window.document.undo()  # marked done
    assert _stored(window).instructions[0].follow_up is FollowUp.PENDING
    window.document.undo()  # recorded
    assert _stored(window).instructions == ()
    for _ in range(3):
        window.document.redo()
    assert stack.index() == 3
    assert [i.id for i in _stored(window).instructions] == []  # removed again, as it was
    window.document.undo()
    (back,) = _stored(window).instructions
    assert back.id == item.id and back.follow_up is FollowUp.DONE  # the same, under its id


def test_a_refused_instruction_keeps_the_dialog_open_and_saves_nothing(
    window: MainWindow,
) -> None:
    dialog = _record(window, text="   ")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.refusal.isVisibleTo(dialog)
    assert "批示的内容是空的" in dialog.refusal.text() or "no words" in dialog.refusal.text()
    dialog = _record(window, given_on="五月十日")
    assert "五月十日" in dialog.refusal.text()
    assert _stored(window).instructions == ()
    assert window.document.undo_stack.count() == 0


def test_correcting_an_instruction_and_its_follow_up_is_one_undo_step(
    window: MainWindow,
) -> None:
    _record(window)
    box = _box(window)
    box.table.selectRow(0)
    item = box.selected()
    assert item is not None
    dialog = InstructionDialog(window.document, item.indicator_id, item.period, item, box)
    assert dialog.leader.text() == "王区长" and dialog.given_on.text() == "2024-05-10"
    dialog.text.setPlainText("请加快推进，月底前报进展。")
    dialog.follow_up.setCurrentIndex(dialog.follow_up.findData(FollowUp.FOLLOWING.value))
    dialog.accept()
    (now,) = _stored(window).instructions
    assert (now.text, now.follow_up) == ("请加快推进，月底前报进展。", FollowUp.FOLLOWING)
    window.document.undo()
    (before,) = _stored(window).instructions
    assert (before.text, before.follow_up) == ("请区人力社保局加快推进。", FollowUp.PENDING)


def test_history_names_the_note_and_the_instruction(window: MainWindow) -> None:
    from kpi_desktop.ui.history_dialog import HistoryModel

    _record(window)
    box = _box(window)
    box.table.selectRow(0)
    box.done_button.click()
    box.remark.insertPlainText("口径：只算新增。")
    box.flush()
    assert box.indicator_id is not None
    model = HistoryModel(window.document, box.indicator_id)
    rows = [
        # period, what, earlier and new value (the who is beside the when, column 1)
        tuple(model.index(row, column).data() for column in (2, 3, 4, 5))
        for row in range(model.rowCount())
    ]
    assert rows[:3] == [
        ("2024H1", "备注", "", "口径：只算新增。"),
        ("2024H1", "落实情况", "待落实", "已落实"),
        ("2024H1", "记录领导批示", "", "2024-05-10 王区长：请区人力社保局加快推进。"),
    ]


def test_a_file_opened_read_only_shows_the_notes_without_changing_them(
    qtbot: Any, shell: Shell, db_path: Path
) -> None:
    database = open_plan_database(db_path)
    with database.transaction() as session:
        from kpi_desktop.services.queries import indicator_views, plan_for_year

        view = next(
            v for v in indicator_views(session, plan_for_year(session, 2024)) if v.seq == 32
        )
        notes.set_remark(session, view.id, "2024H1", "只读时也看得到。")
        notes.add_instruction(session, view.id, "2024H1", "王区长", "2024-05-10", "抓紧。")
    database.close()
    win = shell.show(open_plan_database(db_path, read_only=True))
    qtbot.addWidget(win)
    try:
        win.select_period("2024H1")
        assert win.select_indicator(view.id)
        box = win.panel.notes
        assert box.remark.toPlainText() == "只读时也看得到。" and box.remark.isReadOnly()
        box.table.selectRow(0)
        assert not box.add_button.isEnabled() and not box.remove_button.isEnabled()
        assert not box.done_button.isEnabled()
    finally:
        win.database.close()


def test_the_print_dialog_asks_for_the_columns_off_by_default(window: MainWindow) -> None:
    from kpi_desktop.ui.print_dialog import PrintOptionsDialog

    dialog = PrintOptionsDialog(window.document, window)
    assert not dialog.options().with_instructions and not dialog.options().with_remarks
    dialog.instructions.setChecked(True)
    dialog.remarks.setChecked(True)
    options = dialog.options()
    assert options.with_instructions and options.with_remarks
    dialog.deleteLater()


def test_the_follow_up_column_is_coloured_until_followed_up(window: MainWindow) -> None:
    _record(window)
    box = _box(window)
    index = box.model.index(0, COLUMN_FOLLOW_UP)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    box.table.selectRow(0)
    box.done_button.click()
    assert box.model.index(0, COLUMN_FOLLOW_UP).data(Qt.ItemDataRole.ForegroundRole) is None


def test_history_restores_an_earlier_note_as_restored(window: MainWindow) -> None:
    from kpi_desktop.ui.history_dialog import HistoryDialog

    box = _box(window)
    for text in ("第一稿", "第二稿"):
        box.remark.selectAll()
        box.remark.insertPlainText(text)
        box.flush()
    assert box.indicator_id is not None
    dialog = HistoryDialog(window.document, box.indicator_id, window)
    newest = dialog.model.index(0, 0)
    dialog.table.setCurrentIndex(newest)
    assert dialog.restore_old.isEnabled()
    dialog.restore(earlier=True)
    assert _stored(window).remark == "第一稿" and box.remark.toPlainText() == "第一稿"
    latest = dialog.model.rows[0]
    assert (latest.entity, latest.new_value, latest.source) == ("remark", "第一稿", "restored")
    window.document.undo()
    assert _stored(window).remark == "第二稿"
    dialog.deleteLater()
