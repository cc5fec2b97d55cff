"""File → Bulletin draft (Word)…: the period's 通报 draft as a .docx.

The draft is services.bulletin's, written by services.docx_writer; this dialog only asks for
the file, the wording (the built-in template or the clerk's own copy, remembered) and, where
she knows it, the day returns were due. "Save the built-in template as…" gives her a copy to
change.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import periods_of_year
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.labels import period_title

TEMPLATE_KEY = "bulletin/template"


class BulletinDialog(QDialog):
    def __init__(
        self,
        document: PlanDocument,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Bulletin draft"))
        form = QFormLayout(self)
        self.period = QComboBox()
        year = document.plan.year if document.plan is not None else 0
        for period in periods_of_year(year):
            self.period.addItem(period_title(period), period.code)
        self.period.setCurrentIndex(max(0, self.period.findData(document.period)))
        form.addRow(self.tr("&Period"), self.period)

        self.output = QLineEdit(str(Path.home() / f"{document.period}-通报.docx"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_output)
        form.addRow(self.tr("&Word file"), self._row(self.output, browse))

        self.template = QLineEdit(str(settings.value(TEMPLATE_KEY, "") or ""))
        self.template.setPlaceholderText(self.tr("the built-in wording"))
        pick = QPushButton(self.tr("Choose…"))
        pick.clicked.connect(self._choose_template)
        form.addRow(self.tr("&Template"), self._row(self.template, pick))
        save_copy = QPushButton(self.tr("Save the built-in template as…"))
        save_copy.clicked.connect(self._save_builtin)
        form.addRow("", save_copy)

        self.has_due = QCheckBox(self.tr("Returns were due on"))
        self.due = QDateEdit(QDate.currentDate())
        self.due.setCalendarPopup(True)
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        form.addRow(self.has_due, self.due)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.write)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _row(edit: QLineEdit, button: QPushButton) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit)
        layout.addWidget(button)
        return row

    def _choose_output(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.output.text(), self.tr("Word document (*.docx)")
        )
        if name:
            self.output.setText(name if name.lower().endswith(".docx") else name + ".docx")

    def _choose_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), self.template.text(), self.tr("Text (*.txt)")
        )
        if name:
            self.template.setText(name)

    def _save_builtin(self) -> None:
        from kpi_desktop.services.bulletin import builtin_template_text

        name, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), str(Path.home() / "通报模板.txt"), self.tr("Text (*.txt)")
        )
        if not name:
            return
        try:
            Path(name).write_text(builtin_template_text(), encoding="utf-8")
        except OSError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        self.template.setText(name)

    def write(self) -> None:
        """Draft and write the bulletin; refusals are shown and leave the dialog open."""
        from kpi_desktop.services.bulletin import draft_bulletin, load_template
        from kpi_desktop.services.docx_writer import write_bulletin_docx

        target = Path(self.output.text().strip())
        own = self.template.text().strip() or None
        picked = self.due.date()
        due = (
            date(picked.year(), picked.month(), picked.day()) if self.has_due.isChecked() else None
        )
        try:
            if target.suffix.lower() != ".docx":
                raise KpiError("bulletin.bad_format", path=str(target))
            if not target.parent.is_dir():
                raise KpiError("bulletin.no_folder", path=str(target), folder=str(target.parent))
            template = load_template(own)
            with self.document.database.read() as session:
                bulletin = draft_bulletin(session, self.period.currentData(), template, due)
            try:
                write_bulletin_docx(bulletin, target)
            except OSError as error:
                raise KpiError(
                    "bulletin.cannot_write", path=str(target), detail=str(error)
                ) from error
        except KpiError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message())
            return
        self.settings.setValue(TEMPLATE_KEY, own or "")
        self.written = target
        self.accept()
