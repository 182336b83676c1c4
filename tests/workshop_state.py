"""Helpers for the workshop-layer tests: a sample workshop and its file, a full snapshot of a
workshop (ids included) and checks of the tree's and the file's invariants. Not a test module;
imported by several."""

from __future__ import annotations

import copy
import dataclasses
import sqlite3
import stat
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.interchange.schema import FORMAT_VERSION
from facilitator_app.workshop.model import Node, WorkshopData

SAMPLE: dict[str, Any] = {
    "format": "facilitator-workshop",
    "version": 1,
    "workshop": {
        "title": "Pracovní skupina 🎯 Liberec",
        "starts_at": "2026-05-19T13:00",
        "ends_at": "2026-05-19T16:30",
        "place": "Krajský úřad, Liberec",
        "facilitator": "Jana Nováková",
        "organizer_label": "ORK",
        "language": "cs",
        "vision_intro": "Úvodní věta.",
    },
    "attendees": [
        {"name": "Účastník 1", "organization": "Obec Příšovice", "role": "participant"},
        {"name": "Pracovník ORK", "organization": "Krajský úřad", "role": "organizer"},
        {"name": "Host", "role": "guest", "present": False, "note": "omluven"},
    ],
    "themes": [
        {
            "name": "Energetika",
            "vision": "Spolehlivé sítě.\n\nDruhý odstavec.",
            "draft": "Návrh",
            "comments": [
                {"text": "R1", "author": "Petr", "organization": "ČEZ"},
                {"text": "R2", "status": "accepted", "response": "Zapracováno"},
            ],
        },
        {"name": "Voda", "vision": "Čistá voda", "comments": [{"text": "R3"}]},
        {"name": "Bezpečnost"},
    ],
    "activity_blocks": [
        {
            "themes": ["Energetika", "Voda"],
            "activities": [
                {
                    "text": "A",
                    "note": "poznámka",
                    "votes": 3,
                    "children": [
                        {"text": "A1", "children": [{"text": "A1a"}]},
                        {"text": "A2"},
                    ],
                },
                {"text": "B"},
                {"text": "C", "children": [{"text": "C1"}]},
            ],
        },
        {
            "themes": ["Voda", "Bezpečnost"],
            "activities": [
                {"text": "D"},
                {"text": "E", "children": [{"text": "E1"}, {"text": "E2"}]},
            ],
        },
        {"themes": [], "activities": []},
    ],
}


def as_exported(document: dict[str, Any]) -> dict[str, Any]:
    """A document of an older format version as the app exports it: the current version,
    with every list the format has (empty where the document had none): the programme and
    tasks (version 2), each theme's SWOT and problems (version 3)."""
    upgraded = {
        **document,
        "version": FORMAT_VERSION,
        "agenda": document.get("agenda", []),
        "tasks": document.get("tasks", []),
    }
    if "themes" in document:
        upgraded["themes"] = [
            {**theme, "swot": theme.get("swot", []), "problems": theme.get("problems", [])}
            for theme in document["themes"]
        ]
    return upgraded


def make_workshop(folder: Path, name: str = "w.workshop") -> Path:
    """A .workshop file of the SAMPLE in ``folder`` (made if missing), closed again."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    Document.create(path, parse_workshop(copy.deepcopy(SAMPLE))).close()
    return path


def mode(path: Path) -> int:
    """A file's permission bits."""
    return stat.S_IMODE(path.stat().st_mode)


def with_sql(path: Path, *statements: str) -> Path:
    """``path``, an SQLite file (made if missing), after the statements ran on it."""
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()
    return path


def full_state(data: WorkshopData) -> dict[str, Any]:
    """Everything in a workshop, ids and positions included, as comparable plain data."""
    return {
        "details": dataclasses.asdict(data.details),
        "attendees": [dataclasses.asdict(a) for a in data.attendees],
        "themes": [
            (
                t.id,
                t.name,
                t.vision,
                t.draft,
                [dataclasses.asdict(r) for r in t.remarks],
                [dataclasses.asdict(i) for i in t.swot],
                [dataclasses.asdict(p) for p in t.problems],
            )
            for t in data.themes
        ],
        "tree": [
            (
                n.id,
                n.parent.id if n.parent is not None else None,
                n.position,
                n.text,
                n.note,
                n.votes,
                tuple(n.theme_ids),
            )
            for n in data.root.walk()
        ],
        "agenda": [dataclasses.asdict(a) for a in data.agenda],
        "tasks": [dataclasses.asdict(t) for t in data.tasks],
    }


def check_tree(root: Node) -> set[int]:
    """Assert the in-memory tree is sound; return the ids reachable from the root."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        assert node.id not in seen, f"node {node.id} reached twice (a cycle or shared child)"
        seen.add(node.id)
        for position, child in enumerate(node.children):
            assert child.parent is node, f"node {child.id} does not point to its parent"
            assert child.position == position, (
                f"node {child.id}: cached position {child.position}, actual {position}"
            )
            assert child.is_block == (node is root)
            if not child.is_block:
                assert child.theme_ids == []
            stack.append(child)
    return seen


def check_file(path: Path) -> None:
    """Assert the committed file is sound: positions 0..n-1 everywhere, a tree without cycles."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
        lists = {
            "attendee": "SELECT 0, position FROM attendee",
            "theme": "SELECT 0, position FROM theme",
            "remark": "SELECT theme_id, position FROM remark",
            "node": "SELECT parent_id, position FROM node",
            "block_theme": "SELECT block_id, position FROM block_theme",
            "agenda_item": "SELECT 0, position FROM agenda_item",
            "task": "SELECT 0, position FROM task",
            "swot_item": "SELECT theme_id, position FROM swot_item",
            "problem": "SELECT theme_id, position FROM problem",
        }
        for table, sql in lists.items():
            positions: dict[Any, list[int]] = defaultdict(list)
            for container, position in connection.execute(sql):
                positions[container].append(position)
            for container, found in positions.items():
                assert sorted(found) == list(range(len(found))), (
                    f"{table} positions under {container}: {sorted(found)}"
                )
        parents = dict(connection.execute("SELECT id, parent_id FROM node"))
        block_ids = {node_id for node_id, parent in parents.items() if parent is None}
        linked = {block for (block,) in connection.execute("SELECT block_id FROM block_theme")}
        assert linked <= block_ids, "themes linked to a node that is not a block"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    children: dict[int | None, list[int]] = defaultdict(list)
    for node_id, parent_id in parents.items():
        children[parent_id].append(node_id)
    reached: set[int] = set()
    stack = list(children[None])
    while stack:
        node_id = stack.pop()
        assert node_id not in reached, f"node {node_id} reached twice in the file"
        reached.add(node_id)
        stack.extend(children[node_id])
    assert reached == set(parents), f"unreachable nodes in the file: {set(parents) - reached}"


@contextmanager
def open_document(path: Path) -> Iterator[Document]:
    """The workshop at ``path`` opened, closed again when the block ends."""
    document = Document.open(path)
    try:
        yield document
    finally:
        document.close()


def reopened_state(path: Path) -> dict[str, Any]:
    """The full state of the workshop as read back by opening its file again."""
    with open_document(path) as document:
        check_tree(document.data.root)
        return full_state(document.data)


def find(data: WorkshopData, text: str) -> Node:
    """The activity with this text (texts are unique in the sample)."""
    for node in data.root.walk():
        if node.text == text and not node.is_block and node.parent is not None:
            return node
    raise KeyError(text)


def outline(node: Node) -> list[Any]:
    """The texts of a subtree as nested lists, for readable assertions."""
    return [
        (child.text, outline(child)) if child.children else child.text for child in node.children
    ]


def reopened(document: Document) -> WorkshopData:
    """The workshop ``document`` holds as another process would read it from its file."""
    document.flush()
    other = Document.open(document.path)
    try:
        return other.data
    finally:
        other.storage.close()
