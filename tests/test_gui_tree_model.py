"""The activity tree model: structure, editing, drag-and-drop through MIME data, undo."""

from __future__ import annotations

import copy

from PySide6.QtCore import QModelIndex, Qt

from facilitator_app.gui.tree_model import ActivityTreeModel
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.interchange import workshop_to_json


def texts(model: ActivityTreeModel, parent: QModelIndex) -> list[str]:
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def reopened_json(document: Document) -> dict:
    document.flush()
    return workshop_to_json(Document.open(document.path).data)


def test_model_passes_qtmodeltester(qtmodeltester, session) -> None:
    model = ActivityTreeModel(session)
    qtmodeltester.check(model, force_py=True)


def test_blocks_are_top_level_rows_named_by_their_themes(session) -> None:
    model = ActivityTreeModel(session)
    assert model.rowCount() == 1
    block = model.index(0, 0)
    assert block.data() == (
        "Bezpečnost + Energetika + Vodní hospodářství + Informační a komunikační technologie"
    )
    assert texts(model, block)[0] == "Přátelský a bezpečný prostor"


def test_edit_text_is_one_undo_step_and_reaches_the_file(session) -> None:
    model = ActivityTreeModel(session)
    first = model.index(0, 0, model.index(0, 0))
    assert model.setData(first, "Nový text")
    assert reopened_json(session.document)["activity_blocks"][0]["activities"][0]["text"] == (
        "Nový text"
    )
    session.undo_stack.undo()
    assert first.data() == "Přátelský a bezpečný prostor"
    assert reopened_json(session.document)["activity_blocks"][0]["activities"][0]["text"] == (
        "Přátelský a bezpečný prostor"
    )


def drag(model: ActivityTreeModel, indexes, row: int, parent: QModelIndex) -> bool:
    mime = model.mimeData(indexes)
    if not model.canDropMimeData(mime, Qt.DropAction.MoveAction, row, 0, parent):
        return False
    model.dropMimeData(mime, Qt.DropAction.MoveAction, row, 0, parent)
    return True


def test_drop_between_items_moves_and_undoes(qtmodeltester, session) -> None:
    model = ActivityTreeModel(session)
    qtmodeltester.check(model, force_py=True)
    block = model.index(0, 0)
    before = texts(model, block)
    # Drag "Systém IZS" (row 3) with all its columns to the top of the block.
    indexes = [model.index(3, c, block) for c in range(3)]
    assert drag(model, indexes, 0, block)
    assert texts(model, block)[0] == "Systém IZS"
    assert model.rowCount(model.index(0, 0, block)) == 7
    session.undo_stack.undo()
    assert texts(model, block) == before
    session.undo_stack.redo()
    assert texts(model, block)[0] == "Systém IZS"


def test_drop_onto_item_appends_as_child(session) -> None:
    model = ActivityTreeModel(session)
    block = model.index(0, 0)
    target = model.index(2, 0, block)  # "Zodolnění kritické infrastruktury"
    assert drag(model, [model.index(1, 0, block), model.index(6, 0, block)], -1, target)
    target = model.index(1, 0, block)
    assert texts(model, target) == [
        "Motivace obcí a zainteresovaných institucí na budování bezpečnostních úkrytů",
        "Prevence",
    ]
    session.undo_stack.undo()
    assert model.rowCount(model.index(2, 0, block)) == 0


def test_drop_into_own_subtree_is_refused(session) -> None:
    model = ActivityTreeModel(session)
    block = model.index(0, 0)
    izs = model.index(3, 0, block)
    child = model.index(0, 0, izs)
    assert not drag(model, [izs], -1, child)
    assert not drag(model, [izs], -1, izs)
    assert session.undo_stack.count() == 0


def test_text_dropped_from_elsewhere_becomes_a_subtree(session) -> None:
    from PySide6.QtCore import QMimeData

    model = ActivityTreeModel(session)
    block = model.index(0, 0)
    mime = QMimeData()
    mime.setText("- Doprava\n  - Cyklostezky\n  - Železnice\n")
    assert model.canDropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, block)
    model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, block)
    assert texts(model, model.index(0, 0, block)) == ["Cyklostezky", "Železnice"]


def test_a_replaced_workshop_shows_its_own_tree(qtmodeltester, session) -> None:
    """A restore replaces the whole workshop: the model follows the new tree, not the old."""
    model = ActivityTreeModel(session)
    data = copy.deepcopy(session.document.data)
    first = data.blocks[0].children[0]
    first.text = "Po obnovení"
    first.children.clear()
    session.document.replace_data(data)
    block = model.index(0, 0)
    assert texts(model, block)[0] == "Po obnovení"
    assert model.rowCount(model.index(0, 0, block)) == 0
    assert model.flags(model.index(0, 0, block)) & Qt.ItemFlag.ItemNeverHasChildren
    qtmodeltester.check(model, force_py=True)


def test_a_leaf_that_gets_a_child_is_a_branch_again(session) -> None:
    model = ActivityTreeModel(session)
    block = model.index(0, 0)
    leaf_row = next(
        r for r in range(model.rowCount(block)) if not model.hasChildren(model.index(r, 0, block))
    )
    leaf = model.index(leaf_row, 0, block)
    assert model.flags(leaf) & Qt.ItemFlag.ItemNeverHasChildren
    mime = model.mimeData([model.index(0, 0, block)])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, leaf)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, leaf)
    leaf = model.index(leaf_row - 1, 0, block)  # the first row went into it
    assert model.hasChildren(leaf)
    assert not model.flags(leaf) & Qt.ItemFlag.ItemNeverHasChildren
