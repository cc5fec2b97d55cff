"""Each lead unit's assessment (考核) for a period, as a table for the window, Excel and PDF.

Per lead unit, in the order the plan first names it:
* its return against the due date (domain.assessment.timeliness): the day a return came is
  the day its first row for the period was imported (the change log keeps it even when the
  unit sends a corrected file later), in the clerk's local calendar;
* rows returned / expected, from services.submissions (a row the clerk typed or the built-in
  plan holds is not expected from the unit);
* its indicators (shared ones included) done / on schedule (超序时 included) / behind, and
  the behind ones without 存在问题 or 下步打算, with the statuses of services.tracking;
* the chase rounds it needed, and the score under the office's ScoreRules.

The due dates and chase rounds are the quarter's calendar: they are passed in (`Calendar`), so
that the same table is made whether they come from the command line or from the database.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from pathlib import Path

from sqlmodel import Session, col, select

from kpi_desktop.domain.assessment import (
    Deductions,
    ScoreRules,
    Timeliness,
    deductions,
    score,
    timeliness,
)
from kpi_desktop.domain.checks import missing_explanation
from kpi_desktop.domain.errors import KpiError, os_error_text
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.status import Status
from kpi_desktop.services.queries import indicator_views, plan_for_year
from kpi_desktop.services.submissions import UnitSubmission, submissions
from kpi_desktop.services.summary import SummaryOptions, period_of
from kpi_desktop.services.tracking import status_of
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.models import ChangeLog, Contribution


@dataclass(frozen=True)
class Calendar:
    """The period's dates: the due date of returns (a unit's own where the office allows
    one, by canonical name), the chase rounds each unit needed, and the day the table is made
    (missing returns are overdue counted to it)."""

    due: date | None = None
    unit_due: Mapping[str, date] = field(default_factory=dict)
    chase_rounds: Mapping[str, int] = field(default_factory=dict)
    today: date = field(default_factory=date.today)

    def due_for(self, unit: str) -> date | None:
        return self.unit_due.get(unit, self.due)


@dataclass(frozen=True)
class UnitAssessment:
    unit: str
    due: date | None
    returned_on: date | None
    timeliness: Timeliness
    days: int  # late (returned) or overdue (missing)
    rows_expected: int
    rows_returned: int
    rows_outstanding: int
    done: int
    on_schedule: int  # 序时推进 and 超序时
    behind: int
    unexplained: int  # 滞后 without 存在问题 or 下步打算
    chase_rounds: int
    deductions: Deductions
    score: float

    @property
    def answer(self) -> str:
        """报送情况 as the table says it: 按时报送, 逾期5天, 未报送（逾期3天）…"""
        if self.timeliness is Timeliness.LATE:
            return f"逾期{self.days}天"
        if self.timeliness is Timeliness.MISSING:
            return f"未报送（逾期{self.days}天）"
        return self.timeliness.chinese


HEADERS = (
    "序号",
    "牵头单位",
    "报送情况",
    "报送日期",
    "已报/应报",
    "已完成",
    "序时推进",
    "滞后",
    "滞后未说明",
    "催报次数",
    "扣分",
    "得分",
)
_WEIGHTS = {"序号": 0.7, "牵头单位": 3.4, "报送情况": 2.8, "报送日期": 1.5, "已报/应报": 1.3}
# 五号 (10.5 pt): a unit's row on one line, the table of thirty units on two pages.
BODY_POINTS = 10.5
_CENTRED = frozenset(HEADERS) - {"牵头单位"}


def _points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def chinese_date(day: date | None, with_year: bool = False) -> str:
    if day is None:
        return "—"
    return f"{day.year}年{day.month}月{day.day}日" if with_year else f"{day.month}月{day.day}日"


@dataclass(frozen=True)
class AssessmentTable:
    """The assessment as a printed table: the attributes the summary printer lays out."""

    attachment: str
    title: str
    period: Period
    rows: tuple[UnitAssessment, ...]
    rules: ScoreRules
    calendar: Calendar
    options: SummaryOptions = field(default_factory=lambda: SummaryOptions(body_size=BODY_POINTS))

    def headers(self) -> list[str]:
        return list(HEADERS)

    def centred(self, header: str) -> bool:
        return header in _CENTRED

    def column_widths(self, total: float) -> list[float]:
        weights = [_WEIGHTS.get(h, 1.0) for h in HEADERS]
        return [total * w / sum(weights) for w in weights]

    def cells(self, row: UnitAssessment) -> list[str]:
        return [
            str(self.rows.index(row) + 1),
            row.unit,
            row.answer,
            chinese_date(row.returned_on),
            f"{row.rows_returned}/{row.rows_expected}",
            str(row.done),
            str(row.on_schedule),
            str(row.behind),
            str(row.unexplained),
            str(row.chase_rounds),
            _points(row.deductions.total),
            _points(row.score),
        ]

    @property
    def footnote(self) -> str:
        due = self.calendar.due
        dates = (
            f"报送截止日期：{chinese_date(due, with_year=True)}"
            if due is not None
            else "报送截止日期：未设定"
        )
        if self.calendar.unit_due:
            dates += "（部分单位另有截止日期）"
        return (
            f"说明：{dates}；报送日期以首次导入该单位报送表之日计；"
            f"统计至{chinese_date(self.calendar.today, with_year=True)}。" + self.rules.describe()
        )


def _local_date(moment: datetime) -> date:
    if moment.tzinfo is None:  # SQLite gives back naive times, stored in UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()


def _first_returns(
    session: Session, views: Sequence[IndicatorView], period: Period
) -> dict[int, date]:
    """The day each unit's first row for `period` came, by unit id."""
    entries = [
        entry.id
        for view in views
        if (entry := view.progress.get(period.code)) is not None and entry.id is not None
    ]
    if not entries:
        return {}
    contributions = list(
        session.exec(select(Contribution).where(col(Contribution.progress_id).in_(entries)))
    )
    first: dict[int, datetime] = {c.id or 0: c.received_at for c in contributions}
    logged = session.exec(
        select(ChangeLog).where(
            ChangeLog.entity == "contribution",
            col(ChangeLog.entity_id).in_(list(first)),
        )
    )
    for change in logged:
        first[change.entity_id] = min(first[change.entity_id], change.at)
    days: dict[int, date] = {}
    for contribution in contributions:
        day = _local_date(first[contribution.id or 0])
        unit = contribution.unit_id
        days[unit] = min(days.get(unit, day), day)
    return days


def _assess_unit(
    submission: UnitSubmission,
    views: dict[int, IndicatorView],
    period: Period,
    returned_on: date | None,
    calendar: Calendar,
    rules: ScoreRules,
) -> UnitAssessment:
    statuses = {seq: status_of(views[seq], period.code) for seq in submission.indicators}
    unexplained = 0
    for seq, status in statuses.items():
        entry = views[seq].progress.get(period.code)
        problems = entry.problems if entry is not None else ""
        next_steps = entry.next_steps if entry is not None else ""
        if missing_explanation(status, problems, next_steps):
            unexplained += 1
    due = calendar.due_for(submission.unit)
    state, days = timeliness(
        due,
        returned_on if submission.returned else None,
        calendar.today,
        anything_due=bool(submission.outstanding) or bool(submission.returned),
    )
    rounds = calendar.chase_rounds.get(submission.unit, 0)
    taken = deductions(
        rules,
        state,
        days,
        bool(submission.returned),
        len(submission.outstanding),
        unexplained,
        rounds,
    )
    counted = list(statuses.values())
    return UnitAssessment(
        unit=submission.unit,
        due=due,
        returned_on=returned_on if submission.returned else None,
        timeliness=state,
        days=days,
        rows_expected=len(submission.indicators) - len(submission.written),
        rows_returned=len(submission.returned),
        rows_outstanding=len(submission.outstanding),
        done=counted.count(Status.DONE),
        on_schedule=counted.count(Status.ON_SCHEDULE) + counted.count(Status.AHEAD),
        behind=counted.count(Status.BEHIND),
        unexplained=unexplained,
        chase_rounds=rounds,
        deductions=taken,
        score=score(rules, taken),
    )


def load_rules(path: Path) -> ScoreRules:
    """The office's scoring rules from a TOML file (KpiError "assess.bad_rules" says what is
    wrong, and the keys there are)."""
    keys = "、".join(f.name for f in fields(ScoreRules))
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
        return ScoreRules.from_mapping(values)
    except OSError as error:
        detail = os_error_text(error)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        detail = str(error)
    except ValueError as error:
        detail = f"“{error}”"
    raise KpiError("assess.bad_rules", path=str(path), detail=detail, keys=keys)


def assess(
    session: Session,
    period: Period | str,
    calendar: Calendar | None = None,
    rules: ScoreRules | None = None,
) -> AssessmentTable:
    """The assessment of every lead unit of the plan of `period`'s year."""
    period = period_of(period)
    calendar = calendar or Calendar()
    rules = rules or ScoreRules()
    plan = plan_for_year(session, period.year)
    views = indicator_views(session, plan)
    by_seq = {view.seq: view for view in views}
    first = _first_returns(session, views, period)
    rows = tuple(
        _assess_unit(s, by_seq, period, first.get(s.unit_id), calendar, rules)
        for s in submissions(session, plan, period)
    )
    return AssessmentTable(
        attachment="",
        title=f"{plan.title}{period.chinese}牵头单位考核情况表",
        period=period,
        rows=rows,
        rules=rules,
        calendar=calendar,
    )
