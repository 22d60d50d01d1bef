"""The bundled backzone data (src/chronoreconcile/data/backzone), built by tools/build_backzone.py.

The files are read with the library's public ``get_zone(name, zone_data=DIR)``; the seven
legacy ids that read like abbreviations (CET, MET, ...), which ``get_zone`` refused until
issue 10, are read with the standard library's ``zoneinfo.ZoneInfo.from_file``. The tool's
own TZif reader is used only to list each file's transition instants, the points at which
two zones can start or stop agreeing.

Examples cite the lines of the tz source's ``backzone`` file they rest on;
``test_backzone_says_so`` checks those lines in ../shared/tz when it is present.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import importlib.resources
import importlib.util
import io
import json
import shutil
import subprocess
import sys
import warnings
import zoneinfo
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

import chronoreconcile as cr

REPO = Path(__file__).resolve().parents[1]
BUNDLED = Path(str(importlib.resources.files("chronoreconcile").joinpath("data", "backzone")))
MANIFEST = json.loads((BUNDLED / "MANIFEST.json").read_text(encoding="utf-8"))
ZONES = {z["name"]: z for z in MANIFEST["zones"]}
TZ_SOURCE = REPO.parent / "shared" / "tz"
ZIC = shutil.which("zic") or "/usr/sbin/zic"
# Legacy ids get_zone refuses, since a document's "CET" means a fixed offset.
ABBREVIATION_IDS = {"CET", "MET", "EET", "WET", "EST", "MST", "HST"}
HORIZON = calendar.timegm((2101, 1, 1, 0, 0, 0))

Period = tuple[int, str, bool]  # offset seconds, abbreviation, is DST


def utc(text: str) -> int:
    return calendar.timegm(dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timetuple())


@cache
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_backzone", REPO / "tools" / "build_backzone.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_backzone"] = module
    spec.loader.exec_module(module)
    return module


def package_bytes(name: str) -> bytes:
    root = importlib.resources.files("tzdata").joinpath("zoneinfo")
    return root.joinpath(*name.split("/")).read_bytes()


def bundled_bytes(name: str) -> bytes:
    return BUNDLED.joinpath(*name.split("/")).read_bytes()


@cache
def periods(name: str, bundled: bool) -> Callable[[int], Period]:
    """The period in force at an instant, in the bundled file or the package's."""
    if name in ABBREVIATION_IDS:
        data = bundled_bytes(name) if bundled else package_bytes(name)
        tz = zoneinfo.ZoneInfo.from_file(io.BytesIO(data), key=name)

        def read(t: int) -> Period:
            local = dt.datetime.fromtimestamp(t, dt.UTC).astimezone(tz)
            offset, dst = local.utcoffset(), local.dst()
            assert offset is not None and dst is not None
            return int(offset.total_seconds()), str(local.tzname()), bool(dst)

        return read
    zone = cr.get_zone(name, zone_data=str(BUNDLED)) if bundled else cr.get_zone(name)

    def quietly(t: int) -> Period:
        # Comparing the two data sets is the point here: the package's merged zones give a
        # HistoryWarning before 1970, which tests/test_history.py pins.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", cr.HistoryWarning)
            return zone.period_at(t)

    return quietly


@cache
def cuts(name: str) -> tuple[int, ...]:
    """Every transition instant of either file through 2100 (footers followed)."""
    read, extend = tool().read_tzif, tool().extend
    found = {t for t, _ in extend(read(bundled_bytes(name), name))}
    found |= {t for t, _ in extend(read(package_bytes(name), name))}
    if name not in ABBREVIATION_IDS:
        for bundled in (True, False):
            zone = cr.get_zone(name, zone_data=str(BUNDLED)) if bundled else cr.get_zone(name)
            found |= {t for t, _, _ in zone.transitions(utc("1800-01-01T00:00Z"), HORIZON)}
    return tuple(sorted(t for t in found if t < HORIZON))


def differences_after(name: str, start: int) -> list[tuple[int, int, Period, Period]]:
    """Periods [from, until) from ``start`` on where the bundled file and the package
    disagree, adjacent ones with the same two periods joined."""
    mine, theirs = periods(name, True), periods(name, False)
    points = [start, *(t for t in cuts(name) if t > start)]
    out: list[tuple[int, int, Period, Period]] = []
    for k, t in enumerate(points):
        a, b = mine(t), theirs(t)
        if a == b:
            continue
        end = points[k + 1] if k + 1 < len(points) else HORIZON
        if out and out[-1][1] == t and out[-1][2:] == (a, b):
            out[-1] = (out[-1][0], end, a, b)
        else:
            out.append((t, end, a, b))
    return out


SPLICED = sorted(name for name, z in ZONES.items() if z["kind"] != "added")


# --- examples, from the tz source's backzone file ---------------------------------------


def test_amsterdam_kept_its_mean_time_in_1935() -> None:
    # backzone: "Zone Europe/Amsterdam 0:19:32 - LMT 1835"
    #           "0:19:32 Neth %s 1937 Jul 1" (no Neth rule is in force in January).
    zone = cr.get_zone("Europe/Amsterdam", zone_data=str(BUNDLED))
    assert zone.period_at(utc("1935-01-15T12:00Z"))[0] == 19 * 60 + 32
    with pytest.warns(cr.HistoryWarning, match=r"backzone data says \+00:19:32"):
        assert cr.get_zone("Europe/Amsterdam").period_at(utc("1935-01-15T12:00Z"))[0] == 0


def test_amsterdam_was_twenty_minutes_ahead_when_the_netherlands_fell() -> None:
    # backzone: "0:20 Neth +0020/+0120 1940 May 16 0:00"; the Neth summer rules end with
    # "Rule Neth 1938 1939 - May 15 2:00s 1:00 S", so 14 May 1940 is standard time.
    zone = cr.get_zone("Europe/Amsterdam", zone_data=str(BUNDLED))
    assert zone.period_at(utc("1940-05-14T12:00Z")) == (20 * 60, "+0020", False)
    # Brussels' history, which the package gives for Amsterdam, was an hour ahead.
    with pytest.warns(cr.HistoryWarning, match=r"into Europe/Brussels .* says \+00:20"):
        assert cr.get_zone("Europe/Amsterdam").period_at(utc("1940-05-14T12:00Z"))[0] == 3600


def test_harbin_kept_half_past_eight_until_1980() -> None:
    # backzone: "Zone Asia/Harbin 8:26:44 - LMT 1928", "8:30 - +0830 1932 Mar",
    #           "8:30 - +0830 1980 May", "8:00 PRC C%sT".
    zone = cr.get_zone("Asia/Harbin", zone_data=str(BUNDLED))
    assert zone.period_at(utc("1930-06-01T00:00Z")) == (8 * 3600 + 1800, "+0830", False)
    assert zone.period_at(utc("1975-06-01T00:00Z"))[0] == 8 * 3600 + 1800
    assert zone.period_at(utc("1981-01-01T00:00Z")) == (8 * 3600, "CST", False)
    with pytest.warns(cr.HistoryWarning, match=r"into Asia/Shanghai .* says \+08:30"):
        assert cr.get_zone("Asia/Harbin").period_at(utc("1930-06-01T00:00Z"))[0] == 8 * 3600


def test_yellowknife_follows_the_package_not_the_older_source() -> None:
    # The source (tz 2026c+) still has "-7:00 Canada M%sT" for Yellowknife; the package
    # (2026f) has it on Central time from November 2026. The package wins after the splice.
    zone = cr.get_zone("America/Yellowknife", zone_data=str(BUNDLED))
    assert zone.period_at(utc("2027-01-15T12:00Z")) == (-6 * 3600, "CST", False)
    assert ZONES["America/Yellowknife"]["dropped_from_source"]["from"] == "2026-11-01T08:00:00Z"


_BACKZONE_LINES = [
    "Zone Europe/Amsterdam 0:19:32 - LMT 1835",
    "0:19:32 Neth %s 1937 Jul 1",
    "0:20 Neth +0020/+0120 1940 May 16 0:00",
    "Rule Neth 1938 1939 - May 15 2:00s 1:00 S",
    "Zone Asia/Harbin 8:26:44 - LMT 1928 # or Haerbin",
    "8:30 - +0830 1932 Mar",
    "8:30 - +0830 1980 May",
    "8:00 PRC C%sT",
    "Zone America/Yellowknife 0 - -00 1935 # Yellowknife founded?",
    "-7:00 Canada M%sT",
]


@pytest.mark.skipif(not TZ_SOURCE.is_dir(), reason="the tz source is not beside the project")
@pytest.mark.parametrize("line", _BACKZONE_LINES)
def test_backzone_says_so(line: str) -> None:
    text = (TZ_SOURCE / "backzone").read_text(encoding="utf-8")
    assert line in {" ".join(row.split()) for row in text.splitlines()}


# --- where the bundled data differs from the package after 1970 -------------------------

# Every zone whose bundled data differs from tzdata 2026f after 1970: the first and last
# date of the differences and how many periods they make (offset, abbreviation or DST flag).
AFTER_1970 = [
    ("America/Ensenada", "1970-04-26", "1995-10-29", 26),  # no DST 1970-1995 (Tijuana has)
    ("America/Nipigon", "1970-04-26", "1973-10-28", 4),  # no DST 1970-1973 (Toronto has)
    ("America/Rainy_River", "1970-04-26", "1999-10-31", 30),  # DST at other hours
    ("America/Rosario", "1991-03-03", "1993-03-07", 3),  # Cordoba's 1991 switch
    ("Asia/Chongqing", "1970-01-01", "1980-04-30", 1),  # +07:00 until May 1980
    ("Asia/Harbin", "1970-01-01", "1980-04-30", 1),  # +08:30 until May 1980
    ("Asia/Kashgar", "1970-01-01", "2000-01-01", 14),  # +05:00, then Beijing time
    ("Atlantic/Jan_Mayen", "1970-01-01", "2000-01-01", 41),  # -01:00 all along
    ("EET", "1975-04-11", "1980-09-28", 10),  # EU rules, not Athens'
    ("Europe/Tiraspol", "1990-05-05", "2000-01-01", 37),  # Moscow time from 1990
    ("Europe/Uzhgorod", "1990-03-24", "1991-09-29", 4),  # +01:00 in 1990-1991
    ("Europe/Zaporozhye", "1990-06-30", "1991-09-29", 3),  # Moscow time until 1991
    ("MET", "1970-01-01", "2000-01-01", 47),  # the same offsets, written MET/MEST
    ("Pacific/Enderbury", "1970-01-01", "2000-01-01", 3),  # uninhabited: -00
    ("WET", "1970-01-01", "1996-03-31", 20),  # EU rules, not Lisbon's
]


def test_the_zones_that_differ_after_1970_are_listed_with_their_dates() -> None:
    listed = {name: (first, last, n) for name, first, last, n in AFTER_1970}
    found = {}
    for name in SPLICED:
        diffs = differences_after(name, utc("1970-01-01T00:00Z"))
        if diffs:
            first = dt.datetime.fromtimestamp(diffs[0][0], dt.UTC).date().isoformat()
            last = dt.datetime.fromtimestamp(diffs[-1][1], dt.UTC).date().isoformat()
            found[name] = (first, last, len(diffs))
    assert found == listed


def test_the_manifest_lists_the_same_differences_after_1970() -> None:
    for name in SPLICED:
        listed = [
            (utc(d["from"]), utc(d["until"]), d["backzone"], d["package"])
            for d in ZONES[name]["differences_after_1970"]
        ]
        found = [
            (start, end, _shown(a), _shown(b))
            for start, end, a, b in differences_after(name, utc("1970-01-01T00:00Z"))
        ]
        assert found == listed, name


def _shown(period: Period) -> dict[str, object]:
    offset, abbr, dst = period
    sign = "-" if offset < 0 else "+"
    h, rem = divmod(abs(offset), 3600)
    m, s = divmod(rem, 60)
    text = f"{sign}{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")
    return {"offset": text, "dst": dst, "abbreviation": abbr}


@pytest.mark.parametrize("name", SPLICED)
def test_no_zone_differs_from_the_package_after_its_splice(name: str) -> None:
    splice = ZONES[name]["splice"]
    start = utc(splice) if splice else utc("1800-01-01T00:00Z")
    assert differences_after(name, start) == []
    # And at instants through 2100 that are not transitions: the 1st and 15th of each month.
    mine, theirs = periods(name, True), periods(name, False)
    first = dt.datetime.fromtimestamp(start, dt.UTC).year
    for year in range(max(first, 1900), 2101):
        for month in range(1, 13):
            for day in (1, 15):
                t = calendar.timegm((year, month, day, 12, 0, 0))
                if t >= start:
                    assert mine(t) == theirs(t), (name, year, month, day)


@pytest.mark.parametrize("name", SPLICED)
def test_the_splice_is_at_the_end_of_the_last_difference_before_2000(name: str) -> None:
    zone = ZONES[name]
    assert zone["splice"] is not None  # every backzone zone differs from the package somewhere
    at = utc(zone["splice"])
    assert at <= utc("2000-01-01T00:00Z")
    mine, theirs = periods(name, True), periods(name, False)
    assert mine(at) == theirs(at)
    # Just before the splice the bundled data still says what backzone says, not the package.
    assert mine(at - 1) != theirs(at - 1)
    # A cut at 2000 is where a disagreement was still in force.
    assert zone["cut_at_2000"] == (at == utc("2000-01-01T00:00Z"))


# --- the manifest agrees with the files -------------------------------------------------


def test_the_manifest_names_both_releases() -> None:
    assert MANIFEST["tzdata"] == cr.tzdata_version()
    assert MANIFEST["tz_source"] == "2026c+"  # ../shared/tz/README.md: 2026c plus changes


def test_the_manifest_lists_every_file_and_its_digest() -> None:
    files = {
        p.relative_to(BUNDLED).as_posix()
        for p in BUNDLED.rglob("*")
        if p.is_file() and p.name != "MANIFEST.json"
    }
    assert files == set(ZONES)
    assert len(ZONES) == 130
    for name, zone in ZONES.items():
        assert hashlib.sha256(bundled_bytes(name)).hexdigest() == zone["sha256"], name


def test_every_zone_is_a_merge_but_the_one_the_package_lacks() -> None:
    kinds = {name: z["kind"] for name, z in ZONES.items()}
    assert {n for n, k in kinds.items() if k != "merge"} == {"Asia/Hanoi"}
    assert kinds["Asia/Hanoi"] == "added"
    assert "Asia/Hanoi" not in cr.available_zones()
    for name in SPLICED:
        mine, theirs = periods(name, True), periods(name, False)
        before = [t for t in cuts(name) if t < utc("1970-01-01T00:00Z")]
        assert any(mine(t) != theirs(t) for t in before), name


def test_hanoi_is_backzone_as_compiled() -> None:
    # backzone: "Zone Asia/Hanoi 7:03:24 - LMT 1906 Jul 1" ... "8:00 - +08 1954 Oct",
    # "7:00 - +07".
    zone = cr.get_zone("Asia/Hanoi", zone_data=str(BUNDLED))
    assert zone.period_at(utc("1900-01-01T00:00Z")) == (7 * 3600 + 3 * 60 + 24, "LMT", False)
    assert zone.period_at(utc("1950-01-01T00:00Z"))[0] == 8 * 3600
    assert zone.period_at(utc("2026-01-01T00:00Z")) == (7 * 3600, "+07", False)


def test_the_manifest_periods_are_what_the_files_say() -> None:
    for name in SPLICED:
        mine, theirs = periods(name, True), periods(name, False)
        for d in ZONES[name]["differences_after_1970"]:
            t = utc(d["from"])
            assert _shown(mine(t)) == d["backzone"] and _shown(theirs(t)) == d["package"]


# --- the build is reproducible ----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not TZ_SOURCE.is_dir(), reason="the tz source is not beside the project")
@pytest.mark.skipif(not Path(ZIC).is_file(), reason="no zic on this machine")
def test_the_script_rebuilds_the_same_bytes(tmp_path: Path) -> None:
    out = tmp_path / "backzone"
    script = REPO / "tools" / "build_backzone.py"
    done = subprocess.run(
        [
            sys.executable,
            str(script),
            "--tz-source",
            str(TZ_SOURCE),
            "--zic",
            ZIC,
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    assert "wrote 130 zones (129 merges)" in done.stdout
    built = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    shipped = {
        p.relative_to(BUNDLED).as_posix(): p.read_bytes() for p in BUNDLED.rglob("*") if p.is_file()
    }
    assert built.keys() == shipped.keys()
    assert [name for name in built if built[name] != shipped[name]] == []
