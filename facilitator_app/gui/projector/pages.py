"""What a mode shows, as a ``Page``: the text blocks made from a ``WallState``."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QDate, QLocale, QTime

from facilitator_app.gui.projector.look import COLLAPSED_MARKER, DEEP_MARKER, MARKERS
from facilitator_app.gui.projector.state import Mode, Outline, ThemeView, WallState
from facilitator_app.minutes.phrases import Phrases, phrases_for
from facilitator_app.workshop.model import Quadrant

# Between an activity's code and its text on the wall: two spaces that do not break.
CODE_GAP = "\u00a0\u00a0"

# The SWOT grid's cells in reading order: inside the region above, outside it below.
GRID = (Quadrant.STRENGTHS, Quadrant.WEAKNESSES, Quadrant.OPPORTUNITIES, Quadrant.THREATS)


class Block(NamedTuple):
    key: Hashable  # what it shows, for highlights: ("node", id), ("para", theme id, n), …
    text: str
    style: str
    depth: int = 0  # outline levels of indent
    marker: str = ""  # drawn in the margin before the text (bullet, rank)
    suffix: str = ""  # after the text, in the muted colour (votes, a collapsed count)
    value: float = 0.0  # a bar's length, 0…1
    label: str = ""  # a bar's number


class OutlineBlocks(Sequence[Block]):
    """The visible rows of an outline as blocks, made when asked (5,000 rows stay cheap)."""

    def __init__(
        self,
        outline: Outline,
        votes_text: Callable[[int], str],
        votes: bool = True,
        codes: bool = False,
    ) -> None:
        self.outline = outline
        self.visible = outline.visible
        self.votes_text = votes_text
        self.votes = votes  # False: the votes are hidden from the room
        # True: each row's code before its text (``3.1.2``; a block's number before its label)
        self.codes = outline.codes if codes else None

    def __len__(self) -> int:
        return len(self.visible)

    def __getitem__(self, index: int) -> Block:  # type: ignore[override]
        position = self.visible[index]
        row = self.outline.rows[position]
        text = row.text
        if self.codes is not None:
            text = f"{self.codes[position]}{CODE_GAP}{text}"
        if row.is_block:
            return Block(("node", row.id), text, "block")
        level = row.depth - 1
        marker = COLLAPSED_MARKER if row.collapsed else MARKERS.get(level, DEEP_MARKER)
        suffix = ""
        if row.votes and self.votes:
            suffix += "\u00a0\u00a0" + self.votes_text(row.votes)
        if row.collapsed:
            suffix += f"\u00a0\u00a0(+{row.hidden_count})"
        return Block(("node", row.id), text, "item", level, marker, suffix)

    def index_of(self, key: Hashable) -> int | None:
        if isinstance(key, tuple) and len(key) == 2 and key[0] == "node":
            return self.outline.visible_position(key[1])  # type: ignore[arg-type]
        return None

    def tokens(self) -> Sequence[object]:
        """One value per block that changes when its block does: the visible rows."""
        rows, visible = self.outline.rows, self.visible
        shown = rows if len(visible) == len(rows) else tuple(rows[p] for p in visible)
        if self.codes is None:
            return shown
        # A row's code changes with the rows before it (an insert above renumbers the rest).
        codes = self.codes
        if len(visible) == len(rows):
            return tuple(zip(shown, codes, strict=True))
        return tuple(zip(shown, (codes[p] for p in visible), strict=True))


@dataclass
class Page:
    blocks: Sequence[Block]
    current: int | None = None  # the block the facilitator works on
    center: bool = False  # vertically centred (the title page, a message)
    max_scale: float = 1.0  # of the largest size
    # A grid (the SWOT): the blocks of each cell, (start, stop), in reading order, two cells a
    # row; each cell's first block is its label. The blocks before the first cell head the page.
    cells: tuple[tuple[int, int], ...] = ()

    def index_of(self, key: Hashable) -> int | None:
        finder = getattr(self.blocks, "index_of", None)
        if finder is not None:
            found: int | None = finder(key)
            return found
        for index, block in enumerate(self.blocks):
            if block.key == key:
                return index
        return None

    def tokens(self) -> Sequence[object]:
        """One value per block, equal while the block is the same (to measure only changes)."""
        finder = getattr(self.blocks, "tokens", None)
        if finder is not None:
            found: Sequence[object] = finder()
            return found
        return tuple(self.blocks)

    @property
    def current_key(self) -> Hashable:
        return self.blocks[self.current].key if self.current is not None else None


class PageMaker:
    """Turns a state into the page of a mode (``WallRenderer``'s part that knows the modes)."""

    def page(self, state: WallState | None, mode: Mode) -> Page:
        if state is None or mode is Mode.BLANK:
            return Page([])
        self.czech = state.title.language == "cs"
        key = (mode, state.revision)
        page = self._pages.get(key)
        if page is None:
            if len(self._pages) > 16:
                self._pages.clear()
            page = self._make_page(state, mode)
            self._pages[key] = page
        return page

    def _make_page(self, state: WallState, mode: Mode) -> Page:
        if mode is Mode.TITLE:
            return self._title_page(state)
        if mode is Mode.VISION:
            return self._vision_page(state, state.themes)
        if mode is Mode.THEME:
            theme = state.current_theme
            return self._vision_page(state, (theme,) if theme is not None else ())
        if mode is Mode.ACTIVITIES:
            if not state.outline.rows:
                return self._message(self._phrases(state).no_activities_yet)
            blocks = OutlineBlocks(
                state.outline, self._votes_text, state.votes_revealed, state.codes_shown
            )
            return Page(blocks, current=state.outline.visible_position(state.focus.node_id))
        if mode is Mode.REMARKS:
            return self._remarks_page(state)
        if mode is Mode.RANKING:
            return self._ranking_page(state)
        if mode is Mode.TASKS:
            return self._tasks_page(state)
        if mode is Mode.SWOT:
            return self._swot_page(state)
        if mode is Mode.PROBLEMS:
            return self._problems_page(state)
        return Page([])

    @staticmethod
    def _phrases(state: WallState) -> Phrases:
        """The room reads the workshop's language, whatever the facilitator's UI speaks."""
        return phrases_for(state.title.language or "cs")

    def _votes_text(self, votes: int) -> str:
        return f"●\u00a0{votes}"

    def _votes_suffix(self, state: WallState, votes: int) -> str:
        """The votes after an item's text, as the activities show them; nothing while hidden."""
        if not votes or not state.votes_revealed:
            return ""
        return "\u00a0\u00a0" + self._votes_text(votes)

    @staticmethod
    def _current_item(state: WallState, kind: str) -> int | None:
        """The id of the SWOT item (``kind`` "swot") or problem the facilitator is on."""
        focus = state.focus
        return focus.item_id if focus.section == "analysis" and focus.item_kind == kind else None

    def _swot_page(self, state: WallState) -> Page:
        """The current theme's SWOT as a 2×2 grid: the theme's name above, each quadrant's
        label and items in its cell."""
        theme = state.current_theme
        if theme is None:
            return self._message(self._phrases(state).no_themes_yet)
        phrases = self._phrases(state)
        current_id = self._current_item(state, "swot")
        blocks = [Block(("theme", theme.id), theme.name, "heading")]
        cells: list[tuple[int, int]] = []
        current: int | None = None
        for quadrant in GRID:
            start = len(blocks)
            label = phrases.quadrant_names[quadrant]
            blocks.append(Block(("quadrant", theme.id, quadrant.value), label, "cell"))
            items = theme.quadrant_items(quadrant)
            if not items:
                blocks.append(
                    Block(
                        ("quadrant", theme.id, quadrant.value, 0),
                        phrases.nothing_in_quadrant_yet,
                        "meta",
                    )
                )
            for item in items:
                if item.id == current_id:
                    current = len(blocks)
                suffix = self._votes_suffix(state, item.votes)
                blocks.append(Block(("swot", item.id), item.text, "item", 1, MARKERS[1], suffix))
            cells.append((start, len(blocks)))
        return Page(blocks, current=current, cells=tuple(cells))

    def _problems_page(self, state: WallState) -> Page:
        """The current theme's problems, numbered in their order, with their votes."""
        theme: ThemeView | None = state.current_theme
        if theme is None:
            return self._message(self._phrases(state).no_themes_yet)
        phrases = self._phrases(state)
        heading = f"{phrases.problems_heading}: {theme.name}"
        blocks = [Block(("theme", theme.id), heading, "heading")]
        current_id = self._current_item(state, "problem")
        current: int | None = None
        for number, problem in enumerate(theme.problems, 1):
            if problem.id == current_id:
                current = len(blocks)
            suffix = self._votes_suffix(state, problem.votes)
            blocks.append(
                Block(("problem", problem.id), problem.text, "item", 1, f"{number}.", suffix)
            )
        if len(blocks) == 1:
            blocks.append(Block(("message",), phrases.no_problems_yet, "meta"))
        return Page(blocks, current=current)

    def _message(self, text: str) -> Page:
        return Page([Block(("message",), text, "message")], center=True)

    def _title_page(self, state: WallState) -> Page:
        info = state.title
        blocks = [Block(("title",), info.title, "title")]
        when = self._when(state)
        if when:
            blocks.append(Block(("date",), when, "subtitle"))
        if info.place:
            blocks.append(Block(("date",), info.place, "subtitle"))
        if info.head_count:
            label = self._phrases(state).participants_label
            blocks.append(Block(("heads",), f"{label}: {info.head_count}", "subtitle"))
        return Page(blocks, center=True, max_scale=1.3)

    @staticmethod
    def _locale(state: WallState) -> QLocale:
        """Dates and times as the workshop's language writes them (English as the minutes
        write it: British)."""
        return QLocale({"en": "en_GB"}.get(state.title.language, state.title.language or "cs"))

    def _date_text(self, state: WallState, day: date) -> str:
        """``úterý 26. května 2026`` / ``Tuesday, 26 May 2026``."""
        return self._locale(state).toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )

    def _when(self, state: WallState) -> str:
        info = state.title
        if info.starts_at is None:
            return ""
        locale = self._locale(state)
        start = info.starts_at
        text = self._date_text(state, start)
        time = locale.toString(QTime(start.hour, start.minute), QLocale.FormatType.ShortFormat)
        if info.ends_at is not None:
            end = info.ends_at
            end_time = locale.toString(QTime(end.hour, end.minute), QLocale.FormatType.ShortFormat)
            time = f"{time}–{end_time}"
        return f"{text}, {time}"

    def _vision_page(self, state: WallState, themes: Sequence[object]) -> Page:
        blocks: list[Block] = []
        current: int | None = None
        focus = state.focus
        for theme in themes:
            assert isinstance(theme, ThemeView)
            if current is None and focus.theme_id == theme.id and focus.paragraph is None:
                current = len(blocks) if len(themes) > 1 else None
            blocks.append(Block(("theme", theme.id), theme.name, "heading"))
            if not theme.paragraphs:
                no_vision = self._phrases(state).no_vision_yet
                blocks.append(Block(("para", theme.id, 0), no_vision, "meta"))
            for number, paragraph in enumerate(theme.paragraphs):
                if focus.theme_id == theme.id and focus.paragraph == number:
                    current = len(blocks)
                blocks.append(Block(("para", theme.id, number), paragraph, "body"))
        if not blocks:
            return self._message(self._phrases(state).no_themes_yet)
        return Page(blocks, current=current)

    def _remarks_page(self, state: WallState) -> Page:
        theme = state.current_theme
        phrases = self._phrases(state)
        if theme is None:
            return self._message(phrases.no_themes_yet)
        heading = f"{phrases.remarks_heading}: {theme.name}"
        blocks = [Block(("theme", theme.id), heading, "heading")]
        # The room sees the settled states; an open remark carries no label.
        statuses = {s.value: text for s, text in phrases.statuses.items() if s.value != "pending"}
        for remark in theme.remarks:
            blocks.append(Block(("remark", remark.id), remark.text, "body"))
            meta = [part for part in (statuses.get(remark.status, ""), remark.organization) if part]
            if remark.response:
                meta.append("→ " + remark.response)
            if meta:
                blocks.append(Block(("remark", remark.id), " · ".join(meta), "meta"))
        if len(blocks) == 1:
            blocks.append(Block(("message",), phrases.no_remarks_yet, "meta"))
        return Page(blocks)

    def _tasks_page(self, state: WallState) -> Page:
        """Every task agreed, in the Tasks tab's order: its text, then a line with its due
        date and a done mark. Who does it is a person's name: the state does not even hold it."""
        phrases = self._phrases(state)
        if not state.tasks:
            return self._message(phrases.no_tasks_yet)
        blocks = [Block(("tasks",), phrases.agreed_tasks_heading, "heading")]
        for task in state.tasks:
            blocks.append(Block(("task", task.id), task.text, "body"))
            meta = []
            if task.due is not None:
                meta.append(f"{phrases.due_label}: {self._date_text(state, task.due)}")
            if task.done:
                meta.append(f"{phrases.done_mark}\u00a0{phrases.task_done}")
            if meta:
                blocks.append(Block(("task", task.id, "meta"), " · ".join(meta), "meta"))
        return Page(blocks)

    def _ranking_page(self, state: WallState) -> Page:
        outline = state.outline
        ranking = outline.ranking
        if not state.votes_revealed:
            # Neither counts nor order: which activities lead would sway a paper dot vote.
            return self._message(self._phrases(state).votes_hidden)
        if not ranking:
            return self._message(self._phrases(state).no_votes_yet)
        rows = outline.rows
        most = rows[ranking[0]].votes
        blocks = [Block(("ranking",), self._phrases(state).ranking_heading, "page")]
        current: int | None = None
        rank, previous = 0, None
        for place, position in enumerate(ranking, 1):
            row = rows[position]
            if row.votes != previous:
                rank, previous = place, row.votes
            if row.id == state.focus.node_id:
                current = len(blocks)
            blocks.append(
                Block(
                    ("node", row.id),
                    row.text,
                    "bar",
                    marker=f"{rank}.",
                    value=row.votes / most,
                    label=str(row.votes),
                )
            )
        return Page(blocks, current=current)
