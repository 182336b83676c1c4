"""Shared by the GUI tests: the keyboard, showing a page with its table focused, a drag and
drop as a view gets one, the file as a fresh open sees it, and the UI in a language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWidget

from facilitator_app.gui.core.i18n import install_translators
from facilitator_app.workshop.document import Document

WINDOW_SIZE = (1200, 760)  # the facilitator's window as the GUI tests size it


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
