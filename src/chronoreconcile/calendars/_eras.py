"""What the era calendars share: era-year dates in kanji or romanised forms, and their numerals.

The ``japanese`` and ``minguo`` calendars count years within an era and use Gregorian
months and days.  Both are written "昭和20年8月15日" (ASCII, full-width or kanji numerals,
元年 for year 1) or "Shōwa 20-08-15"; ``EraCalendar`` reads and labels both forms, and each
calendar supplies its era marks and rules.

May import: chronoreconcile._errors, chronoreconcile._units, ``_days`` and ``_base``.
"""

from __future__ import annotations

import re
from abc import abstractmethod

from chronoreconcile._errors import ParseError

from ._base import ASCII_DIGITS, Calendar, DateFields, Fields, Hint, dotted_label, read_digits

__all__ = ["EraCalendar", "kanji_numeral"]

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


def kanji_numeral(token: str) -> int | None:
    """The value of a kanji numeral: positional (二〇 = 20) or with 十 and 百 (二十五, 一百零五).

    >>> kanji_numeral("二〇"), kanji_numeral("二十五"), kanji_numeral("一百零五"), kanji_numeral("十零")
    (20, 25, 105, None)
    """
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
        value = kanji_numeral(token)
        if value is None:
            raise ParseError(text, f"cannot read the kanji numeral {token!r} as the {what}")
    else:
        value = int(token.translate(_FULL_WIDTH))
    if not text.startswith(unit, found.end()):
        raise ParseError(text, f"expected {unit} after the {what} {token!r}")
    return value, found.end() + len(unit)


class EraCalendar(Calendar):
    """A calendar of era years with Gregorian months and days, written in kanji or romanised.

    ``kanji_marks`` and ``roman_marks`` match an era's mark at the start of a text;
    ``expected`` says what was expected when neither does.
    """

    kanji_marks: re.Pattern[str]
    roman_marks: re.Pattern[str]
    expected: str
    has_marks = True

    @abstractmethod
    def era_of_kanji(self, mark: str) -> str:
        """The romanised era name of a kanji mark that ``kanji_marks`` matched."""

    @abstractmethod
    def era_of_roman(self, mark: str) -> str:
        """The romanised era name, with macrons, of a mark that ``roman_marks`` matched."""

    @abstractmethod
    def kanji_of_era(self, era: str) -> str:
        """How a label writes the era in kanji: 昭和, 民國."""

    def opens(self, text: str) -> bool:
        return bool(self.kanji_marks.match(text) or self.roman_marks.match(text))

    def label(self, date: Fields) -> str:
        era, year, month, day = date.era or "", date.year, date.month, date.day
        kanji = self.kanji_of_era(era) + ("元" if year == 1 else str(year)) + "年"
        if month is not None:
            kanji += f"{month}月" + ("" if day is None else f"{day}日")
        return dotted_label(f"{era} {year}", month, day) + f" ({kanji})"

    def read(self, text: str, hint: Hint) -> tuple[DateFields, str]:
        kanji, roman = self.kanji_marks.match(text), self.roman_marks.match(text)
        month = day = None
        if kanji is not None:
            era = self.era_of_kanji(kanji.group())
            pos = kanji.end()
            if text.startswith("元年", pos):  # 元年, "first year", is how year 1 is usually written
                year, pos = 1, pos + 2
            else:
                year, pos = _kanji_number(text, pos, "year", "年")
            if _NUMERAL.match(text, pos):
                month, pos = _kanji_number(text, pos, "month", "月")
                if _NUMERAL.match(text, pos):
                    day, pos = _kanji_number(text, pos, "day", "日")
        elif roman is not None:
            name = roman.group()
            era = self.era_of_roman(name)
            pos = roman.end()
            while text.startswith((" ", "\t"), pos):
                pos += 1
            found = ASCII_DIGITS.match(text, pos)
            if found is None:
                raise ParseError(text, f"expected the year after {name!r} at {text[pos:]!r}")
            year, pos = int(found.group()), found.end()
            if text.startswith("-", pos):
                month, pos = read_digits(text, pos + 1, "month", (1, 2))
                if text.startswith("-", pos):
                    day, pos = read_digits(text, pos + 1, "day", (1, 2))
        else:
            raise ParseError(text, self.expected + hint())
        return DateFields(year, month, day, era), text[pos:]
