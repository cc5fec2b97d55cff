"""A screenshot of the submissions view against the due dates, for the README.

    Xvfb :41 -screen 0 1400x900x24 & DISPLAY=:41 python docs/screenshot_calendar.py

Runs the real program on the built-in plan in a fresh database, on 15 July 2024 of the
half-year: returns due on 20 July, with units' own dates where the office allowed one; one unit
returned on time, one late, one is due soon and two are overdue. The returns are imported as
the clerk imports them, then dated to the days they came in (the change log keeps when). Saves
docs/submissions-calendar-zh_CN.png from the X screen.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from sqlmodel import select

from kpi_desktop.domain.periods import Period
from kpi_desktop.services import calendar
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.importing import apply_import, preview_import
from kpi_desktop.services.queries import plan_for_year
from kpi_desktop.storage.models import ChangeLog, Contribution
from kpi_desktop.ui.app import Shell, make_application
from kpi_desktop.ui.settings_dialog import LANGUAGE_KEY

HERE = Path(__file__).resolve().parent
H1 = Period.parse("2024H1")
TODAY = date(2024, 7, 15)


def _return(database: object, folder: Path, unit: str, day: date) -> None:
    """The unit sends back every row it leads, on `day`."""
    with database.read() as session:  # type: ignore[attr-defined]
        plan = plan_for_year(session, 2024)
        seqs = next(s.indicators for s in calendar.submissions(session, plan, H1) if s.unit == unit)
        template = export_template(session, H1, folder / f"{unit}.xlsx", unit).path
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["进展情况"]
    header = [str(c.value or "") for c in sheet[3]]
    column = next(i for i, h in enumerate(header, 1) if h.endswith("进展情况") and "参考" not in h)
    for row in range(4, sheet.max_row + 1):
        if sheet.cell(row, 1).value in seqs:
            sheet.cell(row, column).value = "上半年按计划推进，详见附表。"
    filled = folder / f"{unit}-回.xlsx"
    workbook.save(filled)
    with database.read() as session:  # type: ignore[attr-defined]
        preview = preview_import(session, [filled])
    apply_import(database, preview)  # type: ignore[arg-type]
    when = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
    with database.transaction() as session:  # type: ignore[attr-defined]
        unit_ids = {
            c.id for c in session.exec(select(Contribution)) if c.source_file == filled.name
        }
        for entry in session.exec(select(ChangeLog).where(ChangeLog.entity == "contribution")):
            if entry.entity_id in unit_ids:
                entry.at = when
                session.add(entry)
        for contribution in session.exec(select(Contribution)):
            if contribution.id in unit_ids:
                contribution.received_at = when
                session.add(contribution)


def main() -> int:
    app = make_application(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="kpi-shots-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "zh_CN")
    database = open_plan_database(folder / "kpi.sqlite")
    with database.transaction() as session:
        plan = plan_for_year(session, 2024)
        calendar.set_due_date(session, plan, H1, date(2024, 7, 20))
        calendar.set_due_date(session, plan, H1, date(2024, 7, 10), "区商务局")
        calendar.set_due_date(session, plan, H1, date(2024, 7, 17), "区财政局")
        calendar.set_due_date(session, plan, H1, date(2024, 7, 10), "区发展改革局")
        calendar.set_due_date(session, plan, H1, date(2024, 7, 12), "区经信科技局")
        calendar.set_due_date(session, plan, H1, date(2024, 7, 10), "区住建局")
    _return(database, folder, "区住建局", date(2024, 7, 9))  # on time
    _return(database, folder, "区商务局", date(2024, 7, 13))  # three days late
    _return(database, folder, "区人社局", date(2024, 7, 14))  # on time, before the 20th
    shell = Shell(app, settings)
    window = shell.show(database)
    window.move(0, 0)
    window.resize(1400, 900)
    window.select_period("2024H1")
    dock = window.submissions_dock
    dock.view.today = lambda: TODAY
    window.show_submissions(True)
    dock.setFloating(False)
    window.resizeDocks([dock], [760], Qt.Orientation.Horizontal)
    dock.view.refresh()
    for _ in range(40):
        app.processEvents()
    picture = QGuiApplication.primaryScreen().grabWindow(0, 0, 0, 1400, 900)
    picture.save(str(HERE / "submissions-calendar-zh_CN.png"))
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
