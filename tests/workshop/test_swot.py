"""The group's first meeting: each theme's SWOT (four quadrants of items with dot votes) and
its problems (from SWOT items), and the date of the previous meeting. Operations with their
exact undo, the rules they keep, the file (schema version 3 and the migration of a version 2
file)."""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_document_operations import refused, roundtrip, verify
from workshop_state import SAMPLE, full_state, make_workshop, reopened_state

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Event, Kind, RecordMoved, RecordsInserted
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import Problem, Quadrant, SwotItem, Task, Theme, WorkshopData
from facilitator_app.workshop.operations import (
    InsertRecord,
    MoveRecord,
    MoveSwotItem,
    RemoveRecord,
    SetFields,
    swot_moves,
)
from facilitator_app.workshop.store.schema import SCHEMA_VERSION
from facilitator_app.workshop.store.storage import Storage

S, W, OP, T = Quadrant.STRENGTHS, Quadrant.WEAKNESSES, Quadrant.OPPORTUNITIES, Quadrant.THREATS


def sample_data() -> WorkshopData:
    """The SAMPLE with a SWOT and problems in its first theme and an item in its second."""
    data = parse_workshop(copy.deepcopy(SAMPLE))
    energy, water = data.themes[0], data.themes[1]
    energy.swot = [
        SwotItem(1, "Silná síť", S, "", 4),
        SwotItem(2, "Staré trafostanice", W, "hlavně na severu", 2),
        SwotItem(3, "Dotace EU", OP),
        SwotItem(4, "Levné zdroje", S, "", 1),
        SwotItem(5, "Výpadky", T, "", 6),
    ]
    energy.problems = [Problem(1, "Zastaralá síť", 5, [2, 5]), Problem(2, "Chybí peníze", 0, [])]
    water.swot = [SwotItem(6, "Sucho", T, "", 3)]
    data.details.previous_meeting = date(2026, 3, 3)
    return data


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[Document]:
    document = Document.create(tmp_path / "swot.workshop", sample_data())
    yield document
    if not document.storage.db.is_closed():
        document.close()


def theme(doc: Document, index: int) -> Theme:
    return doc.data.themes[index]


def texts(doc: Document, index: int, quadrant: Quadrant) -> list[str]:
    return [item.text for item in theme(doc, index).quadrant_items(quadrant)]


def test_a_new_file_keeps_swot_problems_and_the_previous_meeting(doc: Document) -> None:
    assert reopened_state(doc.path) == full_state(sample_data())
    assert texts(doc, 0, S) == ["Silná síť", "Levné zdroje"]
    assert doc.data.details.previous_meeting == date(2026, 3, 3)
    # The new ids go on after those in the file.
    assert (doc.new_id(Kind.SWOT), doc.new_id(Kind.PROBLEM)) == (7, 3)


# --- the operations, each with its exact undo -----------------------------------------------


@pytest.mark.parametrize("position", [0, 3, 5])
def test_insert_swot_item(doc: Document, position: int) -> None:
    item = SwotItem(doc.new_id(Kind.SWOT), "Nový zdroj", OP, "poznámka", 2)
    roundtrip(doc, InsertRecord(Kind.SWOT, theme(doc, 0).id, position, item))
    assert theme(doc, 0).swot[position] == item


def test_insert_problem(doc: Document) -> None:
    problem = Problem(doc.new_id(Kind.PROBLEM), "Sucho", 1, [6])
    roundtrip(doc, InsertRecord(Kind.PROBLEM, theme(doc, 1).id, 0, problem))
    assert theme(doc, 1).problems == [problem]


@pytest.mark.parametrize(
    ("kind", "record_id", "values"),
    [
        (Kind.SWOT, 2, {"text": "Staré sítě", "note": "", "votes": 7}),
        (Kind.SWOT, 2, {"quadrant": "threats"}),
        (Kind.PROBLEM, 1, {"text": "Síť", "votes": 0}),
        (Kind.PROBLEM, 1, {"sources": [5, 1, 4]}),
        (Kind.PROBLEM, 2, {"sources": [3]}),
        (Kind.DETAILS, 0, {"previous_meeting": None}),
        (Kind.DETAILS, 0, {"previous_meeting": "2026-01-31"}),
    ],
)
def test_set_fields(doc: Document, kind: Kind, record_id: int, values: dict[str, Any]) -> None:
    roundtrip(doc, SetFields(kind, record_id, values))


def test_a_quadrant_and_a_date_given_as_text_are_kept_as_values(doc: Document) -> None:
    doc.apply(SetFields(Kind.SWOT, 1, {"quadrant": "weaknesses"}))
    doc.apply(SetFields(Kind.DETAILS, 0, {"previous_meeting": "2026-01-31"}))
    assert theme(doc, 0).swot[0].quadrant is W
    assert doc.data.details.previous_meeting == date(2026, 1, 31)


def test_move_swot_item_within_its_list(doc: Document) -> None:
    roundtrip(doc, MoveRecord(Kind.SWOT, 4, 0))
    assert texts(doc, 0, S) == ["Levné zdroje", "Silná síť"]


def test_move_problem(doc: Document) -> None:
    roundtrip(doc, MoveRecord(Kind.PROBLEM, 2, 0))
    assert [p.id for p in theme(doc, 0).problems] == [2, 1]


def test_remove_swot_item_no_problem_comes_from(doc: Document) -> None:
    roundtrip(doc, RemoveRecord(Kind.SWOT, 3))
    assert texts(doc, 0, OP) == []


def test_remove_swot_item_leaves_the_problems_first_and_undo_gives_it_back(
    doc: Document,
) -> None:
    undo = roundtrip(doc, RemoveRecord(Kind.SWOT, 5))
    assert theme(doc, 0).problems[0].sources == [2]
    doc.apply(undo)
    assert theme(doc, 0).problems[0].sources == [2, 5]


def test_remove_problem(doc: Document) -> None:
    roundtrip(doc, RemoveRecord(Kind.PROBLEM, 1))


def test_remove_theme_with_swot_and_problems(doc: Document) -> None:
    # The theme is in a block too: it leaves the block first, and undo puts it back.
    roundtrip(doc, RemoveRecord(Kind.THEME, theme(doc, 0).id))
    assert [t.name for t in doc.data.themes] == ["Voda", "Bezpečnost"]


def test_insert_theme_with_swot_and_problems(doc: Document) -> None:
    new = Theme(
        doc.new_id(Kind.THEME),
        "Doprava",
        swot=[SwotItem(doc.new_id(Kind.SWOT), "Dálnice", S)],
        problems=[Problem(doc.new_id(Kind.PROBLEM), "Zácpy", 2, [7])],
    )
    roundtrip(doc, InsertRecord(Kind.THEME, 0, 3, new))


@pytest.mark.parametrize(
    ("item_id", "theme_index", "quadrant", "position"),
    [
        (1, 0, W, 0),  # to another quadrant, same place in the list
        (1, 0, T, 4),  # to another quadrant and the end of the list
        (4, 0, S, 0),  # within its quadrant
        (3, 1, OP, 0),  # to another theme, before its only item
        (2, 1, W, 1),  # to another theme, leaving the problem that comes from it
        (5, 2, T, 0),  # to a theme without a SWOT
    ],
)
def test_move_swot_item_to_a_quadrant_and_theme(
    doc: Document, item_id: int, theme_index: int, quadrant: Quadrant, position: int
) -> None:
    target = theme(doc, theme_index)
    roundtrip(doc, MoveSwotItem(item_id, target.id, quadrant, position))
    assert target.swot[position].id == item_id
    assert target.swot[position].quadrant is quadrant
    assert all(item_id not in p.sources for t in doc.data.themes[1:] for p in t.problems)


def test_move_swot_item_to_another_theme_keeps_its_fields(doc: Document) -> None:
    doc.apply(MoveSwotItem(2, theme(doc, 1).id, T, 1))
    assert theme(doc, 1).swot[1] == SwotItem(2, "Staré trafostanice", T, "hlavně na severu", 2)
    assert theme(doc, 0).problems[0].sources == [5]


def test_move_swot_item_within_its_theme_keeps_the_problems(doc: Document) -> None:
    doc.apply(MoveSwotItem(2, theme(doc, 0).id, T, 4))
    assert theme(doc, 0).problems[0].sources == [2, 5]


class Recorder:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def document_about_to_change(self, event: Event) -> None:
        pass

    def document_changed(self, event: Event) -> None:
        self.events.append(event)


def test_swot_changes_tell_the_views_which_theme(doc: Document) -> None:
    recorder = Recorder()
    doc.add_listener(recorder)
    energy = theme(doc, 0).id
    doc.apply(InsertRecord(Kind.SWOT, energy, 0, SwotItem(doc.new_id(Kind.SWOT), "X")))
    doc.apply(MoveRecord(Kind.SWOT, 1, 2))
    assert recorder.events == [
        RecordsInserted(Kind.SWOT, energy, 0, 1),
        RecordMoved(Kind.SWOT, energy, 1, 2),
    ]


# --- refusals: what and where -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "match"),
    [
        (SetFields(Kind.SWOT, 1, {"text": ""}), "the SWOT item's text cannot be empty"),
        (SetFields(Kind.SWOT, 1, {"votes": -1}), "votes must be a whole number of 0 or more"),
        (SetFields(Kind.SWOT, 1, {"votes": True}), "votes must be a whole number"),
        (SetFields(Kind.SWOT, 1, {"quadrant": "inside"}), "'inside' is not a valid Quadrant"),
        (SetFields(Kind.SWOT, 99, {"text": "x"}), "no SWOT item with id 99"),
        (SetFields(Kind.PROBLEM, 1, {"text": ""}), "the problem's text cannot be empty"),
        (SetFields(Kind.PROBLEM, 1, {"votes": -3}), "votes must be a whole number"),
        (SetFields(Kind.PROBLEM, 1, {"sources": [6]}), "“Energetika” has no SWOT item 6"),
        (SetFields(Kind.PROBLEM, 1, {"sources": [2, 2]}), "names each of its SWOT items once"),
        (SetFields(Kind.PROBLEM, 1, {"sources": "2"}), "must be a list of SWOT item ids"),
        (SetFields(Kind.DETAILS, 0, {"previous_meeting": 5}), "previous meeting's date must be"),
        (SetFields(Kind.DETAILS, 0, {"previous_meeting": "1800-01-01"}), "not between 1900"),
        (InsertRecord(Kind.SWOT, 1, 0, SwotItem(1, "x")), "SWOT item id 1 exists already"),
        (InsertRecord(Kind.SWOT, 1, 0, SwotItem(9, "")), "SWOT item's text cannot be empty"),
        (InsertRecord(Kind.SWOT, 1, 0, SwotItem(9, "x", votes=-1)), "votes must be"),
        (InsertRecord(Kind.SWOT, 1, 9, SwotItem(9, "x")), "position 9 is outside the list"),
        (InsertRecord(Kind.PROBLEM, 2, 0, Problem(9, "x", 0, [1])), "“Voda” has no SWOT item 1"),
        (InsertRecord(Kind.PROBLEM, 1, 0, Problem(1, "x")), "problem id 1 exists already"),
        (RemoveRecord(Kind.SWOT, 99), "no SWOT item with id 99"),
        (MoveRecord(Kind.SWOT, 1, 5), "position 5 is outside the list"),
        (MoveSwotItem(1, 99, S, 0), "no theme with id 99"),
        (MoveSwotItem(1, 2, S, 5), "position 5 is outside the list"),
        (MoveSwotItem(1, 1, "middle", 0), "'middle' is not a valid Quadrant"),  # type: ignore[arg-type]
        (MoveSwotItem(1, 1, W, 9), "position 9 is outside the list"),
    ],
)
def test_bad_changes_are_refused_and_change_nothing(doc: Document, op: Any, match: str) -> None:
    refused(doc, op, match)


def test_a_theme_with_a_problem_from_another_themes_item_is_refused(doc: Document) -> None:
    new = Theme(doc.new_id(Kind.THEME), "Doprava", problems=[Problem(9, "x", 0, [1])])
    refused(doc, InsertRecord(Kind.THEME, 0, 0, new), "“Doprava” has no SWOT item 1")


def test_a_swot_item_a_problem_comes_from_is_not_removed_by_the_primitive(
    doc: Document,
) -> None:
    with pytest.raises(Exception, match="still comes from the SWOT item"):
        doc.raw_remove_record(Kind.SWOT, 2)
    verify(doc, full_state(sample_data()))


# --- the file: version 3, and a version 2 file migrated --------------------------------------


def make_version_2(path: Path) -> None:
    """Turn a workshop file into what version 2 of the app wrote: no SWOT, no problems, no
    previous meeting."""
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE swot_item")
        connection.execute("DROP TABLE problem")
        connection.execute('ALTER TABLE "workshop" DROP COLUMN "previous_meeting"')
        connection.execute("PRAGMA user_version = 2")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        found = connection.execute(sql).fetchall()
    connection.close()
    return found


def schema_sql(path: Path) -> list[tuple[str, str]]:
    return sorted(rows(path, "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))


def test_the_file_holds_the_swot_and_problems(doc: Document) -> None:
    assert SCHEMA_VERSION == 3
    energy = theme(doc, 0).id
    assert rows(doc.path, "SELECT * FROM swot_item WHERE theme_id = 1 ORDER BY position")[1] == (
        2,
        energy,
        1,
        "Staré trafostanice",
        "weaknesses",
        "hlavně na severu",
        2,
    )
    assert rows(doc.path, "SELECT text, votes, sources FROM problem ORDER BY position") == [
        ("Zastaralá síť", 5, "[2, 5]"),
        ("Chybí peníze", 0, "[]"),
    ]
    assert rows(doc.path, "SELECT previous_meeting FROM workshop") == [("2026-03-03",)]


def test_a_version_2_file_is_backed_up_migrated_and_keeps_everything(tmp_path: Path) -> None:
    old = tmp_path / "old.workshop"
    data = parse_workshop(copy.deepcopy(SAMPLE))
    data.tasks = [Task(1, "Úkol")]
    Document.create(old, data).close()
    make_version_2(old)
    before = full_state(Storage.read(old))  # read as version 2, without migrating
    assert before == full_state(data)

    document = Document.open(old)
    try:
        assert full_state(document.data) == before
        energy = theme(document, 0).id
        item = SwotItem(document.new_id(Kind.SWOT), "Silná síť", S, "", 1)
        document.apply(InsertRecord(Kind.SWOT, energy, 0, item))
        problem = Problem(document.new_id(Kind.PROBLEM), "Síť", 0, [item.id])
        document.apply(InsertRecord(Kind.PROBLEM, energy, 0, problem))
        document.apply(SetFields(Kind.DETAILS, 0, {"previous_meeting": date(2026, 3, 3)}))
        after = full_state(document.data)
    finally:
        document.close()

    backup = old.with_name("old.workshop.v2.bak")
    assert rows(backup, "PRAGMA user_version") == [(2,)]
    assert full_state(Storage.read(backup)) == before
    assert not {"swot_item", "problem"} & {name for name, _sql in schema_sql(backup)}
    assert rows(old, "PRAGMA user_version") == [(3,)]
    assert reopened_state(old) == after
    # The migrated file has exactly the tables of a file made by this version.
    fresh = make_workshop(tmp_path, "fresh.workshop")
    assert schema_sql(old) == schema_sql(fresh)


def test_replace_data_writes_swot_and_problems(doc: Document) -> None:
    data = sample_data()
    data.themes[0].swot.reverse()
    data.themes[0].problems.pop()
    doc.replace_data(data)
    assert reopened_state(doc.path) == full_state(data)


def test_save_as_writes_swot_and_problems(doc: Document, tmp_path: Path) -> None:
    expected = full_state(doc.data)
    doc.save_as(tmp_path / "copy.workshop")
    assert reopened_state(tmp_path / "copy.workshop") == expected


def ids_by_quadrant(doc: Document, index: int) -> dict[Quadrant, list[int]]:
    return {q: [i.id for i in theme(doc, index).quadrant_items(q)] for q in Quadrant}


@pytest.mark.parametrize(
    ("dragged", "quadrant", "anchor", "strengths", "weaknesses"),
    [
        ([4], S, 1, [4, 1], [2]),  # up before the first strength
        ([1], S, None, [4, 1], [2]),  # to the end of its own quadrant
        ([1], W, None, [4], [2, 1]),  # to the end of another quadrant
        ([1], W, 2, [4], [1, 2]),  # before an item of another quadrant
        ([1, 4], W, 2, [], [1, 4, 2]),  # several, together in their order
        ([1], S, 4, [1, 4], [2]),  # before the next one: a move that changes nothing
    ],
)
def test_swot_moves_put_the_items_where_they_were_dropped(
    doc: Document,
    dragged: list[int],
    quadrant: Quadrant,
    anchor: int | None,
    strengths: list[int],
    weaknesses: list[int],
) -> None:
    before = ids_by_quadrant(doc, 0)
    operations = swot_moves(theme(doc, 0), [(i, quadrant) for i in dragged], anchor)
    for operation in operations:
        doc.apply(operation)
    after = ids_by_quadrant(doc, 0)
    assert (after[S], after[W]) == (strengths, weaknesses)
    assert after[OP] == before[OP]
    assert after[T] == before[T]
    if before == after:
        assert operations == []


def test_swot_moves_from_another_theme_into_an_empty_quadrant(doc: Document) -> None:
    for operation in swot_moves(theme(doc, 1), [(1, W), (3, W)]):
        doc.apply(operation)
    assert ids_by_quadrant(doc, 1)[W] == [1, 3]
    assert [i.quadrant for i in theme(doc, 1).swot if i.id in (1, 3)] == [W, W]
    assert 1 not in [i.id for i in theme(doc, 0).swot]


def test_swot_moves_to_another_theme_keep_each_items_quadrant(doc: Document) -> None:
    dragged = [(i.id, i.quadrant) for i in theme(doc, 0).swot if i.id in (1, 2, 4)]
    for operation in swot_moves(theme(doc, 1), dragged):
        doc.apply(operation)
    after = ids_by_quadrant(doc, 1)
    assert (after[S], after[W], after[T]) == ([1, 4], [2], [6])
