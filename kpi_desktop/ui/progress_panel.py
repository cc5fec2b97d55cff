"""The right-hand side: the selected indicator and its progress, one panel per period.

The selected period's panel is editable; the other periods of the year sit beside it read-only
for comparison. Every change is pushed as an undo command and saved at once: typing is saved
after a short pause or when the field loses focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.fields import ProgressField, SourceKind
from kpi_desktop.domain.periods import Period, periods_of_year
from kpi_desktop.domain.status import Status
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.labels import period_title
from kpi_desktop.ui.status_style import status_icon, status_label
from kpi_desktop.ui.targets_model import TargetsModel
from kpi_desktop.ui.undo_commands import SetProgressField

if TYPE_CHECKING:
    from kpi_desktop.storage.rows import ProgressRow

TYPING_PAUSE_MS = 700


class _TextField(QPlainTextEdit):
    """A plain-text editor that reports when it loses focus, so typing is saved then.

    It keeps no undo history of its own: Ctrl+Z and Ctrl+Y ask for the window's, which holds
    every saved edit (a field's own undo would empty the field, and the empty text would be
    saved as a new edit the window's history knows nothing of)."""

    focusLost = Signal()
    undoRequested = Signal()
    redoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # type: ignore[override]
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undoRequested.emit()
        elif event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            self.redoRequested.emit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.focusLost.emit()


class PeriodPanel(QGroupBox):
    """Progress of one indicator in one period."""

    def __init__(
        self, document: PlanDocument, period: Period, editable: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document, self.period, self.editable = document, period, editable
        self.indicator_id: int | None = None
        title = f"{period_title(period)} · {period.code}"
        event = document.closed.get(period.code)
        if event is not None:
            title += " · " + self.tr("■ closed (定稿) on %1, read-only").replace("%1", event.day)
        self.setTitle(title)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        self._dirty: set[str] = set()
        # The stored value each field showed when the clerk began typing in it: what her
        # text replaces, even if a colleague's change is shown meanwhile.
        self._bases: dict[str, str] = {}
        self._loading = False
        document.aboutToUndo.connect(self.flush)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.text = self._text_field(
            "text", self.tr("&Progress"), form, minimum=110 if editable else 70
        )
        self.status = QComboBox()
        self.status.addItem(self.tr("Automatic (from the figures)"), None)
        for status in (
            Status.DONE,
            Status.AHEAD,
            Status.ON_SCHEDULE,
            Status.BEHIND,
            Status.NO_FIGURE,
        ):
            self.status.addItem(status_icon(status), status_label(status), status.value)
        self.status.setEnabled(editable)
        self.status.activated.connect(self._status_chosen)
        self.status_shown = QLabel()
        self.verdict_shown = QLabel()  # the unit's own word, beside the computed status
        status_row = QWidget()
        row = QHBoxLayout(status_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.status_shown)
        row.addWidget(self.verdict_shown)
        status_label_widget = QLabel(self.tr("&Status"))
        status_label_widget.setBuddy(self.status)
        form.addRow(status_label_widget, status_row)
        self.as_of = QComboBox()
        self.as_of.addItem(self.tr("End of the period"), None)
        for month in range(1, period.end_month + 1):
            self.as_of.addItem(self.tr("End of month %1").replace("%1", str(month)), month)
        self.as_of.setEnabled(editable)
        self.as_of.activated.connect(self._as_of_chosen)
        form.addRow(self.tr("Figures &as of"), self.as_of)
        self.problems = self._text_field("problems", self.tr("Pro&blems"), form, minimum=50)
        self.next_steps = self._text_field("next_steps", self.tr("Ne&xt steps"), form, minimum=50)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Source"), self.source)

    def _text_field(self, name: str, label: str, form: QFormLayout, minimum: int) -> _TextField:
        field = _TextField()
        field.setReadOnly(not self.editable)
        field.setTabChangesFocus(True)
        field.setMinimumHeight(minimum)
        # Room for a few lines; longer texts scroll, so the other periods stay in view.
        field.setMaximumHeight(minimum * 2)
        field.setObjectName(name)
        if self.editable:
            field.textChanged.connect(lambda n=name: self._typed(n))
            field.focusLost.connect(self.flush)
        field.undoRequested.connect(self.document.undo)
        field.redoRequested.connect(self.document.redo)
        form.addRow(label, field)
        return field

    def _fields(self) -> dict[ProgressField, _TextField]:
        """The text fields in the order the form shows them."""
        return {
            ProgressField.TEXT: self.text,
            ProgressField.PROBLEMS: self.problems,
            ProgressField.NEXT_STEPS: self.next_steps,
        }

    def _typed(self, name: str) -> None:
        if self._loading:
            return
        if name not in self._dirty:
            self._bases[name] = self._stored(name)
        self._dirty.add(name)
        self._timer.start()

    def _stored(self, name: str) -> str:
        view = self.document.view(self.indicator_id) if self.indicator_id is not None else None
        entry = view.progress.get(self.period.code) if view is not None else None
        value = getattr(entry, name) if entry is not None else ""
        return value or ""

    def flush(self) -> None:
        """Save what was typed and not saved yet."""
        self._timer.stop()
        if self.indicator_id is None or not self._dirty:
            return
        dirty, self._dirty = self._dirty, set()
        bases, self._bases = self._bases, {}
        for name, field in self._fields().items():
            if name in dirty:
                value = field.toPlainText()
                self.document.undo_stack.push(
                    SetProgressField(
                        self.document,
                        self.indicator_id,
                        self.period.code,
                        name,
                        value,
                        base=bases.get(name, self._stored(name)),
                    )
                )

    def _status_chosen(self, _row: int) -> None:
        if self.indicator_id is not None:
            self.flush()
            self.document.undo_stack.push(
                SetProgressField(
                    self.document,
                    self.indicator_id,
                    self.period.code,
                    "status",
                    self.status.currentData(),
                )
            )

    def _as_of_chosen(self, _row: int) -> None:
        if self.indicator_id is not None:
            self.flush()
            self.document.undo_stack.push(
                SetProgressField(
                    self.document,
                    self.indicator_id,
                    self.period.code,
                    "as_of_month",
                    self.as_of.currentData(),
                )
            )

    def show_view(self, view: IndicatorView | None) -> None:
        """Show `view`'s progress; unsaved typing for another indicator is saved first."""
        if view is None or view.id != self.indicator_id:
            self.flush()
        self.indicator_id = view.id if view else None
        entry = view.progress.get(self.period.code) if view else None
        self._loading = True
        try:
            for name, field in self._fields().items():
                value = getattr(entry, name) if entry else ""
                if name in self._dirty:
                    continue  # the clerk is typing here: keep her text, it is saved shortly
                if field.toPlainText() != value:
                    field.setPlainText(value)
                    field.moveCursor(QTextCursor.MoveOperation.End)  # ready to go on typing
            self.status.setCurrentIndex(
                max(0, self.status.findData(entry.status if entry else None))
            )
            self.as_of.setCurrentIndex(
                max(0, self.as_of.findData(entry.as_of_month if entry else None))
            )
        finally:
            self._loading = False
        if view is not None:
            status = self.document.status(view, self.period.code)
            self.status_shown.setPixmap(status_icon(status).pixmap(16, 16))
            self.status_shown.setToolTip(status_label(status))
            self.status_shown.setText("")
            self._show_verdict(view, status)
        self.source.setText(self.describe_source(entry))
        if not self.editable:
            self.setEnabled(view is not None)

    def _show_verdict(self, view: IndicatorView, status: Status) -> None:
        verdict = self.document.verdict(view, self.period.code)
        if verdict is None:
            self.verdict_shown.clear()
            self.verdict_shown.setToolTip("")
            return
        self.verdict_shown.setText(self.tr("Unit says: %1").replace("%1", verdict.chinese))
        if verdict.status is not status and status not in (Status.NO_FIGURE, Status.NOT_REPORTED):
            self.verdict_shown.setToolTip(
                self.tr("The unit's own verdict differs from the status the figures give")
            )
        else:
            self.verdict_shown.setToolTip(self.tr("The unit's own verdict in its progress text"))

    def describe_source(self, entry: ProgressRow | None) -> str:
        if entry is None:
            return self.tr("Nothing filled in yet")
        when = entry.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if not entry.text.strip():
            # An emptied text (typed away, or undone) was not "typed" as such: say what is.
            return self.tr("Nothing filled in yet; earlier texts are in History")
        if entry.source == SourceKind.IMPORTED:
            return (
                self.tr("Imported from %1 (%2) on %3")
                .replace("%1", entry.source_file or "?")
                .replace("%2", entry.source_unit or "?")
                .replace("%3", when)
            )
        if entry.source == SourceKind.BUILTIN:
            return self.tr("From the built-in plan")
        return self.tr("Typed on %1").replace("%1", when)


class IndicatorPanel(QScrollArea):
    """The selected indicator: its number, text and units on top, the periods below."""

    editIndicatorRequested = Signal(int)
    historyRequested = Signal(int)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.view: IndicatorView | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)

        top = QHBoxLayout()
        self.seq = QLabel()
        font = self.seq.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.seq.setFont(font)
        self.seq.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.seq)
        words = QVBoxLayout()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text_font = self.text.font()
        text_font.setPointSizeF(text_font.pointSizeF() * 1.15)
        self.text.setFont(text_font)
        self.units = QLabel()
        self.units.setWordWrap(True)
        words.addWidget(self.text)
        words.addWidget(self.units)
        top.addLayout(words, 1)
        buttons = QVBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit indicator…"))
        self.edit_button.clicked.connect(self._edit)
        self.history_button = QPushButton(self.tr("&History…"))
        self.history_button.clicked.connect(self._history)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch()
        top.addLayout(buttons)
        layout.addLayout(top)

        self.targets_model = TargetsModel(document)
        self.targets = QTableView()
        self.targets.setModel(self.targets_model)
        self.targets.verticalHeader().hide()
        self.targets.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.targets.horizontalHeader().setStretchLastSection(True)
        self.targets.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.targets.setSizeAdjustPolicy(QTableView.SizeAdjustPolicy.AdjustToContents)
        self.targets.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.targets.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.targets.setTabKeyNavigation(False)
        self.targets_box = QGroupBox(self.tr("Targets in this period"))
        QVBoxLayout(self.targets_box).addWidget(self.targets)
        layout.addWidget(self.targets_box)

        self.current_box = QVBoxLayout()
        layout.addLayout(self.current_box)
        from kpi_desktop.ui.notes_box import NotesBox  # it builds on this module's text field

        self.notes = NotesBox(document)
        layout.addWidget(self.notes)
        self.others = QVBoxLayout()
        layout.addLayout(self.others)
        layout.addStretch()
        self.panels: dict[str, PeriodPanel] = {}
        self._built_read_only = False
        self._built_closed: set[str] = set()
        self.placeholder = QLabel(self.tr("Choose an indicator in the tree on the left."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.insertWidget(0, self.placeholder)
        document.periodChanged.connect(lambda _p: self._reset_panels())
        document.reset.connect(self._document_reset)
        document.indicatorChanged.connect(self._indicator_changed)
        self.show_indicator(None)

    @property
    def editable_panel(self) -> PeriodPanel | None:
        return self.panels.get(self.document.period)

    def _reset_panels(self) -> None:
        """Drop the period panels; new ones are made when an indicator is shown (at once if
        one is). The window's first paint shows none, so it does not wait for them."""
        for panel in self.panels.values():
            panel.flush()
            panel.setParent(None)  # type: ignore[call-overload]
            panel.deleteLater()
        self.panels = {}
        self.show_indicator(self.view.id if self.view else None)

    def _make_panels(self) -> None:
        self._built_read_only = self.document.read_only
        self._built_closed = set(self.document.closed)
        if self.document.plan is None:
            return
        for period in periods_of_year(self.document.plan.year):
            current = period.code == self.document.period
            editable = current and not self.document.period_locked(period.code)
            panel = PeriodPanel(self.document, period, editable)
            self.panels[period.code] = panel
            if current:
                self.current_box.addWidget(panel)
            else:
                self.others.addWidget(panel)

    def _document_reset(self) -> None:
        if self.document.plan is not None and (
            not self.panels
            or Period.parse(next(iter(self.panels))).year != self.document.plan.year
            # The file was opened read-only after the first paint (another program has it).
            or self._built_read_only != self.document.read_only
            or self._built_closed != set(self.document.closed)
        ):
            self._reset_panels()
        else:
            self.show_indicator(self.view.id if self.view else None)

    def _indicator_changed(self, indicator_id: int) -> None:
        if self.view is not None and indicator_id == self.view.id:
            self.show_indicator(indicator_id)

    def show_indicator(self, indicator_id: int | None) -> None:
        view = self.document.view(indicator_id) if indicator_id is not None else None
        self.view = view
        has = view is not None
        self.placeholder.setVisible(not has)
        self.edit_button.setEnabled(not self.document.read_only)
        for widget in (
            self.seq,
            self.text,
            self.units,
            self.edit_button,
            self.history_button,
            self.targets_box,
        ):
            widget.setVisible(has)
        if view is not None:
            self.seq.setText(str(view.seq))
            self.text.setText(view.text)
            self.units.setText(self.tr("Lead units: %1").replace("%1", "　".join(view.lead_units)))
        self.targets_model.show(
            view, self.document.period, editable=not self.document.period_locked()
        )
        self._fit_targets()
        if has and not self.panels:
            self._make_panels()
        for panel in self.panels.values():
            panel.setVisible(has)
            panel.show_view(view)
        self.notes.setVisible(has)
        self.notes.show_indicator(view.id if view else None)

    def _fit_targets(self) -> None:
        """As tall as its rows: no empty space under the last target."""
        table = self.targets
        rows = self.targets_model.rowCount()
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(row) for row in range(rows))
        if table.horizontalScrollBar().isVisible():
            height += table.horizontalScrollBar().height()
        table.setFixedHeight(height)

    def flush(self) -> None:
        for panel in self.panels.values():
            panel.flush()
        self.notes.flush()

    def focus_progress(self) -> None:
        panel = self.editable_panel
        if panel is not None:
            panel.text.setFocus()

    def _edit(self) -> None:
        if self.view is not None:
            self.editIndicatorRequested.emit(self.view.id)

    def _history(self) -> None:
        if self.view is not None:
            self.historyRequested.emit(self.view.id)
