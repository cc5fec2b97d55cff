"""The window's column assignment: shown only where the reader is unsure, prefilled with its
reading, remembered for tables of the same layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from excel_support import write_table
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from kpi_desktop.domain.columns import Role
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.new_plan import plan_spec_from_table
from kpi_desktop.services.returns import table_preview
from kpi_desktop.storage.engine import open_database
from kpi_desktop.ui.app import Shell
from kpi_desktop.ui.column_dialog import ColumnDialog, choose_columns
from kpi_desktop.ui.main_window import MainWindow

CORPUS = Path(__file__).parent / "fixtures" / "tables"


def _odd(path: Path) -> Path:
    return write_table(
        path,
        [
            ["2026年某某表"],
            ["编码", "甲栏", "乙栏", "丙栏"],
            [1, "新增就业1万人", "区人社局", "已完成8000人"],
            [2, "新建幼儿园2所", "区教育局", "已开工"],
        ],
    )


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_dialog_shows_the_first_rows_with_the_readers_guess(qapp: QApplication) -> None:
    preview = table_preview(CORPUS / "t32_yueyanglou_m06.xls")
    assert not preview.sure  # 已完成数 is only probably the progress
    dialog = ColumnDialog(preview)
    assert dialog.table.item(1, 0).text().startswith("1-6月岳阳楼区")  # the title above
    assert dialog.table.item(2, 1).text() == "考核指标"
    assert dialog.table.item(3, 1).text() == "增加公办义务教育学位"
    assert dialog.roles[1].currentData() == Role.TEXT.value
    assert dialog.roles[5].currentData() == Role.PROGRESS.value
    assert dialog.header_row.value() == 2
    choice = dialog.choice()
    assert choice.columns[Role.TEXT] == (1,) and choice.header_row == 2


def test_a_dialog_without_the_text_column_is_not_accepted(
    qapp: QApplication, tmp_path: Path
) -> None:
    dialog = ColumnDialog(table_preview(_odd(tmp_path / "odd.xlsx")))
    for box in dialog.roles:
        box.setCurrentIndex(0)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.problem.text()


def test_the_clerk_is_asked_once_per_layout_and_the_choice_builds_the_plan(
    qapp: QApplication, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = _odd(tmp_path / "odd.xlsx")
    asked: list[Any] = []

    def exec_(dialog: ColumnDialog) -> int:
        asked.append(dialog)
        dialog.roles[0].setCurrentIndex(dialog.roles[0].findData(Role.SEQ.value))
        dialog.roles[1].setCurrentIndex(dialog.roles[1].findData(Role.TEXT.value))
        dialog.roles[2].setCurrentIndex(dialog.roles[2].findData(Role.UNITS.value))
        dialog.roles[3].setCurrentIndex(0)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ColumnDialog, "exec", exec_)
    go_on, choice = choose_columns(table, None, settings)
    assert go_on and choice is not None and len(asked) == 1
    assert choice.columns == {Role.SEQ: (0,), Role.TEXT: (1,), Role.UNITS: (2,)}
    database = open_database(tmp_path / "empty.sqlite", fill_new=lambda session: None)
    try:
        with database.read() as session:
            spec = plan_spec_from_table(session, table, choice=choice)
    finally:
        database.close()
    assert [(i.seq, i.text, i.lead_units) for i in spec.indicators] == [
        (1, "新增就业1万人", ("区人社局",)),
        (2, "新建幼儿园2所", ("区教育局",)),
    ]
    # next year's table of the same layout, its title a row longer: read unasked, as before
    again = write_table(
        tmp_path / "again.xlsx",
        [["附件"], ["2027年某某表"], ["编码", "甲栏", "乙栏", "丙栏"], [1, "甲", "区人社局", "乙"]],
    )
    go_on, remembered = choose_columns(again, None, settings)
    assert go_on and len(asked) == 1
    assert remembered is not None and remembered.columns == choice.columns
    assert remembered.header_row == 3


def test_a_table_the_reader_is_sure_of_is_read_unasked(
    qapp: QApplication, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ColumnDialog, "exec", lambda _dialog: pytest.fail("asked"))
    assert choose_columns(CORPUS / "t10_lishan_2023_plan.xls", None, settings) == (True, None)


def test_cancelling_the_dialog_builds_nothing(
    qapp: QApplication, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ColumnDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    assert choose_columns(_odd(tmp_path / "odd.xlsx"), None, settings) == (False, None)
    assert not settings.allKeys()


TEXT_3 = "实际利用外资11亿美元以上。"


@pytest.fixture
def window(qtbot, qapp: QApplication, tmp_path: Path, db_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    shell = Shell(qapp, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = shell.show(open_plan_database(db_path))
    qtbot.addWidget(win)
    yield win
    win.panel.flush()
    win.database.close()
    shell.translations.remove()


def test_a_return_refused_for_its_columns_is_read_as_the_clerk_assigns_them(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = write_table(
        tmp_path / "区商务局.xlsx",
        [
            ["2024年上半年重点工作报送"],
            ["编码", "甲栏", "乙栏", "丙栏"],
            [3, TEXT_3, "区商务局", "上半年实际利用外资6亿美元。"],
        ],
    )
    window.import_files([odd])
    dialog = window.import_dialog
    if dialog.preview is None:
        with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
            pass
    assert dialog.preview is not None
    (file,) = dialog.preview.files
    assert file.error is not None and file.error.code == "return.no_table"
    dialog._show_selection(file, None)
    assert dialog.columns_button.isVisibleTo(dialog)

    def exec_(ask: ColumnDialog) -> int:
        for index, role in enumerate((Role.SEQ, Role.TEXT, Role.UNITS, Role.PROGRESS)):
            ask.roles[index].setCurrentIndex(ask.roles[index].findData(role.value))
        ask.header_row.setValue(2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ColumnDialog, "exec", exec_)
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.columns_button.click()
    (file,) = dialog.preview.files
    assert file.error is None and file.period == "2024H1"
    assert [(r.seq, r.new.get("text")) for r in file.rows if r.new] == [
        (3, "上半年实际利用外资6亿美元。")
    ]
    # another unit's return laid out the same way: read unasked with the remembered columns
    dialog.close()
    monkeypatch.setattr(ColumnDialog, "exec", lambda _ask: pytest.fail("asked again"))
    other = write_table(
        tmp_path / "区发改局.xlsx",
        [
            ["附件"],
            ["2024年上半年重点工作报送"],
            ["编码", "甲栏", "乙栏", "丙栏"],
            [3, TEXT_3, "区商务局", "上半年实际利用外资7亿美元。"],
        ],
    )
    window.import_files([other])
    again = window.import_dialog
    with qtbot.waitSignal(again.previewReady, timeout=60_000):
        pass
    (file,) = again.preview.files
    assert file.error is None and [r.new.get("text") for r in file.rows if r.new] == [
        "上半年实际利用外资7亿美元。"
    ]
