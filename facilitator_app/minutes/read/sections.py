"""The minutes' sections, read in order into a WorkshopData (head, vision, activities, tables)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.minutes.phrases import Phrases, phrases_for
from facilitator_app.minutes.read.activities import (
    Block,
    Depth,
    compare_depth,
    drop_code,
    excerpt,
    is_capitals,
    parse_activity,
    sentence_case,
    theme_key,
)
from facilitator_app.minutes.read.dates import dates_in, parse_when, programme_item
from facilitator_app.minutes.read.swot import SwotReader, quadrant_cells
from facilitator_app.minutes.read.tables import (
    attendee_from,
    mark_organizers,
    read_table,
    remark_from,
    task_from,
)
from facilitator_app.minutes.read.vocabulary import (
    LABELS,
    PROBLEMS,
    SECTIONS,
    is_codes_note,
    word_key,
)
from facilitator_app.minutes.read.words import Body, Paragraph, Table
from facilitator_app.minutes.text import clean_text, one_line
from facilitator_app.workshop.errors import BadInputError
from facilitator_app.workshop.model import (
    Node,
    Theme,
    WorkshopData,
    WorkshopDetails,
    renumber_children,
)


class SectionReader:
    """Reads the body's items in order, one section at a time."""

    def __init__(self, path: Path, document: Any) -> None:
        self.path = path
        self.document = document
        self.data = WorkshopData(details=WorkshopDetails())
        self.evidence = {"cs": 0, "en": 0}  # words of each language among headings and labels
        self.themes: dict[str, Theme] = {}  # theme_key(name) -> theme
        self.next_node_id = 1
        self.next_remark_id = 1
        self.recognised = False  # a heading, a section, a list or a date line was seen
        # where the reader is
        self.state = "head"  # head, swot, vision, activities, loose, attendance or other
        self.level = 0  # the heading level of the current section (0 for a plain paragraph)
        self.section_level: int | None = None  # the level of the first section heading
        self.has_activities = False
        # Numbered minutes (their note under the activities heading was read): an activity's
        # text may open with its code (``3.1.2``), printed as text, which is not kept.
        self.numbered = False
        self.theme: Theme | None = None
        self.theme_level: int | None = None
        self.block: Block | None = None
        self.swot = SwotReader()
        self.in_problems = False  # under a theme's "Problémy" line in the SWOT section
        # The themes in the order VIZE gives them (the SWOT before it names only some).
        self.vision_order: list[Theme] = []
        # what is collected on the way
        self.head: list[Paragraph] = []
        self.head_tables: list[Table] = []
        self.intro: list[str] = []
        self.remark_rows: list[dict[str, str]] = []
        self.drafts: dict[int, list[str]] = {}
        self.organizers_present = 0  # M of the head count "N (+M LABEL)"
        self.programme_lines: list[str] = []

    def read(self) -> WorkshopData:
        items = list(Body(self.document).items())
        self.has_activities = any(
            isinstance(item, Paragraph) and self._section(item)[0] == "activities" for item in items
        )
        for item in items:
            if isinstance(item, Table):
                if not self._table(item) and self.state == "head":
                    self.head_tables.append(item)
            else:
                self._paragraph(item)
        self._head()
        self._programme()
        mark_organizers(
            self.data.attendees, self.organizers_present, self.data.details.organizer_label
        )
        self._remarks()
        self._finish_visions()
        self._order_themes()
        self._intro()
        if not self.recognised:
            raise BadInputError(
                self.path,
                "has no headings and no bulleted list: nothing in it reads as minutes (a title, "
                "a VIZE or VISION heading with a heading per theme, activities as a bulleted "
                "list)",
            )
        for block in self.data.blocks:
            for node in block.walk():
                renumber_children(node)
        return self.data

    def _paragraph(self, item: Paragraph) -> None:
        text, heading = item.text, item.heading
        if not text.strip():
            if self.state == "vision" and self.theme is not None and item.draft.strip():
                self.drafts[self.theme.id].append(clean_text(item.draft))  # deleted in full
            return
        if heading is not None or item.listed:
            self.recognised = True
        section, language = self._section(item)
        if section is not None:
            if language:
                self.evidence[language] += 1
            self.recognised = True
            self.state, self.level = section, heading or 0
            if heading is not None and self.section_level is None:
                self.section_level = heading
            self.theme = self.theme_level = self.block = None
            self.in_problems = False
            return
        if heading == 0 and self.state != "head":
            return  # a second title: nothing to keep
        if heading is not None and self.state != "head" and heading <= self.level:
            self.state, self.level, self.block = "other", heading, None  # skipped (tasks…)
            return
        if self.state == "head":
            if not item.listed or self.has_activities:
                self.head.append(item)
                return
            self.state, self.level = "loose", 1  # a list without an activities heading
        if self.state == "programme":
            if heading is None:
                self.programme_lines.append(one_line(text))
        elif self.state == "swot":
            self._in_swot(item)
        elif self.state == "vision":
            self._in_vision(item)
        elif self.state in ("activities", "loose") or (
            self.state == "other" and not self.has_activities
        ):
            self._in_activities(item, loose=self.state != "activities")
        # The tasks, the attendance list and unknown sections: only their tables are read.

    def _section(self, item: Paragraph) -> tuple[str | None, str]:
        """(programme, swot, vision, activities, tasks or attendance; its language, "" when the
        word tells none) when ``item`` starts a section."""
        if item.listed or len(item.text) > 60:
            return None, ""
        if (
            item.heading is not None
            and self.section_level is not None
            and item.heading > self.section_level
        ):
            return None, ""  # deeper than the sections: a theme or a block's themes
        return SECTIONS.get(word_key(item.text), (None, ""))

    def _theme_heading(self, item: Paragraph) -> bool:
        """Whether ``item`` heads a theme of the section (one level below it, as the first
        theme's heading): then that theme is the current one."""
        heading = item.heading
        if (
            heading is None
            or heading <= self.level
            or (self.theme_level is not None and heading > self.theme_level)
        ):
            return False
        self.theme_level = self.theme_level or heading
        self.theme = self._theme(one_line(item.text))
        return True

    def _in_swot(self, item: Paragraph) -> None:
        """A theme's heading, its "Problémy" line, or one of its problems (its SWOT is a
        table: ``_table``)."""
        if self._theme_heading(item):
            self.in_problems = False
        elif not item.listed and word_key(item.text) in PROBLEMS:
            self.in_problems = True
        elif item.listed and self.in_problems and self.theme is not None:
            self.swot.problem(self.theme, item)

    def _in_vision(self, item: Paragraph) -> None:
        if self._theme_heading(item):
            assert self.theme is not None
            self.drafts.setdefault(self.theme.id, [])
            self.vision_order.append(self.theme)
        elif self.theme is None:
            self.intro.append(item.text)
        else:
            theme, text = self.theme, clean_text(item.text)
            theme.vision = f"{theme.vision}\n\n{text}" if theme.vision else text
            if item.draft.strip():
                self.drafts[theme.id].append(clean_text(item.draft))

    def _in_activities(self, item: Paragraph, *, loose: bool) -> None:
        """A block's line of themes, or an activity.

        Under an activities heading every paragraph counts (a plain one is an activity at its
        indentation); elsewhere (a list found without such a heading) only list items do.
        """
        text = item.text
        if item.heading is not None and item.heading > self.level:
            self.block = self._new_block(text)
            return
        if not item.listed:
            if loose:
                return
            if is_codes_note(text):
                self.numbered = True
                return
            if is_capitals(text) or self._all_themes(text):
                self.block = self._new_block(text)
                return
        if self.block is None:
            self.block = self._new_block(None)
        self._activity(self.block, item)

    # --- words ----------------------------------------------------------------------------

    def _language(self) -> str:
        cs, en = self.evidence["cs"], self.evidence["en"]
        if cs != en:
            return "cs" if cs > en else "en"
        language = (self.document.core_properties.language or "").lower()
        if language.startswith(("cs", "en")):
            return str(language[:2])
        sample = " ".join(t.name for t in self.data.themes) + self.data.details.title
        return "cs" if re.search("[ěščřžůťďňĚŠČŘŽŮŤĎŇ]", sample) else "en"

    # --- head -----------------------------------------------------------------------------

    def _head(self) -> None:
        """The title and the lines under it (date, place, head count, facilitator)."""
        details = self.data.details
        lines: list[tuple[str, str]] = []
        others: list[Paragraph] = []
        for paragraph in self.head:
            label, _, value = one_line(paragraph.text).partition(":")
            if value.strip() and word_key(label) in LABELS and paragraph.heading is None:
                lines.append((label, value.strip()))
            else:
                others.append(paragraph)
        for table in self.head_tables:  # a table of details: "Datum: | 19. 5. 2026"
            for row in table.rows:
                cells = [one_line(cell) for cell in row if cell.strip()]
                if len(cells) >= 2 and word_key(cells[0]) in LABELS:
                    lines.append((cells[0], " ".join(cells[1:])))
        others = [p for p in others if not self._previous_meeting(p)]
        for label, value in lines:
            name, language = LABELS[word_key(label)]
            if language is None:  # "Facilitátor" / "Facilitator": only the accent tells
                language = "cs" if "á" in label.lower() else "en"
            self.evidence[language] += 1
            if name == "date":
                self.recognised = True
                when = parse_when(value)
                if when is not None:
                    details.starts_at, details.ends_at = when
            elif name == "place":
                details.place = value
            elif name == "facilitator":
                details.facilitator = value
            else:  # the head count, "8 (+1 ORK)": only the organisers' label can be kept
                match = re.search(r"\(\s*\+\s*(\d+)\s+([^)]*?)\s*\)", value)
                if match and match[2]:
                    self.organizers_present = int(match[1])
                    details.organizer_label = match[2]
        title = (
            next((p for p in others if p.heading == 0), None)
            or next((p for p in others if p.heading == 1), None)
            or next((p for p in others if p.heading is not None), None)
            or next(iter(others), None)
        )
        details.title = one_line(title.text) if title is not None else ""
        if not details.title:
            details.title = one_line(self.document.core_properties.title or "") or self.path.stem
        details.language = self._language()

    def _previous_meeting(self, paragraph: Paragraph) -> bool:
        """Whether ``paragraph`` is the sentence naming the previous meeting (then kept)."""
        text = one_line(paragraph.text)
        for language in ("cs", "en"):
            before, _, after = phrases_for(language).follows_meeting.partition("{date}")
            if text.startswith(before) and text.endswith(after) and paragraph.heading is None:
                days = dates_in(text[len(before) : len(text) - len(after)])
                if days:
                    self.data.details.previous_meeting = days[0][2]
                    self.evidence[language] += 1
                    return True
        return False

    # --- vision -----------------------------------------------------------------------------

    def _theme(self, name: str) -> Theme:
        """The theme named ``name`` (in any case), created when there is none yet."""
        key = theme_key(name)
        theme = self.themes.get(key)
        if theme is None:
            theme = Theme(len(self.data.themes) + 1, name)
            self.data.themes.append(theme)
            self.themes[key] = theme
        return theme

    def _finish_visions(self) -> None:
        """A theme whose vision has tracked changes keeps the wording before them as draft."""
        for theme in self.data.themes:
            if theme.id in self.drafts:
                draft = "\n\n".join(self.drafts[theme.id])
                if draft != theme.vision:
                    theme.draft = draft

    def _order_themes(self) -> None:
        """The themes in the vision's order; one it does not name keeps its place after them."""
        rank = {id(theme): position for position, theme in enumerate(self.vision_order)}
        last = len(rank)
        self.data.themes.sort(key=lambda theme: rank.get(id(theme), last))

    def _intro(self) -> None:
        """The sentences opening VIZE, kept when they are not the ones the app generates."""
        if not self.intro:
            return
        phrases: Phrases = phrases_for(self.data.details.language)
        has_remarks = any(theme.remarks for theme in self.data.themes)
        generated = (
            [phrases.remarks_intro, phrases.vision_result] if has_remarks else [phrases.no_remarks]
        )
        texts = [clean_text(text) for text in self.intro]
        if [" ".join(text.split()) for text in texts] != generated:
            self.data.details.vision_intro = "\n\n".join(texts)

    # --- tables -----------------------------------------------------------------------------

    def _table(self, table: Table) -> bool:
        """Read a theme's SWOT, the table of remarks, of tasks or the attendance list; False
        for another."""
        quadrants = quadrant_cells(table) if self.state == "swot" else None
        if quadrants is not None and self.theme is not None:
            self.recognised = True
            self.swot.table(self.theme, quadrants)
            return True
        found = read_table(table)
        if found is None:
            return False
        kind, rows = found
        if kind == "remarks":
            self.remark_rows += rows
            return True
        self.recognised = True
        if kind == "tasks":
            for cells in rows:
                task = task_from(cells, len(self.data.tasks) + 1)
                if task is not None:
                    self.data.tasks.append(task)
        else:
            for cells in rows:
                attendee = attendee_from(cells, len(self.data.attendees) + 1)
                if attendee is not None:
                    self.data.attendees.append(attendee)
        return True

    # --- programme ----------------------------------------------------------------------------

    def _programme(self) -> None:
        """The agenda items from the programme's lines, their times on the workshop's date."""
        day = self.data.details.starts_at.date()
        for line in self.programme_lines:
            item = programme_item(line, day, len(self.data.agenda) + 1)
            if item is not None:
                self.data.agenda.append(item)

    def _remarks(self) -> None:
        """Remarks go to their theme (made when VIZE has no such heading); a row without a
        theme continues the theme of the row above."""
        theme: Theme | None = None
        for cells in self.remark_rows:
            text = cells.get("text", "").strip()
            name = one_line(cells.get("theme", ""))
            if name:
                theme = self._theme(name)
            if theme is None or not text:
                continue
            theme.remarks.append(remark_from(cells, self.next_remark_id, self.data.attendees))
            self.next_remark_id += 1

    # --- activities ---------------------------------------------------------------------------

    def _split_names(self, text: str) -> list[str]:
        """The theme names in a block's line, split at "+" (a known name may hold a "+")."""
        parts = [part.strip() for part in text.split("+")]
        parts = [part for part in parts if part]
        names: list[str] = []
        start = 0
        while start < len(parts):
            end = next(
                end
                for end in range(len(parts), start, -1)
                if end == start + 1 or theme_key(" + ".join(parts[start:end])) in self.themes
            )
            names.append(" + ".join(parts[start:end]))
            start = end
        return names

    def _all_themes(self, text: str) -> bool:
        names = self._split_names(one_line(text))
        return bool(names) and all(theme_key(name) in self.themes for name in names)

    def _new_block(self, text: str | None) -> Block:
        """A block with the themes named in ``text``; a theme not under VIZE is made here."""
        themes: list[Theme] = []
        for name in self._split_names(one_line(text)) if text else []:
            theme = self.themes.get(theme_key(name)) or self._theme(sentence_case(name))
            if theme not in themes:
                themes.append(theme)
        node = Node(self.next_node_id, theme_ids=[t.id for t in themes], parent=self.data.root)
        node.position = len(self.data.root.children)
        self.next_node_id += 1
        self.data.root.children.append(node)
        return Block(node)

    def _activity(self, block: Block, item: Paragraph) -> None:
        """Hang the item under the nearest item before it that is less deep."""
        parsed = parse_activity(item)
        if parsed is None:
            return
        text, note, votes = parsed
        key = (item.indent, item.left, item.ilvl)
        stack = block.stack

        def deeper(above: tuple[Depth, Node]) -> int:
            order = compare_depth(above[0], key)
            if order is None:  # a tree either way: refused, never guessed
                raise BadInputError(
                    self.path,
                    QT_TRANSLATE_NOOP(
                        "Refusal",
                        'the level of the activity "%1" cannot be told: its first line is'
                        ' indented more than that of "%2" above it and its text less, or the'
                        " other way round (indent the items of one level alike)",
                    ),
                    excerpt(text),
                    excerpt(above[1].text),
                )
            return order

        while stack and deeper(stack[-1]) > 0:
            stack.pop()
        if stack and deeper(stack[-1]) == 0:
            stack.pop()
        parent = stack[-1][1] if stack else block.node
        if self.numbered:
            text = drop_code(text, block.node.position + 1, len(stack))
        node = Node(self.next_node_id, text, note, votes, parent=parent)
        self.next_node_id += 1
        parent.children.append(node)
        stack.append((key, node))
