"""The Attendees page: the model, capture at the door by keyboard, sorting, paste and import."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import focus, press, saved_data, show_page, type_text
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit

from facilitator_app.gui.sections.attendees.page import AttendeesPage
from facilitator_app.gui.sections.attendees.table_model import (
    NAME_COLUMN,
    ORGANIZATION_COLUMN,
    PRESENT_COLUMN,
    ROLE_COLUMN,
    AttendeeTableModel,
    sorted_by_name,
)
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import Attendee, Role
from facilitator_app.workshop.operations import InsertRecord, RemoveRecord, SetFields

DEMO_NAMES = [
    *(f"Účastník {n}" for n in range(1, 9)),
    "Pracovník ORK",
    "Omluvený účastník",
]


@pytest.fixture
def page(qtbot, session) -> AttendeesPage:
    widget = AttendeesPage(session)
    show_page(qtbot, widget, widget.attendeeTable, 900, 500)
    return widget


def names(session) -> list[str]:
    return [a.name for a in session.document.data.attendees]


def saved(session) -> list[Attendee]:
    """The attendees as a fresh open of the file sees them."""
    return saved_data(session, read_only=False).attendees


def editing(page: AttendeesPage, row: int, column: int) -> bool:
    table = page.attendeeTable
    return (
        table.state() == QAbstractItemView.State.EditingState
        and table.currentIndex().row() == row
        and table.currentIndex().column() == column
        and isinstance(focus(), QLineEdit | QComboBox)
    )


# --- the model -------------------------------------------------------------------------------


def test_model_passes_qtmodeltester_through_every_kind_of_change(qtmodeltester, session) -> None:
    model = AttendeeTableModel(session)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 11  # ten attendees and the new-attendee row
    assert model.index(0, NAME_COLUMN).data() == "Účastník 1"
    assert model.index(8, ROLE_COLUMN).data() == "Organiser"
    assert model.index(9, PRESENT_COLUMN).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    assert model.index(10, NAME_COLUMN).data(Qt.ItemDataRole.EditRole) == ""
    assert model.headerData(10, Qt.Orientation.Vertical) == "+"

    # The new-attendee row becomes the person typed in; a fresh one opens below.
    new_row = QModelIndex(model.index(10, NAME_COLUMN))
    assert model.setData(new_row, "  Jana   Nováková ")
    assert model.index(10, NAME_COLUMN).data() == "Jana Nováková"
    assert model.rowCount() == 12
    assert model.setData(model.index(10, ORGANIZATION_COLUMN), "TUL")
    assert model.setData(model.index(10, ROLE_COLUMN), "guest")
    assert model.setData(
        model.index(10, PRESENT_COLUMN), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    session.push(RemoveRecord(Kind.ATTENDEE, session.document.data.attendees[0].id), "x")
    session.undo_stack.undo()
    session.push(InsertRecord(Kind.ATTENDEE, 0, 3, Attendee(99, "Vložený")), "x")
    page_order = sorted_by_name(session.document.data.attendees)
    from facilitator_app.gui.sections.attendees.table_model import reorder_operation

    operation = reorder_operation(session.document.data.attendees, page_order)
    assert operation is not None
    session.push(operation, "sort")
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert names(session) == DEMO_NAMES
    session.document.replace_data(session.document.data)
    assert model.rowCount() == 11


def test_empty_names_are_refused(qtbot, session) -> None:
    model = AttendeeTableModel(session)
    assert not model.setData(model.index(10, NAME_COLUMN), "   ")
    assert model.rowCount() == 11
    with qtbot.waitSignal(session.refused):
        assert not model.setData(model.index(0, NAME_COLUMN), "")
    assert names(session) == DEMO_NAMES
    assert session.undo_stack.count() == 0


def test_czech_collation_order() -> None:
    people = [
        Attendee(i, name)
        for i, name in enumerate(["Hora", "Čech", "Chlupatý", "Cyril", "Účastník 10", "Adam"])
    ]
    people.append(Attendee(7, "Účastník 9"))
    assert [a.name for a in sorted_by_name(people)] == [
        "Adam",
        "Cyril",
        "Čech",  # Č after C
        "Hora",
        "Chlupatý",  # Ch after H
        "Účastník 9",  # numbers in numeric order
        "Účastník 10",
    ]


# --- capture by keyboard ------------------------------------------------------------------------


def test_capture_at_the_door_by_keyboard(qtbot, page: AttendeesPage, session) -> None:
    table = page.attendeeTable
    assert table.currentIndex().row() == 10  # ready for the next person

    type_text("Žofie Čermáková")  # typing in the new-attendee row opens its editor
    assert editing(page, 10, NAME_COLUMN)
    press(qtbot, Qt.Key.Key_Tab)
    assert names(session)[-1] == "Žofie Čermáková"
    assert editing(page, 10, ORGANIZATION_COLUMN)
    type_text("Technická univerzita")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editing(page, 11, NAME_COLUMN))
    assert session.document.data.attendees[-1].organization == "Technická univerzita"

    type_text("Řehoř Veselý")
    press(qtbot, Qt.Key.Key_Tab)
    type_text("te")  # completes inline from the organisations already typed, as spreadsheets do
    assert focus().text() == "technická univerzita"  # stored as first spelled
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editing(page, 12, NAME_COLUMN))
    type_text("Eva Malá")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editing(page, 13, NAME_COLUMN))
    press(qtbot, Qt.Key.Key_Escape)  # leaving the new row empty adds nobody

    assert [(a.name, a.organization) for a in saved(session)[10:]] == [
        ("Žofie Čermáková", "Technická univerzita"),
        ("Řehoř Veselý", "Technická univerzita"),
        ("Eva Malá", ""),
    ]
    assert page.model.rowCount() == 14
    steps = [session.undo_stack.text(i) for i in range(session.undo_stack.count())]
    assert steps == [
        "Add Žofie Čermáková",
        "Edit organisation",
        "Add Řehoř Veselý",
        "Edit organisation",
        "Add Eva Malá",
    ]
    session.undo_stack.undo()
    assert names(session)[-1] == "Řehoř Veselý"
    session.undo_stack.undo()
    assert session.document.data.attendees[-1].organization == ""
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert [a.name for a in saved(session)] == DEMO_NAMES
    assert page.model.rowCount() == 11


def test_enter_on_an_empty_new_row_adds_nobody(qtbot, page: AttendeesPage, session) -> None:
    press(qtbot, Qt.Key.Key_Return)
    assert editing(page, 10, NAME_COLUMN)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editing(page, 10, NAME_COLUMN))
    assert session.undo_stack.count() == 0
    assert page.model.rowCount() == 11


def test_enter_goes_down_a_row_and_starts_the_next_person_below_the_last(
    qtbot, page: AttendeesPage
) -> None:
    table = page.attendeeTable
    table.setCurrentIndex(page.model.index(3, ORGANIZATION_COLUMN))
    press(qtbot, Qt.Key.Key_Return)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (4, ORGANIZATION_COLUMN)
    assert table.state() != QAbstractItemView.State.EditingState
    table.setCurrentIndex(page.model.index(9, NAME_COLUMN))
    press(qtbot, Qt.Key.Key_Return)
    assert editing(page, 10, NAME_COLUMN)


def test_correcting_a_name_in_the_middle(qtbot, page: AttendeesPage, session) -> None:
    page.attendeeTable.setCurrentIndex(page.model.index(2, NAME_COLUMN))
    press(qtbot, Qt.Key.Key_F2)
    assert editing(page, 2, NAME_COLUMN)
    focus().selectAll()
    type_text("Účastnice 3")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.attendeeTable.currentIndex().row() == 3)
    assert saved(session)[2].name == "Účastnice 3"
    assert session.undo_stack.undoText() == "Rename attendee"


def test_role_by_its_first_letter(qtbot, page: AttendeesPage, session) -> None:
    page.attendeeTable.setCurrentIndex(page.model.index(0, ROLE_COLUMN))
    type_text("g")
    assert isinstance(focus(), QComboBox)
    assert session.document.data.attendees[0].role is Role.GUEST
    press(qtbot, Qt.Key.Key_Escape)  # the role is in already
    type_text("o")
    assert session.document.data.attendees[0].role is Role.ORGANIZER
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.attendeeTable.currentIndex().row() == 1)  # Enter: next row
    assert saved(session)[0].role is Role.ORGANIZER
    assert page.headCountLabel.text() == "7 (+2 ORK) present, 1 excused"
    session.undo_stack.undo()
    assert session.document.data.attendees[0].role is Role.GUEST
    session.undo_stack.undo()
    assert page.model.index(0, ROLE_COLUMN).data() == "Participant"


def test_role_for_a_selection_from_the_context_menu_actions(page: AttendeesPage, session) -> None:
    page.select_ids([a.id for a in session.document.data.attendees[:3]])
    page.role_actions[Role.GUEST].trigger()
    assert [a.role for a in saved(session)[:4]] == [Role.GUEST] * 3 + [Role.PARTICIPANT]
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert all(a.role is Role.PARTICIPANT for a in session.document.data.attendees[:3])


def test_space_marks_present_or_excused(qtbot, page: AttendeesPage, session) -> None:
    assert page.headCountLabel.text() == "8 (+1 ORK) present, 1 excused"
    page.attendeeTable.setCurrentIndex(page.model.index(1, NAME_COLUMN))
    press(qtbot, Qt.Key.Key_Space)
    assert not session.document.data.attendees[1].present
    assert page.headCountLabel.text() == "7 (+1 ORK) present, 2 excused"
    assert page.attendeeTable.state() != QAbstractItemView.State.EditingState

    # Several people at once: one step; mixed presence turns all present.
    page.select_ids([a.id for a in session.document.data.attendees[:3]])
    press(qtbot, Qt.Key.Key_Space)
    assert [a.present for a in saved(session)[:3]] == [True, True, True]
    press(qtbot, Qt.Key.Key_Space)
    assert [a.present for a in saved(session)[:3]] == [False, False, False]
    assert session.undo_stack.undoText() == "Mark 3 excused"
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert all(a.present for a in saved(session)[:3])
    assert page.headCountLabel.text() == "8 (+1 ORK) present, 1 excused"


def test_delete_removes_the_selected_people_in_one_step(
    qtbot, page: AttendeesPage, session
) -> None:
    page.select_ids([a.id for a in session.document.data.attendees[2:5]])
    press(qtbot, Qt.Key.Key_Delete)
    assert names(session) == DEMO_NAMES[:2] + DEMO_NAMES[5:]
    assert [a.name for a in saved(session)] == DEMO_NAMES[:2] + DEMO_NAMES[5:]
    assert page.attendeeTable.currentIndex().row() == 2
    assert session.undo_stack.undoText() == "Remove 3 attendees"
    session.undo_stack.undo()
    assert [a.name for a in saved(session)] == DEMO_NAMES


def test_delete_on_the_new_row_does_nothing(qtbot, page: AttendeesPage, session) -> None:
    press(qtbot, Qt.Key.Key_Delete)
    assert names(session) == DEMO_NAMES
    assert session.undo_stack.count() == 0


# --- sorting ---------------------------------------------------------------------------------


def test_sort_by_name_in_czech_order_is_one_undo_step(page: AttendeesPage, session) -> None:
    page.paste("Hora\nČech\nChlupatý\nCyril\n")
    session.undo_stack.clear()
    page.sort_action.trigger()
    expected = [
        "Cyril",
        "Čech",
        "Hora",
        "Chlupatý",
        "Omluvený účastník",
        "Pracovník ORK",
        *(f"Účastník {n}" for n in range(1, 9)),
    ]
    assert names(session) == expected
    assert [page.model.index(r, NAME_COLUMN).data() for r in range(14)] == expected
    assert [a.name for a in saved(session)] == expected
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Sort by name"
    session.undo_stack.undo()
    assert names(session) == [*DEMO_NAMES, "Hora", "Čech", "Chlupatý", "Cyril"]
    assert [a.name for a in saved(session)][-4:] == ["Hora", "Čech", "Chlupatý", "Cyril"]
    session.undo_stack.redo()
    page.sort_action.trigger()  # already sorted: no step
    assert session.undo_stack.count() == 1
    assert page.messageLabel.text() == "The list is already in alphabetical order."


# --- paste and import --------------------------------------------------------------------------


def test_paste_spreadsheet_rows_after_the_current_person(
    qtbot, page: AttendeesPage, session
) -> None:
    QGuiApplication.clipboard().setText(
        "Jana Nováková\tMěsto Liberec\torganizátor\tano\n"
        "Petr Dvořák\tTUL\tguest\texcused\tpřijde později\n"
    )
    page.attendeeTable.setCurrentIndex(page.model.index(1, NAME_COLUMN))
    qtbot.keyClick(page.attendeeTable, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    attendees = saved(session)
    assert [a.name for a in attendees[:4]] == [
        "Účastník 1",
        "Účastník 2",
        "Jana Nováková",
        "Petr Dvořák",
    ]
    jana, petr = attendees[2:4]
    assert (jana.organization, jana.role, jana.present) == ("Město Liberec", Role.ORGANIZER, True)
    assert (petr.role, petr.present, petr.note) == (Role.GUEST, False, "přijde později")
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Paste 2 attendees"
    assert [i.row() for i in page.attendeeTable.selectionModel().selectedRows()] == [2, 3]
    session.undo_stack.undo()
    assert [a.name for a in saved(session)] == DEMO_NAMES


def test_a_bad_paste_names_the_line_and_changes_nothing(
    page: AttendeesPage, session, monkeypatch
) -> None:
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(page, "show_error", lambda title, text: errors.append((title, text)))
    assert page.paste("Jan\tTUL\nEva\tČEZ\tšéfka\n") == []
    assert errors == [
        (
            "Cannot paste the rows",
            "Line 2: “šéfka” is not a role; write participant, organiser or guest.",
        )
    ]
    assert names(session) == DEMO_NAMES
    assert session.undo_stack.count() == 0


def test_import_a_csv_at_the_end_in_one_step(tmp_path: Path, page: AttendeesPage, session) -> None:
    path = tmp_path / "prezence.csv"
    path.write_text(
        "Jméno;Organizace;Účast\nAlena Krátká;ČEZ;ano\nBořek Dlouhý;;omluven\n", encoding="utf-8"
    )
    ids = page.import_csv(path)
    assert len(ids) == 2
    attendees = saved(session)
    assert [(a.name, a.organization, a.present) for a in attendees[10:]] == [
        ("Alena Krátká", "ČEZ", True),
        ("Bořek Dlouhý", "", False),
    ]
    assert session.undo_stack.undoText() == "Import 2 attendees"
    assert page.messageLabel.text() == "Imported 2 attendees from prezence.csv."
    session.undo_stack.undo()
    assert [a.name for a in saved(session)] == DEMO_NAMES


def test_a_bad_csv_names_the_line_and_imports_nothing(
    tmp_path: Path, page: AttendeesPage, session, monkeypatch
) -> None:
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(page, "show_error", lambda title, text: errors.append((title, text)))
    path = tmp_path / "bad.csv"
    path.write_text("Name,Organisation\nAlena,ČEZ\n,TUL\n", encoding="utf-8")
    assert page.import_csv(path) == []
    assert errors == [("Cannot import bad.csv", "Line 3: the name is empty.")]
    assert names(session) == DEMO_NAMES
    assert session.undo_stack.count() == 0


# --- the page ----------------------------------------------------------------------------------


def test_every_control_is_named(page: AttendeesPage) -> None:
    assert page.listLabel.buddy() is page.attendeeTable
    for widget in (page.attendeeTable, page.headCountLabel, page.toolbar):
        assert widget.accessibleName()
    for action in page.actions_:
        assert action.text()


def test_an_undo_by_another_view_updates_the_table(page: AttendeesPage, session) -> None:
    attendee = session.document.data.attendees[0]
    session.push(SetFields(Kind.ATTENDEE, attendee.id, {"name": "Adam Nový"}), "Rename")
    assert page.model.index(0, NAME_COLUMN).data() == "Adam Nový"
    session.undo_stack.undo()
    assert page.model.index(0, NAME_COLUMN).data() == "Účastník 1"
    assert session.undo_stack.index() == 0
