"""A screenshot of an indicator's note and leadership instructions in the window, for the
README.

    Xvfb :44 -screen 0 1400x900x24 &  DISPLAY=:44 python docs/notes_screenshots.py

The built-in plan in a fresh database; indicator 32 in the first half of the year with its
progress typed, the clerk's note, and two instructions (one followed up, one not) recorded
through the window's own undo commands; the panel scrolled to them. Saves
docs/window-notes-zh_CN.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from kpi_desktop.domain.notes import FollowUp
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.ui import notes_commands
from kpi_desktop.ui.app import Shell, make_application
from kpi_desktop.ui.settings_dialog import LANGUAGE_KEY

HERE = Path(__file__).resolve().parent


def main() -> int:
    app = make_application(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="kpi-shots-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "zh_CN")
    database = open_plan_database(folder / "kpi.sqlite")
    shell = Shell(app, settings)
    window = shell.show(database)
    window.move(0, 0)
    window.resize(1400, 900)
    window.select_period("2024H1")
    ids = {view.seq: view.id for view in window.document.views}
    window.select_indicator(ids[32])
    panel = window.panel.editable_panel
    assert panel is not None
    panel.text.insertPlainText("上半年新增高技能人才1600人，完成全年目标的53.3%。")
    panel.flush()
    stack, document = window.document.undo_stack, window.document
    stack.push(
        notes_commands.add_instruction(
            document,
            ids[32],
            "2024H1",
            "王区长",
            "2024-04-18",
            "高技能人才引育要抓早抓实，请区人社局每月报一次进度。",
            FollowUp.DONE,
        )
    )
    stack.push(
        notes_commands.add_instruction(
            document,
            ids[32],
            "2024H1",
            "李副区长",
            "2024-06-03",
            "请会同区教育局研究技工院校扩招，7月底前拿出方案。",
        )
    )
    box = window.panel.notes
    box.remark.insertPlainText("与区人社局核对过口径：只算当年新增取证人数，不含复审。")
    box.flush()
    box.table.selectRow(1)
    for _ in range(20):
        app.processEvents()
    window.panel.ensureWidgetVisible(box, 0, 0)
    for _ in range(20):
        app.processEvents()
    picture = QGuiApplication.primaryScreen().grabWindow(0, 0, 0, 1400, 900)
    picture.save(str(HERE / "window-notes-zh_CN.png"))
    window.hide()
    window.deleteLater()
    app.processEvents()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
