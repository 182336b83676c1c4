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
    THEME_LISTS,
    Node,
    Theme,
    WorkshopData,
    list_of,
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
    Kind.SWOT: "SWOT item",
    Kind.PROBLEM: "problem",
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


def check_new_record(data: WorkshopData, kind: Kind, record: Any, container_id: int = 0) -> None:
    """Check a record about to be inserted (into theme ``container_id``: a remark, SWOT item
    or problem): a new id (a theme's own records too), fields the file takes (converted in
    place), a free theme name, a problem's sources among its theme's SWOT items."""
    themed = {k: {r.id for t in data.themes for r in list_of(t, k)} for k in THEME_LISTS}
    taken = {
        Kind.ATTENDEE: {a.id for a in data.attendees},
        Kind.THEME: {t.id for t in data.themes},
        **themed,
        Kind.AGENDA: {a.id for a in data.agenda},
        Kind.TASK: {t.id for t in data.tasks},
    }[kind]
    if record.id in taken:
        raise InvalidOperationError(f"{RECORD_NAMES[kind]} id {record.id} exists already")
    check_record_fields(kind, record)
    if kind is Kind.THEME:
        for inner_kind, ids in themed.items():
            for inner in list_of(record, inner_kind):
                if inner.id in ids:
                    raise InvalidOperationError(
                        f"{RECORD_NAMES[inner_kind]} id {inner.id} exists already"
                    )
                ids.add(inner.id)
                if inner_kind is not Kind.REMARK:
                    check_record_fields(inner_kind, inner)
        for problem in record.problems:
            check_sources(record, problem.sources)
        check_theme_name(data.themes, record.name, None)
    elif kind is Kind.PROBLEM:
        check_sources(next(t for t in data.themes if t.id == container_id), record.sources)


def check_sources(theme: Theme, sources: Sequence[int]) -> None:
    """A problem comes from SWOT items of its own theme, each named once."""
    items = {item.id for item in theme.swot}
    if len(set(sources)) != len(sources):
        raise InvalidOperationError("a problem names each of its SWOT items once")
    missing = [source for source in sources if source not in items]
    if missing:
        raise InvalidOperationError(
            QT_TRANSLATE_NOOP("Refusal", "the theme “%1” has no SWOT item %2"),
            theme.name,
            missing[0],
        )


def check_unused_swot_item(theme: Theme, item_id: int) -> None:
    """A SWOT item a problem comes from stays (the operations drop it from the problem first)."""
    if any(item_id in problem.sources for problem in theme.problems):
        raise InvalidOperationError(
            QT_TRANSLATE_NOOP("Refusal", "a problem of the theme still comes from the SWOT item")
        )


def check_theme_name(themes: Iterable[Theme], name: str, theme_id: int | None) -> None:
    """Theme names are unique: blocks and the interchange format name themes by them."""
    if any(t.name == name and t.id != theme_id for t in themes):
        raise InvalidOperationError(
            QT_TRANSLATE_NOOP("Refusal", "a theme named “%1” exists already"), name
        )
