"""Screenshots of the data checks and the assessment in the window, for the README.

    Xvfb :42 -screen 0 1400x900x24 &  DISPLAY=:42 python docs/checks_screenshots.py

The built-in plan after the scripted half-year of tests/half_year.py, with two more rows
written as a unit might (a figure lower than the first quarter's, a 滞后 row saying it is
done); saves docs/window-checks-zh_CN.png (Tools → Data checks beside the window) and
docs/window-assessment-zh_CN.png (Tools → Assessment of lead units).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtGui import QGuiApplication

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from half_year import play_half_year  # noqa: E402

from kpi_desktop.services.database import open_plan_database  # noqa: E402
from kpi_desktop.services.editing import set_progress  # noqa: E402
from kpi_desktop.ui.app import Shell, make_application  # noqa: E402
from kpi_desktop.ui.settings_dialog import LANGUAGE_KEY  # noqa: E402


def _settle(app: object, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def main() -> int:
    app = make_application(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="kpi-checks-"))
    database = open_plan_database(folder / "kpi.sqlite")
    play_half_year(database, folder)
    with database.transaction() as session:
        from kpi_desktop.services.queries import indicator_views, plan_for_year

        views = {v.seq: v for v in indicator_views(session, plan_for_year(session, 2024))}
        set_progress(session, views[11].id, "2024H1", {"text": "我区市场经营主体12.1万户。"})
        set_progress(session, views[25].id, "2024H1", {"text": "累计开展政策性担保金额达15亿元。"})
        set_progress(session, views[13].id, "2024H1", {"text": "已入库30家，已完成。"})
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "zh_CN")
    shell = Shell(app, settings)
    window = shell.show(database)
    window.move(0, 0)
    window.resize(1400, 900)
    window.select_period("2024H1")
    _settle(app)
    window.dialogs.checks()
    dialog = window.dialogs._checks
    assert dialog is not None
    dialog.move(300, 180)
    dialog.resize(1060, 560)
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))  # type: ignore[attr-defined]
    dialog.go.click()  # type: ignore[attr-defined]
    _settle(app)
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0, 0, 0, 1400, 900).save(str(HERE / "window-checks-zh_CN.png"))
    dialog.close()
    from kpi_desktop.ui.assessment_dialog import AssessmentDialog

    assessment = AssessmentDialog(window.document, window)
    assessment.has_due.setChecked(True)
    assessment.due.setDate(QDate(2024, 7, 10))
    assessment.on.setDate(QDate(2024, 7, 20))
    assessment.move(120, 80)
    assessment.resize(1180, 720)
    assessment.show()
    _settle(app)
    screen.grabWindow(0, 0, 0, 1400, 900).save(str(HERE / "window-assessment-zh_CN.png"))
    assessment.close()
    window.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
