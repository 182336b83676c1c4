"""``facilitator-app summary FILE… -o OUT``, each run as a separate process: the outputs, one
line per bad file on stderr and exit status 2 (the rest still summarised), refusals before any
reading, and no Qt."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from child_processes import run_command_line
from summary_helpers import Region, write_region


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Region:
    return write_region(tmp_path_factory.mktemp("region"))


def test_both_outputs_at_once_without_qt(region: Region, tmp_path: Path) -> None:
    result = run_command_line(
        "summary", *region.paths, "-o", "r.xlsx", "-o", "r.docx", "--language", "en",
        cwd=tmp_path, flags=("-X", "importtime"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "PySide6" not in result.stderr
    assert "shiboken" not in result.stderr
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames[0] == "Overview"
    assert (tmp_path / "r.docx").stat().st_size > 0
    uncertain = [line for line in result.stderr.splitlines() if "uncertain match" in line]
    assert len(uncertain) == 3
    assert any("Eva Cerna (ČSAD Liberec) / Eva Černá (ČSAD Liberec)" in line for line in uncertain)


def test_bad_files_named_and_the_rest_summarised(region: Region, tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("[", encoding="utf-8")
    result = run_command_line(
        "summary", "broken.json", *region.paths, "missing.workshop", "-o", "r.xlsx", "--public",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("facilitator-app: broken.json: ")
    assert lines[1] == "facilitator-app: missing.workshop: no such file"
    assert "3 uncertain matches of persons" in lines[2]  # --public: no names, even here
    assert len(lines) == 3
    assert (tmp_path / "r.xlsx").exists()


def test_nothing_readable_writes_nothing(tmp_path: Path) -> None:
    result = run_command_line("summary", "missing.json", "-o", "r.docx", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "facilitator-app: missing.json: no such file",
        "facilitator-app: no file could be read; nothing written",
    ]
    assert not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("r.pdf", "cannot write a summary as .pdf: use .xlsx or .docx"),
        ("exists.xlsx", "exists already; add --force to overwrite it"),
        ("no-folder/r.xlsx", "its folder does not exist"),
    ],
)
def test_refusals_before_reading(region: Region, tmp_path: Path, output: str, message: str) -> None:
    (tmp_path / "exists.xlsx").write_bytes(b"old")
    result = run_command_line("summary", *region.paths, "-o", output, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"facilitator-app: {output}: {message}\n"
    assert (tmp_path / "exists.xlsx").read_bytes() == b"old"


def test_force_overwrites(region: Region, tmp_path: Path) -> None:
    (tmp_path / "exists.xlsx").write_bytes(b"old")
    result = run_command_line(
        "summary", *region.paths, "-o", "exists.xlsx", "--force", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(tmp_path / "exists.xlsx").sheetnames[0] == "Přehled"
