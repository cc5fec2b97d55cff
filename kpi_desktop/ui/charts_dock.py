"""The charts beside the tree: completion against 序时进度, units behind, an indicator's trend.

The dock is built when first asked for, and pyqtgraph is imported only when the charts are
first shown, so the window starts without it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.periods import periods_of_year
from kpi_desktop.services.summary import SummaryOptions, compile_summary
from kpi_desktop.ui.charts import ScheduleCharts
from kpi_desktop.ui.document import PlanDocument


class ChartsDock(QDockWidget):
    indicatorClicked = Signal(int)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("charts-dock")
        self.setWindowTitle(self.tr("Charts"))
        self.document = document
        body = QWidget()
        layout = QVBoxLayout(body)
        self.charts = ScheduleCharts(body)
        self.charts.indicatorClicked.connect(self.indicatorClicked)
        self.charts.saveRequested.connect(self.export_png)
        layout.addWidget(self.charts)
        row = QHBoxLayout()
        row.addStretch()
        export = QPushButton(self.tr("Save chart as &PNG…"))
        export.clicked.connect(self.export_png)
        row.addWidget(export)
        layout.addLayout(row)
        self.setWidget(body)
        self._stale = True
        for signal in (document.reset, document.periodChanged, document.indicatorChanged):
            signal.connect(self._changed)
        self.visibilityChanged.connect(self._visibility_changed)

    def _changed(self, *_args: object) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh()

    def refresh(self) -> None:
        """Compile the year's tables and give them to the charts (only when shown)."""
        if not self._stale or self.document.plan is None:
            return
        self._stale = False
        with self.document.database.read() as session:
            tables = [
                compile_summary(session, period, SummaryOptions())
                for period in periods_of_year(self.document.plan.year)
            ]
        self.charts.set_tables(tables, self.document.period)

    def export_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart as PNG"),
            str(Path.home() / "chart.png"),
            self.tr("PNG image (*.png)"),
        )
        if name:
            self.charts.export_png(name)
