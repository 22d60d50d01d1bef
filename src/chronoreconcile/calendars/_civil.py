"""The proleptic Gregorian and Julian calendars, with years from 1 January.

``gregorian`` is the calendar of ISO 8601, extended before 1582 by its own rules; ``julian``
is the Old Style calendar, every fourth year leap.  Both write years 0001 to 9999 and read
"1945", "1945-08" and "1945-08-15".

May import: chronoreconcile._errors, chronoreconcile._units, ``_days`` and ``_base``.
"""

from __future__ import annotations

from ._base import Calendar, DateFields, Fields, Hint, dotted_label, read_numeric
from ._days import (
    civil_span,
    civil_to_ordinal,
    day_problem,
    ordinal_to_gregorian,
    ordinal_to_julian,
)

__all__ = ["GREGORIAN", "JULIAN", "CivilCalendar"]


class CivilCalendar(Calendar):
    """The Gregorian calendar, or the Julian one when ``julian``: years 0001..9999 from 1 January."""

    reads_unspecified_digits = True

    def __init__(self, name: str, *, julian: bool, word: str) -> None:
        self.name = name
        self.julian = julian
        self.word = word  # what follows a label: "" or " (Julian)"
        self.first = civil_to_ordinal(1, 1, 1, julian=julian)
        self.end = civil_to_ordinal(10000, 1, 1, julian=julian)

    def date_problem(self, date: Fields) -> str | None:
        year, month, day = date.year, date.month, date.day
        if not 1 <= year <= 9999:
            return f"year {year} is outside 0001 to 9999"
        if month is None or day is None:
            return None
        return day_problem(year, month, day, julian=self.julian, year_label=f"{year:04d}")

    def span(self, date: Fields) -> tuple[int, int]:
        return civil_span(date.year, date.month, date.day, julian=self.julian)

    def label(self, date: Fields) -> str:
        return dotted_label(f"{date.year:04d}", date.month, date.day) + self.word

    def from_ordinal(self, ordinal: int) -> DateFields:
        if self.julian:
            return DateFields(*ordinal_to_julian(ordinal))
        return DateFields(*ordinal_to_gregorian(ordinal))

    def read(self, text: str, hint: Hint) -> tuple[DateFields, str]:
        year, _, month, day, pos = read_numeric(text, hint, dual=False)
        return DateFields(year, month, day), text[pos:]


GREGORIAN = CivilCalendar("gregorian", julian=False, word="")
JULIAN = CivilCalendar("julian", julian=True, word=" (Julian)")
