"""The tables of a .workshop file (peewee models, bound to one file's database per use)."""

from __future__ import annotations

import peewee as pw

# PRAGMA application_id marks a SQLite file as a workshop ("FaWs" in ASCII).
APPLICATION_ID = 0x46615773
SCHEMA_VERSION = 2


class _Table(pw.Model):
    class Meta:
        legacy_table_names = False


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

    class Meta:
        table_name = "workshop"


class AttendeeRow(_Table):
    id = pw.IntegerField(primary_key=True)
    position = pw.IntegerField()
    name = pw.TextField()
    organization = pw.TextField(default="")
    role = pw.TextField(default="participant")
    present = pw.BooleanField(default=True)
    note = pw.TextField(default="")

    class Meta:
        table_name = "attendee"


class ThemeRow(_Table):
    id = pw.IntegerField(primary_key=True)
    position = pw.IntegerField()
    name = pw.TextField()
    vision = pw.TextField(default="")
    draft = pw.TextField(null=True)

    class Meta:
        table_name = "theme"


class RemarkRow(_Table):
    id = pw.IntegerField(primary_key=True)
    theme = pw.ForeignKeyField(ThemeRow, on_delete="CASCADE", column_name="theme_id")
    position = pw.IntegerField()
    text = pw.TextField()
    author = pw.TextField(default="")
    organization = pw.TextField(default="")
    status = pw.TextField(default="pending")
    response = pw.TextField(default="")

    class Meta:
        table_name = "remark"


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
        table_name = "node"
        indexes = ((("parent", "position"), False),)


class BlockThemeRow(_Table):
    """Which themes an activity block covers, in the order they are printed."""

    block = pw.ForeignKeyField(NodeRow, on_delete="CASCADE", column_name="block_id")
    theme = pw.ForeignKeyField(ThemeRow, on_delete="CASCADE", column_name="theme_id")
    position = pw.IntegerField()

    class Meta:
        table_name = "block_theme"
        primary_key = pw.CompositeKey("block", "theme")


class AgendaItemRow(_Table):
    """An item of the meeting's programme (schema version 2)."""

    id = pw.IntegerField(primary_key=True)
    position = pw.IntegerField()
    title = pw.TextField()
    planned_minutes = pw.IntegerField(default=0)
    started_at = pw.TextField(null=True)  # ISO local date and time, no zone
    ended_at = pw.TextField(null=True)

    class Meta:
        table_name = "agenda_item"


class TaskRow(_Table):
    """A task (úkol) agreed at the meeting (schema version 2)."""

    id = pw.IntegerField(primary_key=True)
    position = pw.IntegerField()
    text = pw.TextField()
    owner = pw.TextField(default="")
    due = pw.TextField(null=True)  # ISO date, YYYY-MM-DD
    done = pw.BooleanField(default=False)

    class Meta:
        table_name = "task"


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
TABLES: list[type[pw.Model]] = [*V1_TABLES, AgendaItemRow, TaskRow]
