"""The vision's redline: word-level differences between a theme's draft and its final wording.

Used by the app's compare view (shown inline, inserted words underlined, deleted ones struck
through) and by the .docx minutes with ``--redline``, which write the change as Word tracked
changes (``w:ins`` / ``w:del``) that Word and LibreOffice accept or reject one by one.

Texts are compared paragraph by paragraph (paragraphs are separated by blank lines, as
everywhere in the app): paragraphs that are the same stay as they are, a paragraph only in the
final wording is an inserted paragraph, one only in the draft a deleted paragraph, and a
paragraph that was reworded is compared word by word. Words are compared as tokens (words,
whitespace, punctuation) by the word diff (``textdiff``); neighbouring changes separated only
by spaces or punctuation are merged into one deletion followed by one insertion, so that a
reworded phrase reads as "old phrase → new phrase" rather than as a zip of single words.

No Qt here: the command line uses it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from facilitator_app.minutes.content import Block, Heading, Minutes, Paragraph, Span
from facilitator_app.minutes.text import clean_text, one_line
from facilitator_app.textdiff import (
    Change,
    Segment,
    diff_tokens,
    new_text,
    old_text,
    opcodes,
    similarity,
    tokenize,
)
from facilitator_app.workshop.model import Theme, WorkshopData, split_paragraphs

# Change, Segment and tokenize are the word diff's, named here too for the redline's readers.
__all__ = [
    "PAIRING_THRESHOLD",
    "REDLINE_AUTHOR",
    "Change",
    "ParagraphDiff",
    "ParagraphKind",
    "Segment",
    "TrackedParagraph",
    "WordCounts",
    "count_words",
    "diff_paragraph_lists",
    "diff_paragraphs",
    "diff_words",
    "has_changes",
    "theme_redline",
    "tokenize",
    "with_redline",
]

_WORD = re.compile(r"\w", re.UNICODE)
# Paragraphs that share less than this share of their words are not "the same paragraph
# reworded" but one removed and another added.
PAIRING_THRESHOLD = 0.3
# Unchanged text this short between two changes (spaces, punctuation, at most one word of
# one or two letters: "a", "v", "na", "of") is taken into both: the changes then read as one
# phrase replaced instead of a zip of single words.
_GLUE_LIMIT = 5
_GLUE_WORD_LIMIT = 2


class ParagraphKind(StrEnum):
    EQUAL = "equal"  # the same in both
    CHANGED = "changed"  # reworded: see the segments
    INSERTED = "inserted"  # only in the final wording
    DELETED = "deleted"  # only in the draft


@dataclass(frozen=True, slots=True)
class ParagraphDiff:
    kind: ParagraphKind
    segments: tuple[Segment, ...]

    @property
    def old(self) -> str:
        """The paragraph as the draft has it ("" for an inserted paragraph)."""
        return old_text(self.segments)

    @property
    def new(self) -> str:
        """The paragraph as the final wording has it ("" for a deleted paragraph)."""
        return new_text(self.segments)


def _has_word(text: str) -> bool:
    return _WORD.search(text) is not None


def _is_glue(text: str) -> bool:
    if len(text) > _GLUE_LIMIT:
        return False
    words = [token for token in tokenize(text) if _has_word(token)]
    return len(words) <= 1 and all(len(word) <= _GLUE_WORD_LIMIT for word in words)


def diff_words(old: str, new: str) -> tuple[Segment, ...]:
    """The word-level change from ``old`` to ``new`` as kept, deleted and inserted pieces.

    Joining the kept and deleted pieces gives ``old``; the kept and inserted ones give ``new``.
    Within a change the deletion comes first.
    """
    if old == new:
        return (Segment(Change.EQUAL, old),) if old else ()
    # Runs of (deleted, inserted) or kept text, with glue merged into the changes around it.
    runs: list[list[str]] = []  # [old, new] for a change, [text] for kept text
    for segment in diff_tokens(tokenize(old), tokenize(new)):
        if segment.kind is Change.EQUAL:
            runs.append([segment.text])
        elif segment.kind is Change.DELETE:
            runs.append([segment.text, ""])
        elif runs and len(runs[-1]) == 2 and not runs[-1][1]:  # the insertion of a replacement
            runs[-1][1] = segment.text
        else:
            runs.append(["", segment.text])
    merged: list[list[str]] = []
    for position, run in enumerate(runs):
        if len(run) == 2 and merged and len(merged[-1]) == 2:
            merged[-1][0] += run[0]
            merged[-1][1] += run[1]
        elif len(run) == 1 and 0 < position < len(runs) - 1 and _is_glue(run[0]):
            # Between two changes (kept runs never follow each other): glue them together.
            merged[-1][0] += run[0]
            merged[-1][1] += run[0]
        else:
            merged.append(list(run))
    segments: list[Segment] = []
    for run in merged:
        if len(run) == 1:
            segments.append(Segment(Change.EQUAL, run[0]))
        else:
            segments += _change(run[0], run[1])
    return _coalesce(segments)


def _change(old: str, new: str) -> list[Segment]:
    """A replacement with the whitespace both sides share at its ends kept out of it."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start] and old[start].isspace():
        start += 1
    end = 0
    while (
        end < min(len(old), len(new)) - start
        and old[-1 - end] == new[-1 - end]
        and old[-1 - end].isspace()
    ):
        end += 1
    head, tail = old[:start], old[len(old) - end :]
    old_core, new_core = old[start : len(old) - end], new[start : len(new) - end]
    out = [Segment(Change.EQUAL, head)] if head else []
    if old_core:
        out.append(Segment(Change.DELETE, old_core))
    if new_core:
        out.append(Segment(Change.INSERT, new_core))
    if tail:
        out.append(Segment(Change.EQUAL, tail))
    return out


def _coalesce(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    """Drop empty pieces and join neighbours of the same kind."""
    out: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if out and out[-1].kind is segment.kind:
            out[-1] = Segment(segment.kind, out[-1].text + segment.text)
        else:
            out.append(segment)
    return tuple(out)


def _similarity(old: str, new: str) -> float:
    """How much of their words two paragraphs share, 0 to 1 (spaces and punctuation do not
    count)."""
    a = [t for t in tokenize(old) if _has_word(t)]
    b = [t for t in tokenize(new) if _has_word(t)]
    if not a or not b:
        return 0.0
    return similarity(a, b)


def _pair(old: Sequence[str], new: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """An order-keeping alignment of reworded paragraphs, the most similar pairs first.

    (i, j) pairs paragraph i of ``old`` with paragraph j of ``new``; (i, None) is a deleted
    and (None, j) an inserted paragraph. Deletions come before insertions between two pairs.
    """
    n, m = len(old), len(new)
    score = [[_similarity(o, w) for w in new] for o in old]
    # best[i][j]: the highest total similarity aligning old[i:] with new[j:]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            value = max(best[i + 1][j], best[i][j + 1])
            if score[i][j] >= PAIRING_THRESHOLD:
                value = max(value, score[i][j] + best[i + 1][j + 1])
            best[i][j] = value
    pairs: list[tuple[int | None, int | None]] = []
    deleted: list[int] = []
    inserted: list[int] = []
    i = j = 0
    while i < n and j < m:
        if score[i][j] >= PAIRING_THRESHOLD and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            pairs += [(d, None) for d in deleted] + [(None, k) for k in inserted]
            deleted, inserted = [], []
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            deleted.append(i)
            i += 1
        else:
            inserted.append(j)
            j += 1
    deleted += range(i, n)
    inserted += range(j, m)
    pairs += [(d, None) for d in deleted] + [(None, k) for k in inserted]
    return pairs


def diff_paragraph_lists(old: Sequence[str], new: Sequence[str]) -> list[ParagraphDiff]:
    """The change from the paragraphs ``old`` to the paragraphs ``new``, in reading order."""
    out: list[ParagraphDiff] = []
    for tag, i1, i2, j1, j2 in opcodes(list(old), list(new)):
        if tag == "equal":
            out += (
                ParagraphDiff(ParagraphKind.EQUAL, (Segment(Change.EQUAL, p),)) for p in old[i1:i2]
            )
            continue
        for i, j in _pair(old[i1:i2], new[j1:j2]):
            if i is not None and j is not None:
                segments = diff_words(old[i1 + i], new[j1 + j])
                out.append(ParagraphDiff(ParagraphKind.CHANGED, segments))
            elif i is not None:
                text = old[i1 + i]
                out.append(ParagraphDiff(ParagraphKind.DELETED, (Segment(Change.DELETE, text),)))
            elif j is not None:
                text = new[j1 + j]
                out.append(ParagraphDiff(ParagraphKind.INSERTED, (Segment(Change.INSERT, text),)))
    return out


def diff_paragraphs(old: str, new: str) -> list[ParagraphDiff]:
    """The change from the text ``old`` to ``new``, paragraphs split on blank lines."""
    return diff_paragraph_lists(split_paragraphs(old), split_paragraphs(new))


def has_changes(diffs: Sequence[ParagraphDiff]) -> bool:
    return any(d.kind is not ParagraphKind.EQUAL for d in diffs)


@dataclass(frozen=True, slots=True)
class WordCounts:
    inserted: int = 0
    deleted: int = 0


def count_words(diffs: Sequence[ParagraphDiff]) -> WordCounts:
    """How many words were inserted and deleted (for a summary line)."""
    inserted = deleted = 0
    for diff in diffs:
        for segment in diff.segments:
            words = sum(1 for token in tokenize(segment.text) if _has_word(token))
            if segment.kind is Change.INSERT:
                inserted += words
            elif segment.kind is Change.DELETE:
                deleted += words
    return WordCounts(inserted, deleted)


def theme_redline(theme: Theme) -> list[ParagraphDiff] | None:
    """The change from the theme's draft to its vision; None without a draft or a change."""
    if theme.draft is None:
        return None
    diffs = diff_paragraph_lists(
        [clean_text(p) for p in split_paragraphs(theme.draft)],
        [clean_text(p) for p in theme.vision_paragraphs()],
    )
    return diffs if has_changes(diffs) else None


# -- the minutes ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrackedParagraph(Paragraph):
    """A vision paragraph written as tracked changes (its spans hold the final text).

    Only the .docx writer knows it; to any other writer it is the final paragraph.
    """

    diff: ParagraphDiff = field(default=ParagraphDiff(ParagraphKind.EQUAL, ()))
    author: str = ""
    date: str = ""  # ISO 8601 in UTC, "2026-05-19T13:00:00Z"


REDLINE_AUTHOR = "facilitator-app"


def with_redline(minutes: Minutes, data: WorkshopData, date: str) -> Minutes:
    """``minutes`` with each theme's vision as tracked changes from its draft.

    The author of the changes is the facilitator (or "facilitator-app" when none is set),
    dated ``date``. Themes without a draft, or whose vision is the draft, stay as they are.
    """
    author = minutes.author or REDLINE_AUTHOR
    blocks = list(minutes.blocks)
    for theme, start, count in _vision_paragraphs(blocks, data, minutes.phrases.vision_heading):
        diffs = theme_redline(theme)
        if diffs is None:
            continue
        blocks[start : start + count] = [
            TrackedParagraph((Span(diff.new),), diff=diff, author=author, date=date)
            for diff in diffs
        ]
    return Minutes(minutes.title, minutes.author, minutes.phrases, blocks)


def _vision_paragraphs(
    blocks: list[Block], data: WorkshopData, vision_heading: str
) -> Iterator[tuple[Theme, int, int]]:
    """(theme, first block, number of blocks) of each theme's vision paragraphs in ``blocks``.

    Yields from the last theme to the first, so that replacing blocks keeps the earlier
    positions valid. The blocks are checked against the theme's text: a layout this module
    does not recognise yields nothing rather than the wrong paragraphs.
    """
    section = next(
        (
            i
            for i, b in enumerate(blocks)
            if isinstance(b, Heading) and b.level == 1 and b.text == vision_heading
        ),
        None,
    )
    if section is None:
        return
    found: list[tuple[Theme, int, int]] = []
    position = section + 1
    for theme in data.themes:
        name = one_line(theme.name)
        while position < len(blocks) and not _is_theme_heading(blocks[position], name):
            position += 1
        if position >= len(blocks):
            return
        expected = [clean_text(p) for p in theme.vision_paragraphs()]
        start = position + 1
        actual = blocks[start : start + len(expected)]
        if [_paragraph_text(b) for b in actual] != expected:
            return
        found.append((theme, start, len(expected)))
        position = start + len(expected)
    yield from reversed(found)


def _is_theme_heading(block: Block, name: str) -> bool:
    return isinstance(block, Heading) and block.level == 2 and block.text == name


def _paragraph_text(block: Block) -> str | None:
    if type(block) is not Paragraph:
        return None
    return "".join(span.text for span in block.spans)
