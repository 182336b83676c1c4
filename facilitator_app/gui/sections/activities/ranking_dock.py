"""View ▸ Ranking by votes: the dock, light to create; the ranking loads when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

if TYPE_CHECKING:
    from facilitator_app.gui.core.session import WorkshopSession
    from facilitator_app.gui.sections.activities.ranking_panel import RankingPanel


class RankingDock(QDockWidget):
    """View ▸ Ranking by votes: the ranking beside whichever section is shown.

    The ranking exists only while the dock is shown: a hidden one would rank 10,000
    activities again after every move in the tree for nobody.
    """

    panel_created = Signal(object)  # RankingPanel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ranking by votes"), parent)
        self.setObjectName("rankingDock")
        self.setAccessibleName(self.tr("Ranking of the activities by votes"))
        self.panel: RankingPanel | None = None
        self.session: WorkshopSession | None = None
        self.placeholder = QLabel(self.tr("Open a workshop to see its ranking."), self)
        self.placeholder.setAccessibleName(self.tr("No workshop open"))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.placeholder)
        self.toggle_action = self.toggleViewAction()
        self.toggle_action.setText(self.tr("&Ranking by votes"))
        self.toggle_action.setShortcut(QKeySequence("Ctrl+5"))
        self.toggle_action.setToolTip(self.tr("Show the activities ranked by votes (Ctrl+5)"))
        self._sized = False
        self.visibilityChanged.connect(self._first_shown)
        self.hide()

    def _first_shown(self, visible: bool) -> None:
        """Build or drop the ranking; the first time, take half the height of the window's side."""
        if visible and self.panel is None and self.session is not None:
            self._build()
        elif not visible and self.panel is not None:
            self._drop_panel()
        window = self.parentWidget()
        if not visible or self._sized or not isinstance(window, QMainWindow) or self.isFloating():
            return
        self._sized = True
        window.resizeDocks([self], [max(window.height() // 2, 240)], Qt.Orientation.Vertical)
        window.resizeDocks([self], [max(self.width(), 380)], Qt.Orientation.Horizontal)

    def show_session(self, session: WorkshopSession) -> None:
        self.clear()
        self.session = session
        if self.isVisible():
            self._build()

    def _build(self) -> None:
        assert self.session is not None
        from facilitator_app.gui.sections.activities.ranking_panel import (
            RankingPanel,
        )  # the ranking itself loads when first shown

        self.panel = RankingPanel(self.session, self)
        self.setWidget(self.panel)
        self.panel_created.emit(self.panel)

    def clear(self) -> None:
        self.session = None
        self._drop_panel()

    def _drop_panel(self) -> None:
        panel = self.panel
        if panel is None:
            return
        self.panel = None
        panel.close_panel()
        self.placeholder = QLabel(self.tr("Open a workshop to see its ranking."), self)
        self.placeholder.setAccessibleName(self.tr("No workshop open"))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.placeholder)
        panel.deleteLater()
