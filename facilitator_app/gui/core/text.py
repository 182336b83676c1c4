"""Filling translated messages, and translating the workshop layer's refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator_app.messages import fill as arg
from facilitator_app.workshop.errors import BadInputError, InvalidOperationError, WorkshopError

__all__ = ["arg", "refusal_text"]


def refusal_text(error: WorkshopError | OSError) -> str:
    """What a refused change or an unreadable file says, in the window's language when the
    wording has a translation (the file's path stays in front, as ``convert`` prints it)."""
    if isinstance(error, InvalidOperationError | BadInputError):
        text = arg(QCoreApplication.translate("Refusal", error.template), *error.values)
        return f"{error.path}: {text}" if isinstance(error, BadInputError) else text
    return str(error)
