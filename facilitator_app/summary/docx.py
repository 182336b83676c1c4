"""The region summary as a Word document, through the minutes' own .docx writer.

The summary is made of the minutes' blocks (``minutes/content.py``) and written by
``minutes/write/docx.py``: the same styles, lists, tables and package. After a table of the
groups and their meetings, each theme has the groups' visions side by side (a row per
group), the activities of every group under it (a block for several themes is under each),
and the combined SWOT (one 2×2 grid, each item with its group) and problems. Blocks that name
no theme follow at the end. No person is named anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from facilitator_app.minutes.content import (
    Block,
    Grid,
    GridCell,
    Heading,
    ListItem,
    Minutes,
    Paragraph,
    Span,
    Table,
    activity_items,
    item_spans,
    sources_note,
    swot_texts,
)
from facilitator_app.minutes.text import clean_text, one_line
from facilitator_app.minutes.write.docx import write_docx
from facilitator_app.summary.collect import Group, Meeting, Summary
from facilitator_app.summary.phrases import SummaryPhrases
from facilitator_app.summary.themes import (
    RegionTheme,
    activities_meeting,
    analysis_meeting,
    block_theme_names,
    latest_vision,
    region_themes,
    theme_key,
)
from facilitator_app.workshop.codes import activity_codes
from facilitator_app.workshop.model import Node, Quadrant, Theme


def write_summary_docx(summary: Summary, target: Path, phrases: SummaryPhrases) -> None:
    """Write the document to ``target`` atomically."""
    write_docx(build_document(summary, phrases), target)


def build_document(summary: Summary, phrases: SummaryPhrases) -> Minutes:
    blocks: list[Block] = [Heading(0, phrases.title)]
    blocks += _groups(summary, phrases)
    for theme in region_themes(summary.groups):
        groups = [g for g in summary.groups if any(_themes_of(m, theme.key) for m in g.meetings)]
        blocks.append(Heading(1, theme.name))
        blocks += _visions(groups, theme, phrases)
        blocks += _activities(groups, phrases, theme.key)
        blocks += _analysis(groups, theme, phrases)
    blocks += _activities(summary.groups, phrases, None)
    return Minutes(phrases.title, "", phrases.minutes, blocks)


def _themes_of(meeting: Meeting, key: str) -> list[Theme]:
    return [theme for theme in meeting.data.themes if theme_key(theme.name) == key]


def _groups(summary: Summary, phrases: SummaryPhrases) -> Iterator[Block]:
    """A row per group: its meetings (round and date), the head counts, its activities."""
    if not summary.groups:
        return
    yield Heading(1, phrases.groups_heading)
    rows = []
    date_text = phrases.minutes.date_text
    for group in summary.groups:
        dates = "\n".join(
            phrases.meeting_label.format(round=m.round, date=date_text(m.day))
            for m in group.meetings
        )
        present = "\n".join(m.data.head_count_text() for m in group.meetings)
        latest = activities_meeting(group)
        count = sum(_size(block) for block in latest.data.blocks) if latest else 0
        rows.append((one_line(group.title), dates, clean_text(present), str(count)))
    yield Table(phrases.groups_columns, tuple(rows), widths=(36, 28, 22, 14))


def _size(block: Node) -> int:
    return sum(1 for _ in block.walk()) - 1


def _visions(groups: list[Group], theme: RegionTheme, phrases: SummaryPhrases) -> Iterator[Block]:
    yield Heading(2, phrases.vision_heading)
    rows = []
    for group in groups:
        found = latest_vision(group, theme.key)
        text = "\n\n".join(found[1].vision_paragraphs()) if found else phrases.no_vision
        rows.append((one_line(group.title), clean_text(text)))
    yield Table(phrases.vision_columns, tuple(rows), widths=(28, 72))


def _activities(groups: tuple[Group, ...] | list[Group], phrases: SummaryPhrases,
                key: str | None) -> Iterator[Block]:  # fmt: skip
    """The activities of ``groups`` in the blocks for the theme ``key`` (None: the blocks
    that name no theme known to their meeting, under a heading of their own)."""
    found: list[Block] = []
    for group in groups:
        meeting = activities_meeting(group)
        if meeting is None:
            continue
        themes = {theme.id: theme_key(theme.name) for theme in meeting.data.themes}
        codes = activity_codes(meeting.data.root)
        items: list[Block] = []
        for block in meeting.data.blocks:
            keys = [themes[i] for i in block.theme_ids if i in themes]
            if (key not in keys) if key is not None else keys:
                continue
            if not block.children:
                continue
            if len(keys) > 1:  # a block shared with other themes says so
                names = " + ".join(block_theme_names(meeting, block)).upper()
                items.append(Paragraph((Span(names, italic=True),), keep_with_next=True))
            items += activity_items(block, phrases.minutes, codes=codes)
        if items:
            found.append(Paragraph((Span(one_line(group.title), bold=True),), keep_with_next=True))
            found += items
    if key is None:
        if found:
            yield Heading(1, phrases.other_activities_heading)
            yield from found
        return
    yield Heading(2, phrases.activities_heading)
    yield from found or [Paragraph((Span(phrases.no_activities),))]


def _analysis(groups: list[Group], theme: RegionTheme, phrases: SummaryPhrases) -> Iterator[Block]:
    """One SWOT of all groups' items (each naming its group when there are several) and
    their problems."""
    sources = [
        (group, found)
        for group in groups
        if (meeting := analysis_meeting(group))
        for found in _themes_of(meeting, theme.key)
    ]
    if not any(found.swot or found.problems for _, found in sources):
        return
    minutes = phrases.minutes
    several = len({group.title for group, _ in sources}) > 1
    labels = short_titles([group.title for group in groups])

    def whose(group: Group) -> tuple[Span, ...]:
        return (Span(f" – {labels[group.title]}", italic=True),) if several else ()

    yield Heading(2, phrases.analysis_heading)
    yield Grid(
        columns=2,
        cells=tuple(
            GridCell(
                minutes.quadrant_names[quadrant],
                tuple(
                    item_spans(item.text, item.votes, item.note, minutes) + whose(group)
                    for group, found in sources
                    for item in found.quadrant_items(quadrant)
                ),
            )
            for quadrant in Quadrant
        ),
    )
    problems = [(group, found) for group, found in sources if found.problems]
    if problems:
        yield Paragraph((Span(minutes.problems_heading, bold=True),), keep_with_next=True)
    for group, found in problems:
        texts = swot_texts(found)
        for problem in found.problems:
            note = sources_note(problem, texts, minutes)
            yield ListItem(0, item_spans(problem.text, problem.votes, note, minutes) + whose(group))


def short_titles(titles: list[str]) -> dict[str, str]:
    """Each title without the words that open every one of them ("Pracovní skupina …"): the
    label an item of the combined SWOT carries, where the full title would bury the items."""
    split = [one_line(title).split() for title in titles]
    common = 0
    while (
        all(len(words) > common + 1 for words in split)
        and len({words[common] for words in split}) == 1
    ):
        common += 1
    return {title: " ".join(words[common:]) for title, words in zip(titles, split, strict=True)}
