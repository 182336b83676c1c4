"""Benchmark: exporting 5,000 activities to .docx, ours against the obvious exporter; and the
minutes of a first meeting's 500 SWOT items (with their problems).

The obvious exporter calls ``document.add_paragraph(text, style="List Bullet …")`` for every
activity; ours writes the body's XML and parses it once. Both run in the same process on the
same workshop, alternately, and the median of several runs is reported.

    python -m benchmarks.bench_docx [--activities N] [--swot-items N] [--runs R]
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import docx

from benchmarks.common import Result, main_of, summarise
from benchmarks.generate import add_swot, generate_workshop
from facilitator_app.minutes import MinutesOptions, export_minutes
from facilitator_app.workshop.model import Node, WorkshopData


def _activities(block: Node) -> Iterator[tuple[Node, int]]:
    stack = [(child, 0) for child in reversed(block.children)]
    while stack:
        node, level = stack.pop()
        yield node, level
        stack.extend((child, level + 1) for child in reversed(node.children))


def obvious_export(data: WorkshopData, target: Path) -> None:
    """The exporter one writes first with python-docx: the API call per paragraph."""
    document = docx.Document()
    document.add_heading(data.details.title, 0)
    document.add_paragraph(f"Datum: {data.details.starts_at:%d. %m. %Y}")
    document.add_paragraph(f"Počet účastníků: {data.head_count_text()}")
    document.add_heading("VIZE", 1)
    for theme in data.themes:
        document.add_heading(theme.name, 2)
        for paragraph in theme.vision_paragraphs():
            document.add_paragraph(paragraph)
    document.add_heading("NÁVRHY AKTIVIT", 1)
    themes = data.theme_by_id()
    for block in data.blocks:
        names = " + ".join(themes[i].name.upper() for i in block.theme_ids)
        document.add_paragraph().add_run(names).bold = True
        for node, level in _activities(block):
            style = "List Bullet" if level == 0 else f"List Bullet {min(level + 1, 3)}"
            text = f"{node.text} ({node.votes} hlasů)" if node.votes else node.text
            document.add_paragraph(text, style=style)
    document.save(str(target))


def ours(data: WorkshopData, target: Path) -> None:
    export_minutes(data, target, MinutesOptions())


def run(activities: int = 5000, swot_items: int = 500, runs: int = 5) -> list[Result]:
    """Ours and the obvious exporter on the same workshop, alternately, in this one process;
    then the minutes of ``swot_items`` SWOT items (5 themes, no activities)."""
    data = generate_workshop(activities, attendees=30)
    timings: dict[str, list[float]] = {"ours": [], "obvious": []}
    with tempfile.TemporaryDirectory() as folder:
        ours(data, Path(folder) / "warm-up.docx")  # imports and first-call costs
        obvious_export(data, Path(folder) / "warm-up-obvious.docx")
        for number in range(runs):
            for name, exporter in (("ours", ours), ("obvious", obvious_export)):
                start = time.perf_counter()
                exporter(data, Path(folder) / f"{name}-{number}.docx")
                timings[name].append(time.perf_counter() - start)
    obvious_ms = statistics.median(timings["obvious"]) * 1000
    ratio = statistics.median(timings["ours"]) * 1000 / obvious_ms
    return [
        summarise(
            f"export {activities} activities to .docx",
            timings["ours"],
            budget_ms=obvious_ms / 2,
            floor_ms=obvious_ms,
            note=f"floor = the obvious exporter (add_paragraph with a style); ratio {ratio:.3f}",
        ),
        _swot_minutes(swot_items, runs),
    ]


def _swot_minutes(items: int, runs: int) -> Result:
    data = add_swot(generate_workshop(0, attendees=30, themes=5, blocks=1), items)
    data.root.children.clear()  # a first meeting: no activities yet
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        ours(data, Path(folder) / "warm-up.docx")
        for number in range(runs):
            start = time.perf_counter()
            ours(data, Path(folder) / f"swot-{number}.docx")
            timings.append(time.perf_counter() - start)
    problems = sum(len(theme.problems) for theme in data.themes)
    return summarise(
        f"minutes of {items} SWOT items to .docx",
        timings,
        budget_ms=500,
        note=f"5 themes, a 2×2 table each, {problems} problems",
    )


if __name__ == "__main__":
    main_of(run, __doc__)
