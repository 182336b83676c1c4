"""The SWOT section: each theme's 2×2 table of quadrants, then its problems."""

from __future__ import annotations

from facilitator_app.minutes.read.activities import parse_activity
from facilitator_app.minutes.read.vocabulary import QUADRANTS, SOURCES, word_key
from facilitator_app.minutes.read.words import Paragraph, Table
from facilitator_app.minutes.text import one_line
from facilitator_app.workshop.model import Problem, Quadrant, SwotItem, Theme


def quadrant_cells(table: Table) -> list[tuple[Quadrant, list[Paragraph]]] | None:
    """The cells of a SWOT table, each with its quadrant and the paragraphs under its
    heading; None when no cell opens with a quadrant's name. A cell that names none is left
    out (a table of three cells gives three quadrants)."""
    found: list[tuple[Quadrant, list[Paragraph]]] = []
    for row in table.cells:
        for cell in row:
            paragraphs = [p for p in cell if p.text.strip()]
            if not paragraphs or paragraphs[0].listed:
                continue
            quadrant = QUADRANTS.get(word_key(paragraphs[0].text))
            if quadrant is not None:
                found.append((quadrant, paragraphs[1:]))
    return found or None


class SwotReader:
    """Puts a SWOT section's tables and problems into its themes, with ids of their own."""

    def __init__(self) -> None:
        self.next_item_id = 1
        self.next_problem_id = 1

    def table(self, theme: Theme, cells: list[tuple[Quadrant, list[Paragraph]]]) -> None:
        for quadrant, paragraphs in cells:
            for paragraph in paragraphs:
                parsed = parse_activity(paragraph)
                if parsed is None:
                    continue
                text, note, votes = parsed
                theme.swot.append(SwotItem(self.next_item_id, text, quadrant, note, votes))
                self.next_item_id += 1

    def problem(self, theme: Theme, paragraph: Paragraph) -> None:
        """A problem from its list item: ``text (3 hlasy)``, then ``vychází z: A; B``."""
        parsed = parse_activity(paragraph)
        if parsed is None:
            return
        text, note, votes = parsed
        label, colon, named = note.partition(":")
        sources: list[int] = []
        if colon and word_key(label) in SOURCES:
            # The items are joined by "; ", which an item's own text may hold too: an item
            # is a source when its whole text stands between the separators.
            joined = f"; {one_line(named)};"
            sources = [item.id for item in theme.swot if f"; {one_line(item.text)};" in joined]
        theme.problems.append(Problem(self.next_problem_id, text, votes, sources))
        self.next_problem_id += 1
