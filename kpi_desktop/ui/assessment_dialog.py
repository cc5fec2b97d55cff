"""Tools → Assessment of lead units: services.assessment's table for the period shown, with
the due date and the day of the table to choose, exported to Excel or PDF or printed (the
summary table's renderer lays it out)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.table_model import RowTableModel

if TYPE_CHECKING:
    from kpi_desktop.services.assessment import AssessmentTable

ModelIndex = QModelIndex | QPersistentModelIndex
LATE = Qt.GlobalColor.darkRed


class AssessmentModel(RowTableModel):
    """The printed table's cells, one row per lead unit; the headers are the table's own
    (Chinese, as printed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: AssessmentTable | None = None

    def set_table(self, table: AssessmentTable) -> None:
        self.beginResetModel()
        self.table = table
        self.rows = list(table.rows)
        self.endResetModel()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            self.table is not None
            and role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
        ):
            return self.table.headers()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.cells(row)[index.column()]
        header = self.table.headers()[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and self.table.centred(header):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and header == "报送情况" and row.days:
            return LATE
        return None


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class AssessmentDialog(QDialog):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Assessment of lead units"))
        self.resize(1100, 600)
        today = QDate.currentDate()
        self.has_due = QCheckBox(self.tr("Returns due on"))
        self.due = QDateEdit(today)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy年M月d日")
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.on = QDateEdit(today)
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy年M月d日")
        top = QHBoxLayout()
        top.addWidget(self.has_due)
        top.addWidget(self.due)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Counted to")))
        top.addWidget(self.on)
        top.addStretch()
        self.model = AssessmentModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        excel = QPushButton(self.tr("Export to &Excel…"))
        pdf = QPushButton(self.tr("Export to &PDF…"))
        printing = QPushButton(self.tr("P&rint…"))
        close = QPushButton(self.tr("Close"))
        excel.clicked.connect(lambda: self.export(".xlsx"))
        pdf.clicked.connect(lambda: self.export(".pdf"))
        printing.clicked.connect(self.print_table)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (excel, pdf, printing):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        for edit in (self.due, self.on):
            edit.dateChanged.connect(self.refresh)
        self.has_due.toggled.connect(self.refresh)
        self._stored_due()
        self.refresh()

    def _stored_due(self) -> None:
        """Start from the period's due date as set in the submissions view, if any."""
        from kpi_desktop.services.calendar import due_dates
        from kpi_desktop.services.queries import plan_for_year

        period = Period.parse(self.document.period)
        with self.document.database.read() as session:
            stored = due_dates(session, plan_for_year(session, period.year), period).default
        if stored is not None:
            self.due.setDate(QDate(stored.year, stored.month, stored.day))
            self.has_due.setChecked(True)

    def table(self) -> AssessmentTable:
        from dataclasses import replace

        from kpi_desktop.services.assessment import assess
        from kpi_desktop.services.calendar import assessment_calendar
        from kpi_desktop.services.queries import plan_for_year

        period = Period.parse(self.document.period)
        due = _day(self.due) if self.has_due.isChecked() else None
        with self.document.database.read() as session:
            # The stored calendar: units' own dates and the chase rounds recorded; the date
            # shown here is the period's (none when unticked, and then no unit's either).
            calendar = assessment_calendar(
                session, plan_for_year(session, period.year), period, _day(self.on), due
            )
            if due is None:
                calendar = replace(calendar, due=None, unit_due={})
            return assess(session, period, calendar)

    def refresh(self) -> None:
        table = self.table()
        self.model.set_table(table)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.note.setText(table.footnote)

    def export(self, suffix: str) -> None:
        from kpi_desktop.services.assessment_xlsx import write_assessment_xlsx

        kinds = self.tr("Excel workbook (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF (*.pdf)")
        name, _chosen = QFileDialog.getSaveFileName(
            self,
            self.windowTitle(),
            str(Path.home() / f"{self.document.period}-考核{suffix}"),
            kinds,
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        try:
            table = self.table()
            if suffix == ".xlsx":
                write_assessment_xlsx(table, target)
            else:
                from kpi_desktop.printing.summary_printer import print_pdf

                print_pdf(table, target, refusals=("assess.no_folder", "assess.cannot_write"))
        except KpiError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message())
            return
        message = self.tr("Assessment written to {path}").format(path=target)
        QMessageBox.information(self, self.windowTitle(), message)

    def print_table(self) -> None:
        from kpi_desktop.ui.print_preview import SummaryPrinter

        SummaryPrinter(self.table(), self).preview()
