"""The timeline's scales: UTC ticks at a step chosen from the range, and local midnights per zone.

Ticks fall on round values (every 15 minutes, 3 hours, 1 day, 1 month, 10 years...) so that
a reader can count along the axis; the step is the finest one that leaves room between
labels. Local midnights are where a zone's date changes: the line that puts an event on 8
or on 9 August depending on the place.

May import: the standard library, ``_units``, the sibling ``times`` module and the public
names of the package.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import chronoreconcile as cr

from .._units import DAY_US, EPOCH, HOUR_US, MINUTE_US, SECOND_US
from .times import naive

if TYPE_CHECKING:
    from .. import Zone

__all__ = ["Midnight", "Tick", "day_label", "local_midnights", "ticks"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Steps that divide a day evenly, so ticks counted from the epoch fall on round clock times.
_FIXED = (
    [s * MINUTE_US for s in (1, 2, 5, 10, 15, 30)]
    + [h * HOUR_US for h in (1, 2, 3, 6, 12)]
    + [d * DAY_US for d in (1, 2, 7, 14)]
)
_MONTH_STEPS = (1, 3, 6)
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)


@dataclass(frozen=True, slots=True)
class Tick:
    """One axis tick: its instant, the clock or date under it, and a date line when the day changes."""

    at: int
    label: str
    date: str


@dataclass(frozen=True, slots=True)
class Midnight:
    """A zone's date boundary: the instant its local ``date`` began."""

    at: int
    date: _dt.date


def _day(t: _dt.datetime | _dt.date) -> str:
    return f"{t.day} {_MONTHS[t.month - 1]} {t.year}"


def _micros(t: _dt.datetime) -> int:
    return (t - EPOCH) // _dt.timedelta(microseconds=1)


def ticks(lo: int, hi: int, max_ticks: int) -> list[Tick]:
    """Round ticks across ``[lo, hi]`` (microseconds, UTC), at most ``max_ticks`` of them."""
    span = max(hi - lo, 1)
    for step in _FIXED:
        if span / step <= max_ticks:
            return _fixed_ticks(lo, hi, step)
    years = span / (365.2425 * DAY_US)
    for months in _MONTH_STEPS:
        if years * 12 / months <= max_ticks:
            return _month_ticks(lo, hi, months)
    for step_years in _YEAR_STEPS:
        if years / step_years <= max_ticks:
            return _month_ticks(lo, hi, 12 * step_years)
    return _month_ticks(lo, hi, 12 * 1000 * (int(years / max_ticks / 1000) + 1))


def _fixed_ticks(lo: int, hi: int, step: int) -> list[Tick]:
    out = []
    at = -(-lo // step) * step
    last_day = None
    while at <= hi:
        t = naive(at)
        if step >= DAY_US:
            label, date = f"{t.day} {_MONTHS[t.month - 1]}", ""
            if last_day is None or t.year != last_day.year:
                date = str(t.year)
        else:
            label = t.time().isoformat(timespec="seconds" if step < MINUTE_US else "minutes")
            date = _day(t) if last_day is None or t.date() != last_day.date() else ""
        out.append(Tick(at, label, date))
        last_day = t
        at += step
    return out


def _month_ticks(lo: int, hi: int, months: int) -> list[Tick]:
    start = naive(lo)
    # The first month boundary at or after lo that is a multiple of the step.
    index = start.year * 12 + start.month - 1
    if start != _dt.datetime(start.year, start.month, 1):
        index += 1
    index = -(-index // months) * months
    out = []
    while True:
        year, month = divmod(index, 12)
        if not 1 <= year <= 9999:
            break
        at = _micros(_dt.datetime(year, month + 1, 1))
        if at > hi:
            break
        label = str(year) if months % 12 == 0 else f"{_MONTHS[month]} {year}"
        out.append(Tick(at, label, ""))
        index += months
    return out


def local_midnights(zone: Zone, lo: int, hi: int, limit: int = 400) -> list[Midnight]:
    """The instants in ``[lo, hi]`` at which ``zone``'s local date changed, at most ``limit``.

    A skipped midnight (a zone that sprang forward at 00:00) begins its day at the first
    local time that existed. More than ``limit`` dates give an empty list: the days are too
    short at that scale to mark.
    """
    off_lo = zone.period_at(lo // SECOND_US)[0] * SECOND_US
    off_hi = zone.period_at(hi // SECOND_US)[0] * SECOND_US
    first = naive(lo + off_lo).date()
    last = naive(hi + off_hi).date() + _dt.timedelta(days=1)
    if (last - first).days > limit:
        return []
    out: list[Midnight] = []
    day = first
    while day <= last:
        try:
            at = cr.to_instant(f"{day.isoformat()}T00:00", zone, disambiguation="compatible")
        except cr.ChronoError:
            # Before a zone of record begins, it has no midnights to mark.
            day += _dt.timedelta(days=1)
            continue
        # pendulum's differences are Intervals; count on a plain datetime (see DESIGN.md).
        plain = _dt.datetime(
            at.year, at.month, at.day, at.hour, at.minute, at.second, at.microsecond
        )
        micros = _micros(plain)
        if out and out[-1].at == micros:
            # A skipped day (Kiritimati's 31 Dec 1994) begins where the next one does.
            out[-1] = Midnight(micros, day)
        elif lo <= micros <= hi:
            out.append(Midnight(micros, day))
        day += _dt.timedelta(days=1)
    return out


def day_label(date: _dt.date, width: float, char_px: float) -> str:
    """The longest of "8 Aug 1945", "8 Aug", "8" that fits ``width`` pixels, or ""."""
    for text in (_day(date), f"{date.day} {_MONTHS[date.month - 1]}", str(date.day)):
        if len(text) * char_px + 6 <= width:
            return text
    return ""
