"""The rows of the file follow the columns of the peewee models (schema.py)."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from workshop_state import SAMPLE

from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import (
    ROOT_ID,
    AgendaItem,
    Attendee,
    Problem,
    Remark,
    SwotItem,
    Task,
    Theme,
    WorkshopDetails,
)
from facilitator_app.workshop.store import rows, schema
from facilitator_app.workshop.store.files import write_new


def test_the_written_out_node_rows_are_the_rows_of_the_node_format() -> None:
    data = parse_workshop(SAMPLE)
    for block in data.blocks:
        expected = [
            rows.NODE.values(
                n, n.position, rows.parent_column(n.parent.id if n.parent else ROOT_ID)
            )
            for n in block.walk()
        ]
        assert list(rows.subtree_values(block)) == expected


def test_the_editable_fields_are_the_fields_of_the_objects_in_memory_in_column_order() -> None:
    for kind, record in (
        (Kind.ATTENDEE, Attendee),
        (Kind.THEME, Theme),
        (Kind.REMARK, Remark),
        (Kind.AGENDA, AgendaItem),
        (Kind.TASK, Task),
        (Kind.SWOT, SwotItem),
        (Kind.PROBLEM, Problem),
        (Kind.DETAILS, WorkshopDetails),
    ):
        theme_lists = ("remarks", "swot", "problems")
        names = [f.name for f in dataclasses.fields(record) if f.name not in ("id", *theme_lists)]
        assert schema.EDITABLE_FIELDS[kind] == tuple(names)


def test_a_new_file_has_the_columns_of_the_models(tmp_path: Path) -> None:
    path = tmp_path / "new.workshop"
    write_new(path, parse_workshop(SAMPLE))
    with sqlite3.connect(path) as connection:
        for model in schema.TABLES:
            info = connection.execute(f'PRAGMA table_info("{schema.table_name(model)}")')
            assert tuple(row[1] for row in info) == schema.columns(model)
    connection.close()
