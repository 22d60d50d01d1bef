"""Calendars: a date as a source wrote it, and the proleptic Gregorian days it covers.

A ``CalendarDate`` keeps the calendar's own numbering (an era year, a year that began on
25 March) and covers the half-open range ``[first_day(), end_day())`` of ordinals on the
``date.toordinal()`` scale (0001-01-01 Gregorian is 1), extended to every integer.

The flow inside the package: ``_days`` (day-number arithmetic) < ``_base`` (the ``Calendar``
base class and shared readers) < one module per calendar or family (``_civil``: gregorian
and julian; ``_julian_march``; ``_eras``, shared by ``_japanese`` and ``_minguo``) <
``_registry`` (name -> calendar object; the only place a calendar name is looked up) <
``_date`` (CalendarDate, to_calendar) < ``_reader`` (text -> CalendarDate).

Which calendar a document used is the caller's to say: nothing here switches from Julian
to Gregorian by country and year, because the writer decides, not the country (the
Russian Orthodox Church kept the Julian calendar after Russia left it in 1918).

May import: chronoreconcile._errors and chronoreconcile._units only; the layers above
import this package, never the reverse.
"""

from __future__ import annotations

from ._base import Calendar, DateFields
from ._date import CalendarDate, to_calendar
from ._days import gregorian_to_ordinal, julian_to_ordinal, ordinal_to_gregorian, ordinal_to_julian
from ._reader import detect_calendar, parse_date
from ._registry import CALENDARS, calendar_names, check_calendar, get_calendar

__all__ = [
    # the registry
    "CALENDARS",
    "Calendar",
    "calendar_names",
    "check_calendar",
    "get_calendar",
    # dates and the reader
    "CalendarDate",
    "DateFields",
    "detect_calendar",
    "parse_date",
    "to_calendar",
    # day arithmetic
    "gregorian_to_ordinal",
    "julian_to_ordinal",
    "ordinal_to_gregorian",
    "ordinal_to_julian",
]
