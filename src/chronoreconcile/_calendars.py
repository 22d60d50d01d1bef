"""Calendars: a date as a source wrote it, and the proleptic Gregorian days it covers.

A ``CalendarDate`` keeps the calendar's own numbering (an era year, a year that began on
25 March) and answers one question: which days does it cover?  Days are ordinals on the
``date.toordinal()`` scale (0001-01-01 Gregorian is 1), extended to every integer, and a
date covers the half-open range ``[first_day(), end_day())``.

Arithmetic goes through Julian day numbers with floor division, so it holds for any
integer year, not only the 1..9999 that ``datetime.date`` accepts.

Which calendar a document used is the caller's to say: nothing here switches from Julian
to Gregorian by country and year, because the writer decides, not the country (the
Russian Orthodox Church kept the Julian calendar after Russia left it in 1918).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from chronoreconcile._errors import ChronoError, ParseError, check_choice

__all__ = [
    "CALENDARS",
    "CalendarDate",
    "check_calendar",
    "detect_calendar",
    "gregorian_to_ordinal",
    "julian_to_ordinal",
    "ordinal_to_gregorian",
    "ordinal_to_julian",
    "parse_date",
    "to_calendar",
]

CALENDARS: tuple[str, ...] = ("gregorian", "julian", "julian-march", "japanese", "minguo")

_MONTH_NAMES = (
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

# ---------------------------------------------------------------------------------------
# Day arithmetic
# ---------------------------------------------------------------------------------------

# date.toordinal() counts 0001-01-01 (Gregorian) as day 1; its Julian day number is 1721426.
_JDN_OF_ORDINAL_ZERO = 1721425


def _is_leap(year: int, *, julian: bool) -> bool:
    # Python's % is a floor modulo, so the rules hold for year 0 (1 BC) and below as well.
    if julian:
        return year % 4 == 0
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int, *, julian: bool) -> int:
    if month == 2:
        return 29 if _is_leap(year, julian=julian) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _day_problem(
    year: int, month: int, day: int, *, julian: bool, year_label: str | None = None
) -> str | None:
    """Say why ``day`` of ``month`` does not exist, or return None if it does."""
    if not 1 <= month <= 12:
        return f"month {month} does not exist (months run from 1 to 12)"
    length = _days_in_month(year, month, julian=julian)
    if 1 <= day <= length:
        return None
    label = str(year) if year_label is None else year_label
    name = "Julian" if julian else "Gregorian"
    return (
        f"day {day} of {_MONTH_NAMES[month - 1]} {label} does not exist"
        f" (that month has {length} days in the {name} calendar)"
    )


def _civil_to_jdn(year: int, month: int, day: int, *, julian: bool) -> int:
    # Fliegel & Van Flandern's integer formula (CACM 11, 1968), counting years from March
    # so that the leap day falls at the end; floor division makes it valid for any year.
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4
    if julian:
        return jdn - 32083
    return jdn - y // 100 + y // 400 - 32045


def _to_ordinal(year: int, month: int, day: int, *, julian: bool) -> int:
    problem = _day_problem(year, month, day, julian=julian)
    if problem is not None:
        raise ChronoError(problem)
    return _civil_to_jdn(year, month, day, julian=julian) - _JDN_OF_ORDINAL_ZERO


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


def _iso(ordinal: int) -> str:
    """A proleptic Gregorian ISO date for messages, with ISO 8601's sign outside 0000..9999."""
    year, month, day = ordinal_to_gregorian(ordinal)
    if 0 <= year <= 9999:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:+05d}-{month:02d}-{day:02d}"


def _civil_span(year: int, month: int | None, day: int | None, *, julian: bool) -> tuple[int, int]:
    """The half-open ordinals of a year, a month or a day in the Julian or Gregorian calendar."""
    first = _civil_to_jdn(year, month or 1, day or 1, julian=julian) - _JDN_OF_ORDINAL_ZERO
    if month is None:
        end = _civil_to_jdn(year + 1, 1, 1, julian=julian) - _JDN_OF_ORDINAL_ZERO
    elif day is None:
        end = first + _days_in_month(year, month, julian=julian)
    else:
        end = first + 1
    return first, end


# ---------------------------------------------------------------------------------------
# Calendar facts
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Era:
    name: str  # romanised, with macrons
    kanji: str
    first_year: int  # Gregorian year of the era's first day
    first: int  # ordinal of the era's first day
    end: int  # ordinal of the next era's first day (exclusive end)


# The first Gregorian day of each era.  An era's last day is the day before the next one's.
_ERA_FIRST_DAYS = (
    # Proclaimed on Meiji 1-09-08 of the lunisolar calendar, which was 1868-10-23.
    ("Meiji", "明治", (1868, 10, 23)),
    # Emperor Meiji's death was announced on 30 July 1912; the era changed the same day.
    ("Taishō", "大正", (1912, 7, 30)),
    # Emperor Taishō died on 25 December 1926; the era changed the same day.
    ("Shōwa", "昭和", (1926, 12, 25)),
    # Emperor Shōwa died on 7 January 1989; the Cabinet order naming Heisei took effect the
    # next day, so 1989-01-07 is Shōwa 64's last day.
    ("Heisei", "平成", (1989, 1, 8)),
    # Emperor Akihito abdicated on 30 April 2019; Reiwa began on 1 May 2019.
    ("Reiwa", "令和", (2019, 5, 1)),
)

# Every calendar here stops where ISO years stop being four digits.
_END_OF_9999 = gregorian_to_ordinal(9999, 12, 31) + 1


def _build_eras() -> tuple[_Era, ...]:
    firsts = [gregorian_to_ordinal(*ymd) for _, _, ymd in _ERA_FIRST_DAYS]
    ends = [*firsts[1:], _END_OF_9999]
    return tuple(
        _Era(name, kanji, ymd[0], first, end)
        for (name, kanji, ymd), first, end in zip(_ERA_FIRST_DAYS, firsts, ends, strict=True)
    )


_ERAS = _build_eras()
_ERA_BY_NAME = {era.name: era for era in _ERAS}
_ERA_BY_KANJI = {era.kanji: era for era in _ERAS}
_ERA_FIRSTS = [era.first for era in _ERAS]

# Dajōkan proclamation 337 of Meiji 5 (1872): the day after Meiji 5-12-02 of the lunisolar
# calendar (1872-12-31) became Meiji 6-01-01, 1873-01-01 Gregorian.
_JAPAN_GREGORIAN_FIRST = gregorian_to_ordinal(1873, 1, 1)
_JAPAN_GREGORIAN_FIRST_MEIJI_YEAR = 6

# The Republic of China counts years from its founding: Minguo 1 is 1912, already Gregorian.
_MINGUO_OFFSET = 1911
_MINGUO_FIRST = gregorian_to_ordinal(1912, 1, 1)

# The ordinals each calendar can write with four-digit years (half-open).
_RANGES: dict[str, tuple[int, int]] = {
    "gregorian": (gregorian_to_ordinal(1, 1, 1), _END_OF_9999),
    "julian": (julian_to_ordinal(1, 1, 1), julian_to_ordinal(9999, 12, 31) + 1),
    # Legal years 0001..9999, each from 25 March to the next 24 March.
    "julian-march": (julian_to_ordinal(1, 3, 25), julian_to_ordinal(10000, 3, 25)),
    "japanese": (_JAPAN_GREGORIAN_FIRST, _END_OF_9999),
    "minguo": (_MINGUO_FIRST, _END_OF_9999),
}

_CALENDAR_WORDS = {
    "gregorian": "",
    "julian": " (Julian)",
    "julian-march": " (Julian, year from 25 March)",
}


def check_calendar(name: str) -> str:
    """Return ``name`` if it is a calendar chronoreconcile knows, else raise a ChronoError.

    >>> check_calendar("julian")
    'julian'
    >>> check_calendar("hijri")
    Traceback (most recent call last):
    ...
    chronoreconcile.ChronoError: unknown calendar 'hijri'; expected one of 'gregorian', \
'julian', 'julian-march', 'japanese', 'minguo'
    """
    return check_choice("calendar", name, CALENDARS)


# ---------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------


def _in_march_window(month: int | None, day: int | None) -> bool:
    """Whether a julian-march month or day lies in 1 January..24 March, before the new legal year.

    Month precision March means 1-24 March: its 25-31 March part has no month-precision form.
    """
    if month is None:
        return False
    return month < 3 or (month == 3 and (day is None or day < 25))


def _dual_label(legal_year: int) -> str:
    """How a dual year is written: 1648/9, 1649/50, 1699/1700."""
    legal, january = f"{legal_year:04d}", f"{legal_year + 1:04d}"
    if len(legal) == len(january):
        for digits in (1, 2):
            if legal[:-digits] == january[:-digits]:
                return f"{legal}/{january[-digits:]}"
    return f"{legal}/{january}"


def _label(year_text: str, month: int | None, day: int | None) -> str:
    """A date as "1945-08-15", "Shōwa 20-08" or "1648/9": the year as given, then -MM-DD."""
    text = year_text
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


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
        check_calendar(self.calendar)
        if self.calendar == "minguo" and self.era is None:
            object.__setattr__(self, "era", "Minguo")
        problem = _problem(self.calendar, self.year, self.month, self.day, self.era, self.dual)
        if problem is not None:
            raise ChronoError(f"invalid {self.calendar} date: {problem}")

    def first_day(self) -> int:
        """The ordinal of the first day this date covers.

        >>> ordinal_to_julian(CalendarDate("julian-march", 1648, None, None).first_day())
        (1648, 3, 25)
        """
        return self._span()[0]

    def end_day(self) -> int:
        """The ordinal of the day after the last day this date covers.

        >>> d = CalendarDate("japanese", 64, None, None, era="Shōwa")
        >>> ordinal_to_gregorian(d.end_day() - 1)  # Shōwa 64 is 1989-01-01..1989-01-07
        (1989, 1, 7)
        """
        return self._span()[1]

    def _span(self) -> tuple[int, int]:
        year, month, day = self.year, self.month, self.day
        if self.calendar in ("gregorian", "julian"):
            return _civil_span(year, month, day, julian=self.calendar == "julian")
        if self.calendar == "julian-march":
            if month is None and self.dual:
                return julian_to_ordinal(year, 1, 1), julian_to_ordinal(year, 3, 25)
            if month is None:
                return julian_to_ordinal(year, 3, 25), julian_to_ordinal(year + 1, 3, 25)
            if month == 3 and day is None:
                return julian_to_ordinal(year, 3, 1), julian_to_ordinal(year, 3, 25)
            return _civil_span(year, month, day, julian=True)
        if self.calendar == "minguo":
            return _civil_span(year + _MINGUO_OFFSET, month, day, julian=False)
        # japanese: the Gregorian year, month or day, clipped to the era's days.
        era = _ERA_BY_NAME[self.era or ""]
        first, end = _civil_span(era.first_year + year - 1, month, day, julian=False)
        return max(first, era.first), min(end, era.end)

    def __str__(self) -> str:
        """The date as a source would write it, normalised.

        >>> print(CalendarDate("julian-march", 1649, 1, 30))
        1648/9-01-30 (Julian, year from 25 March)
        """
        month, day = self.month, self.day
        if self.calendar in ("japanese", "minguo"):
            era = self.era or ""
            kanji = _ERA_BY_NAME[era].kanji if self.calendar == "japanese" else "民國"
            kanji += ("元" if self.year == 1 else str(self.year)) + "年"
            if month is not None:
                kanji += f"{month}月" + ("" if day is None else f"{day}日")
            return _label(f"{era} {self.year}", month, day) + f" ({kanji})"
        if self.calendar == "julian-march" and (self.dual or _in_march_window(month, day)):
            year_text = _dual_label(self.year - 1)
        else:
            year_text = f"{self.year:04d}"
        return _label(year_text, month, day) + _CALENDAR_WORDS[self.calendar]

    def __repr__(self) -> str:
        return f"CalendarDate({self})"


def _problem(
    calendar: str,
    year: int,
    month: int | None,
    day: int | None,
    era: str | None,
    dual: bool,
) -> str | None:
    """Say why these fields are not a date of ``calendar``, or return None if they are one."""
    if month is None and day is not None:
        return "a day needs a month"
    if dual and (calendar != "julian-march" or month is not None):
        return (
            "only a year-precision julian-march date is marked dual; months and days say"
            " for themselves whether they fall in 1 January..24 March"
        )
    if month is not None and not 1 <= month <= 12:
        return f"month {month} does not exist (months run from 1 to 12)"
    if calendar == "japanese":
        return _japanese_problem(year, month, day, era)
    if era != ("Minguo" if calendar == "minguo" else None):
        expected = "'Minguo'" if calendar == "minguo" else "None"
        return f"era {era!r} is not one of calendar {calendar!r}; expected {expected}"
    if calendar == "minguo":
        if year < 1:
            return f"Minguo {year} does not exist: Minguo years start at 1 (1912)"
        if year + _MINGUO_OFFSET > 9999:
            return f"Minguo {year} is {year + _MINGUO_OFFSET}, after 9999"
        if month is None or day is None:
            return None
        label = f"Minguo {year} ({year + _MINGUO_OFFSET})"
        return _day_problem(year + _MINGUO_OFFSET, month, day, julian=False, year_label=label)
    if calendar == "julian-march":
        legal = year - 1 if dual or _in_march_window(month, day) else year
        if not 1 <= legal <= 9999:
            return f"legal year {legal} (from 25 March) is outside 0001 to 9999"
        if month is None or day is None:
            return None
        label = _dual_label(legal) if _in_march_window(month, day) else f"{year:04d}"
        return _day_problem(year, month, day, julian=True, year_label=label)
    if not 1 <= year <= 9999:
        return f"year {year} is outside 0001 to 9999"
    if month is None or day is None:
        return None
    return _day_problem(year, month, day, julian=calendar == "julian", year_label=f"{year:04d}")


def _japanese_problem(year: int, month: int | None, day: int | None, era: str | None) -> str | None:
    known = _ERA_BY_NAME.get(era or "")
    if known is None:
        names = ", ".join(repr(e.name) for e in _ERAS)
        return f"unknown Japanese era {era!r}; expected one of {names}"
    label = _label(f"{known.name} {year}", month, day)
    if year < 1:
        return f"{label} does not exist: era years start at 1 (元年)"
    if known.name == "Meiji" and year < _JAPAN_GREGORIAN_FIRST_MEIJI_YEAR:
        return (
            f"{label} is a date of the lunisolar calendar, which Japan used until Meiji 5-12-02"
            " (1872-12-31); lunisolar dates are not converted (Meiji 6-01-01, 1873-01-01, was"
            " the first Gregorian day)"
        )
    gregorian_year = known.first_year + year - 1
    if gregorian_year > 9999:
        return f"{label} is {gregorian_year}, after 9999"
    if month is not None and day is not None:
        problem = _day_problem(
            gregorian_year,
            month,
            day,
            julian=False,
            year_label=f"{known.name} {year} ({gregorian_year})",
        )
        if problem is not None:
            return problem
    first, end = _civil_span(gregorian_year, month, day, julian=False)
    index = _ERAS.index(known)
    if end <= known.first:
        before = _ERAS[index - 1]
        last = known.first - 1
        before_year = ordinal_to_gregorian(last)[0] - before.first_year + 1
        return (
            f"{label} is before the start of its era: {known.name} began on {_iso(known.first)}"
            f" ({_iso(last)} was {before.name} {before_year})"
        )
    if first >= known.end:
        after = _ERAS[index + 1]
        return (
            f"{label} is after the end of its era: {known.name} ended on {_iso(known.end - 1)}"
            f" ({after.name} 1 began on {_iso(after.first)})"
        )
    return None


# ---------------------------------------------------------------------------------------
# Reading dates
# ---------------------------------------------------------------------------------------

_ASCII_DIGITS = re.compile(r"[0-9]+")
_ROMAN_JAPANESE = re.compile(r"(meiji|taish[oō]|sh[oō]wa|heisei|reiwa)(?![^\W\d_])", re.IGNORECASE)
_ROMAN_MINGUO = re.compile(r"(minguo|roc)(?![^\W\d_])", re.IGNORECASE)
_KANJI_JAPANESE = re.compile("|".join(era.kanji for era in _ERAS))
# 中華民國 is the state's full name; 民國 its usual short form; 民国 in simplified characters.
_KANJI_MINGUO = re.compile("(?:中華|中华)?(?:民國|民国)")
_ROMAN_TO_ERA = {
    "meiji": "Meiji",
    "taisho": "Taishō",
    "taishō": "Taishō",
    "showa": "Shōwa",
    "shōwa": "Shōwa",
    "heisei": "Heisei",
    "reiwa": "Reiwa",
}
# Numerals in a kanji date: ASCII or full-width digits, or kanji numerals (昭和二十年八月十五日).
_NUMERAL = re.compile(r"[0-9０-９]+|[〇零一二三四五六七八九十百]+")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_KANJI_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_COMPOUND = re.compile(
    r"(?:(?P<hundreds>[一二三四五六七八九])?百(?P<zero>零)?)?"
    r"(?:(?P<tens>[一二三四五六七八九])?(?P<ten>十))?"
    r"(?P<units>[一二三四五六七八九])?"
)


def detect_calendar(text: str) -> str | None:
    """The calendar a date's opening names, if it names one: "japanese", "minguo" or None.

    >>> detect_calendar("昭和20年8月15日"), detect_calendar("ROC 34-08-15"), detect_calendar("1945")
    ('japanese', 'minguo', None)
    """
    if _KANJI_JAPANESE.match(text) or _ROMAN_JAPANESE.match(text):
        return "japanese"
    if _KANJI_MINGUO.match(text) or _ROMAN_MINGUO.match(text):
        return "minguo"
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
    calendar = check_calendar(calendar)
    if calendar in ("japanese", "minguo"):
        return _parse_era_date(text, calendar)
    return _parse_numeric(text, calendar)


def _validated(
    text: str,
    calendar: str,
    year: int,
    month: int | None,
    day: int | None,
    era: str | None = None,
    dual: bool = False,
) -> CalendarDate:
    problem = _problem(calendar, year, month, day, era, dual)
    if problem is not None:
        raise ParseError(text, problem)
    return CalendarDate(calendar, year, month, day, era, dual)


def _digits(text: str, pos: int, what: str, sizes: tuple[int, ...]) -> tuple[int, int]:
    """Read the ASCII digits of ``what`` at ``pos``; they must be one of ``sizes`` long."""
    found = _ASCII_DIGITS.match(text, pos)
    wanted = " or ".join({1: "one", 2: "two", 4: "four"}[n] for n in sizes)
    if found is None:
        raise ParseError(text, f"expected the {what} ({wanted} digits) at {text[pos:]!r}")
    if len(found.group()) not in sizes:
        raise ParseError(text, f"the {what} must have {wanted} digits, not {found.group()!r}")
    return int(found.group()), found.end()


def _parse_numeric(text: str, calendar: str) -> tuple[CalendarDate, str]:
    if _ASCII_DIGITS.match(text) is None:
        raise ParseError(text, "expected a four-digit year (0001 to 9999)" + _hint(text, calendar))
    year, pos = _digits(text, 0, "year", (4,))
    second: str | None = None
    if text.startswith("/", pos):
        if calendar != "julian-march":
            raise ParseError(
                text,
                "a '/' after the year: dual years such as '1648/9' need calendar"
                " 'julian-march', and dates are written YYYY-MM-DD",
            )
        found = _ASCII_DIGITS.match(text, pos + 1)
        if found is None:
            raise ParseError(text, f"expected the second year of a dual year after '{year:04d}/'")
        second, pos = found.group(), found.end()
    month = day = None
    if text.startswith("-", pos):
        month, pos = _digits(text, pos + 1, "month", (2,))
        if text.startswith("-", pos):
            day, pos = _digits(text, pos + 1, "day", (2,))
    if calendar != "julian-march":
        return _validated(text, calendar, year, month, day), text[pos:]
    return _julian_march(text, year, second, month, day), text[pos:]


def _julian_march(
    text: str, legal: int, second: str | None, month: int | None, day: int | None
) -> CalendarDate:
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
                f" one ({_dual_label(legal)})",
            )
        if month is None:
            return _validated(text, "julian-march", legal + 1, None, None, dual=True)
        if not in_window:
            when = _MONTH_NAMES[month - 1] if day is None else f"{day} {_MONTH_NAMES[month - 1]}"
            raise ParseError(
                text,
                f"the dual year {_dual_label(legal)} marks a day from 1 January to 24 March,"
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
            f" {_dual_label(legal)}-03 for 1-24 March {legal + 1:04d}",
        )
    year = legal + 1 if in_window else legal
    return _validated(text, "julian-march", year, month, day)


def _kanji_numeral(token: str) -> int | None:
    """The value of a kanji numeral: positional (二〇 = 20) or with 十 and 百 (二十五, 一百零五)."""
    if "十" not in token and "百" not in token:
        if all(char in _KANJI_DIGITS for char in token):
            return int("".join(str(_KANJI_DIGITS[char]) for char in token))
        return None
    found = _KANJI_COMPOUND.fullmatch(token)
    if found is None:
        return None
    parts = found.groupdict()
    if parts["zero"] is not None and (parts["ten"] is not None or parts["units"] is None):
        return None  # 零 only stands for missing tens before a unit: 一百零五 = 105
    value = 0
    if "百" in token:
        value += 100 * (_KANJI_DIGITS[parts["hundreds"]] if parts["hundreds"] else 1)
    if parts["ten"] is not None:
        value += 10 * (_KANJI_DIGITS[parts["tens"]] if parts["tens"] else 1)
    if parts["units"] is not None:
        value += _KANJI_DIGITS[parts["units"]]
    return value


def _kanji_number(text: str, pos: int, what: str, unit: str) -> tuple[int, int]:
    """Read the numeral at ``pos`` and the unit character (年, 月, 日) that must follow it."""
    found = _NUMERAL.match(text, pos)
    if found is None:
        raise ParseError(text, f"expected the {what} before {unit} at {text[pos:]!r}")
    token = found.group()
    if token[0] in "〇零一二三四五六七八九十百":
        value = _kanji_numeral(token)
        if value is None:
            raise ParseError(text, f"cannot read the kanji numeral {token!r} as the {what}")
    else:
        value = int(token.translate(_FULL_WIDTH))
    if not text.startswith(unit, found.end()):
        raise ParseError(text, f"expected {unit} after the {what} {token!r}")
    return value, found.end() + len(unit)


def _parse_era_date(text: str, calendar: str) -> tuple[CalendarDate, str]:
    if calendar == "japanese":
        kanji, roman = _KANJI_JAPANESE.match(text), _ROMAN_JAPANESE.match(text)
    else:
        kanji, roman = _KANJI_MINGUO.match(text), _ROMAN_MINGUO.match(text)
    if kanji is not None:
        era = _ERA_BY_KANJI[kanji.group()].name if calendar == "japanese" else "Minguo"
        pos = kanji.end()
        if text.startswith("元年", pos):  # 元年, "first year", is how year 1 is usually written
            year, pos = 1, pos + 2
        else:
            year, pos = _kanji_number(text, pos, "year", "年")
        month = day = None
        if _NUMERAL.match(text, pos):
            month, pos = _kanji_number(text, pos, "month", "月")
            if _NUMERAL.match(text, pos):
                day, pos = _kanji_number(text, pos, "day", "日")
    elif roman is not None:
        name = roman.group()
        era = _ROMAN_TO_ERA[name.lower()] if calendar == "japanese" else "Minguo"
        pos = roman.end()
        while text.startswith((" ", "\t"), pos):
            pos += 1
        found = _ASCII_DIGITS.match(text, pos)
        if found is None:
            raise ParseError(text, f"expected the year after {name!r} at {text[pos:]!r}")
        year, pos = int(found.group()), found.end()
        month = day = None
        if text.startswith("-", pos):
            month, pos = _digits(text, pos + 1, "month", (1, 2))
            if text.startswith("-", pos):
                day, pos = _digits(text, pos + 1, "day", (1, 2))
    else:
        if calendar == "japanese":
            expected = (
                "expected a Japanese era name: 明治, 大正, 昭和, 平成, 令和"
                " or Meiji, Taishō, Shōwa, Heisei, Reiwa"
            )
        else:
            expected = "expected 民國 (民国, 中華民國) or Minguo or ROC"
        raise ParseError(text, expected + _hint(text, calendar))
    return _validated(text, calendar, year, month, day, era), text[pos:]


# ---------------------------------------------------------------------------------------
# Writing days in a calendar
# ---------------------------------------------------------------------------------------


def to_calendar(ordinal: int, calendar: str) -> CalendarDate:
    """The day ``ordinal`` as a day-precision date of ``calendar``; the inverse of first_day.

    For ``julian-march`` the year is the January-start year; for ``japanese`` the era is the
    one in force that day.  A day the calendar cannot write raises a ChronoError.

    >>> print(to_calendar(gregorian_to_ordinal(1989, 1, 8), "japanese"))
    Heisei 1-01-08 (平成元年1月8日)
    >>> to_calendar(gregorian_to_ordinal(1872, 12, 31), "japanese")
    Traceback (most recent call last):
    ...
    chronoreconcile.ChronoError: 1872-12-31 (Gregorian) is before 1873-01-01 \
(Meiji 6-01-01), when Japan adopted the Gregorian calendar; earlier Japanese dates are lunisolar and are not converted
    """
    calendar = check_calendar(calendar)
    first, end = _RANGES[calendar]
    if first <= ordinal < end:
        return _day_in(ordinal, calendar)
    if ordinal >= end:
        reason = f"after {_day_in(end - 1, calendar)}, the last day calendar {calendar!r} writes"
    elif calendar == "japanese":
        reason = (
            "before 1873-01-01 (Meiji 6-01-01), when Japan adopted the Gregorian calendar;"
            " earlier Japanese dates are lunisolar and are not converted"
        )
    elif calendar == "minguo":
        reason = "before 1912-01-01 (Minguo 1-01-01), when the Minguo calendar began"
    else:
        reason = f"before {_day_in(first, calendar)}, the first day calendar {calendar!r} writes"
    raise ChronoError(f"{_iso(ordinal)} (Gregorian) is {reason}")


def _day_in(ordinal: int, calendar: str) -> CalendarDate:
    """to_calendar without the range check, for days known to be in range."""
    if calendar in ("julian", "julian-march"):
        return CalendarDate(calendar, *ordinal_to_julian(ordinal))
    year, month, day = ordinal_to_gregorian(ordinal)
    if calendar == "gregorian":
        return CalendarDate(calendar, year, month, day)
    if calendar == "minguo":
        return CalendarDate(calendar, year - _MINGUO_OFFSET, month, day, "Minguo")
    era = _ERAS[bisect_right(_ERA_FIRSTS, ordinal) - 1]
    return CalendarDate(calendar, year - era.first_year + 1, month, day, era.name)
