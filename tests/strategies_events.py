"""Hypothesis strategies for events, spans and claims.

A ``LocalText`` is a local date or time written at one precision (year, month, day, hour,
minute, second or a decimal fraction of a second) in one zone, together with the local
range ``[start, end)`` it covers, worked out here by calendar arithmetic rather than by the
library's parser, so that tests can compare the library against it.

Uniform local times almost never fall in a gap or a fold, so the texts start from a real
transition of a real zone (``tests/strategies.local_times_near_transitions``, built on
``chronoreconcile.get_zone(name).transitions(start, end)``) and are truncated to the
precision drawn: a year, a month or a day that holds a transition, an hour or a minute in
or next to a gap or a fold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

import chronoreconcile as cr
from tests.strategies import local_times, local_times_near_transitions, near_transitions

__all__ = [
    "APPROXIMATE_UNITS",
    "CLAIM_ZONES",
    "FINER",
    "PRECISIONS",
    "LocalText",
    "children",
    "claims_about",
    "disambiguations",
    "duration_texts",
    "events",
    "fixed_offset_zones",
    "local_text",
    "local_texts",
    "narrower_spans",
    "span_event_lists",
    "span_events",
    "spans",
    "text_fragments",
    "tolerances",
]

US = 10**6
EPOCH_UTC = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

PRECISIONS = ("year", "month", "day", "hour", "minute", "second", "fraction")
# The next finer precision: each text's children are written at it.
FINER = {
    "year": "month",
    "month": "day",
    "day": "hour",
    "hour": "minute",
    "minute": "second",
    "second": "fraction",
}

# What a bare "~" is documented to add on each side (APPROXIMATE_DEFAULTS in _parsing.py),
# written out again so the tests compare the library against a second statement of it.
_DAY = 86400 * US
APPROXIMATE_UNITS = {
    "year": 366 * _DAY,
    "month": 31 * _DAY,
    "day": _DAY,
    "hour": 3600 * US,
    "minute": 15 * 60 * US,
    "second": 60 * US,
    "fraction": US,
}


@dataclass(frozen=True)
class LocalText:
    """A local date or time as a source writes it, and the local range it covers.

    ``offset`` is the fixed offset in seconds when ``zone`` is a fixed-offset zone, else
    None (an IANA id). ``digits`` is the number of fraction digits, 0 unless the precision
    is "fraction".
    """

    zone: str
    text: str
    precision: str
    start: dt.datetime  # naive local: the first local time covered
    end: dt.datetime  # naive local: the first local time after it (exclusive)
    offset: int | None = None
    digits: int = 0


def _month_after(year: int, month: int) -> dt.datetime:
    return dt.datetime(year + month // 12, month % 12 + 1, 1)


def _write(start: dt.datetime, precision: str, digits: int = 0, sep: str = "T") -> str:
    date = f"{start.year:04d}-{start.month:02d}-{start.day:02d}"
    if precision == "year":
        return f"{start.year:04d}"
    if precision == "month":
        return date[:7]
    if precision == "day":
        return date
    hour = f"{date}{sep}{start.hour:02d}"
    if precision == "hour":
        return hour
    minute = f"{hour}:{start.minute:02d}"
    if precision == "minute":
        return minute
    second = f"{minute}:{start.second:02d}"
    if precision == "second":
        return second
    return f"{second}.{start.microsecond:06d}"[: len(second) + 1 + digits]


def _truncate(local: dt.datetime, precision: str, digits: int) -> tuple[dt.datetime, dt.datetime]:
    """The local range [start, end) of the text at ``precision`` that holds ``local``."""
    if precision == "year":
        start = dt.datetime(local.year, 1, 1)
        return start, dt.datetime(local.year + 1, 1, 1)
    if precision == "month":
        return dt.datetime(local.year, local.month, 1), _month_after(local.year, local.month)
    if precision == "day":
        start = dt.datetime(local.year, local.month, local.day)
        return start, start + dt.timedelta(days=1)
    if precision == "hour":
        start = local.replace(minute=0, second=0, microsecond=0)
        return start, start + dt.timedelta(hours=1)
    if precision == "minute":
        start = local.replace(second=0, microsecond=0)
        return start, start + dt.timedelta(minutes=1)
    if precision == "second":
        start = local.replace(microsecond=0)
        return start, start + dt.timedelta(seconds=1)
    step = 10 ** (6 - digits)
    start = local.replace(microsecond=local.microsecond // step * step)
    return start, start + dt.timedelta(microseconds=step)


def local_text(
    zone: str,
    local: dt.datetime,
    precision: str,
    digits: int = 0,
    offset: int | None = None,
    sep: str = "T",
) -> LocalText:
    """The text at ``precision`` that holds the naive ``local`` time, with its range."""
    start, end = _truncate(local, precision, digits)
    text = _write(start, precision, digits, sep)
    return LocalText(zone, text, precision, start, end, offset, digits)


def children(parent: LocalText) -> list[LocalText]:
    """Every text at the next finer precision inside ``parent``: the months of a year, the
    days of a month, the hours of a day, the minutes of an hour, the seconds of a minute,
    the tenths of a second (and the next digit of a fraction)."""
    z, off = parent.zone, parent.offset
    s = parent.start
    if parent.precision == "year":
        return [local_text(z, dt.datetime(s.year, m, 1), "month", 0, off) for m in range(1, 13)]
    if parent.precision == "month":
        days = (parent.end - parent.start).days
        return [local_text(z, s + dt.timedelta(days=k), "day", 0, off) for k in range(days)]
    if parent.precision == "day":
        return [local_text(z, s + dt.timedelta(hours=k), "hour", 0, off) for k in range(24)]
    if parent.precision == "hour":
        return [local_text(z, s + dt.timedelta(minutes=k), "minute", 0, off) for k in range(60)]
    if parent.precision == "minute":
        return [local_text(z, s + dt.timedelta(seconds=k), "second", 0, off) for k in range(60)]
    if parent.precision == "second" or parent.digits < 6:
        digits = parent.digits + 1
        step = 10 ** (6 - digits)
        return [
            local_text(z, s + dt.timedelta(microseconds=k * step), "fraction", digits, off)
            for k in range(10)
        ]
    return []


@st.composite
def fixed_offset_zones(draw: st.DrawFn) -> tuple[str, int]:
    """(zone name, offset seconds) for a fixed offset as documents write it: "+10:00",
    "UTC-10:30", "GMT+05:45"."""
    prefix = draw(st.sampled_from(["", "UTC", "GMT"]))
    sign = draw(st.sampled_from([1, -1]))
    hours = draw(st.integers(0, 14))
    minutes = draw(st.sampled_from([0, 15, 30, 45]))
    if hours == 14:
        minutes = 0
    text = f"{prefix}{'+' if sign > 0 else '-'}{hours:02d}:{minutes:02d}"
    return text, sign * (hours * 3600 + minutes * 60)


@st.composite
def local_texts(
    draw: st.DrawFn,
    precisions: tuple[str, ...] = PRECISIONS,
    *,
    zone_names: st.SearchStrategy[str] | None = None,
    fixed: bool = True,
) -> LocalText:
    """A local text at one of ``precisions`` in a zone, mostly near a real transition.

    Nine draws in ten come from an IANA zone within hours of one of its transitions (a
    third of those inside the gap or fold itself); the rest, unless ``fixed`` is False,
    are uniform local times at a fixed offset.
    """
    precision = draw(st.sampled_from(precisions))
    digits = draw(st.integers(1, 6)) if precision == "fraction" else 0
    sep = draw(st.sampled_from(["T", "T", "T", " "]))
    if fixed and draw(st.integers(0, 9)) == 0:
        zone, offset = draw(fixed_offset_zones())
        local = draw(local_times())
        return local_text(zone, local, precision, digits, offset, sep)
    zone, local = draw(local_times_near_transitions(zone_names))
    return local_text(zone, local, precision, digits, None, sep)


def tolerances() -> st.SearchStrategy[tuple[object, int]]:
    """(tolerance as a source gives it, its length in microseconds)."""
    minutes = st.integers(0, 600).flatmap(
        lambda n: st.sampled_from([(f"{n}m", n), (f"PT{n}M", n), (dt.timedelta(minutes=n), n)])
    )
    fixed = st.sampled_from(
        [("10m", 10), ("2h", 120), ("1d", 1440), ("PT10M", 10), ("1h30m", 90), ("P1D", 1440)]
    )
    return st.one_of(fixed, minutes).map(lambda pair: (pair[0], pair[1] * 60 * US))


def disambiguations() -> st.SearchStrategy[cr.Disambiguation | None]:
    """None (keep both candidates of a repeated time) or one of Temporal's choices."""
    choices: list[cr.Disambiguation | None] = [None, "earlier", "later", "compatible"]
    return st.sampled_from(choices)


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
    text = draw(local_texts())
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
        _, instant = draw(near_transitions(st.sampled_from(CLAIM_ZONES[:8]), last_year=2030))
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
    _, instant = draw(near_transitions(st.sampled_from(CLAIM_ZONES[:8]), last_year=2030))
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


# --- text for fuzzing ---------------------------------------------------------------------

_FRAGMENTS = [
    "1945",
    "0001",
    "9999",
    "0000",
    "2023",
    "1917",
    "-",
    "08",
    "02",
    "29",
    "31",
    "13",
    "00",
    "T",
    " ",
    ":",
    "01",
    "23",
    "24",
    "59",
    "60",
    ".",
    ",",
    "5",
    "000001",
    "1234567",
    "~",
    "?",
    "%",
    "X",
    "XX",
    "19XX",
    "1XXX",
    "/",
    "..",
    "Z",
    "+01:00",
    "-10:30",
    "+0530",
    "\u2212",
    "昭和",
    "平成",
    "令和",
    "元年",
    "20年",
    "8月",
    "15日",
    "正午",
    "午前0時",
    "民國",
    "34年",
    "Showa ",
    "Heisei ",
    "Minguo ",
    "ROC ",
    "noon",
    "midnight",
    "Ｔ",
    "１",
]


def text_fragments() -> st.SearchStrategy[str]:
    """Near-valid texts: pieces of dates, times, marks, offsets and era names run together,
    plus arbitrary unicode."""
    pieces = st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join)
    return st.one_of(st.text(max_size=40), pieces, pieces)


# --- durations ------------------------------------------------------------------------------

_UNIT_FORMS = {
    "w": ("w", "wk", "week", "weeks"),
    "d": ("d", "day", "days"),
    "h": ("h", "hr", "hour", "hours", "H"),
    "m": ("m", "min", "mins", "minute", "minutes"),
    "s": ("s", "sec", "second", "seconds"),
}
_UNIT_MICROS = {"w": 7 * _DAY, "d": _DAY, "h": 3600 * US, "m": 60 * US, "s": US}


@st.composite
def duration_texts(draw: st.DrawFn) -> tuple[object, int]:
    """(a duration as people or ISO 8601 write it, its length in microseconds): "5h30m",
    "90 minutes", "1d 2h", "PT5H30M", "P1DT0.5S", or a timedelta."""
    form = draw(st.sampled_from(["human", "iso", "timedelta"]))
    counts = {u: draw(st.none() | st.integers(0, 400)) for u in "wdhms"}
    if all(c is None for c in counts.values()):
        counts["m"] = draw(st.integers(0, 400))
    total = sum((c or 0) * _UNIT_MICROS[u] for u, c in counts.items())
    if form == "timedelta":
        return dt.timedelta(microseconds=total), total
    if form == "iso":
        date = "".join(f"{c}{u.upper()}" for u, c in counts.items() if u in "wd" and c is not None)
        time = "".join(f"{c}{u.upper()}" for u, c in counts.items() if u in "hms" and c is not None)
        text = "P" + date + ("T" + time if time else "")
        return (text.lower() if draw(st.booleans()) else text), total
    parts = []
    for u, c in counts.items():
        if c is not None:
            space = draw(st.sampled_from(["", " "]))
            parts.append(f"{c}{space}{draw(st.sampled_from(_UNIT_FORMS[u]))}")
    joiner = draw(st.sampled_from(["", " "]))
    return joiner.join(parts), total
