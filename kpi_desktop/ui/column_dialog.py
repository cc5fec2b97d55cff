"""Assigning a table's columns by hand, where the reader is not sure which column is which.

`ColumnDialog(preview, parent)` shows the first rows of the table (services.returns.
table_preview) with, above each column, what the reader takes it for; the clerk changes what is
wrong and says which row is the header. `choose_columns(path, parent, settings)` asks only when
the reader is unsure, and remembers the answer for files of the same layout (keyed by their
header cells) in the settings, so next year's table of the same office is read unasked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.column_choice import (
    column_letter,
    format_column_option,
    parse_column_option,
)
from kpi_desktop.domain.columns import ASSIGNABLE, ROLE_LABELS, Role
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services.import_model import FilePreview, ImportPreview
from kpi_desktop.services.returns import ColumnChoice, TablePreview, table_preview

SETTINGS_GROUP = "tableColumns"


class ColumnDialog(QDialog):
    """The first rows of a table, each column with the role the clerk gives it."""

    def __init__(self, preview: TablePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Which column is which?"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The program is not sure which column of “%1” holds what. Check the first rows "
                "below and choose, above each column, what it holds; leave a column at “not "
                "read” to skip it. The choice is remembered for tables laid out the same way."
            ).replace("%1", preview.path.name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        header_line = QHBoxLayout()
        header_line.addWidget(QLabel(self.tr("Header row (as Excel numbers it):")))
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 100000)
        self.header_row.setValue(preview.header_row)
        header_line.addWidget(self.header_row)
        header_line.addStretch(1)
        layout.addLayout(header_line)

        width = preview.width
        self.table = QTableWidget(len(preview.rows) + 1, width)
        self.table.setHorizontalHeaderLabels([column_letter(i) for i in range(width)])
        self.table.setVerticalHeaderLabels(
            [self.tr("holds")] + [str(preview.first_row + i) for i in range(len(preview.rows))]
        )
        self.roles: list[QComboBox] = []
        for column in range(width):
            box = QComboBox()
            box.addItem(self.tr("not read"), "")
            for role in ASSIGNABLE:
                box.addItem(ROLE_LABELS[role], role.value)
            found = preview.layout.role_of(column)
            if found is not None and found in ASSIGNABLE:
                box.setCurrentIndex(box.findData(found.value))
            box.setAccessibleName(self.tr("Column %1").replace("%1", column_letter(column)))
            self.table.setCellWidget(0, column, box)
            self.roles.append(box)
            for row, cells in enumerate(preview.rows, start=1):
                text = cells[column] if column < len(cells) else ""
                item = QTableWidgetItem(text.replace("\n", " ")[:60])
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(width):
            self.table.setColumnWidth(column, min(max(self.table.columnWidth(column), 90), 220))
        layout.addWidget(self.table, 1)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def choice(self) -> ColumnChoice:
        """The columns as the clerk assigned them."""
        columns: dict[Role, tuple[int, ...]] = {}
        for index, box in enumerate(self.roles):
            value = box.currentData()
            if value:
                role = Role(value)
                columns[role] = (*columns.get(role, ()), index)
        return ColumnChoice(columns, self.header_row.value(), self.preview.sheet)

    def accept(self) -> None:
        if Role.TEXT not in self.choice().columns:
            self.problem.setText(
                self.tr("Choose the column that holds the work items (重点工作) at least.")
            )
            return
        super().accept()


def _key(layout: str) -> str:
    digest = hashlib.sha1(layout.encode("utf-8")).hexdigest()[:16]
    return f"{SETTINGS_GROUP}/{digest}"


def remembered(preview: TablePreview, settings: QSettings) -> ColumnChoice | None:
    """The clerk's earlier choice for a table laid out like this one, if any: a row among the
    sheet's first ones with the same cells as the header the clerk chose then is the header
    now, wherever the title above it ends."""
    for row, layout in preview.keys:
        value = settings.value(_key(layout))
        if not isinstance(value, str) or not value:
            continue
        try:
            columns, _header = parse_column_option(value)
        except KpiError:
            continue
        return ColumnChoice(columns, row, preview.sheet)
    return None


def remember(preview: TablePreview, choice: ColumnChoice, settings: QSettings) -> None:
    """Keep the choice for tables whose header row has the cells of the one chosen."""
    layout = preview.key_of(choice.header_row) if choice.header_row else preview.key
    if layout:
        settings.setValue(_key(layout), format_column_option(choice.columns, choice.header_row))


def choose_columns(
    path: Path | str, parent: QWidget | None, settings: QSettings
) -> tuple[bool, ColumnChoice | None]:
    """(go on, the clerk's choice or None to let the reader decide). Asks only where the
    reader is unsure and no choice is remembered for the table's layout; False when the
    clerk cancels."""
    try:
        preview = table_preview(path)
    except KpiError:
        return True, None  # the reading itself refuses the file, with its own message
    earlier = remembered(preview, settings)
    if earlier is not None:
        return True, earlier
    if preview.sure:
        return True, None
    dialog = ColumnDialog(preview, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    choice = dialog.choice()
    remember(preview, choice, settings)
    return True, choice


class ImportColumns:
    """The clerk's reading of the columns of returns the import refused for want of a table it
    knows: remembered choices applied unasked, the dialog for the file the clerk picks."""

    NO_TABLE = "return.no_table"

    def __init__(
        self,
        dialog: QWidget,
        read_again: Callable[[], None],
        show_error: Callable[[str], None],
        window: QWidget | None,
    ) -> None:
        self.dialog = dialog
        self.read_again = read_again
        self.show_error = show_error
        found = getattr(window, "settings", None)
        self.settings = found if isinstance(found, QSettings) else QSettings()
        self.choices: dict[Path, ColumnChoice] = {}
        self.tried: set[Path] = set()
        self.file: FilePreview | None = None

    def can_assign(self, file: FilePreview | None) -> bool:
        return file is not None and file.error is not None and file.error.code == self.NO_TABLE

    def recall(self, preview: ImportPreview) -> bool:
        """Whether a refused file has a remembered choice not yet tried (then read it again)."""
        added = False
        for file in preview.files:
            if not self.can_assign(file) or file.path in self.tried:
                continue
            self.tried.add(file.path)
            try:
                table = table_preview(file.path, need_progress=True)
            except KpiError:
                continue
            earlier = remembered(table, self.settings)
            if earlier is not None:
                self.choices[file.path] = earlier
                added = True
        return added

    def assign(self) -> None:
        """Ask the clerk which column of the chosen file is which, then read the files again."""
        file = self.file
        if file is None:
            return
        try:
            table = table_preview(file.path, need_progress=True)
        except KpiError as error:
            self.show_error(error.message())
            return
        ask = ColumnDialog(table, self.dialog)
        if ask.exec() != QDialog.DialogCode.Accepted:
            return
        choice = ask.choice()
        remember(table, choice, self.settings)
        self.choices[file.path] = choice
        self.tried.add(file.path)
        self.read_again()
