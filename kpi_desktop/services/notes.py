"""The clerk's notes and the leadership's instructions (领导批示), per indicator and period.

Each function works in the caller's transaction and logs what it changes in the change log,
under the indicator and the period, so History lists a note's and an instruction's every
earlier value beside the progress'. A removal returns a snapshot from which
`restore_instruction` puts the row back under its own id, so an undo leaves the database as it
was and later commands in the undo history still find it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from kpi_desktop.domain.notes import (
    FollowUp,
    InstructionFields,
    NotesError,
    check_instruction,
    follow_up_of,
    note_text,
)
from kpi_desktop.domain.periods import Period
from kpi_desktop.services.editing import TYPED, Source, log_change
from kpi_desktop.services.noted import InstructionView as InstructionView
from kpi_desktop.services.noted import PeriodNotes as PeriodNotes
from kpi_desktop.services.noted import instruction_json as instruction_json
from kpi_desktop.services.noted import instruction_view
from kpi_desktop.services.noted import notes_by_period as notes_by_period
from kpi_desktop.storage.models import Indicator, Instruction, Remark, utcnow

REMARK_ENTITY = "remark"
INSTRUCTION_ENTITY = "instruction"
# The change log's field names (domain.fields labels them). "instruction" is the whole
# instruction added (old value empty) or removed (new value empty).
LOGGED_FIELDS = {"leader": "leader", "given_on": "given_on", "text": "instruction_text"}


def _view(row: Instruction) -> InstructionView:
    return instruction_view(row)


def _indicator(session: Session, indicator_id: int) -> None:
    if session.get(Indicator, indicator_id) is None:
        raise NotesError("notes.gone")


def _instruction(session: Session, instruction_id: int) -> Instruction:
    row = session.get(Instruction, instruction_id)
    if row is None:
        raise NotesError("notes.gone")
    return row


def _log(
    session: Session,
    entity: str,
    entity_id: int,
    name: str,
    old: Any,
    new: Any,
    indicator_id: int,
    period: str,
    source: Source,
) -> None:
    log_change(
        session,
        entity=entity,
        entity_id=entity_id,
        field_name=name,
        old=old,
        new=new,
        source=source,
        indicator_id=indicator_id,
        period=period,
    )


def indicator_of(session: Session, year: int, seq: int) -> int:
    """The id of the indicator numbered `seq` in the plan of `year`; refused
    (NotesError "notes.no_seq") when there is none."""
    from kpi_desktop.services.queries import plan_for_year

    plan = plan_for_year(session, year)
    found = session.exec(
        select(Indicator.id).where(Indicator.plan_id == plan.id, Indicator.seq == seq)
    ).first()
    if found is None:
        last = session.exec(
            select(Indicator.seq)
            .where(Indicator.plan_id == plan.id)
            .order_by(col(Indicator.seq).desc())
        ).first()
        raise NotesError("notes.no_seq", seq=seq, year=year, last=last or 0)
    return found


# --- the clerk's note ---------------------------------------------------------------------


def set_remark(
    session: Session, indicator_id: int, period: str, text: str, source: Source = TYPED
) -> None:
    """Keep the clerk's note on an indicator in `period`; an empty text removes it. Only a
    real change is written and logged."""
    Period.parse(period)  # a bad code is a programming error here, not clerk input
    cleaned = note_text(text)
    row = session.exec(
        select(Remark).where(Remark.indicator_id == indicator_id, Remark.period == period)
    ).first()
    old = row.text if row is not None else ""
    if old == cleaned:
        return
    if row is None:
        _indicator(session, indicator_id)
        row = Remark(indicator_id=indicator_id, period=period, updated_at=utcnow())
    row.text, row.updated_at = cleaned, utcnow()
    session.add(row)
    session.flush()
    assert row.id is not None
    _log(session, REMARK_ENTITY, row.id, "remark", old, cleaned, indicator_id, period, source)
    if not cleaned:
        session.delete(row)
        session.flush()


# --- instructions -------------------------------------------------------------------------


def add_instruction(
    session: Session,
    indicator_id: int,
    period: str,
    leader: str,
    given_on: date | str,
    text: str,
    follow_up: FollowUp = FollowUp.PENDING,
    *,
    today: date | None = None,
    source: Source = TYPED,
) -> int:
    """Record a leadership instruction; returns its id. Refused (NotesError) without words,
    without a leader, or with a date that is not one or lies after today."""
    Period.parse(period)
    checked = check_instruction(leader, given_on, text, today=today)
    _indicator(session, indicator_id)
    row = Instruction(
        indicator_id=indicator_id,
        period=period,
        leader=checked.leader,
        given_on=checked.given_on,
        text=checked.text,
        follow_up=FollowUp(follow_up).value,
        created_at=utcnow(),
    )
    return _added(session, row, source)


def _added(session: Session, row: Instruction, source: Source) -> int:
    session.add(row)
    session.flush()
    view = _view(row)
    _log(
        session,
        INSTRUCTION_ENTITY,
        view.id,
        "instruction",
        None,
        view.summary,
        view.indicator_id,
        view.period,
        source,
    )
    if view.follow_up is not FollowUp.PENDING:
        _log(
            session,
            INSTRUCTION_ENTITY,
            view.id,
            "follow_up",
            None,
            view.follow_up.value,
            view.indicator_id,
            view.period,
            source,
        )
    return view.id


def edit_instruction(
    session: Session,
    instruction_id: int,
    leader: str,
    given_on: date | str,
    text: str,
    *,
    today: date | None = None,
    source: Source = TYPED,
) -> None:
    """Correct who gave an instruction, its date or its words (checked as when added); each
    changed field is logged."""
    row = _instruction(session, instruction_id)
    checked: InstructionFields = check_instruction(leader, given_on, text, today=today)
    for name, logged in LOGGED_FIELDS.items():
        old, new = getattr(row, name), getattr(checked, name)
        if old == new:
            continue
        shown_old = old.isoformat() if isinstance(old, date) else old
        shown_new = new.isoformat() if isinstance(new, date) else new
        _log(
            session,
            INSTRUCTION_ENTITY,
            instruction_id,
            logged,
            shown_old,
            shown_new,
            row.indicator_id,
            row.period,
            source,
        )
        setattr(row, name, new)
    session.add(row)
    session.flush()


def set_follow_up(
    session: Session, instruction_id: int, state: FollowUp | str, source: Source = TYPED
) -> None:
    """Mark how far an instruction has been followed up (待落实, 跟进中, 已落实)."""
    chosen = state if isinstance(state, FollowUp) else follow_up_of(state)
    row = _instruction(session, instruction_id)
    if row.follow_up == chosen.value:
        return
    _log(
        session,
        INSTRUCTION_ENTITY,
        instruction_id,
        "follow_up",
        row.follow_up,
        chosen.value,
        row.indicator_id,
        row.period,
        source,
    )
    row.follow_up = chosen.value
    session.add(row)
    session.flush()


def remove_instruction(
    session: Session, instruction_id: int, source: Source = TYPED
) -> dict[str, Any]:
    """Remove an instruction; the change log keeps its words. Returns the snapshot that
    `restore_instruction` takes."""
    row = _instruction(session, instruction_id)
    snapshot = row.model_dump()
    view = _view(row)
    _log(
        session,
        INSTRUCTION_ENTITY,
        view.id,
        "instruction",
        view.summary,
        None,
        view.indicator_id,
        view.period,
        source,
    )
    session.delete(row)
    session.flush()
    return snapshot


def restore_instruction(session: Session, snapshot: dict[str, Any], source: Source = TYPED) -> int:
    """Put a removed instruction back under its own id (an undo); logged as added again."""
    _indicator(session, snapshot["indicator_id"])
    return _added(session, Instruction(**snapshot), source)


# --- reading ------------------------------------------------------------------------------


def notes_of(session: Session, indicator_id: int, period: str) -> PeriodNotes:
    """The note and the instructions of one indicator in one period."""
    found = notes_by_period(session, [indicator_id], period)
    return found.get((indicator_id, period), PeriodNotes())
