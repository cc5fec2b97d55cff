"""The Restore-from-backup dialog: its table model, and a restore through its button."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from kpi_desktop.services import editing
from kpi_desktop.services.queries import indicator_views, plans
from kpi_desktop.storage import backup
from kpi_desktop.storage.engine import Database
from kpi_desktop.ui.restore_dialog import (
    COLUMN_INDICATORS,
    COLUMN_REASON,
    COLUMN_YEARS,
    BackupTableModel,
    RestoreDialog,
)


def _set_first(db: Database, value: str) -> None:
    with db.transaction() as session:
        view = indicator_views(session, plans(session)[0])[0]
        editing.set_progress(session, view.id, "2024Q1", {"text": value})


def _first(db: Database) -> str:
    with db.read() as session:
        return indicator_views(session, plans(session)[0])[0].progress["2024Q1"].text


@pytest.fixture(autouse=True)
def _quiet_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, staticmethod(lambda _parent, _title, text, *a: shown.append(text))
        )
    return shown


def test_backup_model(qtbot, qtmodeltester, database: Database) -> None:  # type: ignore[no-untyped-def]
    backup.make_backup(database.path, "before-import")
    damaged = backup.make_backup(database.path, "daily")
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    dialog = RestoreDialog(database)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert isinstance(model, BackupTableModel)
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    newest, older = (model.index(row, 0) for row in range(2))
    assert model.index(newest.row(), COLUMN_YEARS).data() == "damaged"
    assert model.index(older.row(), COLUMN_YEARS).data() == "2024"
    assert model.index(older.row(), COLUMN_INDICATORS).data() == "53"
    assert model.index(older.row(), COLUMN_REASON).data() == "before an import"
    # A damaged backup cannot be chosen for a restore.
    dialog.table.selectionModel().select(
        newest,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectionModel().select(
        older,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert dialog.restore_button.isEnabled()


def test_restore_through_the_dialog(
    qtbot, database: Database, monkeypatch: pytest.MonkeyPatch, _quiet_message_boxes: list[str]
) -> None:  # type: ignore[no-untyped-def]
    _set_first(database, "备份中的内容")
    backup.make_backup(database.path, "before-import")
    _set_first(database, "后来的内容")
    dialog = RestoreDialog(database)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    answers = iter([False, True])
    monkeypatch.setattr(dialog, "confirm", lambda _info: next(answers))
    # Cancelled: nothing changes.
    dialog.restore_button.click()
    assert _first(database) == "后来的内容"
    assert len(backup.list_backups(database.path)) == 1
    with qtbot.waitSignal(dialog.restored) as fired:
        dialog.restore_button.click()
    assert _first(database) == "备份中的内容"
    safety: Path = fired.args[0]
    assert safety.exists() and safety.name.endswith("before-restore.sqlite")
    assert str(safety) in _quiet_message_boxes[-1]
    assert dialog.result() == dialog.DialogCode.Accepted


def test_read_only_database_cannot_restore(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kpi_desktop.services.database import open_plan_database

    open_plan_database(db_path).close()
    backup.make_backup(db_path, "daily")
    viewer = open_plan_database(db_path, read_only=True)
    try:
        dialog = RestoreDialog(viewer)
        qtbot.addWidget(dialog)
        dialog.table.selectRow(0)
        assert dialog.model.rowCount() == 1
        assert not dialog.restore_button.isEnabled()
        assert dialog.table.model().headerData(0, Qt.Orientation.Horizontal) == "Made"
    finally:
        viewer.close()
