"""Importing returned spreadsheets: a preview of every file and row, then the rows the clerk
keeps, written in one transaction.

The window opens it with `ImportPreviewDialog(document, paths, parent).open()`. The files are
read off the GUI thread (services.importing.preview_import with a session of the worker's
own); the dialog shows each file (unit, period, counts, or why it was refused) and under it
each row: new, changed (stored and returned text side by side below the list), unchanged,
skipped or refused, with a check box on every row that can be imported. "Import selected"
writes the checked rows with services.importing.apply_import (a backup copy first, then one
transaction) and reloads the document. An import is not an undo step: the values it replaced
stay in each indicator's History and the backup holds the state before it; the dialog says
so and names the backup.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period, periods_of_year
from kpi_desktop.services.importing import (
    FilePreview,
    ImportPreview,
    ImportResult,
    RowPreview,
    RowState,
    apply_import,
    preview_import,
)
from kpi_desktop.services.reading import read_one
from kpi_desktop.ui.background import Report, run_in_background
from kpi_desktop.ui.column_dialog import ImportColumns
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.import_preview_model import (
    COLUMN_ITEM,
    COLUMN_PERIOD,
    COLUMN_ROW,
    COLUMN_STATE,
    COLUMN_UNIT,
    ImportPreviewModel,
    fields_text,
    period_name,
)

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex

PAGE_BUSY, PAGE_PREVIEW, PAGE_DONE = range(3)


class ImportPreviewDialog(QDialog):
    """Preview `paths` against `document`'s database, then import the rows the clerk checks."""

    previewReady = Signal()
    imported = Signal(object)  # the ImportResult
    # Emitted on the reading thread as each file is started; delivered queued on the GUI one.
    fileStarted = Signal(int, str)

    def __init__(
        self, document: PlanDocument, paths: Sequence[Path | str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.paths = [Path(p) for p in paths]
        self.preview: ImportPreview | None = None
        self.outcome: ImportResult | None = None
        self.busy = False
        self.columns = ImportColumns(self, self.start_preview, self.show_error, parent)
        self.setWindowTitle(self.tr("Import returns"))
        self.model = ImportPreviewModel(self)
        self._build()
        self.model.checkedChanged.connect(self._update_buttons)
        self.fileStarted.connect(self._file_started)
        self.resize(1100, 720)
        self.start_preview()

    # building --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.banner.hide()

        self.period_row = QWidget()
        period_row = QHBoxLayout(self.period_row)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(QLabel(self.tr("Period of the returns:")))
        self.period_box = QComboBox()
        self.period_box.addItem(self.tr("as each file says"), "")
        for year in self.document.years:
            for period in periods_of_year(year):
                self.period_box.addItem(period_name(period.code), period.code)
        self.period_box.setToolTip(
            self.tr(
                "Templates sent by this program carry their period. For a file of a unit's own "
                "that names no period, choose it here."
            )
        )
        self.period_box.activated.connect(lambda _row: self.start_preview())
        period_row.addWidget(self.period_box)
        period_row.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._busy_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._done_page())

        self.check_all_button = QPushButton(self.tr("Check &all"))
        self.check_all_button.clicked.connect(lambda: self.model.check_all(True))
        self.check_none_button = QPushButton(self.tr("Check &none"))
        self.check_none_button.clicked.connect(lambda: self.model.check_all(False))
        self.import_button = QPushButton(self.tr("&Import selected"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.check_all_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(self.check_none_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.period_row)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

    def _busy_page(self) -> QWidget:
        page = QWidget()
        self.busy_label = QLabel()
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setFormat("%v / %m")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)
        return page

    def _preview_page(self) -> QWidget:
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Files and rows"))
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.row_message = QLabel()
        self.row_message.setWordWrap(True)
        self.row_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.old_text = QPlainTextEdit()
        self.old_text.setReadOnly(True)
        self.new_text = QPlainTextEdit()
        self.new_text.setReadOnly(True)
        old_box = QGroupBox(self.tr("Stored now"))
        QVBoxLayout(old_box).addWidget(self.old_text)
        new_box = QGroupBox(self.tr("In the returned file"))
        QVBoxLayout(new_box).addWidget(self.new_text)
        self.sides = QSplitter(Qt.Orientation.Horizontal)
        self.sides.addWidget(old_box)
        self.sides.addWidget(new_box)
        self.sides.setChildrenCollapsible(False)

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.row_message)
        self.columns_button = QPushButton(self.tr("Assign the columns…"))
        self.columns_button.hide()
        self.columns_button.clicked.connect(self.columns.assign)
        details_layout.addWidget(self.columns_button, 0, Qt.AlignmentFlag.AlignLeft)
        details_layout.addWidget(self.sides, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)

        self.undo_note = QLabel(
            self.tr(
                "An import is not undone with Ctrl+Z. The values it replaces stay in each "
                "indicator's History, and a backup copy of the database is made just before "
                "it (File → Restore from backup)."
            )
        )
        self.undo_note.setWordWrap(True)
        self.undo_note.setStyleSheet("color: palette(dark);")

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.undo_note)
        return page

    def _done_page(self) -> QWidget:
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        return page

    # preview ---------------------------------------------------------------------------------
    def start_preview(self) -> None:
        """Read the files again (for the period chosen) on a worker thread."""
        if self.busy:
            return
        self.preview = None
        self.model.set_preview(None)
        self._set_busy(
            self.tr("Reading %1 files…").replace("%1", str(len(self.paths)))
            if len(self.paths) != 1
            else self.tr("Reading %1…").replace("%1", self.paths[0].name)
        )
        self.busy_bar.setRange(0, len(self.paths))
        self.busy_bar.setValue(0)
        database = self.document.database
        paths = list(self.paths)
        period = str(self.period_box.currentData() or "") or None
        choices = dict(self.columns.choices)

        def work(report: Report) -> ImportPreview:
            read = [read_one(p, choice=choices.get(p)) for p in paths] if choices else None
            with database.read() as session:
                return preview_import(
                    session,
                    paths,
                    period,
                    progress=lambda i, path: report((i, path.name)),
                    read=read,
                )

        run_in_background(
            self,
            work,
            self._preview_done,
            self._preview_failed,
            lambda started: self.fileStarted.emit(*started),
        )

    def _file_started(self, index: int, name: str) -> None:
        if not self.busy or len(self.paths) < 2:
            return
        self.busy_bar.setValue(index)
        self.busy_label.setText(
            self.tr("Reading file %1 of %2: %3")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(self.paths)))
            .replace("%3", name)
        )

    def _set_busy(self, text: str) -> None:
        self.busy = True
        self.busy_label.setText(text)
        self.pages.setCurrentIndex(PAGE_BUSY)
        self.period_box.setEnabled(False)
        self._update_buttons()

    def _preview_done(self, preview: ImportPreview) -> None:
        self.busy = False
        if self.columns.recall(preview):
            self.start_preview()  # files refused for their columns, read as the clerk chose
            return
        self.preview = preview
        self.model.set_preview(preview)
        self.pages.setCurrentIndex(PAGE_PREVIEW)
        self.period_box.setEnabled(True)
        self.tree.expandAll()
        for column, width in ((COLUMN_ITEM, 240), (COLUMN_STATE, 90), (COLUMN_UNIT, 150)):
            self.tree.setColumnWidth(column, width)
        self.tree.setColumnWidth(COLUMN_PERIOD, 170)
        self.tree.setColumnWidth(COLUMN_ROW, 50)
        self._show_selection(None, None)
        self._update_buttons()
        if self.model.files:
            self.tree.setCurrentIndex(self.model.index(0, COLUMN_ITEM))
        self.previewReady.emit()

    def _preview_failed(self, error: BaseException) -> None:
        self.busy = False
        self.period_box.setEnabled(True)
        if not isinstance(error, KpiError):
            log.error("reading returns failed", exc_info=error)
        self.show_error(self._failure_text(error))
        self.pages.setCurrentIndex(PAGE_PREVIEW)
        self._update_buttons()
        self.previewReady.emit()

    def _failure_text(self, error: BaseException) -> str:
        if isinstance(error, KpiError):
            return error.message()
        return self.tr("The files could not be read: %1").replace("%1", str(error))

    def show_error(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _update_buttons(self) -> None:
        done = self.outcome is not None
        chosen = len(self.model.checked_keys())
        possible = len(self.model.checkable_keys())
        self.import_button.setEnabled(
            not self.busy and not done and chosen > 0 and not self.document.read_only
        )
        self.check_all_button.setEnabled(not self.busy and not done and possible > 0)
        self.check_none_button.setEnabled(not self.busy and not done and chosen > 0)
        self.check_all_button.setVisible(not done)
        self.check_none_button.setVisible(not done)
        self.import_button.setVisible(not done)
        self.close_button.setText(self.tr("Close") if done else self.tr("Cancel"))
        if self.preview is None or done:
            return
        files = len(self.preview.files)
        refused = sum(1 for f in self.preview.files if f.error is not None)
        text = (
            self.tr("%1 files, %2 refused as a whole. %3 of %4 rows checked for import.")
            .replace("%1", str(files))
            .replace("%2", str(refused))
            .replace("%3", str(chosen))
            .replace("%4", str(possible))
        )
        if self.document.read_only:
            text += " " + self.tr("The database is open read-only: nothing can be imported.")
        self.summary.setText(text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_selection(self.model.file_at(current), self.model.row_at(current))

    def _show_selection(self, file: FilePreview | None, row: RowPreview | None) -> None:
        old = new = message = ""
        if row is not None:
            message = self.model.row_message(row)
            if row.state is RowState.CHANGED:
                names = list(row.changes)
                old, new = fields_text(row.old, names), fields_text(row.new, names)
            elif row.state in (RowState.NEW, RowState.UNCHANGED):
                names = list(row.new)
                old = fields_text(row.old, names) if row.state is RowState.UNCHANGED else ""
                new = fields_text(row.new, names)
        elif file is not None:
            message = (
                file.error.message()
                if file.error is not None
                else f"{file.name}：{self.model.file_summary(file)}"
            )
        self.row_message.setText(message)
        self.row_message.setVisible(bool(message))
        self.columns.file = file if row is None and self.columns.can_assign(file) else None
        self.columns_button.setVisible(self.columns.file is not None and not self.busy)
        self.old_text.setPlainText(old)
        self.new_text.setPlainText(new)

    # importing -------------------------------------------------------------------------------
    def import_selected(self) -> None:
        preview = self.preview
        keys = self.model.checked_keys()
        if preview is None or not keys or self.busy or self.outcome is not None:
            return
        self.show_error("")
        self.busy_bar.setRange(0, 0)  # one transaction: no steps to count
        self._set_busy(self.tr("Importing %1 rows…").replace("%1", str(len(keys))))
        database = self.document.database

        def work(_report: Report) -> ImportResult:
            return apply_import(database, preview, accept=keys)

        run_in_background(self, work, self._import_done, self._import_failed)

    def _import_done(self, result: ImportResult) -> None:
        self.busy = False
        self.outcome = result
        periods = self._imported_periods()
        year = self.document.plan.year if self.document.plan is not None else None
        years = {Period.parse(code).year for code in periods}
        if years and year not in years:
            year = min(years)
        self.document.load(year)
        if len(periods) == 1:
            # Show what was just imported: returns for 上半年 are read in the 上半年 column.
            self.document.set_period(next(iter(periods)))
        self.done_label.setText(self.done_text(result))
        self.pages.setCurrentIndex(PAGE_DONE)
        self.period_row.hide()
        self._update_buttons()
        self.imported.emit(result)

    def _imported_periods(self) -> set[str]:
        chosen = set(self.model.checked_keys())
        return {
            f.period
            for f in self.model.files
            if f.period is not None and any(r.key in chosen for r in f.rows)
        }

    def done_text(self, result: ImportResult) -> str:
        files = len({key[0] for key in self.model.checked_keys()})
        lines = [
            self.tr(
                "Imported from %1 files: %2 rows changed stored values, %3 rows were "
                "recorded as received without a change."
            )
            .replace("%1", str(files))
            .replace("%2", str(result.written))
            .replace("%3", str(result.recorded)),
            "",
            self.tr(
                "An import is not undone with Ctrl+Z. The values it replaced stay in each "
                "indicator's History."
            ),
        ]
        if result.backup is not None:
            lines.append(
                self.tr(
                    "The state before the import is saved in this backup (File → Restore from "
                    "backup): %1"
                ).replace("%1", str(result.backup))
            )
        elif self.document.database.is_sqlite:
            lines.append(self.tr("No text changed, so no backup was needed."))
        else:
            lines.append(self.tr("The database is on a server: its backups are made there."))
        return "\n".join(lines)

    def _import_failed(self, error: BaseException) -> None:
        self.busy = False
        if not isinstance(error, KpiError):
            log.error("import failed", exc_info=error)
        text = (
            error.message()
            if isinstance(error, KpiError)
            else self.tr("The import failed: %1").replace("%1", str(error))
        )
        self.show_error(text + " " + self.tr("Nothing was imported."))
        self.pages.setCurrentIndex(PAGE_PREVIEW)
        self.period_box.setEnabled(True)
        self._update_buttons()

    def done(self, result: int) -> None:
        if self.busy and self.preview is not None and self.outcome is None:
            return  # an import is being written: closing now would hide how it ended
        super().done(result)
