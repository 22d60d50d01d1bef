"""Test oracles that are not strategies: second statements of the library's rules.

``children`` splits a local text into the texts at the next finer precision, and
``APPROXIMATE_UNITS`` restates what a bare "~" adds, so that the tests compare the library
against rules written out independently of it.
"""

from __future__ import annotations

import datetime as dt

from chronoreconcile.strategies import LocalText, local_text

__all__ = ["APPROXIMATE_UNITS", "FINER", "children"]

US = 10**6
_DAY = 86400 * US

# The next finer precision: each text's children are written at it.
FINER = {
    "year": "month",
    "month": "day",
    "day": "hour",
    "hour": "minute",
    "minute": "second",
    "second": "fraction",
}

# What a bare "~" is documented to add on each side (APPROXIMATE_DEFAULTS in _parsing.py),
# written out again so the tests compare the library against a second statement of it.
APPROXIMATE_UNITS = {
    "year": 366 * _DAY,
    "month": 31 * _DAY,
    "day": _DAY,
    "hour": 3600 * US,
    "minute": 15 * 60 * US,
    "second": 60 * US,
    "fraction": US,
}


def children(parent: LocalText) -> list[LocalText]:
    """Every text at the next finer precision inside ``parent``: the months of a year, the
    days of a month, the hours of a day, the minutes of an hour, the seconds of a minute,
    the tenths of a second (and the next digit of a fraction)."""
    z, off = parent.zone, parent.offset
    s = parent.start
    if parent.precision == "year":
        return [local_text(z, dt.datetime(s.year, m, 1), "month", 0, off) for m in range(1, 13)]
    if parent.precision == "month":
        days = (parent.end - parent.start).days
        return [local_text(z, s + dt.timedelta(days=k), "day", 0, off) for k in range(days)]
    if parent.precision == "day":
        return [local_text(z, s + dt.timedelta(hours=k), "hour", 0, off) for k in range(24)]
    if parent.precision == "hour":
        return [local_text(z, s + dt.timedelta(minutes=k), "minute", 0, off) for k in range(60)]
    if parent.precision == "minute":
        return [local_text(z, s + dt.timedelta(seconds=k), "second", 0, off) for k in range(60)]
    if parent.precision == "second" or parent.digits < 6:
        digits = parent.digits + 1
        step = 10 ** (6 - digits)
        return [
            local_text(z, s + dt.timedelta(microseconds=k * step), "fraction", digits, off)
            for k in range(10)
        ]
    return []
