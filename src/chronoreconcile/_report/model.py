"""The report model: one frozen value built from a chronology and its reconciliation.

Every renderer (text, JSON, Markdown, SVG) reads this model and nothing else, so that the
four say the same thing. The model keeps instants as integers (microseconds since the
epoch, UTC) and the words a person reads (sources quoted, local readings, numbered steps).

May import: the standard library, the sibling ``records`` and ``times`` modules, and the
public names of the package (through ``chronoreconcile`` at call time, so that the
package's ``__init__`` may import this subpackage in any order).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import chronoreconcile as cr

from .records import claim_zones, describe_record, event_zone
from .times import local_iso, local_reading, parse_utc

if TYPE_CHECKING:
    from .. import Chronology, Event, Reconciliation, Zone

__all__ = [
    "ClaimEntry",
    "ConflictEntry",
    "EventEntry",
    "LocalReading",
    "Report",
    "Step",
    "build_report",
]

_PREFACE = re.compile(r"once (?P<ids>.+?) (?:is|are) dropped: ")
_PREMISES = ". This rests on the zone premises: "


@dataclass(frozen=True, slots=True)
class LocalReading:
    """An event's span on the wall in one zone: naive ISO 8601 bounds (None when open) and text."""

    zone: str
    start: str | None
    end: str | None
    text: str


@dataclass(frozen=True, slots=True)
class EventEntry:
    """One event: its tightened bounds (each side kept alone), the given span, local readings.

    ``lower`` is the earliest instant the claims allow and ``upper`` the first instant after
    the latest; either is None when the claims leave that side open. ``given`` is the hull of
    what the records themselves said (the event's own time and its At and OnDate claims).
    """

    id: str
    label: str | None
    lower: int | None
    upper: int | None
    given: tuple[int, int] | None
    readings: tuple[LocalReading, ...]
    note: str

    @property
    def name(self) -> str:
        """How prose names the event: its label, else its id."""
        return self.label or self.id


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    """One claim (or an event's own time, or a zone premise) with its verdict and source."""

    id: str
    kind: str
    events: tuple[str, ...]
    says: str
    status: str
    explanation: str
    source: str | None
    note: str | None
    weight: float
    dropped: bool
    conflicting: bool
    zone: str | None
    given: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Step:
    """One numbered line of a conflict: a claim of the chain with its source, or the contradiction."""

    claim: str | None
    text: str
    source: str | None


@dataclass(frozen=True, slots=True)
class ConflictEntry:
    """A minimal set of claims that cannot all hold, as numbered steps and the zones it rests on."""

    claims: tuple[str, ...]
    steps: tuple[Step, ...]
    zones: tuple[str, ...]
    explanation: str


@dataclass(frozen=True, slots=True)
class Report:
    """What a reconciliation found, in the words and values every renderer shows.

    ``preface`` ("once inv-time is dropped") is said once for the whole report; the
    verdict explanations here no longer repeat it. ``exact`` says whether ``drop`` is
    proven the cheapest. ``zones`` are the zones the records use, for pictures that mark
    their local midnights.
    """

    title: str
    consistent: bool
    exact: bool
    tzdata: str
    zone_data: str
    events: tuple[EventEntry, ...]
    claims: tuple[ClaimEntry, ...]
    conflicts: tuple[ConflictEntry, ...]
    drop: tuple[str, ...]
    preface: str | None
    warnings: tuple[str, ...]
    zones: tuple[Zone, ...] = ()

    def event(self, eid: str) -> EventEntry:
        """The entry of event ``eid``."""
        for e in self.events:
            if e.id == eid:
                return e
        raise cr.ChronoError(f"the report has no event {eid!r}")

    def claim(self, cid: str) -> ClaimEntry:
        """The entry of claim ``cid``."""
        for c in self.claims:
            if c.id == cid:
                return c
        raise cr.ChronoError(f"the report has no claim {cid!r}")


# --- building ------------------------------------------------------------------------------


def build_report(chronology: Chronology, reconciliation: Reconciliation) -> Report:
    """The report of ``reconciliation``, which must come from ``chronology``.

    >>> import chronoreconcile as cr
    >>> chronology = cr.Chronology(
    ...     events=[cr.Event("declaration")],
    ...     claims=[
    ...         cr.At("declaration", "1945-08-08T23:00", "Europe/Moscow", id="msk-11pm",
    ...               source="at 11 p.m. Moscow time"),
    ...     ],
    ... )
    >>> report = build_report(chronology, chronology.reconcile())
    >>> report.event("declaration").readings[0].text
    '23:00-23:01 MSK, 8 Aug 1945 (Europe/Moscow)'
    >>> report.claim("msk-11pm").source
    'at 11 p.m. Moscow time'
    """
    drop = tuple(reconciliation.drop)
    preface = None
    if drop:
        preface = f"once {', '.join(drop)} {'is' if len(drop) == 1 else 'are'} dropped"
    in_conflict = {cid for conf in reconciliation.conflicts for cid in conf.claims}
    verdicts = reconciliation.verdicts
    claims = tuple(
        _claim_entry(chronology, reconciliation, cid, cid in in_conflict, cid in drop)
        for cid in _claim_order(chronology, verdicts)
    )
    # Each event's own records (its own time, its At and OnDate claims), found once.
    records: dict[str, list[ClaimEntry]] = {eid: [] for eid in chronology.events}
    for c in claims:
        if c.kind in ("at", "on-date", "event"):
            for eid in c.events:
                records.setdefault(eid, []).append(c)
    events = tuple(
        _event_entry(chronology, reconciliation, event, records[event.id])
        for event in chronology.events.values()
    )
    conflicts = tuple(
        _conflict_entry(chronology, conf, claims) for conf in reconciliation.conflicts
    )
    return Report(
        title=chronology.title,
        consistent=bool(reconciliation.consistent),
        exact=bool(reconciliation.exact),
        tzdata=cr.tzdata_version(),
        zone_data=str(getattr(reconciliation, "zone_data", None) or "tzdata package"),
        events=events,
        claims=claims,
        conflicts=conflicts,
        drop=drop,
        preface=preface,
        warnings=tuple(str(w) for w in getattr(reconciliation, "warnings", ())),
        zones=tuple(claim_zones(chronology).values()),
    )


def _claim_order(chronology: Chronology, verdicts: Mapping[str, object]) -> list[str]:
    """Events' own times first (in event order), then claims as written, then zone premises."""
    order = dict.fromkeys(eid for eid in chronology.events if eid in verdicts)
    order.update(dict.fromkeys(cid for cid in chronology.claims if cid in verdicts))
    order.update(dict.fromkeys(verdicts))
    return list(order)


def _strip_preface(text: str) -> str:
    m = _PREFACE.match(text)
    return text[m.end() :] if m else text


def _with_labels(text: str, chronology: Chronology, eids: Iterable[str]) -> str:
    """``text`` with the ids ``eids``, used as nouns, replaced by their events' labels.

    A stopgap while verdicts word events by id: "the reims was" reads "the signing at
    Reims was". Ids inside other words, claim ids ("at:reims") and quotes are left alone.
    Only the events the text is about are looked for, so a report stays linear in size.
    """
    for eid in dict.fromkeys(eids):
        event = chronology.events.get(eid)
        label = None if event is None else getattr(event, "label", None)
        if label:
            pattern = rf"(?<![\w:'/#>-])(?:the )?{re.escape(eid)}(?![\w:'/#-])"
            text = re.sub(pattern, label.replace("\\", "\\\\"), text)
    return text


def _claim_entry(
    chronology: Chronology,
    reconciliation: Reconciliation,
    cid: str,
    conflicting: bool,
    dropped: bool,
) -> ClaimEntry:
    verdict = reconciliation.verdicts[cid]
    what = describe_record(chronology, reconciliation, cid)
    return ClaimEntry(
        id=cid,
        kind=what.kind,
        events=what.events,
        says=what.says,
        status=str(verdict.status),
        explanation=_with_labels(_strip_preface(verdict.explanation), chronology, what.events),
        source=what.source,
        note=what.note,
        weight=what.weight,
        dropped=dropped,
        conflicting=conflicting,
        zone=what.zone,
        given=what.given,
    )


def _bounds(reconciliation: Reconciliation, eid: str) -> tuple[int | None, int | None, str]:
    """(lower, upper, note): each known side of the tightened span, the other None."""
    span = reconciliation.bounds[eid]
    if span is not None:
        return span.start_us, span.end_us, ""
    note = reconciliation.unbounded.get(eid, "nothing bounds it")
    known = parse_utc(note)
    if known is None:
        return None, None, note
    if note.startswith("no lower bound"):
        # "at the latest" names the last instant the event may have had.
        return None, known + 1, note
    return known, None, note


def _event_entry(
    chronology: Chronology,
    reconciliation: Reconciliation,
    event: Event,
    about: list[ClaimEntry],
) -> EventEntry:
    lower, upper, note = _bounds(reconciliation, event.id)
    given_parts = [iv for c in about for iv in c.given]
    given = None
    if given_parts:
        given = (min(a for a, _ in given_parts), max(b for _, b in given_parts))
    zones: dict[str, Zone] = {}
    own = event_zone(chronology, event)
    if own is not None:
        zones[own.name] = own
    for c in about:
        claim = chronology.claims.get(c.id)
        zone = getattr(claim, "zone_used", None)
        if zone is not None and zone.name not in zones:
            zones[zone.name] = zone
    # Records written in the Old Style are read back in it, beside the Gregorian date.
    calendars = [getattr(chronology.claims.get(c.id), "calendar", "") for c in about]
    calendars.append(event.calendar)
    julian = any(str(cal).startswith("julian") for cal in calendars)
    readings = []
    for zone in zones.values():
        try:
            reading = LocalReading(
                zone.name,
                local_iso(lower, zone),
                local_iso(upper, zone),
                local_reading(lower, upper, zone, julian=julian),
            )
        except cr.ChronoError as exc:
            # A zone of record that starts later says nothing about earlier instants.
            reading = LocalReading(zone.name, None, None, f"not readable in {zone.name}: {exc}")
        if f"zone:{zone.name}" in reconciliation.drop:
            # The premise's offset was dropped: the reading uses it, so say so.
            text = f"{reading.text}, at the premise's offset, which is dropped"
            reading = LocalReading(reading.zone, reading.start, reading.end, text)
        readings.append(reading)
    return EventEntry(
        id=event.id,
        label=getattr(event, "label", None),
        lower=lower,
        upper=upper,
        given=given,
        readings=tuple(readings),
        note=note,
    )


def _conflict_entry(
    chronology: Chronology, conflict: cr.Conflict, claims: tuple[ClaimEntry, ...]
) -> ConflictEntry:
    by_id = {c.id: c for c in claims}
    parts = [by_id[cid] for cid in conflict.claims if cid in by_id]
    # The chain as the reconciliation tells it: absolute records first, then differences,
    # ending on the cheapest claim (the likeliest to give way).
    last = min(parts, key=lambda c: (c.weight, c.id), default=None)
    chain = sorted(
        (c for c in parts if c is not last),
        key=lambda c: (0 if c.kind in ("at", "on-date", "event") else 1, c.id),
    )
    if last is not None:
        chain.append(last)
    steps = [Step(c.id, f"{c.id}: {c.says}", c.source) for c in chain]
    eids = [eid for c in parts for eid in c.events]
    contradiction = _with_labels(_contradiction(conflict.explanation), chronology, eids)
    steps.append(Step(None, contradiction, None))
    return ConflictEntry(
        claims=tuple(conflict.claims),
        steps=tuple(steps),
        zones=tuple(conflict.zones),
        explanation=conflict.explanation,
    )


def _contradiction(explanation: str) -> str:
    """The end of a conflict's explanation: what the chain implies and how it fails."""
    text = explanation.split(_PREMISES, 1)[0]
    for marker in ("; so the ", "; but "):
        k = text.find(marker)
        if k >= 0:
            rest = text[k + 2 :]
            return rest[0].upper() + rest[1:]
    return text[0].upper() + text[1:] if text else text
