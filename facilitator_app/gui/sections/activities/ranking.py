"""Ranking by votes: the activities with dots, most first, in a dock beside the tree.

While the room votes with paper dots the facilitator types the tallies in the activity tree
(+ and − on the selected activity); the ranking follows every change at once, undo included.
Each row shows the place (equal votes share it), the activity, a bar as long as its share of the
most votes, and where it sits (its block and the activities above it). Selecting a row selects
the activity in the tree; Enter (or a double click) goes to it there. + and − vote here too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.connections import Connections, listen
from facilitator_app.gui.core.session import Focus, WorkshopSession
from facilitator_app.workshop.events import (
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
from facilitator_app.workshop.model import Node
from facilitator_app.workshop.operations import SetFields

ModelIndex = QModelIndex | QPersistentModelIndex

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

    def __init__(self, session: WorkshopSession, parent: Any = None) -> None:
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

    def document_about_to_change(self, event: Event) -> None:
        if isinstance(event, Reset):
            self.updating = True
            self.beginResetModel()

    def document_changed(self, event: Event) -> None:
        if isinstance(event, Reset):
            self._compute_into_self(self._ranking())
            self.endResetModel()
            self.updating = False
            self.updated.emit()
            return
        if isinstance(event, FieldsChanged):
            if event.kind is Kind.NODE and "votes" in event.fields:
                self.update()
            elif event.fields & _SHOWN_FIELDS.get(event.kind, frozenset()):
                # A text, or what a "where" is made of (an activity above, a block's themes).
                self._all_changed()
        elif isinstance(event, RecordsInserted | RecordsRemoved):
            if event.kind is Kind.THEME:
                self._all_changed()  # a block's label
        elif isinstance(event, NodesInserted) or (
            isinstance(event, NodesRemoved | NodeMoved) and self.ids
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


class BarDelegate(QStyledItemDelegate):
    """The votes column: a bar as long as the row's share of the most votes, and the count."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        style_option = QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        count = str(index.data(Qt.ItemDataRole.DisplayRole))
        style_option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, style_option, painter, widget)
        rect: QRect = option.rect.adjusted(4, 5, -4, -5)
        metrics = option.fontMetrics
        label_width = metrics.horizontalAdvance("0000") + 6
        share = float(index.data(ShareRole) or 0.0)
        bar_width = max(2, int((rect.width() - label_width) * share)) if share > 0 else 0
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        bar = QColor(palette.color(QPalette.ColorRole.Highlight))
        if selected:
            bar = QColor(palette.color(QPalette.ColorRole.HighlightedText))
        painter.fillRect(QRect(rect.left(), rect.top(), bar_width, rect.height()), bar)
        painter.setPen(
            palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
        )
        painter.drawText(
            QRect(
                rect.left() + bar_width + 6, option.rect.top(), label_width, option.rect.height()
            ),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            count,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 140), hint.height())


class ActivityDelegate(QStyledItemDelegate):
    """The activity on the first line, where it sits (block › activities above) smaller below.

    Both are elided to the column's width; the tooltip has them in full.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        style_option = QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        style_option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, style_option, painter, widget)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(6, 3, -6, -3)
        line = option.fontMetrics.height()
        painter.save()
        painter.setPen(
            palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
        )
        painter.setFont(option.font)
        text = option.fontMetrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            rect.width(),
        )
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        small = QFont(option.font)
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 6.0))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        where = metrics.elidedText(
            str(index.data(WhereRole) or ""), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        painter.drawText(
            QRect(rect.left(), rect.top() + line, rect.width(), metrics.height() + 2),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            where,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(160, line * 2 + 8)


class RankingView(QTableView):
    """The ranking's table; Enter or a double click asks to go to the activity in the tree."""

    go_to_activity = Signal(int)  # node id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rankingView")
        self.setAccessibleName(self.tr("Ranking of the activities by votes"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.setItemDelegateForColumn(VOTES_COLUMN, BarDelegate(self))
        self.setItemDelegateForColumn(TEXT_COLUMN, ActivityDelegate(self))
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2 + 10)
        self.activated.connect(self._activated)

    def setModel(self, model: Any) -> None:  # type: ignore[override]
        super().setModel(model)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(RANK_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(RANK_COLUMN, self.fontMetrics().horizontalAdvance("000.") + 12)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VOTES_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(VOTES_COLUMN, 130)
        # Where an activity sits is the second line of its cell (ActivityDelegate), so that
        # the ranking reads well in a narrow dock.
        self.setColumnHidden(WHERE_COLUMN, True)

    def _activated(self, index: QModelIndex) -> None:
        node_id = index.data(NodeIdRole)
        if node_id is not None:
            self.go_to_activity.emit(int(node_id))


class RankingPanel(QWidget):
    """The ranking of one open workshop: the table, or a hint while nothing has votes.

    ``select_activity(id)`` is emitted when the facilitator moves through the ranking (the
    window selects it in the tree), ``go_to_activity(id)`` on Enter or a double click.
    """

    select_activity = Signal(int)
    go_to_activity = Signal(int)

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rankingPanel")
        self.session = session
        self.model = RankingModel(session, self)
        self.view = RankingView(self)
        self.view.setModel(self.model)
        self.empty = QLabel(
            self.tr(
                "No votes yet. Select an activity in the tree and press + for each dot it got "
                "(− takes one back); the ranking follows at once."
            ),
            self,
        )
        self.empty.setObjectName("rankingEmpty")
        self.empty.setAccessibleName(self.tr("No votes yet"))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(placeholder-text); padding: 12px;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.summary = QLabel(self)
        self.summary.setObjectName("rankingSummary")
        self.summary.setAccessibleName(self.tr("Votes in total"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary)
        self.setFocusProxy(self.view)
        self._following = False  # showing the tree's selection: not to be sent back
        self._make_actions()
        for signal in (
            self.model.modelReset,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.dataChanged,
        ):
            signal.connect(self._update_state)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.go_to_activity.connect(self.go_to_activity)
        self.connections = Connections(self)
        self.connections.connect(session.focus_changed, self._follow_focus)
        # An activity selected in the tree shows here as soon as it gets its first vote.
        self.model.updated.connect(lambda: self._follow_focus(self.session.focus))
        self._update_state()

    def _make_actions(self) -> None:
        self.vote_up_action = QAction(self.tr("Add a vote"), self)
        self.vote_up_action.setShortcuts([QKeySequence("+"), QKeySequence("=")])
        self.vote_down_action = QAction(self.tr("Remove a vote"), self)
        self.vote_down_action.setShortcuts([QKeySequence("-")])
        for action, step in ((self.vote_up_action, 1), (self.vote_down_action, -1)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, s=step: self.vote(s))
            self.view.addAction(action)

    def _update_state(self, *_: object) -> None:
        count = self.model.rowCount()
        self.stack.setCurrentWidget(self.view if count else self.empty)
        document = self.session.document
        total = sum(document.node(i).votes for i in self.model.ids if document.has_node(i))
        self.summary.setText(
            (self.tr("%n votes in total", "", total) if total != 1 else self.tr("1 vote in total"))
            + " · "
            + (
                self.tr("%n activities with votes", "", count)
                if count != 1
                else self.tr("1 activity with votes")
            )
            if count
            else ""
        )
        self.summary.setVisible(bool(count))

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.ids[index.row()] if index.isValid() else None

    def select_id(self, node_id: int | None) -> None:
        """Show ``node_id`` as the ranking's current row (nothing when it has no votes)."""
        row = self.model.row_of(node_id) if node_id is not None else -1
        selection = self.view.selectionModel()
        if row < 0:
            selection.clearCurrentIndex()
            selection.clearSelection()
            return
        index = self.model.index(row, TEXT_COLUMN)
        if index != self.view.currentIndex():
            self._following = True
            try:
                selection.setCurrentIndex(
                    index,
                    selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows,
                )
            finally:
                self._following = False
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        # Only the facilitator's own moves here select in the tree: rows moving because of a
        # vote typed in the tree must not take the tree's selection elsewhere.
        if current.isValid() and not self.model.updating and not self._following:
            self.select_activity.emit(self.model.ids[current.row()])

    def _follow_focus(self, focus: Focus) -> None:
        if focus.section == "activities":
            self.select_id(focus.node_id)

    def vote(self, step: int) -> None:
        node_id = self.current_id()
        if node_id is None:
            return
        node = self.session.document.node(node_id)
        votes = max(0, node.votes + step)
        if votes != node.votes:
            self.session.push(
                SetFields(Kind.NODE, node_id, {"votes": votes}),
                self.tr("Add a vote") if step > 0 else self.tr("Remove a vote"),
            )

    def close_panel(self) -> None:
        self.connections.undo_all()
        self.model.close()
