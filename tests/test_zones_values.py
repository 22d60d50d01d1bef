"""Zones, spans and errors as values: the one ambiguity answer, one wording, pickling.

Sources for the examples: tz europe ("Rule EU 1981 max - Mar lastSun 1:00u 1:00 S" and
"Oct lastSun 1:00u 0 -"): Paris skipped 02:00-03:00 on 26 March 2023 and showed 02:00-03:00
twice on 29 October 2023. Ireland's rule since 1971 is written with negative DST (IST,
UTC+1, is standard time; GMT in winter is the "daylight" period, "Rule Eire 1981 max -
Oct lastSun 1:00u -1:00 -"), so on 29 October 2023 Dublin showed 01:00-02:00 twice.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import pickle
import re
from concurrent.futures import ProcessPoolExecutor

import pytest
from hypothesis import given

import chronoreconcile as cr
from chronoreconcile.strategies import repeated_local_times, skipped_local_times
from chronoreconcile.zones import (
    DISAMBIGUATIONS,
    Fold,
    Gap,
    Unambiguous,
    check_disambiguation,
    disambiguate,
    get_zone,
)
from tests.marks import any_zone_history

UTC = dt.UTC


def _seconds(text: str) -> int:
    """Seconds since 1970-01-01T00:00 of a naive local time or an aware instant."""
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is not None:
        return int(value.timestamp())
    return int((value - dt.datetime(1970, 1, 1)).total_seconds())


# --- ambiguity(): one answer ------------------------------------------------------------------


def test_paris_spring_gap() -> None:
    found = get_zone("Europe/Paris").ambiguity(dt.datetime(2023, 3, 26, 2, 30))
    assert found == Gap(_seconds("2023-03-26T01:00+00:00"), 3600, 7200)
    assert (found.start, found.end) == (_seconds("2023-03-26T02:00"), _seconds("2023-03-26T03:00"))


def test_paris_autumn_fold() -> None:
    found = get_zone("Europe/Paris").ambiguity(dt.datetime(2023, 10, 29, 2, 30))
    assert found == Fold(
        (_seconds("2023-10-29T00:30+00:00"), _seconds("2023-10-29T01:30+00:00")), (7200, 3600)
    )
    assert (found.earlier, found.later) == found.instants


def test_dublin_negative_dst_fold_and_gap() -> None:
    dublin = get_zone("Europe/Dublin")
    fold = dublin.ambiguity(dt.datetime(2023, 10, 29, 1, 30))
    assert fold == Fold(
        (_seconds("2023-10-29T00:30+00:00"), _seconds("2023-10-29T01:30+00:00")), (3600, 0)
    )
    # The winter period is the one tzdata marks as daylight time.
    assert dublin.period_at(fold.later) == (0, "GMT", True)
    assert dublin.period_at(fold.earlier) == (3600, "IST", False)
    gap = dublin.ambiguity(dt.datetime(2023, 3, 26, 1, 30))
    assert gap == Gap(_seconds("2023-03-26T01:00+00:00"), 0, 3600)


def test_an_ordinary_local_time_is_unambiguous() -> None:
    local = dt.datetime(1945, 5, 9, 1, 1)
    assert get_zone("Europe/Moscow").ambiguity(local) == Unambiguous(
        _seconds("1945-05-08T22:01+00:00"), 3 * 3600
    )
    # Seconds and a datetime are the same question.
    seconds = _seconds("1945-05-09T01:01")
    assert get_zone("Europe/Moscow").ambiguity(seconds) == get_zone("Europe/Moscow").ambiguity(
        local
    )


def test_ambiguity_refuses_an_aware_datetime() -> None:
    with pytest.raises(cr.ChronoError, match="expected a naive local time"):
        get_zone("Europe/Paris").ambiguity(dt.datetime(2023, 3, 26, 2, 30, tzinfo=UTC))


@any_zone_history
@given(repeated_local_times())
def test_disambiguate_picks_the_fold_candidates(zone_local: tuple[str, dt.datetime]) -> None:
    zone, local = zone_local
    z = get_zone(zone)
    found = z.ambiguity(local)
    seconds = _seconds(local.replace(microsecond=0).isoformat())
    if isinstance(found, Fold):
        assert disambiguate(z, seconds, "earlier") == found.earlier
        assert disambiguate(z, seconds, "compatible") == found.earlier
        assert disambiguate(z, seconds, "later") == found.later
        with pytest.raises(cr.AmbiguousTimeError):
            disambiguate(z, seconds, "raise")


@given(skipped_local_times())
def test_disambiguate_shifts_a_gap_by_its_length(zone_local: tuple[str, dt.datetime]) -> None:
    zone, local = zone_local
    z = get_zone(zone)
    found = z.ambiguity(local)
    seconds = _seconds(local.replace(microsecond=0).isoformat())
    if isinstance(found, Gap):
        assert disambiguate(z, seconds, "later") == seconds - found.offset_before
        assert disambiguate(z, seconds, "compatible") == seconds - found.offset_before
        assert disambiguate(z, seconds, "earlier") == seconds - found.offset_after
        with pytest.raises(cr.NonexistentTimeError):
            disambiguate(z, seconds, "raise")


# --- one wording --------------------------------------------------------------------------


def test_every_caller_words_a_repeated_time_the_same() -> None:
    said = (
        ": 2023-10-29T00:30Z (+02:00) or 2023-10-29T01:30Z (+01:00);"
        " pass disambiguation='earlier' or 'later' to choose"
    )
    calls = {
        "to_instant": lambda: cr.to_instant("2023-10-29T02:30", "Europe/Paris"),
        "parse_instant": lambda: cr.parse_instant("2023-10-29T02:30[Europe/Paris]"),
        "Event": lambda: cr.Event("e", "2023-10-29T02:30", "Europe/Paris", disambiguation="raise"),
        "At": lambda: cr.At("e", "2023-10-29T02:30", "Europe/Paris", disambiguation="raise"),
    }
    for name, call in calls.items():
        with pytest.raises(cr.AmbiguousTimeError) as info:
            call()
        assert str(info.value).endswith(" is repeated in zone 'Europe/Paris'" + said), name
        assert info.value.candidates == ("2023-10-29T00:30Z (+02:00)", "2023-10-29T01:30Z (+01:00)")
        assert info.value.earlier.isoformat() == "2023-10-29T02:30:00+02:00"
        assert info.value.later.isoformat() == "2023-10-29T02:30:00+01:00"


def test_every_check_of_the_disambiguation_word_is_the_same() -> None:
    listed = re.escape(
        "unknown disambiguation 'soon'; expected one of "
        + ", ".join(repr(d) for d in DISAMBIGUATIONS)
    )
    calls = [
        lambda: cr.to_instant("1945-05-08T23:01", "Europe/Berlin", disambiguation="soon"),  # type: ignore[arg-type]
        lambda: cr.parse_instant("1945-05-08T23:01[Europe/Berlin]", disambiguation="soon"),  # type: ignore[arg-type]
        lambda: cr.Event("e", "1945-05-08T23:01", "Europe/Berlin", disambiguation="soon"),
        lambda: cr.At("e", "1945-05-08T23:01", "Europe/Berlin", disambiguation="soon"),
        lambda: check_disambiguation("soon", where="here"),
    ]
    for call in calls:
        with pytest.raises(cr.ChronoError, match=listed):
            call()


def test_a_gap_error_carries_values() -> None:
    with pytest.raises(cr.NonexistentTimeError) as info:
        cr.to_instant("2023-03-26T02:30", "Europe/Paris")
    error = info.value
    assert (error.gap_start, error.gap_end) == (
        dt.datetime(2023, 3, 26, 2, 0),
        dt.datetime(2023, 3, 26, 3, 0),
    )
    assert error.transition == dt.datetime(2023, 3, 26, 1, 0, tzinfo=UTC)
    assert (error.offset_before, error.offset_after) == (3600, 7200)


# --- pickling -----------------------------------------------------------------------------


def _errors() -> list[cr.ChronoError]:
    found: list[cr.ChronoError] = [
        cr.ChronoError("plain"),
        cr.UnknownZoneError("Europe/Moskow", ["Europe/Moscow"]),
        cr.UnknownZoneError("x", where="zone data '/tmp'", reason="because"),
        cr.ParseError("1945-02-30", "day 30 of February 1945", where="event 'e'"),
    ]
    for call in (
        lambda: cr.to_instant("2023-10-29T02:30", "Europe/Paris"),
        lambda: cr.to_instant("2023-03-26T02:30", "Europe/Paris"),
        lambda: cr.Event("e", "2023-03-26T02:30", "Europe/Paris"),
        lambda: cr.to_instant("1945-05-09T01:01", "Europe/Moskow"),
    ):
        try:
            call()
        except cr.ChronoError as exc:
            found.append(exc)
    return found


@pytest.mark.parametrize("error", _errors(), ids=lambda e: type(e).__name__)
def test_errors_pickle_to_the_same_message_and_values(error: cr.ChronoError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert vars(back) == vars(error)


def _raise_repeated(local: str) -> None:
    cr.to_instant(local, "Europe/Paris")


@pytest.mark.slow
def test_an_error_crosses_a_process_pool() -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        future = pool.submit(_raise_repeated, "2023-10-29T02:30")
        with pytest.raises(cr.AmbiguousTimeError, match="2023-10-29T00:30Z"):
            future.result(timeout=120)


def test_zones_pickle_as_the_call_that_made_them() -> None:
    for name in ("Europe/Moscow", "UTC", "+05:45", "Asia/Harbin"):
        zone = get_zone(name)
        assert pickle.loads(pickle.dumps(zone)) is zone
    fixed = cr.zone_of_record("front", "+10:00", note="seven hours ahead of Moscow")
    ship = cr.zone_of_record(
        "ship",
        periods=[
            ("1945-05-01T00:00+00:00", "+02:00", None),
            (dt.datetime(1945, 6, 1, tzinfo=UTC), "+03:00", "S"),
        ],
    )
    for zone in (fixed, ship):
        back = pickle.loads(pickle.dumps(zone))
        assert back == zone
        assert hash(back) == hash(zone)
        assert back.describe() == zone.describe()
        assert back.offset_seconds(_seconds("1945-06-15T00:00+00:00")) == zone.offset_seconds(
            _seconds("1945-06-15T00:00+00:00")
        )
    assert fixed != cr.zone_of_record("front", "+09:00")
    assert repr(get_zone("Europe/Moscow")) == "Zone('Europe/Moscow')"


def test_spans_pickle_with_their_note() -> None:
    span = cr.Event("e", "1945-09-30T01:30", "America/New_York").span
    assert span is not None
    back = pickle.loads(pickle.dumps(span))
    assert back == span
    assert back.note == span.note
    assert repr(back) == repr(span)
