"""Sixty phones on loopback at once (plain HTTP clients, bounded in count and time): all join,
all follow the wall as the facilitator types, all send remarks, and every accepted remark is
in the file.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from room_helpers import Phone

from facilitator_app.gui.core.session import Focus
from facilitator_app.gui.projector.state import Mode
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import SetFields

DEVICES = 60
REMARKS_EACH = 2
WAIT = 60_000


def test_sixty_phones_join_follow_send_and_every_accepted_remark_is_in_the_file(window, qtbot):
    room = window.room
    room.port = 0
    session = window.session
    activity = session.document.data.blocks[0].children[0]
    window.projector.set_mode(Mode.ACTIVITIES)
    session.set_focus(Focus("activities", node_id=activity.id))
    window.start_presenting()
    assert room.open_room("127.0.0.1")
    try:
        phones = [Phone(room.server.port) for _ in range(DEVICES)]
        with ThreadPoolExecutor(8) as pool:
            assert list(pool.map(lambda phone: phone.join(room.code), phones)) == [200] * DEVICES
        for phone in phones:
            phone.follow()
        qtbot.waitUntil(lambda: room.connected == DEVICES, timeout=WAIT)

        for typed in ("Load", "Load test", "Load test typed"):
            session.push(SetFields(Kind.NODE, activity.id, {"text": typed}), "Typing")

        def everyone_sees_the_last_keystroke():
            return all(
                phone.view and any(i["text"] == typed for i in phone.view.get("items", ()))
                for phone in phones
            )

        qtbot.waitUntil(everyone_sees_the_last_keystroke, timeout=WAIT)

        jobs = [
            (phone, f"Remark {n} from phone {p}")
            for p, phone in enumerate(phones)
            for n in range(REMARKS_EACH)
        ]
        texts = [text for _, text in jobs]
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda job: job[0].send("remark", job[1]), jobs))
        assert answers == [200] * len(jobs)
        qtbot.waitUntil(lambda: len(room.pending) == len(texts), timeout=WAIT)
        theme_id = room.pending[0].theme_id
        for submission in list(room.pending):
            assert room.accept(submission)
        assert room.pending == []

        session.document.flush()
        reopened = Document.open(session.document.path)
        try:
            stored = {remark.text for remark in reopened.theme(theme_id).remarks}
        finally:
            reopened.storage.close()
        assert set(texts) <= stored
    finally:
        room.close_room()
    for phone in phones:
        phone.stop()
