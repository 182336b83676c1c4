"""The activity tree as a QAbstractItemModel that listens to the document.

Top-level rows are the activity blocks (shown by their themes), below them the activities.
The model never changes the document itself: edits and drops become operations pushed on the
session's undo stack, and the document's events drive begin…/end… calls, so undo, redo and
the other windows all update through the same path.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from ..workshop.errors import InvalidOperationError
from ..workshop.events import (
    Event,
    FieldsChanged,
    Kind,
    NodeMoved,
    NodesInserted,
    NodesRemoved,
    RecordsInserted,
    RecordsRemoved,
    Reset,
)
from ..workshop.model import ROOT_ID, Node
from ..workshop.operations import InsertNodes, MoveNodes, SetFields, top_level_nodes
from ..workshop.outline_text import format_outline, parse_outline
from .session import WorkshopSession

ACTIVITY_IDS_MIME = "application/x-facilitator-activity-ids"
ModelIndex = QModelIndex | QPersistentModelIndex

TEXT_COLUMN, VOTES_COLUMN, NOTE_COLUMN = range(3)
NodeIdRole = Qt.ItemDataRole.UserRole + 1
IsBlockRole = Qt.ItemDataRole.UserRole + 2

# Flags computed once: the view asks for them for every laid-out row after each change, and
# combining enum members in Python on each call costs more than the rest of flags().
_ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
_BLOCK_FLAGS = (
    _ROOT_FLAGS
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
)
_ACTIVITY_FLAGS = _BLOCK_FLAGS | Qt.ItemFlag.ItemIsEditable
# A leaf says so: the tree view then skips asking hasChildren() for it on every relayout
# (9,000 Python calls of 10,000 rows). Flags are asked afresh, so a leaf that gets a child is
# at once an ordinary branch again.
_LEAF_FLAGS = _ACTIVITY_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole


class ActivityTreeModel(QAbstractItemModel):
    def __init__(self, session: WorkshopSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self._bold = QFont()
        self._bold.setBold(True)
        self._take_lookups()
        self.document.add_listener(self)

    def _take_lookups(self) -> None:
        """Keep the document's id map and root at hand (replaced only by a Reset)."""
        self._nodes = self.document.node_index
        self._root = self.document.data.root

    # --- structure -------------------------------------------------------------------------

    # index(), parent(), rowCount() and flags() run for every laid-out row after each change
    # (10,000 calls for 10,000 expanded activities): they look nodes up in the document's id
    # map directly and do nothing else.

    def node_for(self, index: ModelIndex) -> Node:
        if not index.isValid():
            return self.document.data.root
        return self.document.node(index.internalId())

    def index_for(self, node: Node, column: int = 0) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.position, column, node.id)

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:
        children = (self._nodes[parent.internalId()] if parent.isValid() else self._root).children
        if 0 <= row < len(children) and 0 <= column < 3:
            return self.createIndex(row, column, children[row].id)
        return QModelIndex()

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._nodes[index.internalId()].parent
        if parent is None or parent.parent is None:  # a block's parent is the invisible root
            return QModelIndex()
        return self.createIndex(parent.position, 0, parent.id)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._root.children)
        if parent.column() > 0:
            return 0
        return len(self._nodes[parent.internalId()].children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 3

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._root.children)
        return parent.column() == 0 and bool(self._nodes[parent.internalId()].children)

    # --- data ------------------------------------------------------------------------------

    def block_label(self, block: Node) -> str:
        themes = self.document.data.theme_by_id()
        names = [themes[i].name for i in block.theme_ids if i in themes]
        return " + ".join(names) if names else self.tr("Activities (no themes chosen)")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.document.node(index.internalId())
        column = index.column()
        if role == NodeIdRole:
            return node.id
        if role == IsBlockRole:
            return node.is_block
        if node.is_block:
            if column == TEXT_COLUMN and role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
            ):
                return self.block_label(node)
            if role == Qt.ItemDataRole.FontRole and column == TEXT_COLUMN:
                return self._bold
            if role == Qt.ItemDataRole.AccessibleTextRole and column == TEXT_COLUMN:
                return self.tr("Block: %s") % self.block_label(node)
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            if column == TEXT_COLUMN:
                return node.text
            if column == VOTES_COLUMN:
                if role == Qt.ItemDataRole.EditRole:
                    return node.votes
                return str(node.votes) if node.votes else ""
            return node.note
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT_COLUMN and node.note:
            return node.note
        if role == Qt.ItemDataRole.TextAlignmentRole and column == VOTES_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Activity"), self.tr("Votes"), self.tr("Note"))[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _ROOT_FLAGS
        node = self._nodes[index.internalId()]
        if node.parent is self._root:
            return _BLOCK_FLAGS
        return _ACTIVITY_FLAGS if node.children else _LEAF_FLAGS

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        node = self.document.node(index.internalId())
        if node.is_block:
            return False
        column = index.column()
        if column == TEXT_COLUMN:
            text = str(value).strip()
            if not text or text == node.text:
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

    # --- drag and drop ---------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ACTIVITY_IDS_MIME, "text/plain"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        # Every column of a row comes as its own index: keep each node once, in document order.
        ids = list(dict.fromkeys(i.internalId() for i in indexes if i.isValid()))
        nodes = top_level_nodes(self.document, ids)
        mime = QMimeData()
        mime.setData(ACTIVITY_IDS_MIME, QByteArray(json.dumps([n.id for n in nodes]).encode()))
        mime.setText(format_outline([n for n in nodes if not n.is_block]))
        return mime

    @staticmethod
    def dragged_ids(mime: QMimeData) -> list[int] | None:
        if not mime.hasFormat(ACTIVITY_IDS_MIME):
            return None
        try:
            ids = json.loads(bytes(mime.data(ACTIVITY_IDS_MIME).data()).decode())
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
            return None
        return ids

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
            self.session.push(
                MoveNodes(tuple(ids), target.id, target_row),
                self.tr("Move %n activities", "", count),
            )
        # False: the move is done; a True would make the view remove the source rows itself.
        return False

    def insert_outline(self, parent: Node, row: int, text: str, label: str) -> list[int]:
        """Insert indented text as activities under ``parent`` from ``row``; return their ids."""
        from ..workshop.operations import new_activity

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

    def document_about_to_change(self, event: Event) -> None:
        if isinstance(event, NodesInserted):
            parent = self.index_for(self.document.node(event.parent_id))
            self.beginInsertRows(parent, event.row, event.row + event.count - 1)
        elif isinstance(event, NodesRemoved):
            parent = self.index_for(self.document.node(event.parent_id))
            self.beginRemoveRows(parent, event.row, event.row + event.count - 1)
        elif isinstance(event, NodeMoved):
            source = self.index_for(self.document.node(event.old_parent_id))
            destination = self.index_for(self.document.node(event.new_parent_id))
            self.beginMoveRows(
                source, event.old_row, event.old_row, destination, event.qt_destination_row()
            )
        elif isinstance(event, Reset):
            self.beginResetModel()

    def document_changed(self, event: Event) -> None:
        if isinstance(event, NodesInserted):
            self.endInsertRows()
        elif isinstance(event, NodesRemoved):
            self.endRemoveRows()
        elif isinstance(event, NodeMoved):
            self.endMoveRows()
        elif isinstance(event, Reset):
            self._take_lookups()
            self.endResetModel()
        elif isinstance(event, FieldsChanged) and event.kind is Kind.NODE:
            node = self.document.node(event.id)
            self.dataChanged.emit(self.index_for(node, 0), self.index_for(node, 2))
        elif (
            isinstance(event, FieldsChanged) and event.kind is Kind.THEME and "name" in event.fields
        ) or (isinstance(event, RecordsInserted | RecordsRemoved) and event.kind is Kind.THEME):
            # Only a theme's name shows in the tree; typing its vision must not touch the rows.
            self._refresh_block_labels()

    def _refresh_block_labels(self) -> None:
        count = len(self.document.data.blocks)
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, 0))
