"""The project stands alone: nothing in it reads a folder beside the clone."""

from __future__ import annotations

import re
from pathlib import Path

from repo_paths import REPO

# The folder of reference material that sits beside a developer's clone (not beside a user's):
# reached by climbing out of the clone (two dots, a slash, its name) or as a parent path
# joined with its name.
OUTSIDE = re.compile(r"""\.\./shared\b|parents?(\[\d+\])?\s*/\s*["']shared["']""")


def test_no_file_of_the_project_reads_beside_the_clone() -> None:
    roots = ["facilitator_app", "tests", "benchmarks", "packaging", ".ci"]
    files = [p for root in roots for p in (REPO / root).rglob("*") if p.is_file()]
    files += [REPO / "Makefile", REPO / "pyproject.toml"]
    offenders = []
    for path in files:
        if path.suffix not in {".py", ".spec", ".sh", ""} or path == Path(__file__):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        offenders += [
            f"{path.relative_to(REPO)}:{number}: {line.strip()}"
            for number, line in enumerate(text.splitlines(), 1)
            if OUTSIDE.search(line)
        ]
    assert not offenders, "\n".join(offenders)


def test_the_seed_minutes_are_test_data_of_the_project() -> None:
    seed = REPO / "tests" / "data" / "minutes-2026-05-19.txt"
    assert "VIZE" in seed.read_text(encoding="utf-8").splitlines()
