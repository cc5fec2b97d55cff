"""The summary table as an .xlsx workbook that prints like the PDF.

Excel, WPS and LibreOffice all honour the sheet's own print settings, so the layout travels
with the file: A4 landscape (or portrait), the header row repeated on every page (print
titles), fitted to one page wide, "— 1 —" page numbers in the footer, the title centred over
the table. Row heights are written out: LibreOffice (and WPS when printing without opening the
sheet) does not grow a row to fit wrapped text by itself, so a row left at the default height
prints its text over the next one. The heights come from an estimate of each cell's wrapped
lines that errs on the tall side: a little white space rather than cut text.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kpi_desktop.services.excel_template import put_text
from kpi_desktop.services.files import check_folder, write_atomically
from kpi_desktop.services.returns import MARKER_SHEET, SUMMARY_FORMAT
from kpi_desktop.services.sheet_rows import row_height
from kpi_desktop.services.summary import INSTRUCTIONS_HEADER, REMARK_HEADER, SummaryTable

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"

HEADER_ROW = 3  # 附件2 on row 1, the title on row 2
# Column widths in characters, by header; the progress column takes the rest.
_WIDTHS = {
    "序号": 6,
    "重点工作": 40,
    "牵头单位": 20,
    "存在问题": 26,
    "下步打算": 26,
    "进度状态": 11,
    INSTRUCTIONS_HEADER: 30,
    REMARK_HEADER: 22,
}
_PROGRESS_WIDTH = 58
_CENTRED = frozenset({"序号", "牵头单位", "进度状态"})
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


_BODY_POINTS = 12


def _sheet_title(table: SummaryTable) -> str:
    # Sheet names are limited to 31 characters and may not hold []:*?/\.
    return f"{table.period.chinese}汇总表"[:31]


def _layout(sheet: Worksheet, table: SummaryTable, last_row: int) -> None:
    headers = table.headers()
    last_column = get_column_letter(len(headers))
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "portrait" if table.options.portrait else "landscape"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last_column}{last_row}"
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 20 / 25.4
    margins.top = 18 / 25.4
    margins.bottom = 16 / 25.4
    margins.footer = 6 / 25.4
    sheet.oddFooter.center.text = "— &P —"
    sheet.oddFooter.center.font = "宋体"
    sheet.oddFooter.center.size = 14
    sheet.evenFooter.center.text = "— &P —"
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def build_summary_workbook(table: SummaryTable) -> Workbook:
    """A workbook with one sheet holding `table` as the official attachment lays it out."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _sheet_title(table)
    headers = table.headers()
    last_column = get_column_letter(len(headers))

    sheet["A1"] = table.attachment
    sheet["A1"].font = Font(name=HEADING_FONT, size=16)
    sheet["A1"].alignment = Alignment(horizontal="left", vertical="center")
    sheet.merge_cells(f"A2:{last_column}2")
    title = sheet["A2"]
    title.value = table.title + (f"（{table.options.unit}）" if table.options.unit else "")
    title.font = Font(name=TITLE_FONT, size=20)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[2].height = 42

    for index, name in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(name, _PROGRESS_WIDTH)
        cell = sheet.cell(row=HEADER_ROW, column=index, value=name)
        cell.font = Font(name=HEADING_FONT, size=12)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
    sheet.row_dimensions[HEADER_ROW].height = 30

    widths = [float(_WIDTHS.get(name, _PROGRESS_WIDTH)) for name in headers]
    body = Font(name=BODY_FONT, size=_BODY_POINTS)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    justified = Alignment(horizontal="justify", vertical="center", wrap_text=True)
    row_number = HEADER_ROW
    for row in table.rows:
        row_number += 1
        for index, (name, text) in enumerate(zip(headers, table.cells(row), strict=True), 1):
            cell = sheet.cell(row=row_number, column=index)
            if name == "序号":
                cell.value = row.seq
            else:
                put_text(cell, text)  # a text starting with = stays text, never a formula
            cell.font = body
            cell.alignment = centred if name in _CENTRED else justified
            cell.border = _BORDER
        sheet.row_dimensions[row_number].height = row_height(table.cells(row), widths, _BODY_POINTS)
    _layout(sheet, table, row_number)
    # Says what the file is, so that the summary sent back by mistake is not taken for a
    # unit's return (services.returns reads it).
    marker = book.create_sheet(MARKER_SHEET)
    marker.sheet_state = "hidden"
    for key, value in (
        ("format", SUMMARY_FORMAT),
        ("year", str(table.period.year)),
        ("period", table.period.code),
    ):
        marker.append([key, value])
    marker.protection.sheet = True
    return book


def write_summary_xlsx(table: SummaryTable, path: Path | str) -> None:
    """Save the workbook; the file appears only once it is complete (KpiError
    "summary.cannot_write" says why it could not be)."""
    target = Path(path)
    check_folder(target, "summary.no_folder")
    buffer = io.BytesIO()
    build_summary_workbook(table).save(buffer)
    write_atomically(target, buffer.getvalue(), "summary.cannot_write")
