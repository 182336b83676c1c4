"""Benchmark of the projector wall with 5,000 activities: a keystroke to a repainted wall.

The facilitator's window is open on a generated workshop, the wall is presented full screen
(1920×1080, on the second of two offscreen screens) and the preview dock is shown. Each
keystroke goes through the session as typing does (``session.set_text``: the document, the
undo stack, the tree model, the wall's snapshot), then:

- "event loop": the application runs until the wall has painted (what the room waits for;
  the preview paints in the same pass),
- "wall.repaint()": the wall widget is repainted at once,
- "into a QImage": the renderer alone paints the wall into an image.

    python -m benchmarks.bench_wall [--activities N] [--runs N]
"""

from __future__ import annotations

import time

from benchmarks.common import use_two_offscreen_screens

use_two_offscreen_screens("bench-wall-")  # before Qt is imported

from PySide6.QtCore import QSettings, QSizeF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.common import Result, big_workshop, main_of, summarise  # noqa: E402
from facilitator_app.gui.app import make_application  # noqa: E402
from facilitator_app.gui.core.session import Focus  # noqa: E402
from facilitator_app.gui.projector.state import Mode  # noqa: E402
from facilitator_app.workshop.events import Kind  # noqa: E402
from facilitator_app.workshop.operations import MoveNodes  # noqa: E402

BUDGET_MS = 16.0  # one frame at 60 Hz
LETTERS = "abcdefghijklmnopqrstuvwxyz "


def run(activities: int = 5000, runs: int = 200) -> list[Result]:
    from facilitator_app.gui.main_window import MainWindow

    make_application()
    path = big_workshop(activities, "bench-wall-")
    folder = path.parent

    window = MainWindow()
    projector = window.projector
    projector.settings = QSettings(str(folder / "projector.ini"), QSettings.Format.IniFormat)
    window.resize(1280, 760)
    window.show()
    window.open_path(path)
    window.show_section(3)
    projector.start_presenting()
    wall = projector.wall
    if not wall.isFullScreen():  # a single screen (QT_QPA_PLATFORM given): size it by hand
        wall.resize(1920, 1080)
    QApplication.processEvents()
    session = window.session
    assert session is not None
    data = session.document.data
    nodes = [n for n in data.root.walk() if n.parent is not None and not n.is_block]
    node = nodes[len(nodes) // 2]  # mid-tree: the wall scrolls to it
    session.set_focus(Focus("activities", node_id=node.id))
    theme = data.themes[0]
    size = QSizeF(wall.size())

    def wait_for_wall() -> None:
        painted = wall.paints
        while wall.paints == painted:
            QApplication.processEvents()

    def keystrokes(mode: Mode, type_one: object, finish: object) -> list[float]:
        projector.set_mode(mode)
        QApplication.processEvents()
        samples = []
        for index in range(runs):
            start = time.perf_counter()
            type_one(LETTERS[index % len(LETTERS)])  # type: ignore[operator]
            finish()  # type: ignore[operator]
            samples.append(time.perf_counter() - start)
        return samples

    def in_activity(letter: str) -> None:
        session.set_text(Kind.NODE, node.id, "text", node.text + letter, "Typing")

    def in_vision(letter: str) -> None:
        session.set_text(Kind.THEME, theme.id, "vision", theme.vision + letter, "Typing")

    def into_image() -> None:
        projector.render_image(size)

    # The wall's own part of a keystroke: its snapshot update (timed inside its document
    # listener) plus its repaint, without the other views' work on the same change.
    own: list[float] = []
    relay = projector.document_changed

    def timed_relay(event: object) -> None:
        start = time.perf_counter()
        relay(event)  # type: ignore[arg-type]
        own.append(time.perf_counter() - start)

    projector.document_changed = timed_relay  # type: ignore[method-assign]

    def repaint_own() -> None:
        start = time.perf_counter()
        wall.repaint()
        own[-1] += time.perf_counter() - start

    results = []
    rows = len(projector.shown.outline.rows) if projector.shown else 0
    where = f"{rows} rows, wall {size.width():.0f}×{size.height():.0f}"
    for mode, typing, label in (
        (Mode.ACTIVITIES, in_activity, "activity text"),
        (Mode.VISION, in_vision, "theme vision"),
    ):
        if mode is Mode.VISION:
            window.show_section(2)  # the facilitator types on the vision page
            paragraphs = len(theme.vision_paragraphs())
            session.set_focus(Focus("vision", theme_id=theme.id, paragraph=paragraphs - 1))
        for finish, how in (
            (wait_for_wall, "event loop until the wall painted"),
            (wall.repaint, "wall.repaint()"),
            (into_image, "renderer into a QImage"),
        ):
            samples = keystrokes(mode, typing, finish)
            results.append(
                summarise(f"keystroke in {label} → {how}", samples, budget_ms=BUDGET_MS, note=where)
            )
        own.clear()
        keystrokes(mode, typing, repaint_own)
        results.append(
            summarise(
                f"keystroke in {label}: the wall's own part",
                own[-runs:],
                budget_ms=BUDGET_MS,
                note="its snapshot update and wall.repaint(), without the other views' work",
            )
        )
    # A structural change: moving one activity (the wall's outline is rebuilt).
    window.show_section(3)
    projector.set_mode(Mode.ACTIVITIES)
    session.set_focus(Focus("activities", node_id=node.id))
    parent = node.parent
    assert parent is not None
    samples = []
    moves = max(20, runs // 4)
    for index in range(moves):
        start = time.perf_counter()
        session.push(MoveNodes((node.id,), parent.id, 0 if index % 2 else -1), "Move")
        wait_for_wall()
        samples.append(time.perf_counter() - start)
    results.append(
        summarise(
            "move an activity → event loop until the wall painted",
            samples,
            budget_ms=100,
            note="the whole move: document, file (fsync), tree view and wall",
        )
    )
    own.clear()
    for index in range(moves):
        session.push(MoveNodes((node.id,), parent.id, 0 if index % 2 else -1), "Move")
        repaint_own()
    results.append(
        summarise(
            "move an activity: the wall's own part",
            own[-moves:],
            budget_ms=BUDGET_MS,
            note="the moved branch spliced into its outline, and wall.repaint()",
        )
    )
    del projector.document_changed  # the listener's own method again
    window.close()
    return results


if __name__ == "__main__":
    main_of(run, __doc__)
