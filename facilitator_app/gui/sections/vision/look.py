"""How the Vision page looks: its views' settings, its fonts, its proportions (no texts; the
page's own class keeps those for translation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView

from facilitator_app.gui.sections.vision.models import (
    AUTHOR_COLUMN,
    ORGANIZATION_COLUMN,
    RESPONSE_COLUMN,
    STATUS_COLUMN,
    TEXT_COLUMN,
    RemarksModel,
    ThemeListModel,
)
from facilitator_app.gui.widgets.capture_table import TYPING_TRIGGERS, select_rows_to_type

if TYPE_CHECKING:
    from facilitator_app.gui.sections.vision.page import VisionPage


def set_up_theme_list(view: QListView, model: ThemeListModel) -> None:
    """The themes' list: one selected, dragged to reorder, renamed by F2 or a double click."""
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)  # only theme ids are accepted
    view.setDefaultDropAction(Qt.DropAction.MoveAction)
    view.setDropIndicatorShown(True)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    view.setUniformItemSizes(True)
    view.setSpacing(1)


def select_theme(view: QListView, model: ThemeListModel, theme_id: int) -> None:
    """Make theme ``theme_id`` the list's current and only selected one, scrolled to."""
    index = model.index_of(theme_id)
    if index.isValid():
        view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        view.scrollTo(index)


def set_up_remarks_table(table: QTableView, model: RemarksModel) -> None:
    """The remarks' table: rows selected, typed into, their texts sharing the width."""
    table.setModel(model)
    select_rows_to_type(table, TYPING_TRIGGERS)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # The texts share the width; who, where from and the status fit their contents (and
    # their headers, in Czech too), so the remark itself is never squeezed to a word.
    header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(RESPONSE_COLUMN, QHeaderView.ResizeMode.Stretch)
    for column in (AUTHOR_COLUMN, ORGANIZATION_COLUMN, STATUS_COLUMN):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def apply_look(page: VisionPage) -> None:
    """Fonts for reading from afar, room to breathe, the panes' proportions."""
    title_font = QFont(page.themeTitle.font())
    title_font.setPointSizeF(title_font.pointSizeF() * 1.45)
    title_font.setWeight(QFont.Weight.DemiBold)
    page.themeTitle.setFont(title_font)
    page.themeTitle.setContentsMargins(2, 0, 0, 2)
    reading = QFont(page.visionEdit.font())
    reading.setPointSizeF(max(reading.pointSizeF() * 1.35, 13.0))
    page.visionEdit.setFont(reading)
    draft_font = QFont(reading)
    draft_font.setPointSizeF(reading.pointSizeF() * 0.92)
    page.draftEdit.setFont(draft_font)
    page.compare_view.text.setFont(draft_font)
    list_font = QFont(page.themeList.font())
    list_font.setPointSizeF(list_font.pointSizeF() * 1.1)
    page.themeList.setFont(list_font)
    for label in (page.themesLabel, page.remarksLabel):
        font = QFont(label.font())
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
    # Room to breathe: rows a finger's height, the selected theme easy to see from afar.
    page.themeList.setStyleSheet("QListView::item { padding: 5px 6px; }")
    page.remarksTable.verticalHeader().setMinimumSectionSize(30)
    page.draftHint.setStyleSheet("color: palette(placeholder-text);")
    page.wordingHint.setStyleSheet("color: palette(placeholder-text);")
    page.emptyLabel.setStyleSheet("color: palette(placeholder-text);")
    page.themeMessage.setStyleSheet("color: #a4262c; padding: 2px;")
    page.splitter.setStretchFactor(0, 0)
    page.splitter.setStretchFactor(1, 1)
    page.splitter.setSizes([280, 900])
    page.detailSplitter.setStretchFactor(0, 3)
    page.detailSplitter.setStretchFactor(1, 2)
    page.themePanel.setMinimumWidth(200)
