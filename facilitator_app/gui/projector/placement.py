"""Where the wall window goes: full screen on the projector's screen, or a window beside the
facilitator's when there is one screen, and who has the keyboard once it is there.

``screens`` decides which screen and where on it (no Qt windows); this moves the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSettings, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow

from facilitator_app.gui.core import settings as app_settings
from facilitator_app.gui.projector.screens import (
    ScreenFacts,
    choose_screen,
    default_window_rect,
    free_place,
    screen_label,
)
from facilitator_app.gui.projector.wall import WallWindow

DEFAULT_WALL = QSizeF(1920, 1080)


class WallPlacement(QObject):
    """Shows, moves and hides the wall window; ``placed`` after each change of its place."""

    placed = Signal()  # shown, hidden, moved, or full screen entered or left

    def __init__(self, window: QMainWindow, wall: WallWindow, settings: QSettings) -> None:
        super().__init__(wall)
        self.window = window
        self.wall = wall
        self.settings = settings
        self.wall_screen_name: str | None = None
        self.insist_on_screen = False  # the facilitator picked the screen (not automatic)

    @staticmethod
    def screens() -> list[QScreen]:
        return list(QGuiApplication.screens())

    def _screen_named(self, name: str | None) -> QScreen | None:
        for screen in self.screens():
            if screen.name() == name:
                return screen
        return None

    def _facilitator_screen_name(self) -> str | None:
        screen = self.window.screen()
        return screen.name() if screen is not None else None

    @property
    def remembered_screen(self) -> str | None:
        return app_settings.read(app_settings.PROJECTOR_SCREEN, self.settings)

    def remember_screen(self, name: str | None) -> None:
        """The facilitator picked the wall's screen (None: automatic)."""
        app_settings.write(app_settings.PROJECTOR_SCREEN, name, self.settings)
        self.insist_on_screen = name is not None

    def target_screen(self) -> QScreen | None:
        """The screen the wall goes full screen on; None with a single screen."""
        name = choose_screen(
            [screen.name() for screen in self.screens()],
            self._facilitator_screen_name(),
            self.remembered_screen,
            self.insist_on_screen,
        )
        return self._screen_named(name)

    def wall_size(self) -> QSizeF:
        """The wall's size in logical pixels (the size it will have when it is not shown)."""
        if self.wall.isVisible():
            return QSizeF(self.wall.size())
        screen = self.target_screen()
        if screen is not None:
            return QSizeF(screen.geometry().size())
        if self.wall.isFullScreen() or self.wall.width() < 160:
            return DEFAULT_WALL
        return QSizeF(self.wall.size())

    def screen_label(self, screen: QScreen) -> str:
        """A screen as the facilitator knows it ("Projector (EB-W06) 1920×1080 on the
        right"), placed from the screen of the facilitator's window."""
        screens = self.screens()
        here = self.window.screen()
        reference = ScreenFacts.of(here) if here is not None and len(screens) > 1 else None
        return screen_label(ScreenFacts.of(screen), reference)

    def place_wall(self) -> None:
        """Show the wall: full screen on another screen, or as a window with one screen."""
        screen = self.target_screen()
        typing_here = self.window.isActiveWindow()
        if screen is not None:
            self._show_full_screen(screen)
        else:
            self._show_window()
        if self._covers_facilitator():
            self._bring_wall_forward()
        elif typing_here:
            # The keyboard stays with the facilitator, also once the window system has shown
            # the wall (some activate a new window whatever it asks for).
            self.window.activateWindow()
            QTimer.singleShot(0, self._give_keyboard_back)
        self.wall_screen_name = self.wall.screen().name() if self.wall.screen() else None
        self.placed.emit()

    def hide_wall(self, remember: bool = True) -> None:
        """Hide the wall; ``remember`` its window's place for the next time (not when its
        screen went away: Qt may have moved it already)."""
        if remember:
            self.remember_window_geometry()
        self.wall.hide()
        self.placed.emit()

    def _give_keyboard_back(self) -> None:
        if (
            self.wall.isActiveWindow()
            and self.window.isVisible()
            and not self._covers_facilitator()
        ):
            self.window.activateWindow()

    def _covers_facilitator(self) -> bool:
        """Whether the wall lies over the facilitator's window (one screen, or full screen on
        its screen): then the wall is what the facilitator sees, and it takes the keys."""
        window, wall = self.window, self.wall
        if not wall.isVisible() or not window.isVisible() or window.isMinimized():
            return False
        # On the screen that holds most of the facilitator's window: one that reaches a little
        # onto the projector's screen is not covered by a wall full screen there.
        same_screen = wall.screen() is window.screen()
        return same_screen and wall.frameGeometry().intersects(window.frameGeometry())

    def _bring_wall_forward(self) -> None:
        """In front, with the keyboard: Esc, B, W, F and Page Down reach it without a click."""
        self.wall.raise_()
        self.wall.activateWindow()
        self.wall.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _show_full_screen(self, screen: QScreen) -> None:
        wall = self.wall
        if wall.isVisible() and wall.isFullScreen() and wall.screen() is screen:
            return
        if wall.isVisible():
            self.remember_window_geometry()
            wall.hide()
        # setScreen alone does not move a window: the geometry first, then full screen.
        wall.setScreen(screen)
        wall.setGeometry(screen.geometry())
        wall.showFullScreen()

    def _show_window(self) -> None:
        """With one screen: a normal window, placed beside the facilitator's if there is room."""
        wall = self.wall
        if wall.isVisible():
            return
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        facilitator = self.window.frameGeometry()
        rect = self._saved_window_geometry(available)
        if rect is None:
            rect = free_place(available, facilitator) or default_window_rect(available)
        wall.setScreen(screen)
        wall.setGeometry(rect)
        wall.showNormal()

    def _saved_window_geometry(self, available: QRect) -> QRect | None:
        value = app_settings.read(app_settings.PROJECTOR_WINDOW, self.settings)
        return value if value is not None and available.contains(value) else None

    def remember_window_geometry(self) -> None:
        wall = self.wall
        if wall.isVisible() and not wall.isFullScreen() and len(self.screens()) < 2:
            app_settings.write(app_settings.PROJECTOR_WINDOW, wall.geometry(), self.settings)

    def set_full_screen(self, on: bool) -> None:
        """Full screen on the wall's screen, or back into a window (when it is shown)."""
        if on == self.wall.isFullScreen() or not self.wall.isVisible():
            return
        if on:
            self.remember_window_geometry()
            screen = self.wall.screen()
            self.wall.setGeometry(screen.geometry())
            self.wall.showFullScreen()
            if self._covers_facilitator():
                self._bring_wall_forward()
            self.placed.emit()
        else:
            self.leave_full_screen()

    def leave_full_screen(self) -> None:
        wall = self.wall
        if not wall.isFullScreen():
            return
        screen = wall.screen()
        wall.showNormal()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)
        rect = self._saved_window_geometry(available) or default_window_rect(available)
        wall.setGeometry(rect)
        self.placed.emit()

    def on_screen(self, screen: QScreen) -> bool:
        """Whether the wall is (or was last) on ``screen``."""
        return self.wall_screen_name == screen.name() or self.wall.screen() is screen
