"""Attendees from pasted spreadsheet rows and CSV files: columns, headers, delimiters, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from facilitator_app.workshop.attendee_import import (
    AttendeeImportError,
    AttendeeRow,
    Problem,
    detect_delimiter,
    parse_pasted,
    parse_text,
    read_csv,
)
from facilitator_app.workshop.model import Attendee, Role


def expected(line: int, *fields: Any) -> AttendeeRow:
    """The row of an attendee with these fields (name, organisation, …) read from ``line``."""
    return AttendeeRow(line, Attendee(0, *fields))


def test_pasted_rows_in_the_default_column_order() -> None:
    rows = parse_pasted(
        "Jana Nováková\tMěsto Liberec\torganizátor\tano\tvede skupinu\n"
        "Petr Dvořák\tTUL\tguest\texcused\n"
        "Eva Malá\t\n"
    )
    assert rows == [
        expected(1, "Jana Nováková", "Město Liberec", Role.ORGANIZER, True, "vede skupinu"),
        expected(2, "Petr Dvořák", "TUL", Role.GUEST, False),
        expected(3, "Eva Malá"),
    ]


def test_pasted_lines_without_tabs_are_names() -> None:
    assert [r.attendee.name for r in parse_pasted("Novák, Jan\n\n  Eva   Malá \n")] == [
        "Novák, Jan",
        "Eva Malá",
    ]


def test_a_header_row_names_the_columns_in_any_order_and_others_are_ignored() -> None:
    rows = parse_text(
        "E-mail;Organizace;Jméno a příjmení;Účast\n"
        "jana@example.cz;Město Liberec;Jana Nováková;omluvena\n"
    )
    assert rows == [expected(2, "Jana Nováková", "Město Liberec", Role.PARTICIPANT, False)]


def test_a_header_without_a_name_column_is_refused() -> None:
    with pytest.raises(AttendeeImportError) as caught:
        parse_text("Organisation,Role\nTUL,guest\n")
    assert caught.value.problem is Problem.NO_NAME_COLUMN
    assert caught.value.line == 1


def test_the_organiser_label_is_a_role_too() -> None:
    [row] = parse_pasted("Pracovník\tKraj\tORK", organizer_label="ORK")
    assert row.attendee.role is Role.ORGANIZER


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\nd,e,f\n", ","),
        ("a;b;c\nd;e;f\n", ";"),
        ("a\tb\nc\td\n", "\t"),
        ("Jan Novák\nEva Malá\n", None),
        # Ragged rows, as spreadsheets export them, defeat csv.Sniffer: the first line decides.
        ("a;b;c;d\ne;f\ng\n", ";"),
    ],
)
def test_detect_delimiter(text: str, delimiter: str | None) -> None:
    assert detect_delimiter(text) == delimiter


@pytest.mark.parametrize(
    ("text", "problem", "line", "value"),
    [
        ("Jan,TUL\n,ČEZ\n", Problem.EMPTY_NAME, 2, ""),
        ("Jan,TUL,boss\n", Problem.BAD_ROLE, 1, "boss"),
        ("Name,Presence\nJan,Yes\nEva,maybe\n", Problem.BAD_PRESENCE, 3, "maybe"),
        ("Jan,TUL,guest,yes,note,jan@example.cz\n", Problem.TOO_MANY_COLUMNS, 1, "jan@example.cz"),
        # A quoted cell spans lines 2-3; the error in the next row names line 4.
        ('Jan,"TUL\nLiberec"\nEva,,chief\n', Problem.BAD_ROLE, 3, "chief"),
    ],
)
def test_errors_name_the_line(text: str, problem: Problem, line: int, value: str) -> None:
    with pytest.raises(AttendeeImportError) as caught:
        parse_text(text)
    error = caught.value
    assert (error.problem, error.line, error.value) == (problem, line, value)
    assert f"line {line}" in str(error)


def test_a_multi_line_cell_keeps_the_line_of_its_row() -> None:
    rows = parse_text('Jan,"TUL\nLiberec"\nEva,ČEZ\n')
    assert [(r.line, r.attendee.name, r.attendee.organization) for r in rows] == [
        (1, "Jan", "TUL Liberec"),
        (3, "Eva", "ČEZ"),
    ]


def test_read_csv_from_czech_excel(tmp_path: Path) -> None:
    path = tmp_path / "prezence.csv"
    path.write_bytes("Jméno;Organizace\r\nŽofie Čermáková;Krajský úřad\r\n".encode("cp1250"))
    assert read_csv(path) == [expected(2, "Žofie Čermáková", "Krajský úřad")]


def test_read_csv_utf8_with_bom_and_utf16(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("\ufeffName,Organisation\nŘehoř,ČVUT\n".encode())
    assert read_csv(path)[0].attendee.name == "Řehoř"
    path.write_bytes("Name\tOrganisation\nŘehoř\tČVUT\n".encode("utf-16"))
    assert read_csv(path)[0].attendee.organization == "ČVUT"


def test_read_csv_errors_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Name,Role\nJan,participant\nEva,chief\n", encoding="utf-8")
    with pytest.raises(AttendeeImportError, match=r"^bad\.csv, line 3: “chief” is not a role"):
        read_csv(path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", Problem.EMPTY),
        (b"Name\n\n", Problem.EMPTY),
        (b"\x89PNG\r\n\x1a\n\0\0", Problem.NOT_TEXT),
    ],
)
def test_read_csv_refuses_what_holds_no_attendees(
    tmp_path: Path, content: bytes, problem: Problem
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(AttendeeImportError) as caught:
        read_csv(path)
    assert caught.value.problem is problem


def test_read_csv_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AttendeeImportError) as caught:
        read_csv(tmp_path / "missing.csv")
    assert caught.value.problem is Problem.UNREADABLE
    assert str(caught.value).startswith("missing.csv: cannot be read")
