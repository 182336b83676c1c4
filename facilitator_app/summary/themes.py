"""What the summary takes from each group's series of meetings, theme by theme (no Qt).

A group's meetings carry their work forward (``workshop/series.py``): a later meeting holds the
first one's SWOT and problems for reference, and the activity tree as it was. So the summary
takes, for each group,

- the SWOT and problems of its earliest meeting that has any (later ones hold copies);
- each theme's vision from its latest meeting where that vision is written;
- the activities of its latest meeting that has any (the tree as the group left it);
- the remarks of every meeting (each meeting settles its own).

Themes are matched across groups by name (spaces tidied, case aside) and keep the spelling and
order in which they first appear, group by group.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from facilitator_app.summary.collect import Group, Meeting
from facilitator_app.summary.people import tidy
from facilitator_app.workshop.codes import activity_codes
from facilitator_app.workshop.model import Node, Theme


def theme_key(name: str) -> str:
    return tidy(name).casefold()


@dataclass(frozen=True)
class RegionTheme:
    key: str
    name: str  # as it first appears


def region_themes(groups: tuple[Group, ...]) -> list[RegionTheme]:
    themes: dict[str, RegionTheme] = {}
    for group in groups:
        for meeting in group.meetings:
            for theme in meeting.data.themes:
                key = theme_key(theme.name)
                if key not in themes:
                    themes[key] = RegionTheme(key, tidy(theme.name))
    return list(themes.values())


def analysis_meeting(group: Group) -> Meeting | None:
    """The group's earliest meeting with any SWOT item or problem."""
    return next(
        (
            meeting
            for meeting in group.meetings
            if any(theme.swot or theme.problems for theme in meeting.data.themes)
        ),
        None,
    )


def activities_meeting(group: Group) -> Meeting | None:
    """The group's latest meeting with any activity."""
    return next(
        (
            meeting
            for meeting in reversed(group.meetings)
            if any(block.children for block in meeting.data.blocks)
        ),
        None,
    )


def latest_vision(group: Group, key: str) -> tuple[Meeting, Theme] | None:
    """The group's latest meeting whose theme ``key`` has a vision written, and that theme."""
    for meeting in reversed(group.meetings):
        for theme in meeting.data.themes:
            if theme_key(theme.name) == key and theme.vision.strip():
                return meeting, theme
    return None


def block_theme_names(meeting: Meeting, block: Node) -> list[str]:
    """The names of the themes a block is for, in the block's order (unknown ids left out)."""
    themes = meeting.data.theme_by_id()
    return [tidy(themes[i].name) for i in block.theme_ids if i in themes]


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """One activity of a meeting's tree, flattened: ``path`` its ancestors' texts."""

    block: Node
    node: Node
    code: str
    path: tuple[str, ...]


def activity_rows(meeting: Meeting) -> Iterator[ActivityRow]:
    """Every activity of the meeting's tree in document order (iterative: any depth)."""
    codes = activity_codes(meeting.data.root)
    for block in meeting.data.blocks:
        stack: list[tuple[Node, tuple[str, ...]]] = [
            (child, ()) for child in reversed(block.children)
        ]
        while stack:
            node, path = stack.pop()
            yield ActivityRow(block, node, codes[node.id], path)
            inner = (*path, tidy(node.text))
            stack.extend((child, inner) for child in reversed(node.children))
