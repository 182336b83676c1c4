"""Filling translated messages."""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d)")


def arg(template: str, *values: object) -> str:
    """Fill Qt-style %1, %2 … in one pass (translations may reorder them).

    One pass, so that a value which itself contains "%1" (a title, a file name) stays as it is.
    """

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACE.sub(value, template)
