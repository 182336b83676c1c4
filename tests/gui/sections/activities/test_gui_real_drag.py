"""A real mouse drag in a real window under Xvfb, checked in the file afterwards."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from repo_paths import TESTS

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.interchange import read_json_file
from facilitator_app.workshop.store.storage import Storage

SCRIPT = TESTS / "scripts" / "real_drag.py"

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb and xdotool"
)


@pytest.fixture
def x_display():
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as announced:
        display = announced.readline().strip()
    yield f":{display}"
    server.terminate()
    server.wait(timeout=10)


def test_dragging_an_activity_onto_another_with_the_mouse(x_display, tmp_path, demo_json) -> None:
    path = tmp_path / "drag.workshop"
    Document.create(path, read_json_file(demo_json)).close()
    env = dict(
        os.environ,
        DISPLAY=x_display,
        QT_QPA_PLATFORM="xcb",
        FACILITATOR_APP_DATA=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
    )
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            str(path),
            "Kamerový systém",
            "Zodolnění kritické infrastruktury",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    data = Storage.read(path)
    block = data.blocks[0]
    zodolneni = next(n for n in block.children if n.text == "Zodolnění kritické infrastruktury")
    assert [c.text for c in zodolneni.children] == ["Kamerový systém"]
    assert "Kamerový systém" not in [c.text for c in block.children[0].children]
