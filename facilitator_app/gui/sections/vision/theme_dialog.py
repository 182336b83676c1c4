"""The dialog that asks for a theme's name, saying why a name cannot be used."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class ThemeNameDialog(QDialog):
    """Asks for a theme's name; OK stays disabled, with the reason shown, until it is usable."""

    def __init__(
        self,
        title: str,
        problem: Callable[[str], str | None],
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._problem = problem
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Name of the theme:"), self)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setAccessibleName(self.tr("Name of the theme"))
        self.name_edit.setMinimumWidth(360)
        label.setBuddy(self.name_edit)
        self.hint = QLabel(self)
        self.hint.setAccessibleName(self.tr("Why the name cannot be used"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for widget in (label, self.name_edit, self.hint, self.buttons):
            layout.addWidget(widget)
        self.name_edit.textChanged.connect(self._check)
        self.name_edit.selectAll()
        self._check()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def _check(self) -> None:
        problem = self._problem(self.name_edit.text()) if self.name_edit.text().strip() else None
        self.hint.setText(problem or "")
        self.hint.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name()) and problem is None)
