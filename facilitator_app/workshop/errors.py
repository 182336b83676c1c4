"""Errors that carry a message fit to show a user: what is wrong, and where."""

from __future__ import annotations

from pathlib import Path

from facilitator_app.messages import fill


class WorkshopError(Exception):
    """A refusal with a one-line message for the user (no traceback is ever shown)."""


class BadInputError(WorkshopError):
    """A file that cannot be read as a workshop; the message names the file and the place."""

    def __init__(self, path: Path | str, problem: str, *values: object) -> None:
        """``problem`` may hold places (%1, %2 …) for ``values``, like a refusal's template."""
        self.path = Path(path)
        self.template = problem
        self.values = values
        self.problem = fill(problem, *values)
        super().__init__(f"{self.path}: {self.problem}")


class StorageError(WorkshopError):
    """The workshop file could not be written (read-only medium, disk full, medium gone)."""


class InvalidOperationError(WorkshopError):
    """An operation that makes no sense here, e.g. a move into the node's own subtree.

    ``template`` may hold places (%1, %2 …) for ``values``; the window translates the
    template when it is marked with ``messages.QT_TRANSLATE_NOOP("Refusal", …)``.
    """

    def __init__(self, template: str, *values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(fill(template, *values))
