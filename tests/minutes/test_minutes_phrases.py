"""Wording of the minutes: dates, votes, head count, statuses, sanitised text, the content."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from minutes_helpers import demo_workshop, minimal_raw

from facilitator_app.minutes import MinutesError, MinutesOptions, build_minutes
from facilitator_app.minutes.content import Heading, ListItem, Paragraph, Table
from facilitator_app.minutes.phrases import CZECH, ENGLISH, phrases_for, votes_text, when_text
from facilitator_app.minutes.text import clean_text, one_line
from facilitator_app.workshop.interchange import parse_workshop
from facilitator_app.workshop.model import LANGUAGES, RemarkStatus


@pytest.mark.parametrize(
    ("count", "czech", "english"),
    [
        (0, "0 hlasů", "0 votes"),
        (1, "1 hlas", "1 vote"),
        (2, "2 hlasy", "2 votes"),
        (3, "3 hlasy", "3 votes"),
        (4, "4 hlasy", "4 votes"),
        (5, "5 hlasů", "5 votes"),
        (9, "9 hlasů", "9 votes"),
        (21, "21 hlasů", "21 votes"),
        (22, "22 hlasů", "22 votes"),
        (104, "104 hlasů", "104 votes"),
    ],
)
def test_votes_take_the_right_plural(count: int, czech: str, english: str) -> None:
    assert votes_text(count, "cs") == CZECH.votes(count) == czech
    assert votes_text(count, "en") == ENGLISH.votes(count) == english


D = datetime


@pytest.mark.parametrize(
    ("start", "end", "czech", "english"),
    [
        (D(2026, 5, 19, 13), None, "19. 5. 2026 od 13 hodin", "19 May 2026 from 1 pm"),
        (D(2026, 5, 19, 13, 30), None, "19. 5. 2026 od 13:30 hodin", "19 May 2026 from 1:30 pm"),
        (D(2026, 5, 19, 9, 5), None, "19. 5. 2026 od 9:05 hodin", "19 May 2026 from 9:05 am"),
        (
            D(2026, 5, 19, 13),
            D(2026, 5, 19, 16),
            "19. 5. 2026 od 13 do 16 hodin",
            "19 May 2026 from 1 to 4 pm",
        ),
        (
            D(2026, 1, 2, 11),
            D(2026, 1, 2, 13, 15),
            "2. 1. 2026 od 11 do 13:15 hodin",
            "2 January 2026 from 11 am to 1:15 pm",
        ),
        (D(2026, 12, 31, 12), None, "31. 12. 2026 od 12 hodin", "31 December 2026 from 12 pm"),
        (D(2026, 3, 1, 0), None, "1. 3. 2026 od 0 hodin", "1 March 2026 from 12 am"),
        (
            D(2026, 5, 19, 13),
            D(2026, 5, 20, 12),
            "19. 5. 2026 13 hodin – 20. 5. 2026 12 hodin",
            "19 May 2026, 1 pm – 20 May 2026, 12 pm",
        ),
        # An end not after the start can only be a slip: it is left out.
        (
            D(2026, 5, 19, 13),
            D(2026, 5, 19, 13),
            "19. 5. 2026 od 13 hodin",
            "19 May 2026 from 1 pm",
        ),
        (D(2026, 5, 19, 13), D(2026, 5, 19, 9), "19. 5. 2026 od 13 hodin", "19 May 2026 from 1 pm"),
    ],
)
def test_date_lines(start: datetime, end: datetime | None, czech: str, english: str) -> None:
    assert when_text(start, end, "cs") == czech
    assert when_text(start, end, "en") == english
    assert CZECH.date_line(start, end) == f"Datum: {czech}"
    assert ENGLISH.date_line(start, end) == f"Date: {english}"


def test_both_languages_have_every_phrase() -> None:
    for phrases in (CZECH, ENGLISH):
        for field in dataclasses.fields(phrases):
            assert getattr(phrases, field.name), field.name
        assert set(phrases.statuses) == set(RemarkStatus)
        assert len(set(phrases.statuses.values())) == len(RemarkStatus)
    assert phrases_for("cs") is CZECH
    assert phrases_for("en") is ENGLISH
    assert [phrases_for(language).language for language in LANGUAGES] == list(LANGUAGES)
    with pytest.raises(ValueError, match="choose cs or en"):
        phrases_for("de")


def test_the_seed_sentences_word_for_word() -> None:
    assert CZECH.no_remarks == (
        "K návrhu vize nebyly na jednání vzneseny žádné připomínky. Výsledné znění vize po "
        "projednání a zapracování všech obdržených připomínek je:"
    )
    assert CZECH.remarks_intro == "K návrhu vize byly vzneseny tyto připomínky:"
    assert (CZECH.vision_heading, CZECH.activities_heading) == ("VIZE", "NÁVRHY AKTIVIT")
    assert (ENGLISH.vision_heading, ENGLISH.activities_heading) == ("VISION", "PROPOSED ACTIVITIES")


def test_head_count_line() -> None:
    raw = minimal_raw(organizer_label="ORK")
    raw["attendees"] = [
        {"name": "A"},
        {"name": "B", "role": "guest"},
        {"name": "C", "present": False},
        {"name": "D", "role": "organizer"},
        {"name": "E", "role": "organizer"},
        {"name": "F", "role": "organizer", "present": False},
    ]
    minutes = build_minutes(parse_workshop(raw), MinutesOptions())
    lines = [b.spans[0].text for b in minutes.blocks if isinstance(b, Paragraph)]
    assert "Počet účastníků: 2 (+2 ORK)" in lines
    raw["attendees"] = [{"name": "A"}]
    minutes = build_minutes(parse_workshop(raw), MinutesOptions(language="en"))
    lines = [b.spans[0].text for b in minutes.blocks if isinstance(b, Paragraph)]
    assert "Participants: 1" in lines


def test_no_head_count_without_attendees_and_no_facilitator_line_when_unset() -> None:
    minutes = build_minutes(parse_workshop(minimal_raw()), MinutesOptions())
    lines = [b.spans[0].text for b in minutes.blocks if isinstance(b, Paragraph)]
    assert lines == ["Datum: 19. 5. 2026 od 13 hodin"]
    assert [b.text for b in minutes.blocks if isinstance(b, Heading)] == ["Test workshop"]


def test_content_of_the_example() -> None:
    minutes = build_minutes(demo_workshop(), MinutesOptions())
    assert minutes.author == "Michal Kněžů Mrvka"
    assert minutes.phrases is CZECH
    headings = [(b.level, b.text) for b in minutes.blocks if isinstance(b, Heading)]
    assert headings[:3] == [
        (0, "Pracovní skupina Bezpečnost, energetika, vodní hospodářství a ICT"),
        (1, "VIZE"),
        (2, "Energetika"),
    ]
    assert headings[-1] == (1, "NÁVRHY AKTIVIT")
    items = [b for b in minutes.blocks if isinstance(b, ListItem)]
    assert len(items) == 32
    assert max(item.level for item in items) == 1
    assert not [b for b in minutes.blocks if isinstance(b, Table)]


def test_unknown_language_option() -> None:
    with pytest.raises(MinutesError, match="unknown language 'xx'"):
        build_minutes(demo_workshop(), MinutesOptions(language="xx"))


# -- text sanitising --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain Čeština", "plain Čeština"),
        ("a\x0bb", "a\nb"),  # Word's manual line break
        ("a\x0cb", "a\nb"),  # a page break pasted as text
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\tb", "a\tb"),
        ("a\x00b\x01c\x08d\x1fe\x7ff\x9fg", "abcdefg"),
        ("a\u2028b\u2029c\x85d", "a\nb\nc\nd"),
        ("x\ufffey\uffffz", "xyz"),
        ("lone \ud800 half", "lone \ufffd half"),
        ("pair \ud83d\ude00", "pair 😀"),
        ("emoji 😀 <&>", "emoji 😀 <&>"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_clean_text_leaves_only_xml_characters(text: str) -> None:
    cleaned = clean_text(text)
    for char in cleaned:
        code = ord(char)
        assert (
            char in "\t\n" or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000
        )
        assert not 0x7F <= code <= 0x9F
    assert "\n" not in one_line(text)
    assert "\t" not in one_line(text)
