"""View ▸ Room link: the room's web server under the facilitator's control.

``RoomLink`` owns the server (``facilitator_app/room/server.py``, on a thread of its own), the
action, the dock (``dock.py``) and the join sign on the wall. The thread boundary is here: the
server calls ``_from_server`` on *its* thread, which only emits ``event_received``; Qt queues
that signal to this object's thread, where the moderation queue, the device count and the
vote are updated. The other way, the window calls the server's thread-safe methods.

What the phones see is made from the projector's *shown* snapshot at each ``shown_changed``
(``phone_view.py``), so they freeze and blank with the wall. Nothing from a phone reaches
the wall or the file until the facilitator accepts it: an accepted remark is one
``InsertRecord(Kind.REMARK, …)``, an accepted proposal one ``InsertNodes`` at the end of its
block, each one undo step; the phones' dots are added to the tallies in one step too.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMainWindow

from facilitator_app.room.view import WAITING, Ballot, JoinSign, PhoneView

if TYPE_CHECKING:
    from facilitator_app.gui.core.session import WorkshopSession
    from facilitator_app.gui.projector import ProjectorController
    from facilitator_app.gui.room.dock import RoomDock
    from facilitator_app.room.server import RoomEvent, RoomServer, Submission


class RoomLink(QObject):
    """The room link of one facilitator's window."""

    event_received = Signal(object)  # a RoomEvent, emitted on the server's thread
    state_changed = Signal()  # opened, closed, the code, the devices, the sign
    queue_changed = Signal()  # a submission came, or was accepted or rejected
    vote_changed = Signal()  # a vote opened, revealed, closed; a device voted
    message = Signal(str)  # for the status bar

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.server: RoomServer | None = None
        self.port: int | None = None  # None: the default port, else any free one; tests: 0
        self.connected = 0
        self.joined = 0
        self.voters = 0
        self.pending: list[Submission] = []
        self.sign_shown = True
        self.sign_large = True
        self.tallies_added = False
        self.dock: RoomDock | None = None
        self._projector: ProjectorController | None = None
        self.event_received.connect(self._event, Qt.ConnectionType.QueuedConnection)
        self.action = QAction(self.tr("Roo&m link"), window, checkable=True)
        self.action.setObjectName("actionRoomLink")
        self.action.setToolTip(
            self.tr("Let phones in the room follow the wall and send remarks, proposals and votes")
        )
        self.action.setEnabled(False)
        self.action.toggled.connect(self._toggled)
        window.session_opened.connect(self._session_opened)  # type: ignore[attr-defined]
        window.session_closed.connect(self._session_closed)  # type: ignore[attr-defined]

    # --- opening and closing -----------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.server is not None

    @property
    def session(self) -> WorkshopSession | None:
        session: WorkshopSession | None = getattr(self.window, "session", None)
        return session

    def _session_opened(self, session: WorkshopSession) -> None:
        self.action.setEnabled(True)

    def _session_closed(self) -> None:
        """The server stops with the workshop: nothing of it stays reachable."""
        self.close_room()
        self.action.setEnabled(False)

    def _toggled(self, on: bool) -> None:
        if on and not self.is_open:
            if not self.open_room():
                self.action.setChecked(False)
        elif not on and self.is_open:
            self.close_room()

    def choose_address(self) -> str | None:
        """Ask which network to listen on: private addresses of real adapters first."""
        from facilitator_app.room.interfaces import interfaces

        found = interfaces()
        labels = []
        for interface in found:
            if interface.loopback:
                where = self.tr("this computer only")
            elif interface.virtual:
                where = self.tr("%s, a virtual adapter") % interface.name
            else:
                where = interface.name
            labels.append(f"{interface.address} — {where}")
        label, ok = QInputDialog.getItem(
            self.window,
            self.tr("Room link"),
            self.tr("The network the phones are on (the room link listens there alone):"),
            labels,
            0,
            False,
        )
        if not ok or label not in labels:
            return None
        return found[labels.index(label)].address

    def open_room(self, address: str | None = None) -> bool:
        """Start the server on ``address`` (asked for when None); False when it cannot."""
        if self.is_open:
            return True
        if self.session is None:
            return False
        if address is None:
            address = self.choose_address()
            if address is None:
                return False
        from facilitator_app.paths import resources_dir
        from facilitator_app.room.server import DEFAULT_PORT, RoomServer, page_files

        files = page_files(resources_dir() / "room")
        ports = [self.port] if self.port is not None else [DEFAULT_PORT, 0]
        error: OSError | None = None
        for port in ports:
            server = RoomServer(address, port, on_event=self.event_received.emit, files=files)
            try:
                server.start()
            except OSError as failure:
                error = failure
                continue
            self.server = server
            break
        if self.server is None:
            text = self.tr("The room link cannot listen on %s: %s") % (address, error)
            self.message.emit(text)
            self.window.show_error(self.tr("Room link"), text)  # type: ignore[attr-defined]
            return False
        self.connected = self.joined = self.voters = 0
        self.tallies_added = False
        self.sign_shown, self.sign_large = True, True
        self._follow_projector()
        self._ensure_dock().show()
        self.action.setChecked(True)
        self._publish()
        self._update_sign()
        self.state_changed.emit()
        self.vote_changed.emit()
        return True

    def close_room(self) -> None:
        """Stop the server at once: every phone is told, every token forgotten."""
        server, self.server = self.server, None
        if server is None:
            return
        server.stop()
        self._unfollow_projector()
        self.pending.clear()
        self.connected = self.joined = self.voters = 0
        self.action.setChecked(False)
        self._update_sign()
        self.state_changed.emit()
        self.queue_changed.emit()
        self.vote_changed.emit()

    def rotate_code(self) -> None:
        if self.server is not None:
            self.server.rotate_code()
            self._update_sign()
            self.state_changed.emit()

    @property
    def code(self) -> str:
        return self.server.code if self.server is not None else ""

    @property
    def url(self) -> str:
        return self.server.url if self.server is not None else ""

    # --- the wall -----------------------------------------------------------------------------

    def _follow_projector(self) -> None:
        projector = self.window.projector  # type: ignore[attr-defined]
        self._projector = projector
        projector.shown_changed.connect(self._publish)
        projector.present_action.toggled.connect(self._publish)

    def _unfollow_projector(self) -> None:
        projector, self._projector = self._projector, None
        if projector is None:
            return
        with contextlib.suppress(RuntimeError, TypeError):
            projector.shown_changed.disconnect(self._publish)
            projector.present_action.toggled.disconnect(self._publish)

    def phone_view(self) -> PhoneView:
        """What the phones are shown now: the wall's shown snapshot, Qt-free."""
        from facilitator_app.gui.room.phone_view import phone_view

        projector = self._projector
        if projector is None:
            return WAITING
        return phone_view(projector.shown, projector.mode, projector.blanking, projector.presenting)

    def _publish(self, *_: object) -> None:
        if self.server is not None:
            self.server.publish(self.phone_view())

    def set_sign(self, shown: bool | None = None, large: bool | None = None) -> None:
        """Show the way in on the wall (``large``: in the middle, else in a corner)."""
        if shown is not None:
            self.sign_shown = shown
        if large is not None:
            self.sign_large = large
        self._update_sign()
        self.state_changed.emit()

    def _update_sign(self) -> None:
        projector = getattr(self.window, "_projector", None)
        if projector is None:
            return
        sign = None
        if self.server is not None and self.sign_shown:
            from facilitator_app.room.qr import qr_matrix

            server = self.server
            sign = JoinSign(server.url, server.code, qr_matrix(server.join_url), self.sign_large)
        if projector.renderer.join_sign != sign:
            projector.renderer.join_sign = sign
            projector.repaint_views()

    # --- what the phones send (on this thread, queued from the server's) ---------------------

    def _event(self, event: RoomEvent) -> None:
        from facilitator_app.room.server import DevicesChanged, Submission, VotesChanged

        if self.server is None:
            return  # from a room that has closed since
        if isinstance(event, Submission):
            self.pending.append(event)
            self.queue_changed.emit()
        elif isinstance(event, DevicesChanged):
            self.connected, self.joined = event.connected, event.joined
            self.state_changed.emit()
        elif isinstance(event, VotesChanged):
            self.voters = event.voters
            self.vote_changed.emit()

    def accept(self, submission: Submission) -> bool:
        """Put a submission into the workshop: one undo step. False (it stays queued) when
        its theme or block has gone."""
        from facilitator_app.workshop.errors import WorkshopError
        from facilitator_app.workshop.events import Kind
        from facilitator_app.workshop.model import Remark
        from facilitator_app.workshop.operations import InsertNodes, InsertRecord, new_activity

        session = self.session
        if session is None or submission not in self.pending:
            return False
        document = session.document
        try:
            if submission.kind == "remark":
                assert submission.theme_id is not None
                theme = document.theme(submission.theme_id)
                remark = Remark(document.new_id(Kind.REMARK), submission.text)
                done = session.push(
                    InsertRecord(Kind.REMARK, theme.id, len(theme.remarks), remark),
                    self.tr("Accept a remark from the room on “%s”") % theme.name,
                )
            else:
                assert submission.block_id is not None
                block = document.node(submission.block_id)
                if not block.is_block:
                    raise LookupError(submission.block_id)
                node = new_activity(document, submission.text)
                done = session.push(
                    InsertNodes(block.id, len(block.children), (node,)),
                    self.tr("Accept an activity proposed by the room"),
                )
        except (WorkshopError, LookupError, AssertionError):
            self.message.emit(self.tr("What it was meant for is no longer in the workshop."))
            return False
        if done:
            self.pending.remove(submission)
            self.queue_changed.emit()
        return done

    def reject(self, submission: Submission) -> None:
        if submission in self.pending:
            self.pending.remove(submission)
            self.queue_changed.emit()

    # --- voting -------------------------------------------------------------------------------

    @property
    def ballot(self) -> Ballot | None:
        return self.server.ballot if self.server is not None else None

    @property
    def revealed(self) -> bool:
        return self.server.revealed if self.server is not None else False

    def open_vote(self, dots: int = 3) -> bool:
        """A vote on what the wall shows: its SWOT items, or its block's activities."""
        from facilitator_app.gui.room.phone_view import ballot_for

        projector = self._projector
        if self.server is None or projector is None:
            return False
        ballot = ballot_for(projector.shown, projector.mode, dots, self.tr("Vote"))
        if ballot is None:
            self.message.emit(self.tr("The wall shows nothing to vote on."))
            return False
        self.server.open_vote(ballot)
        self.voters = 0
        self.tallies_added = False
        self.vote_changed.emit()
        return True

    def reveal_vote(self) -> None:
        if self.server is not None:
            self.server.reveal_vote()
            self.vote_changed.emit()

    def close_vote(self) -> None:
        if self.server is not None:
            self.server.close_vote()
            self.voters = 0
            self.vote_changed.emit()

    def tally(self) -> dict[str, int]:
        return self.server.tally() if self.server is not None else {}

    def paper_votes(self, key: str) -> int | None:
        """The tally in the workshop (the paper dots) of a ballot item; None when it has gone."""
        session = self.session
        if session is None:
            return None
        kind, _, number = key.partition(":")
        item_id = int(number)
        document = session.document
        if kind == "node":
            return document.node(item_id).votes if document.has_node(item_id) else None
        for theme in document.data.themes:
            for item in theme.swot:
                if item.id == item_id:
                    return item.votes
        return None

    def add_to_tallies(self) -> bool:
        """Add the phones' dots to the workshop's tallies: one undo step."""
        from facilitator_app.workshop.events import Kind
        from facilitator_app.workshop.operations import Batch, SetFields

        session = self.session
        if session is None or self.server is None or self.tallies_added:
            return False
        changes = []
        for key, dots in self.tally().items():
            paper = self.paper_votes(key)
            if dots and paper is not None:
                kind = Kind.NODE if key.startswith("node:") else Kind.SWOT
                changes.append(SetFields(kind, int(key.partition(":")[2]), {"votes": paper + dots}))
        if not changes:
            return False
        if not session.push(Batch(tuple(changes)), self.tr("Add the phones' dots to the tallies")):
            return False
        self.tallies_added = True
        self.vote_changed.emit()
        return True

    # --- the dock -----------------------------------------------------------------------------

    def _ensure_dock(self) -> RoomDock:
        if self.dock is None:
            from facilitator_app.gui.room.dock import RoomDock

            self.dock = RoomDock(self, self.window)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        return self.dock
