"""Measure units as the work report writes them, with the scale that makes them comparable.

A target says "11亿美元", a unit's progress says "19431万美元": both are 美元 at different scales,
so completion is 19431e4 / 11e8. Units are only converted within one base; money in 元 and in
美元 is never mixed, because the exchange rate is not ours to choose.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class MeasureUnit:
    text: str  # as written, e.g. "亿美元"
    base: str  # e.g. "美元"
    scale: float  # how many base units one `text` unit is worth, e.g. 1e8


# Written base unit -> (canonical base, scale of the written form in that base).
# 名 and 位 count people just as 人 does ("新增高技能人才3000名" is checked against progress
# written "825人"), so they share the base "人".
# 公里/千米 are folded into 米 and 平方公里 into 平方米, so a progress written in the smaller
# unit still converts. 亩 stays its own base: plans and reports always use it for land, and a
# silent conversion to 平方米 would only hide a unit mix-up the clerk should see.
# 套, 间 and 套（间） stay apart: a 套（间） target counts flats or rooms, and turning 套 into it
# would be right one way only; so do 节 and 节（次）. 兆瓦 is folded into 千瓦; 公顷 stays apart
# from 亩 for the same reason as 平方米.
_MONEY_BASES: dict[str, tuple[str, float]] = {
    "元": ("元", 1.0),
    "美元": ("美元", 1.0),
    "欧元": ("欧元", 1.0),
    "港元": ("港元", 1.0),
}
_COUNT_BASES: dict[str, tuple[str, float]] = {
    "人": ("人", 1.0),
    "名": ("人", 1.0),
    "位": ("人", 1.0),
    "人次": ("人次", 1.0),
    "家": ("家", 1.0),
    "个": ("个", 1.0),
    "项": ("项", 1.0),
    "件": ("件", 1.0),
    "户": ("户", 1.0),
    "套": ("套", 1.0),
    "间": ("间", 1.0),
    "套（间）": ("套（间）", 1.0),
    "套(间)": ("套（间）", 1.0),
    "场": ("场", 1.0),
    "所": ("所", 1.0),
    "条": ("条", 1.0),
    "村": ("村", 1.0),
    "座": ("座", 1.0),
    "处": ("处", 1.0),
    "台": ("台", 1.0),
    "辆": ("辆", 1.0),
    "次": ("次", 1.0),
    "批": ("批", 1.0),
    "张": ("张", 1.0),
    "篇": ("篇", 1.0),
    "支": ("支", 1.0),
    "组": ("组", 1.0),
    "栋": ("栋", 1.0),
    "幢": ("幢", 1.0),
    "款": ("款", 1.0),
    "只": ("只", 1.0),
    "口": ("口", 1.0),
    "对": ("对", 1.0),
    "本": ("本", 1.0),
    "例": ("例", 1.0),
    "床": ("床", 1.0),
    "节": ("节", 1.0),
    "节（次）": ("节（次）", 1.0),
    "节(次)": ("节（次）", 1.0),
}
_MEASURE_BASES: dict[str, tuple[str, float]] = {
    "亩": ("亩", 1.0),
    "米": ("米", 1.0),
    "公里": ("米", 1e3),
    "千米": ("米", 1e3),
    "平方米": ("平方米", 1.0),
    "平方公里": ("平方米", 1e6),
    "立方米": ("立方米", 1.0),
    "吨": ("吨", 1.0),
    "公顷": ("公顷", 1.0),
    "千瓦": ("千瓦", 1.0),
    "兆瓦": ("千瓦", 1e3),
    "千瓦时": ("千瓦时", 1.0),
}
# Ratios take no 万/亿 prefix: "万%" is never meant.
_RATIO_BASES: dict[str, tuple[str, float]] = {
    "%": ("%", 1.0),
    "百分点": ("百分点", 1.0),
    "个百分点": ("百分点", 1.0),
}

_PREFIXES: dict[str, float] = {
    "万亿": 1e12,
    "千万": 1e7,
    "百万": 1e6,
    "万": 1e4,
    "亿": 1e8,
}
_RMB_SUFFIX = "人民币"

_SCALED_BASES: dict[str, tuple[str, float]] = {**_MONEY_BASES, **_COUNT_BASES, **_MEASURE_BASES}
_ALL_BASES: dict[str, tuple[str, float]] = {**_SCALED_BASES, **_RATIO_BASES}

MONEY_BASES: frozenset[str] = frozenset(base for base, _ in _MONEY_BASES.values())
COUNT_BASES: frozenset[str] = frozenset(base for base, _ in _COUNT_BASES.values())
MEASURE_BASES: frozenset[str] = frozenset(base for base, _ in _MEASURE_BASES.values())
RATIO_BASES: frozenset[str] = frozenset(base for base, _ in _RATIO_BASES.values())


def _normalise(text: str) -> str:
    # Re-typed files mix full- and half-width percent signs and put spaces inside units.
    return re.sub(r"\s+", "", text).replace("％", "%")


def parse_unit(text: str) -> MeasureUnit | None:
    """The unit written in `text` (e.g. "万美元", "亿元人民币", "万平方米", "%"), or None."""
    written = text.strip()
    unit = _normalise(written)
    if not unit:
        return None
    if unit in _RATIO_BASES:
        base, scale = _RATIO_BASES[unit]
        return MeasureUnit(written, base, scale)

    scale = 1.0
    for prefix, factor in _PREFIXES.items():  # longest prefixes are listed first
        if unit.startswith(prefix) and len(unit) > len(prefix):
            scale, unit = factor, unit[len(prefix) :]
            break

    if unit.endswith(_RMB_SUFFIX):
        # "亿元人民币" and the shorter "亿人民币" both mean yuan.
        unit = unit[: -len(_RMB_SUFFIX)] or "元"
        if unit != "元":
            return None

    found = _SCALED_BASES.get(unit)
    if found is None:
        return None
    base, base_scale = found
    return MeasureUnit(written, base, scale * base_scale)


def convert(value: float, from_unit: MeasureUnit, to_unit: MeasureUnit) -> float | None:
    """`value` written in `from_unit`, expressed in `to_unit`; None when the bases differ."""
    if from_unit.base != to_unit.base:
        return None
    return value * from_unit.scale / to_unit.scale


def is_count(unit: MeasureUnit) -> bool:
    """Whether the unit counts separate things (家, 个, 人…) rather than measuring money,
    land or length."""
    return unit.base in COUNT_BASES


def _spellings() -> list[tuple[str, str]]:
    """(prefix, rest) of every spelling parse_unit accepts."""
    spellings = {("", ratio) for ratio in _RATIO_BASES} | {("", "％")}
    for base in _SCALED_BASES:
        spellings.add(("", base))
        spellings.update((prefix, base) for prefix in _PREFIXES)
    for prefix in ("", *_PREFIXES):
        spellings.add((prefix, "元" + _RMB_SUFFIX))
        if prefix:
            spellings.add((prefix, _RMB_SUFFIX))
    # Longest first, so that "万平方米" wins over "平方米" and "个百分点" over "个".
    return sorted(spellings, key=lambda s: (-len(s[0] + s[1]), s))


# A re-typed table may put a space between 万 or 亿 and the rest ("41.04万 平方米").
UNIT_PATTERN: str = "|".join(
    re.escape(prefix) + (r"[ \u3000]?" if prefix else "") + re.escape(rest)
    for prefix, rest in _spellings()
)
"""Regex alternation of every unit spelling parse_unit accepts, longest first; put it after a
number pattern, e.g. rf"(?P<num>\\d+(?:\\.\\d+)?)(?P<unit>{UNIT_PATTERN})"."""


@functools.cache
def quantity_pattern(
    number: str, condition: str, bounds: str, not_before: str, not_after: str
) -> re.Pattern[str]:
    """A number followed by a unit of UNIT_PATTERN (after an optional space) or by a
    condition (`condition`: 个月, 岁, 年…), then an optional bound (`bounds`: 以上, 以内…):
    groups `num`, `unit`, `cond`, `bound`. The number may not follow a character of
    `not_before`, and without a unit may not run on into one of `not_after` (5G, model
    numbers). The target parser and the figure reader each give their own sets; compiled on
    first use, as the unit list makes it the slowest pattern to compile and the window's
    first paint needs neither."""
    return re.compile(
        rf"(?<![{not_before}])(?P<num>{number})"
        rf"(?:(?P<cond>{condition})|[ \u3000]?(?P<unit>{UNIT_PATTERN}))?"
        rf"(?P<bound>{bounds})?"
        rf"(?(unit)|(?![{not_after}]))"
    )
