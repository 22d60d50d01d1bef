"""Ordering events across zones and judging claims: relation, order, check, where_dates."""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile.strategies import (
    LocalText,
    claims_about,
    events,
    local_text,
    local_time_texts,
    narrower_spans,
    span_event_lists,
)
from tests.marks import any_zone_history

US = 10**6


def _span(event: cr.Event) -> cr.Span:
    span = event.span
    assert span is not None
    return span


def _at(event: cr.Event, micros: int) -> cr.Event:
    """The event narrowed to one microsecond."""
    return cr.Event(event.id, cr.Span.from_micros(micros, micros + 1))


MIRROR = {"before": "after", "after": "before", "simultaneous": "simultaneous"}
MIRROR["undetermined"] = "undetermined"


# --- relation ---------------------------------------------------------------------------


@given(span_event_lists(min_size=2, max_size=2), st.booleans())
def test_relation_is_its_own_mirror(pair: list[cr.Event], unknown: bool) -> None:
    a, b = pair
    if unknown:
        a = cr.Event(a.id)  # no recorded time
    assert cr.relation(b, a) == MIRROR[cr.relation(a, b)]


@given(span_event_lists(min_size=2, max_size=2))
def test_relation_agrees_with_the_spans(pair: list[cr.Event]) -> None:
    a, b = (_span(e) for e in pair)
    found = cr.relation(*pair)
    assert isinstance(found, cr.Relation)
    if a.end_us <= b.start_us:
        assert found == "before"
    elif b.end_us <= a.start_us:
        assert found == "after"
    elif (a.start_us, a.end_us) == (b.start_us, b.end_us) and a.end_us - a.start_us == 1:
        assert found == "simultaneous"
    else:
        assert a.overlaps(b)
        assert found == "undetermined"
    # Spans and events answer alike.
    assert cr.relation(a, b) == found


@given(span_event_lists(min_size=3, max_size=3))
def test_before_is_transitive(triple: list[cr.Event]) -> None:
    a, b, c = triple
    if cr.relation(a, b) == "before" and cr.relation(b, c) == "before":
        assert cr.relation(a, c) == "before"
    if cr.relation(a, b) == "simultaneous" and cr.relation(b, c) == "before":
        assert cr.relation(a, c) == "before"


def test_simultaneous_means_one_exact_instant() -> None:
    # The same instant written in two offsets.
    cet = dt.timezone(dt.timedelta(hours=1))
    msk = dt.timezone(dt.timedelta(hours=3))
    a = cr.Event("a", dt.datetime(1945, 5, 8, 23, 1, tzinfo=cet))
    b = cr.Event("b", dt.datetime(1945, 5, 9, 1, 1, tzinfo=msk))
    assert cr.relation(a, b) == cr.Relation.SIMULTANEOUS
    # The same minute is not the same instant.
    c = cr.Event("c", "1945-05-08T23:01", "+01:00")
    d = cr.Event("d", "1945-05-09T01:01", "Europe/Moscow")
    assert cr.relation(c, d) == cr.Relation.UNDETERMINED
    assert cr.relation(a, c) == cr.Relation.UNDETERMINED
    # An event with no recorded time is undetermined against anything.
    assert cr.relation(cr.Event("x"), a) == cr.Relation.UNDETERMINED


# --- order ------------------------------------------------------------------------------


def _connected(tier: list[cr.Event]) -> bool:
    seen = {0}
    todo = [0]
    while todo:
        i = todo.pop()
        for j, other in enumerate(tier):
            if j not in seen and _span(tier[i]).overlaps(_span(other)):
                seen.add(j)
                todo.append(j)
    return len(seen) == len(tier)


@given(span_event_lists(min_size=1, max_size=8))
def test_order_is_a_linear_extension_of_relation(items: list[cr.Event]) -> None:
    tiers = cr.order(items)
    assert sorted(e.id for tier in tiers for e in tier) == sorted(e.id for e in items)
    assert all(tiers)
    for i, earlier in enumerate(tiers):
        assert _connected(earlier)
        for later in tiers[i + 1 :]:
            for a in earlier:
                for b in later:
                    assert cr.relation(a, b) == "before"


@given(span_event_lists(min_size=1, max_size=8), st.data())
def test_order_does_not_depend_on_input_order(items: list[cr.Event], data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(items))
    ids = [[e.id for e in tier] for tier in cr.order(items)]
    assert [[e.id for e in tier] for tier in cr.order(shuffled)] == ids


def test_order_of_the_1945_documents() -> None:
    tiers = cr.order(
        [
            cr.Event("declaration", "1945-08-08T17:00", "Europe/Moscow"),
            cr.Event("surrender", "1945-05-08T23:01", "+01:00"),
            cr.Event("jewel-voice", "昭和20年8月15日 正午", "Asia/Tokyo"),
            cr.Event("declaration-dated", "1945-08-08", "Europe/Moscow"),
        ]
    )
    assert [[e.id for e in tier] for tier in tiers] == [
        ["surrender"],
        ["declaration-dated", "declaration"],
        ["jewel-voice"],
    ]


def test_order_needs_every_event_to_have_a_time() -> None:
    message = (
        "event 'invasion' has no recorded time, so order() cannot place it; reconcile a"
        " Chronology to bound it by its claims"
    )
    with pytest.raises(cr.ChronoError, match=f"^{re.escape(message)}$"):
        cr.order([cr.Event("a", "1945", "UTC"), cr.Event("invasion")])


# --- verdicts: monotone in what is known ----------------------------------------------------


@given(span_event_lists(min_size=2, max_size=4), st.data())
def test_holds_and_fails_survive_narrowing(items: list[cr.Event], data: st.DataObject) -> None:
    claim = data.draw(claims_about(items))
    first = cr.check(claim, items)
    narrowed = []
    for event in items:
        if event.id in claim.events:
            event = cr.Event(event.id, data.draw(narrower_spans(_span(event))))
        narrowed.append(event)
    second = cr.check(claim, narrowed)
    assert second.claim == first.claim == claim.label()
    if first.status in ("holds", "fails"):
        assert second.status == first.status, (first, second)


def _absolute_probes(claim: cr.At | cr.OnDate, span: cr.Span) -> set[int]:
    points = {span.start_us, span.end_us - 1}
    for alternative in claim.intervals_near(span.start_us, span.end_us):
        for lo, hi in alternative.intervals:
            points.update({lo - 1, lo, hi - 1, hi})
    return {p for p in points if span.start_us <= p < span.end_us}


def _difference_probes(claim: cr.Before | cr.Gap, a: cr.Span, b: cr.Span) -> list[tuple[int, int]]:
    targets = {b.start_us - a.end_us + 1, b.end_us - 1 - a.start_us, claim.min_us, claim.min_us - 1}
    if claim.max_us is not None:
        targets.update({claim.max_us, claim.max_us + 1})
    pairs = []
    for target in targets:
        # x in a and y = x + target in b.
        lo = max(a.start_us, b.start_us - target)
        hi = min(a.end_us - 1, b.end_us - 1 - target)
        if lo <= hi:
            pairs.append((lo, lo + target))
    return pairs


@given(span_event_lists(min_size=2, max_size=3), st.data())
def test_undetermined_can_become_either(items: list[cr.Event], data: st.DataObject) -> None:
    claim = data.draw(claims_about(items))
    verdict = cr.check(claim, items)
    if verdict.status != "undetermined":
        return
    by_id = {e.id: e for e in items}
    outcomes = set()
    if isinstance(claim, cr.At | cr.OnDate):
        event = by_id[claim.event]
        for p in _absolute_probes(claim, _span(event)):
            outcomes.add(cr.check(claim, [_at(event, p)]).status)
    else:
        first, then = by_id[claim.first], by_id[claim.then]
        for x, y in _difference_probes(claim, _span(first), _span(then)):
            outcomes.add(cr.check(claim, [_at(first, x), _at(then, y)]).status)
    assert outcomes == {"holds", "fails"}, (verdict, outcomes)


# --- verdicts: a record agrees with itself ---------------------------------------------------


def _judge_own_record(text: LocalText, make: type[cr.At] | type[cr.OnDate]) -> None:
    try:
        event = cr.Event("e", text.text, text.zone)
    except cr.NonexistentTimeError:
        # A time the zone skipped (or Kiritimati's 31 Dec 1994) cannot be claimed either.
        with pytest.raises(cr.NonexistentTimeError):
            make("e", text.text, text.zone)
        return
    claim = make("e", text.text, text.zone)
    verdict = cr.check(claim, [event])
    (alternative,) = claim.alternatives
    if len(alternative.intervals) == 1:
        assert verdict.status == "holds", verdict
    else:
        # Part of a repeated stretch: the exact instants are two pieces, with instants of
        # other local times between them, while the event's span is one range holding
        # both, so the span alone cannot decide.
        assert verdict.status == "undetermined", verdict


@any_zone_history
@given(local_time_texts(("year", "month", "day")))
@example(  # Brazil's fold of 1950 came at midnight: 15 April was one pass of UTC-3
    local_text("America/Campo_Grande", dt.datetime(1950, 4, 15), "day")
)
def test_a_date_claim_in_the_events_own_zone_and_precision_holds(text: LocalText) -> None:
    _judge_own_record(text, cr.OnDate)


@any_zone_history
@given(local_time_texts())
def test_an_at_claim_of_the_events_own_text_and_zone_holds(text: LocalText) -> None:
    _judge_own_record(text, cr.At)


@pytest.mark.parametrize(
    ("text", "make"),
    [
        # The hour before New York's fold of 1945 happened once, in war time.
        (local_text("America/New_York", dt.datetime(1945, 9, 30, 0), "hour"), cr.At),
        (local_text("America/New_York", dt.datetime(1945, 9, 30, 0, 59), "minute"), cr.At),
        # Havana's fold is at midnight: 2 Nov 2019 was an ordinary day before it.
        (local_text("America/Havana", dt.datetime(2019, 11, 2), "day"), cr.OnDate),
        # Sao Paulo's fold of 2016 was 23:00-24:00 on 20 Feb; 22:00 came before it.
        (local_text("America/Sao_Paulo", dt.datetime(2016, 2, 20, 22), "hour"), cr.At),
    ],
)
def test_a_record_next_to_a_fold_agrees_with_itself(
    text: LocalText, make: type[cr.At] | type[cr.OnDate]
) -> None:
    _judge_own_record(text, make)


@any_zone_history
@given(events())
def test_every_claim_about_an_event_gets_a_verdict_naming_it(event: cr.Event) -> None:
    span = _span(event)
    claim = cr.OnDate(event.id, span.start.date().isoformat(), "UTC", id="on-its-utc-date")
    verdict = cr.check(claim, {event.id: event})
    assert verdict.claim == "on-its-utc-date"
    assert verdict.status in ("holds", "undetermined")  # its first instant is on that date
    assert verdict.explanation.startswith(f"in UTC the {event.id} was ")
    assert str(verdict) == f"on-its-utc-date: {verdict.status} — {verdict.explanation}"


# --- examples from history --------------------------------------------------------------------

# The Instrument of Surrender (Berlin, 8 May 1945), article 2: German forces "to cease
# active operations at 2301 hours Central European time on 8 May 1945" — CET as the
# document meant it, UTC+1, not the IANA id "CET" (a link to Europe/Brussels since 2024b).
SURRENDER = cr.Event("surrender", "1945-05-08T23:01", "+01:00")
# The Soviet declaration of war on Japan, handed to Ambassador Satō "in Moscow, on August
# 8, 1945" (text in HyperWar, ibiblio.org/hyperwar/PTO/Dip/USSR-Jap-DoW.html) "at 5
# o'clock" (UK ambassador's report, Addison to Commonwealth Government, 8 Aug 1945,
# Documents on Australian Foreign Policy vol. 8 no. 166).
DECLARATION = cr.Event("declaration", "1945-08-08T17:00", "Europe/Moscow")
DECLARATION_DATED = cr.Event("declaration", "1945-08-08", "Europe/Moscow")
# Pearl Harbor: the first wave attacked at 07:48 Hawaiian time on 7 December 1941 (US Navy
# History and Heritage Command); Hawaii kept UTC-10:30 until 1947. The Imperial Rescript
# declaring war is dated 昭和16年12月8日.
PEARL_HARBOR = cr.Event("pearl-harbor", "1941-12-07T07:48", "Pacific/Honolulu")

DATE_CLAIMS = [
    pytest.param(
        SURRENDER,
        "1945-05-08",
        "America/New_York",
        "holds",
        "in America/New_York the surrender was 1945-05-08 18:01 to 18:02 (EWT, UTC-04:00);"
        " the claim says 1945-05-08",
        id="surrender-new-york-8-may",
    ),
    pytest.param(
        SURRENDER,
        "1945-05-09",
        "Europe/Moscow",
        "holds",
        "in Europe/Moscow the surrender was 1945-05-09 01:01 to 01:02 (MSK, UTC+03:00);"
        " the claim says 1945-05-09",
        id="surrender-moscow-9-may",
    ),
    pytest.param(
        SURRENDER,
        "1945-05-08",
        "Europe/London",
        "fails",
        # British double summer time: UTC+2 from 2 Apr to 15 Jul 1945.
        "in Europe/London the surrender was 1945-05-09 00:01 to 00:02 (BDST, UTC+02:00);"
        " the claim says 1945-05-08",
        id="surrender-london-not-8-may",
    ),
    pytest.param(
        SURRENDER,
        "1945-05-09",
        "Europe/London",
        "holds",
        "in Europe/London the surrender was 1945-05-09 00:01 to 00:02 (BDST, UTC+02:00);"
        " the claim says 1945-05-09",
        id="surrender-london-9-may",
    ),
    pytest.param(
        DECLARATION,
        "1945-08-08",
        "Europe/Moscow",
        "holds",
        "in Europe/Moscow the declaration was 1945-08-08 17:00 to 17:01 (MSK, UTC+03:00);"
        " the claim says 1945-08-08",
        id="declaration-moscow-8-aug",
    ),
    pytest.param(
        DECLARATION,
        "1945-08-08",
        "Asia/Tokyo",
        "holds",
        "in Asia/Tokyo the declaration was 1945-08-08 23:00 to 23:01 (JST, UTC+09:00);"
        " the claim says 1945-08-08",
        id="declaration-tokyo-still-8-aug",
    ),
    pytest.param(
        DECLARATION_DATED,
        "1945-08-08",
        "Europe/Moscow",
        "holds",
        "in Europe/Moscow the declaration was 1945-08-08 00:00 to 1945-08-09 00:00 (MSK,"
        " UTC+03:00); the claim says 1945-08-08",
        id="dated-declaration-moscow",
    ),
    pytest.param(
        DECLARATION_DATED,
        "1945-08-09",
        "Asia/Tokyo",
        "undetermined",
        "in Asia/Tokyo the declaration was 1945-08-08 06:00 to 1945-08-09 06:00 (JST,"
        " UTC+09:00); the claim says 1945-08-09: it holds if the declaration was 1945-08-09"
        " 00:00 to 06:00 (JST, UTC+09:00), and fails if it was 1945-08-08 06:00 to"
        " 1945-08-09 00:00 (JST, UTC+09:00)",
        id="dated-declaration-tokyo-undetermined",
    ),
    pytest.param(
        PEARL_HARBOR,
        "1941-12-07",
        "Pacific/Honolulu",
        "holds",
        "in Pacific/Honolulu the pearl-harbor was 1941-12-07 07:48 to 07:49 (HST, UTC-10:30);"
        " the claim says 1941-12-07",
        id="pearl-harbor-hawaii-7-dec",
    ),
    pytest.param(
        PEARL_HARBOR,
        "1941-12-08",
        "Asia/Tokyo",
        "holds",
        "in Asia/Tokyo the pearl-harbor was 1941-12-08 03:18 to 03:19 (JST, UTC+09:00);"
        " the claim says 1941-12-08",
        id="pearl-harbor-tokyo-8-dec",
    ),
    pytest.param(
        PEARL_HARBOR,
        "1941-12-07",
        "Asia/Tokyo",
        "fails",
        "in Asia/Tokyo the pearl-harbor was 1941-12-08 03:18 to 03:19 (JST, UTC+09:00);"
        " the claim says 1941-12-07",
        id="pearl-harbor-tokyo-not-7-dec",
    ),
    pytest.param(
        PEARL_HARBOR,
        "昭和16年12月8日",
        "Asia/Tokyo",
        "holds",
        "in Asia/Tokyo the pearl-harbor was 1941-12-08 03:18 to 03:19 (JST, UTC+09:00);"
        " the claim says 昭和16年12月8日",
        id="pearl-harbor-imperial-rescript-date",
    ),
]


@pytest.mark.parametrize(("event", "date", "zone", "status", "explanation"), DATE_CLAIMS)
def test_date_claims_from_history(
    event: cr.Event, date: str, zone: str, status: str, explanation: str
) -> None:
    verdict = cr.check(cr.OnDate(event.id, date, zone), [event])
    assert verdict.status == status
    assert verdict.explanation == explanation


def test_an_at_claim_names_the_local_time_it_was() -> None:
    verdict = cr.check(cr.At("surrender", "1945-05-09T00:01", "Europe/London"), [SURRENDER])
    assert verdict.status == "holds"
    assert verdict.explanation == (
        "in Europe/London the surrender was 1945-05-09 00:01 to 00:02 (BDST, UTC+02:00);"
        " the claim says 1945-05-09T00:01 in Europe/London"
    )
    at_five = cr.At("declaration", "T17:00", "Europe/Moscow", id="five-pm")
    verdict = cr.check(at_five, [DECLARATION_DATED])
    assert verdict.status == "undetermined"
    assert str(verdict) == (
        "five-pm: undetermined — in Europe/Moscow the declaration was 1945-08-08 00:00 to"
        " 1945-08-09 00:00 (MSK, UTC+03:00); the claim says T17:00 local time in"
        " Europe/Moscow: it holds if the declaration was 1945-08-08 17:00 to 17:01 (MSK,"
        " UTC+03:00), and fails if it was 1945-08-08 00:00 to 17:00 (MSK, UTC+03:00) or"
        " 1945-08-08 17:01 to 1945-08-09 00:00 (MSK, UTC+03:00)"
    )
    assert cr.check(at_five, [DECLARATION]).status == "holds"


def test_difference_claims_from_history() -> None:
    known = [SURRENDER, DECLARATION, PEARL_HARBOR]
    before = cr.check(cr.Before("surrender", "declaration", id="b"), known)
    assert str(before) == (
        "b: holds — surrender 1945-05-08T22:01Z, declaration 1945-08-08T14:00Z: the gap is"
        " 91d15h59m start to start, so between 91d15h58m and 91d16h at the records'"
        " precision; the claim says surrender came first"
    )
    reverse = cr.check(cr.Before("declaration", "surrender"), known)
    assert reverse.status == "fails"
    gap = cr.check(cr.Gap("surrender", "declaration", "90d", "92d"), known)
    assert gap.status == "holds"
    assert gap.explanation.endswith("; the claim allows 90d to 92d")
    exact = cr.check(cr.Gap("surrender", "declaration", "91d15h59m", "91d15h59m"), known)
    assert exact.status == "undetermined"  # the minute records allow 91d15h58m to 91d16h
    assert exact.explanation.endswith(
        "; the claim allows exactly 91d15h59m; the spans allow gaps on both sides of that"
    )
    at_least = cr.check(cr.Gap("pearl-harbor", "surrender", "1d", id="g"), known)
    assert str(at_least) == (
        "g: holds — pearl-harbor 1941-12-07T18:18Z, surrender 1945-05-08T22:01Z: the gap is"
        " 1248d3h43m start to start, so between 1248d3h42m and 1248d3h44m at the records'"
        " precision; the claim allows 1d to no limit"
    )
    assert cr.check(cr.Gap("pearl-harbor", "surrender", "PT1H", "P7D"), known).status == "fails"
    assert cr.relation(PEARL_HARBOR, SURRENDER) == "before"
    assert cr.relation(DECLARATION, SURRENDER) == "after"


def test_where_dates_of_the_surrender_and_of_pearl_harbor() -> None:
    zones = ["America/New_York", "Europe/Moscow", "Europe/London", "Europe/Berlin"]
    assert str(cr.where_dates(SURRENDER, zones)) == (
        "1945-05-08: America/New_York\n1945-05-09: Europe/Berlin, Europe/London, Europe/Moscow"
    )
    attack = cr.where_dates(PEARL_HARBOR, ["Pacific/Honolulu", "Asia/Tokyo", "America/New_York"])
    assert str(attack) == "1941-12-07: America/New_York, Pacific/Honolulu\n1941-12-08: Asia/Tokyo"
    assert attack.undetermined == {}


def test_where_dates_of_a_dated_declaration_is_undetermined_far_from_moscow() -> None:
    where = cr.where_dates(DECLARATION_DATED, ["America/New_York", "Europe/Moscow", "Asia/Tokyo"])
    assert str(where) == (
        "1945-08-08: Europe/Moscow\n"
        "1945-08-07 or 1945-08-08 (undetermined): America/New_York\n"
        "1945-08-08 or 1945-08-09 (undetermined): Asia/Tokyo"
    )


@pytest.mark.slow
@any_zone_history
@given(events())
def test_where_dates_agrees_with_date_claims(event: cr.Event) -> None:
    zones = ["UTC", "Europe/London", "Asia/Tokyo", "Pacific/Honolulu", "America/New_York"]
    where = cr.where_dates(event, zones)
    for day, named in where.by_date.items():
        for zone in named:
            claim = cr.OnDate(event.id, day.isoformat(), zone)
            assert cr.check(claim, [event]).status == "holds"
    for zone, days in where.undetermined.items():
        assert len(days) >= 2
        statuses = {
            cr.check(cr.OnDate(event.id, d.isoformat(), zone), [event]).status for d in days
        }
        assert statuses == {"undetermined"}


# --- errors -------------------------------------------------------------------------------


def test_an_unknown_event_id_is_named() -> None:
    message = (
        "claim at-front names the unknown event 'invasion'; known events: declaration, surrender"
    )
    claim = cr.At("invasion", "1945-08-09T00:01", "+10:00", id="at-front")
    with pytest.raises(cr.UnknownEventError, match=f"^{re.escape(message)}$"):
        cr.check(claim, [DECLARATION, SURRENDER])
    assert issubclass(cr.UnknownEventError, cr.ChronoError)
    with pytest.raises(
        cr.UnknownEventError,
        match=r"^claim before:invasion->surrender names the unknown event 'invasion'; known"
        r" events: none$",
    ):
        cr.check(cr.Before("invasion", "surrender"), [])


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (
            lambda: cr.Gap("a", "b", "6h", "5h30m"),
            cr.ParseError,
            "claim gap:a->b: cannot read '6h..5h30m': the gap's range is reversed: at_most is"
            " less than at_least",
        ),
        (
            lambda: cr.Gap("a", "b", "-1h"),
            cr.ParseError,
            "cannot read '-1h': a gap cannot be negative",
        ),
        (
            lambda: cr.Gap("a", "b", "1h", "-PT2H"),
            cr.ParseError,
            "cannot read '-PT2H': a gap cannot be negative",
        ),
        (
            lambda: cr.Gap("a", "b", "1 month"),
            cr.ParseError,
            "cannot read '1 month': a month has no fixed length; write the duration in days",
        ),
        (
            lambda: cr.Gap("a", "a", "1h"),
            cr.ChronoError,
            "claim gap:a->a: a gap needs two different events",
        ),
        (
            lambda: cr.Before("a", "a"),
            cr.ChronoError,
            "claim before:a->a: an event cannot be before itself",
        ),
        (
            lambda: cr.Before(5, "b"),
            cr.ChronoError,
            "a claim's first event must be an event id or Event, got 5",
        ),
        (
            lambda: cr.Before("a", "b", id=""),
            cr.ChronoError,
            "a claim id must be non-empty text, got ''",
        ),
        (
            lambda: cr.OnDate("a", "1945-01-01T12:00", "UTC"),
            cr.ParseError,
            "claim on-date:a: cannot read '1945-01-01T12:00': a date claim takes a date; use At"
            " for a time of day",
        ),
    ],
)
def test_bad_claims_say_what_is_wrong(make, error: type[Exception], message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        make()


def _claims_weighted(weight: object) -> list:  # type: ignore[type-arg]
    return [
        lambda: cr.At("a", "1945-01-01", "UTC", weight=weight),
        lambda: cr.OnDate("a", "1945-01-01", "UTC", weight=weight),
        lambda: cr.Before("a", "b", weight=weight),
        lambda: cr.Gap("a", "b", "1h", weight=weight),
        lambda: cr.Event("a", "1945-01-01", "UTC", weight=weight),
    ]


@pytest.mark.parametrize("weight", [0, -1, -0.5, float("nan"), -math.inf, True, "1", None])
def test_bad_weights_are_refused(weight: object) -> None:
    for make in _claims_weighted(weight):
        pattern = (
            r"^(claim [a-z-]+:[a-z>-]+|event 'a'): weight must be a positive number \(math\.inf"
            rf" for a (claim|time) that must hold\), got {re.escape(repr(weight))}$"
        )
        with pytest.raises(cr.ChronoError, match=pattern):
            make()


@pytest.mark.parametrize("weight", [1, 0.25, 5, math.inf])
def test_positive_weights_and_infinity_are_kept(weight: float) -> None:
    for make in _claims_weighted(weight):
        assert make().weight == weight


def test_check_refuses_what_is_not_a_claim_or_an_event() -> None:
    with pytest.raises(cr.ChronoError, match=r"^expected an Event, got 5$"):
        cr.check(cr.Before("a", "b"), [5])  # type: ignore[list-item]
    with pytest.raises(cr.ChronoError, match=r"^two different events share the id 'a'$"):
        cr.check(cr.Before("a", "b"), [cr.Event("a", "1945", "UTC"), cr.Event("a", "1946", "UTC")])
    message = (
        "expected a claim (At, OnDate, Before, After, Gap or SameDate), got"
        " 'surrender before declaration'"
    )
    with pytest.raises(cr.ChronoError, match=f"^{re.escape(message)}$"):
        cr.check("surrender before declaration", [SURRENDER, DECLARATION])  # type: ignore[arg-type]


def test_a_claim_about_an_event_without_a_time_is_undetermined() -> None:
    verdict = cr.check(cr.Before("invasion", "declaration"), [cr.Event("invasion"), DECLARATION])
    assert verdict.status == "undetermined"
    assert verdict.explanation == "invasion has no recorded time, so nothing decides the claim"
    with pytest.raises(
        cr.ChronoError, match=r"^event 'invasion' has no recorded time, so it has no date anywhere$"
    ):
        cr.where_dates(cr.Event("invasion"))
