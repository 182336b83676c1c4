"""The changes a document makes to its file, as named operations that queue their SQL.

The document says what changed (the fields of a record, a record inserted, a subtree moved);
this turns it into statements over the tables of schema.py and queues them for the next
flush (``Storage``). Statements are plain SQL built once from the models: the queue keeps
them as (SQL, parameters) to retry after a failed commit, which peewee's queries cannot be.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import peewee as pw

from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import Node
from facilitator_app.workshop.store import schema
from facilitator_app.workshop.store.rows import (
    DETAILS_ROW_ID,
    FORMAT_OF,
    INSERT_BLOCK_THEME,
    NODE,
    THEME_LIST_ROWS,
    block_theme_values,
    column_value,
    listed_values,
    parent_column,
    subtree_values,
)


def _list_column(model: type[pw.Model]) -> str | None:
    """The column naming the list a row is in (a remark's theme, a node's parent), if any."""
    keys = [f.column_name for f in model._meta.sorted_fields if isinstance(f, pw.ForeignKeyField)]
    return keys[0] if keys else None


def _shift_sql(model: type[pw.Model]) -> str:
    scope = _list_column(model)
    where = f' AND "{scope}" IS ?' if scope else ""
    return (
        f'UPDATE "{schema.table_name(model)}" SET position = position + ? '
        f"WHERE position >= ?{where}"
    )


_SHIFT = {kind: _shift_sql(model) for kind, model in schema.TABLE_OF.items()}
_IN_SCOPED_LIST = {kind: _list_column(model) is not None for kind, model in schema.TABLE_OF.items()}
_DELETE = {
    kind: f'DELETE FROM "{schema.table_name(model)}" WHERE id = ?'
    for kind, model in schema.TABLE_OF.items()
}
_SET_POSITION = {
    kind: f'UPDATE "{schema.table_name(model)}" SET position = ? WHERE id = ?'
    for kind, model in schema.TABLE_OF.items()
}
_UPDATE_FIELD = {
    (kind, name): f'UPDATE "{schema.table_name(model)}" SET "{name}" = ? WHERE id = ?'
    for kind, model in schema.TABLE_OF.items()
    for name in schema.EDITABLE_FIELDS[kind]
}
_SET_PARENT = 'UPDATE "node" SET parent_id = ?, position = ? WHERE id = ?'
_DELETE_BLOCK_THEMES = 'DELETE FROM "block_theme" WHERE block_id = ?'


class Changes:
    """The named changes of a workshop file; ``queue`` and ``queue_many`` keep their SQL."""

    def queue(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def queue_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    # --- records: the details, attendees, themes, remarks, the agenda, tasks ----------------

    def update_fields(self, kind: Kind, item_id: int, values: dict[str, Any]) -> None:
        """Set fields of one record (of the details for Kind.DETAILS), one statement each:
        typing one field queues the same statement again, which ``queue`` folds."""
        row_id = DETAILS_ROW_ID if kind is Kind.DETAILS else item_id
        for name, value in values.items():
            self.queue(_UPDATE_FIELD[kind, name], (column_value(value), row_id))

    def _shift(self, kind: Kind, scope: int | None, start: int, by: int) -> None:
        """Move the records of one list from ``start`` on by ``by`` places."""
        self.queue(_SHIFT[kind], (by, start, scope) if _IN_SCOPED_LIST[kind] else (by, start))

    def insert_record(self, kind: Kind, container_id: int, position: int, record: Any) -> None:
        """Insert a record at ``position`` of its list (a remark, SWOT item or problem into
        theme ``container_id``; a theme with its remarks, SWOT items and problems)."""
        self._shift(kind, container_id, position, 1)
        rows = FORMAT_OF[kind]
        self.queue(rows.insert, rows.values(record, position, container_id))
        if kind is Kind.THEME:
            for name, theme_rows in THEME_LIST_ROWS:
                self.queue_many(
                    theme_rows.insert, listed_values(theme_rows, getattr(record, name), record.id)
                )

    def remove_record(self, kind: Kind, container_id: int, item_id: int, position: int) -> None:
        """Remove the record at ``position`` of its list (a theme's remarks, SWOT items
        and problems go with it)."""
        self.queue(_DELETE[kind], (item_id,))
        self._shift(kind, container_id, position + 1, -1)

    def set_positions(self, kind: Kind, records: Sequence[Any], low: int, high: int) -> None:
        """Store the positions ``low`` to ``high`` of a list whose records have moved there."""
        self.queue_many(
            _SET_POSITION[kind],
            [(position, records[position].id) for position in range(low, high + 1)],
        )

    # --- the activity tree ------------------------------------------------------------------

    def set_block_themes(self, block: Node) -> None:
        self.queue(_DELETE_BLOCK_THEMES, (block.id,))
        self.queue_many(INSERT_BLOCK_THEME, block_theme_values(block))

    def insert_subtrees(self, parent_id: int, row: int, tops: Sequence[Node]) -> None:
        """Insert subtrees (each with all its nodes) as children ``row``, ``row + 1``, … ."""
        self._shift(Kind.NODE, parent_column(parent_id), row, len(tops))
        for top in tops:
            self.queue_many(NODE.insert, subtree_values(top))
            self.queue_many(INSERT_BLOCK_THEME, block_theme_values(top))

    def remove_subtrees(self, parent_id: int, row: int, tops: Sequence[Node]) -> None:
        """Remove the children ``row``, ``row + 1``, … of a parent with their descendants."""
        # ON DELETE CASCADE removes the descendants and the blocks' theme links.
        self.queue_many(_DELETE[Kind.NODE], [(top.id,) for top in tops])
        self._shift(Kind.NODE, parent_column(parent_id), row + len(tops), -len(tops))

    def move_node(
        self, node: Node, old_parent_id: int, old_row: int, siblings: Sequence[Node]
    ) -> None:
        """Store a node's move from (old parent, old row) to where it is now; ``siblings``
        are its new parent's children."""
        assert node.parent is not None
        new_parent_id, new_row = node.parent.id, node.row
        if new_parent_id == old_parent_id:
            low, high = sorted((old_row, new_row))
            self.set_positions(Kind.NODE, siblings, low, high)
            return
        self._shift(Kind.NODE, parent_column(old_parent_id), old_row + 1, -1)
        self._shift(Kind.NODE, parent_column(new_parent_id), new_row, 1)
        self.queue(_SET_PARENT, (parent_column(new_parent_id), new_row, node.id))
