"""The Julian calendar with the legal year beginning on 25 March, and its dual years.

England and its colonies began the legal year on Lady Day, 25 March, until 1752, so a day
from 1 January to 24 March belongs to the legal year that began the previous March; writers
often marked it with both numbers, "1648/9".  A date keeps the January-start year (the legal
year for a year-precision date, which begins on 25 March of that January-start year); ``dual``
marks a year-precision date written as a dual year, which covers only 1 January..24 March.

May import: chronoreconcile._errors, chronoreconcile._units, ``_days`` and ``_base``.
"""

from __future__ import annotations

from chronoreconcile._errors import ParseError

from ._base import Calendar, DateFields, Fields, Hint, dotted_label, read_numeric
from ._days import MONTH_NAMES, civil_span, civil_to_ordinal, day_problem, ordinal_to_julian

__all__ = ["JULIAN_MARCH", "JulianMarchCalendar", "dual_label"]


def _in_march_window(month: int | None, day: int | None) -> bool:
    """Whether a julian-march month or day lies in 1 January..24 March, before the new legal year.

    Month precision March means 1-24 March: its 25-31 March part has no month-precision form.
    """
    if month is None:
        return False
    return month < 3 or (month == 3 and (day is None or day < 25))


def dual_label(legal_year: int) -> str:
    """How a dual year is written: 1648/9, 1649/50, 1699/1700.

    >>> dual_label(1648), dual_label(1649), dual_label(1699)
    ('1648/9', '1649/50', '1699/1700')
    """
    legal, january = f"{legal_year:04d}", f"{legal_year + 1:04d}"
    if len(legal) == len(january):
        for digits in (1, 2):
            if legal[:-digits] == january[:-digits]:
                return f"{legal}/{january[-digits:]}"
    return f"{legal}/{january}"


def _julian(year: int, month: int, day: int) -> int:
    return civil_to_ordinal(year, month, day, julian=True)


class JulianMarchCalendar(Calendar):
    """The Julian calendar with legal years 0001..9999, each from 25 March to the next 24 March."""

    name = "julian-march"
    writes_dual_years = True

    def __init__(self) -> None:
        self.first = _julian(1, 3, 25)
        self.end = _julian(10000, 3, 25)

    def date_problem(self, date: Fields) -> str | None:
        year, month, day = date.year, date.month, date.day
        legal = year - 1 if date.dual or _in_march_window(month, day) else year
        if not 1 <= legal <= 9999:
            return f"legal year {legal} (from 25 March) is outside 0001 to 9999"
        if month is None or day is None:
            return None
        label = dual_label(legal) if _in_march_window(month, day) else f"{year:04d}"
        return day_problem(year, month, day, julian=True, year_label=label)

    def span(self, date: Fields) -> tuple[int, int]:
        year, month, day = date.year, date.month, date.day
        if month is None and date.dual:
            return _julian(year, 1, 1), _julian(year, 3, 25)
        if month is None:
            return _julian(year, 3, 25), _julian(year + 1, 3, 25)
        if month == 3 and day is None:
            return _julian(year, 3, 1), _julian(year, 3, 25)
        return civil_span(year, month, day, julian=True)

    def label(self, date: Fields) -> str:
        month, day = date.month, date.day
        if date.dual or _in_march_window(month, day):
            year_text = dual_label(date.year - 1)
        else:
            year_text = f"{date.year:04d}"
        return dotted_label(year_text, month, day) + " (Julian, year from 25 March)"

    def from_ordinal(self, ordinal: int) -> DateFields:
        return DateFields(*ordinal_to_julian(ordinal))

    def read(self, text: str, hint: Hint) -> tuple[DateFields, str]:
        legal, second, month, day, pos = read_numeric(text, hint, dual=True)
        return _january_start(text, legal, second, month, day), text[pos:]


def _january_start(
    text: str, legal: int, second: str | None, month: int | None, day: int | None
) -> DateFields:
    """Turn a julian-march date as written (legal year, maybe dual) into January-start fields.

    The legal year began on 25 March, so 1 January..24 March belong to the legal year that
    began the previous March: "1648-02-10" is 10 February 1649 in January-start numbering.
    """
    if month is not None and not 1 <= month <= 12:
        raise ParseError(text, f"month {month} does not exist (months run from 1 to 12)")
    in_window = _in_march_window(month, day)
    if second is not None:
        expected = f"{legal + 1:04d}"
        if not expected.endswith(second):
            raise ParseError(
                text,
                f"in the dual year {legal:04d}/{second} the second year must be the first plus"
                f" one ({dual_label(legal)})",
            )
        if month is None:
            return DateFields(legal + 1, None, None, dual=True)
        if not in_window:
            when = MONTH_NAMES[month - 1] if day is None else f"{day} {MONTH_NAMES[month - 1]}"
            raise ParseError(
                text,
                f"the dual year {dual_label(legal)} marks a day from 1 January to 24 March,"
                f" when legal year {legal:04d} (from 25 March) and January-start year"
                f" {legal + 1:04d} overlap; {when} is outside it",
            )
    elif month == 3 and day is None:
        # Legal year 1648 holds 25-31 March 1648 and 1-24 March 1649: "March 1648" is two
        # stretches a year apart, and their hull would be the whole year.  Refuse it.
        raise ParseError(
            text,
            f"March of legal year {legal:04d} is split: 25-31 March {legal:04d} open it and"
            f" 1-24 March {legal + 1:04d} (January-start) close it; give a day, or write"
            f" {dual_label(legal)}-03 for 1-24 March {legal + 1:04d}",
        )
    year = legal + 1 if in_window else legal
    return DateFields(year, month, day)


JULIAN_MARCH = JulianMarchCalendar()
