"""The region summary: many groups' minutes merged into one .xlsx or .docx (no Qt).

``summarise(paths, progress, cancelled)`` reads the files (any mix of .workshop, .json and
.docx minutes, each a group's meeting) into a ``Summary``: the groups and their meetings, the
persons matched across them with the uncertain matches, and the files left out with their
reasons. ``write_summary(summary, target, language, public)`` writes it as the target's
suffix says. The command line's ``summary`` and the window's File ▸ Region summary… use these
two; openpyxl and python-docx load only when their format is written.
"""

from __future__ import annotations

from pathlib import Path

from facilitator_app.atomic import follow_umask
from facilitator_app.messages import QT_TRANSLATE_NOOP, fill
from facilitator_app.summary.collect import (
    FileError,
    FileProgress,
    Group,
    Meeting,
    Summary,
    summarise,
)
from facilitator_app.summary.people import Doubt, People, Person, UncertainMatch
from facilitator_app.workshop.errors import WorkshopError

__all__ = [
    "SUFFIXES",
    "Doubt",
    "FileError",
    "FileProgress",
    "Group",
    "Meeting",
    "People",
    "Person",
    "Summary",
    "SummaryError",
    "UncertainMatch",
    "summarise",
    "write_summary",
]

SUFFIXES = (".xlsx", ".docx")


class SummaryError(WorkshopError):
    """The summary could not be written; the message is one line for the user.

    ``template`` and ``values`` let a window translate it ("Refusal" context, ``%1``…).
    """

    def __init__(self, template: str, *values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(fill(template, *values))


def write_summary(
    summary: Summary, target: Path, language: str = "cs", public: bool = False
) -> None:
    """Write ``summary`` to ``target`` as .xlsx or .docx (by suffix), atomically, in
    ``language`` ("cs" or "en"); ``public`` leaves every person's name out.

    SummaryError for another suffix, an unknown language or a file that cannot be written.
    """
    from facilitator_app.summary.phrases import summary_phrases_for

    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise SummaryError(
            QT_TRANSLATE_NOOP("Refusal", "%1: cannot write a summary as %2: use .xlsx or .docx"),
            target,
            suffix or "a file without a suffix",
        )
    try:
        phrases = summary_phrases_for(language)
    except ValueError as error:
        raise SummaryError(str(error)) from None
    try:
        if suffix == ".xlsx":
            from facilitator_app.summary.xlsx import write_xlsx

            write_xlsx(summary, target, phrases, public)
        else:
            from facilitator_app.summary.docx import write_summary_docx

            write_summary_docx(summary, target, phrases)
    except OSError as error:
        raise SummaryError(
            QT_TRANSLATE_NOOP("Refusal", "%1: cannot be written (%2)"),
            target,
            error.strerror or error,
        ) from None
    if public:
        # Written readable by its owner only, like everything that may hold names; the public
        # version names nobody and is meant to be passed on.
        follow_umask(target)
