"""One open workshop in the GUI: the document, its undo stack and its saving.

Structural changes reach the file as they are applied; typing is written by a timer within a
second. When the file cannot be written the edits stay in memory, the session reports it and
keeps retrying.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..workshop.document import Document
from ..workshop.errors import WorkshopError
from ..workshop.events import Event, Kind
from ..workshop.operations import Operation, SetFields
from .commands import OperationCommand, TypingCommand
from .text import refusal_text


@dataclass(frozen=True)
class Focus:
    """What the facilitator is working on, for the wall to show and highlight."""

    section: str = ""  # "details", "attendees", "vision" or "activities"
    theme_id: int | None = None
    paragraph: int | None = None  # the vision paragraph being edited
    node_id: int | None = None  # the current activity or block


FLUSH_DELAY_MS = 400
RETRY_DELAY_MS = 3000


class WorkshopSession(QObject):
    """Owns an open Document, its QUndoStack, and the timer that writes typing to the file."""

    changed = Signal(object)  # an events.Event, after the document changed
    save_state_changed = Signal(bool, str)  # saved, error ("" when none)
    refused = Signal(str)  # an operation was refused; the message says why
    focus_changed = Signal(object)  # Focus

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.focus = Focus()
        self.undo_stack = QUndoStack(self)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_DELAY_MS)
        self._flush_timer.timeout.connect(self.flush)
        document.add_listener(self)
        document.add_save_listener(self._relay_save_state)
        # Undoing or redoing typing leaves writes waiting: let the timer take them too.
        self.undo_stack.indexChanged.connect(self._schedule_flush)

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def data(self) -> Any:
        return self.document.data

    # DocumentListener: the session relays "changed" for widgets that only need to refresh.
    def document_about_to_change(self, event: Event) -> None:
        pass

    def document_changed(self, event: Event) -> None:
        self.changed.emit(event)

    def _relay_save_state(self, saved: bool, error: str | None) -> None:
        self.save_state_changed.emit(saved, error or "")
        # Retry a failed write; typing (which reports the standing error) must not keep
        # pushing the retry back.
        if not saved and error and not self._flush_timer.isActive():
            self._flush_timer.start(RETRY_DELAY_MS)

    def push(self, operation: Operation, text: str) -> bool:
        """Apply an operation as one undo step; False (and ``refused``) when it is refused."""
        try:
            inverse = self.document.apply(operation)
        except WorkshopError as error:
            self.refused.emit(refusal_text(error))
            return False
        self.undo_stack.push(OperationCommand(self.document, operation, inverse, text))
        return True

    def set_text(
        self,
        kind: Kind,
        item_id: int,
        field: str,
        value: Any,
        text: str,
        also: dict[str, Any] | None = None,
        follow: tuple[str, ...] = (),
    ) -> bool:
        """Typing into a field: merged into one undo step per pause, written within a second.

        ``also`` sets other fields in the same step (e.g. the draft kept when editing begins);
        the fields in ``follow`` take ``value`` too (the first wording is also the draft).
        """
        values = {field: value, **dict.fromkeys(follow, value), **(also or {})}
        operation = SetFields(kind, item_id, values)
        try:
            inverse = self.document.apply(operation, defer_write=True)
        except WorkshopError as error:
            self.refused.emit(refusal_text(error))
            return False
        self.undo_stack.push(TypingCommand(self.document, operation, inverse, text, field, follow))
        # Not restarted by every keystroke: a typist who never pauses is saved all the same,
        # at most FLUSH_DELAY_MS after the first keystroke the file does not have.
        if not self._flush_timer.isActive():
            self._flush_timer.start(FLUSH_DELAY_MS)
        return True

    def typing_continues(self, key: tuple[Kind, int, str], follow: tuple[str, ...]) -> bool:
        """Whether typing into ``key`` (kind, id, field) now goes on the last, open step."""
        stack = self.undo_stack
        if stack.index() != stack.count() or stack.index() == 0:
            return False  # undone steps above, or none: the next edit starts a step
        command = stack.command(stack.index() - 1)
        return isinstance(command, TypingCommand) and command.continues(key, follow)

    def _schedule_flush(self) -> None:
        if not self.document.is_saved and not self._flush_timer.isActive():
            self._flush_timer.start(FLUSH_DELAY_MS)

    def set_focus(self, focus: Focus) -> None:
        if focus != self.focus:
            self.focus = focus
            self.focus_changed.emit(focus)

    def flush(self) -> bool:
        return self.document.flush()

    def close(self) -> None:
        self._flush_timer.stop()
        self.document.close()
