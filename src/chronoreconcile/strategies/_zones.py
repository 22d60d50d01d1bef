"""Strategies for zone names, offsets, instants and local times near real transitions.

Uniform draws almost never land in a gap or a fold (3,000 uniform local times hit none),
so the ``near_*`` strategies start from a real transition of a real zone, taken from the
library's own ``Zone.transitions``, and add a few hours of jitter. Half of their draws
come from the recorded history (up to 2037), half from the whole range, so the POSIX rule
that describes later years is exercised too without crowding out the history.

May import: hypothesis and the package's public names (``chronoreconcile``).
"""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from hypothesis import strategies as st

import chronoreconcile as cr

__all__ = [
    "ABBREVIATION_IDS",
    "REFUSED_ZONE_IDS",
    "any_zone_history",
    "fixed_offsets",
    "instants",
    "instants_near_transitions",
    "local_times",
    "local_times_near_transitions",
    "repeated_local_times",
    "skipped_local_times",
    "transitions_of",
    "utc_ranges",
    "zone_names",
]

UTC = dt.UTC
_EPOCH = dt.datetime(1970, 1, 1)
_HOUR = 3600

# Zone ids get_zone refuses. The legacy ids that read like abbreviations (CET, MET, EET,
# WET, EST, MST, HST) were refused until issue 10; they are now the zones tzdata defines
# (links to a city since 2024b), with a HistoryWarning before 1970, so none is left out.
REFUSED_ZONE_IDS: frozenset[str] = frozenset()
ABBREVIATION_IDS = frozenset({"CET", "MET", "EET", "WET", "EST", "MST", "HST"})

# Properties that hold under any zone history draw merged zones (Europe/Amsterdam, ...)
# before 1970 too, where the library gives a HistoryWarning; those tests wear this mark.
# The warning itself is pinned in tests/test_history.py.
any_zone_history = pytest.mark.filterwarnings("ignore::chronoreconcile.HistoryWarning")

# The years the instant and local-time strategies cover.
FIRST_YEAR = 1800
LAST_YEAR = 2200
# tzdata's explicit history ends in 2037 in "fat" files; after it the POSIX rule speaks.
_HISTORY_END_YEAR = 2037


def _year_seconds(year: int) -> int:
    return (dt.date(year, 1, 1).toordinal() - _EPOCH.toordinal()) * 86400


@functools.cache
def _zone_name_list() -> tuple[str, ...]:
    return tuple(sorted(cr.available_zones() - REFUSED_ZONE_IDS))


def zone_names() -> st.SearchStrategy[str]:
    """Every IANA id in the tzdata package that the library accepts, links included."""
    return st.sampled_from(_zone_name_list())


@functools.cache
def transitions_of(
    zone: str, first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR
) -> tuple[tuple[int, int, int], ...]:
    """(UTC seconds, offset before, offset after) of each offset change in those years."""
    found = cr.get_zone(zone).transitions(_year_seconds(first_year), _year_seconds(last_year + 1))
    return tuple(found)


@st.composite
def fixed_offsets(draw: st.DrawFn) -> str:
    """Fixed offsets as a document writes them: "+10:00", "UTC-10:30", "UTC+05:45", "-03:30"."""
    prefix = draw(st.sampled_from(["", "UTC", "GMT"]))
    sign = draw(st.sampled_from("+-"))
    hours = draw(st.integers(0, 14))
    minutes = draw(st.one_of(st.sampled_from([0, 30, 45, 15]), st.integers(0, 59)))
    return f"{prefix}{sign}{hours:02d}:{minutes:02d}"


def instants() -> st.SearchStrategy[dt.datetime]:
    """Aware UTC datetimes in the years 1800..2200."""
    return st.datetimes(
        min_value=dt.datetime(FIRST_YEAR, 1, 1),
        max_value=dt.datetime(LAST_YEAR, 12, 31, 23, 59, 59, 999999),
        timezones=st.just(UTC),
    )


def local_times() -> st.SearchStrategy[dt.datetime]:
    """Naive local times in the years 1800..2200."""
    return st.datetimes(
        min_value=dt.datetime(FIRST_YEAR, 1, 1),
        max_value=dt.datetime(LAST_YEAR, 12, 31, 23, 59, 59, 999999),
    )


def _microseconds() -> st.SearchStrategy[int]:
    # Mostly whole seconds, as records are; sometimes a fraction.
    return st.one_of(st.just(0), st.integers(0, 999_999))


@st.composite
def _transitions(
    draw: st.DrawFn,
    zones: st.SearchStrategy[str] | None,
    first_year: int,
    last_year: int,
    kind: str = "any",
) -> tuple[str, int, int, int]:
    def wanted(change: tuple[int, int, int]) -> bool:
        _, before, after = change
        return kind == "any" or (after > before) == (kind == "gap")

    def has_some(zone: str) -> bool:
        return any(wanted(c) for c in transitions_of(zone, first_year, last_year))

    zone = draw((zones if zones is not None else zone_names()).filter(has_some))
    every = [c for c in transitions_of(zone, first_year, last_year) if wanted(c)]
    history_end = _year_seconds(_HISTORY_END_YEAR + 1)
    history = [t for t in every if t[0] < history_end] or list(every)
    t, before, after = draw(st.one_of(st.sampled_from(history), st.sampled_from(every)))
    return zone, t, before, after


@st.composite
def instants_near_transitions(
    draw: st.DrawFn,
    zone_names: st.SearchStrategy[str] | None = None,
    *,
    first_year: int = FIRST_YEAR,
    last_year: int = LAST_YEAR,
) -> tuple[str, dt.datetime]:
    """(zone name, aware UTC instant) within a few hours of a real transition of that zone."""
    zone, t, before, after = draw(_transitions(zone_names, first_year, last_year))
    reach = 4 * _HOUR + abs(after - before)
    jitter = draw(st.integers(-reach, reach))
    micro = draw(_microseconds())
    instant = (_EPOCH + dt.timedelta(seconds=t + jitter, microseconds=micro)).replace(tzinfo=UTC)
    return zone, instant


@st.composite
def local_times_near_transitions(
    draw: st.DrawFn,
    zone_names: st.SearchStrategy[str] | None = None,
    *,
    first_year: int = FIRST_YEAR,
    last_year: int = LAST_YEAR,
) -> tuple[str, dt.datetime]:
    """(zone name, naive local time) within a few hours of a real transition of that zone.

    A third of the draws fall inside the transition's gap or fold itself (however long it
    is: Kiritimati skipped a whole day), the rest within four hours of the local time on
    either side of the change.
    """
    zone, t, before, after = draw(_transitions(zone_names, first_year, last_year))
    low, high = min(before, after), max(before, after)
    inside = st.integers(low, high - 1)
    near = st.tuples(st.sampled_from((before, after)), st.integers(-4 * _HOUR, 4 * _HOUR)).map(sum)
    shift = draw(st.one_of(inside, near, near))
    micro = draw(_microseconds())
    return zone, _EPOCH + dt.timedelta(seconds=t + shift, microseconds=micro)


@st.composite
def _inside_changes(
    draw: st.DrawFn, kind: str, zone_names: st.SearchStrategy[str] | None
) -> tuple[str, dt.datetime]:
    zone, t, before, after = draw(_transitions(zone_names, FIRST_YEAR, LAST_YEAR, kind))
    shift = draw(st.integers(min(before, after), max(before, after) - 1))
    micro = draw(_microseconds())
    return zone, _EPOCH + dt.timedelta(seconds=t + shift, microseconds=micro)


def skipped_local_times(
    zone_names: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[tuple[str, dt.datetime]]:
    """(zone name, naive local time) inside the gap of a real transition where clocks jumped
    forward. Another transition close by can still make such a time exist; tests check."""
    return _inside_changes("gap", zone_names)


def repeated_local_times(
    zone_names: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[tuple[str, dt.datetime]]:
    """(zone name, naive local time) inside the fold of a real transition where clocks went
    back, so that it was shown twice."""
    return _inside_changes("fold", zone_names)


_MINUTE_US = 60 * 10**6
# 0001-01-01T00:00Z and 9999-12-31T00:00Z in microseconds since the epoch: what datetime shows.
_FIRST_US, _LAST_US = -62_135_596_800_000_000, 253_402_214_400_000_000

# Widths from ten minutes (a timeline's least padding) to several millennia, drawn on a
# log scale so that minutes, days and centuries are all tried.
_widths = st.integers(1, 55).map(lambda k: int(10 * _MINUTE_US * 1.5**k))


@st.composite
def utc_ranges(draw: st.DrawFn) -> tuple[int, int]:
    """(lo, hi) microseconds, UTC, with hi - lo at least ten minutes, inside years 1..9999."""
    width = min(draw(_widths), _LAST_US - _FIRST_US - 1)
    lo = draw(st.integers(_FIRST_US, _LAST_US - width))
    return lo, lo + width
