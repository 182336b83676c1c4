"""Every item editor writes as it is typed into: the activity tree's (F2 and a new activity),
the remarks' cells, the themes' names, and the attendees', agenda's and tasks' cells (their new
rows too). While the editor is open the document holds the typing, and the file within a
second; Esc takes it back and leaves no undo step; a commit adds no step (one per pause)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import shiboken6
from gui_helpers import focus, key_clicks
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from facilitator_app.gui.core.commands import TYPING_PAUSE_SECONDS, TypingCommand
from facilitator_app.gui.sections.activities.page import ActivitiesPage
from facilitator_app.gui.sections.agenda.page import AgendaPage
from facilitator_app.gui.sections.attendees.page import NAME_COLUMN, NOTE_COLUMN, AttendeesPage
from facilitator_app.gui.sections.tasks.page import OWNER_COLUMN, TasksPage
from facilitator_app.gui.sections.tasks.page import TEXT_COLUMN as TASK_TEXT_COLUMN
from facilitator_app.gui.sections.vision.models import AUTHOR_COLUMN, RESPONSE_COLUMN, TEXT_COLUMN
from facilitator_app.gui.sections.vision.page import VisionPage
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import AgendaItem, Remark, Task
from facilitator_app.workshop.operations import InsertRecord, SetFields
from facilitator_app.workshop.store.storage import Storage

REMARK_ID, AGENDA_ID, TASK_ID = 501, 601, 701


@pytest.fixture
def workshop(session):
    """The demo workshop with a remark on Energetika, an agenda item and a task (no steps)."""
    document = session.document
    document.apply(InsertRecord(Kind.REMARK, 1, 0, Remark(REMARK_ID, "Chybí zmínka o teplárnách")))
    document.apply(InsertRecord(Kind.AGENDA, 0, 0, AgendaItem(AGENDA_ID, "Úvod", 10)))
    document.apply(InsertRecord(Kind.TASK, 0, 0, Task(TASK_ID, "Rozeslat zápis")))
    return session


# --- the editors ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One kind of item editor: the page it is on, how it opens, the field it writes."""

    id: str
    page: Callable[[Any], QWidget]
    view: Callable[[Any], QAbstractItemView]
    open: Callable[[Any, Any], None]  # (qtbot, page): the editor opens with the focus
    value: Callable[[Any], Any]  # the field in a workshop's data; None: no such record
    empty_refusal: bool = False  # a commit of an empty text says so on session.refused
    refuses_empty: bool = True
    strips: bool = True  # spaces around the text are not stored


def edit_key(qtbot, view: QAbstractItemView, index: QModelIndex) -> None:
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)


def tree_item(page: ActivitiesPage, row: int) -> QModelIndex:
    return page.model.index(row, 0, page.model.index(0, 0))


def open_tree(qtbot, page: ActivitiesPage) -> None:
    page.select(tree_item(page, 0))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F2)


def open_new_activity(qtbot, page: ActivitiesPage) -> None:
    page.select(tree_item(page, 1))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # adds an activity below and edits it


def open_remark(column: int) -> Callable[[Any, VisionPage], None]:
    def open_(qtbot, page: VisionPage) -> None:
        edit_key(qtbot, page.remarksTable, page.remarks.index(0, column))

    return open_


def open_theme(qtbot, page: VisionPage) -> None:
    edit_key(qtbot, page.themeList, page.themes.index(1))


def open_cell(row: int, column: int) -> Callable[[Any, Any], None]:
    def open_(qtbot, page: Any) -> None:
        edit_key(qtbot, page.capture_table, page.model.index(row, column))

    return open_


def open_new_row(qtbot, page: Any) -> None:
    page.capture_table.setFocus()
    page.start_next_row()


def remark(data: Any) -> Remark:
    return data.themes[0].remarks[0]


def last(records: list[Any], count: int, field: str) -> Any:
    """The field of the record after the first ``count`` (one typed in the new row)."""
    return getattr(records[count], field) if len(records) > count else None


CASES = [
    Case(
        "tree-f2",
        ActivitiesPage,
        lambda page: page.view,
        open_tree,
        lambda data: data.blocks[0].children[0].text,
    ),
    Case(
        "tree-new-activity",
        ActivitiesPage,
        lambda page: page.view,
        open_new_activity,
        lambda data: data.blocks[0].children[2].text,
    ),
    Case(
        "tree-note",
        ActivitiesPage,
        lambda page: page.view,
        lambda qtbot, page: edit_key(qtbot, page.view, tree_item(page, 0).siblingAtColumn(2)),
        lambda data: data.blocks[0].children[0].note,
        refuses_empty=False,
        strips=False,
    ),
    Case(
        "remark-text",
        VisionPage,
        lambda page: page.remarksTable,
        open_remark(TEXT_COLUMN),
        lambda data: remark(data).text,
        empty_refusal=True,
    ),
    Case(
        "remark-response",
        VisionPage,
        lambda page: page.remarksTable,
        open_remark(RESPONSE_COLUMN),
        lambda data: remark(data).response,
        refuses_empty=False,
    ),
    Case(
        "remark-author",
        VisionPage,
        lambda page: page.remarksTable,
        open_remark(AUTHOR_COLUMN),
        lambda data: remark(data).author,
        refuses_empty=False,
    ),
    Case(
        "theme-name",
        VisionPage,
        lambda page: page.themeList,
        open_theme,
        lambda data: data.themes[1].name,
    ),
    Case(
        "attendee-name",
        AttendeesPage,
        lambda page: page.capture_table,
        open_cell(2, NAME_COLUMN),
        lambda data: data.attendees[2].name,
        empty_refusal=True,
    ),
    Case(
        "attendee-note",
        AttendeesPage,
        lambda page: page.capture_table,
        open_cell(2, NOTE_COLUMN),
        lambda data: data.attendees[2].note,
        refuses_empty=False,
    ),
    Case(
        "attendee-new-row",
        AttendeesPage,
        lambda page: page.capture_table,
        open_new_row,
        lambda data: last(data.attendees, 10, "name"),
    ),
    Case(
        "agenda-title",
        AgendaPage,
        lambda page: page.capture_table,
        open_cell(0, 0),
        lambda data: data.agenda[0].title,
        empty_refusal=True,
    ),
    Case(
        "agenda-new-row",
        AgendaPage,
        lambda page: page.capture_table,
        open_new_row,
        lambda data: last(data.agenda, 1, "title"),
    ),
    Case(
        "task-text",
        TasksPage,
        lambda page: page.capture_table,
        open_cell(0, TASK_TEXT_COLUMN),
        lambda data: data.tasks[0].text,
        empty_refusal=True,
    ),
    Case(
        "task-owner",
        TasksPage,
        lambda page: page.capture_table,
        open_cell(0, OWNER_COLUMN),
        lambda data: data.tasks[0].owner,
        refuses_empty=False,
    ),
    Case(
        "task-new-row",
        TasksPage,
        lambda page: page.capture_table,
        open_new_row,
        lambda data: last(data.tasks, 1, "text"),
    ),
]


@pytest.fixture(params=CASES, ids=[case.id for case in CASES])
def case(request) -> Case:
    return request.param


@dataclass
class Opened:
    case: Case
    page: Any
    view: QAbstractItemView
    editor: QLineEdit
    before: Any  # the field's value when the editor opened
    steps: int  # the undo stack's steps then


def shown(qtbot, page: QWidget) -> QWidget:
    """The page in its own active window, as the keys need it."""
    qtbot.addWidget(page)
    page.resize(1200, 750)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


@pytest.fixture
def opened(qtbot, workshop, case: Case) -> Opened:
    page = shown(qtbot, case.page(workshop))
    case.open(qtbot, page)
    editor = focus()
    assert isinstance(editor, QLineEdit)
    view = case.view(page)
    assert view.state() == QAbstractItemView.State.EditingState
    return Opened(case, page, view, editor, case.value(workshop.data), workshop.undo_stack.count())


def value(opened: Opened, session) -> Any:
    return opened.case.value(session.data)


def in_file(opened: Opened, session) -> Any:
    """The field as a fresh read of the file has it (nothing flushed for it)."""
    return opened.case.value(Storage.read(session.path))


def written(qtbot, session) -> None:
    """Wait for the flush timer to write the typing."""
    qtbot.waitUntil(lambda: session.document.is_saved)


keys = key_clicks  # typed as a user types, Czech letters too


def pause(session) -> None:
    """As if the typist paused after the last keystroke: the next one starts a new step."""
    stack = session.undo_stack
    command = stack.command(stack.index() - 1)
    assert isinstance(command, TypingCommand)
    command.pushed_at -= TYPING_PAUSE_SECONDS + 1


def closed(editor: QLineEdit) -> bool:
    return not shiboken6.isValid(editor) or not editor.isVisible()


def end(qtbot, opened: Opened, key: Qt.Key) -> None:
    qtbot.keyClick(opened.editor, key)
    qtbot.waitUntil(lambda: closed(opened.editor))
    if opened.case.id in ("tree-f2", "tree-new-activity") and key == Qt.Key.Key_Return:
        # The tree is an outliner: Enter opened the next activity too. Esc in that untouched
        # row leaves nothing of it, so only the editing under test is on the stack.
        qtbot.waitUntil(lambda: opened.view.state() == QAbstractItemView.State.EditingState)
        qtbot.keyClick(focus(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: opened.view.state() != QAbstractItemView.State.EditingState)


# --- the tests -----------------------------------------------------------------------------


def test_typing_is_in_the_document_and_the_file_while_the_editor_is_open(
    qtbot, workshop, opened: Opened
) -> None:
    assert opened.before != "Nové místo"
    keys(qtbot, opened.editor, "Nové místo")
    assert value(opened, workshop) == "Nové místo"
    # The document's change did not load the editor again: text and caret are as typed.
    assert opened.view.state() == QAbstractItemView.State.EditingState
    assert opened.editor.text() == "Nové místo"
    assert opened.editor.cursorPosition() == len("Nové místo")
    written(qtbot, workshop)
    assert in_file(opened, workshop) == "Nové místo"
    assert not closed(opened.editor)


def test_typing_in_the_middle_keeps_the_caret(qtbot, workshop, opened: Opened) -> None:
    keys(qtbot, opened.editor, "Kraj")
    opened.editor.setCursorPosition(1)
    keys(qtbot, opened.editor, "rr")
    assert opened.editor.text() == "Krrraj"
    assert opened.editor.cursorPosition() == 3
    assert value(opened, workshop) == "Krrraj"


def test_the_editor_keeps_its_text_when_the_document_tidies_it(
    qtbot, workshop, opened: Opened
) -> None:
    keys(qtbot, opened.editor, " Kraj")
    assert value(opened, workshop) == ("Kraj" if opened.case.strips else " Kraj")
    assert opened.editor.text() == " Kraj"
    assert opened.editor.cursorPosition() == 5


def test_escape_takes_every_step_of_the_editing_back(qtbot, workshop, opened: Opened) -> None:
    keys(qtbot, opened.editor, "Nové")
    pause(workshop)
    keys(qtbot, opened.editor, " místo")
    assert workshop.undo_stack.count() == opened.steps + 2
    end(qtbot, opened, Qt.Key.Key_Escape)
    assert value(opened, workshop) == opened.before
    # No step is left for the editing, neither to undo nor to redo.
    assert workshop.undo_stack.count() == opened.steps
    assert workshop.undo_stack.index() == opened.steps
    written(qtbot, workshop)
    assert in_file(opened, workshop) == opened.before


def test_a_commit_adds_no_step_one_step_per_pause_and_undo_redo_work(
    qtbot, workshop, opened: Opened
) -> None:
    stack = workshop.undo_stack
    keys(qtbot, opened.editor, "Nové")
    pause(workshop)
    keys(qtbot, opened.editor, " místo")
    end(qtbot, opened, Qt.Key.Key_Return)
    assert value(opened, workshop) == "Nové místo"
    assert in_file(opened, workshop) == "Nové místo"  # a commit writes at once
    assert stack.count() == opened.steps + 2
    stack.undo()
    assert value(opened, workshop) == "Nové"
    stack.undo()
    assert value(opened, workshop) == opened.before
    stack.redo()
    assert value(opened, workshop) == "Nové"
    stack.redo()
    assert value(opened, workshop) == "Nové místo"
    assert stack.count() == opened.steps + 2


REFUSING_EMPTY = [case for case in CASES if case.refuses_empty]


@pytest.mark.parametrize("case", REFUSING_EMPTY, ids=[case.id for case in REFUSING_EMPTY])
def test_an_emptied_editor_pushes_nothing_and_its_commit_is_refused_as_before(
    qtbot, workshop, opened: Opened
) -> None:
    refusals: list[str] = []
    workshop.refused.connect(refusals.append)
    keys(qtbot, opened.editor, "ab")
    qtbot.keyClick(opened.editor, Qt.Key.Key_Backspace)
    steps = workshop.undo_stack.count()
    qtbot.keyClick(opened.editor, Qt.Key.Key_Backspace)
    assert opened.editor.text() == ""
    # The last text the document takes stays, nothing more is pushed and nothing is said.
    assert value(opened, workshop) == "a"
    assert workshop.undo_stack.count() == steps
    assert refusals == []
    end(qtbot, opened, Qt.Key.Key_Return)
    # As a commit of an empty text always was: refused, the field as before the editing.
    assert value(opened, workshop) == opened.before
    assert workshop.undo_stack.count() == opened.steps
    assert len(refusals) == (1 if opened.case.empty_refusal else 0)
    written(qtbot, workshop)
    assert in_file(opened, workshop) == opened.before


# --- particular editors --------------------------------------------------------------------


def new_row_page(qtbot, workshop) -> Any:
    page = shown(qtbot, AttendeesPage(workshop))
    open_new_row(qtbot, page)
    return page


def test_the_first_keystroke_in_the_new_row_adds_the_record_under_the_open_editor(
    qtbot, workshop
) -> None:
    page = new_row_page(qtbot, workshop)
    editor = focus()
    model, table = page.model, page.capture_table
    assert model.rowCount() == 11
    keys(qtbot, editor, "J")
    # The new row became the person; the editor stayed on it, a new row opened below.
    assert [a.name for a in workshop.data.attendees][10:] == ["J"]
    assert model.rowCount() == 12
    assert table.indexWidget(model.index(10, NAME_COLUMN)) is editor
    assert model.headerData(10, Qt.Orientation.Vertical) == "11"
    assert model.headerData(11, Qt.Orientation.Vertical) == "+"
    keys(qtbot, editor, "ana Malá")
    assert workshop.undo_stack.count() == 1
    assert workshop.undo_stack.undoText() == "Add Jana Malá"  # named anew as it grows
    assert focus() is editor
    # Tab goes on to the person's organisation, as before.
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.currentIndex().column() == 1)
    assert table.currentIndex().row() == 10
    assert table.state() == QAbstractItemView.State.EditingState
    assert [a.name for a in workshop.data.attendees][10:] == ["Jana Malá"]
    workshop.undo_stack.undo()
    assert len(workshop.data.attendees) == 10
    workshop.undo_stack.redo()
    assert workshop.data.attendees[10].name == "Jana Malá"


def test_escape_in_the_new_row_takes_the_record_away_and_the_row_is_new_again(
    qtbot, workshop
) -> None:
    page = new_row_page(qtbot, workshop)
    editor = focus()
    keys(qtbot, editor, "Jana")
    assert page.model.rowCount() == 12
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert len(workshop.data.attendees) == 10
    assert page.model.rowCount() == 11
    assert page.model.headerData(10, Qt.Orientation.Vertical) == "+"
    assert workshop.undo_stack.count() == 0


def test_read_only_typing_is_refused_once_at_the_commit(qtbot, workshop) -> None:
    new_row_page(qtbot, workshop)
    editor = focus()
    workshop.document.read_only = True
    refusals: list[str] = []
    workshop.refused.connect(refusals.append)
    keys(qtbot, editor, "Jana")
    assert refusals == []
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert len(refusals) == 1
    assert "read-only" in refusals[0]
    assert len(workshop.data.attendees) == 10
    workshop.document.read_only = False


def test_the_new_row_turning_into_a_record_and_back_keeps_the_model_consistent(
    qtmodeltester, workshop
) -> None:
    from facilitator_app.gui.core.session import LiveTyping
    from facilitator_app.gui.sections.attendees.table_model import AttendeeTableModel

    model = AttendeeTableModel(workshop)
    qtmodeltester.check(model, force_py=True)
    typing = LiveTyping()
    with workshop.typing(typing):
        assert model.setData(model.index(10, NAME_COLUMN), "J")
    assert model.rowCount() == 12
    assert model.index(10, NAME_COLUMN).data() == "J"
    assert model.typed_record == workshop.data.attendees[10].id
    workshop.cancel_typing(typing)
    assert model.rowCount() == 11
    assert model.index(10, NAME_COLUMN).data(Qt.ItemDataRole.EditRole) == ""
    assert model.typed_record is None


def test_a_theme_renamed_through_another_themes_name_says_nothing_on_the_way(
    qtbot, workshop
) -> None:
    page = shown(qtbot, VisionPage(workshop))
    refusals: list[str] = []
    page.themes.refused.connect(refusals.append)
    open_theme(qtbot, page)
    keys(qtbot, focus(), "Energetika 2")  # "Energetika" on the way is the first theme's name
    assert refusals == []
    assert workshop.data.themes[1].name == "Energetika 2"
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.themeList.state() != QAbstractItemView.State.EditingState)
    assert refusals == []
    assert workshop.undo_stack.count() == 1


def tree_page(qtbot, workshop) -> Any:
    page = shown(qtbot, ActivitiesPage(workshop))
    open_tree(qtbot, page)
    return page


def test_a_change_of_another_field_of_the_row_leaves_the_open_editor_alone(qtbot, workshop) -> None:
    page = shown(qtbot, VisionPage(workshop))
    open_remark(RESPONSE_COLUMN)(qtbot, page)
    editor = focus()
    keys(qtbot, editor, " Přijato")
    workshop.push(SetFields(Kind.REMARK, REMARK_ID, {"status": "accepted"}), "Set the status")
    assert editor.text() == " Přijato"
    assert editor.cursorPosition() == 8
    assert remark(workshop.data).response == "Přijato"


def test_an_undo_from_the_menu_shows_in_the_open_editor(qtbot, workshop) -> None:
    tree_page(qtbot, workshop)
    editor = focus()
    assert isinstance(editor, QLineEdit)
    keys(qtbot, editor, "Kryty")
    pause(workshop)
    keys(qtbot, editor, " všude")
    workshop.undo_stack.undo()  # as Edit ▸ Undo does, the editor keeping its focus
    assert workshop.data.blocks[0].children[0].text == "Kryty"
    assert editor.text() == "Kryty"


def test_escape_after_a_step_made_meanwhile_takes_the_typing_back_with_one_more(
    qtbot, workshop
) -> None:
    page = tree_page(qtbot, workshop)
    editor = focus()
    before = workshop.data.blocks[0].children[0].text
    keys(qtbot, editor, "Kryty")
    other = workshop.data.blocks[0].children[1]
    # A key that works from everywhere (the agenda's F7, say) makes a step meanwhile.
    workshop.push(SetFields(Kind.NODE, other.id, {"votes": 3}), "Set votes")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)
    assert workshop.data.blocks[0].children[0].text == before
    assert other.votes == 3
    workshop.undo_stack.undo()  # the step that took the typing back
    workshop.undo_stack.undo()  # the votes
    assert other.votes == 0


@pytest.mark.parametrize(
    "field", ["titleEdit", "placeEdit", "facilitatorEdit", "organizerEdit", "visionIntroEdit"]
)
def test_every_details_field_is_in_the_file_while_the_facilitator_stays_in_it(
    qtbot, workshop, field: str
) -> None:
    from facilitator_app.gui.sections.details.page import DetailsPage

    page = shown(qtbot, DetailsPage(workshop))
    widget = getattr(page, field)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    keys(qtbot, widget, "Xy")
    names = {
        "titleEdit": "title",
        "placeEdit": "place",
        "facilitatorEdit": "facilitator",
        "organizerEdit": "organizer_label",
        "visionIntroEdit": "vision_intro",
    }
    typed = getattr(workshop.data.details, names[field])
    assert "Xy" in typed
    written(qtbot, workshop)
    assert getattr(Storage.read(workshop.path).details, names[field]) == typed
    assert QApplication.focusWidget() is widget
