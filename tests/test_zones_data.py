"""Which zone data a call uses, the names refused before any file opens, and HistoryWarning.

Examples cite the lines of the tz source's ``backzone`` file they rest on (the lines are
checked against ../shared/tz in tests/test_backzone_data.py).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import pathlib
import pickle
import shutil
import time
import warnings
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile.zones import manifest, set_default_zone_data

MANIFEST = manifest()
# The package's links whose own history tzdata merged away, and the plain renames.
MERGED = sorted(
    n for n, z in MANIFEST["zones"].items() if z["kind"] == "merge" and cr.get_zone(n).target
)
RENAMES = sorted(
    n for n in cr.available_zones() if cr.get_zone(n).target and n not in MANIFEST["zones"]
)


def utc(text: str) -> int:
    return calendar.timegm(dt.datetime.fromisoformat(text).timetuple())


@pytest.fixture
def backzone_default() -> Iterator[None]:
    previous = set_default_zone_data("backzone")
    try:
        yield
    finally:
        set_default_zone_data(previous)


# --- zone_data="backzone" ---------------------------------------------------------------


def test_harbin_is_half_past_eight_in_1930_under_backzone() -> None:
    # backzone: "Zone Asia/Harbin 8:26:44 - LMT 1928", "8:30 - +0830 1932 Mar".
    local = cr.to_local("1930-06-01T12:00Z", "Asia/Harbin", zone_data="backzone")
    assert local.utcoffset() == dt.timedelta(hours=8, minutes=30)


def test_amsterdam_kept_its_own_mean_time_under_backzone() -> None:
    # backzone: "0:19:32 Neth %s 1937 Jul 1", then "0:20 Neth +0020/+0120 1940 May 16 0:00".
    text = cr.format_instant("1935-01-15T12:00Z", "Europe/Amsterdam", zone_data="backzone")
    assert text == "1935-01-15T12:19:32+00:19:32[Europe/Amsterdam]"
    may = cr.to_local("1940-05-14T12:00Z", "Europe/Amsterdam", zone_data="backzone")
    assert may.utcoffset() == dt.timedelta(minutes=20)


def test_backzone_takes_other_names_from_the_package() -> None:
    shanghai = cr.get_zone("Asia/Shanghai", zone_data="backzone")
    assert shanghai.data_release == f"tzdata {cr.tzdata_version()}"
    harbin = cr.get_zone("Asia/Harbin", zone_data="backzone")
    assert harbin.data_release == "backzone from tz 2026c+" and harbin.target is None
    assert harbin.describe() == "Asia/Harbin (IANA backzone from tz 2026c+)"


def test_a_backzone_link_reads_its_target_from_the_bundled_files() -> None:
    # backzone: "Link Atlantic/Reykjavik Iceland"; the package links Iceland to Abidjan.
    assert MANIFEST["links"]["Iceland"] == "Atlantic/Reykjavik"
    iceland = cr.get_zone("Iceland", zone_data="backzone")
    reykjavik = cr.get_zone("Atlantic/Reykjavik", zone_data="backzone")
    at = utc("1950-06-01T12:00")
    assert iceland.period_at(at) == reykjavik.period_at(at)


def test_the_default_is_set_in_one_place(backzone_default: None) -> None:
    assert cr.tzdata_version() == f"{MANIFEST['tzdata']}; backzone from tz 2026c+"
    assert cr.get_zone("Asia/Harbin").data_release == "backzone from tz 2026c+"
    offset = cr.to_local("1930-06-01T12:00Z", "Asia/Harbin").utcoffset()
    assert offset == dt.timedelta(hours=8, minutes=30)
    # "tzdata" asks for the package whatever the default.
    assert cr.get_zone("Asia/Harbin", zone_data="tzdata").target == "Asia/Shanghai"


def test_a_zone_pickles_with_the_data_it_came_from() -> None:
    zone = cr.get_zone("Europe/Amsterdam", zone_data="backzone")
    assert pickle.loads(pickle.dumps(zone)) is zone


def test_a_directory_is_still_zone_data(tmp_path: pathlib.Path) -> None:
    bundled = pathlib.Path(str(cr.get_zone.__globals__["__file__"])).parents[1]
    source = bundled / "data" / "backzone" / "Europe" / "Amsterdam"
    (tmp_path / "Europe").mkdir()
    shutil.copy(source, tmp_path / "Europe" / "Amsterdam")
    zone = cr.get_zone("Europe/Amsterdam", zone_data=str(tmp_path))
    assert zone.data_release == f"zone data {tmp_path}"
    assert zone.offset_seconds(utc("1935-01-15T12:00")) == 19 * 60 + 32


# --- names refused before any file is opened ---------------------------------------------

BAD_NAMES = [
    "/etc/localtime",
    "/usr/share/zoneinfo/Asia/Tokyo",
    "../etc/passwd",
    "Europe/../Europe/Paris",
    "Europe//Paris",
    "Europe/Paris/",
    "./Europe/Paris",
    "Europe\\Paris",
    "Europe/Pa\0ris",
    "A" * 300,
]


@pytest.mark.parametrize("name", BAD_NAMES)
@pytest.mark.parametrize("data", [None, "backzone", "dir"])
def test_a_name_that_is_no_key_is_refused_before_any_file_opens(
    name: str, data: str | None, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 9 and 10: with zone_data=DIR, "/etc/localtime" must not read the host's file.
    zone_data = str(tmp_path) if data == "dir" else data

    def no_files(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was opened")

    monkeypatch.setattr(pathlib.Path, "read_bytes", no_files)
    monkeypatch.setattr(pathlib.Path, "is_file", no_files)
    with pytest.raises(cr.UnknownZoneError, match="not a zone name"):
        cr.get_zone(name, zone_data=zone_data)


@pytest.mark.parametrize("length", [200, 255, 5000])
def test_a_long_name_is_answered_at_once(length: int) -> None:
    started = time.perf_counter()
    with pytest.raises(cr.UnknownZoneError):
        cr.get_zone("Europe/" + "x" * length)
    assert time.perf_counter() - started < 0.5


# --- how a zone says where it came from -----------------------------------------------------


def test_describe_tells_a_merge_from_a_rename() -> None:
    version = cr.tzdata_version()
    harbin = cr.get_zone("Asia/Harbin").describe()
    assert harbin == f"Asia/Harbin (IANA tzdata {version}, merged into Asia/Shanghai)"
    calcutta = cr.get_zone("Asia/Calcutta").describe()
    assert calcutta == f"Asia/Calcutta (IANA tzdata {version}, renamed to Asia/Kolkata)"


# --- HistoryWarning ------------------------------------------------------------------------


def test_harbin_before_1970_warns_under_the_default_data() -> None:
    # tzdata: "Link Asia/Shanghai Asia/Harbin"; backzone: "8:30 - +0830 1932 Mar".
    with pytest.warns(cr.HistoryWarning) as caught:
        local = cr.to_local("1930-06-01T12:00Z", "Asia/Harbin")
    assert local.utcoffset() == dt.timedelta(hours=8)
    (record,) = caught
    text = str(record.message)
    assert "Asia/Harbin at 1930-06-01T12:00Z" in text
    assert "merged its history into Asia/Shanghai" in text
    assert "backzone data says +08:30" in text
    assert "zone_data='backzone'" in text and "zone of record" in text


def test_the_warning_is_given_once_per_zone_and_call() -> None:
    # A month of 1930 in Harbin: every instant of it is read, one warning is given.
    with pytest.warns(cr.HistoryWarning) as caught:
        span = cr.Event("e", "1930-06", "Asia/Harbin").span
    assert span is not None
    assert len([w for w in caught if issubclass(w.category, cr.HistoryWarning)]) == 1


def test_the_warning_can_be_silenced() -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=cr.HistoryWarning)
        cr.to_local("1930-06-01T12:00Z", "Asia/Harbin")


def test_backzone_data_gives_no_warning() -> None:
    cr.to_local("1930-06-01T12:00Z", "Asia/Harbin", zone_data="backzone")


def _differing_instants(name: str) -> list[int]:
    """Pre-1970 instants (mid-period) where the package and backzone give other offsets."""
    mine = cr.get_zone(name, zone_data="backzone")
    start = utc("1800-01-01T00:00")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cr.HistoryWarning)
        package = cr.get_zone(name)
        cuts = {start, 0} | {t for t, _, _ in mine.transitions(start, 0)}
        cuts |= {t for t, _, _ in package.transitions(start, 0)}
        points = [(a + b) // 2 for a, b in itertools.pairwise(sorted(cuts))]
        return [t for t in points if package.offset_seconds(t) != mine.offset_seconds(t)]


@pytest.mark.parametrize("name", MERGED)
def test_the_warning_fires_for_every_merged_zone_where_the_offsets_differ(name: str) -> None:
    differing = _differing_instants(name)
    zone = cr.get_zone(name)
    for t in differing[:5]:
        with pytest.warns(cr.HistoryWarning, match=f"^(zone '{name}'|{name}) at "):
            zone.offset_seconds(t)
    assert differing


@given(st.sampled_from(MERGED), st.integers(0, utc("2100-01-01T00:00")))
def test_the_warning_never_fires_from_1970_on(name: str, t: int) -> None:
    cr.get_zone(name).period_at(t)  # filterwarnings = error: a warning would fail this


@given(st.sampled_from(RENAMES), st.integers(utc("1850-01-01T00:00"), utc("2100-01-01T00:00")))
def test_the_warning_never_fires_for_a_rename(name: str, t: int) -> None:
    cr.get_zone(name).period_at(t)


@pytest.mark.parametrize(
    ("name", "city", "meant"),
    [
        ("CET", "Europe/Brussels", "+01:00"),
        ("EET", "Europe/Athens", "+02:00"),
        ("MET", "Europe/Brussels", "+01:00"),
        ("WET", "Europe/Lisbon", "+00:00"),
        ("EST", "America/Panama", "-05:00"),
        ("MST", "America/Phoenix", "-07:00"),
        ("HST", "Pacific/Honolulu", "-10:00"),
    ],
)
def test_a_legacy_id_is_its_tzdata_zone_and_warns_before_1970(
    name: str, city: str, meant: str
) -> None:
    # tzdata 2024b made these links ("Link Europe/Brussels CET" in backward).
    assert name in cr.available_zones()
    zone = cr.get_zone(name)
    assert zone.target == city
    with pytest.warns(cr.HistoryWarning) as caught:
        zone.offset_seconds(utc("1945-05-08T21:00"))
    text = str(caught[0].message)
    assert f"follows {city}" in text and f"fixed offset {meant}" in text
    assert f"23:01 {name}" in text
    zone.offset_seconds(utc("1990-01-01T00:00"))  # no warning from 1970 on


def test_the_legacy_hst_warning_gives_what_hst_meant_then() -> None:
    # northamerica: Honolulu "-10:30 US H%sT 1947 Jun 8 2:00": in 1941 a document's HST
    # was UTC-10:30, not the -10:00 of later years.
    with pytest.warns(cr.HistoryWarning, match=r"fixed offset -10:30"):
        cr.to_instant("1941-12-07T07:48", "HST")


def test_a_pickled_zone_keeps_its_data_whatever_the_default() -> None:
    zone = cr.get_zone("Asia/Harbin")
    data = pickle.dumps(zone)
    previous = set_default_zone_data("backzone")
    try:
        again = pickle.loads(data)
    finally:
        set_default_zone_data(previous)
    assert again is zone and again.data_release == f"tzdata {cr.tzdata_version()}"
