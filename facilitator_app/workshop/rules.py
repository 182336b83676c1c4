"""The rules the tree and the lists of a workshop keep, checked before a change is made."""

from __future__ import annotations

from collections.abc import Collection, Container, Iterable, Sequence
from typing import Any

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.workshop.errors import InvalidOperationError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.model import (
    MAX_DEPTH,
    ROOT_ID,
    Node,
    Theme,
    WorkshopData,
    storable_text,
    subtree_height,
)
from facilitator_app.workshop.values import check_record_fields

# All is checked in memory, not left to the file: a row it refused would stall every later write.

# What an error message calls a record of each kind.
RECORD_NAMES = {
    Kind.ATTENDEE: "attendee",
    Kind.THEME: "theme",
    Kind.REMARK: "remark",
    Kind.AGENDA: "agenda item",
    Kind.TASK: "task",
}


def check_depth(deepest: int) -> None:
    """Refuse a tree whose deepest node would be at depth ``deepest`` (see ``MAX_DEPTH``)."""
    if deepest > MAX_DEPTH:
        raise InvalidOperationError(
            QT_TRANSLATE_NOOP("Refusal", "activities can be nested at most %1 levels deep"),
            MAX_DEPTH - 1,
        )


def check_move(node: Node, new_parent: Node) -> None:
    """Refuse moving ``node`` (with its branch) under ``new_parent`` where it cannot go."""
    if node is new_parent or node.is_ancestor_of(new_parent):
        raise InvalidOperationError(
            QT_TRANSLATE_NOOP("Refusal", "an activity cannot move into its own branch")
        )
    if node.is_block != (new_parent.id == ROOT_ID):
        raise InvalidOperationError(
            QT_TRANSLATE_NOOP("Refusal", "blocks stay top-level; activities stay inside a block")
        )
    if new_parent.depth + 1 > node.depth:  # deeper: the branch's lowest level must fit
        check_depth(new_parent.depth + subtree_height(node))


def check_new_subtrees(
    parent: Node, tops: Sequence[Node], taken: Container[int], theme_ids: Container[int]
) -> None:
    """Check detached subtrees about to become children of ``parent``, and make their texts
    storable in place (one walk over them: a paste can bring thousands of lines).

    ``taken`` holds the ids in the tree already, ``theme_ids`` those of the workshop's themes.
    """
    seen: set[int] = set()
    depth = parent.depth
    for top in tops:
        check_depth(depth + subtree_height(top))
        for node in top.walk():
            node.text, node.note = storable_text(node.text), storable_text(node.note)
            if node.id in taken or node.id in seen:
                raise InvalidOperationError(f"activity id {node.id} exists already")
            seen.add(node.id)
            if not node.text and not (node is top and parent.id == ROOT_ID):
                raise InvalidOperationError(
                    QT_TRANSLATE_NOOP("Refusal", "an activity needs a text")
                )
            named = node.theme_ids
            if named and (node is not top or parent.id != ROOT_ID):
                raise InvalidOperationError("only an activity block has themes")
            if any(t not in theme_ids for t in named) or len(set(named)) != len(named):
                raise InvalidOperationError("a block names each theme of this workshop once")


def check_block_themes(block: Node, named: Collection[int], theme_ids: Container[int]) -> None:
    """Refuse ``named`` for ``block`` unless it is a block and they are themes, each once."""
    if not block.is_block:
        raise InvalidOperationError("only an activity block has themes")
    if any(theme_id not in theme_ids for theme_id in named):
        raise InvalidOperationError("a block can only name themes of this workshop")
    if len(set(named)) != len(named):
        raise InvalidOperationError("a block names each theme once")


def check_new_record(data: WorkshopData, kind: Kind, record: Any) -> None:
    """Check an attendee, theme, remark, agenda item or task about to be inserted: a new id
    (a theme's remarks too), fields the file takes (converted in place) and a free theme name."""
    remark_ids = {r.id for t in data.themes for r in t.remarks}
    taken = {
        Kind.ATTENDEE: {a.id for a in data.attendees},
        Kind.THEME: {t.id for t in data.themes},
        Kind.REMARK: remark_ids,
        Kind.AGENDA: {a.id for a in data.agenda},
        Kind.TASK: {t.id for t in data.tasks},
    }[kind]
    new_remarks = [r.id for r in record.remarks] if kind is Kind.THEME else []
    if record.id in taken or any(r in remark_ids for r in new_remarks):
        raise InvalidOperationError(f"{RECORD_NAMES[kind]} id {record.id} exists already")
    check_record_fields(kind, record)
    if kind is Kind.THEME:
        check_theme_name(data.themes, record.name, None)


def check_theme_name(themes: Iterable[Theme], name: str, theme_id: int | None) -> None:
    """Theme names are unique: blocks and the interchange format name themes by them."""
    if any(t.name == name and t.id != theme_id for t in themes):
        raise InvalidOperationError(
            QT_TRANSLATE_NOOP("Refusal", "a theme named “%1” exists already"), name
        )
