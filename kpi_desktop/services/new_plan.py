"""A new year's plan from an official table (序号 / 重点工作 / 牵头单位).

The table is found the way returns are (any sheet, any row, loose header names); progress
columns are ignored. Lead units and their aliases are shared by all years, so the new plan's
rows name the same units, and a name known as an alias keeps pointing at its unit.

The plan's own identity comes from the clerk (`region`, `title`) or from the table (its title
rows and 附件 line, `domain.plan_identity`), never from the built-in Qiantang plan: a 苍南县
table makes a 苍南县 plan. A table that names no region takes the region of the clerk's own
plans in the database (those that are not the built-in plan), else none. The title keeps the
wording of an earlier plan of the same region (its year changed), else the table's title.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from kpi_desktop.domain.columns import Role
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.plan import IndicatorSpec, PlanSpec, UnitSpec
from kpi_desktop.domain.plan_identity import identity_in_title
from kpi_desktop.domain.text import file_label, fold, split_units
from kpi_desktop.services.import_model import Notice, row_notice
from kpi_desktop.services.plans import install_plan, load_builtin_plan
from kpi_desktop.services.queries import plans
from kpi_desktop.services.returns import (
    DEFAULT_LIMITS,
    ColumnChoice,
    Limits,
    ReturnRow,
    RowKind,
    read_return,
)
from kpi_desktop.storage.backup import make_backup
from kpi_desktop.storage.engine import Database
from kpi_desktop.storage.models import LeadUnit, Plan, UnitAlias


@dataclass(frozen=True)
class NewPlan:
    year: int
    title: str
    indicators: int
    new_units: tuple[str, ...]
    backup: Path | None
    told: tuple[tuple[int, Notice], ...] = ()  # rows not taken as an item of their own, and why
    renumbered: bool = False  # the table's numbers did not give each item its own
    region: str = ""  # "" where neither the table nor the clerk names one


@dataclass(frozen=True)
class PlanReading:
    """A plan from a table, with what the reader did with each row it did not take as an
    indicator of its own (joined to the item above, a heading, a note, the header again)."""

    spec: PlanSpec
    told: tuple[tuple[int, Notice], ...]
    renumbered: bool
    other_units: int  # items that also name a lead unit at the other level


LEVELS = {"省级": 0, "市级": 1, "区级": 2, "县级": 2}


def office_level(region: str) -> int | None:
    """The level of an office by its region's name: a 市 is a city (1), a 区 or 县 a district
    (2); None where the name does not say."""
    if region.endswith(("区", "县")):
        return 2
    if region.endswith("市"):
        return 1
    return None


def is_builtin(plan: Plan) -> bool:
    """Whether `plan` is the built-in 2024 Qiantang plan (a start, not the clerk's own)."""
    builtin = load_builtin_plan()
    return (plan.year, plan.region, plan.title) == (builtin.year, builtin.region, builtin.title)


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
    region: str | None = None,
    title: str | None = None,
) -> PlanSpec:
    """The plan an official table describes, checked; nothing is stored."""
    return read_plan(
        session, path, year, limits, choice=choice, level=level, region=region, title=title
    ).spec


def read_plan(
    session: Session,
    path: Path | str,
    year: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    choice: ColumnChoice | None = None,
    level: int | None = None,
    region: str | None = None,
    title: str | None = None,
) -> PlanReading:
    """The plan an official table describes, checked, and what became of each row; nothing is
    stored.

    Items are numbered as the table numbers them where that gives each its own whole number
    (1, 1.0, "１", 三, （一）); a table with sub-items (1.1, 4-1), repeated or missing numbers
    is numbered 1, 2, 3… in its order. A table without a lead-unit column gives indicators
    without lead units (for the clerk to add); a table that has the
    column must fill it for every row. Where the table names lead units at two levels, the
    plan takes `level` (else the level of the office whose plan it is, by its region; else the
    district's). `region` and `title` are the clerk's; without them the table's (see the
    module's doc)."""
    path = Path(path)
    file = file_label(path)
    existing = plans(session)
    clerks = [p for p in existing if not is_builtin(p)]
    region = " ".join((region or "").split())
    title = " ".join((title or "").split())
    if level is None and region:
        level = office_level(region)
    table = read_return(path, limits, need_progress=False, choice=choice, level=level)
    found = identity_in_title(table.title)
    region = region or found.region or (clerks[-1].region if clerks else "")
    if level is None and Role.OTHER_UNITS in table.layout and office_level(region) is not None:
        # Two levels of lead unit: the plan takes its own office's level, known only now.
        level = office_level(region)
        table = read_return(path, limits, need_progress=False, choice=choice, level=level)
    year = year or table.year
    if year is None:
        raise KpiError("plan.table_no_year", file=file)
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
    same = [p for p in existing if region and p.region == region]
    if title:
        pass
    elif same and str(same[-1].year) in same[-1].title:
        title = same[-1].title.replace(str(same[-1].year), str(year))
    elif found.title:
        title = found.title
    else:
        title = f"{year}年{region}政府工作报告重点工作量化指标"
    spec = PlanSpec(
        year=year,
        region=region,
        title=title,
        attachment=found.attachment or (same[-1].attachment if same else "") or "附件",
        units=_known_units(session),
        indicators=tuple(sorted(indicators, key=lambda i: i.seq)),
    )
    told = tuple((row.row, row_notice(row)) for row in table.rows if row.kind is not RowKind.DATA)
    return PlanReading(
        spec=spec,
        told=told,
        renumbered=not own,
        other_units=sum(1 for row, _units in items if row.other_units.strip()),
    )


def create_plan_from_table(
    database: Database,
    path: Path | str,
    year: int | None = None,
    *,
    choice: ColumnChoice | None = None,
    level: int | None = None,
    region: str | None = None,
    title: str | None = None,
) -> NewPlan:
    """Store the plan of an official table, after a backup copy of the database."""
    with database.read() as session:
        reading = read_plan(
            session, path, year, choice=choice, level=level, region=region, title=title
        )
        spec = reading.spec
        before = {u.name for u in session.exec(select(LeadUnit))}
        had_plans = bool(plans(session))
    # A database holding no plan yet (made just now for this table) has nothing to go back to.
    backup = (
        make_backup(database.file, "before-new-plan") if database.is_sqlite and had_plans else None
    )
    with database.transaction() as session:
        install_plan(session, spec, source="table")
        after = [u.name for u in session.exec(select(LeadUnit).order_by(col(LeadUnit.id)))]
    return NewPlan(
        year=spec.year,
        title=spec.title,
        indicators=len(spec.indicators),
        region=spec.region,
        new_units=tuple(n for n in after if n not in before),
        backup=backup,
        told=reading.told,
        renumbered=reading.renumbered,
    )
