"""JSON interchange format, version 3 (see docs/workshop-json.md): import and export.

Version 2 adds the meeting's programme (``agenda``) and its tasks (``tasks``) to version 1;
version 3 adds each theme's SWOT and problems and the previous meeting's date. Every version
is read; version 3 is written, always with every list (empty when there is nothing).

The format is declared once as pydantic models; validation errors are turned into one-line
messages that name the place, e.g. ``activity_blocks[0].activities[3].text: expected a
non-empty string``.

The modules, in the order an import goes through them:

- ``reading``: a file read (in pieces, with progress) and decoded; every problem a
  BadInputError; the limit on a file's size (``MAX_FILE_BYTES``).
- ``parsing``: the decoded document checked (format, version, the limit on activities,
  ``MAX_ACTIVITIES``) and made into a WorkshopData.
- ``tree``: the activities, counted before anything is validated, then checked and built
  one by one (a file may hold a million).
- ``schema``: the format as pydantic models, and their complaints as one-line messages.
- ``writing``: a WorkshopData as a version 3 document, and its text.

Importing the package imports pydantic (through ``schema``): the window imports it on the GUI
thread before an import starts in a worker.
"""

from facilitator_app.workshop.interchange.parsing import parse_workshop
from facilitator_app.workshop.interchange.reading import read_json_file
from facilitator_app.workshop.interchange.schema import FORMAT_NAME, FORMAT_VERSION
from facilitator_app.workshop.interchange.writing import dumps, workshop_to_json

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "dumps",
    "parse_workshop",
    "read_json_file",
    "workshop_to_json",
]
