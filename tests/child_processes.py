"""Running the app as a child process: its command line (``python -m facilitator_app …``), or
its window, or a script of the test's, with an environment of the test's own (offscreen, a data
folder in ``tmp_path``)."""

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
    env = app_environment(tmp_path)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "facilitator_app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )


def run_script(
    script: str, *arguments: str, tmp_path: Path, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -c SCRIPT ARGUMENTS`` in the app's environment (see ``run_app``), in ``cwd``
    (the test's own by default); a run that hangs fails on the timeout."""
    return subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True,
        text=True,
        env=app_environment(tmp_path),
        timeout=120,
        cwd=cwd,
        check=False,
    )


def app_environment(tmp_path: Path) -> dict[str, str]:
    """This process's environment, offscreen, with the app's data in ``tmp_path / "d"``."""
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", FACILITATOR_APP_DATA=str(tmp_path / "d"))
