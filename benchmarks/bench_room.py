"""Benchmark of the room link: sixty phones join, follow the facilitator's typing, and the
app's memory meanwhile.

The facilitator's window is open on the demo workshop, the wall presented in activities mode
with an activity current, the room link open on 127.0.0.1. Sixty simulated phones
(``benchmarks/room_phones.py``, a process of their own, plain HTTP) join at once and follow
the wall's stream. Then the facilitator types ``--runs`` letters into the current activity at
a typist's pace (one each 60 ms, through the session as typing does), and each phone notes
when each keystroke's view arrived.

- "join": from a phone's POST /join to its first view (all sixty at once);
- "typing → phone": from a keystroke's push to its arrival on a phone, over every phone and
  keystroke (the two processes share the clock);
- memory: the app's resident set before the room opened, with sixty phones following, and
  after the typing.

    python -m benchmarks.bench_room [--activities N (phones)] [--runs N (keystrokes)]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from benchmarks.common import Result, main_of, percentile, summarise

TYPING_GAP_S = 0.06
BUDGET_MS = 100.0  # a keystroke on the phones within a tenth of a second


def _rss_mb() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss) / 2**20


def _pump(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.002)


def run(activities: int = 60, runs: int = 40) -> list[Result]:
    devices = activities
    from facilitator_app.gui.app import make_application
    from facilitator_app.gui.core.session import Focus
    from facilitator_app.gui.main_window import MainWindow
    from facilitator_app.gui.projector.state import Mode
    from facilitator_app.workshop.events import Kind
    from facilitator_app.workshop.operations import SetFields

    os.environ["FACILITATOR_APP_DATA"] = tempfile.mkdtemp(prefix="bench-room-")
    make_application()
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.open_demo()
    session = window.session
    assert session is not None
    activity = session.document.data.blocks[0].children[0]
    window.projector.set_mode(Mode.ACTIVITIES)
    session.set_focus(Focus("activities", node_id=activity.id))
    window.start_presenting()
    _pump(0.5)
    before_mb = _rss_mb()
    room = window.room
    room.port = 0
    assert room.open_room("127.0.0.1")
    assert room.server is not None
    open_mb = _rss_mb()  # the server's libraries loaded, its thread started
    phones = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.room_phones",
            str(room.server.port),
            room.code,
            str(devices),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert phones.stdin is not None
    assert phones.stdout is not None
    joined = json.loads(phones.stdout.readline())["joined_s"]
    deadline = time.monotonic() + 30
    while room.connected < devices and time.monotonic() < deadline:
        _pump(0.01)
    with_phones_mb = _rss_mb()

    sent: dict[str, float] = {}
    typed = activity.text
    for n in range(runs):
        typed += "abcdefghij"[n % 10]
        sent[typed] = time.time()
        session.push(SetFields(Kind.NODE, activity.id, {"text": typed}), "Typing")
        _pump(TYPING_GAP_S)
    _pump(1.0)
    after_mb = _rss_mb()
    phones.stdin.close()
    arrivals = json.loads(phones.stdout.readline())["arrivals"]
    phones.wait(30)
    room.close_room()
    window.close()

    latencies = []
    missed = 0
    for device in arrivals:
        seen: dict[str, float] = {}
        for at, data in device:
            for item in json.loads(data).get("items", ()):
                if item["text"] in sent and item["text"] not in seen:
                    seen[item["text"]] = at
        missed += len(sent) - len(seen)
        latencies.extend(seen[text] - sent[text] for text in seen)
    memory = (
        f"memory: {before_mb:.0f} MB before the room, {open_mb:.0f} MB open, "
        f"{with_phones_mb:.0f} MB with {devices} phones following "
        f"(+{with_phones_mb - open_mb:.1f} for them), {after_mb:.0f} MB after typing"
    )
    latency = summarise(
        f"room: typing → {devices} phones", latencies, budget_ms=BUDGET_MS, note=memory
    )
    if missed:
        latency.note += f"; {missed} keystroke views coalesced (a later one arrived instead)"
    join = summarise(f"room: join, {devices} phones at once", joined)
    join.note = f"slowest {percentile([s * 1000 for s in joined], 1.0):.0f} ms"
    return [join, latency]


if __name__ == "__main__":
    main_of(run, __doc__)
