"""The SWOT and problems modes of the wall: one theme's SWOT as a 2×2 grid in the workshop's
language, its problems, the current item marked, and the votes hidden until revealed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QFontMetricsF

from facilitator_app.gui.core.session import Focus
from facilitator_app.gui.projector.builder import StateBuilder
from facilitator_app.gui.projector.changes import changed_keys
from facilitator_app.gui.projector.look import STYLES
from facilitator_app.gui.projector.renderer import WallRenderer
from facilitator_app.gui.projector.state import Mode, WallFocus
from facilitator_app.workshop.events import FieldsChanged, Kind
from facilitator_app.workshop.model import Problem, Quadrant, SwotItem
from facilitator_app.workshop.operations import Batch, InsertRecord, MoveSwotItem, SetFields

FULL_HD = QSizeF(1920, 1080)
S, W, OP, T = Quadrant.STRENGTHS, Quadrant.WEAKNESSES, Quadrant.OPPORTUNITIES, Quadrant.THREATS
ITEMS = [
    (S, "Hustá síť dobrovolných hasičů", 4),
    (S, "Zkušenosti z povodní 2010", 1),
    (W, "Zastaralé sirény v obcích", 3),
    (OP, "Dotace na varovné systémy", 0),
    (T, "Častější přívalové deště", 6),
    (T, "Odchod lidí z malých obcí", 2),
]


def add_swot(session, theme, items=ITEMS, problems=(("Pomalé varování obyvatel", 5),)):
    document = session.document
    steps = [
        InsertRecord(
            Kind.SWOT, theme.id, n, SwotItem(document.new_id(Kind.SWOT), text, quadrant, "", votes)
        )
        for n, (quadrant, text, votes) in enumerate(items)
    ]
    steps += [
        InsertRecord(Kind.PROBLEM, theme.id, n, Problem(document.new_id(Kind.PROBLEM), text, votes))
        for n, (text, votes) in enumerate(problems)
    ]
    session.push(Batch(tuple(steps)), "SWOT")
    return theme


class Relay:
    def __init__(self, builder: StateBuilder) -> None:
        self.builder = builder

    def document_about_to_change(self, event) -> None:
        pass

    def document_changed(self, event) -> None:
        self.builder.apply(event)


@pytest.fixture
def theme(session):
    return add_swot(session, session.document.data.themes[0])


@pytest.fixture
def builder(session, theme):
    made = StateBuilder(session.document)
    session.document.add_listener(Relay(made))
    made.rebuild()
    made.set_focus(WallFocus("analysis", theme_id=theme.id))
    return made


def texts(renderer, state, mode):
    return [block.text for block in renderer.page(state, mode).blocks]


# --- snapshots ------------------------------------------------------------------------------


def test_the_snapshot_holds_each_themes_swot_and_problems(builder, theme):
    view = builder.state.theme(theme.id)
    assert [(i.quadrant, i.text, i.votes) for i in view.swot] == ITEMS
    assert [(p.text, p.votes) for p in view.problems] == [("Pomalé varování obyvatel", 5)]
    assert not builder.state.votes_revealed  # hidden when a workshop opens


def test_typing_in_a_swot_item_replaces_that_item_alone(session, builder, theme):
    before = builder.state
    item = theme.swot[2]
    session.set_text(Kind.SWOT, item.id, "text", "Zastaralé sirény", "Typing")
    after = builder.state
    old_view, new_view = before.theme(theme.id), after.theme(theme.id)
    assert new_view.swot[2].text == "Zastaralé sirény"
    assert all(a is b for a, b in zip(old_view.swot[:2], new_view.swot[:2], strict=True))
    assert after.outline is before.outline  # nothing else made again
    assert new_view.problems is old_view.problems
    others = [t for t in after.themes if t.id != theme.id]
    assert all(t is before.theme(t.id) for t in others)
    assert changed_keys(before, after) == {("swot", item.id)}


def test_a_note_is_not_on_the_wall_and_changes_nothing(session, builder, theme):
    before = builder.state
    session.push(SetFields(Kind.SWOT, theme.swot[0].id, {"note": "jen pro nás"}), "Note")
    assert builder.state is before
    assert builder.apply(FieldsChanged(Kind.SWOT, theme.swot[0].id, frozenset({"note"}))) is before


def test_moving_an_item_to_another_quadrant_reaches_the_wall(session, builder, theme):
    item = theme.swot[0]
    session.push(MoveSwotItem(item.id, theme.id, W, 3), "Move")
    view = builder.state.theme(theme.id)
    assert [i.text for i in view.quadrant_items(W)][-1] == item.text
    assert view.swot == builder.rebuild().theme(theme.id).swot  # as a whole rebuild makes it


def test_typing_in_a_vision_keeps_the_swot_views(session, builder, theme):
    before = builder.state.theme(theme.id)
    session.set_text(Kind.THEME, theme.id, "vision", "Nová vize", "Typing")
    after = builder.state.theme(theme.id)
    assert after.paragraphs == ("Nová vize",)
    assert after.swot is before.swot


# --- the pages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("cs", ["Silné stránky", "Slabé stránky", "Příležitosti", "Hrozby"]),
        ("en", ["Strengths", "Weaknesses", "Opportunities", "Threats"]),
    ],
)
def test_the_swot_is_a_2x2_grid_labelled_in_the_workshops_language(
    qapp, session, builder, theme, language, labels
):
    session.push(SetFields(Kind.DETAILS, 0, {"language": language}), "Language")
    renderer = WallRenderer()
    layout = renderer.layout(builder.state, Mode.SWOT, FULL_HD)
    assert layout.fits
    assert len(layout.cells) == 4
    top_left, top_right, bottom_left, bottom_right = layout.cells
    assert top_left.top() == top_right.top() < bottom_left.top() == bottom_right.top()
    assert top_left.left() == bottom_left.left() < top_right.left() == bottom_right.left()
    assert top_left.right() < top_right.left()
    assert top_left.bottom() < bottom_left.top()
    placed = {p.block.text: p for p in layout.placed}
    assert placed[theme.name].block.style == "heading"  # the theme's name heads the page
    assert placed[theme.name].rect.bottom() <= top_left.top()
    for label, cell in zip(labels, layout.cells, strict=True):
        assert cell.contains(placed[label].rect.topLeft())
    for quadrant, text, _ in ITEMS:
        cell = layout.cells[[S, W, OP, T].index(quadrant)]
        rect = placed[text].rect
        assert cell.left() <= rect.left()
        assert rect.right() <= cell.right() + 0.5
        assert cell.top() <= rect.top()
        assert rect.bottom() <= cell.bottom() + 0.5


def test_votes_are_hidden_until_revealed_in_swot_problems_ranking_and_activities(
    qapp, session, builder, theme
):
    node = session.document.data.blocks[0].children[0]
    session.push(SetFields(Kind.NODE, node.id, {"votes": 3}), "Vote")
    renderer = WallRenderer()
    hidden = builder.state
    for mode in (Mode.SWOT, Mode.PROBLEMS, Mode.ACTIVITIES):
        assert not any("●" in b.text + b.suffix for b in renderer.page(hidden, mode).blocks)
    assert texts(renderer, hidden, Mode.RANKING) == ["Hlasy jsou zatím skryté"]
    shown = builder.set_votes_revealed(True)
    swot = renderer.page(shown, Mode.SWOT).blocks
    assert {b.text: b.suffix for b in swot}["Častější přívalové deště"].endswith("●\u00a06")
    problems = renderer.page(shown, Mode.PROBLEMS).blocks
    assert problems[1].suffix.endswith("●\u00a05")
    assert problems[1].marker == "1."
    assert any(b.suffix for b in renderer.page(shown, Mode.ACTIVITIES).blocks)
    assert renderer.page(shown, Mode.RANKING).blocks[0].style == "page"  # the ranking itself
    assert changed_keys(hidden, shown) == set()  # revealing is no change to highlight


def test_a_vote_given_while_hidden_is_not_highlighted(session, builder, theme):
    before = builder.state
    session.push(SetFields(Kind.SWOT, theme.swot[0].id, {"votes": 9}), "Vote")
    assert changed_keys(before, builder.state) == set()


def test_the_current_item_is_marked(qapp, builder, theme):
    renderer = WallRenderer()
    item = theme.swot[4]
    state = builder.set_focus(
        WallFocus("analysis", theme_id=theme.id, item_id=item.id, item_kind="swot")
    )
    layout = renderer.layout(state, Mode.SWOT, FULL_HD)
    assert layout.current is not None
    assert layout.placed[[p.index for p in layout.placed].index(layout.current)].block.key == (
        "swot",
        item.id,
    )
    problem = theme.problems[0]
    state = builder.set_focus(
        WallFocus("analysis", theme_id=theme.id, item_id=problem.id, item_kind="problem")
    )
    page = renderer.page(state, Mode.PROBLEMS)
    assert page.current_key == ("problem", problem.id)
    # The ids of SWOT items and problems are counted apart: a problem marks no SWOT item.
    assert renderer.page(state, Mode.SWOT).current is None
    other = builder.set_focus(WallFocus("vision", theme_id=theme.id, item_id=problem.id))
    assert renderer.page(other, Mode.PROBLEMS).current is None  # only from the analysis page


def capitals(renderer, pixels: int, bold: bool) -> float:
    return QFontMetricsF(renderer.font(1000, bold)).capHeight() / 1000 * pixels


def test_500_items_stay_at_the_readable_floor_in_sheets_showing_every_item(
    qapp, session, builder, theme
):
    quadrants = [S, W, OP, T]
    many = [(quadrants[n % 4], f"Položka {n}: hasiči a obce spolu", n % 5) for n in range(500)]
    add_swot(session, session.document.data.themes[1], many, ())
    state = builder.set_focus(WallFocus("analysis", theme_id=session.document.data.themes[1].id))
    renderer = WallRenderer()
    first = renderer.layout(state, Mode.SWOT, FULL_HD)
    assert not first.fits
    assert first.sheets > 1
    floor = renderer.floor_px(1080)
    shown = set()
    for number in range(first.sheets):
        sheet = renderer.sheet_layout(state, Mode.SWOT, FULL_HD, number)
        # Every sheet opens with its quadrant's label (the first with the theme's name).
        assert sheet.placed[0].block.style == ("heading" if number == 0 else "cell")
        for placed in sheet.placed:
            assert placed.rect.bottom() <= sheet.mark_rect.top() + 0.5
            assert placed.size >= floor
            assert capitals(renderer, placed.size, STYLES[placed.block.style].bold) >= 32
            shown.add(placed.block.key)
    assert {("swot", i.id) for i in session.document.data.themes[1].swot} <= shown


# --- the controller: keys, actions, freezing ------------------------------------------------


def test_the_new_keys_and_actions_work_on_the_wall(projector, window, qtbot):
    from facilitator_app.gui.dialogs.shortcuts import ShortcutsDialog

    for mode, key in ((Mode.SWOT, "S"), (Mode.PROBLEMS, "P")):
        action = projector.mode_actions[mode]
        assert key in [k.toString() for k in action.shortcuts()]
    assert [k.toString() for k in projector.reveal_votes_action.shortcuts()] == [
        "H",
        "Ctrl+Shift+H",
    ]
    toolbar = projector.dock.findChild(type(window.toolBar), "wallModes")
    for action in (
        projector.mode_actions[Mode.SWOT],
        projector.mode_actions[Mode.PROBLEMS],
        projector.reveal_votes_action,
    ):
        assert toolbar.widgetForAction(action).accessibleName() == action.text().replace("&", "")
        assert action in projector.menu.actions()
    dialog = ShortcutsDialog(window)
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["View ▸ Projector ▸ SWOT analysis"] == "S"
    assert rows["View ▸ Projector ▸ Reveal votes"] == "H, Ctrl+Shift+H"
    dialog.deleteLater()
    window.activateWindow()
    qtbot.waitActive(window)
    projector.preview.setFocus()
    qtbot.keyClick(projector.preview, Qt.Key.Key_S)
    assert projector.mode is Mode.SWOT
    qtbot.keyClick(projector.preview, Qt.Key.Key_P)
    assert projector.mode is Mode.PROBLEMS
    assert not projector.shown.votes_revealed
    qtbot.keyClick(projector.preview, Qt.Key.Key_H)
    assert projector.shown.votes_revealed
    assert projector.reveal_votes_action.isChecked()
    qtbot.keyClick(projector.preview, Qt.Key.Key_H)
    assert not projector.shown.votes_revealed


def test_votes_are_hidden_again_for_every_workshop_opened(projector, window):
    projector.set_votes_revealed(True)
    assert projector.shown.votes_revealed
    projector.attach(window.session)
    assert not projector.shown.votes_revealed
    assert not projector.reveal_votes_action.isChecked()


def test_a_frozen_wall_keeps_its_swot_and_highlights_the_changed_item(projector, window, qtbot):
    session = window.session
    theme = add_swot(session, session.document.data.themes[0])
    session.set_focus(Focus("analysis", theme_id=theme.id))
    projector.set_mode(Mode.SWOT)
    projector.freeze()
    item = theme.swot[1]
    session.set_text(Kind.SWOT, item.id, "text", "Zkušenosti z povodní 2010 a 2013", "Typing")
    projector.set_votes_revealed(True)
    shown = projector.shown.theme(theme.id)
    assert shown.swot[1].text == "Zkušenosti z povodní 2010"  # what was published
    assert not projector.shown.votes_revealed
    page = projector.renderer.page(projector.shown, Mode.SWOT)
    assert "Zkušenosti z povodní 2010" in [b.text for b in page.blocks]
    projector.publish()
    assert projector.shown.theme(theme.id).swot[1].text.endswith("a 2013")
    assert projector.highlights == {("swot", item.id): 1.0}  # revealing highlights nothing
    assert projector.highlighter.previous_texts[("swot", item.id)] == "Zkušenosti z povodní 2010"
