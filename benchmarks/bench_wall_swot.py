"""Benchmark of the wall's SWOT mode with 500 items in one theme: a keystroke to a repainted wall.

The facilitator's window is open on a generated workshop whose first theme has 500 SWOT items
(125 a quadrant: far more than the 2×2 grid holds at the readable floor, so the wall shows one
sheet of its quadrants in one column), the wall is presented (1920×1080) in SWOT mode with the
votes revealed, and the current item is mid-list. Each keystroke goes through the session as
typing does (``session.set_text``), then, as in ``bench_wall``:

- "event loop": the application runs until the wall has painted,
- "wall.repaint()": the wall widget is repainted at once,
- "into a QImage": the renderer alone paints the wall into an image,
- "typed in the Analysis section": a key pressed in the strengths' typing line of the
  window's Analysis section (its four quadrant models and the problems' following the
  change), until the wall has painted.

    python -m benchmarks.bench_wall_swot [--activities N (the SWOT items)] [--runs N]
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.common import use_two_offscreen_screens

use_two_offscreen_screens("bench-swot-")  # before Qt is imported

from PySide6.QtCore import QSettings, QSizeF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.common import Result, main_of, summarise  # noqa: E402
from facilitator_app.gui.app import make_application  # noqa: E402
from facilitator_app.gui.core.session import Focus  # noqa: E402
from facilitator_app.gui.projector.state import Mode  # noqa: E402
from facilitator_app.workshop.events import Kind  # noqa: E402
from facilitator_app.workshop.model import Quadrant, SwotItem  # noqa: E402

if TYPE_CHECKING:
    from facilitator_app.gui.main_window import MainWindow

BUDGET_MS = 16.0  # one frame at 60 Hz
LETTERS = "abcdefghijklmnopqrstuvwxyz "
WORDS = ["obce", "hasiči", "povodně", "sirény", "dotace", "kraj", "síť", "sucho", "lesy", "doprava"]


def swot_workshop(items: int) -> Path:
    """A generated workshop (100 activities) whose first theme has ``items`` SWOT items."""
    from benchmarks.generate import generate_workshop
    from facilitator_app.workshop.document import Document

    folder = Path(tempfile.mkdtemp(prefix="bench-swot-"))
    os.environ["FACILITATOR_APP_DATA"] = str(folder / "data")
    data = generate_workshop(100, fan_out=10)
    quadrants = list(Quadrant)
    data.themes[0].swot = [
        SwotItem(
            n + 1,
            f"Položka {n}: " + " ".join(WORDS[(n + k) % len(WORDS)] for k in range(3 + n % 6)),
            quadrants[n % 4],
            "",
            n % 7,
        )
        for n in range(items)
    ]
    path = folder / "swot.workshop"
    Document.create(path, data).close()
    return path


def run(activities: int = 500, runs: int = 200) -> list[Result]:
    from facilitator_app.gui.main_window import MainWindow

    make_application()
    path = swot_workshop(activities)
    window = MainWindow()
    projector = window.projector
    projector.settings = QSettings(str(path.parent / "projector.ini"), QSettings.Format.IniFormat)
    window.resize(1280, 760)
    window.show()
    window.open_path(path)
    projector.start_presenting()
    wall = projector.wall
    if not wall.isFullScreen():
        wall.resize(1920, 1080)
    QApplication.processEvents()
    session = window.session
    assert session is not None
    theme = session.document.data.themes[0]
    item = theme.swot[len(theme.swot) // 2]
    session.set_focus(Focus("analysis", theme_id=theme.id, item_id=item.id))
    projector.set_votes_revealed(True)
    projector.set_mode(Mode.SWOT)
    QApplication.processEvents()
    size = QSizeF(wall.size())
    sheets = projector.renderer.layout(projector.shown, Mode.SWOT, size).sheets

    def wait_for_wall() -> None:
        painted = wall.paints
        while wall.paints == painted:
            QApplication.processEvents()

    def into_image() -> None:
        projector.render_image(size)

    results = []
    where = f"{activities} SWOT items, {sheets} sheets, wall {size.width():.0f}×{size.height():.0f}"
    for finish, how in (
        (wait_for_wall, "event loop until the wall painted"),
        (wall.repaint, "wall.repaint()"),
        (into_image, "renderer into a QImage"),
    ):
        samples = []
        for index in range(runs):
            start = time.perf_counter()
            text = item.text + LETTERS[index % len(LETTERS)]
            session.set_text(Kind.SWOT, item.id, "text", text, "Typing")
            finish()
            samples.append(time.perf_counter() - start)
        results.append(
            summarise(f"keystroke in a SWOT item → {how}", samples, budget_ms=BUDGET_MS, note=where)
        )
    results.append(_typed_in_the_page(window, runs, wait_for_wall, where))
    window.close()
    return results


def _typed_in_the_page(
    window: MainWindow, runs: int, wait_for_wall: Callable[[], None], where: str
) -> Result:
    """Keys pressed in the Analysis section's strengths line, each until the wall painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from facilitator_app.gui.sections.analysis.page import AnalysisPage
    from facilitator_app.gui.sections.registry import SECTION_NAMES

    window.show_section(SECTION_NAMES.index("analysis"))
    page = window.page("analysis")
    assert isinstance(page, AnalysisPage)
    line = page.quadrant_lists[Quadrant.STRENGTHS].line
    line.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(line, "N")  # the item typed from here on
    QApplication.processEvents()
    samples = []
    for index in range(runs):
        start = time.perf_counter()
        QTest.keyClick(line, LETTERS[index % len(LETTERS)].strip() or "x")
        wait_for_wall()
        samples.append(time.perf_counter() - start)
    return summarise(
        "key typed in the Analysis section's line → the wall painted",
        samples,
        budget_ms=BUDGET_MS,
        note=where,
    )


if __name__ == "__main__":
    main_of(run, __doc__)
