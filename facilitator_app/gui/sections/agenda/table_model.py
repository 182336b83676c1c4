"""The Agenda's programme as a table: its model and its delegate (agenda/page.py shows them).

A row an item, with its title, planned minutes, the actual start and end recorded by the
clock, and how long it took; the last row takes the next item's title. A wrong time (Next
pressed late) can be corrected in its cell. Every change is one undo step.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QObject,
    Qt,
    QTime,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QLineEdit,
    QSpinBox,
    QStyleOptionViewItem,
    QTimeEdit,
    QWidget,
)

from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.core.model_index import ModelIndex
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.sections.agenda.clock import (
    PHASE_COLOURS,
    MeetingClock,
    Phase,
    clock_text,
)
from facilitator_app.gui.widgets.capture_table import CaptureDelegate
from facilitator_app.gui.widgets.date_fields import TimeField
from facilitator_app.gui.widgets.record_rows import (
    RECORD_ID_ROLE,
    SHOWN_ROLES,
    RecordRowsModel,
    styled_font,
)
from facilitator_app.workshop import agenda
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import AgendaItem
from facilitator_app.workshop.operations import SetFields
from facilitator_app.workshop.values import MAX_PLANNED_MINUTES

TITLE_COLUMN, PLANNED_COLUMN, STARTED_COLUMN, ENDED_COLUMN, TOOK_COLUMN = range(5)
COLUMN_COUNT = 5
AgendaIdRole = RECORD_ID_ROLE
NEW_ROW_EDITOR = "newAgendaRow"  # property marking the editor of the new-item row


def time_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return QLocale().toString(QTime(moment.hour, moment.minute), "H:mm")


def took_minutes(item: AgendaItem) -> int | None:
    """Whole minutes (rounded) an ended item took; None unless it ended."""
    if item.started_at is None or item.ended_at is None:
        return None
    return round(agenda.elapsed_seconds(item, item.ended_at) / 60)


class AgendaTableModel(RecordRowsModel[AgendaItem]):
    """The programme, one item a row, and a last row for typing in the next item."""

    record_kind = Kind.AGENDA
    column_count = COLUMN_COUNT

    def __init__(
        self, session: WorkshopSession, clock: MeetingClock, parent: QObject | None = None
    ) -> None:
        super().__init__(session, parent)
        self.clock = clock
        self._bold = styled_font(bold=True)
        self.connections.connect(clock.changed, self._clock_changed)

    # --- what the table says -------------------------------------------------------------

    def header_labels(self) -> tuple[str, ...]:
        return (
            self.tr("Item"),
            self.tr("Planned"),
            self.tr("Started"),
            self.tr("Ended"),
            self.tr("Took"),
        )

    def new_row_texts(self) -> tuple[str, str]:
        return self.tr("Type an item to add it to the programme…"), self.tr("New agenda item")

    # --- data ------------------------------------------------------------------------------

    def record_data(self, item: AgendaItem, column: int, role: int) -> Any:
        running = agenda.is_running(item)
        if role == Qt.ItemDataRole.FontRole and running:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == TOOK_COLUMN and self._over(item):
                return QColor(PHASE_COLOURS[Phase.OVER])
            if item.ended_at is not None and not running:
                return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return None
        if column == TITLE_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return item.title
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return arg(self.tr("%1 (running)"), item.title) if running else item.title
            if role == Qt.ItemDataRole.DecorationRole:
                if running:
                    return icon("start")
                return icon("done") if item.ended_at is not None else None
            return None
        if column == PLANNED_COLUMN:
            if role == Qt.ItemDataRole.EditRole:
                return item.planned_minutes
            if role in SHOWN_ROLES:
                if not item.planned_minutes:
                    return "—" if role == Qt.ItemDataRole.DisplayRole else self.tr("not planned")
                return arg(self.tr("%1 min"), item.planned_minutes)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            if role == Qt.ItemDataRole.ToolTipRole and not item.planned_minutes:
                return self.tr("No planned length: the clock counts the time up")
            return None
        if column in (STARTED_COLUMN, ENDED_COLUMN):
            moment = item.started_at if column == STARTED_COLUMN else item.ended_at
            if role in SHOWN_ROLES:
                return time_text(moment)
            if role == Qt.ItemDataRole.EditRole:
                return QTime(moment.hour, moment.minute) if moment is not None else None
            if role == Qt.ItemDataRole.ToolTipRole and moment is not None:
                return QLocale().toString(QTime(moment.hour, moment.minute, moment.second))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        # TOOK_COLUMN
        if role in SHOWN_ROLES:
            return self._took_text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._took_tip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _over(self, item: AgendaItem) -> bool:
        if not item.planned_minutes or item.started_at is None:
            return False
        end = item.ended_at if item.ended_at is not None else self.clock.now()
        return agenda.remaining_seconds(item, end) < 0

    def _took_text(self, item: AgendaItem) -> str:
        if agenda.is_running(item):  # the time it has run, by the second
            return clock_text(int(agenda.elapsed_seconds(item, self.clock.now())))
        took = took_minutes(item)
        return "" if took is None else arg(self.tr("%1 min"), took)

    def _took_tip(self, item: AgendaItem) -> str | None:
        minutes = took_minutes(item)
        if minutes is None or not item.planned_minutes:
            return None
        difference = minutes - item.planned_minutes
        if difference > 0:
            return self.tr("%n min over the plan", "", difference)
        if difference < 0:
            return self.tr("%n min less than planned", "", -difference)
        return self.tr("As planned")

    def record_flags(self, item: AgendaItem, column: int, base: Qt.ItemFlag) -> Qt.ItemFlag:
        if column in (TITLE_COLUMN, PLANNED_COLUMN):
            return base | Qt.ItemFlag.ItemIsEditable
        # A recorded time can be corrected (Next pressed late); one not recorded is made by
        # Start and Next, not typed.
        if (column == STARTED_COLUMN and item.started_at is not None) or (
            column == ENDED_COLUMN and item.ended_at is not None
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def set_record_data(self, item: AgendaItem, column: int, value: Any) -> bool:
        if column == TITLE_COLUMN:
            title = " ".join(str(value).split())
            if not title:
                self.session.refuse(
                    self.tr("An agenda item needs a title; Delete removes the row instead.")
                )
                return False
            if title == item.title:
                return False
            return self.session.push(
                SetFields(Kind.AGENDA, item.id, {"title": title}),
                arg(self.tr("Rename “%1”"), item.title),
            )
        if column == PLANNED_COLUMN:
            try:
                minutes = int(value)
            except (TypeError, ValueError):
                return False
            minutes = max(0, min(MAX_PLANNED_MINUTES, minutes))
            if minutes == item.planned_minutes:
                return False
            return self.session.push(
                SetFields(Kind.AGENDA, item.id, {"planned_minutes": minutes}),
                arg(self.tr("Plan %1 min for “%2”"), minutes, item.title),
            )
        if column in (STARTED_COLUMN, ENDED_COLUMN):
            return self.correct_time(item, column == STARTED_COLUMN, value)
        return False

    def correct_time(self, item: AgendaItem, start: bool, value: Any) -> bool:
        """Set the recorded start or end to another time of the same day (to the minute)."""
        moment = item.started_at if start else item.ended_at
        if moment is None or not isinstance(value, QTime) or not value.isValid():
            return False
        corrected = moment.replace(hour=value.hour(), minute=value.minute(), second=0)
        if corrected.replace(second=0) == moment.replace(second=0):
            return False
        started = corrected if start else item.started_at
        ended = item.ended_at if start else corrected
        if started is not None and ended is not None and ended < started:
            self.session.refuse(self.tr("An item cannot end before it starts."))
            return False
        field = "started_at" if start else "ended_at"
        text = (
            arg(self.tr("Correct the start of “%1”"), item.title)
            if start
            else arg(self.tr("Correct the end of “%1”"), item.title)
        )
        return self.session.push(SetFields(Kind.AGENDA, item.id, {field: corrected}), text)

    def new_record(self, text: str) -> AgendaItem:
        return agenda.new_agenda_item(self.document, text)

    def added_text(self, record: AgendaItem) -> str:
        return arg(self.tr("Add “%1” to the agenda"), record.title)

    reorderable = True

    def moved_text(self, records: list[AgendaItem]) -> str:
        if len(records) == 1:
            return arg(self.tr("Move “%1”"), records[0].title)
        return self.tr("Move %n agenda items", "", len(records))

    # --- the clock -----------------------------------------------------------------------------

    def _clock_changed(self) -> None:
        """The running item's time: only its Took cell changes with the seconds."""
        row = self.row_of(self.clock.countdown.item_id if self.clock.countdown else None)
        if row >= 0:
            self.dataChanged.emit(self.index(row, TOOK_COLUMN), self.index(row, TOOK_COLUMN))


class AgendaDelegate(CaptureDelegate):
    """A line edit for the title, a spin box for the planned minutes, time edits to correct
    the recorded times.

    In the new-item row, Tab and Enter do not commit through the view: the editor closes and
    ``first_cell_typed`` hands the title to the page, which adds the item and moves on from
    *its* row (as the attendance list does).
    """

    model: AgendaTableModel
    new_row_property = NEW_ROW_EDITOR

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        column = index.column()
        if column == PLANNED_COLUMN:
            spin = QSpinBox(parent)
            spin.setRange(0, MAX_PLANNED_MINUTES)
            spin.setSuffix(self.tr(" min"))
            spin.setAccessibleName(self.tr("Planned minutes"))
            spin.setFrame(False)
            return spin
        if column in (STARTED_COLUMN, ENDED_COLUMN):
            edit = TimeField(parent)  # typed as a whole: 9, 9:15, 9.15 (1 pm in English)
            edit.refused.connect(self.model.session.refused.emit)
            edit.setFrame(False)
            edit.setAccessibleName(
                self.tr("Started at") if column == STARTED_COLUMN else self.tr("Ended at")
            )
            return edit
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setAccessibleName(self.tr("Title of the agenda item"))
            if index.row() == self.model.new_row:
                editor.setAccessibleName(self.tr("Title of the next agenda item"))
                editor.setPlaceholderText(self.tr("Item"))
                self.mark_new_row(editor)
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
            editor.selectAll()
            return
        if isinstance(editor, QTimeEdit):
            if isinstance(value, QTime):
                editor.setTime(value)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QTimeEdit):
            if isinstance(editor, TimeField) and editor.report_unread():
                return  # the typed text is no time: said, nothing stored
            model.setData(index, editor.time(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
