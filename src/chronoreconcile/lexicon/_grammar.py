"""Matching a phrase against a lexicon's tables: the grammar of quantities, counts and dates.

A phrase is normalised (see ``normalise``), then tried as an exact phrase (times of day,
relative order, fixed amounts), as a date pattern, and as a quantity:
``[qualifier] amount [~] [order word]``, and as a 12-hour clock time ("11 p.m."), where the amount is a fixed amount, "N units" with N
in digits or words ("six", "twenty five", "two and a half"), a compact duration ("5h30m"), or
a vague count and a unit ("a few hours"). Bounds are widened outward to the microsecond.

May import: ``_errors``, ``_units``, ``_durations``, the lexicon's ``_entries`` and ``_reading``,
the standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from math import ceil, floor
from typing import cast

from .._durations import parse_duration
from .._errors import ParseError
from .._units import DAY_US, MINUTE_US, days_in_month
from ._entries import (
    PLACEHOLDERS,
    Amount,
    Count,
    DatePattern,
    Entry,
    Quantity,
    Relative,
    Tables,
    TimeOfDay,
    normalise,
)
from ._reading import Order, Reading

__all__ = ["Index", "build_index", "match"]

_LIMIT = 10**4 * 366 * DAY_US
_MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
)
_MONTHS += ("september", "october", "november", "december")
_MONTH_NUMBERS = {name: i for i, name in enumerate(_MONTHS, 1)}
_MONTH_NUMBERS |= {name[:3]: i for i, name in enumerate(_MONTHS, 1)} | {"sept": 9}
_ORDINALS: tuple[str, ...] = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
)
_ORDINALS += ("ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth")
_ORDINALS += ("sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first")
_ORDINAL_NUMBERS = {name: i for i, name in enumerate(_ORDINALS, 1)}
_GROUPS = {
    "YEAR": r"(?P<year>[0-9]{3,4})",
    "MONTH": "(?P<month>" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + ")",
    "DECADE": r"(?P<decade>[0-9]{2,3}0)s",
    "CENTURY": r"(?P<century>[0-9]{1,2}(?:st|nd|rd|th)|" + "|".join(_ORDINALS) + ")",
}
_CLOCK = re.compile(r"(?:at )?(?P<h>[0-9]{1,2})(?::(?P<mi>[0-9]{2}))? ?(?P<half>[ap]) ?m")
_DIGITS = re.compile(r"([0-9]{1,9}(?:\.[0-9]{1,6})?) ?([a-z]+)")


@dataclass(frozen=True, slots=True)
class Index:
    """A lexicon's tables arranged for matching; built once per lexicon."""

    exact: dict[str, Entry]
    quantities: tuple[tuple[str, Quantity], ...]
    counts: tuple[tuple[str, Count], ...]
    dates: tuple[tuple[re.Pattern[str], DatePattern], ...]
    times: dict[str, TimeOfDay]
    numbers: dict[str, int]
    units: dict[str, int]
    orders: dict[str, str]
    bare: Quantity
    approximate: Quantity
    spellings: tuple[str, ...]


def build_index(tables: Tables) -> Index:
    """The matching index of checked ``tables``."""
    exact: dict[str, Entry] = {}
    quantities, counts, dates, spellings = [], [], [], []
    for entry in tables.entries:
        spellings.append(normalise(entry.example)[:60])
        for spelling in (entry.phrase, *entry.aliases):
            if isinstance(entry, Quantity):
                quantities.append((normalise(spelling), entry))
            elif isinstance(entry, Count):
                counts.append((normalise(spelling), entry))
            elif isinstance(entry, DatePattern):
                dates.append((_pattern(spelling), entry))
            else:
                exact[normalise(spelling)] = entry
                spellings.append(normalise(spelling)[:60])
    by_name = {normalise(q.phrase): q for _, q in quantities}
    assert tables.bare is not None and tables.approximate_mark is not None
    return Index(
        exact=exact,
        quantities=tuple(sorted(quantities, key=lambda p: -len(p[0]))),
        counts=tuple(sorted(counts, key=lambda p: -len(p[0]))),
        dates=tuple(dates),
        times={k: e for k, e in exact.items() if isinstance(e, TimeOfDay)},
        numbers=dict(tables.number_words),
        units=dict(tables.units),
        orders=dict(tables.order_words),
        bare=by_name[normalise(tables.bare)],
        approximate=by_name[normalise(tables.approximate_mark)],
        spellings=tuple(dict.fromkeys(spellings)),
    )


def match(phrase: str, key: str, index: Index) -> Reading | None:
    """The reading of ``phrase`` (normalised as ``key``), or None if no entry reads it."""
    entry = index.exact.get(key)
    if isinstance(entry, TimeOfDay):
        return Reading(phrase, "time-of-day", _rule(entry), entry.start, entry.end, True, False)
    if isinstance(entry, Relative):
        return _relative(phrase, entry, index)
    for pattern, date in index.dates:
        found = pattern.fullmatch(key)
        if found:
            return _date(phrase, date, found)
    clock = _CLOCK.fullmatch(key)
    if clock:
        return _clock(phrase, clock)
    return _quantity(phrase, key, index)


def _clock(phrase: str, found: re.Match[str]) -> Reading:
    """A clock time written with a.m. or p.m.: that minute ("11 p.m." is 23:00 to 23:01)."""
    hour, minute = int(found["h"]), int(found["mi"] or 0)
    if not 1 <= hour <= 12 or minute > 59:
        raise ParseError(phrase, "a 12-hour clock time runs from 1:00 to 12:59")
    hour = hour % 12 + (12 if found["half"] == "p" else 0)
    start = (hour * 60 + minute) * MINUTE_US
    rule = "H a.m./p.m. = that clock time, to the minute (12 a.m. is midnight, 12 p.m. noon)"
    return Reading(phrase, "time-of-day", rule, start, start + MINUTE_US, True, False)


def _rule(entry: Entry) -> str:
    return f"{entry.phrase} = {entry.rule}"


def _relative(phrase: str, entry: Relative, index: Index) -> Reading:
    tod = None
    if entry.time_of_day is not None:
        t = index.times[normalise(entry.time_of_day)]
        tod = (t.start, t.end)
    order = None if entry.order == "either" else cast(Order, entry.order)
    same = order is None and entry.day_offset == 0 and entry.lower is None and tod is None
    return Reading(
        phrase, "same-date" if same else "relative", _rule(entry), entry.lower, entry.upper,
        entry.lower_closed, entry.upper_closed, order, entry.day_offset, tod,
    )  # fmt: skip


def _pattern(spelling: str) -> re.Pattern[str]:
    text = spelling
    for i, name in enumerate(PLACEHOLDERS):
        text = text.replace(name, f"§{i}")
    text = re.escape(normalise(text))
    for i, name in enumerate(PLACEHOLDERS):
        text = text.replace(f"§{i}", _GROUPS[name])
    return re.compile(text)


def _date(phrase: str, entry: DatePattern, found: re.Match[str]) -> Reading:
    groups = found.groupdict()
    if groups.get("century"):
        word = groups["century"]
        number = _ORDINAL_NUMBERS.get(word) or int(word[:-2])
        if number < 1:
            raise ParseError(phrase, "centuries are counted from the first")
        year = (number - 1) * 100
    else:
        year = int(groups.get("year") or groups["decade"])
    if groups.get("month"):
        month = _MONTH_NUMBERS[groups["month"]]
        length = days_in_month(year, month)
        first_day, last_day = entry.days or (1, length)
        if first_day > length:
            raise ParseError(phrase, f"{_MONTHS[month - 1]} {year} has only {length} days")
        first, last = (year, month, first_day), (year, month, min(last_day, length))
    elif entry.months is not None:
        lo, hi = entry.months
        first, last = (year, lo, 1), (year, hi, days_in_month(year, hi))
    else:
        first, last = (year + entry.years[0], 1, 1), (year + entry.years[1], 12, 31)
    return Reading(phrase, "date", _rule(entry), first_date=first, last_date=last)


def _quantity(phrase: str, key: str, index: Index) -> Reading | None:
    order = None
    head, _, last = key.rpartition(" ")
    if head and last in index.orders:
        order, key = index.orders[last], head
    marked = key.endswith("~")
    key = key.removesuffix("~").rstrip()
    qualifier = None
    for spelling, q in index.quantities:
        if key.startswith(spelling + " "):
            qualifier, key = q, key[len(spelling) + 1 :]
            break
    if marked and qualifier is not None:
        raise ParseError(phrase, f"both {qualifier.phrase!r} and '~' qualify it; write one")
    for spelling, count in index.counts:
        unit = index.units.get(key[len(spelling) + 1 :]) if key.startswith(spelling + " ") else None
        if unit is not None:
            if qualifier is not None or marked:
                raise ParseError(
                    phrase, f"{count.phrase!r} is already vague; it takes no qualifier"
                )
            rule = _rule(count)
            return _duration(
                phrase, count.lower * unit, count.upper * unit, True, True, order, rule
            )
    amount = _amount(key, index)
    if amount is None:
        return None
    value, amount_rule = amount
    q = qualifier or (index.approximate if marked else index.bare)
    rule = ("~ = " if marked else "") + _rule(q) + (f"; {amount_rule}" if amount_rule else "")
    lower = max(0, floor(value * (100 + q.lower_percent) / 100))
    upper = ceil(value * (100 + q.upper_percent) / 100)
    return _duration(phrase, lower, upper, q.lower_closed, q.upper_closed, order, rule)


def _duration(
    phrase: str, lower: int, upper: int, lc: bool, uc: bool, order: str | None, rule: str
) -> Reading:
    if upper > _LIMIT:
        raise ParseError(phrase, "a duration longer than 10,000 years is out of range")
    if lower > upper or (lower == upper and not (lc and uc)):
        raise ParseError(phrase, f"it reads as an empty range ({rule})")
    return Reading(phrase, "duration", rule, lower, upper, lc, uc, cast("Order | None", order))


def _amount(key: str, index: Index) -> tuple[Fraction, str] | None:
    """The amount a quantity names, in microseconds, with the rule of a fixed amount."""
    entry = index.exact.get(key)
    if isinstance(entry, Amount):
        return Fraction(entry.micros), _rule(entry)
    half = Fraction(0)
    if key.endswith(" and a half") and key.count(" ") > 3:  # "a day and a half"
        key, half = key.removesuffix(" and a half"), Fraction(1, 2)
    head, _, word = key.rpartition(" ")
    if head and word in index.units:
        number = _number(head, index)
        if number is not None:
            return (number + half) * index.units[word], ""
    if half:
        return None
    glued = _DIGITS.fullmatch(key)
    if glued and glued[2] in index.units:
        return Fraction(glued[1]) * index.units[glued[2]], ""
    if (key and key[0].isdigit()) or key.startswith("pt"):
        try:
            micros = parse_duration(key)
        except ParseError:
            return None
        return Fraction(micros), ""
    return None


def _number(text: str, index: Index) -> Fraction | None:
    """A count in digits or words: "6", "2.5", "six", "twenty five", "two and a half"."""
    if re.fullmatch(r"[0-9]{1,9}(?:\.[0-9]{1,6})?", text):
        return Fraction(text)
    head, sep, _ = text.partition(" and a half")
    if sep and text.endswith(" and a half"):
        whole = _number(head, index)
        return None if whole is None else whole + Fraction(1, 2)
    words = text.split(" ")
    values = [index.numbers.get(w) for w in words]
    if len(words) == 1:
        return None if values[0] is None else Fraction(values[0])
    if len(words) == 2:
        tens, ones = values
        if tens is None or ones is None:
            return None
        if tens in (20, 30, 40, 50, 60, 70, 80, 90) and 0 < ones < 10:
            return Fraction(tens + ones)
        if words[0] in ("a", "an") and ones >= 10:
            return Fraction(ones)
    return None
