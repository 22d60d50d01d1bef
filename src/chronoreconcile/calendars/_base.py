"""What every calendar is: the ``Calendar`` base class, the fields of a date, shared readers.

A calendar is one object (registered by name in ``_registry``) that answers every question
the package asks about its dates: whether fields make a date (``problem``), which days a date
covers (``span``), how it is written (``label``), which date a day is (``from_ordinal``), and
how a date is read from text (``read``).  Callers never compare calendar names; they ask the
calendar object.

May import: chronoreconcile._errors, chronoreconcile._units and ``_days``.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import NamedTuple, Protocol

from chronoreconcile._errors import ChronoError, ParseError

__all__ = [
    "ASCII_DIGITS",
    "Calendar",
    "DateFields",
    "Fields",
    "Hint",
    "dotted_label",
    "read_digits",
    "read_numeric",
]

ASCII_DIGITS = re.compile(r"[0-9]+")

# A reader's way to ask, only when it fails, whether the text looks like another calendar's
# date ("; it looks like a japanese date: pass calendar='japanese'", or "").
Hint = Callable[[], str]


class Fields(Protocol):
    """The fields of a date in its calendar's own numbering (a CalendarDate has them)."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...
    @property
    def era(self) -> str | None: ...
    @property
    def dual(self) -> bool: ...


class DateFields(NamedTuple):
    """Fields a calendar has read or computed, before they become a CalendarDate."""

    year: int
    month: int | None
    day: int | None
    era: str | None = None
    dual: bool = False


def dotted_label(year_text: str, month: int | None, day: int | None) -> str:
    """A date as "1945-08-15", "Shōwa 20-08" or "1648/9": the year as given, then -MM-DD."""
    text = year_text
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


class Calendar(ABC):
    """One calendar: its name, the days it writes, and its dates' rules, spans and texts.

    ``first`` and ``end`` are the half-open ordinals of the days the calendar writes with
    four-digit years.  ``era`` is the era every date of the calendar carries when it has a
    single one ("Minguo"), and None otherwise.
    """

    name: str
    aliases: tuple[str, ...] = ()
    era: str | None = None
    # Whether a year-precision date may be marked dual ("1648/9"): julian-march only.
    writes_dual_years = False
    # Whether its dates open with a mark (an era name) that ``opens`` recognises.
    has_marks = False
    # Whether EDTF unspecified digits ("194X", "1945-XX") are read in it: gregorian and julian.
    reads_unspecified_digits = False
    first: int
    end: int

    def __repr__(self) -> str:
        return f"<calendar {self.name!r}>"

    def problem(self, date: Fields) -> str | None:
        """Say why these fields are not a date of this calendar, or return None if they are one."""
        if date.month is None and date.day is not None:
            return "a day needs a month"
        if date.dual and (not self.writes_dual_years or date.month is not None):
            return (
                "only a year-precision julian-march date is marked dual; months and days say"
                " for themselves whether they fall in 1 January..24 March"
            )
        if date.month is not None and not 1 <= date.month <= 12:
            return f"month {date.month} does not exist (months run from 1 to 12)"
        if date.era != self.era:
            problem = self.era_problem(date.era)
            if problem is not None:
                return problem
        return self.date_problem(date)

    def era_problem(self, era: str | None) -> str | None:
        """Say why ``era``, which is not ``self.era``, is wrong; None if the calendar allows it.

        A calendar of many eras (japanese) overrides this and checks the era in
        ``date_problem``.
        """
        expected = "None" if self.era is None else repr(self.era)
        return f"era {era!r} is not one of calendar {self.name!r}; expected {expected}"

    def to_ordinal(self, date: Fields) -> int:
        """The ordinal of the first day ``date`` covers; a ChronoError if it is not a date."""
        problem = self.problem(date)
        if problem is not None:
            raise ChronoError(f"invalid {self.name} date: {problem}")
        return self.span(date)[0]

    def opens(self, text: str) -> bool:
        """Whether ``text`` opens with a mark of this calendar (an era name); most have none.

        Only a calendar with ``has_marks`` is asked.
        """
        return False

    def before_first(self) -> str:
        """Why a day before ``first`` cannot be written, after "... (Gregorian) is "."""
        first = self.label(self.from_ordinal(self.first))
        return f"before {first}, the first day calendar {self.name!r} writes"

    @abstractmethod
    def date_problem(self, date: Fields) -> str | None:
        """``problem`` after the checks every calendar shares (the month is 1..12 or None, the
        era is the calendar's own)."""

    @abstractmethod
    def span(self, date: Fields) -> tuple[int, int]:
        """The half-open ordinals of the days a valid ``date`` covers."""

    @abstractmethod
    def label(self, date: Fields) -> str:
        """A valid ``date`` as a source would write it, normalised, with the calendar's word."""

    @abstractmethod
    def from_ordinal(self, ordinal: int) -> DateFields:
        """The day-precision fields of a day in ``[first, end)``."""

    @abstractmethod
    def read(self, text: str, hint: Hint) -> tuple[DateFields, str]:
        """Read a date's fields at the start of ``text``; return them and the unread rest.

        The fields are not yet validated: the reader asks ``problem`` next.
        """


def read_digits(text: str, pos: int, what: str, sizes: tuple[int, ...]) -> tuple[int, int]:
    """Read the ASCII digits of ``what`` at ``pos``; they must be one of ``sizes`` long."""
    found = ASCII_DIGITS.match(text, pos)
    wanted = " or ".join({1: "one", 2: "two", 4: "four"}[n] for n in sizes)
    if found is None:
        raise ParseError(text, f"expected the {what} ({wanted} digits) at {text[pos:]!r}")
    if len(found.group()) not in sizes:
        raise ParseError(text, f"the {what} must have {wanted} digits, not {found.group()!r}")
    return int(found.group()), found.end()


def read_numeric(
    text: str, hint: Hint, *, dual: bool
) -> tuple[int, str | None, int | None, int | None, int]:
    """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD" (and "YYYY/Y..." when ``dual``).

    Returns the year, the second year of a dual year as written (or None), the month, the
    day, and where reading stopped.
    """
    if ASCII_DIGITS.match(text) is None:
        raise ParseError(text, "expected a four-digit year (0001 to 9999)" + hint())
    year, pos = read_digits(text, 0, "year", (4,))
    second: str | None = None
    if text.startswith("/", pos):
        if not dual:
            raise ParseError(
                text,
                "a '/' after the year: dual years such as '1648/9' need calendar"
                " 'julian-march', and dates are written YYYY-MM-DD",
            )
        found = ASCII_DIGITS.match(text, pos + 1)
        if found is None:
            raise ParseError(text, f"expected the second year of a dual year after '{year:04d}/'")
        second, pos = found.group(), found.end()
    month = day = None
    if text.startswith("-", pos):
        month, pos = read_digits(text, pos + 1, "month", (2,))
        if text.startswith("-", pos):
            day, pos = read_digits(text, pos + 1, "day", (2,))
    return year, second, month, day, pos
