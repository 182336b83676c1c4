"""Backups of the open workshop: one when it opens, then every five minutes while it changes.

The copies go to the user's data folder (``workshop/backups.py`` says where and how). When
the file stops taking writes, a copy is made at once from memory: the data folder is usually on
another drive than a workshop on a USB stick, so what was typed is safe there too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.workshop.errors import WorkshopError
from facilitator_app.workshop.store import backups


class BackupTimer(QObject):
    """Makes the backups of one session; ``made`` and ``failed`` report each attempt."""

    made = Signal(object)  # the new copy's Path
    failed = Signal(str)  # why no copy could be made

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.changed_since_backup = False
        self._faulty = False
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
        self.timer.stop()

    def _changed(self, _event: object) -> None:
        self.changed_since_backup = True

    def _save_state(self, saved: bool, error: str) -> None:
        faulty = bool(error) and not saved
        was_faulty, self._faulty = self._faulty, faulty
        if faulty and not was_faulty:
            self.back_up()  # the file stopped taking writes: keep what is in memory now

    def back_up_if_changed(self) -> Path | None:
        if not self.changed_since_backup:
            return None
        return self.back_up()

    def back_up(self) -> Path | None:
        document = self.session.document
        if document.read_only:
            return None
        if document.fault is None:
            document.flush()  # typing not yet written goes into the file, then the copy
        try:
            made = backups.make_backup(document)
        except WorkshopError as error:
            self.failed.emit(str(error))
            return None
        self.changed_since_backup = False
        if made is not None:
            self.made.emit(made)
        return made
