"""The layering docs/ARCHITECTURE.md describes, read from the code's imports.

Imports under ``if TYPE_CHECKING:`` only name types and are left out; every other import
counts, a lazy one inside a function too (it runs when the function does).
"""

from __future__ import annotations

import ast
from pathlib import Path

from repo_paths import REPO

PACKAGE = REPO / "facilitator_app"
# Below the GUI nothing imports Qt; the PDF writer is the one exception (Qt lays the PDF out).
QT_FREE = (
    "workshop",
    "minutes",
    "summary",
    "formats",
    "cli",
    "textdiff",
    "atomic",
    "paths",
    "messages",
    "room",
)
QT_FREE_PROJECTOR = (
    "gui.projector.state",
    "gui.projector.builder",
    "gui.projector.changes",
    "gui.room.phone_view",  # what the phones show, from the wall's snapshot
)
QT_ALLOWED = ("minutes.write.pdf",)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def run_time_imports(path: Path, modules: set[str] | None = None) -> set[str]:
    """The modules ``path`` imports when it runs (absolute names); ``modules``: the package's
    own, to tell ``from package import submodule`` from ``from module import name``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and is_type_checking(node)
        for inner in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from facilitator_app.x import y`` imports the module x.y when there is one
            # (and x's __init__ first, as every import of a submodule does), else names of x.
            submodules = {f"{node.module}.{alias.name}" for alias in node.names}
            found.update(submodules & modules if modules is not None else submodules)
            if modules is None or not submodules <= modules:
                found.add(node.module)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    modules.pop("", None)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        own = {f"facilitator_app.{module}" for module in modules}
        for imported in run_time_imports(path, own):
            if imported.startswith("facilitator_app."):
                target = imported.removeprefix("facilitator_app.")
                if target in modules and target != name:
                    targets.add(target)
        graph[name] = targets
    return graph


def test_no_import_cycle_at_run_time() -> None:
    graph = import_graph()
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = [*path[path.index(module) :], module]
            raise AssertionError("import cycle: " + " → ".join(cycle))
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_the_layers_below_the_gui_import_no_qt() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        qt_free = name.startswith(QT_FREE) or name in QT_FREE_PROJECTOR
        if not qt_free or name.startswith(QT_ALLOWED):
            continue
        qt = sorted(
            i for i in run_time_imports(path) if i.split(".")[0] in ("PySide6", "qtawesome")
        )
        if qt:
            offenders.append(f"{name}: {', '.join(qt)}")
    assert offenders == []


def test_the_document_layers_never_import_the_gui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        if name.startswith(("workshop", "minutes", "summary", "formats", "textdiff", "room")):
            gui = sorted(i for i in run_time_imports(path) if i.startswith("facilitator_app.gui"))
            if gui:
                offenders.append(f"{name}: {', '.join(gui)}")
    assert offenders == []
