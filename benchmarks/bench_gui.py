"""Benchmarks of the facilitator's window with a large workshop.

- opening a workshop to a painted window,
- moving a ~1,000-node subtree through the undo stack (commit and repaint included), and its undo,
- a keystroke in the vision editor and in an activity's editor.

    python -m benchmarks.bench_gui [--activities N]
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from benchmarks.common import Result, big_workshop, main_of, summarise
from benchmarks.generate import biggest_subtree_near
from facilitator_app.gui.app import make_application
from facilitator_app.workshop.operations import MoveNodes


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


# Moves are quick: enough of them that the 95th percentile is not simply the slowest one (of
# seven runs, one slow commit made it so).
MOVE_RUNS = 21


def wait_for_paint(widget: object) -> None:
    watch = PaintWatch()
    widget.installEventFilter(watch)  # type: ignore[attr-defined]
    widget.update()  # type: ignore[attr-defined]
    while not watch.painted:
        QApplication.processEvents()
    widget.removeEventFilter(watch)  # type: ignore[attr-defined]


def run(activities: int = 5000, runs: int = 7) -> list[Result]:
    from facilitator_app.gui.main_window import MainWindow

    make_application()
    path = big_workshop(activities, "bench-gui-")
    results = []

    open_samples = []
    for _ in range(runs):
        window = MainWindow()
        window.resize(1280, 800)
        window.show()
        QApplication.processEvents()
        start = time.perf_counter()
        window.open_path(path)
        window.show_section(3)
        wait_for_paint(window.page("activities").view.viewport())  # type: ignore[attr-defined]
        open_samples.append(time.perf_counter() - start)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    results.append(
        summarise(f"open {activities} activities to a painted window", open_samples, budget_ms=1000)
    )

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.open_path(path)
    window.show_section(3)
    QApplication.processEvents()
    session = window.session
    assert session is not None
    page = window.page("activities")
    subtree = biggest_subtree_near(session.document.data, 1000)
    size = sum(1 for _ in subtree.walk())
    blocks = session.document.data.blocks
    viewport = page.view.viewport()  # type: ignore[attr-defined]
    window.projector.attach(session)  # the wall follows, as in a meeting (not presenting)
    QApplication.processEvents()
    for state in ("as opened", "every branch expanded"):
        if state != "as opened":
            start = time.perf_counter()
            page.expand_action.trigger()  # type: ignore[attr-defined]
            QApplication.processEvents()  # the wall takes the new expansion too
            viewport.repaint()
            expand_seconds = time.perf_counter() - start
        move_samples, undo_samples = [], []
        for run_number in range(MOVE_RUNS):
            target = blocks[(run_number + 1) % len(blocks)]
            # Until the event loop is idle again: what the change set going for later (the
            # view's relayout, the wall's look at the tree's expansion) is counted too.
            start = time.perf_counter()
            session.push(MoveNodes((subtree.id,), target.id, 0), "Move")
            QApplication.processEvents()
            viewport.repaint()
            move_samples.append(time.perf_counter() - start)
            start = time.perf_counter()
            session.undo_stack.undo()
            QApplication.processEvents()
            viewport.repaint()
            undo_samples.append(time.perf_counter() - start)
        results.append(
            summarise(
                f"move a {size}-node subtree of {activities}, tree {state}",
                move_samples,
                budget_ms=100,
                note="commit (fsync), tree view and wall snapshot, deferred work, repaint",
            )
        )
        results.append(
            summarise(f"undo that move ({activities}), tree {state}", undo_samples, budget_ms=100)
        )
    results.append(
        summarise(
            f"Expand all, {activities} activities, wall attached (no budget)",
            [expand_seconds],
            note="once: from blocks expanded to every branch, the wall's outline included",
        )
    )

    vision = window.page("vision").findChild(QPlainTextEdit)  # type: ignore[attr-defined]
    if vision is not None:
        window.show_section(2)
        vision.setFocus()
        QApplication.processEvents()
        samples = []
        for index in range(60):
            start = time.perf_counter()
            QTest.keyClick(vision, Qt.Key.Key_A if index % 2 else Qt.Key.Key_B)
            vision.viewport().repaint()
            samples.append(time.perf_counter() - start)
        results.append(
            summarise(
                f"keystroke in the vision editor, {activities} activities", samples, budget_ms=16
            )
        )
    window.close()
    return results


if __name__ == "__main__":
    main_of(run, __doc__)
