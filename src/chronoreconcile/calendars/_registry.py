"""The registry: every calendar chronoreconcile knows, found by name.

This is the one place that maps a calendar's name to its object; everything else asks the
object.  The order of ``CALENDARS`` is the order error messages list them in, and the order
``detect_calendar`` tries the calendars' marks in.

May import: chronoreconcile._errors, chronoreconcile._units and the calendar modules.
"""

from __future__ import annotations

from chronoreconcile._errors import check_choice

from ._base import Calendar
from ._civil import GREGORIAN, JULIAN
from ._japanese import JAPANESE
from ._julian_march import JULIAN_MARCH
from ._minguo import MINGUO

__all__ = ["CALENDARS", "calendar_names", "check_calendar", "get_calendar", "marked", "registered"]

_REGISTERED: tuple[Calendar, ...] = (GREGORIAN, JULIAN, JULIAN_MARCH, JAPANESE, MINGUO)
_BY_NAME: dict[str, Calendar] = {
    name: calendar for calendar in _REGISTERED for name in (calendar.name, *calendar.aliases)
}

_MARKED = tuple(calendar for calendar in _REGISTERED if calendar.has_marks)

CALENDARS: tuple[str, ...] = tuple(calendar.name for calendar in _REGISTERED)


def registered() -> tuple[Calendar, ...]:
    """Every calendar object, in the order of ``CALENDARS``."""
    return _REGISTERED


def marked() -> tuple[Calendar, ...]:
    """The calendars whose dates open with a mark (an era name), in the order of ``CALENDARS``."""
    return _MARKED


def calendar_names() -> tuple[str, ...]:
    """The names of the calendars chronoreconcile knows, in a fixed order.

    >>> calendar_names()
    ('gregorian', 'julian', 'julian-march', 'japanese', 'minguo')
    """
    return CALENDARS


def get_calendar(name: str) -> Calendar:
    """The calendar called ``name``; a ChronoError naming the known calendars if there is none.

    >>> get_calendar("julian-march")
    <calendar 'julian-march'>
    """
    try:
        return _BY_NAME[name]
    except (KeyError, TypeError):  # TypeError: an unhashable value
        pass
    # Outside the except clause, so that the error does not chain the KeyError.
    check_choice("calendar", name, CALENDARS)  # raises, listing the calendars
    raise AssertionError(name)  # pragma: no cover - check_choice has raised


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
    get_calendar(name)
    return name
