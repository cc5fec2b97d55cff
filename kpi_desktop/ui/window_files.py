"""The File menu's dealings with files: new, open, open recent, save a copy, choose returns.

Opening goes through ui.opening (it asks what to do with a held or an old file); the window is
given the database to show.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from kpi_desktop.domain.errors import KpiError, os_error_text

if TYPE_CHECKING:
    from kpi_desktop.storage.engine import Database

RECENT_KEY = "files/recent"
RECENT_LIMIT = 8


class WindowFiles(QObject):
    """`show(database)` is how a database opened here reaches the window; `flush()` saves
    typing before a copy is made."""

    def __init__(
        self,
        parent: QWidget,
        settings: QSettings,
        show: Callable[[Database], None],
        flush: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.window, self.settings, self._show, self._flush = parent, settings, show, flush
        self.database: Database | None = None
        self.recent_menu = QMenu(self.tr("Open &recent"), parent)

    # opening ---------------------------------------------------------------------------------
    def open_path(self, path: Path | str) -> None:
        from kpi_desktop.ui.opening import open_interactively

        database = open_interactively(path, self.window)
        if database is not None:
            self._show(database)

    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("New database"),
            str(Path.home() / "kpi.sqlite"),
            self.tr("Databases (*.sqlite)"),
        )
        if not name:
            return
        path = Path(name)
        if path.exists():
            QMessageBox.warning(
                self.window,
                self.tr("New database"),
                self.tr(
                    "%1 exists already. Choose another name, or open it with File → Open."
                ).replace("%1", str(path)),
            )
            return
        self.open_path(path)

    def _folder(self) -> str:
        database = self.database
        if database is not None and database.is_sqlite:
            return str(database.file.parent)
        return str(Path.home())

    def open_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open database"),
            self._folder(),
            self.tr("Databases (*.sqlite *.db);;All files (*)"),
        )
        if name:
            self.open_path(Path(name))

    def save_copy_as(self) -> None:
        from kpi_desktop.storage.backup import copy_database

        database = self.database
        if database is None:
            return
        title = self.tr("Save a copy as")
        if not database.is_sqlite:
            # A server database is copied on the server (pg_dump), not as a file here.
            message = KpiError("backup.on_server", path=database.location).message()
            QMessageBox.information(self.window, title, message)
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            title,
            str(database.file.with_name(database.file.stem + "-copy.sqlite")),
            self.tr("Databases (*.sqlite)"),
        )
        if not name:
            return
        self._flush()
        target = Path(name)
        if target.resolve() == database.file.resolve():
            return
        try:
            copy_database(database.file, target)
        except OSError as error:
            QMessageBox.warning(
                self.window,
                title,
                self.tr("Could not write %1: %2")
                .replace("%1", str(target))
                .replace("%2", os_error_text(error)),
            )
            return
        self.open_path(target)

    # recent files ----------------------------------------------------------------------------
    def remember(self, location: str) -> None:
        recent = [p for p in self.recent() if p != location]
        recent.insert(0, location)
        self.settings.setValue(RECENT_KEY, recent[:RECENT_LIMIT])
        self.fill_recent_menu()

    def recent(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list | tuple) else []

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(self.recent(), start=1):
            action = self.recent_menu.addAction(f"&{number} {path}")
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent()))

    # returns ---------------------------------------------------------------------------------
    def choose_returns(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import returns"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.xls)"),
        )
        return [Path(n) for n in names]
