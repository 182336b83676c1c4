"""The Vision page by keyboard and mouse: themes, wording, draft, remarks; each step undoable."""

from __future__ import annotations

import pytest
from gui_helpers import key_clicks, show_widget
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QLineEdit, QWidget
from workshop_state import reopened

from facilitator_app.gui.core.session import Focus
from facilitator_app.gui.sections.vision import models
from facilitator_app.gui.sections.vision.page import VisionPage
from facilitator_app.gui.sections.vision.text_editors import changed_span, paragraph_at_line
from facilitator_app.gui.sections.vision.theme_dialog import ThemeNameDialog
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import Remark, RemarkStatus
from facilitator_app.workshop.operations import InsertRecord, MoveRecord, SetFields, moves_for_drop

ENERGETIKA = (
    "Spolehlivé sítě energií s dostatečnou kapacitou umožňují rozvoj území a zabezpečují "
    "kvalitní podmínky pro život obyvatel Libereckého kraje."
)


@pytest.fixture
def page(qtbot, session):
    return show_widget(qtbot, VisionPage(session), (1200, 750))


def names(page: VisionPage) -> list[str]:
    return [theme.name for theme in page.document.data.themes]


def theme_named(data, name: str):
    return next(theme for theme in data.themes if theme.name == name)


type_text = key_clicks  # typed as a user types, Czech letters too


def open_editor(view: QAbstractItemView) -> QLineEdit:
    """The line editor the view has just opened (a closed one may linger until deleted)."""
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QLineEdit)
    assert editor.hasFocus()
    return editor


def end_editing(qtbot, view: QAbstractItemView) -> None:
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


# --- models -----------------------------------------------------------------------------------


def test_theme_model_passes_qtmodeltester(qtmodeltester, session) -> None:
    qtmodeltester.check(models.ThemeListModel(session), force_py=True)


def test_remarks_model_passes_qtmodeltester(qtmodeltester, session) -> None:
    theme = session.document.data.themes[0]
    for position, text in enumerate(("Doplnit vodík", "Zmínit komunitní energetiku")):
        session.push(
            InsertRecord(Kind.REMARK, theme.id, position, Remark(100 + position, text)), "add"
        )
    model = models.RemarksModel(session)
    model.set_theme(theme.id)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    assert model.index(0, models.STATUS_COLUMN).data() == "Open"
    assert model.index(0, models.STATUS_COLUMN).data(Qt.ItemDataRole.EditRole) == "pending"


def test_models_follow_undo_and_redo_with_row_signals(qtbot, session) -> None:
    model = models.ThemeListModel(session)
    theme_id = session.document.data.themes[0].id
    with qtbot.waitSignal(model.rowsMoved):
        session.push(MoveRecord(Kind.THEME, theme_id, 2), "move")
    assert model.index(2, 0).data() == "Energetika"
    with qtbot.waitSignal(model.rowsMoved):
        session.undo_stack.undo()
    assert model.index(0, 0).data() == "Energetika"


def test_helpers_split_paragraphs_and_diff() -> None:
    text = "První věta.\nPokračování.\n\nDruhý odstavec.\n\n\nTřetí."
    assert [paragraph_at_line(text, line) for line in range(7)] == [0, 0, 0, 1, 1, 1, 2]
    assert paragraph_at_line("", 0) == 0
    assert paragraph_at_line("\n\nA", 0) == 0
    assert changed_span("abcdef", "abXYef") == (2, 4, "XY")
    assert changed_span("aaa", "aaaa") == (3, 3, "a")
    assert changed_span("abc", "") == (0, 3, "")
    assert moves_for_drop(Kind.THEME, [1, 2, 3, 4, 5], [1, 2], None) == [
        MoveRecord(Kind.THEME, 1, 4),
        MoveRecord(Kind.THEME, 2, 4),
    ]
    assert moves_for_drop(Kind.THEME, [1, 2, 3], [3], 1) == [MoveRecord(Kind.THEME, 3, 0)]
    assert moves_for_drop(Kind.THEME, [1, 2, 3], [2], 3) == []


# --- the wording and the draft ------------------------------------------------------------------


def test_typing_reaches_the_document_and_the_file_as_one_undo_step(qtbot, page) -> None:
    session = page.session
    editor = page.visionEdit
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    steps = session.undo_stack.count()
    type_text(qtbot, editor, " Vítr a slunce.")
    theme = session.document.theme(page.theme_id)
    assert theme.vision.endswith("obnovitelné zdroje. Vítr a slunce.")
    # The keystrokes merged into one step, and the cursor stayed where the typing went.
    assert session.undo_stack.count() == steps + 1
    assert session.undo_stack.undoText() == "Edit the vision of “Energetika”"
    assert editor.textCursor().position() == len(editor.toPlainText())
    assert theme_named(reopened(session.document), "Energetika").vision == theme.vision

    session.undo_stack.undo()
    assert theme.vision.endswith("obnovitelné zdroje.")
    assert editor.toPlainText() == theme.vision
    # The cursor is clamped to the shorter text, not thrown back to the start.
    assert editor.textCursor().position() == len(theme.vision)
    assert theme_named(reopened(session.document), "Energetika").vision == theme.vision


def test_typing_is_written_within_a_second_without_a_flush(qtbot, page) -> None:
    page.visionEdit.setFocus()
    qtbot.keyClicks(page.visionEdit, "X")
    assert not page.document.is_saved
    with qtbot.waitSignal(page.session.save_state_changed, timeout=1000) as blocker:
        pass
    assert blocker.args[0] is True
    assert page.document.is_saved


def test_the_draft_is_kept_when_editing_begins_in_the_same_undo_step(qtbot, page) -> None:
    session = page.session
    theme = session.document.theme(page.theme_id)
    original = theme.vision
    assert theme.draft is None
    assert page.draftEdit.toPlainText() == ""
    steps = session.undo_stack.count()
    page.visionEdit.setFocus()
    page.visionEdit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, page.visionEdit, " Doplněno.")
    assert theme.draft == original
    assert page.draftEdit.toPlainText() == original
    assert session.undo_stack.count() == steps + 1
    assert theme_named(reopened(session.document), "Energetika").draft == original

    session.undo_stack.undo()  # the typing and the kept draft go together
    assert (theme.vision, theme.draft) == (original, None)
    assert page.draftEdit.toPlainText() == ""
    session.undo_stack.redo()
    assert theme.vision == original + " Doplněno."
    assert theme.draft == original
    assert page.visionEdit.toPlainText() == theme.vision
    stored = theme_named(reopened(session.document), "Energetika")
    assert (stored.vision, stored.draft) == (theme.vision, original)

    # Later edits leave the draft alone; the draft itself is editable.
    qtbot.keyClicks(page.visionEdit, "!")
    assert theme.draft == original
    page.wordingTabs.setCurrentWidget(page.draftTab)
    page.draftEdit.setFocus()
    page.draftEdit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, page.draftEdit, " (návrh ORK)")
    assert theme.draft == original + " (návrh ORK)"
    assert theme.vision == original + " Doplněno.!"


def test_a_first_wording_typed_from_empty_is_the_draft(qtbot, page, monkeypatch) -> None:
    monkeypatch.setattr(page, "ask_theme_name", lambda *args, **kwargs: "Doprava")
    page.themeList.setFocus()
    qtbot.keyClick(page.themeList, Qt.Key.Key_Insert)
    theme = theme_named(page.document.data, "Doprava")
    steps = page.session.undo_stack.count()
    type_text(qtbot, page.visionEdit, "Kraj je dostupný.")
    # The draft follows the first wording keystroke by keystroke, in one undo step.
    assert (theme.vision, theme.draft) == ("Kraj je dostupný.", "Kraj je dostupný.")
    assert page.session.undo_stack.count() == steps + 1
    assert page.draftEdit.toPlainText() == "Kraj je dostupný."
    # A pause closes the step: from then on the wording changes and the draft stays.
    page.session.undo_stack.command(steps).pushed_at -= 60
    page.visionEdit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, page.visionEdit, " Dobře.")
    assert theme.vision == "Kraj je dostupný. Dobře."
    assert theme.draft == "Kraj je dostupný."
    assert page.compare_view.isEnabled()
    page.session.undo_stack.undo()
    assert (theme.vision, theme.draft) == ("Kraj je dostupný.", "Kraj je dostupný.")
    page.session.undo_stack.undo()  # the first wording and its draft go together
    assert (theme.vision, theme.draft) == ("", None)


def test_ctrl_z_in_the_editor_undoes_the_workshop_step(qtbot, page) -> None:
    theme = page.document.theme(page.theme_id)
    original = theme.vision
    page.visionEdit.setFocus()
    type_text(qtbot, page.visionEdit, "Úvod: ")
    assert theme.vision == "Úvod: " + original
    qtbot.keyClick(page.visionEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert theme.vision == original
    assert page.visionEdit.toPlainText() == original
    assert page.visionEdit.textCursor().position() == 0
    qtbot.keyClick(page.visionEdit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert theme.vision == "Úvod: " + original
    assert page.visionEdit.textCursor().position() == len("Úvod: ")


def test_undo_elsewhere_keeps_the_cursor_after_the_change(qtbot, page) -> None:
    theme_id = page.theme_id
    page.visionEdit.setFocus()
    cursor = page.visionEdit.textCursor()
    cursor.setPosition(10)
    page.visionEdit.setTextCursor(cursor)
    qtbot.keyClicks(page.visionEdit, "abc")
    # A change after the cursor, by another view, leaves the cursor where it was.
    page.session.push(
        SetFields(Kind.THEME, theme_id, {"vision": page.document.theme(theme_id).vision + "Z"}),
        "elsewhere",
    )
    assert page.visionEdit.toPlainText().endswith("Z")
    page.session.undo_stack.undo()
    assert not page.visionEdit.toPlainText().endswith("Z")
    assert page.visionEdit.textCursor().position() == len(page.visionEdit.toPlainText())


def test_non_breaking_spaces_and_paragraphs_survive_typing(qtbot, page) -> None:
    theme_id = page.theme_id
    text = "V\u00a0kraji je voda.\n\nA\u00a0vzduch."
    page.session.push(SetFields(Kind.THEME, theme_id, {"vision": text}), "set")
    assert page.visionEdit.toPlainText().replace("\u00a0", " ") == text.replace("\u00a0", " ")
    page.visionEdit.setFocus()
    page.visionEdit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.visionEdit, "!")
    vision = page.document.theme(theme_id).vision
    assert vision == text + "!"
    assert page.document.theme(theme_id).vision_paragraphs() == [
        "V\u00a0kraji je voda.",
        "A\u00a0vzduch.!",
    ]


def test_the_wall_learns_the_theme_and_the_paragraph(qtbot, page) -> None:
    session = page.session
    theme_id = page.theme_id
    session.push(SetFields(Kind.THEME, theme_id, {"vision": "První.\n\nDruhý.\n\nTřetí."}), "set")
    page.visionEdit.setFocus()
    page.visionEdit.moveCursor(QTextCursor.MoveOperation.Start)
    assert session.focus.paragraph == 0
    with qtbot.waitSignal(session.focus_changed) as blocker:
        page.visionEdit.moveCursor(QTextCursor.MoveOperation.End)
    assert blocker.args[0].section == "vision"
    assert (blocker.args[0].theme_id, blocker.args[0].paragraph) == (theme_id, 2)
    qtbot.keyClick(page.visionEdit, Qt.Key.Key_Up)
    qtbot.keyClick(page.visionEdit, Qt.Key.Key_Up)
    assert session.focus.paragraph == 1
    page.select_theme(page.document.data.themes[2].id)
    assert session.focus.theme_id == page.document.data.themes[2].id


# --- themes -----------------------------------------------------------------------------------


def test_insert_adds_a_theme_after_the_selected_one(qtbot, page, monkeypatch) -> None:
    monkeypatch.setattr(page, "ask_theme_name", lambda *args, **kwargs: "  Doprava ")
    page.themeList.setFocus()
    qtbot.keyClick(page.themeList, Qt.Key.Key_Insert)
    assert names(page)[1] == "Doprava"
    assert page.themeTitle.text() == "Doprava"
    assert page.visionEdit.hasFocus()
    type_text(qtbot, page.visionEdit, "Kraj je dobře dostupný.")
    stored = reopened(page.document)
    assert theme_named(stored, "Doprava").vision == "Kraj je dobře dostupný."
    assert theme_named(stored, "Doprava").draft == "Kraj je dobře dostupný."
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    assert "Doprava" not in names(page)
    assert "Doprava" not in [t.name for t in reopened(page.document).themes]


def test_duplicate_or_empty_theme_names_are_refused(qtbot, page) -> None:
    before = names(page)
    steps = page.session.undo_stack.count()
    assert not page.add_theme(" energetika")
    assert page.themeMessage.isVisible()
    assert page.themeMessage.text() == "There is already a theme named “Energetika”."
    assert not page.add_theme("   ")
    assert page.themeMessage.text() == "A theme needs a name."
    assert names(page) == before
    assert page.session.undo_stack.count() == steps

    dialog = ThemeNameDialog("Add theme", page.themes.name_problem, "", page)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.name_edit, "Bezpečnost")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    assert dialog.hint.text() == "There is already a theme named “Bezpečnost”."
    qtbot.keyClicks(dialog.name_edit, " obyvatel")
    assert ok.isEnabled()
    assert dialog.name() == "Bezpečnost obyvatel"


def test_f2_renames_and_a_duplicate_rename_is_refused(qtbot, page) -> None:
    page.themeList.setFocus()
    qtbot.keyClick(page.themeList, Qt.Key.Key_F2)
    editor = open_editor(page.themeList)
    editor.selectAll()
    qtbot.keyClicks(editor, "Energetika a klima")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    end_editing(qtbot, page.themeList)
    assert names(page)[0] == "Energetika a klima"
    assert page.themeTitle.text() == "Energetika a klima"
    assert reopened(page.document).themes[0].name == "Energetika a klima"

    with qtbot.waitSignal(page.themes.refused) as blocker:
        assert not page.themes.setData(page.themes.index(0, 0), "Bezpečnost")
    assert blocker.args == ["There is already a theme named “Bezpečnost”."]
    assert page.themeMessage.text() == "There is already a theme named “Bezpečnost”."
    assert names(page)[0] == "Energetika a klima"

    page.session.undo_stack.undo()
    assert names(page)[0] == "Energetika"
    assert page.themeTitle.text() == "Energetika"


def test_alt_up_and_down_reorder_the_themes(qtbot, page) -> None:
    page.themeList.setFocus()
    qtbot.keyClick(page.themeList, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.themeList, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert names(page)[2] == "Energetika"
    assert page.current_theme().name == "Energetika"
    qtbot.keyClick(page.themeList, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(page)[1] == "Energetika"
    assert [t.name for t in reopened(page.document).themes][1] == "Energetika"
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    assert names(page)[0] == "Energetika"
    assert reopened(page.document).themes[0].name == "Energetika"


def test_dragging_a_theme_moves_it_in_one_undo_step(qtmodeltester, page) -> None:
    model = page.themes
    qtmodeltester.check(model, force_py=True)
    before = names(page)
    mime = model.mimeData([model.index(0, 0)])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    # False: the move is done; the view must not remove the source row itself.
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert names(page) == [before[1], before[2], "Energetika", before[3]]
    assert page.current_theme().name == "Energetika"
    assert [t.name for t in reopened(page.document).themes] == names(page)
    page.session.undo_stack.undo()
    assert names(page) == before
    page.session.undo_stack.redo()
    # Dropped at the end, and onto another theme (lands before it).
    mime = model.mimeData([model.index(3, 0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert names(page)[-1] == before[3]
    mime = model.mimeData([model.index(3, 0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.index(0, 0))
    assert names(page)[0] == before[3]


def test_delete_removes_a_theme_and_undo_restores_remarks_and_blocks(qtbot, page) -> None:
    session = page.session
    document = session.document
    theme = document.data.themes[0]
    session.push(InsertRecord(Kind.REMARK, theme.id, 0, Remark(500, "Chybí vodík")), "add")
    block = document.data.blocks[0]
    assert theme.id in block.theme_ids
    page.themeList.setFocus()
    steps = session.undo_stack.count()
    qtbot.keyClick(page.themeList, Qt.Key.Key_Delete)
    assert "Energetika" not in names(page)
    assert theme.id not in block.theme_ids
    assert session.undo_stack.count() == steps + 1
    assert page.themeTitle.text() == names(page)[0]
    assert "Ctrl+Z" in page.themeMessage.text()
    stored = reopened(document)
    assert "Energetika" not in [t.name for t in stored.themes]
    assert theme.id not in stored.blocks[0].theme_ids

    session.undo_stack.undo()
    restored = document.theme(theme.id)
    assert names(page)[0] == "Energetika"
    assert [r.text for r in restored.remarks] == ["Chybí vodík"]
    assert block.theme_ids.index(theme.id) == 1
    assert page.current_theme().name == "Energetika"
    assert page.remarks.rowCount() == 1
    stored = reopened(document)
    assert [r.text for r in theme_named(stored, "Energetika").remarks] == ["Chybí vodík"]
    assert theme.id in stored.blocks[0].theme_ids


def test_removing_the_last_theme_shows_the_empty_page(qtbot, page) -> None:
    for _ in range(4):
        page.remove_theme()
    assert page.themes.rowCount() == 0
    assert page.detailStack.currentWidget() is page.emptyPage
    assert not page.add_remark_action.isEnabled()
    page.session.undo_stack.undo()
    assert page.detailStack.currentWidget() is page.themePage


# --- remarks ----------------------------------------------------------------------------------


def test_add_a_remark_with_an_author_from_the_completer(qtbot, page) -> None:
    session = page.session
    attendee = next(a for a in session.document.data.attendees if a.name == "Účastník 3")
    session.push(SetFields(Kind.ATTENDEE, attendee.id, {"organization": "Město Jablonec"}), "org")
    theme = session.document.theme(page.theme_id)
    steps = session.undo_stack.count()

    page.visionEdit.setFocus()
    qtbot.keyClick(
        page.visionEdit,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(theme.remarks) == 1
    assert session.undo_stack.count() == steps + 1
    editor = open_editor(page.remarksTable)
    qtbot.keyClicks(editor, "Doplnit akumulaci energie.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    end_editing(qtbot, page.remarksTable)
    assert theme.remarks[0].text == "Doplnit akumulaci energie."

    # The author: type part of a name, pick the attendee from the completer's list.
    index = page.remarks.index(0, models.AUTHOR_COLUMN)
    page.remarksTable.setCurrentIndex(index)
    qtbot.keyClick(page.remarksTable, Qt.Key.Key_F2)
    editor = open_editor(page.remarksTable)
    completer = page.author_delegate.completer
    assert completer is not None
    type_text(qtbot, editor, "stník 3")
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    assert popup.model().index(0, 0).data() == "Účastník 3 — Město Jablonec"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    # Picked: committed, and the next cell (the organisation, filled in) is being edited.
    qtbot.waitUntil(lambda: page.remarksTable.currentIndex().column() == models.ORGANIZATION_COLUMN)
    qtbot.keyClick(open_editor(page.remarksTable), Qt.Key.Key_Escape)
    end_editing(qtbot, page.remarksTable)
    remark = theme.remarks[0]
    assert (remark.author, remark.organization) == ("Účastník 3", "Město Jablonec")
    assert session.undo_stack.undoText() == "Set who raised a remark"
    stored = theme_named(reopened(session.document), "Energetika").remarks[0]
    assert (stored.text, stored.author, stored.organization) == (
        "Doplnit akumulaci energie.",
        "Účastník 3",
        "Město Jablonec",
    )
    session.undo_stack.undo()  # author and organisation go back together
    assert (remark.author, remark.organization) == ("", "")


def test_an_author_can_be_typed_freely(qtbot, page) -> None:
    page.add_remark()
    qtbot.keyClick(open_editor(page.remarksTable), Qt.Key.Key_Escape)
    end_editing(qtbot, page.remarksTable)
    index = page.remarks.index(0, models.AUTHOR_COLUMN)
    assert page.remarks.setData(index, "Host z Prahy")
    assert page.remarks.setData(page.remarks.index(0, models.ORGANIZATION_COLUMN), "MMR")
    assert page.remarks.setData(page.remarks.index(0, models.RESPONSE_COLUMN), "Zapracováno.")
    remark = page.document.theme(page.theme_id).remarks[0]
    assert (remark.author, remark.organization, remark.response) == (
        "Host z Prahy",
        "MMR",
        "Zapracováno.",
    )
    assert not page.remarks.setData(index, "Host z Prahy")  # no change, no step


def test_status_is_chosen_from_a_combo_with_translated_labels(qtbot, page) -> None:
    page.add_remark()
    qtbot.keyClick(open_editor(page.remarksTable), Qt.Key.Key_Escape)
    end_editing(qtbot, page.remarksTable)
    index = page.remarks.index(0, models.STATUS_COLUMN)
    page.remarksTable.setCurrentIndex(index)
    page.remarksTable.setFocus()
    qtbot.keyClick(page.remarksTable, Qt.Key.Key_F2)
    combo = page.remarksTable.indexWidget(index)
    assert isinstance(combo, QComboBox)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["Open", "Accepted", "Partly accepted", "Not accepted", "Noted"]
    # F4 opens the list; two steps down and Enter choose "Partly accepted".
    qtbot.keyClick(combo, Qt.Key.Key_F4)
    qtbot.waitUntil(combo.view().isVisible)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    # Chosen: committed, and on to how the remark was settled.
    qtbot.waitUntil(lambda: page.remarksTable.currentIndex().column() == models.RESPONSE_COLUMN)
    qtbot.keyClick(open_editor(page.remarksTable), Qt.Key.Key_Escape)
    end_editing(qtbot, page.remarksTable)
    page.remarksTable.setCurrentIndex(index)
    remark = page.document.theme(page.theme_id).remarks[0]
    assert remark.status is RemarkStatus.PARTLY
    assert index.data() == "Partly accepted"
    assert theme_named(reopened(page.document), "Energetika").remarks[0].status is (
        RemarkStatus.PARTLY
    )
    page.session.undo_stack.undo()
    assert remark.status is RemarkStatus.PENDING

    # Arrow keys on the closed box step through the statuses; Enter commits the last one.
    qtbot.keyClick(page.remarksTable, Qt.Key.Key_F2)
    combo = page.remarksTable.indexWidget(index)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert page.remarksTable.state() == QAbstractItemView.State.EditingState
    assert remark.status is RemarkStatus.PENDING
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    end_editing(qtbot, page.remarksTable)
    assert remark.status is RemarkStatus.PARTLY


def test_delete_removes_a_remark_and_undo_brings_it_back(qtbot, page) -> None:
    theme = page.document.theme(page.theme_id)
    for position, text in enumerate(("První", "Druhá")):
        page.session.push(
            InsertRecord(Kind.REMARK, theme.id, position, Remark(600 + position, text)), "add"
        )
    page.remarksTable.setFocus()
    page.remarksTable.setCurrentIndex(page.remarks.index(0, models.TEXT_COLUMN))
    page.remarksTable.selectRow(0)
    qtbot.keyClick(page.remarksTable, Qt.Key.Key_Delete)
    assert [r.text for r in theme.remarks] == ["Druhá"]
    assert [r.text for r in theme_named(reopened(page.document), "Energetika").remarks] == ["Druhá"]
    page.session.undo_stack.undo()
    assert [r.text for r in theme.remarks] == ["První", "Druhá"]
    assert page.remarks.rowCount() == 2


def test_remarks_follow_the_selected_theme(qtbot, page) -> None:
    first, second = page.document.data.themes[:2]
    page.session.push(InsertRecord(Kind.REMARK, second.id, 0, Remark(700, "K vodě")), "add")
    assert page.remarks.rowCount() == 0
    page.select_theme(second.id)
    assert page.remarks.rowCount() == 1
    assert page.visionEdit.toPlainText() == second.vision
    page.select_theme(first.id)
    assert page.remarks.rowCount() == 0


# --- keyboard and accessibility -----------------------------------------------------------------


def test_every_control_has_an_accessible_name_and_labels_have_buddies(page) -> None:
    for widget in page.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(page):
            assert widget.accessibleName(), widget.objectName() or type(widget).__name__
    for label in (page.themesLabel, page.remarksLabel):
        assert "&" in label.text()
        assert label.buddy() is not None
    for label in page.findChildren(QLabel):
        if "&" in label.text():
            assert label.buddy() is not None


def test_tab_walks_through_the_page(qtbot, page) -> None:
    page.themeList.setFocus()
    reached = []
    for _ in range(14):
        widget = page.focusWidget()
        reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert page.visionEdit in reached
    assert page.remarksTable in reached
    assert page.addThemeButton in reached


def test_mnemonic_of_the_draft_tab_puts_the_cursor_in_the_draft(qtbot, page) -> None:
    page.themeList.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.draftEdit.hasFocus)
    assert page.wordingTabs.currentWidget() is page.draftTab


@pytest.mark.parametrize("which", ["remarks", "themes"])
def test_models_stay_consistent_when_the_shown_theme_goes_and_comes_back(
    qtbot, qtmodeltester, page, which
) -> None:
    session = page.session
    theme = session.document.data.themes[0]
    session.push(InsertRecord(Kind.REMARK, theme.id, 0, Remark(800, "Vodík")), "add")
    # (One model per test: the fixture's checker follows one model's changes at a time.)
    qtmodeltester.check(page.remarks if which == "remarks" else page.themes, force_py=True)
    page.remove_theme()
    assert page.remarks.theme_id == page.theme_id == session.document.data.themes[0].id
    assert page.remarks.rowCount() == 0
    session.undo_stack.undo()
    assert page.theme_id == theme.id
    assert page.remarks.rowCount() == 1
    # A whole new workshop (a restore): the page keeps showing the same theme, as it is now.
    data = reopened(session.document)
    data.themes.reverse()
    data.themes[-1].vision = "Nové znění."
    session.document.replace_data(data)
    assert page.theme_id == theme.id
    assert page.current_theme().id == theme.id
    assert page.visionEdit.toPlainText() == "Nové znění."
    assert page.remarks.rowCount() == 1
    # And when that theme is gone from the new workshop, the first theme.
    data = reopened(session.document)
    del data.themes[-1]
    for block in data.blocks:
        block.theme_ids = [i for i in block.theme_ids if i != theme.id]
    session.document.replace_data(data)
    assert page.theme_id == data.themes[0].id
    assert page.themeTitle.text() == data.themes[0].name
    assert page.remarks.rowCount() == 0


def test_a_closed_page_stops_listening(qtbot, session) -> None:
    page = VisionPage(session)
    listeners = len(session.document._listeners)
    page.deleteLater()
    qtbot.waitUntil(lambda: len(session.document._listeners) == listeners - 3)
    theme = session.document.data.themes[0]
    session.push(SetFields(Kind.THEME, theme.id, {"name": "Energie"}), "rename")
    session.push(InsertRecord(Kind.REMARK, theme.id, 0, Remark(900, "Nová")), "add")


def test_enter_on_a_theme_goes_to_its_wording(qtbot, page) -> None:
    page.themeList.setFocus()
    qtbot.keyClick(page.themeList, Qt.Key.Key_Down)
    qtbot.keyClick(page.themeList, Qt.Key.Key_Return)
    assert page.visionEdit.hasFocus()
    assert page.themeTitle.text() == "Vodní hospodářství"
    assert page.remarks_placeholder.isVisible()


def test_a_drop_on_the_list_view_moves_the_theme_and_removes_nothing(qtbot, page) -> None:
    view = page.themeList
    before = names(page)
    mime = page.themes.mimeData([page.themes.index(0, 0)])
    rect = view.visualRect(page.themes.index(2, 0))
    point = QPointF(rect.center().x(), rect.bottom() - 2)  # the lower edge of the third theme
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move_action = Qt.DropAction.MoveAction
    for event in (
        QDragEnterEvent(point.toPoint(), move_action, mime, buttons, modifiers),
        QDragMoveEvent(point.toPoint(), move_action, mime, buttons, modifiers),
        QDropEvent(point, move_action, mime, buttons, modifiers),
    ):
        QApplication.sendEvent(view.viewport(), event)
    assert names(page) == [before[1], before[2], "Energetika", before[3]]
    assert page.session.undo_stack.undoText() == "Move theme “Energetika”"
    page.session.undo_stack.undo()
    assert names(page) == before


def test_a_hidden_page_does_not_move_the_walls_focus(qtbot, session) -> None:
    page = VisionPage(session)
    qtbot.addWidget(page)
    session.set_focus(Focus("activities", node_id=5))
    theme = session.document.data.themes[1]
    page.select_theme(theme.id)
    session.push(SetFields(Kind.THEME, theme.id, {"vision": "Jinak."}), "elsewhere")
    assert session.focus == Focus("activities", node_id=5)
    page.show()
    qtbot.waitExposed(page)
    assert session.focus == Focus("vision", theme.id, 0)


def test_a_refused_edit_puts_the_stored_text_back(qtbot, page) -> None:
    theme = page.document.theme(page.theme_id)
    original = theme.vision
    page.document.read_only = True
    page.visionEdit.setFocus()
    with qtbot.waitSignal(page.session.refused):
        qtbot.keyClicks(page.visionEdit, "x")
    assert theme.vision == original
    assert page.visionEdit.toPlainText() == original


def test_a_remark_is_captured_in_one_go_by_keyboard(qtbot, page) -> None:
    """Ctrl+Shift+M, the text, Tab, the author picked, Tab, the status, Tab, the response."""
    session = page.session
    attendee = next(a for a in session.document.data.attendees if a.name == "Účastník 5")
    session.push(SetFields(Kind.ATTENDEE, attendee.id, {"organization": "Obec Rádlo"}), "org")
    table = page.remarksTable
    page.visionEdit.setFocus()
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.visionEdit, Qt.Key.Key_M, control_shift)
    type_text(qtbot, open_editor(table), "Chybí zmínka o teplárenství.")
    qtbot.keyClick(open_editor(table), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.currentIndex().column() == models.AUTHOR_COLUMN)
    type_text(qtbot, open_editor(table), "stník 5")
    popup = page.author_delegate.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.currentIndex().column() == models.ORGANIZATION_COLUMN)
    assert open_editor(table).text() == "Obec Rádlo"
    qtbot.keyClick(open_editor(table), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.currentIndex().column() == models.STATUS_COLUMN)
    qtbot.keyClick(table.indexWidget(table.currentIndex()), Qt.Key.Key_Down)  # "Accepted"
    qtbot.keyClick(table.indexWidget(table.currentIndex()), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.currentIndex().column() == models.RESPONSE_COLUMN)
    type_text(qtbot, open_editor(table), "Doplněno.")
    qtbot.keyClick(open_editor(table), Qt.Key.Key_Return)
    end_editing(qtbot, table)
    remark = session.document.theme(page.theme_id).remarks[0]
    assert (remark.text, remark.author, remark.organization, remark.status, remark.response) == (
        "Chybí zmínka o teplárenství.",
        "Účastník 5",
        "Obec Rádlo",
        RemarkStatus.ACCEPTED,
        "Doplněno.",
    )
    stored = theme_named(reopened(session.document), "Energetika").remarks[0]
    assert (stored.author, stored.status, stored.response) == (
        "Účastník 5",
        RemarkStatus.ACCEPTED,
        "Doplněno.",
    )


def test_esc_goes_back_to_the_themes_and_tab_reaches_the_draft(qtbot, page) -> None:
    assert page.wordingHint.isVisible()
    assert "Esc" in page.wordingHint.text()
    assert "Tab" in page.wordingHint.text()
    page.visionEdit.setFocus()
    qtbot.waitUntil(page.visionEdit.hasFocus)
    qtbot.keyClick(page.visionEdit, Qt.Key.Key_Tab)
    qtbot.waitUntil(page.draftEdit.hasFocus)
    assert page.wordingTabs.currentWidget() is page.draftTab
    qtbot.keyClick(page.draftEdit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(page.visionEdit.hasFocus)
    assert page.wordingTabs.currentWidget() is page.wordingTab
    text = page.visionEdit.toPlainText()
    qtbot.keyClick(page.visionEdit, Qt.Key.Key_Escape)
    qtbot.waitUntil(page.themeList.hasFocus)
    assert page.visionEdit.toPlainText() == text  # no key reached the text
    page.draftEdit.setFocus()
    qtbot.keyClick(page.draftEdit, Qt.Key.Key_Escape)
    qtbot.waitUntil(page.themeList.hasFocus)


def test_the_remark_text_takes_the_width_the_other_columns_fit(qtbot, page) -> None:
    page.resize(1000, 700)
    table = page.remarksTable
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    header = table.horizontalHeader()
    widths = {column: header.sectionSize(column) for column in range(5)}
    for column in (models.AUTHOR_COLUMN, models.ORGANIZATION_COLUMN, models.STATUS_COLUMN):
        assert widths[models.TEXT_COLUMN] > 1.5 * widths[column], widths
    for column in range(5):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
