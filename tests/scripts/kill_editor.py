"""Run by test_kill.py, which kills it with SIGKILL at a random moment: edits a workshop the way
the facilitator's window does, and reports on stdout what is in memory and what is in the file.

    python tests/scripts/kill_editor.py WORKSHOP SEED

Opens WORKSHOP as the window does (lock, Document, WorkshopSession with its flush timer, in a
Qt application on the offscreen platform), then runs the edit plan drawn from SEED: typing into
a theme's vision character by character (and now and then a backspace) through
``type_vision``, which is what the vision page calls; adding attendees and moving branches of the
activity tree with ``MoveNodes``, pushed as the pages push them. Lines on stdout, each flushed:

    READY <monotonic time>          the workshop is open, the edits begin
    APPLIED <n> <monotonic time>    edit n (1, 2, …) is applied in memory
    SAVED <n> <monotonic time>      the file has every edit up to n (committed, synced)

``next_edit`` and ``apply_edit`` are shared with the test, which replays the plan on a copy of
the workshop to know what the file must hold after each edit.
"""

from __future__ import annotations

import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from facilitator_app.workshop.document import Document  # noqa: E402
from facilitator_app.workshop.events import Kind  # noqa: E402
from facilitator_app.workshop.model import Attendee  # noqa: E402
from facilitator_app.workshop.operations import InsertRecord, MoveNodes, SetFields  # noqa: E402

STEPS = 600  # more than a run lasts before the kill
TYPED = "Kraj je bezpečné místo pro život, práci i podnikání 🌲; ‏עברית‎ i „uvozovky“. "


@dataclass(frozen=True)
class Edit:
    kind: str  # "type", "attendee" or "move"
    theme_id: int = 0
    text: str = ""  # the whole new vision, or the new attendee's name
    ids: tuple[int, ...] = ()
    parent_id: int = 0
    row: int = 0
    pause: float = 0.0  # seconds before the edit (the typist's rhythm)


def next_edit(rng: random.Random, document: Document, n: int) -> Edit:
    """Edit number ``n`` of the plan, drawn from ``rng`` against the document as it is now."""
    data = document.data
    pause = rng.uniform(0.01, 0.06)
    # Stretches of typing longer than a second (only the flush timer saves them), between
    # structural edits (written as they are applied).
    phase = n % 45
    if phase == 0:
        return Edit("attendee", text=f"Účastník {n} 👤", pause=pause)
    if phase in (1, 2):
        movable = [node for node in data.root.walk() if node.parent is not None]
        node = rng.choice(movable)
        if node.is_block:
            parent = data.root
        else:
            # An activity moves to any block or activity outside its own branch.
            targets = [
                t
                for t in data.root.walk()
                if t.parent is not None and t is not node and not node.is_ancestor_of(t)
            ]
            parent = rng.choice(targets)
        row = rng.randint(0, len(parent.children))
        return Edit("move", ids=(node.id,), parent_id=parent.id, row=row, pause=pause)
    theme = data.themes[rng.randrange(min(2, len(data.themes)))]
    if theme.vision and rng.random() < 0.1:
        text = theme.vision[:-1]  # a backspace
    else:
        text = theme.vision + TYPED[n % len(TYPED)]
    return Edit("type", theme_id=theme.id, text=text, pause=pause)


def typing_operation(document: Document, edit: Edit) -> SetFields:
    """What ``type_vision`` applies: the vision, and the old wording kept as the first draft."""
    theme = document.theme(edit.theme_id)
    also: dict[str, Any] = {"draft": theme.vision} if theme.draft is None else {}
    return SetFields(Kind.THEME, edit.theme_id, {"vision": edit.text, **also})


def structural_operation(document: Document, edit: Edit) -> InsertRecord | MoveNodes:
    if edit.kind == "attendee":
        attendee = Attendee(document.new_id(Kind.ATTENDEE), edit.text)
        return InsertRecord(Kind.ATTENDEE, 0, len(document.data.attendees), attendee)
    return MoveNodes(edit.ids, edit.parent_id, edit.row)


def apply_edit(document: Document, edit: Edit) -> None:
    """The edit straight through the document (the test's replay)."""
    if edit.kind == "type":
        document.apply(typing_operation(document, edit))
    else:
        document.apply(structural_operation(document, edit))


def say(*words: object) -> None:
    sys.stdout.write(" ".join(map(str, words)) + "\n")
    sys.stdout.flush()


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from facilitator_app.gui.session import WorkshopSession
    from facilitator_app.gui.vision_text import type_vision
    from facilitator_app.workshop.lock import acquire

    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    lock = acquire(path)  # as the window does; a kill leaves it behind, stale
    document = Document.open(path)
    document.lock = lock
    session = WorkshopSession(document)
    rng = random.Random(seed)
    state = {"applied": 0}

    def saved_state(saved: bool, error: str) -> None:
        if error:
            say("ERROR", error)
        elif saved:
            say("SAVED", state["applied"], time.monotonic())

    session.save_state_changed.connect(saved_state)

    def step() -> None:
        n = state["applied"] + 1
        if n > STEPS:
            session.flush()
            session.close()
            app.quit()
            return
        edit = next_edit(rng, document, n)
        state["applied"] = n  # SAVED reported while the edit is applied counts it
        if edit.kind == "type":
            name = document.theme(edit.theme_id).name
            ok = type_vision(session, edit.theme_id, edit.text, f"Edit the vision of “{name}”")
        else:
            ok = session.push(structural_operation(document, edit), edit.kind)
        if not ok:
            say("REFUSED", n, edit)
            app.exit(3)
            return
        say("APPLIED", n, time.monotonic())
        QTimer.singleShot(round(edit.pause * 1000), step)

    say("READY", time.monotonic())
    QTimer.singleShot(0, step)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
