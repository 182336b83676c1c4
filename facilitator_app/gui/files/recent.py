"""The recent workshops: File ▸ Open recent and the start page's list, kept in the settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu

from facilitator_app.gui.core import settings
from facilitator_app.gui.core.icons import icon
from facilitator_app.paths import user_data_dir

RECENT_LIMIT = 8


def recent_files() -> list[Path]:
    """The workshops opened last, newest first, those that still exist."""
    return [path for path in settings.read(settings.RECENT_FILES) if path.exists()]


class RecentFiles:
    """Lists the recent workshops in a menu and a list; choosing one calls ``open_path``."""

    def __init__(
        self, menu: QMenu, listing: QListWidget, open_path: Callable[[Path], object]
    ) -> None:
        self.menu = menu
        self.listing = listing
        self.open_path = open_path
        listing.itemActivated.connect(
            lambda item: open_path(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.refresh()

    def remember(self, path: Path) -> None:
        """Put ``path`` first (the demo's working copy is reached from the start page)."""
        if path.is_relative_to(user_data_dir()):
            return
        recent = [p for p in recent_files() if p != path.resolve()]
        recent.insert(0, path.resolve())
        settings.write(settings.RECENT_FILES, recent[:RECENT_LIMIT])
        self.refresh()

    def refresh(self) -> None:
        self.menu.clear()
        self.listing.clear()
        for path in recent_files():
            action = self.menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
            item = QListWidgetItem(icon("recent"), f"{path.name} — {path.parent}", self.listing)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.menu.setEnabled(bool(self.menu.actions()))
