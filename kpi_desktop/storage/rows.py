"""The stored rows as plain, frozen values: what the window, the exports and the dump read.

Each carries the fields of its table model (storage.models) under the same names, so that a
row read by sqlite3 for the window's first paint (storage.snapshot) and one read through
sqlmodel (services.queries) are the same value. Nothing here imports SQLAlchemy; a widget
that holds one holds no database object and cannot change the data by accident.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple, TypeVar

Row = TypeVar("Row", bound=tuple[Any, ...])


class PlanRow(NamedTuple):
    id: int
    year: int
    region: str
    title: str
    attachment: str
    tolerance: float | None


class IndicatorRow(NamedTuple):
    id: int
    plan_id: int
    seq: int
    text: str
    category: str | None


class UnitLinkRow(NamedTuple):
    indicator_id: int
    position: int
    unit_id: int
    written_name: str


class TargetRow(NamedTuple):
    id: int
    indicator_id: int
    position: int
    label: str
    kind: str
    value: float | None
    unit: str
    base: float | None
    span: str
    confirmed: bool
    note: str


class ProgressRow(NamedTuple):
    id: int
    indicator_id: int
    period: str
    text: str
    status: str | None
    as_of_month: int | None
    problems: str
    next_steps: str
    source: str
    source_file: str | None
    source_hash: str | None
    source_unit: str | None
    updated_at: datetime


class ActualRow(NamedTuple):
    id: int
    progress_id: int
    target_id: int
    value: float | None
    unit: str
    as_of_month: int | None
    confirmed: bool


def plain(row_type: type[Row], stored: object) -> Row:
    """`stored` (a table model's object) as the plain row of `row_type`."""
    make: Any = row_type
    return make(*(getattr(stored, name) for name in make._fields))  # type: ignore[no-any-return]


class LeadUnitRow(NamedTuple):
    id: int
    name: str


class ContributionRow(NamedTuple):
    progress_id: int
    unit_id: int
    text: str


class RemarkRow(NamedTuple):
    indicator_id: int
    period: str
    text: str


class InstructionRow(NamedTuple):
    id: int
    indicator_id: int
    period: str
    leader: str
    given_on: date
    text: str
    follow_up: str
