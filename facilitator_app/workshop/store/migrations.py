"""Taking a workshop file from the schema version it has to the current one (schema.py)."""

from __future__ import annotations

from collections.abc import Callable

import peewee as pw

from facilitator_app.workshop.store import schema


def _create_tables(db: pw.SqliteDatabase) -> None:
    """Version 0 (a new, empty file) to 1: the workshop, attendees, themes, remarks, the tree.

    Created from the models through a SchemaManager given this file's database: the models
    stay unbound, so no two files (one written by an import's worker thread, one opened by
    the window) ever share a binding.
    """
    for model in schema.V1_TABLES:
        if model is schema.WorkshopRow:
            # Later versions add columns to it (step 3): created as version 1 had it.
            db.execute_sql(_V1_WORKSHOP)
        else:
            pw.SchemaManager(model, database=db).create_all()


# The workshop table of version 1, as peewee created it from the model of that version.
_V1_WORKSHOP = (
    'CREATE TABLE "workshop" ("id" INTEGER NOT NULL PRIMARY KEY, "title" TEXT NOT NULL, '
    '"starts_at" TEXT NOT NULL, "ends_at" TEXT, "place" TEXT NOT NULL, '
    '"facilitator" TEXT NOT NULL, "organizer_label" TEXT NOT NULL, "language" TEXT NOT NULL, '
    '"vision_intro" TEXT)'
)


def _add_agenda_and_tasks(db: pw.SqliteDatabase) -> None:
    """Version 1 to 2: the meeting's programme (agenda items) and its tasks.

    Written out as SQL rather than from the models, so that this step stays what it was when
    a later version changes the tables again.
    """
    db.execute_sql(
        'CREATE TABLE "agenda_item" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"position" INTEGER NOT NULL, "title" TEXT NOT NULL, '
        '"planned_minutes" INTEGER NOT NULL DEFAULT 0, "started_at" TEXT, "ended_at" TEXT)'
    )
    db.execute_sql(
        'CREATE TABLE "task" ("id" INTEGER NOT NULL PRIMARY KEY, "position" INTEGER NOT NULL, '
        '"text" TEXT NOT NULL, "owner" TEXT NOT NULL DEFAULT \'\', "due" TEXT, '
        '"done" INTEGER NOT NULL DEFAULT 0)'
    )


def _add_swot_and_problems(db: pw.SqliteDatabase) -> None:
    """Version 2 to 3: each theme's SWOT items and problems, and the date of the previous
    meeting (a file made from another one knows it). Written out as SQL, as step 2 is."""
    db.execute_sql('ALTER TABLE "workshop" ADD COLUMN "previous_meeting" TEXT')
    db.execute_sql(
        'CREATE TABLE "swot_item" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"theme_id" INTEGER NOT NULL REFERENCES "theme" ("id") ON DELETE CASCADE, '
        '"position" INTEGER NOT NULL, "text" TEXT NOT NULL, '
        "\"quadrant\" TEXT NOT NULL DEFAULT 'strengths', \"note\" TEXT NOT NULL DEFAULT '', "
        '"votes" INTEGER NOT NULL DEFAULT 0)'
    )
    db.execute_sql('CREATE INDEX "swotitemrow_theme_id" ON "swot_item" ("theme_id")')
    db.execute_sql(
        'CREATE TABLE "problem" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"theme_id" INTEGER NOT NULL REFERENCES "theme" ("id") ON DELETE CASCADE, '
        '"position" INTEGER NOT NULL, "text" TEXT NOT NULL, '
        '"votes" INTEGER NOT NULL DEFAULT 0, "sources" TEXT NOT NULL DEFAULT \'[]\')'
    )
    db.execute_sql('CREATE INDEX "problemrow_theme_id" ON "problem" ("theme_id")')


# One ordered list of migration steps: MIGRATIONS[n] takes a file from version n to n + 1.
# Storage.open backs the file up (NAME.workshop.vN.bak) before running the steps it needs, all
# in one transaction.
MIGRATIONS: list[Callable[[pw.SqliteDatabase], None]] = [
    _create_tables,
    _add_agenda_and_tasks,
    _add_swot_and_problems,
]


def migrate(db: pw.SqliteDatabase, from_version: int) -> None:
    """Run the steps from ``from_version`` to the current version, in one transaction."""
    with db.atomic():
        db.execute_sql(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        for version in range(from_version, schema.SCHEMA_VERSION):
            MIGRATIONS[version](db)
            db.execute_sql(f"PRAGMA user_version = {version + 1}")
