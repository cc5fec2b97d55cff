"""The main window's actions, its menus and its toolbar, built from one table each.

The actions only call the parts of the window that do the work (files, dialogs, the plan's
actions, the tree pane); which of them may be used while the database is read-only or still
opening is said here once (`editing`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMenu, QToolBar

from kpi_desktop.ui.window_help import show_about, show_help

if TYPE_CHECKING:
    from kpi_desktop.ui.document import PlanDocument
    from kpi_desktop.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class WindowMenus(QObject):
    """Every action of the main window, by name, and the menus and toolbar that show them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        std = QKeySequence.StandardKey
        files, dialogs, plan = window.files, window.dialogs, window.plan_actions
        self.new = self._action(self.tr("&New database…"), files.new_database, std.New)
        self.open = self._action(self.tr("&Open…"), files.open_database, std.Open)
        self.save_as = self._action(self.tr("Save a &copy as…"), files.save_copy_as, std.SaveAs)
        self.restore = self._action(self.tr("Restore from &backup…"), dialogs.restore_backup)
        self.import_returns = self._action(
            self.tr("&Import returns…"), window.choose_imports, "Ctrl+I"
        )
        self.export_templates = self._action(
            self.tr("&Export templates…"), dialogs.export_templates, "Ctrl+E"
        )
        self.print = self._action(
            self.tr("&Print summary table…"), dialogs.print_summary, std.Print
        )
        self.export_summary = self._action(
            self.tr("E&xport summary table (PDF, Excel or Word)…"), dialogs.export_summary
        )
        self.bulletin = self._action(self.tr("&Bulletin draft (Word)…"), dialogs.bulletin)
        self.new_plan = self._action(self.tr("New &plan from a table…"), dialogs.new_plan)
        self.quit = self._action(self.tr("&Quit"), window.close, std.Quit)
        self.find = self._action(self.tr("&Find"), window.focus_filter, std.Find)
        self.group = self._toggle(self.tr("&Group by lead unit"), window.group_toggled)
        self.not_reported = self._toggle(self.tr("&Not filled in"), window.quick_filter)
        self.behind = self._toggle(self.tr("&Behind"), window.quick_filter)
        self.overdue = self._toggle(self.tr("&Overdue units"), window.quick_filter)
        self.overdue.setToolTip(self.tr("Only the rows that units past their due date still owe"))
        self.charts = self._action(self.tr("&Charts"), window.show_charts, "Ctrl+G")
        self.submissions = self._toggle(
            self.tr("&Submissions"), window.show_submissions, "Ctrl+Shift+R"
        )
        self.add = self._action(self.tr("&Add indicator…"), plan.add_indicator)
        self.remove = self._action(self.tr("&Remove indicator"), plan.remove_indicator)
        self.renumber = self._action(self.tr("Re&number indicator…"), plan.renumber)
        self.checks = self._action(self.tr("&Data checks…"), dialogs.checks, "Ctrl+Shift+K")
        self.assessment = self._action(self.tr("&Assessment of lead units…"), dialogs.assessment)
        self.mark_done = self._action(self.tr("Mark &done (办结销号)…"), plan.mark_done)
        self.reopen_done = self._action(self.tr("Reopen a done &indicator"), plan.reopen_done)
        self.settings = self._action(self.tr("&Settings…"), dialogs.open_settings)
        self.help = self._action(self.tr("&Help"), lambda: show_help(window), std.HelpContents)
        self.about = self._action(
            self.tr("&About kpi-desktop"),
            lambda: show_about(window, window.database.location if window.database else ""),
        )
        self.undo: QAction | None = None
        self.redo: QAction | None = None

    def _action(self, text: str, slot: Callable[..., object], shortcut: Shortcut = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _toggle(self, text: str, slot: Callable[..., object], shortcut: Shortcut = None) -> QAction:
        action = self._action(text, slot, shortcut)
        action.setCheckable(True)
        return action

    def editing(self) -> tuple[QAction, ...]:
        """What changes the data: off while the database is read-only or still opening."""
        return (
            self.add,
            self.remove,
            self.renumber,
            self.mark_done,
            self.reopen_done,
            self.import_returns,
            self.restore,
            self.new_plan,
        )

    def set_editable(self, editable: bool) -> None:
        for action in self.editing():
            action.setEnabled(editable)

    # menus ------------------------------------------------------------------------------------
    def build_menus(self, recent: QMenu) -> None:
        bar = self.window.menuBar()
        menus: list[tuple[str, list[QAction | QMenu | None]]] = [
            (self.tr("&File"), [
                self.new, self.open, recent, self.save_as, self.restore, None,
                self.import_returns, self.export_templates, self.print, self.export_summary,
                self.bulletin, self.new_plan, None, self.quit,
            ]),
            (self.tr("&Edit"), []),
            (self.tr("&View"), [
                self.group, self.not_reported, self.behind, self.overdue, None, self.charts, None,
                self.submissions,
            ]),
            (self.tr("&Plan"), [
                self.add, self.remove, self.renumber, None, self.mark_done, self.reopen_done,
            ]),
            (self.tr("&Tools"), [self.checks, self.assessment, None, self.settings]),
            (self.tr("&Help"), [self.help, self.about]),
        ]  # fmt: skip
        built = []
        for title, entries in menus:
            menu = bar.addMenu(title)
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif isinstance(entry, QMenu):
                    menu.addMenu(entry)
                else:
                    menu.addAction(entry)
            built.append(menu)
        self.file, self.edit, self.view, self.plan, self.tools, self.help_menu = built

    def rebuild_edit_menu(self, document: PlanDocument) -> None:
        """Undo and redo of this document's one history, then Find."""
        self.edit.clear()
        stack = document.undo_stack
        undo = stack.createUndoAction(self.window, self.tr("&Undo"))
        redo = stack.createRedoAction(self.window, self.tr("&Redo"))
        # Through the document, which saves pending typing first (the stack's own actions
        # would undo the edit before it).
        for action, step in ((undo, document.undo), (redo, document.redo)):
            action.triggered.disconnect()
            action.triggered.connect(step)
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(QKeySequence.StandardKey.Redo)])
        self.undo, self.redo = undo, redo
        self.edit.addActions([undo, redo])
        self.edit.addSeparator()
        self.edit.addAction(self.find)

    # toolbar ----------------------------------------------------------------------------------
    def build_toolbar(self) -> tuple[QComboBox, QComboBox, QLineEdit]:
        """Year, period, the filter box and the quick filters; returns the three fields."""
        bar = QToolBar(self.tr("Main"))
        bar.setObjectName("main-toolbar")
        self.window.addToolBar(bar)
        bar.addWidget(QLabel(self.tr("Year") + " "))
        year_box = QComboBox()
        year_box.setAccessibleName(self.tr("Year"))
        bar.addWidget(year_box)
        bar.addWidget(QLabel("  " + self.tr("Period") + " "))
        period_box = QComboBox()
        period_box.setAccessibleName(self.tr("Period"))
        bar.addWidget(period_box)
        bar.addSeparator()
        filter_box = QLineEdit()
        filter_box.setPlaceholderText(self.tr("Filter: number, text or unit (Ctrl+F)"))
        filter_box.setClearButtonEnabled(True)
        filter_box.setMinimumWidth(240)
        bar.addWidget(filter_box)
        bar.addActions([self.not_reported, self.behind, self.overdue])
        bar.addSeparator()
        bar.addAction(self.group)
        return year_box, period_box, filter_box
