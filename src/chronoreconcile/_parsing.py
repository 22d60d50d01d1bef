"""Reading what a source wrote: a local date or time at any precision, in any calendar.

The result is a *local range*: the half-open range of local times (microseconds since
1970-01-01T00:00 on the local clock) that the text can mean, with the precision it was
written to and the EDTF marks it carried. Turning it into instants is the zone's job.

May import: the standard library, ``.calendars``, ``._durations``, ``._instants``,
``.zones``, ``._errors``, ``._units``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from . import calendars
from ._durations import MICROS
from ._errors import ParseError
from ._instants import check_time
from ._units import DAY_US, EPOCH_ORDINAL, SECOND_US
from .zones import parse_offset

__all__ = ["APPROXIMATE_DEFAULTS", "LocalRange", "parse_when"]


# The tolerance a bare "~" (EDTF "approximate") adds on each side when no explicit
# tolerance is given: one unit of what was written, except that "about 17:00" is
# read as within a quarter of an hour rather than within a minute.
# Precisions from the finest to the coarsest.
_ORDER = [
    "fraction",
    "second",
    "minute",
    "hour",
    "day",
    "month",
    "year",
    "decade",
    "century",
    "millennium",
]

APPROXIMATE_DEFAULTS: dict[str, int] = {
    "millennium": 366 * DAY_US,
    "century": 366 * DAY_US,
    "decade": 366 * DAY_US,
    "year": 366 * DAY_US,
    "month": 31 * DAY_US,
    "day": DAY_US,
    "hour": 3600 * SECOND_US,
    "minute": 15 * 60 * SECOND_US,
    "second": 60 * SECOND_US,
    "fraction": SECOND_US,
}


@dataclass(frozen=True, slots=True)
class LocalRange:
    """The local times ``[start_us, end_us)`` a text can mean (µs on the local clock)."""

    start_us: int
    end_us: int
    precision: str
    approximate: bool = False
    uncertain: bool = False
    offset: int | None = None  # an offset written in the text itself ("...+01:00", "Z")
    text: str = ""
    calendar: str = "gregorian"
    unit: str = ""  # the precision a bare "~" widens by; a range takes its coarser end's
    abbreviation: str = ""  # a zone abbreviation written after the time ("23:01 CET")

    @property
    def approximate_default(self) -> int:
        """The tolerance a bare "~" adds on each side (APPROXIMATE_DEFAULTS)."""
        return APPROXIMATE_DEFAULTS[self.unit or self.precision]

    def label(self) -> str:
        """The text as the source wrote it, for explanations."""
        return self.text


_RANGE_SPLIT = re.compile(r"/(?![0-9]{1,2}(?:[^0-9]|$))")
_TIME_RE = re.compile(
    r"(?:[Tt]|\s+)(?P<h>[0-9]{2})(?::(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:[.,](?P<f>[0-9]{1,6}))?)?)?\s*"
)
_OFFSET_TAIL = re.compile(
    r"(?<=[0-9])(?P<off>Z|z|[+\-\u2212][0-9]{2}(?::?[0-9]{2}(?::?[0-9]{2})?)?)$"
)
# "1945-05-08T23:01 CET", "1941-12-07T07:48 HST": letters after a time of day.
_ABBREVIATION_TAIL = re.compile(r"(?<=[0-9])\s+(?P<abbr>[A-Z][A-Za-z]{1,5})$")
_TIME_BEFORE_OFFSET = re.compile(r"(?:T[0-9]{2}|[0-9]{2}:[0-9]{2})(?::[0-9]{2}(?:[.,][0-9]+)?)?$")
_NOON = re.compile(r"\s*(?:T|\s)?\s*(?:noon|正午|midday)\s*", re.IGNORECASE)
_MIDNIGHT = re.compile(r"(?i)midnight|真夜中|午前0時")
_UNSPECIFIED = re.compile(
    r"^(?P<y>[0-9]{1,3}X{1,3}|[0-9]{4})(?:-(?P<m>[0-9]{2}|XX)(?:-(?P<d>[0-9]{2}|XX))?)?$"
)


def parse_when(text: str, calendar: str = "gregorian") -> LocalRange:
    """Read a local date or time at any precision, an explicit range, and EDTF marks.

    >>> r = parse_when("1945-08")
    >>> r.precision, (r.end_us - r.start_us) // 86_400_000_000
    ('month', 31)
    >>> parse_when("1945-08-08T23:01~").approximate
    True
    """
    if not isinstance(text, str):
        raise ParseError(text, "expected text such as '1945-08-08T23:01'")
    calendar = calendars.check_calendar(calendar)
    raw = text.strip()
    if not raw:
        raise ParseError(text, "it is empty")
    if len(raw) > 200:
        raise ParseError(raw[:40] + "...", "longer than 200 characters; not a date")
    sides = _RANGE_SPLIT.split(raw)
    if len(sides) > 2:
        raise ParseError(text, "a range has exactly one '/' between its two ends")
    if len(sides) == 2:
        if ".." in sides or "" in (s.strip() for s in sides):
            raise ParseError(text, "an open-ended range has no span; give both ends")
        first = _parse_side(sides[0].strip(), calendar, text)
        last = _parse_side(sides[1].strip(), calendar, text)
        if first.offset != last.offset or first.abbreviation != last.abbreviation:
            raise ParseError(text, "the two ends of a range carry different offsets")
        if last.end_us <= first.start_us:
            raise ParseError(text, "the range ends before it starts")
        return LocalRange(
            first.start_us,
            last.end_us,
            "range",
            first.approximate or last.approximate,
            first.uncertain or last.uncertain,
            first.offset,
            raw,
            calendar,
            max(first.unit or first.precision, last.unit or last.precision, key=_ORDER.index),
            first.abbreviation,
        )
    return _parse_side(raw, calendar, text)


def _parse_side(side: str, calendar: str, whole: str) -> LocalRange:
    body = side
    approximate = uncertain = False
    if body and body[-1] in "~?%":
        mark = body[-1]
        body = body[:-1].rstrip()
        approximate = mark in "~%"
        uncertain = mark in "?%"
    if body and body[-1] in "~?%":
        raise ParseError(whole, "at most one of the EDTF marks ~ ? % may end a date")
    if _MIDNIGHT.search(body):
        raise ParseError(
            whole,
            "'midnight' may mean the start or the end of the day; write 00:00 of the day meant",
        )
    offset: int | None = None
    m = _OFFSET_TAIL.search(body)
    # Only a time of day carries an offset: "…T23:01+03:00", not the "-15" of "Showa 20-08-15".
    if m and _TIME_BEFORE_OFFSET.search(body[: m.start()]):
        off_text = m["off"]
        offset = 0 if off_text in "Zz" else parse_offset(off_text.replace("\u2212", "-"))
        body = body[: m.start()]
    abbreviation = ""
    a = _ABBREVIATION_TAIL.search(body) if offset is None else None
    if a and _TIME_BEFORE_OFFSET.search(body[: a.start()]):
        abbreviation = a["abbr"]
        body = body[: a.start()]
    if "X" in body:
        return _unspecified(body, calendar, whole, approximate, uncertain, side)
    cal = calendar
    if calendar == "gregorian":
        cal = calendars.detect_calendar(body) or "gregorian"
    date, rest = calendars.parse_date(body, cal)
    first, end = date.first_day(), date.end_day()
    if first < 1 or end > _dt.date.max.toordinal() + 1:
        raise ParseError(whole, "it falls outside Gregorian years 1..9999")
    start_us = (first - EPOCH_ORDINAL) * DAY_US
    precision = "day" if date.day is not None else "month" if date.month is not None else "year"
    end_us = (end - EPOCH_ORDINAL) * DAY_US
    if rest.strip():
        if date.day is None:
            raise ParseError(whole, f"a time of day needs a full date, not {precision} precision")
        if end - first != 1:  # pragma: no cover - a day-precision date covers one day
            raise ParseError(whole, "a time of day needs a single day")
        start_us, end_us, precision = _time_of_day(rest, start_us, whole)
    elif offset is not None:
        raise ParseError(whole, "an offset belongs to a time of day, not to a whole date")
    return LocalRange(
        start_us,
        end_us,
        precision,
        approximate,
        uncertain,
        offset,
        side.strip(),
        date.calendar,
        abbreviation=abbreviation,
    )


def _time_of_day(rest: str, day_us: int, whole: str) -> tuple[int, int, str]:
    if _NOON.fullmatch(rest):
        return day_us + 12 * 3600 * SECOND_US, day_us + (12 * 3600 + 60) * SECOND_US, "minute"
    m = _TIME_RE.fullmatch(rest)
    if m is None:
        raise ParseError(
            whole, f"cannot read the time of day {rest.strip()!r}; write THH, THH:MM or THH:MM:SS"
        )
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    s = int(m["s"] or 0)
    check_time(h, mi, s, whole)
    start = day_us + (h * 3600 + mi * 60 + s) * SECOND_US
    if m["f"]:
        digits = m["f"]
        step = 10 ** (6 - len(digits))
        start += int(digits) * step
        return start, start + step, "fraction"
    if m["s"]:
        return start, start + MICROS["s"], "second"
    if m["mi"]:
        return start, start + MICROS["m"], "minute"
    return start, start + MICROS["h"], "hour"


def _unspecified(
    body: str, calendar: str, whole: str, approximate: bool, uncertain: bool, side: str
) -> LocalRange:
    """EDTF unspecified digits: "194X", "19XX", "1945-XX", "1945-08-XX"."""
    if calendar not in ("gregorian", "julian"):
        raise ParseError(
            whole, "unspecified digits (X) are read in the gregorian or julian calendar"
        )
    m = _UNSPECIFIED.fullmatch(body)
    if m is None or len(m["y"]) != 4:
        raise ParseError(
            whole, "unspecified digits (X) may only end the year, or replace a month or day"
        )
    y, mo, d = m["y"], m["m"], m["d"]
    if mo == "XX" and d not in (None, "XX"):
        raise ParseError(whole, "a day cannot be given when the month is unspecified")
    if "X" in y:
        if mo not in (None, "XX") or d not in (None, "XX"):
            raise ParseError(whole, "a month or day cannot be given when the year is unspecified")
        lo_year, hi_year = y.replace("X", "0"), y.replace("X", "9")
        if int(lo_year) == 0:
            lo_year = "0001"
        first, _ = calendars.parse_date(lo_year, calendar)
        last, _ = calendars.parse_date(hi_year, calendar)
        precision = {1: "decade", 2: "century", 3: "millennium"}[y.count("X")]
        start_day, end_day = first.first_day(), last.end_day()
    else:
        text = y if mo in (None, "XX") else f"{y}-{mo}" if d in (None, "XX") else f"{y}-{mo}-{d}"
        date, _ = calendars.parse_date(text, calendar)
        precision = "year" if date.month is None else "month"
        start_day, end_day = date.first_day(), date.end_day()
    if start_day < 1:
        raise ParseError(whole, "it falls outside Gregorian years 1..9999")
    return LocalRange(
        (start_day - EPOCH_ORDINAL) * DAY_US,
        (end_day - EPOCH_ORDINAL) * DAY_US,
        precision,
        approximate,
        uncertain,
        None,
        side.strip(),
        calendar,
    )
