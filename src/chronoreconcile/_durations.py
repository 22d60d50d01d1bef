"""Durations written by people ("5h30m", "90m", "1d") or by ISO 8601 ("PT5H30M"), as microseconds.

A duration here is an exact length of time. Months and years are refused: their length
depends on where they fall, and a tolerance or a gap written in them would be a guess. An
approximate duration ("1h~") is a range, read by the lexicon where claims allow it.

May import: the standard library, ``._errors``, ``._units``.
"""

from __future__ import annotations

import datetime as _dt
import re

from ._errors import ParseError
from ._units import DAY_US, HOUR_US, MINUTE_US, SECOND_US

__all__ = ["MICROS", "format_duration", "parse_duration"]

MICROS = {
    "w": 7 * DAY_US,
    "d": DAY_US,
    "h": HOUR_US,
    "m": MINUTE_US,
    "s": SECOND_US,
}
_LIMIT = 10**4 * 366 * DAY_US
_UNIT_WORDS = {
    "w": "w",
    "wk": "w",
    "week": "w",
    "weeks": "w",
    "d": "d",
    "day": "d",
    "days": "d",
    "h": "h",
    "hr": "h",
    "hour": "h",
    "hours": "h",
    "m": "m",
    "min": "m",
    "mins": "m",
    "minute": "m",
    "minutes": "m",
    "s": "s",
    "sec": "s",
    "second": "s",
    "seconds": "s",
}
_CALENDAR_UNITS = {"y", "yr", "yrs", "year", "years", "mo", "mon", "month", "months"}
_HUMAN_RE = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]+)")
_ISO_RE = re.compile(
    r"P(?:(?P<w>[0-9]+(?:[.,][0-9]+)?)W)?(?:(?P<d>[0-9]+(?:[.,][0-9]+)?)D)?"
    r"(?:T(?:(?P<h>[0-9]+(?:[.,][0-9]+)?)H)?(?:(?P<m>[0-9]+(?:[.,][0-9]+)?)M)?(?:(?P<s>[0-9]+(?:[.,][0-9]+)?)S)?)?"
)


def parse_duration(value: object, *, what: str = "duration") -> int:
    """Microseconds in a non-negative duration: "5h30m", "90m", "1d", "PT5H30M" or a timedelta.

    >>> parse_duration("5h30m") == parse_duration("PT5H30M") == 19_800_000_000
    True
    >>> parse_duration("1 month")
    Traceback (most recent call last):
    ...
    chronoreconcile.ParseError: cannot read '1 month': a month has no fixed length; write the duration in days
    """
    if isinstance(value, _dt.timedelta):
        micros = value.days * DAY_US + value.seconds * SECOND_US + value.microseconds
        if micros < 0:
            raise ParseError(str(value), f"a {what} cannot be negative")
        return _limited(micros, value)
    if not isinstance(value, str):
        raise ParseError(value, f"expected a {what} such as '5h30m' or 'PT5H30M'")
    text = value.strip()
    if text.endswith("~"):
        raise ParseError(
            value,
            f"an approximate duration is read by the lexicon, in a gap; a {what} is exact",
        )
    if text.startswith("-"):
        raise ParseError(value, f"a {what} cannot be negative")
    if re.search(r"(?i)\b(months?|mo|years?|yrs?|y)\b|P[0-9]+[YM]|P.*[0-9]+Y", text):
        unit = "year" if re.search(r"(?i)y", text) else "month"
        raise ParseError(value, f"a {unit} has no fixed length; write the duration in days")
    if text.upper().startswith("P"):
        m = _ISO_RE.fullmatch(text.upper())
        if m is None or text.upper() in ("P", "PT") or text.upper().endswith("T"):
            raise ParseError(value, "not an ISO 8601 duration such as 'PT5H30M' or 'P1D'")
        return _limited(sum(_amount(m[u], u, value) for u in "wdhms" if m[u]), value)
    total = 0
    pos = 0
    for part in _HUMAN_RE.finditer(text):
        if part.start() != pos:
            break
        word = part[2].lower()
        if word in _CALENDAR_UNITS:
            unit = "year" if word.startswith("y") else "month"
            raise ParseError(value, f"a {unit} has no fixed length; write the duration in days")
        key = _UNIT_WORDS.get(word)
        if key is None:
            raise ParseError(value, f"unknown unit {part[2]!r}; use w, d, h, m or s")
        total += _amount(part[1], key, value)
        pos = part.end()
    if pos == 0 or text[pos:].strip():
        raise ParseError(value, f"expected a {what} such as '5h30m', '90m', '1d' or 'PT5H30M'")
    return _limited(total, value)


def _limited(micros: int, value: object) -> int:
    if micros > _LIMIT:
        raise ParseError(value, "a duration longer than 10,000 years is out of range")
    return micros


def _amount(number: str, unit: str, value: object) -> int:
    whole, _, frac = number.replace(",", ".").partition(".")
    micros = int(whole) * MICROS[unit]
    if frac:
        scaled = int(frac) * MICROS[unit]
        micros += scaled // 10 ** len(frac)
        if scaled % 10 ** len(frac):
            raise ParseError(value, "a duration finer than a microsecond is not kept")
    return _limited(micros, value)


def format_duration(micros: int) -> str:
    """Microseconds written back as the shortest human form: 19_800_000_000 -> "5h30m".

    >>> format_duration(19_800_000_000), format_duration(-90 * 60 * 10**6), format_duration(0)
    ('5h30m', '-1h30m', '0s')
    """
    if micros == 0:
        return "0s"
    sign = "-" if micros < 0 else ""
    rest = abs(micros)
    parts = []
    for unit in "dhms":
        count, rest = divmod(rest, MICROS[unit])
        if count:
            parts.append(f"{count}{unit}")
    if rest:
        parts.append(f"{rest}µs")
    return sign + "".join(parts)
