"""Reading a workbook someone sent: the file's sheets as grids of text, within fixed bounds.

Whatever arrives is treated as hostile until read. The cells are read by python-calamine
(Rust's calamine), which is fast and decodes what Excel stores as `_xHHHH_` escapes, reads a
formula's saved value rather than its source, and never trusts a sheet's stored `<dimension>`.
But calamine builds each sheet as one dense block in a single call that cannot be stopped: a
file whose only two cells sit at A1 and XFD1048576 would make it ask for 500 GB. So before
calamine sees a file, a guard walks it once, cheaply and with the clock running, and refuses
what would need more than `Limits` allows:

- the file: a regular file (not a pipe or a device), at most `max_file_bytes`, counted while
  read;
- an `.xlsx` (a zip archive): at most `max_members` members, each declaring at most
  `max_member_bytes` and all together `max_total_bytes` uncompressed (zipfile never inflates
  past the declared size); no encrypted members;
- every worksheet part is streamed through defusedxml's SAX parser (no DTDs, no entities):
  at most `max_sheets` sheets, `max_cells` cell elements and `max_merges` merged ranges in all,
  `max_strings` shared strings; each sheet's used area (height × width, where calamine would
  put its values) at most `max_area` cells, else that sheet is left unread and said so;
  formulas without a saved value are noted, cell by cell;
- an `.xls` (an OLE compound file): one with an `EncryptionInfo` stream is password-protected
  and refused; the BIFF records of its workbook stream are walked for the same counts;
- all of it within `max_seconds`, the clock checked every few thousand elements.

What is read is then cut to `max_rows` rows and `max_columns` columns per sheet, and the grid
says when that happened, so a table that did not fit is refused with the limit named rather
than read in part. Every refusal is a `KpiError` naming the file and what to do.
"""

from __future__ import annotations

import io
from pathlib import Path

from kpi_desktop.domain.errors import KpiError, zh_en
from kpi_desktop.domain.text import cell_text, file_label
from kpi_desktop.services.workbook_guard import guard_xls, guard_xlsx
from kpi_desktop.services.workbook_limits import (
    DEFAULT_LIMITS,
    EMPTY_ZIP_MAGIC,
    OLE_MAGIC,
    ZIP_MAGIC,
    Clock,
    Counts,
    Cut,
    Grid,
    Limits,
    Shape,
    read_file,
    short_error,
)

__all__ = ["DEFAULT_LIMITS", "Cut", "Grid", "Limits", "read_grids"]


# ---------------------------------------------------------------------------------------------
# Reading the cells


def _fill_merged(
    rows: list[list[str]],
    ranges: list[tuple[tuple[int, int], tuple[int, int]]],
    counts: Counts,
) -> None:
    """Copy a merged range's value into the cells below it (0-based, inclusive bounds).

    Only vertical spans are filled: a lead unit merged over three rows belongs to all three,
    while a section title merged across the columns ("一、经济发展") is not a value of each.
    Merged ranges never overlap in a real workbook, so filling them touches each cell of the
    (already cut) grid at most once; overlapping ranges that would fill more are refused."""
    budget = counts.limits.max_rows * counts.limits.max_columns
    for (top, left), (bottom, right) in ranges:
        counts.clock.check()
        if bottom <= top or top >= len(rows):
            continue
        last_row = min(bottom, len(rows) - 1)
        for column in range(left, min(right, len(rows[top]) - 1) + 1):
            value = rows[top][column]
            if not value:
                continue
            budget -= last_row - top
            if budget < 0:
                raise KpiError("return.merges_overlap", file=counts.file)
            for row in range(top + 1, last_row + 1):
                line = rows[row]
                while len(line) <= column:
                    line.append("")
                if not line[column]:
                    line[column] = value


def _calamine_grids(
    file: str, data: bytes, shapes: list[Shape | None], limits: Limits, clock: Clock
) -> list[Grid]:
    """The sheets read by calamine, each within the shape the guard found for it."""
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    counts = Counts(file, limits, clock)
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        sheets = workbook.sheets_metadata
        if len(sheets) != len(shapes):
            # The guard and the reader must agree on every sheet, or a sheet would be read
            # that was never measured.
            raise KpiError(
                "return.damaged",
                file=file,
                detail=zh_en("工作表列表前后不一致", "the sheet list does not agree"),
            )
        grids = []
        for index, meta in enumerate(sheets):
            clock.check()
            shape = shapes[index]
            grid = Grid(meta.name, [], hidden=meta.visible is not SheetVisibleEnum.Visible)
            grids.append(grid)
            if shape is None:
                continue  # listed in the workbook, but its part is not in the file
            if shape.area > limits.max_area:
                grid.cut, grid.found, grid.limit = Cut.AREA, shape.area, limits.max_area
                continue
            sheet = workbook.get_sheet_by_index(index)
            top, left = sheet.start or (0, 0)
            values = sheet.to_python(skip_empty_area=True)
            height = top + len(values)
            rows: list[list[str]] = [[] for _ in range(min(top, limits.max_rows))]
            for offset, line in enumerate(values[: max(limits.max_rows - top, 0)]):
                if offset % 256 == 0:
                    clock.check()
                cells = [""] * left + [
                    cell_text(v) for v in line[: max(limits.max_columns - left, 0)]
                ]
                rows.append(cells[: limits.max_columns])
            width = left + max((len(line) for line in values), default=0)
            if height > limits.max_rows:
                grid.cut, grid.found, grid.limit = Cut.ROWS, height, limits.max_rows
            elif width > limits.max_columns:
                grid.cut, grid.found, grid.limit = Cut.COLUMNS, width, limits.max_columns
            _fill_merged(rows, list(sheet.merged_cell_ranges or []), counts)
            grid.rows = rows
            grid.uncached = frozenset(shape.uncached)
            grid.long = dict(shape.long)
        return grids
    finally:
        workbook.close()


def read_grids(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, str, list[Grid]]:
    """The file's sheets as text grids: (kind, sha256, grids). Refusals are KpiErrors."""
    import hashlib

    path = Path(path)
    file = file_label(path)
    data = read_file(path, file, limits)
    digest = hashlib.sha256(data).hexdigest()
    clock = Clock(file, limits)
    if not data:
        raise KpiError("return.truncated", file=file)
    try:
        if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
            shapes = guard_xlsx(file, data, limits, clock)
            return "xlsx", digest, _calamine_grids(file, data, shapes, limits, clock)
        if data.startswith(OLE_MAGIC):
            shapes = guard_xls(file, data, limits, clock)
            return "xls", digest, _calamine_grids(file, data, shapes, limits, clock)
        if len(data) < len(OLE_MAGIC) and OLE_MAGIC.startswith(data):
            raise KpiError("return.truncated", file=file)
    except KpiError:
        raise
    except Exception as error:
        # A hostile or damaged file can make the reading libraries fail in many ways (bad
        # zip CRCs, XML errors, malformed records); each one means the same to the clerk.
        raise KpiError("return.damaged", file=file, detail=short_error(error)) from error
    except BaseException as error:
        # calamine's Rust code reports a malformed record it did not expect by panicking,
        # which reaches Python as pyo3's PanicException (a BaseException, not an Exception).
        if type(error).__name__ != "PanicException":
            raise
        raise KpiError("return.damaged", file=file, detail=short_error(error)) from error
    raise KpiError("return.not_workbook", file=file)
