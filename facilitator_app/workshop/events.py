"""Change notifications: what the document tells its views before and after each change.

Views (Qt item models, the projector) receive every event twice: ``document_about_to_change``
before the in-memory data changes and ``document_changed`` after, so that a Qt model can wrap
the change in its begin…/end… calls.

Listeners hear of a change in the order of their ``Stage``: the item models first, then the
views and pages (the session relays the change as ``WorkshopSession.changed`` there), then the
wall, which reads what the views made of the change (the tree's expanded branches). Within a
stage, in the order they were added.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Protocol


class Kind(StrEnum):
    """The kinds of things an operation can edit."""

    DETAILS = "details"
    ATTENDEE = "attendee"
    THEME = "theme"
    REMARK = "remark"
    NODE = "node"
    AGENDA = "agenda"  # an item of the meeting's programme
    TASK = "task"  # what was agreed: who does it, by when
    SWOT = "swot"  # an item of a theme's SWOT (in one of its four quadrants)
    PROBLEM = "problem"  # a problem named for a theme, from its SWOT items


@dataclass(frozen=True)
class FieldsChanged:
    kind: Kind
    id: int  # 0 for the workshop's details
    fields: frozenset[str]


@dataclass(frozen=True)
class RecordsInserted:
    """Records inserted (remarks, SWOT items, problems: into theme ``container_id``)."""

    kind: Kind
    container_id: int
    position: int
    count: int


@dataclass(frozen=True)
class RecordsRemoved:
    kind: Kind
    container_id: int
    position: int
    count: int


@dataclass(frozen=True)
class RecordMoved:
    kind: Kind
    container_id: int
    old_position: int
    new_position: int  # final position after the move


@dataclass(frozen=True)
class NodesInserted:
    parent_id: int
    row: int
    count: int


@dataclass(frozen=True)
class NodesRemoved:
    parent_id: int
    row: int
    count: int


@dataclass(frozen=True)
class NodeMoved:
    node_id: int
    old_parent_id: int
    old_row: int
    new_parent_id: int
    new_row: int  # final row after the move

    def qt_destination_row(self) -> int:
        """The destination row in Qt's beginMoveRows sense (counted before the move)."""
        if self.old_parent_id == self.new_parent_id and self.new_row > self.old_row:
            return self.new_row + 1
        return self.new_row


@dataclass(frozen=True)
class Reset:
    """Everything may have changed (a document was loaded or restored)."""


Event = (
    FieldsChanged
    | RecordsInserted
    | RecordsRemoved
    | RecordMoved
    | NodesInserted
    | NodesRemoved
    | NodeMoved
    | Reset
)


class Stage(IntEnum):
    """When a listener hears of a change, relative to the others (lowest first)."""

    MODELS = 0  # Qt item models: they must have taken the change before any view asks them
    VIEWS = 1  # pages and widgets; the session's ``changed`` signal
    WALL = 2  # the projector: after the views it copies (which branches are expanded)


class DocumentListener(Protocol):
    def document_about_to_change(self, event: Event) -> None: ...

    def document_changed(self, event: Event) -> None: ...


# Called with (saved, error): ``saved`` when every change is in the file, ``error`` saying why
# the last write failed (None when it did not).
SaveListener = Callable[[bool, str | None], None]
