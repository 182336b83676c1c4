"""Build generated resources: compile forms/*.ui with pyside6-uic and translations with lrelease.

Run by `make`; generated files are never committed. Only files older than their source are rebuilt.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
FORMS_OUT = ROOT / "facilitator_app" / "gui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations"


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (make does it)")
    return found


def _stale(source: Path, target: Path) -> bool:
    return not target.exists() or target.stat().st_mtime < source.stat().st_mtime


def compile_forms() -> list[Path]:
    FORMS_OUT.mkdir(parents=True, exist_ok=True)
    init = FORMS_OUT / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated from forms/*.ui by facilitator_app.build_resources."""\n')
    built = []
    for ui in sorted(FORMS.glob("*.ui")):
        target = FORMS_OUT / f"ui_{ui.stem}.py"
        if _stale(ui, target):
            subprocess.run([_tool("pyside6-uic"), str(ui), "-o", str(target)], check=True)
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


def compile_translations() -> list[Path]:
    built = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        target = ts.with_suffix(".qm")
        if _stale(ts, target):
            subprocess.run(
                [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(target)], check=True
            )
            built.append(target)
    return built


LANGUAGES = ("cs",)
# English needs a translation file too, only for the plural forms ("1 remark", "3 remarks"):
# the source strings hold one form, "%n remarks".
PLURAL_ONLY = ("en",)


def update_translation_sources() -> None:
    """Refresh resources/translations/*.ts from the source strings (a developer's step)."""
    sources = [
        str(p) for p in sorted((ROOT / "facilitator_app").rglob("*.py")) if "forms" not in p.parts
    ] + [str(p) for p in sorted(FORMS.glob("*.ui"))]
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in (*LANGUAGES, *PLURAL_ONLY):
        target = TRANSLATIONS / f"facilitator_app_{language}.ts"
        only = ["-pluralonly"] if language in PLURAL_ONLY else []
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-locations",
                "none",
                "-no-obsolete",
                *only,
                "-target-language",
                language,
                *sources,
                "-ts",
                str(target),
            ],
            check=True,
        )


def main() -> None:
    if "--update-ts" in sys.argv[1:]:
        update_translation_sources()
        return
    compile_forms()
    compile_translations()


if __name__ == "__main__":
    main()
