"""Spans: the half-open range of instants a record can denote, and how a local range becomes one.

A span is held as two integers, microseconds since 1970-01-01T00:00Z, so that ordering and
the reconciliation network compare exact integers; the pendulum DateTimes users see are
made from them on request. A span pickles as its two integers and its note.

May import: the standard library, pendulum, ``.zones``, ``._instants``, ``._errors``,
``._units``.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from dataclasses import dataclass, field

import pendulum

from ._errors import AmbiguousTimeError, ChronoError, NonexistentTimeError
from ._instants import instant_from_seconds, utc_seconds
from ._units import EPOCH, SECOND_US
from .zones import MAX_SECONDS, MIN_SECONDS, Zone, disambiguate

__all__ = [
    "Span",
    "format_micros",
    "local_range_intervals",
    "local_range_to_span",
    "merge_intervals",
    "micros_of",
]


def micros_of(instant: _dt.datetime) -> int:
    """Microseconds since the epoch of an aware datetime."""
    return utc_seconds(instant) * SECOND_US + instant.microsecond


def _instant(micros: int) -> pendulum.DateTime:
    seconds, us = divmod(micros, SECOND_US)
    return instant_from_seconds(seconds, us)


def format_micros(micros: int) -> str:
    """An instant in microseconds as compact ISO 8601 UTC: "1945-08-08T14:01Z"."""
    seconds, us = divmod(micros, SECOND_US)
    if not MIN_SECONDS <= seconds < MAX_SECONDS:
        return f"{micros}µs"
    t = EPOCH + _dt.timedelta(seconds=seconds, microseconds=us)
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

    def __reduce__(self) -> tuple[object, ...]:
        return (Span, (self.start_us, self.end_us, self.note))

    def __repr__(self) -> str:
        inner = f"{format_micros(self.start_us)}, {format_micros(self.end_us)}"
        return f"Span({inner}{', ' + self.note if self.note else ''})"


def _aware(value: _dt.datetime, what: str) -> _dt.datetime:
    if not isinstance(value, _dt.datetime) or value.utcoffset() is None:
        raise ChronoError(f"a span's {what} must be an aware datetime (an instant), got {value!r}")
    return value


def _pieces(start_local_us: int, end_local_us: int, zone: Zone) -> list[tuple[int, int, int]]:
    """The instants whose local time lies in ``[start, end)``: (lo, hi, offset µs) per piece.

    The instants that could matter lie within the zone's offsets of the local range; cut
    that window where the offset changes, and in each piece, where the local time is the
    instant plus one offset, the share of the range is a single interval.
    """
    lo_s = max(start_local_us // SECOND_US - zone.max_offset - 1, MIN_SECONDS)
    hi_s = min(end_local_us // SECOND_US - zone.min_offset + 2, MAX_SECONDS)
    if zone.valid_from is not None:
        lo_s = max(lo_s, zone.valid_from)
        if hi_s <= lo_s:
            zone.offset_seconds(lo_s - 1)  # raises: before the zone of record starts
    cuts = zone.transitions(lo_s, hi_s)
    bounds = [lo_s, *(t for t, _, _ in cuts), hi_s]
    offsets = [zone.offset_seconds(lo_s), *(after for _, _, after in cuts)]
    out = []
    for k, off_s in enumerate(offsets):
        off = off_s * SECOND_US
        lo = max(bounds[k] * SECOND_US, start_local_us - off)
        hi = min(bounds[k + 1] * SECOND_US, end_local_us - off)
        if lo < hi:
            out.append((lo, hi, off))
    return out


def _resolve_us(local_us: int, zone: Zone, disambiguation: str) -> int:
    """The instant (µs) one local time denotes under a disambiguation other than "raise"."""
    secs, us = divmod(local_us, SECOND_US)
    return disambiguate(zone, secs, disambiguation) * SECOND_US + us


def _gap_error(start_local_us: int, zone: Zone, describe: str) -> NonexistentTimeError:
    t, before, after = zone.gap(start_local_us // SECOND_US)
    local = EPOCH + _dt.timedelta(microseconds=start_local_us)
    return NonexistentTimeError.for_zone(
        describe or local.isoformat(sep=" ", timespec="minutes"),
        zone.name,
        t,
        before,
        after,
        offsets=True,
    )


def _repeated(pieces: list[tuple[int, int, int]]) -> bool:
    """Whether some local time in the range is shown by two pieces (a fold inside it)."""
    local = sorted((lo + off, hi + off) for lo, hi, off in pieces)
    return any(b[0] < a[1] for a, b in itertools.pairwise(local))


def local_range_to_span(
    start_local_us: int,
    end_local_us: int,
    zone: Zone,
    *,
    disambiguation: str | None = None,
    describe: str = "",
) -> tuple[int, int, bool]:
    """The hull of the instants that the local times in ``[start, end)`` denote in ``zone``.

    Returns (start µs, end µs, repeated), ``repeated`` saying that a fold inside the range
    made some local time stand for two instants. With ``disambiguation`` None every
    candidate of a repeated time counts, and a range the zone skipped entirely is a
    NonexistentTimeError; "raise" also raises AmbiguousTimeError for a repeated time; with
    "earlier", "later" or "compatible" each local time stands for the one instant to_instant
    would give it.
    """
    pieces = _pieces(start_local_us, end_local_us, zone)
    repeated = _repeated(pieces)
    if disambiguation in (None, "raise"):
        if not pieces:
            raise _gap_error(start_local_us, zone, describe)
        if repeated and disambiguation == "raise":
            first = min(lo + off for lo, _, off in pieces[1:])
            when = EPOCH + _dt.timedelta(microseconds=max(first, start_local_us))
            secs = (max(first, start_local_us)) // SECOND_US
            raise AmbiguousTimeError.for_zone(
                describe or when.isoformat(sep=" ", timespec="minutes"),
                zone.name,
                [(u, secs - u) for u in zone.resolve(secs)],
            )
        return pieces[0][0], pieces[-1][1], repeated
    # Each local time stands for one instant, increasing between the local times where a
    # transition begins or ends; the extremes lie at those points, or at the range's ends.
    last = end_local_us - 1
    points = {start_local_us, last}
    lo_s = start_local_us // SECOND_US - zone.max_offset - 1
    hi_s = end_local_us // SECOND_US - zone.min_offset + 2
    for t, before, after in zone.transitions(max(lo_s, MIN_SECONDS), min(hi_s, MAX_SECONDS)):
        for edge in (t + before, t + after):
            points.update((edge * SECOND_US, edge * SECOND_US - 1))
    values = [_resolve_us(p, zone, disambiguation) for p in points if start_local_us <= p <= last]
    return min(values), max(values) + 1, False


def local_range_intervals(
    start_local_us: int,
    end_local_us: int,
    zone: Zone,
    *,
    disambiguation: str | None = None,
    describe: str = "",
) -> list[tuple[int, int]]:
    """The exact instants whose local time lies in ``[start, end)``, as disjoint intervals.

    Usually one interval; two when a fold splits the range (the first and the second pass
    through a repeated time), which is why a claim about a repeated minute is a disjunction
    rather than one span. With a disambiguation, the hull of what it picks.
    """
    if disambiguation not in (None, "raise"):
        s, e, _ = local_range_to_span(
            start_local_us, end_local_us, zone, disambiguation=disambiguation, describe=describe
        )
        return [(s, e)]
    local_range_to_span(
        start_local_us, end_local_us, zone, disambiguation=disambiguation, describe=describe
    )
    return merge_intervals([(lo, hi) for lo, hi, _ in _pieces(start_local_us, end_local_us, zone)])


def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint, non-touching intervals covering the same instants."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(intervals):
        if out and out[-1][1] >= lo:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
