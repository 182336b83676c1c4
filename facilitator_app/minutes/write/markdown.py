"""The minutes as Markdown (CommonMark with GitHub's pipe tables).

The title is the only ``#`` heading, sections are ``##`` and themes ``###``. The activity tree
is nested ``-`` lists, four spaces per level: CommonMark nests an item indented by at least
the width of its parent's marker (two here), and Python-Markdown needs four, so four works in
both. Numbered minutes print each activity's code before its text (``- 3.1.2 Text``: a code
has a dot between digits, so it never reads as an ordered list's marker). A grid (a theme's
SWOT) is its cells one after another, each a bold line and a list: pipe tables cannot hold
lists. Text is escaped so that nothing typed turns into markup; a line break inside a
paragraph is a backslash hard break.
"""

from __future__ import annotations

import re
from pathlib import Path

import facilitator_app.minutes.content as content
from facilitator_app.atomic import write_text_atomically

INDENT = "    "
_INLINE = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# Markup that only counts at the start of a line: headings, quotes, list markers, rules.
_LINE_START = re.compile(r"^([#>+=-]|\d+[.)])")


def write_markdown(minutes: content.Minutes, target: Path) -> None:
    write_text_atomically(target, render_markdown(minutes))


def render_markdown(minutes: content.Minutes) -> str:
    """The whole document as Markdown text, ending with a newline."""
    chunks: list[str] = []
    previous: content.Block | None = None
    for block in minutes.blocks:
        text = _block(block)
        # Items of one list follow each other directly; everything else is a paragraph of its
        # own, separated by a blank line.
        if chunks and not (
            isinstance(block, content.ListItem) and isinstance(previous, content.ListItem)
        ):
            chunks.append("")
        chunks.append(text)
        previous = block
    return "\n".join(chunks) + "\n"


def _escape(text: str) -> str:
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))


def _escape_line_start(line: str) -> str:
    return _LINE_START.sub(lambda match: match.group(0)[:-1] + "\\" + match.group(0)[-1], line)


def escape_line(line: str) -> str:
    """One line of text with every Markdown-significant character backslash-escaped."""
    return _escape_line_start(_escape(line.strip()))


def _styled(piece: str, span: content.Span) -> str:
    text = _escape(piece)
    core = text.strip()
    if not core or not (span.bold or span.italic):
        return text
    # Emphasis must hug its text (``** x**`` is not bold): spaces go outside the markers.
    mark = ("**" if span.bold else "") + ("*" if span.italic else "")
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{core}{mark[::-1]}{trail}"


def _inline(spans: tuple[content.Span, ...], continuation_indent: str = "") -> str:
    """Spans as inline Markdown; a ``\\n`` becomes a hard break and a continuation line."""
    lines: list[list[str]] = [[]]
    for span in spans:
        for number, piece in enumerate(span.text.replace("\t", " ").split("\n")):
            if number:
                lines.append([])
            lines[-1].append(_styled(piece, span))
    texts = [_escape_line_start("".join(parts).strip()) for parts in lines]
    return ("\\\n" + continuation_indent).join(text for text in texts if text)


def _block(block: content.Block) -> str:
    if isinstance(block, content.ListItem):
        indent = INDENT * block.level
        code = f"{block.code} " if block.code else ""
        return f"{indent}- {code}{_inline(block.spans, indent + '  ')}"
    if isinstance(block, content.Paragraph):
        return _inline(block.spans)
    if isinstance(block, content.Heading):
        text = f"{'#' * (block.level + 1)} {escape_line(block.text)}"
        # A page break has no meaning on screen; a rule marks where the appendix starts.
        return f"---\n\n{text}" if block.new_page else text
    if isinstance(block, content.Grid):
        return _grid(block)
    return _table(block)


def _grid(grid: content.Grid) -> str:
    chunks = []
    for cell in grid.cells:
        heading = _inline((content.Span(cell.heading, bold=True),))
        items = [f"- {_inline(spans, '  ')}" for spans in cell.items]
        chunks.append("\n\n".join([heading, "\n".join(items)]) if items else heading)
    return "\n\n".join(chunks)


def _cell(text: str) -> str:
    lines = [escape_line(line) for line in text.replace("\t", " ").split("\n")]
    return "<br>".join(line for line in lines if line)


def _table(table: content.Table) -> str:
    rows = [
        "| " + " | ".join(_cell(cell) for cell in table.header) + " |",
        "|" + "|".join(" --- " for _ in table.header) + "|",
    ]
    rows += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows]
    return "\n".join(rows)
