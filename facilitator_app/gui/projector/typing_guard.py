"""The typing guard: one-letter shortcuts never take a letter the focused widget would type."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget


class TypingGuard(QObject):
    """Keeps one-letter shortcuts from taking letters that the focused widget would type.

    Installed on whatever has the keyboard focus: when that widget takes text input, it
    claims printable keys without Ctrl or Alt (Qt then delivers them as typing, not as a
    shortcut). Qt's own editors do this already; the guard covers any other text input.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def takes_text(widget: QWidget | None) -> bool:
        """Whether letters typed here become text (an item view: only if typing edits)."""
        if widget is None:
            return False
        if isinstance(widget, QAbstractItemView):
            triggers = widget.editTriggers()
            return bool(triggers & QAbstractItemView.EditTrigger.AnyKeyPressed)
        return widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):  # already deleted
                self._watched.removeEventFilter(self)
        self._watched = new
        if new is not None:
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            )
            text = event.text()
            typed = bool(text) and text.isprintable()
            # Page Down/Up move a text field's cursor; elsewhere they turn the wall's sheets.
            paging = event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
            if (
                plain == Qt.KeyboardModifier.NoModifier
                and (typed or paging)
                and isinstance(watched, QWidget)
                and self.takes_text(watched)
            ):
                event.accept()
        return False
