"""A widget's connections to long-lived objects end with the widget."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from facilitator_app.gui.core.connections import Connections, listen
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.events import Event


class Sender(QObject):
    said = Signal(str)


class Listener(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[Event] = []

    def document_about_to_change(self, event: Event) -> None:
        pass

    def document_changed(self, event: Event) -> None:
        self.events.append(event)


def test_a_lambda_is_disconnected_when_its_owner_is_destroyed(qtbot) -> None:
    sender, owner = Sender(), QObject()
    heard: list[str] = []
    Connections(owner).connect(sender.said, lambda text: heard.append(text))
    sender.said.emit("before")
    owner.deleteLater()
    with qtbot.waitSignal(owner.destroyed):
        pass
    sender.said.emit("after")
    assert heard == ["before"]


def test_undo_all_disconnects_at_once_and_twice_is_harmless() -> None:
    sender, owner = Sender(), QObject()
    heard: list[str] = []
    connections = Connections(owner)
    connections.connect(sender.said, heard.append)
    connections.undo_all()
    connections.undo_all()
    sender.said.emit("after")
    assert heard == []


def listeners_of(document: Document) -> list[object]:
    return [listener for _stage, listener in document._listeners]


def test_a_listener_stops_listening_when_destroyed(qtbot, demo_document: Document) -> None:
    document = demo_document
    listener = Listener()
    listen(document, listener)
    assert listener in listeners_of(document)
    # Python still holds the listener: only the Qt object goes.
    listener.deleteLater()
    with qtbot.waitSignal(listener.destroyed):
        pass
    assert listener not in listeners_of(document)
