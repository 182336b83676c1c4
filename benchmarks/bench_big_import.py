"""Benchmark: importing a big JSON file (100,000 activities), its time and its peak memory.

Each run is a fresh process, so that its peak resident size is the import's own:

- ``facilitator-app convert IN.json OUT.workshop`` (read, check, build, write; its ``main``),
- the window importing the same file (in its worker thread, with the progress dialog) and
  showing the activity tree: what the app must hold for a workshop of that size.

The memory per activity is the peak above the same process importing a tiny file, divided by
the activities; its budgets bound how memory grows with the work, and tell what the limits in
``workshop/interchange/parsing.py`` (MAX_ACTIVITIES) cost.

    python -m benchmarks.bench_big_import [--activities N] [--runs R]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Result, main_of, summarise
from benchmarks.generate import generate_workshop
from facilitator_app.workshop.interchange import workshop_to_json

TIME_BUDGET_MS = 5000  # convert of 100,000 activities, the whole process
# Peak bytes per activity above a tiny import. Convert holds the decoded JSON and the workshop
# built from it; the window holds the workshop and its tree (an item per activity) as well.
CONVERT_BYTES_BUDGET = 1000
WINDOW_BYTES_BUDGET = 3000
TINY = 100  # activities of the file whose import is the baseline

# Each child reports its own peak (VmHWM: the high-water mark of its memory since it started).
# The kernel's ru_maxrss would count this process too: a child starts as a copy of it.
PEAK = """
def report_peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                print("PEAK_KB", line.split()[1], flush=True)
"""

CONVERT_SCRIPT = (
    PEAK
    + """
import sys
from facilitator_app.cli import main
code = main(["convert", sys.argv[1], sys.argv[2]])
report_peak()
sys.exit(code)
"""
)

WINDOW_SCRIPT = (
    PEAK
    + """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from facilitator_app.gui.app import make_application
make_application()
from facilitator_app.gui.main_window import MainWindow
from benchmarks.bench_gui import wait_for_paint
window = MainWindow()
window.resize(1280, 800)
window.show()
QApplication.processEvents()
if not window.open_path(Path(sys.argv[1])):
    sys.exit(1)
window.show_section(3)
wait_for_paint(window.page("activities").view.viewport())
report_peak()
"""
)


def _environment(folder: Path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FACILITATOR_APP_DATA=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config"),
    )


def _measure(arguments: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds a fresh process takes, and its peak resident size in bytes."""
    start = time.perf_counter()
    result = subprocess.run(arguments, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peaks = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("PEAK_KB")]
    if result.returncode != 0 or not peaks:
        raise RuntimeError(f"{arguments[-2:]} failed ({result.returncode}): {result.stderr}")
    return seconds, int(peaks[0]) * 1024


def _write_source(path: Path, activities: int) -> Path:
    data = generate_workshop(activities)
    path.write_text(json.dumps(workshop_to_json(data), ensure_ascii=False), encoding="utf-8")
    return path


def _imports(
    command: list[str], source: Path, tiny: Path, runs: int, env: dict[str, str]
) -> tuple[list[float], int, int]:
    """Times of ``runs`` imports of ``source``, their highest peak, and the tiny file's."""
    targets = [source.with_suffix(".workshop"), tiny.with_suffix(".workshop")]

    def clean() -> None:
        for target in targets:
            for suffix in ("", "-wal", "-shm", ".lock"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)

    def one(path: Path) -> tuple[float, int]:
        clean()
        arguments = [a.replace("{source}", str(path)) for a in command]
        arguments = [a.replace("{target}", str(path.with_suffix(".workshop"))) for a in arguments]
        return _measure(arguments, env)

    _, baseline = one(tiny)
    samples, peak = [], 0
    for _ in range(runs):
        seconds, resident = one(source)
        samples.append(seconds)
        peak = max(peak, resident)
    clean()
    return samples, peak, baseline


def _per_activity(name: str, peak: int, baseline: int, activities: int, budget: int) -> Result:
    per_activity = (peak - baseline) / (activities - TINY)
    return Result(
        name,
        per_activity,
        per_activity,
        1,
        budget_ms=budget,
        note=(
            f"figures in bytes, not ms: peak {peak / 2**20:,.0f} MB against "
            f"{baseline / 2**20:,.0f} MB for {TINY} activities; budget {budget} bytes"
        ),
    )


def run(activities: int = 100_000, runs: int = 3) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="bench-big-import-") as folder_name:
        folder = Path(folder_name)
        env = _environment(folder)
        source = _write_source(folder / f"workshop-{activities}.json", activities)
        tiny = _write_source(folder / f"workshop-{TINY}.json", TINY)
        size = source.stat().st_size / 2**20
        convert = [sys.executable, "-c", CONVERT_SCRIPT, "{source}", "{target}"]
        samples, peak, baseline = _imports(convert, source, tiny, runs, env)
        window = [sys.executable, "-c", WINDOW_SCRIPT, "{source}"]
        window_samples, window_peak, window_baseline = _imports(window, source, tiny, runs, env)
    return [
        summarise(
            f"convert {activities:,} activities from JSON, the whole process",
            samples,
            budget_ms=TIME_BUDGET_MS,
            note=f"{size:,.1f} MB of JSON; peak {peak / 2**20:,.0f} MB",
        ),
        _per_activity(
            "  peak memory per activity of convert (bytes)",
            peak,
            baseline,
            activities,
            CONVERT_BYTES_BUDGET,
        ),
        summarise(
            f"window imports {activities:,} activities, tree shown",
            window_samples,
            note=f"a fresh process to the tree painted; peak {window_peak / 2**20:,.0f} MB",
        ),
        _per_activity(
            "  peak memory per activity of the window (bytes)",
            window_peak,
            window_baseline,
            activities,
            WINDOW_BYTES_BUDGET,
        ),
    ]


if __name__ == "__main__":
    main_of(run, __doc__)
