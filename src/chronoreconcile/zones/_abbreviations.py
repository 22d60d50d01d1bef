"""Abbreviations read in their context: which zones used "HST" or "CST" then, at which offset.

Derived from the zone data's own records (the abbreviation of each period in the TZif
files), never from a hand table: "HST" on 1941-12-07 is UTC-10:30 because Honolulu's file
says so, and "CST" in 1945 is ambiguous because Shanghai, Havana and Mexico City all wrote
it. The index of every period is built once, on first use, per zone data set.

May import: the standard library, ``._offsets``, ``._posix``, ``._sources``, ``._tzdata``,
``._tzif``, ``.._errors``, ``.._units``.
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .._errors import ChronoError, ParseError
from .._units import EPOCH_ORDINAL
from ._offsets import format_offset
from ._posix import parse_posix
from ._sources import BACKZONE, ZoneData, manifest, resolve_zone_data, source_bytes
from ._tzdata import available_zones, canonical_zones, link_target, region_zones
from ._tzif import read_tzif

__all__ = ["Candidate", "Region", "read_abbreviation", "resolve_abbreviation"]

Region = str | Iterable[str] | None
"""An ISO 3166 code ("US"), a zone prefix ("Europe/"), a zone, or a list of zones."""

_FAR = 1 << 62
_LAST_RULE_YEAR = 2040

# One period of one zone: (zone, start, end, offset, is_dst); UTC seconds, end exclusive.
_Period = tuple[str, int, int, int, bool]
_INDEX: dict[str, dict[str, list[_Period]]] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of an abbreviation: a zone that used it then, its offset (s), and DST."""

    zone: str
    offset: int
    is_dst: bool

    def __repr__(self) -> str:
        kind = "daylight" if self.is_dst else "standard"
        return f"Candidate({self.zone!r}, UTC{format_offset(self.offset)}, {kind})"


def _periods_of(name: str, zone_data: str | None) -> list[tuple[int, int, str, int, bool]]:
    data, _ = source_bytes(name, zone_data)
    tzif = read_tzif(data, name)
    bounds = [-_FAR, *tzif.transitions]
    out = []
    for k, start in enumerate(bounds):
        end = bounds[k + 1] if k + 1 < len(bounds) else _FAR
        out.append((start, end, tzif.abbreviations[k], tzif.offsets[k], tzif.dst[k]))
    rule = parse_posix(tzif.footer, name) if tzif.footer else None
    if rule is None or rule.start is None or not tzif.transitions:
        return out
    # tzdata's slim files leave later years to the POSIX rule: list its years through 2100,
    # then let both of the rule's abbreviations stand open-ended.
    last = tzif.transitions[-1]
    first_year = (_dt.date.fromordinal(EPOCH_ORDINAL + last // 86400)).year
    rows = [
        (t, off, abbr, dst)
        for y in range(first_year, _LAST_RULE_YEAR + 1)
        for t, off, abbr, dst in rule.transitions(y)
        if t > last
    ]
    out.pop()
    prev = (last, tzif.offsets[-1], tzif.abbreviations[-1], tzif.dst[-1])
    for row in rows:
        out.append((prev[0], row[0], prev[2], prev[1], prev[3]))
        prev = row
    out.append((prev[0], _FAR, prev[2], prev[1], prev[3]))
    return out


def _data_key(zone_data: ZoneData) -> str:
    data = resolve_zone_data(zone_data)
    if data is None:
        return "tzdata"
    if data == BACKZONE:
        return BACKZONE
    raise ChronoError(
        f"abbreviations are read from the tzdata package or 'backzone', not from {data!r}"
    )


def _zone_list(key: str) -> list[str]:
    names = list(canonical_zones())
    if key == BACKZONE:
        names += [n for n in manifest()["zones"] if "/" in n and not n.startswith("Etc/")]
    return sorted(set(names))


def _index(key: str) -> dict[str, list[_Period]]:
    found = _INDEX.get(key)
    if found is not None:
        return found
    with _LOCK:
        found = _INDEX.get(key)
        if found is None:
            found = {}
            data = None if key == "tzdata" else BACKZONE
            for name in _zone_list(key):
                for start, end, abbr, off, dst in _periods_of(name, data):
                    found.setdefault(abbr, []).append((name, start, end, off, dst))
            _INDEX[key] = found
    return found


def _region_filter(region: Region, key: str) -> Callable[[str], bool]:
    if region is None:
        return lambda name: True
    if isinstance(region, str):
        text = region.strip()
        if text.endswith("/"):
            return lambda name: name.startswith(text)
        if len(text) == 2 and text.isalpha():
            zones = region_zones(text)
            if zones is None:
                raise ChronoError(f"region {region!r} is not an ISO 3166 code in zone.tab")
            return _members(zones, key)
        return _members([text], key)
    names = [getattr(z, "name", z) for z in region]
    return _members([str(n) for n in names], key)


def _members(names: Iterable[str], key: str) -> Callable[[str], bool]:
    wanted: set[str] = set()
    bundled = manifest()["zones"] if key == BACKZONE else {}
    for name in names:
        if name not in available_zones() and name not in bundled:
            raise ChronoError(f"region zone {name!r} is not a zone of the zone data")
        wanted.add(name if name in bundled else (link_target(name) or name))
    return wanted.__contains__


def _match(
    abbr: str, region: Region, zone_data: ZoneData, window: Callable[[int], tuple[int, int]]
) -> list[Candidate]:
    key = _data_key(zone_data)
    keep = _region_filter(region, key)
    found = set()
    for name, start, end, off, dst in _index(key).get(abbr.strip(), ()):
        lo, hi = window(off)
        if start < hi and lo < end and keep(name):
            found.add(Candidate(name, off, dst))
    return sorted(found, key=lambda c: (c.offset, c.zone, c.is_dst))


def resolve_abbreviation(
    abbr: str,
    at: _dt.date | _dt.datetime | str,
    *,
    region: Region = None,
    zone_data: ZoneData = None,
) -> list[Candidate]:
    """Every (zone, offset, is_dst) the zone data used abbreviation ``abbr`` for at ``at``.

    ``at`` is an instant (an aware datetime), a local time (a naive datetime, read at each
    candidate's own offset) or a date (any moment of that local date). ``region`` narrows
    the zones: an ISO 3166 code ("US"), a prefix ("Europe/"), or zones.

    >>> resolve_abbreviation("HST", _dt.date(1941, 12, 7))
    [Candidate('Pacific/Honolulu', UTC-10:30, standard)]
    >>> sorted({c.offset // 3600 for c in resolve_abbreviation("CST", _dt.date(1945, 12, 1))})
    [-6, -5, 8]
    """
    if isinstance(at, str):
        try:
            at = (
                _dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
                if "T" in at
                else (_dt.date.fromisoformat(at))
            )
        except ValueError as exc:
            raise ParseError(at, "expected a date or an ISO 8601 time") from exc
    if isinstance(at, _dt.datetime):
        off = at.utcoffset()
        naive = at.replace(tzinfo=None) - (off or _dt.timedelta())
        secs = (naive.toordinal() - EPOCH_ORDINAL) * 86400 + (
            naive.hour * 3600 + naive.minute * 60 + naive.second
        )
        if off is not None:
            return _match(abbr, region, zone_data, lambda o: (secs, secs + 1))
        return _match(abbr, region, zone_data, lambda o: (secs - o, secs - o + 1))
    if isinstance(at, _dt.date):
        day = (at.toordinal() - EPOCH_ORDINAL) * 86400
        return _match(abbr, region, zone_data, lambda o: (day - o, day + 86400 - o))
    raise ChronoError(f"expected a date, a datetime or ISO 8601 text, got {at!r}")


def read_abbreviation(
    abbr: str,
    local_start: int,
    local_end: int,
    *,
    text: str,
    region: Region = None,
    zone_data: ZoneData = None,
) -> tuple[int, str]:
    """The one offset ``abbr`` had for local times [start, end) (seconds), and the reading.

    An abbreviation that several offsets fit, or none, is a ParseError naming them.
    """
    if abbr in ("UTC", "GMT") and region is None:
        return 0, f"{abbr} read as UTC+00:00"
    found = _match(abbr, region, zone_data, lambda o: (local_start - o, local_end - o))
    day = _dt.date.fromordinal(EPOCH_ORDINAL + local_start // 86400).isoformat()
    offsets = sorted({c.offset for c in found})
    if not offsets:
        among = "" if region is None else " among the zones given"
        raise ParseError(
            text,
            f"no zone{among} in the zone data used the abbreviation {abbr!r} on {day}; give"
            " the offset ('+01:00') or the zone",
        )
    if len(offsets) > 1:
        listed = "; ".join(
            f"UTC{format_offset(o)} in " + _names([c.zone for c in found if c.offset == o])
            for o in offsets
        )
        raise ParseError(
            text,
            f"the abbreviation {abbr!r} is ambiguous on {day}: {listed}; give the zone,"
            " a region, or the offset",
        )
    zones = sorted({c.zone for c in found})
    where = f"{zones[0]}'s offset" if len(zones) == 1 else f"its offset in {_names(zones)}"
    return offsets[0], f"{abbr} read as UTC{format_offset(offsets[0])}, {where} on {day}"


def _names(zones: list[str]) -> str:
    zones = sorted(set(zones))
    if len(zones) <= 3:
        return ", ".join(zones)
    return f"{', '.join(zones[:3])} and {len(zones) - 3} other zones"
