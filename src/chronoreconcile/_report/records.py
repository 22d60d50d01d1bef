"""What each record says before it is judged: a claim, an event's own time, a zone premise.

The report names every entry of a reconciliation's verdicts; this module finds, from the
chronology, what each one stated, in which zone, with what source and weight, and the
instants it allowed by itself (what the timeline draws as "given").

May import: the standard library and the public names of the package.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import chronoreconcile as cr

if TYPE_CHECKING:
    from .. import Chronology, Claim, Event, Reconciliation, Zone

__all__ = ["Record", "claim_zones", "describe_record", "event_zone"]


@dataclass(frozen=True, slots=True)
class Record:
    """What a claim, an event's own time or a zone premise says, before it is judged.

    ``kind`` is the claim's kind word, "event" for an event's own time or "zone" for a
    zone premise; ``given`` the intervals of instants it allows by itself.
    """

    kind: str
    events: tuple[str, ...]
    says: str
    source: str | None
    note: str | None
    weight: float
    zone: str | None
    given: tuple[tuple[int, int], ...]


def describe_record(chronology: Chronology, reconciliation: Reconciliation, cid: str) -> Record:
    """What the claim, event time or zone premise ``cid`` of the verdicts said."""
    claim = chronology.claims.get(cid)
    if claim is not None:
        zone = getattr(claim, "zone_used", None)
        return Record(
            claim.kind,
            tuple(claim.events),
            _says(chronology, claim),
            claim.source,
            getattr(claim, "note", None),
            float(claim.weight),
            None if zone is None else zone.name,
            _claim_given(claim, reconciliation),
        )
    if cid in chronology.events:
        event = chronology.events[cid]
        ezone = event_zone(chronology, event)
        span = event.span
        where = "" if ezone is None else f" {ezone.phrase}"
        return Record(
            "event",
            (cid,),
            f"recorded at {event.when}{where}",
            event.source,
            getattr(event, "note", None),
            float(event.weight),
            None if ezone is None else ezone.name,
            () if span is None else ((span.start_us, span.end_us),),
        )
    name = cid.removeprefix("zone:")
    premise = chronology.zones.get(name)
    return Record(
        "zone",
        (),
        "premise: " + (premise.describe() if premise is not None else name),
        None,
        None if premise is None else premise.note,
        float(chronology.zone_weights.get(name, math.inf)),
        name,
        (),
    )


def _name(chronology: Chronology, eid: str) -> str:
    """An event as prose names it: its label as written, else "the" and its id."""
    event = chronology.events.get(eid)
    label = None if event is None else getattr(event, "label", None)
    return label or f"the {eid}"


def _says(chronology: Chronology, claim: Claim) -> str:
    describe = getattr(claim, "describe", None)
    text = str(describe()) if callable(describe) else claim.label()
    if claim.kind in ("at", "on-date"):
        # "at 1945-08-08T23:00 in Europe/Moscow" does not say what was then.
        return f"{_name(chronology, claim.events[0])} {text}"
    if claim.kind in ("before", "gap") and len(claim.events) == 2:
        # "declaration 5h30m to 6h after invasion": the ids, put back as names.
        first, then = claim.events
        if claim.kind == "before":
            return f"{_name(chronology, first)} before {_name(chronology, then)}"
        head, tail = f"{then} ", f" after {first}"
        if text.startswith(head) and text.endswith(tail):
            middle = text[len(head) : len(text) - len(tail)]
            return f"{_name(chronology, then)} {middle} after {_name(chronology, first)}"
    return text


def _claim_given(claim: Claim, reconciliation: Reconciliation) -> tuple[tuple[int, int], ...]:
    """The instants an At or OnDate claim allows by itself, as written (empty for the rest)."""
    alternatives = list(getattr(claim, "alternatives", ()))
    near = getattr(claim, "intervals_near", None)
    if not alternatives and callable(near) and claim.events:
        # A time of day without a date: read it on the days near what the others found.
        span = reconciliation.bounds.get(claim.events[0])
        if span is not None:
            alternatives = list(near(span.start_us, span.end_us))
    out: list[tuple[int, int]] = []
    for alt in alternatives:
        out.extend((int(a), int(b)) for a, b in getattr(alt, "intervals", ()))
    return tuple(sorted(out))


def event_zone(chronology: Chronology, event: Event) -> Zone | None:
    """The zone an event's own time was written in, or None."""
    resolved = getattr(event, "resolved", None)
    zone = getattr(resolved, "zone", None)
    if zone is not None:
        return zone  # type: ignore[no-any-return]
    if event.zone is None:
        return None
    if isinstance(event.zone, str) and event.zone in chronology.zones:
        return chronology.zones[event.zone]
    return cr.get_zone(event.zone)


def claim_zones(chronology: Chronology) -> dict[str, Zone]:
    """The zones the chronology's records use, by name, in order of first use."""
    out: dict[str, Zone] = {}
    for event in chronology.events.values():
        zone = event_zone(chronology, event)
        if zone is not None:
            out.setdefault(zone.name, zone)
    for claim in chronology.claims.values():
        zone = getattr(claim, "zone_used", None)
        if zone is not None:
            out.setdefault(zone.name, zone)
    return out
