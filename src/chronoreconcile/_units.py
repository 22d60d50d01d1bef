"""Units every layer counts in: microseconds, the epoch, leap years, days in a month, offsets.

Instants and local times are held as integers inside the library (microseconds since
1970-01-01T00:00, UTC for instants, on the wall for local times), so these few constants
are the one place their scale is written down.

May import: the standard library only. Every other module may import this one.
"""

from __future__ import annotations

import datetime as _dt

__all__ = [
    "DAY_US",
    "EPOCH",
    "EPOCH_ORDINAL",
    "HOUR_US",
    "MINUTE_US",
    "SECOND_US",
    "days_in_month",
    "format_offset",
    "is_leap",
]

SECOND_US = 10**6
MINUTE_US = 60 * SECOND_US
HOUR_US = 60 * MINUTE_US
DAY_US = 24 * HOUR_US

# The naive epoch: local and UTC microsecond counts are both measured from it.
EPOCH = _dt.datetime(1970, 1, 1)
# date.toordinal() of 1970-01-01: proleptic Gregorian day numbers convert by subtracting it.
EPOCH_ORDINAL = EPOCH.toordinal()


def is_leap(year: int, *, julian: bool = False) -> bool:
    """True if ``year`` has a 29 February (Gregorian rule, or the Julian one when asked).

    Python's ``%`` is a floor modulo, so the rule holds for year 0 (1 BC) and below too.

    >>> is_leap(1900), is_leap(1900, julian=True), is_leap(2000)
    (False, True, True)
    """
    if julian:
        return year % 4 == 0
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int, *, julian: bool = False) -> int:
    """The number of days in ``month`` (1..12) of ``year``.

    >>> days_in_month(1945, 2), days_in_month(1700, 2, julian=True)
    (28, 29)
    """
    if month == 2:
        return 29 if is_leap(year, julian=julian) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def format_offset(seconds: int) -> str:
    """``+03:00``, ``-10:30``, ``+02:30:17``: seconds shown only when the offset has them.

    Written here, below the errors, because error messages name offsets too; the zones
    package re-exports it beside ``parse_offset``.

    >>> format_offset(-37800), format_offset(9017)
    ('-10:30', '+02:30:17')
    """
    sign = "-" if seconds < 0 else "+"
    h, rem = divmod(abs(seconds), 3600)
    m, s = divmod(rem, 60)
    return f"{sign}{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")
