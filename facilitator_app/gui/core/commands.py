"""Undo commands: one generic QUndoCommand around any document operation.

The session applies an operation first (so that a refusal never reaches the undo stack), then
pushes an ``OperationCommand`` holding the operation and its inverse: undo applies the
inverse, redo applies the operation again. Typing into the same field merges into one step
until the typist pauses.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import InsertRecord, Operation, SetFields

TYPING_MERGE_ID = 0x7E47
# Keystrokes closer together than this merge into one undo step ("one step per pause").
TYPING_PAUSE_SECONDS = 1.5

# What a command's typing is about: (kind, id, field); the field is None for a record typing
# added (the first keystroke in a table's new row).
TypingKey = tuple[Kind, int, str | None]


class OperationCommand(QUndoCommand):
    """An applied operation and its inverse."""

    defer_write = False

    def __init__(
        self, document: Document, operation: Operation, inverse: Operation, text: str
    ) -> None:
        super().__init__(text)
        self.document = document
        self.operation = operation
        self.inverse = inverse
        self._already_applied = True  # QUndoStack.push calls redo(): the first one is done

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        self.inverse = self.document.apply(self.operation, defer_write=self.defer_write)

    def undo(self) -> None:
        self.operation = self.document.apply(self.inverse, defer_write=self.defer_write)


class TypingCommand(OperationCommand):
    """Typing: successive edits of the same field merge into one step until a pause.

    The first edit may set other fields with it (e.g. keep the old wording as the draft when
    editing begins); they stay part of the merged step, so one undo takes everything back.
    ``follow`` names fields that take the typed value too, keystroke by keystroke (the first
    wording of a theme is also its draft): edits with the same ``follow`` merge.
    Its writes wait for the session's flush timer (a synced commit per keystroke would cost
    more than a frame).

    Typing in an item view's editor belongs to the editor's ``group`` (an object standing for
    that one editing): it merges only within the group, and there every edit of the same
    record merges, whatever field it sets (a remark's author bringing the organisation along).
    A group's first step may add the record typed into (a table's new row): removing it then
    takes every keystroke back, and ``title`` names the step anew as the typing grows.
    """

    defer_write = True

    def __init__(
        self,
        document: Document,
        operation: Operation,
        inverse: Operation,
        text: str,
        field: str | None = None,
        group: object | None = None,
        title: Callable[[], str] | None = None,
        follow: tuple[str, ...] = (),
    ) -> None:
        super().__init__(document, operation, inverse, text)
        self.group = group
        self.title = title
        self.follow = follow
        self.key: TypingKey | None = None
        self.also: dict[str, object] = {}
        if isinstance(operation, SetFields):
            field = field or next(iter(operation.values))
            self.key = (operation.kind, operation.id, field)
            skipped = {field, *follow}
            self.also = {name: v for name, v in operation.values.items() if name not in skipped}
        elif isinstance(operation, InsertRecord):
            self.key = (operation.kind, operation.record.id, None)
        self.pushed_at = time.monotonic()
        self.drop_when_undone = False  # see drop_on_undo

    def id(self) -> int:
        return TYPING_MERGE_ID

    def continues(self, key: tuple[object, int, str], follow: tuple[str, ...]) -> bool:
        """Whether an edit of ``key`` with ``follow`` made now would merge into this step."""
        recent = time.monotonic() - self.pushed_at <= TYPING_PAUSE_SECONDS
        return recent and key == self.key and follow == self.follow

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, TypingCommand)
            or other.group is not self.group
            or not isinstance(other.operation, SetFields)
            or self.key is None
            or other.key is None
            or other.pushed_at - self.pushed_at > TYPING_PAUSE_SECONDS
        ):
            return False
        if other.follow != self.follow:
            return False
        if self.group is None:
            if other.key != self.key or other.also:
                return False
        elif other.key[:2] != self.key[:2]:
            return False
        if isinstance(self.operation, SetFields):
            # The newest values, and the values from before our first edit for the undo.
            assert isinstance(self.inverse, SetFields)
            assert isinstance(other.inverse, SetFields)
            kind, item_id, _ = self.key
            self.operation = SetFields(
                kind, item_id, {**self.operation.values, **other.operation.values}
            )
            self.inverse = SetFields(kind, item_id, {**other.inverse.values, **self.inverse.values})
        # An added record: its removal (our inverse) takes the typing back too, and an undo
        # keeps the record as typed for the redo.
        self.pushed_at = other.pushed_at
        if self.title is not None:
            self.setText(self.title())
        return True

    def drop_on_undo(self) -> None:
        """The next undo is for good: the step leaves the stack, no redo brings it back."""
        self.drop_when_undone = True

    def undo(self) -> None:
        super().undo()
        if self.drop_when_undone:
            self.setObsolete(True)  # QUndoStack deletes an obsolete command it has undone
