"""Reading a returned spreadsheet: find the progress table wherever the unit left it.

What comes back has been re-typed in WPS, saved by LibreOffice, copied from a Word table or
saved as `.xls`. `services.workbooks` turns the file into text grids, within bounds; this
module finds the table on them and turns it into plain rows (`ReturnTable`), leaving all
judgement about the plan to `services.importing`.

Nothing under a found header is lost without a word: every row with content comes out as a
`ReturnRow`, a data row or one marked as a repeated header or a note (a section title, a
signature line), so that the import can list it as skipped and say why. A table cut short by
a reading bound is refused with the bound named.

Every failure comes out as a `KpiError` naming the file and what to do, never as a traceback.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import PeriodKind, period_kind_in_text
from kpi_desktop.domain.text import file_label, fold
from kpi_desktop.services.workbooks import DEFAULT_LIMITS as DEFAULT_LIMITS
from kpi_desktop.services.workbooks import Cut, Grid, read_grids
from kpi_desktop.services.workbooks import Limits as Limits

MARKER_SHEET = "_kpi"
MARKER_FORMAT = "kpi-desktop-template"
SUMMARY_FORMAT = "kpi-desktop-summary"  # the summary table this program exports


class Column(StrEnum):
    """What a recognised header column holds."""

    SEQ = "seq"
    TEXT = "text"
    UNITS = "units"
    PROGRESS = "progress"
    STATUS = "status"
    PROBLEMS = "problems"
    NEXT_STEPS = "next_steps"


# Each column by the header the official table gives it (messages name the column by it).
COLUMN_LABELS: dict[Column, str] = {
    Column.SEQ: "序号",
    Column.TEXT: "重点工作",
    Column.UNITS: "牵头单位",
    Column.PROGRESS: "进展情况",
    Column.STATUS: "完成状态",
    Column.PROBLEMS: "存在问题",
    Column.NEXT_STEPS: "下步打算",
}


@dataclass(frozen=True)
class TemplateMarker:
    """What an exported template carries about itself (its hidden `_kpi` sheet)."""

    version: int
    year: int | None
    period: str | None
    unit: str | None
    rows: dict[int, str] = field(default_factory=dict)  # 序号 -> identity hash of its text


class RowKind(StrEnum):
    """What a non-empty row under the header is."""

    DATA = "data"
    HEADER_AGAIN = "header_again"  # the header repeated where the table crossed a page
    NOTE = "note"  # no 序号 and no progress: a section title, a signature line, a remark


@dataclass(frozen=True)
class ReturnRow:
    """One row under the header as the unit left it. `row` is the row number Excel shows.
    `uncached` names the columns whose cell is a formula the file kept no value of; `long`
    those whose text is longer than a worksheet cell holds, with its true length."""

    sheet: str
    row: int
    seq_cell: str
    seq: int | None
    text: str
    units: str
    progress: str
    status: str = ""
    problems: str = ""
    next_steps: str = ""
    kind: RowKind = RowKind.DATA
    uncached: tuple[Column, ...] = ()
    long: tuple[tuple[Column, int], ...] = ()  # texts longer than a cell holds: their length

    def filled(self) -> list[tuple[Column, str]]:
        """The columns the unit fills in, with what the row holds in each."""
        return [
            (Column.PROGRESS, self.progress),
            (Column.STATUS, self.status),
            (Column.PROBLEMS, self.problems),
            (Column.NEXT_STEPS, self.next_steps),
        ]

    @property
    def has_content(self) -> bool:
        """Whether the unit filled in anything (the fill-in columns are not all empty)."""
        return any(value.strip() for _column, value in self.filled())


@dataclass(frozen=True)
class ReturnTable:
    """The table found in a returned file."""

    path: Path
    sha256: str
    kind: str  # "xlsx" or "xls"
    sheet: str
    header_row: int
    title: str
    columns: dict[Column, int]  # 0-based column index of each recognised column
    period_kind: PeriodKind | None
    year: int | None
    marker: TemplateMarker | None
    rows: tuple[ReturnRow, ...]
    progress_header: str = ""

    @property
    def name(self) -> str:
        return file_label(self.path.name)

    def data_rows(self) -> list[ReturnRow]:
        return [row for row in self.rows if row.kind is RowKind.DATA]


def identity_hash(text: str) -> str:
    """A short, stable identity of an indicator text, blind to spaces and character width."""
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()[:10]


# ---------------------------------------------------------------------------------------------
# Cells and headers


_SEQ = re.compile(r"\(?(\d{1,6})(?:\.0+)?\)?[.。、,，]?")


def parse_seq(cell: str) -> int | None:
    """序号 as typed: "3", " 3 ", "３", "3.0", "3、", "（3）" → 3; anything else → None."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell))
    match = _SEQ.fullmatch(folded)
    if match is None:
        return None
    number = int(match.group(1))
    return number if number > 0 else None


def _header_key(cell: str) -> str:
    return fold(cell).replace("（", "(").replace("）", ")")


def classify_header(cell: str) -> Column | None:
    """Which column a header cell names, ignoring stray spaces, line breaks and notes in
    brackets ("序 号", "重点工作\\n（量化指标）"). Reference columns ("…（供参考）") are none."""
    key = _header_key(cell)
    if not key or "参考" in key:
        return None
    bare = re.sub(r"\(.*?\)", "", key)
    if bare in ("序号", "编号", "序") or (bare.startswith("序号") and len(bare) <= 4):
        return Column.SEQ
    if bare.startswith("重点工作") or bare in ("量化指标", "工作任务", "目标任务", "指标内容"):
        return Column.TEXT
    if any(w in bare for w in ("牵头单位", "责任单位", "牵头部门", "责任部门")):
        return Column.UNITS
    if "进展" in bare or "完成情况" in bare or "推进情况" in bare:
        return Column.PROGRESS
    if "状态" in bare or bare in ("进度", "是否序时", "序时进度"):
        return Column.STATUS
    if "问题" in bare or "困难" in bare:
        return Column.PROBLEMS
    if "下步" in bare or "下一步" in bare or "打算" in bare:
        return Column.NEXT_STEPS
    return None


def header_columns(cells: Sequence[str]) -> dict[Column, int]:
    """The recognised columns of a candidate header row (first occurrence wins)."""
    found: dict[Column, int] = {}
    for index, cell in enumerate(cells):
        kind = classify_header(cell)
        if kind is not None and kind not in found:
            found[kind] = index
    return found


def is_table_header(columns: dict[Column, int], *, need_progress: bool) -> bool:
    if Column.TEXT not in columns:
        return False
    if Column.SEQ not in columns and Column.UNITS not in columns:
        return False
    return Column.PROGRESS in columns or not need_progress


_YEAR = re.compile(r"(20\d{2})\s*年")


def year_in_text(text: str) -> int | None:
    match = _YEAR.search(unicodedata.normalize("NFKC", text))
    return int(match.group(1)) if match else None


def period_in_title(title: str) -> PeriodKind | None:
    # "2024年度…" names the plan year, not the full-year period.
    return period_kind_in_text(re.sub(r"20\d{2}\s*年度?", "", unicodedata.normalize("NFKC", title)))


# ---------------------------------------------------------------------------------------------
# Finding the table


def read_marker(grid: Grid) -> TemplateMarker | None:
    """The template marker of an exported template, from its hidden sheet; None if absent or
    unreadable (import then works from the visible table alone)."""
    values: dict[str, str] = {}
    rows: dict[int, str] = {}
    for line in grid.rows:
        cells = [*line, "", "", ""]
        key = cells[0].strip()
        if key == "row":
            seq = parse_seq(cells[1])
            if seq is not None:
                rows[seq] = cells[2].strip()
        elif key:
            values[key] = cells[1].strip()
    if values.get("format") != MARKER_FORMAT:
        return None
    try:
        version = int(values.get("version", "0"))
        year = int(values["year"]) if values.get("year") else None
    except ValueError:
        return None
    return TemplateMarker(
        version=version,
        year=year,
        period=values.get("period") or None,
        unit=values.get("unit") or None,
        rows=rows,
    )


def is_summary(grid: Grid) -> bool:
    """Whether the hidden marker sheet says the workbook is this program's summary table."""
    return any(
        len(line) >= 2 and line[0].strip() == "format" and line[1].strip() == SUMMARY_FORMAT
        for line in grid.rows
    )


def _is_repeated_header(cells: Sequence[str], columns: dict[Column, int]) -> bool:
    hits = 0
    for kind, index in columns.items():
        if index < len(cells) and classify_header(cells[index]) == kind:
            hits += 1
    return hits >= 2


def _cell(cells: Sequence[str], columns: dict[Column, int], kind: Column) -> str:
    index = columns.get(kind)
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def find_table(
    grids: Sequence[Grid], *, need_progress: bool = True
) -> tuple[Grid, int, dict[Column, int]] | None:
    """The first sheet and row (0-based) that look like the table's header; visible sheets
    are searched before hidden ones."""
    ordered = [g for g in grids if not g.hidden] + [g for g in grids if g.hidden]
    for grid in ordered:
        if grid.name == MARKER_SHEET:
            continue
        for index, cells in enumerate(grid.rows):
            columns = header_columns(cells)
            if is_table_header(columns, need_progress=need_progress):
                return grid, index, columns
    return None


def table_rows(grid: Grid, header: int, columns: dict[Column, int]) -> Iterator[ReturnRow]:
    """Every non-empty row under the header: data rows, and the repeated headers (where the
    table once crossed a page break) and notes without a 序号 or a progress text, marked as
    such."""
    for index in range(header + 1, len(grid.rows)):
        cells = grid.rows[index]
        if not any(c.strip() for c in cells):
            continue
        seq_cell = _cell(cells, columns, Column.SEQ).strip()
        row = ReturnRow(
            sheet=grid.name,
            row=index + 1,
            seq_cell=seq_cell,
            seq=parse_seq(seq_cell) if seq_cell else None,
            text=_cell(cells, columns, Column.TEXT),
            units=_cell(cells, columns, Column.UNITS),
            progress=_cell(cells, columns, Column.PROGRESS),
            status=_cell(cells, columns, Column.STATUS),
            problems=_cell(cells, columns, Column.PROBLEMS),
            next_steps=_cell(cells, columns, Column.NEXT_STEPS),
            uncached=tuple(k for k, c in columns.items() if (index, c) in grid.uncached),
            long=tuple(
                (k, grid.long[(index, c)]) for k, c in columns.items() if (index, c) in grid.long
            ),
        )
        if _is_repeated_header(cells, columns):
            row = replace(row, kind=RowKind.HEADER_AGAIN)
        elif row.seq is None and not (row.text.strip() and (row.has_content or row.uncached)):
            row = replace(row, kind=RowKind.NOTE)
        yield row


def _cut_refusal(file: str, grid: Grid) -> KpiError:
    code = {
        Cut.ROWS: "return.cut_rows",
        Cut.COLUMNS: "return.cut_columns",
        Cut.AREA: "return.cut_area",
    }[grid.cut or Cut.AREA]
    return KpiError(code, file=file, sheet=grid.name, found=grid.found, limit=grid.limit)


def read_return(
    path: Path | str, limits: Limits = DEFAULT_LIMITS, *, need_progress: bool = True
) -> ReturnTable:
    """Read a returned `.xlsx`/`.xls` and find its table. Refusals are KpiErrors."""
    path = Path(path)
    file = file_label(path)
    kind, digest, grids = read_grids(path, limits)
    marker = None
    for grid in grids:
        if grid.name == MARKER_SHEET:
            if is_summary(grid):
                raise KpiError("return.is_summary", file=file)
            marker = read_marker(grid)
    found = find_table(grids, need_progress=need_progress)
    if found is None:
        cut = next((g for g in grids if g.cut is not None and g.name != MARKER_SHEET), None)
        if cut is not None:
            # The table may lie in what the bound left unread: say so, not "no table".
            raise _cut_refusal(file, cut)
        raise KpiError("return.no_table" if need_progress else "plan.no_table", file=file)
    grid, header, columns = found
    if grid.cut is Cut.ROWS:
        raise _cut_refusal(file, grid)
    rows = tuple(table_rows(grid, header, columns))
    if not any(r.kind is RowKind.DATA for r in rows):
        raise KpiError(
            "return.no_rows" if need_progress else "plan.table_empty",
            file=file,
            sheet=grid.name,
            row=header + 1,
            found=sum(1 for r in rows if r.kind is RowKind.NOTE),
        )
    title = " ".join(cell.strip() for cells in grid.rows[:header] for cell in cells if cell.strip())
    progress_header = ""
    if Column.PROGRESS in columns:
        progress_header = grid.rows[header][columns[Column.PROGRESS]]
    period_kind = period_kind_in_text(progress_header) if progress_header else None
    title_kind = period_in_title(title)
    return ReturnTable(
        path=path,
        sha256=digest,
        kind=kind,
        sheet=grid.name,
        header_row=header + 1,
        title=title,
        columns=columns,
        period_kind=period_kind or title_kind,
        year=year_in_text(title),
        marker=marker,
        rows=rows,
        progress_header=progress_header,
    )
