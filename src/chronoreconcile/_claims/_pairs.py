"""The difference claims: Before (strictly before) and Gap (between two durations after).

A gap may be written in the source's words (``phrase``) or with an approximate duration
("1h~"); the lexicon reads either as bounds, and the claim keeps the readings.

May import: _errors, _durations, _phrases, lexicon, and the package's _base.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from .._durations import format_duration
from .._errors import ChronoError, ParseError
from .._phrases import duration_bounds, lexicon_or_default, read_difference
from ..lexicon import Lexicon, Reading
from ._base import Claim, Duration, EventRef, check_common, event_id

__all__ = ["Before", "Gap"]


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
