"""Help ▸ Keyboard shortcuts and About, and Edit ▸ Preferences, opened from the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from facilitator_app.gui.main_window import MainWindow


def show_shortcuts(window: MainWindow) -> None:
    from facilitator_app.gui.dialogs.shortcuts import ShortcutsDialog

    ShortcutsDialog(window).exec()


def show_about(window: MainWindow) -> None:
    from facilitator_app import __version__

    QMessageBox.about(
        window,
        QCoreApplication.translate("MainWindow", "About facilitator-app"),
        QCoreApplication.translate(
            "MainWindow",
            "<h3>facilitator-app %s</h3><p>Run strategy workshops offline: attendees, "
            "a live projected vision, the activity tree, and the minutes.</p>",
        )
        % __version__,
    )


def show_preferences(window: MainWindow) -> None:
    from facilitator_app.gui.dialogs.preferences import PreferencesDialog

    PreferencesDialog(window).exec()
