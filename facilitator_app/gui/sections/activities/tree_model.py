"""The activity tree as a QStandardItemModel that mirrors the document's tree.

Top-level rows are the activity blocks (shown by their themes), below them the activities.
Each node has one item in column 0 holding its id, text and flags, so the tree view lays out
and relays out thousands of rows in C++ without calling Python. The votes and note columns
are read from the document by ``data()``, which the view calls only for the rows it paints.

The model never changes the document itself: edits and drops become operations pushed on the
session's undo stack, and the document's events update the mirror (after the document has
changed), so undo, redo and the other windows all update through the same path.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

from facilitator_app.gui.core.connections import listen
from facilitator_app.gui.core.mime import ACTIVITY_IDS
from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.widgets.record_rows import styled_font
from facilitator_app.workshop import events
from facilitator_app.workshop.codes import code_of
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import ROOT_ID, Node
from facilitator_app.workshop.operations import InsertNodes, MoveNodes, SetFields, top_level_nodes
from facilitator_app.workshop.outline_text import format_outline, parse_outline

COLUMNS = 3
TEXT_COLUMN, VOTES_COLUMN, NOTE_COLUMN = range(COLUMNS)
NodeIdRole = Qt.ItemDataRole.UserRole + 1
IsBlockRole = Qt.ItemDataRole.UserRole + 2

_BLOCK_FLAGS = (
    Qt.ItemFlag.ItemIsDropEnabled
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
)
# A cell without an item has QStandardItemModel's default flags, which are exactly these: the
# votes and note cells of activities need no items (data() serves them), only blocks' do.
_ACTIVITY_FLAGS = _BLOCK_FLAGS | Qt.ItemFlag.ItemIsEditable
# A leaf says so: the tree view then skips asking whether it has children on every relayout.
# The flag is taken away as soon as the leaf gets a child, so it shows an expand arrow again.
_LEAF_FLAGS = _ACTIVITY_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
# Building 10,000 items, each call to an item costs (setFlags 2 µs): what a new item already
# has is not set again.
_NEW_ITEM_FLAGS = QStandardItem().flags()

_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
# The only roles data() answers for the votes and note columns; the view asks for many more
# on each paint, and those return at once.
_CELL_ROLES = frozenset({_DISPLAY, _EDIT, _ACCESSIBLE, _ALIGNMENT, NodeIdRole, IsBlockRole})
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _placeholder() -> QStandardItem:
    """A block's votes or note cell: an item only to say that it is not editable."""
    item = QStandardItem()
    item.setFlags(_BLOCK_FLAGS)
    return item


class ActivityTreeModel(QStandardItemModel):
    # Emitted with the node's id around the mirror taking a moved branch out and putting it in
    # at its new place: the view loses the branch's expansion and selection in between, and
    # the activities page keeps them.
    branch_about_to_move = Signal(int)
    branch_moved = Signal(int)
    # A drop moved activities under this node (its id): the page opens it to show them.
    dropped_into = Signal(int)

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self._bold = styled_font(bold=True)
        self._items: dict[int, QStandardItem] = {}  # node id → its item in column 0
        # node id → the node its row shows. Not the document's index: the document changes
        # first and the mirror follows, and in between (a removal's rowsAboutToBeRemoved, when
        # the views still paint and ask for the rows going away) a row's node must still be
        # found although the document no longer has it.
        self._shown: dict[int, Node] = {}
        # View ▸ Show activity codes: the views paint each node's code (``3.1.2``) before its
        # text, and the accessible text starts with it. Nothing is stored per row: a code is
        # worked out from the node's place when its row is painted or asked for, so an insert,
        # move or removal renumbers the rows after it without touching their items.
        self.show_codes = False
        self._build()
        self.connections = listen(self.document, self)

    # --- the mirror ------------------------------------------------------------------------

    def _build(self) -> None:
        """(Re)build the whole mirror from the document."""
        self._items.clear()  # before clear(): it deletes the items these wrappers point to
        self.clear()  # a reset for the views; it also drops the header
        self._shown.clear()  # after: clear() tells of its rows going while they are asked for
        self.setHorizontalHeaderLabels([self.tr("Activity"), self.tr("Votes"), self.tr("Note")])
        self._insert(self.document.data.root, 0, self.document.data.blocks)

    def _flags_for(self, node: Node) -> Qt.ItemFlag:
        if node.is_block:
            return _BLOCK_FLAGS
        return _ACTIVITY_FLAGS if node.children else _LEAF_FLAGS

    def _fill(self, item: QStandardItem, node: Node, new: bool = False) -> None:
        """Put what the node shows into its item (again, after the node or a theme changed)."""
        if node.is_block:
            label = self.block_label(node)
            item.setText(label)
            item.setData(label, _TOOLTIP)
            item.setData(self.tr("Block: %s") % label, _ACCESSIBLE)
        else:
            item.setText(node.text)
            item.setData(node.text, _ACCESSIBLE)
            if node.note or not new:
                item.setData(node.note or None, _TOOLTIP)  # None takes a tooltip away

    def _make_item(self, node: Node) -> QStandardItem:
        item = QStandardItem()
        flags = self._flags_for(node)
        if flags != _NEW_ITEM_FLAGS:
            item.setFlags(flags)
        if node.is_block:
            item.setData(True, IsBlockRole)  # unset on activities' items: data() says False
            item.setFont(self._bold)
        item.setData(node.id, NodeIdRole)
        self._fill(item, node, new=True)
        self._items[node.id] = item
        self._shown[node.id] = node
        return item

    def _make_branches(self, tops: list[Node]) -> list[QStandardItem]:
        """Items for the subtrees of ``tops``, children attached, not yet in the model."""
        items = [self._make_item(node) for node in tops]
        # Iterative: trees can be deeper than the stack. One appendRows per parent.
        stack = [(node, item) for node, item in zip(tops, items, strict=True) if node.children]
        while stack:
            node, item = stack.pop()
            children = [self._make_item(child) for child in node.children]
            item.setColumnCount(COLUMNS)
            item.appendRows(children)
            stack.extend(
                (child, child_item)
                for child, child_item in zip(node.children, children, strict=True)
                if child.children
            )
        return items

    def _item_of(self, node: Node) -> QStandardItem:
        return self.invisibleRootItem() if node.parent is None else self._items[node.id]

    def _ready_for_children(self, node: Node) -> QStandardItem:
        """The item of a node about to get children: with every column, and no longer a leaf."""
        item = self._item_of(node)
        if item.columnCount() < COLUMNS:
            item.setColumnCount(COLUMNS)
        if node.parent is not None:
            item.setFlags(self._flags_for(node))  # no signal when they stay as they were
        return item

    def _insert(self, parent: Node, row: int, tops: list[Node]) -> None:
        items = self._make_branches(tops)
        parent_item = self._ready_for_children(parent)
        if parent.parent is not None:
            parent_item.insertRows(row, items)  # one signal, as the document sends one event
            return
        for offset, item in enumerate(items):
            # A block's votes and note cells get items only to say they are not editable.
            cells = [item, *(_placeholder() for _ in range(1, COLUMNS))]
            parent_item.insertRow(row + offset, cells)

    def _branch_ids(self, item: QStandardItem) -> list[int]:
        """The ids of a branch's items."""
        ids: list[int] = []
        stack = [item]
        while stack:
            item = stack.pop()
            ids.append(item.data(NodeIdRole))
            stack.extend(item.child(row) for row in range(item.rowCount()))
        return ids

    def _move(self, event: events.NodeMoved) -> None:
        old_parent = self.document.node(event.old_parent_id)
        new_parent = self.document.node(event.new_parent_id)
        self.branch_about_to_move.emit(event.node_id)
        cells = [i for i in self._item_of(old_parent).takeRow(event.old_row) if i is not None]
        self._ready_for_children(new_parent).insertRow(event.new_row, cells)
        if old_parent.parent is not None:
            self._item_of(old_parent).setFlags(self._flags_for(old_parent))
        self.branch_moved.emit(event.node_id)

    def _remove(self, event: events.NodesRemoved) -> None:
        parent = self.document.node(event.parent_id)
        parent_item = self._item_of(parent)
        gone = [
            node_id
            for row in range(event.row, event.row + event.count)
            for node_id in self._branch_ids(parent_item.child(row))
        ]
        parent_item.removeRows(event.row, event.count)
        # Only now: while the rows go, the views may still ask for them (see _shown).
        for node_id in gone:
            del self._items[node_id]
            del self._shown[node_id]
        if parent.parent is not None:
            parent_item.setFlags(self._flags_for(parent))

    # --- the document's tree and the model's indexes -----------------------------------------

    def node_for(self, index: ModelIndex) -> Node:
        if not index.isValid():
            return self.document.data.root
        # Column 0 always holds the item; itemFromIndex() would create one in another column.
        item = self.itemFromIndex(index.sibling(index.row(), TEXT_COLUMN))
        return self._shown[item.data(NodeIdRole)]

    def index_for(self, node: Node, column: int = 0) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        index = self._items[node.id].index()
        return index if column == TEXT_COLUMN else index.siblingAtColumn(column)

    # --- data ------------------------------------------------------------------------------

    def block_label(self, block: Node) -> str:
        themes = self.document.data.theme_by_id()
        names = [themes[i].name for i in block.theme_ids if i in themes]
        return " + ".join(names) if names else self.tr("Activities (no themes chosen)")

    def code(self, index: ModelIndex) -> str:
        """The code of the node on ``index``'s row (``3.1.2``; a block's is its number)."""
        return code_of(self.node_for(index)) if index.isValid() else ""

    def set_show_codes(self, on: bool) -> None:
        self.show_codes = on

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.column() == TEXT_COLUMN:
            if role == IsBlockRole:
                return bool(super().data(index, role))
            if role == _ACCESSIBLE and self.show_codes and index.isValid():
                return f"{self.code(index)} {super().data(index, role)}"
            return super().data(index, role)
        if role not in _CELL_ROLES or not index.isValid():
            return None
        node = self.node_for(index)
        if role == NodeIdRole:
            return node.id
        if role == IsBlockRole:
            return node.is_block
        if node.is_block:
            return None
        if index.column() == VOTES_COLUMN:
            if role == _ALIGNMENT:
                return _RIGHT_ALIGNED
            if role == _EDIT:
                return node.votes
            return str(node.votes) if node.votes else ""
        return None if role == _ALIGNMENT else node.note

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        node = self.node_for(index)
        if node.is_block:
            return False
        column = index.column()
        if column == TEXT_COLUMN:
            text = str(value).strip()
            if not text:
                self.session.refuse()  # an activity needs its text: it keeps the one it had
                return False
            if text == node.text:
                return False
            return self.session.push(
                SetFields(Kind.NODE, node.id, {"text": text}), self.tr("Edit activity")
            )
        if column == VOTES_COLUMN:
            try:
                votes = int(value)
            except (TypeError, ValueError):
                return False
            if votes == node.votes or votes < 0:
                return False
            return self.session.push(
                SetFields(Kind.NODE, node.id, {"votes": votes}), self.tr("Set votes")
            )
        note = str(value)
        if note == node.note:
            return False
        return self.session.push(
            SetFields(Kind.NODE, node.id, {"note": note}), self.tr("Edit note")
        )

    # Rows change only with the document. A view may still ask to remove rows itself (after a
    # drag it takes for a finished move): the mirror would then no longer match the document.

    def insertRows(self, row: int, count: int, parent: ModelIndex = QModelIndex()) -> bool:
        return False

    def removeRows(self, row: int, count: int, parent: ModelIndex = QModelIndex()) -> bool:
        return False

    # --- drag and drop ---------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ACTIVITY_IDS.mime_type, "text/plain"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        # Every column of a row comes as its own index: keep each node once, in document order.
        ids = list(dict.fromkeys(self.node_for(i).id for i in indexes if i.isValid()))
        nodes = top_level_nodes(self.document, ids)
        mime = ACTIVITY_IDS.encode(n.id for n in nodes)
        mime.setText(format_outline([n for n in nodes if not n.is_block]))
        return mime

    @staticmethod
    def dragged_ids(mime: QMimeData) -> list[int] | None:
        return ACTIVITY_IDS.decode(mime)

    def _drop_target(self, row: int, parent: ModelIndex) -> tuple[Node, int]:
        """(parent node, row) of a drop; row -1 means "onto the parent": append as a child."""
        node = self.node_for(parent)
        return node, (len(node.children) if row < 0 else row)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        target, _ = self._drop_target(row, parent)
        ids = self.dragged_ids(data)
        if ids is None:
            # Text from elsewhere becomes new activities; never at the top (blocks') level.
            return data.hasText() and target.id != ROOT_ID
        try:
            nodes = top_level_nodes(self.document, ids)
            for node in nodes:
                self.document.check_move(node, target)
        except InvalidOperationError:
            return False
        return bool(nodes)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target, target_row = self._drop_target(row, parent)
        ids = self.dragged_ids(data)
        if ids is None:
            self.insert_outline(target, target_row, data.text(), self.tr("Drop text"))
        else:
            count = len(top_level_nodes(self.document, ids))
            if self.session.push(
                MoveNodes(tuple(ids), target.id, target_row),
                self.tr("Move %n activities", "", count),
            ):
                self.dropped_into.emit(target.id)
        # False: the move is done; a True would make the view remove the source rows itself.
        return False

    def insert_outline(self, parent: Node, row: int, text: str, label: str) -> list[int]:
        """Insert indented text as activities under ``parent`` from ``row``; return their ids."""
        from facilitator_app.workshop.operations import new_activity

        def build(items: list[Any]) -> list[Node]:
            # Iterative: a pasted staircase of indentation can be deeper than the stack.
            # Ids are given in document order, as a recursive build would give them.
            tops: list[Node] = []
            stack: list[tuple[Any, Node | None]] = [(item, None) for item in reversed(items)]
            while stack:
                item, parent = stack.pop()
                node = new_activity(self.document, item.text)
                if parent is None:
                    tops.append(node)
                else:
                    node.parent, node.position = parent, len(parent.children)
                    parent.children.append(node)
                stack.extend((child, node) for child in reversed(item.children))
            return tops

        subtrees = build(parse_outline(text))
        if not subtrees:
            return []
        if not self.session.push(InsertNodes(parent.id, row, tuple(subtrees)), label):
            return []  # refused (e.g. nested too deeply): the session said why
        return [s.id for s in subtrees]

    # --- listening to the document ------------------------------------------------------------

    def document_about_to_change(self, event: events.Event) -> None:
        pass  # the mirror follows once the document has changed

    def document_changed(self, event: events.Event) -> None:
        if isinstance(event, events.NodesInserted):
            parent = self.document.node(event.parent_id)
            self._insert(parent, event.row, parent.children[event.row : event.row + event.count])
        elif isinstance(event, events.NodesRemoved):
            self._remove(event)
        elif isinstance(event, events.NodeMoved):
            self._move(event)
        elif isinstance(event, events.Reset):
            self._build()
        elif isinstance(event, events.FieldsChanged) and event.kind is Kind.NODE:
            node = self.document.node(event.id)
            self._fill(self._items[node.id], node)
            # The votes and note cells have no items to say they changed.
            self.dataChanged.emit(
                self.index_for(node, VOTES_COLUMN), self.index_for(node, NOTE_COLUMN)
            )
        elif (
            isinstance(event, events.FieldsChanged)
            and event.kind is Kind.THEME
            and "name" in event.fields
        ) or (
            isinstance(event, events.RecordsInserted | events.RecordsRemoved)
            and event.kind is Kind.THEME
        ):
            # Only a theme's name shows in the tree; typing its vision must not touch the rows.
            for block in self.document.data.blocks:
                self._fill(self._items[block.id], block)
