"""Dates and times typed the Czech way and the English way; impossible ones refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator_app.workshop.dates import (
    MAX_YEAR,
    MIN_YEAR,
    DateError,
    Reason,
    format_date,
    format_datetime,
    parse_date,
    parse_datetime,
    parse_time,
)

TODAY = date(2026, 3, 1)
NINE = time(9, 0)
MAY_19 = date(2026, 5, 19)


def refusal(parse: Callable[[], object]) -> Reason:
    """The reason of the ``DateError`` that ``parse()`` raises (the test fails without one)."""
    with pytest.raises(DateError) as raised:
        parse()
    return raised.value.reason


@pytest.mark.parametrize(
    "text", ["19.5.2026", "19. 5. 2026", "19.05.2026", "19.5.", "19. 5.", "19.5", " 19.5.2026 "]
)
def test_czech_dates(text: str) -> None:
    assert parse_date(text, "cs", TODAY) == MAY_19


@pytest.mark.parametrize(
    "text",
    ["19/05/2026", "19/5/2026", "19/5", "19 May 2026", "19 may", "May 19, 2026", "2026-05-19"],
)
def test_english_dates(text: str) -> None:
    assert parse_date(text, "en", TODAY) == MAY_19


def test_iso_is_read_in_czech_too() -> None:
    assert parse_date("2026-05-19", "cs", TODAY) == MAY_19


@pytest.mark.parametrize("text", ["13", "13:00", "13.00", " 13:00 "])
def test_czech_times(text: str) -> None:
    assert parse_time(text, "cs") == time(13, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 pm", time(13)),
        ("1pm", time(13)),
        ("1:30 p.m.", time(13, 30)),
        ("12 am", time(0)),
        ("12 pm", time(12)),
        ("13:00", time(13)),
        ("9", time(9)),
    ],
)
def test_english_times(text: str, expected: time) -> None:
    assert parse_time(text, "en") == expected


def test_pm_is_not_czech() -> None:
    with pytest.raises(DateError):
        parse_time("1 pm", "cs")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("19.5.2026 13:00", "cs", datetime(2026, 5, 19, 13)),
        ("19. 5. 2026 13.00", "cs", datetime(2026, 5, 19, 13)),
        ("19.5. 13", "cs", datetime(2026, 5, 19, 13)),
        ("19. 5. 2026", "cs", datetime(2026, 5, 19, 9)),
        ("19 May 2026 1 pm", "en", datetime(2026, 5, 19, 13)),
        ("19/05/2026 13:00", "en", datetime(2026, 5, 19, 13)),
        ("2026-05-19 13:30", "en", datetime(2026, 5, 19, 13, 30)),
    ],
)
def test_a_date_and_a_time(text: str, language: str, expected: datetime) -> None:
    assert parse_datetime(text, language, TODAY, NINE) == expected


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        ("31.2.2026", "cs", Reason.DAY),
        ("19.13.2026", "cs", Reason.DAY),
        ("19.5.5202", "cs", Reason.YEAR),
        ("19.5.1899", "cs", Reason.YEAR),
        ("2101-01-01", "en", Reason.YEAR),
        ("19/05/2026", "cs", Reason.FORMAT),
        ("19.5.2026", "en", Reason.FORMAT),
        ("zítra", "cs", Reason.FORMAT),
        ("", "cs", Reason.FORMAT),
        ("19 Maybe 2026", "en", Reason.FORMAT),
    ],
)
def test_impossible_dates_are_refused_with_a_reason(text: str, language: str, reason) -> None:
    assert refusal(lambda: parse_date(text, language, TODAY)) is reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [("25:00", Reason.TIME), ("13:60", Reason.TIME), ("odpoledne", Reason.FORMAT)],
)
def test_impossible_times_are_refused(text: str, reason: Reason) -> None:
    assert refusal(lambda: parse_time(text, "cs")) is reason


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        ("31.2.2026 13:00", "cs", Reason.DAY),
        ("19.5.5202 13:00", "cs", Reason.YEAR),
        ("30 February 2026 1 pm", "en", Reason.DAY),
        ("2026-02-30 13:00", "en", Reason.DAY),
    ],
)
def test_a_bad_date_before_a_time_says_the_date(text: str, language: str, reason) -> None:
    assert refusal(lambda: parse_datetime(text, language, TODAY, NINE)) is reason


def test_a_bad_time_after_a_good_date_says_the_time() -> None:
    assert refusal(lambda: parse_datetime("19.5.2026 25:00", "cs", TODAY, NINE)) is Reason.TIME


days = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31))
moments = st.datetimes(
    min_value=datetime(MIN_YEAR, 1, 1), max_value=datetime(MAX_YEAR, 12, 31, 23, 59)
).map(lambda value: value.replace(second=0, microsecond=0))


@given(days, st.sampled_from(["cs", "en"]))
def test_a_written_date_reads_back(value: date, language: str) -> None:
    assert parse_date(format_date(value, language), language, TODAY) == value


@given(moments, st.sampled_from(["cs", "en"]))
def test_a_written_date_and_time_reads_back(value: datetime, language: str) -> None:
    assert parse_datetime(format_datetime(value, language), language, TODAY, NINE) == value


@given(st.text(max_size=30), st.sampled_from(["cs", "en"]))
def test_any_text_is_a_date_in_range_or_a_refusal(text: str, language: str) -> None:
    try:
        value = parse_datetime(text, language, TODAY, NINE)
    except DateError:
        return
    assert MIN_YEAR <= value.year <= MAX_YEAR
