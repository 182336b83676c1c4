"""Make any text as typed (or pasted from Word) safe for every output format.

XML 1.0 forbids most C0 control characters, U+FFFE/U+FFFF and surrogates; lxml refuses them
and Word refuses a file that has them. Line-separating controls become ``\\n`` (each writer
turns it into its own line break: ``w:br``, ``<br>``, a Markdown hard break); tabs stay;
everything else that XML forbids is dropped.
"""

from __future__ import annotations

import re

# Word stores a manual line break (Shift+Enter) as a vertical tab in its clipboard text and a
# page or column break as a form feed: both are line breaks here. NEL, LS and PS are line and
# paragraph separators in Unicode.
_LINE_BREAKS = "\x0b\x0c\x85\u2028\u2029"
_DROPPED = (
    [c for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"]
    + [0x7F]
    + [c for c in range(0x80, 0xA0) if c != 0x85]  # C1 controls: legal XML, but never text
    + [0xFFFE, 0xFFFF]
)
_TABLE: dict[int, str | None] = {ord(c): "\n" for c in _LINE_BREAKS}
_TABLE.update(dict.fromkeys(_DROPPED))
_NEEDS_WORK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` with only characters XML allows, line breaks as ``\\n``; never raises."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _NEEDS_WORK.search(text):  # the common case: nothing to do
        return text
    if _SURROGATE.search(text):
        # A surrogate pair that arrived as two code points becomes the character it encodes;
        # a lone half becomes U+FFFD.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.translate(_TABLE)


def one_line(text: str) -> str:
    """``clean_text`` with line breaks and tabs turned into spaces, for metadata and names."""
    return " ".join(clean_text(text).split())
