"""Each lead unit's assessment (考核) for a period: how it answered, where its indicators
stand, and a score from rules the office sets.

The default rules follow the pattern of published supervision assessment rules (督查工作考核
细则, 起评分100分: a report not sent costs 10 points, one without substance 5 points each; a
statistical return late costs 0.5 points a day, counted from the day after the due date to
the day it came, holidays included). So by default, from 100:

* 0.5 points for each day a return came after its due date;
* 10 points when the unit sent no return at all while rows were due from it (未报送);
* 2 points for each row still outstanding from a unit that sent part of its rows, at most the
  10 of sending nothing (a part must never score worse than nothing);
* 5 points for each 滞后 indicator without 存在问题 or 下步打算 (no reason, no plan);
* 0 points for each chase round (listed, not scored, unless the office says so);

never below 0. An office with other rules sets its own ScoreRules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Any


class Timeliness(StrEnum):
    """How a unit's return stands against its due date."""

    ON_TIME = "on_time"  # 按时报送
    LATE = "late"  # 逾期报送 (days late)
    MISSING = "missing"  # 未报送, and the due date has passed (days overdue)
    NOT_YET = "not_yet"  # 未报送, not due yet
    NO_DUE_DATE = "no_due_date"  # returned or not, with no due date to compare with
    WRITTEN = "written"  # nothing was asked of it: every row has its text otherwise

    @property
    def chinese(self) -> str:
        return _CHINESE[self]


_CHINESE = {
    Timeliness.ON_TIME: "按时报送",
    Timeliness.LATE: "逾期报送",
    Timeliness.MISSING: "未报送",
    Timeliness.NOT_YET: "未报送（未到期）",
    Timeliness.NO_DUE_DATE: "未设截止日期",
    Timeliness.WRITTEN: "无需报送",
}


@dataclass(frozen=True)
class ScoreRules:
    """Points the office takes off, per thing counted; the defaults are the module's."""

    base: float = 100.0
    per_late_day: float = 0.5
    per_missing_return: float = 10.0
    per_missing_row: float = 2.0
    per_unexplained: float = 5.0
    per_chase_round: float = 0.0

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> ScoreRules:
        """Rules from the office's own settings (a TOML table of these field names); what it
        does not name keeps the default. Raises ValueError naming the key that is unknown or
        not a number of points from 0 on."""
        known = {f.name for f in fields(cls)}
        chosen: dict[str, float] = {}
        for key, value in values.items():
            if key not in known:
                raise ValueError(key)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(key)
            chosen[key] = float(value)
        return cls(**chosen)

    def describe(self) -> str:
        """The rules in one sentence, printed under the table."""
        parts = [
            f"逾期报送每天扣{_points(self.per_late_day)}分",
            f"未报送扣{_points(self.per_missing_return)}分",
            f"部分未报每项扣{_points(self.per_missing_row)}分（至多同未报送）",
            f"滞后未说明原因和打算每项扣{_points(self.per_unexplained)}分",
        ]
        if self.per_chase_round:
            parts.append(f"每催报一次扣{_points(self.per_chase_round)}分")
        return f"评分规则：基础分{_points(self.base)}分，" + "，".join(parts) + "，最低0分。"


def _points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def timeliness(
    due: date | None,
    returned_on: date | None,
    today: date,
    *,
    anything_due: bool,
) -> tuple[Timeliness, int]:
    """How a return stands, and the days late (returned after `due`) or overdue (missing
    after `due`, counted to `today`); 0 otherwise."""
    if returned_on is None and not anything_due:
        return Timeliness.WRITTEN, 0
    if due is None:
        return Timeliness.NO_DUE_DATE, 0
    if returned_on is not None:
        late = (returned_on - due).days
        return (Timeliness.LATE, late) if late > 0 else (Timeliness.ON_TIME, 0)
    overdue = (today - due).days
    return (Timeliness.MISSING, overdue) if overdue > 0 else (Timeliness.NOT_YET, 0)


@dataclass(frozen=True)
class Deductions:
    late: float = 0.0
    missing_return: float = 0.0
    missing_rows: float = 0.0
    unexplained: float = 0.0
    chase: float = 0.0

    @property
    def total(self) -> float:
        return self.late + self.missing_return + self.missing_rows + self.unexplained + self.chase


def deductions(
    rules: ScoreRules,
    state: Timeliness,
    days: int,
    returned: bool,
    outstanding: int,
    unexplained: int,
    chase_rounds: int,
) -> Deductions:
    """What a unit loses under `rules`."""
    return Deductions(
        late=rules.per_late_day * days if state is Timeliness.LATE else 0.0,
        missing_return=rules.per_missing_return if state is Timeliness.MISSING else 0.0,
        # Sending part of the rows never costs more than sending nothing.
        missing_rows=(
            min(rules.per_missing_row * outstanding, rules.per_missing_return) if returned else 0.0
        ),
        unexplained=rules.per_unexplained * unexplained,
        chase=rules.per_chase_round * chase_rounds,
    )


def score(rules: ScoreRules, taken: Deductions) -> float:
    return max(0.0, rules.base - taken.total)
