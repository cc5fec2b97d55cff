"""A screenshot of the column-assignment dialog for the README and docs/DESIGN.md.

    Xvfb :45 -screen 0 1100x560x24 & DISPLAY=:45 python docs/column_dialog_screenshot.py

Opens the dialog, in Chinese, on tests/fixtures/tables/t32 (岳阳楼区: targets in columns, a header
merged over two columns, 已完成数 only probably the progress) as the window shows it when
the reader is unsure, and saves docs/column-dialog-zh_CN.png from the X screen.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kpi_desktop.services.returns import table_preview
from kpi_desktop.ui.app import Translations, make_application
from kpi_desktop.ui.column_dialog import ColumnDialog

HERE = Path(__file__).resolve().parent
TABLE = HERE.parent / "tests" / "fixtures" / "tables" / "t32_yueyanglou_m06.xls"


def main() -> int:
    app = make_application(sys.argv[:1])
    translations = Translations(app)
    translations.install("zh_CN")
    dialog = ColumnDialog(table_preview(TABLE))
    dialog.move(0, 0)
    dialog.resize(1100, 560)
    out = HERE / "column-dialog-zh_CN.png"

    def shoot() -> None:
        subprocess.run(["import", "-window", "root", str(out)], check=True)
        dialog.reject()

    QTimer.singleShot(1500, shoot)
    dialog.exec()
    QApplication.processEvents()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
