"""How tall a worksheet row must be for its wrapped text to show, in Excel, WPS and
LibreOffice alike.

A workbook states each row's height; none of the three programs grows a row to fit wrapped
text when the file says how high it is, and a row the file leaves unsized is one line high in
LibreOffice, so texts overlap there. The height is worked out here from the text, the column
widths and the font size the cells use.

Column widths count the default font's digit width (Calibri 11 in these files: 7 pixels).
A CJK or full-width character at `points` is about `points × 4/3` pixels wide, a half-width
one about half of that. Excel and WPS measure so; LibreOffice gives a width unit about a third
more room, so its lines hold more characters and a row sized for Excel is a little roomy
there — never too short, which is what matters. Line height allows for the tallest of the
fonts these programs fall back to when 仿宋_GB2312 is missing (about 1.3 em with leading).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

_DIGIT_PIXELS = 7.0  # Calibri 11's digit, the width unit of the workbook's columns
_LINE_EM = 1.4
_PADDING_POINTS = 9.0


def line_count(text: str, width: float, points: float) -> int:
    """Lines `text` wraps to in a column `width` units wide at `points` (greedy, by character,
    with the cell's own margins taken off)."""
    wide_units = points * 4 / 3 / _DIGIT_PIXELS
    narrow_units = wide_units * 0.55
    room = max(width - 1.0, wide_units)
    lines = 0
    for paragraph in text.split("\n"):
        used, count = 0.0, 1
        for character in paragraph:
            wide = unicodedata.east_asian_width(character) in ("W", "F", "A")
            step = wide_units if wide else narrow_units
            if used + step > room:
                count, used = count + 1, 0.0
            used += step
        lines += count
    return lines


def row_height(cells: Sequence[str], widths: Sequence[float], points: float) -> float:
    """Points a row needs so that every cell's wrapped text shows."""
    lines = max(
        (line_count(text, width, points) for text, width in zip(cells, widths, strict=True)),
        default=1,
    )
    return float(math.ceil(lines * points * _LINE_EM + _PADDING_POINTS))
