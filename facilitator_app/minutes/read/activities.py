"""The activities list: an item's text, note and votes, and how deep it hangs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from facilitator_app.minutes.read.words import Paragraph
from facilitator_app.minutes.text import clean_text, one_line
from facilitator_app.workshop.model import Node

_MAX_VOTES = 2**63 - 1  # SQLite's largest integer
_TOLERANCE = 120  # twips (2 mm): indentations closer than this are the same

_VOTES = re.compile(
    r"\s*\(\s*([0-9]{1,19})\s*(hlas|hlasy|hlasu|hlasů|vote|votes|hl\.)\s*\)\s*$", re.IGNORECASE
)
_MANUAL_BULLET = re.compile(r"^(?:[-–—•◦▪▫·*○●■□➢►▸→✓]|\d+(?:\.\d+)*[.)]|[a-z]\))\s+")

Depth = tuple[int, int, int]  # where an item's first line starts, its left indent, list level


@dataclass
class Block:
    """A block being read, with the path from its node down to the last item read."""

    node: Node
    stack: list[tuple[Depth, Node]] = field(default_factory=list)


def _order(first: int, second: int) -> int:
    """1 when the indentation ``first`` is deeper than ``second``, -1 shallower, 0 alike."""
    if abs(first - second) <= _TOLERANCE:
        return 0
    return 1 if first > second else -1


def compare_depth(first: Depth, second: Depth) -> int | None:
    """1 when ``first`` is deeper than ``second``, -1 shallower, 0 alike; None when their
    first lines and their left indents tell the opposite.

    The first line (the bullet, or the text without one) decides; where it starts alike, the
    left indent (the text after the bullet, the wrapped lines), then the list level.
    """
    start, left = _order(first[0], second[0]), _order(first[1], second[1])
    if start and left and start != left:
        return None
    return start or left or (first[2] > second[2]) - (first[2] < second[2])


_CODE = re.compile(r"(\d+(?:\.\d+)+)\.?\s+(?=\S)")


def drop_code(text: str, block_number: int, level: int) -> str:
    """``text`` without the activity code it opens with (numbered minutes print it as text
    where Word's numbering cannot count it: ordered by votes, deeper than nine levels).

    Only a code of the item's place is dropped: its block's number first, and at least as
    many parts as its level has (``3.1.2`` at level 1 of block 3; deeper items, kept at the
    deepest level Word has, have more).
    """
    match = _CODE.match(text)
    if match is None:
        return text
    parts = match[1].split(".")
    if parts[0] != str(block_number) or len(parts) < level + 2:
        return text
    return text[match.end() :]


def excerpt(text: str, limit: int = 40) -> str:
    """The start of an item's text, to name it in a message."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentence_case(name: str) -> str:
    """A theme name from a line in capitals: ``VODNÍ HOSPODÁŘSTVÍ`` -> ``Vodní hospodářství``.

    A single short word (``ICT``, ``IZS``) is an abbreviation and stays as it is.
    """
    if name != name.upper() or name == name.lower():
        return name
    if len(name.split()) == 1 and len(name) <= 4:
        return name
    lower = name.lower()
    return lower[:1].upper() + lower[1:]


def theme_key(name: str) -> str:
    """A theme's name for finding it again: in any case, with " + " as a block's line has it."""
    return " ".join(re.sub(r"\s*\+\s*", " + ", name).casefold().split())


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and text == text.upper() and text != text.lower()


def parse_activity(item: Paragraph) -> tuple[str, str, int] | None:
    """(text, note, votes) of a list paragraph; None when it holds no text."""
    pieces = item.pieces
    # The note: the italic lines after a line break, under a line that is not all italic.
    note_at = None
    seen_plain = False
    for index, (text, italic) in enumerate(pieces):
        if text == "\n" and seen_plain:
            rest = pieces[index + 1 :]
            if any(t.strip() for t, _ in rest) and all(i or not t.strip() for t, i in rest):
                note_at = index
                break
        if text.strip() and not italic and text != "\n":
            seen_plain = True
    if note_at is None:
        text, note = item.text, ""
    else:
        text = "".join(t for t, _ in pieces[:note_at])
        note = "".join(t for t, _ in pieces[note_at + 1 :])
    text = text.strip()
    if not item.listed:
        text = _MANUAL_BULLET.sub("", text, count=1)
    votes = 0
    match = _VOTES.search(text)
    if match and match.start() > 0 and int(match[1]) <= _MAX_VOTES:
        votes = int(match[1])
        text = text[: match.start()]
    text, note = clean_text(text.strip()), clean_text(note.strip())
    if not text:
        text, note = note, ""
    return (text, note, votes) if text else None
