"""The Minguo calendar of the Republic of China: years from its founding, Gregorian otherwise.

Minguo 1 is 1912, which China already counted in Gregorian months and days, so a Minguo
date is a Gregorian date with 1911 taken from its year.  Its single era is "Minguo", written
民國 (民国 in simplified characters, 中華民國 in full) or "Minguo" or "ROC".

May import: chronoreconcile._errors, chronoreconcile._units, ``_days``, ``_base`` and ``_eras``.
"""

from __future__ import annotations

import re

from ._base import DateFields, Fields
from ._days import civil_span, civil_to_ordinal, day_problem, ordinal_to_gregorian
from ._eras import EraCalendar

__all__ = ["MINGUO", "MinguoCalendar"]

# The Republic of China counts years from its founding: Minguo 1 is 1912, already Gregorian.
_MINGUO_OFFSET = 1911


class MinguoCalendar(EraCalendar):
    """Republic of China years with Gregorian months and days, from 1912-01-01 to 9999-12-31."""

    name = "minguo"
    era = "Minguo"
    first = civil_to_ordinal(1912, 1, 1, julian=False)
    end = civil_to_ordinal(10000, 1, 1, julian=False)
    # 中華民國 is the state's full name; 民國 its usual short form; 民国 in simplified characters.
    kanji_marks = re.compile("(?:中華|中华)?(?:民國|民国)")
    roman_marks = re.compile(r"(minguo|roc)(?![^\W\d_])", re.IGNORECASE)
    expected = "expected 民國 (民国, 中華民國) or Minguo or ROC"

    def era_of_kanji(self, mark: str) -> str:
        return "Minguo"

    def era_of_roman(self, mark: str) -> str:
        return "Minguo"

    def kanji_of_era(self, era: str) -> str:
        return "民國"

    def before_first(self) -> str:
        return "before 1912-01-01 (Minguo 1-01-01), when the Minguo calendar began"

    def span(self, date: Fields) -> tuple[int, int]:
        return civil_span(date.year + _MINGUO_OFFSET, date.month, date.day, julian=False)

    def from_ordinal(self, ordinal: int) -> DateFields:
        year, month, day = ordinal_to_gregorian(ordinal)
        return DateFields(year - _MINGUO_OFFSET, month, day, "Minguo")

    def date_problem(self, date: Fields) -> str | None:
        year, month, day = date.year, date.month, date.day
        if year < 1:
            return f"Minguo {year} does not exist: Minguo years start at 1 (1912)"
        if year + _MINGUO_OFFSET > 9999:
            return f"Minguo {year} is {year + _MINGUO_OFFSET}, after 9999"
        if month is None or day is None:
            return None
        label = f"Minguo {year} ({year + _MINGUO_OFFSET})"
        return day_problem(year + _MINGUO_OFFSET, month, day, julian=False, year_label=label)


MINGUO = MinguoCalendar()
