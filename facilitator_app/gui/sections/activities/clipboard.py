"""Activities on the clipboard: copied as the drag carries them (ids and an outline as text),
pasted as an outline of new activities where the facilitator is."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from facilitator_app.gui.sections.activities.tree_model import ActivityTreeModel
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.model import Node


def copy_nodes(model: ActivityTreeModel, document: Document, ids: list[int]) -> None:
    """Put the nodes ``ids`` (and their branches) on the clipboard."""
    if ids:
        indexes = [model.index_for(document.node(i)) for i in ids]
        QGuiApplication.clipboard().setMimeData(model.mimeData(indexes))


def paste_place(document: Document, current: Node | None) -> tuple[Node, int] | None:
    """(parent, row) where pasted activities go: after the current activity, at the end of the
    current block, else at the end of the last block; None when there is no block yet."""
    if current is None:
        if not document.data.blocks:
            return None
        last = document.data.blocks[-1]
        return last, len(last.children)
    if current.is_block:
        return current, len(current.children)
    assert current.parent is not None
    return current.parent, current.row + 1
