"""The build hook: every wheel, sdist-built wheel and editable install gets the compiled forms
and translations. The project's metadata is in pyproject.toml; this file only adds the step.

The build code is packaging/build_resources.py (also what `make build-resources` runs). It is
loaded from its file rather than imported: a module named ``packaging`` would hide the library
of that name, which setuptools itself imports.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def build_resources() -> ModuleType:
    path = HERE / "packaging" / "build_resources.py"
    spec = importlib.util.spec_from_file_location("facilitator_app_build_resources", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithResources(build_py):
    """build_py, then the generated files into the built package.

    For an editable install the package that runs is the source tree's, so they go there, as
    `make build-resources` puts them.
    """

    def _package_dir(self) -> Path:
        if getattr(self, "editable_mode", False):
            return HERE / "facilitator_app"
        return Path(self.build_lib) / "facilitator_app"

    def run(self) -> None:
        super().run()
        build_resources().build(self._package_dir())

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        generated = [str(path) for path in build_resources().generated_files(self._package_dir())]
        return [*super().get_outputs(include_bytecode), *generated]


setup(cmdclass={"build_py": BuildPyWithResources})
