"""``--smoke`` runs with nobody at the screen: nothing on its way may wait for an answer.

What would open a dialog there (a file that cannot be opened, the demo missing, a workshop
open elsewhere, changes its file lacks when the window closes) says the dialog's message as one
line on stderr instead, and the app exits with status 2. A dialog that opens all the same is
closed at once and said the same way, so a smoke run ends whatever it meets.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox


def dialog_text(dialog: QDialog) -> str:
    if isinstance(dialog, QMessageBox):
        return " ".join(part for part in (dialog.text(), dialog.informativeText()) if part)
    return f"{dialog.windowTitle() or type(dialog).__name__}: a dialog opened"


class Unattended(QObject):
    """Made by ``run_gui`` for ``--smoke``; the window asks it before it would ask a person.

    ``refused`` tells ``run_gui`` to stop and exit with status 2.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.refused = False
        app.installEventFilter(self)

    def refuse(self, message: str) -> None:
        """Say on stderr, in one line, what a dialog would have said; the app will exit 2."""
        print(f"facilitator-app: {' '.join(message.split())}", file=sys.stderr, flush=True)
        self.refused = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            self.refuse(dialog_text(watched))
            # exec() shows the dialog, then enters its event loop: close it from in there.
            QTimer.singleShot(0, watched.reject)
        return False
