"""Editors of the remarks table: the status as a combo box, the author with a completer.

The text cells' editors write as they are typed (gui/widgets/live_edit.py)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.sections.vision.models import sorted_attendees, status_labels
from facilitator_app.gui.widgets.completion import picking_completer
from facilitator_app.gui.widgets.live_edit import LiveTextDelegate
from facilitator_app.workshop.model import RemarkStatus

# What a completion inserts (the list itself shows "name — organisation").
COMPLETION_ROLE = Qt.ItemDataRole.UserRole + 1


class StatusCombo(QComboBox):
    """A combo box that tells a choice made in its list from a step made with the arrows."""

    chosen = Signal()  # an entry was picked in the open list (Enter or a click)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._closing = False
        self.activated.connect(self._activated)

    def hidePopup(self) -> None:
        # Qt hides the list first, then reports the entry picked in it as "activated".
        self._closing = True
        super().hidePopup()
        QTimer.singleShot(0, self, self._closed)

    def _closed(self) -> None:
        self._closing = False

    def _activated(self, _row: int) -> None:
        if self._closing:
            self._closing = False
            self.chosen.emit()


class StatusDelegate(QStyledItemDelegate):
    """The translated statuses in a combo box.

    Arrow keys (or the first letter) move the choice, committed when editing ends (Enter, Tab,
    leaving the cell); a choice from the opened list (a click, F4, Alt+Down) is committed at
    once and editing goes on to the next cell.
    """

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        combo = StatusCombo(parent)
        combo.setAccessibleName(self.tr("Status of the remark"))
        for status, label in status_labels().items():
            combo.addItem(label, status.value)
        combo.chosen.connect(lambda: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        # On to the next cell (how the remark was settled), as Tab would.
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.EditNextItem)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole) or RemarkStatus.PENDING.value
        editor.setCurrentIndex(max(editor.findData(value), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CompletingDelegate(LiveTextDelegate):
    """A line editor completing from the attendees: their names, or their organisations.

    The popup lists "name — organisation" for the author; picking one commits it, and the
    remarks model fills the organisation of an attendee picked by name.
    """

    def __init__(
        self, session: WorkshopSession, organizations: bool, parent: QObject | None = None
    ) -> None:
        super().__init__(session, parent)
        self.organizations = organizations
        self.completer: QCompleter | None = None  # the open editor's, for tests and a11y

    def completion_model(self, parent: QWidget) -> QStandardItemModel:
        model = QStandardItemModel(parent)
        attendees = sorted_attendees(list(self.session.document.data.attendees))
        if self.organizations:
            seen: set[str] = set()
            for attendee in attendees:
                name = attendee.organization.strip()
                if name and name.casefold() not in seen:
                    seen.add(name.casefold())
                    item = QStandardItem(name)
                    item.setData(name, COMPLETION_ROLE)
                    model.appendRow(item)
            return model
        for attendee in attendees:
            shown = attendee.name
            if attendee.organization:
                shown = f"{attendee.name} — {attendee.organization}"
            item = QStandardItem(shown)
            item.setData(attendee.name, COMPLETION_ROLE)
            model.appendRow(item)
        return model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAccessibleName(
            self.tr("Organisation") if self.organizations else self.tr("Raised by")
        )
        # Picking from the list is the whole answer: it is committed and the next cell comes.
        self.completer = picking_completer(
            self, editor, self.completion_model(editor), COMPLETION_ROLE, self.tr("Attendees")
        )
        return editor

    def destroyEditor(self, editor: QWidget, index: ModelIndex) -> None:
        if self.completer is not None and self.completer.parent() is editor:
            self.completer = None
        super().destroyEditor(editor, index)
