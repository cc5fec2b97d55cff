"""Who has answered for the selected period: each lead unit, its rows returned out of its rows
expected, when and from which files, and where it stands against its due date (the model:
ui.submissions_model). The period's due date, a unit's own date and closing the period (定稿)
are set here; "Chase list" opens the chase window (ui.chase_dialog).

The window docks it: `SubmissionsDock(parent)` and `dock.set_document(document)` whenever a
database is opened. It follows the document (a reload, a period change, an import) and
refreshes only while it is visible.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.ui.chase_dialog import ChaseDialog
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.labels import period_title
from kpi_desktop.ui.modal import ask
from kpi_desktop.ui.submissions_model import (
    COLUMN_DUE,
    COLUMN_FILES,
    COLUMN_RETURNED,
    COLUMN_STANDING,
    COLUMN_UNIT,
    COLUMN_WHEN,
    LIGHT_COLOURS,
    NOT_ANSWERED,
    PARTLY_ANSWERED,
    SubmissionsModel,
    light_label,
    local_time,
)

__all__ = [
    "COLUMN_DUE",
    "COLUMN_FILES",
    "COLUMN_RETURNED",
    "COLUMN_STANDING",
    "COLUMN_UNIT",
    "COLUMN_WHEN",
    "LIGHT_COLOURS",
    "NOT_ANSWERED",
    "PARTLY_ANSWERED",
    "ChaseDialog",
    "SubmissionsDock",
    "SubmissionsModel",
    "SubmissionsView",
    "light_label",
    "local_time",
]


class SubmissionsView(QWidget):
    """The submissions of the document's plan for its period, against the due dates; the
    period's due date and closing (定稿) are set here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self._stale = True
        self.today: Callable[[], date] = date.today  # the clerk's calendar day
        self.model = SubmissionsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Submissions"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.closed_label = QLabel()
        self.closed_label.setWordWrap(True)
        self.closed_label.setStyleSheet("QLabel { color: #8e1b1b; font-weight: bold; }")

        self.due_edit = QDateEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy年M月d日")
        self.due_edit.setAccessibleName(self.tr("Due date"))
        self.due_button = QPushButton(self.tr("Set for the &period"))
        self.due_button.clicked.connect(lambda: self.set_due_date(None))
        self.unit_due_button = QPushButton(self.tr("Set for the chosen &unit"))
        self.unit_due_button.clicked.connect(self._set_unit_due_date)
        self.unit_clear_button = QPushButton(self.tr("Clear the unit's own date"))
        self.unit_clear_button.clicked.connect(self._clear_unit_due_date)
        due_row = QHBoxLayout()
        due_label = QLabel(self.tr("&Due date:"))
        due_label.setBuddy(self.due_edit)
        due_row.addWidget(due_label)
        due_row.addWidget(self.due_edit)
        due_row.addWidget(self.due_button)
        due_row.addWidget(self.unit_due_button)
        due_row.addWidget(self.unit_clear_button)
        due_row.addStretch(1)

        self.chase_button = QPushButton(self.tr("Chase list (催报)…"))
        self.chase_button.clicked.connect(self.show_chase_list)
        self.close_button = QPushButton(self.tr("&Close the period (定稿)…"))
        self.close_button.clicked.connect(self.ask_close)
        self.reopen_button = QPushButton(self.tr("&Reopen…"))
        self.reopen_button.clicked.connect(self.ask_reopen)
        self.history_button = QPushButton(self.tr("Period &history…"))
        self.history_button.clicked.connect(self.show_history)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        bottom = QHBoxLayout()
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.reopen_button)
        bottom.addWidget(self.history_button)
        bottom.addStretch(1)
        bottom.addWidget(self.chase_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.closed_label)
        layout.addLayout(due_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def sizeHint(self) -> QSize:
        # Wide enough for a long unit name, the light, the date and the counts side by side.
        return QSize(720, 480)

    def set_document(self, document: PlanDocument) -> None:
        if self.document is not None:
            for signal in (self.document.reset, self.document.periodChanged):
                # The old document may already be gone with its database.
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(self._document_changed)
        self.document = document
        document.reset.connect(self._document_changed)
        document.periodChanged.connect(self._document_changed)
        self._document_changed()

    def _document_changed(self, *_args: object) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def period(self) -> Period | None:
        document = self.document
        if document is None or document.plan is None or not document.period:
            return None
        return Period.parse(document.period)

    def _controls(self, enabled: bool, closed: bool) -> None:
        writable = enabled and self.document is not None and not self.document.read_only
        for widget in (self.due_edit, self.due_button):
            widget.setEnabled(writable)
        chosen = self.chosen_unit() is not None
        self.unit_due_button.setEnabled(writable and chosen)
        self.unit_clear_button.setEnabled(writable and chosen)
        self.close_button.setEnabled(writable and not closed)
        self.reopen_button.setEnabled(writable and closed)
        self.history_button.setEnabled(enabled)

    def refresh(self) -> None:
        self._stale = False
        document, period = self.document, self.period()
        if document is not None and not document.attached:
            self._stale = True  # shown again once the database is open (document.reset)
            return
        if document is None or document.plan is None or period is None:
            self.model.set_standings([])
            self.summary.setText("")
            self.closed_label.hide()
            self.chase_button.setEnabled(False)
            self._controls(False, False)
            return
        from kpi_desktop.services.calendar import due_dates, standings
        from kpi_desktop.services.queries import plan_for_year

        with document.database.read() as session:
            plan = plan_for_year(session, period.year)
            rows = standings(session, plan, period, self.today())
            default = due_dates(session, plan, period).default
        self.model.set_standings(rows)
        submitted = [r.submission for r in rows]
        answered = sum(1 for r in submitted if r.answered)
        complete = sum(1 for r in submitted if r.complete)
        returned = sum(len(r.returned) for r in submitted)
        expected = sum(len(r.indicators) for r in submitted)
        text = (
            self.tr("%1 %2: %3 of %4 lead units have answered (%5 complete); %6 of %7 rows back.")
            .replace("%1", str(period.year))
            .replace("%2", period_title(period))
            .replace("%3", str(answered))
            .replace("%4", str(len(rows)))
            .replace("%5", str(complete))
            .replace("%6", str(returned))
            .replace("%7", str(expected))
        )
        overdue = sum(1 for r in rows if r.standing.light.value == "overdue")
        if overdue:
            text += " " + self.tr("%1 units overdue.").replace("%1", str(overdue))
        self.summary.setText(text)
        if default is not None:
            self.due_edit.setDate(QDate(default.year, default.month, default.day))
        else:
            self.due_edit.setDate(_default_due(period))
        event = document.closed.get(period.code)
        if event is not None:
            self.closed_label.setText(
                self.tr("■ Closed (定稿) on %1 by %2: read-only.")
                .replace("%1", event.day)
                .replace("%2", event.by)
            )
        self.closed_label.setVisible(event is not None)
        self.chase_button.setEnabled(any(r.outstanding for r in submitted))
        self._controls(True, event is not None)

    def _selection_changed(self, *_args: object) -> None:
        self._controls(self.period() is not None, self._closed())

    def _closed(self) -> bool:
        document, period = self.document, self.period()
        return document is not None and period is not None and period.code in document.closed

    def chosen_unit(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.model.submission_at(rows[0])
        return item.unit if item is not None else None

    # writing ---------------------------------------------------------------------------------
    def _write(self, action: Callable[[Any, Any, Period], object]) -> bool:
        """Run a calendar service in one transaction; a refusal is shown, nothing changes."""
        document, period = self.document, self.period()
        if document is None or period is None:
            return False
        from kpi_desktop.services.queries import plan_for_year

        try:
            with document.database.transaction() as session:
                action(session, plan_for_year(session, period.year), period)
        except KpiError as error:
            QMessageBox.warning(self, self.tr("Submissions"), error.message())
            return False
        return True

    def _due(self) -> date:
        chosen = self.due_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_due_date(self, unit: str | None, day: date | None = None) -> bool:
        """Set the period's due date, or a unit's own date (from the date box unless given)."""
        from kpi_desktop.services.calendar import set_due_date

        due = day or self._due()
        done = self._write(lambda s, plan, period: set_due_date(s, plan, period, due, unit))
        if done:
            self.refresh()
        return done

    def _set_unit_due_date(self) -> None:
        unit = self.chosen_unit()
        if unit is not None:
            self.set_due_date(unit)

    def _clear_unit_due_date(self) -> None:
        from kpi_desktop.services.calendar import clear_due_date

        unit = self.chosen_unit()
        if unit is not None and self._write(
            lambda s, plan, period: clear_due_date(s, plan, period, unit)
        ):
            self.refresh()

    def close_period(self) -> bool:
        from kpi_desktop.services.closing import close_period

        done = self._write(lambda s, plan, period: close_period(s, plan, period))
        if done and self.document is not None:
            self.document.closing_changed()
        return done

    def reopen_period(self, reason: str) -> bool:
        from kpi_desktop.services.closing import reopen_period

        done = self._write(lambda s, plan, period: reopen_period(s, plan, period, reason))
        if done and self.document is not None:
            self.document.closing_changed()
        return done

    def ask_close(self) -> None:
        period = self.period()
        if period is None:
            return
        if not self._findings_allow_closing(period):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Close the period"),
            self.tr(
                "Close %1 %2 (定稿)? Its progress, statuses and figures can then no longer be "
                "changed, by the window, an import or an undo, until it is reopened with a "
                "reason."
            )
            .replace("%1", str(period.year))
            .replace("%2", period_title(period)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.close_period()

    def _findings_allow_closing(self, period: Period) -> bool:
        """Open findings warn before closing (services.checks); the clerk may go on."""
        from kpi_desktop.services.checks import open_findings_warning

        if self.document is None or not self.document.attached:
            return True
        with self.document.database.read() as session:
            warning = open_findings_warning(session, period, "check.open_before_close")
        if warning is None:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Open findings"),
            warning.message(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_reopen(self) -> None:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Reopen the period"),
            self.tr("Why is the period reopened? (kept in the change log)"),
        )
        if ok:
            self.reopen_period(reason)

    def history_text(self) -> str:
        document, period = self.document, self.period()
        if document is None or document.plan is None or period is None:
            return ""
        from kpi_desktop.services.closing import history

        assert document.plan.id is not None
        with document.database.read() as session:
            events = history(session, document.plan.id, period.code)
        if not events:
            return self.tr("This period has never been closed.")
        lines = []
        for event in events:
            when = local_time(event.at)
            if event.action.value == "closed":
                lines.append(
                    self.tr("%1  closed by %2").replace("%1", when).replace("%2", event.by)
                )
            else:
                lines.append(
                    self.tr("%1  reopened by %2: %3")
                    .replace("%1", when)
                    .replace("%2", event.by)
                    .replace("%3", event.reason)
                )
        return "\n".join(lines)

    def show_history(self) -> None:
        QMessageBox.information(self, self.tr("Period history"), self.history_text())

    # chasing ---------------------------------------------------------------------------------
    def chase_dialog(self) -> ChaseDialog | None:
        document, period = self.document, self.period()
        if document is None or document.plan is None or period is None:
            return None
        from kpi_desktop.services.queries import plan_for_year
        from kpi_desktop.services.submissions import chase_list

        with document.database.read() as session:
            plan = plan_for_year(session, period.year)
            items = chase_list(session, plan, period)
        dialog = ChaseDialog(items, period, f"{plan.year}年", self)
        dialog.attach(document, self.today)
        return dialog

    def show_chase_list(self) -> None:
        dialog = self.chase_dialog()
        if dialog is not None:
            ask(dialog)


def _default_due(period: Period) -> QDate:
    """A first proposal for a due date: the tenth day after the period ends."""
    end = QDate(period.year, period.end_month, 1).addMonths(1)
    return end.addDays(9)


class SubmissionsDock(QDockWidget):
    """The submissions view in a dock of the main window (View → Submissions, the window's
    own action: the dock is built after the first paint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("submissions-dock")
        self.setWindowTitle(self.tr("Submissions"))
        self.view = SubmissionsView(self)
        self.setWidget(self.view)

    def set_document(self, document: PlanDocument) -> None:
        self.view.set_document(document)
