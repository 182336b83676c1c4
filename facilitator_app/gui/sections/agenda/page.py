"""The Agenda section: the meeting's programme, and the clock that runs through it.

At the top, the running item with its countdown, big, and Start / Next / Stop (F6, F7, F8:
they work from every section, see agenda_clock.py). Below, the programme as a table made for
the keyboard, like the attendance list: the last row takes the next item's title (Tab goes on
to its planned minutes, Enter to the next item), Delete removes, Alt+Up / Alt+Down reorder.
The actual start and end of every item are recorded as the facilitator runs the clock and
shown beside the plan, with how long each item took; a wrong time (Next pressed late) can be
corrected in its cell. Every change is one undo step.
"""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QStyleOptionViewItem,
    QTableView,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.sections.agenda.clock import (
    PHASE_COLOURS,
    AgendaControls,
    MeetingClock,
    Phase,
    clock_text,
)
from facilitator_app.gui.sections.vision.models import listen
from facilitator_app.gui.widgets.capture_table import (
    RECORD_ID_ROLE,
    CaptureDelegate,
    CaptureTablePage,
    RecordRowsModel,
    set_up_capture_view,
)
from facilitator_app.gui.widgets.date_fields import TimeField
from facilitator_app.workshop import agenda
from facilitator_app.workshop.document import MAX_PLANNED_MINUTES
from facilitator_app.workshop.events import (
    Event,
    Kind,
    Reset,
)
from facilitator_app.workshop.model import AgendaItem
from facilitator_app.workshop.operations import Batch, MoveRecord, RemoveRecord, SetFields

ModelIndex = QModelIndex | QPersistentModelIndex

TITLE_COLUMN, PLANNED_COLUMN, STARTED_COLUMN, ENDED_COLUMN, TOOK_COLUMN = range(5)
COLUMN_COUNT = 5
AgendaIdRole = RECORD_ID_ROLE
NEW_ROW_EDITOR = "newAgendaRow"  # property marking the editor of the new-item row
COUNTDOWN_SCALE = 3.2  # the countdown's size, in the window's font sizes
NO_COUNTDOWN = "––:––"


def _time_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return QLocale().toString(QTime(moment.hour, moment.minute), "H:mm")


def took_minutes(item: AgendaItem) -> int | None:
    """Whole minutes (rounded) an ended item took; None unless it ended."""
    if item.started_at is None or item.ended_at is None:
        return None
    return round(agenda.elapsed_seconds(item, item.ended_at) / 60)


class AgendaTableModel(RecordRowsModel, QAbstractTableModel):
    """The programme, one item a row, and a last row for typing in the next item."""

    record_kind = Kind.AGENDA
    records_field = "agenda"
    column_count = COLUMN_COUNT

    def __init__(
        self, session: WorkshopSession, clock: MeetingClock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.clock = clock
        self._italic = QFont()
        self._italic.setItalic(True)
        self._bold = QFont()
        self._bold.setBold(True)
        listen(self.document, self)
        clock.changed.connect(self._clock_changed)

    # --- rows ------------------------------------------------------------------------------

    @property
    def items(self) -> list[AgendaItem]:
        return self.records

    def item_at(self, row: int) -> AgendaItem | None:
        item: AgendaItem | None = self.record_at(row)
        return item

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
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
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
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return _time_text(moment)
            if role == Qt.ItemDataRole.EditRole:
                return QTime(moment.hour, moment.minute) if moment is not None else None
            if role == Qt.ItemDataRole.ToolTipRole and moment is not None:
                return QLocale().toString(QTime(moment.hour, moment.minute, moment.second))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        # TOOK_COLUMN
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
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

    def moved_text(self, records: list[Any]) -> str:
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

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
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


class AgendaPage(CaptureTablePage, QWidget):
    """The running item with its clock on top, the programme below; messages in the footer."""

    message = Signal(str)
    first_column = TITLE_COLUMN
    second_column = PLANNED_COLUMN

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaPage")
        self.setAccessibleName(self.tr("Agenda"))
        self.session = session
        self.document = session.document
        self.controls = AgendaControls.of(session)
        self.clock = self.controls.clock
        self.model = AgendaTableModel(session, self.clock, self)
        self.actions_: list[QAction] = []
        self._build()
        self.controls.selected_item = self._selected_for_start
        self.destroyed.connect(self._forget_selection)
        self.clock.changed.connect(self._show_clock)
        session.changed.connect(self._document_changed)
        self._show_clock()
        self._update_totals()
        self._update_actions()
        self.table.setCurrentIndex(self.model.index(self._first_row(), TITLE_COLUMN))

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self._make_now_panel())
        self.table = self.capture_table = QTableView(self)
        self.table.setObjectName("agendaTable")
        self.table.setAccessibleName(self.tr("Programme"))
        self.table.setAccessibleDescription(
            self.tr("Type an item, Tab to its planned minutes, Enter for the next item")
        )
        self.table.setModel(self.model)
        set_up_capture_view(self.table)
        self.delegate = AgendaDelegate(self.model, self)
        self._set_up_capture(self.delegate)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in (PLANNED_COLUMN, STARTED_COLUMN, ENDED_COLUMN, TOOK_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("M") * 7)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_actions())

        self._lay_out_capture(
            layout,
            self.tr("Agenda tools"),
            self.tr("Progra&mme:"),
            ("agendaTotals", self.tr("Planned in total")),
            self.tr(
                "Enter: next item · Tab: planned minutes · Alt+Up/Down: reorder · "
                "F6 start · F7 next · F8 stop (from every section)"
            ),
            self.tr("Keyboard hint"),
        )
        self.totals_label = self.counter_label

    def _make_now_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("agendaNow")
        panel.setAccessibleName(self.tr("Running item"))
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(panel)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(18)
        self.countdown_label = QLabel(NO_COUNTDOWN, panel)
        self.countdown_label.setObjectName("agendaCountdown")
        self.countdown_label.setAccessibleName(self.tr("Countdown"))
        font = self.countdown_label.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * COUNTDOWN_SCALE)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFeature(QFont.Tag("tnum"), 1)  # digits of one width: the clock does not wobble
        self.countdown_label.setFont(font)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        digits = self.countdown_label.fontMetrics().horizontalAdvance("+000:00")
        self.countdown_label.setMinimumWidth(digits + 16)
        grid.addWidget(self.countdown_label, 0, 0, 2, 1)
        self.now_title = QLabel(panel)
        self.now_title.setObjectName("agendaNowTitle")
        self.now_title.setAccessibleName(self.tr("Running item"))
        title_font = self.now_title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(max(title_font.pointSizeF(), 9.0) * 1.5)
        self.now_title.setFont(title_font)
        self.now_title.setWordWrap(True)
        self.now_title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        grid.addWidget(self.now_title, 0, 1)
        self.now_details = QLabel(panel)
        self.now_details.setObjectName("agendaNowDetails")
        self.now_details.setAccessibleName(self.tr("Times of the running item"))
        self.now_details.setWordWrap(True)
        self.now_details.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        grid.addWidget(self.now_details, 1, 1)
        buttons = QHBoxLayout()
        self.clock_buttons: list[QToolButton] = []
        for action in (
            self.controls.start_action,
            self.controls.next_action,
            self.controls.stop_action,
        ):
            button = QToolButton(panel)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIconSize(button.iconSize() * 2)
            button.setAccessibleName(action.text().replace("&", ""))
            button.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 8)
            buttons.addWidget(button)
            self.clock_buttons.append(button)
        self.start_button, self.next_button, self.stop_button = self.clock_buttons
        grid.addLayout(buttons, 0, 2, 2, 1)
        grid.setColumnStretch(1, 1)
        return panel

    def _make_actions(self) -> None:
        self.add_action = self._action(
            self.tr("&Add item"), "add", self.start_next_item, ["Insert"]
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
        self.move_up_action = self._action(
            self.tr("Move &up"), "up", lambda: self.move_item(-1), ["Alt+Up", "Ctrl+Shift+Up"]
        )
        self.move_down_action = self._action(
            self.tr("Move &down"),
            "down",
            lambda: self.move_item(1),
            ["Alt+Down", "Ctrl+Shift+Down"],
        )
        separator = QAction(self)
        separator.setSeparator(True)
        self.actions_.append(separator)
        # The clock's actions: in the menu too; their keys are the window's (and this page's,
        # so that they work when the page is shown on its own).
        for action in self.controls.actions_:
            self.addAction(action)
            self.actions_.append(action)

    # --- the clock -------------------------------------------------------------------------------

    def _show_clock(self) -> None:
        shown = self.clock.countdown
        item = self.clock.current
        label = self.countdown_label
        palette = self.palette()
        if shown is None or item is None:
            label.setText(NO_COUNTDOWN)
            palette.setColor(
                QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
            )
            label.setPalette(palette)
            label.setAccessibleDescription(self.tr("No item is running"))
            self._show_idle()
            self._update_totals()
            return
        label.setText(shown.text)
        colour = PHASE_COLOURS.get(shown.phase)
        if colour is not None:
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        label.setPalette(palette)
        if shown.phase is Phase.OVER:
            label.setAccessibleDescription(arg(self.tr("%1 over the planned time"), shown.text))
        elif shown.counting_up:
            label.setAccessibleDescription(arg(self.tr("%1 since it started"), shown.text))
        else:
            label.setAccessibleDescription(arg(self.tr("%1 left"), shown.text))
        self.now_title.setText(item.title)
        parts = [arg(self.tr("started %1"), _time_text(item.started_at))]
        if item.planned_minutes and item.started_at is not None:
            parts.append(arg(self.tr("planned %1 min"), item.planned_minutes))
            end = item.started_at + timedelta(minutes=item.planned_minutes)
            parts.append(arg(self.tr("time is up at %1"), _time_text(end)))
        else:
            parts.append(self.tr("no planned length: counting up"))
        self.now_details.setText(" · ".join(parts))
        self._update_totals()

    def _show_idle(self) -> None:
        data = self.document.data
        following = agenda.following_item(data)
        if not data.agenda:
            self.now_title.setText(self.tr("No programme yet"))
            self.now_details.setText(
                self.tr("Add the items below: Insert, the title, Tab, its minutes, Enter.")
            )
        elif following is not None:
            self.now_title.setText(self.tr("No item is running"))
            self.now_details.setText(
                arg(
                    self.tr("Next: “%1” — F7 starts it, F6 starts the selected item"),
                    following.title,
                )
            )
        else:
            self.now_title.setText(self.tr("The programme is over"))
            self.now_details.setText(self.tr("Every item has run. F6 starts the selected again."))

    def _update_totals(self) -> None:
        data = self.document.data
        planned = sum(item.planned_minutes for item in data.agenda)
        count = len(data.agenda)
        text = self.tr("%n items", "", count)
        if planned:
            text += " · " + arg(self.tr("%1 planned"), self.duration_text(planned))
        current = agenda.current_item(data)
        if current is not None:
            now = self.clock.now()
            left = (
                max(0.0, agenda.remaining_seconds(current, now)) if current.planned_minutes else 0
            )
            after = data.agenda.index(current) + 1
            rest = sum(i.planned_minutes for i in data.agenda[after:] if i.started_at is None)
            end = now + timedelta(seconds=left, minutes=rest)
            text += " · " + arg(self.tr("expected end %1"), _time_text(end))
        self.totals_label.setText(text)

    def duration_text(self, minutes: int) -> str:
        """Minutes as "2 h 15 min" or "45 min"."""
        hours, rest = divmod(minutes, 60)
        if hours and rest:
            return arg(self.tr("%1 h %2 min"), hours, rest)
        if hours:
            return arg(self.tr("%1 h"), hours)
        return arg(self.tr("%1 min"), rest)

    def _document_changed(self, event: Event) -> None:
        if isinstance(event, Reset) or getattr(event, "kind", None) is Kind.AGENDA:
            if not self.clock.running:
                self._show_idle()
            self._update_totals()
            QTimer.singleShot(0, self, self._update_actions)  # once the view took the change

    # --- selection ----------------------------------------------------------------------------

    def _first_row(self) -> int:
        """Where the cursor starts: the running item, else the next one, else the new row."""
        data = self.document.data
        item = agenda.current_item(data) or agenda.following_item(data)
        row = self.model.row_of(item.id if item else None)
        return row if row >= 0 else self.model.new_row

    def selected_items(self) -> list[AgendaItem]:
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        items = [self.model.item_at(row) for row in sorted(rows)]
        return [item for item in items if item is not None]

    def current_item_id(self) -> int | None:
        item = self.model.item_at(self.table.currentIndex().row())
        return item.id if item is not None else None

    def _selected_for_start(self) -> int | None:
        with contextlib.suppress(RuntimeError):  # the page is gone
            return self.current_item_id()
        return None

    def _forget_selection(self, *_: object) -> None:
        with contextlib.suppress(RuntimeError):
            self.controls.selected_item = lambda: None

    def select_id(self, item_id: int, column: int = TITLE_COLUMN) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(row, column))
            self.table.scrollTo(self.model.index(row, column))

    def _update_actions(self) -> None:
        has_items = bool(self.selected_items())
        self.remove_action.setEnabled(has_items)
        current = self.model.item_at(self.table.currentIndex().row())
        row = self.table.currentIndex().row()
        self.move_up_action.setEnabled(current is not None and row > 0)
        self.move_down_action.setEnabled(current is not None and row < self.model.new_row - 1)
        self.controls.update_actions()

    # --- capture by keyboard --------------------------------------------------------------------

    def start_next_item(self) -> None:
        """Go to the new-item row and start typing a title there."""
        self.start_next_row()

    def paste(self, text: str | None = None) -> list[int]:
        """Items copied from a spreadsheet or a text: a line each, cells title and minutes."""
        ids = self.paste_rows(
            text,
            lambda count: self.tr("Paste %n agenda items", "", count),
            self.tr("Cannot paste line %1: %2"),
        )
        if ids:
            self.message.emit(self.tr("Pasted %n agenda items.", "", len(ids)))
        return ids

    def record_from_cells(self, cells: list[str]) -> AgendaItem | None:
        title, minutes, *_ = [*cells, ""]
        if not title:
            if minutes:
                raise ValueError(self.tr("the item has no title"))
            return None
        planned = minutes.removesuffix("min").strip()
        if not planned:
            return agenda.new_agenda_item(self.document, title)
        if not planned.isdigit() or int(planned) > MAX_PLANNED_MINUTES:
            raise ValueError(
                arg(
                    self.tr("“%1” is not a number of minutes (0 to %2)"),
                    minutes,
                    MAX_PLANNED_MINUTES,
                )
            )
        return agenda.new_agenda_item(self.document, title, int(planned))

    def remove_selected(self) -> None:
        items = self.selected_items()
        if not items:
            return
        first_row = self.model.row_of(items[0].id)
        operation = Batch(tuple(RemoveRecord(Kind.AGENDA, item.id) for item in items))
        text = (
            arg(self.tr("Remove “%1” from the agenda"), items[0].title)
            if len(items) == 1
            else self.tr("Remove %n agenda items", "", len(items))
        )
        if self.session.push(operation, text):
            self.table.clearSelection()
            self.table.setCurrentIndex(
                self.model.index(min(first_row, self.model.new_row), TITLE_COLUMN)
            )
            self._update_actions()

    def move_item(self, step: int) -> None:
        """Move the current item up (-1) or down (1) by one place."""
        index = self.table.currentIndex()
        item = self.model.item_at(index.row())
        if item is None:
            return
        position = index.row() + step
        if not 0 <= position < len(self.model.items):
            return
        text = (
            arg(self.tr("Move “%1” up"), item.title)
            if step < 0
            else arg(self.tr("Move “%1” down"), item.title)
        )
        if self.session.push(MoveRecord(Kind.AGENDA, item.id, position), text):
            self.select_id(item.id, max(0, index.column()))
            self._update_actions()
