"""Where an indicator stands in a period: the status the tree and the printed table show."""

from __future__ import annotations

from kpi_desktop.domain.status import Status
from kpi_desktop.domain.text import fold
from kpi_desktop.domain.units import convert, parse_unit
from kpi_desktop.services.queries import IndicatorView
from kpi_desktop.storage.models import Actual, Target

# Texts that report nothing yet: a statistic not yet published, or only measured yearly.
_PLACEHOLDERS = {
    fold(t) for t in ("季度数据。", "年度数据。", "推进中。", "季度数据", "年度数据", "推进中")
}


def status_of(view: IndicatorView, period: str) -> Status:
    """The clerk's status where she set one; otherwise what the progress text allows."""
    entry = view.progress.get(period)
    if entry is None or not entry.text.strip():
        return Status.NOT_REPORTED
    if entry.status:
        return Status(entry.status)
    if fold(entry.text) in _PLACEHOLDERS:
        return Status.NO_FIGURE
    return Status.NO_FIGURE


def completion(target: Target, actual: Actual | None) -> float | None:
    """Achieved value as a share of the target, in the target's unit; None when not comparable."""
    if actual is None or actual.value is None or not target.value:
        return None
    if target.kind in ("growth", "share", "qualitative"):
        return None
    goal_unit = parse_unit(target.unit)
    got_unit = parse_unit(actual.unit or target.unit)
    if goal_unit is None or got_unit is None:
        return None
    converted = convert(actual.value, got_unit, goal_unit)
    return None if converted is None else converted / target.value
