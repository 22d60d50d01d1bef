"""The lexicon's entries: one frozen value per table row, and the normalisation of phrases.

May import: the standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "MAX_ENTRIES",
    "MAX_TEXT",
    "PLACEHOLDERS",
    "TABLES",
    "Amount",
    "Count",
    "DatePattern",
    "Entry",
    "Quantity",
    "Relative",
    "Tables",
    "TimeOfDay",
    "normalise",
]

TABLES = {
    "quantity": "qualifiers of a quantity",
    "count": "vague counts",
    "amount": "fixed amounts",
    "time_of_day": "times of day",
    "relative": "relative order",
    "date": "dates",
}
PLACEHOLDERS = ("YEAR", "MONTH", "DECADE", "CENTURY")
MAX_ENTRIES = 5_000
MAX_TEXT = 200
MAX_ENTRIES = 5_000


def normalise(text: str) -> str:
    """Lower case, hyphens as spaces, one space between words, no full stops (but in numbers)
    and no trailing comma.

    >>> normalise("  Mid-August   1945. "), normalise("c. 2.5 hours")
    ('mid august 1945', 'c 2.5 hours')
    """
    text = re.sub(r"\.(?![0-9])", "", text.replace("-", " ").lower())
    return re.sub(r"\s+", " ", text).strip().rstrip(",;").strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """What every entry has: its phrase and other spellings, its rule, rationale and example."""

    table: str
    phrase: str
    aliases: tuple[str, ...]
    rule: str
    rationale: str
    example: str


@dataclass(frozen=True, slots=True)
class Quantity(Entry):
    """A qualifier before "N units": the bounds as signed percentages of N."""

    lower_percent: Fraction
    upper_percent: Fraction
    lower_closed: bool
    upper_closed: bool


@dataclass(frozen=True, slots=True)
class Count(Entry):
    """A vague count before a unit: "a few hours" is ``lower`` to ``upper`` hours."""

    lower: int
    upper: int


@dataclass(frozen=True, slots=True)
class Amount(Entry):
    """A fixed amount written in words: "half an hour" is 30 minutes."""

    micros: int


@dataclass(frozen=True, slots=True)
class TimeOfDay(Entry):
    """Local times ``[start, end)`` in microseconds after midnight; ``end`` may pass a day."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Relative(Entry):
    """The second event against the first: order, gap bounds, local date offset, time of day."""

    order: str
    lower: int | None
    upper: int | None
    lower_closed: bool
    upper_closed: bool
    day_offset: int | None
    time_of_day: str | None


@dataclass(frozen=True, slots=True)
class DatePattern(Entry):
    """A date pattern over YEAR, MONTH, DECADE or CENTURY, and the days it covers."""

    years: tuple[int, int]
    months: tuple[int, int] | None
    days: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Tables:
    """A whole lexicon file's content (a user file may leave any part out)."""

    bare: str | None
    approximate_mark: str | None
    number_words: tuple[tuple[str, int], ...]
    units: tuple[tuple[str, int], ...]
    order_words: tuple[tuple[str, str], ...]
    entries: tuple[Entry, ...]
