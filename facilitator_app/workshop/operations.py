"""Every change to a workshop, as a small value object.

``Document.apply(op)`` applies an operation and returns its inverse, itself an operation, so
undo is ``apply(inverse)`` and redo is ``apply(op)`` again. Operations hold ids and
(parent id, row), never object references, and inserted things carry their ids, so an
operation applied again after its undo recreates exactly the same things.
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import ROOT_ID, Node, Quadrant, Theme

if TYPE_CHECKING:
    from facilitator_app.workshop.document import Document


class Operation(ABC):
    """A change that can be applied to a document; applying returns the inverse."""

    @abstractmethod
    def apply(self, doc: Document) -> Operation: ...


@dataclass(frozen=True)
class Batch(Operation):
    """Several operations as one step (one undo step, one transaction)."""

    operations: tuple[Operation, ...]

    def apply(self, doc: Document) -> Operation:
        return apply_in_turn(doc, self.operations)


def apply_in_turn(doc: Document, operations: Iterable[Operation]) -> Batch:
    """Apply ``operations`` one after another and return the Batch that undoes them all.

    All or nothing: when one is refused, those applied before it are undone, so the document
    is left as it was. ``operations`` may be a generator that makes each operation when the
    ones before it have been applied.
    """
    inverses: list[Operation] = []
    try:
        for operation in operations:
            inverses.append(operation.apply(doc))
    except BaseException:
        for inverse in reversed(inverses):
            inverse.apply(doc)
        raise
    return Batch(tuple(reversed(inverses)))


@dataclass(frozen=True)
class SetFields(Operation):
    """Set fields of the workshop's details (id 0), an attendee, theme, remark, activity,
    agenda item or task (the fields each kind has: ``store.schema.EDITABLE_FIELDS``)."""

    kind: Kind
    id: int
    values: dict[str, Any] = field(hash=False)

    def apply(self, doc: Document) -> Operation:
        return SetFields(self.kind, self.id, doc.raw_set_fields(self.kind, self.id, self.values))


@dataclass(frozen=True)
class InsertRecord(Operation):
    """Insert an attendee, theme, agenda item or task (container 0), or a remark into theme
    ``container_id``. The record carries its id (``Document.new_id(kind)``)."""

    kind: Kind
    container_id: int
    position: int
    record: Any = field(hash=False)

    def apply(self, doc: Document) -> Operation:
        doc.raw_insert_record(self.kind, self.container_id, self.position, self.record)
        return RemoveRecord(self.kind, self.record.id)


@dataclass(frozen=True)
class RemoveRecord(Operation):
    kind: Kind
    id: int

    def apply(self, doc: Document) -> Operation:
        steps: list[Operation] = []
        if self.kind is Kind.THEME:
            # A theme leaves the blocks that name it first, so that undo puts it back there.
            for block in doc.data.blocks:
                if self.id in block.theme_ids:
                    others = [t for t in block.theme_ids if t != self.id]
                    steps.append(SetBlockThemes(block.id, tuple(others)).apply(doc))
        if self.kind is Kind.SWOT:
            # A SWOT item leaves the problems that come from it first, likewise.
            steps.extend(op.apply(doc) for op in _without_source(doc, self.id))
        container_id, position, record = doc.raw_remove_record(self.kind, self.id)
        steps.append(InsertRecord(self.kind, container_id, position, record))
        return Batch(tuple(reversed(steps))) if len(steps) > 1 else steps[0]


@dataclass(frozen=True)
class MoveRecord(Operation):
    """Move an attendee, theme, remark, agenda item or task to its final ``position`` within
    its list."""

    kind: Kind
    id: int
    position: int

    def apply(self, doc: Document) -> Operation:
        old = doc.raw_move_record(self.kind, self.id, self.position)
        return MoveRecord(self.kind, self.id, old)


def _without_source(doc: Document, item_id: int) -> list[Operation]:
    """The edits that take SWOT item ``item_id`` out of the sources of its theme's problems."""
    theme = doc.in_theme(Kind.SWOT, item_id)[0]
    return [
        SetFields(Kind.PROBLEM, p.id, {"sources": [s for s in p.sources if s != item_id]})
        for p in theme.problems
        if item_id in p.sources
    ]


@dataclass(frozen=True)
class MoveSwotItem(Operation):
    """Move a SWOT item to its final ``position`` in the SWOT list of theme ``theme_id``, into
    ``quadrant`` (the list holds all four quadrants: see ``model.Theme``).

    Within its theme it keeps the problems that come from it; to another theme it goes
    without them (a problem comes from its own theme's items), and undo gives them back.
    """

    id: int
    theme_id: int
    quadrant: Quadrant
    position: int

    def apply(self, doc: Document) -> Operation:
        theme, item = doc.in_theme(Kind.SWOT, self.id)
        if theme.id == self.theme_id:
            steps: list[Operation] = [
                SetFields(Kind.SWOT, self.id, {"quadrant": self.quadrant}),
                MoveRecord(Kind.SWOT, self.id, self.position),
            ]
        else:
            doc.theme(self.theme_id)  # refused before anything changes when there is none
            moved = dataclasses.replace(item, quadrant=Quadrant(self.quadrant))
            steps = [
                RemoveRecord(Kind.SWOT, self.id),
                InsertRecord(Kind.SWOT, self.theme_id, self.position, moved),
            ]
        return apply_in_turn(doc, steps)


def swot_moves(
    target: Theme, dragged: Sequence[tuple[int, Quadrant]], anchor: int | None = None
) -> list[Operation]:
    """MoveSwotItem operations that put SWOT items ``dragged`` (id, quadrant to go into: in
    this order, from this theme or others) into theme ``target``: before its item ``anchor``
    when that is in the same quadrant, else after the quadrant's last item; items going into
    one quadrant stay together. Applied one after another, as moves_for_drop's are."""
    before = [(item.id, item.quadrant) for item in target.swot]
    operations: list[Operation] = []
    previous: tuple[int, Quadrant] | None = None
    for item_id, quadrant in dragged:
        current = [entry for entry in before if entry[0] != item_id]
        ids = [i for i, _ in current]
        if previous is not None and previous[1] is quadrant:
            position = ids.index(previous[0]) + 1
        elif anchor is not None and (anchor, quadrant) in current:
            position = ids.index(anchor)
        else:
            in_quadrant = [n for n, (_, q) in enumerate(current) if q is quadrant]
            position = in_quadrant[-1] + 1 if in_quadrant else len(current)
        current.insert(position, (item_id, quadrant))
        previous = (item_id, quadrant)
        # Only the order within each quadrant shows: a move that keeps it is no move.
        if _quadrant_orders(current) != _quadrant_orders(before):
            operations.append(MoveSwotItem(item_id, target.id, quadrant, position))
            before = current
    return operations


def _quadrant_orders(entries: list[tuple[int, Quadrant]]) -> dict[Quadrant, list[int]]:
    orders: dict[Quadrant, list[int]] = {quadrant: [] for quadrant in Quadrant}
    for item_id, quadrant in entries:
        orders[quadrant].append(item_id)
    return orders


def moves_for_drop(
    kind: Kind, order: list[int], dragged: list[int], anchor: int | None
) -> list[Operation]:
    """MoveRecord operations that put ``dragged`` (in this order) together before ``anchor``.

    ``order`` is the list's current order; ``anchor`` None means at the end. Applied one after
    another, each operation moves one dragged record, so one dragged record is one move.
    """
    current = list(order)
    operations: list[Operation] = []
    previous: int | None = None
    for record_id in dragged:
        old = current.index(record_id)
        current.remove(record_id)
        if previous is not None:
            position = current.index(previous) + 1
        elif anchor is not None:
            position = current.index(anchor)
        else:
            position = len(current)
        current.insert(position, record_id)
        if position != old:
            operations.append(MoveRecord(kind, record_id, position))
        previous = record_id
    return operations


@dataclass(frozen=True)
class SetBlockThemes(Operation):
    block_id: int
    theme_ids: tuple[int, ...]

    def apply(self, doc: Document) -> Operation:
        return SetBlockThemes(
            self.block_id, tuple(doc.raw_set_block_themes(self.block_id, list(self.theme_ids)))
        )


@dataclass(frozen=True)
class InsertNodes(Operation):
    """Insert detached subtrees (ids included) as consecutive children of a parent from ``row``.

    Under the root (id 0) they are activity blocks; anywhere else, activities.
    """

    parent_id: int
    row: int
    subtrees: tuple[Node, ...] = field(hash=False)

    def apply(self, doc: Document) -> Operation:
        # All or nothing, and one change for the views however many there are.
        doc.raw_insert_subtrees(self.parent_id, self.row, self.subtrees)
        return RemoveNodes(tuple(subtree.id for subtree in self.subtrees))


@dataclass(frozen=True)
class RemoveNodes(Operation):
    """Remove nodes with their subtrees (a node inside another removed one is covered by it)."""

    ids: tuple[int, ...]

    def apply(self, doc: Document) -> Operation:
        tops = top_level_nodes(doc, self.ids)
        if any(node.parent is None for node in tops):
            raise InvalidOperationError("the root cannot be removed")
        # Runs of neighbouring siblings go in one step each (one change for the views).
        runs: list[tuple[int, int, int]] = []  # (parent id, first row, count)
        for node in tops:
            assert node.parent is not None
            if runs and runs[-1][0] == node.parent.id and runs[-1][1] + runs[-1][2] == node.row:
                runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + 1)
            else:
                runs.append((node.parent.id, node.row, 1))
        restores: list[Operation] = []
        # Last first, so that the rows recorded for the undo stay valid as it re-inserts.
        for parent_id, row, count in reversed(runs):
            subtrees = doc.raw_remove_subtrees(parent_id, row, count)
            restores.append(InsertNodes(parent_id, row, tuple(subtrees)))
        return Batch(tuple(reversed(restores)))


@dataclass(frozen=True)
class MoveNode(Operation):
    """Move one node to its final ``row`` under ``parent_id``."""

    id: int
    parent_id: int
    row: int

    def apply(self, doc: Document) -> Operation:
        old_parent, old_row = doc.raw_move_node(self.id, self.parent_id, self.row)
        return MoveNode(self.id, old_parent, old_row)


@dataclass(frozen=True)
class MoveNodes(Operation):
    """Move an ordered set of nodes to ``parent_id``, placed before the child now at ``row``.

    ``row`` counts the parent's children before the move (as a drop does); -1 appends. The
    moved nodes keep their document order and end up next to each other.
    """

    ids: tuple[int, ...]
    parent_id: int
    row: int

    def apply(self, doc: Document) -> Operation:
        parent = doc.node(self.parent_id)
        tops = top_level_nodes(doc, self.ids)
        for node in tops:
            doc.check_move(node, parent)
        row = len(parent.children) if self.row < 0 else self.row
        return apply_in_turn(doc, self._moves(parent, tops, row))

    @staticmethod
    def _moves(parent: Node, tops: list[Node], row: int) -> Iterator[Operation]:
        anchor = parent.children[row] if row < len(parent.children) else None
        for node in tops:
            if anchor is not None and anchor is node:
                anchor = next_sibling_outside(anchor, tops)
            target_row = anchor.row if anchor is not None else len(parent.children)
            if node.parent is parent and node.row < target_row:
                target_row -= 1
            yield MoveNode(node.id, parent.id, target_row)


@dataclass(frozen=True)
class _Shift(Operation):
    """Move each selected node a level in or out; refused when none of them can go."""

    ids: tuple[int, ...]
    refusal: ClassVar[str]

    def apply(self, doc: Document) -> Operation:
        # All or nothing (a move can be refused: too deep).
        inverse = apply_in_turn(doc, self._moves(top_level_nodes(doc, self.ids)))
        if not inverse.operations:
            raise InvalidOperationError(self.refusal)
        return inverse

    @abstractmethod
    def _moves(self, tops: list[Node]) -> Iterator[Operation]:
        """The moves of ``tops``, each made when the ones before it have been applied."""


@dataclass(frozen=True)
class Indent(_Shift):
    """Make each selected node the last child of its previous sibling (Tab in an outliner)."""

    refusal = QT_TRANSLATE_NOOP("Refusal", "nothing to indent: the first item has no item above it")

    def _moves(self, tops: list[Node]) -> Iterator[Operation]:
        for node in tops:
            parent = node.parent
            if parent is None or node.is_block or node.row == 0:
                continue
            new_parent = parent.children[node.row - 1]
            yield MoveNode(node.id, new_parent.id, len(new_parent.children))


@dataclass(frozen=True)
class Outdent(_Shift):
    """Move each selected node to just after its parent (Shift+Tab in an outliner)."""

    refusal = QT_TRANSLATE_NOOP(
        "Refusal", "nothing to outdent: top-level activities stay in a block"
    )

    def _moves(self, tops: list[Node]) -> Iterator[Operation]:
        # Last first, so that the outdented nodes keep their order after the parent.
        for node in reversed(tops):
            parent = node.parent
            if parent is None or parent.is_block or parent.parent is None or node.is_block:
                continue
            yield MoveNode(node.id, parent.parent.id, parent.row + 1)


def top_level_nodes(doc: Document, ids: Iterable[int]) -> list[Node]:
    """The nodes named by ``ids`` that have no ancestor among them, in document order."""
    selected = {node_id: doc.node(node_id) for node_id in dict.fromkeys(ids)}
    if ROOT_ID in selected:
        raise InvalidOperationError("the root cannot be edited")
    tops = []
    for node in selected.values():
        ancestor = node.parent
        while ancestor is not None and ancestor.id not in selected:
            ancestor = ancestor.parent
        if ancestor is None:
            tops.append(node)
    return sorted(tops, key=document_order_key)


def document_order_key(node: Node) -> tuple[int, ...]:
    path: list[int] = []
    while node.parent is not None:
        path.append(node.position)
        node = node.parent
    return tuple(reversed(path))


def next_sibling_outside(node: Node, excluded: Sequence[Node]) -> Node | None:
    """The first sibling after ``node`` that is not among ``excluded``."""
    assert node.parent is not None
    siblings = node.parent.children
    for sibling in siblings[node.row + 1 :]:
        if not any(sibling is other for other in excluded):
            return sibling
    return None


def new_activity(doc: Document, text: str = "", children: Sequence[Node] = ()) -> Node:
    """A detached activity with a fresh id, ready for InsertNodes."""
    node = Node(doc.new_id(Kind.NODE), text)
    for position, child in enumerate(children):
        child.parent, child.position = node, position
        node.children.append(child)
    return node
