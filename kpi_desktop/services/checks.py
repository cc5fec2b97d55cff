"""Checking a period before its table goes out: every finding of every rule (domain.checks).

The figures, statuses and verdicts come from services.tracking, exactly as the tree, the
table and the bulletin show them, so a finding speaks of what the clerk sees. A finding the
clerk has looked at and accepts is dismissed with a reason; the dismissal is a change-log
entry (entity "finding", the indicator, the period, the rule and what it is about), so it is
kept with the indicator's history and can be taken back. A dismissed finding stays in the
list, marked, and is not counted as open.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from kpi_desktop.domain.checks import (
    JUMP_TIMES,
    RATE_BOUND_POINTS,
    CheckRule,
    Finding,
    Param,
    contradicts,
    fell,
    implausible,
    missing_explanation,
    repeated_placeholder,
)
from kpi_desktop.domain.errors import KpiError, current_language
from kpi_desktop.domain.kinds import TargetKind
from kpi_desktop.domain.periods import Period, periods_of_year
from kpi_desktop.domain.schedule import Reason
from kpi_desktop.domain.text import fold
from kpi_desktop.domain.units import (
    COUNT_BASES,
    MEASURE_BASES,
    MONEY_BASES,
    MeasureUnit,
    convert,
    parse_unit,
)
from kpi_desktop.services.reads import Source, indicator_views, plan_for_year, reader_of
from kpi_desktop.services.tracking import Standing, TargetStanding, reported, standing
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.reader import Reader
from kpi_desktop.storage.rows import TargetRow

if TYPE_CHECKING:
    from sqlmodel import Session

FINDING_ENTITY = "finding"


def number(value: float) -> str:
    """A figure as the table writes it: 825, 163.46, 19431 (never 1.9e+04)."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def quantity(value: float, unit: str) -> str:
    return f"{number(value)}{unit}"


def _in_target_unit(row: TargetStanding) -> float | None:
    """The achieved value in the target's own unit, or None when there is none or it does
    not convert."""
    if row.value is None:
        return None
    if not row.unit or row.unit == row.target.unit:
        return row.value
    mine, theirs = parse_unit(row.unit), parse_unit(row.target.unit)
    if mine is None or theirs is None:
        return None
    return convert(row.value, mine, theirs)


def _family(unit: MeasureUnit) -> str:
    if unit.base in MONEY_BASES:
        return "money"
    if unit.base in COUNT_BASES:
        return "count"
    if unit.base in MEASURE_BASES:
        return "measure"
    return "ratio"


class _Context:
    """What the rules of one indicator need, loaded once for the whole period."""

    def __init__(
        self,
        period: Period,
        names: dict[int, str],
        contributed: set[tuple[int, int]],
    ) -> None:
        self.period = period
        self.names = names
        self.contributed = contributed  # (progress id, unit id) with a returned text


def _finding(
    rule: CheckRule,
    view: IndicatorView,
    period: Period,
    code: str,
    detail: str = "",
    **params: Param,
) -> Finding:
    all_params: dict[str, Param] = {
        "seq": view.seq,
        "units": "、".join(dict.fromkeys(view.canonical_units)),
        "period": (period.chinese, period.english),
        **params,
    }
    return Finding(rule, period.code, view.id, view.seq, code, all_params, detail)


def _target_detail(target: TargetRow) -> str:
    return f"target{target.position + 1}"  # counted from 1, as the clerk counts


def _figure_rules(
    view: IndicatorView, period: Period, now: Standing, before: Standing | None
) -> list[Finding]:
    found: list[Finding] = []
    previous = period.previous()
    earlier = {row.target.id: row for row in before.targets} if before is not None else {}
    for row in now.targets:
        target = row.target
        kind = TargetKind(target.kind)
        value = _in_target_unit(row)
        detail = _target_detail(target)
        old = earlier.get(target.id)
        old_value = _in_target_unit(old) if old is not None else None
        if previous is not None and fell(kind, old_value, value):
            assert value is not None and old_value is not None
            found.append(
                _finding(
                    CheckRule.FELL,
                    view,
                    period,
                    "check.fell",
                    detail,
                    target=target.label,
                    value=quantity(value, target.unit),
                    before=quantity(old_value, target.unit),
                    previous=(previous.chinese, previous.english),
                )
            )
        if implausible(kind, target.value, value):
            assert value is not None and target.value is not None
            if kind in (TargetKind.GROWTH, TargetKind.SHARE):
                found.append(
                    _finding(
                        CheckRule.IMPLAUSIBLE,
                        view,
                        period,
                        "check.implausible_rate",
                        detail,
                        target=target.label,
                        value=quantity(value, target.unit),
                        goal=quantity(target.value, target.unit),
                        bound=number(RATE_BOUND_POINTS),
                    )
                )
            else:
                found.append(
                    _finding(
                        CheckRule.IMPLAUSIBLE,
                        view,
                        period,
                        "check.implausible_size",
                        detail,
                        target=target.label,
                        value=quantity(value, target.unit),
                        goal=quantity(target.value, target.unit),
                        times=number(JUMP_TIMES),
                    )
                )
    return found


def _unit_rule(view: IndicatorView, period: Period, now: Standing) -> list[Finding]:
    """A figure for a target written in a unit of the same kind that does not convert to the
    target's (元 against 美元, 个 against 家): a figure the clerk entered so, or one in the
    text whose words name the target while no figure answers it."""
    from kpi_desktop.domain.figures import find_figures, placeholder

    entry = view.progress.get(period.code)
    text = entry.text if entry is not None and reported(view, period.code) else ""
    figures = find_figures(text, period) if text and placeholder(text) is None else []
    found: list[Finding] = []
    for row in now.targets:
        target = row.target
        target_unit = parse_unit(target.unit)
        if target_unit is None or TargetKind(target.kind) is TargetKind.QUALITATIVE:
            continue
        shown: tuple[float, str] | None = None
        if row.value is not None and row.assessment.reason is Reason.UNIT_MISMATCH:
            shown = (row.value, row.unit)
        elif row.value is None:
            # The figure's words must end the way the target's noun does (外资, 企业).
            head = fold(target.label)[-2:]
            for figure in figures:
                unit = figure.measure_unit
                if (
                    unit is None
                    or figure.growth
                    or figure.share_of_target
                    or unit.base == target_unit.base
                    or _family(unit) != _family(target_unit)
                    or head not in fold(figure.context + figure.noun)
                ):
                    continue
                shown = (figure.value, figure.unit)
                break
        if shown is None:
            continue
        value, unit_text = shown
        found.append(
            _finding(
                CheckRule.UNIT,
                view,
                period,
                "check.unit",
                _target_detail(target),
                target=target.label,
                target_unit=target.unit,
                figure=quantity(value, unit_text),
                unit=unit_text,
            )
        )
    return found


def _placeholder_rule(view: IndicatorView, period: Period) -> list[Finding]:
    from kpi_desktop.domain.figures import placeholder

    periods = [p for p in periods_of_year(period.year) if p <= period]
    texts: list[str | None] = []
    for each in periods:
        entry = view.progress.get(each.code)
        text = entry.text.strip() if entry is not None else ""
        texts.append(text if text and placeholder(text) is not None else None)
    repeated = repeated_placeholder(texts, period.kind.value == "Y")
    if repeated is None:
        return []
    run = periods[-3:]
    return [
        _finding(
            CheckRule.PLACEHOLDER,
            view,
            period,
            "check.placeholder",
            text=repeated,
            periods=(
                "、".join(p.chinese for p in run),
                ", ".join(p.english for p in run),
            ),
        )
    ]


def _shared_rule(view: IndicatorView, period: Period, context: _Context) -> list[Finding]:
    units = list(dict.fromkeys(link.unit_id for link in view.units))
    entry = view.progress.get(period.code)
    if len(units) < 2 or entry is None or entry.id is None:
        return []
    answered = [u for u in units if (entry.id, u) in context.contributed]
    if not answered or len(answered) == len(units):
        return []
    missing = [u for u in units if u not in answered]
    return [
        _finding(
            CheckRule.SHARED,
            view,
            period,
            "check.shared",
            answered="、".join(context.names[u] for u in answered),
            missing="、".join(context.names[u] for u in missing),
        )
    ]


def indicator_findings(view: IndicatorView, period: Period, context: _Context) -> list[Finding]:
    """Every rule's findings for one indicator in `period`, in the rules' order."""
    found: list[Finding] = []
    if reported(view, period.code):
        now = standing(view, period.code)
        previous = period.previous()
        before = (
            standing(view, previous.code)
            if previous is not None and reported(view, previous.code)
            else None
        )
        found += _figure_rules(view, period, now, before)
        if not now.chosen_by_clerk and contradicts(now.verdict, now.status):
            assert now.verdict is not None
            found.append(
                _finding(
                    CheckRule.VERDICT,
                    view,
                    period,
                    "check.verdict",
                    verdict=(now.verdict.chinese, now.verdict.value.replace("_", " ")),
                    status=(now.status.chinese, now.status.value.replace("_", " ")),
                )
            )
        entry = view.progress[period.code]
        missing = missing_explanation(now.status, entry.problems, entry.next_steps)
        if missing:
            found.append(
                _finding(
                    CheckRule.UNEXPLAINED,
                    view,
                    period,
                    "check.unexplained",
                    missing=missing.words(),
                )
            )
        found += _placeholder_rule(view, period)
        found += _unit_rule(view, period, now)
    found += _shared_rule(view, period, context)
    order = list(CheckRule)
    return sorted(found, key=lambda f: order.index(f.rule))


def _dismissals(reader: Reader, ids: Sequence[int], period: str) -> dict[tuple[int, str], str]:
    """The standing dismissals of a period, by (indicator id, key): the latest log entry for
    each wins, and an empty reason takes a dismissal back."""
    latest: dict[tuple[int, str], str] = {}
    for row in reader.log(FINDING_ENTITY, ids, period=period):
        latest[(row.entity_id, row.field_name)] = row.new_value or ""
    return {key: reason for key, reason in latest.items() if reason}


def check_views(source: Source, views: Sequence[IndicatorView], period: Period) -> list[Finding]:
    """The findings of `views` in `period`, in 序号 order, dismissed ones marked."""
    reader = reader_of(source)
    names = reader.unit_names()
    progress_ids = [
        entry.id
        for view in views
        if (entry := view.progress.get(period.code)) is not None and entry.id is not None
    ]
    contributed = {
        (contribution.progress_id, contribution.unit_id)
        for contribution in reader.contributions(progress_ids)
        if contribution.text.strip()
    }
    context = _Context(period, names, contributed)
    dismissed = _dismissals(reader, [view.id for view in views], period.code)
    result = []
    for view in views:
        for finding in indicator_findings(view, period, context):
            reason = dismissed.get((finding.indicator_id, finding.key))
            result.append(replace(finding, dismissed=reason) if reason else finding)
    return result


def run_checks(source: Source, period: Period | str) -> list[Finding]:
    """Every finding of the plan of `period`'s year in that period, in 序号 order."""
    # Not at the top: the dump checks views it has read itself and needs nothing of the
    # summary table's module.
    from kpi_desktop.services.summary import period_of

    period = period_of(period)
    reader = reader_of(source)
    plan = plan_for_year(reader, period.year)
    return check_views(reader, indicator_views(reader, plan), period)


def open_findings(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.open]


def open_findings_warning(source: Source, period: Period, code: str) -> KpiError | None:
    """Before closing (or printing) a period: the warning `code` while findings are open,
    None when there are none. Findings warn; they never block."""
    count = len(open_findings(run_checks(source, period)))
    if not count:
        return None
    label = period.english if current_language() == "en" else period.chinese
    return KpiError(code, period=label, count=count)


def dismiss(session: Session, finding: Finding, reason: str) -> None:
    """Dismiss a finding with the clerk's reason, written to the change log. Refused
    (KpiError "check.no_reason") without a reason; nothing is written then."""
    reason = reason.strip()
    if not reason:
        raise KpiError("check.no_reason")
    _record(session, finding, finding.dismissed, reason)


def undismiss(session: Session, finding: Finding) -> None:
    """Take a dismissal back: the finding is open again; the log keeps both."""
    if finding.dismissed is not None:
        _record(session, finding, finding.dismissed, "")


def _record(session: Session, finding: Finding, old: str | None, new: str) -> None:
    from kpi_desktop.services.editing import TYPED, log_change

    log_change(
        session,
        entity=FINDING_ENTITY,
        entity_id=finding.indicator_id,
        field_name=finding.key,
        old=old,
        new=new,
        source=TYPED,
        indicator_id=finding.indicator_id,
        period=finding.period,
    )


def status_counts(findings: Iterable[Finding]) -> tuple[int, int]:
    """(open, dismissed) findings."""
    items = list(findings)
    dismissed = sum(1 for f in items if not f.open)
    return len(items) - dismissed, dismissed
