"""Ctrl+V in Tasks and Agenda: pasted lines become rows, as in Attendees, in one undo step."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import show_widget
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from facilitator_app.gui.sections.agenda.page import AgendaPage
from facilitator_app.gui.sections.tasks.page import TasksPage

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def tasks(qtbot, session) -> TasksPage:
    return show_widget(qtbot, TasksPage(session), wait="")


@pytest.fixture
def agenda_page(qtbot, session) -> AgendaPage:
    return show_widget(qtbot, AgendaPage(session), wait="")


def ctrl_v(qtbot, page, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    page.activateWindow()
    page.capture_table.setFocus()
    qtbot.waitUntil(page.capture_table.hasFocus)
    qtbot.keyClick(page.capture_table, Qt.Key.Key_V, CTRL)


def test_ctrl_v_pastes_tasks_after_the_current_one_in_one_undo_step(qtbot, tasks, session):
    tasks.model.add_record("Svolat schůzku")
    tasks.model.add_record("Poslat zápis")
    before = [task.text for task in session.document.data.tasks]
    tasks.capture_table.setCurrentIndex(tasks.model.index(0, 0))
    steps = session.undo_stack.count()
    ctrl_v(qtbot, tasks, "Oslovit obce\tStarosta\t19.5.2026\n\nZajistit sál\tJana\n")
    texts = [task.text for task in session.document.data.tasks]
    assert texts == [before[0], "Oslovit obce", "Zajistit sál", *before[1:]]
    first, second = session.document.data.tasks[1:3]
    assert (first.owner, first.due) == ("Starosta", date(2026, 5, 19))
    assert (second.owner, second.due) == ("Jana", None)
    assert session.undo_stack.count() == steps + 1
    session.undo_stack.undo()
    assert [task.text for task in session.document.data.tasks] == before


def test_a_bad_pasted_date_says_which_line_and_pastes_nothing(qtbot, tasks, session):
    before = list(session.document.data.tasks)
    with qtbot.waitSignal(tasks.message) as said:
        tasks.paste("První\tJá\n Druhý\tTy\t19.19.5202\n")
    assert "line 2" in said.args[0]
    assert "19.19.5202" in said.args[0]
    assert session.document.data.tasks == before


def test_ctrl_v_pastes_agenda_items_with_their_minutes(qtbot, agenda_page, session):
    before = [item.title for item in session.document.data.agenda]
    agenda_page.capture_table.setCurrentIndex(agenda_page.model.index(agenda_page.model.new_row, 0))
    steps = session.undo_stack.count()
    ctrl_v(qtbot, agenda_page, "Zahájení\t10\nPřestávka\t15 min\nDiskuse\n")
    items = session.document.data.agenda
    assert [item.title for item in items] == [*before, "Zahájení", "Přestávka", "Diskuse"]
    assert [item.planned_minutes for item in items[-3:]] == [10, 15, 0]
    assert session.undo_stack.count() == steps + 1
    session.undo_stack.undo()
    assert [item.title for item in session.document.data.agenda] == before


def test_bad_minutes_are_refused_with_the_line(qtbot, agenda_page, session):
    with qtbot.waitSignal(agenda_page.message) as said:
        agenda_page.paste("Zahájení\tdeset\n")
    assert "line 1" in said.args[0]
    assert "deset" in said.args[0]
