"""A JSON file read and decoded, then parsed; every problem a BadInputError, progress told."""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.workshop.errors import BadInputError
from facilitator_app.workshop.interchange.parsing import (
    TooBigError,
    count_text,
    parse_document,
    replace_lone_surrogates,
)
from facilitator_app.workshop.model import WorkshopData
from facilitator_app.workshop.progress import Progress, Split, no_progress

# A million activities (parsing.MAX_ACTIVITIES) of 200 characters with their keys.
MAX_FILE_BYTES = 250_000_000
_READ_PIECE = 4 * 2**20
# The parts of an import (reading the file, decoding the JSON, checking and building the
# workshop), by their share of its time.
_IMPORT_SHARES = (0.05, 0.3, 0.65)


def read_json_file(path: Path, progress: Progress = no_progress) -> WorkshopData:
    """Read and validate a JSON workshop file; every problem becomes a BadInputError.

    A file beyond what the app holds (MAX_FILE_BYTES, parsing.MAX_ACTIVITIES) is refused before the
    work on it begins. ``progress`` hears how far the import has got, and may stop it by
    raising Cancelled.
    """
    with _collector_paused():
        return _read_json_file(path, progress)


def _read_json_file(path: Path, progress: Progress) -> WorkshopData:
    parts = Split(progress, _IMPORT_SHARES)
    raw, escapes_surrogates = _read_json(path, parts.part(0), parts.part(1))
    try:
        if escapes_surrogates:  # rare: only then can the text hold halves of a pair
            raw = replace_lone_surrogates(raw)
        return parse_document(raw, parts.part(2))
    except RecursionError:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "activities are nested too deeply")
        ) from None
    except TooBigError as error:
        raise BadInputError(path, error.template, *error.values) from None
    except ValueError as error:
        raise BadInputError(path, str(error)) from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a big file becomes a workshop.

    The import makes millions of objects and frees few: the collector would go through all
    those made so far again and again (almost half of the time of a million activities) and
    find nothing to collect. Reference counting frees everything as usual meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Half of a UTF-16 pair can only come from a JSON escape, \\ud800 to \\udfff.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _read_json(path: Path, reading: Progress, decoding: Progress) -> tuple[Any, bool]:
    """The decoded JSON of a file, and whether its text escapes any surrogates."""
    text = _read_text(path, reading)
    escapes_surrogates = _ESCAPED_SURROGATE.search(text) is not None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP("Refusal", "not valid JSON: %1 at line %2, column %3"),
            error.msg,
            error.lineno,
            error.colno,
        ) from None
    except RecursionError:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "not valid JSON: nested too deeply")
        ) from None
    decoding(1, 1)
    return raw, escapes_surrogates


def _read_text(path: Path, progress: Progress) -> str:
    """A file's text, read in pieces (each reported); one bigger than MAX_FILE_BYTES is refused
    unread."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise BadInputError(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Refusal", "is %1 MB; the app imports JSON files of at most %2 MB"
                    ),
                    count_text(-(-size // 1_000_000)),
                    count_text(MAX_FILE_BYTES // 1_000_000),
                )
            # One buffer of the file's size, filled in place: no pieces to join afterwards.
            buffer = bytearray(size)
            with memoryview(buffer) as view:
                done = 0
                while done < size:
                    got = handle.readinto(view[done : done + _READ_PIECE])
                    if not got:
                        break
                    done += got
                    progress(done, size)
            del buffer[done:]  # the file was shorter than it said
    except FileNotFoundError:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "no such file")) from None
    except IsADirectoryError:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "is a folder, not a file")) from None
    except OSError as error:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "cannot be read (%1)"), error.strerror
        ) from None
    try:
        return buffer.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "not UTF-8 text (byte %1)"), error.start
        ) from None
