"""The Tasks section (úkoly): what was agreed, who does it, by when, and whether it is done.

Made for capturing while the room agrees, like the attendance list: the table ends with a
*new-task row* where typing the task adds it (one undo step; an empty row adds nothing). Tab
goes on to who does it (completed from the attendees and their organisations), then to the
date (a calendar opens with Alt+Down; Delete there means no date), Enter goes down a row and,
below the last task, starts the next one. Space marks the selected tasks done or open, Delete
removes them, Alt+Up / Alt+Down reorder. The minutes list the tasks in this order.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.sections.attendees.page import czech_collator
from facilitator_app.gui.sections.vision.models import listen
from facilitator_app.gui.widgets.capture_table import (
    RECORD_ID_ROLE,
    CaptureDelegate,
    CaptureTablePage,
    RecordRowsModel,
    set_up_capture_view,
)
from facilitator_app.gui.widgets.date_fields import DateField, refusal_text, typing_language
from facilitator_app.workshop.dates import DateError, parse_date
from facilitator_app.workshop.events import (
    Kind,
)
from facilitator_app.workshop.model import Task
from facilitator_app.workshop.operations import Batch, MoveRecord, RemoveRecord, SetFields

ModelIndex = QModelIndex | QPersistentModelIndex

TEXT_COLUMN, OWNER_COLUMN, DUE_COLUMN, DONE_COLUMN = range(4)
COLUMN_COUNT = 4
TaskIdRole = RECORD_ID_ROLE
COMPLETION_ROLE = Qt.ItemDataRole.UserRole + 2  # what a completion inserts
NEW_ROW_EDITOR = "newTaskRow"  # property marking the editor of the new-task row


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class TaskTableModel(RecordRowsModel, QAbstractTableModel):
    """The tasks, one row each, and a last row for typing in the next one."""

    record_kind = Kind.TASK
    records_field = "tasks"
    column_count = COLUMN_COUNT
    check_column = DONE_COLUMN
    check_field = "done"

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self._italic = QFont()
        self._italic.setItalic(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)
        listen(self.document, self)

    # --- rows ------------------------------------------------------------------------------

    @property
    def tasks(self) -> list[Task]:
        return self.records

    def task_at(self, row: int) -> Task | None:
        task: Task | None = self.record_at(row)
        return task

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
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.date_text(task.due)
            if role == Qt.ItemDataRole.EditRole:
                return _qdate(task.due) if task.due is not None else None
            if role == Qt.ItemDataRole.ToolTipRole and task.due is not None:
                return QLocale().toString(_qdate(task.due), QLocale.FormatType.LongFormat)
            return None
        value = task.text if column == TEXT_COLUMN else task.owner
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
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

    def set_field(self, task: Task, field: str, value: Any) -> bool:
        if getattr(task, field) == value:
            return False
        texts = {
            "text": self.tr("Edit task"),
            "owner": self.tr("Change who does the task"),
            "due": self.tr("Change the date of the task"),
            "done": self.tr("Mark the task done") if value else self.tr("Mark the task open"),
        }
        return self.session.push(SetFields(Kind.TASK, task.id, {field: value}), texts[field])

    def new_record(self, text: str) -> Task:
        return Task(self.document.new_id(Kind.TASK), text)

    def added_text(self, record: Task) -> str:
        return arg(self.tr("Add task “%1”"), _short(record.text))

    reorderable = True

    def moved_text(self, records: list[Any]) -> str:
        if len(records) == 1:
            return arg(self.tr("Move “%1”"), _short(records[0].text))
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
                editor.setCompleter(self._people_completer(editor))
            elif index.row() == self.model.new_row:
                editor.setAccessibleName(self.tr("The next task"))
                editor.setPlaceholderText(self.tr("Task"))
                self.mark_new_row(editor)
            else:
                editor.setAccessibleName(self.tr("Task"))
        return editor

    def _people_completer(self, editor: QLineEdit) -> QCompleter:
        """The attendees and organisations: typing part of a surname finds the person."""
        model = QStandardItemModel(editor)
        for shown, name in self.model.people():
            item = QStandardItem(shown)
            item.setData(name, COMPLETION_ROLE)
            model.appendRow(item)
        completer = QCompleter(model, editor)
        completer.setCompletionRole(COMPLETION_ROLE)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.popup().setAccessibleName(self.tr("Attendees"))
        # Picking from the list is the whole answer: commit it and go on to the date.
        completer.activated[str].connect(lambda text: self._picked(editor, text))
        self.completer = completer
        return completer

    def _picked(self, editor: QLineEdit, text: str) -> None:
        editor.setText(text)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)

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

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, DueDateEdit):
            if editor.report_unread():
                return  # the typed text is no date: said, nothing stored
            if editor.property("cleared") or editor.date() == editor.shown:
                return  # no date set
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class TasksPage(CaptureTablePage, QWidget):
    """The tasks with their toolbar; messages go to the window's status bar."""

    message = Signal(str)
    first_column = TEXT_COLUMN
    second_column = OWNER_COLUMN

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasksPage")
        self.setAccessibleName(self.tr("Tasks"))
        self.session = session
        self.document = session.document
        self.model = TaskTableModel(session, self)
        self.actions_: list[QAction] = []
        self._build()
        session.changed.connect(self._update_counts)
        self._update_counts()
        self._update_actions()
        # Ready for the next task: typing starts one in the new-task row.
        self.table.setCurrentIndex(self.model.index(self.model.new_row, TEXT_COLUMN))

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        self.table = self.capture_table = QTableView(self)
        self.table.setObjectName("taskTable")
        self.table.setAccessibleName(self.tr("Tasks"))
        self.table.setAccessibleDescription(
            self.tr("Type the task, Tab to who does it and by when, Enter for the next task")
        )
        self.table.setModel(self.model)
        set_up_capture_view(self.table)
        self.delegate = TaskDelegate(self.model, self)
        self._set_up_capture(self.delegate)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        em = self.fontMetrics().horizontalAdvance("M")
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OWNER_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DUE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DONE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(OWNER_COLUMN, em * 16)
        header.resizeSection(DUE_COLUMN, em * 9)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self._lay_out_capture(
            layout,
            self.tr("Task tools"),
            self.tr("&Tasks agreed:"),
            ("taskCount", self.tr("Number of tasks")),
            self.tr("Enter: next task · Tab: who, by when · Space: done or open · Delete: remove"),
            self.tr("Keyboard hint"),
        )
        self.count_label = self.counter_label

    def _make_actions(self) -> None:
        self.add_action = self._action(
            self.tr("&Add task"), "add", self.start_next_task, ["Insert"]
        )
        self.next_row_action = self._action(
            self.tr("Next row"), "down", self.advance, ["Return", "Enter"], toolbar=False
        )
        self.actions_.remove(self.next_row_action)  # a key of the table, not a menu entry
        self.remove_action = self._action(
            self.tr("&Remove"), "remove", self.remove_selected, [QKeySequence.StandardKey.Delete]
        )
        self.paste_action = self._action(
            self.tr("Paste rows"),
            "paste",
            self.paste,
            [QKeySequence.StandardKey.Paste],
            toolbar=False,
        )
        self.toolbar.addSeparator()
        self.done_action = self._action(
            self.tr("&Done / open"), "done", self.toggle_done, ["Space"]
        )
        self.toolbar.addSeparator()
        self.move_up_action = self._action(
            self.tr("Move &up"), "up", lambda: self.move_task(-1), ["Alt+Up", "Ctrl+Shift+Up"]
        )
        self.move_down_action = self._action(
            self.tr("Move do&wn"),
            "down",
            lambda: self.move_task(1),
            ["Alt+Down", "Ctrl+Shift+Down"],
        )

    # --- state ---------------------------------------------------------------------------------

    def _update_counts(self, event: object = None) -> None:
        tasks = self.document.data.tasks
        done = sum(1 for task in tasks if task.done)
        text = self.tr("%n tasks", "", len(tasks))
        if done:
            text += " · " + self.tr("%n done", "", done)
        self.count_label.setText(text)
        QTimer.singleShot(0, self, self._update_actions)  # once the view took the change

    def _update_actions(self) -> None:
        has_tasks = bool(self.selected_tasks())
        self.remove_action.setEnabled(has_tasks)
        self.done_action.setEnabled(has_tasks)
        row = self.table.currentIndex().row()
        current = self.model.task_at(row)
        self.move_up_action.setEnabled(current is not None and row > 0)
        self.move_down_action.setEnabled(current is not None and row < self.model.new_row - 1)

    def selected_tasks(self) -> list[Task]:
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        tasks = [self.model.task_at(row) for row in sorted(rows)]
        return [task for task in tasks if task is not None]

    def select_id(self, task_id: int, column: int = TEXT_COLUMN) -> None:
        row = self.model.row_of(task_id)
        if row >= 0:
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(row, column))
            self.table.scrollTo(self.model.index(row, column))

    # --- capture by keyboard -------------------------------------------------------------------

    def start_next_task(self) -> None:
        """Go to the new-task row and start typing there."""
        self.start_next_row()

    def paste(self, text: str | None = None) -> list[int]:
        """Tasks copied from a spreadsheet or a text: a line each, cells task, who, by when."""
        ids = self.paste_rows(
            text,
            lambda count: self.tr("Paste %n tasks", "", count),
            self.tr("Cannot paste line %1: %2"),
        )
        if ids:
            self.message.emit(self.tr("Pasted %n tasks.", "", len(ids)))
        return ids

    def record_from_cells(self, cells: list[str]) -> Task | None:
        text, owner, due, *_ = [*cells, "", ""]
        if not text:
            if owner or due:
                raise ValueError(self.tr("the task has no text"))
            return None
        return Task(self.document.new_id(Kind.TASK), text, owner, self._pasted_due(due))

    def _pasted_due(self, cell: str) -> date | None:
        """A pasted due date, read as one typed into the due-date field; text copied from
        elsewhere may write dates the other language's way (19.5.2026 in an English window)."""
        if not cell:
            return None
        first = typing_language()
        try:
            return parse_date(cell, first, date.today())
        except DateError as error:
            with contextlib.suppress(DateError):
                return parse_date(cell, "en" if first == "cs" else "cs", date.today())
            raise ValueError(refusal_text(error)) from None

    def toggle_done(self) -> None:
        """Space: mark the selected tasks done, or open when all of them are done."""
        tasks = self.selected_tasks()
        if not tasks:
            return
        done = not all(task.done for task in tasks)
        changes = [SetFields(Kind.TASK, t.id, {"done": done}) for t in tasks if t.done != done]
        text = (
            self.tr("Mark %n tasks done", "", len(changes))
            if done
            else self.tr("Mark %n tasks open", "", len(changes))
        )
        self.session.push(Batch(tuple(changes)), text)

    def remove_selected(self) -> None:
        tasks = self.selected_tasks()
        if not tasks:
            return
        first_row = self.model.row_of(tasks[0].id)
        column = max(0, self.table.currentIndex().column())
        operation = Batch(tuple(RemoveRecord(Kind.TASK, task.id) for task in tasks))
        text = (
            arg(self.tr("Remove task “%1”"), _short(tasks[0].text))
            if len(tasks) == 1
            else self.tr("Remove %n tasks", "", len(tasks))
        )
        if self.session.push(operation, text):
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(min(first_row, self.model.new_row), column))

    def move_task(self, step: int) -> None:
        index = self.table.currentIndex()
        task = self.model.task_at(index.row())
        if task is None:
            return
        position = index.row() + step
        if not 0 <= position < len(self.model.tasks):
            return
        text = self.tr("Move the task up") if step < 0 else self.tr("Move the task down")
        if self.session.push(MoveRecord(Kind.TASK, task.id, position), text):
            self.select_id(task.id, max(0, index.column()))
            self._update_actions()


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
