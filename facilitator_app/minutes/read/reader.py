"""Read minutes (.docx) back into a workshop: "continue from last meeting".

Reads what ``docx.py`` writes, and Word documents written by hand in the same layout: a title,
the ``Datum:`` / ``Date:`` lines, a PROGRAM / PROGRAMME heading with a line per agenda item, a
VIZE / VISION heading with one heading per theme and its vision below, a NÁVRHY AKTIVIT /
PROPOSED ACTIVITIES heading with, per block, a line of its themes in capitals joined by `` + ``
and a nested bullet list, the table of tasks (ÚKOLY / TASKS) and the attendance table.

How each part is recognised:

- Sections by their heading's words in either language (also as a plain paragraph, with or
  without diacritics, numbered like ``2. VIZE``); any other heading at the same level starts a
  section that is skipped (a chapter of a hand-written document).
- The programme: each paragraph under its heading is an item, ``13:00–13:25 Title (plánováno
  20 min)``, ``1:00–1:25 pm Title (planned 20 min)``, ``13:00 Title`` (started, not ended) or
  ``Title (20 min)`` (planned only). The times are on the workshop's date (an end before its
  start is on the next day), to the minute: the minutes print no seconds.
- The tasks by the table's header row (task, who, by when, done), wherever it is; a done cell
  with a tick, ``x``, ``ano`` or ``yes`` is done. Minutes without the who column (public ones)
  give tasks without owners. Tasks written as a list, not a table, are not read.
- Themes: the headings under VIZE one level below it; the paragraphs after each are its vision
  (a blank line between paragraphs). Tracked changes are read as accepted; the wording before
  them, when it differs, becomes the theme's draft.
- The table of remarks and the attendance list by their header rows, wherever they are.
- The list: a paragraph's depth is where its first line starts (its bullet or number, or its
  text without one): the left indent and the first-line or hanging indent, each set directly,
  by its numbering level, by its style or a style that one is based on, or by the style's
  numbering level; without a number also the tabs and spaces that open the line. Where first
  lines start alike, the left indent (the text after the bullet) tells, and then the list
  level (``w:ilvl``). Each item hangs under the nearest item before it that is less deep, so
  a level-3 item straight after a level-1 item becomes the latter's child. Lists made of
  Word's "List Bullet", "List Bullet 2"… styles, of one multi-level list, indented by hand, or
  typed with "-" and tabs or spaces all read the same way. Two items whose first lines and
  texts are indented the opposite ways tell no tree: the file is refused, naming them.
- Votes from a trailing ``(5 hlasů)`` / ``(5 votes)``, a note from the italic lines after a
  line break inside the item.

What minutes cannot tell, and what is chosen:

- Attendees come only from the attendance appendix (name, organisation, present or excused).
  The list has no roles: the people the head count ``8 (+1 ORK)`` calls organisers are marked
  so only when exactly that many present people carry the label in their name or
  organisation. Without the appendix there are no attendees, and the head count cannot be
  kept (the app counts attendees; only the organisers' label is kept).
- A remark's "who" is ``author, organisation``; a single value is the author, unless the
  attendance list knows it only as an organisation (public minutes print that alone).
- A theme named only on a block's line (or in the remarks) is made with an empty vision; a
  name in capitals becomes ``Sentence case`` (one short word such as ``ICT`` stays).
- Under the activities heading a plain paragraph is an activity at its indentation, except a
  line in capitals or one naming known themes, which starts a block; a list under another
  heading is read only when the document has no activities heading.
- The opening sentences of VIZE are kept as the workshop's own intro only when they differ
  from the ones the app writes. A date without a time starts at midnight; without a date the
  workshop starts now, like a new one.
- Items the exporter capped at Word's ninth list level come back on the ninth level.

Qt-free: ``convert`` uses it. Everything that cannot be read raises BadInputError naming the
file and the problem.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.minutes.phrases import CZECH, ENGLISH, Phrases, phrases_for
from facilitator_app.minutes.text import clean_text, one_line
from facilitator_app.workshop.dates import year_in_range
from facilitator_app.workshop.errors import BadInputError
from facilitator_app.workshop.model import (
    AgendaItem,
    Attendee,
    Node,
    Remark,
    RemarkStatus,
    Role,
    Task,
    Theme,
    WorkshopData,
    WorkshopDetails,
    renumber_children,
)

__all__ = ["read_minutes"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
Element = Any  # an lxml element of the document (lxml ships no type hints)
# Tag and attribute names of WordprocessingML, with their namespace.
_ABSTRACTNUM = W + "abstractNum"
_ABSTRACTNUMID = W + "abstractNumId"
_BASEDON = W + "basedOn"
_BR = W + "br"
_CR = W + "cr"
_CUSTOMXML = W + "customXml"
_DEFAULT = W + "default"
_DEFAULTTABSTOP = W + "defaultTabStop"
_DEL = W + "del"
_DELTEXT = W + "delText"
_I = W + "i"
_FIRSTLINE = W + "firstLine"
_FIRSTLINECHARS = W + "firstLineChars"
_HANGING = W + "hanging"
_HANGINGCHARS = W + "hangingChars"
_ILVL = W + "ilvl"
_IND = W + "ind"
_INS = W + "ins"
_LEFT = W + "left"
_LEFTCHARS = W + "leftChars"
_LVL = W + "lvl"
_LVLOVERRIDE = W + "lvlOverride"
_MOVEFROM = W + "moveFrom"
_MOVETO = W + "moveTo"
_NAME = W + "name"
_NOBREAKHYPHEN = W + "noBreakHyphen"
_NUM = W + "num"
_NUMID = W + "numId"
_NUMPR = W + "numPr"
_NUMSTYLELINK = W + "numStyleLink"
_OUTLINELVL = W + "outlineLvl"
_P = W + "p"
_PPR = W + "pPr"
_PSTYLE = W + "pStyle"
_PTAB = W + "ptab"
_R = W + "r"
_RPR = W + "rPr"
_RSTYLE = W + "rStyle"
_SDT = W + "sdt"
_SDTCONTENT = W + "sdtContent"
_START = W + "start"
_STARTCHARS = W + "startChars"
_STYLE = W + "style"
_STYLEID = W + "styleId"
_T = W + "t"
_TAB = W + "tab"
_TBL = W + "tbl"
_TC = W + "tc"
_TR = W + "tr"
_TYPE = W + "type"
_VAL = W + "val"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, or an encrypted .docx
_WORD_MAIN = b"wordprocessingml.document.main+xml"
_MAX_VOTES = 2**63 - 1  # SQLite's largest integer
_TOLERANCE = 120  # twips (2 mm): indentations closer than this are the same
_TAB_STOP = 720  # twips; Word's default tab stop when the document sets none
_CHARACTER = 210  # twips; a character of Word's default East Asian font (10.5 pt), the unit of
# the *Chars indents: only how items compare counts, and they use one unit throughout
_SPACES_PER_TAB = 8  # a leading space moves the text by 1/8 tab stop (two spaces are a level)


# -- opening ----------------------------------------------------------------------------------


def read_minutes(path: Path) -> WorkshopData:
    """The workshop in the minutes ``path`` (.docx); BadInputError for anything unreadable."""
    path = Path(path)
    document = _open(path)
    try:
        return _Reader(path, document).read()
    except BadInputError:
        raise
    except RecursionError:
        raise BadInputError(path, "is nested too deeply to be read") from None
    # A Word document can be odd in more ways than any test foresees; whatever it is, the user
    # gets one line that names the file, never a traceback.
    except Exception as error:
        detail = one_line(str(error))[:200]
        raise BadInputError(
            path,
            f"cannot be read as minutes ({type(error).__name__}{': ' if detail else ''}{detail})",
        ) from None


def _open(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "no such file")) from None
    except IsADirectoryError:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "is a folder, not a Word document")
        ) from None
    except OSError as error:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "cannot be read (%1)"), error.strerror or error
        ) from None
    if not data:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "is empty, not a Word document (.docx)")
        )
    if data.startswith(_OLE_MAGIC):
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "is an old Word document (.doc) or a password-protected one: save it in Word as"
                " a .docx without a password",
            ),
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content_types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP(
                "Refusal", "is not a Word document (.docx): the file is not a ZIP package"
            ),
        ) from None
    except KeyError:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "is a ZIP file but not a Word document (.docx)")
        ) from None
    except (OSError, RuntimeError, NotImplementedError) as error:  # encrypted or odd compression
        raise BadInputError(path, f"is a damaged Word document ({one_line(str(error))})") from None
    if _WORD_MAIN not in content_types:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "is a ZIP file but not a Word document (.docx)")
        )
    import docx  # python-docx: loaded only when minutes are read

    try:
        return docx.Document(io.BytesIO(data))
    # python-docx and lxml fail in many ways on a damaged package (KeyError for a missing
    # part, XMLSyntaxError for broken XML, ValueError…): all mean the same to the user.
    except Exception as error:
        detail = one_line(str(error))[:200]
        raise BadInputError(
            path, f"is a damaged Word document{f' ({detail})' if detail else ''}"
        ) from None


# -- words ------------------------------------------------------------------------------------


def _key(text: str) -> str:
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
_SECTIONS: dict[str, tuple[str, str]] = {}  # key -> (section, language)
for _section, _languages in _SECTION_WORDS.items():
    for _language, _words in _languages.items():
        for _word in _words:
            _SECTIONS[_key(_word)] = (_section, _language)
for _phrases in (CZECH, ENGLISH):
    _SECTIONS[_key(_phrases.vision_heading)] = ("vision", _phrases.language)
    _SECTIONS[_key(_phrases.activities_heading)] = ("activities", _phrases.language)
    _SECTIONS[_key(_phrases.attendance_heading)] = ("attendance", _phrases.language)
    _SECTIONS.setdefault(_key(_phrases.programme_heading), ("programme", _phrases.language))
    _SECTIONS[_key(_phrases.tasks_heading)] = ("tasks", _phrases.language)

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
_LABELS: dict[str, tuple[str, str | None]] = {}  # key -> (field, language)
for _field, _by_language in _LABEL_WORDS.items():
    for _lang, _words in _by_language.items():
        for _word in _words:
            _LABELS.setdefault(_key(_word), (_field, _lang))
for _phrases in (CZECH, ENGLISH):
    for _field, _label in (
        ("date", _phrases.date_label),
        ("place", _phrases.place_label),
        ("participants", _phrases.participants_label),
    ):
        _LABELS[_key(_label)] = (_field, _phrases.language)

# Table header words -> column meaning.
_REMARK_COLUMNS = {
    "theme": ("tema", "theme", "oblast"),
    "text": ("pripominka", "remark", "comment", "pripominky", "remarks"),
    "who": ("kdo", "raised by", "autor", "author", "who"),
    "status": ("stav", "status"),
    "response": ("vyporadani", "how settled", "response", "reakce", "settlement"),
}
_ATTENDANCE_COLUMNS = {
    "name": ("jmeno", "jmeno a prijmeni", "name", "ucastnik", "participant"),
    "organization": ("organizace", "organisation", "organization", "instituce", "institution"),
    "present": ("ucast", "attendance", "pritomnost", "presence"),
    "signature": ("podpis", "signature"),
}
_TASK_COLUMNS = {
    "text": ("ukol", "ukoly", "task", "tasks", "action", "co"),
    "owner": ("kdo", "who", "owner", "odpovida", "zodpovida", "responsible"),
    "due": ("termin", "do kdy", "by when", "due", "due date", "deadline"),
    "done": ("splneno", "hotovo", "done", "completed"),
}
for _phrases in (CZECH, ENGLISH):
    for _meaning, _word in zip(
        ("text", "owner", "due", "done"), _phrases.task_columns, strict=True
    ):
        _TASK_COLUMNS[_meaning] += (_key(_word),)
    for _meaning, _word in zip(
        ("theme", "text", "who", "status", "response"), _phrases.remark_columns, strict=True
    ):
        _REMARK_COLUMNS[_meaning] += (_key(_word),)
    for _meaning, _word in zip(
        ("name", "organization", "present", "signature"), _phrases.attendance_columns, strict=True
    ):
        _ATTENDANCE_COLUMNS[_meaning] += (_key(_word),)

_STATUSES: dict[str, RemarkStatus] = {}
for _phrases in (CZECH, ENGLISH):
    for _status, _word in _phrases.statuses.items():
        _STATUSES[_key(_word)] = _status
for _status in RemarkStatus:
    _STATUSES.setdefault(_key(_status.value), _status)

_EXCUSED = ("omluv", "excus", "absent", "nepritom", "chyb")  # starts of the words for "not there"
_DONE = ("✓", "✔", "☑", "☒", "x", "ano", "yes", "hotovo", "splneno", "done", "true")

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

_VOTES = re.compile(
    r"\s*\(\s*([0-9]{1,19})\s*(hlas|hlasy|hlasu|hlasů|vote|votes|hl\.)\s*\)\s*$", re.IGNORECASE
)
_MANUAL_BULLET = re.compile(r"^(?:[-–—•◦▪▫·*○●■□➢►▸→✓]|\d+(?:\.\d+)*[.)]|[a-z]\))\s+")

# -- dates and times ---------------------------------------------------------------------------

_CS_MONTHS = (
    "ledna", "unora", "brezna", "dubna", "kvetna", "cervna",
    "cervence", "srpna", "zari", "rijna", "listopadu", "prosince",
)  # fmt: skip
_EN_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


def _month(name: str) -> int | None:
    word = _key(name).rstrip(".")
    for months in (_CS_MONTHS, _EN_MONTHS):
        if word in months:
            return months.index(word) + 1
    if len(word) >= 3:
        for number, month in enumerate(_EN_MONTHS, start=1):
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


def _dates(text: str) -> list[tuple[int, int, date]]:
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
    days = _dates(text)
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


# -- measures, styles and numbering --------------------------------------------------------------


def _twips(value: str | None) -> int | None:
    """A Word measure in twips: ``720``, or a universal measure such as ``1.27cm``."""
    if not value:
        return None
    match = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?\s*", value)
    if match is None:
        return None
    number = float(match[1])
    factor = {None: 1.0, "mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440.0, "pt": 20.0,
              "pc": 240.0, "pi": 240.0}[match[2]]  # fmt: skip
    return round(number * factor)


_Indent = tuple[int | None, int | None]  # (left, first line), twips; None where not set


def _indent(properties: Element | None) -> _Indent:
    """(left, first line) as a pPr sets them: the left indent, and the first line's offset
    from it (negative for a hanging indent); None for what it leaves to its style."""
    ind = properties.find(_IND) if properties is not None else None
    if ind is None:
        return None, None

    def measure(twips: str, characters: str) -> int | None:
        count = _int(ind.get(characters))  # hundredths of a character; wins over twips
        if count:
            return count * _CHARACTER // 100
        return _twips(ind.get(twips))

    left = measure(_LEFT, _LEFTCHARS)
    if left is None:
        left = measure(_START, _STARTCHARS)
    hanging = measure(_HANGING, _HANGINGCHARS)  # a hanging indent wins over a first-line one
    return left, -hanging if hanging is not None else measure(_FIRSTLINE, _FIRSTLINECHARS)


def _on(element: Element | None) -> bool | None:
    """A toggle such as ``w:i``: None when absent."""
    if element is None:
        return None
    return element.get(_VAL, "true").lower() not in ("0", "false", "off", "none")


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


@dataclass
class _Style:
    name: str  # lower-case
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    indent: _Indent
    outline: int | None
    italic: bool | None


_HEADING_NAME = re.compile(r"^(?:heading|nadpis)\s*(\d)$")
_LIST_STYLE_NAME = re.compile(r"^list (?:bullet|number|continue)\s*(\d)$|^list\s*(\d)$")


class _Styles:
    """The document's styles, each property looked up through its basedOn chain."""

    def __init__(self, element: Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        if element is None:
            return
        for style in element.iterfind(_STYLE):
            style_id = style.get(_STYLEID)
            if not style_id:
                continue
            name_element = style.find(_NAME)
            name = (name_element.get(_VAL, "") if name_element is not None else "").lower()
            based = style.find(_BASEDON)
            ppr = style.find(_PPR)
            num_pr = ppr.find(_NUMPR) if ppr is not None else None
            num_id = ilvl = None
            if num_pr is not None:
                num_element, ilvl_element = num_pr.find(_NUMID), num_pr.find(_ILVL)
                num_id = num_element.get(_VAL) if num_element is not None else None
                ilvl = _int(ilvl_element.get(_VAL)) if ilvl_element is not None else None
            outline = ppr.find(_OUTLINELVL) if ppr is not None else None
            rpr = style.find(_RPR)
            self.styles[style_id] = _Style(
                name=name,
                based_on=based.get(_VAL) if based is not None else None,
                num_id=num_id,
                ilvl=ilvl,
                indent=_indent(ppr),
                outline=_int(outline.get(_VAL)) if outline is not None else None,
                italic=_on(rpr.find(_I)) if rpr is not None else None,
            )
            default = style.get(_DEFAULT, "").lower() in ("1", "true", "on")
            if default and style.get(_TYPE) == "paragraph":
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        """0 for a title, N for Heading N (or an outline level N - 1), None otherwise."""
        if style_id is not None and style_id not in self.styles:
            # A style the document uses but does not define: its id still says what it is
            # ("Heading2" from English Word, "Nadpis2" from Czech Word).
            match = re.fullmatch(r"(?:heading|nadpis)\s*(\d)", style_id.lower())
            if match:
                return int(match[1])
            return 0 if style_id.lower() in ("title", "nazev", "název") else None
        for style in self.chain(style_id):
            if style.name in ("title", "název"):
                return 0
            match = _HEADING_NAME.match(style.name)
            if match:
                return int(match[1])
            if style.outline is not None and 0 <= style.outline < 9:
                return style.outline + 1
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        num_id: str | None = None
        ilvl: int | None = None
        for style in self.chain(style_id):
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
        return num_id, ilvl

    def indent(self, style_id: str | None) -> _Indent:
        """(left, first line) from the style's chain: each from the nearest style that sets it."""
        chain = list(self.chain(style_id))
        return (
            next((s.indent[0] for s in chain if s.indent[0] is not None), None),
            next((s.indent[1] for s in chain if s.indent[1] is not None), None),
        )

    def italic(self, style_id: str | None) -> bool | None:
        return next((s.italic for s in self.chain(style_id) if s.italic is not None), None)

    def list_name_level(self, style_id: str | None) -> int:
        """1 for "List Bullet 2", 2 for "List Number 3"… (0 otherwise)."""
        for style in self.chain(style_id):
            match = _LIST_STYLE_NAME.match(style.name)
            if match:
                return max(int(match[1] or match[2]) - 1, 0)
        return 0


class _Numbering:
    """numId -> its levels' format and indentation (numbering.xml)."""

    def __init__(self, element: Element | None, styles: _Styles) -> None:
        self.abstract: dict[str, dict[int, Element]] = {}
        self.links: dict[str, str] = {}  # abstractNumId -> numbering style id (numStyleLink)
        self.nums: dict[str, tuple[str, dict[int, Element]]] = {}
        self.styles = styles
        if element is None:
            return
        for abstract in element.iterfind(_ABSTRACTNUM):
            abstract_id = abstract.get(_ABSTRACTNUMID, "")
            levels = {}
            for level in abstract.iterfind(_LVL):
                number = _int(level.get(_ILVL))
                if number is not None:
                    levels[number] = level
            self.abstract[abstract_id] = levels
            link = abstract.find(_NUMSTYLELINK)
            if link is not None and link.get(_VAL):
                self.links[abstract_id] = link.get(_VAL)
        for num in element.iterfind(_NUM):
            abstract_element = num.find(_ABSTRACTNUMID)
            if abstract_element is None:
                continue
            overrides = {}
            for override in num.iterfind(_LVLOVERRIDE):
                level = override.find(_LVL)
                number = _int(override.get(_ILVL))
                if level is not None and number is not None:
                    overrides[number] = level
            self.nums[num.get(_NUMID, "")] = (abstract_element.get(_VAL, ""), overrides)

    def level(self, num_id: str, ilvl: int) -> Element | None:
        seen: set[str] = set()
        while num_id in self.nums and num_id not in seen:
            seen.add(num_id)
            abstract_id, overrides = self.nums[num_id]
            if ilvl in overrides:
                return overrides[ilvl]
            if abstract_id in self.links:  # the levels live in a numbering style's list
                linked, _ = self.styles.numbering(self.links[abstract_id])
                if linked is not None and linked != num_id:
                    num_id = linked
                    continue
            return self.abstract.get(abstract_id, {}).get(ilvl)
        return None

    def exists(self, num_id: str) -> bool:
        return num_id in self.nums


# -- the body as paragraphs and tables ------------------------------------------------------------


@dataclass
class _Paragraph:
    pieces: list[tuple[str, bool]]  # text pieces, each italic or not; "\n" is a line break
    draft: str  # the text before its tracked changes (the same when it has none)
    heading: int | None  # 0 title, N heading N
    listed: bool  # a numbered or bulleted paragraph (Word's numbering)
    ilvl: int
    indent: int  # twips: where its first line starts (the number, or the text), with tabs
    left: int  # twips: where its text goes on (after the number, on the lines below)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


@dataclass
class _Table:
    rows: list[list[str]]


_Item = _Paragraph | _Table

_INLINE_CONTAINERS = frozenset(
    f"{W}{tag}"
    for tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent")
)


@dataclass(frozen=True)
class _ResolvedStyle:
    heading: int | None
    italic: bool
    num_id: str | None
    ilvl: int | None
    name_level: int
    indent: _Indent


class _Body:
    """Turns the document's body into _Paragraph and _Table items."""

    def __init__(self, document: Any) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        self.styles = _Styles(document.styles.element)
        try:
            numbering = document.part.part_related_by(RT.NUMBERING).element
        except (KeyError, AttributeError):
            numbering = None
        self.numbering = _Numbering(numbering, self.styles)
        settings = document.settings.element
        stop = settings.find(_DEFAULTTABSTOP) if settings is not None else None
        self.tab_stop = (_twips(stop.get(_VAL)) if stop is not None else None) or _TAB_STOP
        self.body = document.element.body
        self.resolved: dict[str | None, _ResolvedStyle] = {}

    def _resolved(self, style_id: str | None) -> _ResolvedStyle:
        """What a paragraph takes from its style, looked up once per style."""
        found = self.resolved.get(style_id)
        if found is None:
            styles = self.styles
            num_id, ilvl = styles.numbering(style_id)
            found = _ResolvedStyle(
                heading=styles.heading_level(style_id),
                italic=bool(styles.italic(style_id)),
                num_id=num_id,
                ilvl=ilvl,
                name_level=styles.list_name_level(style_id),
                indent=styles.indent(style_id),
            )
            self.resolved[style_id] = found
        return found

    def items(self) -> Iterator[_Item]:
        yield from self._blocks(self.body)

    def _blocks(self, parent: Element) -> Iterator[_Item]:
        for child in parent:
            tag = child.tag
            if tag == _P:
                yield self.paragraph(child)
            elif tag == _TBL:
                yield _Table(self.rows(child))
            elif tag == _SDT:
                content = child.find(_SDTCONTENT)
                if content is not None:
                    yield from self._blocks(content)
            elif tag in (_CUSTOMXML, _INS, _MOVETO):
                yield from self._blocks(child)

    def rows(self, table: Element) -> list[list[str]]:
        rows = []
        for row in table.iterfind(_TR):
            cells = []
            for cell in row.iterfind(_TC):
                texts = [self.paragraph(p).text for p in cell.iterfind(_P)]
                cells.append("\n".join(t for t in texts if t.strip()).strip())
            rows.append(cells)
        return rows

    def paragraph(self, element: Element) -> _Paragraph:
        ppr = element.find(_PPR)
        style_element = ppr.find(_PSTYLE) if ppr is not None else None
        style_id = (
            style_element.get(_VAL) if style_element is not None else None
        ) or self.styles.default_paragraph
        style = self._resolved(style_id)
        heading = style.heading
        outline = ppr.find(_OUTLINELVL) if ppr is not None else None
        if outline is not None:
            level = _int(outline.get(_VAL))
            heading = level + 1 if level is not None and 0 <= level < 9 else heading

        base_italic = style.italic
        pieces: list[tuple[str, bool]] = []
        self._inline(element, pieces, base_italic, final=True)
        has_changes = any(True for _ in element.iter(_INS, _DEL, _MOVEFROM))
        if has_changes:
            draft_pieces: list[tuple[str, bool]] = []
            self._inline(element, draft_pieces, base_italic, final=False)
            draft = "".join(text for text, _ in draft_pieces)
        else:
            draft = "".join(text for text, _ in pieces)

        # Numbering: direct w:numPr, else the style's; numId 0 switches it off.
        style_num, style_ilvl = style.num_id, style.ilvl
        num_pr = ppr.find(_NUMPR) if ppr is not None else None
        direct_num = direct_ilvl = None
        if num_pr is not None:
            num_element, ilvl_element = num_pr.find(_NUMID), num_pr.find(_ILVL)
            direct_num = num_element.get(_VAL) if num_element is not None else None
            direct_ilvl = _int(ilvl_element.get(_VAL)) if ilvl_element is not None else None
        num_id = direct_num if direct_num is not None else style_num
        num_level = direct_ilvl if direct_ilvl is not None else (style_ilvl or 0)
        num_level = min(max(num_level, 0), 8)
        listed = (
            heading is None
            and num_id is not None
            and num_id != "0"
            and self.numbering.exists(num_id)
        )
        # "List Bullet 2" with a numbering of its own at level 0 is still the second level.
        ilvl = max(num_level, style.name_level)

        # The visible indentation, its left indent and its first line's each: direct, else
        # the numbering level's when numbered directly, else the style's, else the style's
        # numbering level's.
        level_indent: _Indent = (None, None)
        if listed and num_id is not None:
            level = self.numbering.level(num_id, num_level)
            level_indent = _indent(level.find(_PPR)) if level is not None else (None, None)
        sources = [_indent(ppr), *([level_indent] if direct_num is not None else [])]
        sources += [style.indent, level_indent]
        left = next((source[0] for source in sources if source[0] is not None), 0)
        first = next((source[1] for source in sources if source[1] is not None), 0)
        start = left + first
        if not listed:
            # Without a number the first line is what shows (its left indent only on the
            # lines it wraps to), moved by the tabs and spaces that open it.
            text = "".join(t for t, _ in pieces)
            for character in text[: len(text) - len(text.lstrip("\t "))]:
                if character == "\t":  # to the next tab stop, or to a hanging indent
                    stop = (start // self.tab_stop + 1) * self.tab_stop
                    start = min(stop, left) if left > start else stop
                else:
                    start += self.tab_stop // _SPACES_PER_TAB
            left = start
        return _Paragraph(
            pieces=pieces,
            draft=draft,
            heading=heading,
            listed=listed,
            ilvl=ilvl,
            indent=start,
            left=left,
        )

    def _inline(
        self, parent: Element, out: list[tuple[str, bool]], base_italic: bool, *, final: bool
    ) -> None:
        for child in parent:
            tag = child.tag
            if tag == _R:
                self._run(child, out, base_italic)
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, out, base_italic, final=final)
            elif tag == _SDT:
                content = child.find(_SDTCONTENT)
                if content is not None:
                    self._inline(content, out, base_italic, final=final)
            elif tag in (_INS, _MOVETO):
                if final:
                    self._inline(child, out, base_italic, final=final)
            elif tag in (_DEL, _MOVEFROM) and not final:
                self._inline(child, out, base_italic, final=final)

    def _run(self, run: Element, out: list[tuple[str, bool]], base_italic: bool) -> None:
        rpr = run.find(_RPR)
        italic = _on(rpr.find(_I)) if rpr is not None else None
        if italic is None and rpr is not None:
            run_style = rpr.find(_RSTYLE)
            if run_style is not None:
                italic = self.styles.italic(run_style.get(_VAL))
        if italic is None:
            italic = base_italic
        for child in run:
            tag = child.tag
            if tag in (_T, _DELTEXT):
                if child.text:
                    out.append((child.text, italic))
            elif tag in (_TAB, _PTAB):
                out.append(("\t", italic))
            elif tag in (_BR, _CR):
                out.append(("\n", italic))
            elif tag == _NOBREAKHYPHEN:
                out.append(("-", italic))


# -- reading the minutes ---------------------------------------------------------------------------


_Depth = tuple[int, int, int]  # where an item's first line starts, its left indent, list level


@dataclass
class _Block:
    """A block being read, with the path from its node down to the last item read."""

    node: Node
    stack: list[tuple[_Depth, Node]] = field(default_factory=list)


def _order(first: int, second: int) -> int:
    """1 when the indentation ``first`` is deeper than ``second``, -1 shallower, 0 alike."""
    if abs(first - second) <= _TOLERANCE:
        return 0
    return 1 if first > second else -1


def _deeper(first: _Depth, second: _Depth) -> int | None:
    """1 when ``first`` is deeper than ``second``, -1 shallower, 0 alike; None when their
    first lines and their left indents tell the opposite.

    The first line (the bullet, or the text without one) decides; where it starts alike, the
    left indent (the text after the bullet, the wrapped lines), then the list level.
    """
    start, left = _order(first[0], second[0]), _order(first[1], second[1])
    if start and left and start != left:
        return None
    return start or left or (first[2] > second[2]) - (first[2] < second[2])


def _excerpt(text: str, limit: int = 40) -> str:
    """The start of an item's text, to name it in a message."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sentence_case(name: str) -> str:
    """A theme name from a line in capitals: ``VODNÍ HOSPODÁŘSTVÍ`` -> ``Vodní hospodářství``.

    A single short word (``ICT``, ``IZS``) is an abbreviation and stays as it is.
    """
    if name != name.upper() or name == name.lower():
        return name
    if len(name.split()) == 1 and len(name) <= 4:
        return name
    lower = name.lower()
    return lower[:1].upper() + lower[1:]


def _theme_key(name: str) -> str:
    """A theme's name for finding it again: in any case, with " + " as a block's line has it."""
    return " ".join(re.sub(r"\s*\+\s*", " + ", name).casefold().split())


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and text == text.upper() and text != text.lower()


class _Reader:
    """Reads the body's items in order, one section at a time."""

    def __init__(self, path: Path, document: Any) -> None:
        self.path = path
        self.document = document
        self.data = WorkshopData(details=WorkshopDetails())
        self.evidence = {"cs": 0, "en": 0}  # words of each language among headings and labels
        self.themes: dict[str, Theme] = {}  # _theme_key(name) -> theme
        self.next_node_id = 1
        self.next_remark_id = 1
        self.recognised = False  # a heading, a section, a list or a date line was seen
        # where the reader is
        self.state = "head"  # head, vision, activities, loose, attendance or other
        self.level = 0  # the heading level of the current section (0 for a plain paragraph)
        self.section_level: int | None = None  # the level of the first section heading
        self.has_activities = False
        self.theme: Theme | None = None
        self.theme_level: int | None = None
        self.block: _Block | None = None
        # what is collected on the way
        self.head: list[_Paragraph] = []
        self.head_tables: list[_Table] = []
        self.intro: list[str] = []
        self.remark_rows: list[dict[str, str]] = []
        self.drafts: dict[int, list[str]] = {}
        self.organizers_present = 0  # M of the head count "N (+M LABEL)"
        self.programme_lines: list[str] = []

    def read(self) -> WorkshopData:
        items = list(_Body(self.document).items())
        self.has_activities = any(
            isinstance(item, _Paragraph) and self._section(item)[0] == "activities"
            for item in items
        )
        for item in items:
            if isinstance(item, _Table):
                if not self._table(item) and self.state == "head":
                    self.head_tables.append(item)
            else:
                self._paragraph(item)
        self._head()
        self._programme()
        self._organizers()
        self._remarks()
        self._finish_visions()
        self._intro()
        if not self.recognised:
            raise BadInputError(
                self.path,
                "has no headings and no bulleted list: nothing in it reads as minutes (a title, "
                "a VIZE or VISION heading with a heading per theme, activities as a bulleted "
                "list)",
            )
        for block in self.data.blocks:
            for node in block.walk():
                renumber_children(node)
        return self.data

    def _paragraph(self, item: _Paragraph) -> None:
        text, heading = item.text, item.heading
        if not text.strip():
            if self.state == "vision" and self.theme is not None and item.draft.strip():
                self.drafts[self.theme.id].append(clean_text(item.draft))  # deleted in full
            return
        if heading is not None or item.listed:
            self.recognised = True
        section, language = self._section(item)
        if section is not None:
            if language:
                self.evidence[language] += 1
            self.recognised = True
            self.state, self.level = section, heading or 0
            if heading is not None and self.section_level is None:
                self.section_level = heading
            self.theme = self.theme_level = self.block = None
            return
        if heading == 0 and self.state != "head":
            return  # a second title: nothing to keep
        if heading is not None and self.state != "head" and heading <= self.level:
            self.state, self.level, self.block = "other", heading, None  # skipped (tasks…)
            return
        if self.state == "head":
            if not item.listed or self.has_activities:
                self.head.append(item)
                return
            self.state, self.level = "loose", 1  # a list without an activities heading
        if self.state == "programme":
            if heading is None:
                self.programme_lines.append(one_line(text))
        elif self.state == "vision":
            self._in_vision(item)
        elif self.state in ("activities", "loose") or (
            self.state == "other" and not self.has_activities
        ):
            self._in_activities(item, loose=self.state != "activities")
        # The tasks, the attendance list and unknown sections: only their tables are read.

    def _section(self, item: _Paragraph) -> tuple[str | None, str]:
        """(programme, vision, activities, tasks or attendance; its language, "" when the
        word tells none) when ``item`` starts a section."""
        if item.listed or len(item.text) > 60:
            return None, ""
        if (
            item.heading is not None
            and self.section_level is not None
            and item.heading > self.section_level
        ):
            return None, ""  # deeper than the sections: a theme or a block's themes
        return _SECTIONS.get(_key(item.text), (None, ""))

    def _in_vision(self, item: _Paragraph) -> None:
        heading = item.heading
        if (
            heading is not None
            and heading > self.level
            and (self.theme_level is None or heading <= self.theme_level)
        ):
            self.theme_level = self.theme_level or heading
            name = one_line(item.text)
            self.theme = self._theme(name)
            self.drafts.setdefault(self.theme.id, [])
        elif self.theme is None:
            self.intro.append(item.text)
        else:
            theme, text = self.theme, clean_text(item.text)
            theme.vision = f"{theme.vision}\n\n{text}" if theme.vision else text
            if item.draft.strip():
                self.drafts[theme.id].append(clean_text(item.draft))

    def _in_activities(self, item: _Paragraph, *, loose: bool) -> None:
        """A block's line of themes, or an activity.

        Under an activities heading every paragraph counts (a plain one is an activity at its
        indentation); elsewhere (a list found without such a heading) only list items do.
        """
        text = item.text
        if item.heading is not None and item.heading > self.level:
            self.block = self._new_block(text)
            return
        if not item.listed:
            if loose:
                return
            if _is_capitals(text) or self._all_themes(text):
                self.block = self._new_block(text)
                return
        if self.block is None:
            self.block = self._new_block(None)
        self._activity(self.block, item)

    # --- words ----------------------------------------------------------------------------

    def _language(self) -> str:
        cs, en = self.evidence["cs"], self.evidence["en"]
        if cs != en:
            return "cs" if cs > en else "en"
        language = (self.document.core_properties.language or "").lower()
        if language.startswith(("cs", "en")):
            return str(language[:2])
        sample = " ".join(t.name for t in self.data.themes) + self.data.details.title
        return "cs" if re.search("[ěščřžůťďňĚŠČŘŽŮŤĎŇ]", sample) else "en"

    # --- head -----------------------------------------------------------------------------

    def _head(self) -> None:
        """The title and the lines under it (date, place, head count, facilitator)."""
        details = self.data.details
        lines: list[tuple[str, str]] = []
        others: list[_Paragraph] = []
        for paragraph in self.head:
            label, _, value = one_line(paragraph.text).partition(":")
            if value.strip() and _key(label) in _LABELS and paragraph.heading is None:
                lines.append((label, value.strip()))
            else:
                others.append(paragraph)
        for table in self.head_tables:  # a table of details: "Datum: | 19. 5. 2026"
            for row in table.rows:
                cells = [one_line(cell) for cell in row if cell.strip()]
                if len(cells) >= 2 and _key(cells[0]) in _LABELS:
                    lines.append((cells[0], " ".join(cells[1:])))
        for label, value in lines:
            name, language = _LABELS[_key(label)]
            if language is None:  # "Facilitátor" / "Facilitator": only the accent tells
                language = "cs" if "á" in label.lower() else "en"
            self.evidence[language] += 1
            if name == "date":
                self.recognised = True
                when = parse_when(value)
                if when is not None:
                    details.starts_at, details.ends_at = when
            elif name == "place":
                details.place = value
            elif name == "facilitator":
                details.facilitator = value
            else:  # the head count, "8 (+1 ORK)": only the organisers' label can be kept
                match = re.search(r"\(\s*\+\s*(\d+)\s+([^)]*?)\s*\)", value)
                if match and match[2]:
                    self.organizers_present = int(match[1])
                    details.organizer_label = match[2]
        title = (
            next((p for p in others if p.heading == 0), None)
            or next((p for p in others if p.heading == 1), None)
            or next((p for p in others if p.heading is not None), None)
            or next(iter(others), None)
        )
        details.title = one_line(title.text) if title is not None else ""
        if not details.title:
            details.title = one_line(self.document.core_properties.title or "") or self.path.stem
        details.language = self._language()

    # --- vision -----------------------------------------------------------------------------

    def _theme(self, name: str) -> Theme:
        """The theme named ``name`` (in any case), created when there is none yet."""
        key = _theme_key(name)
        theme = self.themes.get(key)
        if theme is None:
            theme = Theme(len(self.data.themes) + 1, name)
            self.data.themes.append(theme)
            self.themes[key] = theme
        return theme

    def _finish_visions(self) -> None:
        """A theme whose vision has tracked changes keeps the wording before them as draft."""
        for theme in self.data.themes:
            if theme.id in self.drafts:
                draft = "\n\n".join(self.drafts[theme.id])
                if draft != theme.vision:
                    theme.draft = draft

    def _intro(self) -> None:
        """The sentences opening VIZE, kept when they are not the ones the app generates."""
        if not self.intro:
            return
        phrases: Phrases = phrases_for(self.data.details.language)
        has_remarks = any(theme.remarks for theme in self.data.themes)
        generated = (
            [phrases.remarks_intro, phrases.vision_result] if has_remarks else [phrases.no_remarks]
        )
        texts = [clean_text(text) for text in self.intro]
        if [" ".join(text.split()) for text in texts] != generated:
            self.data.details.vision_intro = "\n\n".join(texts)

    # --- tables -----------------------------------------------------------------------------

    @staticmethod
    def _columns(header: list[str], words: dict[str, tuple[str, ...]]) -> dict[str, int]:
        columns: dict[str, int] = {}
        for index, cell in enumerate(header):
            key = _key(cell)
            for meaning, names in words.items():
                if key in names and meaning not in columns:
                    columns[meaning] = index
        return columns

    def _table(self, table: _Table) -> bool:
        """Read the table of remarks or the attendance list; False for any other table."""
        if not table.rows:
            return False
        header, rows = table.rows[0], table.rows[1:]

        def values(row: list[str], columns: dict[str, int]) -> dict[str, str]:
            return {meaning: row[i] if i < len(row) else "" for meaning, i in columns.items()}

        remark = self._columns(header, _REMARK_COLUMNS)
        if "text" in remark and len(remark) >= 2:
            self.remark_rows += [values(row, remark) for row in rows]
            return True
        task = self._columns(header, _TASK_COLUMNS)
        if "text" in task and len(task) >= 2:
            self.recognised = True
            for row in rows:
                self._task(values(row, task))
            return True
        attendance = self._columns(header, _ATTENDANCE_COLUMNS)
        if "name" not in attendance or len(attendance) < 2:
            return False
        self.recognised = True
        for row in rows:
            cells = values(row, attendance)
            name = one_line(cells["name"])
            if name:
                self.data.attendees.append(
                    Attendee(
                        id=len(self.data.attendees) + 1,
                        name=name,
                        organization=one_line(cells.get("organization", "")),
                        present=not _key(cells.get("present", "")).startswith(_EXCUSED),
                    )
                )
        return True

    def _task(self, cells: dict[str, str]) -> None:
        text = clean_text(cells["text"].strip())
        if not text:
            return
        days = _dates(cells.get("due", ""))
        self.data.tasks.append(
            Task(
                len(self.data.tasks) + 1,
                text,
                one_line(cells.get("owner", "")),
                days[0][2] if days else None,
                _key(cells.get("done", "")) in _DONE,
            )
        )

    # --- programme ----------------------------------------------------------------------------

    def _programme(self) -> None:
        """The agenda items from the programme's lines, their times on the workshop's date."""
        day = self.data.details.starts_at.date()
        for line in self.programme_lines:
            item = _programme_item(line, day, len(self.data.agenda) + 1)
            if item is not None:
                self.data.agenda.append(item)

    def _remarks(self) -> None:
        """Remarks go to their theme (made when VIZE has no such heading); a row without a
        theme continues the theme of the row above."""
        theme: Theme | None = None
        for cells in self.remark_rows:
            text = cells.get("text", "").strip()
            name = one_line(cells.get("theme", ""))
            if name:
                theme = self._theme(name)
            if theme is None or not text:
                continue
            author, organization = self._who(one_line(cells.get("who", "")))
            status = _STATUSES.get(_key(cells.get("status", "")), RemarkStatus.PENDING)
            theme.remarks.append(
                Remark(
                    self.next_remark_id,
                    clean_text(text),
                    author.strip(),
                    organization.strip(),
                    status,
                    clean_text(cells.get("response", "").strip()),
                )
            )
            self.next_remark_id += 1

    def _who(self, who: str) -> tuple[str, str]:
        """(author, organisation) from ``Jan Novák, KÚLK``, ``Jan Novák`` or ``KÚLK``.

        A single value is the author unless it is only known as an organisation in the
        attendance list (public minutes print the organisation alone).
        """
        author, _, organization = who.partition(", ")
        if not organization:
            names = {attendee.name for attendee in self.data.attendees}
            organizations = {attendee.organization for attendee in self.data.attendees}
            if author in organizations and author not in names:
                return "", author
        return author.strip(), organization.strip()

    def _organizers(self) -> None:
        """Mark the organisers the head count tells of (``8 (+1 ORK)``), when the attendance
        list shows exactly that many present people with the label in their name or
        organisation; otherwise everyone stays a participant (the list has no roles)."""
        count, label = self.organizers_present, self.data.details.organizer_label
        if not count or not label.strip():
            return
        pattern = re.compile(rf"(?<!\w){re.escape(label.strip())}(?!\w)", re.IGNORECASE)
        marked = [
            attendee
            for attendee in self.data.attendees
            if attendee.present and pattern.search(f"{attendee.name} {attendee.organization}")
        ]
        if len(marked) == count:
            for attendee in marked:
                attendee.role = Role.ORGANIZER

    # --- activities ---------------------------------------------------------------------------

    def _split_names(self, text: str) -> list[str]:
        """The theme names in a block's line, split at "+" (a known name may hold a "+")."""
        parts = [part.strip() for part in text.split("+")]
        parts = [part for part in parts if part]
        names: list[str] = []
        start = 0
        while start < len(parts):
            end = next(
                end
                for end in range(len(parts), start, -1)
                if end == start + 1 or _theme_key(" + ".join(parts[start:end])) in self.themes
            )
            names.append(" + ".join(parts[start:end]))
            start = end
        return names

    def _all_themes(self, text: str) -> bool:
        names = self._split_names(one_line(text))
        return bool(names) and all(_theme_key(name) in self.themes for name in names)

    def _new_block(self, text: str | None) -> _Block:
        """A block with the themes named in ``text``; a theme not under VIZE is made here."""
        themes: list[Theme] = []
        for name in self._split_names(one_line(text)) if text else []:
            theme = self.themes.get(_theme_key(name)) or self._theme(_sentence_case(name))
            if theme not in themes:
                themes.append(theme)
        node = Node(self.next_node_id, theme_ids=[t.id for t in themes], parent=self.data.root)
        node.position = len(self.data.root.children)
        self.next_node_id += 1
        self.data.root.children.append(node)
        return _Block(node)

    def _activity(self, block: _Block, item: _Paragraph) -> None:
        """Hang the item under the nearest item before it that is less deep."""
        parsed = _parse_activity(item)
        if parsed is None:
            return
        text, note, votes = parsed
        key = (item.indent, item.left, item.ilvl)
        stack = block.stack

        def deeper(above: tuple[_Depth, Node]) -> int:
            order = _deeper(above[0], key)
            if order is None:  # a tree either way: refused, never guessed
                raise BadInputError(
                    self.path,
                    QT_TRANSLATE_NOOP(
                        "Refusal",
                        'the level of the activity "%1" cannot be told: its first line is'
                        ' indented more than that of "%2" above it and its text less, or the'
                        " other way round (indent the items of one level alike)",
                    ),
                    _excerpt(text),
                    _excerpt(above[1].text),
                )
            return order

        while stack and deeper(stack[-1]) > 0:
            stack.pop()
        if stack and deeper(stack[-1]) == 0:
            stack.pop()
        parent = stack[-1][1] if stack else block.node
        node = Node(self.next_node_id, text, note, votes, parent=parent)
        self.next_node_id += 1
        parent.children.append(node)
        stack.append((key, node))


def _programme_item(line: str, day: date, item_id: int) -> AgendaItem | None:
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


def _parse_activity(item: _Paragraph) -> tuple[str, str, int] | None:
    """(text, note, votes) of a list paragraph; None when it holds no text."""
    pieces = item.pieces
    # The note: the italic lines after a line break, under a line that is not all italic.
    note_at = None
    seen_plain = False
    for index, (text, italic) in enumerate(pieces):
        if text == "\n" and seen_plain:
            rest = pieces[index + 1 :]
            if any(t.strip() for t, _ in rest) and all(i or not t.strip() for t, i in rest):
                note_at = index
                break
        if text.strip() and not italic and text != "\n":
            seen_plain = True
    if note_at is None:
        text, note = item.text, ""
    else:
        text = "".join(t for t, _ in pieces[:note_at])
        note = "".join(t for t, _ in pieces[note_at + 1 :])
    text = text.strip()
    if not item.listed:
        text = _MANUAL_BULLET.sub("", text, count=1)
    votes = 0
    match = _VOTES.search(text)
    if match and match.start() > 0 and int(match[1]) <= _MAX_VOTES:
        votes = int(match[1])
        text = text[: match.start()]
    text, note = clean_text(text.strip()), clean_text(note.strip())
    if not text:
        text, note = note, ""
    return (text, note, votes) if text else None
