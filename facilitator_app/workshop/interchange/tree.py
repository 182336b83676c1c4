"""The activities of a decoded document: counted and depth-checked, then checked and built."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from facilitator_app.workshop.interchange.schema import MAX_VOTES, ActivitySchema, describe, where
from facilitator_app.workshop.model import MAX_DEPTH, Node
from facilitator_app.workshop.progress import Progress

_REPORT_EVERY = 2048  # activities built between two reports of progress


def count_activities(raw: dict[str, Any]) -> int:
    """Count the activities, and refuse any nested deeper than the app keeps.

    Runs before anything is validated or built: a file beyond the app's limits is refused
    at once, and no validation recurses into a tree that is too deep.
    """
    blocks = raw.get("activity_blocks")
    if not isinstance(blocks, list):
        return 0
    count = 0
    for index, block in enumerate(blocks):
        activities = block.get("activities") if isinstance(block, dict) else None
        if not isinstance(activities, list):
            continue
        # [a list of activities, the position of the next one] for each level down to here.
        levels: list[list[Any]] = [[activities, 0]]
        while levels:
            level = levels[-1]
            items, position = level
            if position == len(items):
                levels.pop()
                continue
            level[1] = position + 1
            count += 1
            activity = items[position]
            children = activity.get("children") if isinstance(activity, dict) else None
            if isinstance(children, list) and children:
                if len(levels) + 2 > MAX_DEPTH:  # the children's Node.depth
                    place = where(_activity_location(index, [*levels, [children, 1]]))
                    raise ValueError(
                        f"{place}: activities are nested too deeply "
                        f"(at most {MAX_DEPTH - 1} levels)"
                    )
                levels.append([children, 0])
    return count


def _activity_location(block: int, levels: list[list[Any]]) -> tuple[int | str, ...]:
    """Where the activity being looked at is: each level's last position taken."""
    location: tuple[int | str, ...] = ("activity_blocks", block, "activities")
    for depth, level in enumerate(levels):
        location += (level[-1] - 1,) if depth == 0 else ("children", level[-1] - 1)
    return location


_ACTIVITY_KEYS = frozenset(ActivitySchema.model_fields)
_NO_CHILDREN: list[Any] = []  # never changed: only read


def _activity_fields(raw: Any, location: Callable[[], tuple[int | str, ...]]) -> _Fields:
    """An activity's text, note, votes and children.

    Checked here when plainly right (nearly always, and three times faster than the model);
    anything else goes to the model, which decides and names the place of its first complaint.
    """
    if type(raw) is dict and raw.keys() <= _ACTIVITY_KEYS:
        text = raw.get("text")
        note = raw.get("note", "")
        votes = raw.get("votes", 0)
        children = raw.get("children", _NO_CHILDREN)
        if (
            type(text) is str
            and text
            and type(note) is str
            and type(votes) is int
            and 0 <= votes <= MAX_VOTES
            and type(children) is list
        ):
            return text, note, votes, children
    try:
        activity = ActivitySchema.model_validate(raw)
    except ValidationError as error:
        raise ValueError(describe(error, location())) from None
    return activity.text, activity.note, activity.votes, activity.children


_Fields = tuple[str, str, int, list[Any]]


class TreeBuilder:
    """Builds the activities' nodes from their JSON objects, checking each on the way.

    Ids are given in document order (a block, then its activities depth first), as the file
    lists them.
    """

    def __init__(self, total: int, progress: Progress) -> None:
        self.next_id = 1
        self.built = 0
        self.total = total
        self.progress = progress

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def build(self, block: Node, block_index: int, activities: list[Any]) -> None:
        """Build ``activities`` under ``block``, dropping each JSON object from its list
        as its node is made (iterative: the tree may be 199 levels deep)."""
        # [the parent node, its children's JSON list, the position of the next one] for each
        # level down to the activity being built.
        levels: list[list[Any]] = [[block, activities, 0]]
        progress, total = self.progress, self.total

        def location() -> tuple[int | str, ...]:
            return _activity_location(block_index, [level[1:] for level in levels])

        while levels:
            level = levels[-1]
            parent, items, position = level
            if position == len(items):
                levels.pop()
                continue
            level[2] = position + 1
            raw = items[position]
            items[position] = None
            text, note, votes, children = _activity_fields(raw, location)
            node = Node(self.next_id, text, note, votes, parent=parent, position=position)
            self.next_id += 1
            parent.children.append(node)
            self.built += 1
            if not self.built % _REPORT_EVERY:
                progress(self.built, total)
            if children:
                levels.append([node, children, 0])
        progress(self.built, total)
