"""Plain in-memory data of one workshop.

The document layer keeps the open workshop in these objects (reads never touch SQLite) and
writes every change through to the file. The exporters read the same objects.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from facilitator_app.workshop.events import Kind


class Role(StrEnum):
    PARTICIPANT = "participant"
    ORGANIZER = "organizer"
    GUEST = "guest"


class RemarkStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    PARTLY = "partly"
    REJECTED = "rejected"
    NOTED = "noted"


class Quadrant(StrEnum):
    """The four lists of a theme's SWOT: the first two inside the region, the others outside."""

    STRENGTHS = "strengths"
    WEAKNESSES = "weaknesses"
    OPPORTUNITIES = "opportunities"
    THREATS = "threats"


LANGUAGES = ("cs", "en")


@dataclass
class WorkshopDetails:
    title: str = ""
    starts_at: datetime = field(
        default_factory=lambda: datetime.now().replace(second=0, microsecond=0)
    )
    ends_at: datetime | None = None
    place: str = ""
    facilitator: str = ""
    organizer_label: str = "ORK"
    language: str = "cs"
    vision_intro: str | None = None  # None: the minutes generate the opening sentence
    # The date of the meeting whose file this one was made from (None: the first meeting).
    previous_meeting: date | None = None


@dataclass
class Attendee:
    id: int
    name: str
    organization: str = ""
    role: Role = Role.PARTICIPANT
    present: bool = True
    note: str = ""


@dataclass
class Remark:
    id: int
    text: str
    author: str = ""
    organization: str = ""
    status: RemarkStatus = RemarkStatus.PENDING
    response: str = ""


@dataclass
class SwotItem:
    """One item of a theme's SWOT analysis, with the dot votes it got."""

    id: int
    text: str
    quadrant: Quadrant = Quadrant.STRENGTHS
    note: str = ""
    votes: int = 0


@dataclass
class Problem:
    """A problem the group named for a theme; ``sources`` are the ids of the theme's SWOT
    items it comes from."""

    id: int
    text: str
    votes: int = 0
    sources: list[int] = field(default_factory=list)


@dataclass
class Theme:
    """A theme: its vision and the remarks on it, its SWOT and its problems.

    ``swot`` holds the items of all four quadrants in one list: a quadrant's items are those
    with its ``quadrant``, in the list's order (so an item moves within its theme, or to
    another quadrant, as any record moves, and the positions in the file are the list's).
    """

    id: int
    name: str
    vision: str = ""
    draft: str | None = None  # None: no draft was kept yet
    remarks: list[Remark] = field(default_factory=list)
    swot: list[SwotItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def vision_paragraphs(self) -> list[str]:
        return split_paragraphs(self.vision)

    def quadrant_items(self, quadrant: Quadrant) -> list[SwotItem]:
        """The SWOT items of one quadrant, in their order."""
        return [item for item in self.swot if item.quadrant is quadrant]


# The lists a theme keeps its records in, by the kind of record.
THEME_LISTS: dict[Kind, str] = {Kind.REMARK: "remarks", Kind.SWOT: "swot", Kind.PROBLEM: "problems"}


def list_of(theme: Theme, kind: Kind) -> list[Any]:
    """The list of ``theme`` holding records of ``kind`` (a remark, SWOT item or problem)."""
    records: list[Any] = getattr(theme, THEME_LISTS[kind])
    return records


@dataclass
class AgendaItem:
    """An item of the meeting's programme, with its planned and actual times."""

    id: int
    title: str
    planned_minutes: int = 0
    started_at: datetime | None = None  # when the facilitator started it (local time)
    ended_at: datetime | None = None


@dataclass
class Task:
    """A task (úkol) agreed at the meeting."""

    id: int
    text: str
    owner: str = ""  # who does it
    due: date | None = None  # by when
    done: bool = False


@dataclass(eq=False)
class Node:
    """A node of the activity tree.

    The invisible root's children are the activity blocks; everything below a block is an
    activity. ``theme_ids`` is used by blocks only; ``text``, ``note`` and ``votes`` by activities.
    """

    id: int
    text: str = ""
    note: str = ""
    votes: int = 0
    theme_ids: list[int] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)
    children: list[Node] = field(default_factory=list, repr=False)
    # Cached position among the parent's children, kept by renumber_children(): Qt's
    # parent() asks for it constantly, and list.index() would make that O(siblings).
    position: int = field(default=0, repr=False)

    @property
    def is_block(self) -> bool:
        return self.parent is not None and self.parent.parent is None

    @property
    def row(self) -> int:
        """Position among the parent's children (0 for the root)."""
        return self.position

    @property
    def depth(self) -> int:
        """0 for the root, 1 for a block, 2 for a top-level activity, and so on."""
        depth, node = 0, self
        while node.parent is not None:
            depth, node = depth + 1, node.parent
        return depth

    def walk(self) -> Iterator[Node]:
        """This node and every descendant, in document order (iterative: trees can be deep)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def is_ancestor_of(self, other: Node) -> bool:
        node = other.parent
        while node is not None:
            if node is self:
                return True
            node = node.parent
        return False


def renumber_children(parent: Node, start: int = 0) -> None:
    """Refresh the cached positions of ``parent``'s children from ``start`` on."""
    children = parent.children
    for position in range(start, len(children)):
        children[position].position = position


ROOT_ID = 0

# How deep the tree may go (Node.depth: 1 for a block, 2 for a top-level activity): 199 levels
# of activities. Deeper than any plan needs, and shallow enough for every reader and writer of
# the JSON format (whose parsers recurse) to take; the document refuses to go deeper.
MAX_DEPTH = 200


def subtree_height(top: Node) -> int:
    """Levels in a subtree: 1 for a node without children (iterative: any depth)."""
    height, stack = 0, [(top, 1)]
    while stack:
        node, level = stack.pop()
        height = max(height, level)
        stack.extend((child, level + 1) for child in node.children)
    return height


def detached_copy(top: Node) -> Node:
    """A detached deep copy of a subtree (iterative: trees can be deeper than the stack)."""
    copy_top = Node(top.id, top.text, top.note, top.votes, list(top.theme_ids), None, [], 0)
    stack = [(top, copy_top)]
    while stack:
        original, duplicate = stack.pop()
        for position, child in enumerate(original.children):
            child_copy = Node(
                child.id,
                child.text,
                child.note,
                child.votes,
                list(child.theme_ids),
                duplicate,
                [],
                position,
            )
            duplicate.children.append(child_copy)
            stack.append((child, child_copy))
    return copy_top


@dataclass
class WorkshopData:
    details: WorkshopDetails = field(default_factory=WorkshopDetails)
    attendees: list[Attendee] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    root: Node = field(default_factory=lambda: Node(ROOT_ID))
    agenda: list[AgendaItem] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    @property
    def blocks(self) -> list[Node]:
        return self.root.children

    def theme_by_id(self) -> dict[int, Theme]:
        return {theme.id: theme for theme in self.themes}

    def head_count(self) -> tuple[int, int]:
        """(participants and guests present, organisers present); excused attendees don't count."""
        present = [a for a in self.attendees if a.present]
        organizers = sum(1 for a in present if a.role is Role.ORGANIZER)
        return len(present) - organizers, organizers

    def head_count_text(self) -> str:
        others, organizers = self.head_count()
        if organizers:
            return f"{others} (+{organizers} {self.details.organizer_label})".replace(" )", ")")
        return str(others)


def snapshot(data: WorkshopData) -> tuple[object, ...]:
    """Everything in a workshop, ids and order included, as comparable plain values."""
    return (
        data.details,
        tuple(map(copy.copy, data.attendees)),
        tuple(
            (
                t.id,
                t.name,
                t.vision,
                t.draft,
                tuple(map(copy.copy, t.remarks)),
                tuple(map(copy.copy, t.swot)),
                tuple(map(copy.deepcopy, t.problems)),
            )
            for t in data.themes
        ),
        tuple(
            (n.id, n.parent.id if n.parent else None, n.text, n.note, n.votes, tuple(n.theme_ids))
            for n in data.root.walk()
        ),
        tuple(map(copy.copy, data.agenda)),
        tuple(map(copy.copy, data.tasks)),
    )


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a text where blank lines separate paragraphs; single newlines stay inside."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """``text`` as a file can hold it: a surrogate pair that arrived as two code points
    becomes the character it encodes, and a lone half becomes U+FFFD (UTF-8 has no place for
    it, and one such value would stall every later write). Everything else is kept as typed."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
