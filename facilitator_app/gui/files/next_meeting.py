"""File ▸ Next meeting of this group…: the group's next meeting made from the open workshop.

Asks when the next meeting starts (two weeks on, at the same time, is proposed) and where its
file goes (beside this one, named after its date), writes the new workshop
(``workshop.series.next_meeting``) and opens it in place of this one, which is saved and
closed as when any other workshop is opened. Texts keep the window's translation context.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.core.text import refusal_text
from facilitator_app.gui.files.choose import new_workshop_file
from facilitator_app.gui.widgets.date_fields import DateTimeField
from facilitator_app.paths import same_file
from facilitator_app.workshop.errors import WorkshopError

if TYPE_CHECKING:
    from facilitator_app.gui.main_window import MainWindow

_DATE_IN_NAME = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_next_meeting_action(window: MainWindow) -> QAction:
    """File ▸ Next meeting of this group…, below Save a copy as…; enabled with a workshop."""
    tip = QCoreApplication.translate(
        "MainWindow",
        "Start the group's next meeting from this one: the same themes and attendees (not yet "
        "present), the final vision as the new draft, the SWOT and problems for reference, "
        "the activities without their votes",
    )
    action = QAction(
        icon("new"),
        QCoreApplication.translate("MainWindow", "Next meeting of this &group…"),
        window,
    )
    action.setObjectName("actionNextMeeting")
    action.setStatusTip(tip)
    action.setToolTip(tip)
    action.setEnabled(False)
    action.triggered.connect(lambda: start_next_meeting(window))
    window.insert_action_after(window.menuFile, window.actionSaveCopyAs, action)
    return action


class StartDialog(QDialog):
    """When the next meeting starts: one typed date and time."""

    def __init__(self, proposed: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Next meeting of this group"))
        self.setAccessibleName(self.windowTitle())
        layout = QFormLayout(self)
        layout.addRow(
            QLabel(
                QCoreApplication.translate(
                    "MainWindow",
                    "The next meeting gets a workshop of its own, made from this one. "
                    "When does it start?",
                ),
                self,
            )
        )
        self.starts = DateTimeField(self)
        self.starts.setObjectName("nextMeetingStarts")
        self.starts.setAccessibleName(
            QCoreApplication.translate("MainWindow", "The next meeting starts")
        )
        self.starts.setDateTime(QDateTime(proposed))
        label = QLabel(QCoreApplication.translate("MainWindow", "&Starts:"), self)
        label.setBuddy(self.starts)
        layout.addRow(label, self.starts)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("MainWindow", "&Create…")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def chosen(self) -> datetime:
        moment: datetime = self.starts.dateTime().toPython()
        return moment.replace(second=0, microsecond=0)


def ask_start(window: QWidget, proposed: datetime) -> datetime | None:
    """The next meeting's start, or None when the facilitator cancelled."""
    dialog = StartDialog(proposed, window)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def suggested_path(current: Path, starts_at: datetime) -> Path:
    """Beside the current file, named after the new date: ``skupina-2026-05-19`` becomes
    ``skupina-2026-06-02``; a name without a date gets the date added."""
    day = f"{starts_at:%Y-%m-%d}"
    stem = current.stem
    stem = _DATE_IN_NAME.sub(day, stem) if _DATE_IN_NAME.search(stem) else f"{stem}-{day}"
    return current.with_name(f"{stem}.workshop")


def start_next_meeting(window: MainWindow) -> bool:
    """Make the next meeting's workshop and open it; False when cancelled or refused."""
    session = window.session
    if session is None:
        return False
    from facilitator_app.workshop.document import Document
    from facilitator_app.workshop.series import next_meeting, proposed_start

    data = session.document.data
    starts_at = ask_start(window, proposed_start(data))
    if starts_at is None:
        return False
    target = new_workshop_file(
        window,
        QCoreApplication.translate("MainWindow", "Next meeting of this group"),
        suggested_path(session.path, starts_at),
    )
    if target is None:
        return False
    if same_file(target, session.path):
        window.show_error(
            QCoreApplication.translate("MainWindow", "Cannot create the next meeting"),
            QCoreApplication.translate(
                "MainWindow", "%s is this meeting's own file: choose another name for the next one."
            )
            % target.name,
        )
        return False
    session.flush()
    try:
        document = Document.create(target, next_meeting(data, starts_at))
    except WorkshopError as error:
        window.show_error(
            QCoreApplication.translate("MainWindow", "Cannot create the next meeting"),
            refusal_text(error),
        )
        return False
    window.safety.lock_new(document)
    if not window.open_document(document):
        return False
    window.statusbar.showMessage(
        QCoreApplication.translate("MainWindow", "The next meeting's workshop: %s") % target, 10000
    )
    return True
