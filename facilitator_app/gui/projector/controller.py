"""The projector under the facilitator's control: the wall window, its keys, menu and preview.

Keys (View ▸ Projector; Help ▸ Keyboard shortcuts lists them):

- F5 starts and stops presenting; Shift+F5 puts the wall full screen and back into a window
  (in both windows); Esc, on the wall itself, leaves full screen.
- Page Down and Page Up turn the wall's sheets of a page too long for it (while presenting;
  in a text field they move its cursor as usual). The wall otherwise shows the current item's
  sheet, and goes back to following it once the facilitator moves to another item.
- B blanks the wall black, W white (again: back); F freezes it, F again publishes and
  highlights what changed meanwhile. T, V, C, A, R, G, D, S, P and E show the title page,
  the vision, the current theme's vision, the activities, the remarks, the ranking, the
  agreed tasks (D: dohodnuto, agreed; T is the title page's), the current theme's SWOT
  analysis, its problems and an empty page. H reveals the vote counts (H: hlasy, votes) and
  hides them again; they are hidden whenever a workshop opens, so that a paper dot vote is
  not swayed by a live tally (the SWOT, the problems, the activities and the ranking).
- The facilitator types live, so a letter never leaves the facilitator's window for the
  wall: the one-letter keys act only on the wall and in its preview dock (click the preview,
  or Tab to it), never in the facilitator's window, not even where no field takes the text
  (a letter typed just after File ▸ New must not blank the room). Where they act, a widget
  that takes text input still types them. The three keys needed in the middle of typing have
  a second, chorded form that works everywhere: Ctrl+Shift+B, Ctrl+Shift+W and Ctrl+Shift+F
  (and Ctrl+Shift+H, to reveal the votes from the analysis page).
  (No Ctrl+Alt: on Czech keyboards that is AltGr, which types characters.)
- Ctrl+plus, Ctrl+minus and Ctrl+0 zoom the wall's text (not the facilitator's window).

The rest act in the facilitator's window and on the wall (window shortcuts of both);
presentation remotes that send B, F5, Esc and Page Down/Up work the same way. The wall takes
the keyboard whenever it covers the facilitator's window (one screen, or full screen on its
screen), so these keys reach it without a click; on another screen the facilitator keeps it.

(The module is a little over 500 lines, this list of keys included.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, QSettings, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QPainter,
    QScreen,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
)

from facilitator_app.gui.core import settings as app_settings
from facilitator_app.gui.core.session import Focus, WorkshopSession
from facilitator_app.gui.projector.actions import ProjectorActions
from facilitator_app.gui.projector.branches import TreeBranches
from facilitator_app.gui.projector.builder import StateBuilder
from facilitator_app.gui.projector.changes import changed_keys, previous_texts
from facilitator_app.gui.projector.highlights import Highlights
from facilitator_app.gui.projector.look import PALETTES
from facilitator_app.gui.projector.placement import WallPlacement
from facilitator_app.gui.projector.renderer import WallRenderer
from facilitator_app.gui.projector.state import Blanking, Mode, WallFocus, WallState
from facilitator_app.gui.projector.typing_guard import TypingGuard
from facilitator_app.gui.projector.wall import WallWindow
from facilitator_app.gui.sections.activities.page import ActivitiesPage
from facilitator_app.workshop.events import Event, Stage

if TYPE_CHECKING:
    from facilitator_app.gui.sections.agenda.clock import Countdown, MeetingClock


PREVIEW_DELAY_MS = 50  # the thumbnail lags the wall by at most this much
ZOOM_STEP = 1.12
ZOOM_STEPS = (-6, 8)


class ProjectorController(ProjectorActions, QObject):
    """Owns the wall window, the preview dock, the actions, and the snapshots shown."""

    shown_changed = Signal()  # what the room sees changed (content, mode, freeze, blank)
    clock_changed = Signal()  # the agenda clock in the corner changed (a second, a colour)
    live_changed = Signal()  # the live snapshot changed (even while frozen)
    placement_changed = Signal()  # the wall was shown, hidden or moved

    def __init__(self, window: QMainWindow, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._settings = settings if settings is not None else QSettings()
        self.renderer = WallRenderer(self)
        self.builder: StateBuilder | None = None
        self.session: WorkshopSession | None = None
        self.live: WallState | None = None
        self.shown: WallState | None = None
        self.frozen = False
        self.blanking = Blanking.NONE
        self.presenting = False
        self.waiting_for_screen = False  # presenting, but the wall's screen went away
        self.highlighter = Highlights(self)
        self.highlighter.faded.connect(self.repaint_views)
        self.branches = TreeBranches(self._refresh_outline, self)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._bare_keys: set[int] = set()  # the one-letter keys: the wall's and the preview's
        # The running agenda item's countdown (agenda_clock.MeetingClock), live even while the
        # wall is frozen: the room keeps its time. None while no item runs.
        self.meeting_clock: MeetingClock | None = None
        self.countdown: Countdown | None = None

        try:
            self.mode = Mode(app_settings.read(app_settings.PROJECTOR_MODE, self.settings))
        except ValueError:
            self.mode = Mode.ACTIVITIES
        theme = app_settings.read(app_settings.PROJECTOR_THEME, self.settings)
        self.renderer.set_palette(theme if theme in PALETTES else "light")
        self.zoom_step = app_settings.read(app_settings.PROJECTOR_ZOOM, self.settings)
        self.renderer.set_zoom(ZOOM_STEP**self.zoom_step)

        self.wall = WallWindow(self)
        self.wall.closed.connect(self._wall_closed)
        self.wall.state_changed.connect(self._wall_state_changed)
        self.wall.full_screen_toggled.connect(self.toggle_full_screen)
        self.placement = WallPlacement(window, self.wall, self._settings)
        self.placement.placed.connect(self._placed)
        self.guard = TypingGuard(self)
        self._make_actions()
        self._make_menu()
        self._make_dock()
        self._add_to_toolbar()
        self._update_status()

        window.session_opened.connect(self.attach)  # type: ignore[attr-defined]
        window.session_closed.connect(self.detach)  # type: ignore[attr-defined]
        # The window builds its sections when first shown: follow the tree once it exists.
        page_created = getattr(window, "page_created", None)
        if page_created is not None:
            page_created.connect(self._page_created)
        # View ▸ Show activity codes (the window's): the wall numbers the activities too.
        self.codes_action: QAction | None = getattr(window, "codes_action", None)
        if self.codes_action is not None:
            self.codes_action.toggled.connect(self.set_codes_shown)
        window.installEventFilter(self)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self.screen_added)
        app.screenRemoved.connect(self.screen_removed)
        app.aboutToQuit.connect(self.wall.close)
        if getattr(window, "session", None) is not None:
            self.attach(window.session)  # type: ignore[attr-defined]

    @property
    def settings(self) -> QSettings:
        return self._settings

    @settings.setter
    def settings(self, settings: QSettings) -> None:
        self._settings = self.placement.settings = settings

    # --- sessions -------------------------------------------------------------------------------

    def attach(self, session: WorkshopSession) -> None:
        """Show a newly opened workshop (the wall starts live, not frozen)."""
        self.detach()
        self.session = session
        self.builder = StateBuilder(
            session.document, self.branches.is_collapsed, self.tr("Activities")
        )
        page = self._activities_page()
        if page is not None:
            self.branches.follow(page)
        self.builder.rebuild()
        if self.codes_action is not None:
            self.builder.set_codes_shown(self.codes_action.isChecked())
        self.builder.set_focus(self._wall_focus(session.focus))
        self.live = self.builder.state
        # After the views: the tree has expanded (or forgotten) its branches when the wall hears.
        session.document.add_listener(self, Stage.WALL)
        session.focus_changed.connect(self._focus_changed)
        self._attach_clock(session)
        self.frozen = False
        self.freeze_action.setChecked(False)
        self.reveal_votes_action.setChecked(False)  # every opening starts with votes hidden
        self.shown = self.live
        self._shown_changed()

    def detach(self) -> None:
        session = self.session
        if session is None:
            return
        session.document.remove_listener(self)
        with contextlib.suppress(RuntimeError, TypeError):
            session.focus_changed.disconnect(self._focus_changed)
        self.branches.unfollow()
        self._detach_clock()
        self.session = None
        self.builder = None
        self.live = self.shown = None
        self.frozen = False
        self.freeze_action.setChecked(False)
        self.reveal_votes_action.setChecked(False)
        self._shown_changed()

    @staticmethod
    def _wall_focus(focus: Focus) -> WallFocus:
        return WallFocus(
            focus.section,
            focus.theme_id,
            focus.paragraph,
            focus.node_id,
            focus.item_id,
            focus.item_kind,
        )

    # DocumentListener, at the wall's stage.
    def document_about_to_change(self, event: Event) -> None:
        if self.session is not None:
            self.branches.document_about_to_change(self.session.document, event)

    def document_changed(self, event: Event) -> None:
        if self.builder is None:
            return
        self.live = self.builder.apply(event)
        self._live_changed()

    def _focus_changed(self, focus: Focus) -> None:
        if self.builder is None:
            return
        self.live = self.builder.set_focus(self._wall_focus(focus))
        self._live_changed()

    def _live_changed(self) -> None:
        self.live_changed.emit()
        if not self.frozen:
            self.shown = self.live
            self._shown_changed()

    def _shown_changed(self) -> None:
        self.repaint_views()
        self._update_status()
        self.shown_changed.emit()

    def repaint_views(self) -> None:
        """The wall repaints in the next frame; the thumbnail a moment later, so as not to
        take the wall's frame time (the room's view comes first)."""
        if self.wall.isVisible():
            self.wall.update()
        if self.preview.isVisible() and not self._preview_timer.isActive():
            self._preview_timer.start()

    # --- the agenda clock in the corner -----------------------------------------------------------

    def _attach_clock(self, session: WorkshopSession) -> None:
        from facilitator_app.gui.sections.agenda.clock import MeetingClock

        self.meeting_clock = MeetingClock.of(session)
        self.meeting_clock.changed.connect(self._clock_changed)
        self.countdown = self.meeting_clock.countdown
        self.renderer.set_clock_room(self.countdown is not None)

    def _detach_clock(self) -> None:
        if self.meeting_clock is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.meeting_clock.changed.disconnect(self._clock_changed)
        self.meeting_clock = None
        self.countdown = None
        self.renderer.set_clock_room(False)

    def _clock_changed(self) -> None:
        old = self.countdown
        new = self.meeting_clock.countdown if self.meeting_clock is not None else None
        self.countdown = new
        size = self.wall_size()
        same_place = (
            old is not None
            and new is not None
            and old.title == new.title
            and self.renderer.clock_box(size, old.text) == self.renderer.clock_box(size, new.text)
        )
        if same_place:
            self.repaint_clock()  # a second passed: the corner only
        else:
            # The clock came, went, or shows another item: the page makes or gives back room.
            self.renderer.set_clock_room(new is not None)
            self.repaint_views()
        self.clock_changed.emit()

    def clock_rect(self, size: QSizeF | None = None) -> QRectF:
        """The clock's corner on the wall (in the wall's pixels), which a second that passes
        repaints; empty when no clock is shown."""
        if self.countdown is None or self.blanking is not Blanking.NONE:
            return QRectF()
        return self.renderer.clock_area(size or self.wall_size(), self.countdown.text)

    def repaint_clock(self) -> None:
        """Repaint the clock's corner only, on the wall and in the thumbnail."""
        if self.wall.isVisible():
            rect = self.clock_rect(QSizeF(self.wall.size()))
            if not rect.isEmpty():
                self.wall.update(rect.toAlignedRect())
        if self.preview.isVisible():
            rect = self.clock_rect()
            if not rect.isEmpty():
                self.preview.update(self.preview.to_widget(rect))

    def paint_clock(self, painter: QPainter, size: QSizeF) -> None:
        """Paint the clock's corner alone (a repaint for a second that passed)."""
        if self.countdown is not None and self.blanking is Blanking.NONE:
            self.renderer.paint_clock(painter, size, self.countdown)

    # --- the facilitator's tree: which branches are collapsed ----------------------------------

    def _activities_page(self) -> ActivitiesPage | None:
        pages = getattr(self.window, "pages", None)
        page = pages.get("activities") if isinstance(pages, dict) else None
        return page if isinstance(page, ActivitiesPage) else None

    def _page_created(self, name: str, page: object) -> None:
        if isinstance(page, ActivitiesPage) and self.session is not None:
            self.branches.follow(page)
            self._refresh_outline()

    def _refresh_outline(self) -> None:
        if self.builder is not None:
            self.live = self.builder.refresh_outline()
            self._live_changed()

    # --- what the wall shows ------------------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self.mode_actions[mode].setChecked(True)
        app_settings.write(app_settings.PROJECTOR_MODE, mode.value, self.settings)
        self._shown_changed()

    def set_blanking(self, blanking: Blanking) -> None:
        self.blanking = blanking
        self.black_action.setChecked(blanking is Blanking.BLACK)
        self.white_action.setChecked(blanking is Blanking.WHITE)
        self._shown_changed()

    def set_votes_revealed(self, revealed: bool) -> None:
        """Show the vote counts to the room, or hide them (a frozen wall keeps what it
        showed until published)."""
        self.reveal_votes_action.setChecked(revealed)
        if self.builder is not None:
            self.live = self.builder.set_votes_revealed(revealed)
            self._live_changed()
        self._update_status()

    def set_codes_shown(self, shown: bool) -> None:
        """Show each activity's code before it (a frozen wall keeps what it showed)."""
        if self.builder is not None:
            self.live = self.builder.set_codes_shown(shown)
            self._live_changed()

    def _set_frozen(self, frozen: bool) -> None:
        if frozen == self.frozen:
            return
        if frozen:
            self.frozen = True
            self._shown_changed()
        else:
            self.publish()

    def freeze(self) -> None:
        self.freeze_action.setChecked(True)

    def publish(self) -> None:
        """Show the live state again; what changed since the freeze is highlighted a while."""
        previous, self.shown = self.shown, self.live
        self.frozen = False
        self.freeze_action.setChecked(False)
        if previous is not None and self.shown is not None and previous is not self.shown:
            keys = changed_keys(previous, self.shown)
            self.highlighter.start(keys, previous_texts(previous, keys))
        self._shown_changed()

    @property
    def highlights(self) -> dict[Hashable, float]:
        return self.highlighter.strengths

    def turn_page(self, step: int) -> bool:
        """The wall's next (1) or previous (-1) sheet of a page too long for it."""
        if not self.renderer.turn_page(self.shown, self.mode, self.wall_size(), step):
            return False
        self._shown_changed()
        return True

    def set_theme(self, name: str) -> None:
        self.renderer.set_palette(name)
        self.theme_actions[name].setChecked(True)
        app_settings.write(app_settings.PROJECTOR_THEME, name, self.settings)
        self._shown_changed()

    def zoom_by(self, step: int) -> None:
        """One step larger (1), smaller (-1), or back to the fitted size (0)."""
        low, high = ZOOM_STEPS
        self.zoom_step = 0 if step == 0 else max(low, min(high, self.zoom_step + step))
        self.renderer.set_zoom(ZOOM_STEP**self.zoom_step)
        app_settings.write(app_settings.PROJECTOR_ZOOM, self.zoom_step, self.settings)
        self._shown_changed()

    # --- painting -------------------------------------------------------------------------------

    def wall_size(self) -> QSizeF:
        """The wall's size in logical pixels (the size it will have when it is not shown)."""
        return self.placement.wall_size()

    def paint(self, painter: QPainter, size: QSizeF) -> None:
        self.renderer.paint(
            painter,
            size,
            self.shown,
            self.mode,
            self.blanking,
            self.highlighter.strengths or None,
            self.highlighter.previous_texts,
            self.countdown,
        )

    def render_image(self, size: QSizeF | None = None) -> QImage:
        """What the room sees, as an image (for tests, screenshots and benchmarks)."""
        size = size or self.wall_size()
        image = QImage(round(size.width()), round(size.height()), QImage.Format.Format_RGB32)
        painter = QPainter(image)
        self.paint(painter, size)
        painter.end()
        return image

    # --- screens and the wall window -------------------------------------------------------------

    def _set_presenting(self, on: bool) -> None:
        if on == self.presenting:
            return
        self.presenting = on
        self.present_action.setChecked(on)
        for action in (self.next_page_action, self.previous_page_action):
            action.setEnabled(on)
        if on:
            self.place_wall()
        else:
            self.waiting_for_screen = False
            self.placement.hide_wall()
        self._update_status()

    def start_presenting(self) -> None:
        self._set_presenting(True)

    def stop_presenting(self) -> None:
        self._set_presenting(False)

    def place_wall(self) -> None:
        """Show the wall: full screen on another screen, or as a window with one screen."""
        self.waiting_for_screen = False
        self.placement.place_wall()

    def _placed(self) -> None:
        self.full_screen_action.setChecked(self.wall.isFullScreen())
        self._update_status()
        self.placement_changed.emit()

    def _set_full_screen(self, on: bool) -> None:
        if on == self.wall.isFullScreen() or not self.wall.isVisible():
            self.full_screen_action.setChecked(self.wall.isFullScreen())
            return
        self.placement.set_full_screen(on)

    def toggle_full_screen(self) -> None:
        self._set_full_screen(not self.wall.isFullScreen())

    def leave_full_screen(self) -> None:
        self.placement.leave_full_screen()

    def _wall_state_changed(self) -> None:
        self.full_screen_action.setChecked(self.wall.isFullScreen())
        self.repaint_views()
        self.preview.updateGeometry()

    def _wall_closed(self) -> None:
        if self.presenting:
            self._set_presenting(False)

    def screen_added(self, screen: QScreen) -> None:
        self._fill_screen_menu()
        if not self.presenting:
            return
        if self.waiting_for_screen:
            self.place_wall()
        elif not self.wall.isFullScreen() and self.placement.target_screen() is not None:
            self.place_wall()  # a projector plugged in while the wall was a window

    def screen_removed(self, screen: QScreen) -> None:
        """Hide the wall before Qt moves it to a remaining screen (the facilitator's laptop)."""
        # Qt lists the screen until this returns: the menu is filled again just after.
        QTimer.singleShot(0, self._fill_screen_menu)
        if not self.presenting or not self.wall.isVisible():
            return
        if self.placement.on_screen(screen):
            self.waiting_for_screen = True
            self.placement.hide_wall(remember=False)

    def choose_screen(self, name: str | None) -> None:
        """The facilitator picked the wall's screen (None: automatic)."""
        self.placement.remember_screen(name)
        if self.presenting:
            self.place_wall()
        self._update_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window:
            return False
        if event.type() == QEvent.Type.Close:
            # The close may yet be refused (unsaved work asks): look once it has been decided.
            QTimer.singleShot(0, self._window_closed)
        elif event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if self._claims_bare_key(event):
                # Claimed, the key is delivered as a key press (the tree's search, or nothing)
                # instead of triggering the wall's shortcut.
                event.accept()
                return True
        return False

    def _claims_bare_key(self, event: QKeyEvent) -> bool:
        """Whether a key that reached the facilitator's window unclaimed (the focus nowhere, or
        on something that does not type) is one of the wall's one-letter keys, there outside
        the preview dock: they act only on the wall and in the dock."""
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain != Qt.KeyboardModifier.NoModifier or event.key() not in self._bare_keys:
            return False
        focus = QApplication.focusWidget()
        return not (focus is self.dock or (focus is not None and self.dock.isAncestorOf(focus)))

    def _window_closed(self) -> None:
        if not self.window.isVisible():
            self._set_presenting(False)
