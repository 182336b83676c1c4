"""The meeting clock: which agenda item runs, its countdown, and Start / Next / Stop.

One clock per open workshop (``MeetingClock.of(session)``), shared by the Agenda section, the
clock in the status bar and the wall's corner, so that all of them show the same second. It
ticks with a QTimer only while an item runs, at the moment the shown second changes. The time
comes from ``clock.now`` (tests replace it: nothing here sleeps).

The countdown reads mm:ss of the planned time left (the minutes go past 59 for long items). In
the last two minutes it is a warning (orange); once the time is up it counts the overrun as
+mm:ss (red). An item planned at 0 minutes counts its elapsed time up, in the normal colour.

``AgendaControls.of(session)`` holds the Start, Next and Stop actions: the window adds them to
itself, so that F6, F7 and F8 work from every section while the facilitator types elsewhere.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.core.session import OnePerSession, WorkshopSession
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.widgets.record_rows import changes_kind
from facilitator_app.workshop import agenda
from facilitator_app.workshop.events import Event, Kind, Reset
from facilitator_app.workshop.model import AgendaItem

WARNING_SECONDS = 120  # the last two minutes
TICK_SLACK_MS = 5  # tick just after the second turns, never just before it


class Phase(StrEnum):
    NORMAL = "normal"
    WARNING = "warning"  # the last two minutes
    OVER = "over"  # past the planned time


# Readable on the facilitator's light or dark window alike.
PHASE_COLOURS = {Phase.WARNING: "#d35400", Phase.OVER: "#d0202e"}


@dataclass(frozen=True)
class Countdown:
    """What the clock shows for the running item."""

    item_id: int
    title: str
    text: str  # "04:12", "+01:05" when over, or the elapsed time of an unplanned item
    phase: Phase
    seconds: int  # whole seconds left (negative: over); elapsed ones when counting up
    counting_up: bool = False  # no planned minutes: the time it has run


def clock_text(seconds: int) -> str:
    """mm:ss (the minutes go on past 59)."""
    minutes, seconds = divmod(max(0, seconds), 60)
    return f"{minutes:02d}:{seconds:02d}"


def countdown(item: AgendaItem, now: datetime) -> Countdown:
    """The countdown of a running item at ``now``.

    The seconds left are rounded up, so the clock reads 00:00 in the item's last second and
    +00:01 a second after its time is up.
    """
    if item.planned_minutes <= 0:
        elapsed = int(agenda.elapsed_seconds(item, now))
        return Countdown(
            item.id, item.title, clock_text(elapsed), Phase.NORMAL, elapsed, counting_up=True
        )
    left = math.ceil(agenda.remaining_seconds(item, now))
    if left < 0:
        return Countdown(item.id, item.title, "+" + clock_text(-left), Phase.OVER, left)
    phase = Phase.WARNING if left <= WARNING_SECONDS else Phase.NORMAL
    return Countdown(item.id, item.title, clock_text(left), phase, left)


def ms_to_next_second(item: AgendaItem, now: datetime) -> int:
    """How long until the item's elapsed time reaches its next whole second."""
    elapsed = agenda.elapsed_seconds(item, now)
    fraction = elapsed - math.floor(elapsed)
    return max(1, math.ceil((1.0 - fraction) * 1000)) + TICK_SLACK_MS


class MeetingClock(OnePerSession):
    """The running agenda item of one session and its countdown, ticking once a second."""

    changed = Signal()  # the running item, or the text or colour of its countdown, changed

    OBJECT_NAME = "meetingClock"

    def __init__(self, session: WorkshopSession) -> None:
        super().__init__(session)
        self.now: Callable[[], datetime] = datetime.now
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        self._countdown: Countdown | None = None
        session.changed.connect(self._document_changed)
        self.tick()

    @property
    def current(self) -> AgendaItem | None:
        return agenda.current_item(self.session.document.data)

    @property
    def countdown(self) -> Countdown | None:
        """What the clock shows now; None when no item runs."""
        return self._countdown

    @property
    def running(self) -> bool:
        return self._countdown is not None

    def _document_changed(self, event: Event) -> None:
        if isinstance(event, Reset) or changes_kind(event, Kind.AGENDA):
            self.tick()

    def tick(self) -> None:
        """Read the clock again; ``changed`` when what it shows changed."""
        item = self.current
        now = self.now()
        shown = countdown(item, now) if item is not None else None
        if item is not None:
            self.timer.start(ms_to_next_second(item, now))
        else:
            self.timer.stop()
        if shown != self._countdown:
            self._countdown = shown
            self.changed.emit()

    def stop(self) -> None:
        """Stop ticking (the workshop is being closed)."""
        self.timer.stop()
        self._countdown = None


class AgendaControls(OnePerSession):
    """Start, Next and Stop for one session: each one undo step, with the clock's time.

    ``selected_item`` tells which item Start starts (the Agenda section sets it to its current
    row); without one, Start starts the item Next would.
    """

    message = Signal(str)
    OBJECT_NAME = "agendaControls"

    def __init__(self, session: WorkshopSession) -> None:
        super().__init__(session)
        self.document = session.document
        self.clock = MeetingClock.of(session)
        self.selected_item: Callable[[], int | None] = lambda: None
        self.actions_: list[QAction] = []
        self.start_action = self._action(
            self.tr("&Start the selected item"),
            self.tr("Start"),
            "start",
            self.start_selected,
            "F6",
            self.tr("Start the agenda item selected in the programme and its countdown"),
        )
        self.next_action = self._action(
            self.tr("&Next item"),
            self.tr("Next"),
            "next",
            self.next,
            "F7",
            self.tr("End the running item and start the next one"),
        )
        self.stop_action = self._action(
            self.tr("S&top"),
            self.tr("Stop"),
            "stop",
            self.stop,
            "F8",
            self.tr("End the running item; the clock stops"),
        )
        self.clock.changed.connect(self.update_actions)
        session.changed.connect(self._document_changed)
        self.update_actions()

    def _action(
        self, text: str, short: str, meaning: str, slot: Callable[[], object], key: str, tip: str
    ) -> QAction:
        action = QAction(icon(meaning), text, self)
        action.setIconText(short)  # on buttons
        action.setShortcut(QKeySequence(key))
        # Everywhere in the window: the clock is run while typing in the other sections.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{tip} ({key})")
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.actions_.append(action)
        return action

    def _document_changed(self, event: Event) -> None:
        if isinstance(event, Reset) or changes_kind(event, Kind.AGENDA):
            self.update_actions()

    def update_actions(self) -> None:
        data = self.document.data
        running = agenda.current_item(data)
        following = agenda.following_item(data)
        selected = self._item(self.selected_item())
        if selected is not None:
            title = selected.title if len(selected.title) <= 30 else selected.title[:29] + "…"
            self.start_action.setText(arg(self.tr("&Start “%1”"), title.replace("&", "&&")))
            self.start_action.setEnabled(not agenda.is_running(selected))
        else:
            self.start_action.setText(self.tr("&Start the selected item"))
            self.start_action.setEnabled(following is not None)
        self.next_action.setEnabled(following is not None or running is not None)
        self.stop_action.setEnabled(running is not None)
        if following is not None:
            tip = arg(self.tr("Next: “%1”"), following.title)
        elif running is not None:
            tip = self.tr("End the last item of the programme")
        else:
            tip = self.tr("End the running item and start the next one")
        self.next_action.setToolTip(f"{tip} (F7)")
        self.next_action.setStatusTip(tip)

    def _item(self, item_id: int | None) -> AgendaItem | None:
        for item in self.document.data.agenda:
            if item.id == item_id:
                return item
        return None

    def start_selected(self) -> bool:
        item = self._item(self.selected_item())
        if item is None:
            item = agenda.following_item(self.document.data)
        if item is None:
            self.message.emit(
                self.tr("Add items to the programme first (Workshop ▸ Agenda)")
                if not self.document.data.agenda
                else self.tr("Select the item to start in the programme.")
            )
            return False
        return self.start(item.id)

    def start(self, item_id: int) -> bool:
        """Start an item (again: an item that ran restarts), ending the one that runs.

        The running item is not restarted by Start (its recorded start would be lost by a
        slip of the finger): Stop, then Start, does that.
        """
        item = self._item(item_id)
        if item is None:
            return False
        if agenda.is_running(item):
            self.message.emit(
                arg(self.tr("“%1” is running already; F7 goes on to the next item."), item.title)
            )
            return False
        now = self.clock.now()
        operation = agenda.start_item(self.document, item_id, now)
        if self.session.push(operation, arg(self.tr("Start “%1”"), item.title)):
            self.clock.tick()
            return True
        return False

    def next(self) -> bool:
        data = self.document.data
        following = agenda.following_item(data)
        running = agenda.current_item(data)
        operation = agenda.next_item(self.document, self.clock.now())
        if operation is None:
            self.message.emit(
                self.tr("Add items to the programme first (Workshop ▸ Agenda)")
                if not data.agenda
                else self.tr("The programme has no item left to start.")
            )
            return False
        if following is not None:
            text = arg(self.tr("Next item: “%1”"), following.title)
        else:
            assert running is not None
            text = arg(self.tr("End “%1”"), running.title)
        if self.session.push(operation, text):
            self.clock.tick()
            if following is None:
                self.message.emit(self.tr("That was the last item of the programme."))
            return True
        return False

    def stop(self) -> bool:
        running = agenda.current_item(self.document.data)
        operation = agenda.stop_current(self.document, self.clock.now())
        if operation is None or running is None:
            self.message.emit(self.tr("No agenda item is running."))
            return False
        if self.session.push(operation, arg(self.tr("End “%1”"), running.title)):
            self.clock.tick()
            return True
        return False


class StatusClock(QToolButton):
    """The running item and its countdown in the status bar, seen from every section.

    Hidden while no item runs; a click shows the Agenda section.
    """

    TITLE_CHARS = 40

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusClock")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(icon("start"))
        self.setAccessibleName(self.tr("Meeting clock"))
        self.setToolTip(self.tr("The running agenda item; click to see the programme"))
        self.clock: MeetingClock | None = None
        self.hide()

    def show_clock(self, clock: MeetingClock | None) -> None:
        if self.clock is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.clock.changed.disconnect(self.refresh)
        self.clock = clock
        if clock is not None:
            clock.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        shown = self.clock.countdown if self.clock is not None else None
        if shown is None:
            self.hide()
            return
        title = shown.title
        if len(title) > self.TITLE_CHARS:
            title = title[: self.TITLE_CHARS - 1].rstrip() + "…"
        self.setText(f"{title}  {shown.text}")
        self.setAccessibleDescription(f"{shown.title}: {shown.text}")
        colour = PHASE_COLOURS.get(shown.phase)
        self.setStyleSheet(
            f"QToolButton {{ font-weight: bold; color: {colour}; }}"
            if colour
            else "QToolButton { font-weight: bold; }"
        )
        self.show()
