"""The region summary as an Excel workbook (openpyxl), a file that opens ready to filter.

Sheets: the overview (counts per group and round, totals per round below), every activity,
the SWOT items and problems by theme and group, the remarks and how each was settled, the
attendance (person × meeting, the head counts above the header) and, unless public, the
uncertain matches of persons. Every sheet has its header row frozen and an autofilter, set
column widths, wrapped long texts, dates as dates and numbers as numbers.

openpyxl writes the workbook (write-only mode) and each sheet's header; the rows below are
written as text by ``sheet_rows.py``, ten times faster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from facilitator_app.atomic import atomic_path
from facilitator_app.minutes.content import sources_note, swot_texts
from facilitator_app.summary.collect import Meeting, Summary
from facilitator_app.summary.phrases import SummaryPhrases
from facilitator_app.summary.sheet_rows import LINE_HEIGHT, RowWriter, save_with_rows
from facilitator_app.summary.themes import (
    activity_rows,
    analysis_meeting,
    block_theme_names,
    region_themes,
    theme_key,
)
from facilitator_app.workshop.model import Quadrant, Theme


class Kind(Enum):
    TEXT = "text"  # wrapped, top-aligned
    LABEL = "label"  # one line
    NUMBER = "number"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind
    width: float  # in characters of the default font


def write_xlsx(summary: Summary, target: Path, phrases: SummaryPhrases, public: bool) -> None:
    """Write the workbook to ``target`` atomically."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = phrases.title
    workbook.properties.creator = "facilitator-app"
    sheets = _Sheets(workbook, phrases)
    _overview(sheets, summary, phrases)
    _activities(sheets, summary, phrases)
    _analysis(sheets, summary, phrases)
    _remarks(sheets, summary, phrases, public)
    _attendance(sheets, summary, phrases, public)
    if not public and summary.people.uncertain:
        _uncertain(sheets, summary, phrases)
    with atomic_path(target) as temporary:
        save_with_rows(workbook, sheets.rows, temporary)


_HEADER_FONT = Font(name="Calibri", size=11, bold=True)  # the default font, bold
_HEADER_FILL = PatternFill("solid", start_color="FFDDE4EE")
_WRAPPED = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


class _Sheets:
    """Makes the workbook's sheets, each with its header, widths, frozen panes and filter."""

    def __init__(self, workbook: Workbook, phrases: SummaryPhrases) -> None:
        self.workbook = workbook
        self.phrases = phrases
        self.rows: dict[str, RowWriter] = {}  # each sheet's rows below its header, by title

    def sheet(
        self,
        title: str,
        columns: Sequence[Column],
        rows: Iterable[Sequence[Any]],
        *,
        above: Sequence[Any] | None = None,
        below: Iterable[Sequence[Any]] = (),
        frozen_columns: int = 0,
    ) -> None:
        """One sheet: ``above`` a row before the header (outside the filter), the header,
        ``rows`` (filtered), then after an empty row the ``below`` rows (outside the filter)."""
        sheet = self.workbook.create_sheet(title)
        for number, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        header_row = 2 if above is not None else 1
        sheet.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{header_row + 1}"
        # Printed: landscape, as wide as the page, the header on every page.
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.print_title_rows = f"{header_row}:{header_row}"
        styles = [self.style_id(sheet, column.kind) for column in columns]
        widths = [column.width for column in columns]
        if above is not None:
            sheet.append(above)
        headers = [column.header for column in columns]
        header_lines = RowWriter(0, styles, widths, [True] * len(columns)).lines(headers)
        if header_lines > 1:
            sheet.row_dimensions[header_row].height = LINE_HEIGHT * header_lines
        sheet.append([self.header_cell(sheet, header) for header in headers])
        writer = RowWriter(
            header_row + 1, styles, widths, [column.kind is Kind.TEXT for column in columns]
        )
        for row in rows:
            writer.add(row)
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A{header_row}:{last}{max(writer.next_row - 1, header_row + 1)}"
        first_below = True
        for row in below:
            if first_below:
                writer.skip()
                first_below = False
            writer.add(row)
        self.rows[title] = writer

    def style_id(self, sheet: Any, kind: Kind) -> int:
        """The workbook's style for the cells of a column of ``kind``."""
        cell = WriteOnlyCell(sheet)
        cell.alignment = _WRAPPED if kind is Kind.TEXT else _TOP
        if kind is Kind.DATE:
            cell.number_format = self.phrases.date_format
        style: int = cell.style_id
        return style

    @staticmethod
    def header_cell(sheet: Any, text: str) -> Cell:
        cell = WriteOnlyCell(sheet, text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAPPED
        return cell


# -- the sheets -------------------------------------------------------------------------------


def _where(meeting: Meeting) -> tuple[str, int, date]:
    return meeting.group, meeting.round, meeting.day


def _overview(sheets: _Sheets, summary: Summary, phrases: SummaryPhrases) -> None:
    label, number, text, day = Kind.LABEL, Kind.NUMBER, Kind.TEXT, Kind.DATE
    kinds = (text, number, day, label, *([number] * 8))
    widths = (40, 9, 12, 28, 10, 12, 10, 10, 10, 10, 11, 10)
    columns = [
        Column(h, k, w) for h, k, w in zip(phrases.overview_columns, kinds, widths, strict=True)
    ]
    analysed = {meeting.index for group in summary.groups if (meeting := analysis_meeting(group))}
    counted: list[tuple[Meeting, tuple[int, ...]]] = []
    for meeting in summary.meetings:
        data = meeting.data
        others, organisers = data.head_count()
        excused = sum(1 for attendee in data.attendees if not attendee.present)
        activities = sum(1 for block in data.blocks for _ in block.walk()) - len(data.blocks)
        counts_analysis = meeting.index in analysed  # the SWOT counts where it comes from
        swot = sum(len(t.swot) for t in data.themes) if counts_analysis else 0
        problems = sum(len(t.problems) for t in data.themes) if counts_analysis else 0
        remarks = sum(len(t.remarks) for t in data.themes)
        visions = sum(1 for t in data.themes if t.vision.strip())
        counts = (others + organisers, organisers, excused, activities, swot, problems, remarks)
        counted.append((meeting, (*counts, visions)))
    rows = [(*_where(meeting), meeting.path.name, *counts) for meeting, counts in counted]
    rounds = sorted({meeting.round for meeting, _ in counted})
    totals = [
        (
            phrases.all_groups,
            number,
            None,
            None,
            *map(sum, zip(*(c for m, c in counted if m.round == number), strict=True)),
        )
        for number in rounds
    ]
    sheets.sheet(phrases.overview_sheet, columns, rows, below=totals)


def _activities(sheets: _Sheets, summary: Summary, phrases: SummaryPhrases) -> None:
    columns = [
        Column(header, kind, width)
        for header, kind, width in zip(
            phrases.activity_columns,
            (Kind.TEXT, Kind.NUMBER, Kind.DATE, Kind.TEXT, Kind.LABEL, Kind.TEXT, Kind.TEXT,
             Kind.NUMBER, Kind.TEXT),
            (30, 9, 12, 24, 9, 40, 50, 8, 30),
            strict=True,
        )
    ]  # fmt: skip

    def rows() -> Iterator[tuple[Any, ...]]:
        for meeting in summary.meetings:
            where = _where(meeting)
            themes: dict[int, str] = {}
            for row in activity_rows(meeting):
                block = row.block
                if block.id not in themes:
                    themes[block.id] = " + ".join(block_theme_names(meeting, block))
                node = row.node
                path = phrases.path_separator.join(row.path)
                yield (*where, themes[block.id], row.code, path, node.text, node.votes, node.note)

    sheets.sheet(phrases.activities_sheet, columns, rows())


def _themes_by_key(meeting: Meeting) -> dict[str, list[Theme]]:
    found: dict[str, list[Theme]] = {}
    for theme in meeting.data.themes:
        found.setdefault(theme_key(theme.name), []).append(theme)
    return found


def _analysis(sheets: _Sheets, summary: Summary, phrases: SummaryPhrases) -> None:
    columns = [
        Column(header, kind, width)
        for header, kind, width in zip(
            phrases.analysis_columns,
            (Kind.TEXT, Kind.TEXT, Kind.NUMBER, Kind.DATE, Kind.LABEL, Kind.TEXT, Kind.NUMBER,
             Kind.TEXT),
            (24, 30, 9, 12, 16, 50, 8, 36),
            strict=True,
        )
    ]  # fmt: skip
    sources = [(m, _themes_by_key(m)) for g in summary.groups if (m := analysis_meeting(g))]
    minutes = phrases.minutes

    def rows() -> Iterator[tuple[Any, ...]]:
        for region_theme in region_themes(summary.groups):
            for meeting, themes in sources:
                for theme in themes.get(region_theme.key, ()):
                    where = (region_theme.name, *_where(meeting))
                    for quadrant in Quadrant:
                        kind = minutes.quadrant_names[quadrant]
                        for item in theme.quadrant_items(quadrant):
                            yield (*where, kind, item.text, item.votes, item.note)
                    texts = swot_texts(theme)
                    for problem in theme.problems:
                        note = sources_note(problem, texts, minutes)
                        yield (*where, phrases.problem_kind, problem.text, problem.votes, note)

    sheets.sheet(phrases.analysis_sheet, columns, rows())


def _remarks(sheets: _Sheets, summary: Summary, phrases: SummaryPhrases, public: bool) -> None:
    kinds = (Kind.TEXT, Kind.TEXT, Kind.NUMBER, Kind.DATE, Kind.TEXT, Kind.TEXT, Kind.TEXT,
             Kind.LABEL, Kind.TEXT)  # fmt: skip
    widths = (24, 30, 9, 12, 50, 24, 28, 20, 50)
    columns = [
        Column(h, k, w) for h, k, w in zip(phrases.remark_columns, kinds, widths, strict=True)
    ]
    author_column = 5
    if public:  # who raised a remark is a person's name: the column goes, the organisation stays
        del columns[author_column]
    by_key = [(m, _themes_by_key(m)) for m in summary.meetings]
    statuses = phrases.minutes.statuses

    def rows() -> Iterator[list[Any]]:
        for region_theme in region_themes(summary.groups):
            for meeting, themes in by_key:
                for theme in themes.get(region_theme.key, ()):
                    for remark in theme.remarks:
                        row: list[Any] = [region_theme.name, *_where(meeting), remark.text,
                                          remark.author, remark.organization,
                                          statuses[remark.status], remark.response]  # fmt: skip
                        if public:
                            del row[author_column]
                        yield row

    sheets.sheet(phrases.remarks_sheet, columns, rows())


def meeting_header(meeting: Meeting, phrases: SummaryPhrases) -> str:
    """A meeting's column in the attendance: its group and its round with the date."""
    day = phrases.minutes.date_text(meeting.day)
    return f"{meeting.group}\n{phrases.meeting_label.format(round=meeting.round, date=day)}"


def _attendance(sheets: _Sheets, summary: Summary, phrases: SummaryPhrases, public: bool) -> None:
    meetings = summary.meetings
    name, organisation, attended = phrases.attendance_columns
    columns = [
        Column(name, Kind.TEXT, 28),
        Column(organisation, Kind.TEXT, 28),
        Column(attended, Kind.NUMBER, 10),
        *(Column(meeting_header(m, phrases), Kind.LABEL, 16) for m in meetings),
    ]
    marks = {True: phrases.minutes.present, False: phrases.minutes.excused}
    persons = summary.people.persons
    present = [0] * len(meetings)
    for person in persons:
        for index, was_present in person.attendance.items():
            present[index] += was_present
    above = [phrases.present_count, None, None, *present]

    def rows() -> Iterator[list[Any]]:
        for number, person in enumerate(persons, start=1):
            shown = phrases.person_placeholder.format(number=number) if public else person.name
            cells: list[Any] = [shown, person.organisation, person.meetings_attended]
            attendance = person.attendance
            cells += [
                marks[attendance[index]] if index in attendance else None
                for index in range(len(meetings))
            ]
            yield cells

    sheets.sheet(phrases.attendance_sheet, columns, rows(), above=above, frozen_columns=1)


def _uncertain(sheets: _Sheets, summary: Summary, phrases: SummaryPhrases) -> None:
    columns = [
        Column(header, kind, width)
        for header, kind, width in zip(
            phrases.uncertain_columns,
            (Kind.NUMBER, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT),
            (8, 28, 28, 50, 36),
            strict=True,
        )
    ]
    meetings = summary.meetings

    def rows() -> Iterator[tuple[Any, ...]]:
        for number, match in enumerate(summary.people.uncertain, start=1):
            doubts = ", ".join(phrases.doubts[doubt] for doubt in sorted(match.doubts))
            for person in match.persons:
                where = "; ".join(
                    meeting_header(meetings[index], phrases).replace("\n", ": ")
                    for index in sorted(person.attendance)
                )
                yield (number, person.name, person.organisation, where, doubts)

    sheets.sheet(phrases.uncertain_sheet, columns, rows())
