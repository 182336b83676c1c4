"""Filling translated messages, and translating the workshop layer's refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..messages import fill as arg
from ..workshop.errors import InvalidOperationError, WorkshopError

__all__ = ["arg", "refusal_text"]


def refusal_text(error: WorkshopError) -> str:
    """What a refused change says, in the language of the window when it has a translation."""
    if isinstance(error, InvalidOperationError):
        return arg(QCoreApplication.translate("Refusal", error.template), *error.values)
    return str(error)
