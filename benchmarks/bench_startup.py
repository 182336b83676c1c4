"""Start-up to the first painted frame (against a bare PySide6 window) and resident memory.

Each run is a fresh process, as a user starts the app:

- ``facilitator-app --smoke --demo`` (says on stderr when its first frame is painted, prints its
  windows once the workshop is painted in it, and exits),
- the same for a bare QMainWindow (the floor, measured in the same run),
- memory: a 10,000-activity workshop opened and presented on the wall, peak resident size.

    python -m benchmarks.bench_startup [--runs N]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.common import Result, main_of, summarise
from benchmarks.generate import generate_workshop
from facilitator_app.workshop.document import Document

MEMORY_SCRIPT = """
import resource, sys
from facilitator_app.cli import main
code = main(["--smoke", "--present", sys.argv[1]])
print("MAXRSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
sys.exit(code)
"""


def _environment(folder: Path) -> dict[str, str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FACILITATOR_APP_DATA=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config"),
    )
    # An installed app has its byte code compiled (pip and PyInstaller do it); with this set,
    # every start would compile the app's changed sources again and time the compiler.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


FIRST_FRAME = "first frame painted"  # what --smoke writes on stderr at the window's first frame


def _time_process(arguments: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting the process to its first frame and to its first line on stdout.

    The app's ``--smoke`` says on stderr when the window's first frame is painted, and prints
    its windows on stdout once the workshop is painted in it; the bare window prints at its
    first frame, so both of its times are that one.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        arguments, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first_frame: list[float] = []

    def watch_stderr() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if FIRST_FRAME in line and not first_frame:
                first_frame.append(time.perf_counter() - start)

    watcher = threading.Thread(target=watch_stderr, daemon=True)
    watcher.start()
    first_line = process.stdout.readline()
    shown = time.perf_counter() - start
    process.stdout.read()
    if process.wait(timeout=120) != 0 or not first_line:
        raise RuntimeError(f"{' '.join(arguments)} failed")
    watcher.join(timeout=30)
    return (first_frame[0] if first_frame else shown), shown


def run(runs: int = 7, activities: int = 10000) -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    env = _environment(folder)
    app = [sys.executable, "-m", "facilitator_app", "--smoke", "--demo"]
    bare = [sys.executable, "-m", "benchmarks.bare_window"]
    _time_process(app, env)  # the demo's working copy is made on the first start only
    frame_samples, shown_samples, bare_samples = [], [], []
    for _ in range(runs):
        frame, shown = _time_process(app, env)
        frame_samples.append(frame)
        shown_samples.append(shown)
        bare_samples.append(_time_process(bare, env)[0])
    bare_result = summarise("bare PySide6 main window to first paint", bare_samples)
    results = [
        summarise(
            "start-up to the first painted frame (demo)",
            frame_samples,
            budget_ms=2 * bare_result.median_ms,
            floor_ms=bare_result.median_ms,
            judged_by="median",
            note="budget: 2x the bare window's median, both as fresh processes in this run",
        ),
        summarise(
            "… to the demo workshop painted in it (no budget)",
            shown_samples,
            floor_ms=bare_result.median_ms,
            note="the workshop layer loads after the first frame and fills the window",
        ),
        bare_result,
    ]
    big = folder / "big.workshop"
    Document.create(big, generate_workshop(activities, fan_out=10)).close()
    output = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, str(big)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    kilobytes = next(
        int(line.split()[1]) for line in output.splitlines() if line.startswith("MAXRSS_KB")
    )
    megabytes = kilobytes / 1024
    results.append(
        Result(
            f"peak resident memory, {activities} activities, wall open (MB)",
            megabytes,
            megabytes,
            1,
            budget_ms=250,
            note="figures in MB, not ms; budget 250 MB",
        )
    )
    return results


if __name__ == "__main__":
    main_of(run, __doc__)
