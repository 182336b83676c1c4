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
    # Votes count as a change only while the room sees them before and after: revealing them
    # is no change of text, and a hidden vote must not show as a highlight either.
    votes = old.votes_revealed and new.votes_revealed
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
        if before is None or before.swot is not theme.swot:
            old_swot = {item.id: item for item in before.swot} if before is not None else {}
            for item in theme.swot:
                was = old_swot.get(item.id)
                if (
                    was is None
                    or (was.text, was.quadrant) != (item.text, item.quadrant)
                    or (votes and was.votes != item.votes)
                ):
                    keys.add(("swot", item.id))
        if before is None or before.problems is not theme.problems:
            old_problems = {p.id: p for p in before.problems} if before is not None else {}
            for problem in theme.problems:
                had = old_problems.get(problem.id)
                if (
                    had is None
                    or had.text != problem.text
                    or (votes and had.votes != problem.votes)
                ):
                    keys.add(("problem", problem.id))
    if old.outline is not new.outline:
        old_rows = {row.id: row for row in old.outline.rows}
        for row in new.outline.rows:
            before_row = old_rows.get(row.id)
            if before_row is None or (
                before_row.text,
                before_row.votes if votes else 0,
                before_row.parent_id,
                before_row.previous_id,
            ) != (row.text, row.votes if votes else 0, row.parent_id, row.previous_id):
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
    """What the changed activities, vision paragraphs, tasks, SWOT items and problems read in
    ``old`` (new ones: absent)."""
    found: dict[Hashable, str] = {}
    outline = old.outline
    tasks: dict[int, str] | None = None
    records: dict[tuple[str, int], str] | None = None
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
        elif key[0] in ("swot", "problem"):
            if records is None:
                records = {("swot", i.id): i.text for t in old.themes for i in t.swot}
                records.update({("problem", p.id): p.text for t in old.themes for p in t.problems})
            text = records.get((key[0], key[1]))
            if text is not None:
                found[key] = text
    return found
