"""The QR code the wall shows: its modules as rows of booleans (the wall paints them)."""

from __future__ import annotations


def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """``text`` (the join URL) as a QR code with medium error correction, without its quiet
    zone (the painter leaves one)."""
    import segno

    code = segno.make_qr(text, error="m", boost_error=False)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)
