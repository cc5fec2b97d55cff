"""Typing in the filter box with 5,000 indicators: the time each keystroke takes to narrow the
tree (proxy filtering plus the view's relayout), grouped by unit and flat.

    python benchmarks/bench_filter.py

Reports the median and the worst keystroke over several typed queries. The floor it is read
against is the 50 ms a keystroke may take before typing feels slow.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERIES = ("区经信科技局", "新增", "4711", "大学生", "3301", "滞后", "钱塘")


def make_plan(count: int) -> object:
    from kpi_desktop.domain.plan import IndicatorSpec, PlanSpec, ProgressSpec
    from kpi_desktop.services.plans import load_builtin_plan

    builtin = load_builtin_plan()
    items = []
    for number in range(1, count + 1):
        model = builtin.indicators[(number - 1) % len(builtin.indicators)]
        items.append(
            IndicatorSpec(
                seq=number,
                text=f"{model.text}（第{number}项）",
                lead_units=model.lead_units,
                progress={"2025Q1": ProgressSpec(text=model.progress["2024Q1"].text)}
                if number % 3
                else {},
            )
        )
    return PlanSpec(
        year=2025,
        region=builtin.region,
        title="2025年测试计划",
        attachment="",
        units=builtin.units,
        indicators=tuple(items),
    )


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kpi_desktop.services.database import open_plan_database
    from kpi_desktop.services.plans import install_plan
    from kpi_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="kpi-filter-"))
    database = open_plan_database(folder / "big.sqlite")
    with database.transaction() as session:
        install_plan(session, make_plan(5000))  # type: ignore[arg-type]
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    start = time.perf_counter()
    window = MainWindow(database, settings)
    window.document.set_year(2025)
    window.show()
    app.processEvents()
    print(f"window with 5,000 indicators built and shown in {time.perf_counter() - start:.2f} s")
    for grouped in (True, False):
        window.group_action.setChecked(grouped)
        window._group_toggled()
        times: list[float] = []
        labels: list[str] = []
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                begin = time.perf_counter()
                window.filter_box.setText(query[:end])
                app.processEvents()
                times.append(time.perf_counter() - begin)
                labels.append(query[:end])
            window.filter_box.clear()
            app.processEvents()
        label = "grouped by unit" if grouped else "flat by 序号"
        print(
            f"{label}: {len(times)} keystrokes, median {statistics.median(times) * 1000:.1f} ms,"
            f" worst {max(times) * 1000:.1f} ms"
        )
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
