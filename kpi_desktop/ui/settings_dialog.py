"""Preferences the clerk can change: the language of the window, and the shared database's
address (never a password: the server's own .pgpass or service file keeps that)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from kpi_desktop.storage.locations import has_password, is_server_url
from kpi_desktop.ui.app import LANGUAGE_KEY, SERVER_KEY
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
        self.server = QLineEdit(str(settings.value(SERVER_KEY, "") or ""))
        self.server.setPlaceholderText("postgresql://user@server/kpi")
        self.server.setMinimumWidth(380)
        form.addRow(self.tr("Shared &database"), self.server)
        note = QLabel(
            self.tr(
                "The address of the office's PostgreSQL database, opened the next time the "
                "program starts (empty: the file on this computer). Give no password here: "
                "the server's password file (pgpass) or service file keeps it."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.server_changed = False
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        address = self.server.text().strip()
        if address and has_password(address):
            QMessageBox.warning(
                self,
                self.tr("Settings"),
                self.tr(
                    "The address holds a password, which the program never stores. Remove it "
                    "and put it in the server's password file (pgpass) instead."
                ),
            )
            return
        if address and not is_server_url(address):
            QMessageBox.warning(
                self,
                self.tr("Settings"),
                self.tr("A shared database's address begins with postgresql://"),
            )
            return
        if address != str(self.settings.value(SERVER_KEY, "") or ""):
            self.settings.setValue(SERVER_KEY, address)
            self.server_changed = True
        chosen = str(self.language.currentData())
        if chosen != str(self.settings.value(LANGUAGE_KEY, "") or ""):
            self.settings.setValue(LANGUAGE_KEY, chosen)
            self.language_changed = True
        super().accept()
