"""Judging claims against what is known: verdicts, with explanations in words.

A verdict reads spans only: an event may have had any instant of its span, so a claim
holds or fails only when it does for every instant the spans allow, and is "undetermined"
otherwise, with the part of the span on each side named.

A claim read from a phrase names its reading in the verdict: "'nearly six hours later'
read as 5h24m to 6h (lexicon: nearly = the last 10%, short of N)".

May import: _errors, _durations, _spans, zones, _events, _claims,
_wording. Imported by the chronology.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ._claims import After, At, Before, Claim, Gap, OnDate, SameDate, local_day
from ._durations import format_duration
from ._errors import ChronoError
from ._events import Event, UnknownEventError, event_map
from ._spans import Span, format_micros, merge_intervals
from ._wording import describe_local, zone_phrase
from .zones import Zone, get_zone

__all__ = ["Status", "Verdict", "check", "judge"]


class Status(enum.StrEnum):
    """A verdict's outcome."""

    HOLDS = "holds"
    FAILS = "fails"
    UNDETERMINED = "undetermined"


@dataclass(frozen=True, slots=True)
class Verdict:
    """A claim judged against what is known: ``status`` and an ``explanation`` in words.

    ``cases`` lists, for a claim with alternatives (a disjunction), the ones still possible.
    """

    claim: str
    status: Status
    explanation: str
    cases: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.claim}: {self.status} — {self.explanation}"


def check(claim: Claim, events: Iterable[Event] | Mapping[str, Event]) -> Verdict:
    """Judge ``claim`` against the events' spans: holds, fails or undetermined, and why.

    >>> surrender = Event("surrender", "1945-05-08T23:01", "+01:00")
    >>> v = check(OnDate("surrender", "1945-05-08", "Europe/London"), [surrender])
    >>> v.status
    <Status.FAILS: 'fails'>
    >>> print(v.explanation)
    in Europe/London the surrender was 1945-05-09 00:01 to 00:02 (BDST, UTC+02:00); the claim says 1945-05-08
    """
    if not isinstance(claim, Claim):
        raise ChronoError(
            f"expected a claim (At, OnDate, Before, After, Gap or SameDate), got {claim!r}"
        )
    by_id = event_map(events)
    spans: dict[str, Span | None] = {}
    for eid in claim.events:
        if eid not in by_id:
            raise UnknownEventError(
                f"claim {claim.label()} names the unknown event {eid!r}; known events: "
                + (", ".join(sorted(by_id)) or "none")
            )
        spans[eid] = by_id[eid].span
    return judge(claim, spans)


def judge(
    claim: Claim,
    spans: Mapping[str, Span | None],
    *,
    bounded: str = "recorded",
    assume_holds: bool = False,
) -> Verdict:
    """The verdict on ``claim`` given a span (or None) for each of its events.

    ``assume_holds`` is for spans that come from a network in which the claim holds: the
    explanation then describes them without weighing them against the claim.
    """
    cid = claim.label()
    missing = [e for e in claim.events if spans.get(e) is None]
    if missing and assume_holds:
        return Verdict(
            cid,
            Status.HOLDS,
            f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not bounded by other"
            " claims, so nothing contradicts this one",
        )
    if missing:
        return Verdict(
            cid,
            Status.UNDETERMINED,
            f"{', '.join(missing)} {'has' if len(missing) == 1 else 'have'} no {bounded} time,"
            " so nothing decides the claim",
        )
    if isinstance(claim, At | OnDate):
        span = spans[claim.event]
        assert span is not None
        verdict = _judge_absolute(claim, span)
    elif isinstance(claim, Before | Gap):
        a, b = spans[claim.first], spans[claim.then]
        assert a is not None and b is not None
        verdict = _judge_difference(claim, a, b)
    elif isinstance(claim, SameDate):
        a, b = spans[claim.a], spans[claim.b]
        assert a is not None and b is not None
        verdict = _judge_same_date(claim, a, b)
    else:
        raise ChronoError(
            f"expected a claim (At, OnDate, Before, After, Gap or SameDate), got {claim!r}"
        )
    if assume_holds and verdict.status != Status.HOLDS:
        text = verdict.explanation.split(": it holds if")[0].split("; the spans allow")[0]
        return Verdict(cid, Status.HOLDS, text, verdict.cases)
    return verdict


def _judge_absolute(claim: At | OnDate, span: Span) -> Verdict:
    cid = claim.label()
    zone = claim.zone_used or get_zone("UTC")
    alts = claim.intervals_near(span.start_us, span.end_us)
    where = describe_local(span.start_us, span.end_us, zone)
    said = " or ".join(a.text for a in alts) if isinstance(claim, OnDate) else claim.describe()
    if isinstance(claim, OnDate):
        said = f"the claim says {said}"
    else:
        said = f"the claim says {said.removeprefix('at ')}"
    head = f"{zone_phrase(zone)} the {claim.event} was {where}"
    union = merge_intervals([iv for a in alts for iv in a.intervals])
    inside = any(lo <= span.start_us and span.end_us <= hi for lo, hi in union)
    touching = [
        a.text
        for a in alts
        if any(lo < span.end_us and span.start_us < hi for lo, hi in a.intervals)
    ]
    cases = tuple(touching) if len(alts) > 1 else ()
    if inside:
        return Verdict(cid, Status.HOLDS, f"{head}; {said}", cases)
    if not touching:
        return Verdict(cid, Status.FAILS, f"{head}; {said}", ())
    # Undetermined: name the part of the span on each side.
    parts_in = [
        (max(lo, span.start_us), min(hi, span.end_us))
        for lo, hi in union
        if lo < span.end_us and span.start_us < hi
    ]
    ins = " or ".join(describe_local(a, b, zone) for a, b in parts_in)
    outs = []
    cursor = span.start_us
    for a, b in parts_in:
        if cursor < a:
            outs.append(describe_local(cursor, a, zone))
        cursor = b
    if cursor < span.end_us:
        outs.append(describe_local(cursor, span.end_us, zone))
    return Verdict(
        cid,
        Status.UNDETERMINED,
        f"{head}; {said}: it holds if the {claim.event} was {ins}, and fails if it was"
        f" {' or '.join(outs)}",
        cases,
    )


def _judge_difference(claim: Before | Gap, a: Span, b: Span) -> Verdict:
    cid = claim.label()
    # The difference then - first can be anything strictly between these two.
    low = b.start_us - a.end_us
    high = b.end_us - a.start_us
    lo_allowed = claim.min_us
    hi_allowed = claim.max_us
    # Integer instants: the smallest and largest differences actually possible.
    d_min, d_max = low + 1, high - 1
    if a.end_us - a.start_us == 1 and b.end_us - b.start_us == 1:
        measured = f"the gap is {format_duration(b.start_us - a.start_us)}"
    else:
        nominal = format_duration(b.start_us - a.start_us)
        measured = (
            f"the gap is {nominal} start to start, so between {format_duration(low)} and"
            f" {format_duration(high)} at the records' precision"
        )
    ta = f"{claim.first} {format_micros(a.start_us)}"
    tb = f"{claim.then} {format_micros(b.start_us)}"
    if isinstance(claim, After) and claim.reading is not None:
        allows = f"the claim says {claim.then} came after: {claim.reading.explanation}"
    elif isinstance(claim, After):
        allows = f"the claim says {claim.then} came after"
    elif isinstance(claim, Before):
        allows = f"the claim says {claim.first} came first"
    elif claim.phrase is not None:
        allows = f"the claim allows {claim.readings[0].explanation}"
    else:
        hi_text = "no limit" if hi_allowed is None else format_duration(hi_allowed)
        allows = f"the claim allows {format_duration(lo_allowed)} to {hi_text}"
        if hi_allowed is not None and hi_allowed == lo_allowed:
            allows = f"the claim allows exactly {format_duration(lo_allowed)}"
        if claim.readings:
            allows += " (" + "; ".join(r.explanation for r in claim.readings) + ")"
    text = f"{ta}, {tb}: {measured}; {allows}"
    holds = d_min >= lo_allowed and (hi_allowed is None or d_max <= hi_allowed)
    fails = d_max < lo_allowed or (hi_allowed is not None and d_min > hi_allowed)
    if holds:
        return Verdict(cid, Status.HOLDS, text)
    if fails:
        return Verdict(cid, Status.FAILS, text)
    return Verdict(cid, Status.UNDETERMINED, text + "; the spans allow gaps on both sides of that")


def _judge_same_date(claim: SameDate, a: Span, b: Span) -> Verdict:
    """Holds if both spans lie in one and the same local date; fails if no date is shared."""
    zone = claim.zone_used
    assert zone is not None
    # The local dates a span can fall on: the first and last instants' dates bound them
    # (a fold at midnight can step a date back, so both ends of each piece are read).
    days_a = _days(a, zone)
    days_b = _days(b, zone)
    head = (
        f"{zone_phrase(zone)} the {claim.a} was {describe_local(a.start_us, a.end_us, zone)}"
        f" and the {claim.b} {describe_local(b.start_us, b.end_us, zone)}"
    )
    said = "the claim says the same local date"
    if claim.reading is not None:
        said += f" ({claim.reading.explanation})"
    text = f"{head}; {said}"
    cid = claim.label()
    if days_a[0] == days_a[1] == days_b[0] == days_b[1]:
        return Verdict(cid, Status.HOLDS, text)
    if days_a[1] < days_b[0] or days_b[1] < days_a[0]:
        return Verdict(cid, Status.FAILS, text)
    return Verdict(
        cid, Status.UNDETERMINED, text + "; the spans allow both the same date and different ones"
    )


def _days(span: Span, zone: Zone) -> tuple[int, int]:
    ends = [local_day(span.start_us, zone), local_day(span.end_us - 1, zone)]
    return min(ends), max(ends)
