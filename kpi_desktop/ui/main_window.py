"""The main window: it assembles the tree, the panels, the menus and the toolbar.

It decides nothing about the data: edits go through undo commands to the services, and the
document tells every part what changed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeView,
)

from kpi_desktop import __version__
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period, periods_of_year
from kpi_desktop.domain.status import Status
from kpi_desktop.domain.text import fold
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.icon import application_icon

if TYPE_CHECKING:
    from kpi_desktop.services.importing import ImportResult
    from kpi_desktop.storage.engine import Database
    from kpi_desktop.storage.snapshot import Snapshot
    from kpi_desktop.ui.charts_dock import ChartsDock
    from kpi_desktop.ui.submissions_view import SubmissionsDock
from kpi_desktop.ui.progress_panel import IndicatorPanel, period_title
from kpi_desktop.ui.tree_model import (
    COLUMN_SEQ,
    COLUMN_STATUS,
    IndicatorFilterProxy,
    IndicatorTreeModel,
)

log = logging.getLogger(__name__)

RECENT_LIMIT = 8
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
        self.charts_dock: ChartsDock | None = None
        self._build_actions()
        self._build_toolbar()
        self._build_body()
        self._build_menus()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        if database is not None:
            self.attach(database)
        self._restore_layout()

    # building ------------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(QIcon.fromTheme(icon))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New database…"), self.new_database, std.New)
        self.open_action = self._action(self.tr("&Open…"), self.open_database, std.Open)
        self.save_as_action = self._action(
            self.tr("Save a &copy as…"), self.save_copy_as, std.SaveAs
        )
        self.import_action = self._action(
            self.tr("&Import returns…"), self.choose_imports, "Ctrl+I"
        )
        self.print_action = self._action(
            self.tr("&Print summary table…"), self.print_summary, std.Print
        )
        self.export_templates_action = self._action(
            self.tr("&Export templates…"), self.export_templates, "Ctrl+E"
        )
        self.new_plan_action = self._action(self.tr("New &plan from a table…"), self.new_plan)
        self.export_summary_action = self._action(
            self.tr("E&xport summary table (PDF, Excel or Word)…"), self.export_summary
        )
        self.bulletin_action = self._action(self.tr("&Bulletin draft (Word)…"), self.bulletin)
        self.charts_action = self._action(self.tr("&Charts"), self.show_charts, "Ctrl+G")
        self.submissions_action = self._action(
            self.tr("&Submissions"), self._submissions_toggled, "Ctrl+Shift+R"
        )
        self.submissions_action.setCheckable(True)
        self.quit_action = self._action(self.tr("&Quit"), self.close, std.Quit)
        self.find_action = self._action(self.tr("&Find"), self.focus_filter, std.Find)
        self.add_action = self._action(self.tr("&Add indicator…"), self.add_indicator)
        self.remove_action = self._action(self.tr("&Remove indicator"), self.remove_indicator)
        self.renumber_action = self._action(self.tr("Re&number indicator…"), self.renumber)
        self.settings_action = self._action(self.tr("&Settings…"), self.open_settings)
        self.restore_action = self._action(self.tr("Restore from &backup…"), self.restore_backup)
        self.help_action = self._action(self.tr("&Help"), self.show_help, std.HelpContents)
        self.about_action = self._action(self.tr("&About kpi-desktop"), self.show_about)
        self.group_action = self._action(self.tr("&Group by lead unit"), self._group_toggled)
        self.group_action.setCheckable(True)
        self.not_reported_action = self._action(self.tr("&Not filled in"), self._quick_filter)
        self.not_reported_action.setCheckable(True)
        self.behind_action = self._action(self.tr("&Behind"), self._quick_filter)
        self.behind_action.setCheckable(True)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"))
        bar.setObjectName("main-toolbar")
        self.addToolBar(bar)
        bar.addWidget(QLabel(self.tr("Year") + " "))
        self.year_box = QComboBox()
        self.year_box.setAccessibleName(self.tr("Year"))
        self.year_box.activated.connect(self._year_chosen)
        bar.addWidget(self.year_box)
        bar.addWidget(QLabel("  " + self.tr("Period") + " "))
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(self.tr("Period"))
        self.period_box.activated.connect(self._period_chosen)
        bar.addWidget(self.period_box)
        bar.addSeparator()
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Filter: number, text or unit (Ctrl+F)"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setMinimumWidth(240)
        self.filter_box.textChanged.connect(self._filter_changed)
        self.filter_box.returnPressed.connect(self._select_first_match)
        bar.addWidget(self.filter_box)
        bar.addAction(self.not_reported_action)
        bar.addAction(self.behind_action)
        bar.addSeparator()
        bar.addAction(self.group_action)

    def _build_body(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main-splitter")
        self.tree = QTreeView()
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAccessibleName(self.tr("Indicators"))
        self.tree.activated.connect(lambda _i: self.panel_focus())
        self.splitter.addWidget(self.tree)
        self.setCentralWidget(self.splitter)
        self._submissions_dock: SubmissionsDock | None = None  # see submissions_dock

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.save_as_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_templates_action])
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.export_summary_action)
        file_menu.addAction(self.bulletin_action)
        file_menu.addAction(self.new_plan_action)
        self.file_menu = file_menu
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addActions([self.group_action, self.not_reported_action, self.behind_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.charts_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.submissions_action)
        self.plan_menu = bar.addMenu(self.tr("&Plan"))
        self.plan_menu.addActions([self.add_action, self.remove_action, self.renumber_action])
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(self.settings_action)
        self.tools_menu = tools
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.help_action, self.about_action])

    # the open database -----------------------------------------------------------------------
    def attach(self, database: Database) -> None:
        """Show `database`; the previous one (if any) is saved and closed."""
        old_document = getattr(self, "document", None)
        if old_document is not None:
            self.panel.flush()
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
        for action in self._editing_actions():
            action.setEnabled(False)

    def complete_opening(self, database: Database) -> None:
        self.database = database
        self.document.attach_database(database)
        self._opened(database)

    def _editing_actions(self) -> tuple[QAction, ...]:
        return (
            self.add_action,
            self.remove_action,
            self.renumber_action,
            self.import_action,
            self.restore_action,
            self.new_plan_action,
        )

    def _show_document(self, document: PlanDocument) -> None:
        self.document = document
        self.tree_model = IndicatorTreeModel(
            self.document, grouped=bool(self.settings.value("tree/grouped", True, type=bool))
        )
        self.proxy = IndicatorFilterProxy(self.tree_model)
        self.tree.setModel(self.proxy)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        old_panel = getattr(self, "panel", None)
        self.panel = IndicatorPanel(self.document)
        self.panel.editIndicatorRequested.connect(self.edit_indicator)
        self.panel.historyRequested.connect(self.show_history)
        if old_panel is not None:
            self.splitter.replaceWidget(1, self.panel)
            old_panel.deleteLater()
        else:
            self.splitter.addWidget(self.panel)
            self.splitter.setStretchFactor(1, 1)
        self.group_action.setChecked(self.tree_model.grouped)
        if self._submissions_dock is not None:
            self._submissions_dock.set_document(self.document)
        self._rebuild_edit_menu()
        self.document.saved.connect(self._saved)
        self.document.failed.connect(self._refused)
        self.document.reset.connect(self._fill_selectors)
        self.document.reset.connect(self._expand)
        self.document.periodChanged.connect(lambda _p: self._fill_selectors())
        self._fill_selectors()
        self._expand()

    @property
    def submissions_dock(self) -> SubmissionsDock:
        """Who has answered (View → Submissions). Built when the file is open, after the
        first paint: where it was and whether it was shown come back from the last session."""
        return self._ensure_submissions_dock()

    def _ensure_submissions_dock(self) -> SubmissionsDock:
        if self._submissions_dock is None:
            from kpi_desktop.ui.submissions_view import SubmissionsDock

            dock = SubmissionsDock(self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            if not self.restoreDockWidget(dock):
                # First time: a narrow column, so the targets table keeps its width.
                width = max(260, self.width() // 4)
                self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
            self.submissions_action.setChecked(dock.toggleViewAction().isChecked())
            dock.toggleViewAction().toggled.connect(self.submissions_action.setChecked)
            dock.set_document(self.document)
            self._submissions_dock = dock
        return self._submissions_dock

    def _submissions_toggled(self, shown: bool) -> None:
        dock = self.submissions_dock
        dock.setVisible(shown)
        if shown:
            dock.raise_()

    def program_name(self) -> str:
        """The program's name in the clerk's language (kpi-desktop in English)."""
        return self.tr("kpi-desktop")

    def _opened(self, database: Database) -> None:
        self._ensure_submissions_dock()  # shown again if it was left open
        if self.settings.value("window/charts", False, type=bool):
            self.show_charts()  # so are the charts
        title = f"{self.program_name()} — {database.location}"
        if self.document.read_only:
            title += self.tr(" (read-only)")
        self.setWindowTitle(title)
        self._remember_recent(database.location)
        self.status_label.setText(self.tr("Opened %1").replace("%1", database.location))
        for action in self._editing_actions():
            action.setEnabled(not self.document.read_only)

    def _rebuild_edit_menu(self) -> None:
        self.edit_menu.clear()
        stack = self.document.undo_stack
        undo = stack.createUndoAction(self, self.tr("&Undo"))
        redo = stack.createRedoAction(self, self.tr("&Redo"))
        # Through the document, which saves pending typing first (the stack's own actions
        # would undo the edit before it).
        for action, step in ((undo, self.document.undo), (redo, self.document.redo)):
            action.triggered.disconnect()
            action.triggered.connect(step)
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(QKeySequence.StandardKey.Redo)])
        self.undo_action, self.redo_action = undo, redo
        self.edit_menu.addActions([undo, redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)

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
                self.period_box.addItem(period_title(period), period.code)
            self.period_box.setCurrentIndex(self.period_box.findData(document.period))

    def _year_chosen(self, _row: int) -> None:
        self.panel.flush()
        self.document.set_year(int(self.year_box.currentData()))
        self._expand()

    def _period_chosen(self, _row: int) -> None:
        self.panel.flush()
        self.document.set_period(str(self.period_box.currentData()))
        self.proxy.invalidate()

    def select_period(self, code: str) -> None:
        Period.parse(code)
        self.panel.flush()
        self.document.set_period(code)

    # tree ------------------------------------------------------------------------------------
    def _expand(self) -> None:
        if self.tree_model.grouped:
            self._span_units()
        if self.tree_model.grouped:
            self.tree.expandAll()
        self.tree.setColumnWidth(COLUMN_SEQ, 96)
        self.tree.setColumnWidth(COLUMN_STATUS, 90)

    def _group_toggled(self) -> None:
        current = self.current_indicator_id()
        self.tree_model.set_grouped(self.group_action.isChecked())
        self.settings.setValue("tree/grouped", self.group_action.isChecked())
        self._expand()
        if current is not None:
            self.select_indicator(current)

    def _filter_changed(self, text: str) -> None:
        self._before_filter()
        self.proxy.set_text(text)
        self._after_filter()

    def _before_filter(self) -> None:
        # Rows leaving an expanded tree are laid out one range at a time; leaving a collapsed
        # one costs almost nothing, and the tree is expanded again right after.
        if self.tree_model.grouped:
            self.tree.collapseAll()

    def _after_filter(self) -> None:
        if self.tree_model.grouped:
            self._span_units()
            self.tree.expandAll()

    def _span_units(self) -> None:
        """Unit rows show their name across the whole width of the tree."""
        root = QModelIndex()
        for row in range(self.proxy.rowCount(root)):
            self.tree.setFirstColumnSpanned(row, root, True)

    def _quick_filter(self) -> None:
        statuses: set[Status] = set()
        if self.not_reported_action.isChecked():
            statuses.add(Status.NOT_REPORTED)
        if self.behind_action.isChecked():
            statuses.add(Status.BEHIND)
        self._before_filter()
        self.proxy.set_statuses(frozenset(statuses))
        self._after_filter()

    def _select_first_match(self) -> None:
        """Enter in the filter box: the indicator whose 序号 was typed, else the first match."""
        typed = fold(self.filter_box.text())
        if typed.isdigit():
            wanted = next((v.id for v in self.document.views if v.seq == int(typed)), None)
            if wanted is not None and self.select_indicator(wanted):
                self.panel_focus()
                return
        index = self._first_leaf(QModelIndex())
        if index is not None:
            self.tree.setCurrentIndex(index)
            self.panel_focus()

    def _first_leaf(self, parent: QModelIndex) -> QModelIndex | None:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if self.indicator_at(index) is not None:
                return index
            found = self._first_leaf(index)
            if found is not None:
                return found
        return None

    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def panel_focus(self) -> None:
        self.panel.focus_progress()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        indicator = self.indicator_at(current)
        self.panel.show_indicator(indicator)
        if indicator is not None and self.charts_dock is not None:
            self.charts_dock.charts.show_trend(indicator, switch=False)  # the trend follows

    def indicator_at(self, index: QModelIndex) -> int | None:
        """The indicator of a row of the tree, None for a unit row."""
        return self.tree_model.indicator_id(self.proxy.mapToSource(index))

    def current_indicator_id(self) -> int | None:
        return self.indicator_at(self.tree.currentIndex())

    def select_indicator(self, indicator_id: int) -> bool:
        """Make `indicator_id` the current row (the first of its rows when grouped)."""
        for source in self.tree_model.indexes_of(indicator_id):
            index = self.proxy.mapFromSource(source)
            if index.isValid():
                self.tree.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.tree.scrollTo(index)
                return True
        return False

    # files -----------------------------------------------------------------------------------
    def _open_path(self, path: Path | str) -> None:
        from kpi_desktop.ui.opening import open_interactively

        database = open_interactively(path, self)
        if database is not None:
            self.attach(database)

    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(Path.home() / "kpi.sqlite"),
            self.tr("Databases (*.sqlite)"),
        )
        if not name:
            return
        path = Path(name)
        if path.exists():
            QMessageBox.warning(
                self,
                self.tr("New database"),
                self.tr(
                    "%1 exists already. Choose another name, or open it with File → Open."
                ).replace("%1", str(path)),
            )
            return
        self._open_path(path)

    def open_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(self.database.path.parent),
            self.tr("Databases (*.sqlite *.db);;All files (*)"),
        )
        if name:
            self._open_path(Path(name))

    def save_copy_as(self) -> None:
        from kpi_desktop.storage.backup import copy_database

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy as"),
            str(self.database.path.with_name(self.database.path.stem + "-copy.sqlite")),
            self.tr("Databases (*.sqlite)"),
        )
        if not name:
            return
        self.panel.flush()
        target = Path(name)
        if target.resolve() == self.database.path.resolve():
            return
        try:
            copy_database(self.database.path, target)
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Save a copy as"),
                self.tr("Could not write %1: %2")
                .replace("%1", str(target))
                .replace("%2", str(error)),
            )
            return
        self._open_path(target)

    def _remember_recent(self, path: str) -> None:
        recent = [p for p in self._recent_files() if p != path]
        recent.insert(0, path)
        self.settings.setValue("files/recent", recent[:RECENT_LIMIT])
        self._fill_recent_menu()

    def _recent_files(self) -> list[str]:
        value = self.settings.value("files/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value or []]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(self._recent_files(), start=1):
            action = self.recent_menu.addAction(f"&{number} {path}")
            action.triggered.connect(lambda _checked=False, p=path: self._open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self._recent_files()))

    # hooks for import and print (filled in by their modules) ---------------------------------
    def choose_imports(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import returns"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.xls)"),
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        from kpi_desktop.ui.import_dialog import ImportPreviewDialog

        self.panel.flush()
        self.import_dialog = ImportPreviewDialog(self.document, paths, self)
        self.import_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog.imported.connect(self._reloaded)
        self.import_dialog.imported.connect(self._imported)
        self.import_dialog.open()

    def _reloaded(self, *_args: object) -> None:
        """The document was loaded again behind the window's back (an import, a new plan)."""
        self.proxy.invalidate()
        self._expand()

    def _imported(self, result: ImportResult) -> None:
        """The status bar says what the import did, not the last typed edit's time."""
        from datetime import datetime

        self.status_label.setText(
            self.tr("Imported at %1: %2 rows changed, %3 recorded as received")
            .replace("%1", datetime.now().strftime("%H:%M:%S"))
            .replace("%2", str(result.written))
            .replace("%3", str(result.recorded))
        )

    def export_templates(self) -> None:
        from kpi_desktop.ui.templates_dialog import ExportTemplatesDialog

        ExportTemplatesDialog(self.document, self).exec()

    def new_plan(self) -> None:
        from kpi_desktop.ui.templates_dialog import new_plan_from_table

        self.panel.flush()
        if new_plan_from_table(self.document, self) is not None:
            self._reloaded()

    def print_summary(self) -> None:
        from kpi_desktop.ui.print_dialog import print_summary

        self.panel.flush()
        print_summary(self.document, self)

    def export_summary(self) -> None:
        from kpi_desktop.ui.print_dialog import export_summary

        self.panel.flush()
        export_summary(self.document, self)

    def bulletin(self) -> None:
        from kpi_desktop.ui.bulletin_dialog import BulletinDialog

        self.panel.flush()
        dialog = BulletinDialog(self.document, self.settings, self)
        if dialog.exec() and dialog.written is not None:
            message = self.tr("Bulletin draft written to {path}").format(path=dialog.written)
            self.statusBar().showMessage(message, 10000)

    def show_charts(self) -> None:
        """The charts dock, built on first use (pyqtgraph loads only then)."""
        if self.charts_dock is None or self.charts_dock.document is not self.document:
            from kpi_desktop.ui.charts_dock import ChartsDock

            if self.charts_dock is not None:
                self.removeDockWidget(self.charts_dock)
                self.charts_dock.deleteLater()
            dock = self.charts_dock = ChartsDock(self.document, self)
            dock.indicatorClicked.connect(self.select_indicator)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            first_time = not self.restoreDockWidget(dock)
            dock.show()
            if first_time:
                # A third of the height, so that the tree and the panel stay usable.
                self.resizeDocks([dock], [max(220, self.height() // 3)], Qt.Orientation.Vertical)
        self.charts_dock.show()
        self.charts_dock.raise_()
        current = self.current_indicator_id()
        if current is not None:
            self.charts_dock.charts.show_trend(current, switch=False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.toLocalFile().lower().endswith(SPREADSHEET_SUFFIXES) for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls()]
        event.acceptProposedAction()
        self.import_files(paths)

    # plan structure ----------------------------------------------------------------------------
    def edit_indicator(self, indicator_id: int) -> None:
        from kpi_desktop.ui.indicator_dialog import IndicatorDialog

        IndicatorDialog(self.document, indicator_id, self).exec()

    def show_history(self, indicator_id: int) -> None:
        from kpi_desktop.ui.history_dialog import HistoryDialog

        HistoryDialog(self.document, indicator_id, self).exec()

    def add_indicator(self) -> None:
        from kpi_desktop.ui.indicator_dialog import NewIndicatorDialog

        dialog = NewIndicatorDialog(self.document, self)
        if dialog.exec() and dialog.created_id is not None:
            self.select_indicator(dialog.created_id)

    def remove_indicator(self) -> None:
        from kpi_desktop.ui import commands

        indicator_id = self.current_indicator_id()
        view = self.document.view(indicator_id) if indicator_id is not None else None
        if view is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove indicator"),
            self.tr(
                "Remove indicator %1 with all its progress? You can undo this with Ctrl+Z."
            ).replace("%1", str(view.seq)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._push(commands.remove_indicator(self.document, view.id))

    def renumber(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from kpi_desktop.ui import commands

        indicator_id = self.current_indicator_id()
        view = self.document.view(indicator_id) if indicator_id is not None else None
        if view is None:
            return
        seq, ok = QInputDialog.getInt(
            self,
            self.tr("Renumber indicator"),
            self.tr("New number for indicator %1:").replace("%1", str(view.seq)),
            view.seq,
            1,
            len(self.document.views),
        )
        if ok and seq != view.seq:
            self._push(commands.renumber(self.document, view.id, seq))
            self.select_indicator(view.id)

    def _push(self, command: object) -> None:
        from kpi_desktop.services.structure import StructureError

        try:
            self.document.undo_stack.push(command)  # type: ignore[arg-type]
        except (KpiError, StructureError, ValueError) as error:
            QMessageBox.warning(self, "kpi-desktop", str(error))

    # settings, help -------------------------------------------------------------------------
    def open_settings(self) -> None:
        from kpi_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() and dialog.language_changed:
            self.languageChangeRequested.emit()

    def show_help(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Help"),
            self.tr(
                "<p><b>Find an indicator</b>: type its number, a word of its text or a unit's name "
                "in the filter box (Ctrl+F), then press Enter.</p>"
                "<p><b>Enter progress</b>: choose the period in the toolbar, select the indicator, "
                "and type in the Progress box on the right. Everything is saved at once; Ctrl+Z "
                "undoes, Ctrl+Y redoes.</p>"
                "<p><b>Figures</b>: type the achieved value of each target in the table of "
                "targets; the status mark shows whether it is on schedule (序时进度).</p>"
                "<p><b>Returns</b>: drop the spreadsheets the units sent back on this window, "
                "or use File → Import returns.</p>"
            ),
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About kpi-desktop"),
            self.tr(
                "<h3>kpi-desktop %1</h3><p>Tracking the quantitative targets of a government work "
                "report through the year.</p><p>Database: %2</p>"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.database.path)),
        )

    def restore_backup(self) -> None:
        from PySide6.QtWidgets import QDialog

        from kpi_desktop.ui.restore_dialog import RestoreDialog

        self.panel.flush()
        dialog = RestoreDialog(self.database, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            # The undo history describes the data before the restore; it no longer applies.
            self.document.undo_stack.clear()
            self.document.load(self.document.plan.year if self.document.plan else None)

    # saving state ---------------------------------------------------------------------------
    def _refused(self, message: str) -> None:
        self.status_label.setText(self.tr("Not saved"))
        QMessageBox.warning(self, self.tr("Not saved"), message)

    def _saved(self, _what: str) -> None:
        from datetime import datetime

        self.status_label.setText(
            self.tr("All changes saved at %1").replace("%1", datetime.now().strftime("%H:%M:%S"))
        )

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        # A size saved on a smaller screen (or a squeezed window) would hide the panels: never
        # start smaller than a working size the screen can hold.
        room = self.screen().availableGeometry()
        small = min(900, room.width() * 3 // 4), min(600, room.height() * 3 // 4)
        if self.width() < small[0] or self.height() < small[1]:
            self.resize(min(1280, room.width()), min(800, room.height()))
        state = self.settings.value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([420, 860])
        window_state = self.settings.value("window/state")
        if isinstance(window_state, QByteArray):
            self.restoreState(window_state)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/state", self.saveState())
        charts = self.charts_dock is not None and self.charts_dock.isVisible()
        self.settings.setValue("window/charts", charts)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.flush()
        self.save_layout()
        super().closeEvent(event)
