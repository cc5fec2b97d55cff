"""Sending templates out, and starting a new year's plan from an official table.

`ExportTemplatesDialog(document, parent).exec()`: for a period of the open plan, write one
template per lead unit into a folder (services.excel_template.export_templates_per_unit), or
one file for one unit or for every row (export_template). The files are written off the GUI
thread.

`new_plan_from_table(document, parent, path=None)`: choose an official table (序号 / 重点工作 /
牵头单位), store it as a new year's plan (services.new_plan.create_plan_from_table, which
makes a backup first) and show that year.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period, periods_of_year
from kpi_desktop.services.excel_template import (
    TemplateInfo,
    export_template,
    export_templates_per_unit,
)
from kpi_desktop.services.new_plan import NewPlan, create_plan_from_table, read_plan
from kpi_desktop.services.views import plan_units
from kpi_desktop.ui.background import Report, run_in_background
from kpi_desktop.ui.column_dialog import choose_columns
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.labels import period_title

log = logging.getLogger(__name__)

EVERY_UNIT = "\x00every-unit"  # one file per unit, into a folder
ALL_ROWS = "\x00all-rows"  # every row of the plan in one file


class ExportTemplatesDialog(QDialog):
    """Write the templates the units fill in for a period."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.written: list[TemplateInfo] = []
        self.busy = False
        self.setWindowTitle(self.tr("Export templates"))

        self.period_box = QComboBox()
        if document.plan is not None:
            for period in periods_of_year(document.plan.year):
                self.period_box.addItem(f"{period.year} {period_title(period)}", period.code)
            self.period_box.setCurrentIndex(max(0, self.period_box.findData(document.period)))
        self.unit_box = QComboBox()
        self.unit_box.addItem(self.tr("Every lead unit, one file each"), EVERY_UNIT)
        self.unit_box.addItem(self.tr("All rows in one file"), ALL_ROWS)
        for name in plan_units(document.views):
            self.unit_box.addItem(name, name)
        self.unit_box.currentIndexChanged.connect(self._target_kind_changed)
        self.target_edit = QLineEdit()
        self.target_edit.setMinimumWidth(420)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.choose_button)
        self.target_label = QLabel()

        form = QFormLayout()
        form.addRow(self.tr("Period:"), self.period_box)
        form.addRow(self.tr("For:"), self.unit_box)
        form.addRow(self.target_label, target_row)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setOpenExternalLinks(False)
        self.open_folder_button = QPushButton(self.tr("&Open folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()

        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Each unit gets its own rows, including those it leads together with "
                    "others. Send the files out; import what comes back with File → Import "
                    "returns."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._target_kind_changed()

    def period(self) -> Period:
        return Period.parse(str(self.period_box.currentData()))

    def unit_choice(self) -> str:
        return str(self.unit_box.currentData())

    def per_unit(self) -> bool:
        return self.unit_choice() == EVERY_UNIT

    def _default_target(self) -> Path:
        folder = Path.home()
        period = self.period()
        if self.per_unit():
            name = self.tr("templates")
            return folder / f"{period.code}-{name}"
        choice = self.unit_choice()
        name = self.tr("all") if choice == ALL_ROWS else choice
        return folder / f"{period.code}-{name}.xlsx"

    def _target_kind_changed(self, *_args: object) -> None:
        self.target_label.setText(self.tr("Into folder:") if self.per_unit() else self.tr("File:"))
        current = self.target_edit.text().strip()
        if not current:
            self.target_edit.setText(str(self._default_target()))
            return
        path = Path(current)
        if self.per_unit() and path.suffix.lower() == ".xlsx":
            self.target_edit.setText(str(path.parent / self._default_target().name))
        elif not self.per_unit():
            folder = path.parent if path.suffix.lower() == ".xlsx" else path
            self.target_edit.setText(str(folder / self._default_target().name))

    def choose_target(self) -> None:
        current = self.target_edit.text().strip() or str(self._default_target())
        if self.per_unit():
            name = QFileDialog.getExistingDirectory(self, self.tr("Export templates"), current)
        else:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export template"), current, self.tr("Workbooks (*.xlsx)")
            )
        if name:
            self.target_edit.setText(name)

    def export(self) -> None:
        """Write the templates chosen into the folder or file typed (on a worker thread)."""
        text = self.target_edit.text().strip()
        if self.busy or not text:
            return
        target = Path(text)
        if not self.per_unit() and target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        database, period, choice = self.document.database, self.period(), self.unit_choice()

        def work(_report: Report) -> list[TemplateInfo]:
            with database.read() as session:
                if choice == EVERY_UNIT:
                    return export_templates_per_unit(session, period, target)
                unit = None if choice == ALL_ROWS else choice
                return [export_template(session, period, target, unit)]

        self.busy = True
        self.written = []
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Writing…"))
        self.progress.show()
        self.export_button.setEnabled(False)
        self.open_folder_button.hide()
        run_in_background(self, work, self._exported, self._failed)

    def _exported(self, written: list[TemplateInfo]) -> None:
        self.busy = False
        self.written = written
        self.progress.hide()
        self.export_button.setEnabled(True)
        if not written:
            self.message.setText(self.tr("No lead unit has rows in this plan: nothing written."))
            return
        folder = written[0].path.parent
        self.message.setText(
            self.tr("%1 files written into %2.")
            .replace("%1", str(len(written)))
            .replace("%2", str(folder))
        )
        self.open_folder_button.show()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.progress.hide()
        self.export_button.setEnabled(True)
        if not isinstance(error, KpiError):
            log.error("writing templates failed", exc_info=error)
        text = error.message() if isinstance(error, KpiError) else str(error)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.setText(self.tr("Nothing was exported: %1").replace("%1", text))

    def open_folder(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0].path.parent)))

    def done(self, result: int) -> None:
        if not self.busy:  # closing while files are being written would hide how it ended
            super().done(result)


class PlanIdentityDialog(QDialog):
    """Asks the clerk to confirm, or give, the new plan's region and title: as the table's
    title rows state them, or as her earlier plan of the same region words them."""

    def __init__(self, parent: QWidget | None, year: int, region: str, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New plan from a table"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The %1 plan: check the region and the title, as the table gives them.")
            if region
            else self.tr(
                "The %1 plan: the table's title names no region. Type it (e.g. 苍南县), or "
                "leave it empty."
            )
        )
        intro.setText(intro.text().replace("%1", str(year)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.region = QLineEdit(region)
        self.region.setPlaceholderText(self.tr("e.g. 苍南县"))
        self.title_edit = QLineEdit(title)
        form.addRow(self.tr("Region:"), self.region)
        form.addRow(self.tr("Title:"), self.title_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.title_edit.textChanged.connect(self._title_changed)
        self._title_changed(title)

    def _title_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def identity(self) -> tuple[str, str]:
        return " ".join(self.region.text().split()), " ".join(self.title_edit.text().split())


def ask_plan_identity(
    parent: QWidget | None, year: int, region: str, title: str
) -> tuple[str, str] | None:
    """The region and title the clerk confirms for the new plan; None when she cancels."""
    dialog = PlanIdentityDialog(parent, year, region, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.identity()


def new_plan_from_table(
    document: PlanDocument,
    parent: QWidget | None,
    path: Path | str | None = None,
    settings: QSettings | None = None,
) -> NewPlan | None:
    """Create a year's plan from an official table and show it; None when nothing was made.
    Where the reader is unsure of the table's columns the clerk assigns them (remembered in
    `settings`, by default the window's, for tables of the same layout)."""

    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("NewPlanFromTable", "New plan from a table"),
            str(Path.home()),
            QCoreApplication.translate("NewPlanFromTable", "Spreadsheets (*.xlsx *.xls)"),
        )
        if not name:
            return None
        path = name
    if settings is None:
        found = getattr(parent, "settings", None)
        settings = found if isinstance(found, QSettings) else QSettings()
    go_on, choice = choose_columns(path, parent, settings)
    if not go_on:
        return None
    year: int | None = None
    identity: tuple[str, str] | None = None
    while True:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if identity is None:
                with document.database.read() as session:
                    spec = read_plan(session, path, year, choice=choice).spec
                QApplication.restoreOverrideCursor()
                identity = ask_plan_identity(parent, spec.year, spec.region, spec.title)
                if identity is None:
                    return None
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            region, title = identity
            created = create_plan_from_table(
                document.database, path, year, choice=choice, region=region, title=title
            )
        except KpiError as error:
            QApplication.restoreOverrideCursor()
            if error.code == "plan.table_no_year" and year is None:
                years = document.years
                chosen, ok = QInputDialog.getInt(
                    parent,
                    QCoreApplication.translate("NewPlanFromTable", "New plan from a table"),
                    QCoreApplication.translate(
                        "NewPlanFromTable", "The table names no year. Which year is its plan for?"
                    ),
                    (max(years) + 1) if years else 2025,
                    2000,
                    2100,
                )
                if not ok:
                    return None
                year = chosen
                continue
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("NewPlanFromTable", "New plan from a table"),
                error.message(),
            )
            return None
        QApplication.restoreOverrideCursor()
        break
    document.load(created.year)
    lines = [
        QCoreApplication.translate("NewPlanFromTable", "%1: %2 indicators.")
        .replace("%1", created.title)
        .replace("%2", str(created.indicators)),
    ]
    if created.new_units:
        lines.append(
            QCoreApplication.translate("NewPlanFromTable", "New lead units: %1").replace(
                "%1", "、".join(created.new_units)
            )
        )
    if created.renumbered:
        lines.append(
            QCoreApplication.translate(
                "NewPlanFromTable",
                "The table's numbers do not give each indicator its own; they are numbered "
                "1, 2, 3… in the table's order.",
            )
        )
    if created.told:
        lines.append(
            QCoreApplication.translate(
                "NewPlanFromTable", "%1 rows were not taken as indicators of their own:"
            ).replace("%1", str(len(created.told)))
        )
        lines += [
            QCoreApplication.translate("NewPlanFromTable", "Row %1: %2")
            .replace("%1", str(row))
            .replace("%2", notice.message())
            for row, notice in created.told[:12]
        ]
    if created.backup is not None:
        lines.append(
            QCoreApplication.translate(
                "NewPlanFromTable", "The state before is saved in %1."
            ).replace("%1", str(created.backup))
        )
    QMessageBox.information(
        parent,
        QCoreApplication.translate("NewPlanFromTable", "New plan from a table"),
        "\n".join(lines),
    )
    return created
