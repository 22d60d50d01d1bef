"""Finding a zone: the get_zone cache, fixed offsets, and zones of record the user defines.

May import: the standard library, pendulum, ``._abbreviations``, ``._common``,
``._offsets``, ``._posix``, ``._tzif``, ``._tzdata``, ``._sources``, ``._zone``, ``.._errors``.
"""

from __future__ import annotations

import datetime as _dt
import io
import itertools
import threading
from bisect import bisect_right
from collections.abc import Iterable

import pendulum

from .._errors import ChronoError, UnknownZoneError
from ._abbreviations import resolve_abbreviation
from ._common import aware_seconds
from ._offsets import format_offset, parse_offset
from ._posix import parse_posix
from ._sources import (
    BACKZONE,
    DEFAULT_DATA,
    ZoneData,
    check_zone_name,
    data_release,
    manifest,
    resolve_zone_data,
    source_bytes,
)
from ._tzdata import ABBREVIATION_IDS, available_zones, link_target, suggest
from ._tzif import read_tzif
from ._zone import HistoryCheck, Zone

__all__ = ["ZoneLike", "fixed_zone", "get_zone", "zone_of_record"]

ZoneLike = str | Zone


def _load_iana(name: str, zone_data: str | None) -> Zone:
    data, source = source_bytes(name, zone_data)
    tzif = read_tzif(data, name)
    rule = parse_posix(tzif.footer, name) if tzif.footer else None
    tzinfo = pendulum.Timezone.from_file(io.BytesIO(data), key=name)
    target = link_target(name) if source == "tzdata" else None
    merged = source == "tzdata" and name in manifest()["zones"]
    history: HistoryCheck | None = None
    if merged and target is not None:
        history = _HistoryCheck(name, target, tzif.transitions, tzif.offsets)
    return Zone(
        name,
        "iana",
        tzif.transitions,
        tzif.offsets,
        tzif.abbreviations,
        tzif.dst,
        rule=rule,
        target=target,
        tzinfo=tzinfo,
        data_release=data_release(source, zone_data),
        merged=merged,
        history=history,
    )


class _HistoryCheck:
    """What a merged zone of the package says before 1970, against the bundled backzone data.

    Detected from the data: a warning is due only where the two give different offsets.
    """

    def __init__(self, name: str, target: str, transitions: list[int], offsets: list[int]) -> None:
        self.name = name
        self.target = target
        self._trans = transitions
        self._offs = offsets

    def __call__(self, utc: int) -> str | None:
        mine = self._offs[bisect_right(self._trans, utc)]
        theirs, abbr, _ = get_zone(self.name, zone_data=BACKZONE).period_at(utc)
        at = (_dt.datetime(1970, 1, 1) + _dt.timedelta(seconds=utc)).isoformat(timespec="minutes")
        release = data_release("tzdata")
        if self.name in ABBREVIATION_IDS:
            # What a document's abbreviation meant then, from the zone data's own records
            # (HST was UTC-10:30 in 1941); the usual meaning when the data has no record.
            instant = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC) + _dt.timedelta(seconds=utc)
            offsets = {c.offset for c in resolve_abbreviation(self.name, instant)}
            meant = (
                format_offset(offsets.pop()) if len(offsets) == 1 else ABBREVIATION_IDS[self.name]
            )
            return (
                f"zone {self.name!r} at {at}Z is the IANA id that follows {self.target}"
                f" ({release}: {format_offset(mine)} then); a document's {self.name!r} is an"
                f" abbreviation for the fixed offset {meant}: write {meant!r} for that offset,"
                f" or put the abbreviation after the local time ('1945-05-08T23:01"
                f" {self.name}') to read it from the zone data at that date"
            )
        if mine == theirs:
            return None
        return (
            f"{self.name} at {at}Z: {release} merged its history into {self.target} and gives"
            f" the offset of {self.target}, {format_offset(mine)}; the bundled backzone data says"
            f" {format_offset(theirs)} ({abbr}). Pass zone_data='backzone' for"
            f" {self.name}'s own history, or define a zone of record for the offset the"
            " source means"
        )


_ZoneCacheKey = tuple[str, str | None]
_CACHE: dict[_ZoneCacheKey, Zone] = {}
_CACHE_LOCK = threading.Lock()
# The same zones by name alone, for the common call without zone_data: one dict look-up.
_BY_NAME: dict[str, Zone] = {}


def get_zone(zone: ZoneLike, *, zone_data: ZoneData = None) -> Zone:
    """The :class:`Zone` a name denotes: an IANA id, "UTC", or a fixed offset.

    >>> get_zone("UTC+05:45").name
    '+05:45'
    >>> get_zone("Europe/Moskow")
    Traceback (most recent call last):
    ...
    chronoreconcile.UnknownZoneError: unknown zone 'Europe/Moskow'; did you mean 'Europe/Moscow'?

    ``zone_data`` is None (the default data: see ``set_default_zone_data``), "tzdata",
    "backzone" (the bundled backzone build for the zones it defines, the package for the
    rest) or a directory of TZif files.

    >>> get_zone("Europe/Amsterdam", zone_data="backzone").describe()
    'Europe/Amsterdam (IANA backzone from tz 2026c+)'
    """
    if zone_data is not None or DEFAULT_DATA[0] is not None:
        zone_data = resolve_zone_data(zone_data)
    if zone_data is None and type(zone) is str:
        found = _BY_NAME.get(zone)
        if found is not None:
            return found
    if isinstance(zone, Zone):
        return zone
    if not isinstance(zone, str):
        raise ChronoError(f"expected a zone name or Zone, got {type(zone).__name__} {zone!r}")
    key = (zone, zone_data)
    found = _CACHE.get(key)
    if found is not None:
        return found
    with _CACHE_LOCK:
        found = _CACHE.get(key)
        if found is None:
            found = _CACHE[key] = _make_zone(zone, zone_data)
            # "tzdata", not None: a pickle says which data, whatever the default is later.
            found.set_origin((_reopen, (zone, zone_data or "tzdata")))
            if zone_data is None:
                _BY_NAME[zone] = found
    return found


def _reopen(name: str, zone_data: str | None) -> Zone:
    """get_zone with positional arguments: what an unpickled zone is remade with."""
    return get_zone(name, zone_data=zone_data)


def _make_zone(name: str, zone_data: str | None) -> Zone:
    text = name.strip()
    if text in ("UTC", "Z", "z"):
        return fixed_zone(0, "UTC")
    offset = parse_offset(text)
    if offset is not None:
        return fixed_zone(offset)
    check_zone_name(text)
    if zone_data is None and text not in available_zones():
        raise UnknownZoneError(name, suggest(text))
    if zone_data == BACKZONE and text not in available_zones():
        found = manifest()
        if text not in found["zones"] and text not in found["links"]:
            raise UnknownZoneError(name, suggest(text))
    return _load_iana(text, zone_data)


def fixed_zone(offset: int, name: str | None = None) -> Zone:
    """A zone whose offset never changes."""
    label = name or format_offset(offset)
    return Zone(label, "fixed", [], [offset], [label], [False], origin=(fixed_zone, (offset, name)))


def _record(
    name: str,
    offset: str | int | None,
    periods: tuple[tuple[object, str | int, str | None], ...] | None,
    note: str | None,
) -> Zone:
    """zone_of_record with positional arguments: what an unpickled zone is remade with."""
    return zone_of_record(name, offset, periods=periods, note=note)


def zone_of_record(
    name: str,
    offset: str | int | None = None,
    *,
    periods: Iterable[tuple[object, str | int, str | None]] | None = None,
    note: str | None = None,
) -> Zone:
    """A zone the user defines by name: a fixed offset, or a list of periods.

    ``offset`` is "+10:00"-style text or seconds. ``periods`` lists (from, offset,
    abbreviation), where ``from`` is the instant the period starts (an aware datetime or
    an ISO 8601 string with an offset; None for the first period if it has no start).
    Instants before a stated start of the first period are an error, never a guess.

    >>> front = zone_of_record("front", "+10:00", note="seven hours ahead of Moscow")
    >>> front.describe()
    'front (a zone of record, +10:00): seven hours ahead of Moscow'
    """
    if (offset is None) == (periods is None):
        raise ChronoError(f"zone of record {name!r} needs exactly one of offset or periods")
    if periods is None:
        seconds = _offset_value(offset, name)
        return Zone(
            name,
            "record",
            [],
            [seconds],
            [format_offset(seconds)],
            [False],
            note=note,
            origin=(_record, (name, offset, None, note)),
        )
    rows = list(periods)
    if not rows:
        raise ChronoError(f"zone of record {name!r} has no periods")
    starts: list[int | None] = []
    offsets: list[int] = []
    abbrs: list[str] = []
    for k, row in enumerate(rows):
        if not isinstance(row, tuple | list) or len(row) != 3:
            raise ChronoError(
                f"zone of record {name!r}, period {k + 1}: expected (from, offset, abbreviation)"
            )
        start, off, abbr = row
        starts.append(None if start is None else _instant_seconds(start, name, k))
        seconds = _offset_value(off, name)
        offsets.append(seconds)
        abbrs.append(str(abbr) if abbr else format_offset(seconds))
    if any(s is None for s in starts[1:]):
        raise ChronoError(f"zone of record {name!r}: only the first period may lack a start")
    later = [s for s in starts[1:] if s is not None]
    if any(b <= a for a, b in itertools.pairwise(later)) or (
        starts[0] is not None and later and later[0] <= starts[0]
    ):
        raise ChronoError(f"zone of record {name!r}: periods must start in increasing order")
    return Zone(
        name,
        "record",
        later,
        offsets,
        abbrs,
        [False] * len(offsets),
        valid_from=starts[0],
        note=note,
        origin=(_record, (name, None, tuple(tuple(r) for r in rows), note)),
    )


def _offset_value(value: object, name: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > 26 * 3600:
            raise ChronoError(f"zone of record {name!r}: offset {value} s is out of range")
        return value
    if isinstance(value, str):
        if value.strip() == "UTC":
            return 0
        seconds = parse_offset(value)
        if seconds is not None:
            return seconds
    raise ChronoError(
        f"zone of record {name!r}: cannot read offset {value!r}; write it as '+10:00' or 'UTC-10:30'"
    )


def _instant_seconds(value: object, name: str, k: int) -> int:
    if isinstance(value, str):
        try:
            value = _dt.datetime.fromisoformat(value)
        except ValueError as exc:
            raise ChronoError(
                f"zone of record {name!r}, period {k + 1}: cannot read start {value!r}"
            ) from exc
    if isinstance(value, _dt.datetime) and value.utcoffset() is not None:
        return aware_seconds(value)
    raise ChronoError(
        f"zone of record {name!r}, period {k + 1}: a start must be an instant with an offset,"
        f" got {value!r}"
    )
