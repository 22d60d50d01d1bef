"""``CalendarDate``: a date as a source wrote it, and the proleptic Gregorian days it covers.

A date keeps its calendar's own numbering (an era year, a year that began on 25 March) and
answers one question: which days does it cover?  It asks its calendar object, found in the
registry by name, for every rule, span and label.

May import: chronoreconcile._errors, chronoreconcile._units, ``_days``, ``_base`` and
``_registry``.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronoreconcile._errors import ChronoError

from ._base import Calendar
from ._days import iso
from ._registry import get_calendar

__all__ = ["CalendarDate", "to_calendar"]


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A date as a source wrote it in one calendar, at year, month or day precision.

    ``year`` is the calendar's own number: the era year for ``japanese`` and ``minguo``,
    the January-start year for ``julian-march`` (the legal year for a year-precision date,
    which begins on 25 March of that January-start year).  ``month`` None means year
    precision; ``day`` None means month precision.  ``era`` is the romanised era name,
    with macrons, for ``japanese`` and "Minguo" for ``minguo`` (given or not).  ``dual``
    marks a year-precision ``julian-march`` date written as a dual year ("1648/9"): it
    covers only 1 January..24 March of ``year``, where both numberings apply.

    >>> from chronoreconcile.calendars import ordinal_to_gregorian
    >>> d = CalendarDate("japanese", 20, 8, 15, era="Shōwa")
    >>> print(d)
    Shōwa 20-08-15 (昭和20年8月15日)
    >>> ordinal_to_gregorian(d.first_day())
    (1945, 8, 15)
    >>> CalendarDate("japanese", 64, 1, 8, era="Shōwa")
    Traceback (most recent call last):
    ...
    chronoreconcile.ChronoError: invalid japanese date: Shōwa 64-01-08 is after the \
end of its era: Shōwa ended on 1989-01-07 (Heisei 1 began on 1989-01-08)
    """

    calendar: str
    year: int
    month: int | None
    day: int | None
    era: str | None = None
    dual: bool = False

    def __post_init__(self) -> None:
        calendar = get_calendar(self.calendar)
        if self.era is None and calendar.era is not None:
            object.__setattr__(self, "era", calendar.era)
        problem = calendar.problem(self)
        if problem is not None:
            raise ChronoError(f"invalid {self.calendar} date: {problem}")

    def first_day(self) -> int:
        """The ordinal of the first day this date covers.

        >>> from chronoreconcile.calendars import ordinal_to_julian
        >>> ordinal_to_julian(CalendarDate("julian-march", 1648, None, None).first_day())
        (1648, 3, 25)
        """
        return get_calendar(self.calendar).span(self)[0]

    def end_day(self) -> int:
        """The ordinal of the day after the last day this date covers.

        >>> from chronoreconcile.calendars import ordinal_to_gregorian
        >>> d = CalendarDate("japanese", 64, None, None, era="Shōwa")
        >>> ordinal_to_gregorian(d.end_day() - 1)  # Shōwa 64 is 1989-01-01..1989-01-07
        (1989, 1, 7)
        """
        return get_calendar(self.calendar).span(self)[1]

    def __str__(self) -> str:
        """The date as a source would write it, normalised.

        >>> print(CalendarDate("julian-march", 1649, 1, 30))
        1648/9-01-30 (Julian, year from 25 March)
        """
        return get_calendar(self.calendar).label(self)

    def __repr__(self) -> str:
        return f"CalendarDate({self})"


def _day_in(ordinal: int, calendar: Calendar) -> CalendarDate:
    """to_calendar without the range check, for days known to be in range."""
    return CalendarDate(calendar.name, *calendar.from_ordinal(ordinal))


def to_calendar(ordinal: int, calendar: str) -> CalendarDate:
    """The day ``ordinal`` as a day-precision date of ``calendar``; the inverse of first_day.

    For ``julian-march`` the year is the January-start year; for ``japanese`` the era is the
    one in force that day.  A day the calendar cannot write raises a ChronoError.

    >>> from chronoreconcile.calendars import gregorian_to_ordinal
    >>> print(to_calendar(gregorian_to_ordinal(1989, 1, 8), "japanese"))
    Heisei 1-01-08 (平成元年1月8日)
    >>> to_calendar(gregorian_to_ordinal(1872, 12, 31), "japanese")
    Traceback (most recent call last):
    ...
    chronoreconcile.ChronoError: 1872-12-31 (Gregorian) is before 1873-01-01 \
(Meiji 6-01-01), when Japan adopted the Gregorian calendar; earlier Japanese dates are lunisolar and are not converted
    """
    found = get_calendar(calendar)
    if found.first <= ordinal < found.end:
        return _day_in(ordinal, found)
    if ordinal >= found.end:
        last = _day_in(found.end - 1, found)
        reason = f"after {last}, the last day calendar {found.name!r} writes"
    else:
        reason = found.before_first()
    raise ChronoError(f"{iso(ordinal)} (Gregorian) is {reason}")
