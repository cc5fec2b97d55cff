"""Charts of where the targets stand: completion against 序时, lagging targets per unit, and
one indicator across the year.

pyqtgraph is imported when the widget is first shown, so the window starts as fast without it.
The charts are fed the summary tables the print uses (services.summary.compile_summary, one
per period of the year), so the chart, the status column and the printed table agree.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import QLabel, QMenu, QTabWidget, QVBoxLayout, QWidget

from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.status import Status
from kpi_desktop.services.summary import SummaryRow, SummaryTable
from kpi_desktop.ui.status_style import STATUS_COLOURS, status_label

# Bars are cut at this completion so that one indicator far past its target does not flatten
# all the others; its tooltip still tells the real figure.
_CEILING = 150.0
_BAR_WIDTH = 0.7
# A bar that has no figure is still drawn this high, so that it can be seen and clicked.
_STUB = 2.0


def _percent(row: SummaryRow) -> float:
    completion = row.assessment.completion
    if completion is None:
        return _STUB
    return max(_STUB, min(completion * 100, _CEILING))


class ScheduleCharts(QWidget):
    """Three tabs of charts over a year's summary tables.

    `set_tables(tables, current)` gives the data; clicking a bar of the completion chart emits
    `indicatorClicked(indicator_id)` and shows that indicator's trend."""

    indicatorClicked = Signal(int)
    saveRequested = Signal()  # the right-click menu's "save the picture"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tables: list[SummaryTable] = []
        self._current: SummaryTable | None = None
        self._trend_id: int | None = None
        self._pg: Any = None  # the pyqtgraph module, once loaded
        self._completion: Any = None
        self._units: Any = None
        self._trend: Any = None
        self._rows: list[SummaryRow] = []
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        for title in (self.tr("Completion"), self.tr("Behind by unit"), self.tr("Trend")):
            self.tabs.addTab(QLabel(self.tr("Loading the charts…")), title)

    # --- data -------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        # Modest, so that the dock does not push the tree and the panel off the window; the
        # charts grow with the room they are given.
        return QSize(900, 280)

    def set_tables(
        self, tables: Sequence[SummaryTable], current: Period | str | None = None
    ) -> None:
        """The year's tables, one per period; `current` is the period the completion and unit
        charts show (default: the latest)."""
        self._tables = sorted(tables, key=lambda t: t.period)
        code = current.code if isinstance(current, Period) else current
        chosen = [t for t in self._tables if t.period.code == code] if code else []
        self._current = chosen[0] if chosen else (self._tables[-1] if self._tables else None)
        self._rows = list(self._current.rows) if self._current else []
        if self._pg is not None:
            self._redraw()

    def show_trend(self, indicator_id: int, *, switch: bool = True) -> None:
        """Show `indicator_id` through the year on the trend tab; `switch` turns to that tab
        (the indicator chosen in the tree follows without turning)."""
        if indicator_id == self._trend_id and not switch:
            return
        self._trend_id = indicator_id
        if self._pg is not None:
            self._draw_trend()
            if switch:
                self.tabs.setCurrentIndex(2)

    def export_png(self, path: Path | str) -> bool:
        """Save the chart on the current tab as a PNG image."""
        self._ensure_loaded()
        return bool(self.tabs.currentWidget().grab().save(str(path), "PNG"))

    # --- building ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_loaded()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)

    def _ensure_loaded(self) -> None:
        if self._pg is not None:
            return
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        self._pg = pg
        self._completion = pg.PlotWidget()
        self._units = pg.PlotWidget()
        self._trend = pg.PlotWidget()
        for plot in (self._completion, self._units, self._trend):
            plot.setMinimumHeight(160)
            plot.sizeHint = self.sizeHint  # pyqtgraph asks for more than the dock should take
        current = self.tabs.currentIndex()
        for index, (plot, title) in enumerate(
            (
                (self._completion, self.tr("Completion")),
                (self._units, self.tr("Behind by unit")),
                (self._trend, self.tr("Trend")),
            )
        ):
            old = self.tabs.widget(index)
            self.tabs.removeTab(index)
            if old is not None:
                old.deleteLater()
            self.tabs.insertTab(index, plot, title)
        self.tabs.setCurrentIndex(max(current, 0))
        for plot in (self._completion, self._units, self._trend):
            self._own_menu(plot)
        self._completion.scene().sigMouseClicked.connect(self._on_completion_click)
        self._redraw()

    def _own_menu(self, widget: Any) -> None:
        """pyqtgraph's own menu and "A" button speak English and offer what the clerk does
        not need; a right click gives her two things in her language instead."""
        item = widget.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(
            lambda position, w=widget: self._menu(w).exec(w.mapToGlobal(position))
        )

    def _menu(self, widget: Any) -> QMenu:
        menu = QMenu(widget)
        menu.addAction(self.tr("&Save the picture…"), self.saveRequested.emit)
        menu.addAction(self.tr("&Reset the view"), self._redraw)
        return menu

    def _redraw(self) -> None:
        self._draw_completion()
        self._draw_units()
        self._draw_trend()

    def _draw_completion(self) -> None:
        pg = self._pg
        plot = self._completion.getPlotItem()
        plot.clear()
        if plot.legend is None:
            plot.addLegend(offset=(10, 10))
        plot.legend.clear()
        rows = self._rows
        period = self._current.period if self._current else None
        plot.setTitle(
            self.tr("Completion of each indicator, {period} (%)").format(
                period=period.chinese if period else ""
            )
        )
        if not rows:
            return
        xs = list(range(len(rows)))
        colours = [STATUS_COLOURS[row.status] for row in rows]
        bars = pg.BarGraphItem(
            x=xs,
            height=[_percent(row) for row in rows],
            width=_BAR_WIDTH,
            brushes=[pg.mkBrush(c) for c in colours],
            pens=[pg.mkPen(c) for c in colours],
        )
        plot.addItem(bars)
        # Rates are on schedule at 100% of the target rate, sums at the time elapsed: each bar
        # gets its own mark where it would be exactly on schedule.
        marks = [
            (x, min(row.assessment.expected * 100, _CEILING))
            for x, row in zip(xs, rows, strict=True)
            if row.assessment.expected is not None
        ]
        if marks:
            plot.addItem(
                pg.ScatterPlotItem(
                    x=[m[0] for m in marks],
                    y=[m[1] for m in marks],
                    symbol="_",
                    size=14,
                    pen=pg.mkPen("#000000", width=2),
                )
            )
        if period is not None:
            elapsed = period.elapsed_share() * 100
            plot.addItem(
                pg.InfiniteLine(
                    pos=elapsed,
                    angle=0,
                    pen=pg.mkPen("#333333", width=1.5, style=Qt.PenStyle.DashLine),
                    label=self.tr("Schedule {value:.0f}%").format(value=elapsed),
                    labelOpts={"position": 0.95, "color": "#333333"},
                )
            )
        for status in Status:  # every colour a bar can have, 暂无数据 and 待填报 too
            plot.legend.addItem(
                pg.BarGraphItem(x=[0], height=[0], width=0, brush=STATUS_COLOURS[status]),
                status_label(status),
            )
        plot.getAxis("bottom").setTicks(
            [[(x, str(row.seq)) for x, row in zip(xs, rows, strict=True) if row.seq % 5 == 0]]
        )
        plot.setLabel("bottom", self.tr("No."))
        plot.setYRange(0, _CEILING, padding=0.02)
        plot.setXRange(-1, len(rows), padding=0)
        plot.setMouseEnabled(x=True, y=False)

    def _draw_units(self) -> None:
        pg = self._pg
        plot = self._units.getPlotItem()
        plot.clear()
        plot.setTitle(self.tr("Targets behind / targets with a figure, by lead unit"))
        behind: dict[str, int] = defaultdict(int)
        judged: dict[str, int] = defaultdict(int)
        for row in self._rows:
            units = row.canonical_units or row.lead_units
            for assessment in row.target_assessments:
                if assessment.status in (Status.NO_FIGURE, Status.NOT_REPORTED):
                    continue
                for unit in units:
                    judged[unit] += 1
                    behind[unit] += assessment.status is Status.BEHIND
        names = sorted(judged, key=lambda n: (-behind[n], -judged[n], n))
        if not names:
            return
        ys = list(range(len(names)))
        plot.addItem(
            pg.BarGraphItem(
                x0=0, y=ys, height=0.6, width=[judged[n] for n in names], brush="#d9d9d9"
            )
        )
        plot.addItem(
            pg.BarGraphItem(
                x0=0,
                y=ys,
                height=0.6,
                width=[behind[n] for n in names],
                brush=STATUS_COLOURS[Status.BEHIND],
            )
        )
        axis = plot.getAxis("left")
        axis.setTicks([[(y, name) for y, name in zip(ys, names, strict=True)]])
        # The axis does not widen itself for long names; without room it drops them.
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        axis.setWidth(max(metrics.horizontalAdvance(name) for name in names) + 16)
        plot.invertY(True)
        plot.setLabel("bottom", self.tr("Targets"))
        # Targets are counted whole: ticks at whole numbers, a few of them.
        most = max(judged.values())
        step = max(1, math.ceil(most / 8))
        plot.getAxis("bottom").setTickSpacing(major=step, minor=step)

    def _draw_trend(self) -> None:
        pg = self._pg
        plot = self._trend.getPlotItem()
        plot.clear()
        if self._trend_id is None or not self._tables:
            plot.setTitle(
                self.tr("Click a bar under “Completion” to see that indicator through the year")
            )
            return
        points = []
        label = ""
        for table in self._tables:
            row = next((r for r in table.rows if r.indicator_id == self._trend_id), None)
            if row is None:
                continue
            label = f"{row.seq}. {row.work}"
            if row.assessment.completion is not None:
                points.append((table.period.end_month, row.assessment.completion * 100))
        plot.setTitle(label[:40] + ("…" if len(label) > 40 else ""))
        months = [3, 6, 9, 12]
        year = self._tables[0].period.year
        plot.plot(
            months,
            [Period(year, m).elapsed_share() * 100 for m in months],
            pen=pg.mkPen("#333333", style=Qt.PenStyle.DashLine),
            name=self.tr("Schedule"),
        )
        if points:
            plot.plot(
                [p[0] for p in points],
                [p[1] for p in points],
                pen=pg.mkPen(STATUS_COLOURS[Status.ON_SCHEDULE], width=2),
                symbol="o",
                symbolBrush=STATUS_COLOURS[Status.ON_SCHEDULE],
            )
        plot.getAxis("bottom").setTicks([[(m, Period(year, m).chinese) for m in months]])
        plot.setLabel("left", self.tr("Completion (%)"))
        plot.setXRange(2, 13, padding=0)
        plot.setYRange(0, max([100.0] + [p[1] for p in points]), padding=0.05)

    # --- clicks -------------------------------------------------------------------------

    def bar_scene_position(self, indicator_id: int) -> QPointF:
        """Where the bar of an indicator is in the completion chart's scene (for tests and
        for pointing at it)."""
        self._ensure_loaded()
        index = next(i for i, r in enumerate(self._rows) if r.indicator_id == indicator_id)
        view_box = self._completion.getPlotItem().getViewBox()
        point: QPointF = view_box.mapViewToScene(QPointF(index, _percent(self._rows[index]) / 2))
        return point

    def _on_completion_click(self, event: Any) -> None:
        plot = self._completion.getPlotItem()
        view_box = plot.getViewBox()
        if not view_box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = view_box.mapSceneToView(event.scenePos())
        index = round(point.x())
        if not 0 <= index < len(self._rows) or abs(point.x() - index) > _BAR_WIDTH / 2:
            return
        if point.y() > _percent(self._rows[index]) + 5:
            return  # above the bar, in empty space
        indicator_id = self._rows[index].indicator_id
        self.indicatorClicked.emit(indicator_id)
        self._trend_id = indicator_id
        self._draw_trend()
