"""Change notifications: every change is announced before and after, with the rows a Qt model
needs for its begin…/end… calls."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from workshop_state import SAMPLE, find

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import (
    Event,
    FieldsChanged,
    Kind,
    NodeMoved,
    NodesInserted,
    NodesRemoved,
    RecordMoved,
    RecordsInserted,
    RecordsRemoved,
    Reset,
    Stage,
)
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import ROOT_ID, Attendee, Node
from facilitator_app.workshop.operations import (
    InsertNodes,
    InsertRecord,
    MoveNode,
    MoveNodes,
    MoveRecord,
    RemoveNodes,
    RemoveRecord,
    SetFields,
    new_activity,
)


class Recorder:
    """Records each notification with what the listener could see of the tree at that time."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.calls: list[tuple[str, Event, Any]] = []

    def document_about_to_change(self, event: Event) -> None:
        self.calls.append(("about", event, self.look(event)))

    def document_changed(self, event: Event) -> None:
        self.calls.append(("changed", event, self.look(event)))

    def look(self, event: Event) -> Any:
        if isinstance(event, NodesInserted | NodesRemoved):
            return [c.id for c in self.doc.node(event.parent_id).children]
        if isinstance(event, NodeMoved):
            return (
                [c.id for c in self.doc.node(event.old_parent_id).children],
                [c.id for c in self.doc.node(event.new_parent_id).children],
            )
        if isinstance(event, RecordsInserted | RecordsRemoved | RecordMoved):
            return [r.id for r in self.doc.records(event.kind, event.container_id)]
        if isinstance(event, FieldsChanged):
            target = self.doc.target(event.kind, event.id)
            return {name: getattr(target, name) for name in event.fields}
        return None

    def events(self) -> list[Event]:
        """The events, checking they come in about/changed pairs."""
        assert len(self.calls) % 2 == 0
        events = []
        for (phase1, event1, _), (phase2, event2, _) in zip(
            self.calls[::2], self.calls[1::2], strict=True
        ):
            assert (phase1, phase2) == ("about", "changed")
            assert event1 == event2
            events.append(event1)
        return events


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[Document]:
    document = Document.create(tmp_path / "events.workshop", parse_workshop(copy.deepcopy(SAMPLE)))
    yield document
    document.close()


@pytest.fixture
def recorder(doc: Document) -> Recorder:
    listener = Recorder(doc)
    doc.add_listener(listener)
    return listener


def qt_move(rows: list[int], source: int, destination: int) -> list[int]:
    """A same-parent move the way QAbstractItemModel.beginMoveRows describes it."""
    moved = rows[source]
    result = [*rows[:destination], moved, *rows[destination:]]
    del result[source if destination > source else source + 1]
    return result


def test_field_change(doc: Document, recorder: Recorder) -> None:
    node = find(doc.data, "A")
    doc.apply(SetFields(Kind.NODE, node.id, {"text": "Nové A", "votes": 9}))
    assert recorder.events() == [FieldsChanged(Kind.NODE, node.id, frozenset({"text", "votes"}))]
    assert recorder.calls[0][2] == {"text": "A", "votes": 3}
    assert recorder.calls[1][2] == {"text": "Nové A", "votes": 9}


def test_node_inserted(doc: Document, recorder: Recorder) -> None:
    parent = find(doc.data, "A")
    before = [c.id for c in parent.children]
    node = new_activity(doc, "nový")
    doc.apply(InsertNodes(parent.id, 1, (node,)))
    assert recorder.events() == [NodesInserted(parent.id, 1, 1)]
    assert recorder.calls[0][2] == before
    assert recorder.calls[1][2] == [before[0], node.id, before[1]]


def test_nodes_removed_one_event_per_branch_last_first(doc: Document, recorder: Recorder) -> None:
    block = doc.data.blocks[0]
    ids = [c.id for c in block.children]  # A, B, C
    doc.apply(RemoveNodes((ids[0], ids[2])))
    assert recorder.events() == [NodesRemoved(block.id, 2, 1), NodesRemoved(block.id, 0, 1)]
    assert recorder.calls[0][2] == ids
    assert recorder.calls[1][2] == ids[:2]
    assert recorder.calls[3][2] == [ids[1]]


@pytest.mark.parametrize(("source", "target"), [(0, 2), (2, 0), (0, 1), (1, 0), (1, 2)])
def test_node_moved_within_a_parent(
    doc: Document, recorder: Recorder, source: int, target: int
) -> None:
    block = doc.data.blocks[0]
    ids = [c.id for c in block.children]
    doc.apply(MoveNode(ids[source], block.id, target))
    [event] = recorder.events()
    assert event == NodeMoved(ids[source], block.id, source, block.id, target)
    destination = event.qt_destination_row()
    assert destination not in (source, source + 1)  # Qt refuses such a move
    assert qt_move(ids, source, destination) == [c.id for c in block.children]
    assert recorder.calls[0][2] == (ids, ids)


def test_node_moved_to_another_parent(doc: Document, recorder: Recorder) -> None:
    a1 = find(doc.data, "A1")
    e = find(doc.data, "E")
    doc.apply(MoveNode(a1.id, e.id, 2))
    [event] = recorder.events()
    a_id = find(doc.data, "A").id
    assert event == NodeMoved(a1.id, a_id, 0, e.id, 2)
    assert event.qt_destination_row() == 2
    assert recorder.calls[0][2][1] == [c.id for c in e.children if c.id != a1.id]


def test_move_nodes_events_replay_like_a_qt_model(doc: Document, recorder: Recorder) -> None:
    """Replaying the events on a copy of the rows, as Qt would, gives the document's rows."""
    mirror = {n.id: [c.id for c in n.children] for n in doc.data.root.walk()}
    ids = tuple(find(doc.data, t).id for t in ("C", "E1", "A2", "D", "A1a"))
    target = doc.data.blocks[0]
    doc.apply(MoveNodes(ids, target.id, 1))
    events = recorder.events()
    assert len(events) == 5
    for event in events:
        assert isinstance(event, NodeMoved)
        if event.old_parent_id == event.new_parent_id:
            rows = mirror[event.old_parent_id]
            mirror[event.old_parent_id] = qt_move(rows, event.old_row, event.qt_destination_row())
        else:
            assert mirror[event.old_parent_id].pop(event.old_row) == event.node_id
            mirror[event.new_parent_id].insert(event.qt_destination_row(), event.node_id)
    assert mirror == {n.id: [c.id for c in n.children] for n in doc.data.root.walk()}


def test_records(doc: Document, recorder: Recorder) -> None:
    attendees = [a.id for a in doc.data.attendees]
    record = Attendee(doc.new_id(Kind.ATTENDEE), "Nový")
    doc.apply(InsertRecord(Kind.ATTENDEE, 0, 1, record))
    doc.apply(MoveRecord(Kind.ATTENDEE, record.id, 3))
    doc.apply(RemoveRecord(Kind.ATTENDEE, attendees[0]))
    assert recorder.events() == [
        RecordsInserted(Kind.ATTENDEE, 0, 1, 1),
        RecordMoved(Kind.ATTENDEE, 0, 1, 3),
        RecordsRemoved(Kind.ATTENDEE, 0, 0, 1),
    ]
    looks = [look for _, _, look in recorder.calls]
    assert looks[0] == attendees
    assert looks[1] == [attendees[0], record.id, *attendees[1:]]
    assert looks[3] == [attendees[0], *attendees[1:], record.id]
    assert looks[5] == [*attendees[1:], record.id]


def test_remark_events_name_their_theme(doc: Document, recorder: Recorder) -> None:
    energy = doc.data.themes[0]
    doc.apply(MoveRecord(Kind.REMARK, energy.remarks[1].id, 0))
    assert recorder.events() == [RecordMoved(Kind.REMARK, energy.id, 1, 0)]


def test_theme_removal_announces_block_changes_first(doc: Document, recorder: Recorder) -> None:
    water = doc.data.themes[1]
    doc.apply(RemoveRecord(Kind.THEME, water.id))
    blocks = [b.id for b in doc.data.blocks]
    assert recorder.events() == [
        FieldsChanged(Kind.NODE, blocks[0], frozenset({"theme_ids"})),
        FieldsChanged(Kind.NODE, blocks[1], frozenset({"theme_ids"})),
        RecordsRemoved(Kind.THEME, 0, 1, 1),
    ]


def test_no_event_for_a_refused_or_empty_change(doc: Document, recorder: Recorder) -> None:
    a = find(doc.data, "A")
    with pytest.raises(Exception, match="own branch"):
        doc.apply(MoveNode(a.id, find(doc.data, "A1").id, 0))
    doc.apply(MoveNode(a.id, a.parent.id if a.parent else ROOT_ID, a.row))
    assert recorder.calls == []


def test_reset_and_remove_listener(doc: Document, recorder: Recorder) -> None:
    data = parse_workshop(copy.deepcopy(SAMPLE))
    data.root.children[0].children.append(Node(99, "extra", parent=data.root.children[0]))
    data.root.children[0].children[-1].position = 3
    doc.replace_data(data)
    assert recorder.events() == [Reset()]
    assert doc.node(99).text == "extra"
    doc.remove_listener(recorder)
    doc.apply(SetFields(Kind.NODE, 99, {"text": "quiet"}))
    assert len(recorder.calls) == 2


def test_listeners_hear_in_the_order_of_their_stage(doc: Document) -> None:
    """Item models first, then views, then the wall; within a stage in the order added."""
    heard: list[tuple[str, str]] = []

    class Named:
        def __init__(self, name: str) -> None:
            self.name = name

        def document_about_to_change(self, event: Event) -> None:
            heard.append(("about", self.name))

        def document_changed(self, event: Event) -> None:
            heard.append(("changed", self.name))

    wall, view, model, second_model, gone = (
        Named(n) for n in ("wall", "view", "model", "second model", "gone")
    )
    doc.add_listener(wall, Stage.WALL)
    doc.add_listener(view, Stage.VIEWS)
    doc.add_listener(gone, Stage.VIEWS)
    doc.add_listener(model)  # the item models' stage unless told
    doc.add_listener(second_model, Stage.MODELS)
    doc.remove_listener(gone)
    doc.apply(SetFields(Kind.DETAILS, 0, {"title": "Staged"}))
    order = ["model", "second model", "view", "wall"]
    assert heard == [("about", name) for name in order] + [("changed", name) for name in order]
    with pytest.raises(ValueError, match="not a listener"):
        doc.remove_listener(gone)
