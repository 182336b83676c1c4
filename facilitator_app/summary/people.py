"""The same person across groups and meetings: matched by name and organisation (no Qt).

An attendee of one meeting is the same person as an attendee of another when both the name
and the organisation are the same, once spaces are tidied and the Unicode composed alike
(``NFC``). Nothing looser is taken for a match: names that differ only in case or diacritics,
and one name with different organisations (or one without any), stay separate persons and are
listed as uncertain matches for the office to decide. Two persons who were both on one
meeting's list are two people, never an uncertain match.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from facilitator_app.workshop.model import Attendee


class Doubt(StrEnum):
    """Why two persons may be one."""

    ORGANISATION = "organisation"  # the same name, other organisations
    NO_ORGANISATION = "no-organisation"  # the same name, one of them without an organisation
    SPELLING = "spelling"  # the names differ only in case or diacritics


@dataclass
class Person:
    """One person of the region; ``attendance``: meeting's index → present (else excused)."""

    name: str
    organisation: str
    attendance: dict[int, bool] = field(default_factory=dict)

    @property
    def meetings_attended(self) -> int:
        return sum(self.attendance.values())


@dataclass(frozen=True)
class UncertainMatch:
    """Persons kept apart who may be one: the office decides."""

    persons: tuple[Person, ...]
    doubts: frozenset[Doubt]


@dataclass(frozen=True)
class People:
    persons: tuple[Person, ...]  # by name (case and diacritics aside), then organisation
    uncertain: tuple[UncertainMatch, ...]


def tidy(text: str) -> str:
    """``text`` with its spaces tidied and its characters composed: how names are compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def loose(text: str) -> str:
    """``text`` without case or diacritics: names that may be one person's."""
    decomposed = unicodedata.normalize("NFD", tidy(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def match_people(rosters: Sequence[Sequence[Attendee]]) -> People:
    """The persons of all ``rosters`` (each one meeting's attendees, its index the meeting's)."""
    by_key: dict[tuple[str, str], Person] = {}
    for index, roster in enumerate(rosters):
        for attendee in roster:
            name, organisation = tidy(attendee.name), tidy(attendee.organization)
            person = by_key.get((name, organisation))
            if person is None:
                person = by_key[name, organisation] = Person(name, organisation)
            # One person listed twice at a meeting: present if either entry says so.
            person.attendance[index] = person.attendance.get(index, False) or attendee.present
    persons = sorted(
        by_key.values(),
        key=lambda p: (loose(p.name), p.name, loose(p.organisation), p.organisation),
    )
    return People(tuple(persons), tuple(_uncertain(persons)))


def _uncertain(persons: list[Person]) -> list[UncertainMatch]:
    """The uncertain matches among persons whose names are alike (``loose``)."""
    alike: dict[str, list[Person]] = {}
    for person in persons:
        alike.setdefault(loose(person.name), []).append(person)
    return [
        match
        for candidates in alike.values()
        if len(candidates) > 1
        for match in _matches_among(candidates)
    ]


def _matches_among(candidates: list[Person]) -> list[UncertainMatch]:
    """Alike persons joined into one match where any two of them never met at one meeting
    (two on one meeting's list are two people), with every doubt of those pairs."""
    parent = list(range(len(candidates)))  # union-find over the candidates

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = index = parent[parent[index]]
        return index

    doubts: dict[int, set[Doubt]] = {}
    for first, one in enumerate(candidates):
        for second in range(first + 1, len(candidates)):
            other = candidates[second]
            if one.attendance.keys() & other.attendance.keys():
                continue
            parent[root(second)] = root(first)
            doubts.setdefault(first, set()).add(_doubt(one, other))
    components: dict[int, list[int]] = {}
    for index in range(len(candidates)):
        components.setdefault(root(index), []).append(index)
    return [
        UncertainMatch(
            tuple(candidates[member] for member in members),
            frozenset(doubt for member in members for doubt in doubts.get(member, ())),
        )
        for members in components.values()
        if len(members) > 1
    ]


def _doubt(one: Person, other: Person) -> Doubt:
    if one.name != other.name:
        return Doubt.SPELLING
    if not one.organisation or not other.organisation:
        return Doubt.NO_ORGANISATION
    return Doubt.ORGANISATION
