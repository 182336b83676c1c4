"""The Agenda section: the programme by keyboard, Start / Next / Stop, and the countdown.

The clock is injected (``MeetingClock.now``): nothing here sleeps or depends on the time of day.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from gui_helpers import (
    MEETING_START,
    FakeNow,
    clock_by_hand,
    focus,
    press,
    saved_data,
    show_page,
    type_text,
)
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QSpinBox, QTimeEdit

from facilitator_app.gui.sections.agenda.clock import (
    PHASE_COLOURS,
    AgendaControls,
    MeetingClock,
    Phase,
    clock_text,
    countdown,
    ms_to_next_second,
)
from facilitator_app.gui.sections.agenda.page import NO_COUNTDOWN, AgendaPage
from facilitator_app.gui.sections.agenda.table_model import (
    ENDED_COLUMN,
    PLANNED_COLUMN,
    TITLE_COLUMN,
    TOOK_COLUMN,
    AgendaTableModel,
)
from facilitator_app.workshop import agenda
from facilitator_app.workshop.model import AgendaItem

T0 = MEETING_START
PROGRAMME = [("Zahájení", 15), ("Vize: připomínky", 45), ("Přestávka", 10), ("Závěr", 0)]


@pytest.fixture
def now(session) -> FakeNow:
    return clock_by_hand(session)


@pytest.fixture
def programme(session) -> list[int]:
    session.push(agenda.insert_agenda_items(session.document, PROGRAMME), "Programme")
    session.undo_stack.clear()
    return [item.id for item in session.document.data.agenda]


@pytest.fixture
def page(qtbot, session, now) -> AgendaPage:
    widget = AgendaPage(session)
    show_page(qtbot, widget, widget.table, 1000, 600)
    return widget


def titles(session) -> list[str]:
    return [item.title for item in session.document.data.agenda]


def saved_agenda(session) -> list[AgendaItem]:
    """The agenda as a fresh open of the file sees it."""
    return saved_data(session).agenda


# --- the model ------------------------------------------------------------------------------------


def test_the_model_passes_the_model_tester(qtmodeltester, session, programme, now) -> None:
    session.push(agenda.start_item(session.document, programme[0], now()), "Start")
    model = AgendaTableModel(session, MeetingClock.of(session))
    qtmodeltester.check(model, force_py=True)
    now.advance(minutes=16)
    session.push(agenda.next_item(session.document, now()), "Next")
    model.setData(model.index(0, PLANNED_COLUMN), 20)
    qtmodeltester.check(model, force_py=True)


def test_rows_show_the_plan_and_the_actual_times(session, programme, now) -> None:
    model = AgendaTableModel(session, MeetingClock.of(session))
    assert model.rowCount() == len(PROGRAMME) + 1  # and the new-item row
    assert model.index(0, PLANNED_COLUMN).data() == "15 min"
    assert model.index(3, PLANNED_COLUMN).data() == "—"  # not planned
    session.push(agenda.start_item(session.document, programme[0], now()), "Start")
    now.advance(minutes=17, seconds=20)
    session.push(agenda.next_item(session.document, now()), "Next")
    assert model.index(0, 2).data() == "9:00"
    assert model.index(0, ENDED_COLUMN).data() == "9:17"
    assert model.index(0, TOOK_COLUMN).data() == "17 min"
    assert model.index(0, TOOK_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == "2 min over the plan"
    assert (
        model.index(0, TOOK_COLUMN).data(Qt.ItemDataRole.ForegroundRole).name()
        == (PHASE_COLOURS[Phase.OVER])
    )
    now.advance(minutes=3, seconds=5)
    MeetingClock.of(session).tick()
    assert model.index(1, TOOK_COLUMN).data() == "03:05"  # the running item, by the second
    assert model.index(1, TITLE_COLUMN).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Vize: připomínky (running)"
    )


# --- the countdown --------------------------------------------------------------------------------


def test_the_countdown_reads_mm_ss_orange_in_the_last_two_minutes_red_when_over() -> None:
    item = AgendaItem(1, "Diskuse", planned_minutes=10, started_at=T0)

    def at(seconds: float):
        return countdown(item, T0 + timedelta(seconds=seconds))

    assert (at(0).text, at(0).phase) == ("10:00", Phase.NORMAL)
    assert (at(30).text, at(30).phase) == ("09:30", Phase.NORMAL)
    assert (at(30.4).text, at(30.4).phase) == ("09:30", Phase.NORMAL)  # rounded up
    assert (at(479).text, at(479).phase) == ("02:01", Phase.NORMAL)
    assert (at(480).text, at(480).phase) == ("02:00", Phase.WARNING)
    assert (at(599.5).text, at(599.5).phase) == ("00:01", Phase.WARNING)
    assert (at(600).text, at(600).phase) == ("00:00", Phase.WARNING)
    assert (at(601).text, at(601).phase) == ("+00:01", Phase.OVER)
    assert (at(600 + 754).text, at(600 + 754).phase) == ("+12:34", Phase.OVER)
    long = AgendaItem(2, "Dlouhý blok", planned_minutes=150, started_at=T0)
    assert countdown(long, T0).text == "150:00"  # minutes go on past 59
    unplanned = AgendaItem(3, "Volná diskuse", started_at=T0)
    shown = countdown(unplanned, T0 + timedelta(minutes=75, seconds=3))
    assert (shown.text, shown.phase, shown.counting_up) == ("75:03", Phase.NORMAL, True)
    assert clock_text(0) == "00:00"


def test_the_clock_ticks_when_the_second_turns() -> None:
    item = AgendaItem(1, "Diskuse", planned_minutes=10, started_at=T0)
    assert 1000 <= ms_to_next_second(item, T0) <= 1010
    assert 250 <= ms_to_next_second(item, T0 + timedelta(seconds=3.75)) <= 260


def test_the_page_shows_the_countdown_big_in_its_colours(page, session, programme, now) -> None:
    label = page.countdown_label
    assert label.text() == NO_COUNTDOWN
    assert page.now_title.text() == "No item is running"
    assert "Zahájení" in page.now_details.text()  # what F7 starts
    assert label.font().pointSizeF() > 2.5 * page.font().pointSizeF()
    normal = label.palette().color(QPalette.ColorRole.WindowText)

    session.push(agenda.start_item(session.document, programme[2], now()), "Start")  # 10 min
    assert label.text() == "10:00"
    assert page.now_title.text() == "Přestávka"
    assert page.now_details.text() == "started 9:00 · planned 10 min · time is up at 9:10"
    colour = label.palette().color(QPalette.ColorRole.WindowText)
    assert colour not in (QPalette().color(QPalette.ColorRole.PlaceholderText),)
    now.advance(minutes=7, seconds=59)
    with_signal = page.clock
    with_signal.tick()
    assert label.text() == "02:01"
    assert label.palette().color(QPalette.ColorRole.WindowText) == colour
    now.advance(seconds=1)
    with_signal.tick()
    assert label.text() == "02:00"
    assert (
        label.palette().color(QPalette.ColorRole.WindowText).name()
        == (PHASE_COLOURS[Phase.WARNING])
    )
    now.advance(minutes=2, seconds=5)
    with_signal.tick()
    assert label.text() == "+00:05"
    assert (
        label.palette().color(QPalette.ColorRole.WindowText).name() == (PHASE_COLOURS[Phase.OVER])
    )
    assert label.accessibleDescription() == "+00:05 over the planned time"
    session.push(agenda.stop_current(session.document, now()), "Stop")
    assert label.text() == NO_COUNTDOWN
    assert label.palette().color(QPalette.ColorRole.WindowText) != colour or normal == colour


def test_the_clock_ticks_only_while_an_item_runs(qtbot, session, programme, now) -> None:
    clock = MeetingClock.of(session)
    assert not clock.timer.isActive()
    assert clock.countdown is None
    with qtbot.waitSignal(clock.changed):
        session.push(agenda.start_item(session.document, programme[0], now()), "Start")
    assert clock.timer.isActive()
    assert 1000 <= clock.timer.interval() <= 1010
    now.advance(seconds=1)
    with qtbot.waitSignal(clock.changed, timeout=3000):  # the real timer, on the fake clock
        pass
    assert clock.countdown is not None
    assert clock.countdown.text == "14:59"
    with qtbot.waitSignal(clock.changed):
        session.push(agenda.stop_current(session.document, now()), "Stop")
    assert not clock.timer.isActive()
    assert clock.countdown is None
    with qtbot.waitSignal(clock.changed):
        session.undo_stack.undo()  # running again
    assert clock.timer.isActive()


# --- Start, Next, Stop ----------------------------------------------------------------------------


def test_start_next_stop_are_one_undo_step_each_with_the_clock_s_times(
    qtbot, page, session, programme, now
) -> None:
    data = session.document.data
    stack = session.undo_stack
    page.select_id(programme[1])
    press(qtbot, Qt.Key.Key_F6)  # Start the selected item
    assert stack.count() == 1
    assert stack.undoText() == "Start “Vize: připomínky”"
    assert data.agenda[1].started_at == T0
    assert data.agenda[1].ended_at is None

    now.advance(minutes=44, seconds=30)
    press(qtbot, Qt.Key.Key_F7)  # Next: ends it and starts the one after it
    assert stack.count() == 2
    assert stack.undoText() == "Next item: “Přestávka”"
    assert data.agenda[1].ended_at == T0 + timedelta(minutes=44, seconds=30)
    assert data.agenda[2].started_at == data.agenda[1].ended_at

    now.advance(minutes=12)
    page.next_button.click()  # the button does the same
    assert data.agenda[2].ended_at == T0 + timedelta(minutes=56, seconds=30)
    assert data.agenda[3].started_at == data.agenda[2].ended_at

    now.advance(minutes=5)
    press(qtbot, Qt.Key.Key_F8)  # Stop
    assert stack.count() == 4
    assert stack.undoText() == "End “Závěr”"
    assert data.agenda[3].ended_at == T0 + timedelta(minutes=61, seconds=30)
    assert agenda.current_item(data) is None
    assert page.countdown_label.text() == NO_COUNTDOWN
    assert page.now_title.text() == "No item is running"
    assert "Zahájení" in page.now_details.text()  # skipped: F7 would start it now
    assert not page.controls.stop_action.isEnabled()

    saved = saved_agenda(session)
    assert [(i.started_at, i.ended_at) for i in saved] == [
        (i.started_at, i.ended_at) for i in data.agenda
    ]
    for _ in range(4):
        stack.undo()
    assert all(i.started_at is None and i.ended_at is None for i in data.agenda)
    assert [i.started_at for i in saved_agenda(session)] == [None] * 4


def test_next_with_nothing_running_starts_the_first_item_not_started(
    session, programme, now
) -> None:
    controls = AgendaControls.of(session)
    controls.clock.now = now
    assert controls.next_action.toolTip() == "Next: “Zahájení” (F7)"
    assert controls.next()
    assert agenda.current_item(session.document.data).id == programme[0]
    assert controls.next_action.toolTip() == "Next: “Vize: připomínky” (F7)"


def test_start_does_not_restart_the_running_item(qtbot, page, session, programme, now) -> None:
    page.select_id(programme[0])
    press(qtbot, Qt.Key.Key_F6)
    assert not page.controls.start_action.isEnabled()  # the selected item runs
    now.advance(minutes=3)
    with qtbot.waitSignal(page.controls.message) as message:
        page.controls.start(programme[0])
    assert "running already" in message.args[0]
    assert session.document.data.agenda[0].started_at == T0
    page.select_id(programme[2])
    assert page.controls.start_action.isEnabled()
    assert page.controls.start_action.text() == "&Start “Přestávka”"
    assert page.start_button.text() == "Start"  # the button stays short


def test_stop_with_nothing_running_says_so(qtbot, session, programme, now) -> None:
    controls = AgendaControls.of(session)
    with qtbot.waitSignal(controls.message) as message:
        assert not controls.stop()
    assert message.args == ["No agenda item is running."]
    assert session.undo_stack.count() == 0


# --- the programme by keyboard --------------------------------------------------------------------


def test_items_are_typed_in_by_keyboard_one_undo_step_each(qtbot, page, session, now) -> None:
    assert page.table.currentIndex().row() == page.model.new_row  # ready for the first item
    press(qtbot, Qt.Key.Key_Insert)
    assert isinstance(focus(), QLineEdit)
    type_text("Úvod a představení")
    press(qtbot, Qt.Key.Key_Tab)  # on to its minutes
    editor = focus()
    assert isinstance(editor, QSpinBox)
    qtbot.keyClicks(editor, "20")
    press(qtbot, Qt.Key.Key_Return)  # and on to the next item
    qtbot.waitUntil(lambda: isinstance(focus(), QLineEdit))
    type_text("Přestávka")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)  # the empty new row adds nothing
    assert titles(session) == ["Úvod a představení", "Přestávka"]
    assert [i.planned_minutes for i in session.document.data.agenda] == [20, 0]
    assert [i.title for i in saved_agenda(session)] == titles(session)
    stack = session.undo_stack
    assert stack.count() == 3
    assert stack.undoText() == "Add “Přestávka” to the agenda"
    stack.undo()
    assert stack.undoText() == "Plan 20 min for “Úvod a představení”"
    stack.undo()
    assert [i.planned_minutes for i in session.document.data.agenda] == [0]
    stack.undo()
    assert titles(session) == []


def test_reorder_and_remove_by_keyboard(qtbot, page, session, programme) -> None:
    page.select_id(programme[0])
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(session)[:2] == ["Vize: připomínky", "Zahájení"]
    assert page.current_item_id() == programme[0]  # the cursor goes with it
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(session)[:2] == ["Zahájení", "Vize: připomínky"]
    press(qtbot, Qt.Key.Key_Delete)
    assert titles(session) == ["Vize: připomínky", "Přestávka", "Závěr"]
    assert session.undo_stack.undoText() == "Remove “Zahájení” from the agenda"
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert titles(session) == [title for title, _ in PROGRAMME]
    assert session.undo_stack.count() == 3


def test_a_recorded_time_can_be_corrected(qtbot, page, session, programme, now) -> None:
    session.push(agenda.start_item(session.document, programme[0], now()), "Start")
    now.advance(minutes=20)
    session.push(agenda.next_item(session.document, now()), "Next")
    index = page.model.index(0, ENDED_COLUMN)
    assert page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not page.model.flags(page.model.index(2, ENDED_COLUMN)) & Qt.ItemFlag.ItemIsEditable
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    editor = focus()
    assert isinstance(editor, QTimeEdit)
    editor.setTime(QTime(9, 15))
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isinstance(focus(), QTimeEdit))
    assert session.document.data.agenda[0].ended_at == datetime(2026, 5, 19, 9, 15)
    assert session.undo_stack.undoText() == "Correct the end of “Zahájení”"
    with qtbot.waitSignal(session.refused) as refused:
        assert not page.model.setData(index, QTime(8, 30))
    assert refused.args == ["An item cannot end before it starts."]


def test_a_recorded_time_is_typed_as_people_write_it(qtbot, page, session, programme, now) -> None:
    session.push(agenda.start_item(session.document, programme[0], now()), "Start")
    now.advance(minutes=20)
    session.push(agenda.next_item(session.document, now()), "Next")
    index = page.model.index(0, ENDED_COLUMN)
    refusals: list[str] = []
    session.refused.connect(refusals.append)
    for text, expected in (("9.15", datetime(2026, 5, 19, 9, 15)), ("25:00", None)):
        page.table.setCurrentIndex(index)
        page.table.edit(index)
        editor = focus()
        assert isinstance(editor, QTimeEdit)
        editor.lineEdit().selectAll()
        qtbot.keyClicks(editor, text)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not isinstance(focus(), QTimeEdit))
        if expected is not None:
            assert session.document.data.agenda[0].ended_at == expected
    assert session.document.data.agenda[0].ended_at == datetime(2026, 5, 19, 9, 15)
    assert len(refusals) == 1
    assert "25:00" in refusals[0]


# --- in the window --------------------------------------------------------------------------------


def test_the_window_has_agenda_and_tasks_sections_menus_and_keys(qtbot, window) -> None:
    assert window.sections.tabText(5) == "Agenda"
    assert window.sections.tabText(6) == "Tasks"
    assert window.actionShowAgenda.shortcut().toString() == "Ctrl+6"
    assert window.actionShowTasks.shortcut().toString() == "Ctrl+7"
    window.actionShowAgenda.trigger()
    assert window.sections.currentWidget() is window.pageAgenda
    assert isinstance(window.pages["agenda"], AgendaPage)
    texts = [a.text() for a in window.menuAgenda.actions() if not a.isSeparator()]
    assert texts[:2] == ["&Add item", "&Remove"]
    assert "&Next item" in texts
    assert "S&top" in texts
    window.actionShowTasks.trigger()
    assert window.sections.currentWidget() is window.pageTasks
    assert next(a.text() for a in window.menuTasks.actions()) == "&Add task"
    workshop = [a.text() for a in window.menuWorkshop.actions()]
    assert "A&genda" in workshop
    assert "&Tasks" in workshop


def test_f7_runs_the_clock_from_another_section_and_the_status_bar_shows_it(qtbot, window) -> None:
    session = window.session
    session.push(agenda.insert_agenda_items(session.document, PROGRAMME), "Programme")
    now = FakeNow()
    MeetingClock.of(session).now = now
    window.actionShowVision.trigger()
    assert "agenda" not in window.pages  # the Agenda section was never opened
    window.activateWindow()
    qtbot.waitActive(window)
    window.pages["vision"].themeList.setFocus()
    qtbot.keyClick(window.pages["vision"].themeList, Qt.Key.Key_F7)
    assert agenda.current_item(session.document.data).title == "Zahájení"
    status = window.status_clock
    assert status.isVisible()
    assert status.text() == "Zahájení  15:00"
    now.advance(minutes=14)
    MeetingClock.of(session).tick()
    assert status.text() == "Zahájení  01:00"
    assert PHASE_COLOURS[Phase.WARNING] in status.styleSheet()
    status.click()
    assert window.sections.currentWidget() is window.pageAgenda
    qtbot.keyClick(window.pages["agenda"].table, Qt.Key.Key_F8)
    assert not status.isVisible()


def test_reorder_by_dragging_a_row_one_undo_step(qtbot, page, session, programme) -> None:
    from PySide6.QtCore import QModelIndex

    model = page.model
    before = titles(session)
    mime = model.mimeData([model.index(0, TITLE_COLUMN), model.index(0, 1)])  # one row
    # Dropped between the third and the fourth row.
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert titles(session) == [*before[1:3], before[0], *before[3:]]
    assert session.undo_stack.undoText() == f"Move “{before[0]}”"
    assert [item.title for item in saved_agenda(session)] == titles(session)
    session.undo_stack.undo()
    assert titles(session) == before
