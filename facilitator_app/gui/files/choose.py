"""The file dialogs' questions the window asks: which file to open, where to write one.

The dialogs are called with positional arguments only (tests answer them by replacing
``QFileDialog.getOpenFileName``/``getOpenFileNames``/``getSaveFileName`` with a function of
``*args``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

WORKSHOP_FILTER = "Workshops (*.workshop)"
JSON_FILTER = "Workshop JSON (*.json)"


def chosen_to_open(parent: QWidget, title: str, file_filter: str) -> Path | None:
    """The file chosen in an Open dialog that starts in the home folder; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), file_filter)
    return Path(name) if name else None


def chosen_to_open_many(parent: QWidget, title: str, start: Path, file_filter: str) -> list[Path]:
    """The files chosen in an Open dialog that starts in ``start``; [] when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start), file_filter)
    return [Path(name) for name in names]


def chosen_to_save(parent: QWidget, title: str, suggestion: Path, file_filter: str) -> Path | None:
    """The file chosen in a Save dialog; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggestion), file_filter)
    return Path(name) if name else None


def new_workshop_file(parent: QWidget, title: str, suggestion: Path) -> Path | None:
    """A new .workshop file's name, ``.workshop`` added when the name has another suffix."""
    target = chosen_to_save(parent, title, suggestion, WORKSHOP_FILTER)
    if target is not None and target.suffix.lower() != ".workshop":
        target = target.with_name(target.name + ".workshop")
    return target
