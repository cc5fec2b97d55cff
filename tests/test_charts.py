"""The schedule charts: loaded on first show, a click on a bar names its indicator, PNG export."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kpi_desktop.domain.periods import periods_of_year
from kpi_desktop.domain.status import Status
from kpi_desktop.services.summary import SummaryTable, compile_summary


@pytest.fixture
def tables(database: object) -> list[SummaryTable]:
    with database.read() as session:  # type: ignore[attr-defined]
        return [compile_summary(session, period) for period in periods_of_year(2024)]


def _shown(qtbot, tables):  # type: ignore[no-untyped-def]
    from kpi_desktop.ui.charts import ScheduleCharts

    charts = ScheduleCharts()
    qtbot.addWidget(charts)
    charts.set_tables(tables, "2024Q1")
    charts.resize(1000, 500)
    charts.show()
    qtbot.waitExposed(charts)
    return charts


def test_pyqtgraph_is_loaded_only_when_shown() -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from kpi_desktop.ui.charts import ScheduleCharts\n"
        "charts = ScheduleCharts()\n"
        "assert 'pyqtgraph' not in sys.modules, 'loaded before shown'\n"
        "charts.show(); app.processEvents()\n"
        "assert 'pyqtgraph' in sys.modules, 'not loaded when shown'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("seq", [32, 14, 1])
def test_clicking_a_bar_emits_its_indicator(qtbot, tables: list[SummaryTable], seq: int) -> None:  # type: ignore[no-untyped-def]
    charts = _shown(qtbot, tables)
    row = next(r for r in tables[0].rows if r.seq == seq)
    view = charts.tabs.currentWidget()
    point = view.mapFromScene(charts.bar_scene_position(row.indicator_id))
    with qtbot.waitSignal(charts.indicatorClicked, timeout=10_000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [row.indicator_id]


def test_clicking_beside_the_bars_emits_nothing(qtbot, tables: list[SummaryTable]) -> None:  # type: ignore[no-untyped-def]
    charts = _shown(qtbot, tables)
    first = tables[0].rows[0]
    view = charts.tabs.currentWidget()
    point = view.mapFromScene(charts.bar_scene_position(first.indicator_id))
    point.setY(point.y() - 200)  # far above a bar of no figure
    with qtbot.assertNotEmitted(charts.indicatorClicked, wait=300):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_bar_colours_follow_the_status(qtbot, tables: list[SummaryTable]) -> None:  # type: ignore[no-untyped-def]
    import pyqtgraph as pg
    from PySide6.QtGui import QColor

    from kpi_desktop.ui.status_style import STATUS_COLOURS

    statuses = {r.seq: r.status for r in tables[0].rows}
    assert statuses[14] is Status.BEHIND and statuses[32] is Status.ON_SCHEDULE
    charts = _shown(qtbot, tables)
    (bars,) = [
        item
        for item in charts._completion.getPlotItem().items
        if isinstance(item, pg.BarGraphItem) and item.opts.get("brushes")
    ]
    seqs = [r.seq for r in tables[0].rows]
    brushes = bars.opts["brushes"]
    assert brushes[seqs.index(14)].color().name() == QColor(STATUS_COLOURS[Status.BEHIND]).name()
    assert (
        brushes[seqs.index(32)].color().name() == QColor(STATUS_COLOURS[Status.ON_SCHEDULE]).name()
    )


def test_export_png_of_each_tab(qtbot, tables: list[SummaryTable], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    charts = _shown(qtbot, tables)
    row = next(r for r in tables[0].rows if r.seq == 32)
    charts.show_trend(row.indicator_id)
    for index in range(charts.tabs.count()):
        charts.tabs.setCurrentIndex(index)
        path = tmp_path / f"chart-{index}.png"
        assert charts.export_png(path)
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 100
        # A drawn chart, not a blank picture: many distinct colours (bars, text, axes).
        sample = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(sample) > 5
