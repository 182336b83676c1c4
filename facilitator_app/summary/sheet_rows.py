"""A sheet's rows as SpreadsheetML text, put into the workbook openpyxl wrote (no Qt).

openpyxl makes the workbook: its sheets with their headers, widths, frozen panes, filters,
page set-up and styles. The rows below the headers are written here as text and put into each
sheet's ``sheetData`` once the workbook is saved: openpyxl spends some 20 µs on each cell (a
cell object, its type, its style, an lxml element), 5 s for the 250,000 cells of a region of
14 groups; the text costs a tenth of that (docs/PERFORMANCE.md). The way the minutes' .docx
body is written as text and parsed once is the same idea.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from facilitator_app.minutes.text import clean_text

CELL_LIMIT = 32767  # characters in one cell (Excel's limit; LibreOffice's too)
LINE_HEIGHT = 15  # points: a line of the default font (Calibri 11), Excel's default row
MAX_ROW_HEIGHT = 409  # points, the tallest row Excel allows
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_END_OF_ROWS = b"</sheetData>"
_VIEWS = b"<sheetViews>"


class RowWriter:
    """The rows of one sheet from ``first_row`` on, as text; each column has its style (the
    ``style_id`` openpyxl gave its cells) and its width, to fit wrapped rows' heights."""

    def __init__(
        self,
        first_row: int,
        styles: Sequence[int],
        widths: Sequence[float],
        wrapped: Sequence[bool],
    ) -> None:
        self.next_row = first_row
        self._letters = [get_column_letter(n) for n in range(1, len(styles) + 1)]
        self._styles = [f' s="{style}"' for style in styles]
        pairs = enumerate(zip(widths, wrapped, strict=True))
        self._wrapped = [(column, width) for column, (width, wraps) in pairs if wraps]
        self._parts: list[str] = []

    def add(self, values: Sequence[Any]) -> None:
        """One row; None and "" leave a cell empty, a str is text (never a formula)."""
        row = self.next_row
        self.next_row += 1
        cells = []
        for column, value in enumerate(values):
            if value is None or value == "":
                continue
            where = f'r="{self._letters[column]}{row}"{self._styles[column]}'
            if isinstance(value, str):
                text = clean_text(value)[:CELL_LIMIT]
                space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
                cells.append(f'<c {where} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>')
            elif isinstance(value, date):
                cells.append(f"<c {where}><v>{to_excel(value)}</v></c>")
            elif isinstance(value, int | float) and not isinstance(value, bool):
                cells.append(f"<c {where}><v>{value}</v></c>")
            else:
                raise TypeError(f"a cell cannot hold {value!r}")
        lines = self.lines(values)
        height = f' ht="{min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)}" customHeight="1"'
        self._parts.append(f'<row r="{row}"{height if lines > 1 else ""}>{"".join(cells)}</row>')

    def skip(self) -> None:
        """An empty row."""
        self.next_row += 1

    def lines(self, values: Sequence[Any]) -> int:
        """How many lines the row's wrapped texts need, estimated from the columns' widths.

        Neither LibreOffice nor Excel fits a row's height to its wrapped text when it opens
        a file: a row without a height keeps one line and the rest of the text is cut off.
        """
        lines = 1
        for column, width in self._wrapped:
            value = values[column] if column < len(values) else None
            if isinstance(value, str) and (len(value) > width or "\n" in value):
                # The width counts the default font's digits; a line of text holds a few
                # more letters than that, less what breaking at a word leaves empty.
                per_line = max(1, int(width * 1.1))
                needed = sum(-(-len(part) // per_line) or 1 for part in value.split("\n"))
                lines = max(lines, needed)
        return lines

    def xml(self) -> bytes:
        return "".join(self._parts).encode("utf-8")

    def dimension(self) -> bytes:
        """The sheet's ``dimension``: the range its cells span (readers size the sheet by it;
        openpyxl's write-only mode leaves it out, not knowing the rows ahead)."""
        last = self._letters[-1] if self._letters else "A"
        return f'<dimension ref="A1:{last}{max(1, self.next_row - 1)}"/>'.encode()


def sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """The part (``xl/worksheets/sheet1.xml``) of each sheet by its title."""
    workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
    relationships = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in relationships.iter(f"{{{_PACKAGE_RELATIONSHIPS}}}Relationship")
    }
    parts = {}
    for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
        target = targets[sheet.get(f"{{{_RELATIONSHIPS}}}id")]
        # A target is relative to xl/, or absolute in the package when it starts with "/".
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl", target))
        parts[sheet.get("name", "")] = path
    return parts


def save_with_rows(workbook: Any, rows: dict[str, RowWriter], target: Path) -> None:
    """Save ``workbook`` to ``target`` with each sheet's ``rows`` after its own."""
    saved = io.BytesIO()
    workbook.save(saved)
    with (
        zipfile.ZipFile(saved) as package,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        by_part = {
            part: rows[title] for title, part in sheet_parts(package).items() if title in rows
        }
        for item in package.infolist():
            data = package.read(item)
            writer = by_part.get(item.filename)
            if writer is not None:
                end = data.rindex(_END_OF_ROWS)  # openpyxl wrote the header row: never empty
                data = data[:end] + writer.xml() + data[end:]
                views = data.index(_VIEWS)  # the dimension comes just before the views
                data = data[:views] + writer.dimension() + data[views:]
            out.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
