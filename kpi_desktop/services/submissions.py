"""Who has answered: per lead unit, the rows that came back for a period, and the chase list.

A row counts as returned for a unit when an import stored that unit's contribution for the
indicator in the period (services.importing stores one for every row a return speaks for).
Values typed by the clerk or shipped with the built-in plan are not returns.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from kpi_desktop.domain.periods import Period
from kpi_desktop.services.queries import indicator_views
from kpi_desktop.storage.models import Contribution, LeadUnit, Plan


@dataclass(frozen=True)
class UnitSubmission:
    """One lead unit's answer for a period."""

    unit: str  # canonical name
    unit_id: int
    indicators: tuple[int, ...]  # 序号 of the rows it leads (shared ones included)
    returned: tuple[int, ...]  # 序号 of the rows that came back
    last_received: datetime | None
    files: tuple[str, ...]  # the files its rows came from, oldest first

    @property
    def missing(self) -> tuple[int, ...]:
        return tuple(seq for seq in self.indicators if seq not in self.returned)

    @property
    def answered(self) -> bool:
        return bool(self.returned)

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class ChaseItem:
    """A unit to chase (催报) and the rows still missing from it."""

    unit: str
    answered: bool  # True when some rows came back but not all
    rows: tuple[tuple[int, str], ...]  # (序号, 重点工作)


def submissions(session: Session, plan: Plan, period: Period) -> list[UnitSubmission]:
    """Every lead unit of `plan`, in the order the plan first names it."""
    views = indicator_views(session, plan)
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
            )
        )
    return result


def chase_list(session: Session, plan: Plan, period: Period) -> list[ChaseItem]:
    """The units with rows still missing for `period`, and those rows."""
    texts = {view.seq: view.text for view in indicator_views(session, plan)}
    return [
        ChaseItem(s.unit, s.answered, tuple((seq, texts[seq]) for seq in s.missing))
        for s in submissions(session, plan, period)
        if s.missing
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
