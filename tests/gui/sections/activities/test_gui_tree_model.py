"""The activity tree model: structure, editing, drag-and-drop through MIME data, undo."""

from __future__ import annotations

import copy
import random

import pytest
from PySide6.QtCore import QModelIndex, Qt

from facilitator_app.gui.sections.activities import page as activities
from facilitator_app.gui.sections.activities.page import ActivitiesPage
from facilitator_app.gui.sections.activities.tree_model import (
    NOTE_COLUMN,
    VOTES_COLUMN,
    ActivityTreeModel,
    IsBlockRole,
    NodeIdRole,
)
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import workshop_to_json
from facilitator_app.workshop.model import ROOT_ID, Node
from facilitator_app.workshop.operations import (
    Indent,
    InsertNodes,
    MoveNodes,
    Outdent,
    RemoveNodes,
    SetBlockThemes,
    SetFields,
)


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


def test_roles_the_view_and_screen_readers_read(session) -> None:
    model = ActivityTreeModel(session)
    block = model.index(0, 0)
    label = block.data()
    assert block.data(Qt.ItemDataRole.FontRole).bold()
    assert block.data(Qt.ItemDataRole.ToolTipRole) == label
    assert block.data(Qt.ItemDataRole.AccessibleTextRole) == f"Block: {label}"
    assert block.data(IsBlockRole) is True
    assert not model.flags(block) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, VOTES_COLUMN)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, VOTES_COLUMN).data() is None
    node = session.document.data.blocks[0].children[1]
    assert session.push(SetFields(Kind.NODE, node.id, {"votes": 3, "note": "Obce"}), "Set")
    first = model.index_for(node)
    assert first.data(NodeIdRole) == node.id
    assert first.data(IsBlockRole) is False
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "Obce"
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == node.text
    votes, note = model.index_for(node, VOTES_COLUMN), model.index_for(node, NOTE_COLUMN)
    assert (votes.data(), votes.data(Qt.ItemDataRole.EditRole)) == ("3", 3)
    assert votes.data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert note.data() == "Obce"
    assert model.flags(votes) & Qt.ItemFlag.ItemIsEditable
    session.undo_stack.undo()
    assert (votes.data(), votes.data(Qt.ItemDataRole.EditRole)) == ("", 0)
    assert first.data(Qt.ItemDataRole.ToolTipRole) is None
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert header == ["Activity", "Votes", "Note"]


def test_renaming_a_theme_or_choosing_others_relabels_the_block(session) -> None:
    model = ActivityTreeModel(session)
    block = model.index(0, 0)
    before = block.data()
    assert session.push(SetFields(Kind.THEME, 1, {"name": "Energie"}), "Rename")
    renamed = "Bezpečnost + Energie + Vodní hospodářství + Informační a komunikační technologie"
    assert block.data() == renamed
    assert block.data(Qt.ItemDataRole.ToolTipRole) == renamed
    assert block.data(Qt.ItemDataRole.AccessibleTextRole) == f"Block: {renamed}"
    session.undo_stack.undo()
    assert block.data() == before
    assert session.push(SetBlockThemes(block.data(NodeIdRole), (2,)), "Themes")
    assert block.data() == "Vodní hospodářství"
    assert session.push(SetBlockThemes(block.data(NodeIdRole), ()), "Themes")
    assert block.data() == "Activities (no themes chosen)"


def assert_mirrors(model: ActivityTreeModel) -> None:
    """The items say, row by row, what the document's tree says."""
    document = model.document
    stack: list[tuple[Node, QModelIndex]] = [(document.data.root, QModelIndex())]
    while stack:
        node, parent = stack.pop()
        assert model.rowCount(parent) == len(node.children)
        for row, child in enumerate(node.children):
            index = model.index(row, 0, parent)
            assert index.data(NodeIdRole) == child.id
            assert model.index_for(child) == index
            assert model.node_for(model.index(row, NOTE_COLUMN, parent)) is child
            assert index.data() == (model.block_label(child) if child.is_block else child.text)
            flags = model.flags(index)
            assert bool(flags & Qt.ItemFlag.ItemIsEditable) == (not child.is_block)
            leaf = not child.is_block and not child.children
            assert bool(flags & Qt.ItemFlag.ItemNeverHasChildren) == leaf
            votes = model.index(row, VOTES_COLUMN, parent)
            assert votes.data(Qt.ItemDataRole.EditRole) == (None if child.is_block else child.votes)
            # The votes and note cells behave as the row does (leaves: no children to say).
            row_flags = flags & ~Qt.ItemFlag.ItemNeverHasChildren
            assert model.flags(votes) == row_flags
            assert model.flags(model.index(row, NOTE_COLUMN, parent)) == row_flags
            stack.append((child, index))
    assert len(model._items) == len(document.node_index) - 1  # nothing removed is kept


def expansion(page: ActivitiesPage) -> dict[int, bool]:
    view, index_for = page.view, page.model.index_for
    return {
        n.id: view.isExpanded(index_for(n))
        for n in page.document.data.root.walk()
        if n.children and n.parent is not None
    }


MOVES = {"Move", "Indent", "Outdent"}


@pytest.mark.parametrize("seed", range(3))
def test_the_mirror_follows_random_operations_undo_and_redo(
    qtbot, qtmodeltester, session, seed: int
) -> None:
    """Moves, indents, insertions, removals and edits, undone and redone at random: after
    each the items mirror the document; a move keeps every branch's expansion and the
    selected row, wherever it is."""
    page = ActivitiesPage(session)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    model, view, document = page.model, page.view, session.document
    qtmodeltester.check(model, force_py=True)
    # A second block, so that blocks move too (rows of the root, with their extra cells).
    assert session.push(InsertNodes(ROOT_ID, 1, (Node(document.new_id(Kind.NODE)),)), "Block")
    stack = session.undo_stack
    stack.clear()
    rng = random.Random(seed)

    def activities() -> list[Node]:
        return [n for n in document.data.root.walk() if n.parent is not None and not n.is_block]

    for step in range(150):
        nodes = activities()
        blocks = document.data.blocks
        kind = rng.choice(["move", "move", "move", "insert", "remove", "edit", "fold", "undo"])
        chosen = rng.choice(nodes) if nodes else None
        if kind == "fold":
            if chosen is not None and chosen.children:
                index = model.index_for(chosen)
                (view.collapse if view.isExpanded(index) else view.expand)(index)
            continue
        if kind == "undo":
            kind, text = rng.choice([("undo", stack.undoText()), ("redo", stack.redoText())])
        else:
            text = {"move": rng.choice(sorted(MOVES))}.get(kind, kind)
        # Select a row anywhere: a move must keep it selected and current.
        selected = rng.choice(nodes) if nodes else None
        if selected is not None:
            page.select(model.index_for(selected))
        before = expansion(page)
        if kind == "undo":
            stack.undo()
        elif kind == "redo":
            stack.redo()
        elif text == "Move" and rng.random() < 0.2:
            block = rng.choice(blocks)
            session.push(MoveNodes((block.id,), ROOT_ID, rng.randint(-1, len(blocks))), text)
        elif kind == "remove" and rng.random() < 0.1 and len(blocks) > 1:
            session.push(RemoveNodes((rng.choice(blocks).id,)), "remove")
        elif chosen is None:
            continue
        elif text == "Move":
            many = tuple(n.id for n in rng.sample(nodes, min(len(nodes), rng.randint(1, 3))))
            target = rng.choice([*blocks, *nodes])
            session.push(MoveNodes(many, target.id, rng.randint(-1, len(target.children))), text)
        elif text in ("Indent", "Outdent"):
            session.push((Indent if text == "Indent" else Outdent)((chosen.id,)), text)
        elif kind == "insert":
            outline = "\n".join("  " * rng.randint(0, 1) + f"Nová {step}.{i}" for i in range(3))
            assert chosen.parent is not None
            model.insert_outline(chosen.parent, chosen.row, outline, "insert")
        elif kind == "remove":
            session.push(RemoveNodes((chosen.id,)), "remove")
        else:
            fields = rng.choice([{"text": f"Text {step}"}, {"votes": step}, {"note": "Pozn."}])
            session.push(SetFields(Kind.NODE, chosen.id, fields), "edit")
        assert_mirrors(model)
        if text in MOVES and selected is not None and selected.id in document.node_index:
            after = expansion(page)
            assert {i: after[i] for i in before if i in after} == {
                i: e for i, e in before.items() if i in after
            }
            assert page.selected_ids() == [selected.id]
            assert page.current_node() is selected
    assert document.node(ROOT_ID) is document.data.root
    document.replace_data(copy.deepcopy(document.data))
    assert_mirrors(model)


def _all_indexes(model: ActivityTreeModel) -> list[QModelIndex]:
    out: list[QModelIndex] = []
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            out.append(index)
            stack.append(index)
    return out


@pytest.mark.parametrize("seed", range(12))
def test_random_deletes_undos_and_focus_changes_keep_the_mirror(
    qtbot, session, seed, monkeypatch
) -> None:
    """Deleting blocks and branches, undoing, redoing and moving the focus in any order: the
    page reports focus only for nodes the document has, and the mirror matches it. (A view
    asking for a removed row's cells while the row went once raised KeyError in node_for.)"""
    from PySide6.QtCore import QItemSelectionModel

    monkeypatch.setattr(activities, "ask_before_removing", lambda *_: True)
    page = ActivitiesPage(session)
    qtbot.addWidget(page)
    page.show()
    rng = random.Random(seed)
    stack = session.undo_stack
    # A second and third block, so that whole blocks go and come back too.
    for row in (1, 2):
        block = Node(session.document.new_id(Kind.NODE), theme_ids=[])
        session.push(InsertNodes(ROOT_ID, row, (block,)), "block")
        session.push(
            MoveNodes(tuple(c.id for c in session.data.blocks[0].children[:4]), block.id, 0),
            "move",
        )
    flags = QItemSelectionModel.SelectionFlag
    for _ in range(60):
        indexes = _all_indexes(page.model)
        choice = rng.random()
        if choice < 0.3 and indexes:
            page.view.setCurrentIndex(rng.choice(indexes))
        elif choice < 0.45 and indexes:
            page.view.selectionModel().select(rng.choice(indexes), flags.Select | flags.Rows)
        elif choice < 0.65:
            page.remove()
        elif choice < 0.85 and stack.canUndo():
            stack.undo()
        elif stack.canRedo():
            stack.redo()
        focus = session.focus
        if focus.node_id is not None:
            assert focus.node_id in session.document.node_index
        current = page.view.currentIndex()
        if current.isValid():
            page.model.node_for(current)
    shown = sorted(page.model.node_for(i).id for i in _all_indexes(page.model))
    assert shown == sorted(n.id for n in session.document.node_index.values() if n.parent)


def test_the_focus_leaves_a_row_removed_with_its_branch(qtbot, session) -> None:
    page = ActivitiesPage(session)
    qtbot.addWidget(page)
    block = session.data.blocks[0]
    deep = block.children[0].children[0]
    page.select(page.model.index_for(deep))
    assert session.focus.node_id == deep.id
    session.push(RemoveNodes((block.children[0].id,)), "remove")
    assert session.focus.node_id in (None, *session.document.node_index)
    session.undo_stack.undo()
    page.select(page.model.index_for(session.document.node(deep.id)))
    session.push(RemoveNodes((block.id,)), "remove the block")
    assert session.focus.node_id is None
