"""Item editors that write as they are typed into, so that a killed app loses no typing.

An item view's editor reaches its model when it commits (Enter, Tab, leaving the cell).
``LiveTextDelegate`` also commits a line editor's text at every change, inside the session's
``typing()``: the model's own commit code runs (its tidying of spaces, its checks), and what it
pushes becomes the editor's typing, one undo step per pause, in the file within a second. So:

- the commit at the end finds the document holding its value already and adds no step;
- Esc takes the editor's typing back out of the document and the undo stack
  (``WorkshopSession.cancel_typing``);
- a text the document refuses (an empty name) is left out while it is typed, and the commit
  is refused as a commit always was: the typing is taken back first, so the field keeps its
  value from before the editor opened;
- a commit writes the typing at once, as a structural change is written.

Every line editor of the delegate's views is live, whichever class makes it, since each is
loaded through ``setEditorData``. Combo boxes, spin boxes and date editors still commit when
they close (a choice is one step anyway).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QWidget

from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import LiveTyping, WorkshopSession


@dataclass(eq=False)
class _Editing:
    """An open line editor of the delegate's."""

    index: QPersistentModelIndex
    typing: LiveTyping
    shown: Any  # the model's value as the editor last loaded or made it
    busy: bool = False  # loading the editor, or writing or taking back its typing


class LiveTextDelegate(QStyledItemDelegate):
    """A delegate whose line editors write to the document at every change (see the module)."""

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._editing: dict[QWidget, _Editing] = {}

    def edited_index(self, editor: QWidget) -> QModelIndex:
        """The cell ``editor`` writes to (it may have moved: a new row turns into a record)."""
        editing = self._editing.get(editor)
        return QModelIndex(editing.index) if editing is not None else QModelIndex()

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        editing = self._editing.get(editor)
        if editing is None:
            super().setEditorData(editor, index)
            if isinstance(editor, QLineEdit):
                self._editing[editor] = _Editing(
                    QPersistentModelIndex(index), LiveTyping(), index.data(Qt.ItemDataRole.EditRole)
                )
                editor.textChanged.connect(partial(self._typed, editor))
            return
        # The row changed: the view loads every open editor of it again. An editor whose own
        # typing that is keeps its text and caret (the document may hold it tidied).
        value = index.data(Qt.ItemDataRole.EditRole)
        if editing.busy or value == editing.shown:
            return
        # Changed from elsewhere (Undo from the menu): show it, the caret where it was.
        assert isinstance(editor, QLineEdit)
        editing.shown = value
        cursor = editor.cursorPosition()
        editing.busy = True
        try:
            super().setEditorData(editor, index)
        finally:
            editing.busy = False
        editor.setCursorPosition(min(cursor, len(editor.text())))

    def _typed(self, editor: QLineEdit, _text: str) -> None:
        editing = self._editing.get(editor)
        if editing is None or editing.busy or not editing.index.isValid():
            return
        index = QModelIndex(editing.index)
        editing.busy = True
        try:
            with self.session.typing(editing.typing):
                self.setModelData(editor, index.model(), index)
        finally:
            editing.busy = False
        editing.shown = editing.index.data(Qt.ItemDataRole.EditRole)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        editing = self._editing.get(editor)
        if editing is not None and not editing.busy:
            self.settle(editor)  # the commit
        super().setModelData(editor, model, index)

    def settle(self, editor: QWidget) -> None:
        """The editor commits: if the document refused its last text, take its typing back,
        so that the commit is refused with the field as it was when the editor opened. What
        it typed is finished, and written at once."""
        editing = self._editing.get(editor)
        if editing is None:
            return
        if editing.typing.refused:
            self._take_back(editing)
        if not self.session.document.is_saved:
            self.session.flush()

    def cancel(self, editor: QWidget) -> None:
        """Esc: take the editor's typing back out of the document and the undo stack."""
        editing = self._editing.get(editor)
        if editing is not None:
            self._take_back(editing)

    def _take_back(self, editing: _Editing) -> None:
        editing.busy = True  # the editor keeps its text: the commit or the close decides
        try:
            self.session.cancel_typing(editing.typing)
        finally:
            editing.busy = False
        editing.typing.refused = False
        editing.shown = editing.index.data(Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Cancel)
            and isinstance(watched, QWidget)
        ):
            self.cancel(watched)  # then the view closes the editor without a commit
        return super().eventFilter(watched, event)

    def destroyEditor(self, editor: QWidget, index: ModelIndex) -> None:
        self._editing.pop(editor, None)
        super().destroyEditor(editor, index)
