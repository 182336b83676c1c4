"""Benchmark: exporting 5,000 activities to .docx, ours against the obvious exporter.

The obvious exporter calls ``document.add_paragraph(text, style="List Bullet …")`` for every
activity; ours writes the body's XML and parses it once. Both run in the same process on the
same workshop, alternately, and the median of several runs is reported.

    python -m benchmarks.bench_docx [--activities N] [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import docx

from facilitator_app.minutes import MinutesOptions, export_minutes
from facilitator_app.workshop.model import (
    Attendee,
    Node,
    Theme,
    WorkshopData,
    WorkshopDetails,
    renumber_children,
)

WORDS = [
    "podpora", "rozvoj", "obnovitelných", "zdrojů", "energie", "vodárenské", "soustavy",
    "kybernetická", "bezpečnost", "záchranný", "systém", "obcí", "kraje", "spolupráce",
    "školami", "dobrovolníků", "území", "přátelský", "prostor",
]  # fmt: skip


def generate_workshop(activities: int = 5000, blocks: int = 5, fan_out: int = 4) -> WorkshopData:
    """A workshop with ``activities`` activities over ``blocks`` blocks, four levels deep."""
    data = WorkshopData(
        details=WorkshopDetails(
            title="Benchmark workshop", starts_at=datetime(2026, 5, 19, 13), facilitator="Bench"
        ),
        attendees=[Attendee(i, f"Účastník {i}") for i in range(1, 11)],
        themes=[Theme(i, f"Téma {i}", vision="Vize. " * 40) for i in range(1, 5)],
    )
    next_id = 1
    for block_number in range(blocks):
        block = Node(next_id, theme_ids=[1 + block_number % 4], parent=data.root)
        next_id += 1
        data.root.children.append(block)
    # Breadth-first under each block: every node gets up to fan_out children, four levels deep.
    frontier: list[tuple[Node, int]] = [(block, 0) for block in data.blocks]
    created = 0
    while created < activities and frontier:
        parent, depth = frontier.pop(0)
        for _ in range(fan_out if depth else activities // (blocks * 60) + 1):
            if created >= activities:
                break
            words = [WORDS[(created * 7 + k * 3) % len(WORDS)] for k in range(4 + created % 9)]
            node = Node(next_id, " ".join(words).capitalize(), votes=created % 6, parent=parent)
            next_id += 1
            created += 1
            parent.children.append(node)
            if depth < 3:
                frontier.append((node, depth + 1))
    for node in data.root.walk():
        renumber_children(node)
    return data


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


def _time(
    function: Callable[[WorkshopData, Path], None], data: WorkshopData, target: Path
) -> float:
    start = time.perf_counter()
    function(data, target)
    return time.perf_counter() - start


def run(activities: int = 5000, runs: int = 5) -> dict[str, float]:
    """Median seconds of each exporter, and their ratio (ours / obvious)."""
    data = generate_workshop(activities)
    timings: dict[str, list[float]] = {"ours": [], "obvious": []}
    with tempfile.TemporaryDirectory() as folder:
        ours(data, Path(folder) / "warm-up.docx")  # imports and first-call costs
        obvious_export(data, Path(folder) / "warm-up-obvious.docx")
        for number in range(runs):
            timings["ours"].append(_time(ours, data, Path(folder) / f"ours-{number}.docx"))
            timings["obvious"].append(
                _time(obvious_export, data, Path(folder) / f"obvious-{number}.docx")
            )
    medians = {name: statistics.median(values) for name, values in timings.items()}
    return {**medians, "ratio": medians["ours"] / medians["obvious"]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--activities", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    result = run(arguments.activities, arguments.runs)
    print(f"docx export of {arguments.activities} activities, median of {arguments.runs} runs:")
    print(f"  ours:    {result['ours']:.3f} s")
    print(f"  obvious: {result['obvious']:.3f} s  (add_paragraph(text, style='List Bullet …'))")
    print(f"  ratio:   {result['ratio']:.2f} (goal: below 0.50)")


if __name__ == "__main__":
    main()
