"""The pages' actions and the toolbar of a record page.

``make_action`` makes a page's action (its icon, its keys only while one widget has focus, a
tooltip naming the keys, in the page's list for the context menu and on its toolbar);
``record_toolbar`` the toolbar the Attendees, Agenda and Tasks pages (and the activity tree)
put them on: text beside the icons, named for screen readers; ``menu_button`` a button on it
that opens a menu of less frequent actions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from facilitator_app.gui.core.icons import icon


def make_action(
    owner: QObject,
    text: str,
    meaning: str,
    slot: Callable[[], object],
    shortcuts: Sequence[str | QKeySequence.StandardKey] = (),
    *,
    widget: QWidget,
    actions: list[QAction],
    toolbar: QToolBar | None = None,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
    tooltip: bool = True,
) -> QAction:
    """An action of ``owner`` whose keys work while ``widget`` has focus (``context``).

    It goes in ``actions`` (the page's menu) and, given one, on ``toolbar``; with ``tooltip``
    its tooltip names its keys ("Remove (Del)").
    """
    action = QAction(icon(meaning), text, owner)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        # Only while the widget has focus: an open editor keeps its Enter, Space and Delete.
        action.setShortcutContext(context)
        if tooltip:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
    action.triggered.connect(lambda _checked=False: slot())
    widget.addAction(action)
    actions.append(action)
    if toolbar is not None:
        toolbar.addAction(action)
    return action


def record_toolbar(title: str, parent: QWidget) -> QToolBar:
    """A page's toolbar called ``title`` (translated by the page), its buttons with text."""
    toolbar = QToolBar(title, parent)
    toolbar.setAccessibleName(title)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return toolbar


def menu_button(
    toolbar: QToolBar, menu: QMenu, meaning: str, actions: list[QAction]
) -> QToolButton:
    """A button with the text of ``menu`` on ``toolbar`` that opens it with ``actions``; its
    tooltip names them and their keys."""
    text = menu.title()
    for action in actions:
        menu.addAction(action)
    button = QToolButton(toolbar)
    button.setText(text)
    button.setIcon(icon(meaning))
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAccessibleName(text.replace("&", ""))
    native = QKeySequence.SequenceFormat.NativeText
    button.setToolTip(
        ", ".join(
            f"{a.text().rstrip('…')} ({a.shortcut().toString(native)})"
            if a.shortcuts()
            else a.text().rstrip("…")
            for a in actions
        )
    )
    toolbar.addWidget(button)
    return button
