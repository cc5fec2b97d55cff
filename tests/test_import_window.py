"""Importing returns in the window: four returns at once, the preview, accepting some or all,
the tree and the submissions view afterwards, a refused file, the chase list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

pytest.importorskip("pytestqt")

from excel_support import H1, fill_template, snapshot, write_table
from PySide6.QtCore import QModelIndex, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.status import Status
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.excel_template import TemplateInfo, export_templates_per_unit
from kpi_desktop.services.importing import RowState
from kpi_desktop.services.queries import plan_for_year
from kpi_desktop.services.submissions import chase_list, chase_text
from kpi_desktop.ui.app import Shell
from kpi_desktop.ui.import_dialog import ImportPreviewDialog
from kpi_desktop.ui.import_preview_model import (
    COLUMN_DETAILS,
    COLUMN_ITEM,
    COLUMN_STATE,
    ImportPreviewModel,
)
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.submissions_view import (
    COLUMN_FILES,
    COLUMN_RETURNED,
    COLUMN_WHEN,
    NOT_ANSWERED,
    ChaseDialog,
    SubmissionsModel,
    local_time,
)
from kpi_desktop.ui.templates_dialog import (
    ExportTemplatesDialog,
    PlanIdentityDialog,
    new_plan_from_table,
)
from kpi_desktop.ui.tree_model import StatusRole

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


def _seqs(info: TemplateInfo) -> list[int]:
    sheet = openpyxl.load_workbook(info.path)["进展情况"]
    return [c.value for c in sheet["A"][3:] if isinstance(c.value, int)]


def _four_returns(database: Any, folder: Path) -> dict[str, tuple[Path, list[int]]]:
    """Templates for every unit of 2024H1; four of them filled in. unit -> (file, its rows)."""
    with database.read() as session:
        infos = export_templates_per_unit(session, H1, folder / "out")
    filled: dict[str, tuple[Path, list[int]]] = {}
    for info in infos[:4]:
        assert info.unit is not None
        seqs = _seqs(info)
        values = {seq: f"{info.unit}：第{seq}项上半年进展。" for seq in seqs}
        path = fill_template(info.path, folder / f"{info.unit}-回.xlsx", values)
        filled[info.unit] = (path, seqs)
    return filled


def _open_preview(qtbot, win: MainWindow, paths: list[Path]) -> ImportPreviewDialog:  # type: ignore[no-untyped-def]
    win.import_files(paths)
    dialog = win.import_dialog
    if dialog.preview is None:
        with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
            pass
    assert dialog.preview is not None
    return dialog


def _accept(qtbot, dialog: ImportPreviewDialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def _submissions(win: MainWindow) -> dict[str, tuple[str, str]]:
    model = win.submissions_dock.view.model
    return {
        row.unit: (
            model.data(model.index(number, COLUMN_RETURNED)),
            model.data(model.index(number, COLUMN_WHEN)),
        )
        for number, row in enumerate(model.rows)
    }


def test_four_returns_preview_accept_updates_tree_and_submissions(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    returns = _four_returns(window.database, tmp_path)
    window.submissions_dock.show()
    before = _submissions(window)
    assert all(when == "未报送" for _returned, when in before.values())

    dialog = _open_preview(qtbot, window, [path for path, _seqs in returns.values()])
    # The reading thread said which file it was on; the last one was the fourth.
    last = list(returns.values())[-1][0].name
    assert dialog.busy_bar.maximum() == 4 and dialog.busy_bar.value() == 3
    assert dialog.busy_label.text() == f"正在读取第 4 个文件（共 4 个）：{last}"
    model = dialog.model
    assert [f.name for f in model.files] == [path.name for path, _s in returns.values()]
    for number, (unit, (_path, seqs)) in enumerate(returns.items()):
        top = model.index(number, COLUMN_ITEM)
        file = model.file_at(top)
        assert file is not None and file.unit == unit and file.period == "2024H1"
        assert model.rowCount(top) == len(seqs)
        shown = [model.data(model.index(r, COLUMN_ITEM, top)) for r in range(len(seqs))]
        assert shown == [str(seq) for seq in seqs]
        states = {model.data(model.index(r, COLUMN_STATE, top)) for r in range(len(seqs))}
        assert states == {"新增"}
        assert model.data(top, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    expected_rows = sum(len(seqs) for _p, seqs in returns.values())
    assert len(model.checked_keys()) == expected_rows

    _accept(qtbot, dialog)
    assert dialog.outcome is not None and dialog.outcome.written == expected_rows
    assert dialog.outcome.backup is not None and dialog.outcome.backup.exists()
    assert str(dialog.outcome.backup) in dialog.done_label.text()

    document = window.document
    assert document.period == "2024H1"
    for unit, (_path, seqs) in returns.items():
        for seq in seqs:
            view = next(v for v in document.views if v.seq == seq)
            assert f"{unit}：第{seq}项上半年进展。" in view.progress["2024H1"].text
    imported_seq, unit = next((seqs[0], u) for u, (_p, seqs) in returns.items())
    imported_id = next(v.id for v in document.views if v.seq == imported_seq)
    assert window.select_indicator(imported_id)
    panel = window.panel.editable_panel
    assert panel is not None
    assert f"{unit}：第{imported_seq}项上半年进展。" in panel.text.toPlainText()
    statuses = {
        window.tree_model.data(index.siblingAtColumn(0), StatusRole)
        for index in window.tree_model.indexes_of(imported_id)
    }
    assert statuses and None not in statuses and Status.NOT_REPORTED.value not in statuses

    after = _submissions(window)
    model = window.submissions_dock.view.model
    for unit, (path, seqs) in returns.items():
        assert after[unit][0] == f"{len(seqs)} / {len(seqs)}"
        number = next(i for i, r in enumerate(model.rows) if r.unit == unit)
        answer = model.rows[number]
        assert answer.last_received is not None
        assert after[unit][1] == local_time(answer.last_received) != ""
        assert model.data(model.index(number, COLUMN_FILES)) == path.name
    others = [unit for unit in after if unit not in returns]
    assert others
    for unit in others:
        assert after[unit][1] == "未报送" and after[unit][0].startswith("0 / ")
        number = next(
            i for i, r in enumerate(window.submissions_dock.view.model.rows) if r.unit == unit
        )
        index = window.submissions_dock.view.model.index(number, 0)
        assert (
            window.submissions_dock.view.model.data(index, Qt.ItemDataRole.BackgroundRole)
            == NOT_ANSWERED
        )


def test_only_checked_rows_are_imported(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    returns = _four_returns(window.database, tmp_path)
    (path, seqs), *_ = returns.values()
    dialog = _open_preview(qtbot, window, [path])
    model = dialog.model
    top = model.index(0, COLUMN_ITEM)
    first = model.index(0, COLUMN_ITEM, top)
    assert model.setData(first, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert model.data(top, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    _accept(qtbot, dialog)
    views = {v.seq: v for v in window.document.views}
    assert "2024H1" not in views[seqs[0]].progress
    assert all("2024H1" in views[seq].progress for seq in seqs[1:])

    # None checked: nothing to import, the button says so by being off.
    dialog = _open_preview(qtbot, window, [path])
    dialog.check_none_button.click()
    assert dialog.model.checked_keys() == [] and not dialog.import_button.isEnabled()


def test_changed_row_shows_old_and_new_text_side_by_side(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    returns = _four_returns(window.database, tmp_path)
    unit, (path, seqs) = next(iter(returns.items()))
    _accept(qtbot, _open_preview(qtbot, window, [path]))
    again = fill_template(
        tmp_path / "out" / f"2024H1-{unit}.xlsx",
        tmp_path / f"{unit}-改.xlsx",
        {seqs[0]: "改过的上半年进展。"},
    )
    dialog = _open_preview(qtbot, window, [again])
    top = dialog.model.index(0, COLUMN_ITEM)
    index = dialog.model.index(0, COLUMN_ITEM, top)
    row = dialog.model.row_at(index)
    assert row is not None and row.state is RowState.CHANGED
    assert dialog.model.data(dialog.model.index(0, COLUMN_STATE, top)) == "有改动"
    dialog.tree.setCurrentIndex(index)
    assert dialog.old_text.toPlainText() == f"{unit}：第{seqs[0]}项上半年进展。"
    assert dialog.new_text.toPlainText() == "改过的上半年进展。"


def test_refused_file_shows_its_message_and_applies_nothing(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    bad = tmp_path / "报送.xlsx"
    bad.write_text("序号,重点工作\n3,实际利用外资\n", encoding="utf-8")
    before = snapshot(window.database)
    dialog = _open_preview(qtbot, window, [bad])
    model = dialog.model
    top = model.index(0, COLUMN_ITEM)
    file = model.file_at(top)
    assert file is not None and file.error is not None
    message = model.data(model.index(0, COLUMN_DETAILS))
    assert message == file.error.message() and "报送.xlsx" in message
    assert model.data(model.index(0, COLUMN_STATE)) == "拒收"
    assert model.data(top, Qt.ItemDataRole.CheckStateRole) is None
    assert not model.flags(top) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(top, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert not dialog.import_button.isEnabled()
    dialog.tree.setCurrentIndex(top)
    assert dialog.row_message.text() == file.error.message()
    dialog.import_selected()
    assert dialog.outcome is None
    assert snapshot(window.database) == before


def test_refused_row_cannot_be_checked(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    returns = _four_returns(window.database, tmp_path)
    _unit, (path, seqs) = next(iter(returns.items()))
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["进展情况"]
    sheet.cell(4, 2).value = "完全不是这一项的文字。"
    broken = tmp_path / "错一行.xlsx"
    workbook.save(broken)
    dialog = _open_preview(qtbot, window, [broken])
    model = dialog.model
    top = model.index(0, COLUMN_ITEM)
    index = model.index(0, COLUMN_ITEM, top)
    row = model.row_at(index)
    assert row is not None and row.state is RowState.REFUSED and row.error is not None
    assert model.data(model.index(0, COLUMN_DETAILS, top)) == row.error.message()
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) is None
    assert not model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert row.key not in model.checked_keys()
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DisplayRole) == "部分拒收"
    # The rest of the file can still be imported.
    _accept(qtbot, dialog)
    views = {v.seq: v for v in window.document.views}
    assert all("2024H1" in views[seq].progress for seq in seqs[1:])
    assert "2024H1" not in views[seqs[0]].progress


def test_preview_model(qtmodeltester, qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    returns = _four_returns(window.database, tmp_path)
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    dialog = _open_preview(qtbot, window, [p for p, _s in returns.values()] + [bad])
    qtmodeltester.check(dialog.model)
    dialog.model.check_all(False)
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(ImportPreviewModel())


def test_submissions_model(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.submissions_dock.show()
    model: SubmissionsModel = window.submissions_dock.view.model
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    assert model.index(0, 0, model.index(0, 0)) == QModelIndex()


def test_chase_list_text_copy_and_csv(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    returns = _four_returns(window.database, tmp_path)
    _accept(qtbot, _open_preview(qtbot, window, [p for p, _s in returns.values()]))
    window.submissions_dock.show()
    dialog = window.submissions_dock.view.chase_dialog()
    assert isinstance(dialog, ChaseDialog)
    qtbot.addWidget(dialog)
    text = dialog.editor.toPlainText()
    with window.database.read() as session:
        items = chase_list(session, plan_for_year(session, 2024), H1)
    assert text == chase_text(items, H1, "2024年")
    assert text.startswith("2024年上半年进展情况催报名单")
    for unit in returns:
        assert f"{unit}（" not in text
    assert {item.unit for item in items} == {
        unit for unit in _submissions(window) if unit not in returns
    }
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == text
    saved = dialog.save_csv(tmp_path / "催报.csv")
    assert saved is not None
    content = saved.read_bytes().decode("utf-8")
    assert content.startswith("\ufeff牵头单位,状态,序号,重点工作")
    assert sum(len(item.rows) for item in items) == content.count("\r\n") - 1


def test_period_chosen_for_a_file_that_names_none(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    table = write_table(
        tmp_path / "区商务局.xlsx",
        [
            ["区商务局报送"],
            ["序号", "重点工作", "牵头单位", "进展情况"],
            [3, TEXT_3, "区商务局", "上半年5亿美元。"],
        ],
    )
    dialog = _open_preview(qtbot, window, [table])
    file = dialog.model.files[0]
    assert file.error is not None and file.error.code == "return.no_period"
    assert not dialog.import_button.isEnabled()

    dialog.period_box.setCurrentIndex(dialog.period_box.findData("2024H1"))
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.period_box.activated.emit(dialog.period_box.currentIndex())
    file = dialog.model.files[0]
    assert file.error is None and file.period == "2024H1"
    _accept(qtbot, dialog)
    view = next(v for v in window.document.views if v.seq == 3)
    assert view.progress["2024H1"].text == "上半年5亿美元。"


def test_closing_while_the_files_are_read_drops_the_answer(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    returns = _four_returns(window.database, tmp_path)
    before = snapshot(window.database)
    window.import_files([p for p, _s in returns.values()])
    dialog = window.import_dialog
    # The answer arriving for a dialog already deleted must be dropped, not raise in the
    # event loop ("Internal C++ object already deleted").
    with qtbot.captureExceptions() as raised:
        dialog.reject()  # deleted on close, while the worker still reads
        qtbot.waitUntil(
            lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=60_000
        )
        QApplication.processEvents()
    assert raised == []
    assert snapshot(window.database) == before


def test_export_templates_dialog_writes_one_file_per_unit(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    dialog = ExportTemplatesDialog(window.document, window)
    qtbot.addWidget(dialog)
    assert dialog.period_box.currentData() == window.document.period
    dialog.period_box.setCurrentIndex(dialog.period_box.findData("2024H1"))
    dialog.target_edit.setText(str(tmp_path / "模板"))
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    dialog.export()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    units = {view_unit for v in window.document.views for view_unit in v.canonical_units}
    assert {info.unit for info in dialog.written} == units
    assert sorted(p.name for p in (tmp_path / "模板").iterdir()) == sorted(
        f"2024H1-{unit}.xlsx" for unit in units
    )

    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("区商务局"))
    assert dialog.target_edit.text().endswith(".xlsx")
    dialog.export()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    (info,) = dialog.written
    assert info.unit == "区商务局" and info.path.exists() and info.period == "2024H1"


def test_new_plan_from_a_table(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "kpi_desktop.ui.templates_dialog.QMessageBox.information",
        lambda _parent, _title, text: shown.append(text),
    )
    asked: list[tuple[int, str, str]] = []

    def confirm(_parent: object, year: int, region: str, title: str) -> tuple[str, str]:
        asked.append((year, region, title))
        return region, title

    monkeypatch.setattr("kpi_desktop.ui.templates_dialog.ask_plan_identity", confirm)
    table = write_table(
        tmp_path / "2025年计划.xlsx",
        [
            ["2025年钱塘区政府工作报告重点工作量化指标"],
            ["序号", "重点工作", "牵头单位"],
            [1, "地区生产总值增长6%左右。", "区发改局"],
            [2, "新增限上社零企业60家。", "区商务局"],
        ],
    )
    created = new_plan_from_table(window.document, window, table)
    assert created is not None and created.year == 2025 and created.indicators == 2
    # The region is the table's; the wording that of the office's earlier plan, year changed.
    assert asked == [(2025, "钱塘区", "2025年钱塘区政府报告重点工作量化指标")]
    assert window.document.plan is not None and window.document.plan.year == 2025
    assert [v.seq for v in window.document.views] == [1, 2]
    assert shown and "2025" in shown[0]

    warned: list[str] = []
    monkeypatch.setattr(
        "kpi_desktop.ui.templates_dialog.QMessageBox.warning",
        lambda _parent, _title, text: warned.append(text),
    )
    assert new_plan_from_table(window.document, window, table) is None
    assert warned and "2025" in warned[0]


def test_the_clerk_confirms_or_gives_the_new_plans_region_and_title(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(
        "kpi_desktop.ui.templates_dialog.QMessageBox.information", lambda *_args: None
    )
    dialog = PlanIdentityDialog(window, 2025, "", "2025年重点工作")
    qtbot.addWidget(dialog)
    assert dialog.region.text() == "" and "苍南县" in dialog.region.placeholderText()
    dialog.region.setText(" 苍南县 ")
    dialog.title_edit.setText("2025年苍南县重点工作量化指标")
    assert dialog.identity() == ("苍南县", "2025年苍南县重点工作量化指标")
    dialog.title_edit.setText("  ")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

    table = write_table(
        tmp_path / "2025.xlsx",
        [["2025年重点工作"], ["序号", "重点工作", "牵头单位"], [1, "新增就业1万人。", "县人社局"]],
    )
    monkeypatch.setattr(
        "kpi_desktop.ui.templates_dialog.ask_plan_identity",
        lambda _parent, _year, _region, _title: ("苍南县", "2025年苍南县重点工作量化指标"),
    )
    created = new_plan_from_table(window.document, window, table)
    assert created is not None and created.region == "苍南县"
    assert window.document.plan is not None and window.document.plan.region == "苍南县"
    assert window.document.plan.title == "2025年苍南县重点工作量化指标"
    # Cancelling the question makes no plan.
    monkeypatch.setattr("kpi_desktop.ui.templates_dialog.ask_plan_identity", lambda *_args: None)
    other = write_table(
        tmp_path / "2026.xlsx",
        [["2026年重点工作"], ["序号", "重点工作", "牵头单位"], [1, "新增就业1万人。", "县人社局"]],
    )
    assert new_plan_from_table(window.document, window, other) is None
    assert 2026 not in window.document.years


def test_a_refused_import_is_shown_and_nothing_changes(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    returns = _four_returns(window.database, tmp_path)
    dialog = _open_preview(qtbot, window, [p for p, _s in returns.values()])
    before = snapshot(window.database)

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise KpiError("db.disk_full", path=str(window.database.path))

    monkeypatch.setattr("kpi_desktop.ui.import_dialog.apply_import", full_disk)
    dialog.import_selected()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.outcome is None
    assert KpiError("db.disk_full", path=str(window.database.path)).message() in (
        dialog.banner.text()
    )
    assert "没有导入任何内容" in dialog.banner.text()
    assert dialog.import_button.isEnabled()  # she may free some space and try again
    assert snapshot(window.database) == before
