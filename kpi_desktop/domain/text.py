"""Comparing texts the way a clerk reads them.

Returned spreadsheets are re-typed in WPS, pasted from Word tables and saved by LibreOffice:
the same 重点工作 comes back with full-width digits, stray spaces and line breaks. Two texts are
the same indicator when they agree after NFKC folding with all white space removed.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date, datetime

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """NFKC-folded text without any white space, for comparison only (never stored)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def split_units(cell: str) -> list[str]:
    """Lead units as a list: the table separates several units with spaces or line breaks,
    and re-typed copies use 、，, ; too."""
    parts = re.split(r"[\s、，,;；/]+", cell.strip())
    return [part for part in parts if part]


def short(text: str, length: int = 24) -> str:
    """The first `length` characters of a text on one line, for trees and lists."""
    one_line = _SPACE.sub(" ", text).strip()
    return one_line if len(one_line) <= length else one_line[: length - 1] + "…"


# The most characters one worksheet cell holds (Excel's limit; WPS and LibreOffice keep to it).
CELL_CHARACTERS = 32767

# Characters that cannot stand in a worksheet (XML 1.0 forbids the C0 controls other than tab,
# line feed and carriage return, lone surrogates and U+FFFE/U+FFFF).
_NOT_IN_WORKSHEET = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Line breaks as Word, old Mac files and .xls cells write them; a vertical tab or form feed is
# Word's manual line or page break pasted into a cell.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")


def clean_text(text: str) -> str:
    """Text as it can be stored and written back into a worksheet: line breaks as "\\n", and
    control characters that no workbook can hold dropped."""
    return _NOT_IN_WORKSHEET.sub("", _LINE_BREAK.sub("\n", text))


def cell_text(value: object) -> str:
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
    return clean_text(str(value))


def file_label(path: os.PathLike[str] | str) -> str:
    """A file's path as text that can be shown and stored. A name unpacked from a zip made on
    a Chinese Windows PC may hold bytes that are not UTF-8 (they are GBK); they are read as
    such where they can be, and replaced where they cannot."""
    name = os.fspath(path)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")
