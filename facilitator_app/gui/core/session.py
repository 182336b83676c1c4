"""One open workshop in the GUI: the document, its undo stack and its saving.

Structural changes reach the file as they are applied; typing is written by a timer within a
second. When the file cannot be written the edits stay in memory, the session reports it and
keeps retrying.

Typing reaches the document as it is typed, in every editor: the vision and the details call
``set_text``; an item view's editor (gui/widgets/live_edit.py) commits its text through the model at
every keystroke inside ``typing()``, where whatever the model pushes becomes typing of that
editor (``LiveTyping``), and ``cancel_typing`` takes all of it back (Esc).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Self

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from facilitator_app.gui.core.commands import OperationCommand, TypingCommand
from facilitator_app.gui.core.text import refusal_text
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import WorkshopError
from facilitator_app.workshop.events import Event, Kind, Stage
from facilitator_app.workshop.operations import Batch, Operation, SetFields


@dataclass(frozen=True)
class Focus:
    """What the facilitator is working on, for the wall to show and highlight."""

    section: str = ""  # a section's name (gui/sections/registry.py): "vision", "analysis", …
    theme_id: int | None = None
    paragraph: int | None = None  # the vision paragraph being edited
    node_id: int | None = None  # the current activity or block
    item_id: int | None = None  # the current SWOT item or problem (the analysis section)
    item_kind: str = ""  # "swot" or "problem": which of the two ``item_id`` names


FLUSH_DELAY_MS = 400
RETRY_DELAY_MS = 3000

# An undo step's name, or a function naming it anew as typing merges into it.
StepText = str | Callable[[], str]


@dataclass(eq=False)
class LiveTyping:
    """The typing of one open item editor: its steps merge only with each other (see
    TypingCommand.group) and ``cancel_typing`` takes them back. ``refused`` says whether the
    editor's last edit was refused (an empty name): the editor holds what the document would
    not take, and its commit is to be refused as a commit always was."""

    refused: bool = False


class WorkshopSession(QObject):
    """Owns an open Document, its QUndoStack, and the timer that writes typing to the file."""

    # An events.Event, after the document changed: at the views' stage (events.Stage), so
    # every item model has taken the change already; the wall hears of it after these.
    changed = Signal(object)
    save_state_changed = Signal(bool, str)  # saved, error ("" when none)
    refused = Signal(str)  # an operation was refused; the message says why
    focus_changed = Signal(object)  # Focus

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.focus = Focus()
        self.undo_stack = QUndoStack(self)
        self._typing: LiveTyping | None = None
        self._editing_from: object | None = None
        # While the document tells of an edit pushed inside ``edits_from(origin)``: that
        # origin (the editor that made it, which shows it already). None for every other change.
        self.change_origin: object | None = None
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_DELAY_MS)
        self._flush_timer.timeout.connect(self.flush)
        document.add_listener(self, Stage.VIEWS)
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

    def push(self, operation: Operation, text: StepText) -> bool:
        """Apply an operation as one undo step; False (and ``refused``) when it is refused.

        Inside ``typing()`` the operation is typing of that editor instead.
        """
        if self._typing is not None:
            return self._type(operation, text, group=self._typing)
        try:
            inverse = self._apply(operation)
        except WorkshopError as error:
            self.refuse(refusal_text(error))
            return False
        name = text() if callable(text) else text
        self.undo_stack.push(OperationCommand(self.document, operation, inverse, name))
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
        return self._type(operation, text, field=field, follow=follow)

    def _type(
        self,
        operation: Operation,
        text: StepText,
        field: str | None = None,
        group: LiveTyping | None = None,
        follow: tuple[str, ...] = (),
    ) -> bool:
        try:
            inverse = self._apply(operation, defer_write=True)
        except WorkshopError as error:
            self.refuse(refusal_text(error))
            return False
        name, title = (text(), text) if callable(text) else (text, None)
        self.undo_stack.push(
            TypingCommand(
                self.document, operation, inverse, name, field, group, title, follow=follow
            )
        )
        # Not restarted by every keystroke: a typist who never pauses is saved all the same,
        # at most FLUSH_DELAY_MS after the first keystroke the file does not have.
        if not self._flush_timer.isActive():
            self._flush_timer.start(FLUSH_DELAY_MS)
        return True

    def _apply(self, operation: Operation, defer_write: bool = False) -> Operation:
        self.change_origin = self._editing_from
        try:
            return self.document.apply(operation, defer_write=defer_write)
        finally:
            self.change_origin = None

    @contextmanager
    def edits_from(self, origin: object) -> Iterator[None]:
        """What is pushed meanwhile comes from ``origin`` (an editor): while the listeners hear
        of it, ``change_origin`` is ``origin``, so that the editor need not compare its whole
        text with the document's to find its own edit coming back. (Undo and redo, and a
        refusal shown afterwards, come from no editor.)"""
        previous, self._editing_from = self._editing_from, origin
        try:
            yield
        finally:
            self._editing_from = previous

    @contextmanager
    def typing(self, group: LiveTyping) -> Iterator[None]:
        """What is pushed meanwhile is ``group``'s typing: merged per pause, written by the
        flush timer. Refusals are not said (the commit says them) but noted in the group."""
        group.refused = False
        previous, self._typing = self._typing, group
        try:
            yield
        finally:
            self._typing = previous

    @property
    def is_typing(self) -> bool:
        return self._typing is not None

    def refuse(self, message: str = "") -> None:
        """An edit is refused, by a model before pushing it or by the document; ``message``
        says why (none: silently). While typing in an item editor only the typing notes it."""
        if self._typing is not None:
            self._typing.refused = True
        elif message:
            self.refused.emit(message)

    def cancel_typing(self, group: LiveTyping) -> None:
        """Take back everything typed in ``group`` (Esc): its steps leave the undo stack, so
        neither an undo nor a redo finds them."""
        stack = self.undo_stack
        while stack.index() > 0:
            command = stack.command(stack.index() - 1)
            if not (isinstance(command, TypingCommand) and command.group is group):
                break
            command.drop_on_undo()
            stack.undo()
        # A step made meanwhile (a key that works from everywhere) keeps the typing under it
        # on the stack: one more step takes that back.
        left = [
            command
            for command in map(stack.command, range(stack.index()))
            if isinstance(command, TypingCommand) and command.group is group
        ]
        if left:
            self.push(Batch(tuple(c.inverse for c in reversed(left))), left[0].text())

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


class OnePerSession(QObject):
    """A helper that an open workshop has one of (``of(session)``), shared by whoever asks.

    It is the session's child named ``OBJECT_NAME``: made on first use, it lives as long as
    the session.
    """

    OBJECT_NAME: ClassVar[str]

    def __init__(self, session: WorkshopSession) -> None:
        super().__init__(session)
        self.setObjectName(self.OBJECT_NAME)
        self.session = session

    @classmethod
    def of(cls, session: WorkshopSession) -> Self:
        """The session's one, made on first use."""
        found = session.findChild(QObject, cls.OBJECT_NAME)
        return found if isinstance(found, cls) else cls(session)
