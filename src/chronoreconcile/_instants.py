"""Local times to instants and back, under a zone's real history; RFC 9557 text in and out.

The arithmetic runs on integers (seconds since the epoch, with the microseconds carried
beside them) and on stdlib datetimes; pendulum objects are made once, at the edge, because
building them through pendulum's own constructors costs tens of microseconds a call.

May import: the standard library, pendulum, ``.zones``, ``._errors``, ``._units``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import ParamSpec, TypeVar

import pendulum

from ._errors import ChronoError, ParseError
from ._units import EPOCH, EPOCH_ORDINAL, days_in_month
from .zones import (
    DISAMBIGUATIONS,
    MAX_SECONDS,
    MIN_SECONDS,
    Disambiguation,
    OffsetOption,
    Zone,
    ZoneLike,
    check_disambiguation,
    check_offset_option,
    disambiguate,
    format_offset,
    get_zone,
    history_scope,
    parse_offset,
    read_abbreviation,
)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _one_warning_per_zone(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``fn`` in a history_scope: each zone gives at most one HistoryWarning per call."""

    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with history_scope():
            return fn(*args, **kwargs)

    return wrapper


__all__ = [
    "check_date",
    "check_time",
    "dates_by_zone",
    "format_instant",
    "instant_from_seconds",
    "local_seconds",
    "parse_instant",
    "parse_local",
    "to_instant",
    "to_local",
    "utc_seconds",
]

_UTC = pendulum.UTC
_DateTime = pendulum.DateTime

# --- local time text ----------------------------------------------------------------------

_LOCAL_RE = re.compile(
    r"(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})[T ](?P<h>[0-9]{2}):(?P<mi>[0-9]{2})"
    r"(?::(?P<s>[0-9]{2})(?:[.,](?P<f>[0-9]{1,6}))?)?"
)
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def check_date(y: int, mo: int, d: int, text: object) -> None:
    """Raise ParseError saying which field of a Gregorian date is impossible."""
    if not 1 <= y <= 9999:
        raise ParseError(text, f"year {y} is outside 0001..9999")
    if not 1 <= mo <= 12:
        raise ParseError(text, f"month {mo}; months run 1..12")
    if d < 1 or d > days_in_month(y, mo):
        raise ParseError(
            text, f"day {d} of {_MONTHS[mo - 1]} {y}; it has {days_in_month(y, mo)} days"
        )


def check_time(h: int, mi: int, s: int, text: object) -> None:
    """Raise ParseError saying which field of a time of day is impossible."""
    if h > 23:
        raise ParseError(text, f"hour {h}; hours run 00..23 (write 24:00 as 00:00 the next day)")
    if mi > 59:
        raise ParseError(text, f"minute {mi}; minutes run 00..59")
    if s > 59:
        raise ParseError(text, f"second {s}; seconds run 00..59 (leap seconds are not counted)")


def parse_local(text: str) -> _dt.datetime:
    """A naive datetime from ``YYYY-MM-DDTHH:MM[:SS[.ffffff]]``, or a ParseError naming the fault.

    >>> parse_local("1945-05-08T23:01")
    datetime.datetime(1945, 5, 8, 23, 1)
    >>> parse_local("1945-02-30T12:00")
    Traceback (most recent call last):
    ...
    chronoreconcile.ParseError: cannot read '1945-02-30T12:00': day 30 of February 1945; it has 28 days
    """
    n = len(text)
    if (
        (n == 16 or (n == 19 and text[16] == ":"))
        and text[4] == "-"
        and text[7] == "-"
        and text[10] in "T "
        and text[13] == ":"
        and text.isascii()
    ):
        # The common shapes, checked by position: fromisoformat then reads the digits.
        try:
            value = _dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if value.tzinfo is None:
                return value
    m = _LOCAL_RE.fullmatch(text)
    if m is None:
        raise ParseError(text, _local_shape_problem(text))
    try:
        return _dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    y, mo, d, h, mi = (int(m[k]) for k in ("y", "mo", "d", "h", "mi"))
    check_date(y, mo, d, text)
    check_time(h, mi, int(m["s"] or 0), text)
    raise ParseError(text, "not an ISO 8601 local time")  # pragma: no cover - defensive


def _local_shape_problem(text: str) -> str:
    stripped = text.strip()
    if re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2})?)?)?", stripped):
        return (
            "a date or hour is a span, not one local time; give hours and minutes"
            " (YYYY-MM-DDTHH:MM) or use Event(...).span for the whole span"
        )
    if re.search(r"(Z|[+\-][0-9]{2}(:?[0-9]{2})?)$", stripped) and "T" in stripped:
        return "it carries an offset, so it is an instant, not a local time; use parse_instant"
    if re.fullmatch(r".*\.[0-9]{7,}", stripped):
        return "fractions finer than a microsecond are not kept; give at most 6 digits"
    return "expected a local time YYYY-MM-DDTHH:MM[:SS[.ffffff]]"


def local_seconds(local: _dt.datetime) -> int:
    """Whole seconds since 1970-01-01T00:00 of a naive local time (microseconds dropped)."""
    return (local.toordinal() - EPOCH_ORDINAL) * 86400 + (
        local.hour * 3600 + local.minute * 60 + local.second
    )


def utc_seconds(instant: _dt.datetime) -> int:
    """Whole seconds since the epoch of an aware datetime (microseconds dropped)."""
    off = instant.utcoffset()
    if off is None:
        raise ChronoError(
            f"expected an instant (an aware datetime), got the local time {instant.isoformat()}"
        )
    return local_seconds(instant.replace(tzinfo=None)) - (off.days * 86400 + off.seconds)


_TD_CACHE: dict[int, _dt.timedelta] = {}


def _offset_delta(seconds: int) -> _dt.timedelta:
    td = _TD_CACHE.get(seconds)
    if td is None:
        td = _TD_CACHE[seconds] = _dt.timedelta(seconds=seconds)
    return td


def _utc_from_local(local: _dt.datetime, offset: int) -> pendulum.DateTime:
    try:
        u = local - _offset_delta(offset)
    except OverflowError as exc:
        raise ChronoError(
            f"{local.isoformat()} at offset {format_offset(offset)} lies outside years 1..9999 UTC"
        ) from exc
    return _DateTime(u.year, u.month, u.day, u.hour, u.minute, u.second, u.microsecond, _UTC)


def instant_from_seconds(seconds: int, microsecond: int = 0) -> pendulum.DateTime:
    """The UTC instant ``seconds`` after the epoch, as a pendulum DateTime."""
    if not MIN_SECONDS <= seconds < MAX_SECONDS:
        raise ChronoError(f"instant {seconds} s from the epoch lies outside years 1..9999")
    u = EPOCH + _dt.timedelta(seconds=seconds, microseconds=microsecond)
    return _DateTime(u.year, u.month, u.day, u.hour, u.minute, u.second, u.microsecond, _UTC)


def _as_local(local: object) -> _dt.datetime:
    if isinstance(local, str):
        return parse_local(local)
    if isinstance(local, _dt.datetime):
        if local.tzinfo is not None:
            raise ChronoError(
                f"{local.isoformat()} is aware (it carries a zone or offset), so it is already an"
                " instant, not a local time; pass the wall-clock reading as a naive datetime"
            )
        return local
    if isinstance(local, _dt.date):
        raise ChronoError(
            f"the date {local.isoformat()} is a span, not one local time; pass a datetime, or use"
            " Event(...).span for the whole day"
        )
    raise ChronoError(f"expected a local time (ISO 8601 text or naive datetime), got {local!r}")


def _fmt_local(local: _dt.datetime) -> str:
    return local.isoformat(sep=" ", timespec="seconds" if local.second else "minutes")


# "1945-05-08T23:01 CET": a local time followed by a zone abbreviation.
_ABBREVIATED = re.compile(r"(?P<local>.*[0-9])\s+(?P<abbr>[A-Z][A-Za-z]{1,5})")


def _abbreviated(
    local: object, zone: ZoneLike | None, zone_data: str | None
) -> tuple[_dt.datetime, int]:
    """A local time written with an abbreviation, and the one offset the abbreviation had."""
    m = _ABBREVIATED.fullmatch(local.strip()) if isinstance(local, str) else None
    if m is None:
        if zone is None:
            raise ChronoError(
                f"the local time {local!r} needs a zone (an IANA id, an offset such as '+10:00',"
                " or a zone of record), or an abbreviation after it ('1945-05-08T23:01 CET')"
            )
        raise ParseError(local, _local_shape_problem(str(local)))
    naive = parse_local(m["local"])
    region = None
    if zone is not None:
        context = zone if isinstance(zone, Zone) else get_zone(zone, zone_data=zone_data)
        if context.kind != "iana":
            raise ChronoError(
                f"{local!r} carries an abbreviation and zone {context.name!r} was given too;"
                " give one or the other"
            )
        region = [context.name]
    secs = local_seconds(naive)
    offset, _ = read_abbreviation(
        m["abbr"], secs, secs + 1, text=str(local), region=region, zone_data=zone_data
    )
    return naive, offset


def to_instant(
    local: str | _dt.datetime,
    zone: ZoneLike | None = None,
    *,
    disambiguation: Disambiguation = "raise",
    zone_data: str | None = None,
) -> pendulum.DateTime:
    """The instant a local time in ``zone`` denotes, as an aware pendulum DateTime in UTC.

    >>> to_instant("1945-05-08T23:01", "+01:00")
    DateTime(1945, 5, 8, 22, 1, 0, tzinfo=Timezone('UTC'))

    A repeated local time (a fold) or a skipped one (a gap) raises unless
    ``disambiguation`` says what to do, with Temporal's meanings: "earlier" and "later"
    pick that candidate of a repeated time, or shift a skipped time back or forward by the
    length of the gap; "compatible" is "earlier" in a fold and "later" in a gap.

    >>> to_instant("1945-09-30T01:30", "America/New_York", disambiguation="later")
    DateTime(1945, 9, 30, 6, 30, 0, tzinfo=Timezone('UTC'))

    The zone may be omitted when the local time carries an abbreviation: it is the one
    offset the zone data used it for then (a written "CET" is +01:00, even in May 1945,
    when Berlin showed CEST); an abbreviation that fits several offsets is a ParseError.

    >>> to_instant("1945-05-08T23:01 CET")
    DateTime(1945, 5, 8, 22, 1, 0, tzinfo=Timezone('UTC'))
    >>> to_instant("1941-12-07T07:48 HST")
    DateTime(1941, 12, 7, 18, 18, 0, tzinfo=Timezone('UTC'))
    """
    if zone is None or (type(local) is str and local[-1:].isalpha()):
        naive, fixed = _abbreviated(local, zone, zone_data)
        return _utc_from_local(naive, fixed)
    naive = parse_local(local) if type(local) is str else _as_local(local)
    z = zone if type(zone) is Zone else get_zone(zone, zone_data=zone_data)
    if disambiguation not in DISAMBIGUATIONS:
        check_disambiguation(disambiguation)
    d = naive - EPOCH
    secs = d.days * 86400 + d.seconds
    offset = z.unique_offset(secs)
    if offset is None:
        offset = secs - disambiguate(z, secs, disambiguation)
    return _utc_from_local(naive, offset)


def _as_instant(instant: object) -> _dt.datetime:
    if isinstance(instant, str):
        return parse_instant(instant)
    if isinstance(instant, _dt.datetime):
        if instant.utcoffset() is None:
            raise ChronoError(
                f"{instant.isoformat()} is a local time (naive); an instant needs a zone or offset:"
                " convert it with to_instant(local, zone) first"
            )
        return instant
    raise ChronoError(f"expected an instant (aware datetime or RFC 9557 text), got {instant!r}")


@_one_warning_per_zone
def to_local(
    instant: str | _dt.datetime, zone: ZoneLike, *, zone_data: str | None = None
) -> pendulum.DateTime:
    """What a clock in ``zone`` showed at ``instant``: an aware pendulum DateTime in that zone.

    >>> to_local(to_instant("1945-05-08T23:01", "+01:00"), "Europe/Moscow").isoformat()
    '1945-05-09T01:01:00+03:00'
    """
    inst = _as_instant(instant)
    z = get_zone(zone, zone_data=zone_data)
    secs = utc_seconds(inst)
    offset = z.offset_seconds(secs)
    naive_utc = inst.replace(tzinfo=None) - (inst.utcoffset() or _dt.timedelta())
    try:
        w = naive_utc + _offset_delta(offset)
    except OverflowError as exc:
        raise ChronoError(
            f"the local time in {z.name!r} of {naive_utc.isoformat()}Z lies outside years 1..9999"
        ) from exc
    tz = z.tzinfo_at(secs)
    # In a fold the second occurrence of a wall time carries fold=1 (PEP 495), so that
    # the datetime's own utcoffset() agrees with the instant it came from.
    fold = 0
    candidates = z.resolve(local_seconds(w))
    if len(candidates) > 1 and secs != candidates[0]:
        fold = 1
    return _DateTime(
        w.year, w.month, w.day, w.hour, w.minute, w.second, w.microsecond, tz, fold=fold
    )


@_one_warning_per_zone
def dates_by_zone(
    instant: str | _dt.datetime, zones: Iterable[ZoneLike], *, zone_data: str | None = None
) -> dict[str, pendulum.Date]:
    """The calendar date ``instant`` fell on in each zone, keyed by zone name.

    >>> surrender = to_instant("1945-05-08T23:01", "+01:00")
    >>> dates_by_zone(surrender, ["America/New_York", "Europe/Moscow"])
    {'America/New_York': Date(1945, 5, 8), 'Europe/Moscow': Date(1945, 5, 9)}
    """
    out: dict[str, pendulum.Date] = {}
    for zone in zones:
        local = to_local(instant, zone, zone_data=zone_data)
        name = zone.name if isinstance(zone, Zone) else zone
        out[name] = pendulum.Date(local.year, local.month, local.day)
    return out


# --- RFC 9557 -----------------------------------------------------------------------------

_RFC9557_RE = re.compile(
    r"(?P<local>[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?)"
    r"(?P<offset>[Zz]|[+\-\u2212][0-9]{2}(?::?[0-9]{2}(?::?[0-9]{2}(?:[.,][0-9]+)?)?)?)?"
    r"(?P<annotations>(?:\[[^\[\]]*\])*)"
)
_ANNOTATION_RE = re.compile(r"\[(?P<critical>!?)(?P<body>[^\[\]]*)\]")


@_one_warning_per_zone
def parse_instant(
    text: str,
    *,
    offset: OffsetOption = "reject",
    disambiguation: Disambiguation = "raise",
    zones: Mapping[str, Zone] | None = None,
    zone_data: str | None = None,
) -> pendulum.DateTime:
    """The instant RFC 9557 text denotes, as an aware pendulum DateTime in UTC.

    >>> parse_instant("1945-05-09T01:01+03:00[Europe/Moscow]")
    DateTime(1945, 5, 8, 22, 1, 0, tzinfo=Timezone('UTC'))

    When the text gives both an offset and a zone, ``offset`` says what to do if they
    disagree, as Temporal does: "reject" (the default) raises ParseError, "use" trusts
    the offset, "prefer" trusts it only where the zone allows it and otherwise resolves
    the local time in the zone, "ignore" resolves the local time in the zone. What the
    zone alone leaves open (a repeated or skipped local time) follows ``disambiguation``.
    "Z" with a zone names the instant exactly. Zones of record are found in ``zones``.
    """
    if not isinstance(text, str):
        raise ChronoError(f"expected RFC 9557 text, got {text!r}")
    check_offset_option(offset)
    check_disambiguation(disambiguation)
    m = _RFC9557_RE.fullmatch(text.strip())
    if m is None:
        raise ParseError(
            text,
            "expected an instant such as '1945-05-09T01:01+03:00[Europe/Moscow]'"
            " (date, time, then an offset, a [zone], or both)",
        )
    local_text = m["local"].replace("t", "T").replace(" ", "T").replace(",", ".")
    if "." in local_text:
        head, frac = local_text.split(".")
        if len(frac) > 6:
            if frac[6:].strip("0"):
                raise ParseError(text, "fractions finer than a microsecond are not kept")
            local_text = f"{head}.{frac[:6]}"
    try:
        local = parse_local(local_text)
    except ParseError as exc:
        raise ParseError(text, exc.problem) from None
    zone_name = _zone_annotation(text, m["annotations"])
    off_text = m["offset"]
    given: int | None = None
    exact = False
    if off_text:
        if off_text in "Zz":
            given, exact = 0, True
        else:
            if re.search(r"[.,]", off_text):
                raise ParseError(text, f"offset {off_text}: fractional seconds are not supported")
            given = parse_offset(off_text.replace("\u2212", "-"))
            if given is None:  # pragma: no cover - the regex admits only offsets
                raise ParseError(text, f"offset {off_text}")
    if zone_name is None:
        if given is None:
            raise ParseError(
                text,
                "no offset and no [zone]: that is a local time, not an instant;"
                " use to_instant(local, zone)",
            )
        return _utc_from_local(local, given)
    zone = _lookup_zone(zone_name, zones, zone_data, text)
    if exact:
        # "Z" with a zone names the instant; the zone is only how to show it (Temporal).
        return _utc_from_local(local, 0)
    if given is None or offset == "ignore":
        return to_instant(local, zone, disambiguation=disambiguation)
    if offset == "use":
        return _utc_from_local(local, given)
    secs = local_seconds(local)
    candidates = [secs - u for u in zone.resolve(secs)]
    has_seconds = off_text.count(":") == 2 or (len(off_text.lstrip("+-\u2212")) == 6)
    # An exact match first: in a fold of a few seconds (Pacific/Gambier left LMT -08:59:48
    # for -09:00 in 1912) both candidates round to the same minute.
    for cand in sorted(candidates, key=lambda c: c != given):
        # Temporal lets an offset written to the minute match a zone offset that has
        # seconds (LMT): "+02:30" stands for Moscow's +02:30:17.
        if cand == given or (not has_seconds and _round_minutes(cand) == given):
            return _utc_from_local(local, cand)
    if offset == "prefer":
        return to_instant(local, zone, disambiguation=disambiguation)
    if candidates:
        allowed = " or ".join(format_offset(c) for c in candidates)
        problem = (
            f"offset {off_text} disagrees with zone {zone.name!r}, where"
            f" {_fmt_local(local)} is at {allowed}"
        )
    else:
        _t, before, after = zone.gap(secs)
        problem = (
            f"offset {off_text} disagrees with zone {zone.name!r}, where {_fmt_local(local)}"
            f" was skipped (clocks moved from {format_offset(before)} to {format_offset(after)})"
        )
    raise ParseError(
        text, problem + "; pass offset='use', 'prefer' or 'ignore' to decide which to trust"
    )


def _round_minutes(seconds: int) -> int:
    sign = -1 if seconds < 0 else 1
    return sign * ((abs(seconds) + 30) // 60 * 60)


def _zone_annotation(text: str, annotations: str) -> str | None:
    zone: str | None = None
    for k, a in enumerate(_ANNOTATION_RE.finditer(annotations)):
        body = a["body"]
        key, eq, value = body.partition("=")
        if eq:
            if key == "u-ca" and value in ("iso8601", "gregory"):
                continue
            if a["critical"]:
                raise ParseError(text, f"critical annotation [!{body}] is not supported")
            continue  # an elective annotation we do not use may be ignored (RFC 9557 §3.1)
        if k != 0 or zone is not None:
            raise ParseError(text, f"[{body}]: the zone must be the first annotation")
        if not body:
            raise ParseError(text, "empty zone annotation []")
        zone = body
    return zone


def _lookup_zone(
    name: str, zones: Mapping[str, Zone] | None, zone_data: str | None, text: str
) -> Zone:
    if zones and name in zones:
        return zones[name]
    return get_zone(name, zone_data=zone_data)


@_one_warning_per_zone
def format_instant(
    instant: str | _dt.datetime, zone: ZoneLike, *, zone_data: str | None = None
) -> str:
    """RFC 9557 text for ``instant`` as seen in ``zone``; :func:`parse_instant` reads it back.

    >>> format_instant(to_instant("1945-05-08T23:01", "+01:00"), "Europe/Moscow")
    '1945-05-09T01:01:00+03:00[Europe/Moscow]'
    >>> format_instant(parse_instant("1880-01-01T12:00Z"), "Europe/Moscow")
    '1880-01-01T14:30:17+02:30:17[Europe/Moscow]'
    """
    local = to_local(instant, zone, zone_data=zone_data)
    off = local.utcoffset()
    assert off is not None
    z = get_zone(zone, zone_data=zone_data)
    frac = f".{local.microsecond:06d}".rstrip("0") if local.microsecond else ""
    return (
        f"{local.year:04d}-{local.month:02d}-{local.day:02d}T"
        f"{local.hour:02d}:{local.minute:02d}:{local.second:02d}{frac}"
        f"{format_offset(off.days * 86400 + off.seconds)}[{z.name}]"
    )
