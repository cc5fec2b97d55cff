"""A new year's plan from an official table (序号 / 重点工作 / 牵头单位).

The table is found the way returns are (any sheet, any row, loose header names); progress
columns are ignored. Lead units and their aliases are shared by all years, so the new plan's
rows name the same units, and a name known as an alias keeps pointing at its unit. Plan
region, title wording and attachment mark follow the latest plan in the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from kpi_desktop.domain.columns import Role
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.plan import IndicatorSpec, PlanSpec, UnitSpec
from kpi_desktop.domain.text import file_label, fold, split_units
from kpi_desktop.services.plans import install_plan
from kpi_desktop.services.queries import plans
from kpi_desktop.services.returns import (
    DEFAULT_LIMITS,
    ColumnChoice,
    Limits,
    ReturnRow,
    read_return,
)
from kpi_desktop.storage.backup import make_backup
from kpi_desktop.storage.engine import Database
from kpi_desktop.storage.models import LeadUnit, UnitAlias


@dataclass(frozen=True)
class NewPlan:
    year: int
    title: str
    indicators: int
    new_units: tuple[str, ...]
    backup: Path | None


def _known_units(session: Session) -> tuple[UnitSpec, ...]:
    aliases: dict[int, list[str]] = {}
    for alias in session.exec(select(UnitAlias)):
        aliases.setdefault(alias.unit_id, []).append(alias.alias)
    return tuple(
        UnitSpec(unit.name, tuple(aliases.get(unit.id or 0, ())))
        for unit in session.exec(select(LeadUnit).order_by(col(LeadUnit.id)))
    )


def plan_spec_from_table(
    session: Session,
    path: Path | str,
    year: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    choice: ColumnChoice | None = None,
    level: int | None = None,
) -> PlanSpec:
    """The plan an official table describes, checked; nothing is stored.

    Items are numbered as the table numbers them where that gives each its own whole number
    (1, 1.0, "１", 三, （一）); a table with sub-items (1.1, 4-1), repeated or missing numbers
    is numbered 1, 2, 3… in its order. A table without a lead-unit column gives indicators
    without lead units (the checks list them for the clerk to fill in); a table that has the
    column must fill it for every row."""
    path = Path(path)
    file = file_label(path)
    table = read_return(path, limits, need_progress=False, choice=choice, level=level)
    year = year or table.year
    if year is None:
        raise KpiError("plan.table_no_year", file=file)
    existing = plans(session)
    if any(p.year == year for p in existing):
        raise KpiError("plan.exists", year=year)
    has_units = Role.UNITS in table.layout
    items: list[tuple[ReturnRow, tuple[str, ...]]] = []
    first_row: dict[str, tuple[int, str]] = {}
    for row in table.data_rows():
        if row.seq is None and not row.label and row.seq_cell:
            raise KpiError(
                "plan.table_no_seq", file=file, sheet=row.sheet, row=row.row, cell=row.seq_cell
            )
        key = fold(row.label) if row.label else ""
        if key and key in first_row:
            first, text = first_row[key]
            if text != fold(row.text):
                raise KpiError(
                    "return.seq_repeated",
                    file=file,
                    sheet=row.sheet,
                    row=row.row,
                    seq=row.label,
                    first=first,
                )
            continue  # the header repeated at a page break brought the row along twice
        if key:
            first_row[key] = (row.row, fold(row.text))
        units = tuple(split_units(row.units))
        if has_units and not units:
            raise KpiError(
                "plan.table_no_units", file=file, sheet=row.sheet, row=row.row, seq=row.label
            )
        if not row.text.strip():
            raise KpiError(
                "plan.table_no_text", file=file, sheet=row.sheet, row=row.row, seq=row.label
            )
        items.append((row, units))
    if not items:
        raise KpiError("plan.table_empty", file=file)
    numbers = [row.seq for row, _units in items]
    own = all(n is not None for n in numbers) and len(set(numbers)) == len(numbers)
    indicators = [
        IndicatorSpec(
            seq=(row.seq or 0) if own else index,
            text=row.text.strip(),
            lead_units=units,
            category=row.category.strip() or None,
        )
        for index, (row, units) in enumerate(items, start=1)
    ]
    latest = existing[-1] if existing else None
    region = latest.region if latest else ""
    if not region:
        found = re.search(r"\d{4}\s*年(\S+?[区县市])", table.title)
        region = found.group(1) if found else "本地"
    if latest is not None and str(latest.year) in latest.title:
        title = latest.title.replace(str(latest.year), str(year))
    else:
        title = f"{year}年{region}政府报告重点工作量化指标"
    return PlanSpec(
        year=year,
        region=region,
        title=title,
        attachment=latest.attachment if latest else "附件",
        units=_known_units(session),
        indicators=tuple(sorted(indicators, key=lambda i: i.seq)),
    )


def create_plan_from_table(
    database: Database,
    path: Path | str,
    year: int | None = None,
    *,
    choice: ColumnChoice | None = None,
) -> NewPlan:
    """Store the plan of an official table, after a backup copy of the database."""
    with database.read() as session:
        spec = plan_spec_from_table(session, path, year, choice=choice)
        before = {u.name for u in session.exec(select(LeadUnit))}
    backup = make_backup(database.file, "before-new-plan") if database.is_sqlite else None
    with database.transaction() as session:
        install_plan(session, spec, source="table")
        after = [u.name for u in session.exec(select(LeadUnit).order_by(col(LeadUnit.id)))]
    return NewPlan(
        year=spec.year,
        title=spec.title,
        indicators=len(spec.indicators),
        new_units=tuple(n for n in after if n not in before),
        backup=backup,
    )
