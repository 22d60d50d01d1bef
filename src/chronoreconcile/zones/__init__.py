"""Zones: IANA ids with their full tzdata history, fixed offsets, and zones of record.

The only part of the library that touches tzdata, TZif bytes or pendulum's zone
machinery. Its parts, lowest first:

- ``_common``: the range of seconds a datetime covers, the tzinfo for a fixed offset;
- ``_offsets``: offset text read and written ("+05:45", "UTC-10:30");
- ``_posix``: POSIX TZ footer rules, one type per kind of rule date;
- ``_tzif``: TZif files read into arrays;
- ``_tzdata``: the tzdata package (release, links, available ids, suggestions);
- ``_sources``: which zone data a call uses (the package, the bundled backzone build, a
  directory), the process-wide default, and the check on zone names;
- ``_ambiguity``: the three answers to "what is this local time here": Unambiguous, Fold, Gap;
- ``_zone``: the Zone type and its one ``ambiguity(local)`` answer;
- ``_disambiguate``: the one ``disambiguate()`` and ``check_disambiguation()``;
- ``_lookup``: ``get_zone`` with its cache, fixed zones and zones of record, and the
  HistoryWarning for merged zones before 1970;
- ``_abbreviations``: ``resolve_abbreviation``, read from the zone data's own records.

May import: the standard library, pendulum, tzdata, ``.._errors`` and ``.._units``;
every module above this package imports it through this ``__init__`` only.
"""

from __future__ import annotations

from ._abbreviations import Candidate, Region, read_abbreviation, resolve_abbreviation
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
from ._sources import (
    BACKZONE,
    ZoneData,
    check_zone_name,
    default_zone_data,
    manifest,
    resolve_zone_data,
    set_default_zone_data,
    tzdata_version,
)
from ._tzdata import available_zones, canonical_zones, link_target
from ._tzif import TzifData, read_tzif
from ._zone import Zone, ZoneKind, history_scope

__all__ = [
    "BACKZONE",
    "DISAMBIGUATIONS",
    "MAX_SECONDS",
    "MIN_SECONDS",
    "OFFSET_OPTIONS",
    "Ambiguity",
    "Candidate",
    "Disambiguation",
    "Fold",
    "Gap",
    "JulianDay",
    "MonthWeekDay",
    "OffsetOption",
    "PosixRule",
    "Region",
    "RuleDate",
    "TzifData",
    "Unambiguous",
    "ZeroBasedDay",
    "Zone",
    "ZoneData",
    "ZoneKind",
    "ZoneLike",
    "available_zones",
    "aware_seconds",
    "canonical_zones",
    "check_disambiguation",
    "check_offset_option",
    "check_zone_name",
    "default_zone_data",
    "disambiguate",
    "fixed_zone",
    "format_offset",
    "get_zone",
    "history_scope",
    "link_target",
    "manifest",
    "parse_offset",
    "parse_posix",
    "read_abbreviation",
    "read_tzif",
    "resolve_abbreviation",
    "resolve_zone_data",
    "set_default_zone_data",
    "tzdata_version",
    "zone_of_record",
]
