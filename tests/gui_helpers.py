"""Shared by the GUI tests: the keyboard, showing a widget or a page with its table focused,
a drag and drop as a view gets one, the file as a fresh open sees it, the UI in a language,
a meeting clock turned by hand, a projector on a plain window, and a uniform image."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QMimeData,
    QPoint,
    QPointF,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMainWindow,
    QTableView,
    QToolBar,
    QWidget,
)

from facilitator_app.gui.core.i18n import install_translators
from facilitator_app.gui.projector.controller import ProjectorController
from facilitator_app.gui.sections.agenda.clock import MeetingClock
from facilitator_app.workshop.document import Document

WINDOW_SIZE = (1200, 760)  # the facilitator's window as the GUI tests size it
MEETING_START = datetime(2026, 5, 19, 9, 0, 0)  # where the clocks turned by hand start

Shown = TypeVar("Shown", bound=QWidget)


def show_widget(
    qtbot, widget: Shown, size: tuple[int, int] | None = None, *, wait: str = "active"
) -> Shown:
    """Show ``widget`` (at ``size``), then wait until it is the active window (``"active"``),
    on screen (``"exposed"``), or not at all (``""``)."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    if wait == "active":
        widget.activateWindow()
        qtbot.waitActive(widget)
    elif wait == "exposed":
        qtbot.waitExposed(widget)
    return widget


def show_page(qtbot, widget: QWidget, table: QTableView, width: int, height: int) -> None:
    """Show ``widget`` at the given size, active, with the focus in ``table``."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(text: str) -> None:
    """Type into the focused widget, Czech letters too (QTest's key clicks are Latin-1 only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                focus(), QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focus(), key, modifier)


def saved_data(session, read_only: bool = True) -> Any:
    """The workshop's data as a fresh open of the file sees it."""
    session.flush()
    document = Document.open(session.document.path, read_only=read_only)
    try:
        return document.data
    finally:
        document.close()


def drop_on(view: QAbstractItemView, mime: QMimeData, point: QPoint) -> None:
    """Drop ``mime`` at ``point`` of the view as a mouse drag does: it enters, moves and drops
    (Qt gives a drop only to the widget that took the drag in)."""
    move, button = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    for event in (
        QDragEnterEvent(point, move, mime, button, Qt.KeyboardModifier.NoModifier),
        QDragMoveEvent(point, move, mime, button, Qt.KeyboardModifier.NoModifier),
    ):
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    drop = QDropEvent(QPointF(point), move, mime, button, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), drop)
    assert not drop.isAccepted()  # accepted, the dragging view would remove the rows itself


@contextmanager
def translated(app: QCoreApplication, language: str) -> Iterator[list[Any]]:
    """The app's (and Qt's) translators for ``language`` installed, and the default locale set,
    until the block ends; both are global, so they are undone afterwards."""
    default_locale = QLocale()
    translators = install_translators(app, language)
    try:
        yield translators
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(default_locale)


class FakeNow:
    """The clock the tests turn by hand."""

    def __init__(self, start: datetime = MEETING_START) -> None:
        self.value = start

    def __call__(self) -> datetime:
        return self.value

    def advance(self, **delta: float) -> None:
        self.value += timedelta(**delta)


def clock_by_hand(session) -> FakeNow:
    """The session's meeting clock reading a FakeNow from now on (ticked once)."""
    fake = FakeNow()
    clock = MeetingClock.of(session)
    clock.now = fake
    clock.tick()
    return fake


def uniform(image: QImage) -> bool:
    """Whether the image is one colour (looked at on a grid of about 97 × 97 points)."""
    first = image.pixel(0, 0)
    step = max(1, image.width() // 97)
    return all(
        image.pixel(x, y) == first
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    )


def key_clicks(qtbot, widget: QWidget, text: str) -> None:
    """qtbot.keyClicks, and for the Czech letters QTest cannot map to a key, the key events
    an input method sends."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


class PlainWindow(QMainWindow):
    """The least a window offers the projector: the session signals, a View menu, a toolbar."""

    session_opened = Signal(object)
    session_closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.menuView = self.menuBar().addMenu("View")
        self.toolBar = QToolBar(self)


def controller_on_plain_window(qtbot, settings_file: Path) -> ProjectorController:
    """A projector controller on a fresh ``PlainWindow``, its settings in ``settings_file``."""
    window = PlainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    controller = ProjectorController(window, settings)
    qtbot.addWidget(controller.wall)
    return controller
