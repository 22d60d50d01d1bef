"""Examples from real history, as data: each row cites where its facts come from.

The zone data is the tzdata package the library reads (2026f); where a row rests on a
line of the tz source, the citation names the file and the line, and
``test_tz_source_says_so`` checks those lines in the tz source kept in ../shared/tz
when it is present.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import NamedTuple

import pytest

import chronoreconcile as cr

UTC = dt.UTC


class Seen(NamedTuple):
    """One instant, written as a local time in a zone, and what clocks elsewhere showed."""

    what: str
    local: str
    zone: str
    instant: str  # UTC
    elsewhere: dict[str, str]  # zone -> RFC 9557 text of the same instant there
    source: str


SEEN = [
    Seen(
        "Pearl Harbor: the first wave attacks",
        "1941-12-07T07:48",
        "Pacific/Honolulu",  # Hawaii kept UTC-10:30 until 1947
        "1941-12-07T18:18Z",
        {
            # Already 8 December in Tokyo, the date Japan records.
            "Asia/Tokyo": "1941-12-08T03:18:00+09:00[Asia/Tokyo]",
            "America/New_York": "1941-12-07T13:18:00-05:00[America/New_York]",
            "Europe/London": "1941-12-07T19:18:00+01:00[Europe/London]",
        },
        # Naval History and Heritage Command, "Pearl Harbor Raid, 7 December 1941":
        # the attack began at 07:48 Hawaiian time.
        "US Navy History and Heritage Command",
    ),
    Seen(
        "Germany's surrender takes effect",
        "1945-05-08T23:01",
        "+01:00",  # "Central European time" as the document meant it: a fixed offset
        "1945-05-08T22:01Z",
        {
            # 9 May in Moscow: Victory Day is kept on 9 May.
            "Europe/Moscow": "1945-05-09T01:01:00+03:00[Europe/Moscow]",
            # British double summer time, UTC+2.
            "Europe/London": "1945-05-09T00:01:00+02:00[Europe/London]",
            "Europe/Berlin": "1945-05-09T00:01:00+02:00[Europe/Berlin]",
            # Still 8 May in New York, on Eastern War Time.
            "America/New_York": "1945-05-08T18:01:00-04:00[America/New_York]",
        },
        # German Instrument of Surrender, 8 May 1945, article 2: "cease active operations
        # at 2301 hours Central European time on 8 May 1945".
        "German Instrument of Surrender, article 2",
    ),
]


@pytest.mark.parametrize("row", SEEN, ids=[row.what for row in SEEN])
def test_one_instant_seen_in_several_zones(row: Seen) -> None:
    instant = cr.to_instant(row.local, row.zone)
    assert instant == dt.datetime.fromisoformat(row.instant)
    for zone, text in row.elsewhere.items():
        assert cr.format_instant(instant, zone) == text
        assert cr.parse_instant(text) == instant
    dates = cr.dates_by_zone(instant, list(row.elsewhere))
    assert {z: d.isoformat() for z, d in dates.items()} == {
        z: text[:10] for z, text in row.elsewhere.items()
    }


class Offset(NamedTuple):
    """The offset a zone's clocks kept at one instant."""

    zone: str
    instant: str
    offset: str
    source: str


OFFSETS = [
    # tz europe: "Zone Europe/Moscow 2:30:17 - LMT 1880", then Moscow Mean Time, the same
    # offset, until 1916 Jul 3.
    Offset("Europe/Moscow", "1879-12-31T21:29:43Z", "+02:30:17", "tz europe, Europe/Moscow LMT"),
    Offset("Europe/Moscow", "1900-06-01T00:00Z", "+02:30:17", "tz europe, Europe/Moscow MMT"),
    # Schmitt and Cox, "Hawaiian Time", Hawaiian Journal of History 26 (1992), cited in tz
    # northamerica: year-round daylight time from 1942-02-09 to 1945-09-30, and clocks
    # moved by 30 minutes on the second Sunday of June 1947 (UTC-10:30 -> UTC-10:00).
    Offset(
        "Pacific/Honolulu", "1941-12-07T18:18Z", "-10:30", "Schmitt and Cox 1992, tz northamerica"
    ),
    Offset(
        "Pacific/Honolulu", "1944-06-01T12:00Z", "-09:30", "Schmitt and Cox 1992, tz northamerica"
    ),
    Offset(
        "Pacific/Honolulu", "1946-06-01T12:00Z", "-10:30", "Schmitt and Cox 1992, tz northamerica"
    ),
    Offset(
        "Pacific/Honolulu", "1947-06-08T12:29Z", "-10:30", "Schmitt and Cox 1992, tz northamerica"
    ),
    Offset(
        "Pacific/Honolulu", "1947-06-08T12:30Z", "-10:00", "Schmitt and Cox 1992, tz northamerica"
    ),
    # tz europe, S.R.&O. 1945 No. 312: British double summer time (BDST, UTC+2) from
    # 2 April to 15 July 1945, then BST until 7 October.
    Offset("Europe/London", "1945-04-02T00:59Z", "+01:00", "tz europe, S.R.&O. 1945 No. 312"),
    Offset("Europe/London", "1945-04-02T01:00Z", "+02:00", "tz europe, S.R.&O. 1945 No. 312"),
    Offset("Europe/London", "1945-07-15T00:59Z", "+02:00", "tz europe, S.R.&O. 1945 No. 312"),
    Offset("Europe/London", "1945-07-15T01:00Z", "+01:00", "tz europe, S.R.&O. 1945 No. 312"),
    # tz europe, Rule SovietZone 1945: Berlin on Moscow time (CEMT, +03:00) from 24 May to
    # 24 September 1945, after General Bersarin's order.
    Offset("Europe/Berlin", "1945-05-23T23:59Z", "+02:00", "tz europe, Rule SovietZone 1945"),
    Offset("Europe/Berlin", "1945-05-24T00:00Z", "+03:00", "tz europe, Rule SovietZone 1945"),
    Offset("Europe/Berlin", "1945-09-23T23:59Z", "+03:00", "tz europe, Rule SovietZone 1945"),
    Offset("Europe/Berlin", "1945-09-24T00:00Z", "+02:00", "tz europe, Rule SovietZone 1945"),
]


@pytest.mark.parametrize("row", OFFSETS, ids=[f"{r.zone} {r.instant}" for r in OFFSETS])
def test_offset_in_force(row: Offset) -> None:
    instant = dt.datetime.fromisoformat(row.instant)
    text = cr.format_instant(instant, row.zone)
    assert re.fullmatch(rf".*{re.escape(row.offset)}\[{re.escape(row.zone)}\]", text), text
    sign = -1 if row.offset[0] == "-" else 1
    h, m, *s = (int(x) for x in row.offset[1:].split(":"))
    seconds = sign * (h * 3600 + m * 60 + (s[0] if s else 0))
    assert cr.to_local(instant, row.zone).utcoffset() == dt.timedelta(seconds=seconds)
    assert cr.parse_instant(text) == instant


class Change(NamedTuple):
    """A local time the clocks skipped (gap) or showed twice (fold)."""

    zone: str
    local: str
    kind: str  # "gap" or "fold"
    detail: str  # gap: "from A to B"; fold: "U1 (+hh:mm) or U2 (+hh:mm)"
    source: str


CHANGES = [
    # tz europe: "Rule SovietZone 1945 only - May 24 2:00 2:00 M # Midsummer": at 02:00
    # CEST Berlin's clocks jumped to 03:00 CEMT (+03:00).
    Change(
        "Europe/Berlin",
        "1945-05-24T02:30",
        "gap",
        "from 1945-05-24 02:00 to 1945-05-24 03:00",
        "tz europe, Rule SovietZone 1945 May 24",
    ),
    # tz europe: "Rule SovietZone 1945 only - Sep 24 3:00 1:00 S": back to CEST.
    Change(
        "Europe/Berlin",
        "1945-09-24T02:30",
        "fold",
        "1945-09-23T23:30Z (+03:00) or 1945-09-24T00:30Z (+02:00)",
        "tz europe, Rule SovietZone 1945 Sep 24",
    ),
    # tz europe, S.R.&O. 1945 No. 312: "Rule GB-Eire 1945 only - Apr Mon>=2 1:00s 2:00 BDST".
    Change(
        "Europe/London",
        "1945-04-02T02:30",
        "gap",
        "from 1945-04-02 02:00 to 1945-04-02 03:00",
        "tz europe, S.R.&O. 1945 No. 312",
    ),
    # tz europe: "Rule GB-Eire 1945 only - Jul Sun>=9 1:00s 1:00 BST".
    Change(
        "Europe/London",
        "1945-07-15T02:30",
        "fold",
        "1945-07-15T00:30Z (+02:00) or 1945-07-15T01:30Z (+01:00)",
        "tz europe, S.R.&O. 1945 No. 312",
    ),
    # Schmitt and Cox 1992 (tz northamerica): Hawaii's 30-minute change of June 1947,
    # "Zone Pacific/Honolulu ... -10:30 US H%sT 1947 Jun 8 2:00".
    Change(
        "Pacific/Honolulu",
        "1947-06-08T02:15",
        "gap",
        "from 1947-06-08 02:00 to 1947-06-08 02:30",
        "Schmitt and Cox 1992, tz northamerica",
    ),
    # Schmitt and Cox 1992: war time in Hawaii ended on 1945-09-30.
    Change(
        "Pacific/Honolulu",
        "1945-09-30T01:30",
        "fold",
        "1945-09-30T11:00Z (-09:30) or 1945-09-30T12:00Z (-10:30)",
        "Schmitt and Cox 1992, tz northamerica",
    ),
]


@pytest.mark.parametrize("row", CHANGES, ids=[f"{r.zone} {r.local}" for r in CHANGES])
def test_skipped_and_repeated_local_times(row: Change) -> None:
    error = cr.NonexistentTimeError if row.kind == "gap" else cr.AmbiguousTimeError
    with pytest.raises(error, match=re.escape(row.detail)):
        cr.to_instant(row.local, row.zone)
    earlier = cr.to_instant(row.local, row.zone, disambiguation="earlier")
    later = cr.to_instant(row.local, row.zone, disambiguation="later")
    assert earlier < later
    if row.kind == "fold":
        # Both readings show the same local time.
        for instant in (earlier, later):
            shown = cr.to_local(instant, row.zone)
            assert shown.replace(tzinfo=None) == dt.datetime.fromisoformat(row.local)
    else:
        # A skipped time shifts by the length of the gap, either way.
        start, end = (
            dt.datetime.fromisoformat(x) for x in row.detail.removeprefix("from ").split(" to ")
        )
        local = dt.datetime.fromisoformat(row.local)
        assert cr.to_local(later, row.zone).replace(tzinfo=None) == local + (end - start)
        assert cr.to_local(earlier, row.zone).replace(tzinfo=None) == local - (end - start)


def test_moscow_mean_time_is_written_with_its_seconds() -> None:
    # tz europe: "Zone Europe/Moscow 2:30:17 - LMT 1880".
    text = cr.format_instant("1880-01-01T12:00Z", "Europe/Moscow")
    assert text == "1880-01-01T14:30:17+02:30:17[Europe/Moscow]"
    assert cr.parse_instant(text) == dt.datetime(1880, 1, 1, 12, tzinfo=UTC)


_TZ_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "tz"

# The lines of the tz source the rows above rest on (whitespace collapsed).
_SOURCE_LINES = {
    "europe": [
        "Zone Europe/Moscow 2:30:17 - LMT 1880",
        "2:30:17 - MMT 1916 Jul 3 # Moscow Mean Time",
        "1:00 C-Eur CE%sT 1945 May 24 2:00",
        "Rule SovietZone 1945 only - May 24 2:00 2:00 M # Midsummer",
        "Rule SovietZone 1945 only - Sep 24 3:00 1:00 S",
        "Rule GB-Eire 1945 only - Apr Mon>=2 1:00s 2:00 BDST",
        "Rule GB-Eire 1945 only - Jul Sun>=9 1:00s 1:00 BST",
    ],
    "northamerica": [
        "-10:30 US H%sT 1947 Jun 8 2:00",
        "from 1942-02-09 to 1945-09-30 (page 221, with no time of day given for",
    ],
}


@pytest.mark.skipif(not _TZ_SOURCE.is_dir(), reason="the tz source is not beside the project")
@pytest.mark.parametrize(
    ("name", "line"), [(name, line) for name, lines in _SOURCE_LINES.items() for line in lines]
)
def test_tz_source_says_so(name: str, line: str) -> None:
    text = (_TZ_SOURCE / name).read_text(encoding="utf-8")
    collapsed = {" ".join(row.lstrip("# ").split()) for row in text.splitlines()}
    assert line in collapsed
