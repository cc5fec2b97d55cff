"""Printing from the window: the clerk's choices, then the preview (Ctrl+P) or a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QRadioButton,
    QWidget,
)

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.messages import os_error_text
from kpi_desktop.domain.page_format import TYPE_SIZES, Layout
from kpi_desktop.services.summary import SummaryOptions, SummaryTable, compile_summary
from kpi_desktop.services.views import plan_units
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.modal import modal


class PrintOptionsDialog(QDialog):
    """All indicators or one lead unit's; optional columns; the page's orientation."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print the summary table"))
        form = QFormLayout(self)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("All lead units"), None)
        for name in plan_units(document.views):
            self.unit.addItem(name, name)
        form.addRow(self.tr("&Rows"), self.unit)
        self.problems = QCheckBox(self.tr("Problems and next steps columns"))
        self.status = QCheckBox(self.tr("A status column"))
        self.instructions = QCheckBox(self.tr("A leadership instructions column"))
        self.remarks = QCheckBox(self.tr("A column with my own notes"))
        form.addRow(self.tr("Columns"), self.problems)
        form.addRow("", self.status)
        form.addRow("", self.instructions)
        form.addRow("", self.remarks)
        self.landscape = QRadioButton(self.tr("&Landscape"))
        self.portrait = QRadioButton(self.tr("&Portrait"))
        self.landscape.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.landscape)
        row.addWidget(self.portrait)
        row.addStretch()
        form.addRow(self.tr("Page"), row)
        self.compact = QCheckBox(self.tr("Compact margins (PDF and printer)"))
        form.addRow(self.tr("Layout"), self.compact)
        self.text_size = QComboBox()
        for name in ("小四", "四号", "五号", "三号"):
            self.text_size.addItem(name, TYPE_SIZES[name])
        form.addRow(self.tr("Table text size"), self.text_size)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> SummaryOptions:
        unit = self.unit.currentData()
        return SummaryOptions(
            unit=str(unit) if unit else None,
            with_problems=self.problems.isChecked(),
            with_status=self.status.isChecked(),
            with_instructions=self.instructions.isChecked(),
            with_remarks=self.remarks.isChecked(),
            portrait=self.portrait.isChecked(),
            layout=Layout.COMPACT if self.compact.isChecked() else Layout.OFFICIAL,
            body_size=float(self.text_size.currentData()),
        )


def compile_for(document: PlanDocument, options: SummaryOptions) -> SummaryTable:
    with document.database.read() as session:
        return compile_summary(session, document.period, options)


def print_summary(document: PlanDocument, parent: QWidget) -> None:
    """Ask for the options, then show the print preview, from which the clerk prints."""
    from kpi_desktop.ui.print_preview import SummaryPrinter

    with modal(PrintOptionsDialog(document, parent)) as dialog:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        options, title = dialog.options(), dialog.windowTitle()
    try:
        table = compile_for(document, options)
    except KpiError as error:
        QMessageBox.warning(parent, title, error.message())
        return
    SummaryPrinter(table, parent).preview()


def export_summary(document: PlanDocument, parent: QWidget) -> None:
    """The summary table to a PDF, an Excel workbook or a Word document, by the file's type."""
    from kpi_desktop.services.docx_writer import write_summary_docx
    from kpi_desktop.services.summary_xlsx import write_summary_xlsx
    from kpi_desktop.ui.print_preview import SummaryPrinter

    with modal(PrintOptionsDialog(document, parent)) as dialog:
        dialog.setWindowTitle(parent.tr("Export the summary table"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        options, title = dialog.options(), dialog.windowTitle()
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path.home() / f"{document.period}-summary.pdf"),
        parent.tr("PDF (*.pdf);;Excel workbook (*.xlsx);;Word document (*.docx)"),
    )
    if not name:
        return
    target = Path(name)
    if target.suffix.lower() not in (".pdf", ".xlsx", ".docx"):
        kind = next((k for k in ("xlsx", "docx") if k in chosen), "pdf")
        target = target.with_suffix(f".{kind}")
    try:
        table = compile_for(document, options)
        if target.suffix.lower() == ".xlsx":
            write_summary_xlsx(table, target)
        elif target.suffix.lower() == ".docx":
            write_summary_docx(table, target)
        else:
            SummaryPrinter(table, parent).save_pdf(target)
    except (KpiError, OSError) as error:
        message = error.message() if isinstance(error, KpiError) else os_error_text(error)
        QMessageBox.warning(parent, title, message)
