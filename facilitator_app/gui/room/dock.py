"""The room link's dock: the way in, the devices, the moderation queue and the vote.

Keys: in the queue, Enter accepts the current submission and Delete rejects it (Alt+A and
Alt+J on the buttons); every control has an accessible name. Submissions are shown as plain
text (a phone's "<b>" stays "<b>").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from facilitator_app.gui.room.controller import RoomLink
    from facilitator_app.room.server import Submission

SUBMISSION_ROLE = Qt.ItemDataRole.UserRole + 1


class RoomDock(QDockWidget):
    def __init__(self, room: RoomLink, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Room link"), parent)
        self.room = room
        self.setObjectName("roomDock")
        self.setAccessibleName(self.tr("Room link"))
        body = QWidget(self)
        layout = QVBoxLayout(body)

        self.status = self._label("roomStatus", self.tr("Way in"))
        self.devices = self._label("roomDevices", self.tr("Devices"))
        layout.addWidget(self.status)
        layout.addWidget(self.devices)
        row = QHBoxLayout()
        self.rotate_button = self._button(
            row, "roomRotate", self.tr("Rotate the c&ode"), room.rotate_code
        )
        self.close_button = self._button(
            row, "roomClose", self.tr("C&lose the room"), room.close_room
        )
        layout.addLayout(row)
        row = QHBoxLayout()
        self.sign_box = QCheckBox(self.tr("Show the way in on the &wall"), body)
        self.sign_box.setObjectName("roomSignShown")
        self.sign_box.setAccessibleName(self.tr("Show the way in on the wall"))
        self.sign_box.toggled.connect(lambda on: room.set_sign(shown=on))
        self.corner_box = QCheckBox(self.tr("Keep in a &corner"), body)
        self.corner_box.setObjectName("roomSignCorner")
        self.corner_box.setAccessibleName(self.tr("Keep the way in in a corner of the wall"))
        self.corner_box.toggled.connect(lambda on: room.set_sign(large=not on))
        row.addWidget(self.sign_box)
        row.addWidget(self.corner_box)
        layout.addLayout(row)

        self.queue_label = QLabel(self.tr("From the room, waiting for you:"), body)
        layout.addWidget(self.queue_label)
        self.queue = QListWidget(body)
        self.queue.setObjectName("roomQueue")
        self.queue.setAccessibleName(self.tr("Remarks and proposals from the room"))
        self.queue.setWordWrap(True)
        self.queue_label.setBuddy(self.queue)
        layout.addWidget(self.queue, 1)
        row = QHBoxLayout()
        self.accept_button = self._button(row, "roomAccept", self.tr("&Accept"), self.accept)
        self.reject_button = self._button(row, "roomReject", self.tr("Re&ject"), self.reject)
        layout.addLayout(row)
        self.queue.installEventFilter(self)  # Enter accepts, Delete rejects

        vote = QGroupBox(self.tr("Vote from the phones"), body)
        vote.setAccessibleName(self.tr("Vote from the phones"))
        vote_layout = QVBoxLayout(vote)
        row = QHBoxLayout()
        dots_label = QLabel(self.tr("&Dots per device:"), vote)
        self.dots = QSpinBox(vote)
        self.dots.setObjectName("roomDots")
        self.dots.setAccessibleName(self.tr("Dots per device"))
        self.dots.setRange(1, 10)
        self.dots.setValue(3)
        dots_label.setBuddy(self.dots)
        row.addWidget(dots_label)
        row.addWidget(self.dots)
        vote_layout.addLayout(row)
        row = QHBoxLayout()
        self.open_vote_button = self._button(
            row,
            "roomOpenVote",
            self.tr("Open a &vote on what the wall shows"),
            lambda: room.open_vote(self.dots.value()),
        )
        vote_layout.addLayout(row)
        row = QHBoxLayout()
        self.reveal_button = self._button(
            row, "roomReveal", self.tr("&Show the results"), room.reveal_vote
        )
        self.end_vote_button = self._button(
            row, "roomEndVote", self.tr("&End the vote"), room.close_vote
        )
        vote_layout.addLayout(row)
        self.voters_label = self._label("roomVoters", self.tr("Votes cast"), vote)
        vote_layout.addWidget(self.voters_label)
        self.results = QListWidget(vote)
        self.results.setObjectName("roomResults")
        self.results.setAccessibleName(self.tr("The vote's results: paper and phones"))
        vote_layout.addWidget(self.results)
        row = QHBoxLayout()
        self.add_button = self._button(
            row,
            "roomAddTallies",
            self.tr("Add the phones' dots to the &tallies"),
            room.add_to_tallies,
        )
        vote_layout.addLayout(row)
        layout.addWidget(vote)
        self.setWidget(body)

        room.state_changed.connect(self.show_state)
        room.queue_changed.connect(self.show_queue)
        room.vote_changed.connect(self.show_vote)
        self.show_state()
        self.show_queue()
        self.show_vote()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.queue and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.reject()
                return True
        return super().eventFilter(watched, event)

    def _label(self, name: str, accessible: str, parent: QWidget | None = None) -> QLabel:
        label = QLabel(parent or self)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _button(self, row: QHBoxLayout, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(lambda _=False: slot())  # type: ignore[operator]
        row.addWidget(button)
        return button

    # --- what it shows -----------------------------------------------------------------------

    def show_state(self) -> None:
        room = self.room
        if room.is_open:
            self.status.setText(self.tr("Open at %s — room code %s") % (room.url, room.code))
            self.devices.setText(
                self.tr("Devices following the wall: %d (joined: %d)")
                % (room.connected, room.joined)
            )
        else:
            self.status.setText(self.tr("The room is closed."))
            self.devices.setText("")
        for widget in (self.rotate_button, self.close_button, self.sign_box, self.corner_box):
            widget.setEnabled(room.is_open)
        for box, value in (
            (self.sign_box, room.sign_shown),
            (self.corner_box, not room.sign_large),
        ):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)

    def show_queue(self) -> None:
        current = self.current_submission()
        self.queue.clear()
        for submission in self.room.pending:
            if submission.kind == "remark":
                text = self.tr("Remark on “%s”: %s") % (submission.target, submission.text)
            else:
                text = self.tr("Activity for “%s”: %s") % (submission.target, submission.text)
            item = QListWidgetItem(f"{text}  [{submission.device}]")
            item.setData(SUBMISSION_ROLE, submission)
            self.queue.addItem(item)
            if submission == current:
                self.queue.setCurrentItem(item)
        if self.queue.currentItem() is None and self.queue.count():
            self.queue.setCurrentRow(0)
        has = self.queue.count() > 0
        self.accept_button.setEnabled(has)
        self.reject_button.setEnabled(has)

    def current_submission(self) -> Submission | None:
        item = self.queue.currentItem()
        if item is None:
            return None
        submission: Submission = item.data(SUBMISSION_ROLE)
        return submission

    def accept(self) -> None:
        submission = self.current_submission()
        if submission is not None:
            self.room.accept(submission)

    def reject(self) -> None:
        submission = self.current_submission()
        if submission is not None:
            self.room.reject(submission)

    def show_vote(self) -> None:
        room = self.room
        ballot = room.ballot
        self.open_vote_button.setEnabled(room.is_open)
        self.reveal_button.setEnabled(ballot is not None and not room.revealed)
        self.end_vote_button.setEnabled(ballot is not None)
        self.results.clear()
        if ballot is None:
            self.voters_label.setText(self.tr("No vote is open."))
        else:
            self.voters_label.setText(self.tr("Devices that voted: %d") % room.voters)
        revealed = ballot is not None and room.revealed
        if revealed and ballot is not None:
            tally = room.tally()
            for item in ballot.items:
                paper = room.paper_votes(item.key)
                self.results.addItem(
                    self.tr("%s — paper: %s, phones: %d")
                    % (item.text, "–" if paper is None else paper, tally.get(item.key, 0))
                )
        self.results.setVisible(revealed)
        self.add_button.setEnabled(revealed and not room.tallies_added)
