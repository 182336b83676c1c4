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

from PySide6.QtCore import (
    QTimer,
)
from PySide6.QtGui import (
    QGuiApplication,
    QPalette,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from facilitator_app.gui.core.connections import Connections
from facilitator_app.gui.core.session import Focus, WorkshopSession
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.forms.ui_attendees_page import Ui_AttendeesPage
from facilitator_app.gui.sections.attendees.table_model import (
    NAME_COLUMN,
    NOTE_COLUMN,
    ORGANIZATION_COLUMN,
    PRESENT_COLUMN,
    ROLE_COLUMN,
    AttendeeDelegate,
    AttendeeTableModel,
    reorder_operation,
    sorted_by_name,
)
from facilitator_app.gui.widgets.capture_table import (
    CaptureTablePage,
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
    Operation,
    SetFields,
)

MESSAGE_MS = 8000  # how long a message stays in the footer


class AttendeesPage(CaptureTablePage, Ui_AttendeesPage):
    """The attendance list with its toolbar; messages show in its footer."""

    model: AttendeeTableModel
    first_column = NAME_COLUMN
    second_column = ORGANIZATION_COLUMN

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setupUi(self)
        self.capture_table = self.attendeeTable
        self.setObjectName("attendeesPage")
        self.model = AttendeeTableModel(session, self)
        self.attendeeTable.setModel(self.model)
        self.delegate = AttendeeDelegate(self.model, self)
        self._set_up_capture(self.delegate)
        self._set_up_table()
        self._make_toolbar(self.tr("Attendee tools"))
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
        self.connections = Connections(self)
        self.connections.connect(self.session.changed, self._update_head_count)
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
        self._make_record_actions(self.tr("Add attendee"), self.tr("Next row"), self.tr("Remove"))
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
        self._make_paste_action(self.tr("Paste rows"), toolbar=True)
        self.import_action = self._action(self.tr("Import CSV…"), "import", self.choose_csv)

    # --- selection helpers -------------------------------------------------------------------

    def selected_attendees(self) -> list[Attendee]:
        """The selected people in list order (the current one when nothing is selected)."""
        return self.selected_records()

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

    def removed_text(self, attendees: list[Attendee]) -> str:
        if len(attendees) == 1:
            return arg(self.tr("Remove %1"), attendees[0].name)
        return self.tr("Remove %n attendees", "", len(attendees))

    def sort_by_name(self) -> None:
        """Put the list in Czech alphabetical order of names, as one undo step."""
        attendees = self.model.records
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
            attendee = row.with_id(self.document.new_id(Kind.ATTENDEE))
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
        ids = self.insert_rows(
            rows, self._paste_position(), self.tr("Paste %n attendees", "", len(rows))
        )
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
