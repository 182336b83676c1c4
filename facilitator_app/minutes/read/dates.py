"""Dates and times as minutes write them: the date line, a due date, a line of the programme."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from facilitator_app.minutes.read.vocabulary import word_key
from facilitator_app.minutes.text import clean_text
from facilitator_app.workshop.dates import MONTHS_EN, year_in_range
from facilitator_app.workshop.model import AgendaItem

# A line of the programme: "13:00–13:25 Title (plánováno 20 min)", "1:00–1:25 pm Title (planned
# 20 min)", "13:00 Title", "Title (20 min)".
_CLOCK = r"(?P<h{n}>\d{{1,2}})[:.](?P<m{n}>\d{{2}})(?:\s*(?P<ap{n}>[ap])\.?\s?m\b\.?)?"
_PROGRAMME_TIMES = re.compile(
    rf"^\s*{_CLOCK.format(n=1)}(?:\s*[–—-]\s*(?:{_CLOCK.format(n=2)})?)?(?:\s+|$)", re.IGNORECASE
)
_PLANNED = re.compile(
    r"\s*\(\s*(?:(?:pl[aá]nov[aá]no|planned|pl[aá]n|plan)\s*:?\s*)?(?P<minutes>\d{1,4})\s*"
    r"min(?:ut[a-z]*|\.)?\s*\)\s*$",
    re.IGNORECASE,
)
_MAX_PLANNED = 24 * 60

_CS_MONTHS = (
    "ledna", "unora", "brezna", "dubna", "kvetna", "cervna",
    "cervence", "srpna", "zari", "rijna", "listopadu", "prosince",
)  # fmt: skip


def _month(name: str) -> int | None:
    word = word_key(name).rstrip(".")
    for months in (_CS_MONTHS, MONTHS_EN):
        if word in months:
            return months.index(word) + 1
    if len(word) >= 3:
        for number, month in enumerate(MONTHS_EN, start=1):
            if month.startswith(word):
                return number
    return None


_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[./]\s*(?P<m>\d{1,2})\s*[./]\s*(?P<y>\d{4})(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})(?:\.|st|nd|rd|th)?\s+(?P<n>[^\W\d_]+)\.?,?\s+(?P<y>\d{4})"),
    re.compile(r"(?P<n>[^\W\d_]{3,})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"),
)
_TIME = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?(?![\d])"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)


def dates_in(text: str) -> list[tuple[int, int, date]]:
    """The dates in ``text``: (start, end, date), in order, none overlapping."""
    found: list[tuple[int, int, date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = int(groups["m"]) if groups.get("m") else _month(groups.get("n") or "")
            if month is None:
                continue
            try:
                day = date(int(groups["y"]), month, int(groups["d"]))
            except ValueError:
                continue
            if not year_in_range(day.year):
                continue  # no workshop's date (a garbled 5202 is not read back)
            if all(match.end() <= s or match.start() >= e for s, e, _ in found):
                found.append((match.start(), match.end(), day))
    return sorted(found, key=lambda item: item[0])


def _times(text: str) -> list[tuple[int, int, str | None]]:
    """(hour, minute, "a"/"p" or None) of each time in ``text``."""
    out: list[tuple[int, int, str | None]] = []
    for match in _TIME.finditer(text):
        hour, minute = int(match["h"]), int(match["mi"] or 0)
        half = match["ap"].lower() if match["ap"] else None
        if minute > 59 or hour > 23 or (half and not 1 <= hour <= 12):
            continue
        out.append((hour, minute, half))
    return out


def _clock(hour: int, minute: int, half: str | None) -> time:
    if half == "a":
        hour %= 12
    elif half == "p":
        hour = hour % 12 + 12
    return time(hour, minute)


def _with_meridiem(
    start: tuple[int, int, str | None], end: tuple[int, int, str | None]
) -> tuple[time, time]:
    """``from 1 to 4 pm``: a start without am/pm takes the end's, unless that puts it after."""
    end_time = _clock(*end)
    if start[2] is None and end[2] is not None:
        guess = _clock(start[0], start[1], end[2])
        if guess < end_time:
            return guess, end_time
    return _clock(*start), end_time


def parse_when(text: str) -> tuple[datetime, datetime | None] | None:
    """Start and end of ``19. 5. 2026 od 13 do 16 hodin``, ``19 May 2026 from 1 pm``… or None.

    Reads what ``phrases.when_text`` writes in both languages (a range of two dates and times
    too), and common hand-written forms: ``19.5.2026 13:00–16:00``, ``19. května 2026``,
    ``May 19, 2026``, ``2026-05-19``. A date without a time starts at midnight.
    """
    days = dates_in(text)
    if not days:
        return None
    first_start, first_end, first_day = days[0]
    if len(days) >= 2:
        second_start, second_end, second_day = days[1]
        start_times = _times(text[first_end:second_start]) or _times(text[:first_start])
        end_times = _times(text[second_end:])
        starts = datetime.combine(first_day, _clock(*start_times[0]) if start_times else time())
        if end_times:
            if start_times:
                start_clock, end_clock = _with_meridiem(start_times[0], end_times[0])
                starts = datetime.combine(first_day, start_clock)
            else:
                end_clock = _clock(*end_times[0])
            ends = datetime.combine(second_day, end_clock)
            return starts, ends if ends > starts else None
        return starts, None
    times = _times(text[first_end:]) or _times(text[:first_start])
    if not times:
        return datetime.combine(first_day, time()), None
    if len(times) == 1:
        return datetime.combine(first_day, _clock(*times[0])), None
    start_clock, end_clock = _with_meridiem(times[0], times[1])
    starts, ends = datetime.combine(first_day, start_clock), datetime.combine(first_day, end_clock)
    return starts, ends if ends > starts else None


def programme_item(line: str, day: date, item_id: int) -> AgendaItem | None:
    """An agenda item from one line of the programme; None when the line holds no title."""
    minutes = 0
    planned = _PLANNED.search(line)
    if planned is not None:
        minutes = min(int(planned["minutes"]), _MAX_PLANNED)
        line = line[: planned.start()]
    started_at = ended_at = None
    times = _PROGRAMME_TIMES.match(line)
    if times is not None:
        start = (int(times["h1"]), int(times["m1"]), (times["ap1"] or "").lower() or None)
        valid = start[0] <= 23 and start[1] <= 59
        if times["h2"] is not None:
            end = (int(times["h2"]), int(times["m2"]), (times["ap2"] or "").lower() or None)
            valid = valid and end[0] <= 23 and end[1] <= 59
            if valid:
                start_clock, end_clock = _with_meridiem(start, end)
                started_at = datetime.combine(day, start_clock)
                ended_at = datetime.combine(day, end_clock)
                if ended_at < started_at:  # past midnight
                    ended_at += timedelta(days=1)
        elif valid:
            started_at = datetime.combine(day, _clock(*start))
        if valid:
            line = line[times.end() :]
    title = clean_text(line.strip())
    if not title:
        return None
    return AgendaItem(item_id, title, minutes, started_at, ended_at)
