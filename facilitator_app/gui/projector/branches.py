"""Which branches of the facilitator's activity tree are expanded, for the wall's outline.

The activities page announces every branch its view expands or collapses
(``branches_expanded``, ``branches_collapsed``: node ids). What the view forgets without saying
so is forgotten here too, from the document's events: the rows of removed branches (an undo
that brings them back expands them again, and says so) and everything on a reset.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from facilitator_app.gui.sections.activities.page import ActivitiesPage
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Event, NodesRemoved, Reset


class TreeBranches(QObject):
    """The expanded branches of one activities page; ``on_change`` runs once they changed.

    Expand all on a big tree announces every branch (1,000 at 10,000 activities), and a new
    outline each took 20 s in all: the announcements of one turn of the event loop make one
    call of ``on_change`` (a zero-interval timer that the first of them starts).
    """

    def __init__(self, on_change: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.expanded: set[int] = set()
        self._page: ActivitiesPage | None = None
        self._on_change = on_change
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(0)
        self._coalesce.timeout.connect(self._changed)

    @property
    def pending(self) -> bool:
        """Whether announced changes wait for ``on_change``."""
        return self._coalesce.isActive()

    def is_collapsed(self, node_id: int) -> bool:
        """For a node with children: whether its branch is collapsed in the tree (none is
        before the tree exists: the window builds its pages when first shown)."""
        return self._page is not None and node_id not in self.expanded

    def follow(self, page: ActivitiesPage) -> None:
        """Follow ``page``'s tree, starting from the branches it shows expanded now."""
        self.unfollow()
        self._page = page
        model, view = page.model, page.view
        self.expanded = {
            node.id
            for node in page.document.data.root.walk()
            if node.parent is not None and node.children and view.isExpanded(model.index_for(node))
        }
        page.branches_expanded.connect(self._expanded)
        page.branches_collapsed.connect(self._collapsed)

    def unfollow(self) -> None:
        page, self._page = self._page, None
        if page is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the page is gone already
                page.branches_expanded.disconnect(self._expanded)
                page.branches_collapsed.disconnect(self._collapsed)
        self.expanded = set()
        self._coalesce.stop()

    def document_about_to_change(self, document: Document, event: Event) -> None:
        """The view drops the expansion of removed rows, and all of it on a reset, unsaid."""
        if isinstance(event, NodesRemoved):
            parent = document.node(event.parent_id)
            for top in parent.children[event.row : event.row + event.count]:
                self.expanded.difference_update(node.id for node in top.walk())
        elif isinstance(event, Reset):
            self.expanded = set()

    def _expanded(self, node_ids: list[int]) -> None:
        if not self.expanded.issuperset(node_ids):
            self.expanded.update(node_ids)
            self._announce()

    def _collapsed(self, node_ids: list[int]) -> None:
        if not self.expanded.isdisjoint(node_ids):
            self.expanded.difference_update(node_ids)
            self._announce()

    def _announce(self) -> None:
        if not self._coalesce.isActive():
            self._coalesce.start()

    def _changed(self) -> None:
        self._on_change()
