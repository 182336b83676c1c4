"""The ranking's panel in the dock: the table of activities by votes, its delegates, its keys.

Each row shows the place, the activity (and, under it, where it sits: its block and the
activities above it), and a bar as long as its share of the most votes. Selecting a row
selects the activity in the tree; Enter (or a double click) goes to it there. + and − vote
here too. The model is ranking.py's.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
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

from facilitator_app.gui.core.connections import Connections
from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import Focus, WorkshopSession
from facilitator_app.gui.sections.activities.ranking import (
    RANK_COLUMN,
    TEXT_COLUMN,
    VOTES_COLUMN,
    WHERE_COLUMN,
    NodeIdRole,
    RankingModel,
    ShareRole,
    WhereRole,
)
from facilitator_app.workshop.events import (
    Kind,
)
from facilitator_app.workshop.operations import SetFields


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

    def setModel(self, model: QAbstractItemModel | None) -> None:
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
