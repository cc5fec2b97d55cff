"""Compiling the summary table (汇总表) of a plan and period, for printing and for Excel.

The table holds what the official attachment prints: 序号, 重点工作, 牵头单位 as each row writes
them, and the period's progress text word for word. Optional columns add 存在问题 / 下步打算
and the status against schedule (序时进度).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period, PeriodError
from kpi_desktop.domain.schedule import Assessment
from kpi_desktop.domain.status import Status
from kpi_desktop.domain.text import fold
from kpi_desktop.services.plans import UnitDirectory
from kpi_desktop.services.queries import indicator_views, plan_for_year
from kpi_desktop.services.tracking import standing
from kpi_desktop.services.views import IndicatorView


@dataclass(frozen=True)
class SummaryOptions:
    """What the clerk chooses to print."""

    unit: str | None = None  # only the rows this lead unit leads (alone or shared)
    with_problems: bool = False  # 存在问题 and 下步打算 columns
    with_status: bool = False  # a 进度状态 column
    portrait: bool = False  # page orientation, for the printers


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
        return names

    def cells(self, row: SummaryRow) -> list[str]:
        """A row's cells as printed; several lead units go one to a line."""
        values = [str(row.seq), row.work, "\n".join(row.lead_units), row.progress]
        if self.options.with_problems:
            values += [row.problems, row.next_steps]
        if self.options.with_status:
            values.append(row.status.chinese)
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


def _leads(view: IndicatorView, unit_id: int, directory: UnitDirectory) -> bool:
    return any(link.unit_id == unit_id for link in view.units) or any(
        (found := directory.get(name)) is not None and found.id == unit_id
        for name in view.lead_units
    )


def compile_summary(
    session: Session, period: Period | str, options: SummaryOptions = SummaryOptions()
) -> SummaryTable:
    """The summary table of the plan of `period`'s year, in 序号 order."""
    if isinstance(period, str):
        try:
            period = Period.parse(period)
        except PeriodError as error:
            refusal = KpiError("period.unknown")
            # The message names its parameter `code`, which the constructor takes itself.
            refusal.params = {"code": period}
            raise refusal from error
    plan = plan_for_year(session, period.year)
    views = indicator_views(session, plan)
    if options.unit is not None:
        directory = UnitDirectory(session)
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
            known = sorted({name for view in views for name in view.canonical_units})
            raise KpiError("unit.unknown", name=options.unit, known="、".join(known))
        views = [view for view in views if _leads(view, unit.id, directory)]
    rows = []
    for view in views:
        entry = view.progress.get(period.code)
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
            )
        )
    return SummaryTable(
        attachment=plan.attachment,
        title=f"{plan.title}{period.chinese}进展情况汇总表",
        period=period,
        rows=tuple(rows),
        options=options,
    )
