"""POSIX TZ rules (RFC 8536 section 3.3): the footer that describes a zone's later years.

tzdata's "slim" TZif files list transitions only up to the last change of rules and leave
the years after it to a rule such as ``CET-1CEST,M3.5.0,M10.5.0/3``. A rule's dates come in
three kinds, each its own type here: :class:`JulianDay` ("Jn", 1..365, never counting
29 February), :class:`ZeroBasedDay` ("n", 0..365, counting it) and :class:`MonthWeekDay`
("Mm.w.d", the w-th weekday d of month m, 5 meaning the last).

May import: the standard library, ``.._units``, ``.._errors``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .._errors import ChronoError
from .._units import DAY_US, EPOCH_ORDINAL, SECOND_US, days_in_month, is_leap

__all__ = [
    "JulianDay",
    "MonthWeekDay",
    "PosixRule",
    "RuleDate",
    "ZeroBasedDay",
    "parse_posix",
]

_DAY = DAY_US // SECOND_US


@dataclass(frozen=True, slots=True)
class JulianDay:
    """``Jn``: day ``day`` (1..365) of the year, 29 February never counted."""

    day: int
    time: int  # seconds after local midnight; may be negative or beyond 24h

    def ordinal(self, year: int) -> int:
        """The proleptic Gregorian day number on which the rule fires in ``year``."""
        day = _dt.date(year, 1, 1).toordinal() + self.day - 1
        if self.day >= 60 and is_leap(year):
            day += 1
        return day


@dataclass(frozen=True, slots=True)
class ZeroBasedDay:
    """``n``: day ``day`` (0..365) after 1 January, 29 February counted."""

    day: int
    time: int

    def ordinal(self, year: int) -> int:
        """The proleptic Gregorian day number on which the rule fires in ``year``."""
        return _dt.date(year, 1, 1).toordinal() + self.day


@dataclass(frozen=True, slots=True)
class MonthWeekDay:
    """``Mm.w.d``: weekday ``weekday`` (0 is Sunday) of week ``week`` (5: the last) of ``month``."""

    month: int
    week: int
    weekday: int
    time: int

    def ordinal(self, year: int) -> int:
        """The proleptic Gregorian day number on which the rule fires in ``year``."""
        first = _dt.date(year, self.month, 1)
        # POSIX weekday: 0 is Sunday; date.weekday(): 0 is Monday.
        delta = (self.weekday - (first.weekday() + 1) % 7) % 7
        day = first.toordinal() + delta + (self.week - 1) * 7
        if self.week == 5:
            last = first.toordinal() + days_in_month(year, self.month)
            while day >= last:
                day -= 7
        return day


RuleDate = JulianDay | ZeroBasedDay | MonthWeekDay


def _local_seconds(date: RuleDate, year: int) -> int:
    """Local seconds since the epoch at which ``date`` fires in ``year``."""
    return (date.ordinal(year) - EPOCH_ORDINAL) * _DAY + date.time


@dataclass(frozen=True, slots=True)
class PosixRule:
    """A zone's standard time, and its daylight time with the dates it starts and ends."""

    std_abbr: str
    std_offset: int
    dst_abbr: str | None
    dst_offset: int
    start: RuleDate | None
    end: RuleDate | None

    def transitions(self, year: int) -> list[tuple[int, int, str, bool]]:
        """(UTC seconds, offset after, abbreviation after, is DST) for each change in year."""
        if self.start is None or self.end is None or self.dst_abbr is None:
            return []
        # The start time is written in standard time, the end time in daylight time.
        on = _local_seconds(self.start, year) - self.std_offset
        off = _local_seconds(self.end, year) - self.dst_offset
        return sorted(
            [
                (on, self.dst_offset, self.dst_abbr, True),
                (off, self.std_offset, self.std_abbr, False),
            ]
        )


_POSIX_NAME = r"(?:<[^>]+>|[A-Za-z]{3,})"
_POSIX_OFF = r"[+-]?[0-9]{1,3}(?::[0-9]{2}(?::[0-9]{2})?)?"
_POSIX_DATE = r"(?:J[0-9]{1,3}|[0-9]{1,3}|M[0-9]{1,2}\.[0-9]\.[0-9])(?:/" + _POSIX_OFF + r")?"
_POSIX_RE = re.compile(
    rf"(?P<std>{_POSIX_NAME})(?P<stdoff>{_POSIX_OFF})"
    rf"(?:(?P<dst>{_POSIX_NAME})(?P<dstoff>{_POSIX_OFF})?"
    rf",(?P<start>{_POSIX_DATE}),(?P<end>{_POSIX_DATE}))?\Z"
)


def _posix_seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _posix_date(text: str) -> RuleDate:
    date, _, time = text.partition("/")
    seconds = _posix_seconds(time) if time else 7200
    if date.startswith("J"):
        return JulianDay(int(date[1:]), seconds)
    if date.startswith("M"):
        m, w, d = (int(x) for x in date[1:].split("."))
        return MonthWeekDay(m, w, d, seconds)
    return ZeroBasedDay(int(date), seconds)


def parse_posix(text: str, where: str) -> PosixRule:
    """The rule a TZif footer writes; ``where`` names the zone for the error message.

    >>> parse_posix("EST5EDT,M3.2.0,M11.1.0", "America/New_York").start
    MonthWeekDay(month=3, week=2, weekday=0, time=7200)
    """
    m = _POSIX_RE.match(text)
    if m is None:
        raise ChronoError(
            f"zone data for {where!r} has a TZ rule this library cannot read: {text!r}"
        )
    # POSIX offsets count hours west of Greenwich: EST5 is UTC-05:00.
    std_offset = -_posix_seconds(m["stdoff"])
    dst = m["dst"]
    dst_offset = -_posix_seconds(m["dstoff"]) if m["dstoff"] else std_offset + 3600
    return PosixRule(
        std_abbr=m["std"].strip("<>"),
        std_offset=std_offset,
        dst_abbr=dst.strip("<>") if dst else None,
        dst_offset=dst_offset,
        start=_posix_date(m["start"]) if m["start"] else None,
        end=_posix_date(m["end"]) if m["end"] else None,
    )
