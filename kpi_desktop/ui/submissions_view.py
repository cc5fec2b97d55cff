"""Who has answered for the selected period: each lead unit, its rows returned out of its rows
expected, when and from which files; units that have not answered stand out. "Chase list"
shows the 催报 text of services.submissions, to copy or save as CSV.

The window docks it: `SubmissionsDock(parent)` and `dock.set_document(document)` whenever a
database is opened. It follows the document (a reload, a period change, an import) and
refreshes only while it is visible.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.labels import period_title
from kpi_desktop.ui.modal import ask
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP
from kpi_desktop.ui.table_model import RowTableModel

if TYPE_CHECKING:
    from kpi_desktop.services.submissions import ChaseItem, UnitSubmission

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex

CONTEXT = "SubmissionsModel"
COLUMN_UNIT, COLUMN_RETURNED, COLUMN_WHEN, COLUMN_FILES = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("SubmissionsModel", "Lead unit"),
    QT_TRANSLATE_NOOP("SubmissionsModel", "Returned"),
    QT_TRANSLATE_NOOP("SubmissionsModel", "Last received"),
    QT_TRANSLATE_NOOP("SubmissionsModel", "From files"),
)
NOT_ANSWERED = QColor("#fde2e1")
PARTLY_ANSWERED = QColor("#fff4cc")
SubmissionRole = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def local_time(when: datetime | None) -> str:
    if when is None:
        return ""
    if when.tzinfo is None:  # stored in UTC
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


class SubmissionsModel(RowTableModel):
    HEADERS = HEADERS

    """One row per lead unit of the plan, in the order the plan first names it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UnitSubmission] = []

    def set_submissions(self, rows: list[UnitSubmission]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def submission_at(self, index: ModelIndex) -> UnitSubmission | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        from kpi_desktop.services.submissions import Answer  # loaded with the data layer

        item = self.submission_at(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.answer is Answer.NONE:
                return NOT_ANSWERED
            if item.answer is Answer.PARTLY:
                return PARTLY_ANSWERED
            return None
        if role == Qt.ItemDataRole.ForegroundRole and item.answer is Answer.NONE:
            return QColor("#8e1b1b")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COLUMN_RETURNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SubmissionRole:
            return item
        return None

    @staticmethod
    def _display(item: UnitSubmission, column: int) -> str:
        from kpi_desktop.services.submissions import Answer

        if column == COLUMN_UNIT:
            return item.unit
        if column == COLUMN_RETURNED:
            return f"{len(item.returned)} / {len(item.indicators)}"
        if column == COLUMN_WHEN:
            if item.answered:
                return local_time(item.last_received)
            if item.answer is Answer.WRITTEN:
                return QCoreApplication.translate("SubmissionsModel", "no return; texts written")
            return QCoreApplication.translate("SubmissionsModel", "not answered")
        if column == COLUMN_FILES:
            return "、".join(item.files)
        return ""

    @staticmethod
    def _tooltip(item: UnitSubmission) -> str:
        lines = [
            QCoreApplication.translate("SubmissionsModel", "Leads No. %1").replace(
                "%1", "、".join(str(s) for s in item.indicators)
            ),
        ]
        if item.outstanding:
            lines.append(
                QCoreApplication.translate("SubmissionsModel", "Missing No. %1").replace(
                    "%1", "、".join(str(s) for s in item.outstanding)
                )
            )
        return "\n".join(lines)


class ChaseDialog(QDialog):
    """The chase list (催报) as text, with Copy and Save as CSV."""

    def __init__(
        self, items: list[ChaseItem], period: Period, year_title: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.items = items
        self.period = period
        self.setWindowTitle(self.tr("Chase list"))
        from kpi_desktop.services.submissions import chase_text

        self.text = chase_text(items, period, year_title)
        self.editor = QPlainTextEdit(self.text)
        self.editor.setReadOnly(True)
        self.editor.setAccessibleName(self.tr("Chase list"))
        self.copy_button = QPushButton(self.tr("&Copy to clipboard"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("&Save as CSV…"))
        self.save_button.clicked.connect(self.save_csv)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.status.setText(self.tr("Copied. Paste it into a message or a notice."))

    def save_csv(self, path: Path | str | None = None) -> Path | None:
        """Write the list as CSV (Excel opens it: UTF-8 with a byte-order mark)."""
        if not path:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save chase list"),
                str(Path.home() / f"{self.period.code}-催报.csv"),
                self.tr("CSV files (*.csv)"),
            )
            if not name:
                return None
            path = name
        target = Path(path)
        try:
            from kpi_desktop.services.files import write_atomically
            from kpi_desktop.services.submissions import chase_csv

            write_atomically(target, chase_csv(self.items).encode("utf-8"), "file.cannot_write")
        except KpiError as error:
            self.status.setText(error.message())
            return None
        self.status.setText(self.tr("Saved to %1").replace("%1", str(target)))
        return target


class SubmissionsView(QWidget):
    """The submissions of the document's plan for its period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self._stale = True
        self.model = SubmissionsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Submissions"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chase_button = QPushButton(self.tr("Chase list (催报)…"))
        self.chase_button.clicked.connect(self.show_chase_list)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.chase_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def sizeHint(self) -> QSize:
        # Wide enough for a long unit name, the counts and the time side by side.
        return QSize(520, 480)

    def set_document(self, document: PlanDocument) -> None:
        if self.document is not None:
            for signal in (self.document.reset, self.document.periodChanged):
                # The old document may already be gone with its database.
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(self._document_changed)
        self.document = document
        document.reset.connect(self._document_changed)
        document.periodChanged.connect(self._document_changed)
        self._document_changed()

    def _document_changed(self, *_args: object) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def period(self) -> Period | None:
        document = self.document
        if document is None or document.plan is None or not document.period:
            return None
        return Period.parse(document.period)

    def refresh(self) -> None:
        self._stale = False
        document, period = self.document, self.period()
        if document is not None and not document.attached:
            self._stale = True  # shown again once the database is open (document.reset)
            return
        if document is None or document.plan is None or period is None:
            self.model.set_submissions([])
            self.summary.setText("")
            self.chase_button.setEnabled(False)
            return
        from kpi_desktop.services.queries import plan_for_year
        from kpi_desktop.services.submissions import submissions

        with document.database.read() as session:
            rows = submissions(session, plan_for_year(session, period.year), period)
        self.model.set_submissions(rows)
        answered = sum(1 for r in rows if r.answered)
        complete = sum(1 for r in rows if r.complete)
        returned = sum(len(r.returned) for r in rows)
        expected = sum(len(r.indicators) for r in rows)
        self.summary.setText(
            self.tr("%1 %2: %3 of %4 lead units have answered (%5 complete); %6 of %7 rows back.")
            .replace("%1", str(period.year))
            .replace("%2", period_title(period))
            .replace("%3", str(answered))
            .replace("%4", str(len(rows)))
            .replace("%5", str(complete))
            .replace("%6", str(returned))
            .replace("%7", str(expected))
        )
        self.chase_button.setEnabled(any(r.outstanding for r in rows))

    def chase_dialog(self) -> ChaseDialog | None:
        document, period = self.document, self.period()
        if document is None or document.plan is None or period is None:
            return None
        from kpi_desktop.services.queries import plan_for_year
        from kpi_desktop.services.submissions import chase_list

        with document.database.read() as session:
            plan = plan_for_year(session, period.year)
            items = chase_list(session, plan, period)
        return ChaseDialog(items, period, f"{plan.year}年", self)

    def show_chase_list(self) -> None:
        dialog = self.chase_dialog()
        if dialog is not None:
            ask(dialog)


class SubmissionsDock(QDockWidget):
    """The submissions view in a dock of the main window (View → Submissions, the window's
    own action: the dock is built after the first paint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("submissions-dock")
        self.setWindowTitle(self.tr("Submissions"))
        self.view = SubmissionsView(self)
        self.setWidget(self.view)

    def set_document(self, document: PlanDocument) -> None:
        self.view.set_document(document)
