"""How much a phrase's reading matters: the sensitivity of phrase claims in a reconciliation,
and the chronology's handling of the claims in the source's words (SameDate's case split,
``lexicon=`` on the chronology and its files).

The property that defines the sensitivity: it is tight. Replacing the claim's bounds by a
reading that just reaches the implied bound keeps the chronology consistent; one a
microsecond short of it makes it inconsistent, checked by re-solving.
"""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile._units import HOUR_US, MINUTE_US
from chronoreconcile.strategies import Timeline
from chronoreconcile.strategies import chronologies as timelines
from tests.marks import any_zone_history
from tests.strategies_phrases import nearly_lexicon

# Drawn chronologies may use merged zones before 1970; the warning is tested elsewhere.
pytestmark = any_zone_history

MINUTE = 60 * 10**6
EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
US = dt.timedelta(microseconds=1)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _consistent(timeline: Timeline, claim: cr.Claim) -> bool:
    chronology = cr.Chronology(events=timeline.events, claims=[*timeline.claims, claim])
    return chronology.reconcile().consistent


def _gap(first: str, then: str, lo: int, hi: int | None) -> cr.Gap:
    return cr.Gap(first, then, lo * US, None if hi is None else hi * US, id="phrase")


@given(timelines(), st.integers(-90, 90), st.sampled_from(["nearly", "about", "over"]))
def test_the_sensitivity_bound_is_tight(timeline: Timeline, jitter: int, qualifier: str) -> None:
    a, b = sorted(timeline.truth)[:2]
    if timeline.truth[b] < timeline.truth[a]:
        a, b = b, a
    minutes = max(1, (timeline.truth[b] - timeline.truth[a]) // MINUTE + jitter)
    claim = cr.Gap.phrase(f"{qualifier} {minutes} minutes later", a, b, id="phrase")
    chronology = cr.Chronology(events=timeline.events, claims=[*timeline.claims, claim])
    result = chronology.reconcile()
    found = result.sensitivity["phrase"]
    assert found.reading == (claim.min_us, claim.max_us)
    assert found.exact  # a timeline's claims have no alternatives
    assert found.fits == result.consistent
    assert found.explanation in result.verdicts["phrase"].explanation
    lo, hi = found.reading
    low, high = found.implied
    if low is not None and low >= 1:
        # The reading's upper end: reaching low fits, a microsecond short does not.
        assert _consistent(timeline, _gap(a, b, min(lo, low), low))
        assert not _consistent(timeline, _gap(a, b, min(lo, low - 1), low - 1))
    if high is not None and high >= 0:
        # The reading's lower end: down to high fits, a microsecond above does not.
        top = None if hi is None else max(hi, high + 1)
        assert _consistent(timeline, _gap(a, b, high, top))
        assert not _consistent(timeline, _gap(a, b, high + 1, top))


def test_the_seed_under_front_time_hangs_on_the_reading_of_nearly() -> None:
    result = cr.Chronology.from_file(EXAMPLES / "august-1945-phrases.toml").reconcile()
    found = result.sensitivity["nearly-six"]
    # The invasion before 00:30 front time (14:30Z), the declaration at 23:00 Moscow
    # (20:00Z): at least 5h30m and a microsecond between them.
    assert found.implied == (5 * HOUR_US + 30 * MINUTE_US + 1, 6 * HOUR_US + MINUTE_US - 1)
    assert found.fits
    assert found.explanation.startswith(
        "consistent as long as 'nearly six hours later' allows at least 5h30m1µs"
    )
    assert found.explanation in result.verdicts["nearly-six"].explanation
    assert set(result.sensitivity) == {"inv-time", "nearly-six", "msk-11pm"}


def test_the_seed_under_harbin_time_says_what_nearly_would_have_to_allow() -> None:
    result = cr.Chronology.from_file(EXAMPLES / "august-1945-phrases-harbin.toml").reconcile()
    found = result.sensitivity["nearly-six"]
    # Harbin at UTC+09:00: the invasion 15:00Z to 15:30Z, so at most 5h01m less a
    # microsecond before the declaration at 20:00Z (to 20:01Z).
    assert found.implied == (4 * HOUR_US + 30 * MINUTE_US + 1, 5 * HOUR_US + MINUTE_US - 1)
    assert not found.fits
    assert found.explanation.startswith(
        "conflicts unless 'nearly six hours later' allows as little as 5h59s999999µs"
    )
    # The same reading with the bound moved to it: the Harbin chronology is consistent.
    chronology = cr.Chronology.from_file(EXAMPLES / "august-1945-phrases-harbin.toml")
    del chronology.claims["nearly-six"]
    replaced = cr.Gap("invasion", "declaration", found.implied[1] * US, 6 * HOUR_US * US)
    assert chronology.add(replaced).consistent


def test_a_time_phrase_on_a_date_says_when_it_would_have_to_start() -> None:
    words = EXAMPLES / "august-1945-phrases-harbin.toml"
    result = cr.Chronology.from_file(words).reconcile()
    found = result.sensitivity["inv-time"]
    assert not found.fits
    assert found.explanation.startswith(
        "conflicts unless 'just after midnight' starts by 1945-08-08 23:36:59; the other"
        " claims put the invasion at 1945-08-08 23:00:00 to 23:37 (CDT, UTC+09:00)"
    )
    # Tight: an instant at the implied upper bound fits, a microsecond later does not.
    low, high = found.implied
    assert low is not None and high is not None
    for instant, fits in ((high, True), (high + 1, False)):
        chronology = cr.Chronology.from_file(words)
        del chronology.claims["inv-time"]
        when = EPOCH + dt.timedelta(microseconds=instant)
        assert chronology.add(cr.At("invasion", when, id="inv-time")).consistent == fits


def test_a_reconciliation_keeps_its_sensitivity_through_pickle() -> None:
    result = cr.Chronology.from_file(EXAMPLES / "august-1945-phrases.toml").reconcile()
    again = pickle.loads(pickle.dumps(result))
    assert again.sensitivity == result.sensitivity
    assert again == result


def test_after_with_a_phrase_has_a_sensitivity_and_plain_claims_have_none() -> None:
    chronology = cr.Chronology(
        events=[cr.Event("a", "1945-08-08T10:00Z"), cr.Event("b", "1945-08-08T12:00Z")],
        claims=[
            cr.After("a", "b", phrase="shortly after", id="shortly"),
            cr.Gap("a", "b", "1h", "3h", id="plain"),
        ],
    )
    result = chronology.reconcile()
    assert not result.consistent
    assert set(result.sensitivity) == {"shortly"}
    found = result.sensitivity["shortly"]
    assert found.implied == (HOUR_US + 59 * MINUTE_US + 1, 2 * HOUR_US + MINUTE_US - 1)
    assert found.explanation.startswith("conflicts unless 'shortly after' allows at least 1h59m")


# ---------------------------------------------------------------- the chronology


def test_same_date_is_a_case_split_over_local_dates() -> None:
    events = [cr.Event("a"), cr.Event("b")]
    anchor = cr.At("a", "1945-08-08T22:00", "UTC", id="anchor")
    same = cr.SameDate("a", "b", "UTC", id="same")
    result = cr.Chronology(events, [anchor, cr.Gap("a", "b", "1h", "3h"), same]).reconcile()
    assert result.consistent
    assert result.bounds["b"] == cr.Span(
        cr.parse_instant("1945-08-08T23:00Z"), cr.parse_instant("1945-08-09T00:00Z")
    )
    late = cr.Gap("a", "b", "3h", "4h", id="late")
    result = cr.Chronology(events, [anchor, late, same]).reconcile()
    assert not result.consistent
    (conflict,) = result.conflicts
    assert conflict.claims == ("anchor", "late", "same")
    assert "same puts the a and the b on one local date in UTC, 1945-08-08" in conflict.explanation
    # Five hours east the same two instants share 1945-08-09.
    east = cr.SameDate("a", "b", "+05:00", id="same")
    assert cr.Chronology(events, [anchor, late, east]).reconcile().consistent


def test_same_date_needs_something_that_dates_its_events() -> None:
    chronology = cr.Chronology(
        [cr.Event("a"), cr.Event("b")], [cr.SameDate("a", "b", "UTC", id="same")]
    )
    try:
        chronology.reconcile()
    except cr.ChronoError as exc:
        assert "neither 'a' nor 'b' has a recorded time or a dated claim" in str(exc)
    else:
        raise AssertionError("a same-date claim with nothing to date it was compiled")


def test_the_chronologys_lexicon_reads_claims_that_name_none() -> None:
    strict = nearly_lexicon(-1, 0, False)
    events = [cr.Event("a", "1945-08-08T10:00Z"), cr.Event("b", "1945-08-08T15:50Z")]
    gap = cr.Gap.phrase("nearly six hours later", "a", "b", id="nearly")
    assert cr.Chronology(events, [gap]).reconcile().consistent
    chronology = cr.Chronology(events, [gap], lexicon=strict)
    assert chronology.claims["nearly"].min_us == 6 * HOUR_US - 3 * MINUTE_US - 36 * 10**6
    assert not chronology.reconcile().consistent
    own = cr.Gap.phrase(
        "nearly six hours later", "a", "b", id="nearly", lexicon=cr.Lexicon.default()
    )
    assert cr.Chronology(events, [own], lexicon=strict).reconcile().consistent
    words = EXAMPLES / "august-1945-phrases.toml"
    read = cr.Chronology.from_file(words, lexicon=strict)
    assert read.claims["nearly-six"].min_us == 6 * HOUR_US - 3 * MINUTE_US - 36 * 10**6
    # Still consistent: "just after midnight" lets the invasion be as early as 00:00.
    assert read.reconcile().consistent


def test_the_command_line_reads_phrases_by_a_lexicon_file(tmp_path: Path) -> None:
    from chronoreconcile.cli import main

    path = tmp_path / "strict.toml"
    path.write_text(
        '[[quantity]]\nphrase = "nearly"\nlower_percent = -1\nupper_percent = 0\n'
        'upper_closed = false\nrule = "the last 1%"\nrationale = "a strict reader"\n'
        'example = "nearly six hours"\n',
        encoding="utf-8",
    )
    words = str(EXAMPLES / "august-1945-phrases-harbin.toml")
    assert main(["check", words, "--lexicon", str(path)]) == 1
    assert main(["check", words, "--lexicon", str(tmp_path / "missing.toml")]) == 2
