"""What a local time is in a zone: shown once, repeated (a fold) or skipped (a gap).

:meth:`Zone.ambiguity` answers with one of these three values; ``disambiguate`` and the
errors read them. Every number is whole seconds since 1970-01-01T00:00 (UTC for instants,
on the wall for local times).

May import: the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Ambiguity", "Fold", "Gap", "Unambiguous"]


@dataclass(frozen=True, slots=True)
class Unambiguous:
    """A local time the zone shows once: the instant (UTC seconds) and its offset."""

    instant: int
    offset: int


@dataclass(frozen=True, slots=True)
class Fold:
    """A repeated local time: its first and last instants (UTC seconds) with their offsets.

    ``instants`` lists every candidate, earlier first (two, in every real zone).
    """

    instants: tuple[int, ...]
    offsets: tuple[int, ...]

    @property
    def earlier(self) -> int:
        """The first instant that shows the local time."""
        return self.instants[0]

    @property
    def later(self) -> int:
        """The last instant that shows the local time."""
        return self.instants[-1]


@dataclass(frozen=True, slots=True)
class Gap:
    """A skipped local time: the transition (UTC seconds) and the offsets either side.

    The skipped local times run from ``start`` to ``end`` (local seconds since the epoch,
    ``end`` excluded).
    """

    transition: int
    offset_before: int
    offset_after: int

    @property
    def start(self) -> int:
        """The first skipped local time (local seconds since the epoch)."""
        return self.transition + self.offset_before

    @property
    def end(self) -> int:
        """The first local time after the gap (local seconds since the epoch)."""
        return self.transition + self.offset_after


Ambiguity = Unambiguous | Fold | Gap
