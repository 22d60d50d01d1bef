"""Ordering events across zones: relation, order (tiers), and the date an event fell on everywhere.

Everything here reads spans only: an event may have had any instant of its span, so a
relation is decided only when it is the same for every instant the spans allow, and
"undetermined" otherwise.

May import: _units, _errors, _spans, zones, _events. Imported by nothing inside the
package but __init__.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pendulum

from ._errors import ChronoError
from ._events import Event
from ._spans import Span
from ._units import EPOCH, SECOND_US
from .zones import Zone, available_zones, get_zone, link_target

__all__ = ["Relation", "WhereDates", "order", "relation", "where_dates"]


class Relation(enum.StrEnum):
    """How two events stand in time, as far as their spans tell."""

    BEFORE = "before"
    AFTER = "after"
    SIMULTANEOUS = "simultaneous"
    UNDETERMINED = "undetermined"


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


def _local_date(micros: int, zone: Zone) -> pendulum.Date:
    off = zone.offset_seconds(micros // SECOND_US)
    d = (EPOCH + _dt.timedelta(microseconds=micros + off * SECOND_US)).date()
    return pendulum.Date(d.year, d.month, d.day)


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
