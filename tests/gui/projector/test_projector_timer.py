"""The agenda clock on the wall: the running item's countdown in the bottom right corner.

mm:ss in the normal colour, orange in the last two minutes, red (+mm:ss) once over; in every
mode, not while blanked, not while no item runs; live while the wall is frozen. A second that
passes repaints the corner only, on the wall and in the preview. The clock is injected.
"""

from __future__ import annotations

import pytest
from gui_helpers import MEETING_START, WINDOW_SIZE, FakeNow, clock_by_hand
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMainWindow

from facilitator_app.gui.projector.controller import ProjectorController
from facilitator_app.gui.projector.look import PALETTES
from facilitator_app.gui.projector.state import Blanking, Mode
from facilitator_app.gui.sections.agenda.clock import MeetingClock
from facilitator_app.workshop import agenda

T0 = MEETING_START
WALL = QSizeF(1920, 1080)


@pytest.fixture
def window(window_factory, demo_document) -> QMainWindow:
    return window_factory(demo_document, size=WINDOW_SIZE, wall_mode=Mode.VISION)


@pytest.fixture
def now(window) -> FakeNow:
    return clock_by_hand(window.session)


@pytest.fixture
def item_id(window) -> int:
    """A programme of three items; the second one (10 minutes) is the one the tests run."""
    session = window.session
    items = [("Zahájení", 5), ("Diskuse o vizi", 10), ("Přestávka", 15)]
    session.push(agenda.insert_agenda_items(session.document, items), "Programme")
    return session.document.data.agenda[1].id


def start(window, item_id: int, now: FakeNow) -> None:
    window.session.push(agenda.start_item(window.session.document, item_id, now()), "Start")


def tick(window, now: FakeNow, **delta: float) -> None:
    now.advance(**delta)
    MeetingClock.of(window.session).tick()


def near(colour: QColor, wanted: QColor, tolerance: int = 60) -> bool:
    return (
        abs(colour.red() - wanted.red())
        + abs(colour.green() - wanted.green())
        + abs(colour.blue() - wanted.blue())
    ) <= tolerance


def pixels(image: QImage, rect: QRectF, step: int = 2) -> list[QColor]:
    box = rect.toAlignedRect().intersected(image.rect())
    return [
        image.pixelColor(x, y)
        for y in range(box.top(), box.bottom() + 1, step)
        for x in range(box.left(), box.right() + 1, step)
    ]


def count(image: QImage, rect: QRectF, colour: str) -> int:
    wanted = QColor(colour)
    return sum(1 for pixel in pixels(image, rect) if near(pixel, wanted))


def corner(projector: ProjectorController) -> QRectF:
    """Where the clock goes on a 1080-line wall (whatever it shows now)."""
    return projector.renderer.clock_area(WALL, "00:00")


# --- shown or not ---------------------------------------------------------------------------------


def test_no_clock_while_no_item_runs(projector, window, now, item_id) -> None:
    clock = MeetingClock.of(window.session)
    assert clock.countdown is None
    assert not clock.timer.isActive()
    assert projector.countdown is None
    assert projector.clock_rect(WALL).isEmpty()
    image = projector.render_image(WALL)
    background = QColor(PALETTES["light"].background)
    assert all(near(p, background, 0) for p in pixels(image, corner(projector)))


def test_the_corner_shows_the_countdown_in_every_mode(projector, window, now, item_id) -> None:
    start(window, item_id, now)
    tick(window, now, seconds=30)
    assert projector.countdown.text == "09:30"
    box = projector.clock_rect(WALL)
    assert box == corner(projector)
    assert box.right() <= WALL.width()
    assert box.bottom() <= WALL.height()
    assert box.left() > WALL.width() / 2
    assert box.top() > WALL.height() * 0.85
    palette = PALETTES["light"]
    for mode in Mode:
        projector.set_mode(mode)
        image = projector.render_image(WALL)
        assert count(image, box, palette.text) > 40, mode  # the digits
        assert count(image, box, palette.warning) == 0, mode
        assert count(image, box, palette.over) == 0, mode
        layout = projector.renderer.layout(projector.shown, mode, WALL)
        # The page keeps clear of the clock: nothing of it is drawn below the room it leaves.
        assert layout.content.bottom() < box.top(), mode
        for placed in layout.placed:
            assert placed.rect.top() < box.top(), mode
    projector.set_blanking(Blanking.BLACK)
    image = projector.render_image(WALL)
    assert all(near(p, QColor("#000000"), 0) for p in pixels(image, box))  # nothing but black
    projector.set_blanking(Blanking.NONE)


def test_the_corner_turns_orange_in_the_last_two_minutes_and_red_when_over(
    projector, window, now, item_id
) -> None:
    palette = PALETTES["light"]
    start(window, item_id, now)
    tick(window, now, minutes=7, seconds=59)
    assert (projector.countdown.text, projector.countdown.phase) == ("02:01", "normal")
    image = projector.render_image(WALL)
    box = projector.clock_rect(WALL)
    assert count(image, box, palette.warning) == 0
    tick(window, now, seconds=1)
    assert (projector.countdown.text, projector.countdown.phase) == ("02:00", "warning")
    image = projector.render_image(WALL)
    assert count(image, box, palette.warning) > 40
    assert count(image, box, palette.over) == 0
    tick(window, now, minutes=2, seconds=7)
    assert (projector.countdown.text, projector.countdown.phase) == ("+00:07", "over")
    image = projector.render_image(WALL)
    assert count(image, box, palette.over) > 200  # a red box
    assert count(image, box, palette.warning) == 0
    # The other themes have their own orange and red.
    projector.set_theme("dark")
    image = projector.render_image(WALL)
    assert count(image, box, PALETTES["dark"].over) > 200


def test_the_clock_stops_ticking_and_leaves_when_the_item_ends(
    projector, window, now, item_id
) -> None:
    clock = MeetingClock.of(window.session)
    before = projector.renderer.layout(projector.shown, Mode.VISION, WALL).content
    start(window, item_id, now)
    assert clock.timer.isActive()
    during = projector.renderer.layout(projector.shown, Mode.VISION, WALL).content
    assert during.bottom() < before.bottom()  # room made for the clock
    tick(window, now, minutes=3)
    window.session.push(agenda.stop_current(window.session.document, now()), "Stop")
    assert not clock.timer.isActive()
    assert projector.countdown is None
    after = projector.renderer.layout(projector.shown, Mode.VISION, WALL).content
    assert after == before  # and given back
    image = projector.render_image(WALL)
    background = QColor(PALETTES["light"].background)
    assert all(near(p, background, 0) for p in pixels(image, corner(projector)))


def test_next_shows_the_next_item_at_once(projector, window, now, item_id, qtbot) -> None:
    start(window, item_id, now)
    tick(window, now, minutes=11)
    assert projector.countdown.phase == "over"
    with qtbot.waitSignal(projector.clock_changed):
        window.session.push(agenda.next_item(window.session.document, now()), "Next")
    assert (projector.countdown.title, projector.countdown.text) == ("Přestávka", "15:00")


def test_a_frozen_wall_keeps_its_clock_running(projector, window, now, item_id) -> None:
    start(window, item_id, now)
    projector.freeze()
    box = projector.clock_rect(WALL)
    first = projector.render_image(WALL).copy(box.toAlignedRect())
    tick(window, now, seconds=1)
    assert projector.countdown.text == "09:59"
    second = projector.render_image(WALL).copy(box.toAlignedRect())
    assert first != second
    assert projector.frozen


# --- repainting: the corner only ------------------------------------------------------------------


def test_a_second_repaints_only_the_corner_of_the_wall_and_the_preview(
    projector, window, now, item_id, qtbot
) -> None:
    start(window, item_id, now)
    projector.start_presenting()
    wall, preview = projector.wall, projector.preview
    qtbot.waitExposed(wall)
    assert preview.isVisible()
    qtbot.waitUntil(lambda: wall.paints > 0 and preview.paints > 0)
    qtbot.wait(120)  # the preview's delayed repaint is done too
    paints, previews = wall.paints, preview.paints
    clock_paints, preview_clock_paints = wall.clock_paints, preview.clock_paints

    with qtbot.waitSignal(projector.clock_changed):
        tick(window, now, seconds=1)
    qtbot.waitUntil(
        lambda: wall.clock_paints > clock_paints and preview.clock_paints > preview_clock_paints
    )
    assert (wall.paints, preview.paints) == (paints, previews)  # no full repaint

    # What the corner alone paints is what a full repaint shows there.
    box = projector.clock_rect(QSizeF(wall.size())).toAlignedRect()
    corner_only = wall.grab(box).toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert wall.clock_paints > clock_paints + 1  # grabbing the corner painted the corner only
    full = projector.render_image(QSizeF(wall.size())).copy(box)
    full = full.convertToFormat(QImage.Format.Format_RGB32)
    assert corner_only == full


def test_the_preview_shows_the_clock(projector, window, now, item_id) -> None:
    preview = projector.preview
    assert preview.isVisible()
    start(window, item_id, now)
    tick(window, now, minutes=9)  # orange
    grabbed = preview.grab().toImage()
    box = projector.clock_rect()
    mapped = QRectF(preview.to_widget(box))
    ratio = grabbed.devicePixelRatio()
    scaled = QRectF(
        mapped.left() * ratio, mapped.top() * ratio, mapped.width() * ratio, mapped.height() * ratio
    )
    assert count(grabbed, scaled, PALETTES["light"].warning) > 3
