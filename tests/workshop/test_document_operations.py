"""Every operation on a workshop: its effect, its exact undo, its redo, and that each reaches
the file (read back by opening the file again, and once from a separate process)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from workshop_state import SAMPLE, check_file, check_tree, find, full_state, outline, reopened_state

from facilitator_app.workshop import model
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import parse_workshop, workshop_to_json
from facilitator_app.workshop.model import ROOT_ID, Node
from facilitator_app.workshop.operations import (
    Batch,
    Indent,
    InsertNodes,
    InsertRecord,
    MoveNode,
    MoveNodes,
    MoveRecord,
    Operation,
    Outdent,
    RemoveNodes,
    RemoveRecord,
    SetBlockThemes,
    SetFields,
    new_activity,
)


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[Document]:
    document = Document.create(tmp_path / "sample.workshop", parse_workshop(copy.deepcopy(SAMPLE)))
    yield document
    if not document.storage.db.is_closed():
        document.close()


def verify(doc: Document, expected: dict[str, Any]) -> None:
    """The document holds ``expected`` in memory and in its file."""
    assert full_state(doc.data) == expected
    check_tree(doc.data.root)
    assert doc.is_saved
    check_file(doc.path)
    assert reopened_state(doc.path) == expected


def roundtrip(doc: Document, op: Operation, *, changes: bool = True) -> Operation:
    """Apply ``op``, undo it, redo it, undo and redo again; check every state on the way.

    Leaves the document in the state after ``op`` and returns the inverse of the first apply.
    """
    before = full_state(doc.data)
    before_json = workshop_to_json(doc.data)
    inverse = doc.apply(op)
    after = full_state(doc.data)
    after_json = workshop_to_json(doc.data)
    if changes:
        assert after != before, "the operation changed nothing"
    verify(doc, after)

    redo = doc.apply(inverse)  # undo
    verify(doc, before)
    assert workshop_to_json(doc.data) == before_json

    inverse_again = doc.apply(op)  # redo with the original: same state, same ids
    verify(doc, after)
    assert workshop_to_json(doc.data) == after_json

    doc.apply(inverse_again)  # undo with the inverse the redo returned
    verify(doc, before)
    doc.apply(redo)  # redo with the inverse of the undo, as an undo stack may
    verify(doc, after)
    return inverse


def refused(doc: Document, op: Operation, match: str | None = None) -> None:
    """``op`` is refused and leaves the document and its file exactly as they were."""
    before = full_state(doc.data)
    with pytest.raises(InvalidOperationError, match=match):
        doc.apply(op)
    assert full_state(doc.data) == before
    check_tree(doc.data.root)
    doc.flush()
    verify(doc, before)


def block(doc: Document, index: int) -> Node:
    return doc.data.blocks[index]


def theme_id(doc: Document, name: str) -> int:
    return next(t.id for t in doc.data.themes if t.name == name)


def block_theme_names(doc: Document) -> list[list[str]]:
    names = {t.id: t.name for t in doc.data.themes}
    return [[names[i] for i in b.theme_ids] for b in doc.data.blocks]


# --- field edits --------------------------------------------------------------------------


def test_set_fields_of_details(doc: Document) -> None:
    values = {
        "title": "Nový název ✨",
        "starts_at": datetime(2026, 6, 1, 9, 30, 15),
        "ends_at": None,
        "place": "Jablonec nad Nisou",
        "facilitator": "Petr Žák",
        "organizer_label": "KÚ",
        "language": "en",
        "vision_intro": None,
    }
    roundtrip(doc, SetFields(Kind.DETAILS, 0, values))
    details = doc.data.details
    assert details.title == "Nový název ✨"
    assert details.starts_at == datetime(2026, 6, 1, 9, 30, 15)
    assert details.ends_at is None
    assert (details.language, details.vision_intro) == ("en", None)


def test_set_dates_from_text(doc: Document) -> None:
    roundtrip(
        doc, SetFields(Kind.DETAILS, 0, {"starts_at": "2026-07-01T08:00", "ends_at": "2026-07-01"})
    )
    assert doc.data.details.starts_at == datetime(2026, 7, 1, 8, 0)
    assert doc.data.details.ends_at == datetime(2026, 7, 1)


@pytest.mark.parametrize(
    ("kind", "values"),
    [
        (Kind.DETAILS, {"starts_at": datetime(5202, 12, 19, 6, 13)}),
        (Kind.DETAILS, {"ends_at": "1899-05-19T13:00"}),
        (Kind.TASK, {"due": "5202-05-19"}),
        (Kind.AGENDA, {"started_at": datetime(2101, 1, 1)}),
    ],
)
def test_years_outside_1900_to_2100_are_refused(doc: Document, kind: Kind, values) -> None:
    item_id = 0
    if kind is not Kind.DETAILS:
        item_id = doc.new_id(kind)
        record = (
            model.Task(item_id, "Úkol") if kind is Kind.TASK else model.AgendaItem(item_id, "Bod")
        )
        doc.apply(InsertRecord(kind, 0, 0, record))
    with pytest.raises(InvalidOperationError, match=r"the year \d+ is not between 1900 and 2100"):
        doc.apply(SetFields(kind, item_id, values))


def test_set_fields_of_attendee(doc: Document) -> None:
    attendee = doc.data.attendees[0]
    values = {
        "name": "Jiří Čermák",
        "organization": "Město Liberec",
        "role": "guest",
        "present": False,
        "note": "odešel v 15:00",
    }
    roundtrip(doc, SetFields(Kind.ATTENDEE, attendee.id, values))
    assert doc.data.attendees[0] == model.Attendee(
        attendee.id, "Jiří Čermák", "Město Liberec", model.Role.GUEST, False, "odešel v 15:00"
    )


def test_set_fields_of_theme(doc: Document) -> None:
    energy = doc.data.themes[0]
    roundtrip(
        doc,
        SetFields(Kind.THEME, energy.id, {"name": "Energie", "vision": "Nová", "draft": None}),
    )
    assert (energy.name, energy.vision, energy.draft) == ("Energie", "Nová", None)
    roundtrip(doc, SetFields(Kind.THEME, energy.id, {"draft": "Jiný návrh"}))
    assert doc.data.themes[0].draft == "Jiný návrh"


def test_set_fields_of_remark(doc: Document) -> None:
    remark = doc.data.themes[0].remarks[0]
    values = {
        "text": "Doplnit vodík",
        "author": "Eva",
        "organization": "TUL",
        "status": "partly",
        "response": "Částečně zapracováno",
    }
    roundtrip(doc, SetFields(Kind.REMARK, remark.id, values))
    assert doc.data.themes[0].remarks[0] == model.Remark(
        remark.id, "Doplnit vodík", "Eva", "TUL", model.RemarkStatus.PARTLY, "Částečně zapracováno"
    )


def test_set_fields_of_activity(doc: Document) -> None:
    node = find(doc.data, "A1")
    roundtrip(doc, SetFields(Kind.NODE, node.id, {"text": "A1 🚀", "note": "n", "votes": 7}))
    assert (node.text, node.note, node.votes) == ("A1 🚀", "n", 7)


@pytest.mark.parametrize(
    ("kind", "values", "match"),
    [
        (Kind.NODE, {"colour": "red"}, "no field colour"),
        (Kind.NODE, {"votes": -1}, "votes"),
        (Kind.NODE, {"votes": True}, "votes"),
        (Kind.NODE, {"votes": 2**63}, "votes"),
        (Kind.NODE, {"votes": "3"}, "votes"),
        (Kind.NODE, {"text": 5}, "text"),
        (Kind.DETAILS, {"language": "de"}, "cs or en"),
        (Kind.DETAILS, {"starts_at": None}, "starts_at"),
        (Kind.DETAILS, {"starts_at": "tomorrow"}, None),
        (Kind.ATTENDEE, {"role": "boss"}, None),
        (Kind.REMARK, {"status": "maybe"}, None),
    ],
)
def test_set_fields_refuses_bad_values(
    doc: Document, kind: Kind, values: dict[str, Any], match: str | None
) -> None:
    ids = {
        Kind.NODE: find(doc.data, "A").id,
        Kind.DETAILS: 0,
        Kind.ATTENDEE: doc.data.attendees[0].id,
        Kind.REMARK: doc.data.themes[0].remarks[0].id,
    }
    refused(doc, SetFields(kind, ids[kind], values), match)


def test_set_fields_refuses_unknown_ids(doc: Document) -> None:
    for kind in (Kind.NODE, Kind.ATTENDEE, Kind.THEME, Kind.REMARK):
        refused(doc, SetFields(kind, 999, {"name" if kind is Kind.ATTENDEE else "text": "x"}))


def test_deferred_write_waits_for_flush(doc: Document) -> None:
    node = find(doc.data, "B")
    doc.apply(SetFields(Kind.NODE, node.id, {"text": "Bé"}), defer_write=True)
    doc.apply(SetFields(Kind.NODE, node.id, {"text": "Béé"}), defer_write=True)
    assert not doc.is_saved
    other = Document.open(doc.path)
    try:
        assert find(other.data, "B").id == node.id  # not in the file yet
    finally:
        other.close()
    assert doc.flush()
    assert doc.is_saved
    assert reopened_state(doc.path) == full_state(doc.data)
    assert find(doc.data, "Béé").id == node.id


# --- attendees, themes, remarks -------------------------------------------------------------


@pytest.mark.parametrize("position", [0, 1, 3])
def test_insert_attendee(doc: Document, position: int) -> None:
    record = model.Attendee(
        doc.new_id(Kind.ATTENDEE), "Nová 😀", "Obec", model.Role.ORGANIZER, True, ""
    )
    inverse = roundtrip(doc, InsertRecord(Kind.ATTENDEE, 0, position, record))
    assert doc.data.attendees[position] == record
    assert len(doc.data.attendees) == 4
    assert inverse == RemoveRecord(Kind.ATTENDEE, record.id)


def test_insert_theme_with_remarks(doc: Document) -> None:
    remarks = [model.Remark(doc.new_id(Kind.REMARK), f"připomínka {i}") for i in range(2)]
    theme = model.Theme(doc.new_id(Kind.THEME), "Doprava", "Vize", "Návrh", remarks)
    roundtrip(doc, InsertRecord(Kind.THEME, 0, 1, theme))
    assert [t.name for t in doc.data.themes] == ["Energetika", "Doprava", "Voda", "Bezpečnost"]
    assert doc.data.themes[1] == theme


@pytest.mark.parametrize("position", [0, 1])
def test_insert_remark(doc: Document, position: int) -> None:
    water = doc.data.themes[1]
    remark = model.Remark(
        doc.new_id(Kind.REMARK), "Nová", "Ona", "", model.RemarkStatus.NOTED, "Bereme na vědomí"
    )
    roundtrip(doc, InsertRecord(Kind.REMARK, water.id, position, remark))
    assert water.remarks[position] == remark
    assert [r.text for r in doc.data.themes[0].remarks] == ["R1", "R2"]


def test_insert_record_refuses_a_position_outside_the_list(doc: Document) -> None:
    record = model.Attendee(doc.new_id(Kind.ATTENDEE), "X")
    refused(doc, InsertRecord(Kind.ATTENDEE, 0, 4, record), "outside")
    refused(doc, InsertRecord(Kind.ATTENDEE, 0, -1, record), "outside")


def test_insert_record_refuses_an_id_in_use(doc: Document) -> None:
    attendee = copy.deepcopy(doc.data.attendees[0])
    refused(doc, InsertRecord(Kind.ATTENDEE, 0, 0, attendee), "exists already")
    theme = model.Theme(doc.new_id(Kind.THEME), "Nové", remarks=[doc.data.themes[1].remarks[0]])
    refused(doc, InsertRecord(Kind.THEME, 0, 0, theme), "exists already")
    remark = copy.deepcopy(doc.data.themes[0].remarks[0])
    refused(doc, InsertRecord(Kind.REMARK, doc.data.themes[2].id, 0, remark), "exists already")
    roundtrip(doc, SetFields(Kind.DETAILS, 0, {"title": "still saved"}))


def test_remove_attendee(doc: Document) -> None:
    removed = doc.data.attendees[1]
    roundtrip(doc, RemoveRecord(Kind.ATTENDEE, removed.id))
    assert [a.name for a in doc.data.attendees] == ["Účastník 1", "Host"]


def test_remove_theme_with_remarks(doc: Document) -> None:
    energy_id = theme_id(doc, "Energetika")
    roundtrip(doc, RemoveRecord(Kind.THEME, energy_id))
    assert [t.name for t in doc.data.themes] == ["Voda", "Bezpečnost"]
    assert block_theme_names(doc) == [["Voda"], ["Voda", "Bezpečnost"], []]


def test_remove_theme_used_by_blocks_and_undo_restores_membership(doc: Document) -> None:
    water_id = theme_id(doc, "Voda")
    before = block_theme_names(doc)
    assert before == [["Energetika", "Voda"], ["Voda", "Bezpečnost"], []]
    inverse = roundtrip(doc, RemoveRecord(Kind.THEME, water_id))
    assert block_theme_names(doc) == [["Energetika"], ["Bezpečnost"], []]
    doc.apply(inverse)
    assert block_theme_names(doc) == before  # same places in the same order
    assert [r.text for r in doc.theme(water_id).remarks] == ["R3"]


def test_remove_remark(doc: Document) -> None:
    remark = doc.data.themes[0].remarks[0]
    roundtrip(doc, RemoveRecord(Kind.REMARK, remark.id))
    assert [r.text for r in doc.data.themes[0].remarks] == ["R2"]


def test_remove_record_refuses_unknown_ids(doc: Document) -> None:
    for kind in (Kind.ATTENDEE, Kind.THEME, Kind.REMARK):
        refused(doc, RemoveRecord(kind, 999))


@pytest.mark.parametrize(("source", "target"), [(0, 2), (2, 0), (0, 1), (1, 2)])
def test_move_attendee(doc: Document, source: int, target: int) -> None:
    names = [a.name for a in doc.data.attendees]
    moved = doc.data.attendees[source]
    roundtrip(doc, MoveRecord(Kind.ATTENDEE, moved.id, target))
    names.insert(target, names.pop(source))
    assert [a.name for a in doc.data.attendees] == names


def test_move_theme(doc: Document) -> None:
    roundtrip(doc, MoveRecord(Kind.THEME, theme_id(doc, "Bezpečnost"), 0))
    assert [t.name for t in doc.data.themes] == ["Bezpečnost", "Energetika", "Voda"]


def test_move_remark(doc: Document) -> None:
    remark = doc.data.themes[0].remarks[0]
    roundtrip(doc, MoveRecord(Kind.REMARK, remark.id, 1))
    assert [r.text for r in doc.data.themes[0].remarks] == ["R2", "R1"]


def test_move_record_to_its_own_place_changes_nothing(doc: Document) -> None:
    attendee = doc.data.attendees[1]
    inverse = roundtrip(doc, MoveRecord(Kind.ATTENDEE, attendee.id, 1), changes=False)
    assert inverse == MoveRecord(Kind.ATTENDEE, attendee.id, 1)


def test_move_record_refuses_a_position_outside_the_list(doc: Document) -> None:
    refused(doc, MoveRecord(Kind.ATTENDEE, doc.data.attendees[0].id, 3), "outside")
    refused(doc, MoveRecord(Kind.REMARK, doc.data.themes[1].remarks[0].id, 1), "outside")


# --- activity blocks ----------------------------------------------------------------------


def test_set_block_themes(doc: Document) -> None:
    first = block(doc, 0)
    ids = (theme_id(doc, "Bezpečnost"), theme_id(doc, "Voda"), theme_id(doc, "Energetika"))
    roundtrip(doc, SetBlockThemes(first.id, ids))
    assert block_theme_names(doc)[0] == ["Bezpečnost", "Voda", "Energetika"]
    roundtrip(doc, SetBlockThemes(first.id, ()))
    assert block_theme_names(doc)[0] == []
    roundtrip(doc, SetBlockThemes(block(doc, 2).id, (ids[0],)))
    assert block_theme_names(doc)[2] == ["Bezpečnost"]


def test_set_block_themes_refusals(doc: Document) -> None:
    first = block(doc, 0)
    water = theme_id(doc, "Voda")
    refused(doc, SetBlockThemes(first.id, (water, 999)), "themes of this workshop")
    refused(doc, SetBlockThemes(first.id, (water, water)), "once")
    refused(doc, SetBlockThemes(find(doc.data, "A").id, (water,)), "only an activity block")


def test_insert_and_remove_a_block(doc: Document) -> None:
    new_block = Node(doc.new_id(Kind.NODE), theme_ids=[theme_id(doc, "Voda")])
    child = new_activity(doc, "Nová aktivita", [new_activity(doc, "Podaktivita")])
    new_block.children.append(child)
    child.parent = new_block
    roundtrip(doc, InsertNodes(ROOT_ID, 1, (new_block,)))
    assert [outline(b) for b in doc.data.blocks][1] == [("Nová aktivita", ["Podaktivita"])]
    assert block_theme_names(doc)[1] == ["Voda"]

    second = block(doc, 2)  # the old second block, with themes and activities
    roundtrip(doc, RemoveNodes((second.id,)))
    assert len(doc.data.blocks) == 3
    assert "Voda" in block_theme_names(doc)[1]


def test_reorder_blocks(doc: Document) -> None:
    ids = [b.id for b in doc.data.blocks]
    roundtrip(doc, MoveNode(ids[2], ROOT_ID, 0))
    assert [b.id for b in doc.data.blocks] == [ids[2], ids[0], ids[1]]
    roundtrip(doc, MoveNodes((ids[0], ids[2]), ROOT_ID, -1))
    assert [b.id for b in doc.data.blocks] == [ids[1], ids[2], ids[0]]


# --- the activity tree: insert and remove ------------------------------------------------------


def test_insert_first_child(doc: Document) -> None:
    node = new_activity(doc, "Nová první")
    inverse = roundtrip(doc, InsertNodes(block(doc, 0).id, 0, (node,)))
    assert outline(block(doc, 0))[0] == "Nová první"
    assert inverse == RemoveNodes((node.id,))


def test_insert_last_child(doc: Document) -> None:
    second = block(doc, 1)
    roundtrip(doc, InsertNodes(second.id, len(second.children), (new_activity(doc, "Poslední"),)))
    assert outline(block(doc, 1))[-1] == "Poslední"


def test_insert_sibling_after(doc: Document) -> None:
    a1 = find(doc.data, "A1")
    assert a1.parent is not None
    roundtrip(doc, InsertNodes(a1.parent.id, a1.row + 1, (new_activity(doc, "Za A1"),)))
    assert outline(find(doc.data, "A")) == [("A1", ["A1a"]), "Za A1", "A2"]


def test_insert_several_subtrees_under_an_activity(doc: Document) -> None:
    first = new_activity(doc, "X", [new_activity(doc, "X1"), new_activity(doc, "X2 ⚡")])
    second = new_activity(doc, "Y")
    roundtrip(doc, InsertNodes(find(doc.data, "C").id, 0, (first, second)))
    assert outline(find(doc.data, "C")) == [("X", ["X1", "X2 ⚡"]), "Y", "C1"]


def test_insert_refusals(doc: Document) -> None:
    parent = block(doc, 0)
    refused(doc, InsertNodes(parent.id, 4, (new_activity(doc, "far"),)), "outside")
    refused(doc, InsertNodes(999, 0, (new_activity(doc, "orphan"),)), "no activity")
    clash = Node(find(doc.data, "B").id, "clash")
    refused(doc, InsertNodes(parent.id, 0, (clash,)), "exists already")


def test_insert_refuses_themes_the_file_would_refuse(doc: Document) -> None:
    unknown = Node(doc.new_id(Kind.NODE), theme_ids=[999])
    refused(doc, InsertNodes(ROOT_ID, 0, (unknown,)), "theme of this workshop")
    water = theme_id(doc, "Voda")
    twice = Node(doc.new_id(Kind.NODE), theme_ids=[water, water])
    refused(doc, InsertNodes(ROOT_ID, 0, (twice,)), "once")
    activity = Node(doc.new_id(Kind.NODE), "with themes", theme_ids=[water])
    refused(doc, InsertNodes(block(doc, 0).id, 0, (activity,)), "only an activity block")
    roundtrip(doc, SetFields(Kind.DETAILS, 0, {"title": "still saved"}))
    assert doc.is_saved


def test_insert_of_several_is_all_or_nothing(doc: Document) -> None:
    clash = Node(find(doc.data, "B").id, "clash")
    refused(doc, InsertNodes(block(doc, 0).id, 0, (new_activity(doc, "ok"), clash)))


def test_remove_leaf(doc: Document) -> None:
    inverse = roundtrip(doc, RemoveNodes((find(doc.data, "B").id,)))
    assert outline(block(doc, 0)) == [("A", [("A1", ["A1a"]), "A2"]), ("C", ["C1"])]
    assert isinstance(inverse, Batch)


def test_remove_subtree(doc: Document) -> None:
    a = find(doc.data, "A")
    removed_ids = {n.id for n in a.walk()}
    roundtrip(doc, RemoveNodes((a.id,)))
    assert outline(block(doc, 0)) == ["B", ("C", ["C1"])]
    remaining = {n.id for n in doc.data.root.walk()}
    assert not removed_ids & remaining


def test_remove_several_across_blocks_and_nested(doc: Document) -> None:
    ids = tuple(find(doc.data, text).id for text in ("A1a", "E2", "A", "C1", "D"))
    roundtrip(doc, RemoveNodes(ids))
    assert outline(block(doc, 0)) == ["B", "C"]
    assert outline(block(doc, 1)) == [("E", ["E1"])]


def test_remove_every_child(doc: Document) -> None:
    e = find(doc.data, "E")
    roundtrip(doc, RemoveNodes(tuple(child.id for child in e.children)))
    assert e.children == []


def test_remove_refusals(doc: Document) -> None:
    refused(doc, RemoveNodes((ROOT_ID,)), "root")
    refused(doc, RemoveNodes((999,)), "no activity")


# --- the activity tree: moves ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "row", "expected"),
    [
        ("A", 2, ["B", "C", "A"]),
        ("A", 1, ["B", "A", "C"]),
        ("C", 0, ["C", "A", "B"]),
        ("B", 0, ["B", "A", "C"]),
    ],
)
def test_move_node_within_its_parent(
    doc: Document, text: str, row: int, expected: list[str]
) -> None:
    roundtrip(doc, MoveNode(find(doc.data, text).id, block(doc, 0).id, row))
    assert [child.text for child in block(doc, 0).children] == expected


def test_move_node_across_parents_and_blocks(doc: Document) -> None:
    a1 = find(doc.data, "A1")
    inverse = roundtrip(doc, MoveNode(a1.id, find(doc.data, "E").id, 1))
    assert outline(find(doc.data, "E")) == ["E1", ("A1", ["A1a"]), "E2"]
    assert outline(find(doc.data, "A")) == ["A2"]
    assert inverse == MoveNode(a1.id, find(doc.data, "A").id, 0)


def test_move_node_to_its_own_place_changes_nothing(doc: Document) -> None:
    b = find(doc.data, "B")
    roundtrip(doc, MoveNode(b.id, block(doc, 0).id, 1), changes=False)


def test_move_node_refusals(doc: Document) -> None:
    a = find(doc.data, "A")
    refused(doc, MoveNode(a.id, find(doc.data, "A1a").id, 0), "own branch")
    refused(doc, MoveNode(a.id, a.id, 0), "own branch")
    refused(doc, MoveNode(a.id, ROOT_ID, 0), "blocks stay top-level")
    refused(doc, MoveNode(block(doc, 0).id, find(doc.data, "D").id, 0), "blocks stay top-level")
    refused(doc, MoveNode(a.id, block(doc, 1).id, 3), "outside")
    refused(doc, MoveNode(a.id, block(doc, 0).id, 3), "outside")
    refused(doc, MoveNode(a.id, 999, 0), "no activity")


def test_move_nodes_one(doc: Document) -> None:
    roundtrip(doc, MoveNodes((find(doc.data, "B").id,), block(doc, 1).id, 0))
    assert outline(block(doc, 1)) == ["B", "D", ("E", ["E1", "E2"])]


def test_move_nodes_several_within_a_parent_to_the_end(doc: Document) -> None:
    ids = (find(doc.data, "C").id, find(doc.data, "A").id)  # selection order does not matter
    roundtrip(doc, MoveNodes(ids, block(doc, 0).id, -1))
    assert [c.text for c in block(doc, 0).children] == ["B", "A", "C"]


def test_move_nodes_several_across_parents(doc: Document) -> None:
    ids = tuple(find(doc.data, text).id for text in ("E1", "A2", "C1"))
    roundtrip(doc, MoveNodes(ids, find(doc.data, "D").id, -1))
    assert outline(find(doc.data, "D")) == ["A2", "C1", "E1"]  # document order
    assert outline(find(doc.data, "E")) == ["E2"]


def test_move_nodes_across_blocks_to_a_row(doc: Document) -> None:
    ids = (find(doc.data, "D").id, find(doc.data, "B").id)
    roundtrip(doc, MoveNodes(ids, block(doc, 0).id, 0))
    assert [c.text for c in block(doc, 0).children] == ["B", "D", "A", "C"]
    assert [c.text for c in block(doc, 1).children] == ["E"]


def test_move_nodes_into_an_empty_block(doc: Document) -> None:
    ids = (find(doc.data, "A1").id, find(doc.data, "E").id)
    roundtrip(doc, MoveNodes(ids, block(doc, 2).id, -1))
    assert outline(block(doc, 2)) == [("A1", ["A1a"]), ("E", ["E1", "E2"])]


def test_move_nodes_before_a_selected_row(doc: Document) -> None:
    """Dropped just before one of the moved nodes: they land together, in order."""
    ids = (find(doc.data, "C").id, find(doc.data, "A").id)
    roundtrip(doc, MoveNodes(ids, block(doc, 0).id, 2))
    assert [c.text for c in block(doc, 0).children] == ["B", "A", "C"]


def test_move_nodes_with_a_descendant_selected_moves_the_branch_once(doc: Document) -> None:
    ids = (find(doc.data, "A1a").id, find(doc.data, "A").id)
    roundtrip(doc, MoveNodes(ids, block(doc, 1).id, 1))
    assert outline(block(doc, 1)) == ["D", ("A", [("A1", ["A1a"]), "A2"]), ("E", ["E1", "E2"])]


def test_move_nodes_beyond_the_end_appends(doc: Document) -> None:
    roundtrip(doc, MoveNodes((find(doc.data, "A").id,), block(doc, 1).id, 99))
    assert [c.text for c in block(doc, 1).children] == ["D", "E", "A"]


def test_move_nodes_refusals(doc: Document) -> None:
    a = find(doc.data, "A")
    b = find(doc.data, "B")
    refused(doc, MoveNodes((b.id, a.id), find(doc.data, "A1a").id, 0), "own branch")
    refused(doc, MoveNodes((a.id,), a.id, -1), "own branch")
    refused(doc, MoveNodes((block(doc, 1).id,), a.id, 0), "blocks stay top-level")
    refused(doc, MoveNodes((b.id, block(doc, 1).id), block(doc, 0).id, 0), "blocks stay top-level")
    refused(doc, MoveNodes((a.id,), ROOT_ID, -1), "blocks stay top-level")
    refused(doc, MoveNodes((a.id, ROOT_ID), block(doc, 1).id, 0), "root")


# --- indent and outdent ---------------------------------------------------------------------


def test_indent_one(doc: Document) -> None:
    roundtrip(doc, Indent((find(doc.data, "B").id,)))
    assert outline(block(doc, 0)) == [("A", [("A1", ["A1a"]), "A2", "B"]), ("C", ["C1"])]


def test_indent_several(doc: Document) -> None:
    ids = (find(doc.data, "C").id, find(doc.data, "B").id)
    roundtrip(doc, Indent(ids))
    assert outline(block(doc, 0)) == [("A", [("A1", ["A1a"]), "A2", "B", ("C", ["C1"])])]


def test_indent_skips_first_children(doc: Document) -> None:
    ids = (find(doc.data, "A1").id, find(doc.data, "A2").id)
    roundtrip(doc, Indent(ids))
    assert outline(find(doc.data, "A")) == [("A1", ["A1a", "A2"])]


def test_indent_refusals(doc: Document) -> None:
    refused(doc, Indent((find(doc.data, "A1a").id,)), "nothing to indent")
    refused(doc, Indent((block(doc, 1).id,)), "nothing to indent")


def test_outdent_one(doc: Document) -> None:
    roundtrip(doc, Outdent((find(doc.data, "A1").id,)))
    assert [c.text for c in block(doc, 0).children] == ["A", "A1", "B", "C"]
    assert outline(find(doc.data, "A")) == ["A2"]
    assert outline(find(doc.data, "A1")) == ["A1a"]


def test_outdent_several_keeps_their_order(doc: Document) -> None:
    ids = (find(doc.data, "A2").id, find(doc.data, "A1").id)
    roundtrip(doc, Outdent(ids))
    assert [c.text for c in block(doc, 0).children] == ["A", "A1", "A2", "B", "C"]


def test_outdent_across_blocks(doc: Document) -> None:
    ids = (find(doc.data, "A1a").id, find(doc.data, "E1").id)
    roundtrip(doc, Outdent(ids))
    assert outline(find(doc.data, "A")) == ["A1", "A1a", "A2"]
    assert [c.text for c in block(doc, 1).children] == ["D", "E", "E1"]


def test_outdent_refusals(doc: Document) -> None:
    refused(doc, Outdent((find(doc.data, "B").id,)), "nothing to outdent")
    refused(doc, Outdent((block(doc, 0).id,)), "nothing to outdent")


# --- several operations as one step ---------------------------------------------------------


def test_batch(doc: Document) -> None:
    b = find(doc.data, "B")
    batch = Batch(
        (
            SetFields(Kind.NODE, b.id, {"text": "Bé", "votes": 2}),
            MoveNode(b.id, block(doc, 1).id, 0),
            RemoveRecord(Kind.ATTENDEE, doc.data.attendees[0].id),
            InsertNodes(b.id, 0, (new_activity(doc, "pod Bé"),)),
        )
    )
    roundtrip(doc, batch)
    assert outline(block(doc, 1))[0] == ("Bé", ["pod Bé"])


def test_batch_that_fails_leaves_nothing_behind(doc: Document) -> None:
    a = find(doc.data, "A")
    batch = Batch(
        (
            SetFields(Kind.NODE, a.id, {"text": "changed"}),
            MoveNode(find(doc.data, "B").id, block(doc, 1).id, 0),
            MoveNode(a.id, find(doc.data, "A1").id, 0),  # into its own branch
        )
    )
    refused(doc, batch, "own branch")


# --- the file -----------------------------------------------------------------------------


READ_IN_ANOTHER_PROCESS = """
import json, sys
from facilitator_app.workshop.interchange import workshop_to_json
from facilitator_app.workshop.store.storage import Storage
print(json.dumps(workshop_to_json(Storage.read(sys.argv[1])), ensure_ascii=False))
"""


def read_elsewhere(path: Path) -> Any:
    result = subprocess.run(
        [sys.executable, "-c", READ_IN_ANOTHER_PROCESS, str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(result.stdout)


def test_each_change_is_committed_for_another_process(doc: Document) -> None:
    doc.apply(MoveNodes((find(doc.data, "C1").id,), block(doc, 2).id, -1))
    doc.apply(SetFields(Kind.NODE, find(doc.data, "C1").id, {"text": "C1 přesunuto 🚚"}))
    doc.apply(RemoveRecord(Kind.THEME, theme_id(doc, "Voda")))
    assert read_elsewhere(doc.path) == workshop_to_json(doc.data)
    raw = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(c.execute('SELECT count(*) FROM node WHERE text = ?', (sys.argv[2],))"
            ".fetchone()[0])",
            str(doc.path),
            "C1 přesunuto 🚚",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert raw.stdout.strip() == "1"


def test_file_after_close_holds_everything(doc: Document, tmp_path: Path) -> None:
    doc.apply(Indent((find(doc.data, "B").id,)))
    doc.apply(SetFields(Kind.DETAILS, 0, {"title": "Po zavření"}), defer_write=True)
    expected = full_state(doc.data)
    doc.close()
    assert not Path(f"{doc.path}-wal").exists() or Path(f"{doc.path}-wal").stat().st_size == 0
    assert reopened_state(doc.path) == expected


def test_empty_workshop(tmp_path: Path) -> None:
    document = Document.create(tmp_path / "empty.workshop")
    try:
        assert full_state(document.data)["tree"] == [(ROOT_ID, None, 0, "", "", 0, ())]
        new_block = Node(document.new_id(Kind.NODE))
        roundtrip(document, InsertNodes(ROOT_ID, 0, (new_block,)))
        first = new_activity(document, "první")
        roundtrip(document, InsertNodes(new_block.id, 0, (first,)))
    finally:
        document.close()
    assert isinstance(Document.open(tmp_path / "empty.workshop").data, model.WorkshopData)
