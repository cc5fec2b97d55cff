"""A plan's own identity — its region, title and attachment mark — as a table states them.

Titles are read as offices write them: "立山区政府2023年重点工作任务分解和责任分工方案",
"2022年乐清市民生实事项目8月份推进情况", "萧县2025年民生实事9月份进展情况", "附件1 2019年《政府
工作报告》目标任务分解表（注：…）". A region is a place name ending in 省, 市, 区, 县 or 旗 that
starts a stretch of the title; words that only point at an office (全市, 我区, 市县, 区政府, 省、市)
name none.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_ATTACHMENT = re.compile(
    r"^\s*(附\s*件(?:\s*[0-9一二三四五六七八九十]{1,3}(?![0-9一二三四五六七八九十]|\s*年))?)"
    r"\s*[:：]?\s*"
)
# Year, month and day marks, digits and punctuation end a stretch of the title.
_BREAKS = re.compile(
    r"20\d{2}\s*年度?|\d+\s*[-—至~]\s*\d+\s*月份?|\d+\s*月(?:份|底|末)?|\d+\s*日|[0-9\s"
    r"《》<>（）()\[\]【】「」“”\"'、，,。.:：;；·\-—~]+"
)
_PLACE = re.compile(r"^([\u4e00-\u9fff]{1,4}?(?:自治县|自治区|新区|省|市|区|县|旗))")
# A first character that makes the word a pointer at an office, not the name of a place.
_NOT_A_NAME = frozenset("省市区县全我本该各")
# A note in brackets at the end of a title: （注：…）, （截至10月31日）, （7月）.
_TRAILING_NOTE = re.compile(r"\s*[（(][^（()）]*[)）]\s*$")


@dataclass(frozen=True)
class TableIdentity:
    """What a table's title rows say of the plan: "" where they say nothing."""

    region: str
    title: str
    attachment: str


def region_in_title(title: str) -> str:
    """The region a title names ("立山区", "萧县", "上海市"), else ""."""
    text = unicodedata.normalize("NFKC", title)
    for stretch in _BREAKS.split(_ATTACHMENT.sub("", text)):
        found = _PLACE.match(stretch)
        if found and found.group(1)[0] not in _NOT_A_NAME:
            return found.group(1)
    return ""


def identity_in_title(title: str) -> TableIdentity:
    """Region, plan title and 附件 mark from the text above a table's header."""
    text = " ".join(unicodedata.normalize("NFKC", title).split())
    attachment = ""
    found = _ATTACHMENT.match(text)
    if found:
        attachment = re.sub(r"\s+", "", found.group(1))
        text = text[found.end() :]
    while True:
        shorter = _TRAILING_NOTE.sub("", text)
        if shorter == text:
            break
        text = shorter
    return TableIdentity(region=region_in_title(text), title=text.strip(), attachment=attachment)
