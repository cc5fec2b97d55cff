"""Printing from the window: the preview dialog lays out the same pages as the command line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kpi_desktop.services.summary import SummaryTable, compile_summary

pypdf = pytest.importorskip("pypdf")


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def table(database: object) -> SummaryTable:
    with database.read() as session:  # type: ignore[attr-defined]
        return compile_summary(session, "2024Q1")


def test_preview_dialog_paints_the_pages(qtbot, table: SummaryTable, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from kpi_desktop.ui.print_preview import SummaryPrinter

    printer = SummaryPrinter(table)
    dialog = printer.preview_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=10000)
    assert preview.pageCount() == printer.pages >= 2
    # The same pages as the command line's PDF: same orientation, same page count.
    from PySide6.QtGui import QPageLayout

    from kpi_desktop.printing.summary_printer import print_pdf

    layout = dialog.printer().pageLayout()
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert layout.pageSize().id() == layout.pageSize().PageSizeId.A4
    assert print_pdf(table, tmp_path / "cli.pdf") == preview.pageCount()


def test_printer_pdf_holds_the_seed(
    qtbot, table: SummaryTable, tmp_path: Path, plan_rows: list
) -> None:  # type: ignore[no-untyped-def]
    from kpi_desktop.ui.print_preview import SummaryPrinter

    output = tmp_path / "窗口.pdf"
    assert SummaryPrinter(table).save_pdf(output)
    text = "".join(norm(p.extract_text() or "") for p in pypdf.PdfReader(str(output)).pages)
    for row in plan_rows:
        assert norm(row.progress) in text, row.seq
    assert norm("— 1 —") in text


def test_print_options_choose_the_layout_and_the_size(qtbot, database: object) -> None:  # type: ignore[no-untyped-def]
    from kpi_desktop.domain.page_format import Layout
    from kpi_desktop.ui.document import PlanDocument
    from kpi_desktop.ui.print_dialog import PrintOptionsDialog

    dialog = PrintOptionsDialog(PlanDocument(database))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert (dialog.options().layout, dialog.options().body_size) == (Layout.OFFICIAL, 12.0)
    dialog.compact.setChecked(True)
    dialog.text_size.setCurrentIndex(dialog.text_size.findText("四号"))
    assert (dialog.options().layout, dialog.options().body_size) == (Layout.COMPACT, 14.0)
