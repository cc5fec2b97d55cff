"""Rows as offices number them: 1, 1.0, "１", 三, (一), 一、, 1.1 and 1-1 sub-items, "14." at
the start of the text, and section headings (一、经济发展) that head the rows under them.

Pure rules: a cell or a text in, what its number says out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_DIGITS |= {"八": 8, "九": 9}
_CHINESE = "零〇一二两三四五六七八九十百"


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23, 一百零五 → 105; None if not such a number."""
    if not text or any(c not in _CHINESE for c in text):
        return None
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _DIGITS[char] if current else _DIGITS[char]
    value = total + current
    return value if value > 0 else None


@dataclass(frozen=True)
class Number:
    """An item's number as written: `main` (1 of "1", "一", "（一）"), `sub` for a sub-item
    ("1.1" → 1, 1; "4-1" → 4, 1), and `label` the number as the table writes it, folded."""

    main: int
    sub: int | None = None
    label: str = ""


def _fold(cell: str) -> str:
    text = unicodedata.normalize("NFKC", cell)
    return re.sub(r"\s+", "", text)


_ARABIC = re.compile(r"\(?(\d{1,4})(?:\.0+)?\)?[.。、,，]?")
_SUB = re.compile(r"(\d{1,4})\s*[.．\-—－_]\s*(\d{1,3})[.。、]?")
_HAN = re.compile(r"\(?([" + _CHINESE + r"]{1,4})\)?[、.。,，]?")


def parse_number(cell: str) -> Number | None:
    """The number a 序号 cell holds: "3", " 3 ", "３", "3.0", "3、", "（3）", "三", "二十三",
    "（一）", "一、" → 3 / 23 / 1; "1.1", "4-1" → a sub-item; anything else → None."""
    folded = _fold(cell)
    if not folded:
        return None
    match = _ARABIC.fullmatch(folded)
    if match is not None:
        value = int(match.group(1))
        return Number(value, None, folded) if value > 0 else None
    match = _SUB.fullmatch(folded)
    if match is not None:
        main, sub = int(match.group(1)), int(match.group(2))
        return Number(main, sub, folded) if main > 0 else None
    match = _HAN.fullmatch(folded)
    if match is not None:
        han = chinese_number(match.group(1))
        return Number(han, None, folded) if han is not None else None
    return None


_HEADING = re.compile(r"^\s*[(（]?([" + _CHINESE + r"]{1,4})[)）]?\s*[、.．]\s*(\S.*)$", re.S)
_HEADING_BARE = re.compile(r"^\s*第([" + _CHINESE + r"\d]{1,4})(?:部分|篇|章|类)\s*(\S.*)?$", re.S)


def section_heading(cell: str) -> str | None:
    """The heading of a section ("一、经济发展", "二、民生实事", "第三部分 社会事业"), as
    written; None for anything else (an item's number, a text, a remark)."""
    text = cell.strip()
    if not text or len(text) > 60:
        return None
    match = _HEADING.match(text)
    if match is not None and chinese_number(match.group(1)) is not None:
        return text
    if _HEADING_BARE.match(text):
        return text
    return None


_LEADING = re.compile(r"^\s*(?:[(（](\d{1,3})[)）]|(\d{1,3})\s*[.．、](?!\d))\s*")
_LEADING_DECIMAL = re.compile(r"^\s*(\d{1,3})[.．]\s*")


def leading_number(text: str) -> tuple[Number, str] | None:
    """A number written at the start of an item's text where the table has no 序号 column:
    "（1）吸收…", "14.改扩建…", "3、新增…" → the number and the rest of the text. "2.50个小区"
    is item 2, fifty communities: a table that numbers its texts this way numbers every text."""
    match = _LEADING.match(text)
    if match is None:
        match = _LEADING_DECIMAL.match(text)
        if match is None:
            return None
        value = int(match.group(1))
        label = str(value)
    else:
        value = int(match.group(1) or match.group(2))
        label = _fold(match.group(0)).rstrip(".、")
    rest = text[match.end() :]
    if value <= 0 or not rest.strip():
        return None
    return Number(value, None, label), rest


# Lines under a table that are not items: who filled it in, who checked it, a note.
_NOTE_WORDS = re.compile(
    r"^\s*(?:注|备注|说明|附注|填表人|填报人|制表人|审核人|审核|联系人|联系电话|负责人|单位负责人|"
    r"填报单位|填报日期|制表日期|日期|签字|盖章|分管领导)\s*[:：]"
)


def is_note_line(text: str) -> bool:
    """Whether a line under the table is a note or signature ("填表人：张三", "注：…")."""
    return bool(_NOTE_WORDS.match(unicodedata.normalize("NFKC", text)))
