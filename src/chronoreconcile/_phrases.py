"""Claims in the source's own words: a lexicon reading turned into a claim's bounds.

A phrase never becomes a point: "nearly six hours later" is the gap 5h24m to 6h (6h itself
left out), "just after midnight" on 1945-08-09 is the local range 00:00 to 00:30 of that
date. This module holds the few steps between a ``lexicon.Reading`` and what a claim keeps:
inclusive integer bounds for a difference, and a local range for an absolute claim. An
approximate duration ("1h~") is read here too, by the lexicon's "about" entry, because
``_durations`` knows only exact lengths and may not import the lexicon.

May import: _errors, _units, _durations, _parsing, lexicon. Imported by _claims.
"""

from __future__ import annotations

import datetime as _dt

from ._durations import parse_duration
from ._errors import ChronoError, ParseError
from ._parsing import LocalRange, parse_when
from ._units import DAY_US, EPOCH_ORDINAL
from .lexicon import Lexicon, Reading

__all__ = [
    "difference_bounds",
    "duration_bounds",
    "lexicon_or_default",
    "local_range_of",
    "read_difference",
]


def lexicon_or_default(lexicon: object, where: str) -> Lexicon:
    """The lexicon a claim reads with: the one given, or the default one."""
    if lexicon is None:
        return Lexicon.default()
    if not isinstance(lexicon, Lexicon):
        raise ChronoError(f"{where}: lexicon must be a Lexicon, got {lexicon!r}")
    return lexicon


def difference_bounds(reading: Reading) -> tuple[int, int | None]:
    """A gap reading's bounds as whole microseconds, both included: (5h24m, 6h - 1µs).

    Instants are integers, so an open end is the nearest microsecond inside it.

    >>> r = Lexicon.default().read("shortly after")
    >>> difference_bounds(r) == (1, 3_600_000_000)
    True
    """
    lower = 0 if reading.lower is None else reading.lower
    if reading.lower is not None and not reading.lower_closed:
        lower += 1
    if reading.upper is None:
        return lower, None
    upper = reading.upper if reading.upper_closed else reading.upper - 1
    return lower, upper


def read_difference(
    phrase: object, lexicon: Lexicon, where: str, first: str, then: str
) -> tuple[Reading, int, int | None]:
    """How long after ``first`` the phrase puts ``then``: the reading and its bounds.

    A phrase that puts ``then`` first ("shortly before") is refused rather than turned
    round, and so is one that needs a zone to be read ("the next morning", "the same day").
    """
    if not isinstance(phrase, str):
        raise ParseError(phrase, "expected a phrase such as 'nearly six hours later'", where=where)
    reading = lexicon.read_gap(phrase)
    if reading.order == "before":
        raise ChronoError(
            f"{where}: {phrase!r} puts {then} before {first}; name the events the other way"
            " round (first, then)"
        )
    if reading.kind == "same-date":
        raise ChronoError(
            f"{where}: {phrase!r} says the two events fell on one local date; that needs a"
            " zone: use SameDate(first, then, zone, phrase=...)"
        )
    if reading.day_offset is not None or reading.time_of_day is not None:
        raise ChronoError(
            f"{where}: {phrase!r} ({reading.describe()}) is read against a local date, which"
            " a gap cannot say; give the second event an At or OnDate claim instead"
        )
    lower, upper = difference_bounds(reading)
    if upper is not None and upper < lower:
        raise ParseError(phrase, f"it reads as an empty range ({reading.rule})", where=where)
    return reading, lower, upper


def duration_bounds(value: object, lexicon: Lexicon, what: str) -> tuple[int, int, Reading | None]:
    """An exact or approximate duration as (lower, upper) µs, with the reading if approximate.

    "1h~" is the lexicon's "about" reading of 1h, 45m to 1h15m by default; "5h30m" is
    exactly 5h30m at both ends.

    >>> duration_bounds("1h~", Lexicon.default(), "gap")[:2] == (2_700_000_000, 4_500_000_000)
    True
    """
    if isinstance(value, str) and value.strip().endswith("~"):
        reading = lexicon.read_duration(value.strip())
        lower, upper = difference_bounds(reading)
        assert upper is not None
        return lower, upper, reading
    micros = parse_duration(value, what=what)
    return micros, micros, None


def local_range_of(
    reading: Reading, date: object, calendar: str, where: str
) -> tuple[LocalRange | None, tuple[int, int] | None]:
    """What an absolute claim's phrase denotes: a local range, or a time of day on any date.

    A time-of-day phrase on a ``date`` is that part of that local date (running into the
    next when the phrase does, as "night"); without a date it is a time of day on whatever
    date the event fell. A date phrase ("early August 1945") is its whole days.
    """
    if reading.kind == "date":
        if date is not None:
            raise ChronoError(f"{where}: {reading.phrase!r} is a date itself; give no date")
        assert reading.first_date is not None and reading.last_date is not None
        start = _dt.date(*reading.first_date).toordinal() - EPOCH_ORDINAL
        end = _dt.date(*reading.last_date).toordinal() - EPOCH_ORDINAL + 1
        return LocalRange(start * DAY_US, end * DAY_US, "day", text=repr(reading.phrase)), None
    assert reading.lower is not None and reading.upper is not None
    if date is None:
        return None, (reading.lower, reading.upper)
    text_date = date.isoformat() if isinstance(date, _dt.date) else date
    if isinstance(date, _dt.datetime) or not isinstance(text_date, str):
        raise ChronoError(f"{where}: expected a calendar date, got {date!r}")
    local = parse_when(text_date, calendar)
    if local.precision != "day":
        raise ParseError(text_date, "a time-of-day phrase needs one date, to the day", where=where)
    text = f"{local.text} {reading.phrase!r}"
    return (
        LocalRange(
            local.start_us + reading.lower, local.start_us + reading.upper, "minute", text=text
        ),
        None,
    )
