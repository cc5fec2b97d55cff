"""The Plan menu and the panel's buttons that change the plan: edit, add, remove and renumber
an indicator, its history. Changes go through undo commands; refusals are shown, in the
clerk's language, from the typed error that carries them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.modal import ask, modal


class PlanActions(QObject):
    def __init__(
        self,
        parent: QWidget,
        document: Callable[[], PlanDocument],
        current: Callable[[], int | None],
        select: Callable[[int], bool],
    ) -> None:
        super().__init__(parent)
        self.window, self._document, self._current, self._select = parent, document, current, select

    def edit_indicator(self, indicator_id: int) -> None:
        from kpi_desktop.ui.indicator_dialog import IndicatorDialog

        ask(IndicatorDialog(self._document(), indicator_id, self.window))

    def show_history(self, indicator_id: int) -> None:
        from kpi_desktop.ui.history_dialog import HistoryDialog

        ask(HistoryDialog(self._document(), indicator_id, self.window))

    def add_indicator(self) -> None:
        from kpi_desktop.ui.indicator_dialog import NewIndicatorDialog

        with modal(NewIndicatorDialog(self._document(), self.window)) as dialog:
            if dialog.exec() and dialog.created_id is not None:
                self._select(dialog.created_id)

    def remove_indicator(self) -> None:
        from kpi_desktop.ui import undo_commands

        document = self._document()
        indicator_id = self._current()
        view = document.view(indicator_id) if indicator_id is not None else None
        if view is None:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Remove indicator"),
            self.tr(
                "Remove indicator %1 with all its progress? You can undo this with Ctrl+Z."
            ).replace("%1", str(view.seq)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._push(undo_commands.remove_indicator(document, view.id))

    def renumber(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from kpi_desktop.ui import undo_commands

        document = self._document()
        indicator_id = self._current()
        view = document.view(indicator_id) if indicator_id is not None else None
        if view is None:
            return
        seq, ok = QInputDialog.getInt(
            self.window,
            self.tr("Renumber indicator"),
            self.tr("New number for indicator %1:").replace("%1", str(view.seq)),
            view.seq,
            1,
            len(document.views),
        )
        if ok and seq != view.seq:
            self._push(undo_commands.renumber(document, view.id, seq))
            self._select(view.id)

    def mark_done(self) -> None:
        """办结销号: the chosen indicator, whose target is met, is done as of a day."""
        from datetime import date

        from PySide6.QtWidgets import QInputDialog

        from kpi_desktop.domain.calendar import chinese_date, parse_date
        from kpi_desktop.ui import undo_commands

        document = self._document()
        indicator_id = self._current()
        view = document.view(indicator_id) if indicator_id is not None else None
        if view is None:
            return
        typed, ok = QInputDialog.getText(
            self.window,
            self.tr("Mark done (办结销号)"),
            self.tr(
                "Indicator %1 is done as of (it leaves later templates and chase lists):"
            ).replace("%1", str(view.seq)),
            text=chinese_date(date.today()),
        )
        if not ok:
            return
        try:
            day = parse_date(typed)
        except KpiError as error:
            QMessageBox.warning(self.window, "kpi-desktop", error.message())
            return
        self._push(undo_commands.mark_done(document, view.id, day))

    def reopen_done(self) -> None:
        from kpi_desktop.ui import undo_commands

        document = self._document()
        indicator_id = self._current()
        if indicator_id is not None and document.view(indicator_id) is not None:
            self._push(undo_commands.reopen_done(document, indicator_id))

    def _push(self, command: object) -> None:
        from kpi_desktop.services.structure import StructureError

        try:
            self._document().undo_stack.push(command)  # type: ignore[arg-type]
        except (KpiError, StructureError, ValueError) as error:
            QMessageBox.warning(self.window, "kpi-desktop", str(error))
