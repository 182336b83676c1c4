"""The PDF minutes laid out by Qt; and Qt stays unloaded for every other format."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from minutes_helpers import REPO, demo_raw, demo_workshop, minimal_raw

from facilitator_app.minutes import MinutesOptions, build_minutes, export_minutes
from facilitator_app.minutes.content import Heading, ListItem, Minutes, Paragraph, Table
from facilitator_app.minutes.write.pdf import MARGIN_MM, render_html
from facilitator_app.workshop.interchange import parse_workshop


def pdf_text(path: Path, *options: str) -> str | None:
    """The text of ``path`` as pdftotext extracts it, or None where pdftotext is missing."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return None
    return subprocess.run(
        [pdftotext, *options, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def check_pdf(path: Path, lines: list[str], pages: int | None) -> None:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert b"/Type /Page" in data or b"/Type/Page" in data
    text = pdf_text(path)
    if text is None:  # no poppler: the structure above is all that can be checked
        return
    flat = " ".join(text.split())
    for line in lines:
        assert line in flat, line
    if pages is not None:
        assert text.count("\f") == pages


def test_pdf_of_the_example(tmp_path: Path, qapp: object) -> None:
    target = tmp_path / "minutes.pdf"
    export_minutes(demo_workshop(), target, MinutesOptions(attendance=True))
    check_pdf(
        target,
        [
            "Pracovní skupina Bezpečnost, energetika, vodní hospodářství a ICT",
            "Datum: 19. 5. 2026 od 13 hodin",
            "Počet účastníků: 8 (+1 ORK)",
            "VIZE",
            "K návrhu vize nebyly na jednání vzneseny žádné připomínky.",
            "NÁVRHY AKTIVIT",
            "BEZPEČNOST + ENERGETIKA + VODNÍ HOSPODÁŘSTVÍ",
            "Přátelský a bezpečný prostor",
            "Zajištění kybernetické bezpečnosti – preventivní program",
            "PREZENČNÍ LISTINA",
            "Krajský úřad Libereckého kraje",
        ],
        pages=3,
    )
    text = pdf_text(target)
    if text is not None:
        last_page = text.split("\f")[-2]
        assert last_page.lstrip().startswith("PREZENČNÍ LISTINA")  # a page of its own
        assert last_page.rstrip().endswith("3")  # the page number at its foot


def test_pdf_in_english_public(tmp_path: Path, qapp: object) -> None:
    target = tmp_path / "minutes.pdf"
    export_minutes(demo_workshop(), target, MinutesOptions(language="en", public=True))
    check_pdf(target, ["Date: 19 May 2026 from 1 pm", "VISION", "PROPOSED ACTIVITIES"], pages=2)
    text = pdf_text(target)
    if text is not None:
        for attendee in demo_raw()["attendees"]:
            assert attendee["name"] not in text


def test_pdf_with_nasty_text(tmp_path: Path, qapp: object) -> None:
    raw = minimal_raw(title="<b>Tom & Jerry</b> 😀")
    raw["activity_blocks"] = [
        {"activities": [{"text": "a\x0bb\x00 <i>&amp;</i> " + "dlouhé" * 3000, "votes": 2}]}
    ]
    target = tmp_path / "minutes.pdf"
    export_minutes(parse_workshop(raw), target, MinutesOptions())
    check_pdf(target, ["<b>Tom & Jerry</b>", "<i>&amp;</i>", "(2 hlasy)"], pages=None)


def test_html_is_escaped_and_keeps_levels() -> None:
    raw = minimal_raw(title="A & <B>")
    raw["activity_blocks"] = [{"activities": [{"text": "x", "children": [{"text": "y\nz"}]}]}]
    html = render_html(build_minutes(parse_workshop(raw), MinutesOptions()))
    assert "A &amp; &lt;B&gt;" in html
    assert '-qt-list-indent:1; list-style-type:disc;"><li>x</li>' in html
    assert '-qt-list-indent:2; list-style-type:circle;"><li>y<br/>z</li>' in html


def words_of(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", text).split()  # "ﬁ" as the PDF's font has it: "fi"


def minutes_words(minutes: Minutes) -> tuple[list[str], list[str], set[str]]:
    """The words of ``minutes``: outside tables in reading order, in the tables' cells, and
    those of the tables' header rows."""
    flow: list[str] = []
    cells: list[str] = []
    header: set[str] = set()
    for block in minutes.blocks:
        if isinstance(block, Heading):
            flow += words_of(block.text)
        elif isinstance(block, (Paragraph, ListItem)):
            flow += words_of("".join(span.text for span in block.spans))
        elif isinstance(block, Table):
            header.update(words_of(" ".join(block.header)))
            cells += words_of(" ".join(cell for row in block.rows for cell in row))
    return flow, cells, header


def pdf_words(path: Path) -> list[str] | None:
    """The words of the PDF's text layer in order, without the page numbers at the feet.

    In the order they are written (-raw): pdftotext's reading order would take a table's
    columns apart.
    """
    text = pdf_text(path, "-raw")
    if text is None:
        return None
    pages = text.split("\f")[:-1]  # pdftotext ends each page with a form feed
    words: list[str] = []
    for number, page in enumerate(pages, start=1):
        page_words = words_of(page)
        assert page_words[-1:] == [str(number)], f"page {number} ends with its number"
        words += page_words[:-1]
    return words


def words_outside_the_text_area(path: Path) -> list[str]:
    """Each word of the PDF, but the page numbers, that lies not wholly inside its page's text
    area: a line cut by a page's edge, or one drawn into a page's margin."""
    points = 72 / 25.4
    top, foot = MARGIN_MM * points, (MARGIN_MM + 12) * points  # 12 mm for the page number
    boxes = pdf_text(path, "-bbox")
    assert boxes is not None
    outside = []
    for number, page in enumerate(boxes.split("<page ")[1:], start=1):
        bottom = float(re.search(r'height="([\d.]+)"', page)[1]) - foot  # type: ignore[index]
        for y_min, y_max, word in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page
        ):
            if word != str(number) and not top - 0.5 <= float(y_min) < float(y_max) <= bottom + 0.5:
                outside.append(f"page {number}: {word} ({y_min}–{y_max})")
    return outside


def numbered() -> Callable[[int], str]:
    """Words that are each their own (a word printed twice or lost cannot hide), the same ones
    on every run: the page breaks fall in the same places."""
    counter = itertools.count()
    return lambda count: " ".join(f"slovo{next(counter)}" for _ in range(count))


def one_long_paragraph() -> dict[str, Any]:
    words = numbered()
    raw = minimal_raw()
    raw["activity_blocks"] = [{"activities": [{"text": words(20_000)}]}]
    return raw


def many_paragraphs() -> dict[str, Any]:
    """Visions of many paragraphs, and long remarks in a table (words that fit its columns)."""
    words = numbered()
    raw = minimal_raw(language="en")
    raw["themes"] = [
        {
            "name": f"Theme {theme}",
            "vision": "\n\n".join(words(40 + 17 * paragraph) for paragraph in range(8)),
            "comments": [
                {"text": words(90), "author": "Jana", "status": "noted"} for _ in range(3)
            ],
        }
        for theme in range(4)
    ]
    return raw


def lists_with_notes() -> dict[str, Any]:
    words = numbered()
    raw = minimal_raw()
    raw["activity_blocks"] = [
        {
            "activities": [
                {
                    "text": words(20 + item % 37),
                    "note": "\n".join(words(6) for _ in range(item % 4)),
                    "votes": item % 3,
                    "children": [
                        {"text": words(15), "children": [{"text": words(30)}]}
                        for _ in range(item % 3)
                    ],
                }
                for item in range(120)
            ]
        }
    ]
    return raw


def a_table_ending_at_a_page_foot() -> dict[str, Any]:
    """A long table of remarks that ends a little above a page's foot (found by trying
    lengths with the DejaVu fonts of CI): with a margin below the table, Qt laid the line
    under it across the page break."""
    raw = minimal_raw(language="en")
    raw["themes"] = [
        {
            "name": "Water",
            "vision": "Clean water.",
            "comments": [
                {
                    "text": " ".join(f"w{word}" for word in range(12 + number % 7 * 9)),
                    "author": "Jana",
                    "status": "noted",
                }
                for number in range(167)
            ],
        }
    ]
    return raw


@pytest.mark.parametrize(
    "make_raw",
    [
        one_long_paragraph,
        many_paragraphs,
        lists_with_notes,
        a_table_ending_at_a_page_foot,
        demo_raw,
    ],
    ids=["one-long-paragraph", "many-paragraphs", "lists-with-notes", "table-at-a-foot", "demo"],
)
def test_each_word_once_and_whole_on_its_page(
    tmp_path: Path, qapp: object, make_raw: Callable[[], dict[str, Any]]
) -> None:
    """A line at a page break is written on its page only: copying, searching or reading the
    PDF aloud gets every word as often as the minutes hold it, in their order; and no line is
    cut in two by a page's edge."""
    data = parse_workshop(make_raw())
    options = MinutesOptions(attendance=True)
    target = tmp_path / "minutes.pdf"
    export_minutes(data, target, options)
    words = pdf_words(target)
    if words is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    flow, cells, header = minutes_words(build_minutes(data, options))
    # A table's header row is repeated on each page the table runs over, on purpose; and a
    # row across a page break has the start of each cell on one page, the rest on the next.
    words = [word for word in words if word not in header]
    in_cells = set(cells)
    assert [word for word in words if word not in in_cells] == [
        w for w in flow if w not in in_cells
    ]
    assert Counter(words) == Counter(word for word in flow + cells if word not in header)
    assert words_outside_the_text_area(target) == []


def test_a_first_line_laid_across_a_page_break_is_laid_out_again(qapp: object) -> None:
    """Where Qt leaves a block's first line across a page break, it is laid out again and
    goes to the next page whole."""
    from PySide6.QtCore import QPointF, QSizeF
    from PySide6.QtGui import QTextDocument

    from facilitator_app.minutes.write.pdf import _one_page_per_block, _page_breaks

    document = QTextDocument()
    document.setPageSize(QSizeF(400, 300))
    document.setHtml("".join(f"<p>Line {number}</p>" for number in range(40)))
    document.pageCount()
    layout = document.documentLayout()
    block = document.begin()
    while layout.blockBoundingRect(block).top() < 300:  # the first block on page 2
        block = block.next()
    lines = block.layout()
    height = lines.lineAt(0).height()
    where = layout.blockBoundingRect(block).top()
    lines.setPosition(QPointF(lines.position().x(), 300 - height / 2 - lines.lineAt(0).y()))
    assert _page_breaks(document, 300) == ([], [block.position()])

    _one_page_per_block(document, 300)
    assert _page_breaks(document, 300) == ([], [])
    assert layout.blockBoundingRect(block).top() == where


def run_python(code: str, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def test_pdf_from_a_headless_command_line(tmp_path: Path) -> None:
    """A CLI run has no Qt application and maybe no display: write_pdf makes what it needs."""
    target = tmp_path / "minutes.pdf"
    result = run_python(
        "from pathlib import Path\n"
        "from facilitator_app.minutes import MinutesOptions, export_minutes\n"
        "from facilitator_app.workshop.interchange import read_json_file\n"
        "from facilitator_app.paths import demo_json\n"
        "data = read_json_file(demo_json())\n"
        f"export_minutes(data, Path({str(target)!r}), MinutesOptions())\n"
    )
    assert result.returncode == 0, result.stderr
    check_pdf(target, ["Přátelský a bezpečný prostor"], pages=2)


def test_other_formats_never_load_qt(tmp_path: Path) -> None:
    result = run_python(
        "import sys\n"
        "from pathlib import Path\n"
        "from facilitator_app.minutes import MinutesOptions, export_minutes\n"
        "from facilitator_app.workshop.interchange import read_json_file\n"
        "from facilitator_app.paths import demo_json\n"
        "data = read_json_file(demo_json())\n"
        f"for name in ('m.docx', 'm.md'):\n"
        f"    export_minutes(data, Path({str(tmp_path)!r}) / name, MinutesOptions())\n"
        "import facilitator_app.minutes.write.pdf\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n"
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "m.docx").stat().st_size > 0
    assert (tmp_path / "m.md").stat().st_size > 0


@pytest.mark.parametrize("suffix", [".PDF", ".Md", ".DOCX"])
def test_suffix_case_does_not_matter(tmp_path: Path, qapp: object, suffix: str) -> None:
    target = tmp_path / f"minutes{suffix}"
    export_minutes(demo_workshop(), target, MinutesOptions())
    assert target.stat().st_size > 0
