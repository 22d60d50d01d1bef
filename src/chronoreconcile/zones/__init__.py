"""Zones: IANA ids with their full tzdata history, fixed offsets, and zones of record.

The only part of the library that touches tzdata, TZif bytes or pendulum's zone
machinery. Its parts, lowest first:

- ``_common``: the range of seconds a datetime covers, the tzinfo for a fixed offset;
- ``_offsets``: offset text read and written ("+05:45", "UTC-10:30");
- ``_posix``: POSIX TZ footer rules, one type per kind of rule date;
- ``_tzif``: TZif files read into arrays;
- ``_tzdata``: the tzdata package (release, links, available ids, suggestions);
- ``_ambiguity``: the three answers to "what is this local time here": Unambiguous, Fold, Gap;
- ``_zone``: the Zone type and its one ``ambiguity(local)`` answer;
- ``_disambiguate``: the one ``disambiguate()`` and ``check_disambiguation()``;
- ``_lookup``: ``get_zone`` with its cache, fixed zones and zones of record.

May import: the standard library, pendulum, tzdata, ``.._errors`` and ``.._units``;
every module above this package imports it through this ``__init__`` only.
"""

from __future__ import annotations

from ._ambiguity import Ambiguity, Fold, Gap, Unambiguous
from ._common import MAX_SECONDS, MIN_SECONDS, aware_seconds
from ._disambiguate import (
    DISAMBIGUATIONS,
    OFFSET_OPTIONS,
    Disambiguation,
    OffsetOption,
    check_disambiguation,
    check_offset_option,
    disambiguate,
)
from ._lookup import ZoneLike, fixed_zone, get_zone, zone_of_record
from ._offsets import format_offset, parse_offset
from ._posix import JulianDay, MonthWeekDay, PosixRule, RuleDate, ZeroBasedDay, parse_posix
from ._tzdata import available_zones, link_target, tzdata_version
from ._tzif import TzifData, read_tzif
from ._zone import Zone, ZoneKind

__all__ = [
    "DISAMBIGUATIONS",
    "MAX_SECONDS",
    "MIN_SECONDS",
    "OFFSET_OPTIONS",
    "Ambiguity",
    "Disambiguation",
    "Fold",
    "Gap",
    "JulianDay",
    "MonthWeekDay",
    "OffsetOption",
    "PosixRule",
    "RuleDate",
    "TzifData",
    "Unambiguous",
    "ZeroBasedDay",
    "Zone",
    "ZoneKind",
    "ZoneLike",
    "available_zones",
    "aware_seconds",
    "check_disambiguation",
    "check_offset_option",
    "disambiguate",
    "fixed_zone",
    "format_offset",
    "get_zone",
    "link_target",
    "parse_offset",
    "parse_posix",
    "read_tzif",
    "tzdata_version",
    "zone_of_record",
]
