"""Every table's column headers fit their columns, in Czech and in English, at 1366×768."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import translated
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

from facilitator_app.gui.sections.activities.ranking_panel import RankingView
from facilitator_app.gui.sections.registry import SECTION_NAMES
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import SetFields


@pytest.fixture(params=["cs", "en"])
def window(request, qapp, window_factory) -> Iterator[object]:
    with translated(qapp, request.param):
        main = window_factory(size=(1366, 768))
        assert main.open_demo()
        yield main


def cut_headers(window) -> list[str]:
    """The visible header sections narrower than their text needs."""
    cut = []
    for view in window.findChildren(QTableView) + window.findChildren(QTreeView):
        if not view.isVisible() or view.model() is None:
            continue
        header: QHeaderView = (
            view.horizontalHeader() if isinstance(view, QTableView) else (view.header())
        )
        if header.isHidden():
            continue
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            name = view.model().headerData(column, Qt.Orientation.Horizontal)
            if not name:
                continue
            needed = header.sectionSizeHint(column)
            if header.sectionSize(column) < needed:
                cut.append(f"{view.objectName()}: “{name}” {header.sectionSize(column)} < {needed}")
    return cut


def test_every_header_fits_its_column(qtbot, window) -> None:
    session = window.session
    activity = next(
        node for node in session.document.data.root.walk() if node.parent and not node.is_block
    )
    assert session.push(SetFields(Kind.NODE, activity.id, {"votes": 7}), "votes")
    window.ranking_dock.toggle_action.trigger()  # the ranking by votes, beside the sections
    qtbot.waitUntil(lambda: any(view.isVisible() for view in window.findChildren(RankingView)))
    found, seen = [], set()
    for index in range(window.sections.count()):
        window.sections.setCurrentIndex(index)
        page = window.page(SECTION_NAMES[index])  # built on first use, shown a moment later
        qtbot.waitUntil(page.isVisible)
        found += cut_headers(window)
        seen |= {view.objectName() for view in window.findChildren(QTableView) if view.isVisible()}
    assert not found
    assert {"attendeeTable", "remarksTable", "agendaTable", "taskTable"} <= seen
    rankings = [view for view in window.findChildren(RankingView) if view.isVisible()]
    assert rankings, "the ranking's table was not looked at"
