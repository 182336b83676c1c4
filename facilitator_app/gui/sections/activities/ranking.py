"""Ranking by votes: the activities with dots, most first, in a dock beside the tree.

While the room votes with paper dots the facilitator types the tallies in the activity tree
(+ and − on the selected activity); the ranking follows every change at once, undo included.
Each row shows the place (equal votes share it), the activity, a bar as long as its share of the
most votes, and where it sits (its block and the activities above it). Selecting a row selects
the activity in the tree; Enter (or a double click) goes to it there. + and − vote here too.
This module is the ranking's model; the panel in the dock is ranking_panel.py.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from facilitator_app.gui.core.connections import listen
from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.workshop import events
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import Node

RANK_COLUMN, TEXT_COLUMN, VOTES_COLUMN, WHERE_COLUMN = range(4)
COLUMNS = 4
NodeIdRole = Qt.ItemDataRole.UserRole + 1
ShareRole = Qt.ItemDataRole.UserRole + 2  # votes / the most votes, 0 to 1, for the bar
WhereRole = Qt.ItemDataRole.UserRole + 3  # the "where" text, shown under the activity
PATH_SEPARATOR = " › "
# Fields other than votes whose change shows in the ranking.
_SHOWN_FIELDS: dict[Kind, frozenset[str]] = {
    Kind.NODE: frozenset({"text", "theme_ids"}),
    Kind.THEME: frozenset({"name"}),
}


class RankingModel(QAbstractTableModel):
    """The voted activities, most votes first; ties keep the tree's order.

    Listens to the document: a change of votes reorders the rows (``layoutChanged``, so the
    selection follows its activity), activities gaining or losing their last vote come and go
    as inserted and removed rows. ``updated`` follows every change of the rows.
    """

    updated = Signal()

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.ids: list[int] = []
        self.ranks: list[int] = []
        self.most = 0
        self.updating = False  # rows are being added, removed or moved to follow the document
        self._compute_into_self(self._ranking())
        self.connections = listen(self.document, self)

    # --- the ranking ---------------------------------------------------------------------------

    def _ranking(self) -> list[int]:
        voted = [
            node
            for node in self.document.data.root.walk()
            if node.votes > 0 and node.parent is not None and not node.is_block
        ]
        voted.sort(key=lambda node: -node.votes)  # stable: ties in document order
        return [node.id for node in voted]

    def _compute_into_self(self, ids: list[int]) -> None:
        self.ids = ids
        votes = [self.document.node(i).votes for i in ids]
        self.most = votes[0] if votes else 0
        self.ranks = []
        for place, count in enumerate(votes, 1):
            same = bool(self.ranks) and votes[place - 2] == count
            self.ranks.append(self.ranks[-1] if same else place)

    def node_at(self, row: int) -> Node:
        return self.document.node(self.ids[row])

    def row_of(self, node_id: int) -> int:
        try:
            return self.ids.index(node_id)
        except ValueError:
            return -1

    def block_label(self, block: Node) -> str:
        themes = self.document.data.theme_by_id()
        names = [themes[i].name for i in block.theme_ids if i in themes]
        return " + ".join(names) if names else self.tr("Activities (no themes chosen)")

    def where(self, node: Node) -> str:
        """The block and the activities above ``node``, outermost first."""
        parts: list[str] = []
        above = node.parent
        while above is not None and above.parent is not None:
            parts.append(self.block_label(above) if above.is_block else above.text)
            above = above.parent
        return PATH_SEPARATOR.join(reversed(parts))

    # --- Qt's model interface ------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        if not self.document.has_node(self.ids[index.row()]):
            return None  # removed from the tree; this row goes in a moment
        node = self.node_at(index.row())
        column = index.column()
        if role == NodeIdRole:
            return node.id
        if role == ShareRole:
            return node.votes / self.most if self.most else 0.0
        if role == WhereRole:
            return self.where(node)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RANK_COLUMN:
                return f"{self.ranks[index.row()]}."
            if column == TEXT_COLUMN:
                return node.text
            if column == VOTES_COLUMN:
                return node.votes
            return self.where(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{node.text}\n{self.where(node)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == RANK_COLUMN:
                return self.tr("Place %s") % self.ranks[index.row()]
            if column == VOTES_COLUMN:
                votes = node.votes
                return self.tr("%n votes", "", votes) if votes != 1 else self.tr("1 vote")
            if column == TEXT_COLUMN:
                return f"{node.text} ({self.where(node)})"
            return self.where(node)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (RANK_COLUMN, VOTES_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("#"), self.tr("Activity"), self.tr("Votes"), self.tr("Where"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Place (equal votes share a place)"),
                self.tr("Activity"),
                self.tr("Votes, with a bar as long as the share of the most votes"),
                self.tr("The block and the activities above it"),
            )[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- following the document ------------------------------------------------------------

    def document_about_to_change(self, event: events.Event) -> None:
        if isinstance(event, events.Reset):
            self.updating = True
            self.beginResetModel()

    def document_changed(self, event: events.Event) -> None:
        if isinstance(event, events.Reset):
            self._compute_into_self(self._ranking())
            self.endResetModel()
            self.updating = False
            self.updated.emit()
            return
        if isinstance(event, events.FieldsChanged):
            if event.kind is Kind.NODE and "votes" in event.fields:
                self.update()
            elif event.fields & _SHOWN_FIELDS.get(event.kind, frozenset()):
                # A text, or what a "where" is made of (an activity above, a block's themes).
                self._all_changed()
        elif isinstance(event, events.RecordsInserted | events.RecordsRemoved):
            if event.kind is Kind.THEME:
                self._all_changed()  # a block's label
        elif isinstance(event, events.NodesInserted) or (
            isinstance(event, events.NodesRemoved | events.NodeMoved) and self.ids
        ):
            # Voted activities may come (an undo brings them back), go or change places.
            self.update()

    def _all_changed(self) -> None:
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, COLUMNS - 1))

    def update(self) -> None:
        """Bring the rows in line with the document with the smallest change Qt can follow."""
        self.updating = True
        try:
            self._update()
        finally:
            self.updating = False
        self.updated.emit()

    def _update(self) -> None:
        new_ids = self._ranking()
        if new_ids == self.ids:
            self._compute_into_self(new_ids)
            self._all_changed()  # votes (the bars) or places may have changed all the same
            return
        wanted = set(new_ids)
        # 1. Rows whose activity left the ranking, from the bottom up in contiguous runs.
        row = len(self.ids) - 1
        while row >= 0:
            if self.ids[row] in wanted:
                row -= 1
                continue
            last = row
            while row >= 0 and self.ids[row] not in wanted:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row + 1, last)
            del self.ids[row + 1 : last + 1]
            del self.ranks[row + 1 : last + 1]
            self.endRemoveRows()
        # 2. Activities new to the ranking, added at the end for now.
        present = set(self.ids)
        added = [node_id for node_id in new_ids if node_id not in present]
        if added:
            first = len(self.ids)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self.ids += added
            self.ranks += [0] * len(added)  # placed below, with every place
            self.endInsertRows()
        # 3. Everything into its place: persistent indexes (the selection) follow their rows.
        if self.ids != new_ids:
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            new_rows = {node_id: row for row, node_id in enumerate(new_ids)}
            moved_to = [
                self.index(new_rows[self.ids[index.row()]], index.column())
                if 0 <= index.row() < len(self.ids)
                else QModelIndex()
                for index in persistent
            ]
            old_ranks = dict(zip(self.ids, self.ranks, strict=True))
            self.ids = list(new_ids)
            self.ranks = [old_ranks[node_id] for node_id in new_ids]
            self.changePersistentIndexList(persistent, moved_to)
            self.layoutChanged.emit()
        self._compute_into_self(new_ids)
        self._all_changed()

    def close(self) -> None:
        self.connections.undo_all()
