"""Random sequences of tree operations, with undo and redo, against the tree's invariants.

After every step: positions under every parent are 0..n-1 (the cached ``Node.position`` in
memory and the ``position`` column in the file), there is no cycle, every node is reachable
from the root, the tree read back by opening the file again equals the one in memory, and a
listener that follows only the change events (as a Qt model does) sees the same tree.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from workshop_state import SAMPLE, check_file, check_tree, full_state, reopened_state

from facilitator_app.workshop import events, operations
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import ROOT_ID, Node


class Mirror:
    """Follows the tree through change events only, the way a Qt item model must."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.children: dict[int, list[int]] = {}
        self.rebuild()

    def rebuild(self) -> None:
        self.children = {n.id: [c.id for c in n.children] for n in self.doc.data.root.walk()}

    def document_about_to_change(self, event: events.Event) -> None:
        if isinstance(event, events.NodesRemoved):
            del self.children[event.parent_id][event.row : event.row + event.count]

    def document_changed(self, event: events.Event) -> None:
        if isinstance(event, events.NodesInserted):
            parent = self.doc.node(event.parent_id)
            for row in range(event.row, event.row + event.count):
                top = parent.children[row]
                self.children[event.parent_id].insert(row, top.id)
                for node in top.walk():
                    self.children[node.id] = [c.id for c in node.children]
        elif isinstance(event, events.NodeMoved):
            destination = event.qt_destination_row()
            source_rows = self.children[event.old_parent_id]
            assert source_rows[event.old_row] == event.node_id
            if event.old_parent_id == event.new_parent_id:
                assert destination not in (event.old_row, event.old_row + 1)
                source_rows.insert(destination, event.node_id)
                del source_rows[event.old_row if destination > event.old_row else event.old_row + 1]
            else:
                del source_rows[event.old_row]
                self.children[event.new_parent_id].insert(destination, event.node_id)
        elif isinstance(event, events.Reset):
            self.rebuild()

    def reachable(self) -> dict[int, list[int]]:
        result: dict[int, list[int]] = {}
        stack = [ROOT_ID]
        while stack:
            node_id = stack.pop()
            result[node_id] = list(self.children[node_id])
            stack.extend(self.children[node_id])
        return result


# Nested lists standing for the children of a small subtree.
SHAPES: st.SearchStrategy[list[Any]] = st.recursive(
    st.just([]), lambda children: st.lists(children, max_size=3), max_leaves=6
)


# An operation on the undo or the redo stack, with the state it leads back (or again) to.
Step = tuple[operations.Operation, dict[str, Any]]


def has_nodes(machine: TreeMachine) -> bool:
    return bool(machine.doc.data.root.children)


class TreeMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="tree-"))
        data = parse_workshop(copy.deepcopy(SAMPLE))
        self.doc = Document.create(self.folder / "tree.workshop", data)
        self.mirror = Mirror(self.doc)
        self.doc.add_listener(self.mirror)
        self.undo_stack: list[Step] = []
        self.redo_stack: list[Step] = []
        self.counter = 0

    def teardown(self) -> None:
        self.doc.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- helpers ------------------------------------------------------------------------

    def all_nodes(self) -> list[Node]:
        return list(self.doc.data.root.walk())

    def pick_node(self, data: st.DataObject, *, root: bool = False) -> Node:
        nodes = self.all_nodes() if root else self.all_nodes()[1:]
        return data.draw(st.sampled_from(nodes))

    def pick_many(self, data: st.DataObject) -> list[Node]:
        return data.draw(st.lists(st.sampled_from(self.all_nodes()[1:]), min_size=1, max_size=4))

    def build(self, shape: list[Any]) -> Node:
        self.counter += 1
        node = Node(self.doc.new_id(Kind.NODE), f"nová {self.counter} ✨")
        for position, child_shape in enumerate(shape):
            child = self.build(child_shape)
            child.parent, child.position = node, position
            node.children.append(child)
        return node

    def new_subtree(self, data: st.DataObject, *, as_block: bool) -> Node:
        top = self.build(data.draw(SHAPES, label="shape"))
        if as_block:
            top.text = ""
            themes = [t.id for t in self.doc.data.themes]
            top.theme_ids = data.draw(st.lists(st.sampled_from(themes), unique=True, max_size=3))
        return top

    def attempt(self, op: operations.Operation, *, allowed: bool) -> None:
        """Apply ``op``; it must be refused exactly when not ``allowed``."""
        before = full_state(self.doc.data)
        event(f"{type(op).__name__} {'applied' if allowed else 'refused'}")
        try:
            inverse = self.doc.apply(op)
        except InvalidOperationError:
            assert not allowed, f"{op} was refused"
            assert full_state(self.doc.data) == before
            return
        assert allowed, f"{op} was not refused"
        self.undo_stack.append((inverse, before))
        self.redo_stack.clear()

    @staticmethod
    def tops(nodes: list[Node]) -> list[Node]:
        chosen = {id(n) for n in nodes}
        result = []
        for node in {id(n): n for n in nodes}.values():
            ancestor = node.parent
            while ancestor is not None and id(ancestor) not in chosen:
                ancestor = ancestor.parent
            if ancestor is None:
                result.append(node)
        return result

    @staticmethod
    def can_move(node: Node, parent: Node) -> bool:
        into_itself = node is parent or node.is_ancestor_of(parent)
        return not into_itself and node.is_block == (parent.id == ROOT_ID)

    # --- rules --------------------------------------------------------------------------

    @rule(data=st.data())
    def insert(self, data: st.DataObject) -> None:
        parent = self.pick_node(data, root=True)
        row = data.draw(st.integers(0, len(parent.children)), label="row")
        count = data.draw(st.integers(1, 2), label="count")
        as_block = parent.id == ROOT_ID
        subtrees = tuple(self.new_subtree(data, as_block=as_block) for _ in range(count))
        self.attempt(operations.InsertNodes(parent.id, row, subtrees), allowed=True)
        for offset, subtree in enumerate(subtrees):
            assert parent.children[row + offset].id == subtree.id

    @precondition(has_nodes)
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        nodes = self.pick_many(data)
        gone = {n.id for top in self.tops(nodes) for n in top.walk()}
        self.attempt(operations.RemoveNodes(tuple(n.id for n in nodes)), allowed=True)
        assert not any(self.doc.has_node(node_id) for node_id in gone)

    @precondition(has_nodes)
    @rule(data=st.data())
    def move_one(self, data: st.DataObject) -> None:
        node = self.pick_node(data)
        parent = self.pick_node(data, root=True)
        assert node.parent is not None
        limit = len(parent.children) - (1 if parent is node.parent else 0)
        row = data.draw(st.integers(-1, limit + 1), label="row")
        allowed = self.can_move(node, parent) and 0 <= row <= limit
        self.attempt(operations.MoveNode(node.id, parent.id, row), allowed=allowed)
        if allowed:
            assert node.parent is parent
            assert node.row == row

    @precondition(has_nodes)
    @rule(data=st.data())
    def move_several(self, data: st.DataObject) -> None:
        nodes = self.pick_many(data)
        parent = self.pick_node(data, root=True)
        row = data.draw(st.integers(-1, len(parent.children) + 1), label="row")
        tops = sorted(self.tops(nodes), key=lambda n: _order(n))
        allowed = all(self.can_move(n, parent) for n in tops)
        self.attempt(
            operations.MoveNodes(tuple(n.id for n in nodes), parent.id, row), allowed=allowed
        )
        if allowed:
            rows = [n.row for n in tops]
            assert all(n.parent is parent for n in tops)
            assert rows == list(range(rows[0], rows[0] + len(rows))), "moved nodes are adjacent"

    @precondition(has_nodes)
    @rule(data=st.data())
    def indent(self, data: st.DataObject) -> None:
        nodes = self.pick_many(data)
        allowed = any(not n.is_block and n.row > 0 for n in self.tops(nodes))
        self.attempt(operations.Indent(tuple(n.id for n in nodes)), allowed=allowed)

    @precondition(has_nodes)
    @rule(data=st.data())
    def outdent(self, data: st.DataObject) -> None:
        nodes = self.pick_many(data)
        allowed = any(
            not n.is_block and n.parent is not None and not n.parent.is_block
            for n in self.tops(nodes)
        )
        self.attempt(operations.Outdent(tuple(n.id for n in nodes)), allowed=allowed)

    @precondition(lambda self: bool(self.undo_stack))
    @rule()
    def undo(self) -> None:
        self.replay("undo", self.undo_stack, self.redo_stack)

    @precondition(lambda self: bool(self.redo_stack))
    @rule()
    def redo(self) -> None:
        self.replay("redo", self.redo_stack, self.undo_stack)

    def replay(self, label: str, source: list[Step], target: list[Step]) -> None:
        """Apply the operation on top of ``source`` (an undo or a redo), check that the state
        is the one it was recorded to lead to, and put its inverse on ``target``."""
        operation, expected = source.pop()
        now = full_state(self.doc.data)
        inverse = self.doc.apply(operation)
        event(label)
        assert full_state(self.doc.data) == expected
        target.append((inverse, now))

    # --- invariants ---------------------------------------------------------------------

    @invariant()
    def tree_is_sound_in_memory(self) -> None:
        reached = check_tree(self.doc.data.root)
        assert all(self.doc.has_node(node_id) for node_id in reached)
        assert self.mirror.reachable() == {
            n.id: [c.id for c in n.children] for n in self.doc.data.root.walk()
        }

    @invariant()
    def file_matches_memory(self) -> None:
        assert self.doc.is_saved
        check_file(self.doc.path)
        assert reopened_state(self.doc.path) == full_state(self.doc.data)


def _order(node: Node) -> tuple[int, ...]:
    path = []
    while node.parent is not None:
        path.append(node.position)
        node = node.parent
    return tuple(reversed(path))


TreeMachine.TestCase.settings = settings(
    max_examples=50,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_tree_operations = TreeMachine.TestCase
