"""Who has answered: per lead unit, the rows that came back for a period, and the chase list.

The words mean one thing each, everywhere in the program:
- 已报送 (returned): an import stored that unit's contribution for the indicator in the period
  (services.importing stores one for every row a return speaks for);
- 已填写 (written without a return): the row has its progress text from elsewhere — typed by
  the clerk, or shipped with the built-in plan — for a shared indicator only when that text is
  not another unit's import;
- 未报送 (outstanding): neither. Only these rows are chased (催报), and a unit is 未报送 only
  when it has such rows and returned nothing;
- 待填报 (domain.status, the tree and the table) is an indicator with no progress text at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlmodel import Session, col, select

from kpi_desktop.domain.fields import SourceKind
from kpi_desktop.domain.periods import Period
from kpi_desktop.services.queries import indicator_views
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.models import Contribution, LeadUnit, Plan


class Answer(StrEnum):
    """Where a lead unit stands for a period (see the module's words)."""

    RETURNED = "returned"  # 已报送: every row it leads came back, or is written otherwise
    PARTLY = "partly"  # 部分未报: some rows outstanding, some returned or written
    WRITTEN = "written"  # 已填写: nothing returned, but every row has its text
    NONE = "none"  # 未报送: nothing returned, rows outstanding


@dataclass(frozen=True)
class UnitSubmission:
    """One lead unit's answer for a period."""

    unit: str  # canonical name
    unit_id: int
    indicators: tuple[int, ...]  # 序号 of the rows it leads (shared ones included)
    returned: tuple[int, ...]  # 序号 of the rows that came back
    last_received: datetime | None
    files: tuple[str, ...]  # the files its rows came from, oldest first
    written: tuple[int, ...] = ()  # 序号 of rows not returned that have their text otherwise

    @property
    def missing(self) -> tuple[int, ...]:
        """Rows that did not come back in a return (some may be written otherwise)."""
        return tuple(seq for seq in self.indicators if seq not in self.returned)

    @property
    def outstanding(self) -> tuple[int, ...]:
        """Rows neither returned nor written: what the unit is chased for."""
        return tuple(seq for seq in self.missing if seq not in self.written)

    @property
    def answered(self) -> bool:
        return bool(self.returned)

    @property
    def answer(self) -> Answer:
        if not self.outstanding:
            return Answer.RETURNED if self.returned else Answer.WRITTEN
        return Answer.PARTLY if len(self.outstanding) < len(self.indicators) else Answer.NONE

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class ChaseItem:
    """A unit to chase (催报) and the rows still missing from it."""

    unit: str
    answered: bool  # True when some of its rows are returned or written, not all
    rows: tuple[tuple[int, str], ...]  # (序号, 重点工作)


def submissions(
    session: Session, plan: Plan, period: Period, views: Sequence[IndicatorView] | None = None
) -> list[UnitSubmission]:
    """Every lead unit of `plan`, in the order the plan first names it, with the rows asked
    for in `period` (an indicator marked 办结 by then is not: services.done). `views` are
    the plan's indicators where the caller has them already."""
    from kpi_desktop.services.done import asked_views

    if views is None:
        views = indicator_views(session, plan)
    views = asked_views(session, plan, period, views)
    order: list[int] = []
    leads: dict[int, list[int]] = {}
    for view in views:
        for link in view.units:
            if link.unit_id not in leads:
                order.append(link.unit_id)
                leads[link.unit_id] = []
            if view.seq not in leads[link.unit_id]:
                leads[link.unit_id].append(view.seq)
    entries = {
        entry.id: view.seq
        for view in views
        if (entry := view.progress.get(period.code)) is not None
    }
    returned: dict[int, dict[int, Contribution]] = {uid: {} for uid in order}
    if entries:
        for contribution in session.exec(
            select(Contribution).where(col(Contribution.progress_id).in_(list(entries)))
        ):
            seq = entries[contribution.progress_id]
            if contribution.unit_id in returned and seq in leads[contribution.unit_id]:
                returned[contribution.unit_id][seq] = contribution
    names = {u.id: u.name for u in session.exec(select(LeadUnit))}
    by_seq = {view.seq: view for view in views}
    result = []
    for unit_id in order:
        got = returned[unit_id]
        received = sorted(got.values(), key=lambda c: c.received_at)
        files: list[str] = []
        for contribution in received:
            if contribution.source_file and contribution.source_file not in files:
                files.append(contribution.source_file)
        result.append(
            UnitSubmission(
                unit=names[unit_id],
                unit_id=unit_id,
                indicators=tuple(leads[unit_id]),
                returned=tuple(seq for seq in leads[unit_id] if seq in got),
                last_received=received[-1].received_at if received else None,
                files=tuple(files),
                written=tuple(
                    seq
                    for seq in leads[unit_id]
                    if seq not in got and _written(by_seq[seq], period.code)
                ),
            )
        )
    return result


def _written(view: IndicatorView, period: str) -> bool:
    """Whether the row has its progress text without a return of the unit asked about: any
    text of a single-unit row, and for a shared row a text not made of imports."""
    entry = view.progress.get(period)
    if entry is None or not entry.text.strip():
        return False
    shared = len({link.unit_id for link in view.units}) > 1
    return not shared or entry.source != SourceKind.IMPORTED


def chase_list(session: Session, plan: Plan, period: Period) -> list[ChaseItem]:
    """The units with rows outstanding for `period` (neither returned nor written), and those
    rows."""
    texts = {view.seq: view.text for view in indicator_views(session, plan)}
    return [
        ChaseItem(
            s.unit,
            s.answer is Answer.PARTLY,
            tuple((seq, texts[seq]) for seq in s.outstanding),
        )
        for s in submissions(session, plan, period)
        if s.outstanding
    ]


def chase_text(items: list[ChaseItem], period: Period, year_title: str = "") -> str:
    """The chase list as text the clerk can paste into a message or a notice."""
    heading = f"{year_title}{period.chinese}进展情况催报名单（{len(items)} 个单位）"
    lines = [heading]
    for number, item in enumerate(items, start=1):
        state = "部分未报" if item.answered else "未报送"
        lines.append(f"{number}. {item.unit}（{state}，{len(item.rows)} 项）")
        for seq, text in item.rows:
            lines.append(f"    {seq}. {text}")
    return "\n".join(lines) + "\n"


def chase_csv(items: list[ChaseItem]) -> str:
    """The chase list as CSV (one line per missing row), with a BOM so Excel reads UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["牵头单位", "状态", "序号", "重点工作"])
    for item in items:
        state = "部分未报" if item.answered else "未报送"
        for seq, text in item.rows:
            writer.writerow([item.unit, state, seq, text])
    return "\ufeff" + buffer.getvalue()
