"""The absolute claims: At (a local time, date or range in a zone) and OnDate (a local date).

Each knows the exact instants it allows, as disjoint intervals of microseconds: one interval
for an ordinary time or date, several when the claim is a disjunction ("either 17:00 or
23:00", a repeated local time, a day split by a transition). The instants come from
read_when, the one path from a wall time to instants that events take too; a phrase
("just after midnight" on a date) is read by the lexicon first.

May import: _errors, _units, _parsing, _instants, _spans, zones, _alternatives, _events,
_phrases, lexicon, and the package's _base.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import TYPE_CHECKING, ClassVar

from .._alternatives import Alternative, Tolerance, When, read_when
from .._errors import ChronoError, ParseError
from .._events import call_repr
from .._instants import check_time
from .._parsing import parse_when
from .._phrases import lexicon_or_default, local_range_of
from .._spans import local_range_intervals
from .._units import DAY_US, SECOND_US
from ..lexicon import Lexicon, Reading
from ..zones import Disambiguation, Zone, ZoneLike, check_disambiguation, get_zone
from ._base import Claim, EventRef, check_common, event_id

__all__ = ["At", "OnDate"]

_TIME_OF_DAY = re.compile(r"T?(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?")
# A date claim reads the date exactly as written: no tolerance, even for "1945-08~".
_AS_WRITTEN = _dt.timedelta(0)


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
