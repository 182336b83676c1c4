"""The wall's words for the SWOT and problems modes, in the workshop's language (the room
reads the workshop's language, whatever the facilitator's window speaks), like the headings
the minutes' ``Phrases`` give the other modes."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator_app.workshop.model import Quadrant


@dataclass(frozen=True)
class WallWords:
    quadrants: dict[Quadrant, str]
    problems_heading: str
    nothing_yet: str  # in an empty quadrant
    no_problems_yet: str
    votes_hidden: str  # the ranking while the votes are hidden


CZECH = WallWords(
    quadrants={
        Quadrant.STRENGTHS: "Silné stránky",
        Quadrant.WEAKNESSES: "Slabé stránky",
        Quadrant.OPPORTUNITIES: "Příležitosti",
        Quadrant.THREATS: "Hrozby",
    },
    problems_heading="Problémy",
    nothing_yet="(zatím nic)",
    no_problems_yet="Zatím žádné problémy",
    votes_hidden="Hlasy jsou zatím skryté",
)

ENGLISH = WallWords(
    quadrants={
        Quadrant.STRENGTHS: "Strengths",
        Quadrant.WEAKNESSES: "Weaknesses",
        Quadrant.OPPORTUNITIES: "Opportunities",
        Quadrant.THREATS: "Threats",
    },
    problems_heading="Problems",
    nothing_yet="(nothing yet)",
    no_problems_yet="No problems yet",
    votes_hidden="The votes are hidden for now",
)


def words_for(language: str) -> WallWords:
    return ENGLISH if language == "en" else CZECH
