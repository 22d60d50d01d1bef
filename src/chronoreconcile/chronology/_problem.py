"""The problem a reconciliation solves: events, claims and zones, read-only.

``Problem`` is what the compiling, solving and explaining modules take instead of the
whole Chronology, so that none of them needs the module that defines it. ``EventAt`` is
an event's own recorded time seen as a claim.

May import: the standard library and the flat modules below the chronology (``_claims``,
``_events``, ``_zones``); nothing of the chronology package.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .._claims import Claim
from .._events import Event
from ..zones import Zone

__all__ = ["DEFAULT_CASE_LIMIT", "EventAt", "Problem"]

DEFAULT_CASE_LIMIT = 1024


@dataclass(frozen=True, slots=True)
class Problem:
    """A chronology's events, claims and zones as one read-only value, with its limits.

    The mappings are read-only views of the chronology's own (``types.MappingProxyType``):
    making one costs nothing however large the chronology, and ``Chronology.add`` may add a
    claim the view then shows; nothing that takes a Problem changes it.
    """

    events: Mapping[str, Event]
    claims: Mapping[str, Claim]
    zones: Mapping[str, Zone]
    zone_weights: Mapping[str, float]
    title: str = ""
    case_limit: int = DEFAULT_CASE_LIMIT
    max_seconds: float = 20.0


@dataclass(frozen=True, slots=True)
class EventAt(Claim):
    """An event's own recorded time, seen as an "at" claim with the event's id."""

    event: str
    id: str | None = None
    source: str | None = None
    weight: float = 1.0

    kind = "at"

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", self.event)

    @property
    def events(self) -> tuple[str, ...]:
        return (self.event,)
