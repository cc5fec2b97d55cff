"""The window's docks (submissions, charts) and its layout: where they were, whether they were
open, the size of the window and of its splitter, kept in the settings between sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QSplitter

from kpi_desktop.ui.document import PlanDocument

if TYPE_CHECKING:
    from kpi_desktop.ui.charts_dock import ChartsDock
    from kpi_desktop.ui.submissions_view import SubmissionsDock

CHARTS_KEY = "window/charts"


class WindowDocks(QObject):
    def __init__(
        self, window: QMainWindow, settings: QSettings, submissions_action: QAction
    ) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self.submissions_action = submissions_action
        self.submissions: SubmissionsDock | None = None
        self.charts: ChartsDock | None = None

    def set_document(self, document: PlanDocument) -> None:
        self.document = document
        if self.submissions is not None:
            self.submissions.set_document(document)

    def ensure_submissions(self) -> SubmissionsDock:
        """Built when the file is open, after the first paint: where it was and whether it
        was shown come back from the last session."""
        if self.submissions is None:
            from kpi_desktop.ui.submissions_view import SubmissionsDock

            window = self.window
            dock = SubmissionsDock(window)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            if not window.restoreDockWidget(dock):
                # First time: a narrow column, so the targets table keeps its width.
                width = max(260, window.width() // 4)
                window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
            self.submissions_action.setChecked(dock.toggleViewAction().isChecked())
            dock.toggleViewAction().toggled.connect(self.submissions_action.setChecked)
            dock.set_document(self.document)
            self.submissions = dock
        return self.submissions

    def show_submissions(self, shown: bool) -> None:
        dock = self.ensure_submissions()
        dock.setVisible(shown)
        if shown:
            dock.raise_()

    def show_charts(self, current: int | None) -> ChartsDock:
        """The charts dock, built on first use (pyqtgraph loads only then)."""
        window = self.window
        if self.charts is None or self.charts.document is not self.document:
            from kpi_desktop.ui.charts_dock import ChartsDock

            if self.charts is not None:
                window.removeDockWidget(self.charts)
                self.charts.deleteLater()
            dock = self.charts = ChartsDock(self.document, window)
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            first_time = not window.restoreDockWidget(dock)
            dock.show()
            if first_time:
                # A third of the height, so that the tree and the panel stay usable.
                height = max(220, window.height() // 3)
                window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        self.charts.show()
        self.charts.raise_()
        if current is not None:
            self.charts.charts.show_trend(current, switch=False)
        return self.charts

    def reopen(self) -> bool:
        """Whether the charts were open when the window last closed."""
        return bool(self.settings.value(CHARTS_KEY, False, type=bool))

    # the layout ------------------------------------------------------------------------------
    def restore_layout(self, splitter: QSplitter) -> None:
        window, settings = self.window, self.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        # A size saved on a smaller screen (or a squeezed window) would hide the panels: never
        # start smaller than a working size the screen can hold.
        room = window.screen().availableGeometry()
        small = min(900, room.width() * 3 // 4), min(600, room.height() * 3 // 4)
        if window.width() < small[0] or window.height() < small[1]:
            window.resize(min(1280, room.width()), min(800, room.height()))
        state = settings.value("window/splitter")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
        else:
            splitter.setSizes([420, 860])
        window_state = settings.value("window/state")
        if isinstance(window_state, QByteArray):
            window.restoreState(window_state)

    def save_layout(self, splitter: QSplitter) -> None:
        settings, window = self.settings, self.window
        settings.setValue("window/geometry", window.saveGeometry())
        settings.setValue("window/splitter", splitter.saveState())
        settings.setValue("window/state", window.saveState())
        settings.setValue(CHARTS_KEY, self.charts is not None and self.charts.isVisible())
        settings.sync()
