"""Preferences the clerk can change: for now, the language of the window."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from kpi_desktop.ui.app import LANGUAGE_KEY
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP

LANGUAGES = (
    ("", QT_TRANSLATE_NOOP("SettingsDialog", "System language")),
    ("zh_CN", "中文（简体）"),
    ("en", "English"),
)


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language_changed = False
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(self.tr(name) if not code else name, code)
        current = str(settings.value(LANGUAGE_KEY, "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(QLabel(self.tr("The window is shown again in the chosen language.")))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        chosen = str(self.language.currentData())
        if chosen != str(self.settings.value(LANGUAGE_KEY, "") or ""):
            self.settings.setValue(LANGUAGE_KEY, chosen)
            self.language_changed = True
        super().accept()
