"""The Analysis page by keyboard and mouse: the SWOT's four lists and the problems of each
theme, typed live, moved, voted, pasted and linked; every change one undo step, in the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from gui_helpers import key_clicks, show_widget
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from workshop_state import reopened

from facilitator_app import paths
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.sections.analysis import models
from facilitator_app.gui.sections.analysis.page import AnalysisPage, neighbour, pasted_lines
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import read_json_file
from facilitator_app.workshop.model import Quadrant
from facilitator_app.workshop.operations import SetFields

S, W, OP, T = Quadrant.STRENGTHS, Quadrant.WEAKNESSES, Quadrant.OPPORTUNITIES, Quadrant.THREATS
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def first_meeting(tmp_path: Path):
    """The first meeting's demo (a SWOT and problems per theme) as a fresh file, opened."""
    document = Document.create(
        tmp_path / "first.workshop", read_json_file(paths.demo_json("first-meeting"))
    )
    yield document
    if not document.storage.db.is_closed():
        document.close()


@pytest.fixture
def swot_session(qtbot, first_meeting):
    session = WorkshopSession(first_meeting)
    yield session
    session.undo_stack.clear()


@pytest.fixture
def page(qtbot, swot_session) -> AnalysisPage:
    return show_widget(qtbot, AnalysisPage(swot_session), (1300, 760))


def theme(page: AnalysisPage):
    return page.document.theme(page.theme_id)


def texts(page: AnalysisPage, quadrant: Quadrant) -> list[str]:
    return [item.text for item in theme(page).quadrant_items(quadrant)]


def shown(page: AnalysisPage, quadrant: Quadrant) -> list[str]:
    model = page.quadrant_models[quadrant]
    return [model.index(row).data(Qt.ItemDataRole.EditRole) for row in range(model.rowCount())]


def go_to_item(qtbot, page: AnalysisPage, quadrant: Quadrant, row: int):
    capture = page.quadrant_lists[quadrant]
    capture.view.setFocus()
    qtbot.waitUntil(capture.view.hasFocus)
    capture.view.setCurrentIndex(capture.model.index(row))
    return capture


# --- models -----------------------------------------------------------------------------------


def test_the_models_pass_qtmodeltester(qtmodeltester, swot_session) -> None:
    theme_id = swot_session.document.data.themes[0].id
    for model in (models.QuadrantModel(swot_session, W), models.ProblemsModel(swot_session)):
        model.set_theme(theme_id)
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize(
    ("old", "new", "change"),
    [
        ([1, 2, 3], [1, 2, 3, 4], ("insert", 3, 3)),
        ([1, 2, 3], [4, 1, 2, 3], ("insert", 0, 0)),
        ([1, 2, 3], [1, 3], ("remove", 1, 1)),
        ([1, 2, 3, 4], [2, 3, 1, 4], ("move", 0, 2)),
        ([1, 2, 3, 4], [1, 4, 2, 3], ("move", 3, 1)),
        ([1, 2, 3], [3, 2, 1], None),
        ([1, 2], [3, 4, 5], None),
        ([], [7], ("insert", 0, 0)),
    ],
)
def test_single_change_names_the_one_row_change(old, new, change) -> None:
    assert models.single_change(old, new) == change


def test_the_quadrant_model_follows_a_move_between_quadrants_by_rows(qtbot, swot_session) -> None:
    """An item moved from one quadrant to another leaves one list's row and enters the
    other's: the selection elsewhere stays (no reset)."""
    theme_id = swot_session.document.data.themes[0].id
    strengths, threats = (
        models.QuadrantModel(swot_session, S),
        models.QuadrantModel(swot_session, T),
    )
    strengths.set_theme(theme_id)
    threats.set_theme(theme_id)
    first = strengths.records[0]
    resets: list[int] = []
    for model in (strengths, threats):
        model.modelReset.connect(lambda: resets.append(1))
    threat_count = threats.rowCount()
    with qtbot.waitSignal(threats.rowsInserted):
        moves = models.swot_moves(swot_session.document.theme(theme_id), [(first.id, T)])
        swot_session.push(models.Batch(tuple(moves)), "move")
    assert threats.rowCount() == threat_count + 1
    assert threats.records[-1].id == first.id
    assert first.id not in [item.id for item in strengths.records]
    assert resets == []


def test_neighbouring_quadrants_in_the_grid() -> None:
    assert neighbour(S, (0, 1)) is W
    assert neighbour(S, (1, 0)) is OP
    assert neighbour(T, (0, -1)) is OP
    assert neighbour(T, (-1, 0)) is W
    assert neighbour(W, (0, 1)) is None
    assert neighbour(OP, (1, 0)) is None


def test_pasted_lines_drop_bullets_and_indentation() -> None:
    text = "- Silná síť\n\t• Levná energie\n\n1. Spolupráce obcí\n   "
    assert pasted_lines(text) == ["Silná síť", "Levná energie", "Spolupráce obcí"]


# --- typing the next item ---------------------------------------------------------------------


def test_typing_in_a_quadrants_line_adds_the_item_live_and_enter_starts_the_next(
    qtbot, page: AnalysisPage
) -> None:
    line = page.quadrant_lists[S].line
    line.setFocus()
    before = texts(page, S)
    key_clicks(qtbot, line, "Č")
    # In the document (and so on the wall and in the file) from the first letter.
    assert texts(page, S) == [*before, "Č"]
    key_clicks(qtbot, line, "istá řeka")
    assert texts(page, S)[-1] == "Čistá řeka"
    assert shown(page, S)[-1] == "Čistá řeka"
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == ""
    assert line.hasFocus()
    key_clicks(qtbot, line, "Lesy")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert texts(page, S)[-2:] == ["Čistá řeka", "Lesy"]
    assert [i.text for i in reopened(page.document).themes[0].quadrant_items(S)][-2:] == [
        "Čistá řeka",
        "Lesy",
    ]
    # One undo step takes back one item with all its typing.
    page.session.undo_stack.undo()
    assert texts(page, S) == [*before, "Čistá řeka"]
    page.session.undo_stack.undo()
    assert texts(page, S) == before


def test_esc_in_the_line_takes_the_item_back_as_if_never_typed(qtbot, page: AnalysisPage) -> None:
    line = page.quadrant_lists[OP].line
    line.setFocus()
    before, steps = texts(page, OP), page.session.undo_stack.count()
    key_clicks(qtbot, line, "Dotace")
    assert texts(page, OP)[-1] == "Dotace"
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert texts(page, OP) == before
    assert line.text() == ""
    assert page.session.undo_stack.count() == steps


def test_a_line_emptied_before_enter_adds_nothing(qtbot, page: AnalysisPage) -> None:
    line = page.problems_list.line
    line.setFocus()
    before = [p.text for p in theme(page).problems]
    key_clicks(qtbot, line, "ab")
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert [p.text for p in theme(page).problems] == before


def test_the_wall_is_told_of_the_item_being_typed(qtbot, page: AnalysisPage) -> None:
    line = page.quadrant_lists[T].line
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    key_clicks(qtbot, line, "Sucho")
    focus = page.session.focus
    assert (focus.section, focus.theme_id, focus.item_kind) == ("analysis", page.theme_id, "swot")
    assert focus.item_id == theme(page).quadrant_items(T)[-1].id
    problems = page.problems_list
    problems.view.setFocus()
    qtbot.waitUntil(problems.view.hasFocus)
    problems.view.setCurrentIndex(problems.model.index(0))
    assert page.session.focus.item_kind == "problem"
    assert page.session.focus.item_id == theme(page).problems[0].id


def test_alt_letter_goes_to_a_quadrants_line_and_up_into_its_list(
    qtbot, page: AnalysisPage
) -> None:
    capture = page.quadrant_lists[W]
    assert capture.label.buddy() is capture.line
    capture.line.setFocus()
    qtbot.waitUntil(capture.line.hasFocus)
    qtbot.keyClick(capture.line, Qt.Key.Key_Up)
    assert capture.view.hasFocus()
    assert capture.view.currentIndex().isValid()


def test_an_item_is_edited_in_place_live(qtbot, page: AnalysisPage) -> None:
    capture = go_to_item(qtbot, page, S, 0)
    qtbot.keyClick(capture.view, Qt.Key.Key_F2)
    editor = capture.view.indexWidget(capture.view.currentIndex())
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    key_clicks(qtbot, editor, "Nová síla")
    assert texts(page, S)[0] == "Nová síla"  # written as typed
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert reopened(page.document).themes[0].quadrant_items(S)[0].text == "Nová síla"


# --- moving, voting, removing -----------------------------------------------------------------


def test_ctrl_arrows_move_an_item_to_the_neighbouring_quadrant(qtbot, page: AnalysisPage) -> None:
    item = theme(page).quadrant_items(S)[0]
    capture = go_to_item(qtbot, page, S, 0)
    qtbot.keyClick(capture.view, Qt.Key.Key_Right, CTRL)
    assert item.id in [i.id for i in theme(page).quadrant_items(W)]
    weaknesses = page.quadrant_lists[W]
    assert weaknesses.view.hasFocus()
    assert weaknesses.current_id() == item.id
    qtbot.keyClick(weaknesses.view, Qt.Key.Key_Down, CTRL)
    assert theme(page).quadrant_items(T)[-1].id == item.id
    qtbot.keyClick(page.quadrant_lists[T].view, Qt.Key.Key_Down, CTRL)  # no quadrant below
    assert theme(page).quadrant_items(T)[-1].id == item.id
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    assert theme(page).quadrant_items(S)[0].id == item.id


def test_alt_up_and_down_reorder_within_the_quadrant(qtbot, page: AnalysisPage) -> None:
    before = texts(page, W)
    capture = go_to_item(qtbot, page, W, 0)
    qtbot.keyClick(capture.view, Qt.Key.Key_Down, ALT)
    assert texts(page, W) == [before[1], before[0], *before[2:]]
    assert capture.view.currentIndex().row() == 1
    qtbot.keyClick(capture.view, Qt.Key.Key_Up, ALT)
    assert texts(page, W) == before
    page.problems_list.view.setFocus()
    qtbot.waitUntil(page.problems_list.view.hasFocus)
    problems = [p.text for p in theme(page).problems]
    page.problems_list.view.setCurrentIndex(page.problems.index(0))
    qtbot.keyClick(page.problems_list.view, Qt.Key.Key_Down, ALT)
    assert [p.text for p in theme(page).problems][:2] == [problems[1], problems[0]]


def test_plus_and_minus_count_the_dot_votes(qtbot, page: AnalysisPage) -> None:
    capture = go_to_item(qtbot, page, OP, 0)
    item = theme(page).quadrant_items(OP)[0]
    votes = item.votes
    qtbot.keyClick(capture.view, Qt.Key.Key_Plus)
    qtbot.keyClick(capture.view, Qt.Key.Key_Plus)
    assert item.votes == votes + 2
    assert f"● {votes + 2}" in capture.model.index(0).data().replace("\u00a0", " ")
    qtbot.keyClick(capture.view, Qt.Key.Key_Minus)
    assert item.votes == votes + 1
    for _ in range(votes + 3):
        qtbot.keyClick(capture.view, Qt.Key.Key_Minus)
    assert item.votes == 0  # never below none


def test_delete_removes_an_item_and_undo_gives_back_the_problems_link(
    qtbot, page: AnalysisPage
) -> None:
    problem = next(p for p in theme(page).problems if p.sources)
    source = problem.sources[0]
    quadrant = next(i.quadrant for i in theme(page).swot if i.id == source)
    row = [i.id for i in theme(page).quadrant_items(quadrant)].index(source)
    capture = go_to_item(qtbot, page, quadrant, row)
    qtbot.keyClick(capture.view, Qt.Key.Key_Delete)
    assert source not in [i.id for i in theme(page).swot]
    assert source not in problem.sources
    page.session.undo_stack.undo()
    assert source in [i.id for i in theme(page).swot]
    assert source in theme(page).problems[theme(page).problems.index(problem)].sources


def test_ctrl_v_pastes_a_bulleted_list_as_items_in_one_step(qtbot, page: AnalysisPage) -> None:
    capture = go_to_item(qtbot, page, T, 0)
    before = texts(page, T)
    QApplication.clipboard().setText("• Sucho\n• Povodně\n  - Eroze")
    qtbot.keyClick(capture.view, Qt.Key.Key_V, CTRL)
    assert texts(page, T) == [*before, "Sucho", "Povodně", "Eroze"]
    page.session.undo_stack.undo()
    assert texts(page, T) == before


def test_a_list_pasted_into_the_typing_line_becomes_items(qtbot, page: AnalysisPage) -> None:
    line = page.quadrant_lists[S].line
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    before = texts(page, S)
    QApplication.clipboard().setText("Řemeslná tradice\nAktivní spolky\n")
    qtbot.keyClick(line, Qt.Key.Key_V, CTRL)
    assert texts(page, S) == [*before, "Řemeslná tradice", "Aktivní spolky"]
    assert line.text() == ""
    QApplication.clipboard().setText("Jedna věta")  # one line is pasted as text
    qtbot.keyClick(line, Qt.Key.Key_V, CTRL)
    assert line.text() == "Jedna věta"


def test_a_note_is_edited_in_a_dialog_and_shown_under_the_item(
    qtbot, page: AnalysisPage, monkeypatch
) -> None:
    capture = go_to_item(qtbot, page, S, 0)
    monkeypatch.setattr(page, "ask_note", lambda item: "hlavně na jihu")
    qtbot.keyClick(capture.view, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert theme(page).quadrant_items(S)[0].note == "hlavně na jihu"
    assert capture.model.index(0).data().endswith("\n↳ hlavně na jihu")


# --- problems ---------------------------------------------------------------------------------


def test_a_problem_made_of_an_item_comes_from_it(qtbot, page: AnalysisPage) -> None:
    item = theme(page).quadrant_items(W)[0]
    capture = go_to_item(qtbot, page, W, 0)
    qtbot.keyClick(capture.view, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)
    problem = theme(page).problems[-1]
    assert (problem.text, problem.sources) == (item.text, [item.id])
    # Its wording opened to be edited at once.
    assert page.problems_list.view.state() == QAbstractItemView.State.EditingState
    assert "\n" in page.problems.index(page.problems.rowCount() - 1).data()  # "From: …"


def test_the_items_a_problem_comes_from_are_chosen_in_a_dialog(
    qtbot, page: AnalysisPage, monkeypatch
) -> None:
    chosen = [theme(page).quadrant_items(T)[0].id, theme(page).quadrant_items(S)[0].id]
    monkeypatch.setattr(page, "ask_sources", lambda theme, problem: chosen)
    page.problems_list.view.setFocus()
    qtbot.waitUntil(page.problems_list.view.hasFocus)
    page.problems_list.view.setCurrentIndex(page.problems.index(0))
    qtbot.keyClick(page.problems_list.view, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert theme(page).problems[0].sources == chosen
    assert reopened(page.document).themes[0].problems[0].sources == chosen


# --- drag and drop (what a drop does: the model's side of it) ----------------------------------


def drag(model, row: int) -> QMimeData:
    return model.mimeData([model.index(row)])


def test_a_dragged_item_dropped_into_another_quadrant_moves_there_in_one_step(
    page: AnalysisPage,
) -> None:
    strengths, opportunities = page.quadrant_models[S], page.quadrant_models[OP]
    item = strengths.records[1]
    data = drag(strengths, 1)
    assert opportunities.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    steps = page.session.undo_stack.count()
    assert not opportunities.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert opportunities.records[0].id == item.id
    assert page.session.undo_stack.count() == steps + 1
    page.session.undo_stack.undo()
    assert strengths.records[1].id == item.id


def test_a_dragged_item_dropped_within_its_quadrant_reorders_it(page: AnalysisPage) -> None:
    model = page.quadrant_models[W]
    ids = [item.id for item in model.records]
    model.dropMimeData(drag(model, 0), Qt.DropAction.MoveAction, -1, 0, model.index(2))
    assert [item.id for item in model.records] == [ids[1], ids[0], *ids[2:]]


def test_an_item_dropped_on_another_theme_moves_there_into_its_quadrant(
    page: AnalysisPage,
) -> None:
    model = page.quadrant_models[T]
    item = model.records[0]
    other = page.themes.index(1, 0)
    data = drag(model, 0)
    assert page.themes.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, other)
    page.themes.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, other)
    target = page.document.data.themes[1]
    assert target.quadrant_items(T)[-1].id == item.id
    assert item.id not in [i.id for i in model.records]


def test_an_item_dropped_on_a_problem_becomes_one_of_its_sources(page: AnalysisPage) -> None:
    model = page.quadrant_models[OP]
    item = model.records[0]
    problem = theme(page).problems[0]
    assert item.id not in problem.sources
    page.problems.dropMimeData(
        drag(model, 0), Qt.DropAction.MoveAction, -1, 0, page.problems.index(0)
    )
    assert problem.sources[-1] == item.id


def test_drops_from_elsewhere_are_refused(page: AnalysisPage) -> None:
    model = page.quadrant_models[S]
    foreign = models.SWOT_IDS.encode([99999])
    assert not model.canDropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    text = QMimeData()
    text.setText("hello")
    assert not model.canDropMimeData(text, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


# --- a later meeting's analysis ---------------------------------------------------------------


def test_a_previous_meetings_analysis_is_read_only_until_edited_anyway(
    qtbot, page: AnalysisPage
) -> None:
    assert page.banner.isHidden()
    page.session.push(
        SetFields(Kind.DETAILS, 0, {"previous_meeting": date(2026, 4, 21)}), "previous"
    )
    assert page.banner.isVisible()
    assert "2026" in page.banner_text.text() or "26" in page.banner_text.text()
    capture = page.quadrant_lists[S]
    assert not capture.line.isEnabled()
    assert not capture.model.flags(capture.model.index(0)) & Qt.ItemFlag.ItemIsEditable
    before = texts(page, S)
    capture = go_to_item(qtbot, page, S, 0)
    qtbot.keyClick(capture.view, Qt.Key.Key_Delete)
    qtbot.keyClick(capture.view, Qt.Key.Key_Plus)
    assert texts(page, S) == before
    qtbot.mouseClick(page.edit_anyway, Qt.MouseButton.LeftButton)
    assert page.banner.isHidden()
    assert capture.line.isEnabled()
    capture.view.setFocus()
    qtbot.waitUntil(capture.view.hasFocus)
    qtbot.keyClick(capture.view, Qt.Key.Key_Delete)
    assert len(texts(page, S)) == len(before) - 1


# --- in the window ----------------------------------------------------------------------------


def test_ctrl_8_shows_the_analysis_with_its_menu_and_accessible_names(
    qtbot, window_factory, first_meeting
) -> None:
    window = window_factory(first_meeting, size=(1366, 768), active=True)
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)
    assert window.sections.currentWidget() is window.pageAnalysis
    page = window.page("analysis")
    qtbot.waitUntil(page.themeList.hasFocus)  # the keyboard goes to the themes
    assert window.focusWidget() is page.themeList
    texts_in_menu = [a.text() for a in window.menuAnalysis.actions()]
    assert "Make a problem of this item" in texts_in_menu
    for capture in page.lists:
        assert capture.view.accessibleName()
        assert capture.line.accessibleName()
    assert page.edit_anyway.accessibleName()
    assert page.themeList.accessibleName()


def test_a_first_meeting_is_run_from_an_empty_workshop_by_keyboard_alone(
    qtbot, window_factory, tmp_path, monkeypatch
) -> None:
    """A theme added in the Vision section, its SWOT and a problem typed in the Analysis
    section, the wall showing the SWOT with the current item: keys only (the theme's name
    dialog answered by the test)."""
    from facilitator_app.gui.projector.state import Mode
    from facilitator_app.workshop.model import WorkshopData

    document = Document.create(tmp_path / "prvni.workshop", WorkshopData())
    window = window_factory(document, size=(1366, 768), wall=True, active=True)
    keys = window.windowHandle()  # as the window system delivers keys: shortcuts too
    qtbot.keyClick(keys, Qt.Key.Key_3, CTRL)  # Vision
    vision = window.page("vision")
    qtbot.waitUntil(vision.themeList.hasFocus)
    monkeypatch.setattr(vision, "ask_theme_name", lambda *args, **kwargs: "Energetika")
    qtbot.keyClick(keys, Qt.Key.Key_Insert)
    assert [t.name for t in document.data.themes] == ["Energetika"]

    qtbot.keyClick(keys, Qt.Key.Key_8, CTRL)  # Analysis
    page = window.page("analysis")
    qtbot.waitUntil(page.themeList.hasFocus)
    qtbot.keyClick(keys, Qt.Key.Key_S, ALT)  # Strengths: to its typing line
    strengths = page.quadrant_lists[S].line
    assert strengths.hasFocus()
    for text in ("Hustá síť", "Úspory budov"):
        key_clicks(qtbot, strengths, text)
        qtbot.keyClick(keys, Qt.Key.Key_Return)
    qtbot.keyClick(keys, Qt.Key.Key_T, ALT)  # Threats
    threats = page.quadrant_lists[T].line
    assert threats.hasFocus()
    key_clicks(qtbot, threats, "Drahé energie")
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    qtbot.keyClick(keys, Qt.Key.Key_Up)  # into the threats, on the last one
    view = page.quadrant_lists[T].view
    assert view.hasFocus()
    qtbot.keyClick(keys, Qt.Key.Key_Plus)
    qtbot.keyClick(keys, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)
    editor = page.problems_list.view.indexWidget(page.problems_list.view.currentIndex())
    assert isinstance(editor, QLineEdit)
    editor.end(False)
    key_clicks(qtbot, editor, " pro domácnosti")
    qtbot.keyClick(keys, Qt.Key.Key_Return)

    theme_ = document.data.themes[0]
    assert [i.text for i in theme_.quadrant_items(S)] == ["Hustá síť", "Úspory budov"]
    threat = theme_.quadrant_items(T)[0]
    assert (threat.text, threat.votes) == ("Drahé energie", 1)
    assert [(p.text, p.sources) for p in theme_.problems] == [
        ("Drahé energie pro domácnosti", [threat.id])
    ]
    # The wall shows the theme's SWOT, the item the facilitator is on marked.
    projector = window.projector
    projector.set_mode(Mode.SWOT)
    page.quadrant_lists[T].view.setFocus()
    qtbot.waitUntil(lambda: projector.shown.focus.item_id == threat.id)
    wall_page = projector.renderer.page(projector.shown, Mode.SWOT)
    assert wall_page.current is not None
    assert wall_page.blocks[wall_page.current].text == "Drahé energie"
    assert reopened(document).themes[0].problems[0].text == "Drahé energie pro domácnosti"


def test_a_problems_sources_line_follows_its_items_text(qtbot, page: AnalysisPage) -> None:
    problem = next(p for p in theme(page).problems if p.sources)
    row = theme(page).problems.index(problem)
    source = next(i for i in theme(page).swot if i.id == problem.sources[0])
    with qtbot.waitSignal(page.problems.dataChanged):
        page.session.push(SetFields(Kind.SWOT, source.id, {"text": "Přejmenováno"}), "edit")
    assert "Přejmenováno" in page.problems.index(row).data()
