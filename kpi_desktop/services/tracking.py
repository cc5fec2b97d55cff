"""Where an indicator stands in a period: the status the tree, the panels, the charts and the
printed table show.

A figure the clerk entered (or confirmed) wins over one read from the progress text; a status
the clerk chose wins over the computed one. The unit's own verdict in its text (已完成, 滞后…)
is kept beside the status, never instead of it. The rules themselves live in domain.schedule
and domain.verdicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from kpi_desktop.domain.periods import Period, PeriodKind
from kpi_desktop.domain.status import Status
from kpi_desktop.services.views import IndicatorView

if TYPE_CHECKING:
    from kpi_desktop.domain.schedule import Assessment
    from kpi_desktop.domain.verdicts import Verdict
    from kpi_desktop.storage.rows import TargetRow


class TargetStanding(NamedTuple):
    target: TargetRow
    value: float | None  # the achieved value, in `unit`
    unit: str
    confirmed: bool  # entered or confirmed by the clerk
    proposed: bool  # read from the progress text, not yet confirmed
    span: str  # where in the text a proposed figure was read
    assessment: Assessment

    @property
    def completion(self) -> float | None:
        return self.assessment.completion


class Standing(NamedTuple):
    status: Status
    overall: Assessment
    targets: list[TargetStanding]
    chosen_by_clerk: bool  # the clerk set the status herself
    verdict: Verdict | None = None  # the unit's own word in its text, shown beside the status


def reported(view: IndicatorView, period_code: str) -> bool:
    """Whether the indicator has a progress text in the period; without one it is 待填报
    (not reported), whatever else is stored."""
    entry = view.progress.get(period_code)
    return entry is not None and bool(entry.text.strip())


def standing(view: IndicatorView, period_code: str, tolerance: float | None = None) -> Standing:
    """The indicator's standing in a period, target by target and as a whole. Without a
    progress text the indicator is 待填报, and its targets are listed all the same (with any
    figure the clerk has entered), so that she sees what is asked and can enter what is done.
    `tolerance` overrides the plan's 基本序时 band, which the view carries."""
    # The rules that read figures from text are imported when a standing is asked for; the
    # window's first paint needs only the status, and that only from reported rows.
    from kpi_desktop.domain.figures import placeholder, propose_actuals
    from kpi_desktop.domain.schedule import (
        DEFAULT_TOLERANCE,
        Assessment,
        Reason,
        assess_share,
        assess_target,
        combine,
    )
    from kpi_desktop.domain.verdicts import verdict_in_text

    if tolerance is None:
        tolerance = view.tolerance  # the plan's, carried by every view of it
    band = DEFAULT_TOLERANCE if tolerance is None else tolerance

    period = Period.parse(period_code)
    entry = view.progress.get(period_code)
    text = entry.text if entry is not None and reported(view, period_code) else ""
    as_of_month = entry.as_of_month if entry is not None else None
    not_reported = Assessment(Status.NOT_REPORTED)
    placeholder_figure = Assessment(Status.NO_FIGURE, reason=Reason.PLACEHOLDER)
    # A placeholder (季度数据, 年度数据, 推进中) reports no figure, whatever numbers it holds.
    is_placeholder = bool(text) and placeholder(text) is not None
    proposals = (
        propose_actuals(text, view.targets, period)
        if text and not is_placeholder
        else [None] * len(view.targets)
    )
    rows: list[TargetStanding] = []
    for target, proposal in zip(view.targets, proposals, strict=True):
        actual = view.actuals.get((period_code, target.id or 0))
        value: float | None
        completion: float | None = None
        if actual is not None and actual.value is not None:
            value, unit = actual.value, actual.unit or target.unit
            month = actual.as_of_month or as_of_month
            confirmed, proposed, span = actual.confirmed, not actual.confirmed, ""
        elif proposal is not None:
            month = as_of_month or proposal.as_of_month
            confirmed, proposed, span = False, True, proposal.span
            completion = proposal.completion
            if completion is None:
                value, unit = proposal.value, proposal.unit
            else:  # "完成60%": the share of the target done, shown as that much of its value
                value = completion * target.value if target.value is not None else None
                unit = target.unit
        else:
            value, unit, month = None, target.unit, as_of_month
            confirmed, proposed, span = False, False, ""
        if completion is not None:
            assessment = assess_share(target, completion, period, month, band)
        elif value is None and not text:
            assessment = not_reported
        elif value is None and is_placeholder:
            assessment = placeholder_figure
        else:
            assessment = assess_target(target, value, unit, period, month, band)
        rows.append(TargetStanding(target, value, unit, confirmed, proposed, span, assessment))
    if not text:
        return Standing(Status.NOT_REPORTED, not_reported, rows, chosen_by_clerk=False)
    assert entry is not None
    if rows:
        overall = combine([r.assessment for r in rows])
    elif is_placeholder:
        overall = placeholder_figure
    else:
        overall = Assessment(Status.NO_FIGURE, reason=Reason.NO_FIGURE)
    verdict = verdict_in_text(text)
    if entry.status:
        # The clerk's word on the status; the figures still say how far the row has got.
        chosen = replace(overall, status=Status(entry.status))
        return Standing(chosen.status, chosen, rows, chosen_by_clerk=True, verdict=verdict)
    return Standing(overall.status, overall, rows, chosen_by_clerk=False, verdict=verdict)


def working_period(views: Sequence[IndicatorView], year: int) -> str:
    """The period being worked on: the latest one any indicator has reported for (a progress
    text, as `reported` says), or the next one once every indicator has; the first of the
    year when nothing has been reported."""
    codes = [Period.of(year, kind).code for kind in PeriodKind]
    counts = [sum(reported(view, code) for view in views) for code in codes]
    latest = max((i for i, count in enumerate(counts) if count), default=None)
    if latest is None:
        return codes[0]
    if counts[latest] == len(views) and latest + 1 < len(codes):
        return codes[latest + 1]
    return codes[latest]


def verdict_of(view: IndicatorView, period_code: str) -> Verdict | None:
    """The unit's own verdict in the period's progress text (已完成, 序时推进, 滞后…), if any;
    read without the figure rules."""
    from kpi_desktop.domain.verdicts import verdict_in_text

    if not reported(view, period_code):
        return None
    return verdict_in_text(view.progress[period_code].text)


def status_of(view: IndicatorView, period_code: str, tolerance: float | None = None) -> Status:
    if not reported(view, period_code):
        return Status.NOT_REPORTED
    return standing(view, period_code, tolerance).status
