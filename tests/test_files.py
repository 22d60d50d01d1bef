"""Chronology files: written back to TOML or JSON and read to an equal chronology; TOML's own
date-times read as the local times they spell; every problem of a file named at once.

Chronologies are drawn from the shared strategies (events near real transitions, claims
about them, timelines of anchors, gaps and orders), with labels, sources, weights (``inf``
included), zones of record and titles that need escaping.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile import _files
from chronoreconcile.strategies import chronologies as timelines
from chronoreconcile.strategies import claims_about, events
from tests.marks import any_zone_history

# Drawn chronologies may use merged zones before 1970; the warning is tested elsewhere.
pytestmark = any_zone_history

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30)
_WEIGHTS = st.sampled_from([1.0, 2, 0.5, 5, math.inf])


def _same(a: cr.Chronology, b: cr.Chronology) -> None:
    assert b.title == a.title
    assert b.events == a.events
    assert b.claims == a.claims
    assert b.zones == a.zones
    assert b.zone_weights == a.zone_weights


@st.composite
def chronologies(draw: st.DrawFn) -> cr.Chronology:
    """A chronology as a user builds one: timed events, a timeline's claims, a zone of record."""
    ids = st.sampled_from(["a", "b", "c", "d"])
    drawn = [draw(events(ids, marks=draw(st.booleans()))) for _ in range(draw(st.integers(1, 3)))]
    timed: dict[str, cr.Event] = {}
    for e in drawn:
        if isinstance(e.tolerance, dt.timedelta):
            continue  # a timedelta is written as text: equal in meaning, not in value
        label = draw(st.none() | _TEXT.filter(str.strip))
        timed[e.id] = cr.Event(
            e.id,
            e.when,
            e.zone,
            tolerance=e.tolerance,
            disambiguation=e.disambiguation,
            source=draw(st.none() | _TEXT),
            weight=draw(_WEIGHTS),
            label=label,
        )
    claims: list[cr.Claim] = []
    if timed:
        for _ in range(draw(st.integers(0, 4))):
            try:
                claims.append(draw(claims_about(list(timed.values()))))
            except cr.ChronoError:
                continue
    timeline = draw(timelines(max_events=3))
    front = cr.zone_of_record("front", "+10:00", note=draw(st.none() | _TEXT))
    ship = cr.zone_of_record(
        "ship's time",
        periods=[(None, "+09:00", "SHIP"), ("1945-08-10T15:00+00:00", 36000, None)],
    )
    extra: list[cr.Claim] = [
        cr.At("e0", "1945-08-09T00:01", front, id="front-time", source=draw(st.none() | _TEXT)),
        cr.OnDate("e0", "1945-08-09", ship, weight=draw(_WEIGHTS)),
    ]
    return cr.Chronology(
        events=[*timed.values(), *timeline.events],
        claims=[*claims, *timeline.claims, *extra],
        zones={"front": front, "ship's time": ship},
        zone_weights=draw(st.sampled_from([{}, {"front": 3}])),
        title=draw(st.sampled_from(["", 'A "quoted" title\\ with\ttabs', "昭和20年8月15日"])),
    )


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(chronologies(), st.sampled_from(["c.toml", "c.json"]))
def test_a_written_chronology_reads_back_equal(chronology: cr.Chronology, name: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        chronology.to_file(path)
        back = cr.Chronology.from_file(path)
        _same(chronology, back)
        # And through the command line's reader, which keeps TOML's own date-times as spelled.
        _same(chronology, cr.Chronology.from_dict(_files.read_path(path), where=str(path)))


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_the_bundled_examples_round_trip(name: str, tmp_path: Path) -> None:
    chronology = cr.Chronology.from_file(EXAMPLES / name)
    for suffix in (".toml", ".json"):
        path = tmp_path / f"copy{suffix}"
        chronology.to_file(path)
        back = cr.Chronology.from_file(path)
        _same(chronology, back)
        assert back.reconcile().drop == chronology.reconcile().drop


# --- TOML's own date-times -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "quoted"),
    [
        ("1945-08-08T23:00:00", "1945-08-08T23:00:00"),
        ("1945-08-08 23:00:00", "1945-08-08T23:00:00"),
        ("1945-08-08T23:00:00.5", "1945-08-08T23:00:00.5"),
        ("1945-08-08T23:00:00.500", "1945-08-08T23:00:00.500"),
        ("1945-08-08", "1945-08-08"),
    ],
)
def test_an_unquoted_toml_datetime_means_what_the_quoted_text_means(
    value: str, quoted: str
) -> None:
    def text(when: str) -> str:
        return (
            '[[events]]\nid = "declaration"\n'
            f'when = {when}\nzone = "Europe/Moscow"\n'
            '[[claims]]\ntype = "before"\nfirst = "declaration"\nthen = "x"\n'
            '[[events]]\nid = "x"\n'
        )

    bare = cr.Chronology.from_dict(_files.parse_text(text(value), "t.toml"), where="t.toml")
    written = cr.Chronology.from_dict(_files.parse_text(text(f'"{quoted}"'), "t.toml"))
    assert bare.events["declaration"].span == written.events["declaration"].span
    assert bare.events["declaration"].when == quoted


def test_an_unquoted_time_of_day_and_offset_datetime() -> None:
    source = (
        '[[events]]\nid = "d"\nwhen = 1945-08-08\nzone = "Europe/Moscow"\n'
        '[[claims]]\ntype = "at"\nevent = "d"\nwhen = 1945-08-08T23:00:00+03:00\n'
        '[[claims]]\ntype = "at"\nevent = "d"\nwhen = 23:00:00\nzone = "Europe/Moscow"\n'
        "# a comment that spells 1945-08-08T23:00:00.000 is not read\n"
        'note = "nor is text: 23:00:00.000"\n'
    )
    data = _files.parse_text(source, "t.toml")
    assert data["events"][0]["when"] == "1945-08-08"
    assert [c["when"] for c in data["claims"]] == ["1945-08-08T23:00:00+03:00", "T23:00:00"]
    result = cr.Chronology.from_dict(data).reconcile()
    assert result.bounds["d"] == cr.Span.from_micros(
        (dt.datetime(1945, 8, 8, 20) - dt.datetime(1970, 1, 1)) // dt.timedelta(microseconds=1),
        (dt.datetime(1945, 8, 8, 20, 0, 1) - dt.datetime(1970, 1, 1))
        // dt.timedelta(microseconds=1),
    )


def test_a_datetime_with_an_offset_from_python_is_refused_with_a_hint_to_quote() -> None:
    aware = dt.datetime(1945, 8, 8, 23, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    with pytest.raises(cr.ChronoError, match="write the local time and its zone as quoted text"):
        cr.Chronology.from_dict({"events": [{"id": "d", "when": aware}]}, where="t.toml")


# --- every problem at once -----------------------------------------------------------------


def test_more_than_twenty_problems_are_counted_and_twenty_listed() -> None:
    data = {"events": [{"id": f"e{k}", "wen": "1945"} for k in range(25)]}
    with pytest.raises(cr.FileFormatError) as info:
        cr.Chronology.from_dict(data, where="big.toml")
    error = info.value
    assert len(error.problems) == 20 and error.more == 5
    assert str(error).splitlines()[0] == "big.toml: 25 problems:"
    assert error.one_line().endswith("; and 5 more")
    assert "\n" not in error.one_line()


def test_one_problem_keeps_its_error_class_and_is_located() -> None:
    data = {"events": [{"id": "d", "when": "1945-08-08", "zone": "Europe/Moskow"}]}
    with pytest.raises(
        cr.UnknownZoneError, match=r"^t\.toml: events\[0\] \(id 'd'\): unknown zone"
    ):
        cr.Chronology.from_dict(data, where="t.toml")


def test_a_label_must_be_text() -> None:
    with pytest.raises(cr.ChronoError, match="a label must be non-empty text"):
        cr.Event("d", label="  ")
    assert cr.Event("d", label="the declaration").label == "the declaration"
    assert repr(cr.Event("d", label="the declaration")) == "Event('d', label='the declaration')"
