"""The activities page by keyboard, as a facilitator uses it, each step undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from facilitator_app.gui.activities import ActivitiesPage
from facilitator_app.workshop.document import Document


@pytest.fixture
def page(qtbot, session):
    widget = ActivitiesPage(session)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    widget.view.setFocus()
    return widget


def block_texts(page: ActivitiesPage) -> list[str]:
    return [n.text for n in page.document.data.blocks[0].children]


def current_text(page: ActivitiesPage) -> str:
    node = page.current_node()
    assert node is not None
    return node.text


def open_editor(page: ActivitiesPage) -> QLineEdit:
    editor = page.view.findChild(QLineEdit)
    assert editor is not None
    assert editor.isVisible()
    assert editor.hasFocus()
    return editor


def commit(qtbot, page: ActivitiesPage, editor: QLineEdit) -> None:
    """Enter in an editor commits through a queued call: wait for the view to finish."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.state() != page.view.State.EditingState)


def select_row(page: ActivitiesPage, row: int, *path: int) -> None:
    index = page.model.index(row, 0, page.model.index(0, 0))
    for child_row in path:
        index = page.model.index(child_row, 0, index)
    page.select(index)
    page.view.setFocus()


def test_enter_adds_a_sibling_below_and_edits_it(qtbot, page) -> None:
    select_row(page, 1)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.view.state() == page.view.State.EditingState
    editor = open_editor(page)
    qtbot.keyClicks(editor, "Cyklostezky")
    commit(qtbot, page, editor)
    assert block_texts(page)[2] == "Cyklostezky"
    # Insert and edit are two steps; undo both and the tree is as before.
    page.session.undo_stack.undo()
    assert block_texts(page)[2] == "New activity"
    page.session.undo_stack.undo()
    assert "New activity" not in block_texts(page)


def test_tab_indents_and_shift_tab_outdents_with_children(qtbot, page) -> None:
    select_row(page, 3)  # "Systém IZS", 7 children
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    zodolneni = page.document.data.blocks[0].children[2]
    assert [c.text for c in zodolneni.children] == ["Systém IZS"]
    assert len(zodolneni.children[0].children) == 7
    assert current_text(page) == "Systém IZS"
    qtbot.keyClick(page.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert block_texts(page)[3] == "Systém IZS"
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    assert block_texts(page)[3] == "Systém IZS"
    assert page.session.undo_stack.count() == 2


def test_alt_up_down_move_within_and_across_branches(qtbot, page) -> None:
    select_row(page, 2)
    qtbot.keyClick(page.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert block_texts(page)[1] == "Zodolnění kritické infrastruktury"
    qtbot.keyClick(
        page.view,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert block_texts(page)[2] == "Zodolnění kritické infrastruktury"
    # The first child of "Systém IZS" moved up leaves its branch for the one above.
    select_row(page, 3, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    zodolneni = page.document.data.blocks[0].children[2]
    assert [c.text for c in zodolneni.children] == ["Sjednocení a provázanost systémů IZS"]


def test_delete_removes_the_branch_and_undo_restores_it(qtbot, page) -> None:
    select_row(page, 3)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert "Systém IZS" not in block_texts(page)
    assert current_text(page) == "Diverzifikace zdrojů"
    page.session.undo_stack.undo()
    assert block_texts(page)[3] == "Systém IZS"
    assert len(page.document.data.blocks[0].children[3].children) == 7


def test_f2_edits_and_the_edit_reaches_the_file(qtbot, page) -> None:
    select_row(page, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = open_editor(page)
    editor.selectAll()
    # QTest types Latin-1 only; Czech letters arrive as an input method would insert them.
    qtbot.keyClicks(editor, "Bezpe")
    editor.insert("čný kraj")
    commit(qtbot, page, editor)
    reopened = Document.open(page.document.path)
    assert reopened.data.blocks[0].children[0].text == "Bezpečný kraj"
    reopened.close()


def test_copy_as_indented_text_and_paste_keeps_the_hierarchy(qtbot, page) -> None:
    select_row(page, 3)
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    assert text.splitlines()[:2] == ["Systém IZS", "\tSjednocení a provázanost systémů IZS"]
    QApplication.clipboard().setText("* Doprava\n    * Cyklostezky\n        * Značení\n* Školy\n")
    select_row(page, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert block_texts(page)[1:3] == ["Doprava", "Školy"]
    doprava = page.document.data.blocks[0].children[1]
    assert doprava.children[0].text == "Cyklostezky"
    assert doprava.children[0].children[0].text == "Značení"
    page.session.undo_stack.undo()
    assert "Doprava" not in block_texts(page)


def test_plus_and_minus_count_votes(qtbot, page) -> None:
    select_row(page, 1)
    qtbot.keyClick(page.view, Qt.Key.Key_Plus)
    qtbot.keyClick(page.view, Qt.Key.Key_Plus)
    qtbot.keyClick(page.view, Qt.Key.Key_Minus)
    assert page.document.data.blocks[0].children[1].votes == 1
    page.session.undo_stack.undo()
    assert page.document.data.blocks[0].children[1].votes == 2


def test_expand_and_collapse_all(qtbot, page) -> None:
    izs = page.model.index(3, 0, page.model.index(0, 0))
    page.collapse_action.trigger()
    assert not page.view.isExpanded(izs)
    page.expand_action.trigger()
    assert page.view.isExpanded(izs)


def test_a_large_tree_opens_with_only_its_blocks_expanded(qtbot, session, monkeypatch) -> None:
    """Thousands of expanded rows would make every move re-lay them all out."""
    import facilitator_app.gui.activities as activities

    monkeypatch.setattr(activities, "EXPAND_ALL_LIMIT", 10)
    widget = ActivitiesPage(session)
    qtbot.addWidget(widget)
    block = widget.model.index(0, 0)
    assert widget.view.isExpanded(block)
    assert not widget.view.isExpanded(widget.model.index(0, 0, block))
    widget.expand_action.trigger()
    assert widget.view.isExpanded(widget.model.index(0, 0, block))
