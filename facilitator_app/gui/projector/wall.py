"""The wall window and its preview: two views painted by the same ``WallPainter``."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget


class WallPainter(Protocol):
    """What paints the wall (the projector): the two views know nothing else of it."""

    def wall_size(self) -> QSizeF:
        """The wall's size in its logical pixels (the preview paints it scaled)."""
        ...

    def paint(self, painter: QPainter, size: QSizeF) -> None: ...

    def paint_clock(self, painter: QPainter, size: QSizeF) -> None:
        """Paint the agenda clock's corner alone."""
        ...

    def clock_rect(self, size: QSizeF | None = None) -> QRectF:
        """The clock's corner in the wall's pixels; empty when no clock is shown."""
        ...


class WallWindow(QWidget):
    """The room's view: a top-level window with no cursor, painted from the shown snapshot."""

    closed = Signal()  # the facilitator closed it with the window manager
    state_changed = Signal()  # full screen entered or left, or resized
    full_screen_toggled = Signal()  # double-clicked: full screen, or back into a window

    def __init__(self, wall_painter: WallPainter) -> None:
        # No parent: a transient window would stay above the facilitator's window.
        super().__init__(None, Qt.WindowType.Window)
        self.wall_painter = wall_painter
        self.setObjectName("wall")
        self.setWindowTitle(self.tr("Wall — facilitator-app"))
        self.setAccessibleName(self.tr("Projector wall"))
        self.setAccessibleDescription(
            self.tr("What the room sees; the facilitator's window controls it")
        )
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setMouseTracking(False)
        # It takes the keyboard when it is the active window (a presenter's remote, Esc): the
        # wall's keys are window shortcuts, and it keeps the focus to itself.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        # Closing the facilitator's window quits the app even while the wall is up.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        # Appearing on the projector must not take the keyboard from the facilitator.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setMinimumSize(160, 90)
        self.resize(960, 540)
        self.paints = 0
        self.clock_paints = 0  # repaints of the agenda clock's corner alone

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        size = QSizeF(self.size())
        corner = self.wall_painter.clock_rect(size)
        if not corner.isEmpty() and corner.toAlignedRect().contains(event.rect()):
            self.wall_painter.paint_clock(painter, size)  # a second passed: the corner only
            self.clock_paints += 1
        else:
            self.wall_painter.paint(painter, size)
            self.paints += 1
        painter.end()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.full_screen_toggled.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.state_changed.emit()  # the preview lays the page out at the wall's new size

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.state_changed.emit()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()


class WallPreview(QWidget):
    """A thumbnail of exactly what the room sees: the wall's layout painted at a small scale."""

    activated = Signal()  # double-clicked: present (or stop presenting)

    def __init__(self, wall_painter: WallPainter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wall_painter = wall_painter
        self.setObjectName("wallPreview")
        self.setAccessibleName(self.tr("Wall preview"))
        self.setAccessibleDescription(self.tr("A live thumbnail of what the room sees"))
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 90)
        # A click or Tab gives it the keyboard: the wall's one-letter keys act here.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.paints = 0
        self.clock_paints = 0

    def _aspect(self) -> float:
        size = self.wall_painter.wall_size()
        return size.height() / max(1.0, size.width())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * self._aspect())

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(320))

    def thumbnail_rect(self) -> QRectF:
        """Where the wall's image lies in this widget (centred, its aspect kept)."""
        wall = self.wall_painter.wall_size()
        scale = min(self.width() / wall.width(), self.height() / wall.height())
        width, height = wall.width() * scale, wall.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def to_widget(self, rect: QRectF) -> QRect:
        """A rectangle of the wall (in its pixels) as the pixels of this thumbnail it covers."""
        wall = self.wall_painter.wall_size()
        target = self.thumbnail_rect()
        sx, sy = target.width() / wall.width(), target.height() / wall.height()
        return QRectF(
            target.left() + rect.left() * sx,
            target.top() + rect.top() * sy,
            rect.width() * sx,
            rect.height() * sy,
        ).toAlignedRect()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        wall = self.wall_painter.wall_size()
        target = self.thumbnail_rect()
        corner = self.wall_painter.clock_rect(wall)
        clock_only = not corner.isEmpty() and self.to_widget(corner).contains(event.rect())
        painter.save()
        painter.translate(target.topLeft())
        painter.scale(target.width() / wall.width(), target.height() / wall.height())
        painter.setClipRect(QRectF(0, 0, wall.width(), wall.height()))
        if clock_only:
            self.wall_painter.paint_clock(painter, wall)  # a second passed: the corner only
            self.clock_paints += 1
            painter.restore()
            painter.end()
            return
        self.wall_painter.paint(painter, wall)
        painter.restore()
        # With the focus (the wall's keys act) the frame is the highlight colour, and thicker.
        focused = self.hasFocus()
        role = self.palette().ColorRole.Highlight if focused else self.foregroundRole()
        painter.setPen(QPen(QColor(self.palette().color(role)), 3 if focused else 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        painter.end()
        self.paints += 1

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.activated.emit()
