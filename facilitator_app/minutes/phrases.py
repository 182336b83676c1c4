"""The wording of the minutes in Czech and English: every sentence and label the exporters print.

Czech follows the seed minutes word for word. English is British (the document language is
en-GB) with the same structure: ``Date: 19 May 2026 from 1 pm``, ``from 1:30 pm``, ``from 1 to
4 pm``, ``from 11 am to 1 pm`` (12-hour clock with am/pm, no leading zeros, minutes only when
not a whole hour, the meridiem written once when both times share it).

The programme lists clock times with their minutes always: ``13:00–13:25`` in Czech,
``1:00–1:25 pm`` and ``11:30 am–12:10 pm`` in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from facilitator_app.workshop.model import LANGUAGES, AgendaItem, Quadrant, RemarkStatus

_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Phrases:
    """Labels and sentences of the minutes in one language."""

    language: str
    docx_language: str  # the w:lang / BCP 47 tag of the text, e.g. "cs-CZ"
    date_label: str
    place_label: str
    participants_label: str
    facilitator_label: str
    swot_heading: str  # the first meeting's section, before the vision
    quadrant_names: dict[Quadrant, str]  # the SWOT's four cells, in Quadrant's order
    problems_heading: str  # under each theme's SWOT
    sources_label: str  # before the SWOT items a problem comes from
    follows_meeting: str  # the meeting whose file this one was made from: ``{date}``
    vision_heading: str
    activities_heading: str
    # Under the activities heading of numbered minutes (``--numbered``): whose tree the
    # numbers are, ``{date}`` the meeting's day; the second when ordered by votes.
    codes_note: str
    codes_note_by_votes: str
    no_remarks: str  # opens VIZE when no theme has a remark
    remarks_intro: str  # opens VIZE before the table of remarks
    vision_result: str  # follows the table of remarks
    remark_columns: tuple[str, str, str, str, str]  # theme, remark, who, status, how settled
    statuses: dict[RemarkStatus, str]
    attendance_heading: str
    attendance_columns: tuple[str, str, str, str]  # name, organisation, attendance, signature
    present: str
    excused: str
    privacy_notice: str
    programme_heading: str  # the agenda as it ran, after the header lines
    planned: str  # "plánováno" / "planned", before the planned minutes of an item that ran
    tasks_heading: str
    task_columns: tuple[str, str, str, str]  # task, who, by when, done
    done_mark: str  # in the done column of a task that is done
    # What the wall shows the room, in the workshop's language (not the facilitator's UI).
    remarks_heading: str
    ranking_heading: str
    agreed_tasks_heading: str
    no_themes_yet: str
    no_vision_yet: str
    no_remarks_yet: str
    no_activities_yet: str
    no_votes_yet: str
    no_tasks_yet: str
    nothing_in_quadrant_yet: str  # an empty quadrant of the SWOT
    no_problems_yet: str
    votes_hidden: str  # the ranking while the facilitator keeps the votes hidden
    due_label: str  # before a task's due date: ``termín: …`` / ``due: …``
    task_done: str  # after ``done_mark`` on a task that is done

    def votes(self, count: int) -> str:
        """``9 hlasů`` / ``9 votes``, with the plural form the number takes."""
        return votes_text(count, self.language)

    def date_line(self, starts_at: datetime, ends_at: datetime | None) -> str:
        """The whole ``Datum: …`` / ``Date: …`` line."""
        return f"{self.date_label}: {when_text(starts_at, ends_at, self.language)}"

    def date_text(self, day: date) -> str:
        """``26. 5. 2026`` / ``26 May 2026``."""
        return _cs_date(day) if self.language == "cs" else _en_date(day)

    def programme_line(self, item: AgendaItem) -> str:
        """One item of the programme, without its title's text cleaned (the caller does).

        ``13:00–13:25 Zahájení (plánováno 20 min)`` when it ran, ``13:00 Zahájení (plánováno
        20 min)`` when it was still running, ``Zahájení (20 min)`` when it did not run (or its
        recorded times make no sense: an end without a start or before it), and the title
        alone without planned minutes.
        """
        times = programme_times(item.started_at, item.ended_at, self.language)
        minutes = item.planned_minutes
        line = item.title
        if times:
            line = f"{times} {line}"
            if minutes:
                line += f" ({self.planned} {minutes} min)"
        elif minutes:
            line += f" ({minutes} min)"
        return line


CZECH = Phrases(
    language="cs",
    docx_language="cs-CZ",
    date_label="Datum",
    place_label="Místo",
    participants_label="Počet účastníků",
    facilitator_label="Facilitátor",
    swot_heading="SWOT ANALÝZA",
    quadrant_names={
        Quadrant.STRENGTHS: "Silné stránky",
        Quadrant.WEAKNESSES: "Slabé stránky",
        Quadrant.OPPORTUNITIES: "Příležitosti",
        Quadrant.THREATS: "Hrozby",
    },
    problems_heading="Problémy",
    sources_label="vychází z",
    follows_meeting="Jednání navazuje na jednání pracovní skupiny ze dne {date}.",
    vision_heading="VIZE",
    activities_heading="NÁVRHY AKTIVIT",
    codes_note="Čísla aktivit odpovídají stromu aktivit z jednání dne {date}.",
    codes_note_by_votes=(
        "Aktivity jsou seřazeny podle počtu hlasů; jejich čísla odpovídají stromu aktivit "
        "z jednání dne {date}."
    ),
    no_remarks=(
        "K návrhu vize nebyly na jednání vzneseny žádné připomínky. Výsledné znění vize po "
        "projednání a zapracování všech obdržených připomínek je:"
    ),
    remarks_intro="K návrhu vize byly vzneseny tyto připomínky:",
    vision_result=(
        "Výsledné znění vize po projednání a zapracování všech obdržených připomínek je:"
    ),
    remark_columns=("Téma", "Připomínka", "Kdo", "Stav", "Vypořádání"),
    statuses={
        RemarkStatus.PENDING: "nevypořádáno",
        RemarkStatus.ACCEPTED: "akceptováno",
        RemarkStatus.PARTLY: "částečně akceptováno",
        RemarkStatus.REJECTED: "neakceptováno",
        RemarkStatus.NOTED: "vzato na vědomí",
    },
    attendance_heading="PREZENČNÍ LISTINA",
    attendance_columns=("Jméno", "Organizace", "Účast", "Podpis"),
    present="přítomen/a",
    excused="omluven/a",
    privacy_notice=(
        "Osobní údaje v této prezenční listině se zpracovávají jen k doložení účasti na jednání."
    ),
    programme_heading="PROGRAM",
    planned="plánováno",
    tasks_heading="ÚKOLY",
    task_columns=("Úkol", "Kdo", "Termín", "Splněno"),
    done_mark="✓",
    remarks_heading="Připomínky",
    ranking_heading="Pořadí podle hlasů",
    agreed_tasks_heading="Dohodnuté úkoly",
    no_themes_yet="Zatím žádná témata",
    no_vision_yet="(vize zatím není napsána)",
    no_remarks_yet="K tomuto tématu zatím nejsou připomínky",
    no_activities_yet="Zatím žádné aktivity",
    no_votes_yet="Zatím se nehlasovalo",
    no_tasks_yet="Zatím žádné úkoly",
    nothing_in_quadrant_yet="(zatím nic)",
    no_problems_yet="Zatím žádné problémy",
    votes_hidden="Hlasy jsou zatím skryté",
    due_label="termín",
    task_done="splněno",
)

ENGLISH = Phrases(
    language="en",
    docx_language="en-GB",
    date_label="Date",
    place_label="Venue",
    participants_label="Participants",
    facilitator_label="Facilitator",
    swot_heading="SWOT ANALYSIS",
    quadrant_names={
        Quadrant.STRENGTHS: "Strengths",
        Quadrant.WEAKNESSES: "Weaknesses",
        Quadrant.OPPORTUNITIES: "Opportunities",
        Quadrant.THREATS: "Threats",
    },
    problems_heading="Problems",
    sources_label="from",
    follows_meeting="This meeting follows the group's meeting of {date}.",
    vision_heading="VISION",
    activities_heading="PROPOSED ACTIVITIES",
    codes_note="Activity numbers are those of the activity tree of the meeting on {date}.",
    codes_note_by_votes=(
        "The activities are ordered by votes; their numbers are those of the activity tree "
        "of the meeting on {date}."
    ),
    no_remarks=(
        "No remarks on the draft vision were raised at the meeting. The resulting wording of "
        "the vision, after discussion and incorporation of all remarks received, is:"
    ),
    remarks_intro="The following remarks on the draft vision were raised:",
    vision_result=(
        "The resulting wording of the vision, after discussion and incorporation of all "
        "remarks received, is:"
    ),
    remark_columns=("Theme", "Remark", "Raised by", "Status", "How settled"),
    statuses={
        RemarkStatus.PENDING: "open",
        RemarkStatus.ACCEPTED: "accepted",
        RemarkStatus.PARTLY: "partly accepted",
        RemarkStatus.REJECTED: "not accepted",
        RemarkStatus.NOTED: "noted",
    },
    attendance_heading="ATTENDANCE LIST",
    attendance_columns=("Name", "Organisation", "Attendance", "Signature"),
    present="present",
    excused="excused",
    privacy_notice=(
        "The personal data in this attendance list are processed only to record attendance "
        "at the meeting."
    ),
    programme_heading="PROGRAMME",
    planned="planned",
    tasks_heading="TASKS",
    task_columns=("Task", "Who", "By when", "Done"),
    done_mark="✓",
    remarks_heading="Remarks",
    ranking_heading="Ranking by votes",
    agreed_tasks_heading="Agreed tasks",
    no_themes_yet="No themes yet",
    no_vision_yet="(no vision yet)",
    no_remarks_yet="No remarks on this theme yet",
    no_activities_yet="No activities yet",
    no_votes_yet="No votes yet",
    no_tasks_yet="No tasks yet",
    nothing_in_quadrant_yet="(nothing yet)",
    no_problems_yet="No problems yet",
    votes_hidden="The votes are hidden for now",
    due_label="due",
    task_done="done",
)

_PHRASES = {CZECH.language: CZECH, ENGLISH.language: ENGLISH}  # one for each of LANGUAGES


def phrases_for(language: str) -> Phrases:
    """The wording for ``language`` ("cs" or "en"); ValueError names the choices otherwise."""
    try:
        return _PHRASES[language]
    except KeyError:
        choices = " or ".join(LANGUAGES)
        raise ValueError(f"unknown language {language!r}: choose {choices}") from None


def votes_text(count: int, language: str) -> str:
    """``1 hlas``, ``2 hlasy`` … ``4 hlasy``, ``0 hlasů``, ``5 hlasů``; ``1 vote``, ``2 votes``.

    Czech takes the genitive plural for every number from 5 on (``22 hlasů`` too), unlike
    Polish or Russian, so only 1 and 2-4 are special.
    """
    if language == "cs":
        if count == 1:
            word = "hlas"
        elif 2 <= count <= 4:
            word = "hlasy"
        else:
            word = "hlasů"
    else:
        word = "vote" if count == 1 else "votes"
    return f"{count} {word}"


def _cs_date(moment: date) -> str:
    return f"{moment.day}. {moment.month}. {moment.year}"


def _en_date(moment: date) -> str:
    return f"{moment.day} {_EN_MONTHS[moment.month - 1]} {moment.year}"


def _cs_time(moment: datetime) -> str:
    return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}:{moment.minute:02d}"


def _en_clock(moment: datetime) -> tuple[str, str]:
    """(``1`` or ``1:30``, ``am`` or ``pm``) on the 12-hour clock (noon is 12 pm)."""
    hour = moment.hour % 12 or 12
    digits = f"{hour}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}"
    return digits, "am" if moment.hour < 12 else "pm"


def when_text(starts_at: datetime, ends_at: datetime | None, language: str) -> str:
    """``19. 5. 2026 od 13 hodin`` / ``19 May 2026 from 1 pm``, with the end time when known.

    An end on another day gives a range of two full dates and times; an end that is not after
    the start is ignored (it can only be a slip when typing).
    """
    if ends_at is not None and ends_at <= starts_at:
        ends_at = None
    if language == "cs":
        if ends_at is None:
            return f"{_cs_date(starts_at)} od {_cs_time(starts_at)} hodin"
        if ends_at.date() == starts_at.date():
            return f"{_cs_date(starts_at)} od {_cs_time(starts_at)} do {_cs_time(ends_at)} hodin"
        return (
            f"{_cs_date(starts_at)} {_cs_time(starts_at)} hodin – "
            f"{_cs_date(ends_at)} {_cs_time(ends_at)} hodin"
        )
    start, start_half = _en_clock(starts_at)
    if ends_at is None:
        return f"{_en_date(starts_at)} from {start} {start_half}"
    end, end_half = _en_clock(ends_at)
    if ends_at.date() == starts_at.date():
        if start_half == end_half:
            return f"{_en_date(starts_at)} from {start} to {end} {end_half}"
        return f"{_en_date(starts_at)} from {start} {start_half} to {end} {end_half}"
    return f"{_en_date(starts_at)}, {start} {start_half} – {_en_date(ends_at)}, {end} {end_half}"


def _en_clock_minutes(moment: datetime) -> tuple[str, str]:
    """(``1:00``, ``pm``): the 12-hour clock with the minutes always written."""
    return f"{moment.hour % 12 or 12}:{moment.minute:02d}", "am" if moment.hour < 12 else "pm"


def programme_times(started_at: datetime | None, ended_at: datetime | None, language: str) -> str:
    """``13:00–13:25`` / ``1:00–1:25 pm``, ``13:00`` / ``1:00 pm`` for an item still running,
    or "" when the item did not start (or its end is before its start)."""
    if started_at is None or (ended_at is not None and ended_at < started_at):
        return ""
    if language == "cs":
        start = f"{started_at.hour}:{started_at.minute:02d}"
        if ended_at is None:
            return start
        return f"{start}–{ended_at.hour}:{ended_at.minute:02d}"
    start, start_half = _en_clock_minutes(started_at)
    if ended_at is None:
        return f"{start} {start_half}"
    end, end_half = _en_clock_minutes(ended_at)
    if start_half == end_half and ended_at - started_at < timedelta(hours=12):
        return f"{start}–{end} {end_half}"
    return f"{start} {start_half}–{end} {end_half}"
