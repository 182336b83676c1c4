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

from PySide6.QtCore import (
    QTimer,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.connections import Connections
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.sections.tasks.table_model import (
    DONE_COLUMN,
    DUE_COLUMN,
    OWNER_COLUMN,
    TEXT_COLUMN,
    TaskDelegate,
    TaskTableModel,
    short_text,
)
from facilitator_app.gui.widgets.capture_table import (
    CaptureTablePage,
    PasteTexts,
)
from facilitator_app.gui.widgets.date_fields import refusal_text, typing_language
from facilitator_app.workshop.dates import DateError, parse_date
from facilitator_app.workshop.events import (
    Kind,
)
from facilitator_app.workshop.model import Task
from facilitator_app.workshop.operations import Batch, SetFields


class TasksPage(CaptureTablePage):
    """The tasks with their toolbar; messages go to the window's status bar."""

    model: TaskTableModel
    first_column = TEXT_COLUMN
    second_column = OWNER_COLUMN

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("tasksPage")
        self.setAccessibleName(self.tr("Tasks"))
        self.model = TaskTableModel(session, self)
        self._build()
        self.connections = Connections(self)
        self.connections.connect(session.changed, self._update_counts)
        self._update_counts()
        self._update_actions()
        # Ready for the next task: typing starts one in the new-task row.
        self.table.setCurrentIndex(self.model.index(self.model.new_row, TEXT_COLUMN))

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        self.table = self._make_capture_table(
            "taskTable",
            self.tr("Tasks"),
            self.tr("Type the task, Tab to who does it and by when, Enter for the next task"),
            TaskDelegate,
        )
        header = self.table.horizontalHeader()
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
        self._make_record_actions(self.tr("&Add task"), self.tr("Next row"), self.tr("&Remove"))
        self._make_paste_action(self.tr("Paste rows"), toolbar=False)
        self.toolbar.addSeparator()
        self.done_action = self._action(
            self.tr("&Done / open"), "done", self.toggle_done, ["Space"]
        )
        self.toolbar.addSeparator()
        self._make_move_actions(self.tr("Move &up"), self.tr("Move do&wn"))

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
        self._update_move_actions()

    def selected_tasks(self) -> list[Task]:
        return self.selected_records()

    # --- capture by keyboard -------------------------------------------------------------------

    def paste_texts(self) -> PasteTexts:
        return PasteTexts(
            lambda count: self.tr("Paste %n tasks", "", count),
            lambda count: self.tr("Pasted %n tasks.", "", count),
            self.tr("Cannot paste line %1: %2"),
        )

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

    def removed_text(self, tasks: list[Task]) -> str:
        if len(tasks) == 1:
            return arg(self.tr("Remove task “%1”"), short_text(tasks[0].text))
        return self.tr("Remove %n tasks", "", len(tasks))

    def moved_text(self, task: Task, step: int) -> str:
        return self.tr("Move the task up") if step < 0 else self.tr("Move the task down")
