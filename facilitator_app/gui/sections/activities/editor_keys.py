"""The outliner's keys in an open activity editor: they go on from it in one stroke.

Enter commits and opens the next sibling, Ctrl+Enter a child, Shift+Enter the next item one
level up; Tab / Shift+Tab commit and indent / outdent the row still being edited. Backspace
in an emptied new row and Esc in an untouched one take the row away as if it had never been
added (no undo step is left behind).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QWidget

from facilitator_app.gui.sections.activities.tree_model import TEXT_COLUMN

if TYPE_CHECKING:
    from facilitator_app.gui.sections.activities.page import ActivitiesPage


class EditorKeys(QObject):
    """The event filter of the page's open text editors (``take`` installs it)."""

    def __init__(self, page: ActivitiesPage) -> None:
        super().__init__(page)
        self.page = page
        # The row the last Enter added, and the undo stack's index before it was: while it
        # still holds the placeholder, Esc (or Backspace once emptied) takes it away unseen.
        self.fresh: tuple[int, int] | None = None

    def take(self, editor: QWidget, index: QPersistentModelIndex) -> None:
        if index.column() == TEXT_COLUMN:
            # Installed after the delegate's filter, so it sees the keys first.
            editor.installEventFilter(self)
            editor.setProperty("nodeId", self.page.model.node_for(index).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        node_id = watched.property("nodeId")
        if not isinstance(node_id, int) or node_id not in self.page.document.node_index:
            return False
        key, modifiers = event.key(), event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.page.view.finish_editing(watched)
            if ctrl:
                self.page.add_child()
            elif shift:
                self.page.add_after_parent()
            else:
                self.page.add_sibling()
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not ctrl:
            self.page.view.finish_editing(watched)
            back = key == Qt.Key.Key_Backtab or shift
            (self.page.outdent if back else self.page.indent)()
            self._edit_again(node_id)
            return True
        empty = isinstance(watched, QLineEdit) and not watched.text()
        discards = key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Backspace and empty)
        return discards and self._discard_fresh(node_id, watched)

    def _edit_again(self, node_id: int) -> None:
        """Reopen the editor of a row that was indented or outdented while edited."""
        index = self.page.model.index_for(self.page.document.node(node_id))
        self.page.view.edit(index)
        editor = self.page.view.focusWidget()
        if isinstance(editor, QLineEdit) and not self._is_untouched(node_id):
            editor.deselect()  # typing goes on after the text, not over it
            editor.end(False)

    def _is_untouched(self, node_id: int) -> bool:
        stack = self.page.session.undo_stack
        return (
            self.fresh is not None
            and self.fresh[0] == node_id
            and self.page.document.node(node_id).text == self.page.placeholder_text()
            and self.fresh[1] < stack.index() == stack.count()
        )

    def _discard_fresh(self, node_id: int, editor: QWidget) -> bool:
        """Take away the row Enter just added (and its indents) with no undo step left."""
        if not self._is_untouched(node_id):
            return False
        assert self.fresh is not None
        base, self.fresh = self.fresh[1], None
        self.page.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
        stack = self.page.session.undo_stack
        while stack.index() > base:
            command = stack.command(stack.index() - 1)
            command.undo()
            # An obsolete command is dropped by the stack instead of undone (again).
            command.setObsolete(True)
            stack.undo()
        self.page.view.setFocus()
        return True
