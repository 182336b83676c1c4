"""The wall's outline, kept up to date by splicing after moves, insertions and removals.

After every structural event the outline the builder maintains must be the one a full walk of
the tree makes (rows and index), without that walk having been needed, and the outline before
the event (which a frozen wall may still show) must be left as it was.
"""

from __future__ import annotations

import ast
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from facilitator_app.gui.projector import builder, changes, state
from facilitator_app.gui.projector.builder import StateBuilder
from facilitator_app.gui.projector.state import Outline, Row
from facilitator_app.workshop.codes import activity_codes
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import (
    Event,
    Kind,
    NodeMoved,
    NodesInserted,
    NodesRemoved,
)
from facilitator_app.workshop.model import (
    ROOT_ID,
    Node,
    Theme,
    WorkshopData,
    WorkshopDetails,
    renumber_children,
)
from facilitator_app.workshop.operations import (
    InsertNodes,
    MoveNodes,
    Operation,
    RemoveNodes,
    top_level_nodes,
)

# Nested lists standing for the children of an activity.
SHAPES: st.SearchStrategy[list[Any]] = st.recursive(
    st.just([]), lambda children: st.lists(children, max_size=4), max_leaves=10
)


class Shapes:
    """Makes nodes from nested lists, with fresh ids."""

    def __init__(self, next_id: Callable[[], int]) -> None:
        self.next_id = next_id

    def activity(self, shape: list[Any]) -> Node:
        node = Node(self.next_id(), "")
        node.text = f"Aktivita {node.id}"
        for child_shape in shape:
            child = self.activity(child_shape)
            child.parent = node
            node.children.append(child)
        renumber_children(node)
        return node

    def block(self, shapes: list[list[Any]], theme_ids: list[int]) -> Node:
        block = Node(self.next_id(), theme_ids=theme_ids)
        for shape in shapes:
            child = self.activity(shape)
            child.parent = block
            block.children.append(child)
        renumber_children(block)
        return block


def workshop(blocks: list[list[list[Any]]]) -> WorkshopData:
    data = WorkshopData(
        details=WorkshopDetails(title="Osnova"),
        themes=[Theme(1, "Energetika"), Theme(2, "Voda")],
    )
    counter = iter(range(1, 1_000_000))
    shapes = Shapes(lambda: next(counter))
    for number, block_shapes in enumerate(blocks):
        block = shapes.block(block_shapes, [1 + number % 2] if number < 3 else [])
        block.parent = data.root
        data.root.children.append(block)
    renumber_children(data.root)
    return data


@contextmanager
def opened(data: WorkshopData) -> Iterator[Document]:
    folder = Path(tempfile.mkdtemp(prefix="wall-outline-"))
    document = Document.create(folder / "outline.workshop", data)
    try:
        yield document
    finally:
        document.close()
        shutil.rmtree(folder, ignore_errors=True)


def full_index(outline: Outline) -> dict[int, int]:
    return {row.id: position for position, row in enumerate(outline.rows)}


class Checker:
    """Follows the document's events like the projector does, and checks every outline."""

    def __init__(self, document: Document, collapsed: set[int]) -> None:
        self.builder = StateBuilder(document, lambda node_id: node_id in collapsed)
        self.builder.rebuild()
        self.walks = 0
        self.checked: list[type] = []
        walk = self.builder._outline

        def counted() -> Outline:
            self.walks += 1
            return walk()

        # The builder walks the whole tree only through _outline(): count when it does.
        self.builder._outline = counted  # type: ignore[method-assign]
        self.full = walk
        document.add_listener(self)

    def document_about_to_change(self, event: Event) -> None:
        pass

    def document_changed(self, event: Event) -> None:
        before = self.builder.state.outline
        before_index = dict(before.index)
        walks = self.walks
        after = self.builder.apply(event).outline
        expected = self.full()
        assert after.rows == expected.rows, event
        assert after.index == full_index(expected), event
        assert after.visible == expected.visible
        # Each row's activity code is the tree's (the wall shows them with View ▸ Show
        # activity codes), also in an outline spliced or patched from an earlier one.
        codes = activity_codes(self.builder.document.data.root)
        assert after.codes == [codes[row.id] for row in after.rows], event
        # The old snapshot's index (a dict, shared on) is untouched: a frozen wall may show it.
        assert before.index == before_index
        if isinstance(event, (NodeMoved, NodesInserted, NodesRemoved)) and before.rows:
            assert self.walks == walks, f"{event} walked the whole tree"
        self.checked.append(type(event))


def all_nodes(document: Document) -> list[Node]:
    return list(document.data.root.walk())


def movable(document: Document, ids: tuple[int, ...], parent: Node) -> bool:
    try:
        for top in top_level_nodes(document, ids):
            document.check_move(top, parent)
    except InvalidOperationError:
        return False
    return True


# Two to four blocks of nested activities, the first with two at least (moves need room).
TREES = st.tuples(
    st.lists(SHAPES, min_size=2, max_size=4),
    st.lists(st.lists(SHAPES, max_size=4), min_size=1, max_size=3),
).map(lambda blocks: [blocks[0], *blocks[1]])
OUTLINE = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def checker_with_drawn_collapse(document: Document, data: st.DataObject) -> Checker:
    """A ``Checker`` of ``document`` with a drawn set of its nodes collapsed."""
    ids = [node.id for node in all_nodes(document)[1:]]
    return Checker(document, data.draw(st.sets(st.sampled_from(ids)), label="collapsed"))


@OUTLINE
@given(blocks=TREES, data=st.data())
def test_moves_and_their_undo_splice_the_outline_a_full_walk_would_make(
    blocks: list[list[list[Any]]], data: st.DataObject
) -> None:
    with opened(workshop(blocks)) as document:
        checker = checker_with_drawn_collapse(document, data)
        undo: list[Operation] = []
        for _ in range(data.draw(st.integers(3, 12), label="steps")):
            if undo and data.draw(st.integers(0, 3), label="undo?") == 3:
                document.apply(undo.pop())
                continue
            nodes = all_nodes(document)
            if data.draw(st.integers(0, 7), label="blocks?") == 7:
                chosen, targets = [data.draw(st.sampled_from(nodes[0].children))], nodes[:1]
            else:
                activities = [node for node in nodes[1:] if not node.is_block]
                chosen = data.draw(
                    st.lists(st.sampled_from(activities), min_size=1, max_size=3, unique=True),
                    label="moved",
                )
                targets = [
                    node
                    for node in nodes[1:]
                    if not any(top is node or top.is_ancestor_of(node) for top in chosen)
                ]
                if not targets:
                    continue
            parent = data.draw(st.sampled_from(targets), label="to")
            row = data.draw(st.integers(-1, len(parent.children)), label="row")
            moved = tuple(node.id for node in chosen)
            if not movable(document, moved, parent):
                event("refused move")
                continue
            undo.append(document.apply(MoveNodes(moved, parent.id, row)))
        while undo:
            document.apply(undo.pop())
        moves = checker.checked.count(NodeMoved)
        event("moves checked: " + ("none" if not moves else "1-5" if moves <= 5 else "6 or more"))


@OUTLINE
@given(blocks=TREES, data=st.data())
def test_insertions_and_removals_splice_the_outline_too(
    blocks: list[list[list[Any]]], data: st.DataObject
) -> None:
    with opened(workshop(blocks)) as document:
        checker = checker_with_drawn_collapse(document, data)
        shapes = Shapes(lambda: document.new_id(Kind.NODE))
        undo: list[Operation] = []
        for _ in range(data.draw(st.integers(1, 8), label="steps")):
            nodes = all_nodes(document)
            step = data.draw(st.sampled_from(["insert", "remove", "undo"]), label="step")
            if step == "undo" and undo:
                document.apply(undo.pop())
            elif step == "remove" and len(nodes) > 1:
                chosen = data.draw(
                    st.lists(st.sampled_from(nodes[1:]), min_size=1, max_size=3, unique=True),
                    label="removed",
                )
                undo.append(document.apply(RemoveNodes(tuple(node.id for node in chosen))))
            else:
                parent = data.draw(st.sampled_from(nodes), label="into")
                row = data.draw(st.integers(0, len(parent.children)), label="row")
                count = data.draw(st.integers(1, 3), label="count")
                if parent.id == ROOT_ID:
                    tops = tuple(
                        shapes.block(data.draw(st.lists(SHAPES, max_size=3)), [])
                        for _ in range(count)
                    )
                else:
                    tops = tuple(shapes.activity(data.draw(SHAPES)) for _ in range(count))
                undo.append(document.apply(InsertNodes(parent.id, row, tops)))
        while undo:
            document.apply(undo.pop())
        assert NodesInserted in checker.checked or NodesRemoved in checker.checked


# --- one move, spelled out ------------------------------------------------------------------------


def rows_by_id(outline: Outline) -> dict[int, Row]:
    return {row.id: row for row in outline.rows}


def test_a_branch_moves_across_blocks_into_a_collapsed_branch_and_back(tmp_path: Path) -> None:
    # Block 1: A (A1 (A1a), A2), B.  Block 2: C (C1, C2), D.  C is collapsed.
    document = Document.create(
        tmp_path / "move.workshop", workshop([[[[[]], []], []], [[[], []], []]])
    )
    try:
        block1, block2 = document.data.blocks
        a, b = block1.children
        c, d = block2.children
        a1, a1a = a.children[0], a.children[0].children[0]
        c1, c2 = c.children
        checker = Checker(document, {c.id})
        before = checker.builder.state.outline
        assert rows_by_id(before)[c.id].hidden_count == 2

        # A's branch (4 rows) goes between C1 and C2, inside the collapsed C.
        undo = document.apply(MoveNodes((a.id,), c.id, 1))
        after = checker.builder.state.outline
        assert checker.checked == [NodeMoved]
        assert [row.id for row in after.rows] == [
            *(block1.id, b.id),
            *(block2.id, c.id, c1.id, a.id, a1.id, a1a.id, a.children[1].id, c2.id, d.id),
        ]
        rows = rows_by_id(after)
        moved = rows[a.id]
        assert (moved.parent_id, moved.depth, moved.block_id) == (c.id, 3, block2.id)
        assert (moved.hidden, rows[a1a.id].hidden, rows[a1a.id].depth) == (True, True, 5)
        assert moved.previous_id == c1.id
        assert rows[c2.id].previous_id == a.id  # C2 follows A now
        assert rows[b.id].previous_id == 0  # B is block 1's first activity now
        assert rows[c.id].hidden_count == 6
        assert rows_by_id(before)[a.id].depth == 2  # the old snapshot is untouched

        # Undo: back to block 1, where it came from.
        document.apply(undo)
        assert checker.builder.state.outline.rows == before.rows

        # A1 (with A1a) becomes block 2's last activity, after D.
        document.apply(MoveNodes((a1.id,), block2.id, -1))
        rows = rows_by_id(checker.builder.state.outline)
        assert (rows[a1.id].depth, rows[a1.id].block_id) == (2, block2.id)
        assert (rows[a1.id].hidden, rows[a1a.id].hidden) == (False, False)
        assert rows[a1.id].previous_id == d.id
        assert rows[a.children[0].id].previous_id == 0  # A2 is A's first child now
        assert checker.walks == 0
    finally:
        document.close()


def test_the_wall_state_modules_import_no_qt() -> None:
    """The snapshots, their builder and their comparison stay Qt-free (mypy strict checks
    them as such): they import nothing of Qt, nor any projector module that does."""
    qt_free = {module.__name__ for module in (state, builder, changes)}
    for module in (state, builder, changes):
        assert module.__file__ is not None
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                assert not name.startswith(("PySide6", "shiboken")), (module.__name__, name)
                if name.startswith("facilitator_app.gui"):
                    assert name in qt_free, (module.__name__, name)
