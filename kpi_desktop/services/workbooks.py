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
import os
import posixpath
import re
import stat
import struct
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from xml.sax.handler import ContentHandler

from kpi_desktop.domain.errors import KpiError, zh_en
from kpi_desktop.domain.text import CELL_CHARACTERS, cell_text, file_label

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Directory entries of an OLE file are UTF-16LE names; an encrypted OOXML package keeps its
# key data in a stream called EncryptionInfo next to EncryptedPackage.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class Limits:
    """How much of a returned file is read at most. A real return is a few tens of KB, one to
    five sheets, a few hundred cells; every bound is hundreds of times that."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_member_bytes: int = 50 * 1024 * 1024
    max_total_bytes: int = 100 * 1024 * 1024
    max_members: int = 2000
    max_sheets: int = 100
    max_cells: int = 1_000_000
    max_area: int = 2_000_000
    max_merges: int = 20_000
    max_strings: int = 500_000
    max_rows: int = 5000
    max_columns: int = 60
    max_seconds: float = 30.0


DEFAULT_LIMITS = Limits()


class Cut(StrEnum):
    """Which bound left part of a sheet unread."""

    ROWS = "rows"
    COLUMNS = "columns"
    AREA = "area"


@dataclass
class Grid:
    """A sheet's cells as text, with vertically merged cells filled from their top cell.

    `uncached` holds the (0-based) cells that are formulas without a saved value: the file
    does not say what the unit saw there. `long` gives the true length of texts longer than a
    cell holds, which calamine returns cut short. `cut` says which bound stopped the reading, with
    how much the sheet really had (`found`) against the bound (`limit`)."""

    name: str
    rows: list[list[str]]
    hidden: bool = False
    uncached: frozenset[tuple[int, int]] = frozenset()
    long: dict[tuple[int, int], int] = field(default_factory=dict)
    cut: Cut | None = None
    found: int = 0
    limit: int = 0


@dataclass
class _Shape:
    """What the guard learnt of one sheet before calamine reads it."""

    height: int = 0
    width: int = 0
    uncached: set[tuple[int, int]] = field(default_factory=set)
    long: dict[tuple[int, int], int] = field(default_factory=dict)  # cell -> its length

    @property
    def area(self) -> int:
        return self.height * self.width

    def reach(self, row: int, column: int) -> None:
        self.height = max(self.height, row + 1)
        self.width = max(self.width, column + 1)


class _Clock:
    def __init__(self, file: str, limits: Limits) -> None:
        self._file = file
        self._deadline = time.monotonic() + limits.max_seconds
        self._seconds = limits.max_seconds

    def check(self) -> None:
        if time.monotonic() > self._deadline:
            raise KpiError("return.too_slow", file=self._file, seconds=int(self._seconds))


class _Counts:
    """Counts across the whole file, refused the moment one passes its bound."""

    def __init__(self, file: str, limits: Limits, clock: _Clock) -> None:
        self.file, self.limits, self.clock = file, limits, clock
        self.cells = self.merges = 0
        self._ticks = 0

    def over(self, code: str, found: int, limit: int) -> KpiError:
        return KpiError(code, file=self.file, found=found, limit=limit)

    def cell(self, count: int = 1) -> None:
        self.cells += count
        if self.cells > self.limits.max_cells:
            raise self.over("return.too_many_cells", self.cells, self.limits.max_cells)
        self.tick(count)

    def merge(self) -> None:
        self.merges += 1
        if self.merges > self.limits.max_merges:
            raise self.over("return.too_many_merges", self.merges, self.limits.max_merges)
        self.tick()

    def sheets(self, count: int) -> None:
        if count > self.limits.max_sheets:
            raise self.over("return.too_many_sheets", count, self.limits.max_sheets)

    def strings(self, count: int) -> None:
        if count > self.limits.max_strings:
            raise self.over("return.too_many_strings", count, self.limits.max_strings)

    def tick(self, count: int = 1) -> None:
        self._ticks += count
        if self._ticks >= 4096:
            self._ticks = 0
            self.clock.check()


# ---------------------------------------------------------------------------------------------
# The file itself


def read_file(path: Path, file: str, limits: Limits) -> bytes:
    """The file's bytes: a regular file only, and no more than `max_file_bytes` of it."""
    try:
        info = path.stat()
    except FileNotFoundError as error:
        raise KpiError("return.missing", file=file) from error
    except OSError as error:
        raise KpiError("return.unreadable", file=file, detail=error.strerror or "") from error
    if stat.S_ISDIR(info.st_mode):
        raise KpiError("return.folder", file=file)
    if not stat.S_ISREG(info.st_mode):
        raise KpiError("return.not_a_file", file=file)
    if info.st_size > limits.max_file_bytes:
        raise KpiError(
            "return.too_large", file=file, size=info.st_size, limit=limits.max_file_bytes
        )
    try:
        # Opened without following a swap to a pipe after the check, and read with a bound:
        # the file may grow while it is read.
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise KpiError("return.not_a_file", file=file)
            data = handle.read(limits.max_file_bytes + 1)
    except IsADirectoryError as error:
        raise KpiError("return.folder", file=file) from error
    except OSError as error:
        raise KpiError("return.unreadable", file=file, detail=error.strerror or "") from error
    if len(data) > limits.max_file_bytes:
        raise KpiError("return.too_large", file=file, size=len(data), limit=limits.max_file_bytes)
    return data


# ---------------------------------------------------------------------------------------------
# .xlsx: the zip, then each worksheet part


def _check_zip(file: str, archive: zipfile.ZipFile, limits: Limits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise KpiError(
            "return.inflates", file=file, size=len(members), limit=limits.max_members, what="*"
        )
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise KpiError("return.encrypted", file=file)
        if member.file_size > limits.max_member_bytes:
            raise KpiError(
                "return.inflates",
                file=file,
                size=member.file_size,
                limit=limits.max_member_bytes,
                what=member.filename,
            )
        total += member.file_size
    if total > limits.max_total_bytes:
        raise KpiError(
            "return.inflates", file=file, size=total, limit=limits.max_total_bytes, what="*"
        )
    if "xl/workbook.xml" not in {m.filename for m in members}:
        raise KpiError("return.not_workbook", file=file)


_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + (ord(letter) - 64)
    return number


def _local(name: str) -> str:
    return name.rpartition(":")[2]


class _SheetScan(ContentHandler):
    """Walks a worksheet part: counts cells and merges, finds where values lie as calamine
    places them (a cell without a reference follows the previous one, a row without a number
    follows the previous row), notes formulas that carry no saved value, and texts longer
    than a cell holds (calamine would cut them short without a word)."""

    def __init__(self, counts: _Counts, shape: _Shape, long_strings: dict[int, int]) -> None:
        super().__init__()
        self.counts, self.shape, self.long_strings = counts, shape, long_strings
        self.row = -1
        self.column = -1
        self.kind = ""
        self.in_value = self.in_inline = False
        self.value: list[str] = []
        self.inline = 0
        self.has_value = self.has_formula = False

    def startElement(self, name: str, attrs: Any) -> None:
        local = _local(name)
        if local == "c":
            self.counts.cell()
            match = _CELL_REF.match(attrs.get("r", ""))
            if match is not None:
                self.column = _column_number(match.group(1)) - 1
                self.row = int(match.group(2)) - 1
            else:
                self.column += 1
            self.kind = attrs.get("t", "")
            self.has_value = self.has_formula = False
            self.value, self.inline = [], 0
        elif local == "row":
            self.counts.tick()
            number = attrs.get("r", "")
            self.row = int(number) - 1 if number.isdigit() else self.row + 1
            self.column = -1
        elif local == "v":
            self.in_value = True
        elif local == "is":
            self.has_value = self.in_inline = True
        elif local == "f":
            self.has_formula = True
        elif local == "mergeCell":
            self.counts.merge()

    def characters(self, content: str) -> None:
        if self.in_value:
            self.value.append(content)
        elif self.in_inline:
            self.inline += len(content)

    def endElement(self, name: str) -> None:
        local = _local(name)
        if local == "v":
            self.in_value = False
        elif local == "is":
            self.in_inline = False
        elif local == "c":
            self._end_cell()

    def _end_cell(self) -> None:
        where = (max(self.row, 0), max(self.column, 0))
        value = "".join(self.value)
        if value.strip():
            self.has_value = True
        if self.has_value:
            self.shape.reach(*where)
        elif self.has_formula:
            self.shape.uncached.add(where)
        length = self.inline or (len(value) if self.kind != "s" else 0)
        if self.kind == "s" and value.strip().isdigit():
            length = self.long_strings.get(int(value), 0)
        if length > CELL_CHARACTERS:
            self.shape.long[where] = length


class _StringScan(ContentHandler):
    """Counts the shared strings and notes those longer than a cell holds (index: length)."""

    def __init__(self, counts: _Counts) -> None:
        super().__init__()
        self.counts = counts
        self.strings = 0
        self.length = 0
        self.long: dict[int, int] = {}

    def startElement(self, name: str, attrs: Any) -> None:
        if _local(name) == "si":
            self.strings += 1
            self.length = 0
            self.counts.strings(self.strings)
            self.counts.tick()

    def characters(self, content: str) -> None:
        self.length += len(content)

    def endElement(self, name: str) -> None:
        if _local(name) == "si" and self.length > CELL_CHARACTERS:
            self.long[self.strings - 1] = self.length


def _stream_xml(
    archive: zipfile.ZipFile, member: str, handler: ContentHandler, clock: _Clock
) -> None:
    from defusedxml.sax import make_parser

    parser = make_parser()
    parser.setFeature("http://xml.org/sax/features/namespaces", False)
    parser.setFeature("http://xml.org/sax/features/external-general-entities", False)
    parser.setContentHandler(handler)
    with archive.open(member) as stream:
        while chunk := stream.read(256 * 1024):
            clock.check()
            parser.feed(chunk)
    parser.close()


def _part_of(target: str) -> str:
    """A relationship target of the workbook as a member name (targets are relative to xl/
    unless they start with a slash)."""
    name = target.replace("\\", "/")
    joined = name.lstrip("/") if name.startswith("/") else "xl/" + name
    return posixpath.normpath(joined)


def _sheet_parts(file: str, archive: zipfile.ZipFile) -> list[str]:
    """The worksheet part of each sheet, in the workbook's order (the order calamine reads)."""
    from defusedxml import ElementTree

    targets: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in archive.namelist():
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        for element in rels.iter():
            if element.tag.rpartition("}")[2] == "Relationship":
                targets[element.get("Id", "")] = _part_of(element.get("Target", ""))
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    parts = []
    for element in workbook.iter():
        if element.tag.rpartition("}")[2] != "sheet":
            continue
        rid = next((v for k, v in element.attrib.items() if k.rpartition("}")[2] == "id"), "")
        parts.append(targets.get(rid, ""))
    return parts


def _guard_xlsx(file: str, archive: zipfile.ZipFile, counts: _Counts) -> list[_Shape | None]:
    """The shape of each sheet in the workbook's order; None for a sheet whose part is not
    in the archive (calamine will not find it either)."""
    parts = _sheet_parts(file, archive)
    counts.sheets(len(parts))
    names = set(archive.namelist())
    strings = _StringScan(counts)
    if "xl/sharedStrings.xml" in names:
        _stream_xml(archive, "xl/sharedStrings.xml", strings, counts.clock)
    shapes: list[_Shape | None] = []
    scanned: dict[str, _Shape] = {}
    for part in parts:
        if part not in names:
            shapes.append(None)
            continue
        if part not in scanned:
            scanned[part] = _Shape()
            scan = _SheetScan(counts, scanned[part], strings.long)
            _stream_xml(archive, part, scan, counts.clock)
        shapes.append(scanned[part])
    return shapes


def _xlsx_grids(file: str, data: bytes, limits: Limits, clock: _Clock) -> list[Grid]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise KpiError("return.truncated", file=file) from error
    with archive:
        _check_zip(file, archive, limits)
        shapes = _guard_xlsx(file, archive, _Counts(file, limits, clock))
    return _calamine_grids(file, data, shapes, limits, clock)


# ---------------------------------------------------------------------------------------------
# .xls: the BIFF records of the workbook stream

# Records that place a cell: NUMBER, LABEL, LABELSST, RK, BOOLERR, FORMULA, RSTRING and BLANK
# (counted too: a reader may place a formatted blank). Row and column come first.
_ONE_CELL = frozenset({0x0203, 0x0204, 0x00FD, 0x027E, 0x0205, 0x0006, 0x00D6, 0x0201})
_MULRK, _MULBLANK = 0x00BD, 0x00BE
_BOF, _EOF, _SST, _MERGED, _BOUNDSHEET = 0x0809, 0x000A, 0x00FC, 0x00E5, 0x0085


def _ole_is_encrypted(data: bytes) -> bool:
    return _ENCRYPTION_INFO in data or _ENCRYPTED_PACKAGE in data


def _workbook_stream(file: str, data: bytes) -> bytes:
    import xlrd.compdoc

    try:
        document = xlrd.compdoc.CompDoc(data, logfile=io.StringIO())
        for name in ("Workbook", "Book"):
            stream, offset, length = document.locate_named_stream(name)
            if stream is not None:
                return bytes(stream[offset : offset + length])
    except (xlrd.compdoc.CompDocError, ValueError, IndexError, struct.error) as error:
        raise KpiError("return.damaged", file=file, detail=_short(error)) from error
    raise KpiError("return.not_workbook", file=file)


def _records(stream: bytes, start: int, counts: _Counts) -> Iterator[tuple[int, int, int]]:
    """(kind, start of body, length) of each record from `start` to the end of the stream."""
    position, end = start, len(stream)
    while position + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, position)
        body = position + 4
        position = body + length
        if position > end:
            return
        counts.tick()
        yield kind, body, length


def _guard_xls(file: str, data: bytes, counts: _Counts) -> list[_Shape | None]:
    """The shape of each sheet in the workbook's order (its BOUNDSHEET records), each found by
    walking the sheet's records from where the workbook says it starts."""
    stream = _workbook_stream(file, data)
    starts: list[int] = []
    for kind, body, length in _records(stream, 0, counts):
        if kind == _BOUNDSHEET and length >= 4:
            starts.append(struct.unpack_from("<I", stream, body)[0])
            counts.sheets(len(starts))
        elif kind == _SST and length >= 8:
            counts.strings(struct.unpack_from("<I", stream, body + 4)[0])
        elif kind == _EOF:
            break
    shapes: list[_Shape | None] = []
    for start in starts:
        if start + 4 > len(stream) or struct.unpack_from("<H", stream, start)[0] != _BOF:
            # The workbook says a sheet starts where none does: a reader would run off the
            # end of the stream (calamine panics there).
            raise KpiError(
                "return.damaged",
                file=file,
                detail=zh_en("工作表位置记录有误", "a sheet's position is wrong"),
            )
        shape = _Shape()
        shapes.append(shape)
        depth = 0
        for kind, body, length in _records(stream, start, counts):
            if kind == _BOF:
                depth += 1
            elif kind == _EOF:
                depth -= 1
                if depth <= 0:
                    break
            elif depth != 1:
                continue  # a chart embedded in the sheet
            elif kind in _ONE_CELL and length >= 4:
                row, column = struct.unpack_from("<HH", stream, body)
                counts.cell()
                shape.reach(row, column)
            elif kind in (_MULRK, _MULBLANK) and length >= 6:
                row, first = struct.unpack_from("<HH", stream, body)
                last = struct.unpack_from("<H", stream, body + length - 2)[0]
                counts.cell(max(last - first + 1, 1))
                shape.reach(row, max(last, first))
            elif kind == _MERGED and length >= 2:
                for _ in range(struct.unpack_from("<H", stream, body)[0]):
                    counts.merge()
    return shapes


def _xls_grids(file: str, data: bytes, limits: Limits, clock: _Clock) -> list[Grid]:
    if _ole_is_encrypted(data):
        raise KpiError("return.encrypted", file=file)
    if (len(data) - 512) % 512 != 0:
        # Compound files are whole 512-byte sectors; anything else was cut off in transfer.
        raise KpiError("return.truncated", file=file)
    shapes = _guard_xls(file, data, _Counts(file, limits, clock))
    return _calamine_grids(file, data, shapes, limits, clock)


# ---------------------------------------------------------------------------------------------
# Reading the cells


def _fill_merged(
    rows: list[list[str]],
    ranges: list[tuple[tuple[int, int], tuple[int, int]]],
    counts: _Counts,
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
    file: str, data: bytes, shapes: list[_Shape | None], limits: Limits, clock: _Clock
) -> list[Grid]:
    """The sheets read by calamine, each within the shape the guard found for it."""
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    counts = _Counts(file, limits, clock)
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
    clock = _Clock(file, limits)
    if not data:
        raise KpiError("return.truncated", file=file)
    try:
        if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
            return "xlsx", digest, _xlsx_grids(file, data, limits, clock)
        if data.startswith(OLE_MAGIC):
            return "xls", digest, _xls_grids(file, data, limits, clock)
        if len(data) < len(OLE_MAGIC) and OLE_MAGIC.startswith(data):
            raise KpiError("return.truncated", file=file)
    except KpiError:
        raise
    except Exception as error:
        # A hostile or damaged file can make the reading libraries fail in many ways (bad
        # zip CRCs, XML errors, malformed records); each one means the same to the clerk.
        raise KpiError("return.damaged", file=file, detail=_short(error)) from error
    except BaseException as error:
        # calamine's Rust code reports a malformed record it did not expect by panicking,
        # which reaches Python as pyo3's PanicException (a BaseException, not an Exception).
        if type(error).__name__ != "PanicException":
            raise
        raise KpiError("return.damaged", file=file, detail=_short(error)) from error
    raise KpiError("return.not_workbook", file=file)


def _short(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}"
    return text if len(text) <= 160 else text[:159] + "…"
