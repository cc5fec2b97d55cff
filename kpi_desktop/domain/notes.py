"""The clerk's own note and the leadership's instructions (领导批示) on an indicator in a period.

A note is the clerk's memo to herself ("与统计局核对过口径"); it is not printed unless she asks
for it. An instruction is what a leader wrote on the report ("请区发改局加快推进。——王区长，
5月10日"): who gave it, on which day, the words, and how far it has been followed up (跟进).
The rules here are pure: what an instruction needs, and how a date is read as clerks write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.language import zh_en
from kpi_desktop.domain.text import CELL_CHARACTERS, clean_text

# A leader's name and title ("王区长", "常务副区长 李某某") fits on one line of the form.
LEADER_CHARACTERS = 40


class FollowUp(StrEnum):
    """How far an instruction has been followed up (批示件的落实情况)."""

    PENDING = "pending"  # 待落实: recorded, nothing done yet
    FOLLOWING = "following"  # 跟进中: passed to the lead unit, being worked on
    DONE = "done"  # 已落实: carried out, reported back

    @property
    def chinese(self) -> str:
        return _CHINESE[self]

    @property
    def english(self) -> str:
        return _ENGLISH[self]

    @property
    def label(self) -> str:
        """The word in the current language."""
        return zh_en(self.chinese, self.english)


_CHINESE = {FollowUp.PENDING: "待落实", FollowUp.FOLLOWING: "跟进中", FollowUp.DONE: "已落实"}
_ENGLISH = {
    FollowUp.PENDING: "to be followed up",
    FollowUp.FOLLOWING: "being followed up",
    FollowUp.DONE: "followed up",
}


class NotesError(KpiError):
    """A note or an instruction the clerk must correct before it is kept."""


# 2024-05-10, 2024/5/10, 2024.5.10, 2024年5月10日 (full-width digits folded first).
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")


def parse_date(written: str) -> date:
    """A date as clerks write it: 2024-05-10, 2024/5/10, 2024.5.10 or 2024年5月10日.
    Refused (NotesError "notes.bad_date") when it is none of these or no such day."""
    cleaned = written.strip().translate(_FULL_WIDTH)
    found = _DATE.match(cleaned)
    if found is not None:
        try:
            return date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            pass
    raise NotesError("notes.bad_date", date=written.strip())


def note_text(text: str) -> str:
    """A note or an instruction's words as they are kept: line breaks as "\\n", characters no
    worksheet can hold dropped, spaces around trimmed; refused when too long to print."""
    cleaned = clean_text(text).strip()
    if len(cleaned) > CELL_CHARACTERS:
        raise NotesError("notes.too_long", length=len(cleaned), limit=CELL_CHARACTERS)
    return cleaned


@dataclass(frozen=True)
class InstructionFields:
    """An instruction's fields, checked: who, when and what."""

    leader: str
    given_on: date
    text: str


def check_instruction(
    leader: str, given_on: date | str, text: str, *, today: date | None = None
) -> InstructionFields:
    """What an instruction needs: the words, who gave them and a day not after today.
    Each refusal names what to fill in (NotesError)."""
    words = note_text(text)
    if not words:
        raise NotesError("notes.no_text")
    who = " ".join(leader.split())
    if not who:
        raise NotesError("notes.no_leader")
    if len(who) > LEADER_CHARACTERS:
        raise NotesError("notes.leader_too_long", leader=who, limit=LEADER_CHARACTERS)
    day = given_on if isinstance(given_on, date) else parse_date(given_on)
    latest = today or date.today()
    if day > latest:
        raise NotesError("notes.future_date", date=day.isoformat(), today=latest.isoformat())
    return InstructionFields(who, day, words)


def follow_up_of(value: str) -> FollowUp:
    """A follow-up state from its stored value or its Chinese word (待落实, 跟进中, 已落实)."""
    cleaned = value.strip()
    for state in FollowUp:
        if cleaned in (state.value, state.chinese):
            return state
    raise NotesError(
        "notes.bad_follow_up", value=cleaned, known="、".join(s.chinese for s in FollowUp)
    )


def printed_date(day: date) -> str:
    """A date as the printed table writes it: 2024年5月10日."""
    return f"{day.year}年{day.month}月{day.day}日"


def printed_instruction(leader: str, given_on: date, text: str, follow_up: FollowUp) -> str:
    """One instruction as a cell of the summary table prints it:
    "王区长（2024年5月10日）：请加快推进。〔已落实〕"."""
    return f"{leader}（{printed_date(given_on)}）：{text}〔{follow_up.chinese}〕"
