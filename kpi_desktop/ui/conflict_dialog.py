"""Two clerks changed the same value: hers and the colleague's side by side, to choose or merge.

Shown when a save is refused because the value was saved by someone else since she read it
(services.editing.StaleWrite). Nothing of hers is lost: her text is in the dialog until she
decides. Keeping hers or saving a merge is a new write over the colleague's value (and so is
checked again, and undoable); keeping theirs writes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.status import Status
from kpi_desktop.ui.status_style import status_label

if TYPE_CHECKING:
    from kpi_desktop.services.editing import StaleWrite

TEXT_FIELDS = ("text", "problems", "next_steps")


def shown_value(field: str, value: Any) -> str:
    """A stored value as the clerk reads it."""
    if field == "status":
        if value is None:
            return QCoreApplication.translate("ConflictDialog", "Automatic (from the figures)")
        return status_label(Status(value))
    if field == "as_of_month":
        if value is None:
            return QCoreApplication.translate("ConflictDialog", "End of the period")
        return QCoreApplication.translate("ConflictDialog", "End of month %1").replace(
            "%1", str(value)
        )
    return "" if value is None else str(value)


class ConflictDialog(QDialog):
    """`choice` after exec(): the value to save (hers or the merge), or None to keep theirs."""

    def __init__(self, stale: StaleWrite, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale = stale
        self.field = stale.field
        self.choice: Any = None
        self.setWindowTitle(self.tr("Changed by someone else"))
        layout = QVBoxLayout(self)
        what = stale.params["field"]
        explanation = QLabel(
            self.tr(
                "Indicator %1, %2: the %3 was saved by someone else (%4) while you were "
                "changing it. Yours is not saved yet, so that neither overwrites the other. "
                "Keep yours, keep theirs, or merge the two and save."
            )
            .replace("%1", str(stale.params["seq"]))
            .replace("%2", str(stale.params["period"]))
            .replace("%3", str(what))
            .replace("%4", str(stale.params["who"]))
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Yours (not saved)")), 0, 0)
        grid.addWidget(QLabel(self.tr("Saved by the other side")), 0, 1)
        self.mine = self._shown(shown_value(self.field, stale.wanted))
        self.mine.setObjectName("mine")
        self.theirs = self._shown(shown_value(self.field, stale.stored))
        self.theirs.setObjectName("theirs")
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        layout.addLayout(grid)
        self.merged: QPlainTextEdit | None = None
        buttons = QDialogButtonBox()
        self.keep_mine = QPushButton(self.tr("Keep &mine"))
        self.keep_theirs = QPushButton(self.tr("Keep &theirs"))
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_theirs, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine.clicked.connect(lambda: self._choose(stale.wanted))
        self.keep_theirs.clicked.connect(lambda: self._choose(None))
        self.save_merged: QPushButton | None = None
        if self.field in TEXT_FIELDS:
            label = QLabel(self.tr("M&erged text (edit it, then save it)"))
            self.merged = QPlainTextEdit()
            self.merged.setObjectName("merged")
            self.merged.setPlainText(_joined(str(stale.stored or ""), str(stale.wanted or "")))
            label.setBuddy(self.merged)
            layout.addWidget(label)
            layout.addWidget(self.merged)
            self.save_merged = QPushButton(self.tr("&Save the merged text"))
            buttons.addButton(self.save_merged, QDialogButtonBox.ButtonRole.AcceptRole)
            self.save_merged.clicked.connect(
                lambda: self._choose(self.merged.toPlainText() if self.merged else None)
            )
        # Enter saves nothing over the colleague's value by itself: it takes the merge (which
        # starts as both texts) or, for a choice from a list, keeps theirs.
        for button in (self.keep_mine, self.keep_theirs):
            button.setAutoDefault(False)
        (self.save_merged or self.keep_theirs).setDefault(True)
        layout.addWidget(buttons)
        self.resize(820, 520 if self.merged is not None else 300)

    def _shown(self, text: str) -> QPlainTextEdit:
        field = QPlainTextEdit(text)
        field.setReadOnly(True)
        return field

    def _choose(self, value: Any) -> None:
        self.choice = value
        if value is None:
            self.reject()
        else:
            self.accept()


def _joined(theirs: str, mine: str) -> str:
    """Both texts, theirs first, as a start for the merge (one only when the other is empty
    or holds it)."""
    if not theirs.strip() or theirs.strip() in mine:
        return mine
    if not mine.strip() or mine.strip() in theirs:
        return theirs
    return f"{theirs}\n{mine}"
