"""Filling translated messages, and translating the workshop layer's refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator_app.messages import fill as arg
from facilitator_app.workshop.errors import BadInputError, InvalidOperationError, WorkshopError

__all__ = ["arg", "refusal_text", "translated"]


def refusal_text(error: WorkshopError | OSError) -> str:
    """What a refused change or an unreadable file says, in the window's language when the
    wording has a translation (the file's path stays in front, as ``convert`` prints it)."""
    template = getattr(error, "template", "")  # the summary's refusals carry theirs too
    if isinstance(error, InvalidOperationError | BadInputError) or template:
        text = translated(template, getattr(error, "values", ()))
        return f"{error.path}: {text}" if isinstance(error, BadInputError) else text
    return str(error)


def translated(template: str, values: tuple[object, ...]) -> str:
    """A refusal's wording (marked for the "Refusal" context) translated and filled."""
    return arg(QCoreApplication.translate("Refusal", template), *values)
