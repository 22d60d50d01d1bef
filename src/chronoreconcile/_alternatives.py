"""The one path from a wall time to instants: what a record can denote, as alternatives.

An event's own ``when``, an At claim's time and an OnDate claim's date all come here, so
they read text, apply a zone, a disambiguation and a tolerance the same way and word the
result the same way. A reading holds the alternatives (disjoint intervals of instants, in
microseconds since the epoch: two when a repeated local time splits a range) and their
hull as a Span, with the local range and zone it came from.

May import: _errors, _units, _durations, _parsing, _instants, _spans, zones. Imported by
_events, _claims and the chronology; it knows nothing of events or claims.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TypeAlias

from ._durations import format_duration, parse_duration
from ._errors import ChronoError
from ._parsing import LocalRange, parse_when
from ._spans import (
    Span,
    format_micros,
    local_range_intervals,
    local_range_to_span,
    merge_intervals,
    micros_of,
)
from ._units import DAY_US, EPOCH_ORDINAL, SECOND_US
from .zones import (
    Disambiguation,
    Zone,
    ZoneLike,
    check_disambiguation,
    fixed_zone,
    get_zone,
    history_scope,
    read_abbreviation,
    zone_of_record,
)

__all__ = [
    "Alternative",
    "Reading",
    "Tolerance",
    "When",
    "read_when",
]

When: TypeAlias = str | _dt.date | _dt.datetime
"""What a record's time may be written as: ISO 8601 (or calendar) text, a date, a datetime."""

Tolerance: TypeAlias = str | _dt.timedelta
"""A tolerance: "10m", "PT2H" or a timedelta, added on both sides."""


@dataclass(frozen=True, slots=True)
class Alternative:
    """One way a record can hold: the instants in ``intervals`` (µs), described as written."""

    text: str
    intervals: tuple[tuple[int, int], ...]

    def __repr__(self) -> str:
        ranges = " or ".join(f"[{format_micros(a)}, {format_micros(b)})" for a, b in self.intervals)
        return f"Alternative({self.text!r}: {ranges})"


@dataclass(frozen=True, slots=True)
class Reading:
    """What a wall time denotes in a zone.

    ``alternatives`` are the separate ways it can hold (one, unless a repeated local time
    splits it); ``span`` is their hull, with a note saying what widened it; ``local`` and
    ``zone`` are the local range and zone it was read in (None for an instant or a Span).
    """

    alternatives: tuple[Alternative, ...]
    span: Span
    local: LocalRange | None
    zone: Zone | None


def read_when(
    when: When | Span | LocalRange,
    zone: ZoneLike | None,
    *,
    calendar: str = "gregorian",
    tolerance: Tolerance | None = None,
    disambiguation: Disambiguation | None = None,
    where: str = "",
    zone_data: str | None = None,
) -> Reading:
    """The alternatives a record (text, date, datetime, Span or parsed range) denotes in ``zone``.

    A repeated local time keeps both candidates unless ``disambiguation`` picks one; a
    skipped one is a NonexistentTimeError unless it is given. ``tolerance`` widens every
    alternative on both sides; without one an approximate record ("1945-08~") takes its
    precision's default, and a zero tolerance reads the record exactly as written.

    A time may carry a zone abbreviation ("1941-12-07T07:48 HST"): it is read from the
    zone data at that date (with ``zone``, if given, as its context), and a reading that
    fits exactly one offset becomes a zone of record whose note says how it was read.
    """
    with history_scope():
        return _read_when(when, zone, calendar, tolerance, disambiguation, where, zone_data)


def _read_when(
    when: When | Span | LocalRange,
    zone: ZoneLike | None,
    calendar: str,
    tolerance: Tolerance | None,
    disambiguation: Disambiguation | None,
    where: str,
    zone_data: str | None,
) -> Reading:
    if disambiguation is not None:
        disambiguation = check_disambiguation(disambiguation, where=where)
    tol = None if tolerance is None else parse_duration(tolerance, what="tolerance")
    if isinstance(when, Span):
        span = when if tol is None else when.widened(tol, f"±{format_duration(tol)} tolerance")
        return Reading((Alternative(str(when), ((span.start_us, span.end_us),)),), span, None, None)
    if isinstance(when, _dt.datetime):
        if when.utcoffset() is not None:
            start = micros_of(when)
            span = _tolerate(Span(start, start + 1), tol)
            alt = Alternative(_label(when.isoformat(), tol), ((span.start_us, span.end_us),))
            return Reading((alt,), span, None, None)
        if zone is None:
            raise ChronoError(f"{where}: the local time {when.isoformat()} needs a zone")
        local_us = (when.toordinal() - EPOCH_ORDINAL) * DAY_US + (
            (when.hour * 3600 + when.minute * 60 + when.second) * SECOND_US + when.microsecond
        )
        local = LocalRange(local_us, local_us + 1, "microsecond", text=when.isoformat())
        return _from_local(local, get_zone(zone, zone_data=zone_data), tol, disambiguation, where)
    if isinstance(when, _dt.date):
        when = when.isoformat()
    if isinstance(when, str):
        local = parse_when(when, calendar)
    elif isinstance(when, LocalRange):
        local = when
    else:
        raise ChronoError(
            f"{where}: expected a date or time as text, datetime or Span, got {when!r}"
        )
    return _from_local(local, _zone_for(local, zone, where, zone_data), tol, disambiguation, where)


def _zone_for(local: LocalRange, zone: ZoneLike | None, where: str, zone_data: str | None) -> Zone:
    if local.abbreviation:
        return _abbreviated(local, zone, where, zone_data)
    if local.offset is not None:
        if zone is not None:
            raise ChronoError(
                f"{where}: {local.text!r} carries its own offset and zone {zone!r} was given too;"
                " give one or the other"
            )
        return fixed_zone(local.offset)
    if zone is None:
        raise ChronoError(
            f"{where}: the local time {local.text!r} needs a zone (an IANA id, an offset such as"
            " '+10:00', or a zone of record)"
        )
    return get_zone(zone, zone_data=zone_data)


def _abbreviated(
    local: LocalRange, zone: ZoneLike | None, where: str, zone_data: str | None
) -> Zone:
    """The fixed offset an abbreviation written after a time names, as a zone of record."""
    region = None
    if zone is not None:
        context = get_zone(zone, zone_data=zone_data)
        if context.kind != "iana":
            raise ChronoError(
                f"{where}: {local.text!r} carries the abbreviation {local.abbreviation!r} and"
                f" zone {context.name!r} was given too; give one or the other"
            )
        region = [context.name]
    start = local.start_us // SECOND_US
    end = -(-local.end_us // SECOND_US)
    offset, reading = read_abbreviation(
        local.abbreviation, start, end, text=local.text, region=region, zone_data=zone_data
    )
    return zone_of_record(local.abbreviation, offset, note=reading)


def _from_local(
    local: LocalRange,
    zone: Zone,
    tol: int | None,
    disambiguation: Disambiguation | None,
    where: str,
) -> Reading:
    describe = local.text + (f" ({where})" if where else "")
    start, end, repeated = local_range_to_span(
        local.start_us, local.end_us, zone, disambiguation=disambiguation, describe=describe
    )
    # Without a repeated local time the instants form one interval, the hull itself; only a
    # fold inside the range can split them (the first and the second pass).
    intervals = (
        local_range_intervals(local.start_us, local.end_us, zone, describe=describe)
        if repeated
        else [(start, end)]
    )
    notes = []
    if repeated:
        notes.append(f"both candidates of a repeated local time in {zone.name}")
    if local.uncertain:
        notes.append("uncertain (EDTF '?'): as written")
    span = Span(start, end, "; ".join(notes))
    if local.approximate and tol is None:
        tol = local.approximate_default
        unit = local.unit or local.precision
        article = "an" if unit == "hour" else "a"
        span = span.widened(
            tol,
            _join(
                span.note, f"approximate: ±{format_duration(tol)} by default for {article} {unit}"
            ),
        )
    else:
        span = _tolerate(span, tol)
    if tol:
        intervals = merge_intervals([(a - tol, b + tol) for a, b in intervals])
    alt = Alternative(_label(local.text, tol), tuple(intervals))
    return Reading((alt,), span, local, zone)


def _label(text: str, tol: int | None) -> str:
    return f"{text} ±{format_duration(tol)}" if tol else text


def _tolerate(span: Span, tol: int | None) -> Span:
    if not tol:
        return span
    return span.widened(tol, _join(span.note, f"±{format_duration(tol)} tolerance"))


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a else b
