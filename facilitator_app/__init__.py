"""facilitator-app: run live strategy workshops offline and export their minutes."""

from __future__ import annotations

from functools import cache

# The exit status of every refusal (bad input, a locked file), from the command line and the GUI.
EXIT_BAD_INPUT = 2


@cache
def _version() -> str:
    from importlib import metadata  # reading package metadata costs tens of ms: only on demand

    try:
        return metadata.version("facilitator-app")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
