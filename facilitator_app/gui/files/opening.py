"""Opening workshops in the window: a .workshop, a file imported into a new one (JSON, the
minutes), a new workshop, and the demo.

Functions of the window (it calls them from its actions and start page). Their texts keep the
window's translation context ("MainWindow"), where the Czech translation has them.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.core.text import refusal_text
from facilitator_app.gui.files.choose import (
    JSON_FILTER,
    WORKSHOP_FILTER,
    chosen_to_open,
    chosen_to_save,
)
from facilitator_app.gui.sections.registry import BY_NAME
from facilitator_app.paths import (
    DEFAULT_DEMO,
    demo_json,
    private_folder,
    same_file,
    user_data_dir,
)
from facilitator_app.workshop.errors import WorkshopError

if TYPE_CHECKING:
    from facilitator_app.gui.main_window import MainWindow
    from facilitator_app.workshop.document import Document


def open_path(window: MainWindow, path: Path) -> bool:
    """Open a .workshop, or import a .json into a new .workshop beside it.

    A file that cannot be opened gets the message ``convert`` prints for it, in a dialog.
    """
    if window.session is not None and same_file(path, window.session.path):
        return True  # open already (its lock is this window's)
    if window.import_task is not None:
        window.statusbar.showMessage(
            QCoreApplication.translate("MainWindow", "Wait for the import to finish."), 6000
        )
        return False
    try:
        if path.suffix.lower() == ".workshop":
            document = window.safety.open_workshop(path)
            if document is None:
                return False
        else:
            document = _import(window, path)  # .json, minutes (.docx) and anything else
            if document is None:
                return False  # cancelled: nothing was left behind
            window.safety.lock_new(document)
    except WorkshopError as error:
        window.show_error(
            QCoreApplication.translate("MainWindow", "Cannot open the workshop"),
            refusal_text(error),
        )
        return False
    return window.open_document(document)


def _import(window: MainWindow, path: Path) -> Document | None:
    """Read a file into a new .workshop beside it, in a worker thread with a progress
    dialog; None when the facilitator cancelled it."""
    from facilitator_app.gui.files.import_progress import ImportTask

    task = ImportTask(path, free_name(path.with_suffix(".workshop")), window)
    window.import_task = task
    window.import_started.emit(task)
    try:
        return task.run()
    finally:
        window.import_task = None
        task.deleteLater()
        if window.close_after_import:
            QTimer.singleShot(0, window.close)


def free_name(path: Path) -> Path:
    """``path``, or the first of "name (2)", "name (3)" … that is not taken."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        number += 1
    return candidate


def open_demo(window: MainWindow, name: str = DEFAULT_DEMO) -> bool:
    """Open the user's working copy of a demo workshop, made afresh when missing."""
    source = demo_json(name)
    target = user_data_dir() / "demo" / source.with_suffix(".workshop").name
    try:
        private_folder(target.parent)
        if target.exists():
            from facilitator_app.workshop.store.lock import LockedError

            try:
                opened = window.safety.open_workshop(target)
                return opened is not None and window.open_document(opened)
            except LockedError:
                raise  # open in another window (when nobody can be asked): not damaged
            except WorkshopError:
                shutil.move(target, target.with_suffix(".damaged"))
        from facilitator_app.workshop.document import Document
        from facilitator_app.workshop.interchange import read_json_file

        document = Document.create_from(target, read_json_file(source))
        window.safety.lock_new(document)
        return window.open_document(document)
    except (WorkshopError, OSError) as error:
        window.show_error(
            QCoreApplication.translate("MainWindow", "Cannot open the demo workshop"),
            refusal_text(error),
        )
        return False


def new_workshop(window: MainWindow) -> None:
    """File ▸ New: a workshop titled after its file, its details shown with the title selected."""
    chosen = chosen_to_save(
        window,
        QCoreApplication.translate("MainWindow", "New workshop"),
        Path.home() / "workshop.workshop",
        WORKSHOP_FILTER,
    )
    if chosen is None:
        return
    from facilitator_app.workshop.document import Document
    from facilitator_app.workshop.model import WorkshopData

    path = chosen.with_suffix(".workshop")
    data = WorkshopData()
    data.details.title = path.stem
    try:
        document = Document.create(path, data)
    except WorkshopError as error:
        window.show_error(
            QCoreApplication.translate("MainWindow", "Cannot create the workshop"),
            refusal_text(error),
        )
        return
    window.safety.lock_new(document)
    if window.open_document(document):
        # A new workshop starts with its details; its title (the file's name) is typed over.
        window.sections.setCurrentWidget(window.pageDetails)
        window.focus_section()
        title = BY_NAME["details"].main_widget_of(window.page("details"))
        if isinstance(title, QLineEdit):
            title.selectAll()


def choose_and_open(window: MainWindow) -> None:
    """File ▸ Open: a workshop, or a JSON file or minutes imported into a new one."""
    chosen = chosen_to_open(
        window,
        QCoreApplication.translate("MainWindow", "Open a workshop"),
        ";;".join(
            (
                QCoreApplication.translate(
                    "MainWindow", "Workshops, JSON and minutes (*.workshop *.json *.docx)"
                ),
                WORKSHOP_FILTER,
                JSON_FILTER,
                QCoreApplication.translate("MainWindow", "Minutes (*.docx)"),
            )
        ),
    )
    if chosen is not None:
        open_path(window, chosen)


def import_json(window: MainWindow) -> None:
    chosen = chosen_to_open(
        window,
        QCoreApplication.translate("MainWindow", "Import a workshop from JSON"),
        JSON_FILTER,
    )
    if chosen is not None:
        open_path(window, chosen)


# --- continue from last meeting: minutes (.docx) read into a new workshop -------------------


def add_minutes_import(window: MainWindow) -> QAction:
    """File ▸ Import minutes (.docx)… below Import JSON…, and a button on the start page."""
    tip = QCoreApplication.translate(
        "MainWindow",
        "Continue from last meeting: read the minutes (.docx) the app exported, or a Word "
        "document laid out the same way, into a new workshop saved beside them",
    )
    action = QAction(
        icon("import"), QCoreApplication.translate("MainWindow", "Import &minutes (.docx)…"), window
    )
    action.setObjectName("actionImportMinutes")
    action.setStatusTip(tip)
    action.setToolTip(tip)
    action.triggered.connect(window.import_minutes)
    window.insert_action_after(window.menuFile, window.actionImportJson, action)

    text = QCoreApplication.translate("MainWindow", "&Continue from last meeting's minutes…")
    button = window.start_button(text, "import", "startMinutes")
    button.setToolTip(tip)
    button.clicked.connect(window.import_minutes)
    layout = window.startPage.layout()
    assert isinstance(layout, QVBoxLayout)
    open_button = window.startPage.findChild(QPushButton, "startOpen")
    assert open_button is not None
    layout.insertWidget(layout.indexOf(open_button) + 1, button)
    return action


def import_minutes(window: MainWindow) -> None:
    chosen = chosen_to_open(
        window,
        QCoreApplication.translate("MainWindow", "Import minutes"),
        QCoreApplication.translate("MainWindow", "Minutes (*.docx)"),
    )
    if chosen is not None:
        import_minutes_from(window, chosen)


def import_minutes_from(window: MainWindow, path: Path) -> bool:
    """Read the minutes into a new .workshop beside them (never over a file) and open it."""
    if not open_path(window, path):  # the error is shown there
        return False
    if window.session is not None:
        window.statusbar.showMessage(
            QCoreApplication.translate("MainWindow", "Minutes read into a new workshop: %s")
            % window.session.path,
            10000,
        )
    return True
