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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kpi_desktop.domain.columns import (
    ROLE_LABELS,
    Layout,
    Role,
    assign_columns,
    best_role,
    layout_key,
)
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.numbering import parse_number
from kpi_desktop.domain.periods import PeriodKind, month_in_heading, period_kind_in_text
from kpi_desktop.domain.text import file_label, fold
from kpi_desktop.services.return_rows import ReturnRow as ReturnRow
from kpi_desktop.services.return_rows import RowKind as RowKind
from kpi_desktop.services.return_rows import table_rows as table_rows
from kpi_desktop.services.workbooks import DEFAULT_LIMITS as DEFAULT_LIMITS
from kpi_desktop.services.workbooks import Cut, Grid, read_grids
from kpi_desktop.services.workbooks import Limits as Limits

MARKER_SHEET = "_kpi"
MARKER_FORMAT = "kpi-desktop-template"
SUMMARY_FORMAT = "kpi-desktop-summary"  # the summary table this program exports


# What a recognised header column holds: the roles of `domain.columns`, by their old name.
Column = Role

# Each column by the header the official table gives it (messages name the column by it).
COLUMN_LABELS: dict[Role, str] = dict(ROLE_LABELS)


@dataclass(frozen=True)
class TemplateMarker:
    """What an exported template carries about itself (its hidden `_kpi` sheet)."""

    version: int
    year: int | None
    period: str | None
    unit: str | None
    rows: dict[int, str] = field(default_factory=dict)  # 序号 -> identity hash of its text


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
    layout: Layout = field(default_factory=lambda: Layout({}))
    # The month the return's figures are as of, as its progress header(s) or title state it
    # ("1-11月推进情况", "截至4月底"): the latest of its progress columns, else the title's.
    as_of_month: int | None = None
    header_cells: tuple[str, ...] = ()

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


def classify_header(cell: str) -> Column | None:
    """Which column a header cell names, by the vocabulary of `domain.columns` (stray spaces,
    line breaks, notes in brackets, a leading period ignored). Reference columns ("…（供参考）")
    are none."""
    found = best_role(cell)
    return found[0] if found else None


def header_columns(cells: Sequence[str], *, level: int | None = None) -> dict[Column, int]:
    """The recognised columns of a candidate header row (the first column of each role)."""
    layout = assign_columns(cells, level=level)
    return {role: found[0] for role, found in layout.columns.items()}


# Besides the item text, a header names at least one of these (or is the text column alone,
# named exactly, over a table that numbers its texts).
_ANCHORS = (
    Role.SEQ,
    Role.UNITS,
    Role.OTHER_UNITS,
    Role.PROGRESS,
    Role.VERDICT,
    Role.ON_PACE,
    Role.CATEGORY,
    Role.COOPERATING,
)


def is_header(layout: Layout, cells: Sequence[str], *, need_progress: bool) -> bool:
    """Whether a row with this layout is the table's header."""
    if Role.TEXT not in layout:
        return False
    if need_progress and Role.PROGRESS not in layout:
        return False
    if any(role in layout for role in _ANCHORS):
        return True
    filled = [c for c in cells if c.strip()]
    return len(filled) == 1 and layout.scores.get(layout.first(Role.TEXT) or 0, 0) >= 1.0


def is_table_header(columns: dict[Column, int], *, need_progress: bool) -> bool:
    """Whether recognised columns make a table header (kept for callers of the old shape)."""
    layout = Layout({role: (index,) for role, index in columns.items()})
    return is_header(layout, ["x", "x"], need_progress=need_progress)


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


def find_header(
    grids: Sequence[Grid], *, need_progress: bool = True, level: int | None = None
) -> tuple[Grid, int, Layout] | None:
    """The first sheet and row (0-based) that look like the table's header, with the roles of
    its columns; visible sheets are searched before hidden ones."""
    ordered = [g for g in grids if not g.hidden] + [g for g in grids if g.hidden]
    for grid in ordered:
        if grid.name == MARKER_SHEET:
            continue
        for index, cells in enumerate(grid.rows):
            layout = assign_columns(cells, level=level)
            if is_header(layout, cells, need_progress=need_progress):
                return grid, index, layout
    return None


def find_table(
    grids: Sequence[Grid], *, need_progress: bool = True
) -> tuple[Grid, int, dict[Column, int]] | None:
    """The first sheet and row (0-based) that look like the table's header."""
    found = find_header(grids, need_progress=need_progress)
    if found is None:
        return None
    grid, index, layout = found
    return grid, index, {role: cols[0] for role, cols in layout.columns.items()}


def best_guess(grids: Sequence[Grid]) -> tuple[Grid, int, Layout] | None:
    """Where a table's header most likely is when no row passes for one: among the first rows
    of each sheet, the one naming the most roles surely; failing that, the row above the first
    numbered one (for the clerk to correct by hand)."""
    best: tuple[int, Grid, int, Layout] | None = None
    for grid in grids:
        if grid.name == MARKER_SHEET:
            continue
        for index, cells in enumerate(grid.rows[:30]):
            layout = assign_columns(cells)
            named = sum(1 for score in layout.scores.values() if score >= 0.75)
            # a title ("2024年重点工作进展情况") names one role at most: a header names two
            if named >= 2 and (best is None or named > best[0]):
                best = (named, grid, index, layout)
    if best is not None:
        return best[1:]
    for grid in grids:
        if grid.name == MARKER_SHEET:
            continue
        for index, cells in enumerate(grid.rows[:30]):
            first = next((c for c in cells if c.strip()), "")
            if index > 0 and parse_number(first) is not None:
                return grid, index - 1, assign_columns(grid.rows[index - 1])
    return None


def _cut_refusal(file: str, grid: Grid) -> KpiError:
    code = {
        Cut.ROWS: "return.cut_rows",
        Cut.COLUMNS: "return.cut_columns",
        Cut.AREA: "return.cut_area",
    }[grid.cut or Cut.AREA]
    return KpiError(code, file=file, sheet=grid.name, found=grid.found, limit=grid.limit)


@dataclass(frozen=True)
class ColumnChoice:
    """The clerk's reading of a table: which columns hold which role, and (where no row passes
    for a header) which row is the header (1-based, as Excel shows it)."""

    columns: dict[Role, tuple[int, ...]]
    header_row: int | None = None
    sheet: str | None = None


def read_return(
    path: Path | str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    need_progress: bool = True,
    choice: ColumnChoice | None = None,
    level: int | None = None,
) -> ReturnTable:
    """Read a returned `.xlsx`/`.xls` and find its table. Refusals are KpiErrors.

    `choice` is the clerk's own reading of the columns; `level` the office's own level where
    the table names lead units at two levels (see `domain.columns.header_level`)."""
    path = Path(path)
    file = file_label(path)
    kind, digest, grids = read_grids(path, limits)
    marker = None
    for grid in grids:
        if grid.name == MARKER_SHEET:
            if is_summary(grid):
                raise KpiError("return.is_summary", file=file)
            marker = read_marker(grid)
    found = find_header(grids, need_progress=need_progress, level=level)
    if choice is not None:
        found = _chosen(grids, choice, found, file)
    if found is None:
        cut = next((g for g in grids if g.cut is not None and g.name != MARKER_SHEET), None)
        if cut is not None:
            # The table may lie in what the bound left unread: say so, not "no table".
            raise _cut_refusal(file, cut)
        raise _no_table(file, grids, need_progress)
    grid, header, layout = found
    if grid.cut is Cut.ROWS:
        raise _cut_refusal(file, grid)
    rows = tuple(table_rows(grid, header, layout))
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
    if Role.PROGRESS in layout:
        progress_header = grid.rows[header][layout.columns[Role.PROGRESS][0]]
    period_kind = period_kind_in_text(progress_header) if progress_header else None
    title_kind = period_in_title(title)
    header_months = [
        month
        for column in layout.columns.get(Role.PROGRESS, ())
        if column < len(grid.rows[header])
        and (month := month_in_heading(grid.rows[header][column])) is not None
    ]
    as_of = max(header_months) if header_months else month_in_heading(title)
    return ReturnTable(
        path=path,
        sha256=digest,
        kind=kind,
        sheet=grid.name,
        header_row=header + 1,
        title=title,
        columns={role: cols[0] for role, cols in layout.columns.items()},
        period_kind=period_kind or title_kind,
        year=year_in_text(title),
        marker=marker,
        rows=rows,
        progress_header=progress_header,
        layout=layout,
        as_of_month=as_of,
        header_cells=tuple(grid.rows[header]),
    )


def _chosen(
    grids: Sequence[Grid],
    choice: ColumnChoice,
    found: tuple[Grid, int, Layout] | None,
    file: str,
) -> tuple[Grid, int, Layout]:
    """The table as the clerk reads it: the chosen columns, under the found header row (or
    the chosen one, or the likeliest)."""
    sheets = [g for g in grids if g.name != MARKER_SHEET]
    grid = next((g for g in sheets if g.name == choice.sheet), None)
    if choice.header_row is not None:
        grid = grid or (found[0] if found else None) or (sheets[0] if sheets else None)
        if grid is None or not 1 <= choice.header_row <= len(grid.rows):
            raise KpiError("columns.bad_header_row", file=file, row=choice.header_row or 0)
        header = choice.header_row - 1
    elif found is not None and (grid is None or grid is found[0]):
        grid, header = found[0], found[1]
    else:
        guess = best_guess([grid] if grid else sheets)
        if guess is None:
            raise KpiError("columns.bad_header_row", file=file, row=0)
        grid, header = guess[0], guess[1]
    width = max((len(r) for r in grid.rows), default=0)
    for role, columns in choice.columns.items():
        for column in columns:
            if column >= width:
                raise KpiError("columns.outside", file=file, role=ROLE_LABELS[role], width=width)
    if Role.TEXT not in choice.columns:
        raise KpiError("columns.no_text", file=file)
    layout = Layout(
        {role: tuple(sorted(cols)) for role, cols in choice.columns.items() if cols},
        by_hand=True,
    )
    return grid, header, layout


def _no_table(file: str, grids: Sequence[Grid], need_progress: bool) -> KpiError:
    """The refusal of a file without a table: the columns the likeliest header row names and
    those it lacks, in the words of the command (a plan table, or a progress table)."""
    guess = best_guess(grids)
    needed = [Role.TEXT] + ([Role.PROGRESS] if need_progress else []) + [Role.SEQ, Role.UNITS]
    if guess is None:
        found_words, missed = "无", needed
    else:
        grid, header, layout = guess
        cells = grid.rows[header]
        found_words = (
            "、".join(
                f"“{cells[cols[0]].strip()}”（{ROLE_LABELS[role]}）"
                for role, cols in sorted(layout.columns.items(), key=lambda item: item[1][0])
            )
            or "无"
        )
        missed = [r for r in needed if r not in layout]
        if Role.SEQ in layout or Role.UNITS in layout:
            missed = [r for r in missed if r not in (Role.SEQ, Role.UNITS)]
    code = "return.no_table" if need_progress else "plan.no_table"
    return KpiError(
        code,
        file=file,
        found=found_words,
        missed="、".join(f"“{ROLE_LABELS[r]}”" for r in missed) or "无",
    )


@dataclass(frozen=True)
class TablePreview:
    """The first rows of a table and how the reader reads its columns, for the clerk to check
    or correct before anything is built from it."""

    path: Path
    sheet: str
    header_row: int  # 1-based, as Excel shows it: the found header, else the likeliest row
    rows: tuple[tuple[str, ...], ...]  # a few rows above the header, it and the first under it
    layout: Layout
    found: bool  # whether a row passed for the table's header
    key: str  # the layout of the header row, to remember the clerk's choice by
    first_row: int = 1  # the row number of rows[0]
    keys: tuple[tuple[int, str], ...] = ()  # (row number, layout) of the sheet's first rows

    def key_of(self, row: int) -> str:
        """The layout of a row among the sheet's first ones ("" if not among them)."""
        return next((key for number, key in self.keys if number == row), "")

    @property
    def sure(self) -> bool:
        return self.found and self.layout.sure

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def table_preview(
    path: Path | str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    need_progress: bool = False,
    rows: int = 8,
) -> TablePreview:
    """The header and the first `rows` rows under it as the reader reads them. A file without
    any row naming a column comes back with the first rows of its first sheet."""
    path = Path(path)
    _kind, _digest, grids = read_grids(path, limits)
    sheets = [g for g in grids if g.name != MARKER_SHEET]
    found = find_header(sheets, need_progress=need_progress)
    guess = found or best_guess(sheets)
    if guess is None:
        if not sheets or not sheets[0].rows:
            raise KpiError("plan.no_table", file=file_label(path), found="无", missed="重点工作")
        grid, header, layout = sheets[0], 0, Layout({})
    else:
        grid, header, layout = guess
    first = max(0, header - 3)
    shown = tuple(tuple(cells) for cells in grid.rows[first : header + 1 + rows])
    return TablePreview(
        path=path,
        sheet=grid.name,
        header_row=header + 1,
        rows=shown,
        layout=layout,
        found=found is not None,
        key=layout_key(grid.rows[header]),
        first_row=first + 1,
        keys=tuple(
            (index + 1, layout_key(cells))
            for index, cells in enumerate(grid.rows[:30])
            if any(c.strip() for c in cells)
        ),
    )
