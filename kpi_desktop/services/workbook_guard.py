"""The guard a received workbook passes before calamine sees it: one cheap walk, with the
clock running, over an .xlsx's zip members and sheet XML (defusedxml's SAX parser) or an
.xls's BIFF records, counting what calamine would build and refusing what exceeds `Limits`
(services.workbooks says which bounds and why).
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.sax.handler import ContentHandler

from kpi_desktop.domain.errors import KpiError, zh_en
from kpi_desktop.domain.text import CELL_CHARACTERS
from kpi_desktop.services.workbook_limits import (
    Clock,
    Counts,
    Limits,
    Shape,
    short_error,
)

# Directory entries of an OLE file are UTF-16LE names; an encrypted OOXML package keeps its
# key data in a stream called EncryptionInfo next to EncryptedPackage.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


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

    def __init__(self, counts: Counts, shape: Shape, long_strings: dict[int, int]) -> None:
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

    def __init__(self, counts: Counts) -> None:
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
    archive: zipfile.ZipFile, member: str, handler: ContentHandler, clock: Clock
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


def _guard_xlsx(file: str, archive: zipfile.ZipFile, counts: Counts) -> list[Shape | None]:
    """The shape of each sheet in the workbook's order; None for a sheet whose part is not
    in the archive (calamine will not find it either)."""
    parts = _sheet_parts(file, archive)
    counts.sheets(len(parts))
    names = set(archive.namelist())
    strings = _StringScan(counts)
    if "xl/sharedStrings.xml" in names:
        _stream_xml(archive, "xl/sharedStrings.xml", strings, counts.clock)
    shapes: list[Shape | None] = []
    scanned: dict[str, Shape] = {}
    for part in parts:
        if part not in names:
            shapes.append(None)
            continue
        if part not in scanned:
            scanned[part] = Shape()
            scan = _SheetScan(counts, scanned[part], strings.long)
            _stream_xml(archive, part, scan, counts.clock)
        shapes.append(scanned[part])
    return shapes


def guard_xlsx(file: str, data: bytes, limits: Limits, clock: Clock) -> list[Shape | None]:
    """Walk an .xlsx before calamine opens it: each sheet's shape, or a refusal."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise KpiError("return.truncated", file=file) from error
    with archive:
        _check_zip(file, archive, limits)
        return _guard_xlsx(file, archive, Counts(file, limits, clock))


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
        raise KpiError("return.damaged", file=file, detail=short_error(error)) from error
    raise KpiError("return.not_workbook", file=file)


def _records(stream: bytes, start: int, counts: Counts) -> Iterator[tuple[int, int, int]]:
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


def _guard_xls(file: str, data: bytes, counts: Counts) -> list[Shape | None]:
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
    shapes: list[Shape | None] = []
    for start in starts:
        if start + 4 > len(stream) or struct.unpack_from("<H", stream, start)[0] != _BOF:
            # The workbook says a sheet starts where none does: a reader would run off the
            # end of the stream (calamine panics there).
            raise KpiError(
                "return.damaged",
                file=file,
                detail=zh_en("工作表位置记录有误", "a sheet's position is wrong"),
            )
        shape = Shape()
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


def guard_xls(file: str, data: bytes, limits: Limits, clock: Clock) -> list[Shape | None]:
    """Walk an .xls before calamine opens it: each sheet's shape, or a refusal."""
    if _ole_is_encrypted(data):
        raise KpiError("return.encrypted", file=file)
    if (len(data) - 512) % 512 != 0:
        # Compound files are whole 512-byte sectors; anything else was cut off in transfer.
        raise KpiError("return.truncated", file=file)
    return _guard_xls(file, data, Counts(file, limits, clock))
