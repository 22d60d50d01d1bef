"""Day-number arithmetic: proleptic Gregorian and Julian dates to ordinals and back.

Days are ordinals on the ``date.toordinal()`` scale (0001-01-01 Gregorian is 1), extended
to every integer. Arithmetic goes through Julian day numbers with floor division, so it
holds for any integer year, not only the 1..9999 that ``datetime.date`` accepts.  Every
calendar of the package counts its days through this module.

May import: chronoreconcile._errors and chronoreconcile._units.
"""

from __future__ import annotations

from chronoreconcile._errors import ChronoError
from chronoreconcile._units import days_in_month

__all__ = [
    "MONTH_NAMES",
    "civil_span",
    "civil_to_ordinal",
    "day_problem",
    "gregorian_to_ordinal",
    "iso",
    "julian_to_ordinal",
    "ordinal_to_gregorian",
    "ordinal_to_julian",
]

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# date.toordinal() counts 0001-01-01 (Gregorian) as day 1; its Julian day number is 1721426.
_JDN_OF_ORDINAL_ZERO = 1721425


def day_problem(
    year: int, month: int, day: int, *, julian: bool, year_label: str | None = None
) -> str | None:
    """Say why ``day`` of ``month`` does not exist, or return None if it does."""
    if not 1 <= month <= 12:
        return f"month {month} does not exist (months run from 1 to 12)"
    length = days_in_month(year, month, julian=julian)
    if 1 <= day <= length:
        return None
    label = str(year) if year_label is None else year_label
    name = "Julian" if julian else "Gregorian"
    return (
        f"day {day} of {MONTH_NAMES[month - 1]} {label} does not exist"
        f" (that month has {length} days in the {name} calendar)"
    )


def civil_to_ordinal(year: int, month: int, day: int, *, julian: bool) -> int:
    """The ordinal of a Julian or Gregorian (year, month, day), without checking the day."""
    # Fliegel & Van Flandern's integer formula (CACM 11, 1968), counting years from March
    # so that the leap day falls at the end; floor division makes it valid for any year.
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4
    if julian:
        return jdn - 32083 - _JDN_OF_ORDINAL_ZERO
    return jdn - y // 100 + y // 400 - 32045 - _JDN_OF_ORDINAL_ZERO


def _to_ordinal(year: int, month: int, day: int, *, julian: bool) -> int:
    problem = day_problem(year, month, day, julian=julian)
    if problem is not None:
        raise ChronoError(problem)
    return civil_to_ordinal(year, month, day, julian=julian)


def _march_based_to_civil(days: int, years: int) -> tuple[int, int, int]:
    """Split ``days`` into a date, counting from 1 March of ``years`` (both from the inverse formulas)."""
    m = (5 * days + 2) // 153
    day = days - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    return years + m // 10, month, day


def gregorian_to_ordinal(year: int, month: int, day: int) -> int:
    """The ordinal of a proleptic Gregorian date, for any integer year (year 0 is 1 BC).

    It agrees with ``date.toordinal()`` for years 1..9999.

    >>> gregorian_to_ordinal(1945, 8, 15)
    710258
    >>> gregorian_to_ordinal(0, 12, 31)
    0
    """
    return _to_ordinal(year, month, day, julian=False)


def julian_to_ordinal(year: int, month: int, day: int) -> int:
    """The ordinal of a proleptic Julian date (every fourth year leap), for any integer year.

    >>> ordinal_to_gregorian(julian_to_ordinal(1917, 10, 25))  # the October Revolution
    (1917, 11, 7)
    """
    return _to_ordinal(year, month, day, julian=True)


def ordinal_to_gregorian(ordinal: int) -> tuple[int, int, int]:
    """The proleptic Gregorian (year, month, day) of an ordinal; the inverse of gregorian_to_ordinal.

    >>> ordinal_to_gregorian(1)
    (1, 1, 1)
    """
    # Richards' inverse (Explanatory Supplement to the Astronomical Almanac, 3rd ed., 15.11):
    # 400-year cycles of 146097 days, then 4-year cycles of 1461 days, then months from March.
    a = ordinal + _JDN_OF_ORDINAL_ZERO + 32044
    cycles = (4 * a + 3) // 146097
    c = a - 146097 * cycles // 4
    years = (4 * c + 3) // 1461
    days = c - 1461 * years // 4
    return _march_based_to_civil(days, 100 * cycles + years - 4800)


def ordinal_to_julian(ordinal: int) -> tuple[int, int, int]:
    """The proleptic Julian (year, month, day) of an ordinal; the inverse of julian_to_ordinal.

    >>> ordinal_to_julian(gregorian_to_ordinal(1900, 3, 13))  # a day Gregorian 1900 lacks
    (1900, 2, 29)
    """
    c = ordinal + _JDN_OF_ORDINAL_ZERO + 32082
    years = (4 * c + 3) // 1461
    days = c - 1461 * years // 4
    return _march_based_to_civil(days, years - 4800)


def iso(ordinal: int) -> str:
    """A proleptic Gregorian ISO date for messages, with ISO 8601's sign outside 0000..9999.

    >>> iso(gregorian_to_ordinal(1989, 1, 7)), iso(gregorian_to_ordinal(10000, 1, 1))
    ('1989-01-07', '+10000-01-01')
    """
    year, month, day = ordinal_to_gregorian(ordinal)
    if 0 <= year <= 9999:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:+05d}-{month:02d}-{day:02d}"


def civil_span(year: int, month: int | None, day: int | None, *, julian: bool) -> tuple[int, int]:
    """The half-open ordinals of a year, a month or a day in the Julian or Gregorian calendar."""
    first = civil_to_ordinal(year, month or 1, day or 1, julian=julian)
    if month is None:
        end = civil_to_ordinal(year + 1, 1, 1, julian=julian)
    elif day is None:
        end = first + days_in_month(year, month, julian=julian)
    else:
        end = first + 1
    return first, end
