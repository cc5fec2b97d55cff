"""python-calamine, which reads the returns (services.workbooks), gives the same grid as the
reference readers on every workbook of the test corpus: openpyxl for .xlsx, xlrd for .xls.

The grid compared is the program's own (`read_grids`: text per cell as domain.text.cell_text
writes it, vertical merges filled down, hidden sheets marked) against one built here from the
reference reader's cells and merged ranges by the same rules. Trailing empty cells and rows are
not part of a table and are left out on both sides."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kpi_desktop.domain.text import cell_text
from kpi_desktop.services.workbooks import read_grids

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".xlsx", ".xls"))

Sheet = tuple[str, bool, list[list[str]]]


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    rows = [list(row) for row in rows]
    for row in rows:
        while row and not row[-1]:
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _filled_down(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> None:
    """Each vertical merge's value copied into the empty cells below it (0-based, inclusive)."""
    for top, left, bottom, right in merges:
        if bottom <= top or top >= len(rows):
            continue
        for column in range(left, right + 1):
            value = rows[top][column] if column < len(rows[top]) else ""
            if not value:
                continue
            for row in range(top + 1, min(bottom, len(rows) - 1) + 1):
                line = rows[row]
                while len(line) <= column:
                    line.append("")
                if not line[column]:
                    line[column] = value


def _openpyxl(path: Path) -> list[Sheet]:
    workbook = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for sheet in workbook.worksheets:
        rows = [[cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
        merges = [
            (r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
            for r in sheet.merged_cells.ranges
        ]
        _filled_down(rows, merges)
        sheets.append((sheet.title, sheet.sheet_state != "visible", _trimmed(rows)))
    return sheets


def _xlrd(path: Path) -> list[Sheet]:
    xlrd = pytest.importorskip("xlrd", reason="xlrd reads .xls for the comparison")
    book = xlrd.open_workbook(str(path), formatting_info=True)
    sheets = []
    for sheet in book.sheets():
        rows = []
        for index in range(sheet.nrows):
            line = []
            for cell in sheet.row(index):
                value = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(value)
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                    value = None
                line.append(cell_text(value))
            rows.append(line)
        merges = [
            (top, left, bottom - 1, right - 1) for top, bottom, left, right in sheet.merged_cells
        ]
        _filled_down(rows, merges)
        sheets.append((sheet.name, sheet.visibility != 0, _trimmed(rows)))
    return sheets


def _calamine(path: Path) -> list[Sheet]:
    _kind, _digest, grids = read_grids(path)
    return [(grid.name, grid.hidden, _trimmed(grid.rows)) for grid in grids]


def test_the_corpus_is_there() -> None:
    assert len([p for p in CORPUS if p.suffix == ".xlsx"]) >= 20
    assert len([p for p in CORPUS if p.suffix == ".xls"]) >= 10


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_calamine_reads_the_grid_the_reference_reader_reads(path: Path) -> None:
    reference = _openpyxl(path) if path.suffix == ".xlsx" else _xlrd(path)
    assert _calamine(path) == reference
