"""The room's web server: aiohttp on an asyncio loop in a thread of its own (no Qt here).

Why aiohttp: one well-kept library gives the HTTP server (its own parser, size limits on the
request line, headers and body), streamed responses for server-sent events and a clean
shutdown, and it needs nothing but asyncio, which runs here on a thread beside Qt's event loop
instead of replacing it. The window and the server share no Qt object:

- the window calls this class's methods (``publish``, ``rotate_code``, ``open_vote``, …) from
  its thread; they change the state under one lock and wake the streams through
  ``loop.call_soon_threadsafe``;
- the server hands what happened (a remark sent, the device count, a vote cast) to
  ``on_event``, *on the server's thread*: the GUI's bridge turns it into a queued Qt signal.

What a phone may do: fetch the page's three files, ask whether it has joined (``GET /state``),
join with the room code (``POST /join``, which sets a cookie with a random token; only the
token's hash is kept), follow the wall (``GET /events``, server-sent events: the view, the vote)
and send a remark or a proposal (``POST /send``) or its dots (``POST /vote``). Everything else
is 404 or 405: no file is read at request time, no folder listed. JSON only, behind a Host
check (against DNS rebinding) and an Origin check (against other sites' forms); every answer
carries a strict Content-Security-Policy.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from typing import Any, Literal

from aiohttp import web

from facilitator_app.room.codes import codes_match, new_code, new_token, token_hash
from facilitator_app.room.limits import Bucket, Buckets, Limits, clean_text
from facilitator_app.room.view import WAITING, Ballot, PhoneView

COOKIE = "room"
DEFAULT_PORT = 8765
PAGE_FILES = {  # path → (file in resources/room, content type)
    "/": ("index.html", "text/html; charset=utf-8"),
    "/phone.js": ("phone.js", "text/javascript; charset=utf-8"),
    "/phone.css": ("phone.css", "text/css; charset=utf-8"),
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}


# --- what the server tells the window (on the server's thread) -----------------------------


@dataclass(frozen=True)
class Submission:
    """A remark on the vision or a proposed activity, for the facilitator to accept or not."""

    number: int
    kind: Literal["remark", "activity"]
    text: str
    theme_id: int | None  # a remark's theme (the one the phone was shown)
    block_id: int | None  # a proposal's block
    target: str  # the theme's name or the block's label, as the phone was shown it
    device: str  # a few letters of the device's token hash: tells devices apart, no more


@dataclass(frozen=True)
class DevicesChanged:
    connected: int  # devices following the wall now
    joined: int  # devices that joined since the room opened


@dataclass(frozen=True)
class VotesChanged:
    voters: int  # devices that have cast their dots in the open vote


RoomEvent = Submission | DevicesChanged | VotesChanged


@dataclass
class Device:
    hash: str
    send: Bucket
    vote: Bucket
    streams: int = 0
    dots: frozenset[str] | None = None  # what it voted for in the open vote
    vote_version: int = 0  # its own dots changed


@dataclass
class _State:
    """What the lock guards: the code, the devices, the view and the vote."""

    code: str
    devices: dict[str, Device] = field(default_factory=dict)
    view: PhoneView = WAITING
    view_json: str = ""
    view_version: int = 0
    ballot: Ballot | None = None
    revealed: bool = False
    ballot_version: int = 0
    submissions: int = 0
    joined: int = 0


def page_files(folder: Path) -> dict[str, tuple[bytes, str]]:
    """The phone page's files, read once when the server starts."""
    return {
        path: ((folder / name).read_bytes(), content_type)
        for path, (name, content_type) in PAGE_FILES.items()
    }


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _error(status: int, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status, dumps=_dumps)


class RoomServer:
    """One room: started on an address the facilitator chose, stopped when the room closes."""

    def __init__(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        *,
        on_event: Callable[[RoomEvent], None],
        files: dict[str, tuple[bytes, str]],
        limits: Limits | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.limits = limits or Limits()
        self._on_event = on_event
        self._files = files
        self._lock = threading.Lock()
        self._state = _State(code=new_code())
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._error: OSError | None = None
        self._stop: asyncio.Event | None = None
        self._wake_event: asyncio.Event | None = None
        self._closing = False
        self._address_requests = Buckets(self.limits.request_burst, self.limits.request_per_minute)
        self._address_joins = Buckets(self.limits.join_burst, self.limits.join_per_minute)

    # --- the window's side (any thread) ----------------------------------------------------

    def start(self, timeout: float = 10.0) -> None:
        """Listen on ``host`` alone; returns once listening. OSError when the address or port
        cannot be had (e.g. taken by another program)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="room-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise OSError(f"the room server did not start within {timeout:g} s")
        if self._error is not None:
            self._thread.join(timeout)
            self._thread = None
            raise self._error

    def stop(self, timeout: float = 5.0) -> None:
        """Close the room: every stream is told and ended, every token forgotten."""
        thread, loop, stop = self._thread, self._loop, self._stop
        if thread is None or loop is None or stop is None:
            return
        with contextlib.suppress(RuntimeError):  # the loop has already ended
            loop.call_soon_threadsafe(stop.set)
        thread.join(timeout)
        self._thread = None
        with self._lock:
            self._state.devices.clear()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def join_url(self) -> str:
        """The URL with the code after '#' (the QR code's: the page joins at once; a fragment
        never reaches a server log or a Referer)."""
        return f"{self.url}#{self.code}"

    @property
    def code(self) -> str:
        with self._lock:
            return self._state.code

    def rotate_code(self) -> str:
        """A new code at once: the old one lets nobody else in; who joined stays."""
        with self._lock:
            self._state.code = new_code()
            return self._state.code

    def counts(self) -> DevicesChanged:
        with self._lock:
            return self._counts()

    def publish(self, view: PhoneView) -> None:
        """What the phones show now (the wall's shown snapshot, made Qt-free)."""
        shown = _dumps(view.public())
        with self._lock:
            state = self._state
            state.view = view
            if shown == state.view_json:
                return
            state.view_json = shown
            state.view_version += 1
        self._wake_threadsafe()

    def open_vote(self, ballot: Ballot) -> None:
        """Open a vote (a new one forgets the last one's dots); results hidden."""
        with self._lock:
            state = self._state
            state.ballot = ballot
            state.revealed = False
            state.ballot_version += 1
            for device in state.devices.values():
                device.dots = None
        self._wake_threadsafe()
        self._emit(VotesChanged(0))

    def reveal_vote(self, revealed: bool = True) -> None:
        with self._lock:
            if self._state.ballot is None:
                return
            self._state.revealed = revealed
            self._state.ballot_version += 1
        self._wake_threadsafe()

    def close_vote(self) -> dict[str, int]:
        """End the vote on the phones; its tally (what the devices' dots were)."""
        with self._lock:
            tally = self._tally()
            self._state.ballot = None
            self._state.revealed = False
            self._state.ballot_version += 1
        self._wake_threadsafe()
        return tally

    def tally(self) -> dict[str, int]:
        with self._lock:
            return self._tally()

    @property
    def ballot(self) -> Ballot | None:
        with self._lock:
            return self._state.ballot

    @property
    def revealed(self) -> bool:
        with self._lock:
            return self._state.revealed

    # --- under the lock ----------------------------------------------------------------------

    def _tally(self) -> dict[str, int]:
        ballot = self._state.ballot
        tally = dict.fromkeys((item.key for item in ballot.items), 0) if ballot else {}
        for device in self._state.devices.values():
            for key in device.dots or ():
                if key in tally:
                    tally[key] += 1
        return tally

    def _counts(self) -> DevicesChanged:
        devices = self._state.devices.values()
        return DevicesChanged(sum(1 for d in devices if d.streams > 0), self._state.joined)

    def _voters(self) -> int:
        return sum(1 for d in self._state.devices.values() if d.dots is not None)

    def _vote_message(self, device: Device) -> str:
        state = self._state
        if state.ballot is None:
            return _dumps(None)
        shown: dict[str, Any] = state.ballot.public()
        shown["mine"] = sorted(device.dots) if device.dots is not None else None
        if state.revealed:
            shown["results"] = self._tally()
        return _dumps(shown)

    # --- the server's thread -------------------------------------------------------------------

    def _emit(self, event: RoomEvent) -> None:
        self._on_event(event)

    def _wake_threadsafe(self) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        """Every stream looks again at what it last sent (on the loop's thread)."""
        event, self._wake_event = self._wake_event, asyncio.Event()
        if event is not None:
            event.set()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        finally:
            self._ready.set()
            loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        self._wake_event = asyncio.Event()
        limits = self.limits
        runner = web.AppRunner(
            self._application(),
            handle_signals=False,
            access_log=None,  # who came when is nobody's business
            shutdown_timeout=1.0,
            handler_cancellation=True,  # a phone that goes away ends its stream at once
            max_line_size=limits.max_line,
            max_field_size=limits.max_header,
            max_headers=40,
            keepalive_timeout=30,
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, backlog=128)
        try:
            await site.start()
        except OSError as error:
            self._error = error
            await runner.cleanup()
            return
        server = site._server  # the bound socket: the port when 0 was asked for
        sockets = getattr(server, "sockets", None) or ()
        if sockets:
            self.port = int(sockets[0].getsockname()[1])
        self._ready.set()
        await self._stop.wait()
        self._closing = True
        self._wake()
        await asyncio.sleep(0)  # the streams say "closed" before their connections go
        await runner.cleanup()

    def _application(self) -> web.Application:
        app = web.Application(client_max_size=self.limits.max_body, middlewares=[self._guard])
        app.on_response_prepare.append(self._headers)
        routes = [web.get(path, self._page_file) for path in self._files]
        routes += [
            web.get("/state", self._state_view),
            web.post("/join", self._join),
            web.get("/events", self._events),
            web.post("/send", self._send),
            web.post("/vote", self._vote),
        ]
        app.add_routes(routes)
        return app

    @staticmethod
    async def _headers(request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(SECURITY_HEADERS)
        response.headers.setdefault("Cache-Control", "no-store")

    @web.middleware
    async def _guard(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Any],
    ) -> web.StreamResponse:
        address = request.remote or ""
        if not self._address_requests.take(address):
            return _error(429, "slow-down")
        if request.host != f"{self.host}:{self.port}" and request.host != self.host:
            return _error(421, "wrong-host")  # another name for this address: DNS rebinding
        if request.method == "POST":
            origin = request.headers.get("Origin")
            if origin is not None and origin != f"http://{request.host}":
                return _error(403, "wrong-origin")
            if request.content_type != "application/json":
                return _error(415, "json-only")
        response: web.StreamResponse = await handler(request)
        return response

    async def _page_file(self, request: web.Request) -> web.Response:
        body, content_type = self._files[request.path]
        return web.Response(
            body=body, headers={"Content-Type": content_type, "Cache-Control": "no-cache"}
        )

    def _device(self, request: web.Request) -> Device | None:
        raw = request.headers.get("Cookie", "")
        if len(raw) > self.limits.max_header:
            return None
        cookie: SimpleCookie = SimpleCookie()
        try:
            cookie.load(raw)
        except CookieError:
            return None
        morsel = cookie.get(COOKIE)
        if morsel is None or not 20 <= len(morsel.value) <= 100:
            return None
        with self._lock:
            return self._state.devices.get(token_hash(morsel.value))

    async def _json_body(self, request: web.Request) -> dict[str, Any] | None:
        """The request's JSON object; None when it is not one (a 413 for a body too big is
        aiohttp's own)."""
        body = await request.read()
        try:
            value = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None
        return value if isinstance(value, dict) else None

    async def _state_view(self, request: web.Request) -> web.Response:
        with self._lock:
            language = self._state.view.language
        return web.json_response(
            {"joined": self._device(request) is not None, "lang": language}, dumps=_dumps
        )

    async def _join(self, request: web.Request) -> web.Response:
        address = request.remote or ""
        if not self._address_joins.has(address):
            return _error(429, "slow-down")
        body = await self._json_body(request)
        typed = body.get("code") if body is not None else None
        if not isinstance(typed, str) or len(typed) > 40:
            return _error(400, "malformed")
        if self._device(request) is not None:
            return web.json_response({"ok": True}, dumps=_dumps)
        token = new_token()
        limits = self.limits
        with self._lock:
            state = self._state
            if not codes_match(typed, state.code):
                self._address_joins.take(address)
                return _error(403, "wrong-code")
            if len(state.devices) >= limits.max_devices:
                return _error(503, "room-full")
            digest = token_hash(token)
            state.devices[digest] = Device(
                digest,
                Bucket(limits.send_burst, limits.send_per_minute),
                Bucket(limits.vote_burst, limits.vote_per_minute),
            )
            state.joined += 1
        response = web.json_response({"ok": True}, dumps=_dumps)
        response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
        return response

    async def _events(self, request: web.Request) -> web.StreamResponse:
        device = self._device(request)
        if device is None:
            return _error(401, "not-joined")
        with self._lock:
            if device.streams >= self.limits.max_streams:
                return _error(429, "too-many-streams")
            device.streams += 1
            counts = self._counts()
        self._emit(counts)
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"}
        )
        try:
            await response.prepare(request)
            await response.write(b"retry: 2000\n\n")
            sent_view, sent_vote = -1, (-1, -1)
            while True:
                wake = self._wake_event
                assert wake is not None
                with self._lock:
                    known = self._state.devices.get(device.hash) is device
                    view = None
                    if self._state.view_version != sent_view:
                        sent_view = self._state.view_version
                        view = self._state.view_json or _dumps(WAITING.public())
                    vote = None
                    if (self._state.ballot_version, device.vote_version) != sent_vote:
                        sent_vote = (self._state.ballot_version, device.vote_version)
                        vote = self._vote_message(device)
                if self._closing or not known:
                    await response.write(b"event: closed\ndata: {}\n\n")
                    break
                chunks = []
                if view is not None:
                    chunks.append(f"event: view\ndata: {view}\n\n")
                if vote is not None:
                    chunks.append(f"event: vote\ndata: {vote}\n\n")
                if chunks:
                    await response.write("".join(chunks).encode("utf-8"))
                try:
                    await asyncio.wait_for(wake.wait(), self.limits.heartbeat_seconds)
                except TimeoutError:
                    await response.write(b": ping\n\n")
        except (ConnectionError, RuntimeError):
            pass  # the phone went away (Wi-Fi, a locked screen): it comes back by itself
        finally:
            with self._lock:
                device.streams -= 1
                counts = self._counts()
            self._emit(counts)
        return response

    async def _send(self, request: web.Request) -> web.Response:
        device = self._device(request)
        if device is None:
            return _error(401, "not-joined")
        body = await self._json_body(request)
        if body is None:
            return _error(400, "malformed")
        kind, text = body.get("kind"), body.get("text")
        if kind not in ("remark", "activity") or not isinstance(text, str):
            return _error(400, "malformed")
        cleaned = clean_text(text, self.limits.max_text)
        if cleaned is None:
            return _error(422, "bad-text")
        with self._lock:
            if not device.send.take():
                return _error(429, "slow-down")
            view = self._state.view
            if kind == "remark" and view.theme_id is None:
                return _error(409, "nothing-to-remark-on")
            if kind == "activity" and view.block_id is None:
                return _error(409, "nowhere-to-propose")
            self._state.submissions += 1
            submission = Submission(
                self._state.submissions,
                "remark" if kind == "remark" else "activity",
                cleaned,
                view.theme_id if kind == "remark" else None,
                view.block_id if kind == "activity" else None,
                view.theme_name if kind == "remark" else view.block_name,
                device.hash[:4].upper(),
            )
        self._emit(submission)
        return web.json_response({"ok": True}, dumps=_dumps)

    async def _vote(self, request: web.Request) -> web.Response:
        device = self._device(request)
        if device is None:
            return _error(401, "not-joined")
        body = await self._json_body(request)
        keys = body.get("keys") if body is not None else None
        if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
            return _error(400, "malformed")
        with self._lock:
            ballot = self._state.ballot
            if ballot is None or self._state.revealed:
                return _error(409, "no-vote-open")
            chosen = frozenset(keys)
            if len(chosen) != len(keys) or len(chosen) > ballot.dots:
                return _error(422, "too-many-dots")
            if not chosen <= ballot.keys():
                return _error(422, "not-on-the-ballot")
            if not device.vote.take():
                return _error(429, "slow-down")
            device.dots = chosen  # one vote set per device: a second replaces the first
            device.vote_version += 1
            voters = self._voters()
        self._wake()
        self._emit(VotesChanged(voters))
        return web.json_response({"ok": True}, dumps=_dumps)
