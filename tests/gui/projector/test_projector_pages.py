"""Long pages on the wall: sheets at a size readable from the back, and colours by contrast.

A page that does not fit at the readable floor (capitals 32 px tall at 1080 lines) is cut into
sheets that together show every line once, each with a "▼ 2/3" mark; the wall shows the
current item's sheet and pages on Page Down/Up. The palettes meet WCAG 2 contrast ratios.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QLineEdit

from facilitator_app.gui.projector.builder import StateBuilder
from facilitator_app.gui.projector.changes import changed_keys, previous_texts
from facilitator_app.gui.projector.look import (
    HIGHLIGHT_ROLES,
    ON_HIGHLIGHT,
    PALETTES,
    STYLES,
    TEXT_ROLES,
)
from facilitator_app.gui.projector.measure import PageLayout
from facilitator_app.gui.projector.renderer import WallRenderer
from facilitator_app.gui.projector.state import Mode, WallFocus, WallState
from facilitator_app.workshop.events import FieldsChanged, Kind
from facilitator_app.workshop.model import Node
from facilitator_app.workshop.operations import InsertNodes, RemoveNodes

FULL_HD = QSizeF(1920, 1080)
FLOOR_CAP = 32  # px at 1080 lines

SENTENCE = "Kraj podporuje obce, hasiče a dobrovolníky v přípravě na mimořádné události. "


def long_vision() -> str:
    """Twelve paragraphs, one of them taller than a sheet."""
    paragraphs = [SENTENCE * (1 + n % 5) for n in range(11)]
    paragraphs.insert(6, SENTENCE * 40)
    return "\n\n".join(paragraphs)


def add_activities(session, count: int) -> list[Node]:
    """``count`` activities under the first block: short and long, nested two levels deep,
    one of them taller than a sheet."""
    document = session.document
    block = document.data.blocks[0]
    made: list[Node] = []
    tops: list[Node] = []
    while len(made) < count:
        n = len(made)
        text = f"Aktivita {n}: " + SENTENCE * (n % 4) if n != 150 else SENTENCE * 30
        node = Node(document.new_id(Kind.NODE), text.strip(), votes=n % 3)
        made.append(node)
        if tops and n % 3:
            node.parent = tops[-1]
            tops[-1].children.append(node)
        else:
            tops.append(node)
    session.push(InsertNodes(block.id, len(block.children), tuple(tops)), "Add")
    return made


@pytest.fixture
def long_state(session) -> WallState:
    theme = session.document.data.themes[0]
    session.set_text(Kind.THEME, theme.id, "vision", long_vision(), "Typing")
    add_activities(session, 300)
    builder = StateBuilder(session.document)
    return builder.rebuild()


def sheets_of(renderer: WallRenderer, state: WallState, mode: Mode) -> list[PageLayout]:
    first = renderer.layout(state, mode, FULL_HD)
    return [renderer.sheet_layout(state, mode, FULL_HD, n) for n in range(first.sheets)]


def capitals(renderer: WallRenderer, pixels: int, bold: bool) -> float:
    """The cap height at ``pixels``, to a thousandth (Qt rounds it to the pixel)."""
    return QFontMetricsF(renderer.font(1000, bold)).capHeight() / 1000 * pixels


@pytest.mark.parametrize("mode", [Mode.VISION, Mode.ACTIVITIES])
def test_a_long_page_at_1080p_is_cut_into_readable_sheets_showing_every_line_once(
    qapp, long_state, mode
):
    renderer = WallRenderer()
    sheets = sheets_of(renderer, long_state, mode)
    assert len(sheets) > 1
    blocks = renderer.page(long_state, mode).blocks
    if mode is Mode.ACTIVITIES:
        assert len(blocks) > 300  # every activity, and the blocks' headings
    shown: Counter[tuple[int, int]] = Counter()
    for number, sheet in enumerate(sheets):
        assert not sheet.fits
        assert (sheet.sheet, sheet.sheets) == (number, len(sheets))
        more = number < len(sheets) - 1
        assert sheet.mark == f"{'▼ ' if more else ''}{number + 1}/{len(sheets)}"
        assert capitals(renderer, renderer.floor_px(1080), False) >= FLOOR_CAP
        assert sheet.placed, number
        for placed in sheet.placed:
            bold = STYLES[placed.block.style].bold
            assert capitals(renderer, placed.size, bold) >= FLOOR_CAP, placed.block.text[:40]
            assert placed.rect.top() >= sheet.content.top() - 0.5
            assert placed.rect.bottom() <= sheet.mark_rect.top() + 0.5  # above the mark
            assert placed.laid.width <= placed.rect.width() + 0.5  # no line wider than its column
            count = placed.laid.layout.lineCount()
            lines = count if placed.lines is None else placed.lines
            for line in range(placed.first_line, placed.first_line + lines):
                shown[(placed.index, line)] += 1
    base, floor = sheets[0].base, renderer.floor_px(1080)
    width = sheets[0].content.width()
    every_line = Counter(
        (index, line)
        for index in range(len(blocks))
        for line in range(renderer.measure(blocks[index], base, width, floor).layout.lineCount())
    )
    assert shown == every_line  # each line on exactly one sheet, none left out
    assert any(p.lines is not None for s in sheets for p in s.placed)  # one block was cut


def test_the_wall_shows_the_current_items_sheet_and_stays_where_it_was_turned(
    qapp, session, long_state
):
    renderer = WallRenderer()
    builder = StateBuilder(session.document)
    builder.rebuild()
    rows = long_state.outline.rows
    late = rows[-1].id
    state = builder.set_focus(WallFocus("activities", node_id=late))
    shown = renderer.layout(state, Mode.ACTIVITIES, FULL_HD)
    assert shown.sheet == shown.sheets - 1  # the last activity is on the last sheet
    assert any(p.index == shown.current for p in shown.placed)
    assert renderer.turn_page(state, Mode.ACTIVITIES, FULL_HD, -1)
    turned = renderer.layout(state, Mode.ACTIVITIES, FULL_HD)
    assert turned.sheet == shown.sheet - 1
    assert not renderer.turn_page(state, Mode.ACTIVITIES, FULL_HD, 0)
    # Typing in the same item keeps the sheet turned to…
    session.set_text(Kind.NODE, late, "text", "Upraveno", "Typing")
    state = builder.apply(FieldsChanged(Kind.NODE, late, frozenset({"text"})))
    assert renderer.layout(state, Mode.ACTIVITIES, FULL_HD).sheet == turned.sheet
    # …moving to another item follows it to its sheet.
    state = builder.set_focus(WallFocus("activities", node_id=rows[1].id))
    assert renderer.layout(state, Mode.ACTIVITIES, FULL_HD).sheet == 0
    for _ in range(shown.sheets + 2):
        renderer.turn_page(state, Mode.ACTIVITIES, FULL_HD, 1)
    last = renderer.layout(state, Mode.ACTIVITIES, FULL_HD)
    assert last.sheet == last.sheets - 1  # and no further


def test_sheets_cut_again_after_changes_are_those_cut_afresh(qapp, session):
    """After a keystroke only the changed blocks are measured and the sheets are cut again
    from the change until they fall in with the old ones: that must give what cutting the
    whole page afresh gives, whatever the change."""
    nodes = add_activities(session, 400)
    document = session.document
    builder = StateBuilder(document)
    state = builder.rebuild()
    kept = WallRenderer()
    kept.layout(state, Mode.ACTIVITIES, FULL_HD)
    chance = random.Random(14)
    for step in range(40):
        node = document.node_index[
            chance.choice([n.id for n in nodes if n.id in document.node_index])
        ]
        what = step % 4
        if what == 0:  # a keystroke that wraps or unwraps a line
            text = node.text + " a další slova" * chance.randint(0, 6)
            session.set_text(Kind.NODE, node.id, "text", text, "Typing")
        elif what == 1:
            session.set_text(Kind.NODE, node.id, "text", "Krátce", "Typing")
        elif what == 2:  # an insertion
            new = Node(document.new_id(Kind.NODE), SENTENCE * chance.randint(1, 25))
            parent = node.parent
            assert parent is not None
            session.push(InsertNodes(parent.id, node.position, (new,)), "Add")
            nodes.append(new)
        else:
            session.push(RemoveNodes((node.id,)), "Remove")
        state = builder.rebuild()
        kept.layout(state, Mode.ACTIVITIES, FULL_HD)
        fresh = WallRenderer()
        fresh.layout(state, Mode.ACTIVITIES, FULL_HD)
        assert kept._paging[Mode.ACTIVITIES].starts == fresh._paging[Mode.ACTIVITIES].starts, step


def test_zooming_in_pages_instead_of_cutting_text_off(qapp, long_state):
    renderer = WallRenderer()
    normal = renderer.layout(long_state, Mode.VISION, FULL_HD).sheets
    renderer.set_zoom(1.12**4)
    sheets = sheets_of(renderer, long_state, Mode.VISION)
    assert len(sheets) > normal
    for sheet in sheets:
        for placed in sheet.placed:
            assert placed.rect.bottom() <= sheet.mark_rect.top() + 0.5


# --- colours by contrast --------------------------------------------------------------------------


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    rgb = QColor(colour)
    red, green, blue = (linear(c) for c in (rgb.redF(), rgb.greenF(), rgb.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_ratio_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_wall_colour_holds_its_contrast_on_a_washed_out_projector(name):
    palette = PALETTES[name]
    background = palette.background
    low = []
    for role in TEXT_ROLES:  # text on the background
        if contrast(getattr(palette, role), background) < 4.5:
            low.append(f"{role} on background")
    for role in HIGHLIGHT_ROLES:  # what marks the current item, changes, bars
        if contrast(getattr(palette, role), background) < 3.0:
            low.append(f"{role} against background")
    for highlight, text in ON_HIGHLIGHT.items():  # text on each highlight
        if contrast(getattr(palette, text), getattr(palette, highlight)) < 4.5:
            low.append(f"{text} on {highlight}")
    assert not low, f"{name}: " + ", ".join(low)


def test_the_current_item_and_changed_words_are_drawn_in_their_colours(qapp, session):
    """The band and the changed words are painted in the palette's highlight colours, the text
    on them in the colours made for them (so the ratios above are what the room sees)."""
    builder = StateBuilder(session.document)
    builder.rebuild()
    node = session.document.data.blocks[0].children[0]
    before = builder.set_focus(WallFocus("activities", node_id=node.id))
    session.set_text(Kind.NODE, node.id, "text", node.text + " a obce", "Typing")
    after = builder.apply(FieldsChanged(Kind.NODE, node.id, frozenset({"text"})))
    keys = changed_keys(before, after)
    renderer = WallRenderer()
    size = QSizeF(960, 540)
    for name, palette in PALETTES.items():
        renderer.set_palette(name)
        image = QImage(960, 540, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        layout = renderer.paint(
            painter,
            size,
            after,
            Mode.ACTIVITIES,
            highlights=dict.fromkeys(keys, 1.0),
            previous=previous_texts(before, keys),
        )
        painter.end()
        assert layout is not None
        current = next(p for p in layout.placed if p.index == layout.current)
        colours = Counter(
            image.pixelColor(x, y).name()
            for y in range(int(current.rect.top()), int(current.rect.bottom()))
            for x in range(int(current.rect.left()), int(current.rect.right()), 2)
        )
        for wanted in (palette.current, palette.on_current, palette.changed):
            assert colours[wanted] > 0, (name, wanted)


# --- in the facilitator's window: keys, and the frozen hint ---------------------------------------


def test_page_down_and_up_turn_the_walls_sheets_while_presenting(window, qtbot):
    projector = window.projector
    page = window.page("activities")
    block = page.model.index(0, 0)
    page.select(page.model.index(0, 0, block))  # the first activity: the first sheet
    page.view.setFocus()
    window.activateWindow()
    qtbot.waitActive(window)

    def sheet() -> PageLayout:
        return projector.renderer.layout(projector.shown, projector.mode, projector.wall_size())

    assert sheet().sheets > 1
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_PageDown)
    assert sheet().sheet == 0  # not presenting: Page Down is the tree's own
    with qtbot.waitSignal(projector.placement_changed):
        projector.start_presenting()
    wall = projector.wall
    qtbot.waitUntil(wall.isActiveWindow)  # one screen: the wall is in front
    qtbot.keyClick(wall.windowHandle(), Qt.Key.Key_PageDown)
    assert sheet().sheet == 1
    assert sheet().mark.startswith("▼ 2/")
    window.activateWindow()
    qtbot.waitActive(window)
    page.view.setFocus()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_PageDown)  # from the facilitator's window
    assert sheet().sheet == 2
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_PageUp)
    assert sheet().sheet == 1
    page.view.edit(page.view.currentIndex())
    editor = page.view.findChild(QLineEdit)
    assert editor is not None
    assert editor.hasFocus()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_PageDown)  # a text field keeps it
    assert sheet().sheet == 1
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    # Moving to another item: the wall follows it to its sheet.
    with qtbot.waitSignal(projector.shown_changed):
        page.select(page.model.index(1, 0, block))
    assert sheet().sheet == 0


def test_the_frozen_status_names_the_key_that_publishes_while_typing(window):
    projector = window.projector
    projector.freeze()
    text = projector.status_label.text()
    assert "Ctrl+Shift+F publishes your changes" in text
    assert "F on the wall or its preview" in text
    assert "Ctrl+Shift+F anywhere" in projector.freeze_action.toolTip()


def test_help_lists_the_walls_new_keys(window):
    from facilitator_app.gui.dialogs.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    table = dialog.table
    rows = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert rows["View ▸ Projector ▸ Wall full screen"] == "Shift+F5"
    assert rows["View ▸ Projector ▸ Next wall page"] == "PgDown"
    assert rows["View ▸ Projector ▸ Previous wall page"] == "PgUp"
    dialog.deleteLater()


def test_the_activities_mode_shows_the_codes_when_asked(qapp, session):
    """View ▸ Show activity codes: each line of the activities mode opens with its code, and
    a line whose code changed (an insert above it) is measured again."""
    renderer = WallRenderer()
    builder = StateBuilder(session.document)
    state = builder.rebuild()
    block = session.document.data.blocks[0]
    first = block.children[0]
    plain = renderer.page(state, Mode.ACTIVITIES)
    assert plain.blocks[1].text == first.text
    state = builder.set_codes_shown(True)
    assert state.codes_shown
    coded = renderer.page(state, Mode.ACTIVITIES)
    gap = "\u00a0\u00a0"
    assert coded.blocks[0].text.startswith(f"1{gap}")  # the block's number
    assert coded.blocks[1].text == f"1.1{gap}{first.text}"
    assert coded.blocks[2].text == f"1.1.1{gap}{first.children[0].text}"
    before = coded.tokens()
    heard: list[object] = []

    class Listener:
        def document_about_to_change(self, event: object) -> None:
            pass

        def document_changed(self, event: object) -> None:
            heard.append(event)

    listener = Listener()
    session.document.add_listener(listener)
    node = Node(session.document.new_id(Kind.NODE), "X")
    session.push(InsertNodes(block.id, 0, (node,)), "Add")
    session.document.remove_listener(listener)
    state = builder.apply(heard[-1])  # spliced, as the wall's controller has it
    after = renderer.page(state, Mode.ACTIVITIES)
    assert after.blocks[2].text == f"1.2{gap}{first.text}"
    assert len(after.tokens()) == len(before) + 1
    assert after.tokens()[2] != before[1]  # same row, new code: measured again
    assert builder.set_codes_shown(False).codes_shown is False
