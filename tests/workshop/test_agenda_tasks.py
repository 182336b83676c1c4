"""The meeting's programme (agenda items with planned minutes and actual times) and its tasks
(úkoly): record operations with their undo, validation, events, the file (schema version 2 and
the migration of a version 1 file), and the helpers that run the agenda (workshop/agenda.py)."""

from __future__ import annotations

import copy
import itertools
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from test_document_operations import refused, roundtrip, verify
from workshop_state import SAMPLE, full_state, make_workshop, reopened_state

from facilitator_app.workshop import agenda
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import BadInputError, InvalidOperationError
from facilitator_app.workshop.events import (
    Event,
    FieldsChanged,
    Kind,
    RecordMoved,
    RecordsInserted,
    RecordsRemoved,
)
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import AgendaItem, Task, WorkshopData, snapshot
from facilitator_app.workshop.operations import (
    Batch,
    InsertRecord,
    MoveRecord,
    Operation,
    RemoveRecord,
    SetFields,
)
from facilitator_app.workshop.store.schema import SCHEMA_VERSION
from facilitator_app.workshop.store.storage import Storage

T0 = datetime(2026, 5, 19, 13, 0)


def sample_data() -> WorkshopData:
    data = parse_workshop(copy.deepcopy(SAMPLE))
    data.agenda = [
        AgendaItem(1, "Úvod", 10),
        AgendaItem(2, "Vize", 45),
        AgendaItem(3, "Aktivity", 60),
        AgendaItem(4, "Závěr", 5),
    ]
    data.tasks = [
        Task(1, "Rozeslat zápis", "Jana Nováková", date(2026, 5, 26)),
        Task(2, "Doplnit data o vodě", "Petr", None, True),
        Task(3, "Pozvat ČEZ"),
    ]
    return data


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[Document]:
    document = Document.create(tmp_path / "agenda.workshop", sample_data())
    yield document
    if not document.storage.db.is_closed():
        document.close()


def titles(doc: Document) -> list[str]:
    return [item.title for item in doc.data.agenda]


def texts(doc: Document) -> list[str]:
    return [task.text for task in doc.data.tasks]


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
        found = connection.execute(sql).fetchall()
    connection.close()
    return found


# --- the file ------------------------------------------------------------------------------


def test_a_new_file_stores_agenda_and_tasks(doc: Document) -> None:
    assert reopened_state(doc.path) == full_state(sample_data())
    assert rows(doc.path, "SELECT title, planned_minutes FROM agenda_item ORDER BY position") == [
        ("Úvod", 10),
        ("Vize", 45),
        ("Aktivity", 60),
        ("Závěr", 5),
    ]
    assert rows(doc.path, "SELECT text, owner, due, done FROM task ORDER BY position") == [
        ("Rozeslat zápis", "Jana Nováková", "2026-05-26", 0),
        ("Doplnit data o vodě", "Petr", None, 1),
        ("Pozvat ČEZ", "", None, 0),
    ]
    assert SCHEMA_VERSION >= 2


def test_times_and_dates_are_stored_as_local_iso_text(doc: Document) -> None:
    doc.apply(SetFields(Kind.AGENDA, 1, {"started_at": datetime(2026, 5, 19, 13, 0, 12, 999)}))
    doc.apply(SetFields(Kind.AGENDA, 1, {"ended_at": datetime(2026, 5, 19, 13, 11)}))
    assert rows(doc.path, "SELECT started_at, ended_at FROM agenda_item WHERE id = 1") == [
        ("2026-05-19T13:00:12", "2026-05-19T13:11")
    ]
    # Microseconds are dropped in memory too, so memory and file agree.
    assert doc.data.agenda[0].started_at == datetime(2026, 5, 19, 13, 0, 12)
    verify(doc, full_state(doc.data))


def make_version_1(path: Path) -> None:
    """Turn a workshop file into what version 1 of the app wrote: no agenda, no tasks (and
    nothing of later versions: no SWOT, no problems, no previous meeting)."""
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE agenda_item")
        connection.execute("DROP TABLE task")
        connection.execute("DROP TABLE swot_item")
        connection.execute("DROP TABLE problem")
        connection.execute('ALTER TABLE "workshop" DROP COLUMN "previous_meeting"')
        connection.execute("PRAGMA user_version = 1")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


@pytest.fixture
def version_1(tmp_path: Path) -> Path:
    path = make_workshop(tmp_path, "old.workshop")
    make_version_1(path)
    return path


def schema_sql(path: Path) -> list[tuple[str, str]]:
    return sorted(
        rows(path, "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"),
    )


def test_a_version_1_file_is_backed_up_and_migrated(version_1: Path, tmp_path: Path) -> None:
    expected = full_state(parse_workshop(copy.deepcopy(SAMPLE)))
    document = Document.open(version_1)
    try:
        assert full_state(document.data) == expected
        assert document.data.agenda == []
        assert document.data.tasks == []
        item = agenda.new_agenda_item(document, "Úvod", 15)
        document.apply(InsertRecord(Kind.AGENDA, 0, 0, item))
        document.apply(InsertRecord(Kind.TASK, 0, 0, Task(document.new_id(Kind.TASK), "Úkol")))
    finally:
        document.close()
    backup = version_1.with_name("old.workshop.v1.bak")
    # The backup is the file as it was: version 1, without the new tables.
    assert rows(backup, "PRAGMA user_version") == [(1,)]
    assert full_state(Storage.read(backup)) == expected
    assert not {"agenda_item", "task"} & {name for name, _sql in schema_sql(backup)}
    assert rows(version_1, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert reopened_state(version_1)["agenda"] == [
        {"id": 1, "title": "Úvod", "planned_minutes": 15, "started_at": None, "ended_at": None}
    ]
    assert [t["text"] for t in reopened_state(version_1)["tasks"]] == ["Úkol"]
    # The migrated file has exactly the tables of a file made by this version.
    fresh = tmp_path / "fresh.workshop"
    Document.create(fresh, parse_workshop(copy.deepcopy(SAMPLE))).close()
    assert schema_sql(version_1) == schema_sql(fresh)


def test_a_version_1_file_reads_without_migrating(version_1: Path) -> None:
    before = version_1.read_bytes()
    data = Storage.read(version_1)  # convert old.workshop out.json reads this way
    assert full_state(data) == full_state(parse_workshop(copy.deepcopy(SAMPLE)))
    assert version_1.read_bytes() == before
    assert sorted(p.name for p in version_1.parent.iterdir()) == ["old.workshop"]


def test_a_version_1_file_open_elsewhere_is_not_opened_read_only(version_1: Path) -> None:
    with pytest.raises(BadInputError, match="older version"):
        Document.open(version_1, read_only=True)


def test_a_file_of_a_newer_version_is_refused(doc: Document) -> None:
    path = doc.path
    doc.close()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(BadInputError, match="newer version"):
        Document.open(path)


def test_replace_data_writes_agenda_and_tasks(doc: Document) -> None:
    data = sample_data()
    data.agenda = data.agenda[2:]
    data.tasks.reverse()
    doc.replace_data(data)
    assert reopened_state(doc.path) == full_state(data)


# --- record operations -----------------------------------------------------------------------


@pytest.mark.parametrize("position", [0, 2, 4])
def test_insert_agenda_item(doc: Document, position: int) -> None:
    item = AgendaItem(doc.new_id(Kind.AGENDA), "Přestávka ☕", 15)
    assert item.id == 5
    roundtrip(doc, InsertRecord(Kind.AGENDA, 0, position, item))
    assert titles(doc)[position] == "Přestávka ☕"
    assert len(doc.data.agenda) == 5


def test_insert_agenda_item_with_times_given_as_text(doc: Document) -> None:
    item = AgendaItem(9, "Diskuse", 30, "2026-05-19T14:00", "2026-05-19T14:35:20")  # type: ignore[arg-type]
    roundtrip(doc, InsertRecord(Kind.AGENDA, 0, 4, item))
    assert doc.data.agenda[4] == AgendaItem(
        9, "Diskuse", 30, datetime(2026, 5, 19, 14, 0), datetime(2026, 5, 19, 14, 35, 20)
    )


@pytest.mark.parametrize("position", [0, 1, 3])
def test_insert_task(doc: Document, position: int) -> None:
    task = Task(doc.new_id(Kind.TASK), "Svolat další jednání", "Eva", "2026-06-30", False)  # type: ignore[arg-type]
    roundtrip(doc, InsertRecord(Kind.TASK, 0, position, task))
    assert doc.data.tasks[position] == Task(4, "Svolat další jednání", "Eva", date(2026, 6, 30))


@pytest.mark.parametrize(
    ("record", "match"),
    [
        (AgendaItem(9, ""), "title cannot be empty"),
        (AgendaItem(9, "X", -1), "planned minutes"),
        (AgendaItem(9, "X", 1441), "planned minutes"),
        (AgendaItem(9, "X", True), "planned minutes"),
        (AgendaItem(9, "X", "20"), "planned minutes"),  # type: ignore[arg-type]
        (AgendaItem(9, "X", 5, "dnes"), "isoformat|Invalid"),  # type: ignore[arg-type]
        (AgendaItem(9, "X", 5, date(2026, 5, 19)), "date and time"),  # type: ignore[arg-type]
        (AgendaItem(1, "X"), "exists already"),
        (Task(9, ""), "text cannot be empty"),
        (Task(9, "X", None), "must be text"),  # type: ignore[arg-type]
        (Task(9, "X", "", "2026-02-30"), "day is out of range|Invalid"),  # type: ignore[arg-type]
        (Task(9, "X", "", 20260519), "must be a date"),  # type: ignore[arg-type]
        (Task(9, "X", "", None, "yes"), "true or false"),  # type: ignore[arg-type]
        (Task(9, "X", "", None, 2), "true or false"),  # type: ignore[arg-type]
        (Task(2, "X"), "exists already"),
    ],
)
def test_insert_refuses_bad_records(doc: Document, record: Any, match: str) -> None:
    kind = Kind.AGENDA if isinstance(record, AgendaItem) else Kind.TASK
    refused(doc, InsertRecord(kind, 0, 0, record), match)


def test_insert_refuses_a_position_outside_the_list(doc: Document) -> None:
    refused(doc, InsertRecord(Kind.AGENDA, 0, 5, AgendaItem(9, "X")), "outside")
    refused(doc, InsertRecord(Kind.TASK, 0, -1, Task(9, "X")), "outside")


def test_an_inserted_record_is_a_copy(doc: Document) -> None:
    item = AgendaItem(9, "Původní")
    doc.apply(InsertRecord(Kind.AGENDA, 0, 0, item))
    item.title = "změněno venku"
    assert doc.data.agenda[0].title == "Původní"


def test_remove_agenda_item_and_task(doc: Document) -> None:
    roundtrip(doc, RemoveRecord(Kind.AGENDA, 2))
    assert titles(doc) == ["Úvod", "Aktivity", "Závěr"]
    roundtrip(doc, RemoveRecord(Kind.TASK, 1))
    assert texts(doc) == ["Doplnit data o vodě", "Pozvat ČEZ"]


def test_remove_refuses_unknown_ids(doc: Document) -> None:
    refused(doc, RemoveRecord(Kind.AGENDA, 99), "no agenda item with id 99")
    refused(doc, RemoveRecord(Kind.TASK, 99), "no task with id 99")


@pytest.mark.parametrize(("item_id", "target"), [(1, 3), (4, 0), (2, 2)])
def test_move_agenda_item(doc: Document, item_id: int, target: int) -> None:
    roundtrip(doc, MoveRecord(Kind.AGENDA, item_id, target))
    assert doc.data.agenda[target].id == item_id


def test_move_task(doc: Document) -> None:
    roundtrip(doc, MoveRecord(Kind.TASK, 3, 0))
    assert texts(doc) == ["Pozvat ČEZ", "Rozeslat zápis", "Doplnit data o vodě"]
    refused(doc, MoveRecord(Kind.TASK, 3, 3), "outside")


def test_set_fields_of_agenda_item(doc: Document) -> None:
    values = {
        "title": "Vize 2030",
        "planned_minutes": 1440,
        "started_at": datetime(2026, 5, 19, 13, 10, 5),
        "ended_at": "2026-05-19T13:50",
    }
    roundtrip(doc, SetFields(Kind.AGENDA, 2, values))
    assert doc.data.agenda[1] == AgendaItem(
        2, "Vize 2030", 1440, datetime(2026, 5, 19, 13, 10, 5), datetime(2026, 5, 19, 13, 50)
    )
    roundtrip(doc, SetFields(Kind.AGENDA, 2, {"started_at": None, "ended_at": None}))
    assert doc.data.agenda[1].started_at is None


def test_an_aware_time_is_kept_as_local_time(doc: Document) -> None:
    moment = datetime(2026, 5, 19, 11, 0, tzinfo=UTC)
    doc.apply(SetFields(Kind.AGENDA, 1, {"started_at": moment}))
    started = doc.data.agenda[0].started_at
    assert started is not None
    assert started.tzinfo is None
    assert started == moment.astimezone().replace(tzinfo=None)


def test_set_fields_of_task(doc: Document) -> None:
    values = {"text": "Rozeslat zápis všem", "owner": "", "due": "2026-06-01", "done": True}
    roundtrip(doc, SetFields(Kind.TASK, 1, values))
    assert doc.data.tasks[0] == Task(1, "Rozeslat zápis všem", "", date(2026, 6, 1), True)
    roundtrip(doc, SetFields(Kind.TASK, 1, {"due": None, "done": False}))
    assert doc.data.tasks[0] == Task(1, "Rozeslat zápis všem", "", None, False)
    # A date and time counts by its date.
    doc.apply(SetFields(Kind.TASK, 1, {"due": datetime(2026, 7, 1, 9, 30)}))
    assert doc.data.tasks[0].due == date(2026, 7, 1)


@pytest.mark.parametrize(
    ("kind", "values", "match"),
    [
        (Kind.AGENDA, {"title": ""}, "cannot be empty"),
        (Kind.AGENDA, {"planned_minutes": 2.5}, "planned minutes"),
        (Kind.AGENDA, {"planned_minutes": None}, "planned minutes"),
        (Kind.AGENDA, {"started_at": 5}, "date and time"),
        (Kind.AGENDA, {"ended_at": "13:00 dnes"}, "isoformat|Invalid"),
        (Kind.AGENDA, {"owner": "Jana"}, "no field owner"),
        (Kind.TASK, {"text": ""}, "cannot be empty"),
        (Kind.TASK, {"owner": 7}, "must be text"),
        (Kind.TASK, {"due": "zítra"}, "isoformat|Invalid"),
        (Kind.TASK, {"done": None}, "true or false"),
        (Kind.TASK, {"planned_minutes": 5}, "no field planned_minutes"),
    ],
)
def test_set_fields_refuses_bad_values(
    doc: Document, kind: Kind, values: dict[str, Any], match: str
) -> None:
    refused(doc, SetFields(kind, 1, values), match)


def test_set_fields_refuses_unknown_ids(doc: Document) -> None:
    refused(doc, SetFields(Kind.AGENDA, 42, {"title": "x"}), "no agenda item with id 42")
    refused(doc, SetFields(Kind.TASK, 42, {"text": "x"}), "no task with id 42")


def test_new_ids_follow_the_largest_in_the_file(doc: Document) -> None:
    assert doc.new_id(Kind.AGENDA) == 5
    assert doc.new_id(Kind.AGENDA) == 6
    assert doc.new_id(Kind.TASK) == 4


class Recorder:
    def __init__(self) -> None:
        self.before: list[Event] = []
        self.after: list[Event] = []

    def document_about_to_change(self, event: Event) -> None:
        self.before.append(event)

    def document_changed(self, event: Event) -> None:
        self.after.append(event)


def test_events_name_the_kind(doc: Document) -> None:
    recorder = Recorder()
    doc.add_listener(recorder)
    doc.apply(InsertRecord(Kind.AGENDA, 0, 1, AgendaItem(7, "Nová")))
    doc.apply(SetFields(Kind.AGENDA, 7, {"planned_minutes": 12}))
    doc.apply(MoveRecord(Kind.AGENDA, 7, 3))
    doc.apply(RemoveRecord(Kind.AGENDA, 7))
    doc.apply(InsertRecord(Kind.TASK, 0, 3, Task(8, "Nový")))
    doc.apply(SetFields(Kind.TASK, 8, {"done": True}))
    doc.apply(MoveRecord(Kind.TASK, 8, 0))
    doc.apply(RemoveRecord(Kind.TASK, 8))
    expected = [
        RecordsInserted(Kind.AGENDA, 0, 1, 1),
        FieldsChanged(Kind.AGENDA, 7, frozenset({"planned_minutes"})),
        RecordMoved(Kind.AGENDA, 0, 1, 3),
        RecordsRemoved(Kind.AGENDA, 0, 3, 1),
        RecordsInserted(Kind.TASK, 0, 3, 1),
        FieldsChanged(Kind.TASK, 8, frozenset({"done"})),
        RecordMoved(Kind.TASK, 0, 3, 0),
        RecordsRemoved(Kind.TASK, 0, 0, 1),
    ]
    assert recorder.before == expected
    assert recorder.after == expected


def test_a_file_put_back_with_other_agenda_is_not_reattached(doc: Document) -> None:
    """The snapshot that decides whether a file plugged in again is this workshop includes
    the programme and the tasks."""
    other = sample_data()
    other.agenda[0].planned_minutes = 11
    assert snapshot(other) != snapshot(doc.data)
    other = sample_data()
    other.tasks[2].done = True
    assert snapshot(other) != snapshot(doc.data)
    assert snapshot(sample_data()) == snapshot(doc.data)


# --- running the agenda ------------------------------------------------------------------------


def run(doc: Document, op: Operation | None) -> Operation:
    """Apply ``op`` (one step), check that undo and redo restore each state exactly."""
    assert op is not None
    before = full_state(doc.data)
    inverse = doc.apply(op)
    after = full_state(doc.data)
    assert after != before
    verify(doc, after)
    redo = doc.apply(inverse)
    verify(doc, before)
    doc.apply(redo)
    verify(doc, after)
    return inverse


def times(doc: Document) -> list[tuple[datetime | None, datetime | None]]:
    return [(item.started_at, item.ended_at) for item in doc.data.agenda]


def test_nothing_runs_at_first(doc: Document) -> None:
    assert agenda.current_item(doc.data) is None
    assert agenda.stop_current(doc, T0) is None
    assert agenda.following_item(doc.data) is doc.data.agenda[0]


def test_start_an_item(doc: Document) -> None:
    run(doc, agenda.start_item(doc, 2, T0))
    assert times(doc)[1] == (T0, None)
    assert agenda.current_item(doc.data) is doc.data.agenda[1]


def test_starting_an_item_ends_the_running_one_in_one_undo_step(doc: Document) -> None:
    doc.apply(agenda.start_item(doc, 1, T0))
    later = T0 + timedelta(minutes=12, seconds=30)
    op = agenda.start_item(doc, 3, later)
    assert isinstance(op, Batch)
    inverse = run(doc, op)
    assert times(doc)[:3] == [(T0, later), (None, None), (later, None)]
    doc.apply(inverse)  # one undo: item 1 runs again, item 3 has not started
    assert times(doc)[:3] == [(T0, None), (None, None), (None, None)]


def test_starting_an_ended_item_again_restarts_it(doc: Document) -> None:
    doc.apply(agenda.start_item(doc, 1, T0))
    doc.apply(agenda.next_item(doc, T0 + timedelta(minutes=10)))  # type: ignore[arg-type]
    again = T0 + timedelta(minutes=20)
    run(doc, agenda.start_item(doc, 1, again))
    assert times(doc)[:2] == [(again, None), (T0 + timedelta(minutes=10), again)]


def test_start_refuses_an_unknown_item(doc: Document) -> None:
    with pytest.raises(InvalidOperationError, match="no agenda item with id 99"):
        agenda.start_item(doc, 99, T0)


def test_stop_current(doc: Document) -> None:
    doc.apply(agenda.start_item(doc, 2, T0))
    end = T0 + timedelta(minutes=50)
    run(doc, agenda.stop_current(doc, end))
    assert times(doc)[1] == (T0, end)
    assert agenda.current_item(doc.data) is None
    assert agenda.stop_current(doc, end) is None


def test_next_item_walks_through_the_programme(doc: Document) -> None:
    moments = [T0 + timedelta(minutes=m) for m in (0, 11, 58, 121, 127)]
    for moment in moments[:4]:
        run(doc, agenda.next_item(doc, moment))
    assert agenda.current_item(doc.data) is doc.data.agenda[3]
    assert agenda.following_item(doc.data) is None
    # After the last item, next only ends it; then there is nothing left to do.
    run(doc, agenda.next_item(doc, moments[4]))
    assert times(doc) == list(itertools.pairwise(moments[:5]))[:4]
    assert agenda.next_item(doc, moments[4]) is None


def test_next_item_with_none_running_starts_the_first_not_started(doc: Document) -> None:
    doc.apply(agenda.start_item(doc, 2, T0))
    doc.apply(agenda.stop_current(doc, T0 + timedelta(minutes=40)))  # type: ignore[arg-type]
    run(doc, agenda.next_item(doc, T0 + timedelta(minutes=45)))
    assert agenda.current_item(doc.data) is doc.data.agenda[0]


def test_a_clock_set_back_never_ends_an_item_before_it_started(doc: Document) -> None:
    doc.apply(agenda.start_item(doc, 1, T0))
    doc.apply(agenda.next_item(doc, T0 - timedelta(minutes=5)))  # type: ignore[arg-type]
    assert times(doc)[0] == (T0, T0)


def test_current_item_when_several_run(doc: Document) -> None:
    doc.apply(SetFields(Kind.AGENDA, 1, {"started_at": T0}))
    doc.apply(SetFields(Kind.AGENDA, 3, {"started_at": T0 + timedelta(minutes=1)}))
    doc.apply(SetFields(Kind.AGENDA, 4, {"started_at": T0}))
    assert agenda.current_item(doc.data) is doc.data.agenda[2]
    doc.apply(SetFields(Kind.AGENDA, 3, {"started_at": T0}))
    assert agenda.current_item(doc.data) is doc.data.agenda[3]  # a tie: the later one
    # Starting one ends all the others.
    doc.apply(agenda.start_item(doc, 2, T0 + timedelta(minutes=2)))
    assert [item.id for item in doc.data.agenda if agenda.is_running(item)] == [2]


def test_remaining_and_elapsed_seconds() -> None:
    item = AgendaItem(1, "Vize", 20)
    assert agenda.remaining_seconds(item, T0) == 20 * 60
    assert agenda.elapsed_seconds(item, T0) == 0
    item.started_at = T0
    assert agenda.remaining_seconds(item, T0 + timedelta(minutes=5, seconds=30)) == 14.5 * 60
    assert agenda.remaining_seconds(item, T0 + timedelta(minutes=23)) == -3 * 60
    item.ended_at = T0 + timedelta(minutes=18)
    # Once ended, it keeps what was left at its end, whatever the time now.
    assert agenda.remaining_seconds(item, T0 + timedelta(hours=5)) == 2 * 60
    assert agenda.elapsed_seconds(item, T0 + timedelta(hours=5)) == 18 * 60
    # A clock set back does not count negative time.
    running = AgendaItem(2, "X", 1, T0)
    assert agenda.remaining_seconds(running, T0 - timedelta(minutes=3)) == 60
    unplanned = AgendaItem(3, "X", 0, T0)
    assert agenda.remaining_seconds(unplanned, T0 + timedelta(seconds=90)) == -90


def test_insert_agenda_items_in_one_step(doc: Document) -> None:
    op = agenda.insert_agenda_items(doc, [("Přestávka", 15), ("Diskuse", 30)], 2)
    run(doc, op)
    assert titles(doc) == ["Úvod", "Vize", "Přestávka", "Diskuse", "Aktivity", "Závěr"]
    run(doc, agenda.insert_agenda_items(doc, [("Oběd", 45)]))
    assert titles(doc)[-1] == "Oběd"
    with pytest.raises(InvalidOperationError, match="outside"):
        agenda.insert_agenda_items(doc, [("X", 1)], 99)


def test_removing_names_clears_the_owners_of_tasks(doc: Document) -> None:
    from facilitator_app.workshop.privacy import remove_names

    operation = remove_names(doc.data)
    assert operation is not None
    run(doc, operation)
    assert [task.owner for task in doc.data.tasks] == ["", "", ""]
    assert texts(doc) == ["Rozeslat zápis", "Doplnit data o vodě", "Pozvat ČEZ"]
    assert remove_names(doc.data) is None
    assert rows(doc.path, "SELECT owner FROM task") == [("",), ("",), ("",)]


def test_convert_reads_a_version_1_file_without_changing_it(version_1: Path) -> None:
    import json
    import subprocess
    import sys

    before = version_1.read_bytes()
    folder = version_1.parent
    for output in ("old.json", "new.workshop"):
        result = subprocess.run(
            [sys.executable, "-m", "facilitator_app", "convert", version_1.name, output],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert (result.returncode, result.stderr) == (0, "")
    assert version_1.read_bytes() == before
    exported = json.loads((folder / "old.json").read_text(encoding="utf-8"))
    assert (exported["version"], exported["agenda"], exported["tasks"]) == (3, [], [])
    assert sorted(p.name for p in folder.iterdir()) == ["new.workshop", "old.json", "old.workshop"]
    assert full_state(Storage.read(folder / "new.workshop")) == full_state(Storage.read(version_1))
    assert rows(folder / "new.workshop", "PRAGMA user_version") == [(SCHEMA_VERSION,)]
