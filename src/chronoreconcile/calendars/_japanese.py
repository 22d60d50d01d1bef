"""The Japanese era calendar (gengō) from Meiji 6, when Japan adopted the Gregorian calendar.

Years are counted within an era (Shōwa 20 is 1945) and an era changes on the day the
emperor's reign did, so a year of an era may be a few days long (Shōwa 64 is 1-7 January
1989).  Dates before 1873-01-01 (Meiji 6-01-01) are of the lunisolar calendar and are
refused rather than converted.

May import: chronoreconcile._errors, chronoreconcile._units, ``_days``, ``_base`` and ``_eras``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ._base import DateFields, Fields, dotted_label
from ._days import civil_span, civil_to_ordinal, day_problem, iso, ordinal_to_gregorian
from ._eras import EraCalendar

__all__ = ["JAPANESE", "JapaneseCalendar"]


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
_END_OF_9999 = civil_to_ordinal(10000, 1, 1, julian=False)


def _build_eras() -> tuple[_Era, ...]:
    firsts = [civil_to_ordinal(*ymd, julian=False) for _, _, ymd in _ERA_FIRST_DAYS]
    ends = [*firsts[1:], _END_OF_9999]
    return tuple(
        _Era(name, kanji, ymd[0], first, end)
        for (name, kanji, ymd), first, end in zip(_ERA_FIRST_DAYS, firsts, ends, strict=True)
    )


_ERAS = _build_eras()
_ERA_BY_NAME = {era.name: era for era in _ERAS}
_ERA_BY_KANJI = {era.kanji: era for era in _ERAS}
_ERA_FIRSTS = [era.first for era in _ERAS]
_ROMAN_TO_ERA = {
    "meiji": "Meiji",
    "taisho": "Taishō",
    "taishō": "Taishō",
    "showa": "Shōwa",
    "shōwa": "Shōwa",
    "heisei": "Heisei",
    "reiwa": "Reiwa",
}

# Dajōkan proclamation 337 of Meiji 5 (1872): the day after Meiji 5-12-02 of the lunisolar
# calendar (1872-12-31) became Meiji 6-01-01, 1873-01-01 Gregorian.
_JAPAN_GREGORIAN_FIRST = civil_to_ordinal(1873, 1, 1, julian=False)
_JAPAN_GREGORIAN_FIRST_MEIJI_YEAR = 6


class JapaneseCalendar(EraCalendar):
    """Japanese era years with Gregorian months and days, from 1873-01-01 to 9999-12-31."""

    name = "japanese"
    first = _JAPAN_GREGORIAN_FIRST
    end = _END_OF_9999
    kanji_marks = re.compile("|".join(era.kanji for era in _ERAS))
    roman_marks = re.compile(r"(meiji|taish[oō]|sh[oō]wa|heisei|reiwa)(?![^\W\d_])", re.IGNORECASE)
    expected = (
        "expected a Japanese era name: 明治, 大正, 昭和, 平成, 令和"
        " or Meiji, Taishō, Shōwa, Heisei, Reiwa"
    )

    def era_of_kanji(self, mark: str) -> str:
        return _ERA_BY_KANJI[mark].name

    def era_of_roman(self, mark: str) -> str:
        return _ROMAN_TO_ERA[mark.lower()]

    def kanji_of_era(self, era: str) -> str:
        return _ERA_BY_NAME[era].kanji

    def era_problem(self, era: str | None) -> str | None:
        return None  # many eras: date_problem checks the era

    def before_first(self) -> str:
        return (
            "before 1873-01-01 (Meiji 6-01-01), when Japan adopted the Gregorian calendar;"
            " earlier Japanese dates are lunisolar and are not converted"
        )

    def span(self, date: Fields) -> tuple[int, int]:
        # The Gregorian year, month or day, clipped to the era's days.
        era = _ERA_BY_NAME[date.era or ""]
        first, end = civil_span(era.first_year + date.year - 1, date.month, date.day, julian=False)
        return max(first, era.first), min(end, era.end)

    def from_ordinal(self, ordinal: int) -> DateFields:
        year, month, day = ordinal_to_gregorian(ordinal)
        era = _ERAS[bisect_right(_ERA_FIRSTS, ordinal) - 1]
        return DateFields(year - era.first_year + 1, month, day, era.name)

    def date_problem(self, date: Fields) -> str | None:
        year, month, day = date.year, date.month, date.day
        known = _ERA_BY_NAME.get(date.era or "")
        if known is None:
            names = ", ".join(repr(e.name) for e in _ERAS)
            return f"unknown Japanese era {date.era!r}; expected one of {names}"
        label = dotted_label(f"{known.name} {year}", month, day)
        if year < 1:
            return f"{label} does not exist: era years start at 1 (元年)"
        if known.name == "Meiji" and year < _JAPAN_GREGORIAN_FIRST_MEIJI_YEAR:
            return (
                f"{label} is a date of the lunisolar calendar, which Japan used until"
                " Meiji 5-12-02 (1872-12-31); lunisolar dates are not converted (Meiji 6-01-01,"
                " 1873-01-01, was the first Gregorian day)"
            )
        gregorian_year = known.first_year + year - 1
        if gregorian_year > 9999:
            return f"{label} is {gregorian_year}, after 9999"
        if month is not None and day is not None:
            problem = day_problem(
                gregorian_year,
                month,
                day,
                julian=False,
                year_label=f"{known.name} {year} ({gregorian_year})",
            )
            if problem is not None:
                return problem
        first, end = civil_span(gregorian_year, month, day, julian=False)
        index = _ERAS.index(known)
        if end <= known.first:
            before = _ERAS[index - 1]
            last = known.first - 1
            before_year = ordinal_to_gregorian(last)[0] - before.first_year + 1
            return (
                f"{label} is before the start of its era: {known.name} began on"
                f" {iso(known.first)} ({iso(last)} was {before.name} {before_year})"
            )
        if first >= known.end:
            after = _ERAS[index + 1]
            return (
                f"{label} is after the end of its era: {known.name} ended on"
                f" {iso(known.end - 1)} ({after.name} 1 began on {iso(after.first)})"
            )
        return None


JAPANESE = JapaneseCalendar()
