"""The checks a clerk makes before the table goes out: the rules, as plain functions of values.

Each rule names one contradiction a careful reader of the printed table would find, and says
it in a message of its own (domain.catalogue.checks). services.checks applies them to a
plan's period and gathers the findings; the window and the command line only show them.

The bounds chosen here, and why:

* A cumulative figure (an amount, a count, a threshold: progress is counted from January 1)
  never falls from one period to the next of the same year. Rates and levels may.
* A figure is implausible when it is more than `JUMP_TIMES` (2) times the year's target for an
  amount, count, threshold or level: a 万 written for a 亿, a figure typed with an extra digit,
  or last year's total. A growth rate or a share is implausible when it is more than
  `RATE_BOUND_POINTS` (20) percentage points above its target (5.5% typed as 55%), or a share
  above 100%. Falling far short of a rate is 滞后, not a slip.
* A unit's own verdict contradicts the computed status when they fall in different groups of
  已完成 / on or ahead of schedule (超序时, 序时推进) / 滞后; 超序时 against 序时推进 is a
  matter of degree, not a contradiction.
* A 滞后 row must say why and what next: 存在问题 and 下步打算 both filled in.
* The same placeholder ("推进中。") three periods in a row is no report. 年度数据 is what a
  yearly statistic honestly says until the year's figure exists, so it counts only when the
  third period is the full year.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kpi_desktop.domain.kinds import TargetKind
from kpi_desktop.domain.language import current_language
from kpi_desktop.domain.status import Status
from kpi_desktop.domain.text import fold
from kpi_desktop.domain.verdicts import Verdict

JUMP_TIMES = 2.0
RATE_BOUND_POINTS = 20.0
# Placeholders that are honest until the year's end (a yearly statistic).
YEARLY_PLACEHOLDERS = frozenset({"年度数据"})
PLACEHOLDER_RUN = 3


class CheckRule(StrEnum):
    """The rules, in the order the findings list shows them."""

    FELL = "fell"  # 累计数回落
    IMPLAUSIBLE = "implausible"  # 数字异常
    VERDICT = "verdict"  # 自评与计算状态不符
    UNEXPLAINED = "unexplained"  # 滞后未说明
    PLACEHOLDER = "placeholder"  # 连续报送占位文字
    UNIT = "unit"  # 计量单位无法换算
    SHARED = "shared"  # 共同牵头单位部分未报

    @property
    def chinese(self) -> str:
        return _CHINESE[self]

    @property
    def english(self) -> str:
        return _ENGLISH[self]

    def label(self, language: str | None = None) -> str:
        return self.english if (language or current_language()) == "en" else self.chinese


_CHINESE = {
    CheckRule.FELL: "累计数回落",
    CheckRule.IMPLAUSIBLE: "数字异常",
    CheckRule.VERDICT: "自评与计算不符",
    CheckRule.UNEXPLAINED: "滞后未说明",
    CheckRule.PLACEHOLDER: "连续占位文字",
    CheckRule.UNIT: "单位无法换算",
    CheckRule.SHARED: "共同牵头未齐",
}
_ENGLISH = {
    CheckRule.FELL: "cumulative figure fell",
    CheckRule.IMPLAUSIBLE: "implausible figure",
    CheckRule.VERDICT: "verdict contradicts status",
    CheckRule.UNEXPLAINED: "behind, unexplained",
    CheckRule.PLACEHOLDER: "placeholder repeated",
    CheckRule.UNIT: "unit cannot be converted",
    CheckRule.SHARED: "shared, not all answered",
}

# A message parameter may be worded in both languages: (Chinese, English).
Param = str | int | float | tuple[str, str]


@dataclass(frozen=True)
class Finding:
    """One contradiction found in one indicator's period."""

    rule: CheckRule
    period: str  # period code
    indicator_id: int
    seq: int
    code: str  # the message's code in domain.messages
    params: Mapping[str, Param] = field(default_factory=dict)
    detail: str = ""  # what, within the indicator, the finding is about (a target, a unit)
    dismissed: str | None = None  # the clerk's reason, when she has dismissed it

    @property
    def key(self) -> str:
        """What a dismissal is recorded under: the rule and its detail."""
        return f"{self.rule.value}:{self.detail}" if self.detail else self.rule.value

    @property
    def open(self) -> bool:
        return self.dismissed is None

    def message(self, language: str | None = None) -> str:
        from kpi_desktop.domain.messages import MESSAGES

        english = (language or current_language()) == "en"
        zh, en = MESSAGES[self.code]
        values: dict[str, Any] = {
            name: (value[1] if english else value[0]) if isinstance(value, tuple) else value
            for name, value in self.params.items()
        }
        return (en if english else zh).format(**values)


def rule_of_key(key: str) -> CheckRule | None:
    """The rule a dismissal's key (Finding.key, as the change log records it) names."""
    try:
        return CheckRule(key.split(":", 1)[0])
    except ValueError:
        return None


CUMULATIVE_KINDS = frozenset({TargetKind.AMOUNT, TargetKind.COUNT, TargetKind.THRESHOLD})
_SIZED_KINDS = CUMULATIVE_KINDS | {TargetKind.LEVEL}
_RATE_KINDS = frozenset({TargetKind.GROWTH, TargetKind.SHARE})


def fell(kind: TargetKind, previous: float | None, current: float | None) -> bool:
    """Whether a cumulative figure (both in the target's unit) is lower than last period's."""
    if kind not in CUMULATIVE_KINDS or previous is None or current is None:
        return False
    return current < previous - 1e-9 * max(abs(previous), 1.0)


def implausible(kind: TargetKind, target: float | None, value: float | None) -> bool:
    """Whether a figure (in the target's unit) is beyond what the year's target makes
    plausible (see the module's bounds)."""
    if target is None or value is None:
        return False
    if kind in _SIZED_KINDS:
        return target > 0 and value > JUMP_TIMES * target
    if kind in _RATE_KINDS:
        if kind is TargetKind.SHARE and value > 100:
            return True
        # Far short of a rate is behind, not implausible; far beyond it is a slip.
        return value - target > RATE_BOUND_POINTS
    return False


_GROUP = {
    Status.DONE: 0,
    Status.AHEAD: 1,
    Status.ON_SCHEDULE: 1,
    Status.BEHIND: 2,
}


def contradicts(verdict: Verdict | None, computed: Status) -> bool:
    """Whether a unit's own verdict and the status its figures give disagree. Without a
    computed status (no figure, not reported) there is nothing to contradict."""
    if verdict is None or computed not in _GROUP:
        return False
    return _GROUP[verdict.status] != _GROUP[computed]


@dataclass(frozen=True)
class Missing:
    """Which explanations a 滞后 row lacks."""

    problems: bool
    next_steps: bool

    def __bool__(self) -> bool:
        return self.problems or self.next_steps

    def words(self) -> tuple[str, str]:
        if self.problems and self.next_steps:
            return ("存在问题和下步打算", "the problems and the next steps")
        if self.problems:
            return ("存在问题", "the problems")
        return ("下步打算", "the next steps")


def missing_explanation(status: Status, problems: str, next_steps: str) -> Missing:
    """What a row must still say: a 滞后 row needs 存在问题 and 下步打算."""
    if status is not Status.BEHIND:
        return Missing(False, False)
    return Missing(not problems.strip(), not next_steps.strip())


def repeated_placeholder(placeholders: Sequence[str | None], is_full_year: bool) -> str | None:
    """The placeholder returned unchanged for the last `PLACEHOLDER_RUN` periods in a row
    (oldest first, None where a period reported something), or None."""
    if len(placeholders) < PLACEHOLDER_RUN:
        return None
    run = placeholders[-PLACEHOLDER_RUN:]
    first = run[0]
    if first is None or any(p is None or fold(p) != fold(first) for p in run):
        return None
    if fold(first).strip("。.") in YEARLY_PLACEHOLDERS and not is_full_year:
        return None
    return first
