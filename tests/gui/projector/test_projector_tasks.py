"""The agreed tasks on the wall: View ▸ Projector ▸ Agreed tasks (D).

Each task's text, its due date in the workshop's language and a done mark, never who does it;
kept current as tasks are added, edited and removed; a frozen wall's publish highlights the
tasks that changed.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from gui_helpers import WINDOW_SIZE, controller_on_plain_window, uniform
from PySide6.QtCore import QSettings, QSizeF, Qt
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QToolBar

from facilitator_app.gui.projector import highlights as highlights_module
from facilitator_app.gui.projector.builder import StateBuilder
from facilitator_app.gui.projector.changes import changed_keys, previous_texts
from facilitator_app.gui.projector.controller import ProjectorController
from facilitator_app.gui.projector.look import PALETTES
from facilitator_app.gui.projector.renderer import WallRenderer
from facilitator_app.gui.projector.state import Mode, TaskView, WallState
from facilitator_app.gui.sections.tasks.page import DONE_COLUMN, TEXT_COLUMN
from facilitator_app.workshop.events import FieldsChanged, Kind
from facilitator_app.workshop.model import Task
from facilitator_app.workshop.operations import (
    Batch,
    InsertRecord,
    MoveRecord,
    RemoveRecord,
    SetFields,
)

WALL = QSizeF(1920, 1080)
# Who does a task is a person: the owners name attendees of the demo and its facilitator.
TASKS = [
    Task(0, "Rozeslat zápis účastníkům", "", date(2026, 5, 26)),
    Task(0, "Doplnit vizi o cyklostezky", "", date(2026, 6, 15), done=True),
    Task(0, "Zajistit sál na další setkání", "Pracovník ORK"),
    Task(0, "Ověřit kapacitu úkrytů", "Pracovník ORK", done=True),
]
CZECH_DUE = "termín: úterý 26. května 2026"
ENGLISH_DUE = "due: Tuesday, 26 May 2026"


# --- fixtures -------------------------------------------------------------------------------------


@pytest.fixture
def window(window_factory, demo_document) -> QMainWindow:
    return window_factory(demo_document, size=WINDOW_SIZE, wall_mode=Mode.TASKS)


def owners(window) -> list[str]:
    """Names that must never reach the wall: every attendee's and the facilitator's."""
    data = window.session.document.data
    return [attendee.name for attendee in data.attendees] + [data.details.facilitator]


@pytest.fixture
def task_ids(window, projector, qtbot) -> list[int]:
    """The four tasks, each owned by someone named (an attendee, or the facilitator)."""
    session = window.session
    document = session.document
    names = owners(window)
    inserts = []
    for position, task in enumerate(TASKS):
        owner = task.owner or names[position]
        record = Task(document.new_id(Kind.TASK), task.text, owner, task.due, task.done)
        inserts.append(InsertRecord(Kind.TASK, 0, position, record))
    with qtbot.waitSignal(projector.shown_changed):
        session.push(Batch(tuple(inserts)), "Tasks")
    return [task.id for task in document.data.tasks]


def page_texts(projector: ProjectorController, state: WallState | None = None) -> list[str]:
    page = projector.renderer.page(state or projector.shown, Mode.TASKS)
    return [block.text for block in page.blocks]


def set_language(window, projector, qtbot, language: str) -> None:
    with qtbot.waitSignal(projector.shown_changed):
        window.session.push(SetFields(Kind.DETAILS, 0, {"language": language}), "Language")


def count_colour(image: QImage, colour: str) -> int:
    wanted = QColor(colour).rgb()
    return sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixel(x, y) == wanted
    )


# --- what the room sees ---------------------------------------------------------------------------


def test_every_task_with_its_due_date_and_done_mark_and_no_owner(projector, window, task_ids):
    page = projector.renderer.page(projector.shown, Mode.TASKS)
    texts = [block.text for block in page.blocks]
    shown = "\n".join(texts)
    assert texts[0] == "Dohodnuté úkoly"
    for task in TASKS:
        assert task.text in texts
    assert CZECH_DUE in texts
    assert "termín: pondělí 15. června 2026 · ✓\u00a0splněno" in texts
    assert "✓\u00a0splněno" in texts  # done, no date
    # Each task: its text, then its line (when it has a date or is done); in the tab's order.
    keys = [block.key for block in page.blocks]
    first, second, third, fourth = task_ids
    assert keys == [
        ("tasks",),
        ("task", first),
        ("task", first, "meta"),
        ("task", second),
        ("task", second, "meta"),
        ("task", third),
        ("task", fourth),
        ("task", fourth, "meta"),
    ]
    assert all(task.owner for task in window.session.document.data.tasks)
    for name in owners(window):
        assert name not in shown
    # The snapshot does not even hold who does a task.
    assert [f.name for f in dataclasses.fields(TaskView)] == ["id", "text", "due", "done"]
    assert all(name not in repr(projector.shown.tasks) for name in owners(window))


def test_a_task_added_edited_moved_and_removed_in_the_session_reaches_the_wall(
    projector, window, qtbot, task_ids
):
    session, document = window.session, window.session.document
    task = Task(document.new_id(Kind.TASK), "Svolat další setkání", "Pracovník ORK")
    with qtbot.waitSignal(projector.shown_changed):
        session.push(InsertRecord(Kind.TASK, 0, 4, task), "Add task")
    assert page_texts(projector)[-1] == "Svolat další setkání"
    with qtbot.waitSignal(projector.shown_changed):
        session.push(SetFields(Kind.TASK, task.id, {"text": "Svolat setkání v září"}), "Edit")
    assert "Svolat setkání v září" in page_texts(projector)
    assert "Svolat další setkání" not in page_texts(projector)
    with qtbot.waitSignal(projector.shown_changed):
        session.push(SetFields(Kind.TASK, task.id, {"due": date(2026, 5, 26)}), "Due")
    assert page_texts(projector)[-1] == CZECH_DUE
    with qtbot.waitSignal(projector.shown_changed):
        session.push(SetFields(Kind.TASK, task.id, {"done": True}), "Done")
    assert page_texts(projector)[-1] == CZECH_DUE + " · ✓\u00a0splněno"
    with qtbot.waitSignal(projector.shown_changed):
        session.push(MoveRecord(Kind.TASK, task.id, 0), "Move")
    assert page_texts(projector)[1] == "Svolat setkání v září"
    with qtbot.waitSignal(projector.shown_changed):
        session.push(RemoveRecord(Kind.TASK, task.id), "Remove")
    assert "Svolat setkání v září" not in page_texts(projector)
    assert [view.id for view in projector.shown.tasks] == task_ids
    with qtbot.waitSignal(projector.shown_changed):
        session.undo_stack.undo()  # the removal
    assert page_texts(projector)[1] == "Svolat setkání v září"


def test_edits_in_the_tasks_tab_reach_the_wall(projector, window, qtbot, task_ids):
    page = window.page("tasks")
    model = page.model
    with qtbot.waitSignal(projector.shown_changed):
        assert model.setData(model.index(0, TEXT_COLUMN), "Rozeslat zápis do pátku")
    assert "Rozeslat zápis do pátku" in page_texts(projector)
    with qtbot.waitSignal(projector.shown_changed):
        model.setData(
            model.index(0, DONE_COLUMN), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    assert projector.shown.tasks[0].done
    assert CZECH_DUE + " · ✓\u00a0splněno" in page_texts(projector)
    page.select_id(task_ids[2])
    with qtbot.waitSignal(projector.shown_changed):
        page.remove_selected()
    assert TASKS[2].text not in page_texts(projector)
    assert len(projector.shown.tasks) == 3


def test_changing_who_does_a_task_leaves_the_wall_as_it_was(projector, window, qtbot, task_ids):
    before = projector.live
    with qtbot.waitSignal(projector.live_changed):
        window.session.push(SetFields(Kind.TASK, task_ids[0], {"owner": "Jana Nová"}), "Who")
    assert projector.live is before  # no new snapshot: the wall has nothing to show
    assert "Jana Nová" not in "\n".join(page_texts(projector))


def test_a_task_event_makes_new_tasks_and_nothing_else(session):
    builder = StateBuilder(session.document)
    first = builder.rebuild()
    assert first.tasks == ()
    task = Task(session.document.new_id(Kind.TASK), "Rozeslat zápis", "Jana", date(2026, 5, 26))
    session.push(InsertRecord(Kind.TASK, 0, 0, task), "Add task")
    from facilitator_app.workshop.events import RecordsInserted

    second = builder.apply(RecordsInserted(Kind.TASK, 0, 0, 1))
    assert second.tasks == (TaskView(task.id, "Rozeslat zápis", date(2026, 5, 26), False),)
    for name in ("title", "themes", "outline", "focus"):
        assert getattr(second, name) is getattr(first, name), name
    session.push(SetFields(Kind.TASK, task.id, {"done": True}), "Done")
    third = builder.apply(FieldsChanged(Kind.TASK, task.id, frozenset({"done"})))
    assert third.tasks[0].done
    assert third.outline is first.outline
    assert changed_keys(second, third) == {("task", task.id), ("task", task.id, "meta")}
    session.push(SetFields(Kind.TASK, task.id, {"owner": "Petr"}), "Who")
    assert builder.apply(FieldsChanged(Kind.TASK, task.id, frozenset({"owner"}))) is third


# --- languages and the empty page -----------------------------------------------------------------


def test_the_wall_writes_tasks_in_the_workshops_language(projector, window, qtbot, task_ids):
    texts = page_texts(projector)
    assert texts[0] == "Dohodnuté úkoly"
    assert CZECH_DUE in texts
    set_language(window, projector, qtbot, "en")
    texts = page_texts(projector)
    assert texts[0] == "Agreed tasks"
    assert ENGLISH_DUE in texts
    assert "due: Monday, 15 June 2026 · ✓\u00a0done" in texts
    assert "✓\u00a0done" in texts
    assert not any("termín" in text or "splněno" in text for text in texts)
    set_language(window, projector, qtbot, "cs")
    assert CZECH_DUE in page_texts(projector)


def test_with_no_tasks_the_wall_says_so(projector, window, qtbot):
    assert window.session.document.data.tasks == []
    page = projector.renderer.page(projector.shown, Mode.TASKS)
    assert [block.text for block in page.blocks] == ["Zatím žádné úkoly"]
    assert page.center
    set_language(window, projector, qtbot, "en")
    assert page_texts(projector) == ["No tasks yet"]
    assert not uniform(projector.render_image(WALL))


# --- freeze and publish ---------------------------------------------------------------------------


def test_publish_highlights_the_tasks_that_changed(projector, window, qtbot, monkeypatch, task_ids):
    monkeypatch.setattr(highlights_module, "HIGHLIGHT_HOLD_S", 0.3)
    monkeypatch.setattr(highlights_module, "HIGHLIGHT_FADE_S", 0.05)
    session = window.session
    first, second, third, _fourth = task_ids
    projector.freeze_action.trigger()  # F
    # The renderer's first paint of a page can differ from later ones in a few antialiased
    # pixels (remarks pages too): compare with a second paint.
    projector.render_image(WALL)
    before = projector.render_image(WALL)
    with qtbot.waitSignal(projector.live_changed):
        session.push(SetFields(Kind.TASK, first, {"text": "Rozeslat zápis všem účastníkům"}), "E")
    with qtbot.waitSignal(projector.live_changed):
        session.push(SetFields(Kind.TASK, third, {"done": True}), "Done")
    with qtbot.waitSignal(projector.live_changed):
        session.push(SetFields(Kind.TASK, second, {"owner": "Jana Nová"}), "Who")
    new = Task(session.document.new_id(Kind.TASK), "Svolat další setkání", "", date(2026, 9, 1))
    with qtbot.waitSignal(projector.live_changed):
        session.push(InsertRecord(Kind.TASK, 0, 4, new), "Add task")
    assert "Svolat další setkání" not in page_texts(projector)  # the room sees no change
    assert projector.render_image(WALL) == before
    with qtbot.waitSignal(projector.shown_changed):
        projector.freeze_action.trigger()  # F again: publish
    assert "Svolat další setkání" in page_texts(projector)
    assert set(projector.highlights) == {
        ("task", first),  # its text: the words that changed
        ("task", third),  # done: the task and its new line
        ("task", third, "meta"),
        ("task", new.id),
        ("task", new.id, "meta"),
    }  # a new owner shows nothing: nothing to highlight
    assert projector.highlighter.previous_texts[("task", first)] == "Rozeslat zápis účastníkům"
    highlighted = projector.render_image(WALL)
    assert count_colour(highlighted, PALETTES["light"].changed) > 100
    qtbot.waitUntil(lambda: not projector.highlights)
    assert count_colour(projector.render_image(WALL), PALETTES["light"].changed) == 0


def test_previous_texts_of_tasks():
    old = WallState(1, tasks=(TaskView(1, "Rozeslat zápis", None, False),))
    new = WallState(2, tasks=(TaskView(1, "Rozeslat zápis všem", None, False),))
    keys = changed_keys(old, new)
    assert keys == {("task", 1)}
    assert previous_texts(old, keys) == {("task", 1): "Rozeslat zápis"}


# --- the action, its key, its place and its setting -----------------------------------------------


def test_the_tasks_action_has_its_key_icon_and_places(projector, window):
    action = projector.mode_actions[Mode.TASKS]
    assert action.shortcuts() == [QKeySequence("D")]
    assert not action.icon().isNull()
    assert action in projector.menu.actions()
    toolbar = projector.dock.findChild(QToolBar, "wallModes")
    assert action in toolbar.actions()
    assert action in projector.mode_group.actions()
    # No other action of the window takes D (an ambiguous shortcut fires neither).
    for name in ("details", "attendees", "vision", "activities", "agenda", "tasks"):
        window.page(name)
    taking_d = {
        other
        for other in window.findChildren(QAction) + projector.findChildren(QAction)
        if QKeySequence("D") in other.shortcuts()
    }
    assert taking_d == {action}


def test_d_shows_the_tasks_from_the_preview_and_types_inside(projector, window, qtbot):
    projector.set_mode(Mode.ACTIVITIES)
    window.activateWindow()
    qtbot.waitActive(window)
    projector.preview.setFocus()
    with qtbot.waitSignal(projector.shown_changed):
        qtbot.keyClick(projector.preview, Qt.Key.Key_D)
    assert projector.mode is Mode.TASKS
    assert projector.mode_actions[Mode.TASKS].isChecked()
    projector.set_mode(Mode.ACTIVITIES)
    page = window.page("activities")
    page.select(page.model.index(1, 0, page.model.index(0, 0)))
    page.view.edit(page.view.currentIndex())
    editor = page.view.findChild(QLineEdit)
    assert editor is not None
    editor.clear()
    qtbot.keyClicks(editor, "dd")
    assert editor.text() == "dd"
    assert projector.mode is Mode.ACTIVITIES


def test_the_tasks_mode_is_remembered(qtbot, tmp_path):
    first = controller_on_plain_window(qtbot, tmp_path / "p.ini")
    first.mode_actions[Mode.TASKS].trigger()
    first.settings.sync()
    assert QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat).value(
        "projector/mode"
    ) == ("tasks")
    again = controller_on_plain_window(qtbot, tmp_path / "p.ini")
    assert again.mode is Mode.TASKS
    assert again.mode_actions[Mode.TASKS].isChecked()


# --- painting -------------------------------------------------------------------------------------


def test_the_tasks_page_paints_at_full_hd(projector, window, task_ids, tmp_path):
    image = projector.render_image(WALL)
    image.save(str(tmp_path / "tasks-wall.png"))
    assert (image.width(), image.height()) == (1920, 1080)
    assert not uniform(image)
    layout = projector.renderer.layout(projector.shown, Mode.TASKS, WALL)
    assert layout.fits
    assert len(layout.placed) == len(projector.renderer.page(projector.shown, Mode.TASKS).blocks)
    for placed in layout.placed:
        assert layout.content.contains(placed.rect), placed.block.text


def test_a_renderer_alone_lays_out_many_tasks(qapp):
    tasks = tuple(
        TaskView(
            n, f"Úkol číslo {n} s delším popisem toho, co se dohodlo", date(2026, 6, 1), bool(n % 2)
        )
        for n in range(1, 41)
    )
    state = WallState(1, tasks=tasks)
    renderer = WallRenderer()
    layout = renderer.layout(state, Mode.TASKS, WALL)
    assert not layout.fits  # forty tasks scroll at the readable minimum
    assert layout.more_below
    assert layout.placed[0].block.text == "Dohodnuté úkoly"
