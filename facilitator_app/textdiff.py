"""The one word diff: texts as tokens, their change as kept, inserted and deleted pieces.

The redline (``minutes/redline.py``) builds its tracked changes on it, the wall highlights what
changed in an activity with it, and the vision editor replaces only the stretch that differs.
Qt counts text in UTF-16 code units, Python in code points: ``utf16_offset`` turns one into
the other (an emoji outside the Basic Multilingual Plane is one code point and two units).

No Qt here: the minutes use it from the command line too.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from typing import Literal

# A word (letters, digits, underscores, joined by inner hyphens or apostrophes), a run of
# whitespace, or any other single character (punctuation): every character is in a token.
TOKENS = re.compile(r"\w+(?:[-'’]\w+)*|\s+|[^\w\s]", re.UNICODE)

# What difflib calls an opcode: the change, and the stretches old[i1:i2] and new[j1:j2].
Opcode = tuple[Literal["equal", "replace", "delete", "insert"], int, int, int, int]


class Change(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a text: kept, inserted (only in the new text) or deleted (only in the old)."""

    kind: Change
    text: str


def tokenize(text: str, pattern: re.Pattern[str] = TOKENS) -> list[str]:
    """The tokens of ``text`` by ``pattern``; joined, they give ``text`` back when the pattern
    matches every character (``TOKENS`` does, and so does ``\\S+|\\s+``)."""
    return pattern.findall(text)


def opcodes(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[Opcode]:
    """How ``old`` becomes ``new``, item by item: difflib's opcodes, without its junk heuristic
    (which would ignore frequent words in a long text)."""
    return SequenceMatcher(None, old, new, autojunk=False).get_opcodes()


def similarity(old: Sequence[Hashable], new: Sequence[Hashable]) -> float:
    """How much of their items two sequences share, from 0 to 1."""
    return SequenceMatcher(None, old, new, autojunk=False).ratio()


def diff_tokens(old: Sequence[str], new: Sequence[str]) -> list[Segment]:
    """The change from the tokens ``old`` to ``new``; a replacement is a deletion followed by
    an insertion, and no piece is empty."""
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in opcodes(old, new):
        if tag == "equal":
            segments.append(Segment(Change.EQUAL, "".join(old[i1:i2])))
            continue
        if i1 < i2:
            segments.append(Segment(Change.DELETE, "".join(old[i1:i2])))
        if j1 < j2:
            segments.append(Segment(Change.INSERT, "".join(new[j1:j2])))
    return segments


def diff_text(old: str, new: str, pattern: re.Pattern[str] = TOKENS) -> list[Segment]:
    """The word-level change from ``old`` to ``new`` (tokens by ``pattern``)."""
    return diff_tokens(tokenize(old, pattern), tokenize(new, pattern))


def old_text(segments: Iterable[Segment]) -> str:
    """The text before the change: the kept and deleted pieces."""
    return "".join(s.text for s in segments if s.kind is not Change.INSERT)


def new_text(segments: Iterable[Segment]) -> str:
    """The text after the change: the kept and inserted pieces."""
    return "".join(s.text for s in segments if s.kind is not Change.DELETE)


def inserted_ranges(segments: Iterable[Segment]) -> list[tuple[int, int]]:
    """The stretches of the new text that are inserted, as (start, end) indexes into it,
    without the whitespace at their ends (a highlight shows no blank edge)."""
    ranges: list[tuple[int, int]] = []
    position = 0
    for segment in segments:
        if segment.kind is Change.DELETE:
            continue
        end = position + len(segment.text)
        if segment.kind is Change.INSERT:
            text = segment.text
            start = position + len(text) - len(text.lstrip())
            stop = end - (len(text) - len(text.rstrip()))
            if start < stop:
                ranges.append((start, stop))
        position = end
    return ranges


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units, the unit of Qt's text positions."""
    if text.isascii():
        return len(text)
    # In C: a Python loop over the characters was 0.1 ms a block of the wall.
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def utf16_offset(text: str, index: int) -> int:
    """The Python string index ``index`` into ``text`` as a UTF-16 offset."""
    return utf16_length(text[:index])


def common_ends(old: Sequence[object], new: Sequence[object]) -> tuple[int, int]:
    """How many items ``old`` and ``new`` share at their start, and then at their end (the end
    never reaching into the shared start).

    Compares slices (in C) by halving: a keystroke in one of 10,000 activities is found
    without a Python loop over them.
    """
    shortest = min(len(old), len(new))
    low, high = 0, shortest
    if old[:high] != new[:high]:
        while high - low > 1:  # old[:low] == new[:low], old[:high] != new[:high]
            middle = (low + high) // 2
            if old[low:middle] == new[low:middle]:
                low = middle
            else:
                high = middle
        prefix = low
    else:
        prefix = high
    room = shortest - prefix
    low, high = 0, room
    end_old, end_new = len(old), len(new)
    if old[end_old - high :] != new[end_new - high :]:
        while high - low > 1:
            middle = (low + high) // 2
            if old[end_old - middle : end_old - low] == new[end_new - middle : end_new - low]:
                low = middle
            else:
                high = middle
        suffix = low
    else:
        suffix = high
    return prefix, suffix


def changed_span(old: str, new: str) -> tuple[int, int, str]:
    """(start, end in ``old``, replacement): the smallest edit turning ``old`` into ``new``."""
    prefix, suffix = common_ends(old, new)
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]
