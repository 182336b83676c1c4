"""The Activities section: the blocks and the activity tree, driven by keyboard and mouse.

Keys as in outliners: Enter adds a sibling below and edits it, Tab / Shift+Tab indent and
outdent, Alt+Up/Down (or Ctrl+Shift+Up/Down) move, F2 edits, Delete removes a branch. Every
action is one undo step.

While an activity's text is edited the same keys go on from it in one stroke (see
``ActivitiesPage.eventFilter``): Enter commits and opens the next sibling, Ctrl+Enter a child,
Shift+Enter the next item one level up, Tab / Shift+Tab commit and indent / outdent the row
still being edited; Backspace in an emptied new row and Esc in an untouched one take the row
away as if it had never been added (no undo step is left behind).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.core.session import Focus, WorkshopSession
from facilitator_app.gui.sections.activities.tree_model import (
    NOTE_COLUMN,
    TEXT_COLUMN,
    VOTES_COLUMN,
    ActivityTreeModel,
)
from facilitator_app.gui.widgets.capture_table import make_action
from facilitator_app.gui.widgets.live_edit import LiveTextDelegate
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import ROOT_ID, Node
from facilitator_app.workshop.operations import (
    Batch,
    Indent,
    InsertNodes,
    MoveNodes,
    Outdent,
    RemoveNodes,
    SetBlockThemes,
    SetFields,
    new_activity,
    top_level_nodes,
)
from facilitator_app.workshop.outline_text import format_outline

# Trees with more nodes than this open with only their blocks expanded (Expand all opens all).
EXPAND_ALL_LIMIT = 2000
NATIVE = QKeySequence.SequenceFormat.NativeText
# Deleting more activities than this at once asks first (Undo brings them back all the same).
ASK_BEFORE_REMOVING_OVER = 3


def ask_before_removing(parent: QWidget, question: str, detail: str) -> bool:
    """Ask whether to go on with a large delete (tests replace this function)."""
    title = QCoreApplication.translate("ActivitiesPage", "Delete")
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setInformativeText(detail)
    delete = box.addButton(title, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    return box.clickedButton() is delete


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


class BlockThemesDialog(QDialog):
    """Choose and order the themes an activity block covers.

    The ticked themes stand first, in the order they were ticked (a theme ticked goes below
    the ticked ones, one unticked below them); Alt+Up / Alt+Down (or a drag) move the current
    theme, and the block names its themes in the list's order.
    """

    def __init__(
        self, themes: list[tuple[int, str]], chosen: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Themes of the block"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Tick the themes; Alt+Up / Alt+Down change their order."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Themes"))
        self.list.setAccessibleDescription(hint.text())
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        order = chosen + [i for i, _ in themes if i not in chosen]
        names = dict(themes)
        for theme_id in order:
            item = QListWidgetItem(names[theme_id], self.list)
            item.setData(Qt.ItemDataRole.UserRole, theme_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if theme_id in chosen else Qt.CheckState.Unchecked
            )
        self.list.setCurrentRow(0)
        self.list.itemChanged.connect(self._place_ticked)
        self.list.installEventFilter(self)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _ticked_count(self, skip: QListWidgetItem | None = None) -> int:
        return sum(
            1
            for row in range(self.list.count())
            if self.list.item(row) is not skip
            and self.list.item(row).checkState() == Qt.CheckState.Checked
        )

    def _move_item(self, item: QListWidgetItem, row: int) -> None:
        self.list.blockSignals(True)  # no _place_ticked for the item taken out and put back
        self.list.takeItem(self.list.row(item))
        self.list.insertItem(row, item)
        self.list.blockSignals(False)
        self.list.setCurrentItem(item)

    def _place_ticked(self, item: QListWidgetItem) -> None:
        """A theme just ticked goes below the ticked ones; one unticked, just below them."""
        self._move_item(item, self._ticked_count(skip=item))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def move_current(self, step: int) -> None:
        """Move the current theme one place up or down the list."""
        row = self.list.currentRow()
        if row < 0 or not 0 <= row + step < self.list.count():
            return
        self._move_item(self.list.item(row), row + step)

    def chosen_ids(self) -> list[int]:
        return [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]


class ActivitiesPage(QWidget):
    """The tree with its toolbar; its actions also fill the window's Activities menu."""

    message = Signal(str)
    # Node ids of branches the tree view expanded or collapsed (the wall's outline follows).
    branches_expanded = Signal(list)
    branches_collapsed = Signal(list)

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activitiesPage")
        self.session = session
        self.document = session.document
        self.model = ActivityTreeModel(session, self)
        self.view = ActivityTreeView(self)
        self.view.setModel(self.model)
        self.view.expanded.connect(
            lambda index: self.branches_expanded.emit([self.model.node_for(index).id])
        )
        self.view.collapsed.connect(
            lambda index: self.branches_collapsed.emit([self.model.node_for(index).id])
        )
        # The text and the note are written as they are typed (F2, a new activity).
        self.view.setItemDelegate(LiveTextDelegate(session, self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        # Fixed, not ResizeToContents: that would measure every row after each change.
        header.setSectionResizeMode(VOTES_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(VOTES_COLUMN, self.fontMetrics().horizontalAdvance("00000") + 16)
        header.setSectionResizeMode(NOTE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NOTE_COLUMN, 220)
        self.expand_initially()
        self.view.tab_pressed.connect(lambda back: (self.outdent if back else self.indent)())
        self.view.editor_opened.connect(self._take_editor_keys)
        # The row the last Enter added, and the undo stack's index before it was: while it
        # still holds the placeholder, Esc (or Backspace once emptied) takes it away unseen.
        self._fresh: tuple[int, int] | None = None
        # New rows (an undo of a removal, a paste) appear expanded, as the facilitator left them.
        self.model.rowsInserted.connect(self._expand_inserted)
        # The expanded nodes of deleted branches: an undo brings a branch back as it looked.
        self._removed_expanded: set[int] = set()
        # A moved branch leaves the view and comes back at its new place: keep how it looked.
        self._moving: BranchState | None = None
        self.model.branch_about_to_move.connect(self._remember_branch)
        self.model.branch_moved.connect(self._restore_branch)
        # What the mouse dropped stays in sight: a leaf or a collapsed branch dropped onto opens
        # (a move by keyboard or an undo leaves the branches as they are).
        self.model.dropped_into.connect(self._open_drop_target)

        self.actions_: list[QAction] = []
        self.toolbar = QToolBar(self.tr("Activity tools"), self)
        self.toolbar.setAccessibleName(self.tr("Activity tools"))
        self._make_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self.view.selectionModel().currentChanged.connect(self._report_focus)
        # A current row deep inside a removed branch goes without a currentChanged: the focus
        # reported must not stay on a node that is gone.
        self.model.rowsRemoved.connect(
            lambda *_: self._report_focus(self.view.currentIndex(), QModelIndex())
        )
        if self.model.rowCount():
            self.select(self.model.index(0, 0))

    def _report_focus(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._moving is not None:
            return  # the current row left with a moved branch and is about to come back
        node = self.model.node_for(current) if current.isValid() else None
        if self._fresh is not None and (node is None or node.id != self._fresh[0]):
            self._fresh = None  # the facilitator went on elsewhere: the row is theirs now
        self.session.set_focus(Focus("activities", node_id=node.id if node else None))

    def expand_initially(self) -> None:
        """Open a workshop's tree fully, or, when it is large, down to its top activities.

        Qt lays out every expanded row again after each change: with thousands of open rows a
        move would take longer than a facilitator should wait, and nobody reads them all.
        """
        if len(self.document.node_index) <= EXPAND_ALL_LIMIT:
            self.view.expandAll()
        else:
            self.view.expandToDepth(0)

    # --- actions ---------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        meaning: str,
        slot: Callable[[], object],
        shortcuts: list[str | QKeySequence.StandardKey] | None = None,
        toolbar: bool = True,
    ) -> QAction:
        # Only while the tree itself has focus: an open editor keeps Enter, Tab and Delete.
        return make_action(
            self,
            text,
            meaning,
            slot,
            shortcuts or (),
            widget=self.view,
            actions=self.actions_,
            toolbar=self.toolbar if toolbar else None,
        )

    def _menu_button(self, text: str, meaning: str, actions: list[QAction]) -> QToolButton:
        """A toolbar button with text that opens a menu of less frequent actions."""
        menu = QMenu(text, self)
        for action in actions:
            menu.addAction(action)
        button = QToolButton(self.toolbar)
        button.setText(text)
        button.setIcon(icon(meaning))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(
            ", ".join(
                f"{a.text().rstrip('…')} ({a.shortcut().toString(NATIVE)})"
                if a.shortcuts()
                else a.text().rstrip("…")
                for a in actions
            )
        )
        self.toolbar.addWidget(button)
        return button

    def _make_actions(self) -> None:
        # The main actions stand on the toolbar with their text, the votes' two buttons under
        # a label; blocks, arranging and the rest wait in menus behind buttons with text, so
        # that the toolbar fits beside the wall's preview at 1366 px wide.
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_sibling_action = self._action(
            self.tr("Add activity"), "add", self.add_sibling, ["Return", "Enter"]
        )
        self.add_child_action = self._action(
            self.tr("Add sub-activity"), "add-child", self.add_child, ["Ctrl+Return", "Ctrl+Enter"]
        )
        self.remove_action = self._action(self.tr("Delete"), "remove", self.remove, ["Delete"])
        self.add_block_action = self._action(
            self.tr("Add block…"), "block", self.add_block, ["Ctrl+B"], toolbar=False
        )
        self.block_themes_action = self._action(
            self.tr("Block themes…"), "themes", self.edit_block_themes, ["Ctrl+T"], toolbar=False
        )
        self.block_button = self._menu_button(
            self.tr("Block"), "block", [self.add_block_action, self.block_themes_action]
        )
        self.toolbar.addSeparator()
        votes = QLabel(self.tr("Votes:"), self.toolbar)
        votes.setContentsMargins(4, 0, 2, 0)
        self.toolbar.addWidget(votes)
        self.vote_up_action = self._action(
            self.tr("Add a vote"), "vote-up", lambda: self.vote(1), ["+", "="]
        )
        self.vote_down_action = self._action(
            self.tr("Remove a vote"), "vote-down", lambda: self.vote(-1), ["-"]
        )
        for action in (self.vote_up_action, self.vote_down_action):
            button = self.toolbar.widgetForAction(action)
            assert isinstance(button, QToolButton)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toolbar.addSeparator()
        self.indent_action = self._action(
            self.tr("Indent"), "indent", self.indent, ["Tab"], toolbar=False
        )
        self.outdent_action = self._action(
            self.tr("Outdent"), "outdent", self.outdent, ["Shift+Tab"], toolbar=False
        )
        self.move_up_action = self._action(
            self.tr("Move up"),
            "up",
            lambda: self.move(-1),
            ["Alt+Up", "Ctrl+Shift+Up"],
            toolbar=False,
        )
        self.move_down_action = self._action(
            self.tr("Move down"),
            "down",
            lambda: self.move(1),
            ["Alt+Down", "Ctrl+Shift+Down"],
            toolbar=False,
        )
        self.arrange_button = self._menu_button(
            self.tr("Arrange"),
            "indent",
            [self.indent_action, self.outdent_action, self.move_up_action, self.move_down_action],
        )
        self.copy_action = self._action(
            self.tr("Copy as text"),
            "copy",
            self.copy,
            [QKeySequence.StandardKey.Copy],
            toolbar=False,
        )
        self.paste_action = self._action(
            self.tr("Paste as activities"),
            "paste",
            self.paste,
            [QKeySequence.StandardKey.Paste],
            toolbar=False,
        )
        self.expand_action = self._action(
            self.tr("Expand all"),
            "expand",
            self.view.expandAll,
            ["Ctrl+Shift+Right"],
            toolbar=False,
        )
        self.collapse_action = self._action(
            self.tr("Collapse all"),
            "collapse",
            self.view.collapseAll,
            ["Ctrl+Shift+Left"],
            toolbar=False,
        )
        self.more_button = self._menu_button(
            self.tr("More"),
            "expand",
            [self.copy_action, self.paste_action, self.expand_action, self.collapse_action],
        )

    # --- selection helpers -------------------------------------------------------------------

    def current_node(self) -> Node | None:
        index = self.view.currentIndex()
        return self.model.node_for(index) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows(0)
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex()]
        return [self.model.node_for(index).id for index in rows]

    def select(self, index: QModelIndex, edit: bool = False) -> None:
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        if edit:
            self.view.edit(index)

    def select_ids(self, ids: list[int]) -> None:
        if not ids:
            return
        selection = self.view.selectionModel()
        first = self.model.index_for(self.document.node(ids[0]))
        self.view.setCurrentIndex(first)
        # One selection change for all of them (one per row made a long paste quadratic).
        wanted = QItemSelection()
        run: list[QModelIndex] = []  # neighbouring rows of one parent: one range
        for node_id in ids:
            index = self.model.index_for(self.document.node(node_id))
            if run and (index.parent() != run[-1].parent() or index.row() != run[-1].row() + 1):
                wanted.select(run[0], run[-1])
                run = []
            run.append(index)
        if run:
            wanted.select(run[0], run[-1])
        selection.select(
            wanted,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(first)

    def _expand_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        # A moved branch is inserted too, but a move leaves its new parent as it was.
        if self._moving is not None:
            return
        if parent.isValid():
            self.view.expand(parent)
        if self._removed_expanded:
            for row in range(first, last + 1):
                for node in self.model.node_for(self.model.index(row, 0, parent)).walk():
                    if node.id in self._removed_expanded:
                        self.view.expand(self.model.index_for(node))

    def _open_drop_target(self, node_id: int) -> None:
        node = self.document.node(node_id)
        if node.parent is not None:
            self.view.expand(self.model.index_for(node))

    def _remember_branch(self, node_id: int) -> None:
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
        self._moving = state

    def _restore_branch(self, node_id: int) -> None:
        """After the moved branch is back in the view: expand and select as it was."""
        state, self._moving = self._moving, None
        if state is None:
            return
        try:
            self._apply_branch_state(state)
        finally:
            self.view.setAutoScroll(state.auto_scroll)

    def _apply_branch_state(self, state: BranchState) -> None:
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

    def _push(self, operation: object, text: str) -> bool:
        return self.session.push(operation, text)  # type: ignore[arg-type]

    # --- editing -----------------------------------------------------------------------------

    def _placeholder(self) -> str:
        return self.tr("New activity")

    def _insert_new(self, parent: Node, row: int) -> None:
        node = new_activity(self.document, self._placeholder())
        base = self.session.undo_stack.index()
        if self._push(InsertNodes(parent.id, row, (node,)), self.tr("Add activity")):
            index = self.model.index_for(self.document.node(node.id))
            self.view.expand(index.parent())
            self.select(index)
            self._fresh = (node.id, base)
            self.view.edit(index)

    # --- the outliner's keys in an open editor ----------------------------------------------

    def _take_editor_keys(self, editor: QWidget, index: QPersistentModelIndex) -> None:
        if index.column() == TEXT_COLUMN:
            # Installed after the delegate's filter, so it sees the keys first.
            editor.installEventFilter(self)
            editor.setProperty("nodeId", self.model.node_for(index).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        node_id = watched.property("nodeId")
        if not isinstance(node_id, int) or node_id not in self.document.node_index:
            return False
        key, modifiers = event.key(), event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.view.finish_editing(watched)
            if ctrl:
                self.add_child()
            elif shift:
                self.add_after_parent()
            else:
                self.add_sibling()
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not ctrl:
            self.view.finish_editing(watched)
            back = key == Qt.Key.Key_Backtab or shift
            (self.outdent if back else self.indent)()
            self._edit_again(node_id)
            return True
        empty = isinstance(watched, QLineEdit) and not watched.text()
        discards = key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Backspace and empty)
        return discards and self._discard_fresh(node_id, watched)

    def _edit_again(self, node_id: int) -> None:
        """Reopen the editor of a row that was indented or outdented while edited."""
        index = self.model.index_for(self.document.node(node_id))
        self.view.edit(index)
        editor = self.view.focusWidget()
        if isinstance(editor, QLineEdit) and not self._is_untouched(node_id):
            editor.deselect()  # typing goes on after the text, not over it
            editor.end(False)

    def _is_untouched(self, node_id: int) -> bool:
        stack = self.session.undo_stack
        return (
            self._fresh is not None
            and self._fresh[0] == node_id
            and self.document.node(node_id).text == self._placeholder()
            and self._fresh[1] < stack.index() == stack.count()
        )

    def _discard_fresh(self, node_id: int, editor: QWidget) -> bool:
        """Take away the row Enter just added (and its indents) with no undo step left."""
        if not self._is_untouched(node_id):
            return False
        assert self._fresh is not None
        base, self._fresh = self._fresh[1], None
        self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
        stack = self.session.undo_stack
        while stack.index() > base:
            command = stack.command(stack.index() - 1)
            command.undo()
            # An obsolete command is dropped by the stack instead of undone (again).
            command.setObsolete(True)
            stack.undo()
        self.view.setFocus()
        return True

    def add_sibling(self) -> None:
        node = self.current_node()
        if node is None:
            if not self.document.data.blocks:
                self.add_block()
                return
            block = self.document.data.blocks[-1]
            self._insert_new(block, len(block.children))
        elif node.is_block:
            self._insert_new(node, 0)
        else:
            assert node.parent is not None
            self._insert_new(node.parent, node.row + 1)

    def add_after_parent(self) -> None:
        """A new activity one level up: after the current activity's parent."""
        node = self.current_node()
        parent = node.parent if node is not None else None
        if node is None or parent is None or parent.is_block or parent.parent is None:
            self.add_sibling()
            return
        self._insert_new(parent.parent, parent.row + 1)

    def add_child(self) -> None:
        node = self.current_node()
        if node is None:
            self.add_sibling()
            return
        self._insert_new(node, len(node.children))

    def add_block(self) -> None:
        themes = [(t.id, t.name) for t in self.document.data.themes]
        chosen: list[int] = []
        if themes:
            dialog = BlockThemesDialog(themes, [], self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            chosen = dialog.chosen_ids()
        block = Node(self.document.new_id(Kind.NODE), theme_ids=chosen)
        current = self.current_node()
        row = len(self.document.data.blocks)
        if current is not None:
            while current.parent is not None and current.parent.id != ROOT_ID:
                current = current.parent
            row = current.row + 1
        if self._push(InsertNodes(ROOT_ID, row, (block,)), self.tr("Add block")):
            self.select(self.model.index_for(self.document.node(block.id)))

    def edit_block_themes(self) -> None:
        node = self.current_node()
        while node is not None and not node.is_block:
            node = node.parent
        if node is None:
            self.message.emit(self.tr("Select a block or an activity in it first."))
            return
        themes = [(t.id, t.name) for t in self.document.data.themes]
        dialog = BlockThemesDialog(themes, list(node.theme_ids), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = dialog.chosen_ids()
            if chosen != node.theme_ids:
                self._push(SetBlockThemes(node.id, tuple(chosen)), self.tr("Change block themes"))

    def _restructure(self, make: Callable[[tuple[int, ...]], object], text: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if self._push(make(tuple(ids)), text):
            self.select_ids([n.id for n in top_level_nodes(self.document, ids)])

    def indent(self) -> None:
        self._restructure(Indent, self.tr("Indent"))

    def outdent(self) -> None:
        self._restructure(Outdent, self.tr("Outdent"))

    def move(self, step: int) -> None:
        """Move the selection one place up or down; past the ends, into the neighbouring branch."""
        ids = self.selected_ids()
        if not ids:
            return
        try:
            nodes = top_level_nodes(self.document, ids)
        except InvalidOperationError:
            return
        first, last = nodes[0], nodes[-1]
        parent = first.parent
        assert parent is not None
        if step < 0 and first.row > 0:
            operation = MoveNodes(tuple(ids), parent.id, first.row - 1)
        elif step > 0 and last.parent is parent and last.row + 1 < len(parent.children):
            operation = MoveNodes(tuple(ids), parent.id, last.row + 2)
        elif parent.parent is not None:
            # At the edge of its branch: continue into the neighbouring branch of the parent.
            neighbour_row = parent.row + step
            uncles = parent.parent.children
            if not 0 <= neighbour_row < len(uncles):
                return
            neighbour = uncles[neighbour_row]
            operation = MoveNodes(tuple(ids), neighbour.id, -1 if step < 0 else 0)
        else:
            return
        if self._push(operation, self.tr("Move up") if step < 0 else self.tr("Move down")):
            self.select_ids([n.id for n in nodes])

    def _ids_to_remove(self) -> list[int]:
        """The selection, or the current row alone when it is not part of the selection."""
        current = self.view.currentIndex()
        if current.isValid() and not self.view.selectionModel().isSelected(
            current.siblingAtColumn(TEXT_COLUMN)
        ):
            return [self.model.node_for(current).id]
        return self.selected_ids()

    def remove(self) -> None:
        ids = self._ids_to_remove()
        if not ids:
            return
        nodes = top_level_nodes(self.document, ids)
        activities = sum(1 for n in nodes for d in n.walk() if not d.is_block)
        if activities > ASK_BEFORE_REMOVING_OVER and not ask_before_removing(
            self,
            self.tr("Delete %n activities?", "", activities),
            self.tr("Undo (%s) brings them back.")
            % QKeySequence(QKeySequence.StandardKey.Undo).toString(
                QKeySequence.SequenceFormat.NativeText
            ),
        ):
            return
        for top in nodes:
            for node in top.walk():
                if node.children and self.view.isExpanded(self.model.index_for(node)):
                    self._removed_expanded.add(node.id)
                else:
                    self._removed_expanded.discard(node.id)
        # Select what the facilitator will work on next: the item after, else before, else parent.
        last = nodes[-1]
        assert last.parent is not None
        siblings = last.parent.children
        follower = next((s for s in siblings[last.row + 1 :] if s not in nodes), None)
        if follower is None:
            follower = next(
                (s for s in reversed(siblings[: nodes[0].row]) if s not in nodes),
                last.parent if last.parent.id != ROOT_ID else None,
            )
        count = sum(1 for n in nodes for _ in n.walk())
        removed = self._push(RemoveNodes(tuple(ids)), self.tr("Delete %n activities", "", count))
        if removed and follower is not None:
            self.select(self.model.index_for(follower))

    def copy(self) -> None:
        ids = self.selected_ids()
        if ids:
            QGuiApplication.clipboard().setMimeData(
                self.model.mimeData([self.model.index_for(self.document.node(i)) for i in ids])
            )

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        node = self.current_node()
        if not text.strip():
            return
        if node is None:
            if not self.document.data.blocks:
                self.message.emit(self.tr("Add a block first."))
                return
            parent, row = self.document.data.blocks[-1], len(self.document.data.blocks[-1].children)
        elif node.is_block:
            parent, row = node, len(node.children)
        else:
            assert node.parent is not None
            parent, row = node.parent, node.row + 1
        ids = self.model.insert_outline(parent, row, text, self.tr("Paste activities"))
        self.select_ids(ids)

    def vote(self, step: int) -> None:
        """Add or take away one dot on every selected activity, as one undo step."""
        changes = []
        for node_id in self.selected_ids():
            node = self.document.node(node_id)
            votes = max(0, node.votes + step)
            if not node.is_block and votes != node.votes:
                changes.append(SetFields(Kind.NODE, node.id, {"votes": votes}))
        if changes:
            self._push(
                Batch(tuple(changes)),
                self.tr("Add a vote") if step > 0 else self.tr("Remove a vote"),
            )

    def clipboard_text(self) -> str:
        return format_outline(top_level_nodes(self.document, self.selected_ids()))
