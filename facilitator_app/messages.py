"""Messages with Qt-style places (%1, %2 …), filled the same way with or without Qt."""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """Fill %1, %2 … in one pass (translations may reorder them).

    One pass, so that a value which itself contains "%1" (a title, a file name) stays as it is.
    """

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACE.sub(value, template)


# The name is the one lupdate looks for.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` without Qt; returns it unchanged.

    The workshop layer imports no Qt, yet its refusals reach the facilitator: lupdate collects
    the marked wordings into the translation, and the window translates them when it shows one.
    """
    return text
