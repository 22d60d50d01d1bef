"""The reader: a date at the start of a text, in a named calendar, as a ``CalendarDate``.

The calendar object reads the fields and says whether they make a date; this module only
hands it the text, wraps its verdict in a ParseError, and, when reading fails, hints at the
calendar whose marks the text opens with.

May import: chronoreconcile._errors, chronoreconcile._units, ``_registry`` and ``_date``.
"""

from __future__ import annotations

from chronoreconcile._errors import ParseError

from ._date import CalendarDate
from ._registry import get_calendar, marked

__all__ = ["detect_calendar", "parse_date"]


def detect_calendar(text: str) -> str | None:
    """The calendar a date's opening names, if it names one: "japanese", "minguo" or None.

    >>> detect_calendar("昭和20年8月15日"), detect_calendar("ROC 34-08-15"), detect_calendar("1945")
    ('japanese', 'minguo', None)
    """
    for calendar in marked():
        if calendar.opens(text):
            return calendar.name
    return None


def _hint(text: str, calendar: str) -> str:
    detected = detect_calendar(text)
    if detected is None or detected == calendar:
        return ""
    return f"; it looks like a {detected} date: pass calendar={detected!r}"


def parse_date(text: str, calendar: str) -> tuple[CalendarDate, str]:
    """Read a date at the start of ``text`` in ``calendar``; return it and the unread rest.

    ``gregorian``, ``julian`` and ``julian-march`` read "1945", "1945-08" and "1945-08-15"
    (four-digit years, two-digit months and days); ``julian-march`` also reads dual years
    ("1648/9-01-30").  ``japanese`` reads "昭和20年8月15日", "平成元年1月8日" and
    "Shōwa 20-08-15"; ``minguo`` reads "民國34年8月15日" and "Minguo 34-08-15".  Nothing is
    skipped before the date.

    >>> parse_date("1917-10-25T10:00", "julian")
    (CalendarDate(1917-10-25 (Julian)), 'T10:00')
    >>> parse_date("昭和64年1月8日", "japanese")
    Traceback (most recent call last):
    ...
    chronoreconcile.ParseError: cannot read '昭和64年1月8日': Shōwa 64-01-08 is after \
the end of its era: Shōwa ended on 1989-01-07 (Heisei 1 began on 1989-01-08)
    """
    found = get_calendar(calendar)
    fields, rest = found.read(text, lambda: _hint(text, found.name))
    problem = found.problem(fields)
    if problem is not None:
        raise ParseError(text, problem)
    return CalendarDate(found.name, *fields), rest
