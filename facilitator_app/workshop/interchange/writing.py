"""A WorkshopData as a version 3 document: a dict for ``json.dumps``, and its text."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from facilitator_app.workshop.interchange.schema import FORMAT_NAME, FORMAT_VERSION
from facilitator_app.workshop.model import (
    AgendaItem,
    Attendee,
    Node,
    Remark,
    SwotItem,
    Task,
    Theme,
    WorkshopData,
    storable_text,
)


def _format_datetime(value: datetime) -> str:
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def workshop_to_json(data: WorkshopData) -> dict[str, Any]:
    """The workshop as a version 3 JSON document (a dict ready for ``json.dumps``)."""
    details = data.details
    workshop: dict[str, Any] = {
        "title": details.title,
        "starts_at": _format_datetime(details.starts_at),
    }
    if details.ends_at is not None:
        workshop["ends_at"] = _format_datetime(details.ends_at)
    if details.place:
        workshop["place"] = details.place
    if details.facilitator:
        workshop["facilitator"] = details.facilitator
    workshop["organizer_label"] = details.organizer_label
    workshop["language"] = details.language
    if details.vision_intro is not None:
        workshop["vision_intro"] = details.vision_intro
    if details.previous_meeting is not None:
        workshop["previous_meeting"] = details.previous_meeting.isoformat()

    def attendee(a: Attendee) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": a.name,
            "organization": a.organization,
            "role": a.role.value,
            "present": a.present,
        }
        if a.note:
            out["note"] = a.note
        return out

    def remark(r: Remark) -> dict[str, Any]:
        out: dict[str, Any] = {"text": r.text}
        for key in ("author", "organization"):
            if getattr(r, key):
                out[key] = getattr(r, key)
        out["status"] = r.status.value
        if r.response:
            out["response"] = r.response
        return out

    def theme(t: Theme) -> dict[str, Any]:
        out: dict[str, Any] = {"name": t.name, "vision": t.vision}
        if t.draft is not None:
            out["draft"] = t.draft
        out["comments"] = [remark(r) for r in t.remarks]
        out["swot"] = [swot_item(i) for i in t.swot]
        places = {item.id: place for place, item in enumerate(t.swot)}
        out["problems"] = [
            {"text": p.text, "votes": p.votes, "sources": [places[s] for s in p.sources]}
            for p in t.problems
        ]
        return out

    def swot_item(i: SwotItem) -> dict[str, Any]:
        out: dict[str, Any] = {"quadrant": i.quadrant.value, "text": i.text}
        if i.note:
            out["note"] = i.note
        out["votes"] = i.votes
        return out

    def activity(top: Node) -> dict[str, Any]:
        # Iterative: a tree indented deeper than Python's recursion limit must still export.
        def record(node: Node) -> dict[str, Any]:
            out: dict[str, Any] = {"text": node.text}
            if node.note:
                out["note"] = node.note
            if node.votes:
                out["votes"] = node.votes
            return out

        root = record(top)
        stack = [(top, root)]
        while stack:
            node, out = stack.pop()
            if node.children:
                out["children"] = [record(child) for child in node.children]
                stack.extend(zip(node.children, out["children"], strict=True))
        return root

    def agenda_item(a: AgendaItem) -> dict[str, Any]:
        out: dict[str, Any] = {"title": a.title, "planned_minutes": a.planned_minutes}
        if a.started_at is not None:
            out["started_at"] = _format_datetime(a.started_at)
        if a.ended_at is not None:
            out["ended_at"] = _format_datetime(a.ended_at)
        return out

    def task(t: Task) -> dict[str, Any]:
        out: dict[str, Any] = {"text": t.text}
        if t.owner:
            out["owner"] = t.owner
        if t.due is not None:
            out["due"] = t.due.isoformat()
        out["done"] = t.done
        return out

    names = {t.id: t.name for t in data.themes}
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "workshop": workshop,
        "attendees": [attendee(a) for a in data.attendees],
        "themes": [theme(t) for t in data.themes],
        "activity_blocks": [
            {
                "themes": [names[i] for i in block.theme_ids if i in names],
                "activities": [activity(child) for child in block.children],
            }
            for block in data.blocks
        ],
        "agenda": [agenda_item(a) for a in data.agenda],
        "tasks": [task(t) for t in data.tasks],
    }


def dumps(data: WorkshopData) -> str:
    """The workshop as JSON text, ready to be written as UTF-8.

    Text that UTF-8 cannot hold (half of a surrogate pair) is written as U+FFFD, as the
    importer and the file store it.
    """
    text = json.dumps(workshop_to_json(data), ensure_ascii=False, indent=2) + "\n"
    return storable_text(text)
