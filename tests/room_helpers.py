"""A phone as plain HTTP sees the room link: join, follow the wall's stream, send, vote.

Only loopback: every test server listens on 127.0.0.1. A phone's stream is read on a thread
of its own into lists the tests wait on (qtbot.waitUntil, or ``wait_for`` below), never by
sleeping a fixed time.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

HOST = "127.0.0.1"
TIMEOUT = 20.0


def wait_for(condition: Callable[[], object], timeout: float = TIMEOUT) -> None:
    """For tests without Qt: poll ``condition`` (on another thread's progress) until true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the room")
        time.sleep(0.005)


class Phone:
    def __init__(self, port: int, host: str = HOST) -> None:
        self.host = host
        self.port = port
        self.cookie: str | None = None
        self.views: list[dict[str, Any]] = []
        self.view_times: list[float] = []  # time.perf_counter() at each view's arrival
        self.votes: list[Any] = []
        self.closed = threading.Event()
        self.streaming = threading.Event()
        self.status: int | None = None  # the stream's answer
        self._thread: threading.Thread | None = None
        self._connection: http.client.HTTPConnection | None = None

    def request(
        self,
        method: str,
        path: str,
        body: object = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> tuple[int, Any, http.client.HTTPResponse]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        sent = dict(headers or {})
        if self.cookie is not None:
            sent.setdefault("Cookie", self.cookie)
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            sent.setdefault("Content-Type", "application/json")
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            payload = response.read()
        finally:
            connection.close()
        try:
            parsed: Any = json.loads(payload)
        except ValueError:
            parsed = payload
        return response.status, parsed, response

    def join(self, code: str) -> int:
        status, _, response = self.request("POST", "/join", {"code": code})
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return status

    def send(self, kind: str, text: str) -> int:
        return self.request("POST", "/send", {"kind": kind, "text": text})[0]

    def vote(self, keys: list[str]) -> int:
        return self.request("POST", "/vote", {"keys": keys})[0]

    # --- the stream --------------------------------------------------------------------------

    def follow(self) -> None:
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self._connection = connection
        headers = {"Cookie": self.cookie} if self.cookie else {}
        try:
            connection.request("GET", "/events", headers=headers)
            response = connection.getresponse()
            self.status = response.status
            if response.status != 200:
                response.read()
                return
            self.streaming.set()
            event = ""
            while True:
                line = response.readline()
                if not line:
                    return
                text = line.decode("utf-8").rstrip("\n")
                if text.startswith("event: "):
                    event = text[7:]
                elif text.startswith("data: "):
                    data = json.loads(text[6:])
                    if event == "view":
                        self.view_times.append(time.perf_counter())
                        self.views.append(data)
                    elif event == "vote":
                        self.votes.append(data)
                    elif event == "closed":
                        self.closed.set()
                        return
        except (OSError, http.client.HTTPException, ValueError):
            return
        finally:
            self.closed.set()
            connection.close()

    @property
    def view(self) -> dict[str, Any] | None:
        return self.views[-1] if self.views else None

    @property
    def vote_state(self) -> Any:
        return self.votes[-1] if self.votes else None

    def stop(self) -> None:
        connection = self._connection
        if connection is not None and connection.sock is not None:
            with contextlib.suppress(OSError):
                connection.sock.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(10)


def raw_exchange(port: int, data: bytes, host: str = HOST) -> bytes:
    """Send bytes as they are (a malformed request) and read what comes back."""
    with socket.create_connection((host, port), timeout=TIMEOUT) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except OSError:
            pass
    return b"".join(chunks)


def all_text(view: dict[str, Any] | None) -> str:
    """Every text a view carries, in one string (to look for what must not be there)."""
    return json.dumps(view, ensure_ascii=False)
