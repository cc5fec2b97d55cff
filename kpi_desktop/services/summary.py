"""Compiling the summary table (汇总表) of a plan and period, for printing and for Excel.

The table holds what the official attachment prints: 序号, 重点工作, 牵头单位 as each row writes
them, and the period's progress text word for word. Optional columns add 存在问题 / 下步打算,
the status against schedule (序时进度), the leadership's instructions (领导批示) and the
clerk's own note (备注), which is never printed unless she asks for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.notes import printed_instruction
from kpi_desktop.domain.page_format import Layout
from kpi_desktop.domain.periods import Period, PeriodError
from kpi_desktop.domain.schedule import Assessment
from kpi_desktop.domain.status import Status
from kpi_desktop.domain.text import fold
from kpi_desktop.services.noted import PeriodNotes, notes_by_period
from kpi_desktop.services.reads import (
    Source,
    UnitNames,
    calendar_session,
    indicator_views,
    plan_for_year,
    reader_of,
)
from kpi_desktop.services.tracking import standing
from kpi_desktop.services.views import IndicatorView, plan_units
from kpi_desktop.storage.rows import PlanRow

if TYPE_CHECKING:
    from kpi_desktop.storage.models import Plan
    from kpi_desktop.storage.reader import Reader

INSTRUCTIONS_HEADER = "领导批示"
REMARK_HEADER = "备注"
# Relative column widths by header: text columns get the room, short ones what they need.
_WEIGHTS = {
    "序号": 0.9,
    "重点工作": 5.0,
    "牵头单位": 3.1,
    "存在问题": 3.6,
    "下步打算": 3.6,
    "进度状态": 1.5,
    INSTRUCTIONS_HEADER: 4.2,
    REMARK_HEADER: 3.0,
}
_PROGRESS_WEIGHT = 7.4
# Narrow columns keep at least room for their header on one line ("进度状态", "序时推进"), however
# many columns share a portrait page.
_MIN_MM = {"序号": 13.0, "进度状态": 22.0, "牵头单位": 30.0}
CENTRED_COLUMNS = frozenset({"序号", "牵头单位", "进度状态"})
# "1. 筹集… 2. 已完成…": the numbered items of a progress text were lines in the original
# cell; the stored text keeps a space there, which is printed as a line break.
_NUMBERED_ITEM = re.compile(r"[ \t\u3000]+(?=[0-9]{1,2}[.．、](?![0-9]))")


def printed_lines(text: str) -> list[str]:
    """The lines a cell's text starts on the page: its own line feeds, and a new line for
    each numbered item after the first."""
    return _NUMBERED_ITEM.sub("\n", text.replace("\r\n", "\n")).split("\n")


@dataclass(frozen=True)
class SummaryOptions:
    """What the clerk chooses to print."""

    unit: str | None = None  # only the rows this lead unit leads (alone or shared)
    with_problems: bool = False  # 存在问题 and 下步打算 columns
    with_status: bool = False  # a 进度状态 column
    portrait: bool = False  # page orientation, for the printers
    layout: Layout = Layout.OFFICIAL  # GB/T 9704 pages, or the compact ones (PDF only)
    body_size: float | None = None  # the table's text in points; None: the layout's default
    with_instructions: bool = False  # a 领导批示 column: who, when, what, followed up or not
    with_remarks: bool = False  # a 备注 column with the clerk's own notes


@dataclass(frozen=True)
class SummaryRow:
    indicator_id: int
    seq: int
    work: str  # 重点工作
    lead_units: tuple[str, ...]  # as the row writes them (区发展改革委 stays 区发展改革委)
    progress: str  # the period's 进展情况, exactly as stored
    problems: str = ""
    next_steps: str = ""
    assessment: Assessment = field(default_factory=lambda: Assessment(Status.NOT_REPORTED))
    status_set_by_clerk: bool = False
    canonical_units: tuple[str, ...] = ()  # the same units under their canonical names
    target_assessments: tuple[Assessment, ...] = ()  # one per target, in the plan's order
    instructions: tuple[str, ...] = ()  # as printed (domain.notes.printed_instruction)
    remark: str = ""  # the clerk's own note
    done_on: date | None = None  # marked 办结 that day (services.done)

    @property
    def status(self) -> Status:
        return self.assessment.status


@dataclass(frozen=True)
class SummaryTable:
    attachment: str  # "附件2"
    title: str  # "2024年钱塘区政府报告重点工作量化指标一季度进展情况汇总表"
    period: Period
    rows: tuple[SummaryRow, ...]
    options: SummaryOptions = SummaryOptions()

    @property
    def progress_header(self) -> str:
        return f"{self.period.chinese}进展情况"

    def headers(self) -> list[str]:
        names = ["序号", "重点工作", "牵头单位", self.progress_header]
        if self.options.with_problems:
            names += ["存在问题", "下步打算"]
        if self.options.with_status:
            names.append("进度状态")
        if self.options.with_instructions:
            names.append(INSTRUCTIONS_HEADER)
        if self.options.with_remarks:
            names.append(REMARK_HEADER)
        return names

    @property
    def footnote(self) -> str:
        """Nothing is printed under the official table."""
        return ""

    def centred(self, header: str) -> bool:
        return header in CENTRED_COLUMNS

    def column_widths(self, total: float) -> list[float]:
        """Each column's width when the columns share `total` millimetres."""
        headers = self.headers()
        weights = [_WEIGHTS.get(h, _PROGRESS_WEIGHT) for h in headers]
        widths = [total * w / sum(weights) for w in weights]
        fixed = {
            i: _MIN_MM[h] for i, h in enumerate(headers) if h in _MIN_MM and widths[i] < _MIN_MM[h]
        }
        if not fixed:
            return widths
        rest = sum(w for i, w in enumerate(weights) if i not in fixed)
        room = total - sum(fixed.values())
        return [fixed.get(i, room * w / rest) for i, w in enumerate(weights)]

    def cells(self, row: SummaryRow) -> list[str]:
        """A row's cells as printed; several lead units go one to a line."""
        progress = row.progress
        if row.done_on is not None:
            from kpi_desktop.services.done import done_mark

            progress = (
                f"{progress}\n{done_mark(row.done_on)}" if progress else done_mark(row.done_on)
            )
        values = [str(row.seq), row.work, "\n".join(row.lead_units), progress]
        if self.options.with_problems:
            values += [row.problems, row.next_steps]
        if self.options.with_status:
            values.append(row.status.chinese)
        if self.options.with_instructions:
            values.append("\n".join(row.instructions))
        if self.options.with_remarks:
            values.append(row.remark)
        return values


def _assessment(
    view: IndicatorView, period: Period, tolerance: float | None
) -> tuple[Assessment, bool, tuple[Assessment, ...]]:
    """The row's standing, whether the clerk set it, and each target's standing."""
    found = standing(view, period.code, tolerance)
    per_target = tuple(row.assessment for row in found.targets)
    if found.status is Status.NOT_REPORTED:
        per_target = tuple(found.overall for _ in view.targets)
    return found.overall, found.chosen_by_clerk, per_target


def _leads(view: IndicatorView, unit_id: int, directory: UnitNames) -> bool:
    return any(link.unit_id == unit_id for link in view.units) or any(
        (found := directory.get(name)) is not None and found.id == unit_id
        for name in view.lead_units
    )


def period_of(period: Period | str) -> Period:
    """A period from its code as the clerk typed it; refused with a message if unknown."""
    if isinstance(period, Period):
        return period
    try:
        return Period.parse(period)
    except PeriodError as error:
        refusal = KpiError("period.unknown")
        # The message names its parameter `code`, which the constructor takes itself.
        refusal.params = {"code": period}
        raise refusal from error


def summary_title(plan: PlanRow | Plan, period: Period) -> str:
    """The table's title, as "2024年钱塘区政府报告重点工作量化指标一季度进展情况汇总表"."""
    return f"{plan.title}{period.chinese}进展情况汇总表"


def _done_by_period_end(reader: Reader, plan: PlanRow, period: Period) -> dict[int, date]:
    """Indicator id -> the day it was marked 办结, for those done by the period's last day
    (the calendar reads through sqlmodel: services.reads.calendar_session)."""
    session = calendar_session(reader)
    if session is None:
        return {}
    from kpi_desktop.services.done import done_indicators, period_end

    end = period_end(period)
    return {i: day for i, day in done_indicators(session, plan).items() if day <= end}  # type: ignore[arg-type]


def compile_summary(
    source: Source, period: Period | str, options: SummaryOptions = SummaryOptions()
) -> SummaryTable:
    """The summary table of the plan of `period`'s year, in 序号 order."""
    period = period_of(period)
    reader = reader_of(source)
    plan = plan_for_year(reader, period.year)
    views = indicator_views(reader, plan)
    if options.unit is not None:
        directory = UnitNames(reader)
        unit = directory.get(options.unit.strip())
        if unit is None:  # a name typed with stray spaces or full-width characters
            unit = next(
                (
                    directory.get(name)
                    for view in views
                    for name in view.lead_units
                    if fold(name) == fold(options.unit)
                ),
                None,
            )
        if unit is None or unit.id is None:
            known = plan_units(views)
            raise KpiError("unit.unknown", name=options.unit, known="、".join(known))
        views = [view for view in views if _leads(view, unit.id, directory)]
    noted = (
        notes_by_period(reader, [view.id for view in views], period.code)
        if options.with_instructions or options.with_remarks
        else {}
    )
    rows = []
    done = _done_by_period_end(reader, plan, period)
    for view in views:
        entry = view.progress.get(period.code)
        notes = noted.get((view.id, period.code), PeriodNotes())
        assessment, by_clerk, per_target = _assessment(view, period, plan.tolerance)
        rows.append(
            SummaryRow(
                indicator_id=view.id,
                seq=view.seq,
                work=view.text,
                lead_units=tuple(view.lead_units),
                progress=entry.text if entry is not None else "",
                problems=entry.problems if entry is not None else "",
                next_steps=entry.next_steps if entry is not None else "",
                assessment=assessment,
                status_set_by_clerk=by_clerk,
                canonical_units=tuple(view.canonical_units),
                target_assessments=per_target,
                instructions=tuple(
                    printed_instruction(i.leader, i.given_on, i.text, i.follow_up)
                    for i in notes.instructions
                ),
                remark=notes.remark,
                done_on=done.get(view.id),
            )
        )
    return SummaryTable(
        attachment=plan.attachment,
        title=summary_title(plan, period),
        period=period,
        rows=tuple(rows),
        options=options,
    )
