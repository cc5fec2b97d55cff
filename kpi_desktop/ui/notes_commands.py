"""Undoable edits of the clerk's notes and the leadership's instructions (services.notes).

They go on the document's one undo history beside every other edit (ui.undo_commands): typing
in a note merges into one command as typing in a progress field does; adding, correcting,
following up and removing an instruction are one command each. An undone addition and a redone
removal keep the instruction's id, so the commands after them still find it.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kpi_desktop.domain.notes import FollowUp
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.undo_commands import ServiceCommand

if TYPE_CHECKING:
    from kpi_desktop.services.notes import InstructionView

_REMARK_MERGE_ID = 1002


def _notes() -> ModuleType:
    # Imported when an edit runs: the window paints before the data layer has loaded.
    from kpi_desktop.services import notes

    return notes


def _seq(document: PlanDocument, indicator_id: int) -> str:
    view = document.view(indicator_id)
    return str(view.seq if view else indicator_id)


class SetRemark(ServiceCommand):
    """Set the clerk's note on an indicator in a period; a burst of typing is one command.
    `restored`: an earlier note taken back from History (the change log says so)."""

    def __init__(
        self,
        document: PlanDocument,
        indicator_id: int,
        period: str,
        text: str,
        *,
        restored: bool = False,
    ) -> None:
        self.old = document.notes(indicator_id, period).remark
        self.new = text
        self.indicator_id, self.period, self.restored = indicator_id, period, restored
        super().__init__(
            document,
            QCoreApplication.translate("commands", "Edit the note of indicator %1").replace(
                "%1", _seq(document, indicator_id)
            ),
            indicator_id,
            lambda s: _notes().set_remark(s, indicator_id, period, self.new, self._source()),
            lambda s, _state: _notes().set_remark(s, indicator_id, period, self.old),
        )

    def _source(self) -> Any:
        from kpi_desktop.services.editing import RESTORED, TYPED

        return RESTORED if self.restored else TYPED

    def id(self) -> int:
        return -1 if self.restored else _REMARK_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, SetRemark)
            or other.restored
            or (other.indicator_id, other.period) != (self.indicator_id, self.period)
        ):
            return False
        self.new = other.new
        return True


def add_instruction(
    document: PlanDocument,
    indicator_id: int,
    period: str,
    leader: str,
    given_on: str,
    text: str,
    follow_up: FollowUp = FollowUp.PENDING,
) -> QUndoCommand:
    removed: dict[str, Any] = {}

    def do(session: Any) -> int:
        if "snapshot" in removed:  # a redo: the same instruction, under the same id
            return int(_notes().restore_instruction(session, removed.pop("snapshot")))
        return int(
            _notes().add_instruction(
                session, indicator_id, period, leader, given_on, text, follow_up
            )
        )

    def undo(session: Any, instruction_id: int) -> None:
        removed["snapshot"] = _notes().remove_instruction(session, instruction_id)

    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Record an instruction on indicator %1").replace(
            "%1", _seq(document, indicator_id)
        ),
        indicator_id,
        do,
        undo,
    )


def edit_instruction(
    document: PlanDocument, item: InstructionView, leader: str, given_on: str, text: str
) -> QUndoCommand:
    """Correct who gave `item`, its date or its words; undone to the values it had."""
    old = (item.leader, item.given_on, item.text)
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Correct an instruction on indicator %1").replace(
            "%1", _seq(document, item.indicator_id)
        ),
        item.indicator_id,
        lambda s: _notes().edit_instruction(s, item.id, leader, given_on, text),
        lambda s, _state: _notes().edit_instruction(s, item.id, *old),
    )


def set_follow_up(document: PlanDocument, item: InstructionView, state: FollowUp) -> QUndoCommand:
    old = item.follow_up
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Mark an instruction on indicator %1: %2")
        .replace("%1", _seq(document, item.indicator_id))
        .replace("%2", state.label),
        item.indicator_id,
        lambda s: _notes().set_follow_up(s, item.id, state),
        lambda s, _state: _notes().set_follow_up(s, item.id, old),
    )


def remove_instruction(document: PlanDocument, item: InstructionView) -> QUndoCommand:
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Remove an instruction from indicator %1").replace(
            "%1", _seq(document, item.indicator_id)
        ),
        item.indicator_id,
        lambda s: _notes().remove_instruction(s, item.id),
        lambda s, snapshot: _notes().restore_instruction(s, snapshot),
    )
