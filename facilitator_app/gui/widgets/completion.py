"""The completer of a cell's line edit whose pick is the whole answer (who, which organisation)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QCompleter, QLineEdit


def picking_completer(
    delegate: QAbstractItemDelegate,
    editor: QLineEdit,
    model: QAbstractItemModel,
    role: int,
    popup_name: str,
) -> QCompleter:
    """Set on ``editor`` a completer of ``model``'s ``role`` texts found by any part, in any case.

    Picking from the list commits the pick and goes on to the next cell.
    """
    completer = QCompleter(model, editor)
    completer.setCompletionRole(role)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.popup().setAccessibleName(popup_name)
    editor.setCompleter(completer)
    completer.activated[str].connect(lambda text: _commit_pick(delegate, editor, text))
    return completer


def _commit_pick(delegate: QAbstractItemDelegate, editor: QLineEdit, text: str) -> None:
    editor.setText(text)
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
