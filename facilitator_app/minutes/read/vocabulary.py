"""The words minutes use, in Czech and English: section headings, labels, table columns, states."""

from __future__ import annotations

import re
import unicodedata

from facilitator_app.minutes.phrases import CZECH, ENGLISH
from facilitator_app.workshop.model import Quadrant, RemarkStatus


def word_key(text: str) -> str:
    """``text`` for comparing words: no diacritics, case or extra spaces, no ``2.`` or ``:``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = " ".join(plain.casefold().split())
    plain = re.sub(r"^(?:\d+[.)]?|[ivx]+[.)])\s+", "", plain)
    return plain.rstrip(":").strip()


_SECTION_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    # "program" is the Czech heading, and English too (US): it tells no language.
    "programme": {
        "": ("program",),
        "cs": ("program jednani", "harmonogram"),
        "en": ("programme", "agenda", "meeting agenda"),
    },
    "swot": {
        "": ("swot",),
        "cs": ("swot analyza", "analyza swot", "problemy a swot analyza"),
        "en": ("swot analysis", "problems and swot analysis"),
    },
    "vision": {"cs": ("vize", "navrh vize"), "en": ("vision", "the vision", "draft vision")},
    "activities": {
        "cs": ("navrhy aktivit", "navrzene aktivity", "aktivity", "navrhy"),
        "en": ("proposed activities", "activities", "suggested activities", "proposals"),
    },
    "tasks": {
        "cs": ("ukoly", "ukoly a terminy"),
        "en": ("tasks", "action items", "actions", "action points"),
    },
    "attendance": {
        "cs": ("prezencni listina", "seznam ucastniku", "ucastnici"),
        "en": ("attendance list", "attendance", "list of attendees", "attendees"),
    },
}
SECTIONS: dict[str, tuple[str, str]] = {}  # key -> (section, language)
for _section, _languages in _SECTION_WORDS.items():
    for _language, _words in _languages.items():
        for _word in _words:
            SECTIONS[word_key(_word)] = (_section, _language)
for _phrases in (CZECH, ENGLISH):
    SECTIONS[word_key(_phrases.swot_heading)] = ("swot", _phrases.language)
    SECTIONS[word_key(_phrases.vision_heading)] = ("vision", _phrases.language)
    SECTIONS[word_key(_phrases.activities_heading)] = ("activities", _phrases.language)
    SECTIONS[word_key(_phrases.attendance_heading)] = ("attendance", _phrases.language)
    SECTIONS.setdefault(word_key(_phrases.programme_heading), ("programme", _phrases.language))
    SECTIONS[word_key(_phrases.tasks_heading)] = ("tasks", _phrases.language)

_LABEL_WORDS: dict[str, dict[str | None, tuple[str, ...]]] = {
    "date": {
        "cs": ("datum", "datum a cas", "datum konani", "termin", "kdy"),
        "en": ("date", "date and time", "when"),
    },
    "place": {"cs": ("misto", "misto konani"), "en": ("venue", "place", "location")},
    "participants": {
        "cs": ("pocet ucastniku", "pocet pritomnych"),
        "en": ("participants", "number of participants"),
    },
    "facilitator": {
        None: ("facilitator",),  # the same word in both languages without its diacritics
        "cs": ("facilitatorka", "facilitace", "moderator", "moderatorka"),
        "en": ("facilitated by", "moderator"),
    },
}
LABELS: dict[str, tuple[str, str | None]] = {}  # key -> (field, language)
for _field, _by_language in _LABEL_WORDS.items():
    for _lang, _words in _by_language.items():
        for _word in _words:
            LABELS.setdefault(word_key(_word), (_field, _lang))
for _phrases in (CZECH, ENGLISH):
    for _field, _label in (
        ("date", _phrases.date_label),
        ("place", _phrases.place_label),
        ("participants", _phrases.participants_label),
    ):
        LABELS[word_key(_label)] = (_field, _phrases.language)

# Table header words -> column meaning.
REMARK_COLUMNS = {
    "theme": ("tema", "theme", "oblast"),
    "text": ("pripominka", "remark", "comment", "pripominky", "remarks"),
    "who": ("kdo", "raised by", "autor", "author", "who"),
    "status": ("stav", "status"),
    "response": ("vyporadani", "how settled", "response", "reakce", "settlement"),
}
ATTENDANCE_COLUMNS = {
    "name": ("jmeno", "jmeno a prijmeni", "name", "ucastnik", "participant"),
    "organization": ("organizace", "organisation", "organization", "instituce", "institution"),
    "present": ("ucast", "attendance", "pritomnost", "presence"),
    "signature": ("podpis", "signature"),
}
TASK_COLUMNS = {
    "text": ("ukol", "ukoly", "task", "tasks", "action", "co"),
    "owner": ("kdo", "who", "owner", "odpovida", "zodpovida", "responsible"),
    "due": ("termin", "do kdy", "by when", "due", "due date", "deadline"),
    "done": ("splneno", "hotovo", "done", "completed"),
}
for _phrases in (CZECH, ENGLISH):
    for _meaning, _word in zip(
        ("text", "owner", "due", "done"), _phrases.task_columns, strict=True
    ):
        TASK_COLUMNS[_meaning] += (word_key(_word),)
    for _meaning, _word in zip(
        ("theme", "text", "who", "status", "response"), _phrases.remark_columns, strict=True
    ):
        REMARK_COLUMNS[_meaning] += (word_key(_word),)
    for _meaning, _word in zip(
        ("name", "organization", "present", "signature"), _phrases.attendance_columns, strict=True
    ):
        ATTENDANCE_COLUMNS[_meaning] += (word_key(_word),)

STATUSES: dict[str, RemarkStatus] = {}
for _phrases in (CZECH, ENGLISH):
    for _status, _word in _phrases.statuses.items():
        STATUSES[word_key(_word)] = _status
for _status in RemarkStatus:
    STATUSES.setdefault(word_key(_status.value), _status)

EXCUSED = ("omluv", "excus", "absent", "nepritom", "chyb")  # starts of the words for "not there"
DONE = ("✓", "✔", "☑", "☒", "x", "ano", "yes", "hotovo", "splneno", "done", "true")

# A SWOT table's cells by the words they open with -> their quadrant.
QUADRANTS: dict[str, Quadrant] = {
    word_key(word): quadrant
    for quadrant, words in {
        Quadrant.STRENGTHS: ("silne stranky", "strengths", "silne strany"),
        Quadrant.WEAKNESSES: ("slabe stranky", "weaknesses", "slabe strany"),
        Quadrant.OPPORTUNITIES: ("prilezitosti", "opportunities"),
        Quadrant.THREATS: ("hrozby", "threats", "rizika"),
    }.items()
    for word in words
}
for _phrases in (CZECH, ENGLISH):
    for _quadrant, _word in _phrases.quadrant_names.items():
        QUADRANTS[word_key(_word)] = _quadrant
PROBLEMS = {word_key(p.problems_heading) for p in (CZECH, ENGLISH)} | {
    "klicove problemy",
    "key problems",
    "hlavni problemy",
    "main problems",
}
SOURCES = {word_key(p.sources_label) for p in (CZECH, ENGLISH)}

# The openings of the sentence numbered minutes put under the activities heading (which tree
# the activity numbers are of): a note, not an activity.
CODES_NOTES = tuple(
    word_key(note.partition("{date}")[0])
    for _phrases in (CZECH, ENGLISH)
    for note in (_phrases.codes_note, _phrases.codes_note_by_votes)
)


def is_codes_note(text: str) -> bool:
    return word_key(text).startswith(CODES_NOTES)
