"""The claims that relate two events in the source's words: After, and SameDate.

``After(first, then)`` is Before read from the other side ("the declaration came after the
invasion"): the same strict difference, so it is a kind of Before and compiles as one; with
a phrase ("shortly after") the lexicon bounds how long after. ``SameDate(a, b, zone)`` says
both events fell on one local date in ``zone``, in either order: not a difference but a
choice among dates, which the chronology splits into cases as it does for OnDate.

May import: _errors, _units, _phrases, lexicon, zones, and the package's _base and _pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from .._errors import ChronoError, ParseError
from .._phrases import lexicon_or_default, read_difference
from .._units import DAY_US, SECOND_US
from ..lexicon import Lexicon, Reading
from ..zones import Zone, ZoneLike, get_zone
from ._base import Claim, EventRef, check_common, event_id
from ._pairs import Before

__all__ = ["After", "SameDate", "local_day"]


@dataclass(frozen=True, slots=True, repr=False)
class After(Before):
    """A claim that ``then`` happened strictly after ``first``; ``phrase`` says how long after.

    >>> After("invasion", "declaration").describe()
    'declaration after invasion'
    >>> c = After("invasion", "declaration", phrase="shortly after")
    >>> c.min_us, c.max_us == 3_600_000_000
    (1, True)
    >>> print(c.describe())
    declaration after invasion: 'shortly after' read as after, by more than 0s and at most 1h (lexicon: shortly after = after, within the hour)
    """

    kind: ClassVar[str] = "after"
    phrase: str | None = field(default=None, kw_only=True)
    lexicon: Lexicon | None = field(default=None, kw_only=True)
    reading: Reading | None = field(init=False, repr=False, compare=False, default=None)
    bounds: tuple[int, int | None] = field(init=False, repr=False, compare=False, default=(1, None))

    if TYPE_CHECKING:  # the events may be given as Events; they are kept as their ids

        def __init__(
            self,
            first: EventRef,
            then: EventRef,
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
            raise ChronoError(f"{where}: an event cannot be after itself")
        if self.phrase is None:
            return
        lexicon = lexicon_or_default(self.lexicon, where)
        reading, lower, upper = read_difference(self.phrase, lexicon, where, self.first, self.then)
        # After is strict: "after, within the hour" still leaves out the same instant.
        object.__setattr__(self, "reading", reading)
        object.__setattr__(self, "bounds", (max(lower, 1), upper))
        if upper is not None and upper < 1:
            raise ParseError(self.phrase, "it allows no time after the first event", where=where)

    @property
    def min_us(self) -> int:
        """The smallest gap allowed, in µs: one microsecond unless the phrase says more."""
        return self.bounds[0]

    @property
    def max_us(self) -> int | None:
        """The largest gap allowed, in µs, or None (no limit)."""
        return self.bounds[1]

    def describe(self) -> str:
        """The claim in words, with the lexicon's reading when there is a phrase."""
        read = "" if self.reading is None else f": {self.reading.explanation}"
        return f"{self.then} after {self.first}{read}"


@dataclass(frozen=True, slots=True, repr=False)
class SameDate(Claim):
    """A claim that ``a`` and ``b`` fell on the same local date in ``zone``, in either order.

    The zone must be named: one instant falls on different dates in different zones (the
    declaration of 9 August 1945 was still 8 August in Moscow).

    >>> SameDate("signing", "mongolia-declaration", "Europe/Moscow").describe()
    'signing and mongolia-declaration on the same local date in Europe/Moscow'
    >>> print(SameDate("a", "b", "UTC", phrase="that same day").describe())
    a and b on the same local date in UTC: 'that same day' read as on the same local date (lexicon: the same day = the same local date, in either order)
    """

    kind: ClassVar[str] = "same-date"
    a: str
    b: str
    zone: ZoneLike | None = None
    phrase: str | None = field(default=None, kw_only=True)
    lexicon: Lexicon | None = field(default=None, kw_only=True)
    id: str | None = field(default=None, kw_only=True)
    source: str | None = field(default=None, kw_only=True)
    weight: float = field(default=1.0, kw_only=True)
    reading: Reading | None = field(init=False, repr=False, compare=False, default=None)
    zone_used: Zone | None = field(init=False, repr=False, compare=False, default=None)

    if TYPE_CHECKING:  # the events may be given as Events; they are kept as their ids

        def __init__(
            self,
            a: EventRef,
            b: EventRef,
            zone: ZoneLike | None = None,
            *,
            phrase: str | None = None,
            lexicon: Lexicon | None = None,
            id: str | None = None,
            source: str | None = None,
            weight: float = 1.0,
        ) -> None: ...

    def __post_init__(self) -> None:
        object.__setattr__(self, "a", event_id(self.a, "first event"))
        object.__setattr__(self, "b", event_id(self.b, "second event"))
        check_common(self)
        where = f"claim {self.label()}"
        if self.a == self.b:
            raise ChronoError(f"{where}: a same-date claim needs two different events")
        if self.zone is None:
            raise ChronoError(
                f"{where}: a same-date claim needs the zone its dates are read in; one instant"
                " falls on different dates in different zones"
            )
        object.__setattr__(self, "zone_used", get_zone(self.zone))
        if self.phrase is not None:
            lexicon = lexicon_or_default(self.lexicon, where)
            reading = lexicon.read_gap(self.phrase)
            if reading.kind != "same-date":
                raise ParseError(
                    self.phrase,
                    f"it reads as {reading.describe()}, not as the same local date",
                    where=where,
                )
            object.__setattr__(self, "reading", reading)

    @property
    def events(self) -> tuple[str, ...]:
        return (self.a, self.b)

    def default_id(self) -> str:
        return f"same-date:{self.a}={self.b}"

    def describe(self) -> str:
        """The claim in words."""
        assert self.zone_used is not None
        read = "" if self.reading is None else f": {self.reading.explanation}"
        return f"{self.a} and {self.b} on the same local date {self.zone_used.phrase}{read}"


def local_day(micros: int, zone: Zone) -> int:
    """The local date of an instant in ``zone``, as days since 1970-01-01.

    >>> local_day(-1, get_zone("UTC")), local_day(-1, get_zone("+10:00"))
    (-1, 0)
    """
    offset = zone.offset_seconds(micros // SECOND_US) * SECOND_US
    return (micros + offset) // DAY_US
