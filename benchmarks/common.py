"""Timing helpers shared by the benchmarks: repeated runs, median and 95th percentile, the
table of results, a big workshop to measure, and a benchmark's own command line."""

from __future__ import annotations

import argparse
import inspect
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Result:
    name: str
    median_ms: float
    p95_ms: float
    runs: int
    budget_ms: float | None = None
    floor_ms: float | None = None  # the same work done the obvious or bare way, same run
    note: str = ""
    # Which figure the budget judges: the 95th percentile, or the median when the budget is a
    # multiple of a floor's median (like against like: both typical runs of the same machine).
    judged_by: str = "p95"

    @property
    def within_budget(self) -> bool | None:
        if self.budget_ms is None:
            return None
        judged = self.median_ms if self.judged_by == "median" else self.p95_ms
        return judged <= self.budget_ms

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "within_budget": self.within_budget}


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summarise(name: str, samples_s: list[float], **extra: object) -> Result:
    milliseconds = [s * 1000 for s in samples_s]
    return Result(
        name,
        statistics.median(milliseconds),
        percentile(milliseconds, 0.95),
        len(milliseconds),
        **extra,
    )  # type: ignore[arg-type]


def time_runs(
    work: Callable[[], object], runs: int, setup: Callable[[], object] | None = None
) -> list[float]:
    samples = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return samples


def print_table(results: list[Result]) -> None:
    print(f"{'benchmark':<58} {'median ms':>10} {'p95 ms':>9} {'runs':>5} {'budget':>9}  ok")
    for r in results:
        budget = f"{r.budget_ms:g}" if r.budget_ms is not None else "-"
        if r.budget_ms is not None and r.judged_by == "median":
            budget = f"{r.budget_ms:.0f} (med)"
        ok = {True: "yes", False: "NO", None: ""}[r.within_budget]
        print(f"{r.name:<58} {r.median_ms:>10.2f} {r.p95_ms:>9.2f} {r.runs:>5} {budget:>9}  {ok}")
        if r.floor_ms is not None or r.note:
            floor = f"floor {r.floor_ms:.2f} ms; " if r.floor_ms is not None else ""
            print(f"    {floor}{r.note}")


def big_workshop(activities: int, prefix: str) -> Path:
    """A .workshop of ``activities`` (ten children a branch) in a fresh folder, which holds
    the app's data folder too."""
    from benchmarks.generate import generate_workshop
    from facilitator_app.workshop.document import Document

    folder = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["FACILITATOR_APP_DATA"] = str(folder / "data")
    path = folder / "big.workshop"
    Document.create(path, generate_workshop(activities, fan_out=10)).close()
    return path


def main_of(
    run: Callable[..., list[Result]], doc: str | None, argv: list[str] | None = None
) -> None:
    """A benchmark run alone: ``--activities N --runs N`` (``run()``'s defaults), its table."""
    defaults = inspect.signature(run).parameters
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--activities", type=int, default=defaults["activities"].default)
    parser.add_argument("--runs", type=int, default=defaults["runs"].default)
    options = parser.parse_args(argv)
    print_table(run(activities=options.activities, runs=options.runs))


# A laptop and a projector beside it, for the wall benchmarks' offscreen platform.
TWO_SCREENS = {
    "screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "Projector", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ]
}


def use_two_offscreen_screens(prefix: str) -> None:
    """Run Qt offscreen on a laptop's screen and a projector's (unless a platform is set);
    call before PySide6 is imported."""
    if "QT_QPA_PLATFORM" in os.environ:
        return
    config = Path(tempfile.mkdtemp(prefix=prefix)) / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
