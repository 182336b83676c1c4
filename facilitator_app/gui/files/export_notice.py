"""The "Exported to …" line in the status bar after an export, with *Open folder*.

A status-bar widget, not a message box: nothing waits for an answer (a --smoke run included,
see gui/core/unattended.py), and the facilitator can go on typing while it shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator_app.gui.core.icons import icon

SHOWN_MS = 20000  # long enough to reach for the button after reading the path


class ExportNotice(QWidget):
    """Says where an export went and opens its folder on request; hidden until an export."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportNotice")
        self.path: Path | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName("exportNoticeText")
        self.label.setAccessibleName(self.tr("Export"))
        layout.addWidget(self.label)
        self.open_button = QPushButton(icon("open"), self.tr("Open folder"), self)
        self.open_button.setObjectName("openExportFolder")
        self.open_button.setToolTip(self.tr("Open the folder that holds the exported file"))
        self.open_button.clicked.connect(self.open_folder)
        layout.addWidget(self.open_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_exported(self, path: Path) -> None:
        self.path = path
        self.label.setText(self.tr("Exported to %1").replace("%1", str(path)))
        self.label.setToolTip(str(path))
        self.show()
        self._timer.start()

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
