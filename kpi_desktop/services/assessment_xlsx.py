"""The units' assessment (考核) as an .xlsx workbook: the table the PDF prints, with counts and
scores as numbers (so the office can sort and sum them), and the same print settings as the
summary workbook (A4 landscape, header row on every page, fitted to the width)."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from kpi_desktop.services.assessment import AssessmentTable
from kpi_desktop.services.excel_template import put_text
from kpi_desktop.services.files import check_folder, write_atomically

HEADER_ROW = 2  # the title on row 1
_WIDTHS = {"序号": 6, "牵头单位": 26, "报送情况": 18, "报送日期": 12, "已报/应报": 11}
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# Columns holding a number, written as one.
_NUMBERS = frozenset(
    {"序号", "已完成", "序时推进", "滞后", "滞后未说明", "催报次数", "扣分", "得分"}
)


def _value(header: str, text: str) -> float | int | str:
    if header not in _NUMBERS:
        return text
    number = float(text)
    return int(number) if number.is_integer() else number


def build_assessment_workbook(table: AssessmentTable) -> Workbook:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{table.period.chinese}考核"
    headers = table.headers()
    last = get_column_letter(len(headers))
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"] = table.title
    sheet["A1"].font = Font(name="方正小标宋简体", size=18)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[1].height = 40
    for index, name in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(name, 9)
        cell = sheet.cell(row=HEADER_ROW, column=index, value=name)
        cell.font = Font(name="黑体", size=12)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
    body = Font(name="仿宋_GB2312", size=12)
    row_number = HEADER_ROW
    for row in table.rows:
        row_number += 1
        for index, (name, text) in enumerate(zip(headers, table.cells(row), strict=True), 1):
            cell = sheet.cell(row=row_number, column=index)
            value = _value(name, text)
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = value
            cell.font = body
            cell.alignment = Alignment(
                horizontal="left" if name == "牵头单位" else "center",
                vertical="center",
                wrap_text=True,
            )
            cell.border = _BORDER
    note_row = row_number + 2
    sheet.merge_cells(f"A{note_row}:{last}{note_row}")
    put_text(sheet.cell(row=note_row, column=1), table.footnote)
    sheet.cell(row=note_row, column=1).font = body
    sheet.cell(row=note_row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[note_row].height = 48
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last}{note_row}"
    sheet.oddFooter.center.text = "— &P —"
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    return book


def write_assessment_xlsx(table: AssessmentTable, path: Path | str) -> None:
    """Save the workbook whole, or refuse (KpiError "assess.cannot_write")."""
    target = Path(path)
    check_folder(target, "assess.no_folder")
    buffer = io.BytesIO()
    build_assessment_workbook(table).save(buffer)
    write_atomically(target, buffer.getvalue(), "assess.cannot_write")
