"""Running the app as a child process: its command line (``python -m facilitator_app …``), or
its window with an environment of the test's own (offscreen, a data folder in ``tmp_path``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_command_line(
    *arguments: str | Path, cwd: Path, flags: tuple[str, ...] = (), errors: str = "strict"
) -> subprocess.CompletedProcess[str]:
    """``python FLAGS -m facilitator_app ARGUMENTS`` in ``cwd``; its output read as UTF-8
    (``errors="replace"`` where a test looks at output that may not be)."""
    return subprocess.run(
        [sys.executable, *flags, "-m", "facilitator_app", *map(str, arguments)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors=errors,
        check=False,
    )


def run_app(
    *args: str, env_extra: dict[str, str] | None = None, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    """The app started as the user starts it, offscreen, its data in ``tmp_path / "d"``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACILITATOR_APP_DATA=str(tmp_path / "d"))
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "facilitator_app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
