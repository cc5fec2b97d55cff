"""Screenshots of the main window for the README, in Chinese and in English.

    xvfb-run -s "-screen 0 1400x900x24" python docs/screenshots.py

Runs the real program on the built-in plan in a fresh database, with indicator 33 selected in
the first half of the year and its progress typed, and saves docs/window-zh_CN.png and
docs/window-en.png from the X screen; then, in Chinese, the first quarter with the charts open
(docs/window-charts-zh_CN.png).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from kpi_desktop.services.database import open_plan_database
from kpi_desktop.ui.app import Shell, make_application
from kpi_desktop.ui.settings_dialog import LANGUAGE_KEY

HERE = Path(__file__).resolve().parent


def main() -> int:
    app = make_application(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="kpi-shots-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    database = open_plan_database(folder / "kpi.sqlite")
    for language in ("zh_CN", "en"):
        settings.setValue(LANGUAGE_KEY, language)
        shell = Shell(app, settings)
        window = shell.show(database)
        window.move(0, 0)
        window.resize(1400, 900)
        window.select_period("2024H1")
        ids = {view.seq: view.id for view in window.document.views}
        window.select_indicator(ids[33])
        panel = window.panel.editable_panel
        assert panel is not None
        if not panel.text.toPlainText():
            panel.text.insertPlainText("上半年已引进35周岁以下大学生1.6万人。")
            panel.flush()
        for _ in range(20):
            app.processEvents()
        screen = QGuiApplication.primaryScreen()
        picture = screen.grabWindow(0, 0, 0, 1400, 900)
        picture.save(str(HERE / f"window-{language}.png"))
        if language == "zh_CN":
            window.select_period("2024Q1")
            window.select_indicator(ids[14])
            window.show_charts()
            for _ in range(40):
                app.processEvents()
            picture = screen.grabWindow(0, 0, 0, 1400, 900)
            picture.save(str(HERE / "window-charts-zh_CN.png"))
            assert window.charts_dock is not None
            window.charts_dock.close()
        window.hide()
        window.deleteLater()
        app.processEvents()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
