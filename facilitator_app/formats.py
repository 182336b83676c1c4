"""Workshops in every format by the file's suffix: read .json, .workshop or .docx minutes;
write .workshop, .json, or minutes as .docx, .md or .pdf.

The command line's ``convert`` and the window's Open and Import use this one module. Each
format's module loads only when its suffix is asked for: the window starts without any of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.workshop.errors import BadInputError

if TYPE_CHECKING:
    from facilitator_app.minutes.options import MinutesOptions
    from facilitator_app.workshop.model import WorkshopData
    from facilitator_app.workshop.progress import Progress

READABLE = (".json", ".workshop", ".docx")
WRITABLE = (".json", ".workshop", ".docx", ".md", ".pdf")


def read_workshop(path: Path, progress: Progress | None = None) -> WorkshopData:
    """Read a workshop from .json or .workshop (by suffix) without changing the file.

    ``progress`` (see workshop/progress.py) hears how far the reading of a JSON file has got.
    """
    if path.is_dir():
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "is a folder, not a workshop file"))
    if not path.exists():
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "no such file"))
    suffix = path.suffix.lower()
    if suffix == ".json":
        from facilitator_app.workshop.interchange import read_json_file

        return read_json_file(path) if progress is None else read_json_file(path, progress)
    if suffix == ".workshop":
        from facilitator_app.workshop.store.storage import Storage

        return Storage.read(path)
    if suffix == ".docx":
        from facilitator_app.minutes.read import read_minutes

        return read_minutes(path)
    if not suffix:
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "cannot read files without a suffix: use .json, .workshop or .docx minutes",
            ),
        )
    raise BadInputError(
        path,
        QT_TRANSLATE_NOOP("Refusal", "cannot read %1: use .json, .workshop or .docx minutes"),
        suffix,
    )


def write_workshop(data: WorkshopData, target: Path, minutes: MinutesOptions) -> None:
    """Write ``data`` to ``target`` as its suffix says; ``minutes`` for .docx, .md and .pdf."""
    suffix = target.suffix.lower()
    if suffix == ".workshop":
        from facilitator_app.workshop.document import Document

        Document.write_new(target, data)  # nothing to open: the data is written once
    elif suffix == ".json":
        from facilitator_app.atomic import write_text_atomically
        from facilitator_app.workshop.interchange import dumps

        write_text_atomically(target, dumps(data))
    else:
        from facilitator_app.minutes import export_minutes

        export_minutes(data, target, minutes)


def refuse_open_workshop(target: Path) -> None:
    """Never replace a workshop someone has open: the app would go on writing the old file."""
    from facilitator_app.workshop.store.lock import LockedError, is_stale, read_lock

    try:
        holder = read_lock(target)
    except ValueError:
        raise LockedError(target, None) from None
    if holder is not None and not is_stale(holder):
        raise LockedError(target, holder)
