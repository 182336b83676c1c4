"""What a phone is shown, and what a vote offers: plain immutable data, JSON for the page.

``gui/room/phone_view.py`` makes a ``PhoneView`` from the wall's *shown* snapshot, so a frozen
wall stays frozen on the phones and a blanked one blanks them. Nothing here carries a
person's name; the targets of what a phone sends (``theme_id``, ``block_id``) stay on the
server and are never sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["waiting", "blank", "title", "vision", "activities", "list", "swot", "other"]


@dataclass(frozen=True)
class PhoneItem:
    text: str
    depth: int = 0  # 0 for a heading or a plain item; an outline's depth below its branch
    code: str = ""  # an activity's code (3.1.2) when the wall shows codes
    votes: int | None = None  # only when the wall shows the votes
    current: bool = False
    group: str = ""  # a SWOT item's quadrant

    def public(self) -> dict[str, Any]:
        shown: dict[str, Any] = {"text": self.text, "depth": self.depth}
        if self.code:
            shown["code"] = self.code
        if self.votes is not None:
            shown["votes"] = self.votes
        if self.current:
            shown["current"] = True
        if self.group:
            shown["group"] = self.group
        return shown


@dataclass(frozen=True)
class PhoneView:
    kind: Kind = "waiting"
    language: str = "cs"
    title: str = ""  # the workshop's title
    heading: str = ""  # a theme's name, a block's label, a mode's heading
    paragraphs: tuple[str, ...] = ()
    current: int | None = None  # the paragraph being edited
    items: tuple[PhoneItem, ...] = ()
    theme_id: int | None = field(default=None, compare=False)  # where a remark goes
    block_id: int | None = field(default=None, compare=False)  # where a proposal goes
    theme_name: str = ""  # what a remark is on, as the page says it
    block_name: str = ""

    def public(self) -> dict[str, Any]:
        """The view as the page gets it (JSON): what the wall shows, no ids."""
        shown: dict[str, Any] = {"kind": self.kind, "lang": self.language}
        if self.kind in ("waiting", "blank"):
            return shown
        shown["title"] = self.title
        if self.heading:
            shown["heading"] = self.heading
        if self.paragraphs:
            shown["paragraphs"] = list(self.paragraphs)
        if self.current is not None:
            shown["current"] = self.current
        if self.items:
            shown["items"] = [item.public() for item in self.items]
        shown["remark_on"] = self.theme_name if self.theme_id is not None else None
        shown["propose_in"] = self.block_name if self.block_id is not None else None
        return shown


WAITING = PhoneView()


@dataclass(frozen=True)
class BallotItem:
    key: str  # "node:12", "swot:5": what the vote's dots go to
    text: str
    group: str = ""  # a SWOT item's quadrant; an activity's block


@dataclass(frozen=True)
class Ballot:
    """A vote the facilitator opened: its items and how many dots each device has."""

    items: tuple[BallotItem, ...]
    dots: int = 3
    heading: str = ""

    def keys(self) -> frozenset[str]:
        return frozenset(item.key for item in self.items)

    def public(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "dots": self.dots,
            "items": [
                {"key": item.key, "text": item.text, "group": item.group} for item in self.items
            ],
        }


@dataclass(frozen=True)
class JoinSign:
    """How to join, as the wall paints it over its page: the QR code (its modules), the URL
    and the room code; large at first, then in a corner for late comers."""

    url: str
    code: str
    modules: tuple[tuple[bool, ...], ...]
    large: bool = True
