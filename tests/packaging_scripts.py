"""The scripts in packaging/ (build_resources.py, render_icons.py), loaded from their files.

packaging/ is not a package: one named ``packaging`` would hide the library of that name.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"


@cache
def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_resources = load("build_resources")
compile_translations = build_resources.compile_translations
