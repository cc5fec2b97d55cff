"""Starting the window: the application object, translations, the exception hook."""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kpi_desktop.domain.errors import KpiError, set_language
from kpi_desktop.services.resources import translations
from kpi_desktop.ui.icon import application_icon

if TYPE_CHECKING:
    from kpi_desktop.storage.engine import Database
    from kpi_desktop.storage.snapshot import Snapshot
    from kpi_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

ORGANISATION = "kpi-desktop"
LANGUAGE_KEY = "ui/language"  # QSettings: "", "zh_CN" or "en" (ui.settings_dialog)
# QSettings: the shared database's address without a password (ui.settings_dialog), opened
# when the command line names no --db.
SERVER_KEY = "database/server"
APPLICATION = "kpi-desktop"


def chosen_language(settings: QSettings) -> str:
    """ "zh_CN" or "en": the clerk's choice, else the system's; Chinese unless it is English."""
    choice = str(settings.value(LANGUAGE_KEY, "") or "")
    if choice:
        return choice
    return "en" if QLocale.system().language() == QLocale.Language.English else "zh_CN"


class Translations:
    """The program's own catalogue plus Qt's, so standard dialogs speak the same language."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.installed: list[QTranslator] = []

    def remove(self) -> None:
        for translator in self.installed:
            self.app.removeTranslator(translator)
        self.installed = []
        set_language(None)

    def install(self, language: str) -> None:
        self.remove()
        set_language("en" if language.startswith("en") else "zh")
        ours = QTranslator(self.app)
        catalogue = translations() / f"kpi_desktop_{language}.qm"
        with resources.as_file(catalogue) as path:
            loaded = path.is_file() and ours.load(str(path))
        if loaded:
            self.app.installTranslator(ours)
            self.installed.append(ours)
        else:
            log.warning("no translation catalogue for %s", language)
        if language.startswith("zh"):
            # Qt's own catalogue where the Qt build has one, and the program's Chinese for the
            # Qt dialogs it shows (the PySide6 wheels carry no qtbase_zh_CN): installed last,
            # it is asked first.
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt = QTranslator(self.app)
            if qt.load("qtbase_zh_CN", qt_folder):
                self.app.installTranslator(qt)
                self.installed.append(qt)
            dialogs = QTranslator(self.app)
            with resources.as_file(translations() / "qt_zh_CN.qm") as path:
                if path.is_file() and dialogs.load(str(path)):
                    self.app.installTranslator(dialogs)
                    self.installed.append(dialogs)


def install_exception_hook(log_file: Path | None) -> None:
    """Log any uncaught exception and show it in a dialog with details to copy."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        from kpi_desktop.services.logs import configure_logging, logging_configured

        if not logging_configured():  # it failed before the window had configured logging
            configure_logging(log_file.parent if log_file else None)
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("uncaught exception\n%s", details)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "kpi-desktop",
            QApplication.translate(
                "App", "Something went wrong. Your saved work is safe in the database."
            ),
        )
        if isinstance(error, KpiError):
            box.setText(error.message())
        where = str(log_file) if log_file else ""
        box.setInformativeText(
            QApplication.translate("App", "The details were written to the log file %1.").replace(
                "%1", where
            )
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)
    from kpi_desktop import __version__

    QApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv)
    app.setWindowIcon(application_icon())
    return app


class Shell:
    """The running program: one main window, built again when the language changes."""

    def __init__(self, app: QApplication, settings: QSettings) -> None:
        self.app, self.settings = app, settings
        self.translations = Translations(app)
        self.translations.install(chosen_language(settings))
        self.window: MainWindow | None = None

    def show(
        self, database: Database | None, snapshot: Snapshot | None = None, location: str = ""
    ) -> MainWindow:
        """The main window on `database`, or on `snapshot` until the database is attached."""
        from kpi_desktop.ui.main_window import MainWindow

        window = MainWindow(database, self.settings)
        if database is None and snapshot is not None:
            window.show_snapshot(snapshot, location)
        window.languageChangeRequested.connect(self.change_language)
        self.window = window
        window.show()
        return window

    def change_language(self) -> None:
        old = self.window
        if old is None or not old.document.attached:
            return
        self.translations.install(chosen_language(self.settings))
        indicator = old.current_indicator_id()
        old.panel.flush()
        old.save_layout()
        old.hide()
        new = self.show(old.database)
        if indicator is not None:
            new.select_indicator(indicator)
        old.deleteLater()


def _started() -> None:
    """The window is on screen: collect garbage again (the command line turned the collector
    off for the start), leaving what start-up made out of every later collection."""
    gc.freeze()
    gc.enable()


def _import_data_layers() -> None:
    # SQLAlchemy and sqlmodel take most of the start-up time. Importing them on a second
    # thread lets that work overlap with Qt starting its platform and fonts.
    import kpi_desktop.services.database  # noqa: F401


def _quick_read(db_path: Path | str | None) -> tuple[Snapshot | None, str]:
    """The file's plan read straight through sqlite3 (storage.snapshot), when it can be."""
    from kpi_desktop.services.paths import default_database_path
    from kpi_desktop.storage.locations import is_server_url
    from kpi_desktop.storage.snapshot import read_snapshot

    if db_path is not None and is_server_url(db_path):
        return None, ""
    path = (Path(db_path) if db_path is not None else default_database_path()).expanduser()
    return read_snapshot(path), str(path)


def saved_server(settings: QSettings) -> str:
    """The shared database's address from the settings ("" for none); one holding a
    password (written there by hand) is not used, and a warning says why."""
    from kpi_desktop.storage.locations import has_password

    address = str(settings.value(SERVER_KEY, "") or "").strip()
    if address and has_password(address):
        logging.getLogger(__name__).warning(
            "the settings' server address holds a password; not used (use .pgpass)"
        )
        return ""
    return address


def run(db_path: Path | str | None) -> int:
    """The window. An existing file is painted first from a quick sqlite3 read and opened
    properly (writer lock, checks, the day's backup) right after; a new file, an old one that
    needs an upgrade or a server database is opened first, as before."""
    from kpi_desktop.services.logs import configure_logging, hold_records, log_file
    from kpi_desktop.ui.opening import open_interactively

    hold_records()
    install_exception_hook(log_file())
    if db_path is None:
        db_path = saved_server(QSettings(ORGANISATION, APPLICATION)) or None
    snapshot, location = _quick_read(db_path)
    loader = threading.Thread(target=_import_data_layers, name="import", daemon=True)
    if snapshot is None:
        configure_logging()
        loader.start()
    app = make_application()
    settings = QSettings()
    shell = Shell(app, settings)
    quit_mode = os.environ.get(QUIT_AFTER_PAINT, "")
    if snapshot is not None:
        window = shell.show(None, snapshot, location)

        def complete() -> None:
            _started()
            configure_logging()
            database = open_interactively(db_path, window)
            if database is None:
                app.exit(2)
                return
            window.complete_opening(database)
            if quit_mode == "ready":
                QTimer.singleShot(0, app.quit)

        if quit_mode in ("", "ready"):
            after_first_paint(window, complete)
    else:
        loader.join()
        database = open_interactively(db_path)
        if database is None:
            return 2
        window = shell.show(database)
        _started()
        if quit_mode == "ready":
            QTimer.singleShot(0, app.quit)
    if quit_mode and quit_mode != "ready":
        after_first_paint(window, app.quit)
    if os.environ.get(STARTUP_REPORT) == "1":
        from kpi_desktop.ui.startup_report import report_on_quit

        report_on_quit(app, window)
    try:
        return app.exec()
    finally:
        # The window may have switched files; close whichever is open now.
        current = shell.window if shell.window is not None else window
        if current.document.attached and current.database is not None:
            current.database.close()


QUIT_AFTER_PAINT = "KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT"
STARTUP_REPORT = "KPI_DESKTOP_STARTUP_REPORT"  # see ui.startup_report


class _FirstPaint(QObject):
    """Runs `then` once, after the window's first paint."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    window.installEventFilter(_FirstPaint(window, then))
