"""The Attendees section: a table made for capturing people at the door by keyboard.

The table ends with a *new-attendee row*: typing a name there adds the person (one undo
step), so no empty or placeholder name ever reaches the file, and leaving that row empty
(Escape, or Enter with nothing typed) adds nobody. Tab moves to the organisation and on,
Enter goes down a row and, below the last person, starts the next one. Space marks the
selected people present or excused, Delete removes them; the role is a combo that takes the
first letter of a role. Sorting, pasting spreadsheet rows and importing a CSV are each one
undo step too.

As everywhere, the model only listens: edits become operations pushed on the session, and the
document's events drive the model's begin…/end… calls.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QStyleOptionViewItem,
    QToolBar,
    QWidget,
)

from facilitator_app.gui.core.session import Focus, WorkshopSession
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.forms.ui_attendees_page import Ui_AttendeesPage
from facilitator_app.gui.widgets.capture_table import (
    RECORD_ID_ROLE,
    CaptureDelegate,
    CaptureTablePage,
    RecordRowsModel,
)
from facilitator_app.workshop.attendee_import import (
    AttendeeImportError,
    AttendeeRow,
    Problem,
    parse_pasted,
    read_csv,
)
from facilitator_app.workshop.events import (
    Kind,
)
from facilitator_app.workshop.model import Attendee, Role
from facilitator_app.workshop.operations import (
    Batch,
    InsertRecord,
    MoveRecord,
    Operation,
    RemoveRecord,
    SetFields,
)

ModelIndex = QModelIndex | QPersistentModelIndex

NAME_COLUMN, ORGANIZATION_COLUMN, ROLE_COLUMN, PRESENT_COLUMN, NOTE_COLUMN = range(5)
COLUMN_FIELDS = ("name", "organization", "role", "present", "note")
AttendeeIdRole = RECORD_ID_ROLE
MESSAGE_MS = 8000
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


class AttendeeTableModel(RecordRowsModel, QAbstractTableModel):
    """The attendees, one row each, and a last row for typing in the next person."""

    record_kind = Kind.ATTENDEE
    records_field = "attendees"
    column_count = len(COLUMN_FIELDS)
    check_column = PRESENT_COLUMN
    check_field = "present"

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self._italic = QFont()
        self._italic.setItalic(True)
        document = self.document
        document.add_listener(self)
        self.destroyed.connect(lambda: document.remove_listener(self))

    # --- rows ------------------------------------------------------------------------------

    @property
    def attendees(self) -> list[Attendee]:
        return self.records

    def attendee_at(self, row: int) -> Attendee | None:
        attendee: Attendee | None = self.record_at(row)
        return attendee

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
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.tr("present") if attendee.present else self.tr("excused")
            if role == Qt.ItemDataRole.EditRole:
                return attendee.present
            return None
        if column == ROLE_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.role_labels()[attendee.role]
            if role == Qt.ItemDataRole.EditRole:
                return attendee.role.value
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
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
        names = {a.organization for a in self.attendees if a.organization and a is not besides}
        return sorted(names, key=functools.cmp_to_key(czech_collator().compare))

    def known_spelling(self, organization: str, attendee: Attendee | None = None) -> str:
        """An organisation as the list already spells it ("krajský úřad" → "Krajský úřad")."""
        folded = organization.casefold()
        for known in self.organizations(besides=attendee):
            if known.casefold() == folded:
                return known
        return organization

    def set_field(self, attendee: Attendee, field: str, value: Any) -> bool:
        if getattr(attendee, field) == value:
            return False
        texts = {
            "name": self.tr("Rename attendee"),
            "organization": self.tr("Edit organisation"),
            "role": self.tr("Change role"),
            "present": self.tr("Mark present") if value else self.tr("Mark excused"),
            "note": self.tr("Edit note"),
        }
        return self.session.push(
            SetFields(Kind.ATTENDEE, attendee.id, {field: value}), texts[field]
        )

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

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class AttendeesPage(CaptureTablePage, QWidget, Ui_AttendeesPage):
    """The attendance list with its toolbar; messages show in its footer."""

    message = Signal(str)
    first_column = NAME_COLUMN
    second_column = ORGANIZATION_COLUMN

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.capture_table = self.attendeeTable
        self.setObjectName("attendeesPage")
        self.session = session
        self.document = session.document
        self.model = AttendeeTableModel(session, self)
        self.attendeeTable.setModel(self.model)
        self.delegate = AttendeeDelegate(self.model, self)
        self._set_up_capture(self.delegate)
        self._set_up_table()
        self.actions_: list[QAction] = []
        self.toolbar = QToolBar(self.tr("Attendee tools"), self)
        self.toolbar.setAccessibleName(self.tr("Attendee tools"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._make_actions()
        self.pageLayout.insertWidget(0, self.toolbar)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.messageLabel.clear)
        self.message.connect(self._show_message)
        for label in (self.hintLabel, self.messageLabel):
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bold = self.headCountLabel.font()
        bold.setBold(True)
        self.headCountLabel.setFont(bold)
        self.session.changed.connect(self._update_head_count)
        self._update_head_count()
        self.attendeeTable.selectionModel().currentChanged.connect(
            lambda *_: self.session.set_focus(Focus("attendees"))
        )
        # Ready for the next person: typing starts a name in the new-attendee row.
        self.attendeeTable.setCurrentIndex(self.model.index(self.model.new_row, NAME_COLUMN))

    def _set_up_table(self) -> None:
        table = self.attendeeTable
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ORGANIZATION_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PRESENT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(NAME_COLUMN, max(240, table.fontMetrics().horizontalAdvance("M") * 18))
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    # --- actions ---------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.add_action = self._action(
            self.tr("Add attendee"), "add", self.start_next_person, ["Insert"]
        )
        self.next_action = self._action(
            self.tr("Next row"), "down", self.advance, ["Return", "Enter"], toolbar=False
        )
        self.actions_.remove(self.next_action)  # a key of the table, not a menu entry
        self.remove_action = self._action(
            self.tr("Remove"), "remove", self.remove_selected, [QKeySequence.StandardKey.Delete]
        )
        self.toolbar.addSeparator()
        self.presence_action = self._action(
            self.tr("Present / excused"), "presence", self.toggle_presence, ["Space"]
        )
        self.role_actions = {
            role: self._action(
                arg(self.tr("Role: %1"), label),
                "role",
                functools.partial(self.set_role, role),
                toolbar=False,
            )
            for role, label in self.model.role_labels().items()
        }
        self.toolbar.addSeparator()
        self.sort_action = self._action(self.tr("Sort by name"), "sort", self.sort_by_name)
        self.paste_action = self._action(
            self.tr("Paste rows"), "paste", self.paste, [QKeySequence.StandardKey.Paste]
        )
        self.import_action = self._action(self.tr("Import CSV…"), "import", self.choose_csv)

    # --- selection helpers -------------------------------------------------------------------

    def selected_attendees(self) -> list[Attendee]:
        """The selected people in list order (the current one when nothing is selected)."""
        rows = {index.row() for index in self.attendeeTable.selectionModel().selectedIndexes()}
        if not rows and self.attendeeTable.currentIndex().isValid():
            rows = {self.attendeeTable.currentIndex().row()}
        attendees = [self.model.attendee_at(row) for row in sorted(rows)]
        return [a for a in attendees if a is not None]

    def select_ids(self, ids: Sequence[int]) -> None:
        rows = [self.model.row_of(i) for i in ids]
        rows = [r for r in rows if r >= 0]
        if not rows:
            return
        table = self.attendeeTable
        table.setCurrentIndex(self.model.index(rows[0], NAME_COLUMN))
        selection = table.selectionModel()
        for row in rows[1:]:
            selection.select(
                self.model.index(row, NAME_COLUMN),
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )
        table.scrollTo(self.model.index(rows[-1], NAME_COLUMN))

    def _show_message(self, text: str) -> None:
        self.messageLabel.setText(text)
        self._message_timer.start(MESSAGE_MS)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _update_head_count(self, event: object = None) -> None:
        data = self.document.data
        excused = sum(1 for a in data.attendees if not a.present)
        text = self.tr("%1 present, %n excused", "", excused) if excused else self.tr("%1 present")
        self.headCountLabel.setText(arg(text, data.head_count_text()))

    # --- capture by keyboard -------------------------------------------------------------------

    def start_next_person(self) -> None:
        """Go to the new-attendee row and start typing a name there."""
        self.start_next_row()

    def toggle_presence(self) -> None:
        """Space: mark the selected people present, or excused when all of them are present."""
        attendees = self.selected_attendees()
        if not attendees:
            return
        present = not all(a.present for a in attendees)
        changes = [
            SetFields(Kind.ATTENDEE, a.id, {"present": present})
            for a in attendees
            if a.present != present
        ]
        count = len(changes)
        text = (
            self.tr("Mark %n present", "", count)
            if present
            else self.tr("Mark %n excused", "", count)
        )
        self.session.push(Batch(tuple(changes)), text)

    def set_role(self, role: Role) -> None:
        changes = [
            SetFields(Kind.ATTENDEE, a.id, {"role": role})
            for a in self.selected_attendees()
            if a.role is not role
        ]
        if changes:
            self.session.push(
                Batch(tuple(changes)), self.tr("Change the role of %n", "", len(changes))
            )

    def remove_selected(self) -> None:
        attendees = self.selected_attendees()
        if not attendees:
            return
        first_row = self.model.row_of(attendees[0].id)
        column = max(0, self.attendeeTable.currentIndex().column())
        operation = Batch(tuple(RemoveRecord(Kind.ATTENDEE, a.id) for a in attendees))
        text = (
            arg(self.tr("Remove %1"), attendees[0].name)
            if len(attendees) == 1
            else self.tr("Remove %n attendees", "", len(attendees))
        )
        if self.session.push(operation, text):
            # The person who took the place of the first one removed (or the new row).
            self.attendeeTable.clearSelection()
            self.attendeeTable.setCurrentIndex(
                self.model.index(min(first_row, self.model.new_row), column)
            )

    def sort_by_name(self) -> None:
        """Put the list in Czech alphabetical order of names, as one undo step."""
        attendees = self.model.attendees
        operation = reorder_operation(attendees, sorted_by_name(attendees))
        if operation is None:
            self.message.emit(self.tr("The list is already in alphabetical order."))
            return
        if self.session.push(operation, self.tr("Sort by name")):
            # The current person moved with the rows: keep them in sight.
            self.attendeeTable.scrollTo(self.attendeeTable.currentIndex())

    # --- bringing people in ----------------------------------------------------------------------

    def insert_rows(self, rows: Sequence[AttendeeRow], position: int, text: str) -> list[int]:
        """Insert imported rows from ``position`` as one undo step; return the new ids."""
        inserts: list[Operation] = []
        for offset, row in enumerate(rows):
            attendee = Attendee(
                self.document.new_id(Kind.ATTENDEE),
                row.name,
                row.organization,
                row.role,
                row.present,
                row.note,
            )
            inserts.append(InsertRecord(Kind.ATTENDEE, 0, position + offset, attendee))
        if not inserts or not self.session.push(Batch(tuple(inserts)), text):
            return []
        ids = [operation.record.id for operation in inserts if isinstance(operation, InsertRecord)]
        self.attendeeTable.clearSelection()
        self.select_ids(ids)
        return ids

    def paste(self, text: str | None = None) -> list[int]:
        """Paste rows copied from a spreadsheet after the current person (else at the end)."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        if not text.strip():
            return []
        try:
            rows = parse_pasted(text, self.document.data.details.organizer_label)
        except AttendeeImportError as error:
            self.show_error(self.tr("Cannot paste the rows"), self.describe(error))
            return []
        current = self.attendeeTable.currentIndex()
        position = self.model.new_row
        if current.isValid() and current.row() < self.model.new_row:
            position = current.row() + 1
        ids = self.insert_rows(rows, position, self.tr("Paste %n attendees", "", len(rows)))
        if ids:
            self.message.emit(self.tr("Pasted %n attendees.", "", len(ids)))
        return ids

    def choose_csv(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import attendees"),
            str(self.document.path.parent),
            self.tr("Spreadsheet text (*.csv *.tsv *.txt);;All files (*)"),
        )
        if name:
            self.import_csv(Path(name))

    def import_csv(self, path: Path) -> list[int]:
        """Add the attendees of a CSV file at the end of the list, as one undo step."""
        try:
            rows = read_csv(path, self.document.data.details.organizer_label)
        except AttendeeImportError as error:
            self.show_error(arg(self.tr("Cannot import %1"), path.name), self.describe(error))
            return []
        ids = self.insert_rows(
            rows, self.model.new_row, self.tr("Import %n attendees", "", len(rows))
        )
        if ids:
            self.message.emit(
                arg(self.tr("Imported %n attendees from %1.", "", len(ids)), path.name)
            )
        return ids

    def describe(self, error: AttendeeImportError) -> str:
        """The error in the user's language, naming the line."""
        messages = {
            Problem.UNREADABLE: self.tr("The file cannot be read: %2"),
            Problem.NOT_TEXT: self.tr("This is not a text file with a list of people."),
            Problem.EMPTY: self.tr("There is nobody in it."),
            Problem.NO_NAME_COLUMN: self.tr(
                "Line %1: the header row has no name column (Name or Jméno)."
            ),
            Problem.EMPTY_NAME: self.tr("Line %1: the name is empty."),
            Problem.BAD_ROLE: self.tr(
                "Line %1: “%2” is not a role; write participant, organiser or guest."
            ),
            Problem.BAD_PRESENCE: self.tr(
                "Line %1: “%2” is not a presence; write yes or no, present or excused."
            ),
            Problem.TOO_MANY_COLUMNS: self.tr(
                "Line %1: “%2” is in a sixth column; the columns are name, organisation, role, "
                "present and note."
            ),
            Problem.BAD_QUOTING: self.tr("Line %1: the quotes do not match (%2)."),
        }
        return arg(messages[error.problem], error.line or "", error.value)
