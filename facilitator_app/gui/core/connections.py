"""A widget's hold on long-lived objects, let go when the widget is destroyed.

A page or a model connects to objects that outlive it: the session's signals, the meeting
clock's, the document's listeners. ``Connections`` records each such connection as it is
made and undoes them all when its owner is destroyed, so that a closed page is never called
again (Qt drops a connection by itself only when the slot is a method of the receiver, not a
lambda, a partial or a plain function, and never a document listener).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, SignalInstance

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import DocumentListener, Stage

Slot = Callable[..., Any]


class Connections:
    """The connections ``owner`` made to long-lived objects; undone on its destruction."""

    def __init__(self, owner: QObject) -> None:
        self._signals: list[QMetaObject.Connection] = []
        self._listened: list[tuple[Document, DocumentListener]] = []
        # A plain function (not a method of this object or of the owner): it must still run
        # while the owner's wrapper is being torn down.
        signals, listened = self._signals, self._listened
        owner.destroyed.connect(lambda *_: _undo(signals, listened))

    def connect(self, signal: SignalInstance, slot: Slot) -> None:
        """Connect ``signal`` to ``slot`` until the owner is destroyed (or ``undo_all``)."""
        self._signals.append(signal.connect(slot))

    def listen(
        self, document: Document, listener: DocumentListener, stage: Stage = Stage.MODELS
    ) -> None:
        """Make ``listener`` (a model, a page) a listener of ``document`` meanwhile, heard at
        ``stage`` (see events.Stage: item models first, then the views)."""
        document.add_listener(listener, stage)
        self._listened.append((document, listener))

    def undo_all(self) -> None:
        """Disconnect and stop listening now (a panel closed before it is destroyed)."""
        _undo(self._signals, self._listened)


def _undo(
    signals: list[QMetaObject.Connection], listened: list[tuple[Document, DocumentListener]]
) -> None:
    while signals:
        # By the connection, not the slot: a method of a receiver being destroyed cannot be
        # named any more. One Qt undid already (the sender or the receiver gone) is no matter.
        QObject.disconnect(signals.pop())
    while listened:
        document, listener = listened.pop()
        with contextlib.suppress(ValueError):
            document.remove_listener(listener)


def listen(
    document: Document, listener: DocumentListener, stage: Stage = Stage.MODELS
) -> Connections:
    """Make ``listener`` (a model, the page: a QObject) a listener of ``document``, heard at
    ``stage``, until it is destroyed."""
    assert isinstance(listener, QObject)
    connections = Connections(listener)
    connections.listen(document, listener, stage)
    return connections
