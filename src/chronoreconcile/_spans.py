"""Spans: the half-open range of instants a record can denote, and how a local range becomes one.

A span is held as two integers, microseconds since 1970-01-01T00:00Z, so that ordering and
the reconciliation network compare exact integers; the pendulum DateTimes users see are
made from them on request.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from dataclasses import dataclass, field

import pendulum

from ._errors import ChronoError, NonexistentTimeError
from ._instants import instant_from_seconds, utc_seconds
from ._zones import MAX_SECONDS, MIN_SECONDS, Zone, format_offset

__all__ = [
    "Span",
    "format_micros",
    "local_range_intervals",
    "local_range_to_span",
    "merge_intervals",
    "micros_of",
]

_US = 10**6
_EPOCH = _dt.datetime(1970, 1, 1)


def micros_of(instant: _dt.datetime) -> int:
    """Microseconds since the epoch of an aware datetime."""
    return utc_seconds(instant) * _US + instant.microsecond


def _instant(micros: int) -> pendulum.DateTime:
    seconds, us = divmod(micros, _US)
    return instant_from_seconds(seconds, us)


def format_micros(micros: int) -> str:
    """An instant in microseconds as compact ISO 8601 UTC: "1945-08-08T14:01Z"."""
    seconds, us = divmod(micros, _US)
    if not MIN_SECONDS <= seconds < MAX_SECONDS:
        return f"{micros}µs"
    t = _EPOCH + _dt.timedelta(seconds=seconds, microseconds=us)
    if us:
        return t.isoformat(timespec="microseconds") + "Z"
    return t.isoformat(timespec="seconds" if t.second else "minutes") + "Z"


@dataclass(frozen=True, slots=True, init=False)
class Span:
    """The half-open range ``[start, end)`` of instants a record can denote, in UTC.

    >>> Span.from_micros(-769_946_340_000_000, -769_946_280_000_000)
    Span(1945-08-08T14:01Z, 1945-08-08T14:02Z)

    ``note`` says what widened it beyond what was written (a default tolerance for an
    approximate date, both candidates of a repeated local time); the repr shows it.
    """

    start_us: int
    end_us: int
    note: str = field(default="", compare=False)

    def __init__(self, start: _dt.datetime | int, end: _dt.datetime | int, note: str = "") -> None:
        s = start if isinstance(start, int) else micros_of(_aware(start, "start"))
        e = end if isinstance(end, int) else micros_of(_aware(end, "end"))
        if not s < e:
            raise ChronoError(
                f"a span must start before it ends: {format_micros(s)} is not before"
                f" {format_micros(e)}"
            )
        object.__setattr__(self, "start_us", s)
        object.__setattr__(self, "end_us", e)
        object.__setattr__(self, "note", note)

    @classmethod
    def from_micros(cls, start_us: int, end_us: int, note: str = "") -> Span:
        """A span from microseconds since the epoch."""
        return cls(start_us, end_us, note)

    @property
    def start(self) -> pendulum.DateTime:
        """The first instant of the span (aware, UTC)."""
        return _instant(self.start_us)

    @property
    def end(self) -> pendulum.DateTime:
        """The first instant after the span (aware, UTC); not itself in the span."""
        return _instant(self.end_us)

    @property
    def duration(self) -> _dt.timedelta:
        """How long the span lasts."""
        return _dt.timedelta(microseconds=self.end_us - self.start_us)

    def __contains__(self, instant: object) -> bool:
        if isinstance(instant, _dt.datetime):
            return self.start_us <= micros_of(instant) < self.end_us
        if isinstance(instant, Span):
            return self.start_us <= instant.start_us and instant.end_us <= self.end_us
        return False

    def overlaps(self, other: Span) -> bool:
        """True when some instant lies in both spans."""
        return self.start_us < other.end_us and other.start_us < self.end_us

    def widened(self, micros: int, note: str = "") -> Span:
        """The span with ``micros`` added on both sides."""
        return Span(self.start_us - micros, self.end_us + micros, note or self.note)

    def hull(self, other: Span) -> Span:
        """The smallest span holding both."""
        return Span(min(self.start_us, other.start_us), max(self.end_us, other.end_us), self.note)

    def __repr__(self) -> str:
        inner = f"{format_micros(self.start_us)}, {format_micros(self.end_us)}"
        return f"Span({inner}{', ' + self.note if self.note else ''})"


def _aware(value: _dt.datetime, what: str) -> _dt.datetime:
    if not isinstance(value, _dt.datetime) or value.utcoffset() is None:
        raise ChronoError(f"a span's {what} must be an aware datetime (an instant), got {value!r}")
    return value


def _first_at_or_after(local_us: int, zone: Zone, disambiguation: str | None) -> int:
    """The earliest instant whose local time in ``zone`` is ``local_us`` or later.

    That is the earliest candidate of a repeated local time, and for a skipped one the
    instant of the transition that skipped it. With a disambiguation the end is resolved
    as to_instant would resolve it instead.
    """
    secs, us = divmod(local_us, _US)
    found = zone.resolve(secs)
    if found:
        if disambiguation == "later":
            return found[-1] * _US + us
        return found[0] * _US + us
    t, before, after = zone.gap(secs)
    if disambiguation in ("later", "compatible"):
        return (secs - before) * _US + us
    if disambiguation == "earlier":
        return (secs - after) * _US + us
    return t * _US


def _last_before(local_us: int, zone: Zone, disambiguation: str | None) -> int:
    """The end of the instants whose local time is before ``local_us`` (exclusive bound)."""
    secs, us = divmod(local_us, _US)
    found = zone.resolve(secs)
    if found:
        if disambiguation in ("earlier", "compatible"):
            return found[0] * _US + us
        # Without a choice a repeated end time keeps the second pass through it.
        return found[-1] * _US + us
    t, before, after = zone.gap(secs)
    if disambiguation in ("later", "compatible"):
        return (secs - before) * _US + us
    if disambiguation == "earlier":
        return (secs - after) * _US + us
    return t * _US


def local_range_to_span(
    start_local_us: int,
    end_local_us: int,
    zone: Zone,
    *,
    disambiguation: str | None = None,
    describe: str = "",
) -> tuple[int, int, bool]:
    """The hull of instants whose local time in ``zone`` lies in ``[start, end)``.

    Returns (start µs, end µs, repeated) where ``repeated`` says a fold at either end made
    the span cover both candidates. With ``disambiguation`` None a range that the zone
    skipped entirely is a NonexistentTimeError; with one, each end is resolved by it.
    """
    s = _first_at_or_after(start_local_us, zone, disambiguation)
    e = _last_before(end_local_us, zone, disambiguation)
    repeated = disambiguation is None and (
        len(zone.resolve(start_local_us // _US)) > 1 or len(zone.resolve(end_local_us // _US)) > 1
    )
    if e <= s:
        secs = start_local_us // _US
        t, before, after = zone.gap(secs)
        local = _EPOCH + _dt.timedelta(microseconds=start_local_us)
        gap_start = _EPOCH + _dt.timedelta(seconds=t + before)
        gap_end = _EPOCH + _dt.timedelta(seconds=t + after)
        raise NonexistentTimeError(
            describe or local.isoformat(sep=" ", timespec="minutes"),
            zone.name,
            gap_start.isoformat(sep=" ", timespec="minutes"),
            gap_end.isoformat(sep=" ", timespec="minutes")
            + f" ({format_offset(before)} to {format_offset(after)})",
        )
    return s, e, repeated


def local_range_intervals(
    start_local_us: int,
    end_local_us: int,
    zone: Zone,
    *,
    disambiguation: str | None = None,
    describe: str = "",
) -> list[tuple[int, int]]:
    """The exact instants whose local time lies in ``[start, end)``, as disjoint intervals.

    Usually one interval; two when a repeated local time splits the range (the first and
    the second pass through a fold), which is why a claim about a repeated minute is a
    disjunction rather than one span. With a disambiguation, the one interval it picks.
    """
    s, e, _ = local_range_to_span(
        start_local_us, end_local_us, zone, disambiguation=disambiguation, describe=describe
    )
    if disambiguation is not None:
        return [(s, e)]
    # Split the hull where the offset changes; in each piece the local time is the
    # instant plus one offset, so its share of [start, end) is a single interval.
    cuts = [t * _US for t, _, _ in zone.transitions(s // _US - 1, e // _US + 1) if s < t * _US < e]
    bounds = [s, *cuts, e]
    out: list[tuple[int, int]] = []
    for p, q in itertools.pairwise(bounds):
        off = zone.offset_seconds(p // _US) * _US
        lo = max(p, start_local_us - off)
        hi = min(q, end_local_us - off)
        if lo < hi:
            if out and out[-1][1] >= lo:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
    return out


def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint, non-touching intervals covering the same instants."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(intervals):
        if out and out[-1][1] >= lo:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
