"""The projector wall, in the facilitator's window, on one offscreen screen.

Two-screen behaviour runs in a child process (the platform's screens are fixed when the
QApplication starts): see ``test_projector_screens.py`` beside this file and the smoke test
below.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import child_processes
import pytest
from gui_helpers import controller_on_plain_window, uniform
from PySide6.QtCore import QPoint, QSettings, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QLineEdit
from repo_paths import REPO

from facilitator_app.gui.core.session import Focus
from facilitator_app.gui.projector import highlights as highlights_module
from facilitator_app.gui.projector.builder import StateBuilder
from facilitator_app.gui.projector.changes import changed_keys
from facilitator_app.gui.projector.controller import ProjectorController
from facilitator_app.gui.projector.look import PALETTES
from facilitator_app.gui.projector.pages import Block, Page
from facilitator_app.gui.projector.renderer import WallRenderer
from facilitator_app.gui.projector.screens import choose_screen, default_window_rect, free_place
from facilitator_app.gui.projector.state import Blanking, Mode, WallFocus
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import MoveNodes, SetFields

SIZES = [QSizeF(1920, 1080), QSizeF(1024, 768)]


# --- fixtures -------------------------------------------------------------------------------------


def activities(window):
    return window.page("activities")


def first_block(window):
    return window.session.document.data.blocks[0]


def row_texts(controller: ProjectorController, live: bool = False) -> list[str]:
    state = controller.live if live else controller.shown
    assert state is not None
    return [row.text for row in state.outline.rows]


# --- live: edits, undo and drags made in the facilitator's window reach the wall ------------------


def test_typing_in_an_activity_reaches_the_wall_and_undo_takes_it_back(projector, window, qtbot):
    node = first_block(window).children[1]
    with qtbot.waitSignal(projector.shown_changed):
        window.session.set_text(Kind.NODE, node.id, "text", "Kryty pro všechny", "Typing")
    assert "Kryty pro všechny" in row_texts(projector)
    with qtbot.waitSignal(projector.shown_changed):
        window.session.undo_stack.undo()
    assert "Kryty pro všechny" not in row_texts(projector)
    assert node.text in row_texts(projector)


def test_an_edit_in_the_tree_editor_reaches_the_wall(projector, window, qtbot):
    page = activities(window)
    index = page.model.index(1, 0, page.model.index(0, 0))
    page.select(index)
    page.view.edit(index)
    editor = page.view.findChild(QLineEdit)
    assert editor is not None
    with qtbot.waitSignal(projector.shown_changed):
        editor.setText("Úkryty v každé obci")  # the wall shows it while the editor is open
    assert "Úkryty v každé obci" in row_texts(projector)
    page.view.commitData(editor)
    assert "Úkryty v každé obci" in row_texts(projector)


def test_a_drag_in_the_tree_reaches_the_wall(projector, window, qtbot):
    model = activities(window).model
    block = model.index(0, 0)
    indexes = [model.index(3, column, block) for column in range(3)]  # "Systém IZS"
    mime = model.mimeData(indexes)
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, block)
    with qtbot.waitSignal(projector.shown_changed):
        model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, block)
    rows = projector.shown.outline.rows
    assert rows[1].text == "Systém IZS"
    assert rows[2].depth == 3  # its children came along
    with qtbot.waitSignal(projector.shown_changed):
        window.session.undo_stack.undo()
    assert projector.shown.outline.rows[1].text == "Přátelský a bezpečný prostor"


def test_a_move_pushed_through_the_session_reaches_the_wall(projector, window, qtbot):
    block = first_block(window)
    last = block.children[-1]
    with qtbot.waitSignal(projector.shown_changed):
        window.session.push(MoveNodes((last.id,), block.id, 0), "Move")
    assert projector.shown.outline.rows[1].id == last.id


def test_the_current_activity_is_highlighted_and_kept_in_view(projector, window, qtbot):
    page = activities(window)
    block_index = page.model.index(0, 0)
    last_group = page.model.index(page.model.rowCount(block_index) - 1, 0, block_index)
    deepest = page.model.index(page.model.rowCount(last_group) - 1, 0, last_group)
    with qtbot.waitSignal(projector.shown_changed):
        page.select(deepest)
    node_id = page.current_node().id
    assert projector.shown.focus.node_id == node_id
    layout = projector.renderer.layout(projector.shown, Mode.ACTIVITIES, QSizeF(1024, 768))
    current = [p for p in layout.placed if p.index == layout.current]
    assert current, "the current item is on screen"
    assert current[0].block.key == ("node", node_id)
    assert current[0].rect.bottom() <= layout.content.bottom()
    if not layout.fits:
        assert layout.more_above


def test_collapsed_branches_show_collapsed(projector, window, qtbot):
    page = activities(window)
    group = page.model.index(3, 0, page.model.index(0, 0))  # "Systém IZS" with 7 activities
    node = page.model.node_for(group)
    with qtbot.waitSignal(projector.shown_changed):
        page.view.collapse(group)
    outline = projector.shown.outline
    row = outline.rows[outline.index[node.id]]
    assert row.collapsed
    assert row.hidden_count == 7
    visible_ids = {outline.rows[p].id for p in outline.visible}
    assert not visible_ids & {child.id for child in node.children}
    with qtbot.waitSignal(projector.shown_changed):
        page.collapse_action.trigger()
    assert len(projector.shown.outline.visible) == 1  # the block alone
    with qtbot.waitSignal(projector.shown_changed):
        page.expand_action.trigger()
    assert len(projector.shown.outline.visible) == len(projector.shown.outline.rows)


def test_expanding_many_branches_rebuilds_the_wall_outline_once(
    projector, window, qtbot, monkeypatch
):
    """Expand all emits ``expanded`` for every branch; the wall takes them in one go."""
    page = activities(window)
    page.collapse_action.trigger()
    qtbot.waitUntil(lambda: len(projector.shown.outline.visible) == 1)
    builder = projector.builder
    calls = []
    refresh = builder.refresh_outline
    monkeypatch.setattr(builder, "refresh_outline", lambda: calls.append(1) or refresh())
    with qtbot.waitSignal(projector.shown_changed):
        page.view.expandAll()
        for block in range(page.model.rowCount()):
            page.view.expandRecursively(page.model.index(block, 0))
    assert len(projector.shown.outline.visible) == len(projector.shown.outline.rows)
    assert len(calls) == 1


def test_after_moves_and_insertions_the_wall_knows_which_branches_are_collapsed(
    projector, window, qtbot
):
    """After a change the wall's idea of the collapsed branches (what the page announced)
    must agree with asking the tree view about every node."""
    page = activities(window)
    session = window.session
    document = session.document
    block = document.data.blocks[0]
    leaf = next(n for n in block.walk() if not n.children and n.parent is not block)
    group = next(n for n in block.children if n.children)
    single = next(n for n in block.walk() if len(n.children) == 1 and n is not block)

    def in_sync() -> bool:
        branches = [n for n in document.data.root.walk() if n.parent is not None and n.children]
        in_view = {n.id for n in branches if not page.view.isExpanded(page.model.index_for(n))}
        on_wall = {n.id for n in branches if projector.branches.is_collapsed(n.id)}
        return in_view == on_wall

    steps = [
        lambda: page.view.collapse(page.model.index_for(single)),
        # Its only child leaves: the collapsed branch becomes a leaf.
        lambda: session.push(MoveNodes((single.children[0].id,), group.id, 0), "Out"),
        lambda: session.push(MoveNodes((group.children[0].id,), leaf.id, 0), "Into a leaf"),
        lambda: page.view.collapse(page.model.index_for(group)),
        lambda: session.push(MoveNodes((group.id,), document.data.blocks[0].id, 0), "Up"),
        lambda: page.model.insert_outline(block, 0, "Nové\n  dítě\n    vnuk", "Paste"),
        *[session.undo_stack.undo] * 5,
    ]
    for step in steps:
        step()
        qtbot.waitUntil(lambda: not projector.branches.pending)
        assert in_sync()
    assert projector.shown.outline.rows == projector.builder._outline().rows


def test_vision_typing_and_the_edited_paragraph(projector, window, qtbot):
    theme = window.session.document.data.themes[0]
    text = theme.vision + "\n\nDruhý odstavec, právě psaný"
    with qtbot.waitSignal(projector.shown_changed):
        window.session.set_text(Kind.THEME, theme.id, "vision", text, "Typing")
    with qtbot.waitSignal(projector.shown_changed):
        window.session.set_focus(Focus("vision", theme_id=theme.id, paragraph=1))
    shown = projector.shown
    assert shown.current_theme_id == theme.id
    assert shown.theme(theme.id).paragraphs[1] == "Druhý odstavec, právě psaný"
    for mode in (Mode.VISION, Mode.THEME):
        page = projector.renderer.page(shown, mode)
        assert page.current is not None
        assert page.blocks[page.current].key == ("para", theme.id, 1)


def test_the_title_page_never_shows_names(projector, window):
    data = window.session.document.data
    page = projector.renderer.page(projector.shown, Mode.TITLE)
    shown = " ".join(block.text for block in page.blocks)
    assert data.details.title in shown
    assert data.head_count_text() in shown
    for attendee in data.attendees:
        assert attendee.name not in shown
    assert data.details.facilitator not in shown


def test_the_wall_speaks_the_workshops_language_not_the_facilitators(projector, window, qtbot):
    from facilitator_app.workshop.events import Kind
    from facilitator_app.workshop.operations import SetFields

    def title_page() -> str:
        return " ".join(b.text for b in projector.renderer.page(projector.live, Mode.TITLE).blocks)

    assert "Počet účastníků: 8 (+1 ORK)" in title_page()
    window.session.push(SetFields(Kind.DETAILS, 0, {"language": "en"}), "Language")
    qtbot.waitUntil(lambda: "Participants: 8 (+1 ORK)" in title_page())
    ranking = projector.renderer.page(projector.live, Mode.RANKING).blocks
    assert ranking[0].text == "The votes are hidden for now"
    projector.set_votes_revealed(True)
    ranking = projector.renderer.page(projector.live, Mode.RANKING).blocks
    assert ranking[0].text == "No votes yet"


# --- freeze, publish, blank -----------------------------------------------------------------------


def test_freeze_keeps_the_wall_and_publish_highlights_the_changes(
    projector, window, qtbot, monkeypatch
):
    monkeypatch.setattr(highlights_module, "HIGHLIGHT_HOLD_S", 0.05)
    monkeypatch.setattr(highlights_module, "HIGHLIGHT_FADE_S", 0.05)
    node = first_block(window).children[2]
    before = projector.render_image(QSizeF(960, 540))
    projector.freeze_action.trigger()  # F
    assert projector.frozen
    with qtbot.waitSignal(projector.live_changed):
        window.session.set_text(Kind.NODE, node.id, "text", "Rozpracovaný nápad", "Typing")
    assert "Rozpracovaný nápad" in row_texts(projector, live=True)
    assert "Rozpracovaný nápad" not in row_texts(projector)
    assert projector.render_image(QSizeF(960, 540)) == before  # the room sees no change
    with qtbot.waitSignal(projector.shown_changed):
        projector.freeze_action.trigger()  # F again: publish
    assert not projector.frozen
    assert "Rozpracovaný nápad" in row_texts(projector)
    assert projector.highlights == {("node", node.id): 1.0}
    highlighted = projector.render_image(QSizeF(960, 540))
    qtbot.waitUntil(lambda: not projector.highlights)
    assert projector.render_image(QSizeF(960, 540)) != highlighted


def test_a_frozen_wall_switches_modes_on_what_was_published(projector, window, qtbot):
    theme = window.session.document.data.themes[0]
    projector.freeze()
    window.session.set_text(Kind.THEME, theme.id, "vision", "Nová vize", "Typing")
    projector.set_mode(Mode.VISION)
    texts = [b.text for b in projector.renderer.page(projector.shown, Mode.VISION).blocks]
    assert "Nová vize" not in texts
    projector.publish()
    texts = [b.text for b in projector.renderer.page(projector.shown, Mode.VISION).blocks]
    assert "Nová vize" in texts


def test_black_and_white_blank_the_wall_and_the_preview(projector, window, qtbot):
    projector.black_action.trigger()  # B
    image = projector.render_image(QSizeF(640, 360))
    assert uniform(image)
    assert QColor(image.pixel(5, 5)) == QColor("#000000")
    preview = projector.preview
    grabbed = preview.grab().toImage()
    centre = preview.thumbnail_rect().center().toPoint() * grabbed.devicePixelRatio()
    assert QColor(grabbed.pixel(centre)) == QColor("#000000")
    projector.white_action.trigger()  # W
    assert projector.blanking is Blanking.WHITE
    assert not projector.black_action.isChecked()
    assert QColor(projector.render_image(QSizeF(640, 360)).pixel(5, 5)) == QColor("#ffffff")
    projector.white_action.trigger()  # W again: back
    assert projector.blanking is Blanking.NONE
    assert not uniform(projector.render_image(QSizeF(640, 360)))


def test_the_preview_follows_what_the_room_sees(projector, window, qtbot):
    preview = projector.preview
    assert preview.isVisible()
    before = preview.grab().toImage()
    projector.freeze()
    node = first_block(window).children[0]
    window.session.set_text(Kind.NODE, node.id, "text", "Tajné", "Typing")
    assert preview.grab().toImage() == before
    projector.publish()
    assert preview.grab().toImage() != before


# --- keys -----------------------------------------------------------------------------------------


def test_one_letter_keys_act_in_the_preview_and_type_in_text_fields(projector, window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    projector.preview.setFocus()  # the wall's one-letter keys act here (and on the wall)
    qtbot.keyClick(projector.preview, Qt.Key.Key_B)
    assert projector.blanking is Blanking.BLACK
    qtbot.keyClick(projector.preview, Qt.Key.Key_B)
    assert projector.blanking is Blanking.NONE
    qtbot.keyClick(projector.preview, Qt.Key.Key_R)
    assert projector.mode is Mode.REMARKS
    page = activities(window)
    page.select(page.model.index(1, 0, page.model.index(0, 0)))
    page.view.edit(page.view.currentIndex())
    editor = page.view.findChild(QLineEdit)
    assert editor is not None
    assert editor.hasFocus()
    editor.clear()
    qtbot.keyClicks(editor, "bwfa")
    assert editor.text() == "bwfa"
    assert projector.blanking is Blanking.NONE
    assert not projector.frozen
    assert projector.mode is Mode.REMARKS
    qtbot.keyClick(
        editor,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert projector.frozen  # the chorded form works while typing
    assert editor.text() == "bwfa"


def test_the_projector_menu_lists_its_keys(projector, window):
    from facilitator_app.gui.dialogs.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    table = dialog.table
    rows = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    projector_rows = {name: keys for name, keys in rows.items() if "Projector" in name}
    assert projector_rows["View ▸ Projector ▸ Present on the wall"] == "F5"
    assert "B" in projector_rows["View ▸ Projector ▸ Black wall"].split(", ")
    assert "Ctrl+Shift+F" in projector_rows["View ▸ Projector ▸ Freeze"]
    assert projector_rows["View ▸ Projector ▸ Leave full screen"] == "Esc"
    dialog.deleteLater()


def test_zoom_changes_the_wall_text_only(projector, window):
    size = QSizeF(1920, 1080)
    projector.set_mode(Mode.ACTIVITIES)
    base = projector.renderer.layout(projector.shown, Mode.ACTIVITIES, size).base
    font_before = window.font().pointSizeF()
    projector.zoom_in_action.trigger()
    assert projector.renderer.layout(projector.shown, Mode.ACTIVITIES, size).base > base
    assert window.font().pointSizeF() == font_before
    projector.zoom_out_action.trigger()
    projector.zoom_out_action.trigger()
    assert projector.renderer.layout(projector.shown, Mode.ACTIVITIES, size).base < base
    projector.zoom_reset_action.trigger()
    assert projector.renderer.layout(projector.shown, Mode.ACTIVITIES, size).base == base


# --- painting: every mode, every theme, text that fits --------------------------------------------


def assert_fits(layout) -> None:
    """Every laid-out line lies within its block, and a fitting page within the window."""
    content = layout.content
    for placed in layout.placed:
        assert placed.laid.width <= placed.rect.width() + 0.5, placed.block.text[:40]
        assert placed.rect.left() >= content.left() - 0.5
        assert placed.rect.right() <= content.right() + 0.5
        if layout.fits:
            assert placed.rect.top() >= content.top() - 0.5
            assert placed.rect.bottom() <= content.bottom() + 0.5


@pytest.mark.parametrize("theme", sorted(PALETTES))
@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1024x768"])
def test_every_mode_renders(projector, window, theme, size):
    data = window.session.document.data
    votes = [
        SetFields(Kind.NODE, node.id, {"votes": 3 - n})
        for n, node in enumerate(first_block(window).children[:3])
    ]
    for operation in votes:
        window.session.push(operation, "Vote")
    projector.set_theme(theme)
    background = QColor(PALETTES[theme].background)
    for mode in Mode:
        projector.set_mode(mode)
        image = projector.render_image(size)
        assert image.size().width() == size.width()
        if mode is Mode.BLANK:
            assert uniform(image)
            assert QColor(image.pixel(3, 3)) == background
            continue
        assert not uniform(image), mode
        layout = projector.renderer.layout(projector.shown, mode, size)
        assert layout.placed, mode
        assert_fits(layout)
        low, _ = projector.renderer.size_limits(size.height(), Page([]))
        assert layout.base >= low  # never below the readable minimum
    assert data.themes  # the demo has themes to show


def test_the_minimum_size_has_32_px_capitals_at_1080_lines_scaled_with_the_wall_and_zoom(qapp):
    """The floor is the smallest font size whose capitals are 32 px tall at 1080 lines."""
    renderer = WallRenderer()
    ratio = QFontMetricsF(renderer.font(1000)).capHeight() / 1000

    def capitals(pixels: int) -> float:
        return pixels * ratio

    for height, zoom, cap in ((1080, 1.0, 32), (720, 1.0, 32 * 720 / 1080), (1080, 1.5, 48)):
        renderer.set_zoom(zoom)
        low = renderer.size_limits(height, Page([]))[0]
        assert capitals(low) >= cap - 1e-6
        assert capitals(low - 1) < cap
        assert QFontMetricsF(renderer.font(low)).capHeight() >= cap - 1e-6


def page_of(*texts: str, style: str = "body") -> Page:
    return Page([Block(("para", 1, n), text, style) for n, text in enumerate(texts)])


@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1024x768"])
@pytest.mark.parametrize(
    "texts",
    [
        ("Ano.",),
        ("Krátká vize.", "A druhý odstavec."),
        ("Slovo " * 60,),
        ("Dlouhý odstavec o bezpečnosti a energetice kraje. " * 12,) * 3,
        ("x" * 3000,),  # one word far wider than the wall: broken anywhere
        ("Řádek\ns tvrdým zalomením\na dalším",),
    ],
    ids=["word", "two", "sixty-words", "long", "one-huge-word", "line-breaks"],
)
def test_fitted_text_never_overflows_and_is_the_largest_that_fits(qapp, texts, size):
    renderer = WallRenderer()
    page = page_of(*texts)
    layout = renderer._lay_out_page(page, Mode.THEME, size)
    assert_fits(layout)
    content = layout.content
    low, high = renderer.size_limits(size.height(), page)
    if layout.fits:
        assert renderer._fits(page, layout.base, low, content.width(), content.height())
        if layout.base < high:
            assert not renderer._fits(page, layout.base + 1, low, content.width(), content.height())
        assert len(layout.placed) == len(texts)
    else:
        assert layout.base == low
        assert layout.more_below
        # What is drawn stops at the window: the fade and the margin cover the rest.
        assert layout.placed[0].rect.top() == pytest.approx(content.top())


def test_a_long_page_scrolls_to_keep_the_current_paragraph_in_view(qapp):
    renderer = WallRenderer()
    size = QSizeF(1024, 768)
    texts = [f"Odstavec {n}: " + "text vize, který se nevejde " * 8 for n in range(40)]
    for current in (35, 3, 20, 39):
        page = page_of(*texts)
        page.current = current
        layout = renderer._lay_out_page(page, Mode.THEME, size)
        assert not layout.fits
        on_screen = [p for p in layout.placed if p.index == current]
        assert on_screen, current
        assert on_screen[0].rect.bottom() <= layout.content.bottom() + 0.5
        assert_fits(layout)


def test_the_outline_of_5000_activities_lays_out_only_what_is_visible(qapp, session):
    from facilitator_app.workshop.model import Node
    from facilitator_app.workshop.operations import InsertNodes

    document = session.document
    block = document.data.blocks[0]
    nodes = tuple(Node(document.new_id(Kind.NODE), f"Aktivita {n}") for n in range(5000))
    session.push(InsertNodes(block.id, len(block.children), nodes), "Add")
    builder = StateBuilder(document)
    builder.rebuild()
    state = builder.set_focus(WallFocus("activities", node_id=nodes[4000].id))
    renderer = WallRenderer()
    layout = renderer.layout(state, Mode.ACTIVITIES, QSizeF(1920, 1080))
    assert not layout.fits
    assert len(renderer._laid) < 300  # not 5,000
    assert any(p.block.key == ("node", nodes[4000].id) for p in layout.placed)


# --- snapshots ------------------------------------------------------------------------------------


def test_a_keystroke_patches_one_row_and_publish_finds_it(session):
    builder = StateBuilder(session.document)
    first = builder.rebuild()
    node = session.document.data.blocks[0].children[0]
    session.set_text(Kind.NODE, node.id, "text", "Jinak", "Typing")
    from facilitator_app.workshop.events import FieldsChanged

    second = builder.apply(FieldsChanged(Kind.NODE, node.id, frozenset({"text"})))
    assert second.outline.index is first.outline.index  # the lookup was shared, not rebuilt
    assert changed_keys(first, second) == {("node", node.id)}


def test_remarks_and_the_current_theme(session):
    from facilitator_app.workshop.model import Remark
    from facilitator_app.workshop.operations import InsertRecord

    builder = StateBuilder(session.document)
    session.document.add_listener(type("L", (), {
        "document_about_to_change": lambda self, e: None,
        "document_changed": lambda self, e: builder.apply(e),
    })())  # fmt: skip
    builder.rebuild()
    theme = session.document.data.themes[2]
    remark = Remark(session.document.new_id(Kind.REMARK), "Doplnit kyberbezpečnost", "Jana")
    session.push(InsertRecord(Kind.REMARK, theme.id, 0, remark), "Remark")
    state = builder.set_focus(WallFocus("vision", theme_id=theme.id))
    assert state.current_theme.id == theme.id
    renderer = WallRenderer()
    texts = [block.text for block in renderer.page(state, Mode.REMARKS).blocks]
    assert "Doplnit kyberbezpečnost" in texts
    assert "Jana" not in " ".join(texts)  # authors are people: not on the wall


# --- screens (pure) and one screen ----------------------------------------------------------------


def test_choosing_the_screen_by_name():
    names = ["Laptop", "Projector"]
    assert choose_screen(["Laptop"], "Laptop", None) is None
    assert choose_screen(names, "Laptop", None) == "Projector"
    assert choose_screen(names, "Projector", None) == "Laptop"
    assert choose_screen([*names, "TV"], "Laptop", "TV") == "TV"
    assert choose_screen(names, "Laptop", "Gone") == "Projector"
    assert choose_screen(names, "Laptop", "Laptop") == "Projector"
    assert choose_screen(names, "Laptop", "Laptop", insist=True) == "Laptop"


def test_a_free_place_beside_the_facilitators_window():
    from PySide6.QtCore import QRect

    screen = QRect(0, 0, 1920, 1080)
    place = free_place(screen, QRect(0, 0, 1000, 1080))
    assert place is not None
    assert not place.intersects(QRect(0, 0, 1000, 1080))
    assert screen.contains(place)
    assert free_place(screen, screen) is None
    assert screen.contains(default_window_rect(screen))


def test_with_one_screen_the_wall_is_a_normal_window(projector, window, qtbot):
    from facilitator_app.gui.app import describe_windows

    assert len(QGuiApplication.screens()) == 1
    with qtbot.waitSignal(projector.placement_changed):
        projector.present_action.trigger()  # F5
    wall = projector.wall
    assert wall.isVisible()
    assert not wall.isFullScreen()
    assert wall.cursor().shape() == Qt.CursorShape.BlankCursor
    records = {record["window"]: record for record in describe_windows()}
    assert records["wall"]["fullscreen"] is False
    wall.move(wall.pos() + QPoint(10, 10))  # movable and resizable: an ordinary window
    # Resized, even to the same shape (the dock stays as it is), the preview is laid out again
    # at the wall's new size.
    with qtbot.waitSignal(wall.state_changed):
        wall.resize(wall.width() * 2, wall.height() * 2)
    wall.resize(500, 300)
    qtbot.waitUntil(lambda: wall.width() == 500)
    projector.present_action.trigger()  # F5 again
    assert not wall.isVisible()


def test_f5_on_one_screen_brings_the_wall_to_the_front_and_says_where_it_is(
    projector, window, qtbot
):
    """Over the facilitator's window, the wall is in front and takes the keys (no click);
    the status names the screen by what it is and how big, not by the system's name."""
    window.activateWindow()
    qtbot.waitActive(window)
    with qtbot.waitSignal(projector.placement_changed):
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F5)
    wall = projector.wall
    assert wall.isVisible()
    assert wall.frameGeometry().intersects(window.frameGeometry())
    qtbot.waitUntil(wall.isActiveWindow)
    assert projector.status_label.text() == (
        "On the wall: a window on Screen 800×800 (Shift+F5: full screen)"
        " · votes hidden (H reveals them)"
    )
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_W)
    assert projector.blanking is Blanking.WHITE
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_W)
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert wall.isFullScreen()
    assert wall.isActiveWindow()  # full screen over everything: Esc must reach it
    assert (
        projector.status_label.text()
        == "On the wall: full screen on Screen 800×800 · votes hidden (H reveals them)"
    )
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_Escape)
    assert not wall.isFullScreen()
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_F5)  # F5 on the wall stops presenting
    assert not wall.isVisible()
    assert not projector.presenting


def test_screens_are_named_as_a_person_knows_them(qapp):
    from PySide6.QtCore import QRect

    from facilitator_app.gui.projector.screens import ScreenFacts, screen_label

    laptop = ScreenFacts("eDP-1", QRect(0, 0, 1366, 768), "", "")
    epson = ScreenFacts("HDMI-1", QRect(1366, 0, 1920, 1080), "EPSON PJ", "Seiko Epson")
    monitor = ScreenFacts("DP-2", QRect(0, -1200, 1920, 1200), "DELL U2415", "Dell")
    bare = ScreenFacts("HDMI-2", QRect(-1280, 0, 1280, 1024))
    assert screen_label(laptop) == "Built-in screen 1366×768"
    assert screen_label(laptop, laptop) == "Built-in screen 1366×768 (this window's)"
    assert screen_label(epson, laptop) == "Projector (EPSON PJ) 1920×1080 on the right"
    assert screen_label(monitor, laptop) == "Screen (DELL U2415) 1920×1200 above"
    assert screen_label(bare, laptop) == "Screen (HDMI-2) 1280×1024 on the left"
    assert screen_label(ScreenFacts("screen", QRect(0, 0, 1366, 768))) == "Screen 1366×768"


def test_screens_are_named_in_czech(czech):
    from PySide6.QtCore import QRect

    from facilitator_app.gui.projector.screens import ScreenFacts, screen_label

    laptop = ScreenFacts("eDP-1", QRect(0, 0, 1366, 768))
    projector = ScreenFacts("HDMI-1", QRect(1366, 0, 1920, 1080), "EPSON PJ")
    assert screen_label(laptop, laptop) == "Vestavěná obrazovka 1366×768 (s tímto oknem)"
    assert screen_label(projector, laptop) == "Projektor (EPSON PJ) 1920×1080 vpravo"


def test_losing_the_walls_screen_hides_it_and_a_new_screen_brings_it_back(projector, qtbot):
    projector.start_presenting()
    wall = projector.wall
    screen = wall.screen()
    with qtbot.waitSignal(projector.placement_changed):
        projector.screen_removed(screen)
    assert not wall.isVisible()
    assert projector.waiting_for_screen
    assert projector.presenting
    with qtbot.waitSignal(projector.placement_changed):
        projector.screen_added(screen)
    assert wall.isVisible()
    assert not projector.waiting_for_screen


def test_esc_on_the_wall_leaves_full_screen(projector, qtbot):
    projector.start_presenting()
    projector.full_screen_action.trigger()
    wall = projector.wall
    qtbot.waitUntil(wall.isFullScreen)
    wall.activateWindow()
    wall.setFocus()
    qtbot.waitUntil(wall.hasFocus)
    qtbot.keyClick(wall, Qt.Key.Key_Escape)
    assert not wall.isFullScreen()


def test_a_controller_on_a_plain_window_remembers_its_settings(qtbot, tmp_path):
    first = controller_on_plain_window(qtbot, tmp_path / "p.ini")
    first.set_theme("contrast")
    first.set_mode(Mode.RANKING)
    first.zoom_by(1)
    first.choose_screen("Projector")
    assert first.render_image(QSizeF(320, 180)).pixel(1, 1) == QColor("#000000").rgb()
    first.settings.sync()
    again = QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat)
    assert again.value("projector/theme") == "contrast"
    assert again.value("projector/mode") == "ranking"
    assert again.value("projector/screen") == "Projector"


# --- two screens, in child processes --------------------------------------------------------------


def run_app(*arguments: str, screens: str | None, tmp_path: Path) -> list[dict[str, object]]:
    platform = "offscreen"
    if screens:
        platform += f":configfile={REPO / 'tests' / screens}"
    environment = {
        "QT_QPA_PLATFORM": platform,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = child_processes.run_app(*arguments, env_extra=environment, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


@pytest.fixture
def workshop_file(tmp_path, demo_json) -> Path:
    from facilitator_app.workshop.document import Document
    from facilitator_app.workshop.interchange import read_json_file

    path = tmp_path / "demo.workshop"
    Document.create(path, read_json_file(demo_json)).close()
    return path


def test_smoke_present_with_two_screens_puts_the_wall_full_screen_on_the_second(
    tmp_path, workshop_file
):
    records = run_app(
        "--smoke", "--present", str(workshop_file), screens="screens-two.json", tmp_path=tmp_path
    )
    windows = {record["window"]: record for record in records}
    assert windows["facilitatorWindow"]["screen"] == "Laptop"
    assert windows["wall"] == {
        "window": "wall",
        "screen": "Projector",
        "fullscreen": True,
        "geometry": [1366, 0, 1920, 1080],
    }


def test_smoke_present_with_one_screen_opens_a_window(tmp_path, workshop_file):
    records = run_app(
        "--smoke", "--present", str(workshop_file), screens="screens-one.json", tmp_path=tmp_path
    )
    windows = {record["window"]: record for record in records}
    assert windows["wall"]["screen"] == "Laptop"
    assert windows["wall"]["fullscreen"] is False


def test_smoke_without_present_shows_no_wall(tmp_path, workshop_file):
    records = run_app("--smoke", str(workshop_file), screens="screens-two.json", tmp_path=tmp_path)
    assert [record["window"] for record in records] == ["facilitatorWindow"]


def test_two_screen_behaviour_in_a_child_pytest(tmp_path):
    """Runs test_projector_screens.py in a process whose platform has two screens."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={REPO / 'tests' / 'screens-two.json'}",
        FACILITATOR_TWO_SCREENS="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(REPO / "tests" / "gui" / "projector" / "test_projector_screens.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


def test_publish_highlights_the_changed_words():
    from facilitator_app.gui.projector.paint import changed_spans

    assert changed_spans("Kamerový systém", "Kamerový systém a domácnosti") == [(16, 28)]
    assert changed_spans("Zamezit odlivu z kraje", "Zamezit odlivu hasičů z kraje") == [(15, 21)]
    assert changed_spans("Krátký text", "Úplně jiné věty tady") is None  # mostly new: all of it
    assert changed_spans("Jedna dvě tři", "Jedna tři") is None  # only taken out: all of it
    # Offsets are QTextLayout's UTF-16 units: a character beyond U+FFFF counts twice.
    assert changed_spans("Kamerový 😀 systém", "Kamerový 😀 systém a obce") == [(19, 25)]


def test_the_qt_binding_keeps_none_alive(qapp):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None per void call and aborted the
    app after a few thousand; pyproject.toml excludes it, and this fails if it comes back."""
    size = QSizeF()
    before = sys.getrefcount(None)
    for _ in range(20000):  # more than None's own references at start-up
        size.setWidth(1.0)
    assert sys.getrefcount(None) >= before - 100
