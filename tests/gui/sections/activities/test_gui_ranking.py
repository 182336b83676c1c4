"""The ranking by votes: its model, live updates as votes change (undo too), and the dock."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from facilitator_app.gui.sections.activities.ranking import NodeIdRole, RankingModel, ShareRole
from facilitator_app.gui.sections.activities.ranking_panel import RankingPanel
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import (
    Batch,
    InsertNodes,
    MoveNodes,
    RemoveNodes,
    SetFields,
    new_activity,
)


def activity_ids(session: Any) -> list[int]:
    """Every activity of the demo workshop in document order."""
    return [n.id for n in session.document.data.root.walk() if n.parent and not n.is_block]


def vote(session: Any, node_id: int, votes: int) -> None:
    assert session.push(SetFields(Kind.NODE, node_id, {"votes": votes}), "votes")


def ranked(model: RankingModel) -> list[tuple[str, str, int]]:
    """(place, text, votes) of every row."""
    return [
        (
            model.index(row, 0).data(),
            model.index(row, 1).data(),
            model.index(row, 2).data(),
        )
        for row in range(model.rowCount())
    ]


def text(session: Any, node_id: int) -> str:
    return session.document.node(node_id).text


@pytest.fixture
def voted(session: Any) -> list[int]:
    """Votes on four activities: 2, 5, 2 and 7, in document order."""
    ids = activity_ids(session)
    chosen = [ids[1], ids[3], ids[4], ids[9]]
    session.push(
        Batch(
            tuple(
                SetFields(Kind.NODE, i, {"votes": v})
                for i, v in zip(chosen, (2, 5, 2, 7), strict=True)
            )
        ),
        "votes",
    )
    session.undo_stack.clear()
    return chosen


def test_model_passes_qtmodeltester(qtmodeltester: Any, session: Any, voted: list[int]) -> None:
    qtmodeltester.check(RankingModel(session), force_py=True)


def test_most_votes_first_ties_share_a_place_in_tree_order(session: Any, voted: list[int]) -> None:
    model = RankingModel(session)
    a, b, c, d = voted
    assert ranked(model) == [
        ("1.", text(session, d), 7),
        ("2.", text(session, b), 5),
        ("3.", text(session, a), 2),
        ("3.", text(session, c), 2),
    ]
    assert model.index(0, 0).data(NodeIdRole) == d
    assert model.index(0, 2).data(ShareRole) == 1.0
    assert model.index(1, 2).data(ShareRole) == pytest.approx(5 / 7)
    assert model.index(1, 2).data(Qt.ItemDataRole.AccessibleTextRole) == "5 votes"
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Place 1"


def test_where_names_the_block_and_the_activities_above(session: Any, voted: list[int]) -> None:
    model = RankingModel(session)
    document = session.document
    block = document.data.blocks[0]
    names = {t.id: t.name for t in document.data.themes}
    label = " + ".join(names[i] for i in block.theme_ids)
    for row in range(model.rowCount()):
        node = document.node(model.index(row, 0).data(NodeIdRole))
        where = model.index(row, 3).data()
        assert where.startswith(label)
        if node.parent is not block:
            assert where.endswith(" › " + node.parent.text)


def test_a_vote_reorders_live_and_undo_restores(
    qtbot: Any, qtmodeltester: Any, session: Any, voted: list[int]
) -> None:
    model = RankingModel(session)
    qtmodeltester.check(model, force_py=True)  # keeps checking through the changes below
    a, b, c, d = voted
    before = ranked(model)
    selection_follows = model.index(3, 1)  # c, 2 votes
    from PySide6.QtCore import QPersistentModelIndex

    persistent = QPersistentModelIndex(selection_follows)
    with qtbot.waitSignal(model.layoutChanged):
        vote(session, c, 6)
    assert [row[1] for row in ranked(model)] == [text(session, i) for i in (d, c, b, a)]
    assert persistent.row() == 1  # the selection stays on its activity
    assert persistent.data() == text(session, c)
    # A first vote brings an activity in; the last one taken away takes it out.
    newcomer = activity_ids(session)[0]
    with qtbot.waitSignal(model.rowsInserted):
        vote(session, newcomer, 1)
    assert ranked(model)[-1] == ("5.", text(session, newcomer), 1)
    with qtbot.waitSignal(model.rowsRemoved):
        vote(session, a, 0)
    assert a not in model.ids
    # Undo walks all of it back.
    for _ in range(3):
        session.undo_stack.undo()
    assert ranked(model) == before
    session.undo_stack.redo()
    assert model.ids[1] == c


def test_tree_changes_reach_the_ranking(qtbot: Any, session: Any, voted: list[int]) -> None:
    model = RankingModel(session)
    a, b, c, d = voted
    document = session.document
    # Renaming shows at once.
    with qtbot.waitSignal(model.dataChanged):
        assert session.push(SetFields(Kind.NODE, d, {"text": "Přejmenováno"}), "rename")
    assert model.index(0, 1).data() == "Přejmenováno"
    # Removing a voted branch takes it out; undo brings it back with its votes.
    with qtbot.waitSignal(model.rowsRemoved):
        assert session.push(RemoveNodes((b,)), "remove")
    assert b not in model.ids
    session.undo_stack.undo()
    assert model.ids == [d, b, a, c]
    # Moving a tied activity before the other changes which comes first.
    block = document.data.blocks[0]
    with qtbot.waitSignal(model.layoutChanged):
        assert session.push(MoveNodes((c,), block.id, 0), "move")
    assert model.ids == [d, b, c, a]
    assert model.index(2, 3).data() == model.block_label(block)
    # Pasted activities with votes join in.
    pasted = new_activity(document, "Vložená")
    pasted.votes = 9
    with qtbot.waitSignal(model.rowsInserted):
        assert session.push(InsertNodes(block.id, 0, (pasted,)), "paste")
    assert model.ids[0] == pasted.id


def test_a_theme_rename_relabels_the_blocks(qtbot: Any, session: Any, voted: list[int]) -> None:
    model = RankingModel(session)
    theme = session.document.data.themes[0]
    with qtbot.waitSignal(model.dataChanged):
        assert session.push(SetFields(Kind.THEME, theme.id, {"name": "Nové jméno"}), "rename")
    assert "Nové jméno" in model.index(0, 3).data()


def test_panel_shows_a_hint_without_votes_and_the_table_with_them(qtbot: Any, session: Any) -> None:
    panel = RankingPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.stack.currentWidget() is panel.empty
    assert not panel.summary.isVisible()
    first = activity_ids(session)[2]
    with qtbot.waitSignal(panel.model.rowsInserted):
        vote(session, first, 3)
    assert panel.stack.currentWidget() is panel.view
    assert panel.summary.text() == "3 votes in total · 1 activity with votes"
    for widget in (panel.view, panel.empty, panel.summary):
        assert widget.accessibleName()


def test_keyboard_moves_select_in_the_tree_and_enter_goes_there(
    qtbot: Any, session: Any, voted: list[int]
) -> None:
    panel = RankingPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.view
    view.setFocus()
    QApplication.processEvents()
    a, b, _, _ = voted  # ranked d, b, a, c
    with qtbot.waitSignal(panel.select_activity) as selected:
        view.setCurrentIndex(panel.model.index(2, 1))
    assert selected.args == [a]
    with qtbot.waitSignal(panel.select_activity) as selected:
        qtbot.keyClick(view, Qt.Key.Key_Up)
    assert selected.args == [b]
    with qtbot.waitSignal(panel.go_to_activity) as went:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert went.args == [b]
    # + and − vote on the current row here too; the row keeps the keyboard as it moves.
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert session.document.node(b).votes == 8
    assert panel.current_id() == b
    assert panel.model.ids[0] == b
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert session.document.node(b).votes == 7


def test_the_trees_selection_shows_in_the_ranking(session: Any, voted: list[int]) -> None:
    from facilitator_app.gui.core.session import Focus

    panel = RankingPanel(session)
    c = voted[2]
    session.set_focus(Focus("activities", node_id=c))
    assert panel.current_id() == c
    session.set_focus(Focus("activities", node_id=activity_ids(session)[0]))  # no votes
    assert panel.current_id() is None
    assert not panel.view.selectionModel().hasSelection()


def test_a_whole_reset_rebuilds(qtbot: Any, session: Any, voted: list[int]) -> None:
    model = RankingModel(session)
    data = session.document.data
    with qtbot.waitSignal(model.modelReset):
        session.document.replace_data(data)
    assert len(model.ids) == 4
    assert model.index(0, 0, model.index(0, 0)) == QModelIndex()


# -- in the window ------------------------------------------------------------------------------


@pytest.fixture
def window(window_factory: Any) -> Any:
    return window_factory(shown=False)  # the test shows it


def test_view_menu_shows_the_dock_and_it_follows_the_tree(qtbot: Any, window: Any) -> None:
    dock = window.ranking_dock
    toggle = dock.toggle_action
    assert toggle in window.menuView.actions()
    assert toggle.shortcut().toString() == "Ctrl+5"
    window.show()
    qtbot.waitExposed(window)
    assert not dock.isVisible()
    assert window.open_demo()
    toggle.trigger()
    assert dock.isVisible()
    panel = dock.panel
    assert panel is not None
    assert panel.stack.currentWidget() is panel.empty
    # Votes typed in the tree with + show in the dock at once.
    window.show_section(4)
    page = window.page("activities")
    first = page.model.index(0, 0, page.model.index(0, 0))
    page.select(first)
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    qtbot.keyClick(page.view, Qt.Key.Key_Plus)
    node_id = page.current_node().id
    assert panel.model.ids == [node_id]
    assert panel.current_id() == node_id  # the tree's selection shows in the ranking
    # Choosing a row in the ranking selects the activity in the tree.
    second = page.model.index(1, 0, page.model.index(0, 0))
    page.select(second)
    qtbot.keyClick(page.view, Qt.Key.Key_Plus)
    qtbot.keyClick(page.view, Qt.Key.Key_Plus)
    second_id = page.current_node().id
    assert panel.model.ids == [second_id, node_id]
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    panel.view.setCurrentIndex(panel.model.index(1, 1))
    assert page.current_node().id == node_id
    window.show_section(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.sections.currentWidget() is window.pageActivities
    assert page.current_node().id == node_id
    # Undo in the window takes the votes back out of the ranking.
    window.undo_action.trigger()
    assert panel.model.ids == [node_id, second_id]  # 1 vote each: the tree's order
    assert panel.model.index(1, 2).data() == 1
    window.close_workshop()
    assert dock.panel is None


def test_votes_typed_in_the_tree_reach_the_minutes_in_order(
    qtbot: Any, session: Any, tmp_path: Any
) -> None:
    from facilitator_app.gui.sections.activities.page import ActivitiesPage
    from facilitator_app.minutes import MinutesOptions, export_minutes

    page = ActivitiesPage(session)
    qtbot.addWidget(page)
    block = page.model.index(0, 0)
    for row, dots in ((0, 1), (1, 3), (2, 9)):
        page.select(page.model.index(row, 0, block))
        for _ in range(dots):
            page.vote(1)
    target = tmp_path / "zápis.md"
    export_minutes(session.document.data, target, MinutesOptions(order_by_votes=True))
    lines = [line for line in target.read_text(encoding="utf-8").splitlines() if "hlas" in line]
    assert [line.split(" (")[-1] for line in lines] == ["9 hlasů)", "3 hlasy)", "1 hlas)"]
    english = tmp_path / "minutes.md"
    export_minutes(session.document.data, english, MinutesOptions(language="en"))
    assert "(1 vote)" in english.read_text(encoding="utf-8")
    assert "(9 votes)" in english.read_text(encoding="utf-8")
