"""The Tasks as a table: its model, its delegate and the due-date editor (tasks/page.py shows
them).

A row a task: what was agreed, who does it (completed from the attendees and their
organisations), by when (Delete in the date editor means no date), and whether it is done;
the last row takes the next task. Every change is one undo step.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QLocale,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QCompleter,
    QLineEdit,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.sections.attendees.table_model import czech_collator
from facilitator_app.gui.widgets.capture_table import CaptureDelegate
from facilitator_app.gui.widgets.completion import picking_completer
from facilitator_app.gui.widgets.date_fields import DateField
from facilitator_app.gui.widgets.record_rows import (
    RECORD_ID_ROLE,
    SHOWN_ROLES,
    TEXT_ROLES,
    RecordRowsModel,
    styled_font,
)
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import Task

TEXT_COLUMN, OWNER_COLUMN, DUE_COLUMN, DONE_COLUMN = range(4)
COLUMN_COUNT = 4
TaskIdRole = RECORD_ID_ROLE
COMPLETION_ROLE = Qt.ItemDataRole.UserRole + 2  # what a completion inserts
NEW_ROW_EDITOR = "newTaskRow"  # property marking the editor of the new-task row


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class TaskTableModel(RecordRowsModel[Task]):
    """The tasks, one row each, and a last row for typing in the next one."""

    record_kind = Kind.TASK
    column_count = COLUMN_COUNT
    check_column = DONE_COLUMN
    check_field = "done"

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self._struck = styled_font(struck=True)

    # --- what the table says -------------------------------------------------------------

    def header_labels(self) -> tuple[str, ...]:
        return (self.tr("Task"), self.tr("Who"), self.tr("By when"), self.tr("Done"))

    def new_row_texts(self) -> tuple[str, str]:
        return self.tr("Type what was agreed to add a task…"), self.tr("New task")

    def date_text(self, value: date | None) -> str:
        if value is None:
            return ""
        # The date as written in the UI's language ("31. 5. 2026", "31 May 2026").
        return QLocale().toString(_qdate(value), self.tr("d MMM yyyy"))

    # --- data ------------------------------------------------------------------------------

    def record_data(self, task: Task, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and task.done:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if column == DONE_COLUMN:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("done") if task.done else self.tr("open")
            if role == Qt.ItemDataRole.EditRole:
                return task.done
            return None
        if column == DUE_COLUMN:
            if role in SHOWN_ROLES:
                return self.date_text(task.due)
            if role == Qt.ItemDataRole.EditRole:
                return _qdate(task.due) if task.due is not None else None
            if role == Qt.ItemDataRole.ToolTipRole and task.due is not None:
                return QLocale().toString(_qdate(task.due), QLocale.FormatType.LongFormat)
            return None
        value = task.text if column == TEXT_COLUMN else task.owner
        if role in TEXT_ROLES:
            return value
        if role == Qt.ItemDataRole.FontRole and column == TEXT_COLUMN and task.done:
            return self._struck
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT_COLUMN and task.text:
            return task.text
        return None

    def set_record_data(self, task: Task, column: int, value: Any) -> bool:
        if column == DUE_COLUMN:
            if value is None:
                return self.set_field(task, "due", None)
            if isinstance(value, QDate) and value.isValid():
                return self.set_field(task, "due", date(value.year(), value.month(), value.day()))
            if isinstance(value, date):
                return self.set_field(task, "due", value)
            return False
        text = " ".join(str(value).split())
        if column == TEXT_COLUMN and not text:
            self.session.refuse(self.tr("A task needs its text; Delete removes the row instead."))
            return False
        if column == OWNER_COLUMN:
            text = self.known_spelling(text)
        return self.set_field(task, "text" if column == TEXT_COLUMN else "owner", text)

    def field_text(self, field: str, value: Any) -> str:
        texts = {
            "text": self.tr("Edit task"),
            "owner": self.tr("Change who does the task"),
            "due": self.tr("Change the date of the task"),
            "done": self.tr("Mark the task done") if value else self.tr("Mark the task open"),
        }
        return texts[field]

    def new_record(self, text: str) -> Task:
        return Task(self.document.new_id(Kind.TASK), text)

    def added_text(self, record: Task) -> str:
        return arg(self.tr("Add task “%1”"), short_text(record.text))

    reorderable = True

    def moved_text(self, records: list[Task]) -> str:
        if len(records) == 1:
            return arg(self.tr("Move “%1”"), short_text(records[0].text))
        return self.tr("Move %n tasks", "", len(records))

    # --- who: the people and organisations to complete from ----------------------------------

    def people(self) -> list[tuple[str, str]]:
        """(shown, inserted) pairs: attendees ("name — organisation"), organisations, and
        whoever tasks name already, each once, in Czech order."""
        data = self.document.data
        collator = czech_collator()
        found: dict[str, tuple[str, str]] = {}
        for attendee in data.attendees:
            shown = attendee.name
            if attendee.organization:
                shown = f"{attendee.name} — {attendee.organization}"
            found.setdefault(attendee.name.casefold(), (shown, attendee.name))
        for name in [a.organization for a in data.attendees] + [t.owner for t in data.tasks]:
            name = name.strip()
            if name:
                found.setdefault(name.casefold(), (name, name))
        return sorted(found.values(), key=lambda pair: collator.sortKey(pair[1]))

    def known_spelling(self, owner: str) -> str:
        """A name as the attendee list spells it ("novák" → "Novák" when that is all it is)."""
        folded = owner.casefold()
        for _shown, name in self.people():
            if name.casefold() == folded:
                return name
        return owner


class DueDateEdit(DateField):
    """A date editor that can also say "no date": Delete clears it.

    ``shown`` is the date it opened with when the task had none: leaving it unchanged does not
    give the task the date it happened to show.
    """

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: QDate | None = None
        # A date typed is meant, even the one it opened with.
        self.lineEdit().textEdited.connect(self._forget_shown)

    def _forget_shown(self) -> None:
        self.shown = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.cleared.emit()
            return
        super().keyPressEvent(event)


class TaskDelegate(CaptureDelegate):
    """Line edits for the task and who does it (completed from the attendees), a date editor.

    In the new-task row, Tab and Enter do not commit through the view: the editor closes and
    ``first_cell_typed`` hands the text to the page, which adds the task and moves on from
    *its* row (see CaptureDelegate).
    """

    model: TaskTableModel
    new_row_property = NEW_ROW_EDITOR

    def __init__(self, model: TaskTableModel, parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self.completer: QCompleter | None = None  # the open editor's, for tests

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        column = index.column()
        if column == DUE_COLUMN:
            edit = DueDateEdit(parent)
            edit.setCalendarPopup(True)
            edit.setFrame(False)
            edit.setAccessibleName(self.tr("By when"))
            edit.setToolTip(self.tr("Alt+Down opens the calendar; Delete: no date"))
            edit.cleared.connect(lambda: self._clear_date(edit, index))
            edit.refused.connect(lambda text: self._date_refused(edit, text))
            return edit
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            if column == OWNER_COLUMN:
                editor.setAccessibleName(self.tr("Who does it"))
                self._people_completer(editor)
            elif index.row() == self.model.new_row:
                editor.setAccessibleName(self.tr("The next task"))
                editor.setPlaceholderText(self.tr("Task"))
                self.mark_new_row(editor)
            else:
                editor.setAccessibleName(self.tr("Task"))
        return editor

    def _people_completer(self, editor: QLineEdit) -> QCompleter:
        """The attendees and organisations on ``editor``: part of a surname finds the person."""
        model = QStandardItemModel(editor)
        for shown, name in self.model.people():
            item = QStandardItem(shown)
            item.setData(name, COMPLETION_ROLE)
            model.appendRow(item)
        # Picking from the list is the whole answer: it is committed and the date comes next.
        self.completer = picking_completer(
            self, editor, model, COMPLETION_ROLE, self.tr("Attendees")
        )
        return self.completer

    def _date_refused(self, editor: DueDateEdit, text: str) -> None:
        """A typed date that is none: said beside the cell and in the status bar."""
        viewport = editor.parentWidget()
        QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), text, viewport)
        self.model.session.refused.emit(text)

    def _clear_date(self, editor: DueDateEdit, index: ModelIndex) -> None:
        self.model.setData(index, None, Qt.ItemDataRole.EditRole)
        editor.setProperty("cleared", True)  # nothing more to commit when it closes
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def destroyEditor(self, editor: QWidget, index: ModelIndex) -> None:
        if self.completer is not None and self.completer.parent() is editor:
            self.completer = None
        super().destroyEditor(editor, index)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, DueDateEdit):
            value = index.data(Qt.ItemDataRole.EditRole)
            if not isinstance(value, QDate) or not value.isValid():
                # No date yet: start from the meeting's day, the usual reference.
                start = self.model.document.data.details.starts_at
                value = QDate(start.year, start.month, start.day)
                editor.shown = value
            editor.setDate(value)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, DueDateEdit):
            if editor.report_unread():
                return  # the typed text is no date: said, nothing stored
            if editor.property("cleared") or editor.date() == editor.shown:
                return  # no date set
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


def short_text(text: str, limit: int = 40) -> str:
    """A task's text for an undo step's name: its first ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
