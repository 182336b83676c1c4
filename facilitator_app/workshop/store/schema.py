"""The tables of a .workshop file: the one description of its columns.

The peewee models below are never bound to a database (each file has its own connection, and
files are written from worker threads too): they create the tables through a SchemaManager
given the file's database (``migrations.py``), and everything else that names a column reads
it from them: the INSERT statements and the order of the row serialisers (``rows.py``), the
SELECTs of loading, the fields an edit may set and the table of each kind of record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import peewee as pw

from facilitator_app.workshop.events import Kind

# PRAGMA application_id marks a SQLite file as a workshop ("FaWs" in ASCII).
APPLICATION_ID = 0x46615773
SCHEMA_VERSION = 3


def _table_name(model: type[pw.Model]) -> str:
    """Each table is named after its model: ``AgendaItemRow`` is the table ``agenda_item``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", model.__name__.removesuffix("Row")).lower()


class _Table(pw.Model):
    class Meta:
        table_function = _table_name


class WorkshopRow(_Table):
    """The single row holding the workshop's details."""

    id = pw.IntegerField(primary_key=True)
    title = pw.TextField(default="")
    starts_at = pw.TextField()  # ISO local date and time, no zone
    ends_at = pw.TextField(null=True)
    place = pw.TextField(default="")
    facilitator = pw.TextField(default="")
    organizer_label = pw.TextField(default="ORK")
    language = pw.TextField(default="cs")
    vision_intro = pw.TextField(null=True)
    previous_meeting = pw.TextField(null=True)  # ISO date (schema version 3)


class _ListRow(_Table):
    """A row of an ordered list: its id and its place in the list come first."""

    id = pw.IntegerField(primary_key=True)
    position = pw.IntegerField()


class AttendeeRow(_ListRow):
    name = pw.TextField()
    organization = pw.TextField(default="")
    role = pw.TextField(default="participant")
    present = pw.BooleanField(default=True)
    note = pw.TextField(default="")


class ThemeRow(_ListRow):
    name = pw.TextField()
    vision = pw.TextField(default="")
    draft = pw.TextField(null=True)


class _ThemeListRow(_Table):
    """A row of one of a theme's lists (remarks, SWOT items, problems): its id, its theme and
    its place in the list come first."""

    id = pw.IntegerField(primary_key=True)
    theme = pw.ForeignKeyField(ThemeRow, on_delete="CASCADE", column_name="theme_id")
    position = pw.IntegerField()


class RemarkRow(_ThemeListRow):
    text = pw.TextField()
    author = pw.TextField(default="")
    organization = pw.TextField(default="")
    status = pw.TextField(default="pending")
    response = pw.TextField(default="")


class NodeRow(_Table):
    """A node of the activity tree: top-level rows (parent NULL) are the activity blocks.

    No UNIQUE(parent, position): SQLite checks it row by row, so shifting siblings would fail.
    """

    id = pw.IntegerField(primary_key=True)
    parent = pw.ForeignKeyField(
        "self", null=True, on_delete="CASCADE", column_name="parent_id", backref="children"
    )
    position = pw.IntegerField()
    text = pw.TextField(default="")
    note = pw.TextField(default="")
    votes = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("parent", "position"), False),)


class BlockThemeRow(_Table):
    """Which themes an activity block covers, in the order they are printed."""

    block = pw.ForeignKeyField(NodeRow, on_delete="CASCADE", column_name="block_id")
    theme = pw.ForeignKeyField(ThemeRow, on_delete="CASCADE", column_name="theme_id")
    position = pw.IntegerField()

    class Meta:
        primary_key = pw.CompositeKey("block", "theme")


class AgendaItemRow(_ListRow):
    """An item of the meeting's programme (schema version 2)."""

    title = pw.TextField()
    planned_minutes = pw.IntegerField(default=0)
    started_at = pw.TextField(null=True)  # ISO local date and time, no zone
    ended_at = pw.TextField(null=True)


class TaskRow(_ListRow):
    """A task (úkol) agreed at the meeting (schema version 2)."""

    text = pw.TextField()
    owner = pw.TextField(default="")
    due = pw.TextField(null=True)  # ISO date, YYYY-MM-DD
    done = pw.BooleanField(default=False)


class SwotItemRow(_ThemeListRow):
    """An item of a theme's SWOT (schema version 3); ``position`` is its place among all the
    theme's items, whatever their quadrant."""

    text = pw.TextField()
    quadrant = pw.TextField(default="strengths")
    note = pw.TextField(default="")
    votes = pw.IntegerField(default=0)


class ProblemRow(_ThemeListRow):
    """A problem named for a theme (schema version 3).

    ``sources`` holds the ids of the theme's SWOT items it comes from as a JSON list: the
    document keeps them pointing at items of the theme (rules.py), and a list edited as one
    field stays one column.
    """

    text = pw.TextField()
    votes = pw.IntegerField(default=0)
    sources = pw.TextField(default="[]")


# The tables of schema version 1, as the first migration step creates them.
V1_TABLES: list[type[pw.Model]] = [
    WorkshopRow,
    AttendeeRow,
    ThemeRow,
    RemarkRow,
    NodeRow,
    BlockThemeRow,
]

# Every table of the current version, parents before the tables that refer to them.
TABLES: list[type[pw.Model]] = [*V1_TABLES, AgendaItemRow, TaskRow, SwotItemRow, ProblemRow]

# The table that keeps each kind of record.
TABLE_OF: dict[Kind, type[pw.Model]] = {
    Kind.DETAILS: WorkshopRow,
    Kind.ATTENDEE: AttendeeRow,
    Kind.THEME: ThemeRow,
    Kind.REMARK: RemarkRow,
    Kind.NODE: NodeRow,
    Kind.AGENDA: AgendaItemRow,
    Kind.TASK: TaskRow,
    Kind.SWOT: SwotItemRow,
    Kind.PROBLEM: ProblemRow,
}


def table_name(model: type[pw.Model]) -> str:
    name: str = model._meta.table_name
    return name


def columns(model: type[pw.Model]) -> tuple[str, ...]:
    """The columns of a table, in the order the table has them."""
    return tuple(field.column_name for field in model._meta.sorted_fields)


def _structural(field: pw.Field) -> bool:
    """A column that places a row (its id, its position, its parent) rather than holding data."""
    return bool(
        field.primary_key or field.name == "position" or isinstance(field, pw.ForeignKeyField)
    )


# The fields each kind of thing has that an edit may set, by column name (the same as the
# name of the attribute of the model object in memory).
EDITABLE_FIELDS: dict[Kind, tuple[str, ...]] = {
    kind: tuple(f.column_name for f in model._meta.sorted_fields if not _structural(f))
    for kind, model in TABLE_OF.items()
}


def insert_sql(model: type[pw.Model]) -> str:
    """``INSERT INTO table (every column) VALUES (?, …)``, for rows in the table's order."""
    names = columns(model)
    quoted = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    return f'INSERT INTO "{table_name(model)}" ({quoted}) VALUES ({marks})'


def select_sql(model: type[pw.Model], order: Sequence[str] = ("position", "id")) -> str:
    """``SELECT every column FROM table ORDER BY …``, for reading rows in the table's order."""
    quoted = ", ".join(f'"{name}"' for name in columns(model))
    return f'SELECT {quoted} FROM "{table_name(model)}" ORDER BY {", ".join(order)}'
