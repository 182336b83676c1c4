"""What the wall shows, as immutable snapshots of the workshop (no Qt here).

A ``WallState`` holds everything any wall mode may need (title facts, themes with their
vision paragraphs and remarks, the activity outline, the facilitator's focus), so that a frozen
wall can switch modes and still show only what was published. ``StateBuilder`` makes the first
snapshot from the document's data and then a new one after every change event; a keystroke in
an activity replaces one row of the outline instead of walking the whole tree again.

Nothing here ever copies attendee names: the title page gets the head count only.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from ...workshop.errors import WorkshopError
from ...workshop.events import (
    Event,
    FieldsChanged,
    Kind,
    NodeMoved,
    NodesInserted,
    NodesRemoved,
    RecordMoved,
    RecordsInserted,
    RecordsRemoved,
)
from ...workshop.model import Node, WorkshopData, split_paragraphs

if TYPE_CHECKING:
    from ...workshop.document import Document


class Mode(StrEnum):
    """What the wall shows."""

    TITLE = "title"
    VISION = "vision"  # every theme's vision
    THEME = "theme"  # the vision of the theme being edited
    ACTIVITIES = "activities"
    REMARKS = "remarks"
    RANKING = "ranking"
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
class ThemeView:
    id: int
    name: str
    paragraphs: tuple[str, ...]
    remarks: tuple[RemarkView, ...]


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

    __slots__ = ("_index", "_ranking", "_visible", "rows")

    def __init__(
        self,
        rows: tuple[Row, ...],
        index: dict[int, int] | None = None,
        visible: list[int] | None = None,
    ) -> None:
        self.rows = rows
        self._index = index
        self._visible = visible
        self._ranking: list[int] | None = None

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
        return Outline(rows, self._index, self._visible if same_visibility else None)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class WallFocus:
    section: str = ""
    theme_id: int | None = None
    paragraph: int | None = None
    node_id: int | None = None


@dataclass(frozen=True, eq=False)
class WallState:
    """One snapshot of everything the wall can show."""

    revision: int
    title: TitleInfo = field(default_factory=TitleInfo)
    themes: tuple[ThemeView, ...] = ()
    outline: Outline = field(default_factory=lambda: Outline(()))
    focus: WallFocus = field(default_factory=WallFocus)
    # The theme shown by the "current theme" and "remarks" modes, resolved when focus changes.
    current_theme_id: int | None = None

    def theme(self, theme_id: int | None) -> ThemeView | None:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        return None

    @property
    def current_theme(self) -> ThemeView | None:
        return self.theme(self.current_theme_id) or (self.themes[0] if self.themes else None)


EMPTY_STATE = WallState(revision=0)

# Fields whose change shows on the wall (a node's note does not).
_NODE_FIELDS = frozenset({"text", "votes", "theme_ids"})
_THEME_FIELDS = frozenset({"name", "vision"})
_TITLE_FIELDS = frozenset({"title", "starts_at", "ends_at", "place", "language"})


class StateBuilder:
    """Makes wall snapshots of one workshop, updating the last one for each change event."""

    def __init__(
        self,
        document: Document,
        is_collapsed: Callable[[int], bool] = lambda node_id: False,
        block_label: str = "Activities",
    ) -> None:
        self.document = document
        self.is_collapsed = is_collapsed
        self.block_label = block_label  # a block's label when it names no theme
        self._revisions = itertools.count(1)
        self.state = EMPTY_STATE
        self._last_theme_id: int | None = None

    @property
    def data(self) -> WorkshopData:
        return self.document.data

    # --- whole snapshots --------------------------------------------------------------------

    def rebuild(self) -> WallState:
        self.state = self._resolved(
            WallState(
                revision=next(self._revisions),
                title=self._title(),
                themes=self._themes(),
                outline=self._outline(),
                focus=self.state.focus,
            )
        )
        return self.state

    def _title(self) -> TitleInfo:
        data = self.data
        details = data.details
        return TitleInfo(
            title=details.title,
            starts_at=details.starts_at,
            ends_at=details.ends_at,
            place=details.place,
            language=details.language,
            head_count=data.head_count_text(),
        )

    def _themes(self) -> tuple[ThemeView, ...]:
        return tuple(
            ThemeView(
                theme.id,
                theme.name,
                tuple(split_paragraphs(theme.vision)),
                tuple(
                    RemarkView(r.id, r.text, r.organization, str(r.status), r.response)
                    for r in theme.remarks
                ),
            )
            for theme in self.data.themes
        )

    def _label(self, node: Node, names: dict[int, str]) -> str:
        chosen = [names[i] for i in node.theme_ids if i in names]
        return " + ".join(chosen) if chosen else self.block_label

    def _outline(self) -> Outline:
        data = self.data
        names = {theme.id: theme.name for theme in data.themes}
        is_collapsed = self.is_collapsed
        rows: list[Row] = []
        append = rows.append
        # (node, depth, hidden, block id, previous sibling id), iteratively: trees can be deep.
        stack: list[tuple[Node, int, bool, int, int]] = [
            (block, 1, False, block.id, data.blocks[i - 1].id if i else 0)
            for i, block in reversed(list(enumerate(data.blocks)))
        ]
        while stack:
            node, depth, hidden, block_id, previous_id = stack.pop()
            children = node.children
            collapsed = bool(children) and is_collapsed(node.id)
            is_block = depth == 1
            append(
                Row(
                    node.id,
                    node.parent.id if node.parent is not None else 0,
                    depth,
                    self._label(node, names) if is_block else node.text,
                    0 if is_block else node.votes,
                    is_block,
                    block_id,
                    tuple(node.theme_ids) if is_block else (),
                    bool(children),
                    collapsed,
                    hidden,
                    sum(1 for _ in node.walk()) - 1 if collapsed and not hidden else 0,
                    previous_id,
                )
            )
            if children:
                below_hidden = hidden or collapsed
                for position in range(len(children) - 1, -1, -1):
                    stack.append(
                        (
                            children[position],
                            depth + 1,
                            below_hidden,
                            block_id,
                            children[position - 1].id if position else 0,
                        )
                    )
        return Outline(tuple(rows))

    # --- changes ----------------------------------------------------------------------------

    def apply(self, event: Event) -> WallState:
        """The snapshot after ``event`` (the document's data has already changed)."""
        state = self.state
        if isinstance(event, FieldsChanged):
            fields = event.fields
            if event.kind is Kind.NODE:
                if not fields & _NODE_FIELDS:
                    return state
                outline = self._patched(state.outline, event.id)
                if outline is None:
                    outline = self._outline()
                return self._replace(outline=outline)
            if event.kind is Kind.THEME:
                if not fields & _THEME_FIELDS:
                    return state
                if "name" in fields:  # block labels name themes
                    return self._replace(themes=self._themes(), outline=self._outline())
                return self._replace(themes=self._themes())
            if event.kind is Kind.REMARK:
                return self._replace(themes=self._themes())
            if event.kind is Kind.ATTENDEE:
                return self._replace(title=self._title())
            if event.kind is Kind.DETAILS:
                if not fields & _TITLE_FIELDS:
                    return state
                return self._replace(title=self._title())
            return state
        if isinstance(event, (RecordsInserted, RecordsRemoved, RecordMoved)):
            if event.kind is Kind.ATTENDEE:
                return self._replace(title=self._title())
            if event.kind is Kind.REMARK:
                return self._replace(themes=self._themes())
            if event.kind is Kind.THEME:
                return self._replace(themes=self._themes(), outline=self._outline())
            return state
        if isinstance(event, (NodesInserted, NodesRemoved, NodeMoved)):
            return self._replace(outline=self._outline())
        return self.rebuild()  # Reset, or anything new

    def refresh_outline(self) -> WallState:
        """After the facilitator collapsed or expanded a branch."""
        return self._replace(outline=self._outline())

    def _patched(self, outline: Outline, node_id: int) -> Outline | None:
        position = outline.index.get(node_id)
        if position is None:
            return None
        row = outline.rows[position]
        try:
            node = self.document.node(node_id)
        except WorkshopError:
            return None
        if row.is_block:
            names = {theme.id: theme.name for theme in self.data.themes}
            new = row._replace(text=self._label(node, names), theme_ids=tuple(node.theme_ids))
        else:
            new = row._replace(text=node.text, votes=node.votes)
        return outline if new == row else outline.with_row(position, new)

    def _replace(self, **changes: object) -> WallState:
        self.state = self._resolved(
            replace(self.state, revision=next(self._revisions), **changes)  # type: ignore[arg-type]
        )
        return self.state

    # --- focus ------------------------------------------------------------------------------

    def set_focus(self, focus: WallFocus) -> WallState:
        if focus == self.state.focus:
            return self.state
        return self._replace(focus=focus)

    def _resolved(self, state: WallState) -> WallState:
        """Work out the current theme: the one edited, else the current activity's block's."""
        theme_id = current_theme_id(state, self._last_theme_id)
        self._last_theme_id = theme_id
        if theme_id == state.current_theme_id:
            return state
        return replace(state, current_theme_id=theme_id)


def current_theme_id(state: WallState, last: int | None) -> int | None:
    known = {theme.id for theme in state.themes}
    focus = state.focus
    if focus.theme_id in known:
        return focus.theme_id
    outline = state.outline
    if focus.node_id is not None and focus.node_id in outline.index:
        row = outline.rows[outline.index[focus.node_id]]
        block = outline.rows[outline.index[row.block_id]] if row.block_id in outline.index else row
        for theme_id in block.theme_ids:
            if theme_id in known:
                return theme_id
    if last in known:
        return last
    return state.themes[0].id if state.themes else None


# --- what changed between two snapshots (highlighted when a frozen wall publishes) ----------


def changed_keys(old: WallState, new: WallState) -> set[Hashable]:
    """Keys of what ``new`` shows differently from ``old`` (new things included)."""
    keys: set[Hashable] = set()
    if old.title.title != new.title.title:
        keys.add(("title",))
    if (old.title.starts_at, old.title.ends_at, old.title.place) != (
        new.title.starts_at,
        new.title.ends_at,
        new.title.place,
    ):
        keys.add(("date",))
    if old.title.head_count != new.title.head_count:
        keys.add(("heads",))
    old_themes = {theme.id: theme for theme in old.themes}
    for theme in new.themes:
        before = old_themes.get(theme.id)
        if before is None or before.name != theme.name:
            keys.add(("theme", theme.id))
        old_paragraphs = before.paragraphs if before is not None else ()
        for number, paragraph in enumerate(theme.paragraphs):
            if number >= len(old_paragraphs) or old_paragraphs[number] != paragraph:
                keys.add(("para", theme.id, number))
        old_remarks = {r.id: r for r in before.remarks} if before is not None else {}
        for remark in theme.remarks:
            if old_remarks.get(remark.id) != remark:
                keys.add(("remark", remark.id))
    if old.outline is not new.outline:
        old_rows = {row.id: row for row in old.outline.rows}
        for row in new.outline.rows:
            before_row = old_rows.get(row.id)
            if before_row is None or (
                before_row.text,
                before_row.votes,
                before_row.parent_id,
                before_row.previous_id,
            ) != (row.text, row.votes, row.parent_id, row.previous_id):
                keys.add(("node", row.id))
    return keys


def previous_texts(old: WallState, keys: set[Hashable]) -> dict[Hashable, str]:
    """What the changed activities and vision paragraphs read in ``old`` (new ones: absent)."""
    found: dict[Hashable, str] = {}
    outline = old.outline
    for key in keys:
        if not isinstance(key, tuple):
            continue
        if key[0] == "node" and key[1] in outline.index:
            found[key] = outline.rows[outline.index[key[1]]].text
        elif key[0] == "para":
            theme = old.theme(key[1])
            if theme is not None and key[2] < len(theme.paragraphs):
                found[key] = theme.paragraphs[key[2]]
    return found
