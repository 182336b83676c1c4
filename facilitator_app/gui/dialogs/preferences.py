"""Edit ▸ Preferences: the interface language (applied at the next start)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from facilitator_app.gui.core import settings
from facilitator_app.gui.core.i18n import LANGUAGES, chosen_language


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        layout = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.addItem(self.tr("Follow the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        current = settings.read(settings.LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        label = QLabel(self.tr("&Language:"), self)
        label.setBuddy(self.language)
        layout.addRow(label, self.language)
        layout.addRow(QLabel(self.tr("The language changes when the app starts next."), self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def accept(self) -> None:
        settings.write(settings.LANGUAGE, str(self.language.currentData()))
        super().accept()

    @staticmethod
    def language_in_use() -> str:
        return chosen_language()
