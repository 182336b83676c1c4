"""Opening a .docx safely: refusing what is no Word document, before python-docx parses it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from facilitator_app.messages import QT_TRANSLATE_NOOP
from facilitator_app.minutes.text import one_line
from facilitator_app.workshop.errors import BadInputError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, or an encrypted .docx
_WORD_MAIN = b"wordprocessingml.document.main+xml"


def open_document(path: Path) -> Any:
    """The python-docx Document in ``path``; BadInputError for what is no readable .docx."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Refusal", "no such file")) from None
    except IsADirectoryError:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "is a folder, not a Word document")
        ) from None
    except OSError as error:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "cannot be read (%1)"), error.strerror or error
        ) from None
    if not data:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "is empty, not a Word document (.docx)")
        )
    if data.startswith(_OLE_MAGIC):
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "is an old Word document (.doc) or a password-protected one: save it in Word as"
                " a .docx without a password",
            ),
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content_types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise BadInputError(
            path,
            QT_TRANSLATE_NOOP(
                "Refusal", "is not a Word document (.docx): the file is not a ZIP package"
            ),
        ) from None
    except KeyError:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "is a ZIP file but not a Word document (.docx)")
        ) from None
    except (OSError, RuntimeError, NotImplementedError) as error:  # encrypted or odd compression
        raise BadInputError(path, f"is a damaged Word document ({one_line(str(error))})") from None
    if _WORD_MAIN not in content_types:
        raise BadInputError(
            path, QT_TRANSLATE_NOOP("Refusal", "is a ZIP file but not a Word document (.docx)")
        )
    import docx  # python-docx: loaded only when minutes are read

    try:
        return docx.Document(io.BytesIO(data))
    # python-docx and lxml fail in many ways on a damaged package (KeyError for a missing
    # part, XMLSyntaxError for broken XML, ValueError…): all mean the same to the user.
    except Exception as error:
        detail = one_line(str(error))[:200]
        raise BadInputError(
            path, f"is a damaged Word document{f' ({detail})' if detail else ''}"
        ) from None
