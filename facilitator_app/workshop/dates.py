"""Dates and times as facilitators type them, in Czech or English, and the years a workshop holds.

Czech: ``19.5.2026``, ``19. 5. 2026``, ``19.5.`` (this year); times ``13``, ``13:00``, ``13.00``.
English: ``19/05/2026``, ``19/5`` (this year), ``19 May 2026``, ``May 19, 2026``; times ``13:00``,
``1 pm``, ``1:30 pm``. ISO ``2026-05-19`` is read in both. A date and a time together are
separated by a space (``19.5.2026 13:00``). Anything else, an impossible day (31.2.) or a year
outside ``MIN_YEAR``–``MAX_YEAR`` is refused with a ``DateError`` whose ``reason`` says which.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from enum import Enum

MIN_YEAR = 1900
MAX_YEAR = 2100

MONTHS_EN = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


class Reason(Enum):
    """Why a text is not a date or a time (the window words each one)."""

    FORMAT = "format"  # not a date or time of the language's forms
    DAY = "day"  # no such day or month (31.2., month 13)
    YEAR = "year"  # a year outside MIN_YEAR–MAX_YEAR
    TIME = "time"  # no such time (25:00, 13:61)


class DateError(ValueError):
    def __init__(self, reason: Reason, text: str) -> None:
        self.reason = reason
        self.text = text
        super().__init__(f"{reason.value}: {text!r}")


def year_in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _make_date(year: int, month: int, day: int, text: str) -> date:
    if not year_in_range(year):
        raise DateError(Reason.YEAR, text)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(Reason.DAY, text) from None


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CS = re.compile(r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.(?:\s*(\d{4}))?")
_CS_SHORT = re.compile(r"(\d{1,2})\s*\.\s*(\d{1,2})")  # 19.5 without the last dot
_EN_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")
_EN_DAY_MONTH = re.compile(r"(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?")
_EN_MONTH_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?")


def _month_named(name: str, text: str) -> int:
    if len(name) >= 3:
        for number, month in enumerate(MONTHS_EN, start=1):
            if month.startswith(name):
                return number
    raise DateError(Reason.FORMAT, text)


def parse_date(text: str, language: str, today: date) -> date:
    """The date ``text`` means in ``language`` ("cs" or "en"); a missing year is ``today``'s."""
    cleaned = " ".join(text.strip().lower().split())
    if match := _ISO.fullmatch(cleaned):
        year, month, day = (int(part) for part in match.groups())
        return _make_date(year, month, day, text)
    if language == "cs":
        match = _CS.fullmatch(cleaned) or _CS_SHORT.fullmatch(cleaned)
        if match:
            day, month = int(match.group(1)), int(match.group(2))
            written = match.group(3) if match.re is _CS else None
            return _make_date(int(written) if written else today.year, month, day, text)
        raise DateError(Reason.FORMAT, text)
    if match := _EN_SLASH.fullmatch(cleaned):
        day, month = int(match.group(1)), int(match.group(2))
        return _make_date(int(match.group(3) or today.year), month, day, text)
    if match := _EN_DAY_MONTH.fullmatch(cleaned):
        month = _month_named(match.group(2), text)
        return _make_date(int(match.group(3) or today.year), month, int(match.group(1)), text)
    if match := _EN_MONTH_DAY.fullmatch(cleaned):
        month = _month_named(match.group(1), text)
        return _make_date(int(match.group(3) or today.year), month, int(match.group(2)), text)
    raise DateError(Reason.FORMAT, text)


_TIME_24 = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?")
_TIME_12 = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\.?")


def parse_time(text: str, language: str) -> time:
    """The time of day ``text`` means: ``13``, ``13:00``, ``13.00``; in English also ``1 pm``."""
    cleaned = " ".join(text.strip().lower().split())
    if language == "en" and (match := _TIME_12.fullmatch(cleaned)):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise DateError(Reason.TIME, text)
        hour = hour % 12 + (12 if match.group(3) == "p" else 0)
        return time(hour, minute)
    if match := _TIME_24.fullmatch(cleaned):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour > 23 or minute > 59:
            raise DateError(Reason.TIME, text)
        return time(hour, minute)
    raise DateError(Reason.FORMAT, text)


def parse_datetime(text: str, language: str, today: date, default: time) -> datetime:
    """A date with an optional time after it (``default`` when there is none).

    The time is the last word (``13:00``, ``13``) or, in English, the last two (``1 pm``);
    ``19. 5. 2026 13.00`` is read as the date ``19. 5. 2026`` and the time ``13.00``.
    """
    words = text.split()
    # A more telling refusal than "no date": a date with no such day before a time, or a
    # date followed by something that is no time.
    telling: DateError | None = None
    for count in (2, 1) if language == "en" else (1,):
        if len(words) <= count:
            continue
        try:
            clock: time | None = parse_time(" ".join(words[-count:]), language)
        except DateError as error:
            clock, time_error = None, error
        try:
            day = parse_date(" ".join(words[:-count]), language, today)
        except DateError as error:
            if clock is not None and error.reason is not Reason.FORMAT:
                telling = telling or error
            continue
        if clock is not None:
            return datetime.combine(day, clock)
        telling = telling or time_error
    try:
        return datetime.combine(parse_date(text, language, today), default)
    except DateError as error:
        if telling is not None and error.reason is Reason.FORMAT:
            raise telling from None
        raise


def format_date(value: date, language: str) -> str:
    """The date as the language writes it, read back by ``parse_date``."""
    if language == "cs":
        return f"{value.day}. {value.month}. {value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1].capitalize()} {value.year}"


def format_time(value: time, language: str) -> str:
    return f"{value.hour}:{value.minute:02d}"


def format_datetime(value: datetime, language: str) -> str:
    return f"{format_date(value.date(), language)} {format_time(value.time(), language)}"
