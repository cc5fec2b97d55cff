"""What is noted on the indicators, as the readers show it: the clerk's notes and the
leadership's instructions (领导批示), read from either kind of storage.reader.Reader, so that
the summary table and the dump carry them without the database layer. services.notes writes
them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kpi_desktop.domain.notes import FollowUp
from kpi_desktop.services.reads import Source, reader_of


@dataclass(frozen=True)
class InstructionView:
    id: int
    indicator_id: int
    period: str
    leader: str
    given_on: date
    text: str
    follow_up: FollowUp

    @property
    def summary(self) -> str:
        """One line for the change log: "2024-05-10 王区长：请加快推进。"."""
        return f"{self.given_on.isoformat()} {self.leader}：{self.text}"


@dataclass(frozen=True)
class PeriodNotes:
    """What is noted on one indicator in one period: the clerk's note and the instructions,
    oldest first."""

    remark: str = ""
    instructions: tuple[InstructionView, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not self.remark and not self.instructions


def instruction_view(row: Any) -> InstructionView:
    """A stored instruction (a table model's object or a storage.rows.InstructionRow)."""
    assert row.id is not None
    return InstructionView(
        row.id,
        row.indicator_id,
        row.period,
        row.leader,
        row.given_on,
        row.text,
        FollowUp(row.follow_up),
    )


def notes_by_period(
    source: Source, indicator_ids: Iterable[int], period: str | None = None
) -> dict[tuple[int, str], PeriodNotes]:
    """Every note and instruction of these indicators (in `period` only, if given), by
    (indicator id, period), in two queries; instructions oldest first (by date, then as
    recorded)."""
    reader = reader_of(source)
    ids = list(indicator_ids)
    remarks = {(row.indicator_id, row.period): row.text for row in reader.remarks(ids, period)}
    given: dict[tuple[int, str], list[InstructionView]] = defaultdict(list)
    for row in reader.instructions(ids, period):
        given[(row.indicator_id, row.period)].append(instruction_view(row))
    return {
        key: PeriodNotes(remarks.get(key, ""), tuple(given.get(key, ())))
        for key in {*remarks, *given}
    }


def instruction_json(item: InstructionView) -> dict[str, Any]:
    """An instruction as `kpi-desktop dump` prints it."""
    return {
        "by": item.leader,
        "date": item.given_on.isoformat(),
        "text": item.text,
        "follow_up": item.follow_up.value,
    }
