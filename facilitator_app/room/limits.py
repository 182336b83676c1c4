"""What the room server allows: request sizes, text lengths, rates per device and per address."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_body: int = 4096  # bytes of a request's body (aiohttp answers 413 above)
    max_line: int = 2048  # bytes of the request line
    max_header: int = 4096  # bytes of one header field
    max_text: int = 400  # characters of a remark or a proposed activity
    max_devices: int = 300  # joined devices per room
    max_streams: int = 3  # live streams per device (a phone's tabs)
    max_ballot: int = 200  # items one vote may offer
    # Per device: sending (remarks and proposals) and voting, as buckets that refill.
    send_burst: int = 5
    send_per_minute: float = 6.0
    vote_burst: int = 10
    vote_per_minute: float = 20.0
    # Per address: wrong tries at the room code (a right one costs nothing: a travel router's
    # NAT may put a whole room behind one address), and any request at all.
    join_burst: int = 10
    join_per_minute: float = 10.0
    request_burst: int = 400
    request_per_minute: float = 2400.0
    heartbeat_seconds: float = 15.0  # a comment on every live stream, through Wi-Fi naps


class Bucket:
    """A token bucket: ``burst`` at once, then ``per_minute`` a minute."""

    __slots__ = ("_at", "_level", "burst", "rate")

    def __init__(self, burst: int, per_minute: float) -> None:
        self.burst = float(burst)
        self.rate = per_minute / 60.0
        self._level = float(burst)
        self._at = time.monotonic()

    def _refill(self, now: float | None) -> None:
        now = time.monotonic() if now is None else now
        self._level = min(self.burst, self._level + max(0.0, now - self._at) * self.rate)
        self._at = now

    def has(self, now: float | None = None) -> bool:
        """Whether one could be taken now (taking none)."""
        self._refill(now)
        return self._level >= 1.0

    def take(self, now: float | None = None) -> bool:
        self._refill(now)
        if self._level < 1.0:
            return False
        self._level -= 1.0
        return True


class Buckets:
    """One bucket per key (an address), forgetting the oldest beyond ``keep`` keys."""

    def __init__(self, burst: int, per_minute: float, keep: int = 4096) -> None:
        self._burst = burst
        self._per_minute = per_minute
        self._keep = keep
        self._buckets: dict[str, Bucket] = {}

    def _bucket(self, key: str) -> Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self._keep:
                self._buckets.pop(next(iter(self._buckets)))
            bucket = self._buckets[key] = Bucket(self._burst, self._per_minute)
        return bucket

    def take(self, key: str) -> bool:
        return self._bucket(key).take()

    def has(self, key: str) -> bool:
        return self._bucket(key).has()


def clean_text(text: str, limit: int) -> str | None:
    """A phone's text as one paragraph: control characters out, spaces collapsed; None when
    empty or longer than ``limit``."""
    cleaned = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    if not cleaned or len(cleaned) > limit:
        return None
    return cleaned
