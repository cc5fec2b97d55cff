"""Reporting periods of a plan year.

Progress is cumulative from January 1, so a period is fully described by its year and the
month it ends with: 一季度 (Jan–Mar), 上半年 (Jan–Jun), 前三季度 (Jan–Sep), 全年 (Jan–Dec).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class PeriodKind(StrEnum):
    Q1 = "Q1"
    H1 = "H1"
    Q3 = "Q3"
    Y = "Y"


_END_MONTH = {PeriodKind.Q1: 3, PeriodKind.H1: 6, PeriodKind.Q3: 9, PeriodKind.Y: 12}
_CHINESE = {
    PeriodKind.Q1: "一季度",
    PeriodKind.H1: "上半年",
    PeriodKind.Q3: "前三季度",
    PeriodKind.Y: "全年",
}
_ENGLISH = {
    PeriodKind.Q1: "Q1",
    PeriodKind.H1: "first half",
    PeriodKind.Q3: "Jan–Sep",
    PeriodKind.Y: "full year",
}
# Words a returned sheet may use for the period in its title or progress header. Longer
# words first: "前三季度" contains "三季度", "一季度" must not be read out of "第一季度" wrongly.
_WORDS: tuple[tuple[str, PeriodKind], ...] = (
    ("前三季度", PeriodKind.Q3),
    ("1-9月", PeriodKind.Q3),
    ("1—9月", PeriodKind.Q3),
    ("三季度", PeriodKind.Q3),
    ("上半年", PeriodKind.H1),
    ("半年", PeriodKind.H1),
    ("1-6月", PeriodKind.H1),
    ("1—6月", PeriodKind.H1),
    ("二季度", PeriodKind.H1),
    ("一季度", PeriodKind.Q1),
    ("1-3月", PeriodKind.Q1),
    ("1—3月", PeriodKind.Q1),
    ("全年", PeriodKind.Y),
    ("年度", PeriodKind.Y),
)

_CODE = re.compile(r"^(?P<year>\d{4})(?P<kind>Q1|H1|Q3|Y)$")


class PeriodError(ValueError):
    """A period code that is not one of YYYYQ1, YYYYH1, YYYYQ3, YYYYY."""


@dataclass(frozen=True, order=True)
class Period:
    year: int
    end_month: int

    @classmethod
    def of(cls, year: int, kind: PeriodKind) -> Period:
        return cls(year, _END_MONTH[kind])

    @classmethod
    def parse(cls, code: str) -> Period:
        match = _CODE.match(code.strip().upper())
        if match is None:
            raise PeriodError(code)
        return cls.of(int(match["year"]), PeriodKind(match["kind"]))

    @property
    def kind(self) -> PeriodKind:
        for kind, month in _END_MONTH.items():
            if month == self.end_month:
                return kind
        raise PeriodError(f"{self.year}/{self.end_month}")

    @property
    def code(self) -> str:
        return f"{self.year}{self.kind.value}"

    @property
    def chinese(self) -> str:
        return _CHINESE[self.kind]

    @property
    def english(self) -> str:
        return _ENGLISH[self.kind]

    def label(self, language: str = "zh") -> str:
        return self.chinese if language.startswith("zh") else self.english

    def previous(self) -> Period | None:
        kinds = list(PeriodKind)
        index = kinds.index(self.kind)
        return Period.of(self.year, kinds[index - 1]) if index else None

    def elapsed_share(self, as_of_month: int | None = None) -> float:
        """Share of the year elapsed at the end of `as_of_month` (default: the period's end)."""
        month = self.end_month if as_of_month is None else as_of_month
        return max(0, min(month, 12)) / 12

    def __str__(self) -> str:
        return self.code


def periods_of_year(year: int) -> list[Period]:
    return [Period.of(year, kind) for kind in PeriodKind]


def period_kind_in_text(text: str) -> PeriodKind | None:
    """The period a title or header names ("上半年进展情况" → H1), or None."""
    compact = re.sub(r"\s+", "", text)
    for word, kind in _WORDS:
        if word in compact:
            return kind
    return None


# A month as a heading states it: 11, 十一.
_MONTH = r"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_CHINESE_MONTH = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10, "十一": 11, "十二": 12,
}  # fmt: skip
_HEADING_MONTHS = (
    re.compile(rf"截[至止]\s*20\d{{2}}\s*年\s*{_MONTH}\s*月"),  # 截至2024年4月底
    re.compile(rf"截[至止]\s*{_MONTH}\s*月"),  # 截至4月底, 截至10月31日
    re.compile(rf"(?<!\d)(?:1|一)\s*[-—–~至到]\s*{_MONTH}\s*月"),  # 1-11月, 1至4月份
    re.compile(rf"(?<![\d\-—–~至到])(?<!\d年){_MONTH}\s*月份"),  # 11月份, 8月份推进情况
    re.compile(rf"20\d{{2}}\s*年度?\s*{_MONTH}\s*月(?![份\d]*\s*[-—–~至到])"),  # 2024年4月
    re.compile(rf"[（(]\s*{_MONTH}\s*月(?:份|底|末)?\s*[)）]"),  # （7月）
)


def month_in_heading(text: str) -> int | None:
    """The month a title or column header says its figures are as of ("截至4月底" → 4,
    "1-11月推进情况" → 11, "11月份", "2024年4月…汇总表", "（7月）"), the latest where it names
    several; None where it names none."""
    compact = unicodedata.normalize("NFKC", text)
    months = [
        int(found) if found.isdigit() else _CHINESE_MONTH[found]
        for pattern in _HEADING_MONTHS
        for found in pattern.findall(compact)
    ]
    return max(months) if months else None


def kind_holding_month(month: int) -> PeriodKind:
    """The quarter-type period a month's return counts toward: the first whose end is at or
    after it (1-4月 → 上半年, 1-11月 → 全年)."""
    return next(kind for kind, end in _END_MONTH.items() if end >= month)
