"""Keeping the facilitator's work safe in the window: one writer per workshop, backups, the
warning that stays while the file cannot be written, restoring a backup, and removing names.

``WorkshopSafety`` is attached to the main window like the projector controller: it listens to
the window's ``session_opened``/``session_closed`` and owns what the window shows for it.
The window calls ``open_workshop`` to open a file (taking its lock, or asking what to do when
another instance has it) and ``may_close`` before a workshop is closed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QDialog

from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.gui.core.text import arg, refusal_text
from facilitator_app.gui.files import storage_warning
from facilitator_app.gui.files.backup_timer import BackupTimer
from facilitator_app.gui.files.choose import new_workshop_file
from facilitator_app.gui.files.storage_warning import (
    LockChoice,
    ReadOnlyBar,
    StorageWarningBar,
    UnsavedChoice,
)
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import WorkshopError
from facilitator_app.workshop.privacy import remove_names
from facilitator_app.workshop.store import backups, lock
from facilitator_app.workshop.store.files import check_workshop_file
from facilitator_app.workshop.store.lock import LockedError

if TYPE_CHECKING:
    from facilitator_app.gui.main_window import MainWindow


class WorkshopSafety(QObject):
    """Locks, backups, the storage warning and the read-only state of the open workshop."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: WorkshopSession | None = None
        self.backup_timer: BackupTimer | None = None
        self.storage_bar = StorageWarningBar(window.workshopPage)
        self.read_only_bar = ReadOnlyBar(window.workshopPage)
        layout = window.workshopPage.layout()
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(0, self.read_only_bar)
        layout.insertWidget(0, self.storage_bar)
        self.storage_bar.retry_requested.connect(self.retry)
        self.storage_bar.save_copy_requested.connect(self.save_copy_and_continue)
        self.read_only_bar.reopen_requested.connect(self.reopen)
        window.actionRemoveAttendeeNames.setEnabled(False)
        window.session_opened.connect(self._opened)
        window.session_closed.connect(self._closed)

    # --- opening -----------------------------------------------------------------------------

    def open_workshop(self, path: Path) -> Document | None:
        """Open a .workshop file with its lock; None when the user chose not to open it.

        A file that is not a workshop is refused (WorkshopError) before any lock is made. When
        another instance has it open, the user chooses: read-only, take over (only when that
        cannot be checked: another host, or an unreadable lock), or cancel.
        """
        check_workshop_file(path)
        held: lock.Lock | None = None
        try:
            held = lock.acquire(path)
        except LockedError as locked:
            if self.window.unattended is not None:
                raise  # nobody to ask: the window says why it cannot open the workshop
            choice = storage_warning.ask_about_lock(
                self.window, path.name, locked.info, other_host=locked.other_host
            )
            if choice is LockChoice.READ_ONLY:
                document = Document.open(path, read_only=True)
                document.lock_holder = locked.info
                self._tell_about_journal(document)
                return document
            if choice is not LockChoice.TAKE_OVER:
                return None
            try:
                held = lock.take_over(path)
            except OSError as error:
                reason = error.strerror or str(error)
                raise WorkshopError(f"{path}: cannot take over its lock ({reason})") from None
        except OSError:
            held = None  # a folder that takes no new file: writing will tell what is wrong
        if held is not None and held.took_over is not None:
            info = held.took_over
            self.window.statusbar.showMessage(
                arg(
                    self.tr("Took over the lock of %1 (process %2 on %3 is no longer running)."),
                    path.name,
                    info.pid,
                    info.host,
                ),
                8000,
            )
        try:
            document = Document.open(path)
        except BaseException:
            if held is not None:
                held.release()
            raise
        document.lock = held
        self._tell_about_journal(document)
        return document

    def _tell_about_journal(self, document: Document) -> None:
        """Say so when the journal beside the file was not its own (workshop/store/journal.py)."""
        storage = document.storage
        if storage.journal_set_aside is not None:
            message = arg(
                self.tr(
                    "The journal beside %1 was written for another copy of this workshop: it "
                    "was set aside as %2, and the workshop shows what its file holds."
                ),
                document.path.name,
                storage.journal_set_aside.name,
            )
        elif storage.journal_ignored:
            message = arg(
                self.tr(
                    "The journal beside %1 was written for another copy of this workshop: it "
                    "was left out, and the workshop shows what its file holds."
                ),
                document.path.name,
            )
        else:
            return
        self.window.statusbar.showMessage(message, 20000)

    @staticmethod
    def lock_new(document: Document) -> None:
        """Lock a workshop the app has just created (a new file, an import, the demo)."""
        with contextlib.suppress(LockedError, OSError):
            document.lock = lock.acquire(document.path)

    # --- the open workshop -----------------------------------------------------------------

    def _opened(self, session: WorkshopSession) -> None:
        self.session = session
        document = session.document
        session.save_state_changed.connect(self._save_state)
        self.window.actionRemoveAttendeeNames.setEnabled(not document.read_only)
        if document.read_only:
            self.window.setWindowTitle(
                arg(self.tr("%1 (read-only) — facilitator-app"), document.path.name)
            )
            self.read_only_bar.show_holder(document.lock_holder)
            self.window.saved_label.setText(self.tr("Read-only"))
            return
        self.read_only_bar.hide()
        self.backup_timer = BackupTimer(session, self)
        self.backup_timer.failed.connect(
            lambda message: self.window.statusbar.showMessage(message, 8000)
        )
        timer = self.backup_timer
        # The copy made on opening waits for the first frame: the window comes first.
        self.window.after_first_frame(lambda: timer.start() if self.backup_timer is timer else None)

    def _closed(self) -> None:
        if self.backup_timer is not None:
            self.backup_timer.stop()
            self.backup_timer.deleteLater()
            self.backup_timer = None
        self.session = None
        self.storage_bar.resolve()
        self.read_only_bar.hide()
        self.window.actionRemoveAttendeeNames.setEnabled(False)

    def _save_state(self, saved: bool, error: str) -> None:
        if self.session is None:
            return
        if error and not saved:
            self.storage_bar.show_problem(self.session.document.fault, error)
        elif saved and self.storage_bar.isVisible():
            self.storage_bar.resolve()
            self.window.statusbar.showMessage(
                self.tr("Saved again: every change is in the file."), 8000
            )

    def has_fault(self) -> bool:
        return self.session is not None and self.session.document.fault is not None

    def retry(self) -> bool:
        """Try to write what the file misses now (the Retry button)."""
        return self.session is not None and self.session.flush()

    def save_copy_and_continue(self) -> bool:
        """Write the workshop from memory into a new file chosen by the user and go on there."""
        session = self.session
        if session is None:
            return False
        old = session.path
        target = new_workshop_file(
            self.window,
            self.tr("Save a copy as"),
            Path.home() / arg(self.tr("%1 (copy).workshop"), old.stem),
        )
        if target is None:
            return False
        try:
            session.document.save_as(target)
        except WorkshopError as error:
            self.window.show_error(self.tr("Cannot save the copy"), refusal_text(error))
            return False
        self.storage_bar.resolve()
        self.window.setWindowTitle(f"{target.name} — facilitator-app")
        self.window.file_label.setText(str(target))
        self.window.recent.remember(target)
        self.window.statusbar.showMessage(
            arg(self.tr("Saved everything in %1; the workshop goes on there."), str(target)),
            10000,
        )
        if self.backup_timer is not None:
            self.backup_timer.back_up()
        return True

    def may_close(self) -> bool:
        """Before closing: write what waits; if the file cannot take it, ask what to do."""
        session = self.session
        if session is None or session.document.read_only or session.flush():
            return True
        if self.window.unattended is not None:
            detail = session.document.storage.last_error or ""
            self.window.unattended.refuse(
                f"{session.path}: the latest changes are not in the file ({detail}); "
                "closed without them"
            )
            return True
        while True:
            choice = storage_warning.ask_about_unsaved(
                self.window, session.path.name, session.document.storage.last_error or ""
            )
            if choice is UnsavedChoice.DISCARD:
                return True
            if choice is UnsavedChoice.CANCEL:
                return False
            if self.save_copy_and_continue():
                return True

    def reopen(self) -> None:
        """Open the workshop shown read-only again (it may be free now)."""
        if self.session is None:
            return
        path = self.session.path
        if self.window.close_workshop() is not False:
            self.window.open_path(path)

    # --- backups -----------------------------------------------------------------------------

    def restore_backup(self) -> bool:
        """File ▸ Restore from backup…: choose a backup, restore it into a new file, open it."""
        from facilitator_app.gui.dialogs.restore import RestoreDialog

        current = self.session.path if self.session is not None else None
        dialog = RestoreDialog(current, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        chosen = dialog.chosen()
        if chosen is None:
            return False
        base = current if current is not None else Path.home() / "workshop.workshop"
        stamp = chosen.made_at.astimezone().strftime("%Y-%m-%d %H.%M")
        suggestion = base.with_name(arg(self.tr("%1 (restored %2).workshop"), base.stem, stamp))
        target = new_workshop_file(self.window, self.tr("Restore into a new file"), suggestion)
        if target is None:
            return False
        try:
            backups.restore_backup(chosen.path, target, current=current)
        except WorkshopError as error:
            self.window.show_error(self.tr("Cannot restore the backup"), refusal_text(error))
            return False
        return bool(self.window.open_path(target))

    # --- privacy ------------------------------------------------------------------------------

    def remove_attendee_names(self) -> bool:
        """Workshop ▸ Remove attendee names: numbered placeholders, one undoable step."""
        session = self.session
        if session is None:
            return False
        operation = remove_names(
            session.document.data, lambda number: arg(self.tr("Participant %1"), number)
        )
        if operation is None:
            self.window.statusbar.showMessage(self.tr("There are no names to remove."), 6000)
            return False
        if not session.push(operation, self.tr("Remove attendee names")):
            return False
        self.window.statusbar.showMessage(
            self.tr(
                "Removed the names; roles, presence and counts stay. Undo brings the names "
                "back until the workshop is closed."
            ),
            10000,
        )
        return True
