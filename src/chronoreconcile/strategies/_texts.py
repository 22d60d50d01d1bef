"""Strategies for local-time texts, tolerances, disambiguations and durations.

A ``LocalText`` is a local date or time written at one precision (year, month, day, hour,
minute, second or a decimal fraction of a second) in one zone, together with the local
range ``[start, end)`` it covers, worked out here by calendar arithmetic rather than by the
library's parser, so that tests can compare the library against it.

Uniform local times almost never fall in a gap or a fold, so the texts start from a real
transition of a real zone (``local_times_near_transitions``) and are truncated to the
precision drawn: a year, a month or a day that holds a transition, an hour or a minute in
or next to a gap or a fold.

May import: hypothesis, the package's public names (``chronoreconcile``) and its sibling
``_zones``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile.strategies._zones import local_times, local_times_near_transitions

__all__ = [
    "PRECISIONS",
    "LocalText",
    "disambiguations",
    "duration_texts",
    "fixed_offset_zones",
    "local_text",
    "local_time_texts",
    "text_fragments",
    "tolerances",
]

US = 10**6
_DAY = 86400 * US

# The precisions a local text is written at, coarsest first.
PRECISIONS = ("year", "month", "day", "hour", "minute", "second", "fraction")


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
def local_time_texts(
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


def tolerances() -> st.SearchStrategy[tuple[str | dt.timedelta, int]]:
    """(tolerance as a source gives it, its length in microseconds)."""

    def forms(n: int) -> st.SearchStrategy[tuple[str | dt.timedelta, int]]:
        written: list[tuple[str | dt.timedelta, int]] = [
            (f"{n}m", n),
            (f"PT{n}M", n),
            (dt.timedelta(minutes=n), n),
        ]
        return st.sampled_from(written)

    minutes = st.integers(0, 600).flatmap(forms)
    given: list[tuple[str | dt.timedelta, int]] = [
        ("10m", 10),
        ("2h", 120),
        ("1d", 1440),
        ("PT10M", 10),
        ("1h30m", 90),
        ("P1D", 1440),
    ]
    fixed = st.sampled_from(given)
    return st.one_of(fixed, minutes).map(lambda pair: (pair[0], pair[1] * 60 * US))


def disambiguations() -> st.SearchStrategy[cr.Disambiguation | None]:
    """None (keep both candidates of a repeated time) or one of Temporal's choices."""
    choices: list[cr.Disambiguation | None] = [None, "earlier", "later", "compatible"]
    return st.sampled_from(choices)


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
