"""Instants and local readings as report text: UTC ISO 8601 and "23:00-23:01 MSK, 8 Aug 1945".

Reports hold instants as integers (microseconds since the epoch, UTC) and turn them into
text here, in one style for every renderer. A local reading names the zone's abbreviation
when it has a word for one (MSK, CDT) and the offset otherwise (UTC+10:00).

May import: the standard library, ``_units``, and the public names of the package.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING

from .._units import EPOCH, SECOND_US

if TYPE_CHECKING:
    from .. import Zone

__all__ = [
    "julian_date",
    "local_iso",
    "local_reading",
    "naive",
    "offset_text",
    "parse_utc",
    "utc_iso",
    "utc_span",
    "utc_text",
    "weight_text",
    "zone_label",
]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# format_micros' compact UTC form, as Reconciliation.unbounded writes it.
_COMPACT = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)Z")


def naive(micros: int) -> _dt.datetime:
    """The naive datetime ``micros`` microseconds after the epoch (UTC or wall time)."""
    return EPOCH + _dt.timedelta(microseconds=micros)


def _spec(t: _dt.datetime) -> str:
    if t.microsecond:
        return "microseconds"
    return "seconds" if t.second else "minutes"


def utc_iso(micros: int | None) -> str | None:
    """An instant as ISO 8601 UTC for JSON: "1945-08-08T14:01:00Z"; None stays None."""
    if micros is None:
        return None
    t = naive(micros)
    return t.isoformat(timespec="microseconds" if t.microsecond else "seconds") + "Z"


def utc_text(micros: int) -> str:
    """An instant as compact text for people: "1945-08-08 14:01Z"."""
    t = naive(micros)
    return t.isoformat(sep=" ", timespec=_spec(t)) + "Z"


def parse_utc(text: str) -> int | None:
    """The last compact UTC instant ("1945-08-08T14:01Z") written in ``text``, or None."""
    found = _COMPACT.findall(text)
    if not found:
        return None
    t = _dt.datetime.fromisoformat(found[-1])
    return (t - EPOCH) // _dt.timedelta(microseconds=1)


def offset_text(seconds: int) -> str:
    """An offset as "+03:00" (seconds shown when the offset has them, as LMT does)."""
    sign = "-" if seconds < 0 else "+"
    h, rest = divmod(abs(seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def zone_label(zone: Zone, micros: int) -> str:
    """What a clock in ``zone`` was called at ``micros``: "MSK", else "UTC+10:00"."""
    off, abbr, _ = zone.period_at(micros // SECOND_US)
    if abbr and abbr[0].isalpha() and abbr not in ("UTC", "LMT"):
        return abbr
    if abbr == "LMT":
        return f"LMT{offset_text(off)}"
    return f"UTC{offset_text(off)}"


def _wall(micros: int, zone: Zone) -> _dt.datetime:
    off, _, _ = zone.period_at(micros // SECOND_US)
    return naive(micros + off * SECOND_US)


def local_iso(micros: int | None, zone: Zone) -> str | None:
    """The wall time in ``zone`` at an instant, as naive ISO 8601; None stays None."""
    if micros is None:
        return None
    t = _wall(micros, zone)
    return t.isoformat(timespec=_spec(t))


def _clock(t: _dt.datetime) -> str:
    return t.time().isoformat(timespec=_spec(t))


def julian_date(day: _dt.date) -> tuple[int, int, int]:
    """The Julian (Old Style) calendar's (year, month, day) for a proleptic Gregorian date.

    >>> julian_date(_dt.date(1688, 11, 15))  # William of Orange lands at Torbay, 5 Nov O.S.
    (1688, 11, 5)
    """
    # Through the Julian day number (Richards' algorithm); ordinal 1 is JDN 1721426.
    c = day.toordinal() + 1721425 + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    return d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1


def _date(t: _dt.datetime, julian: bool = False) -> str:
    text = f"{t.day} {_MONTHS[t.month - 1]} {t.year}"
    if not julian:
        return text
    y, m, d = julian_date(t.date())
    return f"{d} {_MONTHS[m - 1]} {y} O.S. = {text} N.S."


def local_reading(lower: int | None, upper: int | None, zone: Zone, *, julian: bool = False) -> str:
    """A span read on the wall in ``zone``: "23:00-23:01 MSK, 8 Aug 1945 (Europe/Moscow)".

    ``upper`` is the first instant after the span, as in a Span. A span across midnight
    names both dates; one open on a side says "from" or "until" its known bound. With
    ``julian``, dates are given in the Old Style with their Gregorian equal
    ("5 Nov 1688 O.S. = 15 Nov 1688 N.S.").
    """
    name = f"({zone.name})"
    if lower is None and upper is None:
        return f"unbounded {name}"
    if lower is None or upper is None:
        known = lower if lower is not None else upper
        assert known is not None
        t = _wall(known, zone)
        word = "from" if lower is not None else "until"
        return f"{word} {_clock(t)} {zone_label(zone, known)}, {_date(t, julian)} {name}"
    a, b = _wall(lower, zone), _wall(upper, zone)
    la, lb = zone_label(zone, lower), zone_label(zone, upper)
    if b - a == _dt.timedelta(days=1) and a.time() == _dt.time(0) and b.time() == _dt.time(0):
        return f"all of {_date(a, julian)} {name}"
    if a.date() == b.date() or (b.time() == _dt.time(0) and b - a <= _dt.timedelta(days=1)):
        if la == lb:
            return f"{_clock(a)}-{_clock(b)} {la}, {_date(a, julian)} {name}"
        return f"{_clock(a)} {la}-{_clock(b)} {lb}, {_date(a, julian)} {name}"
    return f"{_clock(a)} {la}, {_date(a, julian)} - {_clock(b)} {lb}, {_date(b, julian)} {name}"


def utc_span(lower: int | None, upper: int | None) -> str:
    """A span in UTC for people: "1945-08-08 14:00Z to 14:31Z"; an open side says so."""
    if lower is None and upper is None:
        return "unbounded"
    if upper is None:
        assert lower is not None
        return f"from {utc_text(lower)}, no upper bound"
    if lower is None:
        return f"until {utc_text(upper)}, no lower bound"
    a, b = utc_text(lower), utc_text(upper)
    if a[:10] == b[:10]:
        b = b[11:]
    return f"{a} to {b}"


def weight_text(weight: float) -> str:
    """A weight as people read it: "1", "2.5", "inf (must hold)"."""
    return "inf (must hold)" if weight == float("inf") else f"{weight:g}"
