"""The PDF minutes laid out by Qt; and Qt stays unloaded for every other format."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from minutes_helpers import REPO, demo_raw, demo_workshop, minimal_raw

from facilitator_app.minutes import MinutesOptions, build_minutes, export_minutes
from facilitator_app.minutes.pdf import render_html
from facilitator_app.workshop.interchange import parse_workshop


def pdf_text(path: Path) -> str | None:
    """The text of ``path`` as pdftotext extracts it, or None where pdftotext is missing."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return None
    return subprocess.run(
        [pdftotext, str(path), "-"], check=True, capture_output=True, text=True
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
        "import facilitator_app.minutes.pdf\n"
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
