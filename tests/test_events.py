"""Events and their spans: precision, tolerance, EDTF marks, ranges, calendars, gaps and folds.

The reference for a span is worked out here from stdlib ``zoneinfo`` (fold=0 and fold=1,
PEP 495), independently of the library: a local text covers the local times
``[start, end)``; each of them denotes its candidate instants (one, two in a fold, none
in a gap, or the one ``disambiguation`` picks with Temporal's meanings); the span is the
hull of all of them. The instant a local time denotes grows one for one with it between
the zone's transitions, so the hull is reached at the range's ends or at the local times
where a transition starts or ends, and the reference evaluates only those.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import zoneinfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile._durations import format_duration
from chronoreconcile._parsing import APPROXIMATE_DEFAULTS
from chronoreconcile.strategies import (
    LocalText,
    disambiguations,
    events,
    local_text,
    local_time_texts,
    repeated_local_times,
    skipped_local_times,
    spans,
    text_fragments,
    tolerances,
)
from tests.marks import any_zone_history
from tests.oracles import APPROXIMATE_UNITS, FINER, children

UTC = dt.UTC
US = 10**6
ONE_US = dt.timedelta(microseconds=1)
MINUTE = 60 * US


def micros(instant: dt.datetime) -> int:
    """Microseconds since the epoch of an aware datetime (pendulum's too: its subtraction
    gives a Duration that cannot be floor-divided by a timedelta, so rebuild a stdlib one)."""
    offset = instant.utcoffset()
    assert offset is not None
    naive = dt.datetime(*instant.timetuple()[:6], instant.microsecond)
    return (naive - offset - dt.datetime(1970, 1, 1)) // ONE_US


def utc(text: str) -> int:
    """Microseconds of a UTC instant written "1945-09-30T05:30"."""
    return micros(dt.datetime.fromisoformat(text).replace(tzinfo=UTC))


# --- the reference ----------------------------------------------------------------------


def _candidates(local: dt.datetime, text: LocalText, disambiguation: str | None) -> list[int]:
    """The instants (µs) ``local`` denotes in the text's zone, as Temporal would pick them."""
    if text.offset is not None:
        return [micros(local.replace(tzinfo=UTC)) - text.offset * US]
    zone = zoneinfo.ZoneInfo(text.zone)
    tried = {fold: local.replace(tzinfo=zone, fold=fold).astimezone(UTC) for fold in (0, 1)}
    real = sorted(
        {micros(u) for u in tried.values() if u.astimezone(zone).replace(tzinfo=None) == local}
    )
    if real:
        if disambiguation is None:
            return real
        return [real[0]] if disambiguation in ("earlier", "compatible") else [real[-1]]
    if disambiguation is None:
        return []  # skipped
    # In a gap, fold=0 reads the local time with the offset before the transition (the
    # later instant) and fold=1 with the offset after it (the earlier instant).
    shifted = sorted(micros(u) for u in tried.values())
    return [shifted[0]] if disambiguation == "earlier" else [shifted[-1]]


def reference_span(text: LocalText, disambiguation: str | None) -> tuple[int, int] | None:
    """[start, end) in µs of the hull of every instant the text's local times denote,
    or None when the zone skipped all of them."""
    last = text.end - ONE_US
    points = {text.start, last}
    if text.offset is None:
        lo = micros(text.start.replace(tzinfo=UTC)) // US - 2 * 86400
        hi = micros(text.end.replace(tzinfo=UTC)) // US + 2 * 86400
        for t, before, after in cr.get_zone(text.zone).transitions(lo, hi):
            for edge in (t + before, t + after):
                local = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=edge)
                points.update({local, local - ONE_US})
    found = [
        u for p in points if text.start <= p <= last for u in _candidates(p, text, disambiguation)
    ]
    if not found:
        return None
    return min(found), max(found) + 1


def _event(text: LocalText, disambiguation: str | None = None, **kwargs: object) -> cr.Event:
    return cr.Event("e", text.text, text.zone, disambiguation=disambiguation, **kwargs)


def _existing(text: LocalText) -> str | None:
    """No disambiguation for a text that exists; "earlier" for one the zone skipped
    entirely (tests of widening are not about gaps)."""
    return None if reference_span(text, None) is not None else "earlier"


def _bounds(span: cr.Span | None) -> tuple[int, int]:
    assert span is not None
    return span.start_us, span.end_us


# --- spans against the reference ----------------------------------------------------------


@any_zone_history
@given(local_time_texts(), disambiguations())
@example(  # the hour before New York's fold of 1945: 00:00-01:00 EWT only
    LocalText(
        "America/New_York",
        "1945-09-30T00",
        "hour",
        dt.datetime(1945, 9, 30),
        dt.datetime(1945, 9, 30, 1),
    ),
    None,
)
@example(  # Havana's fold is at midnight: the day before it ends at the first 00:00
    LocalText(
        "America/Havana", "2019-11-02", "day", dt.datetime(2019, 11, 2), dt.datetime(2019, 11, 3)
    ),
    None,
)
@example(  # the hour before Paris's gap, resolved "earlier"
    LocalText(
        "Europe/Paris",
        "2023-03-26T01",
        "hour",
        dt.datetime(2023, 3, 26, 1),
        dt.datetime(2023, 3, 26, 2),
    ),
    "earlier",
)
@example(  # Sao Paulo skipped its midnight: the day before it is a whole 24 hours
    LocalText(
        "America/Sao_Paulo", "2018-11-03", "day", dt.datetime(2018, 11, 3), dt.datetime(2018, 11, 4)
    ),
    "earlier",
)
@example(
    LocalText(
        "Europe/Paris",
        "2023-10-29T02:30",
        "minute",
        dt.datetime(2023, 10, 29, 2, 30),
        dt.datetime(2023, 10, 29, 2, 31),
    ),
    None,
)
@example(
    LocalText(
        "Australia/Lord_Howe",
        "2024-10-06T02:15",
        "minute",
        dt.datetime(2024, 10, 6, 2, 15),
        dt.datetime(2024, 10, 6, 2, 16),
    ),
    "later",
)
@example(
    LocalText(
        "Pacific/Kiritimati",
        "1994-12-31",
        "day",
        dt.datetime(1994, 12, 31),
        dt.datetime(1995, 1, 1),
    ),
    None,
)
def test_span_is_the_hull_of_the_instants_its_local_times_denote(
    text: LocalText, disambiguation: str | None
) -> None:
    expected = reference_span(text, disambiguation)
    if expected is None:
        with pytest.raises(cr.NonexistentTimeError, match=" does not exist in zone "):
            _event(text, disambiguation)
        return
    assert _bounds(_event(text, disambiguation).span) == expected


@any_zone_history
@given(local_time_texts(tuple(FINER)), disambiguations())
@example(
    LocalText(
        "America/Sao_Paulo", "2016-02-20", "day", dt.datetime(2016, 2, 20), dt.datetime(2016, 2, 21)
    ),
    None,
)
@example(
    LocalText("Europe/London", "1945", "year", dt.datetime(1945, 1, 1), dt.datetime(1946, 1, 1)),
    None,
)
@example(
    LocalText(
        "Europe/Paris",
        "2023-03-26T01",
        "hour",
        dt.datetime(2023, 3, 26, 1),
        dt.datetime(2023, 3, 26, 2),
    ),
    "earlier",
)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_a_coarser_span_contains_every_finer_span_inside_it(
    text: LocalText, disambiguation: str | None
) -> None:
    finer = []
    for child in children(text):
        try:
            finer.append(_event(child, disambiguation).span)
        except cr.NonexistentTimeError:
            assert disambiguation is None  # only an unresolved skipped time is refused
    if not finer:
        # Every finer part was skipped, so the coarser one was skipped too.
        with pytest.raises(cr.NonexistentTimeError):
            _event(text, disambiguation)
        return
    coarse = _event(text, disambiguation).span
    assert coarse is not None
    for span in finer:
        assert span in coarse, (span, coarse)


@any_zone_history
@given(events())
def test_spans_are_aware_utc_and_start_before_they_end(event: cr.Event) -> None:
    span = event.span
    assert span is not None
    assert span.start_us < span.end_us
    for bound, us in ((span.start, span.start_us), (span.end, span.end_us)):
        assert bound.utcoffset() == dt.timedelta(0)
        assert micros(bound) == us
    assert span.duration == dt.timedelta(microseconds=span.end_us - span.start_us)


@any_zone_history
@given(local_time_texts(), tolerances())
def test_tolerance_widens_both_ends_by_exactly_its_amount(
    text: LocalText, tolerance: tuple[object, int]
) -> None:
    value, amount = tolerance
    disambiguation = _existing(text)
    plain = _event(text, disambiguation).span
    wide = _event(text, disambiguation, tolerance=value).span
    assert plain is not None and wide is not None
    assert wide.start_us == plain.start_us - amount
    assert wide.end_us == plain.end_us + amount


@any_zone_history
@given(local_time_texts())
def test_a_bare_tilde_widens_by_the_documented_default_and_says_so(text: LocalText) -> None:
    disambiguation = _existing(text)
    plain = _event(text, disambiguation).span
    approximate = cr.Event("e", text.text + "~", text.zone, disambiguation=disambiguation).span
    assert plain is not None and approximate is not None
    pad = APPROXIMATE_UNITS[text.precision]
    assert (approximate.start_us, approximate.end_us) == (plain.start_us - pad, plain.end_us + pad)
    article = "an" if text.precision == "hour" else "a"
    note = f"approximate: ±{format_duration(pad)} by default for {article} {text.precision}"
    assert note in repr(approximate)
    assert note not in repr(plain)


def test_the_approximate_defaults_are_the_documented_ones() -> None:
    for precision, pad in APPROXIMATE_UNITS.items():
        assert APPROXIMATE_DEFAULTS[precision] == pad


@any_zone_history
@given(local_time_texts(), tolerances())
def test_an_explicit_tolerance_replaces_the_approximate_default(
    text: LocalText, tolerance: tuple[object, int]
) -> None:
    value, amount = tolerance
    disambiguation = _existing(text)
    plain = _event(text, disambiguation).span
    both = cr.Event(
        "e", text.text + "~", text.zone, tolerance=value, disambiguation=disambiguation
    ).span
    assert plain is not None and both is not None
    assert (both.start_us, both.end_us) == (plain.start_us - amount, plain.end_us + amount)


@any_zone_history
@given(local_time_texts())
def test_an_uncertain_mark_keeps_the_span_as_written_and_says_so(text: LocalText) -> None:
    disambiguation = _existing(text)
    plain = _event(text, disambiguation).span
    uncertain = cr.Event("e", text.text + "?", text.zone, disambiguation=disambiguation).span
    both = cr.Event("e", text.text + "%", text.zone, disambiguation=disambiguation).span
    assert plain is not None and uncertain is not None and both is not None
    assert (uncertain.start_us, uncertain.end_us) == (plain.start_us, plain.end_us)
    assert "uncertain (EDTF '?'): as written" in repr(uncertain)
    pad = APPROXIMATE_UNITS[text.precision]
    assert (both.start_us, both.end_us) == (plain.start_us - pad, plain.end_us + pad)
    assert "uncertain (EDTF '?')" in repr(both) and "approximate: " in repr(both)


@any_zone_history
@given(local_time_texts(("year", "month", "day", "hour", "minute")), st.integers(0, 3))
def test_an_explicit_range_is_the_hull_of_its_two_ends(text: LocalText, steps: int) -> None:
    second = text  # the second end: the same precision, up to three units later
    for _ in range(steps):
        second = local_text(text.zone, second.end, text.precision, 0, text.offset)
    whole = LocalText(
        text.zone, f"{text.text}/{second.text}", "range", text.start, second.end, text.offset
    )
    expected = reference_span(whole, None)
    if expected is None:
        with pytest.raises(cr.NonexistentTimeError):
            _event(whole)
        return
    assert _bounds(_event(whole).span) == expected
    ends = reference_span(text, None), reference_span(second, None)
    if ends[0] is not None and ends[1] is not None:
        assert expected == (ends[0][0], ends[1][1])


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("194X", "1940-01-01/1949-12-31"),
        ("19XX", "1900-01-01/1999-12-31"),
        ("1XXX", "1000-01-01/1999-12-31"),
        ("1945-XX", "1945"),
        ("1945-XX-XX", "1945"),
        ("1945-08-XX", "1945-08"),
    ],
)
@pytest.mark.parametrize("zone", ["UTC", "Europe/London", "Asia/Tokyo"])
def test_unspecified_digits_cover_every_value_they_could_have(
    written: str, plain: str, zone: str
) -> None:
    assert _bounds(cr.Event("e", written, zone).span) == _bounds(cr.Event("e", plain, zone).span)


# --- folds and gaps -------------------------------------------------------------------------


@any_zone_history
@given(repeated_local_times(), st.sampled_from(["minute", "second", "fraction"]))
@example(("America/New_York", dt.datetime(1945, 9, 30, 1, 30)), "minute")
@example(("Europe/Paris", dt.datetime(2023, 10, 29, 2, 30)), "minute")
@example(("Europe/Dublin", dt.datetime(2020, 10, 25, 1, 30)), "minute")
@example(("America/Sao_Paulo", dt.datetime(2016, 2, 20, 23, 30)), "minute")
def test_a_repeated_local_time_keeps_both_candidates(
    found: tuple[str, dt.datetime], precision: str
) -> None:
    zone, local = found
    text = local_text(zone, local, precision, 6 if precision == "fraction" else 0)
    zi = zoneinfo.ZoneInfo(zone)
    first, second = sorted(
        micros(text.start.replace(tzinfo=zi, fold=f).astimezone(UTC)) for f in (0, 1)
    )
    if first == second:
        return  # another transition nearby made this local time exist only once
    width = micros(text.end.replace(tzinfo=UTC)) - micros(text.start.replace(tzinfo=UTC))
    span = _event(text).span
    assert span is not None
    assert span.start_us <= first and second + width <= span.end_us
    assert "both candidates of a repeated local time in " + zone in repr(span)
    for choice, chosen in (("earlier", first), ("later", second), ("compatible", first)):
        picked = _event(text, choice).span
        assert picked is not None
        assert picked.start_us == chosen
        assert "both candidates" not in repr(picked)


@any_zone_history
@given(skipped_local_times())
@example(("Europe/Paris", dt.datetime(2023, 3, 26, 2, 30)))
@example(("Australia/Lord_Howe", dt.datetime(2024, 10, 6, 2, 15)))
@example(("Pacific/Kiritimati", dt.datetime(1994, 12, 31, 12, 0)))
@example(("Africa/Abidjan", dt.datetime(1912, 1, 1, 0, 16, 7, 999999)))  # LMT to GMT
def test_a_skipped_local_time_is_refused_unless_disambiguated(
    found: tuple[str, dt.datetime],
) -> None:
    zone, local = found
    text = local_text(zone, local, "fraction", 6)
    if reference_span(text, None) is not None:
        return  # another transition nearby made this local time exist after all
    message = f"{text.text} (event 'e') does not exist in zone {zone!r}: clocks skipped from "
    with pytest.raises(cr.NonexistentTimeError, match=f"^{re.escape(message)}"):
        _event(text)
    for choice in ("earlier", "later", "compatible"):
        span = _event(text, choice).span
        assert span is not None
        instant = cr.to_instant(local, zone, disambiguation=choice)
        assert (span.start_us, span.end_us) == (micros(instant), micros(instant) + 1)


def test_new_york_1945_fold_spans_both_passes_of_the_minute() -> None:
    # tz northamerica: "Rule US 1945 only - Sep 30 2:00 0 S", the end of war time:
    # 01:30 came first at 05:30Z (EPT, UTC-4) and again at 06:30Z (EST, UTC-5).
    span = cr.Event("e", "1945-09-30T01:30", "America/New_York").span
    assert repr(span) == (
        "Span(1945-09-30T05:30Z, 1945-09-30T06:31Z,"
        " both candidates of a repeated local time in America/New_York)"
    )
    later = cr.Event("e", "1945-09-30T01:30", "America/New_York", disambiguation="later").span
    assert repr(later) == "Span(1945-09-30T06:30Z, 1945-09-30T06:31Z)"


def test_the_hour_before_a_fold_is_not_widened() -> None:
    # 00:00-01:00 on 30 Sep 1945 in New York happened once, in war time (UTC-4).
    span = cr.Event("e", "1945-09-30T00", "America/New_York").span
    assert repr(span) == "Span(1945-09-30T04:00Z, 1945-09-30T05:00Z)"
    minute = cr.Event("e", "1945-09-30T00:59", "America/New_York").span
    assert repr(minute) == "Span(1945-09-30T04:59Z, 1945-09-30T05:00Z)"


def test_a_day_ending_at_a_repeated_midnight_is_24_hours() -> None:
    # tz northamerica: "Rule Cuba 2012 max - Nov Sun>=1 0:00s 0 S": on 3 Nov 2019 Havana
    # went from 01:00 CDT back to 00:00 CST, so 00:00-01:00 on 3 Nov was shown twice.
    # 2 Nov itself was an ordinary 24-hour day of CDT (UTC-4).
    span = cr.Event("e", "2019-11-02", "America/Havana").span
    assert repr(span) == "Span(2019-11-02T04:00Z, 2019-11-03T04:00Z)"


def test_earlier_next_to_a_gap_keeps_the_whole_hour() -> None:
    # 01:00-02:00 on 26 Mar 2023 in Paris existed (CET, UTC+1); 02:00-03:00 was skipped.
    span = cr.Event("e", "2023-03-26T01", "Europe/Paris", disambiguation="earlier").span
    assert repr(span) == "Span(2023-03-26T00:00Z, 2023-03-26T01:00Z)"
    minute = cr.Event("e", "2023-03-26T01:59", "Europe/Paris", disambiguation="earlier").span
    assert repr(minute) == "Span(2023-03-26T00:59Z, 2023-03-26T01:00Z)"


def test_earlier_keeps_the_last_hour_of_a_day_before_a_skipped_midnight() -> None:
    # Sao Paulo skipped 00:00-01:00 on 4 Nov 2018; 3 Nov was 24 hours of UTC-3.
    span = cr.Event("e", "2018-11-03", "America/Sao_Paulo", disambiguation="earlier").span
    assert repr(span) == "Span(2018-11-03T03:00Z, 2018-11-04T03:00Z)"


def test_a_skipped_time_names_the_gap() -> None:
    message = (
        "2023-03-26T02:30 (event 'e') does not exist in zone 'Europe/Paris': clocks skipped"
        " from 2023-03-26 02:00 to 2023-03-26 03:00 (+01:00 to +02:00); pass"
        " disambiguation='earlier', 'later' or 'compatible' to shift it"
    )
    with pytest.raises(cr.NonexistentTimeError, match=f"^{re.escape(message)}$"):
        cr.Event("e", "2023-03-26T02:30", "Europe/Paris")
    later = cr.Event("e", "2023-03-26T02:30", "Europe/Paris", disambiguation="later").span
    earlier = cr.Event("e", "2023-03-26T02:30", "Europe/Paris", disambiguation="earlier").span
    assert repr(later) == "Span(2023-03-26T01:30Z, 2023-03-26T01:31Z)"
    assert repr(earlier) == "Span(2023-03-26T00:30Z, 2023-03-26T00:31Z)"


# --- other kinds of when --------------------------------------------------------------------


@any_zone_history
@given(local_time_texts(("fraction",), fixed=False))
def test_a_naive_datetime_is_read_as_a_microsecond_in_the_zone(text: LocalText) -> None:
    full = LocalText(
        text.zone,
        text.start.isoformat(timespec="microseconds"),
        "fraction",
        text.start,
        text.start + ONE_US,
    )
    expected = reference_span(full, "compatible")
    assert expected is not None
    span = cr.Event("e", text.start, text.zone, disambiguation="compatible").span
    assert _bounds(span) == expected


def test_an_aware_datetime_is_its_own_instant() -> None:
    instant = dt.datetime(1945, 5, 8, 23, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    span = cr.Event("surrender", instant).span
    assert span is not None
    assert (span.start_us, span.end_us) == (utc("1945-05-08T22:01"), utc("1945-05-08T22:01") + 1)
    widened = cr.Event("surrender", instant, tolerance="1m").span
    assert _bounds(widened) == (utc("1945-05-08T22:00"), utc("1945-05-08T22:02") + 1)


@given(spans(), tolerances())
def test_a_span_given_as_when_is_kept_and_widened_by_a_tolerance(
    span: cr.Span, tolerance: tuple[object, int]
) -> None:
    assert _bounds(cr.Event("e", span).span) == (span.start_us, span.end_us)
    value, amount = tolerance
    wide = cr.Event("e", span, tolerance=value).span
    assert _bounds(wide) == (span.start_us - amount, span.end_us + amount)


def test_an_event_without_a_time_has_no_span() -> None:
    event = cr.Event("invasion")
    assert event.span is None


def test_span_repr_shows_what_it_means() -> None:
    span = cr.Span.from_micros(-769_946_340_000_000, -769_946_280_000_000)
    assert repr(span) == "Span(1945-08-08T14:01Z, 1945-08-08T14:02Z)"
    assert span.start == dt.datetime(1945, 8, 8, 14, 1, tzinfo=UTC)
    assert span.end == dt.datetime(1945, 8, 8, 14, 2, tzinfo=UTC)


def test_a_span_must_start_before_it_ends() -> None:
    message = "a span must start before it ends: 1945-08-08T14:01Z is not before 1945-08-08T14:01Z"
    with pytest.raises(cr.ChronoError, match=f"^{re.escape(message)}$"):
        cr.Span.from_micros(-769_946_340_000_000, -769_946_340_000_000)


# --- parsing never fails in another way -------------------------------------------------------


@given(
    text_fragments(),
    st.sampled_from(["gregorian", "julian", "julian-march", "japanese", "minguo"]),
    st.sampled_from(["UTC", "Asia/Tokyo", "America/New_York", "+05:30", None]),
    disambiguations(),
)
@example("Showa 20-08-15", "gregorian", "Asia/Tokyo", None)
@example("1945-08-08T24:00", "gregorian", "UTC", None)
@example("0001-01-01", "gregorian", "Asia/Tokyo", None)
@example("9999-12-31", "gregorian", "America/New_York", None)
@example("1945-08-08T23:01+01:00", "gregorian", None, None)
@example("194X-08", "gregorian", "UTC", None)
@example("2023-03-26T02/2023-03-26T02:30", "gregorian", "Europe/Paris", "earlier")
def test_any_text_is_an_event_or_a_chrono_error(
    text: str, calendar: str, zone: str | None, disambiguation: str | None
) -> None:
    try:
        event = cr.Event("e", text, zone, calendar=calendar, disambiguation=disambiguation)
    except cr.ChronoError:
        return
    span = event.span
    assert span is not None
    assert span.start_us < span.end_us
    for bound in ("start", "end"):
        try:
            instant = getattr(span, bound)
        except cr.ChronoError as exc:
            # A span reaching past 0001-01-01T00:00Z or 9999-12-31 has no datetime.
            assert re.fullmatch(
                r"instant -?\d+ s from the epoch lies outside years 1\.\.9999", str(exc)
            )
            continue
        assert instant.utcoffset() == dt.timedelta(0)


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "message"),
    [
        (
            ("", "1945-08-15", "UTC"),
            {},
            cr.ChronoError,
            "an event needs a non-empty text id, got ''",
        ),
        ((7, "1945-08-15", "UTC"), {}, cr.ChronoError, "an event needs a non-empty text id, got 7"),
        (
            ("w", "1945-08-15"),
            {},
            cr.ChronoError,
            "event 'w': the local time '1945-08-15' needs a zone (an IANA id, an offset such as"
            " '+10:00', or a zone of record)",
        ),
        (
            ("w", "1945-08-15T12:00+09:00", "Asia/Tokyo"),
            {},
            cr.ChronoError,
            "event 'w': '1945-08-15T12:00+09:00' carries its own offset and zone 'Asia/Tokyo'"
            " was given too; give one or the other",
        ),
        (
            ("w", "1945-08-15", "UTC"),
            {"calendar": "klingon"},
            cr.ChronoError,
            "unknown calendar 'klingon'; expected one of 'gregorian', 'julian', 'julian-march',"
            " 'japanese', 'minguo'",
        ),
        (
            ("w", "1945-08-15", "Mars/Olympus"),
            {},
            cr.UnknownZoneError,
            "unknown zone 'Mars/Olympus'; expected an IANA id such as 'Europe/Moscow', 'UTC', a"
            " fixed offset such as '+10:00' or 'UTC-10:30', or a zone of record",
        ),
        (
            ("w", None, "UTC"),
            {"tolerance": "1h"},
            cr.ChronoError,
            "event 'w': a tolerance needs a when",
        ),
        (
            ("w", "1945-08-15", "UTC"),
            {"disambiguation": "first"},
            cr.ChronoError,
            "event 'w': unknown disambiguation 'first'; expected one of 'raise', 'earlier',"
            " 'later', 'compatible'",
        ),
        (
            ("w", "1945-08-15", "UTC"),
            {"tolerance": "1 month"},
            cr.ParseError,
            "cannot read '1 month': a month has no fixed length; write the duration in days",
        ),
        (
            ("w", "1945-08-15", "UTC"),
            {"tolerance": "-1h"},
            cr.ParseError,
            "cannot read '-1h': a tolerance cannot be negative",
        ),
        (
            ("w", "1945-08-16/1945-08-15", "UTC"),
            {},
            cr.ParseError,
            "cannot read '1945-08-16/1945-08-15': the range ends before it starts",
        ),
        (
            ("w", "1945-08-15/..", "UTC"),
            {},
            cr.ParseError,
            "cannot read '1945-08-15/..': an open-ended range has no span; give both ends",
        ),
        (
            ("w", "1945-02-30", "UTC"),
            {},
            cr.ParseError,
            "cannot read '1945-02-30': day 30 of February 1945 does not exist (that month has 28"
            " days in the Gregorian calendar)",
        ),
        (
            ("w", "1945-08-15T24:00", "UTC"),
            {},
            cr.ParseError,
            "cannot read '1945-08-15T24:00': hour 24; hours run 00..23 (write 24:00 as 00:00 the"
            " next day)",
        ),
        (
            ("w", "1945~?", "UTC"),
            {},
            cr.ParseError,
            "cannot read '1945~?': at most one of the EDTF marks ~ ? % may end a date",
        ),
        (
            ("w", "194X-08", "UTC"),
            {},
            cr.ParseError,
            "cannot read '194X-08': a month or day cannot be given when the year is unspecified",
        ),
        (
            ("w", "1945-08-15T12 midnight", "UTC"),
            {},
            cr.ParseError,
            "cannot read '1945-08-15T12 midnight': 'midnight' may mean the start or the end of"
            " the day; write 00:00 of the day meant",
        ),
        (
            ("w", "昭和64年1月8日", "Asia/Tokyo"),
            {},
            cr.ParseError,
            "cannot read '昭和64年1月8日': Shōwa 64-01-08 is after the end of its era: Shōwa"
            " ended on 1989-01-07 (Heisei 1 began on 1989-01-08)",
        ),
        (
            ("w", "1945-08-15", "Asia/Tokyo"),
            {"weight": 0},
            cr.ChronoError,
            "event 'w': weight must be a positive number (math.inf for a time that must hold),"
            " got 0",
        ),
        (
            ("w", "1945-08-15", "Asia/Tokyo"),
            {"weight": float("nan")},
            cr.ChronoError,
            "event 'w': weight must be a positive number (math.inf for a time that must hold),"
            " got nan",
        ),
        (
            ("w", "1945-08-15", "Asia/Tokyo"),
            {"weight": True},
            cr.ChronoError,
            "event 'w': weight must be a positive number (math.inf for a time that must hold),"
            " got True",
        ),
        (
            ("w", 1945, "UTC"),
            {},
            cr.ChronoError,
            "event 'w': expected a date or time as text, datetime or Span, got 1945",
        ),
    ],
)
def test_bad_events_say_what_is_wrong(
    args: tuple[object, ...], kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        cr.Event(*args, **kwargs)  # type: ignore[arg-type]


# --- examples from history ------------------------------------------------------------------

HISTORY = [
    pytest.param(
        # Wikipedia, "October Revolution": "7 November [O.S. 25 October] 1917". Russia
        # still wrote Julian dates; tz europe, "Rule Russia 1917 only - Jul 1 23:00 1:00
        # MST": Moscow kept summer time, UTC+3:31:19, until 28 Dec 1917.
        cr.Event("october", "1917-10-25", "Europe/Moscow", calendar="julian"),
        "1917-11-07",
        "Europe/Moscow",
        "1917-11-06T20:28:41",
        "1917-11-07T20:28:41",
        id="october-revolution-julian",
    ),
    pytest.param(
        # Wikipedia, "Hirohito surrender broadcast" (Gyokuon-hōsō): aired at noon Japan
        # Standard Time on 15 August 1945 (昭和20年8月15日 正午), a minute's record.
        cr.Event("jewel-voice", "昭和20年8月15日 正午", "Asia/Tokyo"),
        "1945-08-15T12:00",
        "Asia/Tokyo",
        "1945-08-15T03:00",
        "1945-08-15T03:01",
        id="jewel-voice-broadcast",
    ),
    pytest.param(
        # Cabinet Order 元号を改める政令 (昭和64年政令第1号): Heisei from 8 January 1989.
        cr.Event("heisei", "平成元年1月8日", "Asia/Tokyo"),
        "1989-01-08",
        "Asia/Tokyo",
        "1989-01-07T15:00",
        "1989-01-08T15:00",
        id="heisei-first-day",
    ),
    pytest.param(
        # Wikipedia, "George Washington": born "February 22, 1732 [O.S. February 11,
        # 1731]" — the legal year then began on 25 March, so February was still 1731.
        # New York's local mean time, UTC-4:56:02, before standard time (1883).
        cr.Event("washington", "1731-02-11", "America/New_York", calendar="julian-march"),
        "1732-02-22",
        "America/New_York",
        "1732-02-22T04:56:02",
        "1732-02-23T04:56:02",
        id="washington-birth-julian-march",
    ),
    pytest.param(
        # Japan's surrender announced on 民國34年8月15日 in Taiwan's Minguo reckoning
        # (Minguo 1 = 1912); Taipei then kept Japan's time, UTC+9.
        cr.Event("surrender-taipei", "民國34年8月15日", "Asia/Taipei"),
        "1945-08-15",
        "Asia/Taipei",
        "1945-08-14T15:00",
        "1945-08-15T15:00",
        id="minguo-34",
    ),
]


@pytest.mark.parametrize(("event", "gregorian", "zone", "start", "end"), HISTORY)
def test_history_in_other_calendars(
    event: cr.Event, gregorian: str, zone: str, start: str, end: str
) -> None:
    assert _bounds(event.span) == (utc(start), utc(end))
    assert _bounds(cr.Event("same", gregorian, zone).span) == (utc(start), utc(end))


def test_jewel_voice_broadcast_was_on_14_august_in_the_united_states() -> None:
    # Noon JST on 15 Aug 1945 was 03:00Z, four hours after the United States changed from
    # war time to "peace time" (tz northamerica: "Rule US 1945 only - Aug 14 23:00u 1:00 P
    # # Peace"), still UTC-4 in New York and UTC-7 in Los Angeles: 23:00 and 20:00 on 14 Aug.
    broadcast = cr.Event("jewel-voice", "昭和20年8月15日 正午", "Asia/Tokyo")
    where = cr.where_dates(broadcast, ["America/New_York", "America/Los_Angeles", "Asia/Tokyo"])
    assert str(where) == "1945-08-14: America/Los_Angeles, America/New_York\n1945-08-15: Asia/Tokyo"
    new_york = cr.check(cr.OnDate("jewel-voice", "1945-08-14", "America/New_York"), [broadcast])
    assert new_york.status == "holds"
    assert new_york.explanation == (
        "in America/New_York the jewel-voice was 1945-08-14 23:00 to 23:01 (EPT, UTC-04:00);"
        " the claim says 1945-08-14"
    )


def test_showa_written_in_latin_letters_is_the_same_day() -> None:
    # DESIGN.md lists "Showa 20-08-15" and "Shōwa 20-08-15" among the accepted forms.
    kanji = cr.Event("jewel-voice", "昭和20年8月15日", "Asia/Tokyo").span
    for text in ("Showa 20-08-15", "Shōwa 20-08-15"):
        assert _bounds(cr.Event("jewel-voice", text, "Asia/Tokyo").span) == _bounds(kanji)
    month = cr.Event("jewel-voice", "Showa 20-08", "Asia/Tokyo").span
    assert _bounds(month) == _bounds(cr.Event("m", "1945-08", "Asia/Tokyo").span)


def test_minguo_written_in_latin_letters_is_the_same_day() -> None:
    kanji = cr.Event("e", "民國34年8月15日", "Asia/Taipei").span
    assert _bounds(cr.Event("e", "Minguo 34-08-15", "Asia/Taipei").span) == _bounds(kanji)


def test_the_last_day_of_showa_and_the_first_of_heisei_touch() -> None:
    last = cr.Event("showa-end", "昭和64年1月7日", "Asia/Tokyo").span
    first = cr.Event("heisei", "平成元年1月8日", "Asia/Tokyo").span
    assert last is not None and first is not None
    assert last.end_us == first.start_us
    assert cr.relation(cr.Event("a", last), cr.Event("b", first)) == "before"


# --- one path from a wall time to instants ------------------------------------------------


@any_zone_history
@given(events(), disambiguations())
def test_an_events_span_is_the_hull_of_its_alternatives_and_an_at_claim_reads_it_alike(
    event: cr.Event, disambiguation: cr.Disambiguation | None
) -> None:
    (alt,) = event.alternatives
    span = event.span
    assert span is not None
    ivs = alt.intervals
    assert (ivs[0][0], ivs[-1][1]) == (span.start_us, span.end_us)
    assert all(a < b < c for (a, b), (c, _) in itertools.pairwise(ivs))
    claim = cr.At(
        event.id,
        str(event.when),
        event.zone,
        tolerance=event.tolerance,
        disambiguation=event.disambiguation,
    )
    assert claim.alternatives == event.alternatives
    # Another disambiguation reads the same record the same way for events and claims.
    try:
        again = cr.Event("e", str(event.when), event.zone, disambiguation=disambiguation)
    except (cr.AmbiguousTimeError, cr.NonexistentTimeError):
        with pytest.raises((cr.AmbiguousTimeError, cr.NonexistentTimeError)):
            cr.At("e", str(event.when), event.zone, disambiguation=disambiguation)
        return
    at = cr.At("e", str(event.when), event.zone, disambiguation=disambiguation)
    assert at.alternatives == again.alternatives


def test_a_repeated_local_time_is_two_intervals_unless_disambiguated() -> None:
    # France left summer time on 2023-10-29: 03:00 CEST became 02:00 CET (tz database,
    # europe: Europe/Paris), so 02:30 was shown twice, at 00:30Z and at 01:30Z.
    both = cr.Event("fold", "2023-10-29T02:30", "Europe/Paris")
    (alt,) = both.alternatives
    assert alt.text == "2023-10-29T02:30"
    assert alt.intervals == (
        (utc("2023-10-29T00:30"), utc("2023-10-29T00:31")),
        (utc("2023-10-29T01:30"), utc("2023-10-29T01:31")),
    )
    later = cr.Event("fold", "2023-10-29T02:30", "Europe/Paris", disambiguation="later")
    assert later.alternatives[0].intervals == ((utc("2023-10-29T01:30"), utc("2023-10-29T01:31")),)
    wide = cr.Event("fold", "2023-10-29T02:30", "Europe/Paris", tolerance="10m")
    assert wide.alternatives[0].text == "2023-10-29T02:30 ±10m"
    assert wide.alternatives[0].intervals == (
        (utc("2023-10-29T00:20"), utc("2023-10-29T00:41")),
        (utc("2023-10-29T01:20"), utc("2023-10-29T01:41")),
    )
    assert cr.At("fold", "2023-10-29T02:30", "Europe/Paris", tolerance="10m").alternatives == (
        wide.alternatives
    )
