"""The main window: it assembles the tree, the panels, the menus and the toolbar.

It decides nothing about the data: edits go through undo commands to the services, and the
document tells every part what changed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
)

from kpi_desktop.domain.periods import Period, periods_of_year
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.icon import application_icon
from kpi_desktop.ui.plan_actions import PlanActions
from kpi_desktop.ui.tree_pane import TreePane
from kpi_desktop.ui.window_dialogs import WindowDialogs
from kpi_desktop.ui.window_docks import WindowDocks
from kpi_desktop.ui.window_files import WindowFiles
from kpi_desktop.ui.window_menus import WindowMenus

if TYPE_CHECKING:
    from kpi_desktop.services.importing import ImportResult
    from kpi_desktop.storage.engine import Database
    from kpi_desktop.storage.snapshot import Snapshot
    from kpi_desktop.ui.charts_dock import ChartsDock
    from kpi_desktop.ui.submissions_view import SubmissionsDock
from kpi_desktop.ui.labels import period_title
from kpi_desktop.ui.progress_panel import IndicatorPanel

log = logging.getLogger(__name__)

SPREADSHEET_SUFFIXES = (".xlsx", ".xls")


class MainWindow(QMainWindow):
    """One database open at a time, shown as the tree of its indicators and their panels."""

    languageChangeRequested = Signal()

    def __init__(self, database: Database | None, settings: QSettings | None = None) -> None:
        """A window on `database`; with None, call `show_snapshot` and then
        `complete_opening` (the quick start, see ui.app)."""
        super().__init__()
        self.settings = settings or QSettings()
        self.setAcceptDrops(True)
        if QApplication.windowIcon().isNull():  # else the window shows the program's icon
            self.setWindowIcon(application_icon())
        self.document: PlanDocument
        self.database: Database | None = None
        self.files = WindowFiles(self, self.settings, self.attach, self.flush)
        self.pane = TreePane(self.settings, self)
        self.pane.indicatorChosen.connect(self._indicator_chosen)
        self.pane.activated.connect(self.panel_focus)
        self.plan_actions = PlanActions(
            self, lambda: self.document, self.current_indicator_id, self.select_indicator
        )
        self.dialogs = WindowDialogs(
            self, self.settings, lambda: self.document, lambda: self.database, self.flush
        )
        self.dialogs.reloaded.connect(self._reloaded)
        self.dialogs.indicatorChosen.connect(self.select_indicator)
        self.dialogs.languageChangeRequested.connect(self.languageChangeRequested)
        self.menus = WindowMenus(self)
        self.docks = WindowDocks(self, self.settings, self.menus.submissions)
        self.year_box, self.period_box, self.filter_box = self.menus.build_toolbar()
        self.year_box.activated.connect(self._year_chosen)
        self.period_box.activated.connect(self._period_chosen)
        self.filter_box.textChanged.connect(lambda text: self.pane.set_text(text))
        self.filter_box.returnPressed.connect(self._choose_typed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main-splitter")
        self.tree = self.pane.tree
        self.splitter.addWidget(self.tree)
        self.setCentralWidget(self.splitter)
        self.menus.build_menus(self.files.recent_menu)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        if database is not None:
            self.attach(database)
        self.docks.restore_layout(self.splitter)

    # the open database -----------------------------------------------------------------------
    def attach(self, database: Database) -> None:
        """Show `database`; the previous one (if any) is saved and closed."""
        old_document = getattr(self, "document", None)
        if old_document is not None:
            self.flush()
            if old_document.attached:
                old_document.database.close()
        self.database = database
        self._show_document(PlanDocument(database, self))
        self._opened(database)

    def show_snapshot(self, snapshot: Snapshot, location: str) -> None:
        """The first paint: the file's indicators read quickly (storage.snapshot), to be
        followed at once by `complete_opening` with the database itself."""
        self.database = None  # type: ignore[assignment]
        self._show_document(PlanDocument(None, self, snapshot=snapshot))
        self.setWindowTitle(f"{self.program_name()} — {location}")
        self.menus.set_editable(False)

    def complete_opening(self, database: Database) -> None:
        self.database = database
        self.document.attach_database(database)
        self._opened(database)

    def _show_document(self, document: PlanDocument) -> None:
        self.dialogs.close_checks()  # they were the previous document's
        self.document = document
        self.pane.set_document(document)
        old_panel = getattr(self, "panel", None)
        self.panel = IndicatorPanel(self.document)
        self.panel.editIndicatorRequested.connect(self.plan_actions.edit_indicator)
        self.panel.historyRequested.connect(self.plan_actions.show_history)
        if old_panel is not None:
            self.splitter.replaceWidget(1, self.panel)
            old_panel.deleteLater()
        else:
            self.splitter.addWidget(self.panel)
            self.splitter.setStretchFactor(1, 1)
        self.menus.group.setChecked(self.pane.model.grouped)
        self.docks.set_document(self.document)
        self.menus.rebuild_edit_menu(self.document)
        self.document.saved.connect(self._saved)
        self.document.failed.connect(self._refused)
        # Queued: the dialog opens once the refused command has left the undo stack.
        self.document.conflicted.connect(
            self.dialogs.resolve_conflict, Qt.ConnectionType.QueuedConnection
        )
        self.document.reset.connect(self._fill_selectors)
        self.document.periodChanged.connect(lambda _p: self._fill_selectors())
        self._fill_selectors()

    @property
    def proxy(self) -> object:
        return self.pane.proxy

    @property
    def tree_model(self) -> object:
        return self.pane.model

    @property
    def submissions_dock(self) -> SubmissionsDock:
        """Who has answered (View → Submissions)."""
        return self.docks.ensure_submissions()

    @property
    def charts_dock(self) -> ChartsDock | None:
        return self.docks.charts

    def show_submissions(self, shown: bool) -> None:
        self.docks.show_submissions(shown)

    def show_charts(self) -> None:
        dock = self.docks.show_charts(self.current_indicator_id())
        dock.indicatorClicked.connect(self.select_indicator, Qt.ConnectionType.UniqueConnection)

    def program_name(self) -> str:
        """The program's name in the clerk's language (kpi-desktop in English)."""
        return self.tr("kpi-desktop")

    def _opened(self, database: Database) -> None:
        self.docks.ensure_submissions()  # shown again if it was left open
        if self.docks.reopen():
            self.show_charts()  # so are the charts
        title = f"{self.program_name()} — {database.location}"
        if self.document.read_only:
            title += self.tr(" (read-only)")
        self.setWindowTitle(title)
        self.files.database = database
        self.files.remember(database.location)
        self.status_label.setText(self.tr("Opened %1").replace("%1", database.location))
        reason = getattr(database, "read_only_reason", None)
        if reason is not None:
            # Why she cannot edit (a server role that may only read), where she looks.
            self.setWindowTitle(title + " — " + self.tr("this user may only read"))
            self.status_label.setText(reason.message())
            self.status_label.setToolTip(reason.message())
        self.menus.set_editable(not self.document.read_only)
        self.document.start_watching()

    def _fill_selectors(self) -> None:
        document = self.document
        self.year_box.clear()
        for year in document.years:
            self.year_box.addItem(str(year), year)
        if document.plan is not None:
            self.year_box.setCurrentIndex(self.year_box.findData(document.plan.year))
        self.period_box.clear()
        if document.plan is not None:
            for period in periods_of_year(document.plan.year):
                title = period_title(period)
                if period.code in document.closed:
                    title += " " + self.tr("■ closed")
                self.period_box.addItem(title, period.code)
            self.period_box.setCurrentIndex(self.period_box.findData(document.period))

    def _year_chosen(self, _row: int) -> None:
        self.flush()
        self.document.set_year(int(self.year_box.currentData()))
        self.pane.expand()

    def _period_chosen(self, _row: int) -> None:
        self.flush()
        self.document.set_period(str(self.period_box.currentData()))
        self.pane.proxy.invalidate()
        if self.menus.overdue.isChecked():
            self.quick_filter()  # the overdue rows of the period now chosen

    def select_period(self, code: str) -> None:
        Period.parse(code)
        self.flush()
        self.document.set_period(code)

    # tree ------------------------------------------------------------------------------------
    def group_toggled(self) -> None:
        self.pane.set_grouped(self.menus.group.isChecked())

    def quick_filter(self) -> None:
        overdue = self.document.overdue_seqs() if self.menus.overdue.isChecked() else None
        self.pane.set_quick_filters(
            self.menus.not_reported.isChecked(), self.menus.behind.isChecked(), overdue
        )

    def _choose_typed(self) -> None:
        if self.pane.choose_typed(self.filter_box.text()):
            self.panel_focus()

    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def panel_focus(self) -> None:
        self.panel.focus_progress()

    def flush(self) -> None:
        """Save typing not saved yet (before anything else reads or replaces the data)."""
        panel = getattr(self, "panel", None)
        if panel is not None:
            panel.flush()

    def _indicator_chosen(self, indicator: int | None) -> None:
        self.panel.show_indicator(indicator)
        if indicator is not None and self.charts_dock is not None:
            self.charts_dock.charts.show_trend(indicator, switch=False)  # the trend follows

    def indicator_at(self, index: object) -> int | None:
        return self.pane.indicator_at(index)  # type: ignore[arg-type]

    def current_indicator_id(self) -> int | None:
        return self.pane.current_indicator_id()

    def select_indicator(self, indicator_id: int) -> bool:
        return self.pane.select_indicator(indicator_id)

    # hooks for import and print (filled in by their modules) ---------------------------------
    def choose_imports(self) -> None:
        paths = self.files.choose_returns()
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> None:
        from kpi_desktop.ui.import_dialog import ImportPreviewDialog

        self.flush()
        self.import_dialog = ImportPreviewDialog(self.document, paths, self)
        self.import_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog.imported.connect(self._reloaded)
        self.import_dialog.imported.connect(self._imported)
        self.import_dialog.open()

    def _reloaded(self, *_args: object) -> None:
        """The document was loaded again behind the window's back (an import, a new plan)."""
        self.pane.refresh()

    def _imported(self, result: ImportResult) -> None:
        """The status bar says what the import did, not the last typed edit's time."""
        from datetime import datetime

        self.status_label.setText(
            self.tr("Imported at %1: %2 rows changed, %3 recorded as received")
            .replace("%1", datetime.now().strftime("%H:%M:%S"))
            .replace("%2", str(result.written))
            .replace("%3", str(result.recorded))
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.toLocalFile().lower().endswith(SPREADSHEET_SUFFIXES) for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls()]
        event.acceptProposedAction()
        self.import_files(paths)

    # saving state ---------------------------------------------------------------------------
    def _refused(self, message: str) -> None:
        self.status_label.setText(self.tr("Not saved"))
        QMessageBox.warning(self, self.tr("Not saved"), message)

    def _saved(self, _what: str) -> None:
        from datetime import datetime

        self.status_label.setText(
            self.tr("All changes saved at %1").replace("%1", datetime.now().strftime("%H:%M:%S"))
        )

    def save_layout(self) -> None:
        self.docks.save_layout(self.splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        self.save_layout()
        super().closeEvent(event)
