"""The minutes (zápis) of a workshop as .docx, Markdown or PDF (no Qt except for PDF).

``export_minutes(data, target, options)`` is the one entry point for the CLI and the GUI; the
format follows the target's suffix.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator_app.atomic import follow_umask
from facilitator_app.minutes.options import MinutesError, MinutesOptions
from facilitator_app.workshop.model import WorkshopData

if TYPE_CHECKING:
    from facilitator_app.minutes.content import Minutes, build_minutes

__all__ = ["SUFFIXES", "MinutesError", "MinutesOptions", "build_minutes", "export_minutes"]

SUFFIXES = (".docx", ".md", ".pdf")


def __getattr__(name: str) -> Any:
    # The content builder loads on first use: the GUI and the wall read only the phrases.
    if name in ("build_minutes", "Minutes"):
        from facilitator_app.minutes import content

        return getattr(content, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def export_minutes(data: WorkshopData, target: Path, options: MinutesOptions) -> None:
    """Write the minutes of ``data`` to ``target``, as the suffix says (.docx, .md or .pdf).

    Raises ValueError for another suffix and MinutesError for what the user must fix (a bad
    template, a folder that cannot be written). The target is replaced atomically: a failed
    export leaves no half-written file and an older file in place untouched.
    """
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES and suffix != ".markdown":
        raise ValueError(
            f"{target}: cannot export the minutes as {suffix or 'a file without a suffix'}; "
            "choose a .docx, .md or .pdf file"
        )
    from facilitator_app.minutes.content import build_minutes

    minutes = build_minutes(data, options)
    if options.redline and suffix == ".docx":
        from facilitator_app.minutes.redline import with_redline

        # The changes are dated now, as Word dates the changes made in it.
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        minutes = with_redline(minutes, data, now)
    try:
        _write(minutes, target, suffix, options)
    except OSError as error:
        reason = error.strerror or str(error)
        raise MinutesError(f"{target}: cannot be written ({reason})") from None
    if options.public:
        # Written readable by its owner only, like everything that may hold names; the public
        # version names nobody and is meant to be passed on.
        follow_umask(target)


def _write(minutes: Minutes, target: Path, suffix: str, options: MinutesOptions) -> None:
    if suffix == ".docx":
        from facilitator_app.minutes.write.docx import write_docx

        write_docx(minutes, target, options.template)
    elif suffix == ".pdf":
        from facilitator_app.minutes.write.pdf import (
            write_pdf,
        )  # imports Qt: only when a PDF is asked for

        write_pdf(minutes, target)
    else:
        from facilitator_app.minutes.write.markdown import write_markdown

        write_markdown(minutes, target)
