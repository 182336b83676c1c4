"""The minutes as format-neutral blocks: built once from the workshop, written by each exporter.

All wording and every decision about what appears where lives here (with the sentences in
``phrases``), so the .docx, Markdown and PDF writers only lay blocks out. Every string in the
blocks has been through ``clean_text``: it holds only characters XML allows, with ``\\n`` for a
line break inside a paragraph and ``\\t`` for a tab.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from facilitator_app.minutes.options import MinutesError, MinutesOptions
from facilitator_app.minutes.phrases import Phrases, phrases_for
from facilitator_app.minutes.text import clean_text, one_line
from facilitator_app.workshop.codes import activity_codes
from facilitator_app.workshop.model import (
    Node,
    Problem,
    Quadrant,
    SwotItem,
    Theme,
    WorkshopData,
    split_paragraphs,
)

Voted = TypeVar("Voted", Node, SwotItem, Problem)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one look."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Heading:
    """Level 0 is the document's title, 1 a section (VIZE), 2 a theme within it."""

    level: int
    text: str
    new_page: bool = False  # starts on a page of its own (the attendance appendix)


@dataclass(frozen=True, slots=True)
class Paragraph:
    spans: tuple[Span, ...]
    keep_with_next: bool = False  # a line that introduces what follows (a block's themes)


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item of a multi-level list; consecutive items form one list."""

    level: int  # 0 for a top-level activity, unbounded (writers may cap it)
    spans: tuple[Span, ...]
    code: str = ""  # numbered minutes: the activity's code (``3.1.2``), not in ``spans``


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # relative column widths
    row_height_mm: int = 0  # at least this tall (room for a signature)


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell of a grid: its heading, then its items as a bullet list."""

    heading: str
    items: tuple[tuple[Span, ...], ...]


@dataclass(frozen=True, slots=True)
class Grid:
    """Cells in rows of ``columns``, each headed and holding a list: a theme's SWOT, 2×2."""

    columns: int
    cells: tuple[GridCell, ...]


Block = Heading | Paragraph | ListItem | Table | Grid


@dataclass(frozen=True)
class Minutes:
    """Everything an exporter needs: the blocks and the document's properties."""

    title: str
    author: str  # the facilitator, or "" when not set
    phrases: Phrases
    blocks: list[Block]
    # Numbered minutes in the tree's order: each block's items count 1, 1.1, 1.1.1… as a
    # numbered list does, so a .docx may number them with Word's numbering. Otherwise (also
    # when ordered by votes) a writer prints each item's code as text.
    counted: bool = False


def build_minutes(data: WorkshopData, options: MinutesOptions) -> Minutes:
    """The minutes of ``data`` as blocks; MinutesError for an unknown language."""
    try:
        phrases = phrases_for(options.language or data.details.language)
    except ValueError as error:
        raise MinutesError(str(error)) from None
    title = one_line(data.details.title)
    blocks: list[Block] = [Heading(0, title)]
    blocks += _header_lines(data, phrases)
    blocks += _programme(data, phrases)
    blocks += _analysis(data, phrases, options)
    blocks += _vision(data, phrases, options)
    blocks += _activities(data, phrases, options)
    blocks += _tasks(data, phrases, options)
    if options.attendance and not options.public:
        blocks += _attendance(data, phrases)
    counted = options.numbered and not options.order_by_votes
    return Minutes(title, one_line(data.details.facilitator), phrases, blocks, counted)


def _plain(text: str) -> Paragraph:
    return Paragraph((Span(text),))


def _header_lines(data: WorkshopData, phrases: Phrases) -> Iterator[Block]:
    details = data.details
    yield _plain(phrases.date_line(details.starts_at, details.ends_at))
    if details.place.strip():
        yield _plain(f"{phrases.place_label}: {clean_text(details.place.strip())}")
    # With no attendee recorded, a head count of 0 would claim that nobody came.
    if data.attendees:
        yield _plain(f"{phrases.participants_label}: {clean_text(data.head_count_text())}")
    if details.facilitator.strip():
        yield _plain(f"{phrases.facilitator_label}: {one_line(details.facilitator)}")
    if details.previous_meeting is not None:
        day = phrases.date_text(details.previous_meeting)
        yield _plain(phrases.follows_meeting.format(date=day))


def _programme(data: WorkshopData, phrases: Phrases) -> Iterator[Block]:
    """The agenda as it ran: one line per item, with its actual times when recorded."""
    if not data.agenda:
        return
    yield Heading(1, phrases.programme_heading)
    for item in data.agenda:
        yield _plain(phrases.programme_line(replace(item, title=one_line(item.title))))


def _tasks(data: WorkshopData, phrases: Phrases, options: MinutesOptions) -> Iterator[Block]:
    """The tasks as a table: what, who (not in public minutes: it is a name), by when, done."""
    if not data.tasks:
        return
    yield Heading(1, phrases.tasks_heading)
    rows = [
        (
            clean_text(task.text.strip()),
            one_line(task.owner),
            phrases.date_text(task.due) if task.due is not None else "",
            phrases.done_mark if task.done else "",
        )
        for task in data.tasks
    ]
    if options.public:
        what, _who_column, due, done = phrases.task_columns
        yield Table(
            header=(what, due, done),
            rows=tuple((row[0], row[2], row[3]) for row in rows),
            widths=(64, 22, 14),
        )
    else:
        yield Table(header=phrases.task_columns, rows=tuple(rows), widths=(46, 24, 18, 12))


def _who(author: str, organization: str, public: bool) -> str:
    parts = [] if public else [one_line(author)]
    parts.append(one_line(organization))
    return ", ".join(part for part in parts if part)


def _vision(data: WorkshopData, phrases: Phrases, options: MinutesOptions) -> Iterator[Block]:
    if not data.themes:
        return
    remarks = [(theme, remark) for theme in data.themes for remark in theme.remarks]
    yield Heading(1, phrases.vision_heading)
    table = Table(
        header=phrases.remark_columns,
        rows=tuple(
            (
                one_line(theme.name),
                clean_text(remark.text.strip()),
                _who(remark.author, remark.organization, options.public),
                phrases.statuses[remark.status],
                clean_text(remark.response.strip()),
            )
            for theme, remark in remarks
        ),
        widths=(17, 27, 15, 18, 23),
    )
    intro = data.details.vision_intro
    if intro is not None:
        # The workshop's own words replace the generated sentences; the remarks stay listed.
        yield from (_plain(clean_text(paragraph)) for paragraph in split_paragraphs(intro))
        if remarks:
            yield table
    elif remarks:
        yield _plain(phrases.remarks_intro)
        yield table
        yield _plain(phrases.vision_result)
    else:
        yield _plain(phrases.no_remarks)
    for theme in data.themes:
        yield Heading(2, one_line(theme.name))
        yield from (_plain(clean_text(paragraph)) for paragraph in theme.vision_paragraphs())


def _ordered(items: Sequence[Voted], by_votes: bool) -> Sequence[Voted]:
    # sorted() is stable: items with equal votes keep the order the group gave them.
    return sorted(items, key=lambda item: -item.votes) if by_votes else items


def item_spans(text: str, votes: int, note: str, phrases: Phrases) -> tuple[Span, ...]:
    """An item's text, its votes ``(3 hlasy)`` and its note (on a line of its own, italic)."""
    spans = [Span(clean_text(text.strip()))]
    if votes > 0:
        spans.append(Span(f" ({phrases.votes(votes)})"))
    note = note.strip()
    if note:
        # Nothing captured in the room is dropped: a note goes on a line of its own, in italics.
        spans.append(Span("\n" + clean_text(note), italic=True))
    return tuple(spans)


def _activity_spans(node: Node, phrases: Phrases) -> tuple[Span, ...]:
    return item_spans(node.text, node.votes, node.note, phrases)


def activity_items(
    block: Node, phrases: Phrases, by_votes: bool = False, codes: dict[int, str] | None = None
) -> Iterator[ListItem]:
    """The activities under ``block`` in document order; level 0 is the block's children.

    ``codes``: each node's code (``activity_codes``, made from the tree before any ordering
    by votes), given to its item. Iterative, not recursive: a tree may be nested deeper than
    Python's recursion limit.
    """
    stack = [(node, 0) for node in reversed(_ordered(block.children, by_votes))]
    while stack:
        node, level = stack.pop()
        code = codes[node.id] if codes is not None else ""
        yield ListItem(level, _activity_spans(node, phrases), code)
        stack.extend((child, level + 1) for child in reversed(_ordered(node.children, by_votes)))


def _analysis(data: WorkshopData, phrases: Phrases, options: MinutesOptions) -> Iterator[Block]:
    """SWOT ANALÝZA: per theme with any, its SWOT as a 2×2 grid, then its problems.

    Left out when no theme has either, and in a later meeting of the group
    (``previous_meeting`` set), whose SWOT is the first meeting's, kept for reference.
    """
    if data.details.previous_meeting is not None and not options.reference_analysis:
        return
    themes = [theme for theme in data.themes if theme.swot or theme.problems]
    if not themes:
        return
    yield Heading(1, phrases.swot_heading)
    for theme in themes:
        yield Heading(2, one_line(theme.name))
        if theme.swot:
            yield _swot_grid(theme, phrases, options.order_by_votes)
        if theme.problems:
            yield Paragraph((Span(phrases.problems_heading, bold=True),), keep_with_next=True)
            texts = swot_texts(theme)
            for problem in _ordered(theme.problems, options.order_by_votes):
                note = sources_note(problem, texts, phrases)
                yield ListItem(0, item_spans(problem.text, problem.votes, note, phrases))


def swot_texts(theme: Theme) -> dict[int, str]:
    """The theme's SWOT items' texts on one line each, by id: what its problems come from."""
    return {item.id: one_line(item.text) for item in theme.swot}


def sources_note(problem: Problem, texts: dict[int, str], phrases: Phrases) -> str:
    """``vychází z: A; B``: the SWOT items a problem comes from (``swot_texts``), or ""."""
    sources = [texts[i] for i in problem.sources if i in texts]
    return f"{phrases.sources_label}: {'; '.join(sources)}" if sources else ""


def _swot_grid(theme: Theme, phrases: Phrases, by_votes: bool) -> Grid:
    return Grid(
        columns=2,
        cells=tuple(
            GridCell(
                phrases.quadrant_names[quadrant],
                tuple(
                    item_spans(item.text, item.votes, item.note, phrases)
                    for item in _ordered(theme.quadrant_items(quadrant), by_votes)
                ),
            )
            for quadrant in Quadrant
        ),
    )


def _activities(data: WorkshopData, phrases: Phrases, options: MinutesOptions) -> Iterator[Block]:
    if not data.blocks:
        return
    yield Heading(1, phrases.activities_heading)
    codes = None
    if options.numbered:
        # Codes change whenever the tree is reordered: the minutes say which tree they are of.
        # They are the tree's, taken before any ordering by votes.
        codes = activity_codes(data.root)
        note = phrases.codes_note_by_votes if options.order_by_votes else phrases.codes_note
        day = phrases.date_text(data.details.starts_at.date())
        yield Paragraph((Span(note.format(date=day), italic=True),))
    themes = data.theme_by_id()
    for block in data.blocks:
        names = [one_line(themes[i].name).upper() for i in block.theme_ids if i in themes]
        if names:
            yield Paragraph((Span(" + ".join(names), bold=True),), keep_with_next=True)
        yield from activity_items(block, phrases, options.order_by_votes, codes)


def _attendance(data: WorkshopData, phrases: Phrases) -> Iterator[Block]:
    yield Heading(1, phrases.attendance_heading, new_page=True)
    yield Table(
        header=phrases.attendance_columns,
        rows=tuple(
            (
                one_line(attendee.name),
                one_line(attendee.organization),
                phrases.present if attendee.present else phrases.excused,
                "",
            )
            for attendee in data.attendees
        ),
        widths=(27, 29, 20, 24),
        row_height_mm=9,
    )
    yield Paragraph((Span(phrases.privacy_notice, italic=True),))
