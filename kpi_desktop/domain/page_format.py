"""The page of an official document (GB/T 9704-2012, 党政机关公文格式) and the older compact one.

GB/T 9704 on A4 (210 × 297 mm): 天头 (top margin) 37 mm, 订口 (binding margin, left) 28 mm,
版心 (type area) 156 × 225 mm, so the right margin is 26 mm and the bottom 35 mm. Page numbers
"— 1 —" in 4号 (14 pt) half-width 宋体, their dash 7 mm below the type area, odd pages on the
right and even pages on the left, one character in from the type area's edge.

A landscape table page turns the type area (225 × 156 mm) and keeps its page number where the
portrait pages have it on the sheet: the table's head faces the sheet's left edge (订口 on odd
pages, 切口 on even ones, as the standard asks), so on the landscape page as printed the
number runs down the left side, near the foot on odd pages and near the head on even ones.

The compact layout is the one the program printed before: narrow margins for a wide table,
the page number centred inside them.

Everything here is plain numbers; the PDF printer and the Word writer draw from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

A4_MM = (210.0, 297.0)
POINT_MM = 25.4 / 72

# 字号 names and their sizes in points, as Word and WPS list them.
TYPE_SIZES: dict[str, float] = {
    "初号": 42,
    "小初": 36,
    "一号": 26,
    "小一": 24,
    "二号": 22,
    "小二": 18,
    "三号": 16,
    "小三": 15,
    "四号": 14,
    "小四": 12,
    "五号": 10.5,
    "小五": 9,
}
# The table's text may be set from 小五 to 三号: smaller is unreadable on paper, larger leaves a
# row or two per page.
BODY_SIZE_RANGE = (9.0, 16.0)


class Layout(StrEnum):
    OFFICIAL = "official"  # GB/T 9704-2012
    COMPACT = "compact"  # narrow margins, page number centred


class NumberSide(StrEnum):
    """Which end of its line a page number is set against."""

    START = "start"  # the left end (on a turned page: the upper end)
    END = "end"  # the right end (on a turned page: the lower end)


@dataclass(frozen=True)
class Margins:
    """In millimetres."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class NumberPlace:
    """Where one page's number goes, in millimetres from the page's top left corner.

    `across` is the centre of the number's line (its y, or its x on a turned page, where the
    number reads downwards); `along` is where the number starts, ends or is centred, by `side`
    (an x, or a y on a turned page)."""

    across: float
    along: float
    side: NumberSide
    turned: bool


@dataclass(frozen=True)
class PageFormat:
    layout: Layout
    landscape: bool
    margins: Margins
    title_pt: float  # the table's title
    number_pt: float = 14.0  # 四号
    number_gap_mm: float = 7.0  # from the type area to the page number's dash

    @property
    def size(self) -> tuple[float, float]:
        """The page's width and height in millimetres."""
        width, height = A4_MM
        return (height, width) if self.landscape else (width, height)

    @property
    def type_area(self) -> tuple[float, float]:
        """The 版心's width and height in millimetres."""
        width, height = self.size
        m = self.margins
        return width - m.left - m.right, height - m.top - m.bottom

    @property
    def inset_mm(self) -> float:
        """One character of the page number's size: how far in from the type area's edge."""
        return self.number_pt * POINT_MM

    def number_place(self, page: int) -> NumberPlace | None:
        """Where page `page` (counted from 1) prints its number below the type area; None in
        the compact layout, whose number is centred on the type area's last line."""
        width, height = self.size
        m = self.margins
        if self.layout is Layout.COMPACT:
            return None
        odd = page % 2 == 1
        if not self.landscape:
            across = height - m.bottom + self.number_gap_mm
            if odd:
                return NumberPlace(across, width - m.right - self.inset_mm, NumberSide.END, False)
            return NumberPlace(across, m.left + self.inset_mm, NumberSide.START, False)
        # Turned: the sheet's foot is the landscape page's left side.
        across = m.left - self.number_gap_mm
        if odd:
            return NumberPlace(across, height - m.bottom - self.inset_mm, NumberSide.END, True)
        return NumberPlace(across, m.top + self.inset_mm, NumberSide.START, True)


_OFFICIAL_PORTRAIT = Margins(top=37.0, bottom=35.0, left=28.0, right=26.0)
# The portrait sheet turned a quarter clockwise: its left edge (the 订口) becomes the top.
_OFFICIAL_LANDSCAPE = Margins(
    top=_OFFICIAL_PORTRAIT.left,
    bottom=_OFFICIAL_PORTRAIT.right,
    left=_OFFICIAL_PORTRAIT.bottom,
    right=_OFFICIAL_PORTRAIT.top,
)
_COMPACT = Margins(top=18.0, bottom=12.0, left=20.0, right=20.0)


def page_format(layout: Layout = Layout.OFFICIAL, landscape: bool = True) -> PageFormat:
    if layout is Layout.COMPACT:
        return PageFormat(layout, landscape, _COMPACT, title_pt=20.0)
    margins = _OFFICIAL_LANDSCAPE if landscape else _OFFICIAL_PORTRAIT
    return PageFormat(layout, landscape, margins, title_pt=TYPE_SIZES["二号"])


def default_body_size(layout: Layout, landscape: bool) -> float:
    """The table's text size when the office chooses none: 小四, as before in landscape; the
    compact portrait page kept its 11 pt."""
    if layout is Layout.COMPACT and not landscape:
        return 11.0
    return TYPE_SIZES["小四"]


_POINTS = re.compile(r"^(\d{1,2}(?:\.\d+)?)\s*(?:pt|磅)?$", re.IGNORECASE)


def parse_type_size(text: str) -> float | None:
    """Points from a 字号 name ("小四", "四号") or a number of points ("12", "10.5磅"); None
    for anything else or a size outside BODY_SIZE_RANGE."""
    cleaned = "".join(text.split())
    size = TYPE_SIZES.get(cleaned)
    if size is None and (match := _POINTS.match(cleaned)) is not None:
        size = float(match[1])
    if size is None or not BODY_SIZE_RANGE[0] <= size <= BODY_SIZE_RANGE[1]:
        return None
    return float(size)
