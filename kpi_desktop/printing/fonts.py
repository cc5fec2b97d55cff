"""The official fonts where the machine has them, a named fallback chain where it has not.

Official documents set titles in 方正小标宋简体, headers in 黑体 and body text in 仿宋_GB2312.
A Windows office PC usually has all three (or 仿宋 / SimHei); a Linux machine has Noto CJK or
WenQuanYi. Each role gets the installed families of its chain, in order, as one QFont with
several families, so that a character missing from the first is taken from the next and no
glyph is ever printed as a box.

Some CJK fonts (Noto CJK among them) draw 长 and the radical ⻓, or 户 and 戶, with one glyph.
A PDF records one character per glyph, so text copied or extracted from such a PDF would read
"增⻓" for "增长" — a different string that search and NFKC normalisation do not repair. Fonts
that share glyphs that way go to the end of each chain, still there for glyphs nothing else
has, so the PDF's text stays the table's text wherever another font can print it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QRawFont

# Last resorts common to every role: fonts with the full CJK repertoire on Linux and Windows.
_COMMON = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "微软雅黑",
    "SimSun",
    "宋体",
    "Droid Sans Fallback",
)

TITLE_CHAIN = (
    "方正小标宋简体",
    "方正小标宋_GBK",
    "FZXiaoBiaoSong-B05S",
    "华文中宋",
    "STZhongsong",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "宋体",
    *_COMMON,
)
HEADING_CHAIN = (
    "黑体",
    "SimHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "微软雅黑",
    "WenQuanYi Micro Hei",
    *_COMMON,
)
BODY_CHAIN = (
    "仿宋_GB2312",
    "仿宋",
    "FangSong",
    "FangSong_GB2312",
    "STFangsong",
    "华文仿宋",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "宋体",
    *_COMMON,
)
# Page numbers: 宋体 in the official style, digits and dashes only.
NUMBER_CHAIN = ("宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", *_COMMON)


# Radicals, the unified ideographs and the compatibility ideographs: where a font may give two
# different characters one glyph.
_PROBE = "".join(
    chr(code)
    for first, last in ((0x2E80, 0x2FDF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
    for code in range(first, last + 1)
)


@cache
def reads_back_faithfully(family: str) -> bool:
    """Whether text printed in `family` extracts from a PDF as the same characters (after
    NFKC): no glyph of the font stands for two characters that differ."""
    glyphs = QRawFont.fromFont(QFont(family)).glyphIndexesForString(_PROBE)
    meaning: dict[int, str] = {}
    for character, glyph in zip(_PROBE, glyphs, strict=False):
        if glyph == 0:
            continue
        folded = unicodedata.normalize("NFKC", character)
        if meaning.setdefault(glyph, folded) != folded:
            return False
    return True


def installed(chain: Iterable[str]) -> list[str]:
    """The families of `chain` this machine has, without repeats, in the chain's order except
    that fonts whose PDF text would not read back faithfully come last."""
    have = {name.casefold(): name for name in QFontDatabase.families()}
    found: list[str] = []
    for wanted in chain:
        name = have.get(wanted.casefold())
        if name is not None and name not in found:
            found.append(name)
    return sorted(found, key=lambda name: not reads_back_faithfully(name))


def make_font(chain: Iterable[str], point_size: float, bold: bool = False) -> QFont:
    families = installed(chain)
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # Never let Qt shape CJK text with a Latin-only font chosen for a fallback.
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    return font


@dataclass(frozen=True)
class Fonts:
    """The four fonts of the printed table, sized for its orientation."""

    attachment: QFont
    title: QFont
    heading: QFont
    body: QFont
    number: QFont

    @classmethod
    def official(cls, body_size: float = 12.0, title_size: float = 22.0) -> Fonts:
        return cls(
            attachment=make_font(HEADING_CHAIN, 16),  # 三号黑体
            title=make_font(TITLE_CHAIN, title_size),  # 二号小标宋 (22 pt; compact: 20)
            heading=make_font(HEADING_CHAIN, body_size),
            body=make_font(BODY_CHAIN, body_size),
            number=make_font(NUMBER_CHAIN, 14),  # 四号
        )

    def describe(self) -> dict[str, str]:
        """The family each role will actually use first, for the log and the tests."""
        roles = {
            "title": self.title,
            "heading": self.heading,
            "body": self.body,
            "number": self.number,
        }
        return {role: (font.families() or [font.family()])[0] for role, font in roles.items()}


def missing_glyphs(text: str, font: QFont) -> set[str]:
    """Characters of `text` that none of the font's families can draw."""
    metrics = [QFontMetricsF(QFont(family)) for family in font.families() or [font.family()]]
    missing = set()
    for character in set(text):
        if character.isspace():
            continue
        if not any(m.inFontUcs4(ord(character)) for m in metrics):
            missing.add(character)
    return missing
