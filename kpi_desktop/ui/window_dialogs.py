"""The dialogs the File and Tools menus open: templates, a new plan, printing and exporting
the summary, the bulletin, restoring a backup, the settings. Each first saves pending typing
(`flush`), and each is built when first asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QMainWindow

from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.modal import ask, modal

if TYPE_CHECKING:
    from kpi_desktop.storage.engine import Database


class WindowDialogs(QObject):
    reloaded = Signal()  # the document was loaded again (a new plan, a restore)
    indicatorChosen = Signal(int)  # a dialog asks to show an indicator (a finding's)
    languageChangeRequested = Signal()

    def __init__(
        self,
        window: QMainWindow,
        settings: QSettings,
        document: Callable[[], PlanDocument],
        database: Callable[[], Database | None],
        flush: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self._document, self._database, self._flush = document, database, flush
        self._checks: QDialog | None = None

    def export_templates(self) -> None:
        from kpi_desktop.ui.templates_dialog import ExportTemplatesDialog

        ask(ExportTemplatesDialog(self._document(), self.window))

    def new_plan(self) -> None:
        from kpi_desktop.ui.templates_dialog import new_plan_from_table

        self._flush()
        if new_plan_from_table(self._document(), self.window) is not None:
            self.reloaded.emit()

    def print_summary(self) -> None:
        from kpi_desktop.ui.checks_dialog import confirm_despite_findings
        from kpi_desktop.ui.print_dialog import print_summary

        self._flush()
        if confirm_despite_findings(self._document(), self.window):
            print_summary(self._document(), self.window)

    def export_summary(self) -> None:
        from kpi_desktop.ui.checks_dialog import confirm_despite_findings
        from kpi_desktop.ui.print_dialog import export_summary

        self._flush()
        if confirm_despite_findings(self._document(), self.window):
            export_summary(self._document(), self.window)

    def checks(self) -> None:
        """The findings of the period shown, in a window beside the main one."""
        from kpi_desktop.ui.checks_dialog import ChecksDialog

        self._flush()
        document = self._document()
        if self._checks is None or getattr(self._checks, "document", None) is not document:
            if self._checks is not None:
                self._checks.deleteLater()
            dialog = ChecksDialog(document, self.window)
            dialog.indicatorChosen.connect(self.indicatorChosen)
            self._checks = dialog
        self._checks.show()
        self._checks.raise_()
        self._checks.activateWindow()

    def close_checks(self) -> None:
        """Another database (or plan) is shown: its findings are not the ones listed."""
        if self._checks is not None:
            self._checks.close()
            self._checks.deleteLater()
            self._checks = None

    def assessment(self) -> None:
        from kpi_desktop.ui.assessment_dialog import AssessmentDialog

        self._flush()
        ask(AssessmentDialog(self._document(), self.window))

    def bulletin(self) -> None:
        from kpi_desktop.ui.bulletin_dialog import BulletinDialog

        self._flush()
        with modal(BulletinDialog(self._document(), self.settings, self.window)) as dialog:
            written = dialog.written if dialog.exec() else None
        if written is not None:
            message = self.tr("Bulletin draft written to {path}").format(path=written)
            self.window.statusBar().showMessage(message, 10000)

    def open_settings(self) -> None:
        from kpi_desktop.ui.settings_dialog import SettingsDialog

        with modal(SettingsDialog(self.settings, self.window)) as dialog:
            changed = bool(dialog.exec()) and dialog.language_changed
        if changed:
            self.languageChangeRequested.emit()

    def resolve_conflict(self, stale: object) -> None:
        """A save refused because a colleague saved the value since (StaleWrite): show both;
        her choice (or merge) is saved as a new edit over the colleague's value."""
        from kpi_desktop.ui.conflict_dialog import ConflictDialog
        from kpi_desktop.ui.undo_commands import SetProgressField

        dialog = ConflictDialog(stale, self.window)  # type: ignore[arg-type]
        self.conflict_dialog = dialog  # for tests
        dialog.exec()
        if dialog.choice is None:
            return
        period = str(dialog.stale.params["period"])
        self._document().undo_stack.push(
            SetProgressField(
                self._document(),
                dialog.stale.indicator_id,
                period,
                dialog.field,
                dialog.choice,
                base=dialog.stale.stored,
            )
        )

    def restore_backup(self) -> None:
        from kpi_desktop.ui.restore_dialog import RestoreDialog

        database = self._database()
        if database is None:
            return
        self._flush()
        if ask(RestoreDialog(database, self.window)) == QDialog.DialogCode.Accepted:
            document = self._document()
            # The undo history describes the data before the restore; it no longer applies.
            document.undo_stack.clear()
            document.load(document.plan.year if document.plan else None)
