"""The facilitator's window: a start page, then the workshop's sections in tabs."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.core.text import refusal_text
from facilitator_app.gui.forms.ui_main_window import Ui_MainWindow
from facilitator_app.gui.window_geometry import place_window, remember_geometry
from facilitator_app.paths import demo_json, private_folder, user_data_dir
from facilitator_app.workshop.errors import WorkshopError

# The workshop layer (peewee, SQLite, the document) and what stands on it load when a
# workshop is opened, after the window's first frame.
if TYPE_CHECKING:
    from facilitator_app.gui.core.session import WorkshopSession
    from facilitator_app.gui.core.unattended import Unattended
    from facilitator_app.gui.files.import_progress import ImportTask
    from facilitator_app.gui.files.safety import WorkshopSafety
    from facilitator_app.gui.projector import ProjectorController
    from facilitator_app.workshop.document import Document
    from facilitator_app.workshop.events import Event


# The sections in their tab order, the containers in forms/main_window.ui that hold them, and
# where their classes live (imported on first use).
PAGE_NAMES = ("details", "attendees", "vision", "activities", "agenda", "tasks")
PAGE_CONTAINERS = {
    "details": "pageDetails",
    "attendees": "pageAttendees",
    "vision": "pageVision",
    "activities": "pageActivities",
    "agenda": "pageAgenda",
    "tasks": "pageTasks",
}
# Each section's main widget, where the keyboard goes when the section opens with a workshop.
MAIN_WIDGETS = {
    "details": "titleEdit",
    "attendees": "capture_table",
    "vision": "themeList",
    "activities": "view",
    "agenda": "capture_table",
    "tasks": "capture_table",
}


def _page_class(name: str) -> type[QWidget]:
    if name == "details":
        from facilitator_app.gui.sections.details.page import DetailsPage

        return DetailsPage
    if name == "attendees":
        from facilitator_app.gui.sections.attendees.page import AttendeesPage

        return AttendeesPage
    if name == "vision":
        from facilitator_app.gui.sections.vision.page import VisionPage

        return VisionPage
    if name == "agenda":
        from facilitator_app.gui.sections.agenda.page import AgendaPage

        return AgendaPage
    if name == "tasks":
        from facilitator_app.gui.sections.tasks.page import TasksPage

        return TasksPage
    from facilitator_app.gui.sections.activities.page import ActivitiesPage

    return ActivitiesPage


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False


RECENT_SETTING = "files/recent"
RECENT_LIMIT = 8
WORKSHOP_FILTER = "Workshops (*.workshop)"
JSON_FILTER = "Workshop JSON (*.json)"


class MainWindow(QMainWindow, Ui_MainWindow):
    session_opened = Signal(object)  # WorkshopSession
    first_frame_shown = Signal()  # the window is on screen; what waited for it has run
    session_closed = Signal()
    page_created = Signal(str, object)  # the section's name, its page
    import_started = Signal(object)  # an ImportTask, before it runs

    def __init__(self) -> None:
        super().__init__()
        self.setupUi(self)
        self.setObjectName("facilitatorWindow")
        self.setAccessibleName(self.tr("Facilitator window"))
        self.session: WorkshopSession | None = None
        # Set for --smoke: nobody is there to answer a dialog (gui/unattended.py).
        self.unattended: Unattended | None = None
        self.pages: dict[str, QWidget] = {}
        self._opening_message = ""  # "Opening …" in the status bar until the workshop shows
        self.import_task: ImportTask | None = None  # the import under way
        self._close_after_import = False
        self.undo_group = QUndoGroup(self)
        self._make_edit_actions()
        self._set_icons()
        self._connect_actions()
        self.sections.currentChanged.connect(self._section_shown)
        for name, menu in self._section_menus().items():
            menu.aboutToShow.connect(lambda name=name: self._menu_shown(name))
        self._make_start_page()
        self._make_status_bar()
        self._refresh_recent()
        self.show_start_page()
        # --- projector (gui/projector): wall window, View ▸ Projector, preview dock.
        # Made just after the window's first frame (or at once when asked for, e.g. --present):
        # the room sees nothing before the facilitator presents, and start-up stays quick.
        self._projector: ProjectorController | None = None
        # Work that can wait until the window is on screen (the projector, the first backup,
        # the agenda clock): start-up is judged by the first frame.
        self._first_frame_painted = False
        self._after_first_frame: list[Callable[[], object]] = []
        self.installEventFilter(self)
        # --- locks, backups, the storage warning, read-only state (gui/files/safety.py)
        # Made on first use: it loads the workshop layer.
        self._safety: WorkshopSafety | None = None
        self.actionRestoreBackup.triggered.connect(lambda: self.safety.restore_backup())
        self.actionRemoveAttendeeNames.triggered.connect(
            lambda: self.safety.remove_attendee_names()
        )
        self.actionRemoveAttendeeNames.setEnabled(False)
        # --- ranking by votes (sections/activities/ranking.py): a dock, View ▸ Ranking by votes
        self._make_ranking_dock()
        # --- continue from last meeting (minutes/read/): File ▸ Import minutes
        self._make_minutes_import()
        place_window(self)  # on first start the form's size may not fit a laptop's screen

    # --- construction --------------------------------------------------------------------

    def _make_ranking_dock(self) -> None:
        from facilitator_app.gui.sections.activities.ranking_dock import RankingDock

        self.ranking_dock = RankingDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.ranking_dock)
        self.ranking_dock.hide()
        self.ranking_dock.panel_created.connect(self._connect_ranking)
        toggle = self.ranking_dock.toggle_action
        toggle.setIcon(icon("ranking"))
        for container in (self.menuView, self.toolBar):  # right after the sections
            actions = container.actions()
            after = actions.index(self.actionShowActivities) + 1
            container.insertAction(actions[after] if after < len(actions) else None, toggle)  # type: ignore[arg-type]

    # --- the agenda clock (gui/agenda_clock.py): F6/F7/F8 from every section, status-bar clock

    def _attach_agenda_clock(self, session: WorkshopSession) -> None:
        from facilitator_app.gui.sections.agenda.clock import AgendaControls, StatusClock

        controls = AgendaControls.of(session)
        self.addActions(controls.actions_)  # window shortcuts, whichever section is shown
        controls.message.connect(lambda text: self.statusbar.showMessage(text, 6000))
        if getattr(self, "status_clock", None) is None:
            self.status_clock = StatusClock(self)
            self.status_clock.clicked.connect(
                lambda: self.sections.setCurrentWidget(self.pageAgenda)
            )
            self.statusbar.addPermanentWidget(self.status_clock)
        self.status_clock.show_clock(controls.clock)

    def _detach_agenda_clock(self) -> None:
        status_clock = getattr(self, "status_clock", None)
        if status_clock is not None:
            status_clock.show_clock(None)
        if self.session is not None:
            from facilitator_app.gui.sections.agenda.clock import MeetingClock

            MeetingClock.of(self.session).stop()

    def _connect_ranking(self, ranking: object) -> None:
        ranking.select_activity.connect(self._show_activity)  # type: ignore[attr-defined]
        ranking.go_to_activity.connect(  # type: ignore[attr-defined]
            lambda node_id: self._show_activity(node_id, go=True)
        )

    def _show_activity(self, node_id: int, go: bool = False) -> None:
        """Select an activity in the tree (from the ranking); ``go``: show the tree too."""
        page = self.page("activities")
        page.select(page.model.index_for(page.document.node(node_id)))  # type: ignore[attr-defined]
        if go:
            self.sections.setCurrentWidget(self.pageActivities)
            page.view.setFocus(Qt.FocusReason.OtherFocusReason)  # type: ignore[attr-defined]

    def _make_edit_actions(self) -> None:
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.setIcon(icon("undo"))
        self.redo_action.setIcon(icon("redo"))
        first = self.menuEdit.actions()[0] if self.menuEdit.actions() else None
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
            (self.actionShowDetails, "details"),
            (self.actionShowAttendees, "attendees"),
            (self.actionShowVision, "vision"),
            (self.actionShowActivities, "activities"),
            (self.actionShowAgenda, "agenda"),
            (self.actionShowTasks, "tasks"),
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
        for index, action in enumerate(
            (
                self.actionShowDetails,
                self.actionShowAttendees,
                self.actionShowVision,
                self.actionShowActivities,
                self.actionShowAgenda,
                self.actionShowTasks,
            )
        ):
            self.sections.setTabIcon(index, action.icon())
            self.toolBar.addAction(action)

    def _connect_actions(self) -> None:
        self.actionNew.triggered.connect(self.new_workshop)
        self.actionOpen.triggered.connect(self.choose_and_open)
        self.actionSaveCopyAs.triggered.connect(self.save_copy_as)
        self.actionImportJson.triggered.connect(self.import_json)
        self.actionExportMinutes.triggered.connect(self.export_minutes)
        self.actionExportJson.triggered.connect(self.export_json)
        self.actionClose.triggered.connect(self.close_workshop)
        self.actionQuit.triggered.connect(self.close)
        self.actionKeyboardShortcuts.triggered.connect(self.show_shortcuts)
        self.actionAbout.triggered.connect(self.show_about)
        self.actionPreferences.triggered.connect(self.show_preferences)
        for index, action in enumerate(
            (
                self.actionShowDetails,
                self.actionShowAttendees,
                self.actionShowVision,
                self.actionShowActivities,
                self.actionShowAgenda,
                self.actionShowTasks,
            )
        ):
            action.triggered.connect(lambda _=False, i=index: self.show_section(i))

    def _make_start_page(self) -> None:
        layout = self.startPage.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setContentsMargins(48, 36, 48, 36)
        heading = QLabel(self.tr("<h1>Run a workshop</h1>"), self.startPage)
        layout.addWidget(heading)
        for text, meaning, slot, name in (
            (self.tr("&New workshop…"), "new", self.new_workshop, "startNew"),
            (self.tr("&Open a workshop…"), "open", self.choose_and_open, "startOpen"),
            (self.tr("Open the &demo workshop"), "demo", self.open_demo, "startDemo"),
        ):
            button = QPushButton(icon(meaning), text, self.startPage)
            button.setObjectName(name)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addWidget(QLabel(self.tr("Recent workshops:"), self.startPage))
        self.recent_list = QListWidget(self.startPage)
        self.recent_list.setObjectName("recentList")
        self.recent_list.setAccessibleName(self.tr("Recent workshops"))
        self.recent_list.itemActivated.connect(
            lambda item: self.open_path(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        layout.addWidget(self.recent_list)

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
        for control in (
            self.actionSaveCopyAs,
            self.actionExportMinutes,
            self.actionExportJson,
            self.actionClose,
            self.actionShowDetails,
            self.actionShowAttendees,
            self.actionShowVision,
            self.actionShowActivities,
            self.actionShowAgenda,
            self.actionShowTasks,
            *self._section_menus().values(),
        ):
            control.setEnabled(enabled)

    def _section_menus(self) -> dict[str, QMenu]:
        """The Workshop and Activities submenus that list each section's actions."""
        return {
            "attendees": self.menuAttendees,
            "vision": self.menuVision,
            "activities": self.menuActivities,
            "agenda": self.menuAgenda,
            "tasks": self.menuTasks,
        }

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
        self.page(PAGE_NAMES[self.sections.currentIndex()])
        self._enable_workshop_controls(True)
        self.stack.setCurrentWidget(self.workshopPage)
        self._clear_opening_message()
        self.setWindowTitle(f"{document.path.name} — facilitator-app")
        self.file_label.setText(str(document.path))
        self._show_save_state(document.is_saved, "")
        self._update_head_count()
        self._remember_recent(document.path)
        self.ranking_dock.show_session(session)
        self.after_first_frame(
            lambda: self._attach_agenda_clock(session) if self.session is session else None
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
        name = PAGE_NAMES[self.sections.currentIndex()]
        widget = getattr(self.page(name), MAIN_WIDGETS[name], None)
        if isinstance(widget, QWidget):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def page(self, name: str) -> QWidget:
        """The section page ``name`` of the open workshop, built on first use."""
        built = self.pages.get(name)
        if built is not None:
            return built
        assert self.session is not None
        page = _page_class(name)(self.session)
        self.pages[name] = page
        container = getattr(self, PAGE_CONTAINERS[name])
        layout = container.layout()
        assert layout is not None
        layout.addWidget(page)
        menu = self._section_menus().get(name)
        if menu is not None:
            menu.clear()
            menu.addActions(page.actions_)  # type: ignore[attr-defined]
        message = getattr(page, "message", None)
        if message is not None and name != "attendees":  # attendees show theirs in a footer
            message.connect(lambda text: self.statusbar.showMessage(text, 6000))
        self.page_created.emit(name, page)
        return page

    def build_all_pages(self) -> None:
        if self.session is not None:
            for name in PAGE_NAMES:
                self.page(name)

    def _section_shown(self, index: int) -> None:
        if self.session is not None and 0 <= index < len(PAGE_NAMES):
            self.page(PAGE_NAMES[index])

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
        self._detach_agenda_clock()
        for page in self.pages.values():
            page.setParent(None)  # type: ignore[call-overload]
            page.deleteLater()
        self.pages = {}
        self.ranking_dock.clear()
        self.undo_group.removeStack(session.undo_stack)
        session.close()
        session.deleteLater()
        self.session = None
        self.show_start_page()
        return True

    def open_path(self, path: Path) -> bool:
        """Open a .workshop, or import a .json into a new .workshop beside it.

        A file that cannot be opened gets the message ``convert`` prints for it, in a dialog.
        """
        if self.session is not None and _same_file(path, self.session.path):
            return True  # open already (its lock is this window's)
        if self.import_task is not None:
            self.statusbar.showMessage(self.tr("Wait for the import to finish."), 6000)
            return False
        try:
            if path.suffix.lower() == ".workshop":
                opened = self.safety.open_workshop(path)
                if opened is None:
                    return False
                document = opened
            else:
                imported = self._import(path)  # .json, minutes (.docx) and anything else
                if imported is None:
                    return False  # cancelled: nothing was left behind
                document = imported
                self.safety.lock_new(document)
        except WorkshopError as error:
            self.show_error(self.tr("Cannot open the workshop"), refusal_text(error))
            return False
        return self.open_document(document)

    def _import(self, path: Path) -> Document | None:
        """Read a file into a new .workshop beside it, in a worker thread with a progress
        dialog; None when the facilitator cancelled it."""
        from facilitator_app.gui.files.import_progress import ImportTask

        task = ImportTask(path, self._free_name(path.with_suffix(".workshop")), self)
        self.import_task = task
        self.import_started.emit(task)
        try:
            return task.run()
        finally:
            self.import_task = None
            task.deleteLater()
            if self._close_after_import:
                QTimer.singleShot(0, self.close)

    @staticmethod
    def _free_name(path: Path) -> Path:
        candidate, number = path, 2
        while candidate.exists():
            candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
            number += 1
        return candidate

    def open_demo(self) -> bool:
        """Open the user's working copy of the demo workshop, made afresh when missing."""
        target = user_data_dir() / "demo" / "liberec-2026-05-19.workshop"
        try:
            private_folder(target.parent)
            if target.exists():
                from facilitator_app.workshop.store.lock import LockedError

                try:
                    opened = self.safety.open_workshop(target)
                    return opened is not None and self.open_document(opened)
                except LockedError:
                    raise  # open in another window (when nobody can be asked): not damaged
                except WorkshopError:
                    shutil.move(target, target.with_suffix(".damaged"))
            from facilitator_app.workshop.document import Document
            from facilitator_app.workshop.interchange import read_json_file

            document = Document.create_from(target, read_json_file(demo_json()))
            self.safety.lock_new(document)
            return self.open_document(document)
        except (WorkshopError, OSError) as error:
            self.show_error(self.tr("Cannot open the demo workshop"), refusal_text(error))
            return False
        return True

    # --- file actions ----------------------------------------------------------------------

    def new_workshop(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New workshop"), str(Path.home() / "workshop.workshop"), WORKSHOP_FILTER
        )
        if not name:
            return
        from facilitator_app.workshop.document import Document
        from facilitator_app.workshop.model import WorkshopData

        path = Path(name).with_suffix(".workshop")
        data = WorkshopData()
        data.details.title = path.stem
        try:
            document = Document.create(path, data)
        except WorkshopError as error:
            self.show_error(self.tr("Cannot create the workshop"), refusal_text(error))
            return
        self.safety.lock_new(document)
        if self.open_document(document):
            # A new workshop starts with its details; its title (the file's name) is typed over.
            self.sections.setCurrentWidget(self.pageDetails)
            self.focus_section()
            self.page("details").titleEdit.selectAll()  # type: ignore[attr-defined]

    def choose_and_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a workshop"),
            str(Path.home()),
            ";;".join(
                (
                    self.tr("Workshops, JSON and minutes (*.workshop *.json *.docx)"),
                    WORKSHOP_FILTER,
                    JSON_FILTER,
                    self.tr("Minutes (*.docx)"),
                )
            ),
        )
        if name:
            self.open_path(Path(name))

    def import_json(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a workshop from JSON"), str(Path.home()), JSON_FILTER
        )
        if name:
            self.open_path(Path(name))

    def save_copy_as(self) -> None:
        if self.session is None:
            return
        if self.safety.has_fault():  # the file misses edits: write them all elsewhere, go on there
            self.safety.save_copy_and_continue()
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy as"),
            str(self.session.path.with_name(f"{self.session.path.stem} copy.workshop")),
            WORKSHOP_FILTER,
        )
        if not name:
            return
        self.session.flush()
        try:
            self.session.document.storage.backup_to(Path(name))
        except Exception as error:
            self.show_error(self.tr("Cannot save the copy"), f"{name}: {error}")
            return
        self.statusbar.showMessage(self.tr("Saved a copy as %s") % name, 6000)

    def export_json(self) -> None:
        if self.session is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export JSON"), str(self.session.path.with_suffix(".json")), JSON_FILTER
        )
        if not name:
            return
        from facilitator_app.atomic import write_text_atomically
        from facilitator_app.workshop.interchange import dumps

        try:
            write_text_atomically(Path(name), dumps(self.session.document.data))
        except OSError as error:
            self.show_error(self.tr("Cannot export"), f"{name}: {error.strerror}")
            return
        self.export_notice.show_exported(Path(name))

    def export_minutes(self) -> None:
        if self.session is None:
            return
        from facilitator_app.gui.dialogs.export import ExportDialog

        dialog = ExportDialog(self.session, self)
        if dialog.exec() == ExportDialog.DialogCode.Accepted and dialog.exported is not None:
            self.export_notice.show_exported(dialog.exported)

    # --- continue from last meeting: minutes (.docx) read into a new workshop ---------------

    def _make_minutes_import(self) -> None:
        """File ▸ Import minutes (.docx)… below Import JSON…, and a button on the start page."""
        from PySide6.QtGui import QAction

        tip = self.tr(
            "Continue from last meeting: read the minutes (.docx) the app exported, or a Word "
            "document laid out the same way, into a new workshop saved beside them"
        )
        action = QAction(icon("import"), self.tr("Import &minutes (.docx)…"), self)
        action.setObjectName("actionImportMinutes")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(self.import_minutes)
        self.actionImportMinutes = action
        actions = self.menuFile.actions()
        after = actions.index(self.actionImportJson) + 1
        self.menuFile.insertAction(actions[after] if after < len(actions) else None, action)  # type: ignore[arg-type]

        text = self.tr("&Continue from last meeting's minutes…")
        button = QPushButton(icon("import"), text, self.startPage)
        button.setObjectName("startMinutes")
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        button.clicked.connect(self.import_minutes)
        layout = self.startPage.layout()
        assert isinstance(layout, QVBoxLayout)
        open_button = self.startPage.findChild(QPushButton, "startOpen")
        layout.insertWidget(layout.indexOf(open_button) + 1, button)

    def import_minutes(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import minutes"),
            str(Path.home()),
            self.tr("Minutes (*.docx)"),
        )
        if name:
            self.import_minutes_from(Path(name))

    def import_minutes_from(self, path: Path) -> bool:
        """Read the minutes into a new .workshop beside them (never over a file) and open it."""
        if not self.open_path(path):  # the error is shown there
            return False
        if self.session is not None:
            self.statusbar.showMessage(
                self.tr("Minutes read into a new workshop: %s") % self.session.path, 10000
            )
        return True

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            QTimer.singleShot(0, self._first_frame_shown)
        return super().eventFilter(watched, event)

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
        if self.session is not None:
            self.sections.setCurrentIndex(index)

    def show_error(self, title: str, message: str) -> None:
        if self.unattended is not None:
            self.unattended.refuse(message)
            return
        QMessageBox.warning(self, title, message)

    # --- recent files ----------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        value = QSettings().value(RECENT_SETTING, []) or []
        if isinstance(value, str):
            value = [value]
        return [Path(p) for p in value if Path(p).exists()]

    def _remember_recent(self, path: Path) -> None:
        if path.is_relative_to(user_data_dir()):
            return  # the demo's working copy is reached from the start page
        recent = [p for p in self.recent_files() if p != path.resolve()]
        recent.insert(0, path.resolve())
        QSettings().setValue(RECENT_SETTING, [str(p) for p in recent[:RECENT_LIMIT]])
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.menuOpenRecent.clear()
        self.recent_list.clear()
        for path in self.recent_files():
            action = self.menuOpenRecent.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
            item = QListWidgetItem(icon("recent"), f"{path.name} — {path.parent}", self.recent_list)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.menuOpenRecent.setEnabled(bool(self.menuOpenRecent.actions()))

    # --- help ------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from facilitator_app.gui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        from facilitator_app import __version__

        QMessageBox.about(
            self,
            self.tr("About facilitator-app"),
            self.tr(
                "<h3>facilitator-app %s</h3><p>Run strategy workshops offline: attendees, "
                "a live projected vision, the activity tree, and the minutes.</p>"
            )
            % __version__,
        )

    def show_preferences(self) -> None:
        from facilitator_app.gui.dialogs.preferences import PreferencesDialog

        PreferencesDialog(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_task is not None:  # stop it first; the window closes once it has
            self._close_after_import = True
            self.import_task.cancel()
            event.ignore()
            return
        if not self.close_workshop():
            event.ignore()  # the facilitator keeps the workshop whose file misses edits
            return
        remember_geometry(self)
        super().closeEvent(event)
