"""What the phones show, made from the wall's *shown* snapshot (no Qt here, mypy strict).

The room controller calls ``phone_view`` with the projector's ``shown`` state, mode and
blanking whenever what the room sees changes: a frozen wall keeps its old snapshot, so the
phones keep it too; a blanked wall, an empty page or a wall not presented shows them nothing.
Never more than the wall: the current theme's vision (the wall shows it, or every theme's),
the current activity's branch (its visible rows only: what a collapsed branch hides stays
hidden), votes only once revealed, no remark's author (WallState has none), no task owner.
"""

from __future__ import annotations

from dataclasses import replace

from facilitator_app.gui.projector.state import Blanking, Mode, Row, ThemeView, WallState
from facilitator_app.room.view import Ballot, BallotItem, PhoneItem, PhoneView

QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")


def phone_view(
    state: WallState | None, mode: Mode, blanking: Blanking, presenting: bool
) -> PhoneView:
    if state is None or not presenting:
        return PhoneView(language=_language(state))
    language = _language(state)
    if blanking is not Blanking.NONE or mode is Mode.BLANK:
        return PhoneView(kind="blank", language=language)
    theme = state.current_theme
    block = _block_of(state, theme)
    common = PhoneView(
        kind="other",
        language=language,
        title=state.title.title,
        theme_id=theme.id if theme is not None else None,
        theme_name=theme.name if theme is not None else "",
        block_id=block.id if block is not None else None,
        block_name=block.text if block is not None else "",
    )
    if mode is Mode.TITLE:
        return replace(common, kind="title", heading=state.title.place)
    if mode in (Mode.VISION, Mode.THEME):
        return _vision(state, theme, common)
    if mode is Mode.ACTIVITIES:
        return _activities(state, common)
    if mode is Mode.SWOT and theme is not None:
        items = tuple(
            PhoneItem(
                item.text,
                votes=item.votes if state.votes_revealed else None,
                current=_is_current(state, "swot", item.id),
                group=item.quadrant.value,
            )
            for quadrant in QUADRANTS
            for item in theme.swot
            if item.quadrant.value == quadrant
        )
        return replace(common, kind="swot", heading=theme.name, items=items)
    if mode is Mode.PROBLEMS and theme is not None:
        items = tuple(
            PhoneItem(
                problem.text,
                votes=problem.votes if state.votes_revealed else None,
                current=_is_current(state, "problem", problem.id),
            )
            for problem in theme.problems
        )
        return replace(common, kind="list", heading=theme.name, items=items)
    if mode is Mode.TASKS:
        items = tuple(PhoneItem(task.text) for task in state.tasks)  # never who does it
        return replace(common, kind="list", items=items)
    return common


def _language(state: WallState | None) -> str:
    language = state.title.language if state is not None else ""
    return language if language in ("cs", "en") else "cs"


def _is_current(state: WallState, kind: str, item_id: int) -> bool:
    focus = state.focus
    return focus.section == "analysis" and focus.item_kind == kind and focus.item_id == item_id


def _vision(state: WallState, theme: ThemeView | None, common: PhoneView) -> PhoneView:
    """The current theme's vision: on the wall in both vision modes."""
    if theme is None:
        return replace(common, kind="vision")
    focus = state.focus
    current = focus.paragraph if focus.theme_id == theme.id else None
    if current is not None and not 0 <= current < len(theme.paragraphs):
        current = None
    return replace(
        common,
        kind="vision",
        heading=theme.name,
        paragraphs=theme.paragraphs,
        current=current,
    )


def _block_of(state: WallState, theme: ThemeView | None) -> Row | None:
    """Where a phone's proposal goes: the block of the current activity, else the current
    theme's block, else the first block."""
    outline = state.outline
    rows = outline.rows
    position = outline.index.get(state.focus.node_id) if state.focus.node_id else None
    if position is not None:
        block_position = outline.index.get(rows[position].block_id)
        if block_position is not None:
            return rows[block_position]
    blocks = [row for row in rows if row.is_block]
    if theme is not None:
        for block in blocks:
            if theme.id in block.theme_ids:
                return block
    return blocks[0] if blocks else None


def _branch(state: WallState) -> tuple[int, int]:
    """The rows (a range of positions) of the current activity's branch: its top-level
    activity and what is under it; a block's own row and its top-level activities when the
    block is current; the first block when nothing is."""
    outline = state.outline
    rows = outline.rows
    position = outline.index.get(state.focus.node_id) if state.focus.node_id else None
    if position is None:
        position = 0
    top = position
    while top > 0 and rows[top].depth > 2:
        top -= 1
    end = top + 1
    while end < len(rows) and rows[end].depth > rows[top].depth:
        end += 1
    return top, end


def _activities(state: WallState, common: PhoneView) -> PhoneView:
    outline = state.outline
    rows = outline.rows
    if not rows:
        return replace(common, kind="activities")
    top, end = _branch(state)
    root = rows[top]
    block_position = outline.index.get(root.block_id, top)
    heading = rows[block_position].text
    codes = outline.codes if state.codes_shown else None
    items: list[PhoneItem] = []
    for position in range(top, end):
        row = rows[position]
        if row.hidden or (root.is_block and row.depth > 2):
            continue
        if row.is_block:
            continue  # the block's label is the heading
        items.append(
            PhoneItem(
                row.text + (" ▸" if row.collapsed else ""),
                depth=row.depth - 2,
                code=codes[position] if codes is not None else "",
                votes=row.votes if state.votes_revealed else None,
                current=row.id == state.focus.node_id,
            )
        )
    return replace(common, kind="activities", heading=heading, items=tuple(items))


def ballot_for(state: WallState | None, mode: Mode, dots: int, heading: str) -> Ballot | None:
    """A vote on what the wall shows: the current theme's SWOT items (SWOT mode), or the
    activities of the current block (any other mode). None when there is nothing to vote on."""
    if state is None:
        return None
    theme = state.current_theme
    if mode is Mode.SWOT and theme is not None:
        items = tuple(
            BallotItem(f"swot:{item.id}", item.text, item.quadrant.value)
            for quadrant in QUADRANTS
            for item in theme.swot
            if item.quadrant.value == quadrant
        )
    else:
        block = _block_of(state, theme)
        if block is None:
            return None
        items = tuple(
            BallotItem(f"node:{row.id}", row.text)
            for row in state.outline.rows
            if row.block_id == block.id and not row.is_block and not row.hidden
        )
    if not items:
        return None
    return Ballot(items[:200], max(1, min(dots, len(items))), heading)
