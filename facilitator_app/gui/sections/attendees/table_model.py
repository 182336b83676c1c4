"""The attendance list as a table: its model and its delegate (attendees/page.py shows them).

A row a person: name, organisation (completed from those typed before), role (a combo that
takes a role's first letter), present or excused, a note; the last row takes the next name.
People are ordered the Czech way (Č after C, Ch after H). Every change is one undo step.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCollator,
    QLocale,
    QObject,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import (
    QGuiApplication,
    QPalette,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyleOptionViewItem,
    QWidget,
)

from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.widgets.capture_table import CaptureDelegate
from facilitator_app.gui.widgets.record_rows import (
    RECORD_ID_ROLE,
    SHOWN_ROLES,
    TEXT_ROLES,
    RecordRowsModel,
)
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import Attendee, Role
from facilitator_app.workshop.operations import (
    Batch,
    MoveRecord,
    Operation,
)

NAME_COLUMN, ORGANIZATION_COLUMN, ROLE_COLUMN, PRESENT_COLUMN, NOTE_COLUMN = range(5)
COLUMN_FIELDS = ("name", "organization", "role", "present", "note")
AttendeeIdRole = RECORD_ID_ROLE
NEW_ROW_EDITOR = "newAttendeeRow"  # property marking the editor of the new-attendee row


def czech_collator() -> QCollator:
    """Czech order for people's names: Č after C, Ch after H, Ř after R; 2 before 10."""
    collator = QCollator(QLocale("cs_CZ"))
    collator.setNumericMode(True)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


def sorted_by_name(attendees: Sequence[Attendee]) -> list[Attendee]:
    """The attendees in Czech order of name, then organisation; equal ones keep their order."""
    collator = czech_collator()

    def compare(a: Attendee, b: Attendee) -> int:
        return collator.compare(a.name, b.name) or collator.compare(a.organization, b.organization)

    return sorted(attendees, key=functools.cmp_to_key(compare))


def reorder_operation(current: Sequence[Attendee], wanted: Sequence[Attendee]) -> Batch | None:
    """The moves that turn ``current`` into ``wanted`` (same attendees), or None if equal."""
    order = [a.id for a in current]
    moves: list[Operation] = []
    for position, attendee in enumerate(wanted):
        if order[position] != attendee.id:
            order.remove(attendee.id)
            order.insert(position, attendee.id)
            moves.append(MoveRecord(Kind.ATTENDEE, attendee.id, position))
    return Batch(tuple(moves)) if moves else None


class AttendeeTableModel(RecordRowsModel[Attendee]):
    """The attendees, one row each, and a last row for typing in the next person."""

    record_kind = Kind.ATTENDEE
    column_count = len(COLUMN_FIELDS)
    check_column = PRESENT_COLUMN
    check_field = "present"

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(session, parent)

    # --- what the table says -------------------------------------------------------------

    def role_labels(self) -> dict[Role, str]:
        return {
            Role.PARTICIPANT: self.tr("Participant"),
            Role.ORGANIZER: self.tr("Organiser"),
            Role.GUEST: self.tr("Guest"),
        }

    def header_labels(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Role"),
            self.tr("Present"),
            self.tr("Note"),
        )

    def new_row_texts(self) -> tuple[str, str]:
        return self.tr("Type a name to add a person…"), self.tr("New attendee")

    # --- data ------------------------------------------------------------------------------

    def record_data(self, attendee: Attendee, column: int, role: int) -> Any:
        if column == PRESENT_COLUMN:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if attendee.present else Qt.CheckState.Unchecked
            if role in SHOWN_ROLES:
                return self.tr("present") if attendee.present else self.tr("excused")
            if role == Qt.ItemDataRole.EditRole:
                return attendee.present
            return None
        if column == ROLE_COLUMN:
            if role in SHOWN_ROLES:
                return self.role_labels()[attendee.role]
            if role == Qt.ItemDataRole.EditRole:
                return attendee.role.value
            return None
        if role in TEXT_ROLES:
            return getattr(attendee, COLUMN_FIELDS[column])
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTE_COLUMN and attendee.note:
            return attendee.note
        if role == Qt.ItemDataRole.ForegroundRole and not attendee.present:
            return QGuiApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def set_record_data(self, attendee: Attendee, column: int, value: Any) -> bool:
        if column == ROLE_COLUMN:
            try:
                return self.set_field(attendee, "role", Role(value))
            except ValueError:
                return False
        text = " ".join(str(value).split()) if column != NOTE_COLUMN else str(value).strip()
        if column == ORGANIZATION_COLUMN:
            text = self.known_spelling(text, attendee)
        if column == NAME_COLUMN and not text:
            self.session.refuse(self.tr("A person needs a name; Delete removes the row instead."))
            return False
        return self.set_field(attendee, COLUMN_FIELDS[column], text)

    def organizations(self, besides: Attendee | None = None) -> list[str]:
        """The organisations on the list (except ``besides``'s), in Czech order."""
        names = {a.organization for a in self.records if a.organization and a is not besides}
        return sorted(names, key=functools.cmp_to_key(czech_collator().compare))

    def known_spelling(self, organization: str, attendee: Attendee | None = None) -> str:
        """An organisation as the list already spells it ("krajský úřad" → "Krajský úřad")."""
        folded = organization.casefold()
        for known in self.organizations(besides=attendee):
            if known.casefold() == folded:
                return known
        return organization

    def field_text(self, field: str, value: Any) -> str:
        texts = {
            "name": self.tr("Rename attendee"),
            "organization": self.tr("Edit organisation"),
            "role": self.tr("Change role"),
            "present": self.tr("Mark present") if value else self.tr("Mark excused"),
            "note": self.tr("Edit note"),
        }
        return texts[field]

    def new_record(self, text: str) -> Attendee:
        return Attendee(self.document.new_id(Kind.ATTENDEE), text)

    def added_text(self, record: Attendee) -> str:
        return arg(self.tr("Add %1"), record.name)


class AttendeeDelegate(CaptureDelegate):
    """Line edits for text (the organisation completes from those typed before), a combo for
    the role that commits as soon as a role is picked (so its first letter is enough).

    In the new-attendee row, Tab and Enter do not commit through the view: the editor closes
    and ``first_cell_typed`` hands the name to the page, which adds the person and moves on
    from *their* row (see CaptureDelegate).
    """

    model: AttendeeTableModel
    new_row_property = NEW_ROW_EDITOR

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        if index.column() == ROLE_COLUMN:
            combo = QComboBox(parent)
            combo.setAccessibleName(self.tr("Role"))
            for role, label in self.model.role_labels().items():
                combo.addItem(label, role.value)
            combo.activated.connect(lambda _index: self.commitData.emit(combo))
            return combo
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setAccessibleName(
                str(self.model.headerData(index.column(), Qt.Orientation.Horizontal))
            )
            if index.column() == NAME_COLUMN and index.row() == self.model.new_row:
                editor.setAccessibleName(self.tr("Name of the next person"))
                editor.setPlaceholderText(self.tr("Name"))
                self.mark_new_row(editor)
            elif index.column() == ORGANIZATION_COLUMN:
                editor.setCompleter(self._organization_completer(editor))
        return editor

    def _organization_completer(self, editor: QLineEdit) -> QCompleter:
        """Complete in the field as a spreadsheet does: most people share a few organisations."""
        organizations = self.model.organizations()
        completer = QCompleter(QStringListModel(organizations, editor), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        return completer

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
