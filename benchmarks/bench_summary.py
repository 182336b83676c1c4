"""Benchmark: a region's summary, 14 groups × 3 meetings (500 activities and 300 attendees
each), merged into .xlsx and .docx: the time and the peak memory.

The 42 inputs are written first, half as .workshop and half as .json, and not timed. Each run
is a fresh process (``facilitator-app summary IN… -o OUT.xlsx -o OUT.docx``, its ``main``), so
that its peak resident size is the summary's own; the process reports how long reading,
the workbook and the document took within it.

    python -m benchmarks.bench_summary [--activities N] [--runs R]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_big_import import PEAK
from benchmarks.common import Result, main_of, summarise
from benchmarks.generate import generate_group_series
from facilitator_app.atomic import write_text_atomically
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.interchange import dumps

GROUPS = 14
MEETINGS = 3
ATTENDEES = 300
BUDGET_MS = 5000  # the "well under 5 s", for the whole merge into both formats

# The summary in a fresh process, timed by its parts; the peak as bench_big_import reads it.
SCRIPT = (
    PEAK
    + """
import json, sys, time
from pathlib import Path
from facilitator_app.summary import summarise, write_summary
start = time.perf_counter()
summary = summarise([Path(p) for p in sys.argv[2:]])
read = time.perf_counter()
write_summary(summary, Path(sys.argv[1]) / "region.xlsx")
xlsx = time.perf_counter()
write_summary(summary, Path(sys.argv[1]) / "region.docx")
done = time.perf_counter()
print("PARTS", json.dumps([read - start, xlsx - read, done - xlsx, done - start]))
report_peak()
"""
)


def write_inputs(folder: Path, activities: int) -> list[Path]:
    """The region's meetings as files, alternately .workshop and .json."""
    paths = []
    for group in range(1, GROUPS + 1):
        series = generate_group_series(
            group, meetings=MEETINGS, activities=activities, attendees=ATTENDEES
        )
        for number, data in enumerate(series, start=1):
            suffix = ".workshop" if (group + number) % 2 else ".json"
            path = folder / f"group-{group:02d}-{number}{suffix}"
            if suffix == ".json":
                write_text_atomically(path, dumps(data))
            else:
                Document.write_new(path, data)
            paths.append(path)
    return paths


def run(activities: int = 500, runs: int = 3) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="bench-summary-") as folder_name:
        folder = Path(folder_name)
        env = dict(os.environ, FACILITATOR_APP_DATA=str(folder / "data"))
        paths = write_inputs(folder, activities)
        wholes, parts, peaks = [], [], []
        for _ in range(runs):
            command = [sys.executable, "-c", SCRIPT, str(folder), *map(str, paths)]
            start = time.perf_counter()
            result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            wholes.append(time.perf_counter() - start)
            lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
            if result.returncode != 0 or "PARTS" not in lines:
                raise RuntimeError(f"the summary failed ({result.returncode}): {result.stderr}")
            parts.append(json.loads(lines["PARTS"]))
            peaks.append(int(lines["PEAK_KB"]) * 1024)
        xlsx_size = (folder / "region.xlsx").stat().st_size / 2**20
        docx_size = (folder / "region.docx").stat().st_size / 2**20
    meetings = GROUPS * MEETINGS
    scale = f"{GROUPS} groups × {MEETINGS} meetings × {activities} activities"
    scale += f", {ATTENDEES} attendees"
    return [
        summarise(
            f"region summary to .xlsx and .docx ({meetings} files), in the process",
            [p[3] for p in parts],
            budget_ms=BUDGET_MS,
            note=f"{scale}; peak memory {max(peaks) / 2**20:,.0f} MB; "
            f".xlsx {xlsx_size:.1f} MB, .docx {docx_size:.1f} MB",
        ),
        summarise("  … reading the 42 files and matching the persons", [p[0] for p in parts]),
        summarise("  … writing the .xlsx", [p[1] for p in parts]),
        summarise("  … writing the .docx", [p[2] for p in parts]),
        summarise(
            "  … the whole process, start-up included",
            wholes,
            note=f"peak resident memory {max(peaks) / 2**20:,.0f} MB",
        ),
    ]


if __name__ == "__main__":
    main_of(run, __doc__)
