"""Simulated phones for ``bench_room``, in a process of their own (so the app's memory is the
app's): ``python -m benchmarks.room_phones PORT CODE DEVICES``.

Each phone joins (POST /join) and opens the wall's stream; its join time lasts until its
first view arrives. Then every view's arrival is noted (``time.time()``, the clock the app's
process shares) with the texts it carries. Prints one JSON line when all have joined, one when
it is done: when stdin closes, or after 120 s at most. Loopback only.
"""

from __future__ import annotations

import http.client
import json
import sys
import threading
import time

HOST = "127.0.0.1"
LIMIT_S = 120.0


def phone(port: int, code: str, joined: list[float], arrivals: list[tuple[float, str]]) -> None:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=LIMIT_S)
    connection.request(
        "POST", "/join", json.dumps({"code": code}), {"Content-Type": "application/json"}
    )
    answer = connection.getresponse()
    answer.read()
    cookie = (answer.getheader("Set-Cookie") or "").split(";", 1)[0]
    connection.request("GET", "/events", headers={"Cookie": cookie})
    stream = answer = connection.getresponse()
    first = True
    event = ""
    deadline = time.monotonic() + LIMIT_S
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            return
        text = line.decode("utf-8").rstrip("\n")
        if text.startswith("event: "):
            event = text[7:]
        elif text.startswith("data: ") and event == "view":
            now = time.time()
            if first:
                joined.append(time.perf_counter() - started)
                first = False
            arrivals.append((now, text[6:]))
        elif event == "closed":
            return


def main() -> None:
    port, code, devices = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    joined: list[float] = []
    arrivals: list[list[tuple[float, str]]] = [[] for _ in range(devices)]
    threads = [
        threading.Thread(target=phone, args=(port, code, joined, arrivals[n]), daemon=True)
        for n in range(devices)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + LIMIT_S
    while len(joined) < devices and time.monotonic() < deadline:
        time.sleep(0.01)
    print(json.dumps({"joined_s": joined}), flush=True)
    sys.stdin.read()  # until the benchmark has typed
    print(json.dumps({"arrivals": arrivals}), flush=True)


if __name__ == "__main__":
    main()
