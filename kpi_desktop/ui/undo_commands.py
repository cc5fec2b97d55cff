"""Undoable edits. Each command calls a service through the document; none touches a widget.

Typing in one field of one indicator and period merges into a single command, so Ctrl+Z undoes
a whole burst of typing rather than one character.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kpi_desktop.domain.fields import ProgressField, field_label
from kpi_desktop.ui.document import PlanDocument

_MERGE_ID = 1001


def _editing() -> ModuleType:
    # Imported when an edit runs, not with this module: the window paints before the data
    # layer has loaded (see storage.snapshot).
    from kpi_desktop.services import editing

    return editing


def _structure() -> ModuleType:
    from kpi_desktop.services import structure

    return structure


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


def _check(command: QUndoCommand, saved: bool) -> None:
    """A command whose write was refused leaves the undo stack: there is nothing to undo."""
    if not saved:
        command.setObsolete(True)


_STORED = object()


class SetProgressField(QUndoCommand):
    """Set one field of a period's progress; `restored`: an earlier value taken back from
    History (the change log says so). Its base is `base` (the value the clerk started from:
    typing keeps the value shown when it began) or the value the window shows now. The write
    is saved only over that base, and the undo only over this command's own value: so neither
    overwrites, nor reverts, what a colleague saved in between (the document then reports a
    conflict)."""

    def __init__(
        self,
        document: PlanDocument,
        indicator_id: int,
        period: str,
        field: str,
        new: Any,
        base: Any = _STORED,
        *,
        restored: bool = False,
    ) -> None:
        view = document.view(indicator_id)
        entry = view.progress.get(period) if view else None
        old = getattr(entry, field) if entry is not None else None
        if base is not _STORED:
            old = base
        if old is None and ProgressField(field).is_text:
            old = ""
        seq = view.seq if view else indicator_id
        super().__init__(
            QCoreApplication.translate("commands", "Edit %1 of indicator %2")
            .replace("%1", field_label(field))
            .replace("%2", str(seq))
        )
        self.document, self.indicator_id, self.period, self.field = (
            document,
            indicator_id,
            period,
            field,
        )
        self.old, self.new, self.restored = old, new, restored

    def id(self) -> int:
        return _MERGE_ID if ProgressField(self.field).is_text and not self.restored else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetProgressField) or other.restored:
            return False
        if (other.indicator_id, other.period, other.field) != (
            self.indicator_id,
            self.period,
            self.field,
        ):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        _check(
            self,
            self.document.write_progress(
                self.indicator_id,
                self.period,
                {self.field: self.new},
                {self.field: self.old},
                restored=self.restored,
            ),
        )

    def undo(self) -> None:
        _check(
            self,
            self.document.write_progress(
                self.indicator_id, self.period, {self.field: self.old}, {self.field: self.new}
            ),
        )


class SetActual(QUndoCommand):
    """Record (and confirm) the achieved value of one target in a period."""

    def __init__(
        self,
        document: PlanDocument,
        indicator_id: int,
        period: str,
        target_id: int,
        value: float | None,
        unit: str,
    ) -> None:
        super().__init__(QCoreApplication.translate("commands", "Enter an achieved value"))
        view = document.view(indicator_id)
        actual = view.actuals.get((period, target_id)) if view else None
        self.before = (actual.value, actual.unit, actual.confirmed) if actual else None
        self.document, self.indicator_id, self.period, self.target_id = (
            document,
            indicator_id,
            period,
            target_id,
        )
        self.value, self.unit = value, unit

    def _set(self, value: float | None, unit: str, confirmed: bool) -> None:
        ok = self.document.write(
            self.indicator_id,
            "actual",
            lambda s: _editing().set_actual(
                s, self.indicator_id, self.period, self.target_id, value, unit, confirmed=confirmed
            ),
        )
        _check(self, ok)

    def redo(self) -> None:
        self._set(self.value, self.unit, True)

    def undo(self) -> None:
        if self.before is None:
            self._set(None, self.unit, False)
        else:
            self._set(*self.before)


class ServiceCommand(QUndoCommand):
    """An edit of the plan's structure whose undo is another service call.

    `do` and `undo` receive a session; `do` may return state that `undo` needs (for example a
    snapshot of a removed indicator)."""

    def __init__(
        self,
        document: PlanDocument,
        text: str,
        indicator_id: int | None,
        do: Callable[[Any], Any],
        undo: Callable[[Any, Any], None],
    ) -> None:
        super().__init__(text)
        self.document, self.indicator_id = document, indicator_id
        self._do, self._undo = do, undo
        self._state: Any = None

    def redo(self) -> None:
        def action(session: Any) -> None:
            self._state = self._do(session)

        _check(self, self.document.write(self.indicator_id, self.text(), action))

    def undo(self) -> None:
        _check(
            self,
            self.document.write(
                self.indicator_id, self.text(), lambda s: self._undo(s, self._state)
            ),
        )


def set_indicator_text(document: PlanDocument, indicator_id: int, text: str) -> QUndoCommand:
    view = document.view(indicator_id)
    old = view.text if view else ""
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Edit the text of an indicator"),
        indicator_id,
        # Each way only over the text it replaces: undo never reverts a colleague's later edit.
        lambda s: _editing().set_indicator(s, indicator_id, {"text": text}, expected={"text": old}),
        lambda s, _state: _editing().set_indicator(
            s, indicator_id, {"text": old}, expected={"text": text}
        ),
    )


def set_lead_units(document: PlanDocument, indicator_id: int, names: list[str]) -> QUndoCommand:
    view = document.view(indicator_id)
    old = view.lead_units if view else []
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Change lead units"),
        indicator_id,
        lambda s: _structure().set_lead_units(s, indicator_id, names),
        lambda s, _state: _structure().set_lead_units(s, indicator_id, old),
    )


def set_target(
    document: PlanDocument, indicator_id: int, target_id: int, changes: dict[str, Any]
) -> QUndoCommand:
    view = document.view(indicator_id)
    target = next((t for t in view.targets if t.id == target_id), None) if view else None
    old = {name: getattr(target, name) for name in changes} if target else {}
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Correct a target"),
        indicator_id,
        lambda s: _editing().set_target(s, target_id, changes, expected=old),
        lambda s, _state: _editing().set_target(s, target_id, old, expected=changes),
    )


def add_target(document: PlanDocument, indicator_id: int) -> QUndoCommand:
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Add a target"),
        indicator_id,
        lambda s: _structure().add_target(s, indicator_id),
        lambda s, target_id: _structure().remove_target(s, target_id),
    )


def remove_target(document: PlanDocument, indicator_id: int, target_id: int) -> QUndoCommand:
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Remove a target"),
        indicator_id,
        lambda s: _structure().remove_target(s, target_id),
        lambda s, snapshot: _structure().restore_target(s, snapshot),
    )


def add_indicator(document: PlanDocument, seq: int, text: str, units: list[str]) -> QUndoCommand:
    assert document.plan is not None and document.plan.id is not None
    plan_id = document.plan.id
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Add indicator %1").replace("%1", str(seq)),
        None,
        lambda s: _structure().add_indicator(s, plan_id, seq, text, units),
        lambda s, indicator_id: _structure().remove_indicator(s, indicator_id),
    )


def remove_indicator(document: PlanDocument, indicator_id: int) -> QUndoCommand:
    view = document.view(indicator_id)
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Remove indicator %1").replace(
            "%1", str(view.seq if view else "")
        ),
        None,
        lambda s: _structure().remove_indicator(s, indicator_id),
        lambda s, snapshot: _structure().restore_indicator(s, snapshot),
    )


def renumber(document: PlanDocument, indicator_id: int, seq: int) -> QUndoCommand:
    view = document.view(indicator_id)
    old = view.seq if view else seq
    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Renumber an indicator"),
        None,
        lambda s: _structure().renumber(s, indicator_id, seq),
        lambda s, _state: _structure().renumber(s, indicator_id, old),
    )


def _done() -> ModuleType:
    from kpi_desktop.services import done

    return done


def mark_done(document: PlanDocument, indicator_id: int, on: Any) -> QUndoCommand:
    """办结销号 on the day `on`; undone by reopening it."""

    def do(session: Any) -> Any:
        view = _fresh_view(session, document, indicator_id)
        _done().mark_done(session, view, on)

    def undo(session: Any, _state: Any) -> None:
        _done().reopen_done(session, _fresh_view(session, document, indicator_id))

    return ServiceCommand(
        document, QCoreApplication.translate("commands", "Mark done (办结)"), indicator_id, do, undo
    )


def reopen_done(document: PlanDocument, indicator_id: int) -> QUndoCommand:
    """Take an indicator's 办结 back; undone by marking it done on the day it had."""

    def do(session: Any) -> Any:
        return _done().reopen_done(session, _fresh_view(session, document, indicator_id))

    def undo(session: Any, day: Any) -> None:
        _done().mark_done(session, _fresh_view(session, document, indicator_id), day)

    return ServiceCommand(
        document,
        QCoreApplication.translate("commands", "Reopen a done indicator"),
        indicator_id,
        do,
        undo,
    )


def _fresh_view(session: Any, document: PlanDocument, indicator_id: int) -> Any:
    from kpi_desktop.services.queries import indicator_views

    assert document.plan is not None
    return next(v for v in indicator_views(session, document.plan) if v.id == indicator_id)
