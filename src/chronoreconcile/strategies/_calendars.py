"""Strategies for the calendar layer: dates, days, date texts, era boundaries.

The facts here (each calendar's range, the eras' first days) are written out again rather
than imported from the library, so that the tests compare the library against a second
statement of them.

May import: hypothesis and the ``chronoreconcile.calendars`` package.
"""

from __future__ import annotations

import dataclasses
import datetime

from hypothesis import strategies as st

from chronoreconcile.calendars import CALENDARS, CalendarDate, julian_to_ordinal, to_calendar

__all__ = [
    "CALENDAR_RANGES",
    "ERA_FIRST_DAYS",
    "JAPAN_GREGORIAN_FIRST",
    "calendar_dates",
    "calendars",
    "date_texts",
    "days",
    "enclosing_dates",
    "gregorian_ymds",
    "julian_ymds",
    "march_window_days",
    "near_era_boundaries",
    "ordinals",
    "wide_ordinals",
]

# The first Gregorian day of each Japanese era.
ERA_FIRST_DAYS: tuple[tuple[str, datetime.date], ...] = (
    # The edict of Meiji 1-09-08 in the lunisolar calendar adopting the era name (Wikipedia,
    # "Meiji (era)"); Japanese dates before 1873 are refused, so only the year matters here.
    ("Meiji", datetime.date(1868, 10, 23)),
    # Emperor Meiji's death and the edict on the era name, 30 July 1912.
    ("Taishō", datetime.date(1912, 7, 30)),
    # Emperor Taishō's death and the edict on the era name, 25 December 1926.
    ("Shōwa", datetime.date(1926, 12, 25)),
    # Cabinet Order 元号を改める政令 (昭和64年政令第1号), announced 7 January 1989, in force
    # from 8 January 1989.
    ("Heisei", datetime.date(1989, 1, 8)),
    # Cabinet Order of 1 April 2019 (平成31年政令第143号), in force from 1 May 2019.
    ("Reiwa", datetime.date(2019, 5, 1)),
)

# Dajōkan proclamation No. 337 of Meiji 5: the day after Meiji 5-12-02 (lunisolar) became
# Meiji 6-01-01, 1 January 1873.
JAPAN_GREGORIAN_FIRST = datetime.date(1873, 1, 1)

_LAST = datetime.date.max.toordinal()

# The days each calendar writes with four-digit years, inclusive.
CALENDAR_RANGES: dict[str, tuple[int, int]] = {
    "gregorian": (1, _LAST),
    "julian": (julian_to_ordinal(1, 1, 1), julian_to_ordinal(9999, 12, 31)),
    # Legal years 0001..9999, each running from 25 March to the next 24 March.
    "julian-march": (julian_to_ordinal(1, 3, 25), julian_to_ordinal(10000, 3, 24)),
    "japanese": (JAPAN_GREGORIAN_FIRST.toordinal(), _LAST),
    # Minguo 1 is 1912, the Republic of China's first year.
    "minguo": (datetime.date(1912, 1, 1).toordinal(), _LAST),
}


def calendars() -> st.SearchStrategy[str]:
    """Every calendar name the library knows."""
    return st.sampled_from(CALENDARS)


def _month_length(year: int, month: int, *, julian: bool) -> int:
    if month != 2:
        return 30 if month in (4, 6, 9, 11) else 31
    leap = year % 4 == 0 and (julian or year % 100 != 0 or year % 400 == 0)
    return 29 if leap else 28


@st.composite
def _civil_dates(
    draw: st.DrawFn, *, julian: bool, min_year: int, max_year: int
) -> tuple[int, int, int]:
    year = draw(st.integers(min_year, max_year))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, _month_length(year, month, julian=julian)))
    return year, month, day


def julian_ymds(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[tuple[int, int, int]]:
    """Valid Julian (year, month, day) triples; leap days come up as often as any day."""
    return _civil_dates(julian=True, min_year=min_year, max_year=max_year)


def gregorian_ymds(
    min_year: int = 1, max_year: int = 9999
) -> st.SearchStrategy[tuple[int, int, int]]:
    """Valid proleptic Gregorian (year, month, day) triples."""
    return _civil_dates(julian=False, min_year=min_year, max_year=max_year)


def wide_ordinals() -> st.SearchStrategy[int]:
    """Ordinals far outside datetime's years 1..9999, about 2.7 million years either way."""
    return st.integers(-(10**9), 10**9)


def ordinals(calendar: str) -> st.SearchStrategy[int]:
    """Days that ``calendar`` writes, with its first and last day pinned."""
    first, last = CALENDAR_RANGES[calendar]
    return st.one_of(st.integers(first, last), st.sampled_from((first, last)))


def near_era_boundaries() -> st.SearchStrategy[int]:
    """Ordinals within 40 days of a change of Japanese era or of Japan's switch to Gregorian.

    Uniform days almost never land on the few days where the era changes; these do.
    """
    boundaries = [JAPAN_GREGORIAN_FIRST.toordinal()]
    boundaries += [first.toordinal() for name, first in ERA_FIRST_DAYS if name != "Meiji"]
    return st.builds(
        lambda boundary, jitter: boundary + jitter,
        st.sampled_from(boundaries),
        st.integers(-40, 40),
    )


def days(calendar: str | None = None) -> st.SearchStrategy[CalendarDate]:
    """Day-precision dates, in ``calendar`` or in any calendar."""
    if calendar is not None:
        return ordinals(calendar).map(lambda ordinal: to_calendar(ordinal, calendar))
    return calendars().flatmap(days)


def enclosing_dates(day: CalendarDate) -> list[CalendarDate]:
    """The coarser dates that contain a day-precision date: its month and its year(s).

    In julian-march the legal year starts on 25 March, so a day from 1 January to 24 March
    belongs to the legal year that began the March before, and also to the dual year
    ("1648/9"); March's month-precision form covers only 1-24 March.
    """
    assert day.month is not None and day.day is not None
    if day.calendar != "julian-march":
        return [
            dataclasses.replace(day, day=None),
            dataclasses.replace(day, month=None, day=None),
        ]
    window = day.month < 3 or (day.month == 3 and day.day < 25)
    enclosing = [] if (day.month == 3 and not window) else [dataclasses.replace(day, day=None)]
    if window:
        enclosing.append(CalendarDate("julian-march", day.year, None, None, dual=True))
    legal_year = day.year - 1 if window else day.year
    enclosing.append(CalendarDate("julian-march", legal_year, None, None))
    return enclosing


def calendar_dates() -> st.SearchStrategy[CalendarDate]:
    """Dates in any calendar at any precision: a day, or one of the dates enclosing it."""
    return days().flatmap(lambda day: st.sampled_from([day, *enclosing_dates(day)]))


@st.composite
def march_window_days(draw: st.DrawFn) -> tuple[int, int, int]:
    """(legal year, month, day) of julian-march days from 1 January to 24 March.

    Those days belong to January-start year legal + 1; the Julian leap day of that year is
    included when it exists.
    """
    legal = draw(st.integers(1, 9999))
    month = draw(st.integers(1, 3))
    last = 24 if month == 3 else _month_length(legal + 1, month, julian=True)
    return legal, month, draw(st.integers(1, last))


_PIECES = (
    "1945",
    "1648/9",
    "0000",
    "-",
    "/",
    "T",
    " ",
    "昭和",
    "平成",
    "明治",
    "民國",
    "中華民國",
    "Showa ",
    "Shōwa",
    "ROC ",
    "Minguo",
    "元年",
    "年",
    "月",
    "日",
    "十",
    "百",
    "零",
    "〇",
    "二",
    "２",
)


def date_texts() -> st.SearchStrategy[str]:
    """Texts built from the pieces dates are made of, so that they come close to valid dates."""
    pieces = st.one_of(st.sampled_from(_PIECES), st.text("0123456789", min_size=1, max_size=5))
    return st.lists(pieces, max_size=8).map("".join)
