"""The room link's server without Qt: joining, following, sending, voting, and what it refuses.

Every server here listens on 127.0.0.1 and a free port; every request loop is bounded.
"""

from __future__ import annotations

import threading
import time

import pytest
from room_helpers import Phone, all_text, raw_exchange, wait_for

from facilitator_app.paths import resources_dir
from facilitator_app.room.codes import (
    ALPHABET,
    CODE_LENGTH,
    codes_match,
    new_code,
    normalise_code,
    token_hash,
)
from facilitator_app.room.interfaces import ranked
from facilitator_app.room.limits import Bucket, Limits, clean_text
from facilitator_app.room.server import RoomServer, Submission, VotesChanged, page_files
from facilitator_app.room.view import Ballot, BallotItem, PhoneItem, PhoneView

VIEW = PhoneView(
    kind="vision",
    language="en",
    title="Liberec 2026",
    heading="Mobility",
    paragraphs=("First paragraph.", "Second paragraph."),
    current=1,
    theme_id=7,
    theme_name="Mobility",
    block_id=3,
    block_name="Mobility block",
)


class Events:
    """What the server told its window, from the server's thread."""

    def __init__(self) -> None:
        self.items: list[object] = []
        self.lock = threading.Lock()

    def __call__(self, event: object) -> None:
        with self.lock:
            self.items.append(event)

    def of(self, kind: type) -> list:
        with self.lock:
            return [event for event in self.items if isinstance(event, kind)]


@pytest.fixture
def events() -> Events:
    return Events()


@pytest.fixture
def server(events: Events):
    room = RoomServer("127.0.0.1", 0, on_event=events, files=page_files(resources_dir() / "room"))
    room.start()
    room.publish(VIEW)
    yield room
    room.stop()


def joined(server: RoomServer) -> Phone:
    phone = Phone(server.port)
    assert phone.join(server.code) == 200
    return phone


# --- codes, tokens, limits ----------------------------------------------------------------------


def test_room_codes_avoid_look_alikes_and_are_typed_loosely() -> None:
    for character in "0O1IL":
        assert character not in ALPHABET
    codes = {new_code() for _ in range(200)}
    assert len(codes) > 190
    assert all(len(code) == CODE_LENGTH and set(code) <= set(ALPHABET) for code in codes)
    assert normalise_code(" ab-c d ") == "ABCD"
    assert codes_match("k7q f3m", "K7QF3M")
    assert not codes_match("K7QF3", "K7QF3M")
    assert token_hash("x") != "x"
    assert len(token_hash("x")) == 64


def test_a_bucket_refills_at_its_rate() -> None:
    bucket = Bucket(2, 60.0)  # one a second
    start = time.monotonic()
    assert bucket.take(start)
    assert bucket.take(start)
    assert not bucket.take(start + 0.5)
    assert bucket.take(start + 1.0)


def test_texts_are_cleaned_and_bounded() -> None:
    assert clean_text("  a\x00b\n\tc  ", 10) == "a b c"
    assert clean_text("\n\x07 ", 10) is None
    assert clean_text("x" * 11, 10) is None


def test_private_real_adapters_come_first_virtual_and_loopback_last() -> None:
    listed = ranked(
        [
            ("lo", "127.0.0.1"),
            ("docker0", "172.17.0.1"),
            ("vEthernet (WSL)", "172.20.0.1"),
            ("wlan0", "192.168.1.23"),
            ("eth1", "169.254.3.4"),  # link-local: no phone reaches it
        ]
    )
    assert [i.name for i in listed] == ["wlan0", "docker0", "vEthernet (WSL)", "lo"]


# --- joining and following ---------------------------------------------------------------------


def test_the_page_is_served_with_a_strict_policy_and_no_inline_script(server) -> None:
    status, page, response = Phone(server.port).request("GET", "/")
    assert status == 200
    assert response.getheader("Content-Type").startswith("text/html")
    policy = response.getheader("Content-Security-Policy")
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert b'<script src="/phone.js"' in page
    assert b"<script>" not in page
    assert b"http" not in page.split(b"</head>")[0].lower()
    for path in ("/phone.js", "/phone.css"):
        assert Phone(server.port).request("GET", path)[0] == 200


def test_a_phone_joins_with_the_code_and_follows_the_view(server, events) -> None:
    phone = Phone(server.port)
    assert phone.request("GET", "/state")[1] == {"joined": False, "lang": "en"}
    assert phone.join(server.code.lower()) == 200
    assert phone.cookie is not None
    assert phone.cookie.startswith("room=")
    token = phone.cookie.split("=", 1)[1]
    assert token not in repr(server._state.devices)  # only its hash is kept
    assert token_hash(token) in server._state.devices
    assert phone.request("GET", "/state")[1]["joined"] is True
    phone.follow()
    wait_for(lambda: phone.view is not None)
    assert phone.view["paragraphs"] == ["First paragraph.", "Second paragraph."]
    assert phone.view["current"] == 1
    assert "theme_id" not in phone.view
    assert "7" not in str(phone.view.get("remark_on"))
    wait_for(lambda: server.counts().connected == 1)
    server.publish(PhoneView(kind="blank", language="en"))
    wait_for(lambda: phone.view["kind"] == "blank")
    assert set(phone.view) == {"kind", "lang"}  # a blank wall sends nothing else
    phone.stop()
    wait_for(lambda: server.counts().connected == 0)


def test_a_rotated_code_lets_nobody_new_in_and_keeps_who_joined(server) -> None:
    phone = joined(server)
    old = server.code
    new = server.rotate_code()
    assert new != old
    assert Phone(server.port).join(old) == 403
    assert phone.request("GET", "/state")[1]["joined"] is True
    assert Phone(server.port).join(new) == 200


def test_closing_the_room_tells_the_phones_and_forgets_every_token(events) -> None:
    files = page_files(resources_dir() / "room")
    room = RoomServer("127.0.0.1", 0, on_event=events, files=files)
    room.start()
    phone = joined(room)
    phone.follow()
    wait_for(phone.streaming.is_set)
    room.stop()
    wait_for(phone.closed.is_set)
    # The same token is refused by the next room, on the same port.
    again = RoomServer("127.0.0.1", room.port, on_event=events, files=files)
    again.start()
    try:
        assert phone.request("GET", "/state")[1]["joined"] is False
        assert phone.send("remark", "replayed") == 401
    finally:
        again.stop()


# --- sending and voting --------------------------------------------------------------------------


def test_a_remark_and_a_proposal_reach_the_window_with_their_targets(server, events) -> None:
    phone = joined(server)
    assert phone.send("remark", "  More buses\nat night  ") == 200
    assert phone.send("activity", "<script>alert(1)</script>") == 200
    wait_for(lambda: len(events.of(Submission)) == 2)
    remark, activity = events.of(Submission)
    assert (remark.kind, remark.text, remark.theme_id, remark.block_id) == (
        "remark",
        "More buses at night",
        7,
        None,
    )
    assert (activity.kind, activity.block_id, activity.target) == ("activity", 3, "Mobility block")
    assert activity.text == "<script>alert(1)</script>"  # kept as text; shown as text only


def test_a_device_sending_too_fast_is_slowed_down(server) -> None:
    phone = joined(server)
    answers = [phone.send("remark", f"remark {n}") for n in range(Limits().send_burst + 2)]
    assert answers[: Limits().send_burst] == [200] * Limits().send_burst
    assert answers[-1] == 429


def test_one_vote_set_per_device_hidden_until_revealed(server, events) -> None:
    ballot = Ballot(
        (
            BallotItem("node:1", "Buses"),
            BallotItem("node:2", "Trams"),
            BallotItem("node:3", "Bikes"),
        ),
        dots=2,
    )
    first, second = joined(server), joined(server)
    assert first.vote(["node:1"]) == 409  # no vote open
    first.follow()
    server.open_vote(ballot)
    wait_for(lambda: first.vote_state is not None)
    assert first.vote_state["dots"] == 2
    assert "results" not in first.vote_state
    assert first.vote(["node:1", "node:2", "node:3"]) == 422  # more dots than it has
    assert first.vote(["node:1", "node:1"]) == 422
    assert first.vote(["node:9"]) == 422  # not on the ballot
    assert first.vote(["node:1", "node:2"]) == 200
    assert first.vote(["node:1", "node:3"]) == 200  # replaces its own
    assert second.vote(["node:1"]) == 200
    wait_for(lambda: events.of(VotesChanged) and events.of(VotesChanged)[-1].voters == 2)
    wait_for(lambda: first.vote_state.get("mine") == ["node:1", "node:3"])
    assert "results" not in first.vote_state
    assert server.tally() == {"node:1": 2, "node:2": 0, "node:3": 1}
    server.reveal_vote()
    wait_for(lambda: "results" in first.vote_state)
    assert first.vote_state["results"] == {"node:1": 2, "node:2": 0, "node:3": 1}
    assert second.vote(["node:2"]) == 409  # revealed: the vote is over
    assert server.close_vote() == {"node:1": 2, "node:2": 0, "node:3": 1}
    wait_for(lambda: first.vote_state is None)
    first.stop()


def test_views_carry_no_names_and_only_what_they_hold() -> None:
    view = PhoneView(
        kind="activities",
        title="T",
        items=(PhoneItem("A", votes=None), PhoneItem("B", code="1.1", votes=3, current=True)),
        theme_id=1,
        theme_name="Theme",
    )
    shown = view.public()
    assert shown["items"] == [
        {"text": "A", "depth": 0},
        {"text": "B", "depth": 0, "code": "1.1", "votes": 3, "current": True},
    ]
    assert "theme_id" not in all_text(shown)
    assert shown["propose_in"] is None


# --- hostile requests ----------------------------------------------------------------------------


def test_oversized_bodies_headers_and_lines_are_refused(server) -> None:
    phone = joined(server)
    assert (
        phone.request(
            "POST",
            "/send",
            raw=b"{" + b"x" * 10_000 + b"}",
            headers={"Content-Type": "application/json"},
        )[0]
        == 413
    )
    assert phone.send("remark", "x" * 401) == 422
    assert phone.request("GET", "/state", headers={"X-Big": "y" * 9000})[0] in (400, 431)
    answer = raw_exchange(server.port, b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert answer[9:12] in (b"400", b"414")


def test_malformed_requests_are_refused(server) -> None:
    phone = joined(server)
    json_headers = {"Content-Type": "application/json"}
    for body in (b"not json", b"[1, 2]", b"\xff\xfe", b'{"kind": "remark"}', b"[" * 4000):
        assert phone.request("POST", "/send", raw=body, headers=json_headers)[0] == 400
    assert (
        phone.request("POST", "/send", raw=b'{"kind":"poem","text":"x"}', headers=json_headers)[0]
        == 400
    )
    assert (
        phone.request(
            "POST",
            "/join",
            raw=b"code=ABC",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )[0]
        == 415
    )
    for garbage in (b"\x16\x03\x01 garbage\r\n\r\n", b"BREW /pot HTCPCP/1.0\r\n\r\n"):
        assert raw_exchange(server.port, garbage)[9:12] == b"400"


def test_other_hosts_and_origins_are_refused(server) -> None:
    phone = joined(server)
    # DNS rebinding: another name that resolves to this address.
    assert phone.request("GET", "/state", headers={"Host": "evil.example:80"})[0] == 421
    assert (
        phone.request(
            "POST",
            "/send",
            {"kind": "remark", "text": "x"},
            headers={"Origin": "http://evil.example"},
        )[0]
        == 403
    )


def test_forged_and_replayed_tokens_are_refused(server) -> None:
    phone = joined(server)
    forged = Phone(server.port)
    for cookie in (
        "room=" + "A" * 43,
        "room=" + phone.cookie.split("=", 1)[1][:-1] + "x",
        "room=" + token_hash(phone.cookie.split("=", 1)[1]),  # the stored hash is no key
        'room="; other=1',
        "room=" + "x" * 5000,
    ):
        forged.cookie = cookie
        refused = (401, 400) if len(cookie) > 4096 else (401,)  # too long for a header at all
        assert forged.send("remark", "forged") in refused
        assert forged.request("GET", "/events")[0] in refused


def test_wrong_codes_are_rate_limited(server) -> None:
    stranger = Phone(server.port)
    answers = [stranger.join("AAAAAA" if server.code != "AAAAAA" else "BBBBBB") for _ in range(12)]
    assert answers[:10] == [403] * 10
    assert answers[-1] == 429
    assert stranger.join(server.code) == 429  # even the right one, until it cools down


def test_no_files_no_listing_no_other_methods(server) -> None:
    phone = joined(server)
    for path in (
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/static/",
        "/resources/room/",
        "/index.html",
        "/phone.js/../../paths.py",
        "/.git/config",
    ):
        assert phone.request("GET", path)[0] == 404, path
    assert phone.request("DELETE", "/")[0] == 405
    assert phone.request("PUT", "/join", {"code": "x"})[0] == 405


def test_streams_per_device_are_bounded(server) -> None:
    phone = joined(server)
    streams = [Phone(server.port) for _ in range(Limits().max_streams + 1)]
    for stream in streams:
        stream.cookie = phone.cookie
    for stream in streams[:-1]:
        stream.follow()
        wait_for(stream.streaming.is_set)
    streams[-1].follow()
    wait_for(lambda: streams[-1].status is not None)
    assert streams[-1].status == 429
    for stream in streams:
        stream.stop()
