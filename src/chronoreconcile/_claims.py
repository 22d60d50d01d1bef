"""Claims: one source's statement about events, as a value.

Each claim knows which events it speaks of and, for the absolute kinds (At, OnDate),
the exact instants it allows, as disjoint intervals of microseconds: one interval for an
ordinary time or date, several when the claim is a disjunction ("either 17:00 or 23:00",
a repeated local time, a day split by a transition). Gap and Before bound the difference
between two events. The instants come from read_when, the one path from a wall time to
instants that events take too.

A claim may be written in the source's words instead (``phrase=``): a lexicon reads it
as bounds, never a point, and the claim keeps the ``reading`` so verdicts can name it.

May import: _errors, _units, _durations, _parsing, _instants, _spans, zones,
_alternatives, _events, _phrases, lexicon. Imported by _relative_claims, _ordering,
_verdicts, _loading, the chronology.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

from ._alternatives import Alternative, Tolerance, When, read_when
from ._durations import format_duration
from ._errors import ChronoError, ParseError
from ._events import Event, call_repr, init_args
from ._instants import check_time
from ._parsing import parse_when
from ._phrases import duration_bounds, lexicon_or_default, local_range_of, read_difference
from ._spans import local_range_intervals
from ._units import DAY_US, SECOND_US
from .lexicon import Lexicon, Reading
from .zones import Disambiguation, Zone, ZoneLike, check_disambiguation, get_zone

__all__ = [
    "At",
    "Before",
    "Claim",
    "Duration",
    "EventRef",
    "Gap",
    "OnDate",
    "check_common",
    "claim_kind",
    "event_id",
]

EventRef: TypeAlias = str | Event
"""An event as a claim names it: its id, or the Event itself (its id is kept)."""

Duration: TypeAlias = str | _dt.timedelta
"""A duration: "5h30m", "90m", "1d", ISO 8601 "PT5H30M", or a timedelta."""

_TIME_OF_DAY = re.compile(r"T?(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?")
# A date claim reads the date exactly as written: no tolerance, even for "1945-08~".
_AS_WRITTEN = _dt.timedelta(0)


def event_id(value: object, role: str) -> str:
    if isinstance(value, Event):
        return value.id
    if isinstance(value, str) and value.strip():
        return value
    raise ChronoError(f"a claim's {role} must be an event id or Event, got {value!r}")


def check_common(claim: Claim) -> None:
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


@dataclass(frozen=True, slots=True, repr=False)
class At(Claim):
    """A claim that ``event`` happened at a local time (or date, or range) in ``zone``.

    ``when`` may be a list of alternatives ("either 17:00 or 23:00"); a repeated local
    time is two alternatives by itself. "T23:00" without a date is a time of day on
    whatever day the event fell ("at 11 p.m. Moscow time").

    >>> At("declaration", "1945-08-08T23:00", "Europe/Moscow", id="msk-11pm")
    At('declaration', '1945-08-08T23:00', 'Europe/Moscow', id='msk-11pm')
    >>> At("declaration", "1945-08-08T23:00", "Europe/Moscow", id="msk-11pm").label()
    'msk-11pm'

    In the source's words, ``phrase`` (read by ``lexicon``, the default one unless given)
    replaces ``when``: a time of day on ``date``, a time of day on any date, or a date.

    >>> c = At("invasion", phrase="just after midnight", date="1945-08-09", zone="+10:00")
    >>> c.describe()
    "at 1945-08-09 'just after midnight' at UTC+10:00; 'just after midnight' read as 00:00 to 00:30 (lexicon: just after midnight = the first half hour)"
    """

    kind: ClassVar[str] = "at"
    event: str
    when: When | Sequence[When] | None = None
    zone: ZoneLike | None = None
    _: KW_ONLY
    calendar: str = "gregorian"
    tolerance: Tolerance | None = None
    disambiguation: Disambiguation | None = None
    id: str | None = None
    source: str | None = None
    weight: float = 1.0
    phrase: str | None = None
    date: str | _dt.date | None = None
    lexicon: Lexicon | None = None
    reading: Reading | None = field(init=False, repr=False, compare=False, default=None)
    alternatives: tuple[Alternative, ...] = field(init=False, repr=False, compare=False, default=())
    time_of_day: tuple[int, int] | None = field(init=False, repr=False, compare=False, default=None)
    zone_used: Zone | None = field(init=False, repr=False, compare=False, default=None)

    if TYPE_CHECKING:  # the event may be given as an Event; it is kept as its id

        def __init__(
            self,
            event: EventRef,
            when: When | Sequence[When] | None = None,
            zone: ZoneLike | None = None,
            *,
            calendar: str = "gregorian",
            tolerance: Tolerance | None = None,
            disambiguation: Disambiguation | None = None,
            id: str | None = None,
            source: str | None = None,
            weight: float = 1.0,
            phrase: str | None = None,
            date: str | _dt.date | None = None,
            lexicon: Lexicon | None = None,
        ) -> None: ...

    def __post_init__(self) -> None:
        object.__setattr__(self, "event", event_id(self.event, "event"))
        check_common(self)
        where = f"claim {self.label()}"
        if self.disambiguation is not None:
            check_disambiguation(self.disambiguation, where=where)
        if self.phrase is not None or self.date is not None:
            self._read_phrase(where)
            return
        if self.when is None:
            raise ChronoError(f"{where}: no time given (give when, or phrase)")
        whens: Sequence[object] = self.when if isinstance(self.when, list | tuple) else [self.when]
        if not whens:
            raise ChronoError(f"{where}: no time given")
        if len(whens) > 16:
            raise ChronoError(f"{where}: at most 16 alternatives, got {len(whens)}")
        if len(whens) == 1 and isinstance(whens[0], str):
            m = _TIME_OF_DAY.fullmatch(whens[0].strip())
            if m is not None:
                h, mi, s = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
                check_time(h, mi, s, whens[0])
                step = SECOND_US if m["s"] else 60 * SECOND_US
                tod = (h * 3600 + mi * 60 + s) * SECOND_US
                object.__setattr__(self, "time_of_day", (tod, tod + step))
                if self.zone is None:
                    raise ChronoError(f"{where}: a time of day needs a zone")
                object.__setattr__(self, "zone_used", get_zone(self.zone))
                return
        alts: list[Alternative] = []
        for w in whens:
            if isinstance(w, _dt.datetime) and w.utcoffset() is None:
                raise ChronoError(
                    f"{where}: pass a local time as ISO 8601 text so its precision is known"
                )
            if not isinstance(w, str | _dt.date):
                raise ChronoError(f"{where}: expected a date or time as text, got {w!r}")
            reading = read_when(
                w,
                self.zone,
                calendar=self.calendar,
                tolerance=self.tolerance,
                disambiguation=self.disambiguation,
                where=where,
            )
            alts.extend(reading.alternatives)
            object.__setattr__(self, "zone_used", reading.zone)
        object.__setattr__(self, "alternatives", tuple(alts))

    def __repr__(self) -> str:
        return call_repr(self, 3 if self.when is not None else 1)

    def _read_phrase(self, where: str) -> None:
        if self.phrase is None:
            raise ChronoError(f"{where}: a date goes with a phrase; otherwise write it in when")
        if self.when is not None:
            raise ChronoError(f"{where}: give when or phrase, not both")
        lexicon = lexicon_or_default(self.lexicon, where)
        if not isinstance(self.phrase, str):
            raise ParseError(self.phrase, "expected a phrase such as 'just after midnight'")
        reading = lexicon.read(self.phrase, kinds=("time-of-day", "date"))
        object.__setattr__(self, "reading", reading)
        local, tod = local_range_of(reading, self.date, self.calendar, where)
        if self.zone is None:
            raise ChronoError(f"{where}: {self.phrase!r} is local time; it needs a zone")
        if local is None:
            assert tod is not None
            object.__setattr__(self, "time_of_day", tod)
            object.__setattr__(self, "zone_used", get_zone(self.zone))
            return
        found = read_when(
            local,
            self.zone,
            tolerance=self.tolerance,
            disambiguation=self.disambiguation,
            where=where,
        )
        object.__setattr__(self, "alternatives", found.alternatives)
        object.__setattr__(self, "zone_used", found.zone)

    @property
    def events(self) -> tuple[str, ...]:
        return (self.event,)

    def intervals_near(self, lo: int, hi: int) -> list[Alternative]:
        """The alternatives, with a time of day expanded to each local day near [lo, hi)."""
        if self.time_of_day is None:
            return list(self.alternatives)
        zone = self.zone_used
        assert zone is not None
        tod_lo, tod_hi = self.time_of_day
        out = []
        first_day = (lo + zone.offset_seconds(lo // SECOND_US) * SECOND_US) // DAY_US - 1
        last_day = (hi + zone.offset_seconds((hi - 1) // SECOND_US) * SECOND_US) // DAY_US + 1
        if last_day - first_day > 40:
            raise ChronoError(
                f"claim {self.label()}: a time of day without a date is read only against an"
                f" event known to within a month; give the date"
            )
        for day in range(first_day, last_day + 1):
            try:
                ivs = local_range_intervals(day * DAY_US + tod_lo, day * DAY_US + tod_hi, zone)
            except ChronoError:
                continue  # that day skipped the time; the other days still count
            when = _dt.datetime(1970, 1, 1) + _dt.timedelta(microseconds=day * DAY_US + tod_lo)
            out.append(Alternative(when.isoformat(timespec="minutes"), tuple(ivs)))
        return out

    def describe(self) -> str:
        """The claim in words: "at 1945-08-08T23:00 in Europe/Moscow"."""
        zone = self.zone_used.phrase if self.zone_used else "in UTC"
        read = "" if self.reading is None else f"; {self.reading.explanation}"
        if self.time_of_day is not None:
            said = self.when if self.reading is None else repr(self.phrase)
            return f"at {said} local time {zone}{read}"
        texts = " or ".join(a.text for a in self.alternatives)
        return f"at {texts} {zone}{read}"


@dataclass(frozen=True, slots=True, repr=False)
class OnDate(Claim):
    """A claim that ``event`` fell on the local calendar ``date`` in ``zone``.

    >>> OnDate("surrender", "1945-05-09", "Europe/Moscow").describe()
    'on 1945-05-09 in Europe/Moscow'
    """

    kind: ClassVar[str] = "on-date"
    event: str
    date: str | _dt.date
    zone: ZoneLike | None = None
    _: KW_ONLY
    calendar: str = "gregorian"
    id: str | None = None
    source: str | None = None
    weight: float = 1.0
    alternatives: tuple[Alternative, ...] = field(init=False, repr=False, compare=False, default=())
    zone_used: Zone | None = field(init=False, repr=False, compare=False, default=None)

    if TYPE_CHECKING:  # the event may be given as an Event; it is kept as its id

        def __init__(
            self,
            event: EventRef,
            date: str | _dt.date,
            zone: ZoneLike | None = None,
            *,
            calendar: str = "gregorian",
            id: str | None = None,
            source: str | None = None,
            weight: float = 1.0,
        ) -> None: ...

    def __post_init__(self) -> None:
        object.__setattr__(self, "event", event_id(self.event, "event"))
        check_common(self)
        where = f"claim {self.label()}"
        text = self.date.isoformat() if isinstance(self.date, _dt.date) else self.date
        if isinstance(self.date, _dt.datetime) or not isinstance(text, str):
            raise ChronoError(f"{where}: expected a calendar date, got {self.date!r}")
        local = parse_when(text, self.calendar)
        if local.precision not in ("day", "month", "year", "decade", "century", "millennium"):
            raise ParseError(
                text, "a date claim takes a date; use At for a time of day", where=where
            )
        reading = read_when(local, self.zone, tolerance=_AS_WRITTEN, where=where)
        (alt,) = reading.alternatives
        label = local.text if self.calendar == "gregorian" else f"{local.text} ({self.calendar})"
        object.__setattr__(self, "alternatives", (Alternative(label, alt.intervals),))
        object.__setattr__(self, "zone_used", reading.zone)

    @property
    def events(self) -> tuple[str, ...]:
        return (self.event,)

    def intervals_near(self, lo: int, hi: int) -> list[Alternative]:
        """The instants the date covers (the same wherever the event lies)."""
        return list(self.alternatives)

    def describe(self) -> str:
        """The claim in words."""
        zone = self.zone_used.phrase if self.zone_used else "in UTC"
        return f"on {self.alternatives[0].text} {zone}"


@dataclass(frozen=True, slots=True, repr=False)
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

    if TYPE_CHECKING:  # the events may be given as Events; they are kept as their ids

        def __init__(
            self,
            first: EventRef,
            then: EventRef,
            *,
            id: str | None = None,
            source: str | None = None,
            weight: float = 1.0,
        ) -> None: ...

    def __post_init__(self) -> None:
        object.__setattr__(self, "first", event_id(self.first, "first event"))
        object.__setattr__(self, "then", event_id(self.then, "then event"))
        check_common(self)
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


@dataclass(frozen=True, slots=True, repr=False)
class Gap(Claim):
    """A claim that ``then`` came between ``at_least`` and ``at_most`` after ``first``.

    >>> Gap("invasion", "declaration", "5h30m", "6h").describe()
    'declaration 5h30m to 6h after invasion'

    A duration marked approximate ("1h~") is read by the lexicon's "about" entry; alone it
    bounds the gap on both sides. In the source's words, ``phrase`` replaces both bounds:

    >>> Gap.phrase("nearly six hours later", "invasion", "declaration").describe()
    "declaration 5h24m to 6h after invasion: 'nearly six hours later' read as 5h24m to 6h (lexicon: nearly = the last 10%, short of N)"
    >>> Gap("invasion", "declaration", "1h~").describe()
    "declaration 45m to 1h15m after invasion: '1h~' read as 45m to 1h15m (lexicon: ~ = about = 25% either side)"
    """

    kind: ClassVar[str] = "gap"
    first: str
    then: str
    at_least: Duration | None = None
    at_most: Duration | None = None
    _: KW_ONLY
    id: str | None = None
    source: str | None = None
    weight: float = 1.0
    phrase: str | None = None
    lexicon: Lexicon | None = None
    min_us: int = field(init=False, repr=False, compare=False, default=0)
    max_us: int | None = field(init=False, repr=False, compare=False, default=None)
    readings: tuple[Reading, ...] = field(init=False, repr=False, compare=False, default=())

    if TYPE_CHECKING:  # the events may be given as Events; they are kept as their ids

        def __init__(
            self,
            first: EventRef,
            then: EventRef,
            at_least: Duration | None = None,
            at_most: Duration | None = None,
            *,
            id: str | None = None,
            source: str | None = None,
            weight: float = 1.0,
            phrase: str | None = None,
            lexicon: Lexicon | None = None,
        ) -> None: ...

    def __post_init__(self) -> None:
        object.__setattr__(self, "first", event_id(self.first, "first event"))
        object.__setattr__(self, "then", event_id(self.then, "then event"))
        check_common(self)
        where = f"claim {self.label()}"
        if self.first == self.then:
            raise ChronoError(f"{where}: a gap needs two different events")
        lexicon = lexicon_or_default(self.lexicon, where)
        if self.phrase is not None:
            if self.at_least is not None or self.at_most is not None:
                raise ChronoError(f"{where}: give at_least/at_most or phrase, not both")
            reading, lo, hi = read_difference(self.phrase, lexicon, where, self.first, self.then)
            object.__setattr__(self, "readings", (reading,))
        elif self.at_least is None:
            raise ChronoError(f"{where}: a gap needs at_least (and at_most), or a phrase")
        else:
            lo, lo_top, lo_reading = duration_bounds(self.at_least, lexicon, "gap")
            hi = lo_top if lo_reading is not None else None
            readings = [] if lo_reading is None else [lo_reading]
            if self.at_most is not None:
                _, hi, hi_reading = duration_bounds(self.at_most, lexicon, "gap")
                readings += [] if hi_reading is None or hi_reading in readings else [hi_reading]
            object.__setattr__(self, "readings", tuple(readings))
            if hi is not None and hi < lo:
                raise ParseError(
                    f"{self.at_least}..{self.at_most}",
                    "the gap's range is reversed: at_most is less than at_least",
                    where=where,
                )
        object.__setattr__(self, "min_us", lo)
        object.__setattr__(self, "max_us", hi)

    @classmethod
    def from_phrase(
        cls,
        phrase: str,
        first: EventRef,
        then: EventRef,
        *,
        id: str | None = None,
        source: str | None = None,
        weight: float = 1.0,
        lexicon: Lexicon | None = None,
    ) -> Gap:
        """A gap in the source's words; also spelt ``Gap.phrase(phrase, first, then)``."""
        return cls(first, then, id=id, source=source, weight=weight, phrase=phrase, lexicon=lexicon)

    @property
    def events(self) -> tuple[str, ...]:
        return (self.first, self.then)

    def describe(self) -> str:
        """The claim in words, with the lexicon's reading when a phrase gave the bounds."""
        read = "".join(
            f"{': ' if i == 0 else '; '}{r.explanation}" for i, r in enumerate(self.readings)
        )
        if self.readings and self.phrase is not None:
            return f"{self.then} {self.readings[0].describe()} after {self.first}{read}"
        lo = format_duration(self.min_us)
        if self.max_us is None:
            return f"{self.then} at least {lo} after {self.first}{read}"
        hi = format_duration(self.max_us)
        span = lo if lo == hi else f"{lo} to {hi}"
        return f"{self.then} {span} after {self.first}{read}"


class _PhraseOrField:
    """``Gap.phrase(...)`` on the class builds a gap from a phrase; ``gap.phrase`` is the field.

    The dataclass keeps the phrase in a slot named ``phrase``; this wraps that slot so the
    class attribute can also be the constructor the API promises.
    """

    def __init__(self, slot: Any, build: Any) -> None:
        self.slot = slot
        self.build = build

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self.build.__get__(owner, owner)
        return self.slot.__get__(obj, owner)

    def __set__(self, obj: object, value: object) -> None:
        self.slot.__set__(obj, value)


Gap.phrase = _PhraseOrField(Gap.__dict__["phrase"], Gap.__dict__["from_phrase"])  # type: ignore[assignment,misc]


def claim_kind(claim: object) -> str:
    """The kind word of a claim ("at", "on-date", "before", "after", "gap", "same-date")."""
    if isinstance(claim, Claim):
        return claim.kind
    raise ChronoError(
        f"expected a claim (At, OnDate, Before, After, Gap or SameDate), got {claim!r}"
    )
