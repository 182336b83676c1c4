"""Indented text <-> activity subtrees, for copy and paste.

Facilitators bring proposals from Word, e-mail or Markdown: lines indented with tabs or spaces,
with or without bullets ("-", "*", "•", "◦", "▪", "1.", "a)"). Each line becomes an activity;
deeper indentation makes a child of the nearest shallower line above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from facilitator_app.workshop.model import Node

_BULLET = re.compile(r"^(?:[-*+•◦▪▫‣⁃–—o]|\d+[.)]|[a-zA-Z][.)])\s+")
TAB_WIDTH = 4


@dataclass
class OutlineItem:
    text: str
    children: list[OutlineItem] = field(default_factory=list)


def _indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == "\t":
            width += TAB_WIDTH - width % TAB_WIDTH
        elif char in " \u00a0":
            width += 1
        else:
            break
    return width


def parse_outline(text: str) -> list[OutlineItem]:
    """Parse indented lines into a forest; blank lines are skipped, bullets stripped."""
    roots: list[OutlineItem] = []
    # (indent width, item) of the current line's ancestors, shallowest first.
    stack: list[tuple[int, OutlineItem]] = []
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").split("\n"):
        if not raw_line.strip():
            continue
        width = _indent_width(raw_line)
        content = _BULLET.sub("", raw_line.strip(), count=1).strip() or raw_line.strip()
        item = OutlineItem(content)
        while stack and stack[-1][0] >= width:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((width, item))
    return roots


def format_outline(nodes: list[Node], indent: str = "\t") -> str:
    """Subtrees as indented text, one line per activity (newlines inside an item become spaces)."""
    lines: list[str] = []
    for top in nodes:
        base = top.depth
        for node in top.walk():
            text = " ".join(node.text.split("\n"))
            lines.append(indent * (node.depth - base) + text)
    return "\n".join(lines) + ("\n" if lines else "")
