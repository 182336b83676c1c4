"""The room link in the facilitator's window (View ▸ Room link): ``controller`` (``RoomLink``:
the server, the thread boundary, accepting what phones send, the vote), ``dock`` (the way in,
the devices, the moderation queue, the vote) and ``phone_view`` (what the phones show, made
from the wall's shown snapshot; no Qt). The server itself is ``facilitator_app/room/``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator_app.gui.main_window import MainWindow
    from facilitator_app.gui.room.controller import RoomLink


def add_room_link(window: MainWindow) -> RoomLink:
    """View ▸ Room link, after View ▸ Show activity codes; its messages in the status bar."""
    from facilitator_app.gui.room.controller import RoomLink

    room = RoomLink(window)
    window.insert_action_after(window.menuView, window.codes_action, room.action)
    room.message.connect(lambda text: window.statusbar.showMessage(text, 6000))
    return room
