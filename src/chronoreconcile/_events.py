"""Events: something that happened once, named by an id, with the span of instants it may have had."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ._durations import format_duration, parse_duration
from ._errors import ChronoError
from ._parsing import LocalRange, parse_when
from ._spans import Span, local_range_to_span, micros_of
from .zones import Zone, ZoneLike, check_disambiguation, fixed_zone, get_zone

__all__ = ["Event", "resolve_when"]

_US = 10**6
_EPOCH = _dt.datetime(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a ``when`` resolves to: its span, the local range and zone it came from."""

    span: Span
    local: LocalRange | None
    zone: Zone | None


def resolve_when(
    when: object,
    zone: ZoneLike | None,
    *,
    calendar: str = "gregorian",
    tolerance: object = None,
    disambiguation: str | None = None,
    where: str = "",
    zone_data: str | None = None,
) -> Resolved:
    """The span of instants a record (text, datetime or Span) can denote in ``zone``."""
    if disambiguation is not None:
        check_disambiguation(disambiguation, where=where)
    tol = None if tolerance is None else parse_duration(tolerance, what="tolerance")
    if isinstance(when, Span):
        span = when if tol is None else when.widened(tol, f"±{format_duration(tol)} tolerance")
        return Resolved(span, None, None)
    if isinstance(when, _dt.datetime):
        if when.utcoffset() is not None:
            start = micros_of(when)
            span = Span(start, start + 1)
            return Resolved(_tolerate(span, tol, None), None, None)
        if zone is None:
            raise ChronoError(f"{where}: the local time {when.isoformat()} needs a zone")
        z = get_zone(zone, zone_data=zone_data)
        local_us = (when.toordinal() - _EPOCH.toordinal()) * 86400 * _US + (
            (when.hour * 3600 + when.minute * 60 + when.second) * _US + when.microsecond
        )
        local = LocalRange(local_us, local_us + 1, "microsecond", text=when.isoformat())
        return _from_local(local, z, tol, disambiguation, where)
    if isinstance(when, _dt.date):
        when = when.isoformat()
    if not isinstance(when, str):
        raise ChronoError(
            f"{where}: expected a date or time as text, datetime or Span, got {when!r}"
        )
    local = parse_when(when, calendar)
    if local.offset is not None:
        if zone is not None:
            raise ChronoError(
                f"{where}: {when!r} carries its own offset and zone {zone!r} was given too;"
                " give one or the other"
            )
        z = fixed_zone(local.offset)
    elif zone is None:
        raise ChronoError(
            f"{where}: the local time {when!r} needs a zone (an IANA id, an offset such as"
            " '+10:00', or a zone of record)"
        )
    else:
        z = get_zone(zone, zone_data=zone_data)
    return _from_local(local, z, tol, disambiguation, where)


def _from_local(
    local: LocalRange, zone: Zone, tol: int | None, disambiguation: str | None, where: str
) -> Resolved:
    start, end, repeated = local_range_to_span(
        local.start_us,
        local.end_us,
        zone,
        disambiguation=disambiguation,
        describe=f"{local.text}" + (f" ({where})" if where else ""),
    )
    notes = []
    if repeated:
        notes.append(f"both candidates of a repeated local time in {zone.name}")
    if local.uncertain:
        notes.append("uncertain (EDTF '?'): as written")
    span = Span(start, end, "; ".join(notes))
    if local.approximate and tol is None:
        tol = local.approximate_default
        span = span.widened(
            tol,
            _join(
                span.note,
                f"approximate: ±{format_duration(tol)} by default for {_article(local.unit or local.precision)}",
            ),
        )
        return Resolved(span, local, zone)
    return Resolved(_tolerate(span, tol, local), local, zone)


def _article(word: str) -> str:
    return f"an {word}" if word == "hour" else f"a {word}"


def _tolerate(span: Span, tol: int | None, local: LocalRange | None) -> Span:
    if not tol:
        return span
    return span.widened(tol, _join(span.note, f"±{format_duration(tol)} tolerance"))


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a else b


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened once, named by ``id``; ``span`` holds the instants it may have had.

    >>> Event("surrender", "1945-05-08T23:01", "+01:00").span
    Span(1945-05-08T22:01Z, 1945-05-08T22:02Z)
    >>> Event("declaration", "1945-08-08", "Europe/Moscow").span
    Span(1945-08-07T21:00Z, 1945-08-08T21:00Z)

    Precision follows what was written ("1945" is the local year, "1945-08-08T23" the
    hour); ``tolerance`` ("10m", "PT2H") widens both ends; EDTF marks are read
    ("1945-08~", "194X"). A repeated local time keeps both candidates unless
    ``disambiguation`` picks one; a skipped one is a NonexistentTimeError unless it is
    given. ``when=None`` is an event whose time only claims can tell; its span is None.
    """

    id: str
    when: object = None
    zone: ZoneLike | None = None
    calendar: str = "gregorian"
    tolerance: object = None
    disambiguation: str | None = None
    source: str | None = None
    weight: float = 1.0
    resolved: Resolved | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise ChronoError(f"an event needs a non-empty text id, got {self.id!r}")
        w = self.weight
        if isinstance(w, bool) or not isinstance(w, int | float) or not w > 0:
            raise ChronoError(
                f"event {self.id!r}: weight must be a positive number (math.inf for a time that"
                f" must hold), got {w!r}"
            )
        if self.when is None:
            if self.tolerance is not None:
                raise ChronoError(f"event {self.id!r}: a tolerance needs a when")
            return
        resolved = resolve_when(
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
