"""The Tasks section: capture by keyboard (what, who, by when), done, remove, undo, the file."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import drop_on, focus, press, saved_data, show_page, type_text
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from facilitator_app.gui.sections.tasks.page import TasksPage
from facilitator_app.gui.sections.tasks.table_model import (
    DONE_COLUMN,
    DUE_COLUMN,
    OWNER_COLUMN,
    TEXT_COLUMN,
    DueDateEdit,
    TaskTableModel,
)
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import Task
from facilitator_app.workshop.operations import Batch, InsertRecord

TASKS = [
    Task(0, "Rozeslat zápis účastníkům", "Pracovník ORK", date(2026, 5, 26)),
    Task(0, "Doplnit vizi o cyklostezky", "Účastník 3", date(2026, 6, 15)),
    Task(0, "Zajistit sál na další setkání", done=True),
]


@pytest.fixture
def tasks(session) -> list[int]:
    document = session.document
    inserts = []
    for position, task in enumerate(TASKS):
        record = Task(document.new_id(Kind.TASK), task.text, task.owner, task.due, task.done)
        inserts.append(InsertRecord(Kind.TASK, 0, position, record))
    session.push(Batch(tuple(inserts)), "Tasks")
    session.undo_stack.clear()
    return [task.id for task in document.data.tasks]


@pytest.fixture
def page(qtbot, session) -> TasksPage:
    widget = TasksPage(session)
    show_page(qtbot, widget, widget.table, 1000, 500)
    return widget


def texts(session) -> list[str]:
    return [task.text for task in session.document.data.tasks]


def saved_tasks(session) -> list[Task]:
    return saved_data(session).tasks


def test_the_model_passes_the_model_tester(qtmodeltester, session, tasks) -> None:
    model = TaskTableModel(session)
    qtmodeltester.check(model, force_py=True)
    model.setData(
        model.index(0, DONE_COLUMN), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    model.setData(model.index(1, DUE_COLUMN), None)
    qtmodeltester.check(model, force_py=True)


def test_rows_show_the_task_who_when_and_done(session, tasks) -> None:
    model = TaskTableModel(session)
    assert model.rowCount() == len(TASKS) + 1  # and the new-task row
    assert model.index(0, TEXT_COLUMN).data() == "Rozeslat zápis účastníkům"
    assert model.index(0, OWNER_COLUMN).data() == "Pracovník ORK"
    assert model.index(0, DUE_COLUMN).data() == "26 May 2026"
    assert model.index(0, DUE_COLUMN).data(Qt.ItemDataRole.EditRole) == QDate(2026, 5, 26)
    assert model.index(2, DUE_COLUMN).data() == ""
    assert model.index(2, DONE_COLUMN).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(2, TEXT_COLUMN).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert model.index(3, TEXT_COLUMN).data() == "Type what was agreed to add a task…"
    assert not model.flags(model.index(3, OWNER_COLUMN)) & Qt.ItemFlag.ItemIsEditable


def test_who_completes_from_the_attendees_and_their_organisations(session, tasks) -> None:
    model = TaskTableModel(session)
    people = {name: shown for shown, name in model.people()}
    assert people["Pracovník ORK"] == "Pracovník ORK — Krajský úřad Libereckého kraje"
    assert "Krajský úřad Libereckého kraje" in people
    assert "Účastník 3" in people
    assert model.known_spelling("pracovník ork") == "Pracovník ORK"
    assert model.known_spelling("Někdo nový") == "Někdo nový"


def test_a_task_is_captured_by_keyboard_one_undo_step_a_field(qtbot, page, session) -> None:
    assert page.table.currentIndex().row() == page.model.new_row  # ready for the first task
    press(qtbot, Qt.Key.Key_Insert)
    assert isinstance(focus(), QLineEdit)
    type_text("Připravit podklady k úkrytům")
    press(qtbot, Qt.Key.Key_Tab)  # added; on to who does it
    owner = focus()
    assert isinstance(owner, QLineEdit)
    assert page.table.currentIndex() == page.model.index(0, OWNER_COLUMN)
    owner.setText("pracovník ork")  # as the list spells it, once committed
    press(qtbot, Qt.Key.Key_Tab)  # on to the date
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), DueDateEdit))
    due = focus()
    assert isinstance(due, DueDateEdit)
    assert due.date() == QDate(2026, 5, 19)  # the meeting's day to start from
    due.setDate(QDate(2026, 6, 30))
    press(qtbot, Qt.Key.Key_Return)  # committed; the next task is started
    qtbot.waitUntil(lambda: page.table.currentIndex().row() == 1 and isinstance(focus(), QLineEdit))
    type_text("Pozvat hasiče")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)

    data = session.document.data.tasks
    assert [(t.text, t.owner, t.due, t.done) for t in data] == [
        ("Připravit podklady k úkrytům", "Pracovník ORK", date(2026, 6, 30), False),
        ("Pozvat hasiče", "", None, False),
    ]
    assert [(t.text, t.owner, t.due) for t in saved_tasks(session)] == [
        (t.text, t.owner, t.due) for t in data
    ]
    stack = session.undo_stack
    assert stack.count() == 4
    assert stack.undoText() == "Add task “Pozvat hasiče”"
    stack.undo()
    assert stack.undoText() == "Change the date of the task"
    stack.undo()
    assert stack.undoText() == "Change who does the task"
    stack.undo()
    assert session.document.data.tasks[0].owner == ""
    stack.undo()
    assert texts(session) == []


def test_who_is_picked_from_the_attendees_by_part_of_a_name(qtbot, page, session, tasks) -> None:
    index = page.model.index(2, OWNER_COLUMN)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    owner = focus()
    assert isinstance(owner, QLineEdit)
    type_text("ork")  # part of a name: the list offers the attendee
    completer = page.delegate.completer
    assert completer is not None
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert shown == ["Pracovník ORK — Krajský úřad Libereckého kraje"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # picked: committed, on to the date
    qtbot.waitUntil(lambda: page.table.currentIndex().column() == DUE_COLUMN)
    assert session.document.data.tasks[2].owner == "Pracovník ORK"
    assert page.table.findChild(DueDateEdit) is not None


def test_an_untouched_date_editor_leaves_no_date_and_delete_clears_one(
    qtbot, page, session, tasks
) -> None:
    index = page.model.index(2, DUE_COLUMN)  # no date
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    assert isinstance(focus(), DueDateEdit)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isinstance(focus(), DueDateEdit))
    assert session.document.data.tasks[2].due is None
    assert session.undo_stack.count() == 0

    index = page.model.index(0, DUE_COLUMN)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    assert isinstance(focus(), DueDateEdit)
    press(qtbot, Qt.Key.Key_Delete)  # no date
    qtbot.waitUntil(lambda: not isinstance(focus(), DueDateEdit))
    assert session.document.data.tasks[0].due is None
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.document.data.tasks[0].due == date(2026, 5, 26)


def test_space_marks_done_delete_removes_and_undo_brings_back(qtbot, page, session, tasks) -> None:
    page.select_id(tasks[0])
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert session.document.data.tasks[0].done
    assert session.undo_stack.undoText() == "Mark 1 tasks done"
    press(qtbot, Qt.Key.Key_Space)
    assert not session.document.data.tasks[0].done
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert texts(session)[:2] == ["Doplnit vizi o cyklostezky", "Rozeslat zápis účastníkům"]
    press(qtbot, Qt.Key.Key_Delete)
    assert texts(session) == ["Doplnit vizi o cyklostezky", "Zajistit sál na další setkání"]
    assert session.undo_stack.undoText() == "Remove task “Rozeslat zápis účastníkům”"
    assert page.count_label.text() == "2 tasks · 1 done"
    for _ in range(4):
        session.undo_stack.undo()
    assert texts(session) == [t.text for t in TASKS]
    assert not any(t.done for t in session.document.data.tasks[:2])
    assert [t.text for t in saved_tasks(session)] == [t.text for t in TASKS]


def test_a_task_needs_its_text(qtbot, page, session, tasks) -> None:
    with qtbot.waitSignal(session.refused) as refused:
        assert not page.model.setData(page.model.index(0, TEXT_COLUMN), "   ")
    assert "needs its text" in refused.args[0]
    assert texts(session)[0] == "Rozeslat zápis účastníkům"


def drop_rows(page: TasksPage, rows: list[int], target_row: int) -> None:
    """Drag ``rows`` with the mouse and drop them at the top edge of ``target_row`` (between it
    and the row above)."""
    from PySide6.QtCore import QItemSelectionModel, QPoint

    view, model = page.table, page.model
    selection = view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            model.index(row, TEXT_COLUMN),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    mime = model.mimeData(selection.selectedIndexes())
    rect = view.visualRect(model.index(target_row, TEXT_COLUMN))
    drop_on(view, mime, QPoint(rect.center().x(), rect.top() + 1))


def test_rows_are_reordered_by_dragging_them_one_undo_step(qtbot, page, session, tasks) -> None:
    first, second, third = (task.text for task in TASKS)
    drop_rows(page, [2], 0)  # the last task to the top
    assert texts(session) == [third, first, second]
    assert [t.text for t in saved_tasks(session)] == [third, first, second]
    assert session.undo_stack.undoText() == f"Move “{third}”"
    drop_rows(page, [0, 1], 3)  # two tasks below the last, keeping their order
    assert texts(session) == [second, third, first]
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert texts(session) == [first, second, third]
    assert [t.text for t in saved_tasks(session)] == [first, second, third]


def test_nothing_but_the_tables_own_rows_can_be_dropped(session, tasks) -> None:
    from PySide6.QtCore import QMimeData, QModelIndex

    model = TaskTableModel(session)
    text = QMimeData()
    text.setText("Rozeslat zápis")
    assert not model.canDropMimeData(text, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert (
        model.mimeData([model.index(model.new_row, TEXT_COLUMN)]).data(model.mimeTypes()[0]).data()
        == b"[]"
    )  # the new row carries nothing
    assert not model.flags(model.index(model.new_row, TEXT_COLUMN)) & Qt.ItemFlag.ItemIsDragEnabled


TYPED_DUE = {
    "cs": [("19.5.2026", date(2026, 5, 19)), ("1. 7. 2026", date(2026, 7, 1))],
    "en": [("19/05/2026", date(2026, 5, 19)), ("1 July 2026", date(2026, 7, 1))],
}
REFUSED_DUE = {"cs": ["31.2.2026", "19.5.5202", "19/05/2026"], "en": ["2026-02-30", "19.5.2026"]}


@pytest.fixture
def typing_language(request):
    """The UI language while the test runs (the date editor reads it when it opens)."""
    from PySide6.QtCore import QLocale

    saved = QLocale()
    QLocale.setDefault(QLocale(request.param))
    yield request.param
    QLocale.setDefault(saved)


def type_due(qtbot, page: TasksPage, row: int, text: str) -> None:
    index = page.model.index(row, DUE_COLUMN)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    qtbot.waitUntil(lambda: isinstance(focus(), DueDateEdit))
    editor = focus()
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor, text)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isinstance(focus(), DueDateEdit))


@pytest.mark.parametrize("typing_language", ["cs", "en"], indirect=True)
def test_a_due_date_is_typed_as_people_write_dates(
    qtbot, page, session, tasks, typing_language
) -> None:
    for text, expected in TYPED_DUE[typing_language]:
        type_due(qtbot, page, 2, text)
        assert session.document.data.tasks[2].due == expected, text
    type_due(qtbot, page, 1, "19.5." if typing_language == "cs" else "19/5")
    assert session.document.data.tasks[1].due == date(date.today().year, 5, 19)
    assert saved_tasks(session)[2].due == expected


@pytest.mark.parametrize("typing_language", ["cs", "en"], indirect=True)
def test_an_impossible_due_date_is_refused_with_a_message(
    qtbot, page, session, tasks, typing_language
) -> None:
    messages: list[str] = []
    session.refused.connect(messages.append)
    for text in REFUSED_DUE[typing_language]:
        for row, due in ((0, date(2026, 5, 26)), (2, None)):  # a task with a date, one without
            type_due(qtbot, page, row, text)
            assert session.document.data.tasks[row].due == due, text
            assert messages, text
            assert text in messages[-1]
            messages.clear()
    assert session.undo_stack.count() == 0
