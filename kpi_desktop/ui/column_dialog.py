"""Assigning a table's columns by hand, where the reader is not sure which column is which.

`ColumnDialog(preview, parent)` shows the first rows of the table (services.returns.
table_preview) with, above each column, what the reader takes it for; the clerk changes what is
wrong and says which row is the header. `choose_columns(path, parent, settings)` asks only when
the reader is unsure, and remembers the answer for files of the same layout (keyed by their
header cells) in the settings, so next year's table of the same office is read unasked.
"""

from __future__ import annotations

import hashlib
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
            [self.tr("holds")] + [str(preview.header_row + i) for i in range(len(preview.rows))]
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


def _key(preview: TablePreview) -> str:
    digest = hashlib.sha1(preview.key.encode("utf-8")).hexdigest()[:16]
    return f"{SETTINGS_GROUP}/{digest}"


def remembered(preview: TablePreview, settings: QSettings) -> ColumnChoice | None:
    """The clerk's earlier choice for a table laid out like this one, if any."""
    value = settings.value(_key(preview))
    if not isinstance(value, str) or not value:
        return None
    try:
        columns, header = parse_column_option(value)
    except KpiError:
        return None
    # the same header cells: the header is this file's header row, wherever its title ends
    return ColumnChoice(columns, preview.header_row if header is not None else None, preview.sheet)


def remember(preview: TablePreview, choice: ColumnChoice, settings: QSettings) -> None:
    settings.setValue(_key(preview), format_column_option(choice.columns, choice.header_row))


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
