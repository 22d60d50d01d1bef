"""The base of every claim kind, and what the kinds share: event references, checks, ids.

May import: _errors, _events and the standard library.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
from collections.abc import Callable
from typing import ClassVar, TypeAlias

from .._errors import ChronoError
from .._events import Event, call_repr, init_args

__all__ = ["Claim", "Duration", "EventRef", "check_common", "claim_kind", "event_id"]

EventRef: TypeAlias = str | Event
"""An event as a claim names it: its id, or the Event itself (its id is kept)."""

Duration: TypeAlias = str | _dt.timedelta
"""A duration: "5h30m", "90m", "1d", ISO 8601 "PT5H30M", or a timedelta."""


def event_id(value: object, role: str) -> str:
    """The id of an event given as an id or an Event; ``role`` names it in the error."""
    if isinstance(value, Event):
        return value.id
    if isinstance(value, str) and value.strip():
        return value
    raise ChronoError(f"a claim's {role} must be an event id or Event, got {value!r}")


def check_common(claim: Claim) -> None:
    """Check what every claim has: a non-empty id if given, a positive weight."""
    if claim.id is not None and (not isinstance(claim.id, str) or not claim.id.strip()):
        raise ChronoError(f"a claim id must be non-empty text, got {claim.id!r}")
    w = claim.weight
    if isinstance(w, bool) or not isinstance(w, int | float) or math.isnan(w) or w <= 0:
        raise ChronoError(
            f"claim {claim.label()}: weight must be a positive number (math.inf for a claim"
            f" that must hold), got {w!r}"
        )


class Claim:
    """Base of the claim kinds: At, OnDate, Before, After, Gap, SameDate."""

    __slots__ = ()
    kind: ClassVar[str] = "claim"
    id: str | None
    source: str | None
    weight: float

    @property
    def events(self) -> tuple[str, ...]:
        """The ids of the events the claim speaks of."""
        raise NotImplementedError

    def label(self) -> str:
        """The claim's id, or a description when it has none."""
        return self.id if self.id is not None else self.default_id()

    def default_id(self) -> str:
        """An id made from the claim's kind and events, for claims given none."""
        return f"{self.kind}:" + "->".join(self.events)

    def __repr__(self) -> str:
        return call_repr(self, _POSITIONAL[self.kind])

    def __reduce__(self) -> tuple[Callable[..., Claim], tuple[object, ...]]:
        # Rebuilt from what was given, through the checks again; the zone read from tzdata
        # stays out of the pickle.
        return (_rebuild, (type(self), init_args(self)))


_POSITIONAL = {"at": 3, "on-date": 3, "before": 2, "gap": 4, "after": 2, "same-date": 3}


def _rebuild(cls: type[Claim], args: tuple[object, ...]) -> Claim:
    """A claim from its init fields in order (how pickles of claims are read back)."""
    names = [f.name for f in dataclasses.fields(cls) if f.init]  # type: ignore[arg-type]
    return cls(**dict(zip(names, args, strict=True)))


def claim_kind(claim: object) -> str:
    """The kind word of a claim ("at", "on-date", "before", "after", "gap", "same-date")."""
    if isinstance(claim, Claim):
        return claim.kind
    raise ChronoError(
        f"expected a claim (At, OnDate, Before, After, Gap or SameDate), got {claim!r}"
    )
