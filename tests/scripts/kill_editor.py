"""Run by test_kill.py, which kills it with SIGKILL at a random moment: edits a workshop through
the window's own pages and editors, and reports on stdout what is in memory and what is in the
file.

    python tests/scripts/kill_editor.py WORKSHOP SEED

Opens WORKSHOP as the window does (lock, Document, WorkshopSession with its flush timer, the
section pages in one window on the offscreen platform), then runs the edit plan drawn from
SEED. The plan opens one editor after another and types into it key by key, while it is open:
the activity tree's inline editor (F2, and a new activity), a new remark's text, an attendee's
cell and the new-attendee row, the agenda's and the tasks' cells and new rows, a field of the
workshop details, and the vision's wording. An item editor ends with Enter or Esc. Between two
editors an attendee is added or a branch of the tree moved, pushed as the pages push them. The
first editor of a run is ``KINDS[SEED % len(KINDS)]``, and it types long enough (more than a
second) for the kill to find it open. Lines on stdout, each flushed:

    READY <monotonic time>          the workshop is open, the edits begin
    EDITOR <kind> <monotonic time>  an editor of that kind opened (EDITORS lists them)
    APPLIED <n> <monotonic time>    edit n (1, 2, …) is applied in memory
    SAVED <n> <monotonic time>      the file has every edit up to n (committed, synced)

``Plan`` and ``apply_edit`` are shared with the test, which replays the plan on a copy of the
workshop to know what the file must hold after each edit: every key typed is there, as the
editor's field tidies it (``apply_edit`` only says what the document then holds).
"""

from __future__ import annotations

import importlib
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from facilitator_app.workshop.agenda import new_agenda_item  # noqa: E402
from facilitator_app.workshop.document import Document  # noqa: E402
from facilitator_app.workshop.events import Kind  # noqa: E402
from facilitator_app.workshop.model import Attendee, Remark, Task  # noqa: E402
from facilitator_app.workshop.operations import (  # noqa: E402
    InsertNodes,
    InsertRecord,
    MoveNodes,
    Operation,
    RemoveRecord,
    SetFields,
    new_activity,
)

STEPS = 600  # more than a run lasts before the kill
TYPED = "Kraj je bezpečné místo pro život, práci i podnikání 🌲; ‏עברית‎ i „uvozovky“. "
# The kinds of editor, in the order the plan opens them.
EDITORS = (
    "tree",
    "new-activity",
    "remark",
    "attendee",
    "new-attendee",
    "agenda",
    "task",
    "details",
    "vision",
)
FIRST_KEYS = (40, 55)  # the first editor of a run: more than a second of typing
LATER_KEYS = (8, 20)
NEW_ACTIVITY = "New activity"  # what the window names a new activity and a new remark
NEW_REMARK = "New remark"


def tidy_line(text: str) -> str:
    """A name or a title: spaces around dropped, runs of spaces made one."""
    return " ".join(text.split())


def as_typed(text: str) -> str:
    return text


@dataclass(frozen=True)
class Edit:
    kind: str  # "open", "key", "end" (Enter or Esc), "attendee" or "move"
    editor: str = ""  # the kind of editor ("open")
    key: str = ""  # the character typed ("key"); "Return" or "Escape" ("end")
    # What the document holds after the edit: ``values`` set on (kind, id), or a record of
    # ``record`` added with ``values`` (a new row's first key), or (kind, id) removed (Esc).
    target: tuple[Kind, int] | None = None
    values: dict[str, Any] = field(default_factory=dict)
    record: Kind | None = None
    container_id: int = 0
    removed: tuple[Kind, int] | None = None
    ids: tuple[int, ...] = ()  # what the editor opens on, or the branch moved
    parent_id: int = 0
    row: int = 0
    name: str = ""  # the field an editor opens on; a new attendee's name ("attendee")
    pause: float = 0.0  # seconds before the edit (the typist's rhythm)


@dataclass
class Editing:
    """The editor the plan has open."""

    editor: str
    keys: str  # what will be typed
    kind: Kind
    field: str
    tidy: Callable[[str], str]
    locate: Callable[[Document], Any]  # the record typed into, once it exists
    base: str = ""  # the text typing goes on from (the editor's own text when it appends)
    before: Any = None  # the field's value when the editor opened (what Esc brings back)
    adds: bool = False  # the first key adds the record (a table's new row)
    added: bool = False
    may_be_empty: bool = False
    ends: bool = True  # an item editor, ended by Enter or Esc
    typed: int = 0


class Plan:
    """The edits of one run, drawn from ``seed`` against the document as it is now."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.opened = 0  # editors opened so far
        self.first = seed % len(EDITORS)
        self.editing: Editing | None = None
        self.structural_due = False  # between two editors, a structural change
        self.n = 0

    def next(self, document: Document) -> Edit:
        self.n += 1
        pause = self.rng.uniform(0.01, 0.06)
        editing = self.editing
        if editing is not None and editing.typed < len(editing.keys):
            return self.key(document, editing, pause)
        if editing is not None:
            self.editing = None
            self.structural_due = True
            if editing.ends:
                if self.rng.random() < 0.25:
                    return self.escape(document, editing, pause)
                return Edit("end", key="Return", pause=pause)
        if self.structural_due:
            self.structural_due = False
            return self.structural(document, pause)
        return self.open(document, pause)

    def structural(self, document: Document, pause: float) -> Edit:
        data = document.data
        if self.opened % 2:
            return Edit("attendee", name=f"Účastník {self.n} 👤", pause=pause)
        movable = [node for node in data.root.walk() if node.parent is not None]
        node = self.rng.choice(movable)
        if node.is_block:
            parent = data.root
        else:
            # An activity moves to any block or activity outside its own branch.
            targets = [
                t
                for t in data.root.walk()
                if t.parent is not None and t is not node and not node.is_ancestor_of(t)
            ]
            parent = self.rng.choice(targets)
        row = self.rng.randint(0, len(parent.children))
        return Edit("move", ids=(node.id,), parent_id=parent.id, row=row, pause=pause)

    def open(self, document: Document, pause: float) -> Edit:
        editor = EDITORS[(self.first + self.opened) % len(EDITORS)]
        low, high = FIRST_KEYS if not self.opened else LATER_KEYS
        self.opened += 1
        count = self.rng.randint(low, high)
        start = self.rng.randrange(len(TYPED))
        while TYPED[start].isspace():
            start = (start + 1) % len(TYPED)
        keys = "".join(TYPED[(start + i) % len(TYPED)] for i in range(count))
        data = document.data
        rng = self.rng
        edit = Edit("open", editor=editor, pause=pause)
        if editor in ("tree", "new-activity"):
            activities = [n for n in data.root.walk() if n.parent is not None and not n.is_block]
            node = rng.choice(activities)
            edit = Edit("open", editor=editor, ids=(node.id,), pause=pause)
            if editor == "tree":
                self.editing = Editing(editor, keys, Kind.NODE, "text", str.strip, by_id(node.id))
                self.editing.before = node.text
            else:
                parent, row = node.parent, node.row + 1
                assert parent is not None
                self.editing = Editing(
                    editor, keys, Kind.NODE, "text", str.strip, child(parent.id, row)
                )
                self.editing.before = NEW_ACTIVITY
        elif editor == "remark":
            theme = data.themes[rng.randrange(min(2, len(data.themes)))]
            edit = Edit("open", editor=editor, ids=(theme.id,), pause=pause)
            self.editing = Editing(
                editor, keys, Kind.REMARK, "text", lambda t: t.strip("\n "), last_remark(theme.id)
            )
            self.editing.before = NEW_REMARK
        elif editor == "attendee":
            attendee = rng.choice(data.attendees)
            name = rng.choice(("name", "note"))
            edit = Edit("open", editor=editor, ids=(attendee.id,), name=name, pause=pause)
            tidy = tidy_line if name == "name" else str.strip
            self.editing = Editing(
                editor, keys, Kind.ATTENDEE, name, tidy, record_of("attendees", attendee.id)
            )
            self.editing.before = getattr(attendee, name)
            self.editing.may_be_empty = name == "note"
        elif editor in ("new-attendee", "agenda", "task"):
            kind, field_name, records = {
                "new-attendee": (Kind.ATTENDEE, "name", "attendees"),
                "agenda": (Kind.AGENDA, "title", "agenda"),
                "task": (Kind.TASK, "text", "tasks"),
            }[editor]
            existing = getattr(data, records)
            if editor != "new-attendee" and existing and rng.random() < 0.5:
                record = rng.choice(existing)  # the first cell of a record, by F2
                edit = Edit("open", editor=editor, ids=(record.id,), pause=pause)
                self.editing = Editing(
                    editor, keys, kind, field_name, tidy_line, record_of(records, record.id)
                )
                self.editing.before = getattr(record, field_name)
            else:  # the new row
                self.editing = Editing(
                    editor, keys, kind, field_name, tidy_line, last_record(records), adds=True
                )
        elif editor == "details":
            name = rng.choice(("place", "facilitator"))
            edit = Edit("open", editor=editor, name=name, pause=pause)
            self.editing = Editing(
                editor, keys, Kind.DETAILS, name, as_typed, lambda d: d.data.details, ends=False
            )
            self.editing.base = getattr(data.details, name)
            self.editing.may_be_empty = True
        else:  # vision: typing goes on at the end of the wording
            theme = data.themes[rng.randrange(min(2, len(data.themes)))]
            edit = Edit("open", editor=editor, ids=(theme.id,), pause=pause)
            self.editing = Editing(
                editor, keys, Kind.THEME, "vision", as_typed, by_theme(theme.id), ends=False
            )
            self.editing.base = theme.vision
            self.editing.may_be_empty = True
        return edit

    def key(self, document: Document, editing: Editing, pause: float) -> Edit:
        char = editing.keys[editing.typed]
        editing.typed += 1
        value = editing.tidy(editing.base + editing.keys[: editing.typed])
        if not value and not editing.may_be_empty:
            return Edit("key", key=char, pause=pause)  # refused: the last text stays
        if editing.adds and not editing.added:
            editing.added = True
            values = {editing.field: value}
            return Edit("key", key=char, record=editing.kind, values=values, pause=pause)
        record = editing.locate(document)
        values: dict[str, Any] = {editing.field: value}
        if editing.kind is Kind.THEME and record.draft is None:
            values["draft"] = record.vision  # the wording kept as the first draft
        if getattr(record, editing.field) == value:
            return Edit("key", key=char, pause=pause)  # the field tidies it away
        item_id = 0 if editing.kind is Kind.DETAILS else record.id
        return Edit("key", key=char, target=(editing.kind, item_id), values=values, pause=pause)

    def escape(self, document: Document, editing: Editing, pause: float) -> Edit:
        record = editing.locate(document)
        if editing.adds:
            return Edit("end", key="Escape", removed=(editing.kind, record.id), pause=pause)
        target = (editing.kind, record.id)
        return Edit(
            "end", key="Escape", target=target, values={editing.field: editing.before}, pause=pause
        )


# Where an editor's record is, once the document has it.


def by_id(node_id: int) -> Callable[[Document], Any]:
    return lambda document: document.node(node_id)


def child(parent_id: int, row: int) -> Callable[[Document], Any]:
    return lambda document: document.node(parent_id).children[row]


def by_theme(theme_id: int) -> Callable[[Document], Any]:
    return lambda document: document.theme(theme_id)


def last_remark(theme_id: int) -> Callable[[Document], Any]:
    return lambda document: document.theme(theme_id).remarks[-1]


def record_of(records: str, record_id: int) -> Callable[[Document], Any]:
    return lambda document: next(r for r in getattr(document.data, records) if r.id == record_id)


def last_record(records: str) -> Callable[[Document], Any]:
    return lambda document: getattr(document.data, records)[-1]


# What the edits do to the document.


def new_record(document: Document, kind: Kind, values: dict[str, Any]) -> Any:
    """A record typed into a new row, made as the table makes it."""
    (text,) = values.values()
    if kind is Kind.ATTENDEE:
        return Attendee(document.new_id(Kind.ATTENDEE), text)
    if kind is Kind.AGENDA:
        return new_agenda_item(document, text)
    return Task(document.new_id(Kind.TASK), text)


def operations(document: Document, edit: Edit) -> list[Operation]:
    """What the edit does to the document, as operations (none for most keys)."""
    data = document.data
    if edit.kind == "attendee":
        attendee = Attendee(document.new_id(Kind.ATTENDEE), edit.name)
        return [InsertRecord(Kind.ATTENDEE, 0, len(data.attendees), attendee)]
    if edit.kind == "move":
        return [MoveNodes(edit.ids, edit.parent_id, edit.row)]
    if edit.kind == "open" and edit.editor == "new-activity":
        node = document.node(edit.ids[0])
        assert node.parent is not None
        activity = new_activity(document, NEW_ACTIVITY)
        return [InsertNodes(node.parent.id, node.row + 1, (activity,))]
    if edit.kind == "open" and edit.editor == "remark":
        theme = document.theme(edit.ids[0])
        remark = Remark(document.new_id(Kind.REMARK), NEW_REMARK)
        return [InsertRecord(Kind.REMARK, theme.id, len(theme.remarks), remark)]
    if edit.record is not None:
        records = document.records(edit.record, 0)
        record = new_record(document, edit.record, edit.values)
        return [InsertRecord(edit.record, 0, len(records), record)]
    if edit.removed is not None:
        return [RemoveRecord(*edit.removed)]
    if edit.target is not None:
        return [SetFields(*edit.target, dict(edit.values))]
    return []


def apply_edit(document: Document, edit: Edit) -> None:
    """The edit straight through the document (the test's replay)."""
    for operation in operations(document, edit):
        document.apply(operation, defer_write=True)


def say(*words: object) -> None:
    sys.stdout.write(" ".join(map(str, words)) + "\n")
    sys.stdout.flush()


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from facilitator_app.gui.core.session import WorkshopSession
    from facilitator_app.workshop.store.lock import acquire

    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    lock = acquire(path)  # as the window does; a kill leaves it behind, stale
    document = Document.open(path)
    document.lock = lock
    session = WorkshopSession(document)
    plan = Plan(seed)
    window = Window(session)
    window.prepare(EDITORS[plan.first])  # the first editor's page, before the edits begin
    state = {"applied": 0}

    def saved_state(saved: bool, error: str) -> None:
        if error:
            say("ERROR", error)
        elif saved:
            say("SAVED", state["applied"], time.monotonic())

    session.save_state_changed.connect(saved_state)

    def step() -> None:
        n = state["applied"] + 1
        if n > STEPS:
            session.flush()
            session.close()
            app.quit()
            return
        edit = plan.next(document)
        state["applied"] = n  # SAVED reported while the edit is applied counts it
        problem = window.do(edit)
        if problem:
            say("FAILED", n, edit.kind, edit.editor, problem)
            app.exit(3)
            return
        say("APPLIED", n, time.monotonic())
        if edit.kind == "open":
            say("EDITOR", edit.editor, time.monotonic())
        QTimer.singleShot(round(edit.pause * 1000), step)

    say("READY", time.monotonic())
    QTimer.singleShot(0, step)
    return app.exec()


class Window:
    """The section pages in one window, made when first needed, driven by keys as the
    facilitator drives them."""

    # Each kind of editor's page: its module in facilitator_app.gui and its class.
    PAGES = {
        "tree": ("activities", "ActivitiesPage"),
        "new-activity": ("activities", "ActivitiesPage"),
        "remark": ("vision", "VisionPage"),
        "vision": ("vision", "VisionPage"),
        "attendee": ("attendees", "AttendeesPage"),
        "new-attendee": ("attendees", "AttendeesPage"),
        "agenda": ("agenda", "AgendaPage"),
        "task": ("tasks", "TasksPage"),
        "details": ("details", "DetailsPage"),
    }

    def __init__(self, session: Any) -> None:
        from PySide6.QtWidgets import QTabWidget

        self.session = session
        self.tabs = QTabWidget()
        self.tabs.resize(1200, 800)
        self.pages: dict[str, Any] = {}
        self.tabs.show()
        self.tabs.activateWindow()

    def prepare(self, editor: str) -> None:
        from PySide6.QtWidgets import QApplication

        self.page(self.PAGES[editor])
        deadline = time.monotonic() + 5
        while QApplication.activeWindow() is not self.tabs and time.monotonic() < deadline:
            QApplication.processEvents()

    def page(self, where: tuple[str, str]) -> Any:
        module, name = where
        if name not in self.pages:
            section = importlib.import_module(f"facilitator_app.gui.sections.{module}.page")
            page = getattr(section, name)
            self.pages[name] = page(self.session)
            self.tabs.addTab(self.pages[name], name)
        return self.pages[name]

    def show(self, editor: str) -> Any:
        page = self.page(self.PAGES[editor])
        self.tabs.setCurrentWidget(page)
        return page

    def close_leftover(self) -> None:
        """Enter in a table's last row opened the next new row: close it (it holds nothing)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractItemView, QApplication

        for page in self.pages.values():
            table = getattr(page, "capture_table", None)
            if table is not None and table.state() == QAbstractItemView.State.EditingState:
                widget = QApplication.focusWidget()
                if widget is not None:
                    QTest.keyClick(widget, Qt.Key.Key_Escape)

    def do(self, edit: Edit) -> str:
        """Make the edit through the widgets; what went wrong, if anything."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

        if edit.kind in ("attendee", "move"):
            self.close_leftover()
            document = self.session.document
            (operation,) = operations(document, edit)
            return "" if self.session.push(operation, edit.kind) else "refused"
        if edit.kind == "open":
            self.close_leftover()
            self.open(edit)
            widget = QApplication.focusWidget()
            return "" if isinstance(widget, QLineEdit | QPlainTextEdit) else f"focus: {widget}"
        widget = QApplication.focusWidget()
        if not isinstance(widget, QLineEdit | QPlainTextEdit):
            return f"no editor has the focus: {widget}"
        if edit.kind == "end":
            QTest.keyClick(widget, getattr(Qt.Key, f"Key_{edit.key}"))
            return ""
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, edit.key),
            )
        return ""

    def open(self, edit: Edit) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QTextCursor
        from PySide6.QtTest import QTest

        page = self.show(edit.editor)
        document = self.session.document
        if edit.editor in ("tree", "new-activity"):
            page.select(page.model.index_for(document.node(edit.ids[0])))
            page.view.setFocus()
            key = Qt.Key.Key_F2 if edit.editor == "tree" else Qt.Key.Key_Return
            QTest.keyClick(page.view, key)  # Enter adds an activity below and edits it
        elif edit.editor == "remark":
            page.select_theme(edit.ids[0])
            page.add_remark()  # Insert: a new remark, its text in an editor
        elif edit.editor in ("attendee", "new-attendee", "agenda", "task"):
            table = page.capture_table
            table.setFocus()
            if not edit.ids:
                page.start_next_row()  # as Enter below the last record does
                return
            from facilitator_app.gui.sections.attendees.table_model import COLUMN_FIELDS

            row = page.model.row_of(edit.ids[0])
            column = COLUMN_FIELDS.index(edit.name) if edit.editor == "attendee" else 0
            table.setCurrentIndex(page.model.index(row, column))
            QTest.keyClick(table, Qt.Key.Key_F2)
        elif edit.editor == "details":
            field = {"place": page.placeEdit, "facilitator": page.facilitatorEdit}[edit.name]
            field.setFocus()
            field.end(False)
        else:  # vision
            page.select_theme(edit.ids[0])
            page.visionEdit.setFocus()
            page.visionEdit.moveCursor(QTextCursor.MoveOperation.End)


if __name__ == "__main__":
    sys.exit(main())
