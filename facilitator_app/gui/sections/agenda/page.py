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
from datetime import timedelta

from PySide6.QtCore import (
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.connections import Connections
from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.sections.agenda.clock import (
    PHASE_COLOURS,
    AgendaControls,
    Phase,
)
from facilitator_app.gui.sections.agenda.table_model import (
    ENDED_COLUMN,
    PLANNED_COLUMN,
    STARTED_COLUMN,
    TITLE_COLUMN,
    TOOK_COLUMN,
    AgendaDelegate,
    AgendaTableModel,
    time_text,
)
from facilitator_app.gui.widgets.capture_table import (
    CaptureTablePage,
    PasteTexts,
)
from facilitator_app.gui.widgets.record_rows import changes_kind
from facilitator_app.workshop import agenda
from facilitator_app.workshop.events import (
    Event,
    Kind,
    Reset,
)
from facilitator_app.workshop.model import AgendaItem
from facilitator_app.workshop.values import MAX_PLANNED_MINUTES

COUNTDOWN_SCALE = 3.2  # the countdown's size, in the window's font sizes
NO_COUNTDOWN = "––:––"


class AgendaPage(CaptureTablePage):
    """The running item with its clock on top, the programme below; messages in the footer."""

    model: AgendaTableModel
    first_column = TITLE_COLUMN
    second_column = PLANNED_COLUMN

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("agendaPage")
        self.setAccessibleName(self.tr("Agenda"))
        self.controls = AgendaControls.of(session)
        self.clock = self.controls.clock
        self.model = AgendaTableModel(session, self.clock, self)
        self._build()
        self.controls.selected_item = self._selected_for_start
        self.destroyed.connect(self._forget_selection)
        self.connections = Connections(self)
        self.connections.connect(self.clock.changed, self._show_clock)
        self.connections.connect(session.changed, self._document_changed)
        self._show_clock()
        self._update_totals()
        self._update_actions()
        self.table.setCurrentIndex(self.model.index(self._first_row(), TITLE_COLUMN))

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self._make_now_panel())
        self.table = self._make_capture_table(
            "agendaTable",
            self.tr("Programme"),
            self.tr("Type an item, Tab to its planned minutes, Enter for the next item"),
            AgendaDelegate,
        )
        header = self.table.horizontalHeader()
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
        self._make_record_actions(self.tr("&Add item"), self.tr("Next row"), self.tr("&Remove"))
        self._make_paste_action(self.tr("Paste rows"), toolbar=False)
        self._make_move_actions(self.tr("Move &up"), self.tr("Move &down"))
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
        parts = [arg(self.tr("started %1"), time_text(item.started_at))]
        if item.planned_minutes and item.started_at is not None:
            parts.append(arg(self.tr("planned %1 min"), item.planned_minutes))
            end = item.started_at + timedelta(minutes=item.planned_minutes)
            parts.append(arg(self.tr("time is up at %1"), time_text(end)))
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
            text += " · " + arg(self.tr("expected end %1"), time_text(end))
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
        if isinstance(event, Reset) or changes_kind(event, Kind.AGENDA):
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
        return self.selected_records()

    def current_item_id(self) -> int | None:
        item = self.model.record_at(self.table.currentIndex().row())
        return item.id if item is not None else None

    def _selected_for_start(self) -> int | None:
        with contextlib.suppress(RuntimeError):  # the page is gone
            return self.current_item_id()
        return None

    def _forget_selection(self, *_: object) -> None:
        with contextlib.suppress(RuntimeError):
            self.controls.selected_item = lambda: None

    def _update_actions(self) -> None:
        has_items = bool(self.selected_items())
        self.remove_action.setEnabled(has_items)
        self._update_move_actions()
        self.controls.update_actions()

    # --- capture by keyboard --------------------------------------------------------------------

    def paste_texts(self) -> PasteTexts:
        return PasteTexts(
            lambda count: self.tr("Paste %n agenda items", "", count),
            lambda count: self.tr("Pasted %n agenda items.", "", count),
            self.tr("Cannot paste line %1: %2"),
        )

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

    def removal_column(self) -> int:
        return TITLE_COLUMN

    def removed_text(self, items: list[AgendaItem]) -> str:
        if len(items) == 1:
            return arg(self.tr("Remove “%1” from the agenda"), items[0].title)
        return self.tr("Remove %n agenda items", "", len(items))

    def moved_text(self, item: AgendaItem, step: int) -> str:
        if step < 0:
            return arg(self.tr("Move “%1” up"), item.title)
        return arg(self.tr("Move “%1” down"), item.title)
