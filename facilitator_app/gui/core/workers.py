"""A worker thread the window can cancel: the work asks ``cancelled`` at each step."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread


class CancellableThread(QThread):
    """A QThread with a cancel flag, set from the window's thread, read from the worker's."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()
