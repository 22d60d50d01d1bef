"""Zones: IANA ids with their full tzdata history, fixed offsets, and zones of record.

Every zone is held the same way, as integer arrays: the instants (UTC seconds) at which
its offset changed and the offset in force in each period between them, plus, for IANA
zones, the POSIX rule that tzdata's "slim" files leave to describe the years after their
last listed transition. Converting a local time is then a bisection and a few integer
comparisons, which is what keeps ``to_instant`` close to the C-coded stdlib path.

The data always comes from the ``tzdata`` package (or a directory the caller names), read
with importlib.resources; the host's /usr/share/zoneinfo is never consulted, because it
is often an older release that would silently shadow the package (as it does for
zoneinfo and pendulum unless their search path is reset).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import importlib.resources
import itertools
import re
import struct
import threading
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pendulum

from ._errors import ChronoError, UnknownZoneError

__all__ = [
    "Zone",
    "ZoneLike",
    "available_zones",
    "get_zone",
    "link_target",
    "parse_offset",
    "tzdata_version",
    "zone_of_record",
]

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
# The UTC seconds of 0001-01-01T00:00 and of 10000-01-01T00:00: the range datetime covers.
MIN_SECONDS = (1 - _EPOCH_ORDINAL) * 86400
MAX_SECONDS = (_dt.date(9999, 12, 31).toordinal() + 1 - _EPOCH_ORDINAL) * 86400


def format_offset(seconds: int) -> str:
    """``+03:00``, ``-10:30``, ``+02:30:17``: seconds shown only when the offset has them."""
    sign = "-" if seconds < 0 else "+"
    h, rem = divmod(abs(seconds), 3600)
    m, s = divmod(rem, 60)
    return f"{sign}{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


_OFFSET_RE = re.compile(
    r"(?:UTC|GMT)?(?P<sign>[+\-\u2212])(?P<h>[0-9]{1,2})(?::?(?P<m>[0-9]{2})(?::?(?P<s>[0-9]{2}))?)?\Z"
)


def parse_offset(text: str) -> int | None:
    """The offset in seconds that ``text`` writes ("+10:00", "UTC-10:30", "+0530"), else None.

    Returns None for text that is not shaped like an offset; raises ChronoError for an
    offset-shaped text that is out of range, such as "+25:00".
    """
    m = _OFFSET_RE.match(text.strip())
    if m is None:
        return None
    h, mi, s = int(m["h"]), int(m["m"] or 0), int(m["s"] or 0)
    if mi > 59 or s > 59 or h > 25 or (h, mi, s) > (25, 59, 59):
        raise ChronoError(f"offset {text!r} is out of range; offsets lie within ±25:59:59")
    total = h * 3600 + mi * 60 + s
    return -total if m["sign"] in "-\u2212" else total


# --- POSIX TZ rules (RFC 8536 section 3.3) ------------------------------------------------


@dataclass(frozen=True, slots=True)
class _RuleDate:
    kind: str  # "J" (1..365, no Feb 29), "n" (0..365), "M" (month.week.weekday)
    a: int
    b: int
    c: int
    time: int  # seconds after local midnight; may be negative or beyond 24h

    def local_seconds(self, year: int) -> int:
        """Local seconds since the epoch at which this rule fires in ``year``."""
        if self.kind == "J":
            day = _dt.date(year, 1, 1).toordinal() + self.a - 1
            if self.a >= 60 and _is_leap(year):
                day += 1
        elif self.kind == "n":
            day = _dt.date(year, 1, 1).toordinal() + self.a
        else:
            month, week, weekday = self.a, self.b, self.c
            first = _dt.date(year, month, 1)
            # POSIX weekday: 0 is Sunday; date.weekday(): 0 is Monday.
            delta = (weekday - (first.weekday() + 1) % 7) % 7
            day = first.toordinal() + delta + (week - 1) * 7
            if week == 5:
                last = (
                    _dt.date(year + 1, 1, 1) if month == 12 else _dt.date(year, month + 1, 1)
                ).toordinal()
                while day >= last:
                    day -= 7
        return (day - _EPOCH_ORDINAL) * 86400 + self.time


@dataclass(frozen=True, slots=True)
class _PosixRule:
    std_abbr: str
    std_offset: int
    dst_abbr: str | None
    dst_offset: int
    start: _RuleDate | None
    end: _RuleDate | None

    def transitions(self, year: int) -> list[tuple[int, int, str, bool]]:
        """(UTC seconds, offset after, abbreviation after, is DST) for each change in year."""
        if self.start is None or self.end is None or self.dst_abbr is None:
            return []
        # The start time is written in standard time, the end time in daylight time.
        on = self.start.local_seconds(year) - self.std_offset
        off = self.end.local_seconds(year) - self.dst_offset
        return sorted(
            [
                (on, self.dst_offset, self.dst_abbr, True),
                (off, self.std_offset, self.std_abbr, False),
            ]
        )


_POSIX_NAME = r"(?:<[^>]+>|[A-Za-z]{3,})"
_POSIX_OFF = r"[+-]?[0-9]{1,3}(?::[0-9]{2}(?::[0-9]{2})?)?"
_POSIX_DATE = r"(?:J[0-9]{1,3}|[0-9]{1,3}|M[0-9]{1,2}\.[0-9]\.[0-9])(?:/" + _POSIX_OFF + r")?"
_POSIX_RE = re.compile(
    rf"(?P<std>{_POSIX_NAME})(?P<stdoff>{_POSIX_OFF})"
    rf"(?:(?P<dst>{_POSIX_NAME})(?P<dstoff>{_POSIX_OFF})?"
    rf",(?P<start>{_POSIX_DATE}),(?P<end>{_POSIX_DATE}))?\Z"
)


def _posix_seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _posix_date(text: str) -> _RuleDate:
    date, _, time = text.partition("/")
    seconds = _posix_seconds(time) if time else 7200
    if date.startswith("J"):
        return _RuleDate("J", int(date[1:]), 0, 0, seconds)
    if date.startswith("M"):
        m, w, d = (int(x) for x in date[1:].split("."))
        return _RuleDate("M", m, w, d, seconds)
    return _RuleDate("n", int(date), 0, 0, seconds)


def _parse_posix(text: str, where: str) -> _PosixRule:
    m = _POSIX_RE.match(text)
    if m is None:
        raise ChronoError(
            f"zone data for {where!r} has a TZ rule this library cannot read: {text!r}"
        )
    # POSIX offsets count hours west of Greenwich: EST5 is UTC-05:00.
    std_offset = -_posix_seconds(m["stdoff"])
    dst = m["dst"]
    dst_offset = -_posix_seconds(m["dstoff"]) if m["dstoff"] else std_offset + 3600
    return _PosixRule(
        std_abbr=m["std"].strip("<>"),
        std_offset=std_offset,
        dst_abbr=dst.strip("<>") if dst else None,
        dst_offset=dst_offset,
        start=_posix_date(m["start"]) if m["start"] else None,
        end=_posix_date(m["end"]) if m["end"] else None,
    )


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# --- The zone itself ----------------------------------------------------------------------


class Zone:
    """A rule from local time to instants: an IANA zone, a fixed offset or a zone of record.

    Obtain one with :func:`get_zone` or :func:`zone_of_record`; every function that takes a
    ``zone`` accepts the name as well. ``kind`` is "iana", "fixed" or "record".

    >>> get_zone("Pacific/Honolulu").offset_at(pendulum.datetime(1941, 12, 7, 17, 48))
    -37800
    """

    __slots__ = (
        "_abbrs",
        "_dst",
        "_horizon",
        "_lock",
        "_max_off",
        "_min_off",
        "_next_year",
        "_offs",
        "_rule",
        "_trans",
        "_tzinfo",
        "_valid_from",
        "kind",
        "name",
        "note",
        "target",
    )

    def __init__(
        self,
        name: str,
        kind: str,
        transitions: Sequence[int],
        offsets: Sequence[int],
        abbreviations: Sequence[str],
        dst: Sequence[bool],
        *,
        rule: _PosixRule | None = None,
        valid_from: int | None = None,
        note: str | None = None,
        target: str | None = None,
        tzinfo: _dt.tzinfo | None = None,
    ) -> None:
        if len(offsets) != len(transitions) + 1:
            raise ValueError("a zone needs one offset more than it has transitions")
        self.name = name
        self.kind = kind
        self.note = note
        self.target = target  # for an IANA link, the zone it links to
        self._trans = list(transitions)
        self._offs = list(offsets)
        self._abbrs = list(abbreviations)
        self._dst = list(dst)
        self._rule = rule
        self._valid_from = valid_from
        self._tzinfo = tzinfo
        self._lock = threading.Lock()
        offs = self._offs + ([rule.std_offset, rule.dst_offset] if rule else [])
        self._min_off = min(offs)
        self._max_off = max(offs)
        # Instants before _horizon are fully described by the arrays; later ones need the
        # rule, whose transitions are appended a year at a time as queries reach them.
        self._horizon = MAX_SECONDS
        self._next_year = 0
        if rule is not None and rule.start is not None:
            last = self._trans[-1] if self._trans else 0
            self._next_year = _year_of(max(last, MIN_SECONDS))
            self._extend_through(self._next_year)

    def _extend_through(self, year: int) -> None:
        """Append the POSIX rule's transitions up to the end of ``year`` (at most 9999)."""
        rule = self._rule
        assert rule is not None
        year = min(year, 9999)
        last = self._trans[-1] if self._trans else MIN_SECONDS
        for y in range(self._next_year, year + 1):
            for t, off, abbr, is_dst in rule.transitions(y):
                if t > last:
                    self._trans.append(t)
                    self._offs.append(off)
                    self._abbrs.append(abbr)
                    self._dst.append(is_dst)
                    last = t
                elif t == last and self._trans:
                    # Daylight time all year ("EST5EDT,0/0,J365/25", RFC 8536 3.3.1): one
                    # year's end and the next year's start coincide, and the start wins.
                    self._offs[-1], self._abbrs[-1], self._dst[-1] = off, abbr, is_dst
        self._next_year = year + 1
        # A rule's transitions fire within a few days of the year's start at the latest
        # (POSIX allows times up to 167 hours), so everything up to a week before the next
        # year begins is settled.
        self._horizon = (
            MAX_SECONDS
            if year >= 9999
            else (_dt.date(year + 1, 1, 1).toordinal() - _EPOCH_ORDINAL - 8) * 86400
        )

    def _ensure(self, seconds: int) -> None:
        # Called with an instant or a local time; the two lie within about a day.
        if seconds + 2 * 86400 >= self._horizon and self._horizon < MAX_SECONDS:
            with self._lock:
                if seconds + 2 * 86400 >= self._horizon:
                    self._extend_through(_year_of(min(seconds + 10 * 86400, MAX_SECONDS - 1)))

    # -- queries on integers (seconds) --

    def _index(self, utc: int) -> int:
        if utc + 2 * 86400 >= self._horizon:
            self._ensure(utc)
        return bisect_right(self._trans, utc)

    @property
    def max_offset(self) -> int:
        """The largest offset (seconds) the zone ever uses."""
        return self._max_off

    @property
    def min_offset(self) -> int:
        """The smallest offset (seconds) the zone ever uses."""
        return self._min_off

    @property
    def valid_from(self) -> int | None:
        """For a zone of record whose first period has a start: that instant (seconds)."""
        return self._valid_from

    @property
    def fixed_offset(self) -> int | None:
        """The offset in seconds if this zone never changes it, else None."""
        if self._rule is None and len(set(self._offs)) == 1:
            return self._offs[0]
        return None

    def offset_seconds(self, utc: int) -> int:
        """The offset in seconds in force at ``utc`` (UTC seconds since the epoch)."""
        self._check_valid(utc)
        return self._offs[self._index(utc)]

    def period_at(self, utc: int) -> tuple[int, str, bool]:
        """(offset seconds, abbreviation, is DST) in force at ``utc`` seconds."""
        self._check_valid(utc)
        i = self._index(utc)
        return self._offs[i], self._abbrs[i], self._dst[i]

    def _check_valid(self, utc: int) -> None:
        if self._valid_from is not None and utc < self._valid_from:
            start = _dt.datetime(1970, 1, 1) + _dt.timedelta(seconds=self._valid_from)
            raise ChronoError(
                f"zone of record {self.name!r} starts at {start:%Y-%m-%dT%H:%M:%S}Z;"
                " it says nothing about earlier instants"
            )

    def unique_offset(self, local: int) -> int | None:
        """The offset at which ``local`` seconds is read, when it is neither repeated nor skipped.

        The fast path of to_instant: one bisection. None sends the caller to :meth:`resolve`.
        """
        if local + 2 * 86400 >= self._horizon or self._valid_from is not None:
            return None
        trans = self._trans
        i = bisect_right(trans, local - self._max_off)
        if i == len(trans) or trans[i] > local - self._min_off:
            # No transition can fall between the instant and the local time.
            return self._offs[i]
        return None

    def resolve(self, local: int) -> tuple[int, ...]:
        """Every instant (UTC seconds) whose local time here is ``local`` seconds.

        One instant for an ordinary local time, two (earlier first) for a repeated one.
        For a skipped one the result is empty; :meth:`gap` then describes the gap.
        """
        if local + 2 * 86400 >= self._horizon:
            self._ensure(local)
        trans = self._trans
        i = bisect_right(trans, local - self._max_off)
        j = bisect_right(trans, local - self._min_off)
        offs = self._offs
        if i == j:
            # The whole window of possible instants lies in one period: one answer.
            out: tuple[int, ...] = (local - offs[i],)
        else:
            found = []
            n = len(trans)
            for k in range(i, j + 1):
                u = local - offs[k]
                if (k == 0 or u >= trans[k - 1]) and (k == n or u < trans[k]):
                    found.append(u)
            out = tuple(found)
        if self._valid_from is not None:
            # Candidates before a zone of record's first start are not its local times.
            valid = tuple(u for u in out if u >= self._valid_from)
            if not valid and out:
                self._check_valid(out[0])
            return valid
        return out

    def gap(self, local: int) -> tuple[int, int, int]:
        """For a skipped local time: (transition instant, offset before, offset after)."""
        trans = self._trans
        offs = self._offs
        i = bisect_right(trans, local - self._max_off)
        j = bisect_right(trans, local - self._min_off)
        for k in range(max(i - 1, 0), min(j + 1, len(trans))):
            t, a, b = trans[k], offs[k], offs[k + 1]
            if t + a <= local < t + b:
                return t, a, b
        raise AssertionError(f"{local} is not in a gap of {self.name}")  # pragma: no cover

    # -- queries on datetimes --

    def offset_at(self, instant: _dt.datetime) -> int:
        """The offset in seconds at an aware ``instant``."""
        return self.offset_seconds(_utc_seconds(instant))

    def tzinfo_at(self, utc: int) -> _dt.tzinfo:
        """A tzinfo to attach to a local time of this zone at ``utc`` seconds.

        IANA zones get pendulum's Timezone built from the same tzdata bytes; fixed zones and
        zones of record get the fixed offset in force, named by its abbreviation.
        """
        if self._tzinfo is not None:
            return self._tzinfo
        off, abbr, _ = self.period_at(utc)
        return _fixed_tz(off, abbr)

    def transitions(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(instant, offset before, offset after) for each offset change in [start, end)."""
        self._ensure(end)
        lo = bisect_right(self._trans, start - 1)
        hi = bisect_right(self._trans, end - 1)
        return [
            (self._trans[k], self._offs[k], self._offs[k + 1])
            for k in range(lo, hi)
            if self._offs[k] != self._offs[k + 1]
        ]

    @property
    def phrase(self) -> str:
        """How explanations name the zone: "in Europe/Moscow", "on front time", "at UTC+10:00"."""
        if self.kind == "record":
            return f"on {self.name} time"
        if self.kind == "fixed":
            return "in UTC" if self.name == "UTC" else f"at UTC{self.name}"
        return f"in {self.name}"

    def describe(self) -> str:
        """How the zone is defined, for explanations: the premise a conclusion rests on."""
        if self.kind == "iana":
            link = f", a link to {self.target}" if self.target else ""
            return f"{self.name} (IANA tzdata {tzdata_version()}{link})"
        if self.kind == "fixed":
            return f"{self.name} (a fixed offset)"
        if len(self._offs) == 1:
            text = f"{self.name} (a zone of record, {format_offset(self._offs[0])})"
        else:
            text = f"{self.name} (a zone of record with {len(self._offs)} periods)"
        return text + (f": {self.note}" if self.note else "")

    def __repr__(self) -> str:
        return f"Zone({self.name!r})"


def _year_of(seconds: int) -> int:
    return _dt.date.fromordinal(seconds // 86400 + _EPOCH_ORDINAL).year


def _utc_seconds(instant: _dt.datetime) -> int:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ChronoError(
            f"expected an aware instant, got the naive datetime {instant.isoformat()}"
        )
    off = instant.utcoffset()
    assert off is not None
    naive = instant.replace(tzinfo=None) - off
    return (naive.toordinal() - _EPOCH_ORDINAL) * 86400 + (
        naive.hour * 3600 + naive.minute * 60 + naive.second
    )


@functools.lru_cache(maxsize=512)
def _fixed_tz(offset: int, name: str | None = None) -> _dt.tzinfo:
    return pendulum.FixedTimezone(offset, name=name)


# --- Loading ------------------------------------------------------------------------------


def _read_tzif(data: bytes, name: str) -> tuple[list[int], list[int], list[str], list[bool], str]:
    """Parse a TZif file (RFC 8536, version 2 or later): transitions, types and footer."""
    if data[:4] != b"TZif":
        raise ChronoError(f"zone data for {name!r} is not a TZif file")
    header = struct.Struct(">4sc15x6l")
    _, version, isut, isstd, leap, timecnt, typecnt, charcnt = header.unpack_from(data, 0)
    if version < b"2":
        raise ChronoError(f"zone data for {name!r} is TZif version 1, which lacks 64-bit times")
    # Skip the version 1 body, then read the 64-bit header and body.
    pos = header.size + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    _, _, isut, isstd, leap, timecnt, typecnt, charcnt = header.unpack_from(data, pos)
    pos += header.size
    times = list(struct.unpack_from(f">{timecnt}q", data, pos))
    pos += timecnt * 8
    idx = list(data[pos : pos + timecnt])
    pos += timecnt
    types = [struct.unpack_from(">lBB", data, pos + 6 * k) for k in range(typecnt)]
    pos += typecnt * 6
    chars = data[pos : pos + charcnt]
    pos += charcnt + leap * 12 + isstd + isut
    footer = data[pos:].strip(b"\n").decode("ascii")

    def abbr(k: int) -> str:
        start = types[k][2]
        return chars[start : chars.index(b"\0", start)].decode("ascii")

    # Times before the first transition use type 0 (RFC 8536 section 3.2).
    order = [0, *idx]
    offsets = [types[k][0] for k in order]
    abbrs = [abbr(k) for k in order]
    dst = [bool(types[k][1]) for k in order]
    return times, offsets, abbrs, dst, footer


def _zone_root() -> importlib.resources.abc.Traversable:
    return importlib.resources.files("tzdata").joinpath("zoneinfo")


@functools.cache
def tzdata_version() -> str:
    """The IANA release of the zone data actually read, such as "2026f".

    >>> tzdata_version()[:2]
    '20'
    """
    first = _zone_root().joinpath("tzdata.zi").read_text(encoding="utf-8").split("\n", 1)[0]
    return first.removeprefix("# version").strip()


@functools.cache
def _links() -> dict[str, str]:
    text = _zone_root().joinpath("tzdata.zi").read_text(encoding="utf-8")
    return {
        parts[2]: parts[1]
        for parts in (line.split() for line in text.splitlines() if line.startswith("L "))
    }


@functools.cache
def available_zones() -> frozenset[str]:
    """Every IANA id in the tzdata package, links included."""
    text = importlib.resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def link_target(name: str) -> str | None:
    """The zone an IANA link points to ("Asia/Harbin" -> "Asia/Shanghai"), else None."""
    return _links().get(name)


# Legacy IANA ids that read like abbreviations: since tzdata 2024b "CET" is a link to
# Europe/Brussels and "EST" to America/Panama, while a document that writes "CET" means
# the fixed offset +01:00. Taking either reading silently would be a guess.
_ABBREVIATION_IDS = {
    "CET": "+01:00",
    "MET": "+01:00",
    "EET": "+02:00",
    "WET": "+00:00",
    "EST": "-05:00",
    "MST": "-07:00",
    "HST": "-10:00",
}


def _load_iana(name: str, zone_data: str | None) -> Zone:
    if zone_data is not None:
        path = Path(zone_data) / name
        if not path.is_file() or ".." in Path(name).parts:
            raise UnknownZoneError(name, where=f"zone data {zone_data!r}")
        data = path.read_bytes()
    else:
        data = _zone_root().joinpath(*name.split("/")).read_bytes()
    times, offsets, abbrs, dst, footer = _read_tzif(data, name)
    rule = _parse_posix(footer, name) if footer else None
    import io

    tzinfo = pendulum.Timezone.from_file(io.BytesIO(data), key=name)
    return Zone(
        name,
        "iana",
        times,
        offsets,
        abbrs,
        dst,
        rule=rule,
        target=link_target(name) if zone_data is None else None,
        tzinfo=tzinfo,
    )


_ZoneCacheKey = tuple[str, str | None]
_CACHE: dict[_ZoneCacheKey, Zone] = {}
_CACHE_LOCK = threading.Lock()
# The same zones by name alone, for the common call without zone_data: one dict look-up.
_BY_NAME: dict[str, Zone] = {}

ZoneLike = str | Zone


def get_zone(zone: ZoneLike, *, zone_data: str | None = None) -> Zone:
    """The :class:`Zone` a name denotes: an IANA id, "UTC", or a fixed offset.

    >>> get_zone("UTC+05:45").name
    '+05:45'
    >>> get_zone("Europe/Moskow")
    Traceback (most recent call last):
    ...
    chronoreconcile.UnknownZoneError: unknown zone 'Europe/Moskow'; did you mean 'Europe/Moscow'?
    """
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
            if zone_data is None:
                _BY_NAME[zone] = found
    return found


def _make_zone(name: str, zone_data: str | None) -> Zone:
    text = name.strip()
    if text in ("UTC", "Z", "z"):
        return fixed_zone(0, "UTC")
    offset = parse_offset(text)
    if offset is not None:
        return fixed_zone(offset)
    if text in _ABBREVIATION_IDS:
        raise UnknownZoneError(
            text,
            reason=(
                f"it is both an IANA id that follows a city since tzdata 2024b and an"
                f" abbreviation meaning {_ABBREVIATION_IDS[text]}; write"
                f" {_ABBREVIATION_IDS[text]!r} for the fixed offset, or the city's IANA id"
            ),
        )
    if zone_data is not None or text in available_zones():
        return _load_iana(text, zone_data)
    raise UnknownZoneError(name, _suggest(text))


def _suggest(name: str) -> list[str]:
    """Close IANA ids for a misspelt one: the best match, and any nearly as good."""
    zones = sorted(available_zones())
    lowered = {z.lower(): z for z in zones}
    if name.lower() in lowered:
        return [lowered[name.lower()]]
    cities = {z.rsplit("/", 1)[-1].lower(): z for z in zones}
    scored: dict[str, float] = {}
    # Whole ids ("Europe/Moskow"), then the city alone ("Moskow" -> "Europe/Moscow").
    for candidate in zones:
        scored[candidate] = difflib.SequenceMatcher(None, name, candidate).ratio()
    city = name.rsplit("/", 1)[-1].lower()
    for key, zone in cities.items():
        ratio = difflib.SequenceMatcher(None, city, key).ratio()
        scored[zone] = max(scored[zone], ratio)
    best = max(scored.values(), default=0.0)
    if best < 0.82:
        return []
    close = sorted((z for z, r in scored.items() if r >= best - 0.05), key=lambda z: -scored[z])
    return close[:3]


def fixed_zone(offset: int, name: str | None = None) -> Zone:
    """A zone whose offset never changes."""
    label = name or format_offset(offset)
    return Zone(label, "fixed", [], [offset], [label], [False])


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
        zone = Zone(name, "record", [], [seconds], [format_offset(seconds)], [False], note=note)
        return zone
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
        return _utc_seconds(value)
    raise ChronoError(
        f"zone of record {name!r}, period {k + 1}: a start must be an instant with an offset,"
        f" got {value!r}"
    )
