"""Activity codes (workshop/codes.py): ``3.1.2``, the block's number first; they follow the
tree through inserts, moves and removals, and the three ways of computing them agree."""

from __future__ import annotations

import copy
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from workshop_state import SAMPLE

from facilitator_app.workshop.codes import activity_codes, code_of, codes_by_depth
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import Node, WorkshopData, renumber_children
from facilitator_app.workshop.operations import InsertNodes, MoveNodes, RemoveNodes, new_activity


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[Document]:
    document = Document.create(tmp_path / "codes.workshop", parse_workshop(copy.deepcopy(SAMPLE)))
    yield document
    document.close()


def by_text(data: WorkshopData) -> dict[str, str]:
    codes = activity_codes(data.root)
    return {node.text: codes[node.id] for block in data.blocks for node in block.walk()}


def agree(data: WorkshopData) -> None:
    """The one-pass codes, each node's own and those from the flattened depths are the same."""
    codes = activity_codes(data.root)
    nodes = [node for block in data.blocks for node in block.walk()]
    assert [codes[node.id] for node in nodes] == [code_of(node) for node in nodes]
    assert [codes[node.id] for node in nodes] == codes_by_depth(node.depth for node in nodes)


def test_codes_of_the_sample(doc: Document) -> None:
    data = doc.data
    codes = by_text(data)
    assert [codes[text] for text in ("A", "A1", "A1a", "A2", "B", "C", "C1")] == [
        "1.1", "1.1.1", "1.1.1.1", "1.1.2", "1.2", "1.3", "1.3.1",
    ]  # fmt: skip
    assert [codes[text] for text in ("D", "E", "E1", "E2")] == ["2.1", "2.2", "2.2.1", "2.2.2"]
    assert [activity_codes(data.root)[block.id] for block in data.blocks] == ["1", "2", "3"]
    assert code_of(data.root) == ""
    agree(data)


def test_codes_follow_inserts_moves_and_removals(doc: Document) -> None:
    data = doc.data
    first = data.blocks[0]
    doc.apply(InsertNodes(first.id, 0, (new_activity(doc, "New"),)))
    codes = by_text(data)
    assert (codes["New"], codes["A"], codes["A1a"], codes["C1"]) == (
        "1.1",
        "1.2",
        "1.2.1.1",
        "1.4.1",
    )
    agree(data)
    e = next(node for node in data.blocks[1].children if node.text == "E")
    doc.apply(MoveNodes((e.id,), first.id, 0))  # E with its children to the top of block 1
    codes = by_text(data)
    assert (codes["E"], codes["E2"], codes["New"], codes["D"]) == ("1.1", "1.1.2", "1.2", "2.1")
    agree(data)
    doc.apply(RemoveNodes((data.blocks[0].id,)))  # the first block: every block renumbers
    codes = by_text(data)
    assert codes["D"] == "1.1"
    assert activity_codes(data.root)[data.blocks[1].id] == "2"
    agree(data)


def test_codes_of_an_empty_tree_and_odd_depths() -> None:
    assert activity_codes(Node(0)) == {}
    assert codes_by_depth([]) == []
    # A jump of two levels is taken as one (so the next 3 is its sibling), a depth below 1 as
    # a block.
    assert codes_by_depth([1, 1, 2, 4, 3, 0]) == ["1", "2", "2.1", "2.1.1", "2.1.2", "3"]


def _deep_and_wide(count: int) -> WorkshopData:
    data = WorkshopData()
    block = Node(1, parent=data.root)
    data.root.children.append(block)
    next_id = 2
    level = [block]
    while next_id <= count:
        below = []
        for parent in level:
            for _ in range(10):
                if next_id > count:
                    break
                child = Node(next_id, f"a{next_id}", parent=parent)
                parent.children.append(child)
                below.append(child)
                next_id += 1
            renumber_children(parent)
        level = below
    return data


def test_ten_thousand_nodes_in_a_few_milliseconds() -> None:
    data = _deep_and_wide(10_000)
    best = min(_timed(lambda: activity_codes(data.root)) for _ in range(5))
    assert len(activity_codes(data.root)) == 10_000
    assert best < 0.05  # a few ms on a slow machine; generous for a loaded one
    agree(data)


def test_a_tree_deeper_than_the_recursion_limit() -> None:
    data = WorkshopData()
    parent = Node(1, parent=data.root)
    data.root.children.append(parent)
    for node_id in range(2, 3002):
        child = Node(node_id, parent=parent)
        parent.children.append(child)
        parent = child
    codes = activity_codes(data.root)
    assert codes[3001] == "1" + ".1" * 3000
    assert code_of(parent) == codes[3001]


def _timed(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start
