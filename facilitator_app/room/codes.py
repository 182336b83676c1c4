"""Room codes and the devices' session tokens.

A room code is six characters from an alphabet without the look-alikes 0/O, 1/I/L: read off
the wall from the back of the room, typed on a phone. A device that joins gets a random token
in a cookie; the server keeps only the token's SHA-256, so a memory dump or a log line shows
nothing that lets anyone in.
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0, O, 1, I, L
CODE_LENGTH = 6
TOKEN_BYTES = 32


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """What a person typed, as a code: capitals, without spaces and dashes."""
    return "".join(typed.split()).replace("-", "").upper()


def codes_match(typed: str, code: str) -> bool:
    candidate = normalise_code(typed)
    return len(candidate) == len(code) and secrets.compare_digest(candidate, code)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()
