"""The Activities section: the blocks and the activity tree, driven by keyboard and mouse.

Keys as in outliners: Enter adds a sibling below and edits it, Tab / Shift+Tab indent and
outdent, Alt+Up/Down (or Ctrl+Shift+Up/Down) move, F2 edits, Delete removes a branch. Every
action is one undo step.

While an activity's text is edited the same keys go on from it in one stroke (see
editor_keys.py): Enter commits and opens the next sibling, Ctrl+Enter a child,
Shift+Enter the next item one level up, Tab / Shift+Tab commit and indent / outdent the row
still being edited; Backspace in an emptied new row and Esc in an untouched one take the row
away as if it had never been added (no undo step is left behind).

Over 500 lines because it is one list: the facilitator's actions on the tree (they fill the
window's Activities menu too) and what each of them does. The view and a moved branch's
look (view.py), the editor's keys (editor_keys.py), the blocks' themes (blocks.py) and the
clipboard (clipboard.py) are modules beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.session import Focus, WorkshopSession
from facilitator_app.gui.sections.activities.blocks import BlockThemesDialog
from facilitator_app.gui.sections.activities.clipboard import copy_nodes, paste_place
from facilitator_app.gui.sections.activities.editor_keys import EditorKeys
from facilitator_app.gui.sections.activities.tree_model import (
    NOTE_COLUMN,
    TEXT_COLUMN,
    VOTES_COLUMN,
    ActivityTreeModel,
)
from facilitator_app.gui.sections.activities.view import (
    ActivityTreeView,
    BranchKeeper,
    CodesDelegate,
)
from facilitator_app.gui.widgets.record_toolbar import menu_button
from facilitator_app.gui.widgets.section_page import SectionPage
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import ROOT_ID, Node
from facilitator_app.workshop.operations import (
    Batch,
    Indent,
    InsertNodes,
    MoveNodes,
    Operation,
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


class ActivitiesPage(SectionPage):
    """The tree with its toolbar; its actions also fill the window's Activities menu."""

    message = Signal(str)
    # Node ids of branches the tree view expanded or collapsed (the wall's outline follows).
    branches_expanded = Signal(list)
    branches_collapsed = Signal(list)

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("activitiesPage")
        self.model = ActivityTreeModel(session, self)
        self.view = ActivityTreeView(self)
        self.view.setModel(self.model)
        self.view.expanded.connect(
            lambda index: self.branches_expanded.emit([self.model.node_for(index).id])
        )
        self.view.collapsed.connect(
            lambda index: self.branches_collapsed.emit([self.model.node_for(index).id])
        )
        # The text and the note are written as they are typed (F2, a new activity); the codes
        # are painted before the text when shown.
        self.view.setItemDelegate(CodesDelegate(session, self.view))
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
        self.keys = EditorKeys(self)
        self.view.editor_opened.connect(self.keys.take)
        # New rows (an undo of a removal, a paste) appear expanded, as the facilitator left them.
        self.model.rowsInserted.connect(self._expand_inserted)
        # The expanded nodes of deleted branches: an undo brings a branch back as it looked.
        self._removed_expanded: set[int] = set()
        self.branches = BranchKeeper(self.view, self.model, self.document)
        # What the mouse dropped stays in sight: a leaf or a collapsed branch dropped onto opens
        # (a move by keyboard or an undo leaves the branches as they are).
        self.model.dropped_into.connect(self._open_drop_target)

        self._make_toolbar(self.tr("Activity tools"))
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

    def show_codes(self, on: bool) -> None:
        """Paint each activity's code (``3.1.2``) before its text, or stop (View ▸ Show
        activity codes)."""
        if on != self.model.show_codes:
            self.model.set_show_codes(on)
            self.view.viewport().update()

    def _report_focus(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.branches.moving is not None:
            return  # the current row left with a moved branch and is about to come back
        node = self.model.node_for(current) if current.isValid() else None
        fresh = self.keys.fresh
        if fresh is not None and (node is None or node.id != fresh[0]):
            self.keys.fresh = None  # the facilitator went on elsewhere: the row is theirs now
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

    def _keys_widget(self) -> QWidget:
        # Only while the tree itself has focus: an open editor keeps Enter, Tab and Delete.
        return self.view

    def _menu_actions(
        self, *rows: tuple[str, str, Callable[[], object], list[str | QKeySequence.StandardKey]]
    ) -> list[QAction]:
        """Actions kept off the toolbar for a menu button, a row of text, icon, slot, keys each."""
        return [
            self._action(text, meaning, slot, keys, toolbar=False)
            for text, meaning, slot, keys in rows
        ]

    def _menu_button(self, text: str, meaning: str, actions: list[QAction]) -> QToolButton:
        """A toolbar button with text that opens a menu of less frequent actions."""
        return menu_button(self.toolbar, QMenu(text, self), meaning, actions)

    def _make_actions(self) -> None:
        # The main actions stand on the toolbar with their text, the votes' two buttons under
        # a label; blocks, arranging and the rest wait in menus behind buttons with text, so
        # that the toolbar fits beside the wall's preview at 1366 px wide.
        self.add_sibling_action = self._action(
            self.tr("Add activity"), "add", self.add_sibling, ["Return", "Enter"]
        )
        self.add_child_action = self._action(
            self.tr("Add sub-activity"), "add-child", self.add_child, ["Ctrl+Return", "Ctrl+Enter"]
        )
        self.remove_action = self._action(self.tr("Delete"), "remove", self.remove, ["Delete"])
        block = self._menu_actions(
            (self.tr("Add block…"), "block", self.add_block, ["Ctrl+B"]),
            (self.tr("Block themes…"), "themes", self.edit_block_themes, ["Ctrl+T"]),
        )
        self.add_block_action, self.block_themes_action = block
        self.block_button = self._menu_button(self.tr("Block"), "block", block)
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
        arrange = self._menu_actions(
            (self.tr("Indent"), "indent", self.indent, ["Tab"]),
            (self.tr("Outdent"), "outdent", self.outdent, ["Shift+Tab"]),
            (self.tr("Move up"), "up", lambda: self.move(-1), ["Alt+Up", "Ctrl+Shift+Up"]),
            (self.tr("Move down"), "down", lambda: self.move(1), ["Alt+Down", "Ctrl+Shift+Down"]),
        )
        self.indent_action, self.outdent_action, self.move_up_action, self.move_down_action = (
            arrange
        )
        self.arrange_button = self._menu_button(self.tr("Arrange"), "indent", arrange)
        more = self._menu_actions(
            (self.tr("Copy as text"), "copy", self.copy, [QKeySequence.StandardKey.Copy]),
            (self.tr("Paste as activities"), "paste", self.paste, [QKeySequence.StandardKey.Paste]),
            (self.tr("Expand all"), "expand", self.view.expandAll, ["Ctrl+Shift+Right"]),
            (self.tr("Collapse all"), "collapse", self.view.collapseAll, ["Ctrl+Shift+Left"]),
        )
        self.copy_action, self.paste_action, self.expand_action, self.collapse_action = more
        self.more_button = self._menu_button(self.tr("More"), "expand", more)

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
        if self.branches.moving is not None:
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

    def _push(self, operation: Operation, text: str) -> bool:
        return self.session.push(operation, text)

    # --- editing -----------------------------------------------------------------------------

    def placeholder_text(self) -> str:
        return self.tr("New activity")

    def _insert_new(self, parent: Node, row: int) -> None:
        node = new_activity(self.document, self.placeholder_text())
        base = self.session.undo_stack.index()
        if self._push(InsertNodes(parent.id, row, (node,)), self.tr("Add activity")):
            index = self.model.index_for(self.document.node(node.id))
            self.view.expand(index.parent())
            self.select(index)
            self.keys.fresh = (node.id, base)
            self.view.edit(index)

    # --- the outliner's keys in an open editor ----------------------------------------------

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

    def _restructure(self, make: Callable[[tuple[int, ...]], Operation], text: str) -> None:
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
        copy_nodes(self.model, self.document, self.selected_ids())

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            return
        place = paste_place(self.document, self.current_node())
        if place is None:
            self.message.emit(self.tr("Add a block first."))
            return
        ids = self.model.insert_outline(*place, text, self.tr("Paste activities"))
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
