"""Claims: one source's statement about events, as a value.

Each claim knows which events it speaks of and, for the absolute kinds (At, OnDate),
the exact instants it allows, as disjoint intervals of microseconds: one interval for an
ordinary time or date, several when the claim is a disjunction ("either 17:00 or 23:00",
a repeated local time, a day split by a transition). Gap and Before bound the difference
between two events.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import KW_ONLY, dataclass, field
from typing import TYPE_CHECKING, ClassVar

from ._durations import format_duration, parse_duration
from ._errors import ChronoError, ParseError
from ._events import Event
from ._parsing import LocalRange, parse_when
from ._spans import local_range_intervals, merge_intervals
from .zones import Zone, ZoneLike, check_disambiguation, fixed_zone, get_zone

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["At", "Before", "Claim", "Gap", "OnDate", "claim_kind"]

_US = 10**6
_DAY = 86400 * _US
_TIME_OF_DAY = re.compile(r"T?(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?")


def _event_id(value: object, role: str) -> str:
    if isinstance(value, Event):
        return value.id
    if isinstance(value, str) and value.strip():
        return value
    raise ChronoError(f"a claim's {role} must be an event id or Event, got {value!r}")


def _check_common(claim: Claim) -> None:
    if claim.id is not None and (not isinstance(claim.id, str) or not claim.id.strip()):
        raise ChronoError(f"a claim id must be non-empty text, got {claim.id!r}")
    w = claim.weight
    if isinstance(w, bool) or not isinstance(w, int | float) or math.isnan(w) or w <= 0:
        raise ChronoError(
            f"claim {claim.label()}: weight must be a positive number (math.inf for a claim"
            f" that must hold), got {w!r}"
        )


class Claim:
    """Base of the claim kinds: At, OnDate, Before, Gap."""

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


@dataclass(frozen=True, slots=True)
class _Alternative:
    """One way an absolute claim can hold: instants in ``intervals``, described as written."""

    text: str
    intervals: tuple[tuple[int, int], ...]


def _zone_for(local: LocalRange, zone: ZoneLike | None, where: str) -> Zone:
    if local.offset is not None:
        if zone is not None:
            raise ChronoError(f"{where}: {local.text!r} carries an offset and a zone was given too")
        return fixed_zone(local.offset)
    if zone is None:
        raise ChronoError(f"{where}: the local time {local.text!r} needs a zone")
    return get_zone(zone)


def _absolute(
    text: object,
    zone: ZoneLike | None,
    calendar: str,
    tolerance: object,
    disambiguation: str | None,
    where: str,
) -> tuple[_Alternative, Zone | None]:
    if isinstance(text, _dt.date) and not isinstance(text, _dt.datetime):
        text = text.isoformat()
    if isinstance(text, _dt.datetime):
        if text.utcoffset() is None:
            raise ChronoError(
                f"{where}: pass a local time as ISO 8601 text so its precision is known"
            )
        from ._spans import micros_of

        t = micros_of(text)
        pad = 0 if tolerance is None else parse_duration(tolerance, what="tolerance")
        return _Alternative(text.isoformat(), ((t - pad, t + 1 + pad),)), None
    if not isinstance(text, str):
        raise ChronoError(f"{where}: expected a date or time as text, got {text!r}")
    local = parse_when(text, calendar)
    z = _zone_for(local, zone, where)
    intervals = local_range_intervals(
        local.start_us, local.end_us, z, disambiguation=disambiguation, describe=f"{text} ({where})"
    )
    tol: int | None = None
    if tolerance is not None:
        tol = parse_duration(tolerance, what="tolerance")
    elif local.approximate:
        tol = local.approximate_default
    if tol:
        intervals = merge_intervals([(a - tol, b + tol) for a, b in intervals])
    label = text if not tol else f"{text} ±{format_duration(tol)}"
    return _Alternative(label, tuple(intervals)), z


@dataclass(frozen=True, slots=True)
class At(Claim):
    """A claim that ``event`` happened at a local time (or date, or range) in ``zone``.

    ``when`` may be a list of alternatives ("either 17:00 or 23:00"); a repeated local
    time is two alternatives by itself. "T23:00" without a date is a time of day on
    whatever day the event fell ("at 11 p.m. Moscow time").

    >>> At("declaration", "1945-08-08T23:00", "Europe/Moscow", id="msk-11pm").label()
    'msk-11pm'
    """

    kind: ClassVar[str] = "at"
    event: str
    when: object
    zone: ZoneLike | None = None
    _: KW_ONLY
    calendar: str = "gregorian"
    tolerance: object = None
    disambiguation: str | None = None
    id: str | None = None
    source: str | None = None
    weight: float = 1.0
    alternatives: tuple[_Alternative, ...] = field(
        init=False, repr=False, compare=False, default=()
    )
    time_of_day: tuple[int, int] | None = field(init=False, repr=False, compare=False, default=None)
    zone_used: Zone | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "event", _event_id(self.event, "event"))
        _check_common(self)
        if self.disambiguation is not None:
            check_disambiguation(self.disambiguation, where=f"claim {self.label()}")
        where = f"claim {self.label()}"
        whens: Sequence[object] = self.when if isinstance(self.when, list | tuple) else [self.when]
        if not whens:
            raise ChronoError(f"{where}: no time given")
        if len(whens) > 16:
            raise ChronoError(f"{where}: at most 16 alternatives, got {len(whens)}")
        if len(whens) == 1 and isinstance(whens[0], str):
            m = _TIME_OF_DAY.fullmatch(whens[0].strip())
            if m is not None:
                h, mi, s = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
                from ._instants import check_time

                check_time(h, mi, s, whens[0])
                step = _US if m["s"] else 60 * _US
                tod = (h * 3600 + mi * 60 + s) * _US
                object.__setattr__(self, "time_of_day", (tod, tod + step))
                if self.zone is None:
                    raise ChronoError(f"{where}: a time of day needs a zone")
                object.__setattr__(self, "zone_used", get_zone(self.zone))
                return
        alts = []
        for w in whens:
            alt, z = _absolute(
                w, self.zone, self.calendar, self.tolerance, self.disambiguation, where
            )
            alts.append(alt)
            object.__setattr__(self, "zone_used", z)
        object.__setattr__(self, "alternatives", tuple(alts))

    @property
    def events(self) -> tuple[str, ...]:
        return (self.event,)

    def intervals_near(self, lo: int, hi: int) -> list[_Alternative]:
        """The alternatives, with a time of day expanded to each local day near [lo, hi)."""
        if self.time_of_day is None:
            return list(self.alternatives)
        zone = self.zone_used
        assert zone is not None
        tod_lo, tod_hi = self.time_of_day
        out = []
        first_day = (lo + zone.offset_seconds(lo // _US) * _US) // _DAY - 1
        last_day = (hi + zone.offset_seconds((hi - 1) // _US) * _US) // _DAY + 1
        if last_day - first_day > 40:
            raise ChronoError(
                f"claim {self.label()}: a time of day without a date is read only against an"
                f" event known to within a month; give the date"
            )
        for day in range(first_day, last_day + 1):
            try:
                ivs = local_range_intervals(day * _DAY + tod_lo, day * _DAY + tod_hi, zone)
            except ChronoError:
                continue  # that day skipped the time; the other days still count
            when = _dt.datetime(1970, 1, 1) + _dt.timedelta(microseconds=day * _DAY + tod_lo)
            out.append(_Alternative(when.isoformat(timespec="minutes"), tuple(ivs)))
        return out

    def describe(self) -> str:
        """The claim in words: "at 1945-08-08T23:00 in Europe/Moscow"."""
        zone = self.zone_used.phrase if self.zone_used else "in UTC"
        if self.time_of_day is not None:
            return f"at {self.when} local time {zone}"
        texts = " or ".join(a.text for a in self.alternatives)
        return f"at {texts} {zone}"


@dataclass(frozen=True, slots=True)
class OnDate(Claim):
    """A claim that ``event`` fell on the local calendar ``date`` in ``zone``.

    >>> OnDate("surrender", "1945-05-09", "Europe/Moscow").describe()
    'on 1945-05-09 in Europe/Moscow'
    """

    kind: ClassVar[str] = "on-date"
    event: str
    date: object
    zone: ZoneLike | None = None
    _: KW_ONLY
    calendar: str = "gregorian"
    id: str | None = None
    source: str | None = None
    weight: float = 1.0
    alternatives: tuple[_Alternative, ...] = field(
        init=False, repr=False, compare=False, default=()
    )
    zone_used: Zone | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "event", _event_id(self.event, "event"))
        _check_common(self)
        where = f"claim {self.label()}"
        text = self.date.isoformat() if isinstance(self.date, _dt.date) else self.date
        if isinstance(self.date, _dt.datetime) or not isinstance(text, str):
            raise ChronoError(f"{where}: expected a calendar date, got {self.date!r}")
        local = parse_when(text, self.calendar)
        if local.precision not in ("day", "month", "year", "decade", "century", "millennium"):
            raise ParseError(
                text, "a date claim takes a date; use At for a time of day", where=where
            )
        z = _zone_for(local, self.zone, where)
        intervals = local_range_intervals(local.start_us, local.end_us, z, describe=text)
        label = local.text if self.calendar == "gregorian" else f"{local.text} ({self.calendar})"
        object.__setattr__(self, "alternatives", (_Alternative(label, tuple(intervals)),))
        object.__setattr__(self, "zone_used", z)

    @property
    def events(self) -> tuple[str, ...]:
        return (self.event,)

    def intervals_near(self, lo: int, hi: int) -> list[_Alternative]:
        """The instants the date covers (the same wherever the event lies)."""
        return list(self.alternatives)

    def describe(self) -> str:
        """The claim in words."""
        zone = self.zone_used.phrase if self.zone_used else "in UTC"
        return f"on {self.alternatives[0].text} {zone}"


@dataclass(frozen=True, slots=True)
class Before(Claim):
    """A claim that ``first`` happened strictly before ``then``.

    >>> Before("invasion", "declaration").default_id()
    'before:invasion->declaration'
    """

    kind: ClassVar[str] = "before"
    first: str
    then: str
    _: KW_ONLY
    id: str | None = None
    source: str | None = None
    weight: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "first", _event_id(self.first, "first event"))
        object.__setattr__(self, "then", _event_id(self.then, "then event"))
        _check_common(self)
        if self.first == self.then:
            raise ChronoError(f"claim {self.label()}: an event cannot be before itself")

    @property
    def events(self) -> tuple[str, ...]:
        return (self.first, self.then)

    @property
    def min_us(self) -> int:
        """The smallest gap allowed, in µs: one microsecond (strictly before)."""
        return 1

    @property
    def max_us(self) -> int | None:
        """No upper limit."""
        return None

    def describe(self) -> str:
        """The claim in words."""
        return f"{self.first} before {self.then}"


@dataclass(frozen=True, slots=True)
class Gap(Claim):
    """A claim that ``then`` came between ``at_least`` and ``at_most`` after ``first``.

    >>> Gap("invasion", "declaration", "5h30m", "6h").describe()
    'declaration 5h30m to 6h after invasion'
    """

    kind: ClassVar[str] = "gap"
    first: str
    then: str
    at_least: object
    at_most: object = None
    _: KW_ONLY
    id: str | None = None
    source: str | None = None
    weight: float = 1.0
    min_us: int = field(init=False, repr=False, compare=False, default=0)
    max_us: int | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "first", _event_id(self.first, "first event"))
        object.__setattr__(self, "then", _event_id(self.then, "then event"))
        _check_common(self)
        if self.first == self.then:
            raise ChronoError(f"claim {self.label()}: a gap needs two different events")
        lo = parse_duration(self.at_least, what="gap")
        hi = None if self.at_most is None else parse_duration(self.at_most, what="gap")
        if hi is not None and hi < lo:
            raise ParseError(
                f"{self.at_least}..{self.at_most}",
                "the gap's range is reversed: at_most is less than at_least",
                where=f"claim {self.label()}",
            )
        object.__setattr__(self, "min_us", lo)
        object.__setattr__(self, "max_us", hi)

    @property
    def events(self) -> tuple[str, ...]:
        return (self.first, self.then)

    def describe(self) -> str:
        """The claim in words."""
        lo = format_duration(self.min_us)
        if self.max_us is None:
            return f"{self.then} at least {lo} after {self.first}"
        hi = format_duration(self.max_us)
        span = lo if lo == hi else f"{lo} to {hi}"
        return f"{self.then} {span} after {self.first}"


def claim_kind(claim: object) -> str:
    """The kind word of a claim ("at", "on-date", "before", "gap"), or a ChronoError."""
    if isinstance(claim, Claim):
        return claim.kind
    raise ChronoError(f"expected a claim (At, OnDate, Before or Gap), got {claim!r}")
