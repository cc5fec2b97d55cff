"""The checks and the assessment in the window: the findings list jumps to its indicator and
dismisses with a reason; printing warns while findings are open, and goes on if the clerk
says so; the assessment dialog shows the service's table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from kpi_desktop.domain.checks import CheckRule
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.ui.app import Shell
from kpi_desktop.ui.checks_dialog import COLUMN_MESSAGE, COLUMN_STATE, ChecksDialog
from kpi_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, qapp: QApplication, tmp_path: Path, db_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shell = Shell(qapp, settings)
    win = shell.show(open_plan_database(db_path))
    qtbot.addWidget(win)
    win.select_period("2024Q1")  # the built-in first quarter has ten findings
    yield win
    win.panel.flush()
    assert win.database is not None
    win.database.close()
    shell.translations.remove()


def _dialog(window: MainWindow) -> ChecksDialog:
    window.menus.checks.trigger()
    dialog = window.dialogs._checks
    assert isinstance(dialog, ChecksDialog)
    return dialog


def test_the_findings_list_jumps_to_the_indicator_and_dismisses_with_a_reason(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(window)
    assert dialog.isVisible()
    model = dialog.model
    assert model.rowCount() == 10
    assert "一季度检查发现 10 条问题" in dialog.summary.text()
    row = next(r for r in range(model.rowCount()) if model.rows[r].seq == 50)
    finding = model.rows[row]
    assert finding.rule is CheckRule.VERDICT
    assert "单位自评“已完成”" in model.index(row, COLUMN_MESSAGE).data()
    dialog.view.setCurrentIndex(model.index(row, 0))
    dialog.go.click()
    assert window.current_indicator_id() == finding.indicator_id
    # Cancelled, or without a reason: nothing changes.
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("", True))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    dialog.dismiss_button.click()
    assert warned and "需要写明理由" in warned[0]
    assert model.rowCount() == 10 and all(f.open for f in model.rows)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("单位按月度计划自评。", True))
    dialog.view.setCurrentIndex(model.index(row, 0))
    dialog.dismiss_button.click()
    # Checked again after the write: the dismissed one moves to the end, marked.
    assert "一季度检查发现 9 条问题（另有 1 条已忽略）" in dialog.summary.text()
    last = model.rowCount() - 1
    assert model.rows[last].seq == 50 and not model.rows[last].open
    assert model.index(last, COLUMN_STATE).data() == "已忽略：单位按月度计划自评。"


def test_printing_warns_while_findings_are_open(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    printed: list[object] = []
    import kpi_desktop.ui.print_dialog as print_dialog

    monkeypatch.setattr(print_dialog, "print_summary", lambda *args: printed.append(args))

    def answer(reply: QMessageBox.StandardButton) -> Any:
        def question(*args: Any) -> QMessageBox.StandardButton:
            asked.append(args[2])
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    window.menus.print.trigger()
    assert printed == []  # the clerk chose to deal with them first
    assert "一季度还有 10 条检查发现未处理" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.menus.print.trigger()
    assert len(printed) == 1  # a warning, never a block
    # Nothing open in the half-year: no question at all.
    window.select_period("2024H1")
    window.menus.print.trigger()
    assert len(asked) == 2 and len(printed) == 2


def test_the_assessment_dialog_shows_the_services_table(window: MainWindow) -> None:
    from kpi_desktop.ui.assessment_dialog import AssessmentDialog

    dialog = AssessmentDialog(window.document, window)
    table = dialog.table()
    model = dialog.model
    assert model.rowCount() == len(table.rows) == 22
    assert model.headerData(11, Qt.Orientation.Horizontal) == "得分"
    for row in range(model.rowCount()):
        assert [model.index(row, c).data() for c in range(12)] == table.cells(table.rows[row])
    # The built-in first quarter came with the plan: nothing was asked of any unit.
    assert {model.index(r, 2).data() for r in range(model.rowCount())} == {"无需报送"}
    dialog.close()


def test_a_dismissal_shows_in_the_indicators_history(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpi_desktop.ui.history_dialog import HistoryModel

    dialog = _dialog(window)
    finding = dialog.model.rows[0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("已核实。", True))
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    dialog.dismiss_button.click()
    history = HistoryModel(window.document, finding.indicator_id)
    # Period, what, earlier and new value (the who is beside the when, column 1).
    assert [history.index(0, c).data() for c in (2, 3, 4, 5)] == [
        "2024Q1",
        f"忽略检查发现：{finding.rule.chinese}",
        "",
        "已核实。",
    ]


def test_opening_another_database_closes_the_findings_of_the_first(
    window: MainWindow, tmp_path: Path
) -> None:
    dialog = _dialog(window)
    assert dialog.isVisible()
    window.attach(open_plan_database(tmp_path / "另一个.sqlite"))
    assert window.dialogs._checks is None and not dialog.isVisible()
    again = _dialog(window)
    assert again.document is window.document
