"""Abbreviations read from the zone data: resolve_abbreviation and local times that carry one.

The examples cite the tz source (../shared/tz): the abbreviation of a period is the
FORMAT column of the Zone line in force, with %s filled from the rule.
"""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile.zones import Candidate, canonical_zones

UTC = dt.UTC
PLACES = canonical_zones()


def test_hst_on_the_day_of_pearl_harbor_is_ten_and_a_half_hours_behind() -> None:
    # northamerica: "Zone Pacific/Honolulu ... -10:30 US H%sT 1947 Jun 8 2:00"; the attack
    # began at 07:48 local time, 17:48Z... at UTC-10:30 that is 18:18Z.
    assert cr.resolve_abbreviation("HST", dt.date(1941, 12, 7)) == [
        Candidate("Pacific/Honolulu", -37800, False)
    ]
    at = cr.to_instant("1941-12-07T07:48 HST")
    assert at == dt.datetime(1941, 12, 7, 18, 18, tzinfo=UTC)


def test_hst_after_1947_is_ten_hours_behind() -> None:
    # northamerica: "-10:00 - HST" from 1947 Jun 8 2:00.
    (found,) = cr.resolve_abbreviation("HST", dt.date(1950, 1, 1))
    assert (found.zone, found.offset) == ("Pacific/Honolulu", -36000)


def test_cst_in_1945_without_context_is_ambiguous() -> None:
    # asia: Shanghai "8:00 Shang C%sT" (CST from 1945 Sep 1 on); northamerica: Havana
    # "-5:00 Cuba C%sT", Mexico City "-6:00 Mexico C%sT".
    with pytest.raises(cr.ParseError, match=r"'CST' is ambiguous on 1945-12-01: UTC-06:00 in"):
        cr.to_instant("1945-12-01T12:00 CST")
    with pytest.raises(cr.ParseError, match=r"UTC-05:00 in America/Havana; UTC\+08:00 in"):
        cr.to_instant("1945-12-01T12:00 CST")


def test_a_region_resolves_an_ambiguous_abbreviation() -> None:
    found = cr.resolve_abbreviation("CST", dt.date(1945, 12, 1), region="CN")
    assert [c.zone for c in found] == ["Asia/Shanghai"]
    assert cr.resolve_abbreviation("CST", dt.date(1945, 12, 1), region="CU") == [
        Candidate("America/Havana", -18000, False)
    ]
    asia = cr.resolve_abbreviation("CST", dt.date(1945, 12, 1), region="Asia/")
    assert {c.offset for c in asia} == {8 * 3600}
    assert cr.to_instant("1945-12-01T12:00 CST", "Asia/Shanghai") == dt.datetime(
        1945, 12, 1, 4, 0, tzinfo=UTC
    )


def test_a_written_cet_is_plus_one_even_when_berlin_showed_summer_time() -> None:
    # DESIGN.md: the surrender's "23:01 CET" is +01:00; Berlin was on CEST/CEMT then
    # (europe: "Rule SovietZone 1945 only - May 24 2:00 2:00 M").
    assert cr.to_instant("1945-05-08T23:01 CET") == dt.datetime(1945, 5, 8, 22, 1, tzinfo=UTC)
    surrender = int(dt.datetime(1945, 5, 8, 22, 1, tzinfo=UTC).timestamp())
    assert cr.get_zone("Europe/Berlin").period_at(surrender)[1] != "CET"


def test_msk_on_the_evening_of_the_declaration() -> None:
    # europe: "Zone Europe/Moscow ... 3:00 - MSK 1981 Apr 1".
    assert cr.to_instant("1945-08-08T23:00 MSK") == dt.datetime(1945, 8, 8, 20, 0, tzinfo=UTC)


def test_an_event_records_how_it_read_the_abbreviation() -> None:
    event = cr.Event("pearl-harbor", "1941-12-07T07:48 HST")
    assert event.span is not None
    assert event.span.start == dt.datetime(1941, 12, 7, 18, 18, tzinfo=UTC)
    claim = cr.At("pearl-harbor", "1941-12-07T07:48 HST")
    assert claim.zone_used is not None
    assert claim.zone_used.describe() == (
        "HST (a zone of record, -10:30): HST read as UTC-10:30,"
        " Pacific/Honolulu's offset on 1941-12-07"
    )


def test_an_unknown_abbreviation_is_a_parse_error() -> None:
    with pytest.raises(cr.ParseError, match=r"no zone in the zone data used the abbreviation"):
        cr.to_instant("1945-05-08T23:01 XYZT")


def test_a_candidate_is_a_frozen_picklable_value() -> None:
    found = Candidate("Pacific/Honolulu", -37800, False)
    assert pickle.loads(pickle.dumps(found)) == found
    assert repr(found) == "Candidate('Pacific/Honolulu', UTC-10:30, standard)"
    with pytest.raises(AttributeError):
        found.offset = 0  # type: ignore[misc]


def test_backzone_knows_other_readings() -> None:
    # backzone: "Zone Pacific/Johnston -10:00 - HST": under it 1941's HST is ambiguous.
    found = cr.resolve_abbreviation("HST", dt.date(1941, 12, 7), zone_data="backzone")
    offsets = {c.offset for c in found}
    assert offsets == {-37800, -36000}


@given(
    st.sampled_from(PLACES),
    st.integers(-2_208_988_800, 2_145_916_800),  # 1900 to 2038
)
def test_every_abbreviation_resolves_with_its_zone_as_context(zone: str, t: int) -> None:
    offset, abbr, dst = cr.get_zone(zone).period_at(t)
    instant = dt.datetime.fromtimestamp(t, UTC)
    found = cr.resolve_abbreviation(abbr, instant, region=[zone])
    assert found == [Candidate(zone, offset, dst)]


@given(
    st.sampled_from(["CST", "IST", "EST", "BST", "AST", "CET", "MSK", "HST", "EET", "SST"]),
    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2030, 12, 31)),
)
def test_an_ambiguous_abbreviation_never_resolves_silently(abbr: str, local: dt.datetime) -> None:
    local = local.replace(second=0, microsecond=0)
    offsets = {c.offset for c in cr.resolve_abbreviation(abbr, local)}
    text = f"{local.isoformat(timespec='minutes')} {abbr}"
    if len(offsets) == 1:
        (offset,) = offsets
        expected = (local - dt.timedelta(seconds=offset)).replace(tzinfo=UTC)
        assert cr.to_instant(text) == expected
    else:
        with pytest.raises(cr.ParseError):
            cr.to_instant(text)
