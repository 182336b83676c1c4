"""The words of the region summary (.xlsx and .docx) in Czech and English.

The minutes' own wording (``minutes/phrases.py``) is reused for what the two share: the SWOT's
quadrants, the remarks' statuses, present and excused, dates and votes.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator_app.minutes.phrases import CZECH, ENGLISH, Phrases, phrases_for
from facilitator_app.summary.people import Doubt
from facilitator_app.workshop.model import LANGUAGES


@dataclass(frozen=True)
class SummaryPhrases:
    """Sheet names, column headers and headings of the summary in one language."""

    minutes: Phrases  # the minutes' wording in the same language
    date_format: str  # the spreadsheet's number format for a date
    title: str  # the document's title and the workbook's
    # Sheets: names (at most 31 characters, none of []:*?/\) and their columns.
    overview_sheet: str
    overview_columns: tuple[str, ...]  # group, meeting, date, file, present, organisers, …
    all_groups: str  # the group column of the totals per round, below the overview
    activities_sheet: str
    activity_columns: tuple[str, ...]  # group, meeting, date, themes, code, path, text, votes, note
    analysis_sheet: str
    analysis_columns: tuple[str, ...]  # theme, group, meeting, date, kind, text, votes, note
    problem_kind: str  # the kind column of a problem (the SWOT items name their quadrant)
    remarks_sheet: str
    remark_columns: tuple[str, ...]  # theme, group, meeting, date, remark, who, organisation, …
    attendance_sheet: str
    attendance_columns: tuple[str, ...]  # name, organisation, meetings attended
    present_count: str  # the row of head counts above the attendance's header
    person_placeholder: str  # a person in the public version: ``{number}``
    uncertain_sheet: str
    uncertain_columns: tuple[str, ...]  # match, name, organisation, where, doubt
    doubts: dict[Doubt, str]
    meeting_label: str  # a meeting in a column header or a list: ``{round}``, ``{date}``
    # The document.
    groups_heading: str
    groups_columns: tuple[str, str, str, str]  # group, meetings, present, activities
    vision_heading: str
    vision_columns: tuple[str, str]  # group, vision
    no_vision: str
    activities_heading: str
    no_activities: str
    analysis_heading: str
    other_activities_heading: str  # the blocks that name no theme
    path_separator: str = " › "

    @property
    def language(self) -> str:
        return self.minutes.language


CZECH_SUMMARY = SummaryPhrases(
    minutes=CZECH,
    date_format="d. m. yyyy",
    title="Souhrn regionu",
    overview_sheet="Přehled",
    overview_columns=(
        "Skupina", "Setkání", "Datum", "Soubor", "Přítomno", "Z toho organizátoři",
        "Omluveno", "Aktivity", "Položky SWOT", "Problémy", "Připomínky", "Témata s vizí",
    ),
    all_groups="Všechny skupiny",
    activities_sheet="Aktivity",
    activity_columns=(
        "Skupina", "Setkání", "Datum", "Témata bloku", "Kód", "Cesta", "Aktivita", "Hlasy",
        "Poznámka",
    ),
    analysis_sheet="SWOT a problémy",
    analysis_columns=(
        "Téma", "Skupina", "Setkání", "Datum", "Druh", "Text", "Hlasy", "Poznámka",
    ),
    problem_kind="Problém",
    remarks_sheet="Připomínky",
    remark_columns=(
        "Téma", "Skupina", "Setkání", "Datum", "Připomínka", "Kdo", "Organizace", "Stav",
        "Vypořádání",
    ),
    attendance_sheet="Účast",
    attendance_columns=("Jméno", "Organizace", "Počet účastí"),
    present_count="Přítomno",
    person_placeholder="Osoba {number}",
    uncertain_sheet="Nejisté shody",
    uncertain_columns=("Shoda", "Jméno", "Organizace", "Kde", "Proč nejistá"),
    doubts={
        Doubt.ORGANISATION: "stejné jméno, jiná organizace",
        Doubt.NO_ORGANISATION: "stejné jméno, organizace chybí",
        Doubt.SPELLING: "jméno se liší velikostí písmen nebo diakritikou",
    },
    meeting_label="{round}. setkání {date}",
    groups_heading="SKUPINY A JEDNÁNÍ",
    groups_columns=("Skupina", "Jednání", "Přítomno", "Aktivity"),
    vision_heading="Vize",
    vision_columns=("Skupina", "Vize"),
    no_vision="(vize zatím není napsána)",
    activities_heading="Návrhy aktivit",
    no_activities="Zatím žádné aktivity",
    analysis_heading="SWOT analýza a problémy",
    other_activities_heading="AKTIVITY BEZ TÉMATU",
)  # fmt: skip

ENGLISH_SUMMARY = SummaryPhrases(
    minutes=ENGLISH,
    date_format="d mmm yyyy",
    title="Region summary",
    overview_sheet="Overview",
    overview_columns=(
        "Group", "Meeting", "Date", "File", "Present", "Of whom organisers", "Excused",
        "Activities", "SWOT items", "Problems", "Remarks", "Themes with a vision",
    ),
    all_groups="All groups",
    activities_sheet="Activities",
    activity_columns=(
        "Group", "Meeting", "Date", "Block's themes", "Code", "Path", "Activity", "Votes",
        "Note",
    ),
    analysis_sheet="SWOT and problems",
    analysis_columns=(
        "Theme", "Group", "Meeting", "Date", "Kind", "Text", "Votes", "Note",
    ),
    problem_kind="Problem",
    remarks_sheet="Remarks",
    remark_columns=(
        "Theme", "Group", "Meeting", "Date", "Remark", "Raised by", "Organisation", "Status",
        "How settled",
    ),
    attendance_sheet="Attendance",
    attendance_columns=("Name", "Organisation", "Meetings attended"),
    present_count="Present",
    person_placeholder="Person {number}",
    uncertain_sheet="Uncertain matches",
    uncertain_columns=("Match", "Name", "Organisation", "Where", "Why uncertain"),
    doubts={
        Doubt.ORGANISATION: "same name, another organisation",
        Doubt.NO_ORGANISATION: "same name, organisation missing",
        Doubt.SPELLING: "the name differs in case or diacritics",
    },
    meeting_label="meeting {round}, {date}",
    groups_heading="GROUPS AND MEETINGS",
    groups_columns=("Group", "Meetings", "Present", "Activities"),
    vision_heading="Vision",
    vision_columns=("Group", "Vision"),
    no_vision="(no vision yet)",
    activities_heading="Proposed activities",
    no_activities="No activities yet",
    analysis_heading="SWOT analysis and problems",
    other_activities_heading="ACTIVITIES WITHOUT A THEME",
)  # fmt: skip

_SUMMARY_PHRASES = {
    CZECH_SUMMARY.language: CZECH_SUMMARY,
    ENGLISH_SUMMARY.language: ENGLISH_SUMMARY,
}


def summary_phrases_for(language: str) -> SummaryPhrases:
    """The summary's wording for ``language``; ValueError names the choices otherwise."""
    phrases_for(language)  # the one place that words the refusal of an unknown language
    assert set(_SUMMARY_PHRASES) == set(LANGUAGES)
    return _SUMMARY_PHRASES[language]
