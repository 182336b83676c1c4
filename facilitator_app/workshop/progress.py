"""How far long work has got (an import of a big file), and stopping it (no Qt).

Long work takes a ``Progress``: a plain callable it calls now and then with how much is done,
``progress(done, total)``, ``done`` growing from 0 to ``total``. Whoever passes it may show
it (the window's progress dialog) and may stop the work by raising ``Cancelled`` from the call:
the work then removes whatever it has written and lets the exception through.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Progress = Callable[[int, int], None]

# The scale that Split reports on: fine enough for any bar, coarse enough that a listener
# hears only of changes it can show.
STEPS = 1000


class Cancelled(Exception):  # noqa: N818 - what happened, in the words the caller uses
    """Raised by a progress callback to stop the work; nothing of the work is left behind."""


def no_progress(done: int, total: int) -> None:
    """The callback of work that nobody watches."""


class Split:
    """One piece of work in parts of known shares, reported as one ``progress`` of ``STEPS``.

    Each part reports on its own scale through ``part(index)``; the whole moves through that
    part's share of the bar after the shares of the parts before it, and never backwards.
    """

    def __init__(self, progress: Progress, shares: Sequence[float]) -> None:
        total = sum(shares)
        self._progress = progress
        self._starts: list[float] = []
        start = 0.0
        for share in shares:
            self._starts.append(start)
            start += share / total
        self._shares = [share / total for share in shares]
        self._last = -1

    def part(self, index: int) -> Progress:
        start, share = self._starts[index], self._shares[index]

        def report(done: int, total: int) -> None:
            fraction = min(1.0, done / total) if total > 0 else 1.0
            steps = int(STEPS * (start + share * fraction))
            if steps > self._last:
                self._last = steps
                self._progress(steps, STEPS)

        return report
