"""Reading a returned spreadsheet: find the progress table wherever the unit left it.

What comes back has been re-typed in WPS, saved by LibreOffice, copied from a Word table or
saved as `.xls`. This module turns such a file into plain rows (`ReturnTable`) and leaves all
judgement about the plan to `services.importing`.

Files are treated as hostile until read:

- At most `Limits.max_file_bytes` are read from disk at all.
- An `.xlsx` is a zip archive. Before openpyxl sees it, every member's declared uncompressed
  size and their total are checked against `Limits` (a 40 KB "zip bomb" could otherwise inflate
  to gigabytes). Python's zipfile never inflates a member past its declared size and checks its
  CRC, so the declared sizes are a real bound.
- XML is parsed only through defusedxml: openpyxl switches to defusedxml by itself when it is
  installed (checked below), and the merged-cell list this module reads on its own goes through
  `defusedxml.ElementTree` too.
- An OLE compound file holding an `EncryptionInfo` stream is a password-protected workbook and
  is refused; any other OLE file is handed to xlrd as `.xls`.
- Scanning is bounded: at most `Limits.max_rows` rows and `Limits.max_columns` columns per
  sheet and `Limits.max_seconds` of reading per file.

Every failure comes out as a `KpiError` naming the file and what to do, never as a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import time
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import PeriodKind, period_kind_in_text
from kpi_desktop.domain.text import fold

MARKER_SHEET = "_kpi"
MARKER_FORMAT = "kpi-desktop-template"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Directory entries of an OLE file are UTF-16LE names; an encrypted OOXML package keeps its
# key data in a stream called EncryptionInfo next to EncryptedPackage.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class Limits:
    """How much of a returned file is read at most. A real return is a few tens of KB."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_member_bytes: int = 50 * 1024 * 1024
    max_total_bytes: int = 100 * 1024 * 1024
    max_members: int = 2000
    max_rows: int = 5000
    max_columns: int = 60
    max_seconds: float = 30.0


DEFAULT_LIMITS = Limits()


class Column:
    """What a recognised header column holds."""

    SEQ = "seq"
    TEXT = "text"
    UNITS = "units"
    PROGRESS = "progress"
    STATUS = "status"
    PROBLEMS = "problems"
    NEXT_STEPS = "next_steps"


@dataclass(frozen=True)
class TemplateMarker:
    """What an exported template carries about itself (its hidden `_kpi` sheet)."""

    version: int
    year: int | None
    period: str | None
    unit: str | None
    rows: dict[int, str] = field(default_factory=dict)  # 序号 -> identity hash of its text


@dataclass(frozen=True)
class ReturnRow:
    """One data row as the unit left it. `row` is the row number Excel shows."""

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

    @property
    def has_content(self) -> bool:
        """Whether the unit filled in anything (the fill-in columns are not all empty)."""
        return any(v.strip() for v in (self.progress, self.status, self.problems, self.next_steps))


@dataclass(frozen=True)
class ReturnTable:
    """The table found in a returned file."""

    path: Path
    sha256: str
    kind: str  # "xlsx" or "xls"
    sheet: str
    header_row: int
    title: str
    columns: dict[str, int]  # Column.* -> 0-based column index
    period_kind: PeriodKind | None
    year: int | None
    marker: TemplateMarker | None
    rows: tuple[ReturnRow, ...]
    progress_header: str = ""

    @property
    def name(self) -> str:
        return self.path.name


def identity_hash(text: str) -> str:
    """A short, stable identity of an indicator text, blind to spaces and character width."""
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()[:10]


# ---------------------------------------------------------------------------------------------
# Cells and headers


def cell_text(value: Any) -> str:
    """A cell value as the text a clerk would read in it (3.0 → "3", dates as YYYY-MM-DD)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


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


def classify_header(cell: str) -> str | None:
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


def header_columns(cells: Sequence[str]) -> dict[str, int]:
    """The recognised columns of a candidate header row (first occurrence wins)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        kind = classify_header(cell)
        if kind is not None and kind not in found:
            found[kind] = index
    return found


def is_table_header(columns: dict[str, int], *, need_progress: bool) -> bool:
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
# Sheets as grids


@dataclass
class Grid:
    """A sheet's cells as text, with vertically merged cells filled from their top cell."""

    name: str
    rows: list[list[str]]


class _Clock:
    def __init__(self, path: Path, limits: Limits) -> None:
        self._path = path
        self._deadline = time.monotonic() + limits.max_seconds
        self._seconds = limits.max_seconds

    def check(self) -> None:
        if time.monotonic() > self._deadline:
            raise KpiError("return.too_slow", file=str(self._path), seconds=int(self._seconds))


def _fill_merged(rows: list[list[str]], ranges: Iterable[tuple[int, int, int, int]]) -> None:
    """Copy a merged range's value into the cells below it (0-based, inclusive bounds).

    Only vertical spans are filled: a lead unit merged over three rows belongs to all three,
    while a section title merged across the columns ("一、经济发展") is not a value of each."""
    for top, left, bottom, right in ranges:
        if bottom <= top or top >= len(rows):
            continue
        for column in range(left, right + 1):
            if column >= len(rows[top]):
                continue
            value = rows[top][column]
            for row in range(top + 1, min(bottom, len(rows) - 1) + 1):
                line = rows[row]
                while len(line) <= column:
                    line.append("")
                if not line[column]:
                    line[column] = value


_MERGE_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})$")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (ord(letter) - 64)
    return number


def merge_ranges_from_xml(data: bytes) -> list[tuple[int, int, int, int]]:
    """The merged ranges listed in a worksheet part, parsed with defusedxml.

    openpyxl's read-only mode does not report merged cells; they are listed in the part's
    <mergeCells> element, after the cell data, so only that element is handed to the parser."""
    from defusedxml import ElementTree

    start = re.search(rb"<(?:\w+:)?mergeCells[\s>]", data)
    if start is None:
        return []
    end = re.search(rb"</(?:\w+:)?mergeCells\s*>", data[start.start() :])
    if end is None:
        return []
    fragment = data[start.start() : start.start() + end.end()]
    # The fragment lost the root's namespace declarations; a prefix would then be unbound.
    fragment = re.sub(rb"<(/?)\w+:", rb"<\1", fragment)
    root = ElementTree.fromstring(fragment)
    ranges = []
    for element in root:
        match = _MERGE_REF.match(element.get("ref", ""))
        if match is None:
            continue
        left, top, right, bottom = match.groups()
        ranges.append(
            (int(top) - 1, _column_number(left) - 1, int(bottom) - 1, _column_number(right) - 1)
        )
    return ranges


def _check_zip(path: Path, archive: zipfile.ZipFile, limits: Limits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise KpiError(
            "return.inflates",
            file=str(path),
            size=len(members),
            limit=limits.max_members,
            what="members",
        )
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise KpiError("return.encrypted", file=str(path))
        if member.file_size > limits.max_member_bytes:
            raise KpiError(
                "return.inflates",
                file=str(path),
                size=member.file_size,
                limit=limits.max_member_bytes,
                what=member.filename,
            )
        total += member.file_size
    if total > limits.max_total_bytes:
        raise KpiError(
            "return.inflates", file=str(path), size=total, limit=limits.max_total_bytes, what="*"
        )
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise KpiError("return.not_workbook", file=str(path))


def _xlsx_grids(path: Path, data: bytes, limits: Limits, clock: _Clock) -> list[Grid]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise KpiError("return.truncated", file=str(path)) from error
    with archive:
        _check_zip(path, archive, limits)
        import openpyxl

        if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
            raise KpiError("return.damaged", file=str(path), detail="defusedxml is not in use")
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
        try:
            grids = []
            for sheet in workbook.worksheets:
                rows: list[list[str]] = []
                for count, values in enumerate(
                    sheet.iter_rows(max_col=limits.max_columns, values_only=True)
                ):
                    if count >= limits.max_rows:
                        break
                    if count % 200 == 0:
                        clock.check()
                    rows.append([cell_text(v) for v in values])
                part = getattr(sheet, "_worksheet_path", None)
                if part and part in archive.namelist():
                    _fill_merged(rows, merge_ranges_from_xml(archive.read(part)))
                grids.append(Grid(sheet.title, rows))
            return grids
        finally:
            workbook.close()


def _ole_is_encrypted(data: bytes) -> bool:
    return _ENCRYPTION_INFO in data or _ENCRYPTED_PACKAGE in data


def _xls_grids(path: Path, data: bytes, limits: Limits, clock: _Clock) -> list[Grid]:
    import xlrd

    date_error = xlrd.xldate.XLDateError
    if _ole_is_encrypted(data):
        raise KpiError("return.encrypted", file=str(path))
    if (len(data) - 512) % 512 != 0:
        # Compound files are whole 512-byte sectors; anything else was cut off in transfer.
        raise KpiError("return.truncated", file=str(path))
    try:
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO()
        )
    except xlrd.XLRDError as error:
        if "encrypt" in str(error).lower():
            raise KpiError("return.encrypted", file=str(path)) from error
        raise KpiError("return.damaged", file=str(path), detail=str(error)) from error
    try:
        grids = []
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            rows = []
            for r in range(min(sheet.nrows, limits.max_rows)):
                if r % 200 == 0:
                    clock.check()
                values = sheet.row_values(r, 0, min(sheet.ncols, limits.max_columns))
                cells = []
                for c, value in enumerate(values):
                    if sheet.cell_type(r, c) == xlrd.XL_CELL_DATE:
                        with contextlib.suppress(ValueError, OverflowError, date_error):
                            value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
                    cells.append(cell_text(value))
                rows.append(cells)
            merged = sheet.merged_cells
            _fill_merged(
                rows,
                ((top, left, bottom - 1, right - 1) for top, bottom, left, right in merged),
            )
            grids.append(Grid(sheet.name, rows))
        return grids
    finally:
        book.release_resources()


def read_grids(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[str, str, list[Grid]]:
    """The file's sheets as text grids: (kind, sha256, grids). Refusals are KpiErrors."""
    path = Path(path)
    if path.is_dir():  # Windows says "permission denied" when a folder is read as a file
        raise KpiError("return.folder", file=str(path))
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise KpiError(
                "return.too_large", file=str(path), size=size, limit=limits.max_file_bytes
            )
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise KpiError("return.missing", file=str(path)) from error
    except IsADirectoryError as error:
        raise KpiError("return.folder", file=str(path)) from error
    except OSError as error:
        raise KpiError("return.unreadable", file=str(path), detail=str(error)) from error
    digest = hashlib.sha256(data).hexdigest()
    clock = _Clock(path, limits)
    if not data:
        raise KpiError("return.truncated", file=str(path))
    try:
        if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
            return "xlsx", digest, _xlsx_grids(path, data, limits, clock)
        if data.startswith(OLE_MAGIC):
            return "xls", digest, _xls_grids(path, data, limits, clock)
        if len(data) < len(OLE_MAGIC) and OLE_MAGIC.startswith(data):
            raise KpiError("return.truncated", file=str(path))
    except KpiError:
        raise
    except Exception as error:
        # A hostile or damaged file can make the reading libraries fail in many ways (bad
        # zip CRCs, XML errors, malformed records); each one means the same to the clerk.
        raise KpiError("return.damaged", file=str(path), detail=_short(error)) from error
    raise KpiError("return.not_workbook", file=str(path))


def _short(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}"
    return text if len(text) <= 160 else text[:159] + "…"


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


def _is_repeated_header(cells: Sequence[str], columns: dict[str, int]) -> bool:
    hits = 0
    for kind, index in columns.items():
        if index < len(cells) and classify_header(cells[index]) == kind:
            hits += 1
    return hits >= 2


def _cell(cells: Sequence[str], columns: dict[str, int], kind: str) -> str:
    index = columns.get(kind)
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def find_table(
    grids: Sequence[Grid], *, need_progress: bool = True
) -> tuple[Grid, int, dict[str, int]] | None:
    """The first sheet and row (0-based) that look like the table's header."""
    for grid in grids:
        if grid.name == MARKER_SHEET:
            continue
        for index, cells in enumerate(grid.rows):
            columns = header_columns(cells)
            if is_table_header(columns, need_progress=need_progress):
                return grid, index, columns
    return None


def table_rows(grid: Grid, header: int, columns: dict[str, int]) -> Iterator[ReturnRow]:
    """The data rows under the header: blank rows, repeated headers (where the table once
    crossed a page break) and notes without a 序号 or a progress text are left out."""
    for index in range(header + 1, len(grid.rows)):
        cells = grid.rows[index]
        if not any(c.strip() for c in cells):
            continue
        if _is_repeated_header(cells, columns):
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
        )
        if row.seq is None and not (row.text.strip() and row.has_content):
            continue  # a section title, a signature line, a note under the table
        yield row


def read_return(
    path: Path | str, limits: Limits = DEFAULT_LIMITS, *, need_progress: bool = True
) -> ReturnTable:
    """Read a returned `.xlsx`/`.xls` and find its table. Refusals are KpiErrors."""
    path = Path(path)
    kind, digest, grids = read_grids(path, limits)
    marker = None
    for grid in grids:
        if grid.name == MARKER_SHEET:
            marker = read_marker(grid)
    found = find_table(grids, need_progress=need_progress)
    if found is None:
        raise KpiError("return.no_table", file=str(path))
    grid, header, columns = found
    title = " ".join(cell.strip() for cells in grid.rows[:header] for cell in cells if cell.strip())
    progress_header = ""
    if Column.PROGRESS in columns:
        progress_header = grid.rows[header][columns[Column.PROGRESS]]
    period_kind = period_kind_in_text(progress_header) if progress_header else None
    if period_kind is None:
        period_kind = period_in_title(title)
    return ReturnTable(
        path=path,
        sha256=digest,
        kind=kind,
        sheet=grid.name,
        header_row=header + 1,
        title=title,
        columns=columns,
        period_kind=period_kind,
        year=year_in_text(title),
        marker=marker,
        rows=tuple(table_rows(grid, header, columns)),
        progress_header=progress_header,
    )
