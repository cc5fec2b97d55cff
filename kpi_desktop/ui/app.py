"""Starting the window."""

from __future__ import annotations

import sys
from pathlib import Path


def run(db_path: Path | None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kpi_desktop.domain.errors import KpiError
    from kpi_desktop.services.database import open_plan_database
    from kpi_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    try:
        database = open_plan_database(db_path)
    except KpiError as error:
        QMessageBox.critical(None, "kpi-desktop", error.message())
        return 2
    window = MainWindow(database)
    window.show()
    return app.exec()
