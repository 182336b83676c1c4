"""The activity tree's view, and how a branch that moves keeps its look.

``ActivityTreeView`` gives the outliner its keys (Tab indents instead of moving the focus)
and says when an editor opens. The model mirrors a move by taking the branch's rows out and
putting them back at the new place; ``BranchKeeper`` notes before that what the view showed
of the branch (expanded nodes, selection, current row) and shows it again after.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.sections.activities.tree_model import (
    NOTE_COLUMN,
    TEXT_COLUMN,
    ActivityTreeModel,
)
from facilitator_app.gui.widgets.live_edit import LiveTextDelegate
from facilitator_app.workshop.document import Document

# Between a code and its activity's text: two spaces that do not break.
CODE_GAP = "\u00a0\u00a0"


class CodesDelegate(LiveTextDelegate):
    """The tree's delegate: live editors, and with View ▸ Show activity codes each row's code
    painted before its text (``3.1.2  Text``; the editor still edits the text alone).

    Only the rows painted ask for their code (O(depth) each, from the nodes' positions): the
    tree's 10,000 rows are laid out in C++ as before, and nothing is renumbered on a change.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if (
            index.column() == TEXT_COLUMN
            and isinstance(model, ActivityTreeModel)
            and model.show_codes
        ):
            option.text = f"{model.code(index)}{CODE_GAP}{option.text}"


@dataclass
class BranchState:
    """What the view showed of a branch the mirror is moving: which of its nodes were
    expanded, which of its rows selected (parent id, top, left, bottom, right), the current."""

    node_id: int
    expanded: list[int] = field(default_factory=list)
    selected: list[tuple[int, int, int, int, int]] = field(default_factory=list)
    top_selected: bool = False
    current: tuple[int, int] | None = None  # (node id, column)
    auto_scroll: bool = True


class ActivityTreeView(QTreeView):
    """A tree view whose keys belong to the outliner (Tab indents instead of moving focus)."""

    tab_pressed = Signal(bool)  # True for Shift+Tab
    # An editor was opened on the index: the page takes the outliner's keys from it.
    editor_opened = Signal(QWidget, QPersistentModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityTree")
        self.setAccessibleName(self.tr("Activity tree"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setAutoExpandDelay(600)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)  # lets the view lay out 10,000 rows without measuring
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )

    def edit(  # type: ignore[override]
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger = QAbstractItemView.EditTrigger.AllEditTriggers,
        event: QEvent | None = None,
    ) -> bool:
        was_editing = self.state() == QAbstractItemView.State.EditingState
        opened = super().edit(index, trigger, event)
        # The view's focus child (not the application's focus object): the editor was given
        # the focus even when the window is not the active one.
        editor = self.focusWidget()
        fresh = opened and not was_editing
        if fresh and isinstance(editor, QWidget) and self.viewport().isAncestorOf(editor):
            self.editor_opened.emit(editor, QPersistentModelIndex(index))
        return opened

    def finish_editing(self, editor: QWidget) -> None:
        """Commit the editor's text and close it, as Enter in it would (but at once)."""
        self.commitData(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def focusNextPrevChild(self, next_: bool) -> bool:
        # Tab and Shift+Tab indent and outdent here; the editor (a child) still tabs normally.
        # Only while the tree itself has the focus: when an open editor's row goes away, Qt
        # passes the editor's focus on through here, and that is no Tab of the facilitator.
        if self.hasFocus() and self.state() != QAbstractItemView.State.EditingState:
            self.tab_pressed.emit(not next_)
            return True
        return super().focusNextPrevChild(next_)


class BranchKeeper:
    """Keeps how a moved branch looked in ``view`` while the model takes it out and back."""

    def __init__(self, view: ActivityTreeView, model: ActivityTreeModel, document: Document):
        self.view = view
        self.model = model
        self.document = document
        # A moved branch leaves the view and comes back at its new place: keep how it looked.
        self.moving: BranchState | None = None
        model.branch_about_to_move.connect(self.remember)
        model.branch_moved.connect(self.restore)

    def remember(self, node_id: int) -> None:
        """Before a moved branch leaves the view: note its expanded nodes, selection, current.

        O(branch) for the expansion (only nodes with children are asked about) and O(selected
        ranges) for the selection, so a move stays cheap in a tree of 10,000 activities.
        """
        node = self.document.node(node_id)  # moved already; the branch inside is unchanged
        model, view = self.model, self.view
        state = BranchState(node_id)
        state.expanded = [
            n.id for n in node.walk() if n.children and view.isExpanded(model.index_for(n))
        ]
        selection = view.selectionModel()
        top = model.index_for(node)
        state.top_selected = selection.isSelected(top)
        for part in selection.selection():
            owner = model.node_for(part.parent())
            if owner is node or node.is_ancestor_of(owner):
                state.selected.append(
                    (owner.id, part.top(), part.left(), part.bottom(), part.right())
                )
        current = selection.currentIndex()
        if current.isValid():
            current_node = model.node_for(current)
            if current_node is node or node.is_ancestor_of(current_node):
                state.current = (current_node.id, current.column())
        # The current row leaving and coming back would make the view scroll to it and expand
        # its new parents (as a change of the current row does); a move did neither before.
        state.auto_scroll = view.hasAutoScroll()
        view.setAutoScroll(False)
        self.moving = state

    def restore(self, node_id: int) -> None:
        """After the moved branch is back in the view: expand and select as it was."""
        state, self.moving = self.moving, None
        if state is None:
            return
        try:
            self._apply(state)
        finally:
            self.view.setAutoScroll(state.auto_scroll)

    def _apply(self, state: BranchState) -> None:
        model, view, node = self.model, self.view, self.document.node
        for expanded_id in state.expanded:
            view.expand(model.index_for(node(expanded_id)))
        wanted = QItemSelection()
        if state.top_selected:
            moved = node(state.node_id)
            wanted.select(model.index_for(moved), model.index_for(moved, NOTE_COLUMN))
        for parent_id, top, left, bottom, right in state.selected:
            parent = model.index_for(node(parent_id))
            wanted.select(model.index(top, left, parent), model.index(bottom, right, parent))
        selection = view.selectionModel()
        if not wanted.isEmpty():
            selection.select(wanted, QItemSelectionModel.SelectionFlag.Select)
        if state.current is not None:
            current_id, column = state.current
            selection.setCurrentIndex(
                model.index_for(node(current_id), column),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )
