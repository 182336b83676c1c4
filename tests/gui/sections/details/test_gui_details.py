"""The Workshop details page: edits reach the file as undo steps, and undo reaches the widgets."""

from __future__ import annotations

from datetime import datetime

import pytest
from gui_helpers import saved_data
from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from facilitator_app.gui.sections.details.page import DetailsPage
from facilitator_app.minutes.phrases import ENGLISH
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import WorkshopDetails
from facilitator_app.workshop.operations import SetFields

TITLE = "Pracovní skupina Bezpečnost, energetika, vodní hospodářství a ICT"


@pytest.fixture
def page(qtbot, session) -> DetailsPage:
    widget = DetailsPage(session)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def saved_details(session) -> WorkshopDetails:
    """The details as a fresh open of the file sees them."""
    return saved_data(session, read_only=False).details


def test_shows_the_document(page: DetailsPage) -> None:
    assert page.titleEdit.text() == TITLE
    assert page.facilitatorEdit.text() == "Michal Kněžů Mrvka"
    assert page.organizerEdit.text() == "ORK"
    assert page.languageCombo.currentData() == "cs"
    assert page.startsEdit.dateTime().toPython() == datetime(2026, 5, 19, 13, 0)
    assert not page.endsCheck.isChecked()
    assert not page.endsEdit.isEnabled()
    assert page.visionIntroEdit.toPlainText() == ""
    assert page.organizerHint.text() == "The head count reads: 8 (+1 ORK)"


def test_every_control_is_named_and_every_label_has_a_buddy(page: DetailsPage) -> None:
    controls = [
        *page.findChildren(QLineEdit),
        *page.findChildren(QAbstractSpinBox),
        *page.findChildren(QComboBox),
        *page.findChildren(QPlainTextEdit),
        *page.findChildren(QAbstractButton),
    ]
    # The spin boxes' own line edits are parts of them, not controls of their own.
    controls = [c for c in controls if not isinstance(c.parent(), QAbstractSpinBox)]
    assert len(controls) >= 9
    for control in controls:
        assert control.accessibleName(), control.objectName()
    labels = [label for label in page.findChildren(QLabel) if "&" in label.text()]
    assert len(labels) == 7
    for label in labels:
        assert label.buddy() is not None, label.text()
    mnemonics = [t.text().split("&")[1][0].lower() for t in [*labels, page.endsCheck]]
    assert len(set(mnemonics)) == len(mnemonics)
    # The window's menus own Alt+F, E, V, A and H.
    assert not set(mnemonics) & set("fevah")


def test_typing_a_title_is_one_undo_step_in_the_file_and_undo_restores_it(
    qtbot, page: DetailsPage, session
) -> None:
    page.titleEdit.setFocus()
    page.titleEdit.end(False)
    qtbot.keyClicks(page.titleEdit, " 2026")
    assert session.document.data.details.title == TITLE + " 2026"
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Edit title"
    assert saved_details(session).title == TITLE + " 2026"

    session.undo_stack.undo()
    assert page.titleEdit.text() == TITLE
    assert saved_details(session).title == TITLE
    session.undo_stack.redo()
    assert page.titleEdit.text() == TITLE + " 2026"
    assert session.undo_stack.count() == 1


def test_typing_in_the_middle_keeps_the_cursor(qtbot, page: DetailsPage, session) -> None:
    page.facilitatorEdit.setFocus()
    page.facilitatorEdit.setCursorPosition(6)  # after "Michal"
    qtbot.keyClicks(page.facilitatorEdit, " J.")
    assert session.document.data.details.facilitator == "Michal J. Kněžů Mrvka"
    assert page.facilitatorEdit.cursorPosition() == 9


@pytest.mark.parametrize(
    ("field", "value", "cleared", "shown"),
    [
        ("place", "Liberec, Kraj", "", lambda page: page.placeEdit.text()),
        (
            "vision_intro",
            "Úvod.\n\nDruhý odstavec.",
            None,
            lambda page: page.visionIntroEdit.toPlainText(),
        ),
    ],
    ids=["place", "vision intro"],
)
def test_an_undo_updates_the_widget_without_new_commands(
    page: DetailsPage, session, field: str, value: str, cleared: str | None, shown
) -> None:
    session.push(SetFields(Kind.DETAILS, 0, {field: value}), f"Set {field}")
    assert shown(page) == value
    session.undo_stack.undo()
    assert shown(page) == ""
    assert session.undo_stack.count() == 1
    assert session.undo_stack.index() == 0
    assert getattr(session.document.data.details, field) == cleared


def test_an_empty_title_is_refused_and_the_last_one_kept(qtbot, page: DetailsPage, session) -> None:
    page.titleEdit.setFocus()
    page.titleEdit.selectAll()
    with qtbot.waitSignal(session.refused) as refused:
        qtbot.keyClick(page.titleEdit, Qt.Key.Key_Backspace)
    assert refused.args == ["A workshop needs a title."]
    assert session.document.data.details.title == TITLE
    page.titleEdit.editingFinished.emit()
    assert page.titleEdit.text() == TITLE
    assert session.undo_stack.count() == 0


def test_the_end_time_is_optional_and_each_change_one_step(page: DetailsPage, session) -> None:
    page.endsCheck.click()
    assert page.endsEdit.isEnabled()
    assert session.document.data.details.ends_at == datetime(2026, 5, 19, 16, 0)
    page.endsEdit.setTime(QTime(16, 30))
    assert saved_details(session).ends_at == datetime(2026, 5, 19, 16, 30)
    page.endsCheck.click()
    assert session.document.data.details.ends_at is None
    assert not page.endsEdit.isEnabled()
    assert session.undo_stack.count() == 3

    session.undo_stack.undo()
    assert page.endsCheck.isChecked()
    assert page.endsEdit.time() == QTime(16, 30)
    session.undo_stack.undo()
    assert page.endsEdit.time() == QTime(16, 0)
    session.undo_stack.undo()
    assert not page.endsCheck.isChecked()
    assert saved_details(session).ends_at is None


def test_an_end_before_the_start_is_kept_with_a_warning(page: DetailsPage, session) -> None:
    page.endsCheck.click()
    page.endsEdit.setTime(QTime(12, 0))
    assert session.document.data.details.ends_at == datetime(2026, 5, 19, 12, 0)
    assert "Not after the start" in page.endsHint.text()
    page.endsEdit.setTime(QTime(15, 0))
    assert page.endsHint.text() == ""


def test_a_new_start_date_moves_the_end_with_it_in_one_step(page: DetailsPage, session) -> None:
    page.endsCheck.click()
    page.startsEdit.setDateTime(QDateTime(datetime(2026, 5, 26, 13, 30)))
    details = saved_details(session)
    assert details.starts_at == datetime(2026, 5, 26, 13, 30)
    assert details.ends_at == datetime(2026, 5, 26, 16, 0)
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert page.startsEdit.dateTime().toPython() == datetime(2026, 5, 19, 13, 0)
    assert session.document.data.details.ends_at == datetime(2026, 5, 19, 16, 0)


def test_the_minutes_language_by_keyboard(qtbot, page: DetailsPage, session) -> None:
    page.languageCombo.setFocus()
    qtbot.keyClick(page.languageCombo, Qt.Key.Key_Down)
    assert saved_details(session).language == "en"
    assert session.undo_stack.undoText() == "Change minutes language"
    # The intro's placeholder shows the sentence the English minutes would generate.
    assert ENGLISH.no_remarks in page.visionIntroEdit.placeholderText()
    session.undo_stack.undo()
    assert page.languageCombo.currentData() == "cs"
    assert saved_details(session).language == "cs"


def test_the_vision_intro_empty_means_generated(qtbot, page: DetailsPage, session) -> None:
    page.visionIntroEdit.setFocus()
    qtbot.keyClicks(page.visionIntroEdit, "The vision was agreed.")
    assert saved_details(session).vision_intro == "The vision was agreed."
    assert session.undo_stack.count() == 1
    page.visionIntroEdit.selectAll()
    qtbot.keyClick(page.visionIntroEdit, Qt.Key.Key_Delete)
    assert saved_details(session).vision_intro is None
    session.undo_stack.undo()  # the deletion merged with the typing: one step in all
    assert page.visionIntroEdit.toPlainText() == ""
    assert session.undo_stack.count() == 1


def test_ctrl_z_in_a_field_undoes_the_workshop_step(qtbot, page: DetailsPage, session) -> None:
    page.addAction(session.undo_stack.createUndoAction(page))
    page.actions()[-1].setShortcut("Ctrl+Z")
    page.activateWindow()
    page.placeEdit.setFocus()
    qtbot.waitUntil(page.placeEdit.hasFocus)
    qtbot.keyClicks(page.placeEdit, "Liberec")
    qtbot.keyClick(page.placeEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.undo_stack.index() == 0
    assert page.placeEdit.text() == ""
    assert session.document.data.details.place == ""


def test_a_replaced_document_is_shown(page: DetailsPage, session) -> None:
    data = session.document.data
    data.details.title = "Jiný workshop"
    session.document.replace_data(data)
    assert page.titleEdit.text() == "Jiný workshop"


@pytest.fixture(params=["cs", "en"])
def typing_page(request, qtbot, session):
    """The details page built with the UI in Czech or in English (the default locale)."""
    from PySide6.QtCore import QLocale

    saved = QLocale()
    QLocale.setDefault(QLocale(request.param))
    try:
        widget = DetailsPage(session)
    finally:
        QLocale.setDefault(saved)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    widget.language = request.param
    return widget


def type_over(qtbot, field: QAbstractSpinBox, text: str) -> None:
    """Select what the field shows and type ``text`` over it, then Enter."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


TYPED_STARTS = {
    "cs": [
        ("19.5.2026 13:00", datetime(2026, 5, 19, 13, 0)),
        ("26. 5. 2026 9.30", datetime(2026, 5, 26, 9, 30)),
        ("2.6.2026 14", datetime(2026, 6, 2, 14, 0)),
        ("3. 6. 2026", datetime(2026, 6, 3, 14, 0)),
    ],
    "en": [
        ("19/05/2026 13:00", datetime(2026, 5, 19, 13, 0)),
        ("26 May 2026 1 pm", datetime(2026, 5, 26, 13, 0)),
        ("2026-06-02 9:30", datetime(2026, 6, 2, 9, 30)),
        ("3 June 2026", datetime(2026, 6, 3, 9, 30)),
    ],
}


def test_the_start_is_typed_as_people_write_dates(qtbot, typing_page, session) -> None:
    page = typing_page
    for text, expected in TYPED_STARTS[page.language]:
        type_over(qtbot, page.startsEdit, text)
        assert session.document.data.details.starts_at == expected, text
        assert page.startsEdit.dateTime().toPython() == expected
        assert page.startsMessage.isHidden()
    assert saved_details(session).starts_at == expected


def test_this_year_is_taken_when_the_year_is_left_out(qtbot, typing_page, session) -> None:
    page = typing_page
    type_over(qtbot, page.startsEdit, "19.5. 13:00" if page.language == "cs" else "19/5 13:00")
    year = datetime.now().year
    assert session.document.data.details.starts_at == datetime(year, 5, 19, 13, 0)


@pytest.mark.parametrize("text", ["31.2.2026 13:00", "19.5.5202 13:00", "19/05/2026 13:00"])
def test_an_impossible_start_is_refused_beside_the_field(qtbot, page, session, text) -> None:
    page.startsEdit.language = "cs"
    before = session.document.data.details.starts_at
    steps = session.undo_stack.count()
    type_over(qtbot, page.startsEdit, text)
    assert session.document.data.details.starts_at == before
    assert session.undo_stack.count() == steps
    assert page.startsEdit.dateTime().toPython() == before  # shows the value kept
    assert page.startsMessage.isVisible()
    assert text.split()[0] in page.startsMessage.text()
    type_over(qtbot, page.startsEdit, "20.5.2026 13:00")
    assert page.startsMessage.isHidden()
    # Leaving the field with Tab judges the text as Enter does.
    page.startsEdit.lineEdit().selectAll()
    qtbot.keyClicks(page.startsEdit, text)
    qtbot.keyClick(page.startsEdit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not page.startsEdit.hasFocus())
    assert page.startsMessage.isVisible()
    assert session.document.data.details.starts_at == datetime(2026, 5, 20, 13, 0)


def test_the_end_time_is_typed_the_czech_way(qtbot, page, session) -> None:
    page.endsEdit.language = "cs"
    page.endsCheck.click()
    for text, expected in (
        ("16", QTime(16, 0)),
        ("16.30", QTime(16, 30)),
        ("17:15", QTime(17, 15)),
    ):
        type_over(qtbot, page.endsEdit, text)
        assert session.document.data.details.ends_at == datetime(
            2026, 5, 19, expected.hour(), expected.minute()
        ), text
    type_over(qtbot, page.endsEdit, "25:00")
    assert page.endsMessage.isVisible()
    assert session.document.data.details.ends_at == datetime(2026, 5, 19, 17, 15)


def test_a_click_then_typing_replaces_the_whole_start(qtbot, typing_page, session) -> None:
    """The issue's case: a click into the field, then the date typed as a whole."""
    page = typing_page
    field = page.startsEdit
    line = field.lineEdit()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=line.rect().center())
    qtbot.waitUntil(lambda: line.selectedText() == line.text())
    qtbot.keyClicks(field, "26.5.2026 14:30" if page.language == "cs" else "26/05/2026 2:30 pm")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert session.document.data.details.starts_at == datetime(2026, 5, 26, 14, 30)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert line.selectedText() == line.text()


def test_stepping_after_a_half_typed_time_refuses_nothing(qtbot, page, session) -> None:
    page.endsCheck.click()
    field = page.endsEdit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "25:0")
    qtbot.keyClick(field, Qt.Key.Key_Up)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert page.endsMessage.isHidden()
    assert session.document.data.details.ends_at is not None
