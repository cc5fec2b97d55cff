"""On schedule (序时进度): where a target stands against the share of the year elapsed.

Supervision practice compares completion with time: at the end of February a sixth of the year
has passed, so an annual amount or count one sixth done is on schedule (序时推进). The rules:

* amounts, counts and thresholds: completion = actual / target, compared with the share of the
  year elapsed at the figure's as-of month. More than the plan's tolerance short of that pace
  is 滞后 (by default a tenth: at 50% of the year, from 45% done on is still 序时推进, 基本序时);
  a quarter of a year ahead of it (at the end of Q1: half the target) is 超序时; the whole
  target is 已完成.
* growth rates and shares are levels, not sums: the rate achieved is compared with the target
  rate (a decline target, stored negative, is met by falling at least that far). Meeting it is
  序时推进, and 已完成 once the year is over. A ceiling ("失业率控制在4.5%以内") is met by staying
  at or under it, the same way.
* stock levels ("市场主体总数突破14万户") are reached or not: reached is 已完成; short of it is
  滞后 once the year is over and 序时推进 before, unless the level the year started from is
  known, when the way from there to the target is judged like an amount.
* a share of the work done ("完成60%", "占全年计划110%") counts as that share of the target;
  for a qualitative target it is the only figure there can be.
* placeholders ("季度数据", "年度数据", "推进中"), texts without a figure and qualitative
  targets have no figure yet (暂无数据): never 滞后.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from kpi_desktop.domain.figures import TargetLike, placeholder, propose_actuals
from kpi_desktop.domain.kinds import TargetKind
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.status import Status
from kpi_desktop.domain.units import convert, parse_unit

# Completion this much of the year beyond the time elapsed counts as ahead of schedule.
AHEAD_MARGIN = 3 / 12
# 基本序时: completion up to this share short of the pace still counts as on schedule, so
# that 48.7% done when 50% of the year has passed is not 滞后. A plan may set its own
# (`tolerance` in the plan file, Plan.tolerance); 0 judges strictly against the pace.
DEFAULT_TOLERANCE = 0.1
# Shares are compared with a little slack for rounding in the texts ("27.5%" of a third).
_EPSILON = 1e-9


class Reason(StrEnum):
    """Why an assessment has no figure, for the clerk's tooltip and the tests."""

    NONE = ""
    PLACEHOLDER = "placeholder"  # 季度数据 / 年度数据 / 推进中
    NO_FIGURE = "no_figure"  # the text reports work but no figure answering the target
    QUALITATIVE = "qualitative"  # the target has no number to complete
    NO_TARGET_VALUE = "no_target_value"  # the target's value is not known yet
    UNIT_MISMATCH = "unit_mismatch"  # 元 against 美元, 个 against 家


_RANK = {
    Status.BEHIND: 0,
    Status.ON_SCHEDULE: 1,
    Status.AHEAD: 2,
    Status.DONE: 3,
    Status.NO_FIGURE: 4,
    Status.NOT_REPORTED: 5,
}


@dataclass(frozen=True)
class Assessment:
    status: Status
    completion: float | None = None  # actual / target (rates: achieved / target rate)
    expected: float | None = None  # the completion that is exactly on schedule
    as_of_month: int | None = None
    reason: Reason = Reason.NONE

    @property
    def lead(self) -> float | None:
        """Completion relative to schedule (1.0 = exactly on schedule), for sorting and charts."""
        if self.completion is None or not self.expected:
            return None
        return self.completion / self.expected


def _no_figure(reason: Reason, as_of_month: int | None = None) -> Assessment:
    return Assessment(Status.NO_FIGURE, as_of_month=as_of_month, reason=reason)


def assess_target(
    target: TargetLike,
    actual: float | None,
    actual_unit: str,
    period: Period,
    as_of_month: int | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> Assessment:
    """Where one target stands given its actual value written in `actual_unit`."""
    kind = TargetKind(target.kind)
    month = period.end_month if as_of_month is None else min(as_of_month, period.end_month)
    if kind is TargetKind.QUALITATIVE:
        return _no_figure(Reason.QUALITATIVE, month)
    if target.value is None or target.value == 0:
        return _no_figure(Reason.NO_TARGET_VALUE, month)
    if actual is None:
        return _no_figure(Reason.NO_FIGURE, month)
    target_unit, written_unit = parse_unit(target.unit), parse_unit(actual_unit or target.unit)
    if target_unit is None or written_unit is None:
        return _no_figure(Reason.UNIT_MISMATCH, month)
    value = convert(actual, written_unit, target_unit)
    if value is None:
        return _no_figure(Reason.UNIT_MISMATCH, month)
    completion = value / target.value

    if kind in (TargetKind.GROWTH, TargetKind.SHARE, TargetKind.CEILING):
        if kind is TargetKind.CEILING or target.value < 0:
            met = value <= target.value + _EPSILON
        else:
            met = value >= target.value
        on_time = Status.DONE if month >= 12 else Status.ON_SCHEDULE
        status = on_time if met else Status.BEHIND
        return Assessment(status, completion, 1.0, month)

    if kind is TargetKind.LEVEL:
        return _assess_level(target, value, period, month, tolerance)
    return _against_time(completion, period, month, tolerance)


def _against_time(
    completion: float, period: Period, month: int, tolerance: float = DEFAULT_TOLERANCE
) -> Assessment:
    """A share of the year's work done, against the share of the year elapsed."""
    elapsed = period.elapsed_share(month)
    if completion >= 1 - _EPSILON:
        status = Status.DONE
    elif completion + _EPSILON < elapsed * (1 - tolerance):
        status = Status.BEHIND
    elif completion + _EPSILON >= elapsed + AHEAD_MARGIN:
        status = Status.AHEAD
    else:
        status = Status.ON_SCHEDULE
    return Assessment(status, completion, elapsed, month)


def assess_share(
    target: TargetLike,
    completion: float,
    period: Period,
    as_of_month: int | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> Assessment:
    """Where a target stands when the text gives the share of its work done ("完成60%"):
    for a target with a value, as that share of it; for a qualitative one, the share alone."""
    month = period.end_month if as_of_month is None else min(as_of_month, period.end_month)
    if TargetKind(target.kind) is not TargetKind.QUALITATIVE and target.value:
        value = completion * target.value
        return assess_target(target, value, target.unit, period, month, tolerance)
    return _against_time(completion, period, month, tolerance)


def _assess_level(
    target: TargetLike, value: float, period: Period, month: int, tolerance: float
) -> Assessment:
    """A stock is reached or not. Given the level it started the year from (`base`), the way
    from there to the target is judged like an amount; without it, a level not yet reached is
    on schedule until the year is over."""
    assert target.value is not None
    reached = value / target.value
    if value >= target.value - _EPSILON:
        return Assessment(Status.DONE, reached, 1.0, month)
    base = getattr(target, "base", None)
    if base is not None and abs(target.value - base) > _EPSILON:
        return _against_time((value - base) / (target.value - base), period, month, tolerance)
    status = Status.BEHIND if month >= 12 else Status.ON_SCHEDULE
    return Assessment(status, reached, 1.0, month)


def assess_text(
    text: str,
    targets: Sequence[TargetLike],
    period: Period,
    tolerance: float = DEFAULT_TOLERANCE,
) -> list[Assessment]:
    """Each target's standing from a progress text alone, figures proposed from the text."""
    if placeholder(text) is not None:
        return [_no_figure(Reason.PLACEHOLDER) for _ in targets]
    results = []
    for target, proposal in zip(targets, propose_actuals(text, targets, period), strict=True):
        if proposal is None:
            results.append(assess_target(target, None, "", period))
        elif proposal.completion is not None:
            month = proposal.as_of_month
            results.append(assess_share(target, proposal.completion, period, month, tolerance))
        else:
            value, unit, month = proposal.value, proposal.unit, proposal.as_of_month
            results.append(assess_target(target, value, unit, period, month, tolerance))
    return results


def combine(assessments: Sequence[Assessment]) -> Assessment:
    """An indicator's standing from its targets': the worst one that has a figure, so that
    one lagging target is not hidden by others that are done; no figure when none has one."""
    with_figure = [a for a in assessments if a.status is not Status.NO_FIGURE]
    if not with_figure:
        reasons = {a.reason for a in assessments}
        if Reason.PLACEHOLDER in reasons:
            return _no_figure(Reason.PLACEHOLDER)
        only = next(iter(reasons)) if len(reasons) == 1 else Reason.NO_FIGURE
        return _no_figure(only)
    return min(with_figure, key=lambda a: (_RANK[a.status], a.lead or 0.0))
