"""A reading: the bounds one lexicon entry gives a phrase, and the sentence that says so.

A ``Reading`` is a plain value (frozen, picklable, comparable); claims turn it into difference
constraints or local ranges. Its bounds are integers: microseconds for durations, gaps and
times of day, and proleptic Gregorian ``(year, month, day)`` triples for dates.

May import: ``_errors``, ``_units``, ``_durations`` and the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .._durations import format_duration
from .._errors import ChronoError
from .._units import DAY_US, MINUTE_US

__all__ = ["Order", "Reading", "ReadingKind", "format_clock"]

ReadingKind = Literal["duration", "time-of-day", "relative", "same-date", "date"]
Order = Literal["after", "before"]
DateTriple = tuple[int, int, int]
_KINDS = ("duration", "time-of-day", "relative", "same-date", "date")


@dataclass(frozen=True, slots=True)
class Reading:
    """The bounds a lexicon gives one phrase, as written, with the entry that gave them.

    - ``duration``: ``lower``/``upper`` microseconds with ``lower_closed``/``upper_closed``;
      ``order`` is set when the phrase ended in "later", "before" and the like.
    - ``time-of-day``: local time ``[lower, upper)`` in microseconds after local midnight;
      ``upper`` past a day (86,400 s) runs into the next day.
    - ``relative``: the second event against the first: ``order``, a gap ``lower``/``upper``
      (``upper`` None: no bound), ``day_offset`` (its local date minus the first's) and
      ``time_of_day`` (its local time range, as for a time of day), each None when not said.
    - ``same-date``: both events on one local date, in either order (``day_offset`` 0).
    - ``date``: whole days from ``first_date`` to ``last_date``, both included.

    >>> from chronoreconcile.lexicon import Lexicon
    >>> r = Lexicon.default().read("nearly six hours later")
    >>> r.kind, r.lower, r.upper, r.upper_closed, r.order
    ('duration', 19440000000, 21600000000, False, 'after')
    >>> r.explanation
    "'nearly six hours later' read as 5h24m to 6h (lexicon: nearly = the last 10%, short of N)"
    """

    phrase: str
    kind: ReadingKind
    rule: str
    lower: int | None = None
    upper: int | None = None
    lower_closed: bool = True
    upper_closed: bool = True
    order: Order | None = None
    day_offset: int | None = None
    time_of_day: tuple[int, int] | None = None
    first_date: DateTriple | None = None
    last_date: DateTriple | None = None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ChronoError(f"unknown reading kind {self.kind!r}; expected one of {_KINDS}")
        dated = self.first_date is not None and self.last_date is not None
        if (self.kind == "date") != dated:
            raise ChronoError(f"a {self.kind} reading of {self.phrase!r} has wrong date bounds")
        if dated and self.first_date > self.last_date:  # type: ignore[operator]
            raise ChronoError(f"the reading of {self.phrase!r} ends before it starts")
        if self.kind in ("duration", "time-of-day") and (self.lower is None or self.upper is None):
            raise ChronoError(f"a {self.kind} reading of {self.phrase!r} needs both bounds")
        if self.lower is not None and self.upper is not None and self.lower > self.upper:
            raise ChronoError(f"the reading of {self.phrase!r} ends before it starts")

    def __repr__(self) -> str:
        return f"Reading({self.phrase!r}: {self.kind} {self.describe()})"

    @property
    def explanation(self) -> str:
        """One line: the phrase, what it was read as, and the lexicon's rule."""
        return f"{self.phrase!r} read as {self.describe()} (lexicon: {self.rule})"

    def describe(self) -> str:
        """The bounds in words, without the phrase: "5h24m to 6h", "00:00 to 00:30"."""
        if self.kind == "duration":
            assert self.lower is not None and self.upper is not None
            if self.lower == self.upper:
                return format_duration(self.lower)
            return f"{format_duration(self.lower)} to {format_duration(self.upper)}"
        if self.kind == "time-of-day":
            assert self.lower is not None and self.upper is not None
            return f"{format_clock(self.lower)} to {format_clock(self.upper)}"
        if self.kind == "date":
            assert self.first_date is not None and self.last_date is not None
            return f"{_iso(self.first_date)} to {_iso(self.last_date)}"
        parts: list[str] = [self.order] if self.order else []
        if self.lower is not None and (self.upper is not None or self.lower > 0):
            parts.append(self._gap_words())
        if self.day_offset is not None:
            parts.append(_day_words(self.day_offset))
        if self.time_of_day is not None:
            lo, hi = self.time_of_day
            parts.append(f"{format_clock(lo)} to {format_clock(hi)}")
        return ", ".join(parts)

    def contains(self, value: int) -> bool:
        """True if ``value`` (microseconds) lies within a duration, gap or time-of-day reading."""
        if self.lower is None:
            return False
        if self.kind == "time-of-day":
            assert self.upper is not None
            return self.lower <= value < self.upper
        above = value >= self.lower if self.lower_closed else value > self.lower
        if self.upper is None:
            return above
        below = value <= self.upper if self.upper_closed else value < self.upper
        return above and below

    def _gap_words(self) -> str:
        assert self.lower is not None
        low = ("at least " if self.lower_closed else "more than ") + format_duration(self.lower)
        if self.upper is None:
            return "by " + low
        high = ("at most " if self.upper_closed else "less than ") + format_duration(self.upper)
        return f"by {low} and {high}"


def format_clock(micros: int) -> str:
    """Microseconds after local midnight as "HH:MM", "24:00", or "05:00 the next day".

    >>> format_clock(30 * 60 * 10**6), format_clock(29 * 3600 * 10**6)
    ('00:30', '05:00 the next day')
    """
    days, rest = divmod(micros, DAY_US)
    if days == 1 and rest == 0:
        return "24:00"
    minutes, sub = divmod(rest, MINUTE_US)
    text = f"{minutes // 60:02d}:{minutes % 60:02d}"
    if sub:
        text += f"+{format_duration(sub)}"
    if days == 1:
        text += " the next day"
    elif days:
        text += f" {days} days later"
    return text


def _iso(date: DateTriple) -> str:
    year, month, day = date
    return f"{year:04d}-{month:02d}-{day:02d}"


def _day_words(offset: int) -> str:
    if offset == 0:
        return "on the same local date"
    if offset == 1:
        return "on the next local date"
    if offset == -1:
        return "on the previous local date"
    return f"{abs(offset)} local dates {'later' if offset > 0 else 'earlier'}"
