"""Build the generated resources: forms/*.ui → Python with pyside6-uic, resources/translations/*.ts
→ .qm with pyside6-lrelease. Generated files are never committed.

Two callers, one code:

- the build backend (``setup.py``'s build hook), for every wheel, sdist and editable install;
- ``make build-resources`` for the source tree: ``python packaging/build_resources.py``.

Only outputs older than their source are rebuilt. ``--update-ts`` refreshes the .ts sources
from the code instead (``make translations``, a developer's step).

This file is loaded by its path, never imported as ``packaging.…``: a package named
``packaging`` would hide the library of that name, which setuptools imports.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "facilitator_app"
FORMS = ROOT / "forms"
TRANSLATION_SOURCES = ROOT / "resources" / "translations"
# Where the generated files go inside the package (the source tree's or a build's copy of it).
FORMS_IN_PACKAGE = Path("gui") / "forms"
TRANSLATIONS_IN_PACKAGE = Path("resources") / "translations"

LANGUAGES = ("cs",)
# English needs a translation file too, only for the plural forms ("1 remark", "3 remarks"):
# the source strings hold one form, "%n remarks".
PLURAL_ONLY = ("en",)


def run_tool(name: str, *arguments: str) -> None:
    """Run a PySide6 tool (``pyside6-uic`` …) of the PySide6 that this Python imports.

    Through the console script's entry point rather than PATH: in an isolated build the build
    requirements' scripts need not be on PATH, and another PySide6 may be.
    """
    found = list(metadata.entry_points(group="console_scripts", name=name))
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (make does it)")
    module, _, function = found[0].value.partition(":")
    code = (
        f"import sys; from {module} import {function}; "
        f"sys.argv[0] = {name!r}; sys.exit({function}())"
    )
    subprocess.run([sys.executable, "-c", code, *arguments], check=True)


def _stale(source: Path, target: Path) -> bool:
    return not target.exists() or target.stat().st_mtime < source.stat().st_mtime


def _stale_targets(
    sources: Iterable[Path], out: Path, target_name: Callable[[Path], str]
) -> Iterator[tuple[Path, Path]]:
    """Each source, in name order, with its target in ``out`` (made if missing), where the
    target is missing or older than the source."""
    out.mkdir(parents=True, exist_ok=True)
    for source in sorted(sources):
        target = out / target_name(source)
        if _stale(source, target):
            yield source, target


def _form_module(ui: Path) -> str:
    return f"ui_{ui.stem}.py"


def _compiled_catalog(ts: Path) -> str:
    return f"{ts.stem}.qm"


def compile_forms(package: Path = PACKAGE) -> list[Path]:
    """forms/*.ui into ``package``/gui/forms/ui_*.py; the files written."""
    built = []
    forms = _stale_targets(FORMS.glob("*.ui"), package / FORMS_IN_PACKAGE, _form_module)
    for ui, target in forms:
        run_tool("pyside6-uic", str(ui), "-o", str(target))
        target.write_text(only_used_imports(target.read_text(encoding="utf-8")), "utf-8")
        built.append(target)
    return built


def only_used_imports(source: str) -> str:
    """The generated form with only the Qt names its code uses.

    pyside6-uic imports some forty classes into every form, used or not, and PySide creates each
    class (with its enums) when it is imported: 10 ms of start-up for the main window's form.
    """
    tree = ast.parse(source)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = source.splitlines(keepends=True)
    # Replace from the last import up, so the earlier statements' line numbers stay right.
    for statement in reversed(tree.body):
        if not isinstance(statement, ast.ImportFrom) or not statement.module:
            continue
        names = [alias.name for alias in statement.names if alias.name in used]
        assert statement.end_lineno is not None
        text = f"from {statement.module} import {', '.join(names)}\n" if names else ""
        lines[statement.lineno - 1 : statement.end_lineno] = [text]
    return "".join(lines)


def compile_translations(package: Path = PACKAGE) -> list[Path]:
    """resources/translations/*.ts into ``package``/resources/translations/*.qm."""
    built = []
    out = package / TRANSLATIONS_IN_PACKAGE
    for ts, target in _stale_targets(TRANSLATION_SOURCES.glob("*.ts"), out, _compiled_catalog):
        run_tool("pyside6-lrelease", "-silent", str(ts), "-qm", str(target))
        built.append(target)
    return built


def build(package: Path = PACKAGE) -> list[Path]:
    """Every generated file into ``package``; the files written."""
    return compile_forms(package) + compile_translations(package)


def generated_files(package: Path = PACKAGE) -> list[Path]:
    """The files ``build(package)`` makes, whether made yet or not."""
    return [
        *(package / FORMS_IN_PACKAGE / f"ui_{ui.stem}.py" for ui in sorted(FORMS.glob("*.ui"))),
        *(
            package / TRANSLATIONS_IN_PACKAGE / f"{ts.stem}.qm"
            for ts in sorted(TRANSLATION_SOURCES.glob("*.ts"))
        ),
    ]


def update_translation_sources() -> None:
    """Refresh resources/translations/*.ts from the source strings (a developer's step)."""
    forms_out = PACKAGE / FORMS_IN_PACKAGE
    sources = [str(p) for p in sorted(PACKAGE.rglob("*.py")) if not p.is_relative_to(forms_out)] + [
        str(p) for p in sorted(FORMS.glob("*.ui"))
    ]
    TRANSLATION_SOURCES.mkdir(parents=True, exist_ok=True)
    for language in (*LANGUAGES, *PLURAL_ONLY):
        target = TRANSLATION_SOURCES / f"facilitator_app_{language}.ts"
        only = ["-pluralonly"] if language in PLURAL_ONLY else []
        run_tool(
            "pyside6-lupdate",
            "-locations",
            "none",
            "-no-obsolete",
            *only,
            "-target-language",
            language,
            *sources,
            "-ts",
            str(target),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--update-ts", action="store_true", help="refresh the .ts sources from the code instead"
    )
    parser.add_argument(
        "--into", type=Path, default=PACKAGE, help="the package folder to build into"
    )
    options = parser.parse_args(argv)
    if options.update_ts:
        update_translation_sources()
    else:
        build(options.into)
    return 0


if __name__ == "__main__":
    sys.exit(main())
