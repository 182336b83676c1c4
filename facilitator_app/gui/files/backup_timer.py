"""Backups of the open workshop: one when it opens, then every five minutes while it changes.

The copies go to the user's data folder (``workshop/store/backups.py`` says where and how). A
copy of the file is made in a worker thread, through a read-only connection of its own, so a
big workshop never holds up the window; it reports back by queued signals. When the file
stops taking writes, a copy is made at once from memory, in the window's thread (memory is
the window's): the data folder is usually on another drive than a workshop on a USB stick, so
what was typed is safe there too.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal

from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.workshop.errors import WorkshopError
from facilitator_app.workshop.progress import Cancelled
from facilitator_app.workshop.store import backups

# How long closing waits for a copy being stopped: one step of the copy, a few milliseconds,
# unless the drive does not answer; then the copy is left to end on its own.
STOP_WAIT_MS = 2000
# Copies stopped but not yet ended (a drive that does not answer), kept until they end: a
# QThread must not be destroyed while it runs.
_LEFT_RUNNING: set[BackupCopy] = set()


class BackupCopy(QThread):
    """Copies a workshop's file into its backups, in its own thread."""

    copied = Signal(object)  # the new copy's Path, or None: it equals the newest one
    failed = Signal(str)  # why no copy could be made

    def __init__(self, workshop: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workshop = workshop
        self.thread_ident: int | None = None  # the thread the copy ran in (for the tests)
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Stop the copy at its next step; what was begun is removed, nothing is reported."""
        self._stop.set()

    def run(self) -> None:
        self.thread_ident = threading.get_ident()
        try:
            made = backups.back_up_file(self.workshop, cancelled=self._stop.is_set)
        except Cancelled:
            return
        except WorkshopError as error:
            self.failed.emit(str(error))
            return
        self.copied.emit(made)


class BackupTimer(QObject):
    """Makes the backups of one session; ``made`` and ``failed`` report each attempt (neither
    does when the copy equals the newest backup)."""

    made = Signal(object)  # the new copy's Path
    failed = Signal(str)  # why no copy could be made

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.changed_since_backup = False
        self._faulty = False
        self.copy: BackupCopy | None = None  # the copy under way
        self._again = False  # asked for a backup while a copy was under way
        self.timer = QTimer(self)
        self.timer.setInterval(backups.INTERVAL_SECONDS * 1000)
        self.timer.timeout.connect(self.back_up_if_changed)
        session.changed.connect(self._changed)
        session.save_state_changed.connect(self._save_state)

    def start(self) -> None:
        """Back up now (the workshop as it was opened) and every interval from now on.

        A file the app has just written (an import, a new workshop) is not copied at once:
        it holds nothing typed yet, and what it was made from is still there. A copy of a big
        import would only write it all a second time; its first backup follows its first change.
        """
        if not self.session.document.just_created:
            self.back_up()
        self.timer.start()

    def stop(self) -> None:
        """No more backups; a copy under way is stopped (and leaves nothing behind)."""
        self.timer.stop()
        self._stop_copy()

    def _stop_copy(self) -> None:
        copy, self.copy = self.copy, None
        self._again = False
        if copy is None:
            return
        copy.cancel()
        if copy.wait(STOP_WAIT_MS):
            copy.deleteLater()
            return
        copy.setParent(None)
        _LEFT_RUNNING.add(copy)
        # Queued: let go of in the window's thread once it has ended, never in its own.
        copy.finished.connect(
            lambda: _LEFT_RUNNING.discard(copy), Qt.ConnectionType.QueuedConnection
        )

    def _changed(self, _event: object) -> None:
        self.changed_since_backup = True

    def _save_state(self, saved: bool, error: str) -> None:
        faulty = bool(error) and not saved
        was_faulty, self._faulty = self._faulty, faulty
        if faulty and not was_faulty:
            self.back_up()  # the file stopped taking writes: keep what is in memory now

    def back_up_if_changed(self) -> None:
        if self.changed_since_backup:
            self.back_up()

    def back_up(self) -> None:
        """Back up the workshop: its file in a worker thread, or, when the file misses edits,
        what is in memory at once. The result comes by ``made`` or ``failed``."""
        document = self.session.document
        if document.read_only:
            return
        if document.fault is None:
            document.flush()  # typing not yet written goes into the file, then the copy
        if not document.is_saved:
            # Everything in memory, which holds more than any copy of the file under way.
            self._stop_copy()
            self.changed_since_backup = False
            try:
                made = backups.make_backup(document)
            except WorkshopError as error:
                self._failed(str(error))
                return
            self._copied(made)
            return
        if self.copy is not None:
            self._again = True  # once this copy is done, one of what the file holds then
            return
        self.changed_since_backup = False
        copy = BackupCopy(document.path, self)
        queued = Qt.ConnectionType.QueuedConnection
        copy.copied.connect(self._copy_copied, queued)
        copy.failed.connect(self._copy_failed, queued)
        copy.finished.connect(self._copy_finished, queued)
        self.copy = copy
        copy.start()

    # What a copy reports arrives here in the window's thread; a stopped copy is not heard.

    def _copy_copied(self, made: Path | None) -> None:
        if self.sender() is self.copy:
            self._copied(made)

    def _copy_failed(self, message: str) -> None:
        if self.sender() is self.copy:
            self._failed(message)

    def _copy_finished(self) -> None:
        copy = self.sender()
        if copy is not self.copy or self.copy is None:
            return
        self.copy = None
        copy.deleteLater()
        if self._again:
            self._again = False
            self.back_up()

    def _copied(self, made: Path | None) -> None:
        if made is not None:
            self.made.emit(made)

    def _failed(self, message: str) -> None:
        self.changed_since_backup = True  # tried again at the next interval
        self.failed.emit(message)
