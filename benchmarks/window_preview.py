"""Run in a process of its own by bench_import.py and bench_scale.py: the window on a
database, the given returns dropped on it, and the time until their preview is on screen.

    python benchmarks/window_preview.py DB RETURN... > report.json

Prints JSON: `preview` (seconds from the drop, `MainWindow.import_files`, to the first paint of
the dialog showing the preview), `cpu` (the CPU time of all the process's threads over the
same span), `ready` (to the preview's being handed to the dialog), `bar`
(the distinct values the progress bar showed while the files were read, to show that it
moves), `files`, `rows`, and `floor` (seconds this same process takes only to open the same
files with openpyxl, timed after the preview; `floor_cpu` its CPU time).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from kpi_desktop.services.database import open_plan_database
    from kpi_desktop.ui.app import Shell

    db, paths = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    app = QApplication.instance() or QApplication([])
    settings_file = Path(tempfile.mkdtemp()) / "settings.ini"
    shell = Shell(app, QSettings(str(settings_file), QSettings.Format.IniFormat))  # type: ignore[arg-type]
    window = shell.show(open_plan_database(db))
    for _ in range(20):
        app.processEvents()
    bar: list[int] = []
    shown: dict[str, float] = {}

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            dialog = window.import_dialog
            if (
                event.type() == QEvent.Type.Paint
                and dialog.preview is not None
                and "at" not in shown
            ):
                shown["at"] = time.perf_counter()
                shown["cpu"] = time.process_time()
                QTimer.singleShot(0, app.quit)
            return False

    painted = Painted()
    start, cpu_start = time.perf_counter(), time.process_time()
    window.import_files(paths)
    dialog = window.import_dialog
    dialog.busy_bar.valueChanged.connect(bar.append)
    dialog.tree.viewport().installEventFilter(painted)
    dialog.previewReady.connect(lambda: shown.setdefault("ready", time.perf_counter()))
    QTimer.singleShot(600_000, app.quit)
    app.exec()
    preview = shown.get("at", float("nan")) - start
    assert dialog.preview is not None
    rows = sum(len(file.rows) for file in dialog.preview.files)
    refused = [file.file for file in dialog.preview.files if file.error is not None]
    window.database.close()

    import openpyxl

    floor_start, floor_cpu = time.perf_counter(), time.process_time()
    for path in paths:
        openpyxl.load_workbook(path)
    floor = time.perf_counter() - floor_start
    floor_cpu = time.process_time() - floor_cpu
    json.dump(
        {
            "preview": preview,
            "ready": shown.get("ready", float("nan")) - start,
            "cpu": shown.get("cpu", float("nan")) - cpu_start,
            "bar": sorted(set(bar)),
            "files": len(paths),
            "rows": rows,
            "refused": refused,
            "floor": floor,
            "floor_cpu": floor_cpu,
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
