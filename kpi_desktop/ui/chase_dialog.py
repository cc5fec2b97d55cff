"""The chase window: the chase list (催报) as text, and the rounds of chasing with each round's
催报单 to copy, save as CSV or as a PDF page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.ui.document import PlanDocument

if TYPE_CHECKING:
    from kpi_desktop.services.calendar import Round
    from kpi_desktop.services.submissions import ChaseItem


class ChaseDialog(QDialog):
    """The chase list (催报) as text, with Copy and Save as CSV; and the rounds of chasing:
    record one (date, how, whom, a note) and get its 催报单 to copy, as CSV or as a PDF page."""

    def __init__(
        self, items: list[ChaseItem], period: Period, year_title: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.items = items
        self.period = period
        self.document: PlanDocument | None = None
        self.today: Callable[[], date] = date.today
        self.rounds: list[Round] = []
        self.shown_round: Round | None = None
        self.setWindowTitle(self.tr("Chase list"))
        from kpi_desktop.services.submissions import chase_text

        self.list_text = self.text = chase_text(items, period, year_title)
        self.editor = QPlainTextEdit(self.text)
        self.editor.setReadOnly(True)
        self.editor.setAccessibleName(self.tr("Chase list"))
        self.copy_button = QPushButton(self.tr("&Copy to clipboard"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("&Save as CSV…"))
        self.save_button.clicked.connect(self.save_csv)
        self.pdf_button = QPushButton(self.tr("Save the notice as &PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.pdf_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        self.round_box = QComboBox()
        self.round_box.setAccessibleName(self.tr("Rounds of chasing"))
        self.round_box.activated.connect(self._round_chosen)
        self.on_edit = QDateEdit()
        self.on_edit.setCalendarPopup(True)
        self.on_edit.setDisplayFormat("yyyy年M月d日")
        self.way_box = QComboBox()
        self.way_box.setEditable(True)  # a way typed here is added to the list
        self.whom_edit = QLineEdit()
        self.whom_edit.setPlaceholderText(self.tr("whom: the units' contacts, a name…"))
        self.note_edit = QLineEdit()
        self.record_button = QPushButton(self.tr("&Record this round"))
        self.record_button.clicked.connect(self.record_round)
        form = QFormLayout()
        form.addRow(self.tr("Shown:"), self.round_box)
        form.addRow(self.tr("Chased on:"), self.on_edit)
        form.addRow(self.tr("How:"), self.way_box)
        form.addRow(self.tr("Whom:"), self.whom_edit)
        form.addRow(self.tr("Note:"), self.note_edit)
        form.addRow("", self.record_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(680, 620)
        self.record_button.setEnabled(False)

    def attach(self, document: PlanDocument, today: Callable[[], date]) -> None:
        """The database the rounds are read from and recorded in."""
        self.document, self.today = document, today
        day = today()
        self.on_edit.setDate(QDate(day.year, day.month, day.day))
        self.record_button.setEnabled(bool(self.items) and not document.read_only)
        self._load_rounds()

    def _load_rounds(self, show: int | None = None) -> None:
        from kpi_desktop.services.calendar import chase_rounds, chase_ways
        from kpi_desktop.services.queries import plan_for_year

        assert self.document is not None
        with self.document.database.read() as session:
            plan = plan_for_year(session, self.period.year)
            self.rounds = chase_rounds(session, plan, self.period)
            ways = chase_ways(session)
        typed = self.way_box.currentText()
        self.way_box.clear()
        self.way_box.addItems(ways)
        if typed:
            self.way_box.setCurrentText(typed)
        self.round_box.clear()
        self.round_box.addItem(self.tr("The chase list now"), None)
        for chase in self.rounds:
            from kpi_desktop.domain.calendar import chinese_date

            self.round_box.addItem(
                self.tr("Round %1, %2, %3")
                .replace("%1", str(chase.number))
                .replace("%2", chinese_date(chase.on))
                .replace("%3", chase.how),
                chase.number,
            )
        if show is not None:
            self.round_box.setCurrentIndex(self.round_box.findData(show))
            self._round_chosen(self.round_box.currentIndex())

    def _round_chosen(self, _row: int) -> None:
        number = self.round_box.currentData()
        chase = next((r for r in self.rounds if r.number == number), None)
        self.show_round(chase)

    def show_round(self, chase: Round | None) -> None:
        from kpi_desktop.services.chase_notice import notice_text

        self.shown_round = chase
        self.text = notice_text(chase) if chase is not None else self.list_text
        self.editor.setPlainText(self.text)
        self.pdf_button.setEnabled(chase is not None)

    def record_round(self) -> Round | None:
        """Record a round of chasing the units that still owe rows, and show its 催报单."""
        if self.document is None:
            return None
        from kpi_desktop.services.calendar import add_chase_way, record_round
        from kpi_desktop.services.queries import plan_for_year

        chosen = self.on_edit.date()
        on = date(chosen.year(), chosen.month(), chosen.day())
        way = self.way_box.currentText()
        try:
            with self.document.database.transaction() as session:
                plan = plan_for_year(session, self.period.year)
                chase = record_round(
                    session,
                    plan,
                    self.period,
                    on,
                    add_chase_way(session, way),
                    whom=self.whom_edit.text(),
                    note=self.note_edit.text(),
                )
        except KpiError as error:
            self.status.setText(error.message())
            return None
        self._load_rounds(show=chase.number)
        self.status.setText(
            self.tr("Round %1 recorded: %2 units chased.")
            .replace("%1", str(chase.number))
            .replace("%2", str(len(chase.units)))
        )
        return chase

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.status.setText(self.tr("Copied. Paste it into a message or a notice."))

    def _target(self, path: Path | str | None, suffix: str, title: str, kinds: str) -> Path | None:
        if path:
            return Path(path)
        name = f"{self.period.code}-催报"
        if self.shown_round is not None:
            name += f"-第{self.shown_round.number}轮"
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / f"{name}{suffix}"), kinds
        )
        return Path(chosen) if chosen else None

    def save_csv(self, path: Path | str | None = None) -> Path | None:
        """Write the list, or the round shown, as CSV (Excel opens it: UTF-8 with a BOM)."""
        target = self._target(
            path, ".csv", self.tr("Save chase list"), self.tr("CSV files (*.csv)")
        )
        if target is None:
            return None
        try:
            from kpi_desktop.services.chase_notice import notice_csv
            from kpi_desktop.services.files import write_atomically
            from kpi_desktop.services.submissions import chase_csv

            content = (
                notice_csv(self.shown_round)
                if self.shown_round is not None
                else chase_csv(self.items)
            )
            write_atomically(target, content.encode("utf-8"), "file.cannot_write")
        except KpiError as error:
            self.status.setText(error.message())
            return None
        self.status.setText(self.tr("Saved to %1").replace("%1", str(target)))
        return target

    def save_pdf(self, path: Path | str | None = None) -> Path | None:
        """Write the 催报单 of the round shown as a printable PDF page."""
        if self.shown_round is None:
            return None
        target = self._target(
            path, ".pdf", self.tr("Save the notice"), self.tr("PDF files (*.pdf)")
        )
        if target is None:
            return None
        try:
            from kpi_desktop.printing.chase_notice import notice_pdf

            notice_pdf(self.shown_round, target)
        except KpiError as error:
            self.status.setText(error.message())
            return None
        self.status.setText(self.tr("Saved to %1").replace("%1", str(target)))
        return target
