"""`make bench`: every benchmark, a table of figures against their budgets, and bench.json.

Benchmarks live apart from the tests: they measure, they do not assert. Run one alone with
``python -m benchmarks.bench_<name>``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import Result, print_table

# (module, keyword arguments of its run()) in the order the table lists them.
SUITE: list[tuple[str, dict[str, object]]] = [
    ("benchmarks.bench_startup", {}),
    ("benchmarks.bench_import", {"activities": 5000}),
    ("benchmarks.bench_big_import", {"activities": 100_000, "runs": 3}),
    ("benchmarks.bench_docx", {"activities": 5000}),
    ("benchmarks.bench_gui", {"activities": 1000}),
    ("benchmarks.bench_gui", {"activities": 5000}),
    ("benchmarks.bench_gui", {"activities": 10000}),
    ("benchmarks.bench_wall", {"activities": 10000}),
    ("benchmarks.bench_wall_swot", {"activities": 500}),
    ("benchmarks.bench_summary", {"activities": 500}),
    ("benchmarks.bench_room", {"activities": 60}),  # 60 phones
]


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "date": datetime.now().isoformat(timespec="seconds"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", help="run only the benchmarks whose module name contains this")
    parser.add_argument("--output", type=Path, default=Path("bench.json"))
    options = parser.parse_args()
    results: list[Result] = []
    for module_name, arguments in SUITE:
        if options.only and options.only not in module_name:
            continue
        module = importlib.import_module(module_name)
        print(f"running {module_name} …", file=sys.stderr, flush=True)
        results.extend(module.run(**arguments))
    print_table(results)
    options.output.write_text(
        json.dumps(
            {"machine": machine(), "results": [r.as_dict() for r in results]},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
    print(f"\nwritten to {options.output}")
    missed = [r.name for r in results if r.within_budget is False]
    if missed:
        print("over budget: " + "; ".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
