"""Ordering events across zones and judging claims, with explanations in words.

Everything here reads spans only: an event may have had any instant of its span, so a
relation or a verdict is decided only when it is the same for every instant the spans
allow, and "undetermined" otherwise, with the part of the span on each side named.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pendulum

from ._claims import At, Before, Claim, Gap, OnDate
from ._durations import format_duration
from ._errors import ChronoError
from ._events import Event
from ._spans import Span, format_micros, merge_intervals
from .zones import Zone, available_zones, format_offset, get_zone, link_target

__all__ = [
    "Relation",
    "Status",
    "UnknownEventError",
    "Verdict",
    "WhereDates",
    "check",
    "describe_local",
    "zone_phrase",
    "event_map",
    "judge",
    "order",
    "relation",
    "where_dates",
]

_US = 10**6
_EPOCH = _dt.datetime(1970, 1, 1)


class UnknownEventError(ChronoError):
    """A claim or query names an event id that was never defined."""

    __module__ = "chronoreconcile"  # as the other errors: named where users import it


class Relation(enum.StrEnum):
    """How two events stand in time, as far as their spans tell."""

    BEFORE = "before"
    AFTER = "after"
    SIMULTANEOUS = "simultaneous"
    UNDETERMINED = "undetermined"


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


def _span_of(event: Event | Span | None) -> Span | None:
    if isinstance(event, Event):
        return event.span
    return event


def relation(a: Event | Span, b: Event | Span) -> Relation:
    """Whether ``a`` was before, after or simultaneous with ``b``, or that the spans cannot say.

    >>> surrender = Event("surrender", "1945-05-08T23:01", "+01:00")
    >>> declaration = Event("declaration", "1945-08-08T23:00", "Europe/Moscow")
    >>> relation(surrender, declaration)
    <Relation.BEFORE: 'before'>

    "simultaneous" only when both are the same exact instant; overlapping spans are
    "undetermined", as is an event with no recorded time.
    """
    sa, sb = _span_of(a), _span_of(b)
    if sa is None or sb is None:
        return Relation.UNDETERMINED
    if sa.end_us <= sb.start_us:
        return Relation.BEFORE
    if sb.end_us <= sa.start_us:
        return Relation.AFTER
    if sa.end_us - sa.start_us == 1 and sa.start_us == sb.start_us and sb.end_us == sa.end_us:
        return Relation.SIMULTANEOUS
    return Relation.UNDETERMINED


def order(events: Iterable[Event]) -> list[list[Event]]:
    """Events in tiers: each tier wholly before the next; a tier's spans overlap, directly or through others.

    >>> tiers = order([
    ...     Event("declaration", "1945-08-08T23:00", "Europe/Moscow"),
    ...     Event("surrender", "1945-05-08T23:01", "+01:00"),
    ...     Event("invasion", "1945-08-09T00:01", "+09:00"),
    ... ])
    >>> [[e.id for e in tier] for tier in tiers]
    [['surrender'], ['invasion'], ['declaration']]

    Within a tier events are sorted by span start, end and id, so the result does not
    depend on the input order. Every event needs a span.
    """
    items = list(events)
    for e in items:
        if not isinstance(e, Event):
            raise ChronoError(f"order() takes events, got {e!r}")
        if e.span is None:
            raise ChronoError(
                f"event {e.id!r} has no recorded time, so order() cannot place it; reconcile a"
                " Chronology to bound it by its claims"
            )
    items.sort(key=lambda e: (_s(e).start_us, _s(e).end_us, e.id))
    tiers: list[list[Event]] = []
    reach = None
    for e in items:
        span = _s(e)
        if reach is not None and span.start_us < reach:
            tiers[-1].append(e)
            reach = max(reach, span.end_us)
        else:
            tiers.append([e])
            reach = span.end_us
    return tiers


def _s(e: Event) -> Span:
    span = e.span
    assert span is not None
    return span


# --- describing instants in words ---------------------------------------------------------


def _local_text(micros: int, zone: Zone, *, date: bool = True) -> tuple[str, str]:
    secs = micros // _US
    off, abbr, _ = zone.period_at(secs)
    local = _EPOCH + _dt.timedelta(microseconds=micros + off * _US)
    spec = "seconds" if local.second or local.microsecond else "minutes"
    text = local.isoformat(sep=" ", timespec=spec) if date else local.time().isoformat(spec)
    label = f"UTC{format_offset(off)}"
    if (abbr and abbr[0].isalpha() and abbr not in ("UTC", "GMT")) or (
        abbr in ("GMT",) and off == 0
    ):
        label = f"{abbr}, {label}"
    return text, label


def describe_local(start_us: int, end_us: int, zone: Zone) -> str:
    """A span as local times in ``zone``: "1945-05-09 00:01 to 00:02 (BDST, UTC+02:00)"."""
    a, label_a = _local_text(start_us, zone)
    if end_us - start_us <= 1:
        return f"{a} ({label_a})"
    b_full, label_b = _local_text(end_us, zone)
    same_day = b_full[:10] == a[:10]
    b = b_full[11:] if same_day else b_full
    if label_a == label_b:
        return f"{a} to {b} ({label_a})"
    return f"{a} ({label_a}) to {b} ({label_b})"


def _local_date(micros: int, zone: Zone) -> pendulum.Date:
    off = zone.offset_seconds(micros // _US)
    d = (_EPOCH + _dt.timedelta(microseconds=micros + off * _US)).date()
    return pendulum.Date(d.year, d.month, d.day)


# --- verdicts -----------------------------------------------------------------------------


def event_map(events: Iterable[Event] | Mapping[str, Event]) -> dict[str, Event]:
    """Events by id, from an iterable of events or a mapping; duplicate ids are an error."""
    if isinstance(events, Mapping):
        for key, e in events.items():
            if not isinstance(e, Event) or e.id != key:
                raise ChronoError(f"events[{key!r}] must be the Event with that id, got {e!r}")
        return dict(events)
    out: dict[str, Event] = {}
    for e in events:
        if not isinstance(e, Event):
            raise ChronoError(f"expected an Event, got {e!r}")
        if e.id in out and out[e.id] != e:
            raise ChronoError(f"two different events share the id {e.id!r}")
        out[e.id] = e
    return out


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
        raise ChronoError(f"expected a claim (At, OnDate, Before or Gap), got {claim!r}")
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


def zone_phrase(zone: Zone) -> str:
    """How explanations name a zone: "in Europe/Moscow", "on front time", "at UTC+10:00"."""
    return zone.phrase


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
    else:
        raise ChronoError(f"expected a claim (At, OnDate, Before or Gap), got {claim!r}")
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
    if isinstance(claim, Before):
        allows = f"the claim says {claim.first} came first"
    else:
        hi_text = "no limit" if hi_allowed is None else format_duration(hi_allowed)
        allows = f"the claim allows {format_duration(lo_allowed)} to {hi_text}"
        if hi_allowed is not None and hi_allowed == lo_allowed:
            allows = f"the claim allows exactly {format_duration(lo_allowed)}"
    text = f"{ta}, {tb}: {measured}; {allows}"
    holds = d_min >= lo_allowed and (hi_allowed is None or d_max <= hi_allowed)
    fails = d_max < lo_allowed or (hi_allowed is not None and d_min > hi_allowed)
    if holds:
        return Verdict(cid, Status.HOLDS, text)
    if fails:
        return Verdict(cid, Status.FAILS, text)
    return Verdict(cid, Status.UNDETERMINED, text + "; the spans allow gaps on both sides of that")


# --- where_dates --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WhereDates:
    """The local calendar date of one event in every zone: grouped by date.

    ``by_date`` maps each date to the zones where the event certainly fell on it;
    ``undetermined`` maps a zone to the dates its span covers there when it crosses a
    local midnight.
    """

    event: str
    by_date: dict[pendulum.Date, tuple[str, ...]]
    undetermined: dict[str, tuple[pendulum.Date, ...]]

    def __str__(self) -> str:
        lines = []
        for day in sorted(self.by_date):
            lines.append(f"{day.isoformat()}: {', '.join(_compress(self.by_date[day]))}")
        if self.undetermined:
            groups: dict[tuple[pendulum.Date, ...], list[str]] = defaultdict(list)
            for zone, days in self.undetermined.items():
                groups[days].append(zone)
            for days, zones in sorted(groups.items()):
                label = " or ".join(d.isoformat() for d in days)
                lines.append(f"{label} (undetermined): {', '.join(_compress(tuple(zones)))}")
        return "\n".join(lines)


def _canonical_zones() -> list[str]:
    """The zones of tzdata that are not links, not the legacy abbreviation-like ids."""
    return sorted(
        z
        for z in available_zones()
        if link_target(z) is None and "/" in z and not z.startswith(("Etc/", "SystemV/"))
    )


def _compress(zones: tuple[str, ...] | list[str]) -> list[str]:
    """Replace every zone of a region by "Region/*" when all of that region's zones are present."""
    all_by_region: dict[str, set[str]] = defaultdict(set)
    for z in _canonical_zones():
        all_by_region[z.split("/", 1)[0]].add(z)
    present: dict[str, set[str]] = defaultdict(set)
    for z in zones:
        present[z.split("/", 1)[0]].add(z)
    out = []
    for region in sorted(present):
        if region in all_by_region and present[region] >= all_by_region[region]:
            out.append(f"{region}/*")
        else:
            out.extend(sorted(present[region]))
    return out


def where_dates(event: Event | Span, zones: Iterable[str | Zone] | None = None) -> WhereDates:
    """The date ``event`` fell on in every zone of tzdata (or in ``zones``), grouped by date.

    >>> surrender = Event("surrender", "1945-05-08T23:01", "+01:00")
    >>> answer = where_dates(surrender, ["America/New_York", "Europe/Moscow", "Europe/London"])
    >>> print(answer)
    1945-05-08: America/New_York
    1945-05-09: Europe/London, Europe/Moscow
    """
    span = _span_of(event)
    name = event.id if isinstance(event, Event) else "span"
    if span is None:
        raise ChronoError(f"event {name!r} has no recorded time, so it has no date anywhere")
    targets = list(zones) if zones is not None else list(_canonical_zones())
    by_date: dict[pendulum.Date, list[str]] = defaultdict(list)
    undetermined: dict[str, tuple[pendulum.Date, ...]] = {}
    for target in targets:
        zone = get_zone(target)
        first = _local_date(span.start_us, zone)
        last = _local_date(span.end_us - 1, zone)
        if first == last:
            by_date[first].append(zone.name)
        else:
            days: list[pendulum.Date] = []
            d = first
            while d <= last and len(days) < 400:
                days.append(d)
                d = d.add(days=1)
            undetermined[zone.name] = tuple(days)
    return WhereDates(name, {d: tuple(sorted(z)) for d, z in sorted(by_date.items())}, undetermined)
