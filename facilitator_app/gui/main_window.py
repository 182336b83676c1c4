"""The facilitator's window: a start page, then the workshop's sections in tabs.

The window itself: its actions, start page, status bar, tabs and the open workshop's
session. The sections are listed in gui/sections/registry.py (each page built on first use);
what files it opens, imports, exports and remembers, in gui/files/ (opening, exporting,
recent); what sections add to the whole window (ranking dock, agenda clock), in
gui/sections/window_parts.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.first_frame import FirstPaint
from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.files import next_meeting, opening, region_summary
from facilitator_app.gui.files.recent import RecentFiles
from facilitator_app.gui.forms.ui_main_window import Ui_MainWindow
from facilitator_app.gui.room import add_room_link
from facilitator_app.gui.sections import window_parts
from facilitator_app.gui.sections.registry import BY_NAME, SECTIONS, Section
from facilitator_app.gui.window_geometry import place_window, remember_geometry
from facilitator_app.paths import DEFAULT_DEMO

# The workshop layer (peewee, SQLite, the document) and what stands on it load when a
# workshop is opened, after the window's first frame.
if TYPE_CHECKING:
    from facilitator_app.gui.core.session import WorkshopSession
    from facilitator_app.gui.core.unattended import Unattended
    from facilitator_app.gui.files.import_progress import ImportTask
    from facilitator_app.gui.files.safety import WorkshopSafety
    from facilitator_app.gui.projector import ProjectorController
    from facilitator_app.gui.sections.agenda.clock import StatusClock
    from facilitator_app.workshop.document import Document
    from facilitator_app.workshop.events import Event


class MainWindow(QMainWindow, Ui_MainWindow):
    session_opened = Signal(object)  # WorkshopSession
    first_frame_shown = Signal()  # the window is on screen; what waited for it has run
    session_closed = Signal()
    page_created = Signal(str, object)  # the section's name, its page
    import_started = Signal(object)  # an ImportTask, before it runs

    def __init__(self) -> None:
        super().__init__()
        self.setupUi(self)
        self._find_section_widgets()
        self.setObjectName("facilitatorWindow")
        self.setAccessibleName(self.tr("Facilitator window"))
        self.session: WorkshopSession | None = None
        # Set for --smoke: nobody is there to answer a dialog (gui/core/unattended.py).
        self.unattended: Unattended | None = None
        self.pages: dict[str, QWidget] = {}
        self._opening_message = ""  # "Opening …" in the status bar until the workshop shows
        self.import_task: ImportTask | None = None  # the import under way
        self.close_after_import = False
        self.status_clock: StatusClock | None = None  # made with the first workshop's clock
        self.undo_group = QUndoGroup(self)
        self._make_edit_actions()
        self._set_icons()
        self._connect_actions()
        self.sections.currentChanged.connect(self._section_shown)
        for section in SECTIONS:
            menu = self._menu_of(section)
            if menu is not None:
                menu.aboutToShow.connect(lambda name=section.name: self._menu_shown(name))
        # One group's meetings as a series (workshop/series.py): File ▸ Next meeting.
        self.actionNextMeeting = next_meeting.add_next_meeting_action(self)
        # The regional office's side (summary/): File ▸ Region summary…
        self.actionRegionSummary = region_summary.add_region_summary_action(self)
        self._make_start_page()
        self._make_status_bar()
        self.recent = RecentFiles(self.menuOpenRecent, self.recent_list, self.open_path)
        self.show_start_page()
        # --- projector (gui/projector): wall window, View ▸ Projector, preview dock.
        # Made just after the window's first frame (or at once when asked for, e.g. --present):
        # the room sees nothing before the facilitator presents, and start-up stays quick.
        self._projector: ProjectorController | None = None
        # Work that can wait until the window is on screen (the projector, the first backup,
        # the agenda clock): start-up is judged by the first frame.
        self._first_frame_painted = False
        self._after_first_frame: list[Callable[[], object]] = []
        FirstPaint(self, self._first_frame_shown)
        # --- locks, backups, the storage warning, read-only state (gui/files/safety.py)
        # Made on first use: it loads the workshop layer.
        self._safety: WorkshopSafety | None = None
        self.actionRestoreBackup.triggered.connect(lambda: self.safety.restore_backup())
        self.actionRemoveAttendeeNames.triggered.connect(
            lambda: self.safety.remove_attendee_names()
        )
        self.actionRemoveAttendeeNames.setEnabled(False)
        # --- ranking by votes (sections/activities/ranking.py): a dock, View ▸ Ranking by votes
        self.ranking_dock = window_parts.add_ranking_dock(self)
        # View ▸ Show activity codes (3.1.2) in the tree and on the wall
        self.codes_action = window_parts.add_codes_action(self)
        # View ▸ Room link (gui/room/): phones follow the wall, send remarks and dots
        self.room = add_room_link(self)
        # --- continue from last meeting (minutes/read/): File ▸ Import minutes
        self.actionImportMinutes = opening.add_minutes_import(self)
        place_window(self)  # on first start the form's size may not fit a laptop's screen

    # --- construction --------------------------------------------------------------------

    @staticmethod
    def insert_action_after(container: QWidget, after: QAction, action: QAction) -> None:
        actions = container.actions()
        index = actions.index(after) + 1
        if index < len(actions):
            container.insertAction(actions[index], action)
        else:
            container.addAction(action)

    def _make_edit_actions(self) -> None:
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.setIcon(icon("undo"))
        self.redo_action.setIcon(icon("redo"))
        first = self.menuEdit.actions()[0]  # Preferences…, below them
        self.menuEdit.insertActions(first, [self.undo_action, self.redo_action])
        self.menuEdit.insertSeparator(first)

    def _set_icons(self) -> None:
        for action, meaning in (
            (self.actionNew, "new"),
            (self.actionOpen, "open"),
            (self.actionSaveCopyAs, "save-copy"),
            (self.actionImportJson, "import"),
            (self.actionExportMinutes, "export"),
            (self.actionExportJson, "export"),
            (self.actionRestoreBackup, "restore"),
            (self.actionClose, "close"),
            (self.actionQuit, "quit"),
            (self.actionPreferences, "preferences"),
            *((self._show_action_of(section), section.icon) for section in SECTIONS),
            (self.actionKeyboardShortcuts, "keyboard"),
            (self.actionAbout, "about"),
        ):
            action.setIcon(icon(meaning))
        self.menuOpenRecent.setIcon(icon("recent"))
        self.menuAgenda.setIcon(icon("agenda"))
        self.menuTasks.setIcon(icon("tasks"))
        for action in (self.actionNew, self.actionOpen, self.actionExportMinutes):
            self.toolBar.addAction(action)
        self.toolBar.addSeparator()
        self.toolBar.addAction(self.undo_action)
        self.toolBar.addAction(self.redo_action)
        self.toolBar.addSeparator()
        for index, section in enumerate(SECTIONS):
            action = self._show_action_of(section)
            self.sections.setTabIcon(index, action.icon())
            self.toolBar.addAction(action)

    def _connect_actions(self) -> None:
        from facilitator_app.gui.dialogs.help import show_about, show_preferences, show_shortcuts
        from facilitator_app.gui.files import exporting

        for action, flow in (
            (self.actionNew, opening.new_workshop),
            (self.actionOpen, opening.choose_and_open),
            (self.actionImportJson, opening.import_json),
            (self.actionSaveCopyAs, exporting.save_copy_as),
            (self.actionExportMinutes, exporting.export_minutes),
            (self.actionExportJson, exporting.export_json),
        ):
            action.triggered.connect(lambda _=False, flow=flow: flow(self))
        self.actionClose.triggered.connect(self.close_workshop)
        self.actionQuit.triggered.connect(self.close)
        for action, show in (
            (self.actionKeyboardShortcuts, show_shortcuts),
            (self.actionAbout, show_about),
            (self.actionPreferences, show_preferences),
        ):
            action.triggered.connect(lambda _=False, show=show: show(self))
        for index, section in enumerate(SECTIONS):
            self._show_action_of(section).triggered.connect(
                lambda _=False, i=index: self.show_section(i)
            )

    # The widgets forms/main_window.ui makes for a section, found by the names the registry
    # gives (findChild: typed, where an attribute looked up by name would not be), once: the
    # search goes through every widget, and the pages add thousands.

    def _find_section_widgets(self) -> None:
        self._show_actions: dict[str, QAction] = {}
        self._containers: dict[str, QWidget] = {}
        self._menus: dict[str, QMenu] = {}
        for section in SECTIONS:
            action = self.findChild(QAction, section.show_action)
            container = self.findChild(QWidget, section.container)
            assert action is not None, section.show_action
            assert container is not None, section.container
            self._show_actions[section.name] = action
            self._containers[section.name] = container
            menu = None if section.menu is None else self.findChild(QMenu, section.menu)
            if menu is not None:
                self._menus[section.name] = menu

    def _show_action_of(self, section: Section) -> QAction:
        return self._show_actions[section.name]

    def _container_of(self, section: Section) -> QWidget:
        return self._containers[section.name]

    def _menu_of(self, section: Section) -> QMenu | None:
        return self._menus.get(section.name)

    def _make_start_page(self) -> None:
        layout = self.startPage.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setContentsMargins(48, 36, 48, 36)
        heading = QLabel(self.tr("<h1>Run a workshop</h1>"), self.startPage)
        layout.addWidget(heading)
        for text, meaning, flow, name in (
            (self.tr("&New workshop…"), "new", opening.new_workshop, "startNew"),
            (self.tr("&Open a workshop…"), "open", opening.choose_and_open, "startOpen"),
            (self.tr("Open the &demo workshop"), "demo", opening.open_demo, "startDemo"),
            (
                self.tr("Open the &first meeting's demo (SWOT)"),
                "demo",
                lambda window: opening.open_demo(window, "first-meeting"),
                "startFirstMeetingDemo",
            ),
        ):
            button = self.start_button(text, meaning, name)
            button.clicked.connect(lambda _=False, flow=flow: flow(self))
            layout.addWidget(button)
        layout.addWidget(QLabel(self.tr("Recent workshops:"), self.startPage))
        self.recent_list = QListWidget(self.startPage)
        self.recent_list.setObjectName("recentList")
        self.recent_list.setAccessibleName(self.tr("Recent workshops"))
        layout.addWidget(self.recent_list)

    def start_button(self, text: str, meaning: str, name: str) -> QPushButton:
        """A start page's button: its icon, its name, its text read out without "&" or "…"."""
        button = QPushButton(icon(meaning), text, self.startPage)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        return button

    def _make_status_bar(self) -> None:
        self.file_label = QLabel(self)
        self.file_label.setAccessibleName(self.tr("File"))
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedIndicator")
        self.saved_label.setAccessibleName(self.tr("Saved state"))
        self.head_count_label = QLabel(self)
        self.head_count_label.setObjectName("headCount")
        self.head_count_label.setAccessibleName(self.tr("Head count"))
        self.statusbar.addWidget(self.file_label, 1)
        from facilitator_app.gui.files.export_notice import ExportNotice

        self.export_notice = ExportNotice(self)
        self.statusbar.addWidget(self.export_notice)
        self.statusbar.addPermanentWidget(self.head_count_label)
        self.statusbar.addPermanentWidget(self.saved_label)
        # A message takes the file label's place. QStatusBar hides the label itself, but not
        # explicitly: when the bar laid out its widgets again (the agenda clock joining it)
        # the label was shown again and drawn under the message.
        self.statusbar.messageChanged.connect(
            lambda message: self.file_label.setVisible(not message)
        )

    # --- sessions ------------------------------------------------------------------------

    def show_opening(self, path: Path | None) -> None:
        """What the first frame shows while the workshop given at start-up is being opened:
        the sections (not the start page, which would flash) and the file's name."""
        self.stack.setCurrentWidget(self.workshopPage)
        self._enable_workshop_controls(False)
        name = path.name if path is not None else self.tr("the demo workshop")
        self._opening_message = self.tr("Opening %s…") % name
        self.statusbar.showMessage(self._opening_message)

    def _clear_opening_message(self) -> None:
        if self._opening_message and self.statusbar.currentMessage() == self._opening_message:
            self.statusbar.clearMessage()
        self._opening_message = ""

    def show_start_page(self) -> None:
        self._clear_opening_message()
        self.stack.setCurrentWidget(self.startPage)
        self.setWindowTitle("facilitator-app")
        self._enable_workshop_controls(False)
        self.file_label.clear()
        self.saved_label.clear()
        self.head_count_label.clear()

    def _enable_workshop_controls(self, enabled: bool) -> None:
        """The actions and section menus that need an open workshop."""
        for action in (
            self.actionSaveCopyAs,
            self.actionNextMeeting,
            self.actionExportMinutes,
            self.actionExportJson,
            self.actionClose,
            *(self._show_action_of(section) for section in SECTIONS),
        ):
            action.setEnabled(enabled)
        for section in SECTIONS:
            menu = self._menu_of(section)
            if menu is not None:
                menu.setEnabled(enabled)

    def open_document(self, document: Document) -> bool:
        """Show an opened document (closing the one shown before, unless that is cancelled)."""
        if not self.close_workshop():
            document.close()
            return False
        from facilitator_app.gui.core.session import WorkshopSession

        self.safety  # noqa: B018 - made before the session: it listens for session_opened
        session = WorkshopSession(document, self)
        self.session = session
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        session.changed.connect(self._document_changed)
        session.save_state_changed.connect(self._show_save_state)
        session.refused.connect(lambda message: self.statusbar.showMessage(message, 6000))
        # Pages are built when first shown (or their menu opened): a window with a big
        # workshop paints its first frame without laying out the tabs nobody looks at yet.
        self.pages = {}
        self.page(SECTIONS[self.sections.currentIndex()].name)
        self._enable_workshop_controls(True)
        self.stack.setCurrentWidget(self.workshopPage)
        self._clear_opening_message()
        self.setWindowTitle(f"{document.path.name} — facilitator-app")
        self.file_label.setText(str(document.path))
        self._show_save_state(document.is_saved, "")
        self._update_head_count()
        self.recent.remember(document.path)
        self.ranking_dock.show_session(session)
        self.after_first_frame(
            lambda: (
                window_parts.attach_agenda_clock(self, session) if self.session is session else None
            )
        )
        self.session_opened.emit(session)
        self.focus_section()
        return True

    def focus_section(self) -> None:
        """Give the keyboard to the shown section's main widget: after a workshop opens the
        focus must be somewhere that takes what is typed (a start page's button that went
        away leaves it nowhere, and the letters went to the window's shortcuts)."""
        if self.session is None:
            return
        section = SECTIONS[self.sections.currentIndex()]
        widget = section.main_widget_of(self.page(section.name))
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def page(self, name: str) -> QWidget:
        """The section page ``name`` of the open workshop, built on first use."""
        built = self.pages.get(name)
        if built is not None:
            return built
        assert self.session is not None
        section = BY_NAME[name]
        page = section.make_page(self.session)
        self.pages[name] = page
        layout = self._container_of(section).layout()
        assert layout is not None
        layout.addWidget(page)
        menu = self._menu_of(section)
        if menu is not None:
            menu.clear()
            menu.addActions(section.actions_of(page))
        message = section.messages_of(page)
        if message is not None:
            message.connect(lambda text: self.statusbar.showMessage(text, 6000))
        self.page_created.emit(name, page)
        return page

    def build_all_pages(self) -> None:
        if self.session is not None:
            for section in SECTIONS:
                self.page(section.name)

    def _section_shown(self, index: int) -> None:
        if self.session is not None and 0 <= index < len(SECTIONS):
            self.page(SECTIONS[index].name)

    def _menu_shown(self, name: str) -> None:
        if self.session is not None:
            self.page(name)

    def close_workshop(self) -> bool:
        """Close the open workshop; False when the user keeps it (its file misses edits)."""
        session = self.session
        if session is None:
            return True
        if not self.safety.may_close():
            return False
        self.session_closed.emit()
        window_parts.detach_agenda_clock(self)
        for page in self.pages.values():
            page.setParent(None)
            page.deleteLater()
        self.pages = {}
        self.ranking_dock.clear()
        self.undo_group.removeStack(session.undo_stack)
        session.close()
        session.deleteLater()
        self.session = None
        self.show_start_page()
        return True

    # --- the file flows (gui/files/opening.py), as the app, the safety and tests call them ----

    def open_path(self, path: Path) -> bool:
        return opening.open_path(self, path)

    def open_demo(self, name: str = DEFAULT_DEMO) -> bool:
        return opening.open_demo(self, name)

    def import_minutes(self) -> None:
        opening.import_minutes(self)

    def import_minutes_from(self, path: Path) -> bool:
        return opening.import_minutes_from(self, path)

    # --- status ----------------------------------------------------------------------------

    def _document_changed(self, event: Event) -> None:
        self._update_head_count()

    def _update_head_count(self) -> None:
        if self.session is not None:
            text = self.session.document.data.head_count_text()
            self.head_count_label.setText(self.tr("Present: %s") % text)

    def _show_save_state(self, saved: bool, error: str) -> None:
        if error:
            self.saved_label.setText(self.tr("⚠ Not saved: %s") % error)
        else:
            self.saved_label.setText(self.tr("Saved") if saved else self.tr("Saving…"))

    @property
    def safety(self) -> WorkshopSafety:
        if self._safety is None:
            from facilitator_app.gui.files.safety import WorkshopSafety

            self._safety = WorkshopSafety(self)
        return self._safety

    @property
    def projector(self) -> ProjectorController:
        if self._projector is None:
            from facilitator_app.gui.projector import ProjectorController

            self._projector = ProjectorController(self)
            if self.session is not None:
                self._projector.attach(self.session)
        return self._projector

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the window has painted its first frame (at once after that,
        or while the window is not shown at all)."""
        if self._first_frame_painted or not self.isVisible():
            callback()
        else:
            self._after_first_frame.append(callback)

    def _first_frame_shown(self) -> None:
        self._first_frame_painted = True
        waiting, self._after_first_frame = self._after_first_frame, []
        for callback in waiting:
            callback()
        self.first_frame_shown.emit()
        QTimer.singleShot(0, lambda: self.projector)  # after the workshop's own frame

    def start_presenting(self) -> None:
        """Show the wall on the projector (``--present``; View ▸ Projector ▸ Present, F5)."""
        self.projector.start_presenting()

    def show_section(self, index: int) -> None:
        """View ▸ <section> (Ctrl+1…8): the section, the keyboard in its main widget."""
        if self.session is not None:
            self.sections.setCurrentIndex(index)
            self.focus_section()

    def show_error(self, title: str, message: str) -> None:
        if self.unattended is not None:
            self.unattended.refuse(message)
            return
        QMessageBox.warning(self, title, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_task is not None:  # stop it first; the window closes once it has
            self.close_after_import = True
            self.import_task.cancel()
            event.ignore()
            return
        if not self.close_workshop():
            event.ignore()  # the facilitator keeps the workshop whose file misses edits
            return
        remember_geometry(self)
        super().closeEvent(event)
