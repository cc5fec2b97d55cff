"""Plans: reading a plan description and storing it as indicators, units and targets."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence

from sqlmodel import Session, select

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.fields import SourceKind
from kpi_desktop.domain.plan import PlanFormatError, PlanSpec, TargetSpec, plan_from_mapping
from kpi_desktop.domain.targets import propose_targets
from kpi_desktop.services.resources import resource
from kpi_desktop.storage.models import (
    Indicator,
    IndicatorUnit,
    LeadUnit,
    Plan,
    Progress,
    Target,
    UnitAlias,
    utcnow,
)

BUILTIN_PLAN = "2024-qiantang.toml"


def load_builtin_plan() -> PlanSpec:
    """The 2024 Qiantang plan with its first-quarter progress, as shipped."""
    node = resource("plans", BUILTIN_PLAN)
    try:
        return plan_from_mapping(tomllib.loads(node.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, PlanFormatError, KeyError) as error:
        raise KpiError("plan.bad_resource", path=str(node), detail=str(error)) from error


class UnitDirectory:
    """Finds a lead unit by its name or any alias, creating units it has not seen."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._by_name: dict[str, LeadUnit] = {u.name: u for u in session.exec(select(LeadUnit))}
        for alias in session.exec(select(UnitAlias)):
            unit = session.get(LeadUnit, alias.unit_id)
            if unit is not None:
                self._by_name[alias.alias] = unit

    def get(self, name: str) -> LeadUnit | None:
        return self._by_name.get(name)

    def names(self) -> list[str]:
        """Every canonical name and alias."""
        return list(self._by_name)

    def ensure(self, name: str, aliases: tuple[str, ...] = ()) -> LeadUnit:
        unit = self._by_name.get(name)
        if unit is None:
            unit = LeadUnit(name=name)
            self._session.add(unit)
            self._session.flush()
            self._by_name[name] = unit
        for alias in aliases:
            if alias not in self._by_name:
                self._session.add(UnitAlias(unit_id=saved_id(unit), alias=alias))
                self._by_name[alias] = unit
        return unit


def saved_id(row: Plan | LeadUnit | Indicator) -> int:
    """The primary key of a row that has been flushed."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has not been saved yet")
    return row.id


def targets_for(
    indicator_id: int, text: str, given: tuple[TargetSpec, ...] | None = None
) -> list[Target]:
    """The targets a new indicator starts with: the ones given, or those proposed from text."""
    if given is not None:
        rows = [(t.label, t.kind, t.value, t.unit, t.base, "", True, "") for t in given]
    else:
        rows = [
            (p.label, p.kind.value, p.value, p.unit, p.base, p.span, False, p.note)
            for p in propose_targets(text)
        ]
    return [
        Target(
            indicator_id=indicator_id,
            position=i,
            label=label,
            kind=kind,
            value=value,
            unit=unit,
            base=base,
            span=span,
            confirmed=confirmed,
            note=note,
        )
        for i, (label, kind, value, unit, base, span, confirmed, note) in enumerate(rows)
    ]


def link_units(
    session: Session, units: UnitDirectory, indicator_id: int, names: Sequence[str]
) -> None:
    """Make `names` the indicator's lead units, in order, each under its canonical unit and
    as written (the links must not exist yet)."""
    for position, written in enumerate(names):
        session.add(
            IndicatorUnit(
                indicator_id=indicator_id,
                position=position,
                unit_id=saved_id(units.ensure(written)),
                written_name=written,
            )
        )


def install_plan(session: Session, spec: PlanSpec, source: str = SourceKind.BUILTIN) -> Plan:
    """Store `spec` as a new plan with its units, indicators, proposed targets and progress."""
    plan = Plan(
        year=spec.year,
        region=spec.region,
        title=spec.title,
        attachment=spec.attachment,
        tolerance=spec.tolerance,
    )
    session.add(plan)
    session.flush()
    units = UnitDirectory(session)
    for unit_spec in spec.units:
        units.ensure(unit_spec.name, unit_spec.aliases)
    now = utcnow()
    for item in spec.indicators:
        indicator = Indicator(
            plan_id=saved_id(plan), seq=item.seq, text=item.text, category=item.category
        )
        session.add(indicator)
        session.flush()
        indicator_id = saved_id(indicator)
        link_units(session, units, indicator_id, item.lead_units)
        session.add_all(targets_for(indicator_id, item.text, item.targets))
        for code, progress in item.progress.items():
            session.add(
                Progress(
                    indicator_id=indicator_id,
                    period=code,
                    text=progress.text,
                    status=progress.status,
                    as_of_month=progress.as_of_month,
                    problems=progress.problems,
                    next_steps=progress.next_steps,
                    source=source,
                    updated_at=now,
                )
            )
    session.flush()
    return plan


def install_builtin_plan(session: Session) -> None:
    install_plan(session, load_builtin_plan())
