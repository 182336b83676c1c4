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
        pw.SchemaManager(model, database=db).create_all()


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


# One ordered list of migration steps: MIGRATIONS[n] takes a file from version n to n + 1.
# Storage.open backs the file up (NAME.workshop.vN.bak) before running the steps it needs, all
# in one transaction.
MIGRATIONS: list[Callable[[pw.SqliteDatabase], None]] = [_create_tables, _add_agenda_and_tasks]


def migrate(db: pw.SqliteDatabase, from_version: int) -> None:
    """Run the steps from ``from_version`` to the current version, in one transaction."""
    with db.atomic():
        db.execute_sql(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        for version in range(from_version, schema.SCHEMA_VERSION):
            MIGRATIONS[version](db)
            db.execute_sql(f"PRAGMA user_version = {version + 1}")
