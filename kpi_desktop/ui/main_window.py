"""The main window (a first shell: the indicators of the first plan)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTreeWidget, QTreeWidgetItem

from kpi_desktop.services.queries import indicator_views, plans
from kpi_desktop.storage.engine import Database


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setWindowTitle(f"kpi-desktop — {database.path}")
        tree = QTreeWidget()
        tree.setHeaderLabels([self.tr("序号"), self.tr("重点工作"), self.tr("牵头单位")])
        with database.read() as session:
            for plan in plans(session):
                for view in indicator_views(session, plan):
                    QTreeWidgetItem(tree, [str(view.seq), view.text, " ".join(view.lead_units)])
        self.setCentralWidget(tree)
        self.resize(1000, 700)
