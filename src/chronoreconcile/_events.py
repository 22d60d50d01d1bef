"""Events: something that happened once, named by an id, with the span of instants it may have had.

Also the event map (events by id, as check() and the chronology take them); the error for
an id that names no event is in _errors and re-exported here.

May import: _errors, _alternatives, _spans, zones, _instants (for the Disambiguation alias).
Imported by _claims and everything above it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._alternatives import Alternative, Reading, Tolerance, When, read_when
from ._errors import ChronoError, UnknownEventError
from ._spans import Span
from .zones import Disambiguation, ZoneLike

# UnknownEventError lives with the other errors in _errors; re-exported here as before.
__all__ = ["Event", "UnknownEventError", "call_repr", "event_map"]


def call_repr(value: Any, positional: int) -> str:
    """A value's repr as the call that makes it, leaving out arguments at their defaults.

    The first ``positional`` init fields are written without their names (down to the last
    one not at its default): ``At('declaration', 'T23:00', 'Europe/Moscow', id='msk-11pm')``.
    """
    given = [
        (f.name, getattr(value, f.name), f.default is not dataclasses.MISSING)
        for f in dataclasses.fields(value)
        if f.init and f.name != "_"
    ]
    first = given[:positional]
    while first and first[-1][2] and first[-1][1] == _default(value, first[-1][0]):
        first.pop()
    parts = [repr(v) for _, v, _ in first]
    parts += [
        f"{name}={v!r}"
        for name, v, has_default in given[positional:]
        if not (has_default and v == _default(value, name))
    ]
    return f"{type(value).__name__}({', '.join(parts)})"


def _default(value: Any, name: str) -> object:
    return next(f.default for f in dataclasses.fields(value) if f.name == name)


def init_args(value: Any) -> tuple[object, ...]:
    """The values of a dataclass's init fields, in order: what pickling rebuilds it from."""
    return tuple(getattr(value, f.name) for f in dataclasses.fields(value) if f.init)


@dataclass(frozen=True, slots=True, repr=False)
class Event:
    """Something that happened once, named by ``id``; ``span`` holds the instants it may have had.

    >>> Event("surrender", "1945-05-08T23:01", "+01:00").span
    Span(1945-05-08T22:01Z, 1945-05-08T22:02Z)
    >>> Event("declaration", "1945-08-08", "Europe/Moscow").span
    Span(1945-08-07T21:00Z, 1945-08-08T21:00Z)
    >>> Event("declaration", "1945-08-08", "Europe/Moscow")
    Event('declaration', '1945-08-08', 'Europe/Moscow')

    Precision follows what was written ("1945" is the local year, "1945-08-08T23" the
    hour); ``tolerance`` ("10m", "PT2H") widens both ends; EDTF marks are read
    ("1945-08~", "194X"). A repeated local time keeps both candidates unless
    ``disambiguation`` picks one; a skipped one is a NonexistentTimeError unless it is
    given. ``when=None`` is an event whose time only claims can tell; its span is None.
    """

    id: str
    when: When | Span | None = None
    zone: ZoneLike | None = None
    calendar: str = "gregorian"
    tolerance: Tolerance | None = None
    disambiguation: Disambiguation | None = None
    source: str | None = None
    weight: float = 1.0
    label: str | None = None
    resolved: Reading | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise ChronoError(f"an event needs a non-empty text id, got {self.id!r}")
        w = self.weight
        if isinstance(w, bool) or not isinstance(w, int | float) or not w > 0:
            raise ChronoError(
                f"event {self.id!r}: weight must be a positive number (math.inf for a time that"
                f" must hold), got {w!r}"
            )
        if self.label is not None and (not isinstance(self.label, str) or not self.label.strip()):
            raise ChronoError(
                f"event {self.id!r}: a label must be non-empty text, got {self.label!r}"
            )
        if self.when is None:
            if self.tolerance is not None:
                raise ChronoError(f"event {self.id!r}: a tolerance needs a when")
            return
        resolved = read_when(
            self.when,
            self.zone,
            calendar=self.calendar,
            tolerance=self.tolerance,
            disambiguation=self.disambiguation,
            where=f"event {self.id!r}",
        )
        object.__setattr__(self, "resolved", resolved)

    @property
    def span(self) -> Span | None:
        """The instants this event may have had, or None when nothing was recorded."""
        return None if self.resolved is None else self.resolved.span

    @property
    def alternatives(self) -> tuple[Alternative, ...]:
        """The separate ways its own record can hold (two for a repeated local time)."""
        return () if self.resolved is None else self.resolved.alternatives

    def __repr__(self) -> str:
        return call_repr(self, 3)

    def __reduce__(self) -> tuple[type[Event], tuple[object, ...]]:
        # Rebuilt from what was given: the zone read from tzdata stays out of the pickle.
        return (Event, init_args(self))


def event_map(events: Iterable[Event] | Mapping[str, Event]) -> dict[str, Event]:
    """Events by id, from an iterable of events or a mapping; duplicate ids are an error."""
    if isinstance(events, Mapping):
        for key, e in events.items():
            if not isinstance(e, Event) or e.id != key:
                raise ChronoError(f"events[{key!r}] must be the Event with that id, got {e!r}")
        return dict(events)
    out: dict[str, Event] = {}
    for e in events:
        if not isinstance(e, Event):
            raise ChronoError(f"expected an Event, got {e!r}")
        if e.id in out and out[e.id] != e:
            raise ChronoError(f"two different events share the id {e.id!r}")
        out[e.id] = e
    return out
