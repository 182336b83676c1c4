"""Importing a file into a new workshop off the window's thread, with a progress dialog.

The reading and the writing run in a worker thread; the workshop layer knows no Qt and gets a
plain progress callback, which the worker turns into a signal. The window stays responsive,
and when the work lasts longer than a moment a progress dialog with Cancel shows. Cancelling
stops the worker at its next report; the workshop layer removes what it had begun to write,
so nothing is left behind: no new workshop, no -wal or -shm, no lock, no backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from facilitator_app.formats import read_workshop
from facilitator_app.gui.core.text import arg
from facilitator_app.gui.core.workers import CancellableThread
from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import BadInputError
from facilitator_app.workshop.model import WorkshopData
from facilitator_app.workshop.progress import STEPS, Cancelled, Split
from facilitator_app.workshop.store.files import remove_workshop_files

# The dialog shows only when the work lasts longer than this: a small file opens without it.
SHOW_AFTER_MS = 600
# Reading (and checking) against writing the new file, by their share of the time.
READ_SHARE, WRITE_SHARE = 0.6, 0.4


class ImportWorker(CancellableThread):
    """Reads ``source`` and writes it as the new workshop file ``target``, in its own thread.

    When it has finished, ``data`` holds the workshop written, or ``error`` what went wrong;
    both stay None when it was cancelled.
    """

    progressed = Signal(int)  # how far, of STEPS

    def __init__(self, source: Path, target: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.target = target
        self.data: WorkshopData | None = None
        self.error: Exception | None = None

    def _report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled
        self.progressed.emit(done)

    def prepare(self) -> None:
        """Import, in the window's thread, the modules that reading the source loads.

        In a worker thread, PySide's import hook trips over pydantic's lazy attributes (a
        circular import); in the window's thread it does not.
        """
        import encodings.utf_8_sig  # noqa: F401 - the codec a JSON file is decoded with

        from facilitator_app.workshop import interchange  # noqa: F401 - pydantic, for .json

        if self.source.suffix.lower() == ".docx":
            from facilitator_app.minutes import read  # noqa: F401

    def run(self) -> None:
        parts = Split(self._report, (READ_SHARE, WRITE_SHARE))
        try:
            data = read_workshop(self.source, parts.part(0))
            Document.write_new(self.target, data, parts.part(1))
        except Cancelled:
            return
        except Exception as error:  # raised again in the window's thread by run()
            self.error = error
            return
        self.data = data


class ImportTask(QObject):
    """One import shown in a progress dialog; ``run`` waits for it, the window responsive."""

    progressed = Signal(int)  # how far, of STEPS

    def __init__(self, source: Path, target: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.target = target
        self.worker = ImportWorker(source, target, self)
        self.dialog = QProgressDialog(
            arg(self.tr("Importing %1…"), source.name), self.tr("Cancel"), 0, STEPS, parent
        )
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self.worker.cancel)
        self.worker.progressed.connect(self._progressed)
        self._latest = 0  # the furthest the worker has reported
        self._showing = False  # in the dialog's setValue, which runs the event loop

    def _progressed(self, value: int) -> None:
        self.progressed.emit(value)
        self._latest = max(self._latest, value)
        if not self._showing:
            # setValue of a modal dialog handles pending events, among them the next report:
            # that one only notes its value here, and this loop shows it.
            self._showing = True
            try:
                while self.dialog.value() < self._latest and not self.worker.cancelled:
                    self.dialog.setValue(self._latest)
            finally:
                self._showing = False

    def cancel(self) -> None:
        """What the dialog's Cancel does (closing the window, too)."""
        self.worker.cancel()
        self.dialog.cancel()

    def run(self) -> Document | None:
        """Import, and open the new workshop; None when cancelled (nothing is left then).

        Raises the worker's error (a WorkshopError names the file and the problem).
        """
        loop = QEventLoop()
        self.worker.finished.connect(loop.quit)
        self.worker.prepare()
        self.worker.start()
        loop.exec()
        self.worker.wait()
        self.dialog.reset()
        self.dialog.hide()
        error, data = self.worker.error, self.worker.data
        self.worker.data = None  # the document is to hold the only reference
        if isinstance(error, MemoryError):
            raise BadInputError(
                self.worker.source,
                QT_TRANSLATE_NOOP("Refusal", "too big for this computer's memory"),
            )
        if error is not None:
            raise error
        if self.worker.cancelled:
            # Cancelled just as the worker finished: what it wrote goes as well.
            if data is not None:
                remove_workshop_files(self.target)
            return None
        assert data is not None
        return Document.open_new(self.target, data)
