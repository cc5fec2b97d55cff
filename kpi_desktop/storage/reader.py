"""What the commands that only read (dump, the exports, check, a dry-run import) ask of a
database, answered in plain rows (storage.rows).

Two kinds answer it alike: storage.snapshot.FileReader reads a SQLite file through the plain
sqlite3 module, so those commands start without importing SQLAlchemy and sqlmodel; and
storage.session_reader.SessionReader reads through an open sqlmodel session (a server, a file
that needs an upgrade, and every service called by the window). tests/test_snapshot.py checks
that both give the same answers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import NamedTuple

from kpi_desktop.storage.rows import (
    ActualRow,
    ContributionRow,
    IndicatorRow,
    InstructionRow,
    PlanRow,
    ProgressRow,
    RemarkRow,
    TargetRow,
    UnitLinkRow,
)


class Snapshot(NamedTuple):
    """One plan with everything recorded for it."""

    plans: list[PlanRow]
    plan: PlanRow
    unit_names: dict[int, str]
    indicators: list[IndicatorRow]
    links: list[UnitLinkRow]
    targets: list[TargetRow]
    progress: list[ProgressRow]
    actuals: list[ActualRow]


class LogEntry(NamedTuple):
    """One change-log row, as the readers of the log need it."""

    entity_id: int
    field_name: str
    new_value: str | None
    source: str


class Reader(ABC):
    """Reads of one database, each answered in plain rows."""

    @abstractmethod
    def plans(self) -> list[PlanRow]:
        """Every plan, by year and region."""

    @abstractmethod
    def plan_rows(self, plan: PlanRow) -> Snapshot:
        """`plan` with its indicators (by 序号), their units and targets (by position), and
        every progress entry and figure recorded for them."""

    @abstractmethod
    def unit_names(self) -> dict[int, str]:
        """Every lead unit's canonical name, by its id."""

    @abstractmethod
    def unit_aliases(self) -> list[tuple[int, str]]:
        """Every (unit id, alias)."""

    @abstractmethod
    def contributions(self, progress_ids: Sequence[int]) -> list[ContributionRow]:
        """The units' own texts stored for these progress entries."""

    @abstractmethod
    def log(
        self,
        entity: str,
        entity_ids: Sequence[int],
        *,
        field_name: str | None = None,
        period: str | None = None,
    ) -> list[LogEntry]:
        """The change-log entries of these rows of `entity` (narrowed to one field or one
        period where given), oldest first."""

    @abstractmethod
    def remarks(self, indicator_ids: Sequence[int], period: str | None = None) -> list[RemarkRow]:
        """The clerk's notes on these indicators (in `period` only, if given)."""

    @abstractmethod
    def instructions(
        self, indicator_ids: Sequence[int], period: str | None = None
    ) -> list[InstructionRow]:
        """The leadership's instructions on these indicators (in `period` only, if given),
        by date given, then as recorded."""

    def close(self) -> None:  # noqa: B027 - a session reader has nothing of its own to close
        """Let go of the database."""


CHUNK = 500  # ids per query: SQLite allows a limited number of parameters in one statement


def chunks(ids: Sequence[int]) -> list[list[int]]:
    return [list(ids[start : start + CHUNK]) for start in range(0, len(ids), CHUNK)]
