"""Undo commands: one generic QUndoCommand around any document operation.

The session applies an operation first (so that a refusal never reaches the undo stack), then
pushes an ``OperationCommand`` holding the operation and its inverse: undo applies the
inverse, redo applies the operation again. Typing into the same field merges into one step
until the typist pauses.
"""

from __future__ import annotations

import time

from PySide6.QtGui import QUndoCommand

from ..workshop.document import Document
from ..workshop.operations import Operation, SetFields

TYPING_MERGE_ID = 0x7E47
# Keystrokes closer together than this merge into one undo step ("one step per pause").
TYPING_PAUSE_SECONDS = 1.5


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
    """An edit of one text field; successive edits of the same field merge until a pause.

    The first edit may set other fields with it (e.g. keep the old wording as the draft when
    editing begins); they stay part of the merged step, so one undo takes everything back.
    ``follow`` names fields that take the typed value too, keystroke by keystroke (the first
    wording of a theme is also its draft): edits with the same ``follow`` merge.
    Its writes wait for the session's flush timer (a synced commit per keystroke would cost
    more than a frame).
    """

    defer_write = True

    def __init__(
        self,
        document: Document,
        operation: SetFields,
        inverse: Operation,
        text: str,
        field: str,
        follow: tuple[str, ...] = (),
    ) -> None:
        super().__init__(document, operation, inverse, text)
        self.key = (operation.kind, operation.id, field)
        self.follow = follow
        skipped = {field, *follow}
        self.also = {name: v for name, v in operation.values.items() if name not in skipped}
        self.pushed_at = time.monotonic()

    def id(self) -> int:
        return TYPING_MERGE_ID

    def continues(self, key: tuple[object, int, str], follow: tuple[str, ...]) -> bool:
        """Whether an edit of ``key`` with ``follow`` made now would merge into this step."""
        recent = time.monotonic() - self.pushed_at <= TYPING_PAUSE_SECONDS
        return recent and key == self.key and follow == self.follow

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TypingCommand) or other.key != self.key or other.also:
            return False
        if other.follow != self.follow:
            return False
        if other.pushed_at - self.pushed_at > TYPING_PAUSE_SECONDS:
            return False
        # Keep our inverse (the values before the first keystroke) and take the newest value.
        assert isinstance(other.operation, SetFields)
        kind, item_id, _ = self.key
        self.operation = SetFields(kind, item_id, {**other.operation.values, **self.also})
        self.pushed_at = other.pushed_at
        return True
