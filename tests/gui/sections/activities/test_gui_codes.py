"""View ▸ Show activity codes: the tree paints each activity's code (``1.4.2``) before its
text and says it in its accessible text, the codes follow inserts, moves and removals, the
choice is kept in the settings, and the wall's activities mode numbers its lines too."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from facilitator_app.gui.core import settings
from facilitator_app.gui.projector.state import Mode
from facilitator_app.gui.sections.activities.page import ActivitiesPage
from facilitator_app.gui.sections.activities.tree_model import TEXT_COLUMN, VOTES_COLUMN
from facilitator_app.workshop.operations import InsertNodes, MoveNodes, RemoveNodes, new_activity

GAP = "\u00a0\u00a0"


def painted(page: ActivitiesPage, index: QModelIndex) -> str:
    """The text the tree's delegate paints in ``index``'s cell."""
    option = QStyleOptionViewItem()
    page.view.itemDelegate().initStyleOption(option, index)
    return option.text


def row(page: ActivitiesPage, *path: int, column: int = TEXT_COLUMN) -> QModelIndex:
    index = QModelIndex()
    for number in path:
        index = page.model.index(number, 0, index)
    return index.siblingAtColumn(column)


def activities_page(window) -> ActivitiesPage:
    page = window.page("activities")
    assert isinstance(page, ActivitiesPage)
    return page


def wall_texts(window) -> list[str]:
    projector = window.projector
    page = projector.renderer.page(projector.live, Mode.ACTIVITIES)
    return [block.text for block in page.blocks][:4]


def test_the_view_menu_shows_the_codes_in_the_tree_and_on_the_wall(window) -> None:
    action = window.codes_action
    assert action in window.menuView.actions()
    assert action.text() == "&Show activity codes"
    assert action.isCheckable()
    assert not action.isChecked()
    page = activities_page(window)
    first = row(page, 0, 0)  # "Přátelský a bezpečný prostor"
    text = page.document.data.blocks[0].children[0].text
    assert painted(page, first) == text
    assert page.model.data(first, Qt.ItemDataRole.AccessibleTextRole) == text
    assert wall_texts(window)[1] == text

    action.setChecked(True)
    assert painted(page, first) == f"1.1{GAP}{text}"
    assert (
        painted(page, row(page, 0, 0, 1))
        == f"1.1.2{GAP}{page.model.node_for(row(page, 0, 0, 1)).text}"
    )
    assert painted(page, row(page, 0)).startswith(f"1{GAP}")  # a block's number
    assert painted(page, row(page, 0, 0, column=VOTES_COLUMN)) == ""  # only the text column
    assert page.model.data(first, Qt.ItemDataRole.AccessibleTextRole) == f"1.1 {text}"
    # The editor edits the text alone.
    assert page.model.data(first, Qt.ItemDataRole.EditRole) == text
    wall = wall_texts(window)
    assert wall[0].startswith(f"1{GAP}")
    assert wall[1] == f"1.1{GAP}{text}"
    assert wall[2].startswith(f"1.1.1{GAP}")
    assert settings.read(settings.SHOW_ACTIVITY_CODES) is True

    action.setChecked(False)
    assert painted(page, first) == text
    assert wall_texts(window)[1] == text
    assert settings.read(settings.SHOW_ACTIVITY_CODES) is False


def test_codes_follow_inserts_moves_and_removals(window) -> None:
    window.codes_action.setChecked(True)
    page = activities_page(window)
    session, data = page.session, page.document.data
    block = data.blocks[0]
    moved = block.children[0]  # with five children
    child = moved.children[1]

    def code(node) -> str:
        return painted(page, page.model.index_for(node)).split(GAP)[0]

    assert (code(moved), code(child)) == ("1.1", "1.1.2")
    session.push(InsertNodes(block.id, 0, (new_activity(page.document, "Nová"),)), "Add")
    assert (code(moved), code(child)) == ("1.2", "1.2.2")
    assert painted(page, row(page, 0, 0)) == f"1.1{GAP}Nová"
    assert wall_texts(window)[1] == f"1.1{GAP}Nová"

    last = len(block.children)
    session.push(MoveNodes((moved.id,), block.id, last), "Move")  # to the end of the block
    assert (code(moved), code(child)) == (f"1.{last}", f"1.{last}.2")
    assert code(block.children[1]) == "1.2"

    session.push(RemoveNodes((block.children[0].id,)), "Delete")
    assert (code(moved), code(child)) == (f"1.{last - 1}", f"1.{last - 1}.2")
    assert wall_texts(window)[1].startswith(f"1.1{GAP}")
    session.undo_stack.undo()
    assert code(moved) == f"1.{last}"


def test_the_choice_is_kept_for_the_next_window(window_factory, demo_document) -> None:
    settings.write(settings.SHOW_ACTIVITY_CODES, True)
    window = window_factory(demo_document)
    assert window.codes_action.isChecked()
    page = activities_page(window)
    assert page.model.show_codes
    assert painted(page, row(page, 0, 0)).startswith(f"1.1{GAP}")
