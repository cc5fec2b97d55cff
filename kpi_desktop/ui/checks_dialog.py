"""Tools → Data checks: the findings of services.checks for the period shown, as a list the
clerk works through. Double-clicking a finding (or "Go to indicator") shows its indicator in
the window; "Dismiss…" asks for a reason, kept in the change log; "Reopen" takes a dismissal
back. The dialog stays open beside the window and checks again whenever the data changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
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

from kpi_desktop.domain.errors import KpiError, current_language
from kpi_desktop.domain.periods import Period
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP
from kpi_desktop.ui.table_model import RowTableModel

if TYPE_CHECKING:
    from kpi_desktop.domain.checks import Finding

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMN_SEQ, COLUMN_RULE, COLUMN_MESSAGE, COLUMN_STATE = range(4)
DISMISSED = QColor("#6b6b6b")
FindingRole = Qt.ItemDataRole.UserRole + 1


class FindingsModel(RowTableModel):
    """One row per finding, open ones first, in 序号 order."""

    HEADERS = (
        QT_TRANSLATE_NOOP("FindingsModel", "No."),
        QT_TRANSLATE_NOOP("FindingsModel", "Check"),
        QT_TRANSLATE_NOOP("FindingsModel", "What was found, and what to do"),
        QT_TRANSLATE_NOOP("FindingsModel", "State"),
    )

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.rows = [f for f in findings if f.open] + [f for f in findings if not f.open]
        self.endResetModel()

    def finding_at(self, index: ModelIndex) -> Finding | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        finding: Finding = self.rows[index.row()]
        return finding

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        finding = self.finding_at(index)
        if finding is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            language = current_language()
            if column == COLUMN_SEQ:
                return str(finding.seq)
            if column == COLUMN_RULE:
                return finding.rule.label(language)
            if column == COLUMN_MESSAGE:
                return finding.message(language)
            if finding.open:
                return self.tr("Open")
            return self.tr("Dismissed: {reason}").format(reason=finding.dismissed)
        if role == Qt.ItemDataRole.ForegroundRole and not finding.open:
            return DISMISSED
        if role == FindingRole:
            return finding
        return None


class ChecksDialog(QDialog):
    """The findings of the document's period."""

    indicatorChosen = Signal(int)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Data checks"))
        self.resize(980, 520)
        self.model = FindingsModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COLUMN_SEQ, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_RULE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMN_STATE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COLUMN_STATE, 180)
        self.view.doubleClicked.connect(self.go_to)
        self.go = QPushButton(self.tr("&Go to indicator"))
        self.dismiss_button = QPushButton(self.tr("&Dismiss…"))
        self.reopen_button = QPushButton(self.tr("&Reopen"))
        self.again = QPushButton(self.tr("Check &again"))
        close = QPushButton(self.tr("Close"))
        self.go.clicked.connect(self.go_to)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.reopen_button.clicked.connect(self.reopen)
        self.again.clicked.connect(self.refresh)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.go, self.dismiss_button, self.reopen_button, self.again):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        document.reset.connect(self.refresh)
        document.indicatorChanged.connect(self.refresh)
        document.periodChanged.connect(self.refresh)
        self.refresh()

    def findings(self) -> list[Finding]:
        from kpi_desktop.services.checks import check_views

        with self.document.database.read() as session:
            return check_views(session, self.document.views, Period.parse(self.document.period))

    def refresh(self) -> None:
        if not self.document.period or not self.document.attached:
            return
        from kpi_desktop.services.checks import status_counts

        findings = self.findings()
        self.model.set_findings(findings)
        self.view.resizeRowsToContents()
        opened, dismissed = status_counts(findings)
        period = Period.parse(self.document.period)
        label = period.english if current_language() == "en" else period.chinese
        if opened:
            text = KpiError("check.found", period=label, count=opened, dismissed=dismissed)
        else:
            text = KpiError("check.none", period=label)
        self.summary.setText(text.message())
        self._update_buttons()

    def current(self) -> Finding | None:
        return self.model.finding_at(self.view.currentIndex())

    def _update_buttons(self) -> None:
        finding = self.current()
        editable = not self.document.read_only
        self.go.setEnabled(finding is not None)
        self.dismiss_button.setEnabled(finding is not None and finding.open and editable)
        self.reopen_button.setEnabled(finding is not None and not finding.open and editable)

    def go_to(self) -> None:
        finding = self.current()
        if finding is not None:
            self.indicatorChosen.emit(finding.indicator_id)

    def dismiss(self) -> None:
        finding = self.current()
        if finding is None or not finding.open:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Dismiss a finding"),
            self.tr("Why is this finding all right? (kept in the indicator's history)"),
        )
        if not ok:
            return
        from kpi_desktop.services.checks import dismiss

        if not reason.strip():
            QMessageBox.warning(self, self.windowTitle(), KpiError("check.no_reason").message())
            return
        self.document.write(
            finding.indicator_id,
            what=f"{finding.indicator_id}:{finding.period}",
            action=lambda session: dismiss(session, finding, reason),
        )

    def reopen(self) -> None:
        finding = self.current()
        if finding is None or finding.open:
            return
        from kpi_desktop.services.checks import undismiss

        self.document.write(
            finding.indicator_id,
            what=f"{finding.indicator_id}:{finding.period}",
            action=lambda session: undismiss(session, finding),
        )


def open_findings_count(document: PlanDocument) -> int:
    """How many findings of the document's period are open (for the warning before
    printing)."""
    from kpi_desktop.services.checks import check_views, status_counts

    with document.database.read() as session:
        findings = check_views(session, document.views, Period.parse(document.period))
    return status_counts(findings)[0]


def confirm_despite_findings(document: PlanDocument, parent: QWidget) -> bool:
    """Before printing: warn while findings are open, and let the clerk go on (they do not
    block). True to go on."""
    if not document.attached or not document.period:
        return True
    count = open_findings_count(document)
    if not count:
        return True
    period = Period.parse(document.period)
    label = period.english if current_language() == "en" else period.chinese
    message = KpiError("check.open_before_print", period=label, count=count).message()
    answer = QMessageBox.question(
        parent,
        parent.tr("Open findings"),
        message,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
