"""Claims in the source's words: Gap and At read from phrases, After, SameDate, approximate
durations, the reading named in every verdict, user lexicons, and the August 1945 seed
written as phrases giving the verdicts of the hand-written bounds.

Source of the seed: the encyclopedia article "Soviet–Japanese Neutrality Pact", section
"Soviet denunciation" (/work/shared/seeds), as in docs/examples/august-1945.toml.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile._units import HOUR_US, MINUTE_US
from chronoreconcile.strategies import chronologies as timelines
from tests.marks import any_zone_history
from tests.strategies_phrases import Widening, nearly_lexicon, widened_nearly

# Drawn chronologies may use merged zones before 1970; the warning is tested elsewhere.
pytestmark = any_zone_history

MINUTE = 60 * 10**6
EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
INVASION = cr.Event("invasion", "1945-08-09T00:01", "+10:00")
DECLARATION = cr.Event("declaration", "1945-08-08T23:00", "Europe/Moscow")


# ---------------------------------------------------------------- Gap


def test_a_gap_phrase_is_read_as_its_bounds_with_the_open_end_left_out() -> None:
    gap = cr.Gap.phrase("nearly six hours later", "invasion", "declaration")
    assert gap == cr.Gap("invasion", "declaration", phrase="nearly six hours later")
    assert gap.phrase == "nearly six hours later"
    assert (gap.min_us, gap.max_us) == (5 * HOUR_US + 24 * MINUTE_US, 6 * HOUR_US - 1)
    assert gap.readings[0].rule == "nearly = the last 10%, short of N"


def test_the_verdict_names_the_reading() -> None:
    verdict = cr.check(
        cr.Gap.phrase("nearly six hours later", "invasion", "declaration"),
        [INVASION, DECLARATION],
    )
    assert verdict.status == "holds"
    assert (
        "the claim allows 'nearly six hours later' read as 5h24m to 6h (lexicon: nearly = the"
        " last 10%, short of N)"
    ) in verdict.explanation


def test_exactly_six_hours_is_not_nearly_six_hours() -> None:
    # Instants to the microsecond, so the gap is exactly six hours.
    invasion = cr.Event("invasion", dt.datetime(1945, 8, 8, 14, tzinfo=dt.UTC))
    declaration = cr.Event("declaration", dt.datetime(1945, 8, 8, 20, tzinfo=dt.UTC))
    gap = cr.Gap.phrase("nearly six hours later", "invasion", "declaration")
    assert cr.check(gap, [invasion, declaration]).status == "fails"
    about = cr.Gap.phrase("about six hours later", "invasion", "declaration")
    assert cr.check(about, [invasion, declaration]).status == "holds"


def test_an_approximate_duration_uses_the_lexicons_about_reading() -> None:
    gap = cr.Gap("a", "b", "1h~")
    assert (gap.min_us, gap.max_us) == (45 * MINUTE_US, 75 * MINUTE_US)
    assert "'1h~' read as 45m to 1h15m (lexicon: ~ = about = 25% either side)" in gap.describe()
    # With an upper bound given, "~" widens only the end it marks.
    gap = cr.Gap("a", "b", "1h~", "3h")
    assert (gap.min_us, gap.max_us) == (45 * MINUTE_US, 3 * HOUR_US)
    gap = cr.Gap("a", "b", "1h", "2h~")
    assert (gap.min_us, gap.max_us) == (HOUR_US, 150 * MINUTE_US)


def test_a_gap_takes_bounds_or_a_phrase_but_not_both() -> None:
    with pytest.raises(cr.ChronoError, match="give at_least/at_most or phrase, not both"):
        cr.Gap("a", "b", "5h", phrase="nearly six hours later")
    with pytest.raises(cr.ChronoError, match="a gap needs at_least"):
        cr.Gap("a", "b")


def test_a_phrase_that_puts_the_second_event_first_is_refused() -> None:
    with pytest.raises(cr.ChronoError, match="puts b before a; name the events the other way"):
        cr.Gap.phrase("nearly six hours before", "a", "b")
    with pytest.raises(cr.ChronoError, match="puts b before a"):
        cr.After("a", "b", phrase="shortly before")


def test_a_phrase_read_against_a_local_date_is_refused_by_a_gap() -> None:
    with pytest.raises(cr.ChronoError, match="needs a zone: use SameDate"):
        cr.Gap.phrase("the same day", "a", "b")
    with pytest.raises(cr.ChronoError, match="give the second event an At or OnDate claim"):
        cr.Gap.phrase("the next morning", "a", "b")


def test_an_unknown_phrase_is_a_parse_error_naming_close_entries() -> None:
    message = "cannot read 'nearly sex hours later': no lexicon entry reads it; the closest are"
    with pytest.raises(cr.ParseError, match=re.escape(message)) as caught:
        cr.Gap.phrase("nearly sex hours later", "a", "b")
    assert "'nearly six hours'" in str(caught.value)
    with pytest.raises(cr.ParseError, match="closest are 'just after midnight'"):
        cr.At("a", phrase="just afer midnight", zone="UTC")


def test_a_user_lexicon_overrides_the_default_in_a_claim() -> None:
    strict = nearly_lexicon(-5, 0, False)
    gap = cr.Gap.phrase("nearly six hours later", "a", "b", lexicon=strict)
    assert gap.min_us == 6 * HOUR_US - 18 * MINUTE_US
    assert gap != cr.Gap.phrase("nearly six hours later", "a", "b")
    with pytest.raises(cr.ChronoError, match="lexicon must be a Lexicon"):
        cr.Gap.phrase("nearly six hours later", "a", "b", lexicon="default")  # type: ignore[arg-type]


# ---------------------------------------------------------------- At


def test_a_time_of_day_phrase_on_a_date_is_that_part_of_the_local_date() -> None:
    at = cr.At("invasion", phrase="just after midnight", date="1945-08-09", zone="+10:00")
    ((lo, hi),) = at.alternatives[0].intervals
    assert cr.Span.from_micros(lo, hi) == cr.Span(
        cr.parse_instant("1945-08-08T14:00Z"), cr.parse_instant("1945-08-08T14:30Z")
    )
    verdict = cr.check(at, [INVASION])
    assert verdict.status == "holds"
    assert verdict.explanation.startswith("at UTC+10:00 the invasion was 1945-08-09 00:01")
    assert "'just after midnight' read as 00:00 to 00:30" in verdict.explanation
    late = cr.Event("invasion", "1945-08-09T00:45", "+10:00")
    assert cr.check(at, [late]).status == "fails"


def test_a_time_of_day_phrase_without_a_date_holds_on_any_date() -> None:
    at = cr.At("declaration", phrase="11 p.m.", zone="Europe/Moscow")
    assert at.time_of_day == (23 * HOUR_US, 23 * HOUR_US + MINUTE_US)
    assert cr.check(at, [DECLARATION]).status == "holds"
    evening = cr.At("declaration", phrase="late evening", zone="Europe/Moscow")
    assert cr.check(evening, [DECLARATION]).status == "holds"


def test_a_date_phrase_is_its_whole_days() -> None:
    at = cr.At("declaration", phrase="early August 1945", zone="Europe/Moscow")
    assert cr.check(at, [DECLARATION]).status == "holds"
    mid = cr.At("declaration", phrase="mid-August 1945", zone="Europe/Moscow")
    assert cr.check(mid, [DECLARATION]).status == "fails"
    with pytest.raises(cr.ChronoError, match="is a date itself; give no date"):
        cr.At("declaration", phrase="early August 1945", date="1945-08-08", zone="UTC")


def test_an_at_phrase_needs_a_zone_and_no_when() -> None:
    with pytest.raises(cr.ChronoError, match="is local time; it needs a zone"):
        cr.At("a", phrase="evening")
    with pytest.raises(cr.ChronoError, match="give when or phrase, not both"):
        cr.At("a", "1945-08-08T23:00", "UTC", phrase="evening")
    with pytest.raises(cr.ChronoError, match="no time given"):
        cr.At("a", zone="UTC")
    with pytest.raises(cr.ParseError, match="it reads as a duration"):
        cr.At("a", phrase="nearly six hours", zone="UTC")
    with pytest.raises(cr.ParseError, match="needs one date, to the day"):
        cr.At("a", phrase="evening", date="1945-08", zone="UTC")


# ---------------------------------------------------------------- After and SameDate


def test_after_is_the_mirror_of_before() -> None:
    after = cr.After("invasion", "declaration")
    before = cr.Before("invasion", "declaration")
    assert isinstance(after, cr.Before)
    assert (after.min_us, after.max_us) == (before.min_us, before.max_us) == (1, None)
    events = [
        cr.Event("invasion", "1945-08-08T14:01Z"),
        cr.Event("declaration", "1945-08-08T20:00Z"),
    ]
    assert cr.check(after, events).status == "holds"
    assert cr.check(cr.After("declaration", "invasion"), events).status == "fails"
    with pytest.raises(cr.ChronoError, match="cannot be after itself"):
        cr.After("a", "a")


def test_after_with_a_phrase_bounds_how_long_after() -> None:
    shortly = cr.After("invasion", "declaration", phrase="shortly after")
    assert (shortly.min_us, shortly.max_us) == (1, HOUR_US)
    events = [
        cr.Event("invasion", "1945-08-08T14:01Z"),
        cr.Event("declaration", "1945-08-08T20:00Z"),
    ]
    verdict = cr.check(shortly, events)
    assert verdict.status == "fails"
    assert "'shortly after' read as after, by more than 0s and at most 1h" in verdict.explanation
    assert cr.check(cr.After("invasion", "declaration", phrase="soon after"), events).status == (
        "holds"
    )


def test_same_date_is_judged_in_its_zone() -> None:
    a = cr.Event("a", "1945-08-08T10:00Z")
    b = cr.Event("b", "1945-08-08T20:00Z")
    assert cr.check(cr.SameDate("a", "b", "UTC"), [a, b]).status == "holds"
    verdict = cr.check(cr.SameDate("a", "b", "+05:00"), [a, b])
    assert verdict.status == "fails"
    assert verdict.explanation == (
        "at UTC+05:00 the a was 1945-08-08 15:00 to 15:01 (UTC+05:00) and the b 1945-08-09"
        " 01:00 to 01:01 (UTC+05:00); the claim says the same local date"
    )
    day = cr.Event("b", "1945-08-08", "UTC")
    assert cr.check(cr.SameDate("a", "b", "+05:00"), [a, day]).status == "undetermined"
    assert cr.check(cr.SameDate("a", "b", "UTC"), [a, day]).status == "holds"


def test_same_date_needs_a_zone_and_a_same_date_phrase() -> None:
    with pytest.raises(cr.ChronoError, match="needs the zone its dates are read in"):
        cr.SameDate("a", "b")
    with pytest.raises(cr.ParseError, match="not as the same local date"):
        cr.SameDate("a", "b", "UTC", phrase="the next day")
    same = cr.SameDate("a", "b", "UTC", phrase="that same day")
    assert same.reading is not None and same.reading.kind == "same-date"
    assert same.label() == "same-date:a=b"


@pytest.mark.parametrize(
    "claim",
    [
        cr.Gap.phrase("nearly six hours later", "a", "b", id="g"),
        cr.Gap("a", "b", "1h~"),
        cr.At("a", phrase="just after midnight", date="1945-08-09", zone="+10:00"),
        cr.At("a", phrase="evening", zone="Europe/Moscow"),
        cr.After("a", "b", phrase="shortly after"),
        cr.SameDate("a", "b", "Europe/Moscow", phrase="the same day"),
    ],
)
def test_phrase_claims_pickle_and_repr_as_their_calls(claim: cr.Claim) -> None:
    assert pickle.loads(pickle.dumps(claim)) == claim
    assert eval(repr(claim), {**vars(cr)}) == claim


# ---------------------------------------------------------------- reconciling


def test_phrase_claims_reconcile_as_their_bounds() -> None:
    chronology = cr.Chronology(
        events=[cr.Event("invasion"), cr.Event("declaration")],
        claims=[
            cr.At("invasion", phrase="just after midnight", date="1945-08-09", zone="+10:00"),
            cr.Gap.phrase("nearly six hours later", "invasion", "declaration"),
            cr.After("invasion", "declaration", phrase="soon after"),
        ],
    )
    result = chronology.reconcile()
    assert result.consistent
    bounds = result.bounds["declaration"]
    assert bounds.start == cr.parse_instant("1945-08-08T19:24Z")
    # Before 14:30 and less than 6h after it: 20:30 less two microseconds at the latest.
    assert bounds.end == cr.parse_instant("1945-08-08T20:30Z") - dt.timedelta(microseconds=1)


@given(timelines(), widened_nearly(), st.integers(-30, 30))
def test_widening_a_reading_never_makes_a_consistent_chronology_inconsistent(
    timeline: object, widening: Widening, jitter: int
) -> None:
    from chronoreconcile.strategies import Timeline

    assert isinstance(timeline, Timeline)
    a, b = sorted(timeline.truth)[:2]
    if timeline.truth[b] < timeline.truth[a]:
        a, b = b, a
    minutes = max(1, (timeline.truth[b] - timeline.truth[a]) // MINUTE + jitter)
    phrase = f"nearly {minutes} minutes later"
    results = []
    for lexicon in (widening.narrow, widening.wide):
        gap = cr.Gap.phrase(phrase, a, b, id="phrase", lexicon=lexicon)
        chronology = cr.Chronology(events=timeline.events, claims=[*timeline.claims, gap])
        results.append(chronology.reconcile().consistent)
    narrow, wide = results
    assert not narrow or wide


# ---------------------------------------------------------------- the seed in its own words


@pytest.mark.parametrize(
    ("hand", "phrases"),
    [
        ("august-1945.toml", "august-1945-phrases.toml"),
        ("august-1945-harbin.toml", "august-1945-phrases-harbin.toml"),
    ],
)
def test_the_seed_in_its_own_words_gives_the_hand_written_verdicts(hand: str, phrases: str) -> None:
    by_hand = cr.Chronology.from_file(EXAMPLES / hand).reconcile()
    in_words = cr.Chronology.from_file(EXAMPLES / phrases).reconcile()
    assert in_words.consistent == by_hand.consistent
    assert {k: v.status for k, v in in_words.verdicts.items()} == {
        k: v.status for k, v in by_hand.verdicts.items()
    }
    assert [c.claims for c in in_words.conflicts] == [c.claims for c in by_hand.conflicts]
    assert in_words.drop == by_hand.drop
    for verdict in in_words.verdicts.values():
        if verdict.claim in ("inv-time", "nearly-six", "msk-11pm"):
            assert "(lexicon: " in verdict.explanation


def test_the_seed_under_harbin_time_conflicts_and_drops_the_invasion_time() -> None:
    result = cr.Chronology.from_file(EXAMPLES / "august-1945-phrases-harbin.toml").reconcile()
    assert not result.consistent
    assert result.drop == ("inv-time",)
    assert "'just after midnight' read as 00:00 to 00:30" in result.verdicts["inv-time"].explanation
