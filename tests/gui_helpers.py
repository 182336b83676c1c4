"""Shared by the GUI tests: the keyboard, showing a page with its table focused, a drag and
drop as a view gets one, and the file as a fresh open sees it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWidget

from facilitator_app.workshop.document import Document


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
