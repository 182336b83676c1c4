"""The base of a section's page: the session it shows, its toolbar and the actions on it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.widgets.record_toolbar import make_action, record_toolbar


class SectionPage(QWidget):
    """A page of the window showing one part of the session's document.

    ``_make_toolbar`` gives it ``toolbar`` and the list ``actions_`` (its menu); ``_action``
    makes an action in them whose keys work while ``_keys_widget()`` has focus.
    """

    actions_: list[QAction]
    toolbar: QToolBar

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document

    def _make_toolbar(self, title: str) -> QToolBar:
        """The page's toolbar (its actions in ``actions_`` come next)."""
        self.actions_ = []
        self.toolbar = record_toolbar(title, self)
        return self.toolbar

    def _action(
        self,
        text: str,
        meaning: str,
        slot: Callable[[], object],
        shortcuts: Sequence[str | QKeySequence.StandardKey] = (),
        toolbar: bool = True,
    ) -> QAction:
        return make_action(
            self,
            text,
            meaning,
            slot,
            shortcuts,
            widget=self._keys_widget(),
            actions=self.actions_,
            toolbar=self.toolbar if toolbar else None,
        )

    def _keys_widget(self) -> QWidget:
        """The widget whose focus the keys of the page's actions want."""
        raise NotImplementedError
