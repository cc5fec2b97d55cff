"""The quarterly bulletin (通报) draft: every figure from the database, the wording from a
plain-text template the clerk can copy and change.

A bulletin follows one formula: the basis and the method; "N项指标中，已完成X项、超序时Y项、
序时推进Z项、滞后W项" with their shares and what 序时 means; the lagging indicators by name,
with their units and how far behind; the indicators without a comparable figure, kept apart
from the lagging ones; who has not reported; then the problems and the next steps, which only
the office can write (the draft leaves marked places for them), and the attachment line.

Each indicator's status is the one the window and the printed table show
(services.tracking.standing); nothing here decides a status. The fields the template may use
are listed, with their meaning, at the top of the built-in template
(resources/bulletin/template.txt), and `FIELDS` below is checked against it by the tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

from sqlmodel import Session

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.figures import placeholder
from kpi_desktop.domain.kinds import TargetKind
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.schedule import AHEAD_MARGIN, DEFAULT_TOLERANCE
from kpi_desktop.domain.status import Status
from kpi_desktop.services.bulletin_template import VARIANT, Item, Template, Value
from kpi_desktop.services.queries import indicator_views, plan_for_year
from kpi_desktop.services.resources import resource
from kpi_desktop.services.submissions import submissions
from kpi_desktop.services.summary import period_of, summary_title
from kpi_desktop.services.tracking import Standing, TargetStanding, standing

TEMPLATE_NAME = "template.txt"  # in resources/bulletin/
ROOT_SECTION = "通报"
# The statuses counted in the formula sentence, in its order.
COUNTED = (Status.DONE, Status.AHEAD, Status.ON_SCHEDULE, Status.BEHIND)
_CHINESE_NUMBERS = "一二三四五六七八九十"


class Part(StrEnum):
    """What a paragraph of the draft is, for its font and alignment."""

    TITLE = "title"  # 2号方正小标宋简体, centred
    ADDRESSEE = "addressee"  # 主送机关, flush left
    BODY = "body"  # 3号仿宋_GB2312, two characters in; 一、 and （一） headings by their shape
    ATTACHMENT = "attachment"  # 附件说明, two characters in
    SIGNATURE = "signature"  # 发文机关署名, right
    DATE = "date"  # 成文日期, right


# "@标题 …" at the start of a template line marks the paragraph's part; other lines are body.
MARKS = {
    "@标题": Part.TITLE,
    "@主送": Part.ADDRESSEE,
    "@附件": Part.ATTACHMENT,
    "@署名": Part.SIGNATURE,
    "@日期": Part.DATE,
}


@dataclass(frozen=True)
class Paragraph:
    part: Part
    text: str


@dataclass(frozen=True)
class LaggingTarget:
    target: TargetStanding
    level: bool  # a growth rate or share, compared with its target value


@dataclass(frozen=True)
class Entry:
    """One indicator in the bulletin."""

    seq: int
    text: str
    units: tuple[str, ...]  # canonical names
    standing: Standing
    progress: str  # the period's progress text

    @property
    def name(self) -> str:
        return self.text.rstrip("。；;.， ")


@dataclass(frozen=True)
class UnitReport:
    """A lead unit's rows without a report for the period."""

    unit: str
    missing: tuple[int, ...]
    reported: int  # rows of the unit that do have a report


@dataclass(frozen=True)
class LateUnit:
    unit: str
    received: date
    days: int


@dataclass(frozen=True)
class BulletinFacts:
    plan_title: str
    attachment: str  # "附件2"
    summary_title: str  # the attachment's title
    period: Period
    entries: tuple[Entry, ...]
    not_reported_units: tuple[UnitReport, ...]
    late_units: tuple[LateUnit, ...]
    due: date | None
    unit_count: int
    tolerance: float = DEFAULT_TOLERANCE  # the plan's 基本序时 band

    def with_status(self, status: Status) -> list[Entry]:
        return [e for e in self.entries if e.standing.status is status]

    def count(self, status: Status) -> int:
        return len(self.with_status(status))


@dataclass(frozen=True)
class Bulletin:
    facts: BulletinFacts
    paragraphs: tuple[Paragraph, ...]

    @property
    def title(self) -> str:
        return next((p.text for p in self.paragraphs if p.part is Part.TITLE), "")


# --- the facts --------------------------------------------------------------------------


def _local_date(moment: datetime) -> date:
    if moment.tzinfo is None:  # stored in UTC; SQLite gives it back without its zone
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()


def bulletin_facts(
    session: Session, period: Period | str, due: date | None = None
) -> BulletinFacts:
    """What the bulletin of `period` says, from the database. `due` is the day returns were
    due: units whose latest return came after it are listed as late."""
    period = period_of(period)
    plan = plan_for_year(session, period.year)
    views = {view.seq: view for view in indicator_views(session, plan)}
    entries = tuple(
        Entry(
            seq=view.seq,
            text=view.text,
            units=tuple(view.canonical_units),
            standing=standing(view, period.code),
            progress=entry.text if (entry := view.progress.get(period.code)) else "",
        )
        for view in views.values()
    )
    answers = submissions(session, plan, period)
    missing = []
    for answer in answers:
        rows = answer.outstanding  # neither returned nor written (services.submissions)
        if rows:
            missing.append(UnitReport(answer.unit, tuple(rows), len(answer.indicators) - len(rows)))
    late = []
    if due is not None:
        for answer in answers:
            if answer.last_received is None:
                continue
            received = _local_date(answer.last_received)
            if received > due:
                late.append(LateUnit(answer.unit, received, (received - due).days))
    return BulletinFacts(
        plan_title=plan.title,
        attachment=plan.attachment,
        summary_title=summary_title(plan, period),
        period=period,
        entries=entries,
        not_reported_units=tuple(missing),
        late_units=tuple(late),
        due=due,
        unit_count=len(answers),
        tolerance=DEFAULT_TOLERANCE if plan.tolerance is None else plan.tolerance,
    )


# --- the fields -------------------------------------------------------------------------


def _number(value: float) -> str:
    """A figure as a report writes it: no trailing zeros, at most two decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _percent(share: float) -> str:
    return f"{_number(round(share * 100, 1))}%"


def _share(count: int, total: int) -> str:
    return _percent(count / total) if total else "0%"


def _month_end(month: int) -> str:
    return f"{month}月底"


def _date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _seqs(seqs: Sequence[int]) -> str:
    return "、".join(str(seq) for seq in seqs)


def _entry_fields(entry: Entry) -> dict[str, Value]:
    return {
        "序号": str(entry.seq),
        "指标": entry.name,
        "重点工作": entry.text,
        "牵头单位": "、".join(entry.units),
        "进展情况": entry.progress,
    }


def _target_fields(found: TargetStanding, period: Period) -> dict[str, Value]:
    target = found.target
    assessment = found.assessment
    completion = assessment.completion or 0.0
    month = assessment.as_of_month or period.end_month
    level = TargetKind(target.kind) in (TargetKind.GROWTH, TargetKind.SHARE)
    target_value = target.value or 0.0
    if level:
        # How far the rate achieved stays from the target rate, in points of the target's unit.
        gap = abs(round(target_value, 2) - round(completion * target_value, 2))
    else:
        # The difference of the two shares as the sentence shows them, rounded alike.
        gap = round((assessment.expected or 0.0) * 100, 1) - round(completion * 100, 1)
    return {
        VARIANT: "比率" if level else "",
        "目标": target.label,
        "目标值": f"{_number(target_value)}{target.unit}",
        "实际值": f"{_number(found.value or 0.0)}{found.unit}",
        "完成率": _percent(completion),
        "序时进度": _percent(assessment.expected or 0.0),
        "差距": _number(round(max(gap, 0.0), 1)),
        "数据截至": _month_end(month),
    }


def _lagging(facts: BulletinFacts) -> list[Item]:
    """The lagging indicators by their lead units (a shared one under its units together), in
    the plan's order."""
    groups: dict[tuple[str, ...], list[Entry]] = {}
    for entry in facts.with_status(Status.BEHIND):
        groups.setdefault(entry.units, []).append(entry)
    items: list[Item] = []
    for number, (units, entries) in enumerate(groups.items()):
        rows: list[Item] = []
        for index, entry in enumerate(entries, start=1):
            behind = [
                _target_fields(t, facts.period)
                for t in entry.standing.targets
                if t.assessment.status is Status.BEHIND and t.assessment.completion is not None
            ]
            fields = _entry_fields(entry) | {"序": str(index), "滞后目标": behind}
            if not behind:  # the office marked it 滞后 itself: no figure to quote
                fields[VARIANT] = "认定"
            rows.append(fields)
        items.append(
            {
                "编号": _CHINESE_NUMBERS[number] if number < 10 else str(number + 1),
                "单位": "、".join(units),
                "项数": str(len(entries)),
                "滞后指标": rows,
            }
        )
    return items


def fields(facts: BulletinFacts) -> dict[str, Value]:
    """Every field a template may use (see the built-in template for their meaning)."""
    period = facts.period
    total = len(facts.entries)
    no_figure = facts.with_status(Status.NO_FIGURE)
    awaiting = [e for e in no_figure if placeholder(e.progress) is not None]
    without = [e for e in no_figure if placeholder(e.progress) is None]
    values: dict[str, Value] = {
        "年度": str(period.year),
        "期间": period.chinese,
        "计划名称": facts.plan_title,
        "附件标记": facts.attachment,
        "汇总表名称": facts.summary_title,
        "指标总数": str(total),
        "牵头单位数": str(facts.unit_count),
        "序时进度": _percent(period.elapsed_share()),
        # Below this share of the year's target a row is 滞后; between it and the pace it is
        # 基本序时 and counts as 序时推进 (domain.schedule).
        "滞后界限": _percent(period.elapsed_share() * (1 - facts.tolerance)),
        "基本序时幅度": _number(facts.tolerance * 100),
        "超序时幅度": _number(AHEAD_MARGIN * 100),
        "已填报数": str(total - facts.count(Status.NOT_REPORTED)),
        "暂无数据数": str(len(no_figure)),
        "暂无数据占比": _share(len(no_figure), total),
        "待发布数": str(len(awaiting)),
        "无可比数值数": str(len(without)),
        "待填报数": str(facts.count(Status.NOT_REPORTED)),
        "待填报占比": _share(facts.count(Status.NOT_REPORTED), total),
        "未报送单位数": str(len(facts.not_reported_units)),
        "逾期单位数": str(len(facts.late_units)),
        "截止日期": _date(facts.due) if facts.due else "",
        "已完成指标": [_entry_fields(e) for e in facts.with_status(Status.DONE)],
        "超序时指标": [_entry_fields(e) for e in facts.with_status(Status.AHEAD)],
        "序时推进指标": [_entry_fields(e) for e in facts.with_status(Status.ON_SCHEDULE)],
        "滞后单位": _lagging(facts),
        "待发布数据指标": [
            _entry_fields(e) | {"说明": placeholder(e.progress) or ""} for e in awaiting
        ],
        "暂无数据指标": [_entry_fields(e) for e in no_figure],
        "无可比数值指标": [_entry_fields(e) for e in without],
        "待填报指标": [_entry_fields(e) for e in facts.with_status(Status.NOT_REPORTED)],
        "未报送单位": [
            {
                VARIANT: "部分" if unit.reported else "",
                "单位": unit.unit,
                "未报项数": str(len(unit.missing)),
                "已报项数": str(unit.reported),
                "未报序号": _seqs(unit.missing),
            }
            for unit in facts.not_reported_units
        ],
        "逾期单位": [
            {"单位": late.unit, "报送日期": _date(late.received), "逾期天数": str(late.days)}
            for late in facts.late_units
        ],
    }
    for status, name in (
        (Status.DONE, "已完成"),
        (Status.AHEAD, "超序时"),
        (Status.ON_SCHEDULE, "序时推进"),
        (Status.BEHIND, "滞后"),
    ):
        values[f"{name}数"] = str(facts.count(status))
        values[f"{name}占比"] = _share(facts.count(status), total)
    return values


# --- the template -----------------------------------------------------------------------


def builtin_template_text() -> str:
    return resource("bulletin", TEMPLATE_NAME).read_text(encoding="utf-8")


def load_template(path: Path | str | None = None) -> Template:
    """The clerk's own template at `path`, or the built-in one."""
    if path is None:
        return Template.parse(builtin_template_text(), TEMPLATE_NAME)
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise KpiError("bulletin.template_not_found", file=str(source)) from error
    except UnicodeDecodeError as error:
        raise KpiError("bulletin.template_encoding", file=str(source)) from error
    except OSError as error:
        raise KpiError(
            "bulletin.template_unreadable", file=str(source), detail=str(error)
        ) from error
    return Template.parse(text, str(source))


def _paragraph(line: str) -> Paragraph:
    for mark, part in MARKS.items():
        if line.startswith(mark):
            return Paragraph(part, line[len(mark) :].strip())
    return Paragraph(Part.BODY, line.strip())


def draft_bulletin(
    session: Session,
    period: Period | str,
    template: Template | None = None,
    due: date | None = None,
) -> Bulletin:
    """The bulletin of `period` in the words of `template` (the built-in one by default)."""
    facts = bulletin_facts(session, period, due)
    chosen = template if template is not None else load_template()
    lines = chosen.render(ROOT_SECTION, fields(facts))
    return Bulletin(facts, tuple(_paragraph(line) for line in lines))
