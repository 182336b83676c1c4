"""Attendees from a spreadsheet: pasted tab-separated rows or a CSV file (no Qt).

Columns are name, organisation, role, presence and note, in that order; a header row is
optional and, when present, names the columns in any order (English or Czech headings, other
columns ignored). Roles and presence accept English and Czech words. Anything that does not
parse raises ``AttendeeImportError`` naming the line, so the facilitator can fix the file.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from facilitator_app.workshop.model import Attendee, Role

FIELDS = ("name", "organization", "role", "present", "note")
MAX_FILE_BYTES = 16 * 1024 * 1024  # far more than any attendance list; refuses a wrong pick
_DELIMITERS = "\t;,"


class Problem(StrEnum):
    """Why an import failed; the GUI words each one in the user's language."""

    UNREADABLE = "unreadable"  # the file cannot be read (value: the OS's reason)
    NOT_TEXT = "not-text"  # binary data, or too big to be a list of people
    EMPTY = "empty"  # no rows at all
    NO_NAME_COLUMN = "no-name-column"  # a header row without a name column
    EMPTY_NAME = "empty-name"
    BAD_ROLE = "bad-role"  # value: the cell
    BAD_PRESENCE = "bad-presence"  # value: the cell
    TOO_MANY_COLUMNS = "too-many-columns"  # value: the first surplus cell
    BAD_QUOTING = "bad-quoting"  # value: the csv module's reason


_MESSAGES = {
    Problem.UNREADABLE: "cannot be read: {value}",
    Problem.NOT_TEXT: "is not a text file of attendees",
    Problem.EMPTY: "holds no attendees",
    Problem.NO_NAME_COLUMN: "the header row has no name column (Name or Jméno)",
    Problem.EMPTY_NAME: "the name is empty",
    Problem.BAD_ROLE: "“{value}” is not a role (participant, organiser or guest)",
    Problem.BAD_PRESENCE: "“{value}” is not a presence (yes/no, present/excused)",
    Problem.TOO_MANY_COLUMNS: (
        "“{value}” is in a sixth column; the columns are name, organisation, role, present, note"
    ),
    Problem.BAD_QUOTING: "{value}",
}


class AttendeeImportError(ValueError):
    """A row or file that cannot be imported; ``line`` is 1-based (None: the whole input)."""

    def __init__(
        self, problem: Problem, line: int | None = None, value: str = "", source: str = ""
    ) -> None:
        self.problem = problem
        self.line = line
        self.value = value
        self.source = source
        super().__init__(str(self))

    @property
    def reason(self) -> str:
        return _MESSAGES[self.problem].format(value=self.value)

    def __str__(self) -> str:
        where = ", ".join(
            part for part in (self.source, f"line {self.line}" if self.line else "") if part
        )
        return f"{where}: {self.reason}" if where else self.reason


@dataclass(frozen=True)
class AttendeeRow:
    """One attendee read from the input, with the line it starts on."""

    line: int
    attendee: Attendee  # its id is 0: the document gives it one (``with_id``)

    def with_id(self, attendee_id: int) -> Attendee:
        """A new attendee record of this row, with ``attendee_id``."""
        return replace(self.attendee, id=attendee_id)


def _fold(text: str) -> str:
    """Lower case without diacritics, single spaces, no trailing colon: for matching words."""
    decomposed = unicodedata.normalize("NFKD", text.strip().rstrip(":").casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


_HEADINGS = {
    "name": {
        "name",
        "full name",
        "attendee",
        "person",
        "jmeno",
        "jmeno a prijmeni",
        "prijmeni a jmeno",
        "cele jmeno",
        "ucastnik",
        "osoba",
    },
    "organization": {
        "organisation",
        "organization",
        "org",
        "company",
        "institution",
        "affiliation",
        "organizace",
        "instituce",
        "firma",
        "urad",
    },
    "role": {"role", "type", "typ", "role na jednani"},
    "present": {
        "present",
        "presence",
        "attendance",
        "attended",
        "ucast",
        "pritomen",
        "pritomnost",
        "prezence",
    },
    "note": {"note", "notes", "comment", "remark", "poznamka", "pozn", "pozn.", "komentar"},
}

_ROLES = {
    Role.PARTICIPANT: {"participant", "ucastnik", "ucastnice", "clen", "clenka", "member"},
    Role.ORGANIZER: {
        "organizer",
        "organiser",
        "organizator",
        "organizatorka",
        "organizing",
        "organising",
        "poradatel",
        "poradatelka",
    },
    Role.GUEST: {"guest", "host", "hoste", "visitor", "observer", "pozorovatel", "pozorovatelka"},
}

_PRESENT = {
    "yes",
    "y",
    "true",
    "1",
    "x",
    "✓",
    "✔",
    "present",
    "attended",
    "ano",
    "a",
    "pritomen",
    "pritomna",
    "pritomen/a",
    "pritomny",
}
_ABSENT = {
    "no",
    "n",
    "false",
    "0",
    "-",
    "excused",
    "absent",
    "apologies",
    "ne",
    "omluven",
    "omluvena",
    "omluven/a",
    "omluveny",
    "nepritomen",
    "nepritomna",
    "nepritomen/a",
}


def parse_role(cell: str, organizer_label: str = "") -> Role | None:
    """The role a cell names (empty: participant); None when it names none."""
    word = _fold(cell)
    if not word:
        return Role.PARTICIPANT
    for role, words in _ROLES.items():
        if word in words or word == role.value:
            return role
    if organizer_label and word == _fold(organizer_label):
        return Role.ORGANIZER
    return None


def parse_presence(cell: str) -> bool | None:
    """Whether a cell says present (empty: present); None when it says neither."""
    word = _fold(cell)
    if not word or word in _PRESENT:
        return True
    if word in _ABSENT:
        return False
    return None


def _clean(cell: str) -> str:
    """One line of text: spreadsheets may hold line breaks and odd spaces inside a cell."""
    return " ".join(cell.split())


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """The field of each column when ``cells`` is a header row, else None."""
    columns: dict[str, int] = {}
    recognised = 0
    for index, cell in enumerate(cells):
        word = _fold(cell)
        for field, words in _HEADINGS.items():
            if word in words:
                recognised += 1
                columns.setdefault(field, index)
                break
    if "name" in columns or (recognised and recognised == sum(1 for c in cells if c.strip())):
        return columns
    return None


def parse_rows(
    rows: Iterable[tuple[int, list[str]]], organizer_label: str = "", source: str = ""
) -> list[AttendeeRow]:
    """Attendees from (line number, cells) rows; the first non-blank row may be a header."""
    result: list[AttendeeRow] = []
    columns: dict[str, int] | None = None
    first = True
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if first:
            first = False
            columns = _header_columns(cells)
            if columns is not None:
                if "name" not in columns:
                    raise AttendeeImportError(Problem.NO_NAME_COLUMN, line, source=source)
                continue
        result.append(_parse_row(line, cells, columns, organizer_label, source))
    return result


def _parse_row(
    line: int,
    cells: list[str],
    columns: dict[str, int] | None,
    organizer_label: str,
    source: str,
) -> AttendeeRow:
    if columns is None:
        surplus = [cell for cell in cells[len(FIELDS) :] if cell.strip()]
        if surplus:
            raise AttendeeImportError(
                Problem.TOO_MANY_COLUMNS, line, _clean(surplus[0]), source=source
            )
        columns = {field: index for index, field in enumerate(FIELDS)}

    def cell(field: str) -> str:
        index = columns.get(field)
        return cells[index] if index is not None and index < len(cells) else ""

    name = _clean(cell("name"))
    if not name:
        raise AttendeeImportError(Problem.EMPTY_NAME, line, source=source)
    role = parse_role(cell("role"), organizer_label)
    if role is None:
        raise AttendeeImportError(Problem.BAD_ROLE, line, _clean(cell("role")), source=source)
    present = parse_presence(cell("present"))
    if present is None:
        raise AttendeeImportError(
            Problem.BAD_PRESENCE, line, _clean(cell("present")), source=source
        )
    organization, note = _clean(cell("organization")), cell("note").strip()
    return AttendeeRow(line, Attendee(0, name, organization, role, present, note))


def _csv_rows(text: str, delimiter: str, source: str) -> list[tuple[int, list[str]]]:
    """(line where the row starts, cells) for each row; quoted cells may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            raise AttendeeImportError(Problem.BAD_QUOTING, line, str(error), source) from None
        rows.append((line, cells))


def detect_delimiter(text: str) -> str | None:
    """Tab, semicolon or comma as csv.Sniffer sees it; None for a single column of names."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        pass
    # The sniffer wants the same count on every line; a spreadsheet's ragged rows fail it.
    first = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else None


def parse_text(
    text: str, delimiter: str | None = None, organizer_label: str = "", source: str = ""
) -> list[AttendeeRow]:
    """Attendees from CSV text; the delimiter is detected unless given ("" for one column)."""
    if delimiter is None:
        delimiter = detect_delimiter(text) or ""
    if not delimiter:
        # One column: every line is a name (a comma inside a name stays in it).
        lines = enumerate(text.splitlines(), start=1)
        return parse_rows(((n, [line]) for n, line in lines), organizer_label, source)
    return parse_rows(_csv_rows(text, delimiter, source), organizer_label, source)


def parse_pasted(text: str, organizer_label: str = "") -> list[AttendeeRow]:
    """Rows copied from a spreadsheet: tab-separated, or one name per line without tabs."""
    return parse_text(text, "\t" if "\t" in text else "", organizer_label)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(raw: bytes, source: str = "") -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1250."""
    if raw.startswith(_UTF16_BOMS):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise AttendeeImportError(Problem.NOT_TEXT, source=source) from None
    if b"\0" in raw:
        raise AttendeeImportError(Problem.NOT_TEXT, source=source)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Czech Excel saves "CSV" in the Windows code page.
        return raw.decode("cp1250", errors="replace")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_csv(path: Path, organizer_label: str = "") -> list[AttendeeRow]:
    """Attendees from a CSV file; errors name the file and the line."""
    source = Path(path).name
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise AttendeeImportError(
            Problem.UNREADABLE, value=error.strerror or str(error), source=source
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise AttendeeImportError(Problem.NOT_TEXT, source=source)
    text = _CONTROL.sub(" ", decode(raw, source))
    rows = parse_text(text, organizer_label=organizer_label, source=source)
    if not rows:
        raise AttendeeImportError(Problem.EMPTY, source=source)
    return rows
