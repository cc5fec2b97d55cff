"""Changing a plan's structure: indicators, their lead units and targets.

Each function works in the caller's transaction and logs what it changes. Removals return a
snapshot from which `restore_*` puts the rows back with their original ids, so an undo after a
removal leaves the database exactly as it was.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.targets import TargetKind
from kpi_desktop.services.closing import ensure_open
from kpi_desktop.services.editing import TYPED, Source, log_change
from kpi_desktop.services.plans import UnitDirectory, link_units, saved_id, targets_for
from kpi_desktop.storage.models import (
    Actual,
    Contribution,
    Indicator,
    IndicatorUnit,
    Instruction,
    Progress,
    Remark,
    Target,
)


class StructureError(KpiError):
    """A structural edit that would break the plan (a 序号 taken twice, no lead unit)."""


def check_indicator(
    text: str, units: Sequence[str], seq: int | None = None, taken: Collection[int] = ()
) -> None:
    """What every indicator needs, asked by the dialogs before they save and by the services
    when they do: its text, at least one lead unit, and a 序号 above 0 that no other
    indicator of the plan holds (`taken`)."""
    if not text.strip():
        raise StructureError("structure.no_text")
    if not any(name.strip() for name in units):
        raise StructureError("structure.no_unit")
    if seq is not None and seq < 1:
        raise StructureError("structure.bad_seq", seq=seq)
    if seq is not None and seq in taken:
        raise StructureError("structure.seq_taken", seq=seq)


def set_lead_units(
    session: Session, indicator_id: int, names: list[str], source: Source = TYPED
) -> None:
    """Replace an indicator's lead units by `names`, in order, as written."""
    cleaned = [n.strip() for n in names if n.strip()]
    if not cleaned:
        raise StructureError("structure.no_unit")
    links = list(
        session.exec(select(IndicatorUnit).where(IndicatorUnit.indicator_id == indicator_id))
    )
    old = [link.written_name for link in sorted(links, key=lambda link: link.position)]
    if old == cleaned:
        return
    for link in links:
        session.delete(link)
    session.flush()
    link_units(session, UnitDirectory(session), indicator_id, cleaned)
    log_change(
        session,
        entity="indicator",
        entity_id=indicator_id,
        field_name="lead_units",
        old=" ".join(old),
        new=" ".join(cleaned),
        source=source,
        indicator_id=indicator_id,
    )
    session.flush()


def add_target(session: Session, indicator_id: int, source: Source = TYPED) -> int:
    """A new, empty target at the end of the indicator's list; returns its id."""
    last = session.exec(
        select(Target.position)
        .where(Target.indicator_id == indicator_id)
        .order_by(col(Target.position).desc())
    ).first()
    target = Target(
        indicator_id=indicator_id,
        position=(last + 1) if last is not None else 0,
        label="",
        kind=TargetKind.COUNT.value,
        confirmed=True,
    )
    session.add(target)
    session.flush()
    log_change(
        session,
        entity="target",
        entity_id=saved_id_any(target),
        field_name="added",
        old=None,
        new=target.position,
        source=source,
        indicator_id=indicator_id,
    )
    return saved_id_any(target)


def saved_id_any(row: Any) -> int:
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has not been saved yet")
    return int(row.id)


def _rows(session: Session, model: type[SQLModel], *where: Any) -> list[dict[str, Any]]:
    return [row.model_dump() for row in session.exec(select(model).where(*where))]


def remove_target(session: Session, target_id: int, source: Source = TYPED) -> dict[str, Any]:
    target = session.get(Target, target_id)
    if target is None:
        raise StructureError("structure.gone")
    snapshot = {
        "target": target.model_dump(),
        "actuals": _rows(session, Actual, Actual.target_id == target_id),
    }
    log_change(
        session,
        entity="target",
        entity_id=target_id,
        field_name="removed",
        old=f"{target.label} {target.value or ''}{target.unit}",
        new=None,
        source=source,
        indicator_id=target.indicator_id,
    )
    session.delete(target)
    session.flush()
    return snapshot


def restore_target(session: Session, snapshot: dict[str, Any]) -> None:
    session.add(Target(**snapshot["target"]))
    session.flush()
    session.add_all(Actual(**row) for row in snapshot["actuals"])
    session.flush()


def _seq_taken(session: Session, plan_id: int, seq: int, other_than: int | None = None) -> bool:
    found = session.exec(
        select(Indicator.id).where(Indicator.plan_id == plan_id, Indicator.seq == seq)
    ).first()
    return found is not None and found != other_than


def add_indicator(
    session: Session,
    plan_id: int,
    seq: int,
    text: str,
    units: list[str],
    source: Source = TYPED,
) -> int:
    check_indicator(text, units, seq, {seq} if _seq_taken(session, plan_id, seq) else ())
    indicator = Indicator(plan_id=plan_id, seq=seq, text=text.strip())
    session.add(indicator)
    session.flush()
    indicator_id = saved_id(indicator)
    set_lead_units(session, indicator_id, units, source)
    session.add_all(targets_for(indicator_id, indicator.text))
    log_change(
        session,
        entity="indicator",
        entity_id=indicator_id,
        field_name="added",
        old=None,
        new=f"{seq} {indicator.text}",
        source=source,
        indicator_id=indicator_id,
    )
    session.flush()
    return indicator_id


def remove_indicator(session: Session, indicator_id: int, source: Source = TYPED) -> dict[str, Any]:
    """Remove an indicator with everything recorded for it; the change log keeps its trace."""
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise StructureError("structure.gone")
    for entry in _rows(session, Progress, Progress.indicator_id == indicator_id):
        ensure_open(session, indicator_id, entry["period"])  # a closed period keeps its rows
    progress_ids = [
        p["id"] for p in _rows(session, Progress, Progress.indicator_id == indicator_id)
    ]
    snapshot = {
        "indicator": indicator.model_dump(),
        "units": _rows(session, IndicatorUnit, IndicatorUnit.indicator_id == indicator_id),
        "targets": _rows(session, Target, Target.indicator_id == indicator_id),
        "progress": _rows(session, Progress, Progress.indicator_id == indicator_id),
        "actuals": _rows(session, Actual, col(Actual.progress_id).in_(progress_ids)),
        "contributions": _rows(
            session, Contribution, col(Contribution.progress_id).in_(progress_ids)
        ),
        "remarks": _rows(session, Remark, Remark.indicator_id == indicator_id),
        "instructions": _rows(session, Instruction, Instruction.indicator_id == indicator_id),
    }
    log_change(
        session,
        entity="indicator",
        entity_id=indicator_id,
        field_name="removed",
        old=f"{indicator.seq} {indicator.text}",
        new=None,
        source=source,
        indicator_id=indicator_id,
    )
    session.delete(indicator)
    session.flush()
    return snapshot


def restore_indicator(session: Session, snapshot: dict[str, Any]) -> None:
    session.add(Indicator(**snapshot["indicator"]))
    session.flush()
    for model, key in ((IndicatorUnit, "units"), (Target, "targets"), (Progress, "progress")):
        session.add_all(model(**row) for row in snapshot[key])
        session.flush()
    session.add_all(Actual(**row) for row in snapshot["actuals"])
    session.add_all(Contribution(**row) for row in snapshot["contributions"])
    session.add_all(Remark(**row) for row in snapshot.get("remarks", ()))
    session.add_all(Instruction(**row) for row in snapshot.get("instructions", ()))
    session.flush()


def renumber(session: Session, indicator_id: int, seq: int, source: Source = TYPED) -> None:
    """Give an indicator a new 序号; the one holding that number moves up to make room."""
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise StructureError("structure.gone")
    if seq < 1:
        raise StructureError("structure.bad_seq", seq=seq)
    old = indicator.seq
    if old == seq:
        return
    siblings = list(
        session.exec(
            select(Indicator)
            .where(Indicator.plan_id == indicator.plan_id, Indicator.id != indicator_id)
            .order_by(col(Indicator.seq))
        )
    )
    # Take the indicator out of the sequence, insert it at `seq`, and number everything from 1
    # in order, so that 序号 stay unique and without gaps.
    ordered = [*siblings]
    ordered.insert(min(seq, len(ordered) + 1) - 1, indicator)
    before = {saved_id(item): (old if item is indicator else item.seq) for item in ordered}
    # Park every number out of the way first: (plan, seq) must be unique after every statement.
    for parked, item in enumerate(ordered, start=1):
        item.seq = -parked
        session.add(item)
    session.flush()
    for number, item in enumerate(ordered, start=1):
        item.seq = number
        session.add(item)
        item_id = saved_id(item)
        if before[item_id] != number:
            log_change(
                session,
                entity="indicator",
                entity_id=item_id,
                field_name="seq",
                old=before[item_id],
                new=number,
                source=source,
                indicator_id=item_id,
            )
    session.flush()
