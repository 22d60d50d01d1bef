"""The calendar layer: day arithmetic, dates in five calendars, and reading them from text.

Properties come first (round trips, agreement with convertdate and datetime, spans that
nest and are exact), then historical examples as data, one cited source per row, then the
exact error messages.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import convertdate.gregorian
import convertdate.julian
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from chronoreconcile import ChronoError, ParseError
from chronoreconcile.calendars import (
    CALENDARS,
    Calendar,
    CalendarDate,
    calendar_names,
    check_calendar,
    detect_calendar,
    get_calendar,
    gregorian_to_ordinal,
    julian_to_ordinal,
    ordinal_to_gregorian,
    ordinal_to_julian,
    parse_date,
    to_calendar,
)
from chronoreconcile.strategies import (
    CALENDAR_RANGES,
    ERA_FIRST_DAYS,
    JAPAN_GREGORIAN_FIRST,
    calendar_dates,
    calendars,
    date_texts,
    days,
    enclosing_dates,
    gregorian_ymds,
    julian_ymds,
    march_window_days,
    near_era_boundaries,
    ordinals,
    wide_ordinals,
)

# convertdate's Julian dates (JD) start at noon, so midnight of a day is JDN - 0.5; the
# ordinal of date.toordinal() is the JDN minus 1721425 (0001-01-01 Gregorian is JDN 1721426).
_JD_OF_ORDINAL_ZERO_MIDNIGHT = 1721424.5


def _gregorian(ordinal: int) -> datetime.date:
    return datetime.date.fromordinal(ordinal)


# ---------------------------------------------------------------------------------------
# Properties: day arithmetic
# ---------------------------------------------------------------------------------------


@given(julian_ymds())
@example((1900, 2, 29))  # a Julian leap day that Gregorian 1900 lacks
@example((1582, 10, 4))  # the last Julian day in the Papal States
def test_julian_to_gregorian_to_julian_round_trip(ymd: tuple[int, int, int]) -> None:
    ordinal = julian_to_ordinal(*ymd)
    gregorian = ordinal_to_gregorian(ordinal)
    assert ordinal_to_julian(gregorian_to_ordinal(*gregorian)) == ymd


@given(julian_ymds())
@example((1, 1, 1))
@example((9999, 12, 31))
def test_julian_agrees_with_convertdate(ymd: tuple[int, int, int]) -> None:
    ordinal = julian_to_ordinal(*ymd)
    jd = convertdate.julian.to_jd(*ymd)
    assert ordinal == jd - _JD_OF_ORDINAL_ZERO_MIDNIGHT
    assert ordinal_to_julian(ordinal) == ymd
    assert ordinal_to_gregorian(ordinal) == convertdate.gregorian.from_jd(jd)


@given(gregorian_ymds())
@example((1, 1, 1))
@example((9999, 12, 31))
@example((2000, 2, 29))
def test_gregorian_agrees_with_datetime_and_convertdate(ymd: tuple[int, int, int]) -> None:
    ordinal = gregorian_to_ordinal(*ymd)
    assert ordinal == datetime.date(*ymd).toordinal()
    jd = convertdate.gregorian.to_jd(*ymd)
    assert ordinal == jd - _JD_OF_ORDINAL_ZERO_MIDNIGHT
    assert ordinal_to_gregorian(ordinal) == ymd
    assert ordinal_to_julian(ordinal) == convertdate.julian.from_jd(jd)


def _next_day(ymd: tuple[int, int, int]) -> set[tuple[int, int, int]]:
    year, month, day = ymd
    return {(year, month, day + 1), (year, month + 1, 1), (year + 1, 1, 1)}


@given(wide_ordinals())
@example(0)  # 0000-12-31 Gregorian, the day before date.min
@example(-1)
def test_arithmetic_holds_for_any_year(ordinal: int) -> None:
    for to_ymd, to_ordinal in (
        (ordinal_to_gregorian, gregorian_to_ordinal),
        (ordinal_to_julian, julian_to_ordinal),
    ):
        ymd = to_ymd(ordinal)
        assert to_ordinal(*ymd) == ordinal
        # No day skipped or repeated: the next ordinal is the next day of the calendar.
        assert to_ymd(ordinal + 1) in _next_day(ymd)


# ---------------------------------------------------------------------------------------
# Properties: dates
# ---------------------------------------------------------------------------------------


def _era_in_force(day: datetime.date) -> tuple[str, int]:
    """The era and era year of a Gregorian day, from the table in chronoreconcile.strategies."""
    name, first = [(name, first) for name, first in ERA_FIRST_DAYS if first <= day][-1]
    return name, day.year - first.year + 1


@given(near_era_boundaries())
def test_era_dates_round_trip_near_boundaries(ordinal: int) -> None:
    day = _gregorian(ordinal)
    if day < JAPAN_GREGORIAN_FIRST:
        with pytest.raises(ChronoError, match="Japan adopted the Gregorian calendar"):
            to_calendar(ordinal, "japanese")
        return
    date = to_calendar(ordinal, "japanese")
    assert (date.era, date.year) == _era_in_force(day)
    assert (date.month, date.day) == (day.month, day.day)
    assert date.first_day() == ordinal and date.end_day() == ordinal + 1
    romanised, kanji = str(date).removesuffix(")").split(" (")
    assert parse_date(romanised, "japanese") == (date, "")
    assert parse_date(kanji, "japanese") == (date, "")


@given(near_era_boundaries())
def test_the_same_day_in_a_neighbouring_era_is_refused(ordinal: int) -> None:
    day = _gregorian(ordinal)
    era, _ = _era_in_force(day)
    index = [name for name, _ in ERA_FIRST_DAYS].index(era)
    for neighbour, first in ERA_FIRST_DAYS[max(index - 1, 0) : index + 2]:
        year = day.year - first.year + 1
        if neighbour == era or year < 0:  # a negative era year cannot be written
            continue
        if first < day:
            message = "is after the end of its era"
        elif first.year == day.year:
            message = "is before the start of its era"
        else:
            message = "does not exist: era years start at 1"
        text = f"{neighbour} {year}-{day.month}-{day.day}"
        with pytest.raises(ParseError, match=message):
            parse_date(text, "japanese")


@given(days())
def test_coarser_dates_contain_the_day(day: CalendarDate) -> None:
    ordinal = day.first_day()
    assert day.end_day() == ordinal + 1
    assert to_calendar(ordinal, day.calendar) == day
    for coarse in enclosing_dates(day):
        assert coarse.first_day() <= ordinal < coarse.end_day(), coarse


@given(days())
def test_a_month_lies_inside_its_year(day: CalendarDate) -> None:
    months = [d for d in enclosing_dates(day) if d.month is not None]
    years = [d for d in enclosing_dates(day) if d.month is None and not d.dual]
    for month in months:
        for year in years:
            assert year.first_day() <= month.first_day() < month.end_day() <= year.end_day()


@given(calendar_dates())
def test_end_day_is_after_first_day(date: CalendarDate) -> None:
    assert date.end_day() > date.first_day()


@given(calendar_dates())
def test_spans_are_exact(date: CalendarDate) -> None:
    # The days at both edges of the span, and just outside them: a day is inside exactly
    # when the coarse date is the day itself or one of the dates enclosing it.
    first, last = CALENDAR_RANGES[date.calendar]
    for ordinal in (date.first_day() - 1, date.first_day(), date.end_day() - 1, date.end_day()):
        if not first <= ordinal <= last:
            continue
        day = to_calendar(ordinal, date.calendar)
        inside = date.first_day() <= ordinal < date.end_day()
        assert inside == (date == day or date in enclosing_dates(day)), (date, day)


@given(calendar_dates())
def test_format_then_parse_round_trip(date: CalendarDate) -> None:
    text = str(date)
    parsed, rest = parse_date(text, date.calendar)
    assert parsed == date
    assert text == str(parsed)
    if date.calendar in ("japanese", "minguo"):
        kanji = rest.removeprefix(" (").removesuffix(")")
        assert parse_date(kanji, date.calendar) == (date, "")
    else:
        assert rest in ("", " (Julian)", " (Julian, year from 25 March)")


@given(st.one_of(st.text(), date_texts()), calendars())
@example("昭和64年1月8日", "japanese")
@example("1648/9-03-25", "julian-march")
def test_parse_gives_a_date_or_a_chrono_error(text: str, calendar: str) -> None:
    try:
        date, rest = parse_date(text, calendar)
    except ChronoError as error:
        assert repr(text) in str(error)
        return
    assert date.calendar == calendar
    assert len(rest) < len(text) and text.endswith(rest)


@given(march_window_days(), st.integers(1, 4))
@example((1648, 1, 30), 1)  # Charles I's execution, 30 January 1648/9
@example((1699, 2, 29), 4)  # 1700 is a Julian leap year: 29 February 1699/1700 exists
@example((9999, 3, 24), 5)  # the last day: 9999/10000
def test_julian_march_dual_years_round_trip(window_day: tuple[int, int, int], digits: int) -> None:
    legal, month, day = window_day
    january_year = f"{legal + 1:04d}"
    second = january_year[-digits:]
    dual, rest = parse_date(f"{legal:04d}/{second}-{month:02d}-{day:02d}Z", "julian-march")
    assert rest == "Z"
    assert (dual.year, dual.month, dual.day) == (legal + 1, month, day)
    assert dual.first_day() == julian_to_ordinal(legal + 1, month, day)
    # The single legal year means the same day, and so does January-start Julian.
    assert parse_date(f"{legal:04d}-{month:02d}-{day:02d}", "julian-march")[0] == dual
    if legal + 1 <= 9999:
        plain_julian = parse_date(f"{january_year}-{month:02d}-{day:02d}", "julian")[0]
        assert plain_julian.first_day() == dual.first_day()
    assert to_calendar(dual.first_day(), "julian-march") == dual
    assert parse_date(str(dual), "julian-march")[0] == dual
    wrong = f"{int(second) + 1:0{len(second)}d}"[-len(second) :]
    with pytest.raises(ParseError, match="the second year must be the first plus one"):
        parse_date(f"{legal:04d}/{wrong}-{month:02d}-{day:02d}", "julian-march")


@given(days("julian-march"))
def test_a_dual_year_outside_1_january_to_24_march_is_refused(day: CalendarDate) -> None:
    assert day.month is not None and day.day is not None
    if day.month < 3 or (day.month == 3 and day.day < 25):
        return
    text = f"{day.year:04d}/{(day.year + 1) % 10}-{day.month:02d}-{day.day:02d}"
    with pytest.raises(ParseError, match="marks a day from 1 January to 24 March"):
        parse_date(text, "julian-march")


# ---------------------------------------------------------------------------------------
# Historical examples: one cited source per row
# ---------------------------------------------------------------------------------------

HISTORICAL_DATES = [
    # (text, calendar, Gregorian day, source)
    (
        "1917-10-25",
        "julian",
        (1917, 11, 7),
        "October Revolution, 25 October 1917 O.S. = 7 November N.S.: Encyclopaedia"
        " Britannica, 'Russian Revolution of 1917'",
    ),
    (
        "1642-12-25",
        "julian",
        (1643, 1, 4),
        "Isaac Newton born 25 December 1642 O.S. = 4 January 1643 N.S.: Encyclopaedia"
        " Britannica, 'Isaac Newton'",
    ),
    (
        "1900-02-29",
        "julian",
        (1900, 3, 13),
        "Julian leap rule, every fourth year, 1900 included: Reingold & Dershowitz,"
        " Calendrical Calculations (3rd ed., 2008), ch. 3",
    ),
    (
        "1648/9-01-30",
        "julian-march",
        (1649, 2, 9),
        "Execution of Charles I on 30 January 1648/9: his death warrant, dated 29 January"
        " 1648/9, Parliamentary Archives HL/PO/JO/10/1/297A",
    ),
    (
        "1731/2-02-11",
        "julian-march",
        (1732, 2, 22),
        "George Washington born 11 February 1731/2 O.S. = 22 February 1732 N.S.: Mount"
        " Vernon Ladies' Association, 'Washington's Birthday'",
    ),
    (
        "昭和20年8月15日",
        "japanese",
        (1945, 8, 15),
        "Jewel Voice Broadcast (玉音放送), noon on 15 August 1945: NHK Archives",
    ),
    (
        "昭和二十年八月十四日",
        "japanese",
        (1945, 8, 14),
        "Imperial Rescript on the Termination of the War (終戦の詔書), dated 昭和二十年八月十四日:"
        " National Archives of Japan",
    ),
    (
        "昭和64年1月7日",
        "japanese",
        (1989, 1, 7),
        "Emperor Shōwa died on 7 January 1989, Shōwa's last day: Imperial Household Agency",
    ),
    (
        "平成元年1月8日",
        "japanese",
        (1989, 1, 8),
        "Heisei's first day: Cabinet announcement of 7 January 1989 (Chief Cabinet Secretary"
        " Obuchi), Cabinet Order 昭和64年政令第1号 in force from 8 January 1989",
    ),
    (
        "Reiwa 1-05-01",
        "japanese",
        (2019, 5, 1),
        "Reiwa's first day: Cabinet Order 平成31年政令第143号 of 1 April 2019, in force from"
        " 1 May 2019",
    ),
    (
        "明治6年1月1日",
        "japanese",
        (1873, 1, 1),
        "Japan's first Gregorian day: Dajōkan proclamation No. 337 of Meiji 5"
        " (明治5年太政官布告第337号)",
    ),
    (
        "民國34年8月15日",
        "minguo",
        (1945, 8, 15),
        "Chiang Kai-shek's victory broadcast of 15 August 1945 (民國34年8月15日):"
        " Academia Historica",
    ),
    (
        "民國元年1月1日",
        "minguo",
        (1912, 1, 1),
        "Founding of the Republic of China and its adoption of the solar calendar,"
        " 1 January 1912: Encyclopaedia Britannica, 'Sun Yat-sen'",
    ),
]


@pytest.mark.parametrize(("text", "calendar", "gregorian", "source"), HISTORICAL_DATES)
def test_historical_dates(
    text: str, calendar: str, gregorian: tuple[int, int, int], source: str
) -> None:
    date, rest = parse_date(text, calendar)
    assert rest == ""
    assert date.first_day() == datetime.date(*gregorian).toordinal(), source
    assert date.end_day() == date.first_day() + 1


SWITCHES = [
    # (last Julian day, first Gregorian day, where, source)
    (
        (1582, 10, 4),
        (1582, 10, 15),
        "Papal States, Spain, Portugal, Poland-Lithuania",
        "papal bull Inter gravissimas, 24 February 1582",
    ),
    ((1582, 12, 9), (1582, 12, 20), "France", "Rundetaarn observatory, 'The transition'"),
    ((1587, 10, 21), (1587, 11, 1), "Hungary", "Rundetaarn observatory, 'The transition'"),
    # 1700 is a Julian leap year but not a Gregorian one: Julian 29 February was dropped too.
    (
        (1700, 2, 18),
        (1700, 3, 1),
        "Denmark-Norway, Protestant Germany",
        "Rundetaarn observatory, 'The transition'",
    ),
    (
        (1752, 9, 2),
        (1752, 9, 14),
        "Great Britain and its colonies",
        "Calendar (New Style) Act 1750 (24 Geo. II c. 23), section 1",
    ),
    ((1753, 2, 17), (1753, 3, 1), "Sweden", "Rundetaarn observatory, 'The transition'"),
    ((1916, 3, 31), (1916, 4, 14), "Bulgaria", "US SSA, POMS GN 00307.180"),
    (
        (1918, 1, 31),
        (1918, 2, 14),
        "Soviet Russia",
        "Decree of the Council of People's Commissars on the Western European calendar,"
        " 24 January 1918",
    ),
    ((1923, 2, 15), (1923, 3, 1), "Greece", "US SSA, POMS GN 00307.180"),
]


@pytest.mark.parametrize(("last_julian", "first_gregorian", "where", "source"), SWITCHES)
def test_switches_from_julian_to_gregorian(
    last_julian: tuple[int, int, int],
    first_gregorian: tuple[int, int, int],
    where: str,
    source: str,
) -> None:
    last = parse_date("{:04d}-{:02d}-{:02d}".format(*last_julian), "julian")[0]
    following = to_calendar(last.end_day(), "gregorian")
    assert (following.year, following.month, following.day) == first_gregorian, where


# First and last Gregorian day of an era year at its start or end (sources as in
# chronoreconcile.strategies.ERA_FIRST_DAYS).
ERA_YEARS = [
    ("明治45年", (1912, 1, 1), (1912, 7, 29)),
    ("大正元年", (1912, 7, 30), (1912, 12, 31)),
    ("大正元年7月", (1912, 7, 30), (1912, 7, 31)),
    ("大正15年", (1926, 1, 1), (1926, 12, 24)),
    ("昭和元年", (1926, 12, 25), (1926, 12, 31)),
    ("昭和64年", (1989, 1, 1), (1989, 1, 7)),
    ("昭和64年1月", (1989, 1, 1), (1989, 1, 7)),
    ("平成元年", (1989, 1, 8), (1989, 12, 31)),
    ("平成31年4月", (2019, 4, 1), (2019, 4, 30)),
    ("令和元年5月", (2019, 5, 1), (2019, 5, 31)),
    ("明治6年", (1873, 1, 1), (1873, 12, 31)),
]


@pytest.mark.parametrize(("text", "first", "last"), ERA_YEARS)
def test_era_years_are_clipped_to_the_era(
    text: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    date, _ = parse_date(text, "japanese")
    assert _gregorian(date.first_day()) == datetime.date(*first)
    assert _gregorian(date.end_day() - 1) == datetime.date(*last)


# ---------------------------------------------------------------------------------------
# Reading: forms, precisions, what is left unread
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "calendar", "written", "rest"),
    [
        ("1945-08-15T12:00", "gregorian", "1945-08-15", "T12:00"),
        ("1945-08 ", "gregorian", "1945-08", " "),
        ("1945", "julian", "1945 (Julian)", ""),
        ("1648/49-02-10", "julian-march", "1648/9-02-10 (Julian, year from 25 March)", ""),
        ("1649/1650-01-01", "julian-march", "1649/50-01-01 (Julian, year from 25 March)", ""),
        ("1699/00-03-24", "julian-march", "1699/1700-03-24 (Julian, year from 25 March)", ""),
        ("1648-02-10", "julian-march", "1648/9-02-10 (Julian, year from 25 March)", ""),
        ("1649-03-25", "julian-march", "1649-03-25 (Julian, year from 25 March)", ""),
        ("昭和20年8月15日 正午", "japanese", "Shōwa 20-08-15 (昭和20年8月15日)", " 正午"),
        ("昭和２０年８月１５日", "japanese", "Shōwa 20-08-15 (昭和20年8月15日)", ""),
        ("Showa 20-8-15 12:00", "japanese", "Shōwa 20-08-15 (昭和20年8月15日)", " 12:00"),
        ("SHŌWA 20-08-15", "japanese", "Shōwa 20-08-15 (昭和20年8月15日)", ""),
        ("Taisho 1-07-30", "japanese", "Taishō 1-07-30 (大正元年7月30日)", ""),
        ("Heisei 1-01-08", "japanese", "Heisei 1-01-08 (平成元年1月8日)", ""),
        ("Showa 20", "japanese", "Shōwa 20 (昭和20年)", ""),
        ("平成1年", "japanese", "Heisei 1 (平成元年)", ""),
        ("民国34年8月15日", "minguo", "Minguo 34-08-15 (民國34年8月15日)", ""),
        ("中華民國三十四年八月十五日", "minguo", "Minguo 34-08-15 (民國34年8月15日)", ""),
        ("ROC 34-08-15", "minguo", "Minguo 34-08-15 (民國34年8月15日)", ""),
        ("Minguo 34-08", "minguo", "Minguo 34-08 (民國34年8月)", ""),
        ("民國一百零五年", "minguo", "Minguo 105 (民國105年)", ""),
        ("民國二〇年", "minguo", "Minguo 20 (民國20年)", ""),
    ],
)
def test_written_forms(text: str, calendar: str, written: str, rest: str) -> None:
    date, unread = parse_date(text, calendar)
    assert (str(date), unread) == (written, rest)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # Legal year 1648 ran from 25 March 1648 to 24 March 1649 (January-start, Julian).
        ("1648", (1648, 3, 25), (1649, 3, 24)),
        # A dual year names the stretch where both numberings apply.
        ("1648/9", (1649, 1, 1), (1649, 3, 24)),
        ("1648/9-03", (1649, 3, 1), (1649, 3, 24)),
        ("1648-02", (1649, 2, 1), (1649, 2, 28)),
        ("1648-04", (1648, 4, 1), (1648, 4, 30)),
        ("1648-03-25", (1648, 3, 25), (1648, 3, 25)),
        ("1648-03-24", (1649, 3, 24), (1649, 3, 24)),
    ],
)
def test_julian_march_spans(
    text: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    date, _ = parse_date(text, "julian-march")
    assert ordinal_to_julian(date.first_day()) == first
    assert ordinal_to_julian(date.end_day() - 1) == last


@pytest.mark.parametrize(
    ("text", "calendar"),
    [
        ("昭和20年", "japanese"),
        ("令和7年", "japanese"),
        ("Reiwa 7", "japanese"),
        ("taishō 1", "japanese"),
        ("MEIJI 6", "japanese"),
        ("Showa20", "japanese"),
        ("民國34年", "minguo"),
        ("民国34年", "minguo"),
        ("中華民國34年", "minguo"),
        ("Minguo 34", "minguo"),
        ("ROC 34", "minguo"),
        ("1945-08-15", None),
        ("Showalter 1", None),
        ("Rococo 1", None),
        ("Keiō 4", None),  # eras before Meiji are not supported
        (" 昭和20年", None),  # nothing is skipped before the date
    ],
)
def test_detect_calendar(text: str, calendar: str | None) -> None:
    assert detect_calendar(text) == calendar


def test_check_calendar_lists_the_calendars() -> None:
    assert all(check_calendar(name) == name for name in CALENDARS)
    with pytest.raises(
        ChronoError,
        match=r"^unknown calendar 'hijri'; expected one of 'gregorian', 'julian',"
        r" 'julian-march', 'japanese', 'minguo'$",
    ):
        check_calendar("hijri")


def test_minguo_era_is_filled_in() -> None:
    assert CalendarDate("minguo", 34, 8, 15).era == "Minguo"
    assert (
        repr(CalendarDate("minguo", 34, 8, 15)) == "CalendarDate(Minguo 34-08-15 (民國34年8月15日))"
    )


def test_dates_are_frozen() -> None:
    date = CalendarDate("gregorian", 1945, 8, 15)
    with pytest.raises(AttributeError):
        date.year = 1946  # type: ignore[misc]


# ---------------------------------------------------------------------------------------
# Errors: the exact rule each input broke
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "calendar", "message"),
    [
        ("1945-02-30", "gregorian", "day 30 of February 1945 does not exist"),
        (
            "1900-02-29",
            "gregorian",
            r"day 29 of February 1900 does not exist \(that month has 28 days in the"
            r" Gregorian calendar\)",
        ),
        ("1900-02-30", "julian", r"that month has 29 days in the Julian calendar\)"),
        ("1945-13", "gregorian", r"month 13 does not exist \(months run from 1 to 12\)"),
        ("1945-00-01", "gregorian", "month 0 does not exist"),
        ("0000", "gregorian", "year 0 is outside 0001 to 9999"),
        ("19451", "gregorian", "the year must have four digits, not '19451'"),
        ("1945-8-15", "gregorian", "the month must have two digits, not '8'"),
        ("1945-", "gregorian", r"expected the month \(two digits\) at ''"),
        ("1945/08/15", "gregorian", "dual years such as '1648/9' need calendar 'julian-march'"),
        ("昭和20年", "gregorian", "it looks like a japanese date: pass calendar='japanese'"),
        (
            "昭和64年1月8日",
            "japanese",
            r"^cannot read '昭和64年1月8日': Shōwa 64-01-08 is after the end of its era:"
            r" Shōwa ended on 1989-01-07 \(Heisei 1 began on 1989-01-08\)$",
        ),
        ("昭和65年", "japanese", r"Shōwa ended on 1989-01-07 \(Heisei 1 began on 1989-01-08\)"),
        (
            "平成元年1月7日",
            "japanese",
            r"Heisei began on 1989-01-08 \(1989-01-07 was Shōwa 64\)",
        ),
        (
            "Taisho 15-12-25",
            "japanese",
            r"Taishō ended on 1926-12-24 \(Shōwa 1 began on 1926-12-25\)",
        ),
        (
            "明治5年12月2日",
            "japanese",
            r"Meiji 5-12-02 is a date of the lunisolar calendar, which Japan used until"
            r" Meiji 5-12-02 \(1872-12-31\); lunisolar dates are not converted",
        ),
        ("明治元年", "japanese", "lunisolar dates are not converted"),
        (
            "Showa 20-02-30",
            "japanese",
            r"day 30 of February Shōwa 20 \(1945\) does not exist",
        ),
        ("昭和0年", "japanese", r"Shōwa 0 does not exist: era years start at 1 \(元年\)"),
        ("昭和20年13月", "japanese", "month 13 does not exist"),
        ("昭和20年8", "japanese", "expected 月 after the month '8'"),
        ("昭和十十年", "japanese", "cannot read the kanji numeral '十十' as the year"),
        ("Showa", "japanese", "expected the year after 'Showa' at ''"),
        ("Keiō 4", "japanese", "expected a Japanese era name: 明治, 大正, 昭和, 平成, 令和"),
        ("民國0年", "minguo", r"Minguo 0 does not exist: Minguo years start at 1 \(1912\)"),
        ("民國34年2月29日", "minguo", r"day 29 of February Minguo 34 \(1945\) does not exist"),
        ("1945-08-15", "minguo", r"expected 民國 \(民国, 中華民國\) or Minguo or ROC"),
        (
            "1648-03",
            "julian-march",
            r"March of legal year 1648 is split: 25-31 March 1648 open it and 1-24 March 1649"
            r" \(January-start\) close it; give a day, or write 1648/9-03 for 1-24 March 1649",
        ),
        (
            "1648/9-04-10",
            "julian-march",
            "the dual year 1648/9 marks a day from 1 January to 24 March, when legal year 1648"
            r" \(from 25 March\) and January-start year 1649 overlap; 10 April is outside it",
        ),
        ("1648/9-03-25", "julian-march", "25 March is outside it"),
        (
            "1648/7-02-10",
            "julian-march",
            r"in the dual year 1648/7 the second year must be the first plus one \(1648/9\)",
        ),
        ("1648/", "julian-march", "expected the second year of a dual year after '1648/'"),
        # The leap day follows the January-start year: 29 February 1700/1 is in 1701.
        ("1700-02-29", "julian-march", "day 29 of February 1700/1 does not exist"),
    ],
)
def test_parse_errors_name_the_rule(text: str, calendar: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as caught:
        parse_date(text, calendar)
    assert caught.value.text == text


def test_unknown_calendar_is_a_chrono_error() -> None:
    with pytest.raises(ChronoError, match="unknown calendar 'Julian'"):
        parse_date("1917-10-25", "Julian")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (("japanese", 64, 1, 8, "Shōwa"), "invalid japanese date: Shōwa 64-01-08 is after"),
        (("japanese", 20, 8, 15, "Showa"), "unknown Japanese era 'Showa'"),
        (("japanese", 20, 8, 15, None), "unknown Japanese era None"),
        (("gregorian", 1945, 8, 15, "Shōwa"), "era 'Shōwa' is not one of calendar 'gregorian'"),
        (("gregorian", 1945, None, 15, None), "a day needs a month"),
        (("julian", 10000, 1, 1, None), "year 10000 is outside 0001 to 9999"),
        (("julian-march", 1, 1, 1, None), r"legal year 0 \(from 25 March\) is outside"),
        (("minguo", 8089, None, None, None), "Minguo 8089 is 10000, after 9999"),
    ],
)
def test_invalid_dates_cannot_be_built(
    fields: tuple[str, int, int | None, int | None, str | None], message: str
) -> None:
    with pytest.raises(ChronoError, match=message):
        CalendarDate(*fields)


def test_only_a_year_precision_julian_march_date_is_dual() -> None:
    with pytest.raises(ChronoError, match="only a year-precision julian-march date"):
        CalendarDate("julian-march", 1649, 2, None, dual=True)


@pytest.mark.parametrize(
    ("ordinal", "calendar", "message"),
    [
        (
            datetime.date(1872, 12, 31).toordinal(),
            "japanese",
            r"^1872-12-31 \(Gregorian\) is before 1873-01-01 \(Meiji 6-01-01\), when Japan"
            r" adopted the Gregorian calendar; earlier Japanese dates are lunisolar",
        ),
        (
            datetime.date(1911, 12, 31).toordinal(),
            "minguo",
            r"1911-12-31 \(Gregorian\) is before 1912-01-01 \(Minguo 1-01-01\)",
        ),
        (0, "gregorian", r"^0000-12-31 \(Gregorian\) is before 0001-01-01, the first day"),
        (
            julian_to_ordinal(1, 3, 24),
            "julian-march",
            r"is before 0001-03-25 \(Julian, year from 25 March\), the first day",
        ),
        (
            datetime.date.max.toordinal() + 1,
            "gregorian",
            r"^\+10000-01-01 \(Gregorian\) is after 9999-12-31, the last day",
        ),
    ],
)
def test_days_outside_a_calendar(ordinal: int, calendar: str, message: str) -> None:
    with pytest.raises(ChronoError, match=message):
        to_calendar(ordinal, calendar)


def test_arithmetic_refuses_days_that_do_not_exist() -> None:
    with pytest.raises(ChronoError, match="day 29 of February 1900 does not exist"):
        gregorian_to_ordinal(1900, 2, 29)
    with pytest.raises(ChronoError, match="month 13 does not exist"):
        julian_to_ordinal(1900, 13, 1)
    # Julian 1900 was a leap year (Russia counted 29 February 1900).
    assert julian_to_ordinal(1900, 2, 29) == datetime.date(1900, 3, 13).toordinal()


# ---------------------------------------------------------------------------------------
# The registry: one object per calendar, and each writes and counts its own days back
# ---------------------------------------------------------------------------------------

_EXPLANATION = Path(__file__).parent.parent / "docs" / "explanation" / "calendars.md"


def _documented_calendars() -> list[str]:
    """The calendar names in the first column of the table in docs/explanation/calendars.md."""
    return re.findall(r"^\| `([a-z-]+)` \|", _EXPLANATION.read_text(encoding="utf-8"), re.M)


def test_the_registry_lists_exactly_the_documented_calendars() -> None:
    documented = _documented_calendars()
    assert documented == ["gregorian", "julian", "julian-march", "japanese", "minguo"]
    assert list(calendar_names()) == documented
    assert calendar_names() == CALENDARS
    for name in documented:
        calendar = get_calendar(name)
        assert isinstance(calendar, Calendar)
        assert calendar.name == name
    # One object per calendar: no two names share one.
    assert len({id(get_calendar(name)) for name in documented}) == len(documented)


def test_get_calendar_refuses_an_unknown_name() -> None:
    with pytest.raises(
        ChronoError,
        match=r"^unknown calendar 'Gregorian'; expected one of 'gregorian', 'julian',"
        r" 'julian-march', 'japanese', 'minguo'$",
    ):
        get_calendar("Gregorian")
    with pytest.raises(ChronoError, match=r"^unknown calendar None; expected one of"):
        get_calendar(None)  # type: ignore[arg-type]


# Shōwa 64 ended on 7 January 1989 and Heisei 1 began the next day.
_JANUARY_1989 = range(datetime.date(1989, 1, 1).toordinal(), datetime.date(1989, 2, 1).toordinal())


@st.composite
def _runs_of_days(draw: st.DrawFn) -> tuple[str, range]:
    """A calendar and up to 400 consecutive days it writes, often at its first or last day."""
    name = draw(calendars())
    start = draw(ordinals(name))
    length = draw(st.integers(1, 400))
    end = min(start + length, CALENDAR_RANGES[name][1] + 1)
    return name, range(start, end)


@given(_runs_of_days())
@example(("japanese", _JANUARY_1989))
@example(("julian-march", range(julian_to_ordinal(1648, 3, 1), julian_to_ordinal(1648, 4, 1))))
def test_every_calendar_round_trips_its_days(run: tuple[str, range]) -> None:
    name, days_ = run
    calendar = get_calendar(name)
    previous = None
    for ordinal in days_:
        fields = calendar.from_ordinal(ordinal)
        assert calendar.problem(fields) is None
        assert calendar.to_ordinal(fields) == ordinal
        assert calendar.span(fields) == (ordinal, ordinal + 1)
        date = to_calendar(ordinal, name)
        assert (date.first_day(), date.end_day()) == (ordinal, ordinal + 1)
        # Consecutive days are distinct dates of the calendar, none skipped or repeated.
        assert fields != previous
        previous = fields


def test_what_each_calendar_says_about_itself() -> None:
    # (single era, writes dual years, dates open with era marks, reads EDTF "194X", aliases)
    facts = {
        name: (
            calendar.era,
            calendar.writes_dual_years,
            calendar.has_marks,
            calendar.reads_unspecified_digits,
            calendar.aliases,
        )
        for name in calendar_names()
        for calendar in [get_calendar(name)]
    }
    assert facts == {
        "gregorian": (None, False, False, True, ()),
        "julian": (None, False, False, True, ()),
        "julian-march": (None, True, False, False, ()),
        "japanese": (None, False, True, False, ()),
        "minguo": ("Minguo", False, True, False, ()),
    }
    assert [repr(get_calendar(name)) for name in ("julian", "minguo")] == [
        "<calendar 'julian'>",
        "<calendar 'minguo'>",
    ]
