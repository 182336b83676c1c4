"""Ids carried by a drag or the clipboard: one codec for every kind of row the window moves.

A drag of activities, themes or list records carries the dragged rows' ids, as JSON, under a
MIME type of its kind ("application/x-facilitator-<kind>-ids"). What comes back is checked: a
drop from another application, another kind's ids or data that is no list of whole numbers
is refused quietly (``decode`` answers None), never an error.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QMimeData


class IdsMime:
    """The codec of one kind's ids (``IdsMime("theme")``)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.mime_type = f"application/x-facilitator-{kind}-ids"

    def encode(self, ids: Iterable[int], mime: QMimeData | None = None) -> QMimeData:
        """``mime`` (a new one when None) carrying ``ids`` in their order."""
        if mime is None:
            mime = QMimeData()
        mime.setData(self.mime_type, QByteArray(json.dumps(list(ids)).encode()))
        return mime

    def decode(self, mime: QMimeData) -> list[int] | None:
        """The ids ``mime`` carries, or None when it carries none of this kind (or garbage)."""
        if not mime.hasFormat(self.mime_type):
            return None
        try:
            ids = json.loads(bytes(mime.data(self.mime_type).data()).decode())
        except (ValueError, UnicodeDecodeError):
            return None
        # bool is an int to Python, but no id.
        if not isinstance(ids, list) or not all(
            isinstance(i, int) and not isinstance(i, bool) for i in ids
        ):
            return None
        return ids


ACTIVITY_IDS = IdsMime("activity")
THEME_IDS = IdsMime("theme")
RECORD_IDS = IdsMime("record")
SWOT_IDS = IdsMime("swot")
PROBLEM_IDS = IdsMime("problem")
