"""Print preview, printing and PDF of the summary table from the window.

The pages are laid out by printing.summary_printer, the same code the command line uses, so
the preview, the paper and `export-summary -o OUT.pdf` are the same pages. A long table shows
a progress dialog that can cancel the print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from kpi_desktop.printing.summary_printer import (
    PrintCancelled,
    PrintedTable,
    configure_device,
    print_pdf,
    render_summary,
)

# Below this many rows the print is over before a progress dialog could be read.
PROGRESS_FROM_ROWS = 300


class SummaryPrinter(QObject):
    """Prints one compiled table. The window builds it with the table of the period shown:

    printer = SummaryPrinter(compile_summary(session, period, options), parent=window)
    printer.preview()      # Ctrl+P: QPrintPreviewDialog, printing from there
    printer.print_()       # straight to the system print dialog
    """

    def __init__(self, table: PrintedTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self._parent = parent
        self.pages = 0
        self.cancelled = False
        self._preview_printer: QPrinter | None = None

    def new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.table.title)
        configure_device(printer, self.table.options.portrait, self.table.options.layout)
        return printer

    @contextmanager
    def _progress(self) -> Iterator[Callable[[int, int], bool]]:
        """A report function for the renderer, showing a progress dialog for long tables."""
        progress: QProgressDialog | None = None
        if len(self.table.rows) >= PROGRESS_FROM_ROWS:
            progress = QProgressDialog(
                self.tr("Laying out the summary table…"),
                self.tr("Cancel"),
                0,
                len(self.table.rows),
                self._parent,
            )
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(300)

        def report(done: int, total: int) -> bool:
            if progress is None:
                return True
            progress.setValue(done)
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        try:
            yield report
        finally:
            if progress is not None:
                progress.close()

    def paint(self, printer: QPrinter) -> None:
        """Lay the table out on `printer` (the slot of QPrintPreviewDialog.paintRequested)."""
        self.cancelled = False
        try:
            with self._progress() as report:
                self.pages = render_summary(printer, self.table, report)
        except PrintCancelled:
            self.cancelled = True
            printer.abort()
        except OSError as error:
            QMessageBox.warning(
                self._parent,
                self.tr("Print"),
                self.tr(
                    "The summary table could not be printed: {detail}. "
                    "Check the printer and try again."
                ).format(detail=error),
            )

    def preview_dialog(self) -> QPrintPreviewDialog:
        # The dialog does not own its printer: keep it alive as long as this object.
        self._preview_printer = self.new_printer()
        dialog = QPrintPreviewDialog(self._preview_printer, self._parent)
        dialog.setWindowTitle(self.tr("Print preview — {title}").format(title=self.table.title))
        dialog.paintRequested.connect(self.paint)
        return dialog

    def preview(self) -> int:
        dialog = self.preview_dialog()
        dialog.resize(1100, 800)
        return dialog.exec()

    def print_(self) -> bool:
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.paint(printer)
        return not self.cancelled

    def save_pdf(self, path: Path | str) -> bool:
        """Write the PDF as `export-summary` does, whole or not at all (a KpiError says why
        it could not be written); False when the clerk cancelled."""
        self.cancelled = False
        try:
            with self._progress() as report:
                self.pages = print_pdf(self.table, path, progress=report)
        except PrintCancelled:
            self.cancelled = True
        return not self.cancelled
