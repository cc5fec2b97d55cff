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

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.plan import IndicatorSpec, PlanSpec, UnitSpec
from kpi_desktop.domain.text import file_label, fold, split_units
from kpi_desktop.services.plans import install_plan
from kpi_desktop.services.queries import plans
from kpi_desktop.services.returns import DEFAULT_LIMITS, Limits, read_return
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
    session: Session, path: Path | str, year: int | None = None, limits: Limits = DEFAULT_LIMITS
) -> PlanSpec:
    """The plan an official table describes, checked; nothing is stored."""
    path = Path(path)
    file = file_label(path)
    table = read_return(path, limits, need_progress=False)
    year = year or table.year
    if year is None:
        raise KpiError("plan.table_no_year", file=file)
    existing = plans(session)
    if any(p.year == year for p in existing):
        raise KpiError("plan.exists", year=year)
    indicators: list[IndicatorSpec] = []
    first_row: dict[int, tuple[int, str]] = {}
    for row in table.data_rows():
        if row.seq is None:
            raise KpiError(
                "plan.table_no_seq", file=file, sheet=row.sheet, row=row.row, cell=row.seq_cell
            )
        if row.seq in first_row:
            first, text = first_row[row.seq]
            if text != fold(row.text):
                raise KpiError(
                    "return.seq_repeated",
                    file=file,
                    sheet=row.sheet,
                    row=row.row,
                    seq=row.seq,
                    first=first,
                )
            continue  # the header repeated at a page break brought the row along twice
        first_row[row.seq] = (row.row, fold(row.text))
        units = tuple(split_units(row.units))
        if not units:
            raise KpiError(
                "plan.table_no_units", file=file, sheet=row.sheet, row=row.row, seq=row.seq
            )
        if not row.text.strip():
            raise KpiError(
                "plan.table_no_text", file=file, sheet=row.sheet, row=row.row, seq=row.seq
            )
        indicators.append(IndicatorSpec(seq=row.seq, text=row.text.strip(), lead_units=units))
    if not indicators:
        raise KpiError("plan.table_empty", file=file)
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
    database: Database, path: Path | str, year: int | None = None
) -> NewPlan:
    """Store the plan of an official table, after a backup copy of the database."""
    with database.read() as session:
        spec = plan_spec_from_table(session, path, year)
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
