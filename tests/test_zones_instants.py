"""Zones and instants: properties over every tzdata zone, aimed at real transitions.

The oracle for the differential tests is stdlib ``zoneinfo`` reading the same ``tzdata``
package (conftest.py resets its search path; a test below checks that it took). PEP 495
gives two readings of a local time, fold=0 and fold=1; Temporal's "earlier" and "later"
are the earlier and later of the two instants they denote, in a gap as in a fold, and
"compatible" is fold=0.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import struct
import subprocess
import sys
import zoneinfo
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile.strategies import (
    ABBREVIATION_IDS,
    fixed_offsets,
    instant_texts,
    instants,
    instants_near_transitions,
    local_times,
    local_times_near_transitions,
    near_valid_local_time_texts,
    repeated_local_times,
    skipped_local_times,
    zone_names,
    zone_texts,
)
from chronoreconcile.zones import DISAMBIGUATIONS, OFFSET_OPTIONS, Disambiguation, OffsetOption
from tests.marks import any_zone_history

UTC = dt.UTC
ZERO = dt.timedelta(0)
Test = TypeVar("Test", bound=Callable[..., None])
# IANA ids that read as an offset; the library takes them as that fixed offset (the same
# rule), named by the offset.
OFFSET_LIKE_IDS = {"UTC": "UTC", "GMT+0": "+00:00", "GMT-0": "+00:00"}


# --- helpers: the oracle, and comparisons by instant -------------------------------------


def as_utc(value: dt.datetime) -> dt.datetime:
    """The instant of an aware datetime as naive UTC.

    Never compare aware datetimes of different zones with ``==``: PEP 495 makes a time in
    a fold unequal to everything in another zone.
    """
    offset = value.utcoffset()
    assert offset is not None, f"{value!r} is not aware"
    return value.replace(tzinfo=None) - offset


def naive(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=None)


def stdlib_readings(local: dt.datetime, zone: str) -> tuple[dt.datetime, dt.datetime]:
    """The instants (naive UTC) that zoneinfo gives ``local`` with fold=0 and fold=1."""
    z = zoneinfo.ZoneInfo(zone)
    return as_utc(local.replace(tzinfo=z, fold=0)), as_utc(local.replace(tzinfo=z, fold=1))


def stdlib_local(instant: dt.datetime, zone: str) -> dt.datetime:
    return naive(instant.replace(tzinfo=UTC).astimezone(zoneinfo.ZoneInfo(zone)))


def stdlib_kind(local: dt.datetime, zone: str) -> str:
    """ "plain", "fold" (repeated) or "gap" (skipped), as zoneinfo sees ``local``."""
    u0, u1 = stdlib_readings(local, zone)
    if u0 == u1:
        return "plain"
    shown = [stdlib_local(u, zone) == local for u in (u0, u1)]
    if all(shown):
        return "fold"
    assert not any(shown), f"{local} in {zone}: one reading exists and the other not"
    return "gap"


def stdlib_offsets(local: dt.datetime, zone: str) -> list[int]:
    """The offsets (seconds) at which ``local`` was shown in ``zone``, earlier instant first."""
    found = []
    for u in sorted(set(stdlib_readings(local, zone))):
        if stdlib_local(u, zone) == local:
            found.append(int((local - u).total_seconds()))
    return found


def offset_text_seconds(text: str) -> int:
    """Seconds of an offset written "+10:00", "UTC-10:30", "GMT+05:45" (the strategy's forms)."""
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d\d):(\d\d)", text)
    assert m is not None, text
    seconds = int(m[2]) * 3600 + int(m[3]) * 60
    return -seconds if m[1] == "-" else seconds


def write_offset(seconds: int) -> str:
    """ "+02:30:17", "-10:30": the seconds only when there are some."""
    sign = "-" if seconds < 0 else "+"
    h, rem = divmod(abs(seconds), 3600)
    m, s = divmod(rem, 60)
    return f"{sign}{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def expected_wall(
    local: dt.datetime, zone: str, disambiguation: Disambiguation
) -> dt.datetime | type[cr.ChronoError]:
    """What to_instant(local, zone, disambiguation=...) must give, by zoneinfo: the instant
    (naive UTC) or the error type."""
    u0, u1 = stdlib_readings(local, zone)
    if disambiguation == "compatible":
        return u0
    if disambiguation == "earlier":
        return min(u0, u1)
    if disambiguation == "later":
        return max(u0, u1)
    kind = stdlib_kind(local, zone)
    if kind == "fold":
        return cr.AmbiguousTimeError
    if kind == "gap":
        return cr.NonexistentTimeError
    return u0


def outcome(call: Callable[[], dt.datetime]) -> dt.datetime | type[cr.ChronoError]:
    """The instant (naive UTC) a call returns, or the type of the ChronoError it raises."""
    try:
        result = call()
    except cr.ChronoError as exc:
        return type(exc)
    assert result.utcoffset() == ZERO, f"{result!r} is not in UTC"
    return as_utc(result)


# Edge cases of the house style, pinned on every local-time property.
PINNED_LOCALS = [
    ("Europe/Paris", dt.datetime(2023, 3, 26, 2, 30)),  # gap
    ("Europe/Paris", dt.datetime(2023, 10, 29, 2, 30)),  # fold
    ("Europe/Dublin", dt.datetime(2020, 10, 25, 1, 30)),  # fold of negative DST (IST is standard)
    ("Australia/Lord_Howe", dt.datetime(2024, 10, 6, 2, 15)),  # 30-minute gap
    ("America/Sao_Paulo", dt.datetime(2016, 2, 20, 23, 30)),  # fold at midnight
    ("Pacific/Kiritimati", dt.datetime(1994, 12, 31, 12, 0)),  # a skipped day
    ("Pacific/Honolulu", dt.datetime(1941, 12, 7, 7, 48)),  # UTC-10:30
    ("Pacific/Honolulu", dt.datetime(1947, 6, 8, 2, 15)),  # the 30-minute gap to UTC-10:00
    ("Europe/London", dt.datetime(1945, 4, 2, 2, 30)),  # gap into double summer time
    ("Europe/London", dt.datetime(1945, 7, 15, 2, 30)),  # fold out of double summer time
]

PINNED_INSTANTS = [
    ("Europe/Paris", dt.datetime(2023, 10, 29, 0, 30, tzinfo=UTC)),  # first 02:30
    ("Europe/Paris", dt.datetime(2023, 10, 29, 1, 30, tzinfo=UTC)),  # second 02:30
    ("America/Sao_Paulo", dt.datetime(2016, 2, 21, 2, 30, tzinfo=UTC)),  # second 23:30
    ("Europe/Moscow", dt.datetime(1880, 1, 1, tzinfo=UTC)),  # LMT +02:30:17
    ("Pacific/Kiritimati", dt.datetime(1995, 1, 1, 10, 0, tzinfo=UTC)),  # after the skipped day
    ("Pacific/Honolulu", dt.datetime(1941, 12, 7, 18, 18, tzinfo=UTC)),  # 07:48 at -10:30
    ("Europe/London", dt.datetime(1945, 5, 8, 22, 1, tzinfo=UTC)),  # BDST, +02:00
]


def pin_locals(test: Test) -> Test:
    for zone_local in reversed(PINNED_LOCALS):
        test = example(zone_local)(test)
    return test


def pin_instants(test: Test) -> Test:
    for zone_instant in reversed(PINNED_INSTANTS):
        test = example(zone_instant)(test)
    return test


# --- the zone data ------------------------------------------------------------------------


def test_zoneinfo_reads_the_tzdata_package() -> None:
    # Without the pin, zoneinfo reads the host's older files, where Europe/Amsterdam still
    # has its own pre-1970 history (+00:19:32 in 1935); tzdata 2026f links it to Brussels.
    assert zoneinfo.TZPATH == ()
    amsterdam_1935 = dt.datetime(1935, 1, 1, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
    assert amsterdam_1935.utcoffset() == ZERO
    # The library gives Brussels' history too, and says so before 1970 (issue 10).
    with pytest.warns(cr.HistoryWarning, match=r"merged its history into Europe/Brussels"):
        assert cr.to_local("1935-01-01T12:00Z", "Europe/Amsterdam").utcoffset() == ZERO
    # The library relies on 2024b or later, where "CET" and friends became links.
    version = cr.tzdata_version()
    assert re.fullmatch(r"\d{4}[a-z]", version)
    assert version >= "2024b"


@pytest.mark.slow
def test_every_zone_loads_so_available_zones_and_get_zone_agree() -> None:
    # Issue 10: the legacy ids CET, MET, EET, WET, EST, MST and HST, once refused as
    # ambiguous, are the zones tzdata defines (links to a city since 2024b).
    names = cr.available_zones()
    assert names >= ABBREVIATION_IDS
    for name in sorted(names):
        zone = cr.get_zone(name)
        if name in OFFSET_LIKE_IDS:
            # Names that read as an offset are taken as that fixed offset: the same rule.
            assert (zone.kind, zone.offset_seconds(0)) == ("fixed", 0)
        else:
            assert zone.kind == "iana"
    assert cr.get_zone("CET").target == "Europe/Brussels"
    assert cr.get_zone("HST").target == "Pacific/Honolulu"


# --- round trips --------------------------------------------------------------------------


@any_zone_history
@pin_instants
@given(st.one_of(instants_near_transitions(), st.tuples(zone_names(), instants())))
def test_instant_to_local_and_back(zone_instant: tuple[str, dt.datetime]) -> None:
    zone, instant = zone_instant
    local = cr.to_local(instant, zone)
    expected = instant.astimezone(zoneinfo.ZoneInfo(zone))
    assert naive(local) == naive(expected)
    assert local.fold == expected.fold
    assert local.utcoffset() == expected.utcoffset()
    assert as_utc(local) == as_utc(instant)
    # The fold flag says which of two readings of a repeated local time it was.
    back = cr.to_instant(naive(local), zone, disambiguation="later" if local.fold else "earlier")
    assert back.utcoffset() == ZERO
    assert as_utc(back) == as_utc(instant)


@any_zone_history
@pin_locals
@given(local_times_near_transitions())
def test_local_to_instant_and_back(zone_local: tuple[str, dt.datetime]) -> None:
    zone, local = zone_local
    earlier = cr.to_instant(local, zone, disambiguation="earlier")
    later = cr.to_instant(local, zone, disambiguation="later")
    shown = [naive(cr.to_local(i, zone)) for i in (earlier, later)]
    try:
        instant = cr.to_instant(local, zone)
    except cr.AmbiguousTimeError:
        assert as_utc(earlier) < as_utc(later)
        assert shown == [local, local]
    except cr.NonexistentTimeError:
        # No instant shows a skipped local time.
        assert local not in shown
    else:
        assert as_utc(earlier) == as_utc(later) == as_utc(instant)
        assert shown == [local, local]


@any_zone_history
@pin_locals
@given(st.one_of(local_times_near_transitions(), st.tuples(zone_names(), local_times())))
def test_disambiguations_agree_with_zoneinfo(zone_local: tuple[str, dt.datetime]) -> None:
    zone, local = zone_local
    for disambiguation in DISAMBIGUATIONS:
        got = outcome(partial(cr.to_instant, local, zone, disambiguation=disambiguation))
        assert got == expected_wall(local, zone, disambiguation), disambiguation


@any_zone_history
@pin_locals
@given(st.one_of(local_times_near_transitions(), st.tuples(zone_names(), local_times())))
def test_earlier_is_never_after_later(zone_local: tuple[str, dt.datetime]) -> None:
    zone, local = zone_local
    earlier = as_utc(cr.to_instant(local, zone, disambiguation="earlier"))
    later = as_utc(cr.to_instant(local, zone, disambiguation="later"))
    compatible = as_utc(cr.to_instant(local, zone, disambiguation="compatible"))
    assert earlier <= later
    assert compatible in (earlier, later)


@any_zone_history
@example(("Europe/Paris", dt.datetime(2023, 3, 26, 2, 30)))
@example(("Australia/Lord_Howe", dt.datetime(2024, 10, 6, 2, 15)))
@example(("Pacific/Kiritimati", dt.datetime(1994, 12, 31, 12, 0)))
@example(("Europe/London", dt.datetime(1945, 4, 2, 2, 30)))
@example(("Europe/Berlin", dt.datetime(1945, 5, 24, 2, 30)))
@given(skipped_local_times())
def test_a_gap_moves_the_local_time_by_its_length(zone_local: tuple[str, dt.datetime]) -> None:
    zone, local = zone_local
    # Another transition close by can make a time inside one change's window exist.
    assume(stdlib_kind(local, zone) == "gap")
    u0, u1 = stdlib_readings(local, zone)
    gap = u0 - u1  # fold=0 reads it at the offset before the gap, fold=1 after
    assert gap > ZERO
    later = naive(cr.to_local(cr.to_instant(local, zone, disambiguation="later"), zone))
    earlier = naive(cr.to_local(cr.to_instant(local, zone, disambiguation="earlier"), zone))
    assert later - local == gap
    assert local - earlier == gap
    with pytest.raises(cr.NonexistentTimeError) as info:
        cr.to_instant(local, zone)
    # The gap's bounds are local times; the instant the clocks moved shows them both.
    start, end = info.value.gap_start, info.value.gap_end
    assert start <= local < end
    assert end - start == gap
    assert info.value.zone == zone
    assert naive(cr.to_local(info.value.transition, zone)) == end
    assert info.value.offset_after - info.value.offset_before == gap.total_seconds()
    said = [
        t.isoformat(sep=" ", timespec="seconds" if t.second else "minutes") for t in (start, end)
    ]
    assert f"clocks skipped from {said[0]} to {said[1]}" in str(info.value)


@any_zone_history
@example(("Europe/Paris", dt.datetime(2023, 10, 29, 2, 30)))
@example(("Europe/Dublin", dt.datetime(2020, 10, 25, 1, 30)))
@example(("America/Sao_Paulo", dt.datetime(2016, 2, 20, 23, 30)))
@example(("Europe/London", dt.datetime(1945, 7, 15, 2, 30)))
@given(repeated_local_times())
def test_a_fold_names_both_candidates(zone_local: tuple[str, dt.datetime]) -> None:
    zone, local = zone_local
    assume(stdlib_kind(local, zone) == "fold")
    u0, u1 = stdlib_readings(local, zone)
    with pytest.raises(cr.AmbiguousTimeError) as info:
        cr.to_instant(local, zone)
    # Candidates are written "1945-09-30T05:30Z (-04:00)", to the whole second.
    named = [
        dt.datetime.fromisoformat(c.split(" ")[0].removesuffix("Z")) for c in info.value.candidates
    ]
    assert named == [u.replace(microsecond=0) for u in (u0, u1)]
    for candidate in info.value.candidates:
        assert candidate in str(info.value)
    # The candidates as values: instants at their own offsets, both showing the local time.
    earlier, later = info.value.earlier, info.value.later
    assert [as_utc(earlier), as_utc(later)] == [u.replace(microsecond=0) for u in (u0, u1)]
    for instant in (earlier, later):
        assert naive(instant) == local.replace(microsecond=0)


# --- far-future dates follow the POSIX rule -------------------------------------------------

# Rules with the awkward parts of POSIX TZ strings: the southern hemisphere (Sydney,
# Santiago, Auckland), negative DST (Dublin), a 30-minute change (Lord_Howe), a 2-hour one
# (Troll), times past 24:00 (Jerusalem "M3.4.4/26", Santiago "/24"), a negative time
# (Nuuk "/-1"), and an offset with 45 minutes (Chatham).
RULE_ZONES = [
    "America/New_York",
    "Europe/Paris",
    "Australia/Sydney",
    "America/Santiago",
    "Pacific/Auckland",
    "Europe/Dublin",
    "Australia/Lord_Howe",
    "Antarctica/Troll",
    "Asia/Jerusalem",
    "America/Nuuk",
    "Pacific/Chatham",
    "America/Havana",
]


@example(("America/New_York", dt.datetime(2090, 3, 12, 2, 30)))
@example(("America/New_York", dt.datetime(2400, 11, 5, 1, 30)))
@example(("Europe/Paris", dt.datetime(2400, 3, 26, 2, 30)))
@example(("Australia/Sydney", dt.datetime(2090, 4, 2, 2, 30)))
@example(("Australia/Sydney", dt.datetime(2400, 10, 1, 2, 30)))
@given(local_times_near_transitions(st.sampled_from(RULE_ZONES), first_year=2038, last_year=2400))
def test_far_future_local_times_follow_the_rule(zone_local: tuple[str, dt.datetime]) -> None:
    zone, local = zone_local
    for disambiguation in DISAMBIGUATIONS:
        got = outcome(partial(cr.to_instant, local, zone, disambiguation=disambiguation))
        assert got == expected_wall(local, zone, disambiguation), disambiguation


@example(("Australia/Sydney", dt.datetime(2400, 4, 1, 16, 30, tzinfo=UTC)))
@given(instants_near_transitions(st.sampled_from(RULE_ZONES), first_year=2038, last_year=2400))
def test_far_future_instants_follow_the_rule(zone_instant: tuple[str, dt.datetime]) -> None:
    zone, instant = zone_instant
    local = cr.to_local(instant, zone)
    expected = instant.astimezone(zoneinfo.ZoneInfo(zone))
    assert (naive(local), local.fold) == (naive(expected), expected.fold)
    assert local.utcoffset() == expected.utcoffset()


def tzif_bytes(
    transitions: list[tuple[int, int]], types: list[tuple[int, int, str]], footer: str
) -> bytes:
    """A TZif version 2 file (RFC 8536): (UTC seconds, type index) transitions, (offset,
    is DST, abbreviation) types, and the POSIX TZ string for later times."""
    chars = b""
    where = []
    for _, _, abbr in types:
        where.append(len(chars))
        chars += abbr.encode("ascii") + b"\0"

    def header(timecnt: int, typecnt: int) -> bytes:
        return b"TZif2" + b"\0" * 15 + struct.pack(">6l", 0, 0, 0, timecnt, typecnt, len(chars))

    # A version 1 block with no transitions; readers skip it for the 64-bit one.
    v1 = header(0, 1) + struct.pack(">lBB", types[0][0], types[0][1], 0) + chars
    body = b"".join(struct.pack(">q", t) for t, _ in transitions)
    body += bytes(k for _, k in transitions)
    body += b"".join(struct.pack(">lBB", o, d, where[k]) for k, (o, d, _) in enumerate(types))
    body += chars
    return v1 + header(len(transitions), len(types)) + body + b"\n" + footer.encode() + b"\n"


@pytest.mark.parametrize(
    "instant", ["2020-06-01T12:00Z", "2021-01-01T04:30Z", "2021-06-01T12:00Z", "2400-12-31T12:00Z"]
)
def test_a_rule_of_daylight_time_all_year(tmp_path: Path, instant: str) -> None:
    # RFC 8536 section 3.3.1: "EST5EDT,0/0,J365/25" is daylight time all year, the form
    # zic writes for a zone on permanent daylight time. Here it follows EDT from 2020.
    data = tzif_bytes(
        [(1577854800, 1)], [(-18000, 0, "EST"), (-14400, 1, "EDT")], "EST5EDT,0/0,J365/25"
    )
    (tmp_path / "Test").mkdir()
    (tmp_path / "Test" / "Permanent").write_bytes(data)
    expected = dt.datetime.fromisoformat(instant).astimezone(
        zoneinfo.ZoneInfo.from_file(io.BytesIO(data))
    )
    assert expected.utcoffset() == dt.timedelta(hours=-4)
    local = cr.to_local(instant, "Test/Permanent", zone_data=str(tmp_path))
    assert (naive(local), local.utcoffset()) == (naive(expected), expected.utcoffset())
    assert as_utc(local) == as_utc(expected)


# --- the host's zone settings do not matter ------------------------------------------------

_TZ_SCRIPT = r"""
import datetime as dt

import chronoreconcile as cr

epoch = dt.datetime(1970, 1, 1)
names = sorted(cr.available_zones())
for name in names:
    # A sample of each zone's transitions from 1850 to 2100, probed on both sides and inside.
    changes = cr.get_zone(name).transitions(-3_786_825_600, 4_102_444_800)
    for t, before, after in changes[:: max(1, len(changes) // 6)]:
        for shift in (before - 5400, (before + after) // 2, after + 5400):
            local = epoch + dt.timedelta(seconds=t + shift)
            instant = (local - dt.timedelta(seconds=before)).replace(tzinfo=dt.UTC)
            row = [name, local.isoformat()]
            for d in ("earlier", "later", "compatible"):
                row.append(cr.to_instant(local, name, disambiguation=d).isoformat())
            row.append(cr.format_instant(instant, name))
            row.append(str(cr.dates_by_zone(instant, [name, "Asia/Kolkata"])))
            print(" ".join(row))
print(cr.format_instant("1935-01-01T12:00Z", "Europe/Amsterdam"))
"""


@pytest.mark.slow
@any_zone_history
def test_results_do_not_depend_on_the_host_zone() -> None:
    source_root = str(Path(cr.__file__).resolve().parent.parent)
    base = {k: v for k, v in os.environ.items() if k not in ("TZ", "PYTHONTZPATH")}
    base["PYTHONPATH"] = os.pathsep.join(filter(None, [source_root, base.get("PYTHONPATH")]))
    probe = "import time; print(time.timezone, time.tzname)"
    settings = {
        "Asia/Kolkata": {"TZ": "Asia/Kolkata"},
        "America/Los_Angeles": {"TZ": "America/Los_Angeles"},
        "bogus": {"TZ": "Bogus/Nowhere"},
        # zoneinfo and pendulum would read the host's older files from here.
        "host zone files": {"PYTHONTZPATH": "/usr/share/zoneinfo"},
    }
    runs = {
        label: subprocess.Popen(
            [sys.executable, "-c", f"{probe}\n{_TZ_SCRIPT}"],
            env={**base, **extra},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for label, extra in settings.items()
    }
    outputs = {}
    host_zone = {}
    for label, proc in runs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, f"{label}: {err}"
        host_zone[label], _, outputs[label] = out.partition("\n")
    # The TZ settings took effect in the children, so the comparison can tell.
    assert host_zone["Asia/Kolkata"] != host_zone["America/Los_Angeles"]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(_TZ_SCRIPT, {})
    here = buffer.getvalue()
    assert here.count("\n") > 3000
    assert here.rstrip().endswith("1935-01-01T12:00:00+00:00[Europe/Amsterdam]")
    for label, out in outputs.items():
        assert out == here, label


# --- RFC 9557 text --------------------------------------------------------------------------


# Gambier left LMT (-08:59:48) for -09:00 in 1912: 12 seconds were shown twice, and the
# second reading's offset, written "-09:00", is also the first one's rounded to the minute.
@any_zone_history
@example(("Pacific/Gambier", dt.datetime(1912, 10, 1, 8, 59, 48, tzinfo=UTC)))
@pin_instants
@given(
    st.one_of(
        instants_near_transitions(),
        st.tuples(st.one_of(zone_names(), fixed_offsets()), instants()),
    )
)
def test_format_then_parse_gives_the_instant_back(zone_instant: tuple[str, dt.datetime]) -> None:
    zone, instant = zone_instant
    text = cr.format_instant(instant, zone)
    m = re.fullmatch(
        r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?)([+-]\d\d:\d\d(?::\d\d)?)\[([^\]]+)\]",
        text,
    )
    assert m is not None, text
    if zone in cr.available_zones():
        expected = instant.astimezone(zoneinfo.ZoneInfo(zone))
        assert m[3] == OFFSET_LIKE_IDS.get(zone, zone)
    else:
        expected = instant.astimezone(dt.timezone(dt.timedelta(seconds=offset_text_seconds(zone))))
    offset = expected.utcoffset()
    assert offset is not None
    # The offset is written with its seconds when it has them (LMT).
    assert m[2] == write_offset(int(offset.total_seconds()))
    assert dt.datetime.fromisoformat(m[1]) == naive(expected)
    for option in OFFSET_OPTIONS:
        parsed = cr.parse_instant(text, offset=option, disambiguation="compatible")
        if option == "ignore" and expected.fold:
            # Ignoring the offset loses which reading of a repeated local time it was.
            continue
        assert parsed.utcoffset() == ZERO
        assert as_utc(parsed) == as_utc(instant), option


def _minutes_round(seconds: int) -> int:
    # Temporal's halfExpand to the minute: half a minute rounds away from zero.
    sign = -1 if seconds < 0 else 1
    return sign * ((abs(seconds) + 30) // 60 * 60)


def _matching(given: int, text: str, valid: list[int]) -> int | None:
    """The zone offset that a written offset stands for, as Temporal matches it, except that
    an exact match wins over a rounded one: in a fold of a few seconds (Africa/Ndjamena left
    LMT +01:00:12 for +01:00 at the end of 1911) "+01:00" names the later reading exactly,
    while Temporal would take the earlier one, whose offset merely rounds to it."""
    with_seconds = text.count(":") == 2
    for offset in sorted(valid, key=lambda o: o != given):
        if offset == given or (not with_seconds and _minutes_round(offset) == given):
            return offset
    return None


def pin_offset_options(test: Test) -> Test:
    # Each pinned local time with the zone's own offset and with one 30 minutes off.
    for zone_local in reversed(PINNED_LOCALS):
        test = example(zone_local, True, 1, 30, "raise")(test)
        test = example(zone_local, False, 0, 30, "compatible")(test)
    return test


@any_zone_history
@pin_offset_options
@example(("Africa/Ndjamena", dt.datetime(1911, 12, 31, 23, 59, 48)), True, 1, -1, "raise")
@given(
    local_times_near_transitions(),
    st.booleans(),
    st.integers(0, 1),
    st.one_of(st.integers(-12 * 60, -1), st.integers(1, 12 * 60)),
    st.sampled_from(DISAMBIGUATIONS),
)
def test_parse_instant_offset_options_as_temporal(
    zone_local: tuple[str, dt.datetime],
    agree: bool,
    which: int,
    shift_minutes: int,
    disambiguation: Disambiguation,
) -> None:
    zone, local = zone_local
    valid = stdlib_offsets(local, zone)
    u0, _ = stdlib_readings(local, zone)
    if agree and valid:
        given = valid[min(which, len(valid) - 1)]
    else:
        # An offset the zone never had at that local time (in a gap, none is right).
        base = valid[0] if valid else int((local - u0).total_seconds())
        given = base + 60 * shift_minutes
        assume(given not in valid and abs(given) < 24 * 3600)
    written = write_offset(given)
    text = f"{local.isoformat()}{written}[{zone}]"
    matched = _matching(given, written, valid)
    wall = expected_wall(local, zone, disambiguation)
    expected: dict[OffsetOption, object] = {
        "use": local - dt.timedelta(seconds=given),
        "reject": cr.ParseError if matched is None else local - dt.timedelta(seconds=matched),
        "prefer": wall if matched is None else local - dt.timedelta(seconds=matched),
        "ignore": wall,
    }
    for option, want in expected.items():
        got = outcome(partial(cr.parse_instant, text, offset=option, disambiguation=disambiguation))
        assert got == want, option


def test_parse_instant_offset_options_examples() -> None:
    # 02:30 on 29 October 2023 was shown twice in Paris, at +02:00 and then at +01:00.
    text = "2023-10-29T02:30+01:00[Europe/Paris]"
    agreeing: tuple[OffsetOption, ...] = ("reject", "use", "prefer")
    for option in agreeing:
        assert cr.parse_instant(text, offset=option) == dt.datetime(2023, 10, 29, 1, 30, tzinfo=UTC)
    with pytest.raises(cr.AmbiguousTimeError):
        cr.parse_instant(text, offset="ignore")
    assert cr.parse_instant(text, offset="ignore", disambiguation="earlier") == dt.datetime(
        2023, 10, 29, 0, 30, tzinfo=UTC
    )
    # A disagreeing offset: Moscow was at +03:00 in May 1945, never +04:00.
    wrong = "1945-05-09T01:01+04:00[Europe/Moscow]"
    with pytest.raises(cr.ParseError, match=r"offset \+04:00 disagrees with zone 'Europe/Moscow'"):
        cr.parse_instant(wrong)
    assert cr.parse_instant(wrong, offset="use") == dt.datetime(1945, 5, 8, 21, 1, tzinfo=UTC)
    zone_first: tuple[OffsetOption, ...] = ("prefer", "ignore")
    for option in zone_first:
        assert cr.parse_instant(wrong, offset=option) == dt.datetime(1945, 5, 8, 22, 1, tzinfo=UTC)
    # An offset written to the minute matches Moscow mean time's +02:30:17 (Temporal
    # rounds the zone's offset to the minute for the comparison) ...
    assert cr.parse_instant("1880-01-01T02:30:17+02:30[Europe/Moscow]") == dt.datetime(
        1880, 1, 1, tzinfo=UTC
    )
    # ... but one written with seconds must match exactly.
    with pytest.raises(cr.ParseError, match="disagrees"):
        cr.parse_instant("1880-01-01T02:30:17+02:30:00[Europe/Moscow]")
    with pytest.raises(cr.ParseError, match="disagrees"):
        cr.parse_instant("1880-01-01T02:30:17+02:31[Europe/Moscow]")


@pytest.mark.parametrize("option", OFFSET_OPTIONS)
def test_z_with_a_zone_is_exact_under_every_offset_option(option: OffsetOption) -> None:
    # Temporal (InterpretISODateTimeOffset): "Z" makes the offset behaviour exact, so even
    # offset="ignore" keeps the instant; only a numeric offset is subject to the option.
    got = cr.parse_instant("2020-01-01T00:00Z[Europe/Paris]", offset=option)
    assert got == dt.datetime(2020, 1, 1, tzinfo=UTC)


# --- any text gives a value or a ChronoError -------------------------------------------------


def _value_or_chrono_error(call: Callable[[], dt.datetime]) -> None:
    # Any other exception propagates and fails the test; a value must be a UTC instant.
    outcome(call)


@example("9999-12-31T23:59[-01:00]", "reject", "raise")  # near the end of time, fixed zone
@example("9999-12-31T12:00[UTC]", "ignore", "compatible")
@example("2020-01-01T00:00+٠٣:٠٠", "reject", "raise")
@given(
    instant_texts(),
    st.sampled_from([*OFFSET_OPTIONS, "bogus"]),
    st.sampled_from([*DISAMBIGUATIONS, "soon"]),
)
def test_parse_instant_gives_a_value_or_a_chrono_error(
    text: str, option: Any, disambiguation: Any
) -> None:
    # The options are drawn with a bogus word among them: Any lets it through.
    _value_or_chrono_error(
        lambda: cr.parse_instant(text, offset=option, disambiguation=disambiguation)
    )


@any_zone_history
@example("9999-12-31T12:00", "+10:00", "raise")  # near the end of time, fixed zone
@example("9999-12-31T23:59", "UTC", "compatible")
@example("0001-01-01T00:00", "Europe/Paris", "compatible")
@given(near_valid_local_time_texts(), zone_texts(), st.sampled_from([*DISAMBIGUATIONS, "soon"]))
def test_to_instant_gives_a_value_or_a_chrono_error(
    text: str, zone: str, disambiguation: Any
) -> None:
    _value_or_chrono_error(lambda: cr.to_instant(text, zone, disambiguation=disambiguation))


@pytest.mark.parametrize("local", [None, 1945, b"1945-05-08T23:01", dt.date(1945, 5, 8), 1.5])
def test_to_instant_rejects_what_is_not_a_local_time(local: object) -> None:
    with pytest.raises(cr.ChronoError):
        cr.to_instant(local, "Europe/Paris")  # type: ignore[arg-type]


@pytest.mark.parametrize("zone", [None, 10, dt.UTC, zoneinfo.ZoneInfo("Europe/Paris")])
def test_to_instant_rejects_what_is_not_a_zone(zone: object) -> None:
    with pytest.raises(cr.ChronoError):
        cr.to_instant("1945-05-08T23:01", zone)  # type: ignore[arg-type]


# --- fixed offsets and zones of record -----------------------------------------------------


@given(fixed_offsets(), instants())
def test_a_fixed_offset_is_that_offset_always(zone: str, instant: dt.datetime) -> None:
    offset = dt.timedelta(seconds=offset_text_seconds(zone))
    local = cr.to_local(instant, zone)
    assert local.utcoffset() == offset
    assert naive(local) == naive(instant) + offset
    back = cr.to_instant(naive(local), zone)
    assert as_utc(back) == as_utc(instant)


_PERIOD_STARTS = st.lists(
    st.integers(-5_000_000_000, 7_000_000_000), min_size=1, max_size=5, unique=True
).map(sorted)


@given(_PERIOD_STARTS, st.data())
def test_zone_of_record_keeps_each_periods_offset(starts: list[int], data: st.DataObject) -> None:
    offsets = [data.draw(fixed_offsets(), label=f"offset {k}") for k in range(len(starts))]
    periods = [
        ((dt.datetime(1970, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=s)).isoformat(), o, f"P{k}")
        for k, (s, o) in enumerate(zip(starts, offsets, strict=True))
    ]
    zone = cr.zone_of_record("ship", periods=periods)
    seconds = data.draw(st.integers(starts[0] - 86400, starts[-1] + 86400), label="instant")
    instant = dt.datetime(1970, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=seconds)
    if seconds < starts[0]:
        with pytest.raises(cr.ChronoError, match="zone of record 'ship' starts at"):
            cr.to_local(instant, zone)
        return
    k = max(i for i, s in enumerate(starts) if s <= seconds)
    local = cr.to_local(instant, zone)
    assert local.utcoffset() == dt.timedelta(seconds=offset_text_seconds(offsets[k]))
    assert as_utc(local) == as_utc(instant)
    # Periods close together can show a local time three times, more than fold=0/1 tells
    # apart: fold=0 is the earliest reading, fold=1 a later one.
    earlier = as_utc(cr.to_instant(naive(local), zone, disambiguation="earlier"))
    later = as_utc(cr.to_instant(naive(local), zone, disambiguation="later"))
    assert earlier <= as_utc(instant) <= later
    assert (local.fold == 0) == (earlier == as_utc(instant))


def test_zone_of_record_examples() -> None:
    ship = cr.zone_of_record(
        "ship",
        periods=[
            ("1945-05-01T00:00+00:00", "+02:00", "A"),
            ("1945-06-01T00:00+00:00", "+03:00", "B"),
            ("1945-07-01T00:00+00:00", "UTC+01:00", "C"),
        ],
    )
    for instant, hours in [
        ("1945-05-15T12:00Z", 2),
        ("1945-06-15T12:00Z", 3),
        ("1945-07-15T12:00Z", 1),
        ("2045-07-15T12:00Z", 1),
    ]:
        assert cr.to_local(instant, ship).utcoffset() == dt.timedelta(hours=hours)
    with pytest.raises(cr.ChronoError, match=r"starts at 1945-05-01T00:00:00Z"):
        cr.to_local("1945-04-30T23:59Z", ship)
    # 01:00 at +02:00 is 23:00Z the day before the first period starts.
    with pytest.raises(cr.ChronoError, match=r"starts at 1945-05-01T00:00:00Z"):
        cr.to_instant("1945-05-01T01:00", ship)
    with pytest.raises(cr.NonexistentTimeError, match="from 1945-06-01 02:00 to 1945-06-01 03:00"):
        cr.to_instant("1945-06-01T02:30", ship)
    with pytest.raises(cr.AmbiguousTimeError, match=r"1945-06-30T23:30Z \(\+03:00\) or"):
        cr.to_instant("1945-07-01T02:30", ship)
    later = cr.to_instant("1945-07-01T02:30", ship, disambiguation="later")
    assert later == dt.datetime(1945, 7, 1, 1, 30, tzinfo=UTC)
    shown = cr.to_local(later, ship)
    assert (naive(shown), shown.fold, shown.utcoffset()) == (
        dt.datetime(1945, 7, 1, 2, 30),
        1,
        dt.timedelta(hours=1),
    )
    # Without a start, the first period reaches back indefinitely.
    open_ended = cr.zone_of_record(
        "front", periods=[(None, "+10:00", None), ("1945-08-09T00:00+10:00", "+09:00", None)]
    )
    assert cr.to_local("1900-01-01T00:00Z", open_ended).utcoffset() == dt.timedelta(hours=10)
    with pytest.raises(cr.ChronoError, match="increasing order"):
        cr.zone_of_record(
            "x",
            periods=[("1945-06-01T00:00Z", "+01:00", None), ("1945-05-01T00:00Z", "+02:00", None)],
        )
    with pytest.raises(cr.ChronoError, match="only the first period may lack a start"):
        cr.zone_of_record("x", periods=[(None, "+01:00", None), (None, "+02:00", None)])


def test_zone_of_record_shows_an_instant_soon_after_its_first_start() -> None:
    # A ship's log begins at 00:00Z on 1 May at +03:00; at 01:00Z the clocks go back to
    # +01:00. At 01:30Z the clocks show 02:30 (+01:00); the other reading of 02:30 at
    # +03:00 would be 23:30Z on 30 April, before the log begins, but that does not make
    # 01:30Z itself unknown.
    ship = cr.zone_of_record(
        "ship",
        periods=[
            ("1945-05-01T00:00+00:00", "+03:00", None),
            ("1945-05-01T01:00+00:00", "+01:00", None),
        ],
    )
    local = cr.to_local("1945-05-01T01:30Z", ship)
    assert (naive(local), local.utcoffset()) == (
        dt.datetime(1945, 5, 1, 2, 30),
        dt.timedelta(hours=1),
    )


# --- errors say what is wrong ----------------------------------------------------------------


def test_unknown_zone_suggests_close_names() -> None:
    with pytest.raises(cr.UnknownZoneError, match=r"did you mean 'Europe/Moscow'") as info:
        cr.to_instant("1945-05-09T01:01", "Europe/Moskow")
    assert info.value.suggestions[0] == "Europe/Moscow"
    with pytest.raises(cr.UnknownZoneError, match=r"unknown zone 'Europe/Moskow'"):
        cr.parse_instant("1945-05-09T01:01+03:00[Europe/Moskow]")


def test_ambiguous_time_names_both_candidates() -> None:
    with pytest.raises(
        cr.AmbiguousTimeError,
        match=re.escape(
            "2023-10-29 02:30 is repeated in zone 'Europe/Paris':"
            " 2023-10-29T00:30Z (+02:00) or 2023-10-29T01:30Z (+01:00)"
        ),
    ):
        cr.to_instant("2023-10-29T02:30", "Europe/Paris")


def test_nonexistent_time_names_the_gap() -> None:
    with pytest.raises(
        cr.NonexistentTimeError,
        match=re.escape(
            "2023-03-26 02:30 does not exist in zone 'Europe/Paris':"
            " clocks skipped from 2023-03-26 02:00 to 2023-03-26 03:00"
        ),
    ):
        cr.to_instant("2023-03-26T02:30", "Europe/Paris")
    with pytest.raises(cr.NonexistentTimeError, match="from 1994-12-31 00:00 to 1995-01-01 00:00"):
        cr.to_instant("1994-12-31T12:00", "Pacific/Kiritimati")


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        (lambda: cr.to_instant("1945-13-08T23:01", "+01:00"), "month 13"),
        (lambda: cr.to_instant("1945-02-30T12:00", "+01:00"), "day 30 of February 1945"),
        (lambda: cr.parse_instant("1945-13-08T23:01+01:00"), "month 13"),
        (lambda: cr.parse_instant("1945-02-30T12:00Z"), "day 30 of February 1945"),
        (lambda: cr.to_instant("1945-05-08T24:00", "+01:00"), "hour 24"),
        (lambda: cr.to_instant("1945-05-08T23:60", "+01:00"), "minute 60"),
    ],
)
def test_parse_errors_name_the_field(call: Callable[[], object], problem: str) -> None:
    with pytest.raises(cr.ParseError, match=re.escape(problem)):
        call()


def test_unknown_disambiguation_lists_the_valid_ones() -> None:
    listed = re.escape("expected one of 'raise', 'earlier', 'later', 'compatible'")
    with pytest.raises(cr.ChronoError, match=rf"unknown disambiguation 'soon'; {listed}"):
        cr.to_instant("1945-05-08T23:01", "Europe/Berlin", disambiguation="soon")  # type: ignore[arg-type]
    with pytest.raises(cr.ChronoError, match=rf"unknown disambiguation 'soon'; {listed}"):
        cr.parse_instant("1945-05-08T23:01[Europe/Berlin]", disambiguation="soon")  # type: ignore[arg-type]
    with pytest.raises(cr.ChronoError, match="unknown offset option 'maybe'"):
        cr.parse_instant("1945-05-08T23:01[Europe/Berlin]", offset="maybe")  # type: ignore[arg-type]


def test_an_aware_datetime_is_not_a_local_time() -> None:
    aware = dt.datetime(1945, 5, 8, 23, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    with pytest.raises(cr.ChronoError, match=r"is aware .* not a local time"):
        cr.to_instant(aware, "Europe/Berlin")
    with pytest.raises(cr.ParseError, match="carries an offset, so it is an instant"):
        cr.to_instant("1945-05-08T23:01+01:00", "Europe/Berlin")
    with pytest.raises(cr.ChronoError, match=r"is a local time \(naive\)"):
        cr.to_local(dt.datetime(1945, 5, 8, 23, 1), "Europe/Berlin")
