"""Where the facilitator's window opens: sized to its screen at first, where it was left later.

The form's 1200×800 is too tall for a 1366×768 laptop (its status bar, with the saved state and
the head count, would sit below the screen's edge). So the first start fits the preferred size
into the screen's available area, leaving room for the window manager's frame; later starts
restore the saved geometry when it still fits a connected screen, and fit afresh otherwise
(the projector's screen that was unplugged, a smaller screen at the next venue).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from facilitator_app.gui.core import settings

PREFERRED_SIZE = QSize(1200, 800)
# Room for a title bar and borders, which a window's geometry leaves out and which are not
# known before it is shown (about 30 px of title bar on common desktops, a few px of border).
FRAME_ALLOWANCE = QMargins(8, 32, 8, 8)
# A restored window must show at least this much of itself on one screen to count as fitting.
FITS_FRACTION = 0.9


def fitted_geometry(available: QRect, preferred: QSize = PREFERRED_SIZE) -> QRect:
    """The preferred size, shrunk to the available area less the frame, centred in it.

    The geometry is the window's inside; the frame around it is centred, so that the title bar
    is on the screen too.
    """
    room = available.marginsRemoved(FRAME_ALLOWANCE)
    frame = QRect(0, 0, 0, 0)
    frame.setSize(
        QSize(min(preferred.width(), room.width()), min(preferred.height(), room.height()))
        .expandedTo(QSize(1, 1))
        .grownBy(FRAME_ALLOWANCE)
    )
    frame.moveCenter(available.center())
    return frame.marginsRemoved(FRAME_ALLOWANCE)


def fits_a_screen(frame: QRect, screens: list[QRect]) -> bool:
    """Whether most of a window's frame lies on one of the screens' available areas."""
    area = frame.width() * frame.height()
    if area <= 0:
        return False
    for available in screens:
        overlap = frame.intersected(available)
        if overlap.width() * overlap.height() >= FITS_FRACTION * area:
            return True
    return False


def place_window(window: QWidget) -> None:
    """Restore the window's last geometry if it still fits a screen, else fit it to its screen."""
    saved = settings.read(settings.WINDOW_GEOMETRY)
    if saved is not None and window.restoreGeometry(saved):
        screens = [screen.availableGeometry() for screen in QGuiApplication.screens()]
        if window.isMaximized() or fits_a_screen(window.frameGeometry(), screens):
            return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(fitted_geometry(screen.availableGeometry()))


def remember_geometry(window: QWidget) -> None:
    settings.write(settings.WINDOW_GEOMETRY, window.saveGeometry())
