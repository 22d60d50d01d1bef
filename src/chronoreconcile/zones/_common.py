"""What every part of the zones package counts in: the range of seconds a datetime covers.

May import: the standard library, pendulum, ``.._units`` and ``.._errors``.
"""

from __future__ import annotations

import datetime as _dt
import functools

import pendulum

from .._errors import ChronoError
from .._units import DAY_US, EPOCH_ORDINAL, SECOND_US

__all__ = ["DAY_SECONDS", "MAX_SECONDS", "MIN_SECONDS", "aware_seconds", "fixed_tzinfo", "year_of"]

DAY_SECONDS = DAY_US // SECOND_US
# The UTC seconds of 0001-01-01T00:00 and of 10000-01-01T00:00: the range datetime covers.
MIN_SECONDS = (1 - EPOCH_ORDINAL) * DAY_SECONDS
MAX_SECONDS = (_dt.date(9999, 12, 31).toordinal() + 1 - EPOCH_ORDINAL) * DAY_SECONDS


def year_of(seconds: int) -> int:
    """The (proleptic Gregorian) year in which ``seconds`` since the epoch falls."""
    return _dt.date.fromordinal(seconds // DAY_SECONDS + EPOCH_ORDINAL).year


def aware_seconds(instant: _dt.datetime) -> int:
    """Whole UTC seconds since the epoch of an aware datetime (microseconds dropped)."""
    off = instant.utcoffset() if instant.tzinfo is not None else None
    if off is None:
        raise ChronoError(
            f"expected an aware instant, got the naive datetime {instant.isoformat()}"
        )
    naive = instant.replace(tzinfo=None) - off
    return (naive.toordinal() - EPOCH_ORDINAL) * DAY_SECONDS + (
        naive.hour * 3600 + naive.minute * 60 + naive.second
    )


@functools.lru_cache(maxsize=512)
def fixed_tzinfo(offset: int, name: str | None = None) -> _dt.tzinfo:
    """pendulum's fixed-offset tzinfo, made once per (offset, name)."""
    return pendulum.FixedTimezone(offset, name=name)
