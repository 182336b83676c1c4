"""Benchmark: importing a 5,000-activity workshop from JSON into a new .workshop file.

The import is what File ▸ Import does: ``read_json_file`` (decode, validate, build the model)
then ``Document.create_from`` (write the file atomically and open it, keeping the model; convert
writes the file and does not open it). The budget is 1 s. For context the parts are timed alone,
and so are the way back (.workshop → JSON) and the whole `convert` command in a fresh process.

    python -m benchmarks.bench_import [--activities N] [--runs R]
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
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.interchange import dumps, read_json_file, workshop_to_json
from facilitator_app.workshop.store.storage import Storage


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def write_source(folder: Path, activities: int) -> Path:
    data = generate_workshop(activities)
    count = sum(1 for node in data.root.walk() if node.parent is not None and not node.is_block)
    assert count == activities, f"generated {count} activities, not {activities}"
    source = folder / f"workshop-{activities}.json"
    source.write_text(json.dumps(workshop_to_json(data), ensure_ascii=False), encoding="utf-8")
    return source


def run(activities: int = 5000, runs: int = 15, cli_runs: int = 5) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder_name:
        folder = Path(folder_name)
        source = write_source(folder, activities)
        target = folder / "imported.workshop"
        size_kib = source.stat().st_size / 1024
        levels = _depth(read_json_file(source).root)

        imports, parses, creates = [], [], []
        for _ in range(runs):
            _remove(target)
            start = time.perf_counter()
            data = read_json_file(source)
            parsed = time.perf_counter()
            document = Document.create_from(target, data)
            done = time.perf_counter()
            document.close()
            imports.append(done - start)
            parses.append(parsed - start)
            creates.append(done - parsed)
        results.append(
            summarise(
                f"import {activities:,} activities from JSON (read + create)",
                imports,
                budget_ms=1000,
                note=f"{size_kib:,.0f} KiB of JSON, {levels} levels below the blocks",
            )
        )
        results.append(summarise("  of which read_json_file (decode, validate, build)", parses))
        results.append(summarise("  of which Document.create_from (write, open)", creates))

        exports = []
        back = folder / "back.json"
        for _ in range(runs):
            start = time.perf_counter()
            back.write_text(dumps(Storage.read(target)), encoding="utf-8")
            exports.append(time.perf_counter() - start)
        assert json.loads(back.read_text(encoding="utf-8")) == json.loads(
            source.read_text(encoding="utf-8")
        )
        results.append(summarise("export it back to JSON (Storage.read + dumps)", exports))

        commands = []
        environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        for _ in range(cli_runs):
            _remove(target)
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "facilitator_app", "convert", str(source), str(target)],
                check=True,
                env=environment,
            )
            commands.append(time.perf_counter() - start)
        results.append(
            summarise(
                "convert IN.json OUT.workshop, the whole process",
                commands,
                note="includes starting Python and importing pydantic and peewee",
            )
        )
    return results


def _depth(root: object) -> int:
    from facilitator_app.workshop.model import Node

    assert isinstance(root, Node)
    return max(node.depth for node in root.walk()) - 1


if __name__ == "__main__":
    main_of(run, __doc__)
