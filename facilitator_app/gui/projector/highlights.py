"""What a publish changed, highlighted on the wall a while and then faded out."""

from __future__ import annotations

import time
from collections.abc import Hashable

from PySide6.QtCore import QObject, QTimer, Signal

HIGHLIGHT_HOLD_S = 2.5  # what a publish changed stays highlighted this long…
HIGHLIGHT_FADE_S = 1.5  # …then fades out over this long
HIGHLIGHT_TICK_MS = 40


class Highlights(QObject):
    """The strength (1 to 0) of each highlighted key, and the texts they had before."""

    faded = Signal()  # the strengths changed: repaint

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.strengths: dict[Hashable, float] = {}
        self.previous_texts: dict[Hashable, str] = {}  # the changed words are marked in them
        self._keys: set[Hashable] = set()
        self._started = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(HIGHLIGHT_TICK_MS)
        self._timer.timeout.connect(self._fade)

    def start(self, keys: set[Hashable], previous_texts: dict[Hashable, str]) -> None:
        self.previous_texts = previous_texts
        self._keys = keys
        self._started = time.monotonic()
        self.strengths = dict.fromkeys(keys, 1.0)
        if keys:
            self._timer.start()

    def _fade(self) -> None:
        elapsed = time.monotonic() - self._started
        strength = 1.0 - max(0.0, elapsed - HIGHLIGHT_HOLD_S) / HIGHLIGHT_FADE_S
        if strength <= 0:
            self.strengths = {}
            self._keys = set()
            self._timer.stop()
        else:
            self.strengths = dict.fromkeys(self._keys, strength)
        self.faded.emit()
