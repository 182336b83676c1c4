"""The activities page by keyboard, as a facilitator uses it, each step undoable."""

from __future__ import annotations

import pytest
from gui_helpers import drop_on, focus, press, show_widget, type_text
from minutes_helpers import demo_raw, tree_depths
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from facilitator_app.gui.sections.activities import page as activities
from facilitator_app.gui.sections.activities.blocks import BlockThemesDialog
from facilitator_app.gui.sections.activities.page import ActivitiesPage
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.operations import MoveNodes, RemoveNodes


@pytest.fixture
def page(qtbot, session):
    widget = show_widget(qtbot, ActivitiesPage(session), (900, 700))
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
    """Enter commits and opens the next row; Esc there takes the untouched new row away."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(focus(), Qt.Key.Key_Escape)
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


class Questions(list):
    """The delete questions asked; each answered with the next of ``answers`` (yes if none)."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[bool] = []

    def ask(self, parent, question: str, detail: str) -> bool:
        self.append(question)
        return self.answers.pop(0) if self.answers else True


@pytest.fixture
def questions(monkeypatch) -> Questions:
    asked = Questions()
    monkeypatch.setattr(activities, "ask_before_removing", asked.ask)
    return asked


def test_delete_removes_the_branch_and_undo_restores_it(qtbot, page, questions) -> None:
    select_row(page, 3)
    page.view.collapse(page.view.currentIndex())
    # "Diverzifikace zdrojů" selected too, and expanded; "Systém IZS" collapsed.
    page.view.selectionModel().select(
        page.model.index(4, 0, page.model.index(0, 0)),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)  # 8 + 8 activities: asks first
    assert questions == ["Delete 16 activities?"]
    assert "Systém IZS" not in block_texts(page)
    page.session.undo_stack.undo()
    assert block_texts(page)[3:5] == ["Systém IZS", "Diverzifikace zdrojů"]
    assert len(page.document.data.blocks[0].children[3].children) == 7
    # Each branch comes back expanded or collapsed as it was.
    block = page.model.index(0, 0)
    assert not page.view.isExpanded(page.model.index(3, 0, block))
    assert page.view.isExpanded(page.model.index(4, 0, block))


def test_a_large_delete_asks_first_and_no_keeps_everything(qtbot, page, questions) -> None:
    before = block_texts(page)
    questions.answers.append(False)
    select_row(page, 3)  # 8 activities
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert questions == ["Delete 8 activities?"]
    assert block_texts(page) == before
    assert page.session.undo_stack.count() == 0
    select_row(page, 5)  # "Silové složky" with 1 child: no question
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert questions == ["Delete 8 activities?"]
    assert "Silové složky" not in block_texts(page)


def test_delete_acts_on_the_current_row_not_on_another_selected(qtbot, page, questions) -> None:
    select_row(page, 0)
    # The current row moves to "Silové složky" without selecting it (Ctrl+Down).
    page.view.selectionModel().setCurrentIndex(
        page.model.index(5, 0, page.model.index(0, 0)),
        QItemSelectionModel.SelectionFlag.NoUpdate,
    )
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    texts = block_texts(page)
    assert "Silové složky" not in texts
    assert texts[0] == "Přátelský a bezpečný prostor"
    assert questions == []


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
    import facilitator_app.gui.sections.activities.page as activities

    monkeypatch.setattr(activities, "EXPAND_ALL_LIMIT", 10)
    widget = ActivitiesPage(session)
    qtbot.addWidget(widget)
    block = widget.model.index(0, 0)
    assert widget.view.isExpanded(block)
    assert not widget.view.isExpanded(widget.model.index(0, 0, block))
    widget.expand_action.trigger()
    assert widget.view.isExpanded(widget.model.index(0, 0, block))


# --- a moved branch looks as it did: the mirror takes its rows out and puts them back ---------


def branch_view(page: ActivitiesPage, node_id: int) -> tuple[dict[int, bool], set[int], int]:
    """(expanded state of the branch's nodes with children, selected ids, current id)."""
    model, view = page.model, page.view
    node = page.document.node(node_id)
    expanded = {n.id: view.isExpanded(model.index_for(n)) for n in node.walk() if n.children}
    selected = {model.node_for(i).id for i in view.selectionModel().selectedRows(0)}
    current = page.current_node()
    assert current is not None
    return expanded, selected, current.id


@pytest.fixture
def nested(page) -> ActivitiesPage:
    """The branch "Systém IZS" (10) two levels deep: 11 holds 12 and is open, 13 holds 14
    and is collapsed."""
    session = page.session
    assert session.push(MoveNodes((12,), 11, 0), "Nest")
    assert session.push(MoveNodes((14,), 13, 0), "Nest")
    node = page.document.node
    page.view.expand(page.model.index_for(node(11)))
    page.view.collapse(page.model.index_for(node(13)))
    session.undo_stack.clear()
    return page


def test_a_keyboard_move_and_its_undo_keep_the_branch_expanded_and_selected(qtbot, nested) -> None:
    page = nested
    select_row(page, 3)  # "Systém IZS"
    before = branch_view(page, 10)
    assert before == ({10: True, 11: True, 13: False}, {10}, 10)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert block_texts(page)[4] == "Systém IZS"
    assert branch_view(page, 10) == before
    # The current row deep inside the branch survives an undo too, and so does a selection
    # that is not the moved row.
    page.select(page.model.index_for(page.document.node(12)))
    inside = branch_view(page, 10)
    assert inside == ({10: True, 11: True, 13: False}, {12}, 12)
    page.session.undo_stack.undo()
    assert block_texts(page)[3] == "Systém IZS"
    assert branch_view(page, 10) == inside
    page.session.undo_stack.redo()
    assert block_texts(page)[4] == "Systém IZS"
    assert branch_view(page, 10) == inside


def test_a_move_leaves_the_new_parent_collapsed_as_it_was(qtbot, nested) -> None:
    """Only insertions expand their parent; a branch moved into a collapsed one stays out of
    sight, as before the tree mirrored the document."""
    page = nested
    collapsed = page.model.index_for(page.document.node(13))
    select_row(page, 1)  # the moved row is the current one: the view must not go after it
    scrolled = page.view.verticalScrollBar().value()
    assert page.session.push(MoveNodes((8,), 13, -1), "Into the collapsed")
    assert not page.view.isExpanded(collapsed)
    assert page.current_node() is page.document.node(8)
    assert page.view.verticalScrollBar().value() == scrolled


def drop_on_view(page: ActivitiesPage, target: QModelIndex, *, onto: bool) -> None:
    """Drag what is selected onto ``target`` (or just above it)."""
    view = page.view
    mime = page.model.mimeData(view.selectionModel().selectedIndexes())
    rect = view.visualRect(target)
    drop_on(view, mime, rect.center() if onto else QPoint(rect.center().x(), rect.top() + 1))


def test_a_drop_keeps_the_branch_expanded_and_the_moved_items_selected(qtbot, nested) -> None:
    page = nested
    select_row(page, 3)
    before = branch_view(page, 10)
    prevence = page.model.index_for(page.document.node(28))
    drop_on_view(page, prevence, onto=True)
    assert [c.id for c in page.document.node(28).children][-1] == 10
    assert branch_view(page, 10) == before
    page.session.undo_stack.undo()
    assert block_texts(page)[3] == "Systém IZS"
    assert branch_view(page, 10) == before


def test_a_drop_of_several_rows_between_items_selects_them_all(qtbot, page) -> None:
    model, view = page.model, page.view
    node = page.document.node
    view.setCurrentIndex(model.index_for(node(8)))
    selection = view.selectionModel()
    rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(model.index_for(node(8)), rows)
    selection.select(model.index_for(node(9)), rows)
    drop_on_view(page, model.index_for(node(29)), onto=False)  # above the first of "Prevence"
    assert [c.id for c in node(28).children][:3] == [8, 9, 29]
    assert {model.node_for(i).id for i in selection.selectedRows(0)} == {8, 9}
    assert page.current_node() is node(8)


def test_a_leaf_that_gets_a_child_can_be_expanded_to_show_it(qtbot, page) -> None:
    model, view = page.model, page.view
    leaf = page.document.node(8)
    leaf_index = model.index_for(leaf)
    assert model.flags(leaf_index) & Qt.ItemFlag.ItemNeverHasChildren
    select_row(page, 2)  # "Zodolnění kritické infrastruktury", a leaf too
    drop_on_view(page, leaf_index, onto=True)
    assert [c.id for c in leaf.children] == [9]
    assert not model.flags(leaf_index) & Qt.ItemFlag.ItemNeverHasChildren
    view.expand(leaf_index)  # the view refuses to expand a row that says it never has any
    assert view.isExpanded(leaf_index)
    assert view.visualRect(model.index_for(page.document.node(9))).isValid()
    # Adding a sub-activity to a leaf opens it at once.
    select_row(page, 2)  # "Systém IZS" now
    node = page.document.node(11)
    page.select(model.index_for(node))
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.isExpanded(model.index_for(node))
    assert not model.flags(model.index_for(node)) & Qt.ItemFlag.ItemNeverHasChildren
    # Its only child removed, the row is a leaf again.
    qtbot.keyClick(open_editor(page), Qt.Key.Key_Escape)
    page.session.undo_stack.undo()
    assert model.flags(model.index_for(node)) & Qt.ItemFlag.ItemNeverHasChildren


def test_removing_the_row_being_edited_neither_indents_nor_fails(qtbot, page) -> None:
    """The editor's row goes (another window, an undo): Qt moves the focus on, which is not
    the facilitator pressing Tab."""
    from facilitator_app.workshop.operations import RemoveNodes

    select_row(page, 2)
    node = page.current_node()
    assert node is not None
    before = block_texts(page)
    page.view.edit(page.view.currentIndex())
    open_editor(page)
    assert page.session.push(RemoveNodes((node.id,)), "Remove elsewhere")
    qtbot.waitUntil(lambda: page.view.state() != page.view.State.EditingState)
    assert block_texts(page) == [t for t in before if t != node.text]
    assert len(page.session.document.data.blocks[0].children) == len(before) - 1
    assert page.session.undo_stack.undoText() == "Remove elsewhere"


def test_a_drop_onto_a_leaf_opens_it_so_the_moved_item_stays_in_sight(qtbot, page) -> None:
    model, view = page.model, page.view
    block = page.document.data.blocks[0]
    leaf = next(n for n in block.children if not n.children)
    moved = next(n for n in block.children if n.children).children[0]
    view.setCurrentIndex(model.index_for(moved))
    page.select(model.index_for(moved))
    drop_on_view(page, model.index_for(leaf), onto=True)
    assert [c.id for c in leaf.children] == [moved.id]
    assert view.isExpanded(model.index_for(leaf))
    assert page.current_node() is moved
    assert view.visualRect(model.index_for(moved)).isValid()  # laid out: in sight


# --- the outliner's keys while typing ------------------------------------------------------


def empty_block(qtbot, page: ActivitiesPage) -> None:
    """The demo's block with its activities gone, selected, with nothing to undo."""
    block = page.document.data.blocks[0]
    page.session.push(RemoveNodes(tuple(c.id for c in block.children)), "clear")
    page.session.undo_stack.clear()
    page.select(page.model.index(0, 0))
    page.view.setFocus()


class KeyCounter:
    """Presses keys on whatever has the focus, counting them (the text typed is not counted)."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.keys = 0

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.keys += 1
        self.qtbot.keyClick(focus(), key, modifier)


def outline_tree(page: ActivitiesPage) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for block in page.document.data.blocks:
        for top in block.children:
            stack = [(top, 0)]
            while stack:
                node, depth = stack.pop()
                out.append((node.text, depth))
                stack.extend((c, depth + 1) for c in reversed(node.children))
    return out


def test_the_seed_tree_is_typed_with_one_key_per_activity(qtbot, page) -> None:
    seed = tree_depths(demo_raw())
    empty_block(qtbot, page)
    keys = KeyCounter(qtbot)
    keys.press(Qt.Key.Key_Return)  # the block's own key: its first activity
    for number, (text, depth) in enumerate(seed):
        assert page.view.state() == page.view.State.EditingState
        type_text(text)
        following = seed[number + 1][1] if number + 1 < len(seed) else depth
        modifier = Qt.KeyboardModifier.NoModifier
        if following > depth:
            modifier = Qt.KeyboardModifier.ControlModifier  # the next one is its child
        elif following < depth:
            modifier = Qt.KeyboardModifier.ShiftModifier  # the next one a level up
        keys.press(Qt.Key.Key_Return, modifier)
    keys.press(Qt.Key.Key_Escape)  # the block's other key: the row the last Enter opened goes
    assert outline_tree(page) == seed
    assert keys.keys == len(seed) + 2
    assert page.view.state() != page.view.State.EditingState
    assert "New activity" not in [text for text, _ in outline_tree(page)]


def test_tab_and_shift_tab_while_editing_commit_and_move_the_row(qtbot, page) -> None:
    empty_block(qtbot, page)
    press(qtbot, Qt.Key.Key_Return)
    type_text("Doprava")
    press(qtbot, Qt.Key.Key_Return)
    type_text("Cyklo")
    press(qtbot, Qt.Key.Key_Tab)  # commits "Cyklo" and makes it a child, still editing it
    assert page.view.state() == page.view.State.EditingState
    type_text("stezky")
    press(qtbot, Qt.Key.Key_Return)
    type_text("Parkování")
    press(qtbot, Qt.Key.Key_Backtab)  # back to the top level, still editing
    type_text(" v centru")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)
    assert outline_tree(page) == [("Doprava", 0), ("Cyklostezky", 1), ("Parkování v centru", 0)]


def test_backspace_in_an_emptied_new_row_takes_it_away(qtbot, page) -> None:
    empty_block(qtbot, page)
    press(qtbot, Qt.Key.Key_Return)
    type_text("Doprava")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Backspace)  # empties the selected placeholder
    press(qtbot, Qt.Key.Key_Backspace)  # takes the row away
    assert outline_tree(page) == [("Doprava", 0)]
    assert page.view.state() != page.view.State.EditingState
    assert current_text(page) == "Doprava"
    # No step of the gone row is left to undo or redo.
    stack = page.session.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Add activity", "Edit activity"]
    assert stack.index() == stack.count()


def test_escape_in_an_untouched_new_row_leaves_nothing(qtbot, page) -> None:
    before = block_texts(page)
    select_row(page, 1)
    press(qtbot, Qt.Key.Key_Return)
    assert page.view.state() == page.view.State.EditingState
    press(qtbot, Qt.Key.Key_Escape)
    assert block_texts(page) == before
    assert page.session.undo_stack.count() == 0
    assert current_text(page) == before[1]
    # Esc in a row that was typed into keeps the row (the typing was committed before).
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_Escape)
    assert block_texts(page) == before


# --- blocks and their themes ---------------------------------------------------------------


def tick(qtbot, dialog: BlockThemesDialog, row: int) -> None:
    """Move to a row by keyboard and tick it with Space."""
    dialog.list.setCurrentRow(row)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)


def test_block_themes_stand_in_the_order_ticked_and_move_by_keyboard(qtbot) -> None:
    dialog = BlockThemesDialog([(1, "A"), (2, "B"), (3, "C"), (4, "D")], [])
    qtbot.addWidget(dialog)
    dialog.show()
    tick(qtbot, dialog, 2)  # C
    tick(qtbot, dialog, 3)  # D
    tick(qtbot, dialog, 2)  # A (C and D went to the top)
    assert dialog.chosen_ids() == [3, 4, 1]
    dialog.list.setCurrentRow(2)  # A
    qtbot.keyClick(dialog.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert dialog.chosen_ids() == [1, 3, 4]
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert dialog.chosen_ids() == [3, 1, 4]
    # Unticked, a theme goes just below the ticked ones.
    dialog.list.setCurrentRow(0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.chosen_ids() == [1, 4]
    assert [dialog.list.item(r).text() for r in range(4)][:3] == ["A", "D", "C"]


def test_ctrl_b_adds_a_block_with_its_themes_in_the_order_chosen(qtbot, page, monkeypatch) -> None:
    themes = [t.id for t in page.document.data.themes]

    def choose(dialog: BlockThemesDialog) -> QDialog.DialogCode:
        tick(qtbot, dialog, 2)  # the third theme, now at the top
        tick(qtbot, dialog, 2)  # the second, ticked after it, stands after it
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BlockThemesDialog, "exec", choose)
    assert page.add_block_action.shortcut().toString() == "Ctrl+B"
    qtbot.keyClick(page.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    blocks = page.document.data.blocks
    assert len(blocks) == 2
    assert blocks[1].theme_ids == [themes[2], themes[1]]
    assert page.current_node() is blocks[1]


def test_the_toolbar_names_its_buttons_and_reaches_every_action(qtbot, page) -> None:
    from PySide6.QtWidgets import QToolButton

    buttons = [b for b in page.toolbar.findChildren(QToolButton) if b.isVisible()]
    buttons = [b for b in buttons if b.objectName() != "qt_toolbar_ext_button"]
    reached: list = []
    icon_only = []
    for button in buttons:
        assert button.accessibleName() or button.text(), button
        assert button.toolTip(), button.text()
        actions = button.menu().actions() if button.menu() else [button.defaultAction()]
        reached += actions
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            icon_only.append(button.defaultAction())
        for action in actions:
            for keys in action.shortcuts()[:1]:
                assert keys.toString(keys.SequenceFormat.NativeText) in button.toolTip()
    assert set(reached) == set(page.actions_)
    # Only the votes' two buttons show no text: a label names them.
    assert icon_only == [page.vote_up_action, page.vote_down_action]
    assert page.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    # It fits the page at its width on a 1366 px screen (the wall's preview beside it).
    assert page.toolbar.sizeHint().width() <= 790
