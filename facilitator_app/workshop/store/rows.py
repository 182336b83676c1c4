"""Rows of a .workshop file and the objects in memory, both ways, in the columns of schema.py.

Writing: a ``RowFormat`` per table turns a record into the values of its row, in the order of
the table's columns, with the INSERT statement for them; both come from the peewee model.
Reading: ``read_workshop`` builds the whole workshop from the file's rows.

The rows hold text as the file can store it (storable_text): one lone surrogate, which UTF-8
cannot encode, would otherwise fail the whole transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from enum import Enum
from operator import attrgetter
from typing import Any, TypeVar

import peewee as pw

from facilitator_app.workshop import model
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import ROOT_ID, Node, WorkshopData, storable_text
from facilitator_app.workshop.progress import Progress
from facilitator_app.workshop.store import schema
from facilitator_app.workshop.store.schema import (
    AgendaItemRow,
    AttendeeRow,
    BlockThemeRow,
    NodeRow,
    ProblemRow,
    RemarkRow,
    SwotItemRow,
    TaskRow,
    ThemeRow,
    WorkshopRow,
)

# The id of the single row of the workshop table.
DETAILS_ROW_ID = 1


def iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def iso_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def column_value(value: Any) -> Any:
    """A field's value as its column holds it."""
    if type(value) is str:  # the common case first (Role and RemarkStatus are str too)
        return storable_text(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, date):
        return iso_date(value)
    if isinstance(value, list):  # a problem's sources
        return json.dumps(value)
    return value


def parent_column(parent_id: int) -> int | None:
    """The ``parent_id`` of a node: NULL for the blocks (children of the invisible root)."""
    return None if parent_id == ROOT_ID else parent_id


# Where a table's columns that place a row (rather than hold its data) go, by their names.
_HEADS: dict[tuple[str, ...], Callable[[Any, int, Any], tuple[Any, ...]]] = {
    ("id",): lambda record, position, container: (DETAILS_ROW_ID,),
    ("id", "position"): lambda record, position, container: (record.id, position),
    ("id", "theme_id", "position"): lambda record, position, container: (
        record.id,
        container,
        position,
    ),
    ("id", "parent_id", "position"): lambda record, position, container: (
        record.id,
        container,
        position,
    ),
}


class RowFormat:
    """The row of one table for a record: its placing columns, then its fields, as in the model.

    The fields are read from the record by the columns' names (the objects in memory name
    their attributes as the columns are named).
    """

    def __init__(self, table: type[pw.Model], kind: Kind) -> None:
        names = schema.columns(table)
        fields = schema.EDITABLE_FIELDS[kind]
        placing = names[: len(names) - len(fields)]
        if names[len(placing) :] != fields:
            raise TypeError(f"{table.__name__}: its placing columns must come first")
        self.table = schema.table_name(table)
        self.insert = schema.insert_sql(table)
        self._head = _HEADS[placing]
        self._fields = attrgetter(*fields)

    def values(self, record: Any, position: int = 0, container: Any = None) -> tuple[Any, ...]:
        """The row of ``record`` at ``position`` (in list ``container``: a theme, a parent)."""
        return (
            *self._head(record, position, container),
            *map(column_value, self._fields(record)),
        )


DETAILS = RowFormat(WorkshopRow, Kind.DETAILS)
ATTENDEE = RowFormat(AttendeeRow, Kind.ATTENDEE)
THEME = RowFormat(ThemeRow, Kind.THEME)
REMARK = RowFormat(RemarkRow, Kind.REMARK)
NODE = RowFormat(NodeRow, Kind.NODE)
AGENDA = RowFormat(AgendaItemRow, Kind.AGENDA)
TASK = RowFormat(TaskRow, Kind.TASK)
SWOT = RowFormat(SwotItemRow, Kind.SWOT)
PROBLEM = RowFormat(ProblemRow, Kind.PROBLEM)
# The lists a theme holds, with the row format of each (written and removed with the theme).
THEME_LIST_ROWS: tuple[tuple[str, RowFormat], ...] = (
    ("remarks", REMARK),
    ("swot", SWOT),
    ("problems", PROBLEM),
)
FORMAT_OF: dict[Kind, RowFormat] = {
    Kind.DETAILS: DETAILS,
    Kind.ATTENDEE: ATTENDEE,
    Kind.THEME: THEME,
    Kind.REMARK: REMARK,
    Kind.NODE: NODE,
    Kind.AGENDA: AGENDA,
    Kind.TASK: TASK,
    Kind.SWOT: SWOT,
    Kind.PROBLEM: PROBLEM,
}
# block_theme holds only placing columns: (block_id, theme_id, position).
INSERT_BLOCK_THEME = schema.insert_sql(BlockThemeRow)


def subtree_values(top: Node) -> Iterator[tuple[Any, ...]]:
    """Rows for ``top`` and all its descendants, parents before children (one by one: a
    block may hold a million), as ``NODE.values`` makes them.

    Written out for the node table alone, the one that holds thousands of rows: for the 5,000
    activities of bench_import this took 10 ms where ``NODE.values`` took 26 ms. A test
    checks that both give the same rows (tests/workshop/store/test_rows.py).
    """
    text = storable_text
    return (
        (
            n.id,
            None if n.parent is None or n.parent.id == ROOT_ID else n.parent.id,
            n.position,
            text(n.text),
            text(n.note),
            n.votes,
        )
        for n in top.walk()
    )


def block_theme_values(top: Node) -> list[tuple[int, int, int]]:
    """The themes of ``top`` when it is a block (nothing below a block is one)."""
    return (
        [(top.id, theme_id, i) for i, theme_id in enumerate(top.theme_ids)] if top.is_block else []
    )


def listed_values(rows: RowFormat, records: Iterable[Any], container: Any = None) -> Iterator[Any]:
    """The rows of an ordered list of records, their positions counted from 0."""
    values = rows.values
    return (values(record, position, container) for position, record in enumerate(records))


_Row = TypeVar("_Row")


class RowCount:
    """Counts the rows that stream into the file, telling ``progress`` every so often."""

    EVERY = 4096

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def counted(self, rows: Iterable[_Row]) -> Iterator[_Row]:
        for row in rows:
            yield row
            self.done += 1
            if not self.done % self.EVERY:
                self.progress(self.done, self.total)

    def report(self) -> None:
        self.progress(self.done, self.total)


def row_total(data: WorkshopData) -> int:
    """How many rows ``write_workshop`` writes (except the themes of blocks)."""
    nodes = sum(1 for _ in data.root.walk()) - 1
    remarks = sum(
        len(getattr(theme, name)) for theme in data.themes for name, _rows in THEME_LIST_ROWS
    )
    others = len(data.attendees) + len(data.themes) + len(data.agenda) + len(data.tasks)
    return nodes + remarks + others


def write_workshop(connection: sqlite3.Connection, data: WorkshopData, progress: Progress) -> None:
    """Insert every row of ``data`` into empty tables (inside the caller's transaction).

    The rows stream from ``data`` into SQLite, none kept as a list. ``progress`` hears how
    many are written, and may stop the work by raising Cancelled.
    """
    # Plain executemany of the generated statements rather than peewee's insert_many: for the
    # 5,000 activities of bench_import, insert_many took 353 ms where executemany takes 23 ms.
    rows = RowCount(progress, row_total(data))
    connection.execute(DETAILS.insert, DETAILS.values(data.details))
    connection.executemany(ATTENDEE.insert, rows.counted(listed_values(ATTENDEE, data.attendees)))
    connection.executemany(THEME.insert, rows.counted(listed_values(THEME, data.themes)))
    for name, theme_rows in THEME_LIST_ROWS:
        connection.executemany(
            theme_rows.insert,
            rows.counted(
                value
                for theme in data.themes
                for value in listed_values(theme_rows, getattr(theme, name), theme.id)
            ),
        )
    for block in data.blocks:
        connection.executemany(NODE.insert, rows.counted(subtree_values(block)))
        connection.executemany(INSERT_BLOCK_THEME, block_theme_values(block))
    connection.executemany(AGENDA.insert, rows.counted(listed_values(AGENDA, data.agenda)))
    connection.executemany(TASK.insert, rows.counted(listed_values(TASK, data.tasks)))
    rows.report()


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def read_workshop(connection: sqlite3.Connection) -> WorkshopData:
    """The workshop in a file, read from its tables (every column, in the models' order)."""
    # A file of an older version (read without migrating it: Storage.read) lacks the tables
    # and columns later versions added.
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    details = schema.select_sql(WorkshopRow, ("id",))
    if version < 3:
        details = details.replace(', "previous_meeting"', "")
    row = connection.execute(details + " LIMIT 1").fetchone()
    if row is None:
        raise ValueError("it has no workshop details")
    _id, title, starts_at, ends_at, place, facilitator, organizer_label, language, intro = row[:9]
    data = WorkshopData(
        details=model.WorkshopDetails(
            title=title,
            starts_at=datetime.fromisoformat(starts_at),
            ends_at=_time(ends_at),
            place=place,
            facilitator=facilitator,
            organizer_label=organizer_label,
            language=language,
            vision_intro=intro,
            previous_meeting=date.fromisoformat(row[9]) if row[9:] and row[9] else None,
        )
    )
    data.attendees = [
        model.Attendee(attendee_id, name, organization, model.Role(role), bool(present), note)
        for attendee_id, _, name, organization, role, present, note in connection.execute(
            schema.select_sql(AttendeeRow)
        )
    ]
    themes = {
        theme_id: model.Theme(theme_id, name, vision, draft)
        for theme_id, _, name, vision, draft in connection.execute(schema.select_sql(ThemeRow))
    }
    data.themes = list(themes.values())
    for remark_id, theme_id, _, text, author, organization, status, response in connection.execute(
        schema.select_sql(RemarkRow)
    ):
        themes[theme_id].remarks.append(
            model.Remark(
                remark_id, text, author, organization, model.RemarkStatus(status), response
            )
        )
    _read_tree(connection, data)
    if version >= 3:
        _read_swot_and_problems(connection, themes)
    if version >= 2:
        data.agenda = [
            model.AgendaItem(item_id, title, int(minutes), _time(started), _time(ended))
            for item_id, _, title, minutes, started, ended in connection.execute(
                schema.select_sql(AgendaItemRow)
            )
        ]
        data.tasks = [
            model.Task(task_id, text, owner, date.fromisoformat(due) if due else None, bool(done))
            for task_id, _, text, owner, due, done in connection.execute(schema.select_sql(TaskRow))
        ]
    return data


def _read_swot_and_problems(connection: sqlite3.Connection, themes: dict[int, model.Theme]) -> None:
    for item_id, theme_id, _, text, quadrant, note, votes in connection.execute(
        schema.select_sql(SwotItemRow)
    ):
        themes[theme_id].swot.append(
            model.SwotItem(item_id, text, model.Quadrant(quadrant), note, votes)
        )
    for problem_id, theme_id, _, text, votes, sources in connection.execute(
        schema.select_sql(ProblemRow)
    ):
        problem = model.Problem(problem_id, text, votes, json.loads(sources))
        themes[theme_id].problems.append(problem)


def _read_tree(connection: sqlite3.Connection, data: WorkshopData) -> None:
    nodes: dict[int, Node] = {ROOT_ID: data.root}
    rows = connection.execute(schema.select_sql(NodeRow)).fetchall()
    for node_id, _parent, _position, text, note, votes in rows:
        nodes[node_id] = Node(node_id, text, note, votes)
    for node_id, parent_id, *_ in rows:
        parent = nodes[parent_id if parent_id is not None else ROOT_ID]
        node = nodes[node_id]
        node.parent = parent
        parent.children.append(node)
    for node in nodes.values():
        model.renumber_children(node)
    for block_id, theme_id, _ in connection.execute(
        schema.select_sql(BlockThemeRow, ("position",))
    ):
        nodes[block_id].theme_ids.append(theme_id)
