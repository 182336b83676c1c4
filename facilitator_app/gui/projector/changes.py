"""What changed between two wall snapshots: highlighted when a frozen wall publishes (no Qt)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


from facilitator_app.gui.projector.state import WallState

# --- what changed between two snapshots (highlighted when a frozen wall publishes) ----------


def changed_keys(old: WallState, new: WallState) -> set[Hashable]:
    """Keys of what ``new`` shows differently from ``old`` (new things included)."""
    keys: set[Hashable] = set()
    if old.title.title != new.title.title:
        keys.add(("title",))
    if (old.title.starts_at, old.title.ends_at, old.title.place) != (
        new.title.starts_at,
        new.title.ends_at,
        new.title.place,
    ):
        keys.add(("date",))
    if old.title.head_count != new.title.head_count:
        keys.add(("heads",))
    old_themes = {theme.id: theme for theme in old.themes}
    for theme in new.themes:
        before = old_themes.get(theme.id)
        if before is None or before.name != theme.name:
            keys.add(("theme", theme.id))
        old_paragraphs = before.paragraphs if before is not None else ()
        for number, paragraph in enumerate(theme.paragraphs):
            if number >= len(old_paragraphs) or old_paragraphs[number] != paragraph:
                keys.add(("para", theme.id, number))
        old_remarks = {r.id: r for r in before.remarks} if before is not None else {}
        for remark in theme.remarks:
            if old_remarks.get(remark.id) != remark:
                keys.add(("remark", remark.id))
    if old.outline is not new.outline:
        old_rows = {row.id: row for row in old.outline.rows}
        for row in new.outline.rows:
            before_row = old_rows.get(row.id)
            if before_row is None or (
                before_row.text,
                before_row.votes,
                before_row.parent_id,
                before_row.previous_id,
            ) != (row.text, row.votes, row.parent_id, row.previous_id):
                keys.add(("node", row.id))
    if old.tasks != new.tasks:
        old_tasks = {task.id: task for task in old.tasks}
        for task in new.tasks:
            before_task = old_tasks.get(task.id)
            if before_task == task:
                continue
            keys.add(("task", task.id))  # its text: the changed words, or all of it
            if before_task is None or (before_task.due, before_task.done) != (task.due, task.done):
                keys.add(("task", task.id, "meta"))  # its line with the due date and done mark
    return keys


def previous_texts(old: WallState, keys: set[Hashable]) -> dict[Hashable, str]:
    """What the changed activities, vision paragraphs and tasks read in ``old`` (new ones:
    absent)."""
    found: dict[Hashable, str] = {}
    outline = old.outline
    tasks: dict[int, str] | None = None
    for key in keys:
        if not isinstance(key, tuple):
            continue
        if key[0] == "node" and key[1] in outline.index:
            found[key] = outline.rows[outline.index[key[1]]].text
        elif key[0] == "para":
            theme = old.theme(key[1])
            if theme is not None and key[2] < len(theme.paragraphs):
                found[key] = theme.paragraphs[key[2]]
        elif key[0] == "task" and len(key) == 2:
            if tasks is None:
                tasks = {task.id: task.text for task in old.tasks}
            if key[1] in tasks:
                found[key] = tasks[key[1]]
    return found
