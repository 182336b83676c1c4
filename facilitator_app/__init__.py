"""facilitator-app: run live strategy workshops offline and export their minutes."""

from importlib import metadata

try:
    __version__ = metadata.version("facilitator-app")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
