"""Strategies for events, spans and claims about given events.

May import: hypothesis, the package's public names (``chronoreconcile``) and the sibling
strategy modules ``_zones`` and ``_texts``.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile.strategies._texts import local_text, local_time_texts, tolerances
from chronoreconcile.strategies._zones import instants_near_transitions

__all__ = [
    "CLAIM_ZONES",
    "claims_about",
    "events",
    "narrower_spans",
    "span_event_lists",
    "span_events",
    "spans",
]

US = 10**6
EPOCH_UTC = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@st.composite
def events(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] | None = None,
    *,
    marks: bool = True,
) -> cr.Event:
    """An Event from a local text near a transition, sometimes approximate ("~"),
    uncertain ("?", "%") or with a tolerance. A text the zone skipped entirely is shifted
    back by the gap ("earlier"), since the event must exist."""
    text = draw(local_time_texts())
    eid = draw(ids if ids is not None else st.just("e"))
    mark = draw(st.sampled_from(["", "", "", "~", "?", "%"])) if marks else ""
    tolerance = draw(st.none() | tolerances().map(lambda pair: pair[0])) if marks else None
    try:
        return cr.Event(eid, text.text + mark, text.zone, tolerance=tolerance)
    except cr.NonexistentTimeError:
        return cr.Event(
            eid, text.text + mark, text.zone, tolerance=tolerance, disambiguation="earlier"
        )


# --- spans, span events and claims about them --------------------------------------------

# Zones whose offsets changed around the years drawn below (war time, double summer time,
# Hawaii's UTC-10:30) plus fixed offsets; claims are written in them.
CLAIM_ZONES = (
    "Europe/London",
    "Europe/Moscow",
    "Europe/Berlin",
    "America/New_York",
    "America/Havana",
    "Asia/Tokyo",
    "Pacific/Honolulu",
    "Europe/Paris",
    "+01:00",
    "UTC-10:30",
    "UTC",
)

_WIDTHS = st.one_of(
    st.sampled_from([1, US, 60 * US, 3600 * US, 86400 * US]),
    st.integers(1, 3 * 86400).map(lambda s: s * US),
    st.integers(1, 10**9),
)


@st.composite
def spans(draw: st.DrawFn, near: int | None = None) -> cr.Span:
    """A span within three days of ``near`` (µs since the epoch), or of a drawn instant
    near a transition of a claim zone: a microsecond, a second, a minute, an hour, a day
    or anything up to three days wide."""
    if near is None:
        _, instant = draw(
            instants_near_transitions(st.sampled_from(CLAIM_ZONES[:8]), last_year=2030)
        )
        near = (instant - EPOCH_UTC) // dt.timedelta(microseconds=1)
    start = near + draw(st.integers(-3 * 86400, 3 * 86400)) * US
    start += draw(st.sampled_from([0, 0, 0, 1, 500_000]))
    width = draw(_WIDTHS)
    return cr.Span.from_micros(start, start + width)


@st.composite
def narrower_spans(draw: st.DrawFn, span: cr.Span) -> cr.Span:
    """A span inside ``span``: the same span, one instant of it, or any part of it."""
    lo, hi = span.start_us, span.end_us
    kind = draw(st.sampled_from(["same", "point", "start", "end", "any"]))
    if kind == "same":
        return cr.Span.from_micros(lo, hi)
    if kind == "point":
        t = draw(st.integers(lo, hi - 1))
        return cr.Span.from_micros(t, t + 1)
    if kind == "start":
        return cr.Span.from_micros(draw(st.integers(lo, hi - 1)), hi)
    if kind == "end":
        return cr.Span.from_micros(lo, draw(st.integers(lo + 1, hi)))
    a = draw(st.integers(lo, hi - 1))
    b = draw(st.integers(a + 1, hi))
    return cr.Span.from_micros(a, b)


def span_events(eid: str, near: int | None = None) -> st.SearchStrategy[cr.Event]:
    """An Event whose ``when`` is a Span (what it is known to within)."""
    return spans(near).map(lambda span: cr.Event(eid, span))


@st.composite
def span_event_lists(draw: st.DrawFn, min_size: int = 1, max_size: int = 7) -> list[cr.Event]:
    """Events with distinct ids and spans around one instant, so that they overlap often;
    sometimes two share one exact instant."""
    _, instant = draw(instants_near_transitions(st.sampled_from(CLAIM_ZONES[:8]), last_year=2030))
    near = (instant - EPOCH_UTC) // dt.timedelta(microseconds=1)
    n = draw(st.integers(min_size, max_size))
    out = [draw(span_events(f"e{k}", near)) for k in range(n)]
    if n >= 2 and draw(st.booleans()):
        # One exact instant shared by two events: "simultaneous".
        t = draw(st.integers(-86400, 86400)) * US + near
        out[0] = cr.Event(out[0].id, cr.Span.from_micros(t, t + 1))
        out[1] = cr.Event(out[1].id, cr.Span.from_micros(t, t + 1))
    return out


def _local_of(micros: int, zone: str) -> dt.datetime:
    instant = EPOCH_UTC + dt.timedelta(microseconds=micros)
    return cr.to_local(instant, zone).replace(tzinfo=None)


def _seconds_text(seconds: int, form: str) -> str:
    if form == "iso":
        return f"PT{seconds}S"
    if form == "s":
        return f"{seconds}s"
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m}m{s}s"


@st.composite
def claims_about(draw: st.DrawFn, events: list[cr.Event]) -> cr.Claim:
    """A claim (At, OnDate, Before or Gap) about events that have spans, written so that
    it may hold, fail or be undetermined: an absolute claim is a local text, in a claim
    zone, of an instant near the event's span; a gap is near the spans' difference."""
    kind = draw(
        st.sampled_from(
            ["at", "on-date", "before", "gap"] if len(events) > 1 else ["at", "on-date"]
        )
    )
    if kind in ("at", "on-date"):
        event = draw(st.sampled_from(events))
        span = event.span
        assert span is not None
        zone = draw(st.sampled_from(CLAIM_ZONES))
        width = span.end_us - span.start_us
        point = span.start_us + draw(
            st.one_of(
                st.integers(0, width - 1),
                st.integers(-2 * 86400, 2 * 86400).map(lambda s: s * US),
            )
        )
        local = _local_of(point, zone)
        if kind == "on-date":
            precision = draw(st.sampled_from(["day", "day", "month"]))
            return cr.OnDate(event.id, local_text(zone, local, precision).text, zone)
        precision = draw(st.sampled_from(["day", "hour", "minute", "minute", "second"]))
        text = local_text(zone, local, precision).text
        if precision == "minute" and draw(st.integers(0, 4)) == 0:
            text = text[10:]  # a time of day without a date: "T23:01"
        tolerance = draw(st.none() | st.sampled_from(["10m", "1h", "PT30M"]))
        try:
            return cr.At(event.id, text, zone, tolerance=tolerance)
        except cr.NonexistentTimeError:
            return cr.At(event.id, text, zone, tolerance=tolerance, disambiguation="compatible")
    first, then = draw(st.permutations(events))[:2]
    if kind == "before":
        return cr.Before(first.id, then.id)
    a, b = first.span, then.span
    assert a is not None and b is not None
    nominal = (b.start_us - a.start_us) // US
    form = draw(st.sampled_from(["iso", "s", "hms"]))
    low = max(0, nominal + draw(st.integers(-3 * 86400, 3 * 86400)))
    high = draw(st.none() | st.integers(low, low + 3 * 86400))
    at_most = None if high is None else _seconds_text(high, form)
    return cr.Gap(first.id, then.id, _seconds_text(low, form), at_most)
