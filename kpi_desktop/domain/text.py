"""Comparing texts the way a clerk reads them.

Returned spreadsheets are re-typed in WPS, pasted from Word tables and saved by LibreOffice:
the same 重点工作 comes back with full-width digits, stray spaces and line breaks. Two texts are
the same indicator when they agree after NFKC folding with all white space removed.
"""

from __future__ import annotations

import re
import unicodedata

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
