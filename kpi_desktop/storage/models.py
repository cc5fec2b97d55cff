"""The tables of a kpi-desktop database.

Texts are stored exactly as written (a row keeps the unit name it was printed with, a progress
text keeps its spaces); comparison and canonical names are worked out in the domain layer.
Every change to a clerk-visible value is also written to `changelog`, so nothing typed or
imported is ever lost.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Times are stored in UTC and shown in the clerk's local time."""
    return datetime.now(UTC)


def _text_column(nullable: bool = False) -> Column[str]:
    return Column(Text, nullable=nullable)


class Meta(SQLModel, table=True):
    """Key/value facts about the file itself, such as its schema version."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class Plan(SQLModel, table=True):
    __tablename__ = "plan"
    __table_args__ = (UniqueConstraint("year", "region"),)
    id: int | None = Field(default=None, primary_key=True)
    year: int
    region: str
    title: str
    attachment: str = ""
    # How far below the time elapsed a target may be and still count as on schedule (基本序时),
    # as a share of the year; None: domain.schedule.DEFAULT_TOLERANCE.
    tolerance: float | None = None


class LeadUnit(SQLModel, table=True):
    """A unit under its canonical name; other names it is written under are aliases."""

    __tablename__ = "lead_unit"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class UnitAlias(SQLModel, table=True):
    __tablename__ = "unit_alias"
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="lead_unit.id", index=True, ondelete="CASCADE")
    alias: str = Field(unique=True)


class Indicator(SQLModel, table=True):
    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("plan_id", "seq"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    seq: int
    text: str = Field(sa_column=_text_column())
    category: str | None = None


class IndicatorUnit(SQLModel, table=True):
    """A lead unit of an indicator, in the order the plan lists them."""

    __tablename__ = "indicator_unit"
    indicator_id: int = Field(foreign_key="indicator.id", primary_key=True, ondelete="CASCADE")
    position: int = Field(primary_key=True)
    unit_id: int = Field(foreign_key="lead_unit.id", index=True)
    written_name: str  # the name as the row prints it, e.g. 区发展改革委


class Target(SQLModel, table=True):
    __tablename__ = "target"
    __table_args__ = (UniqueConstraint("indicator_id", "position"),)
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True, ondelete="CASCADE")
    position: int
    label: str
    kind: str  # domain.targets.TargetKind
    value: float | None = None
    unit: str = ""  # as written: "%", "亿美元", "家"
    base: float | None = None  # a level's value at the start of the year, in `unit`
    span: str = ""  # where in the text it was found
    confirmed: bool = False  # False while it is only the parser's proposal
    note: str = ""  # why the parser was unsure


class Progress(SQLModel, table=True):
    """An indicator's progress in one period (cumulative from January 1)."""

    __tablename__ = "progress"
    __table_args__ = (UniqueConstraint("indicator_id", "period"),)
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True, ondelete="CASCADE")
    period: str  # a period code: 2024Q1, 2024H1, 2024Q3, 2024Y
    text: str = Field(default="", sa_column=_text_column())
    status: str | None = None  # domain.status.Status
    as_of_month: int | None = None
    problems: str = Field(default="", sa_column=_text_column())  # 存在问题
    next_steps: str = Field(default="", sa_column=_text_column())  # 下步打算
    source: str = "typed"  # a domain.fields.SourceKind
    source_file: str | None = None
    source_hash: str | None = None
    source_unit: str | None = None
    updated_at: datetime


class Actual(SQLModel, table=True):
    """The achieved value of one target in one period's progress."""

    __tablename__ = "actual"
    __table_args__ = (UniqueConstraint("progress_id", "target_id"),)
    id: int | None = Field(default=None, primary_key=True)
    progress_id: int = Field(foreign_key="progress.id", index=True, ondelete="CASCADE")
    target_id: int = Field(foreign_key="target.id", index=True, ondelete="CASCADE")
    value: float | None = None
    unit: str = ""
    as_of_month: int | None = None
    confirmed: bool = False  # a confirmed figure is never replaced by a later guess


class Contribution(SQLModel, table=True):
    """One lead unit's own text for an indicator it shares with other units."""

    __tablename__ = "contribution"
    __table_args__ = (UniqueConstraint("progress_id", "unit_id"),)
    id: int | None = Field(default=None, primary_key=True)
    progress_id: int = Field(foreign_key="progress.id", index=True, ondelete="CASCADE")
    unit_id: int = Field(foreign_key="lead_unit.id", index=True)
    text: str = Field(default="", sa_column=_text_column())
    source_file: str | None = None
    source_hash: str | None = None
    received_at: datetime


class Remark(SQLModel, table=True):
    """The clerk's own note on an indicator in one period (not printed unless she asks)."""

    __tablename__ = "remark"
    __table_args__ = (UniqueConstraint("indicator_id", "period"),)
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True, ondelete="CASCADE")
    period: str  # a period code
    text: str = Field(default="", sa_column=_text_column())
    updated_at: datetime


class Instruction(SQLModel, table=True):
    """A leadership instruction (领导批示) on an indicator in one period, and its follow-up."""

    __tablename__ = "instruction"
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True, ondelete="CASCADE")
    period: str  # a period code
    leader: str  # who gave it, as written: 王区长
    given_on: date
    text: str = Field(default="", sa_column=_text_column())
    follow_up: str = "pending"  # a domain.notes.FollowUp
    created_at: datetime


class ChangeLog(SQLModel, table=True):
    """Every change to a stored value: what, old and new, where it came from, when, who."""

    __tablename__ = "changelog"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    entity: str  # table name
    entity_id: int
    field_name: str
    old_value: str | None = Field(default=None, sa_column=_text_column(nullable=True))
    new_value: str | None = Field(default=None, sa_column=_text_column(nullable=True))
    indicator_id: int | None = Field(default=None, index=True)
    period: str | None = None
    source: str = "typed"
    source_file: str | None = None
    source_hash: str | None = None
    # Who made the change: the server's user (on a shared database) or the computer's login,
    # and the computer's name. None in a log written before schema version 4.
    user_name: str | None = None
    host: str | None = None


class DueDate(SQLModel, table=True):
    """When a period's returns are due: for every unit (unit_id None) or one unit's exception."""

    __tablename__ = "due_date"
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    period: str
    unit_id: int | None = Field(default=None, foreign_key="lead_unit.id")
    due: date


class PeriodClosing(SQLModel, table=True):
    """A period closed (定稿) or reopened: the latest row of a period says which it is now."""

    __tablename__ = "period_closing"
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    period: str
    action: str  # domain.calendar.ClosingAction
    at: datetime
    by_user: str
    reason: str = Field(default="", sa_column=_text_column())


class ChaseWayName(SQLModel, table=True):
    """A way of chasing the clerk added to the built-in ones (domain.calendar.ChaseWay)."""

    __tablename__ = "chase_way"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class ChaseRound(SQLModel, table=True):
    """One round of chasing (催报) for a period: when, how, whom, a note."""

    __tablename__ = "chase_round"
    __table_args__ = (UniqueConstraint("plan_id", "period", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    period: str
    number: int  # 1, 2, … within the period
    on: date
    how: str  # a ChaseWay value or a ChaseWayName
    whom: str = ""
    note: str = Field(default="", sa_column=_text_column())
    at: datetime


class ChaseUnit(SQLModel, table=True):
    """A unit chased in a round, with the rows it still owed then (序号, comma-separated)."""

    __tablename__ = "chase_unit"
    round_id: int = Field(foreign_key="chase_round.id", primary_key=True, ondelete="CASCADE")
    unit_id: int = Field(foreign_key="lead_unit.id", primary_key=True)
    rows: str
    due: date | None = None


class IndicatorDone(SQLModel, table=True):
    """An indicator marked 办结 (销号) on a day: no longer asked for, until reopened."""

    __tablename__ = "indicator_done"
    indicator_id: int = Field(foreign_key="indicator.id", primary_key=True, ondelete="CASCADE")
    done_on: date
    at: datetime
