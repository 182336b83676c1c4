"""View ▸ Room link in the facilitator's window: phones (plain HTTP on loopback) follow the
wall's shown snapshot, send remarks and proposals into the moderation queue, vote.

Waits are on conditions (qtbot.waitUntil, signals), never fixed sleeps.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QColor
from room_helpers import Phone, all_text

from facilitator_app.gui.core.session import Focus
from facilitator_app.gui.projector.state import Mode
from facilitator_app.gui.room.phone_view import phone_view
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import SetFields

WAIT = 10_000


@pytest.fixture
def room(window, qtbot):
    """The demo workshop's room, open on loopback, the wall presented in activities mode."""
    link = window.room
    link.port = 0
    window.projector.set_mode(Mode.ACTIVITIES)
    window.start_presenting()
    assert link.open_room("127.0.0.1")
    yield link
    link.close_room()


def joined(room, qtbot, follow: bool = True) -> Phone:
    phone = Phone(room.server.port)
    assert phone.join(room.code) == 200
    if follow:
        phone.follow()
        qtbot.waitUntil(lambda: phone.view is not None, timeout=WAIT)
    return phone


def first_activity(window):
    block = window.session.document.data.blocks[0]
    return block, block.children[0]


def test_the_action_needs_a_workshop_and_the_room_closes_with_it(window_factory, qtbot):
    window = window_factory()
    assert not window.room.action.isEnabled()
    window.open_demo()
    assert window.room.action.isEnabled()
    window.room.port = 0
    assert window.room.open_room("127.0.0.1")
    assert window.room.action.isChecked()
    port = window.room.server.port
    phone = Phone(port)
    assert phone.join(window.room.code) == 200
    window.close_workshop()
    assert window.room.server is None
    assert not window.room.action.isEnabled()
    with pytest.raises(ConnectionRefusedError):
        phone.request("GET", "/state")  # nobody listens any more


def test_phones_follow_the_shown_wall_frozen_stays_frozen_blank_blanks(window, room, qtbot):
    projector = window.projector
    block, activity = first_activity(window)
    phone = joined(room, qtbot)
    window.session.set_focus(Focus("activities", node_id=activity.id))
    qtbot.waitUntil(lambda: phone.view["kind"] == "activities", timeout=WAIT)
    window.session.push(SetFields(Kind.NODE, activity.id, {"text": "Typed live"}), "Typing")
    qtbot.waitUntil(
        lambda: any(item["text"] == "Typed live" for item in phone.view["items"]), timeout=WAIT
    )
    current = [item for item in phone.view["items"] if item.get("current")]
    assert [item["text"] for item in current] == ["Typed live"]
    assert phone.view["heading"] == block_label(projector, block.id)

    projector.freeze()
    window.session.push(SetFields(Kind.NODE, activity.id, {"text": "Not yet shown"}), "Typing")
    assert (
        room.phone_view().items
        == phone_view(projector.shown, projector.mode, projector.blanking, True).items
    )
    assert "Not yet shown" not in all_text(room.phone_view().public())
    projector.publish()
    qtbot.waitUntil(lambda: "Not yet shown" in all_text(phone.view), timeout=WAIT)
    assert "Typed live" not in all_text(phone.view)

    projector.black_action.trigger()
    qtbot.waitUntil(lambda: phone.view["kind"] == "blank", timeout=WAIT)
    projector.black_action.trigger()
    qtbot.waitUntil(lambda: phone.view["kind"] == "activities", timeout=WAIT)
    projector.stop_presenting()
    qtbot.waitUntil(lambda: phone.view["kind"] == "waiting", timeout=WAIT)
    phone.stop()


def block_label(projector, block_id):
    outline = projector.shown.outline
    return outline.rows[outline.index[block_id]].text


def test_the_vision_view_has_the_current_paragraph_and_no_names(window, room, qtbot):
    projector = window.projector
    projector.set_mode(Mode.THEME)
    theme = window.session.document.data.themes[0]
    window.session.set_focus(Focus("vision", theme_id=theme.id, paragraph=0))
    phone = joined(room, qtbot)
    qtbot.waitUntil(lambda: phone.view["kind"] == "vision", timeout=WAIT)
    assert phone.view["heading"] == theme.name
    assert phone.view["current"] == 0
    text = all_text(phone.view)
    for attendee in window.session.document.data.attendees:
        assert attendee.name not in text
    for remark in theme.remarks:
        if remark.author:
            assert remark.author not in text
    phone.stop()


def test_a_remark_waits_for_the_facilitator_and_enter_accepts_it_as_one_step(window, room, qtbot):
    dock = room.dock
    theme = window.projector.shown.current_theme
    document = window.session.document
    before = len(document.theme(theme.id).remarks)
    phone = joined(room, qtbot, follow=False)
    assert phone.send("remark", "<b>Buses</b> at night") == 200
    qtbot.waitUntil(lambda: dock.queue.count() == 1, timeout=WAIT)
    assert len(document.theme(theme.id).remarks) == before  # nothing without the facilitator
    assert "<b>Buses</b> at night" in dock.queue.item(0).text()  # plain text, as sent
    dock.queue.setFocus()
    undo_count = window.session.undo_stack.count()
    qtbot.keyClick(dock.queue, Qt.Key.Key_Return)
    remarks = document.theme(theme.id).remarks
    assert remarks[-1].text == "<b>Buses</b> at night"
    assert remarks[-1].author == ""
    assert window.session.undo_stack.count() == undo_count + 1
    assert dock.queue.count() == 0
    window.session.undo_stack.undo()
    assert len(document.theme(theme.id).remarks) == before


def test_a_proposal_is_accepted_into_its_block_and_another_rejected(window, room, qtbot):
    dock = room.dock
    block, activity = first_activity(window)
    window.session.set_focus(Focus("activities", node_id=activity.id))
    phone = joined(room, qtbot, follow=False)
    children = len(block.children)
    assert phone.send("activity", "Night buses to the villages") == 200
    assert phone.send("activity", "Spam") == 200
    qtbot.waitUntil(lambda: dock.queue.count() == 2, timeout=WAIT)
    dock.queue.setCurrentRow(1)
    qtbot.keyClick(dock.queue, Qt.Key.Key_Delete)
    assert dock.queue.count() == 1
    dock.accept_button.click()
    assert len(block.children) == children + 1
    assert block.children[-1].text == "Night buses to the villages"
    assert all(child.text != "Spam" for child in block.children)


def test_a_vote_from_the_phones_is_revealed_and_added_to_the_tallies_in_one_step(
    window, room, qtbot
):
    dock = room.dock
    _block, activity = first_activity(window)
    window.session.set_focus(Focus("activities", node_id=activity.id))
    phones = [joined(room, qtbot) for _ in range(3)]
    dock.dots.setValue(2)
    dock.open_vote_button.click()
    ballot = room.ballot
    assert ballot is not None
    assert ballot.dots == 2
    keys = [item.key for item in ballot.items]
    for phone in phones:
        qtbot.waitUntil(lambda phone=phone: phone.vote_state is not None, timeout=WAIT)
        assert "results" not in phone.vote_state
    assert phones[0].vote(keys[:2]) == 200
    assert phones[1].vote(keys[:1]) == 200
    assert phones[2].vote(keys[1:2]) == 200
    qtbot.waitUntil(lambda: room.voters == 3, timeout=WAIT)
    assert not dock.results.isVisibleTo(dock)  # hidden until revealed
    paper = {key: room.paper_votes(key) for key in keys}
    dock.reveal_button.click()
    for phone in phones:
        qtbot.waitUntil(lambda phone=phone: "results" in (phone.vote_state or {}), timeout=WAIT)
    assert phones[0].vote_state["results"][keys[0]] == 2
    assert dock.results.count() == len(keys)
    undo_count = window.session.undo_stack.count()
    dock.add_button.click()
    assert window.session.undo_stack.count() == undo_count + 1
    assert room.paper_votes(keys[0]) == paper[keys[0]] + 2
    assert room.paper_votes(keys[1]) == paper[keys[1]] + 2
    assert not dock.add_button.isEnabled()
    window.session.undo_stack.undo()
    assert room.paper_votes(keys[0]) == paper[keys[0]]
    dock.end_vote_button.click()
    qtbot.waitUntil(lambda: phones[0].vote_state is None, timeout=WAIT)
    for phone in phones:
        phone.stop()


def test_the_dock_counts_devices_and_rotating_the_code_keeps_them(window, room, qtbot):
    dock = room.dock
    phones = [joined(room, qtbot) for _ in range(2)]
    qtbot.waitUntil(lambda: room.connected == 2, timeout=WAIT)
    assert "2" in dock.devices.text()
    old = room.code
    dock.rotate_button.click()
    assert room.code != old
    assert room.code in dock.status.text()
    assert Phone(room.server.port).join(old) == 403
    phones[0].stop()
    qtbot.waitUntil(lambda: room.connected == 1, timeout=WAIT)
    dock.close_button.click()
    qtbot.waitUntil(phones[1].closed.is_set, timeout=WAIT)
    assert room.server is None
    assert not room.action.isChecked()


def test_the_wall_shows_the_way_in_large_then_in_a_corner_and_never_when_blank(window, room, qtbot):
    projector = window.projector
    size = QSizeF(1280, 720)
    sign = projector.renderer.join_sign
    assert sign is not None
    assert sign.code == room.code
    assert sign.large
    image = projector.render_image(size)
    assert QColor(image.pixel(640, 100)) == QColor("#ffffff")  # the panel, in the middle
    room.dock.corner_box.setChecked(True)
    assert not projector.renderer.join_sign.large
    corner = projector.render_image(size)
    assert QColor(corner.pixel(1280 - 40, 40)) == QColor("#ffffff")  # top right
    projector.black_action.trigger()
    blank = projector.render_image(size)
    assert QColor(blank.pixel(1280 - 40, 40)) == QColor("#000000")
    projector.black_action.trigger()
    room.dock.sign_box.setChecked(False)
    assert projector.renderer.join_sign is None
    room.close_room()
    assert projector.renderer.join_sign is None


def test_the_command_line_opens_the_room_link_and_serves_the_page(tmp_path):
    import child_processes

    from facilitator_app.cli import gui_parser

    assert gui_parser().parse_args(["--room-link"]).room_link == ""
    assert gui_parser().parse_args(["--room-link", "127.0.0.1"]).room_link == "127.0.0.1"
    assert gui_parser().parse_args([]).room_link is None
    result = child_processes.run_app(
        "--demo", "--smoke", "--room-link", "127.0.0.1", tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "room link at http://127.0.0.1:" in result.stderr
    assert " bytes page)" in result.stderr
