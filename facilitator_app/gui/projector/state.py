"""What the wall shows, as immutable snapshots of the workshop (no Qt here).

A ``WallState`` holds everything any wall mode may need (title facts, themes with their
vision paragraphs, remarks, SWOT items and problems, the activity outline, the agreed tasks,
the facilitator's focus, whether the votes are revealed), so that a frozen wall can switch
modes and still show only what was published.
``builder.StateBuilder`` makes them from the document and its change events; ``changes``
finds what differs between two of them.

Nothing here ever copies attendee names: the title page gets the head count only, and a task
comes without its owner (who does it is a person's name).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from facilitator_app.workshop.codes import codes_by_depth
from facilitator_app.workshop.model import Quadrant

if TYPE_CHECKING:
    pass


class Mode(StrEnum):
    """What the wall shows."""

    TITLE = "title"
    VISION = "vision"  # every theme's vision
    THEME = "theme"  # the vision of the theme being edited
    ACTIVITIES = "activities"
    REMARKS = "remarks"
    RANKING = "ranking"
    TASKS = "tasks"  # what was agreed: each task's text, due date and whether it is done
    SWOT = "swot"  # the current theme's SWOT analysis, a 2×2 grid
    PROBLEMS = "problems"  # the current theme's problems
    BLANK = "blank"  # an empty page in the theme's background colour


class Blanking(StrEnum):
    """A blanked wall shows one colour and nothing else, whatever the mode."""

    NONE = "none"
    BLACK = "black"
    WHITE = "white"


@dataclass(frozen=True)
class TitleInfo:
    title: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: str = ""
    language: str = "cs"
    head_count: str = ""


@dataclass(frozen=True)
class RemarkView:
    id: int
    text: str
    organization: str
    status: str
    response: str


@dataclass(frozen=True)
class TaskView:
    """A task as the room sees it: never its owner."""

    id: int
    text: str
    due: date | None
    done: bool


@dataclass(frozen=True)
class SwotView:
    """A SWOT item as the room sees it: its note stays the facilitator's."""

    id: int
    text: str
    quadrant: Quadrant
    votes: int


@dataclass(frozen=True)
class ProblemView:
    id: int
    text: str
    votes: int


@dataclass(frozen=True)
class ThemeView:
    id: int
    name: str
    paragraphs: tuple[str, ...]
    remarks: tuple[RemarkView, ...]
    swot: tuple[SwotView, ...] = ()  # all four quadrants, in the theme's order
    problems: tuple[ProblemView, ...] = ()

    def quadrant_items(self, quadrant: Quadrant) -> list[SwotView]:
        return [item for item in self.swot if item.quadrant is quadrant]


class Row(NamedTuple):
    """One node of the activity tree, flattened in document order."""

    id: int
    parent_id: int
    depth: int  # 1 for a block, 2 for a top-level activity, …
    text: str  # a block's row carries its label (the names of its themes)
    votes: int
    is_block: bool
    block_id: int
    theme_ids: tuple[int, ...]  # a block's themes (empty for activities)
    has_children: bool
    collapsed: bool  # has children and its branch is collapsed in the facilitator's tree
    hidden: bool  # inside a collapsed branch
    hidden_count: int  # for a collapsed row: how many activities its branch hides
    previous_id: int  # the previous sibling's id (0 for none), to notice moves


class Outline:
    """The flattened tree with the lookups the wall needs, computed once when first asked.

    Treat as immutable: ``with_row`` makes a new outline sharing what did not change.
    """

    __slots__ = ("_codes", "_index", "_ranking", "_visible", "rows")

    def __init__(
        self,
        rows: tuple[Row, ...],
        index: dict[int, int] | None = None,
        visible: list[int] | None = None,
        codes: list[str] | None = None,
    ) -> None:
        self.rows = rows
        self._index = index
        self._visible = visible
        self._ranking: list[int] | None = None
        self._codes = codes

    @property
    def codes(self) -> list[str]:
        """Each row's activity code (``3.1.2``; a block's number), by position in ``rows``:
        one pass over the depths when first asked, kept while only texts and votes change."""
        if self._codes is None:
            self._codes = codes_by_depth(row.depth for row in self.rows)
        return self._codes

    @property
    def index(self) -> dict[int, int]:
        """Node id → position in ``rows``."""
        if self._index is None:
            self._index = {row.id: position for position, row in enumerate(self.rows)}
        return self._index

    @property
    def visible(self) -> list[int]:
        """Positions (in ``rows``) of the rows not hidden in a collapsed branch."""
        if self._visible is None:
            self._visible = [position for position, row in enumerate(self.rows) if not row.hidden]
        return self._visible

    def visible_position(self, node_id: int | None) -> int | None:
        """Where a node is among the visible rows; a hidden node answers its visible ancestor."""
        if node_id is None or node_id not in self.index:
            return None
        position = self.index[node_id]
        visible = self.visible
        found = bisect.bisect_right(visible, position) - 1
        return found if found >= 0 else None

    @property
    def ranking(self) -> list[int]:
        """Positions of the activities with votes, most votes first (ties in document order)."""
        if self._ranking is None:
            rows = self.rows
            voted = [p for p, row in enumerate(rows) if row.votes > 0 and not row.is_block]
            voted.sort(key=lambda p: -rows[p].votes)
            self._ranking = voted
        return self._ranking

    def with_row(self, position: int, row: Row) -> Outline:
        rows = (*self.rows[:position], row, *self.rows[position + 1 :])
        same_visibility = self.rows[position].hidden == row.hidden
        # One row's text or votes: the tree's shape, and so its codes, stay.
        return Outline(rows, self._index, self._visible if same_visibility else None, self._codes)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class WallFocus:
    section: str = ""
    theme_id: int | None = None
    paragraph: int | None = None
    node_id: int | None = None
    item_id: int | None = None  # the current SWOT item or problem
    item_kind: str = ""  # "swot" or "problem" (their ids are counted apart)


@dataclass(frozen=True, eq=False)
class WallState:
    """One snapshot of everything the wall can show."""

    revision: int
    title: TitleInfo = field(default_factory=TitleInfo)
    themes: tuple[ThemeView, ...] = ()
    outline: Outline = field(default_factory=lambda: Outline(()))
    focus: WallFocus = field(default_factory=WallFocus)
    tasks: tuple[TaskView, ...] = ()
    # The theme shown by the "current theme", "remarks", SWOT and problems modes, resolved
    # when focus changes.
    current_theme_id: int | None = None
    # Vote counts are shown only once the facilitator reveals them (a paper dot vote must not
    # be swayed by a live tally); every workshop opens with them hidden.
    votes_revealed: bool = False
    # View ▸ Show activity codes: the activities mode shows each row's code before its text.
    codes_shown: bool = False

    def theme(self, theme_id: int | None) -> ThemeView | None:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        return None

    @property
    def current_theme(self) -> ThemeView | None:
        return self.theme(self.current_theme_id) or (self.themes[0] if self.themes else None)


EMPTY_STATE = WallState(revision=0)
