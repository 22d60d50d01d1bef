"""Compiling claims to network constraints: each claim becomes one or more options of edges.

Each event is a time point (microseconds since the epoch); node 0 of the network is the
epoch itself. Absolute claims (At, OnDate, an event's own ``when``) bound an event
against node 0; Before and Gap bound the difference of two events. A zone of record whose
premise is made soft gets a node of its own holding minus its offset, so that dropping the
premise frees the offset while the claims written on that clock still bind each other.

May import: the standard library, the flat modules below the chronology, ``..network``
and ``._problem``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from .._alternatives import Alternative
from .._claims import At, Before, Claim, Gap, OnDate
from .._errors import ChronoError
from .._spans import format_micros
from ..network import Edge, interval_edges, trusted_edge
from ..zones import Zone
from ._problem import EventAt, Problem

__all__ = [
    "ABSOLUTE",
    "DIFFERENCE",
    "Compiled",
    "Diff",
    "Entry",
    "compile_all",
    "compile_claim",
    "entry_id",
    "event_nodes",
    "extend_compiled",
    "full",
    "premise_edges",
    "zone_nodes",
]

_US = 10**6


@dataclass(slots=True)
class Compiled:
    """A claim as network options: each option is a list of edges; one option must hold."""

    cid: str
    claim: Claim
    weight: float
    options: list[list[Edge]]
    option_texts: Sequence[str]
    zone: Zone | None = None


# A compiled difference claim (Before, Gap) in its compact form: (id, weight, node of the
# first event, node of the second, least gap, greatest gap or None), all in microseconds.
# A tuple of ints, floats and strings drops out of the garbage collector's tracking where a
# Compiled object, and the Edge objects in it, never do: on the benchmark's 50,000 gap
# claims those objects set off full collections that cost as much as the solve itself.
# ``full`` makes the Compiled form when an explanation or a verdict needs it. It is the
# network's Interval shape, so the network takes it as it is.
Diff = tuple[str, float, int, int, int, int | None]
Entry = Compiled | Diff


def entry_id(entry: Entry) -> str:
    """The claim id of a compiled claim in either form."""
    return entry.cid if isinstance(entry, Compiled) else entry[0]


def full(problem: Problem, entry: Entry) -> Compiled:
    """The full form of a compiled claim (a compact difference claim gets its edges)."""
    if isinstance(entry, Compiled):
        return entry
    cid, weight = entry[0], entry[1]
    edges = [trusted_edge(*e) for e in interval_edges(entry)]
    return Compiled(cid, problem.claims[cid], weight, [edges], ())


DIFFERENCE = (Before, Gap)
ABSOLUTE = (At, OnDate)


def _differences(
    ids: Iterable[str], claims: Mapping[str, Claim], nodes: Mapping[str, int]
) -> list[Diff]:
    """The compact forms of the Before and Gap claims among ``ids`` (the others are
    At/OnDate, compiled in full). One comprehension, with no object per claim beyond the
    tuple: these are the bulk of a large chronology (50,000 on the benchmark), where a call
    or a (id, claim) pair per claim shows in the time."""
    return [
        (cid, float(c.weight), nodes[c.first], nodes[c.then], c.min_us, c.max_us)
        for cid in ids
        if isinstance(c := claims[cid], DIFFERENCE)
    ]


def event_nodes(problem: Problem) -> dict[str, int]:
    """Each event's node: 1, 2, ... in id order (node 0 is the epoch)."""
    return {eid: k + 1 for k, eid in enumerate(sorted(problem.events))}


def zone_nodes(problem: Problem, first: int) -> dict[str, int]:
    """Each soft zone premise's node, from ``first`` on in name order."""
    return {name: first + k for k, name in enumerate(sorted(problem.zone_weights))}


def premise_edges(problem: Problem, znodes: Mapping[str, int]) -> list[Edge]:
    """The soft zone premises: x_z = -offset, labelled ``zone:NAME`` so they can be dropped."""
    edges: list[Edge] = []
    for name, z in znodes.items():
        off = (problem.zones[name].fixed_offset or 0) * _US
        label = f"zone:{name}"
        edges += [Edge(0, z, -off, label), Edge(z, 0, off, label)]
    return edges


def compile_all(
    problem: Problem, nodes: Mapping[str, int], znodes: Mapping[str, int]
) -> tuple[list[Compiled], list[Diff]]:
    """Every event's own time and every claim, in id order: the full forms, then the
    compact difference claims (the bulk of a large chronology)."""
    events = problem.events
    full_forms = [
        _compile_event(problem, eid, nodes, znodes)
        for eid in sorted(events)
        if events[eid].resolved is not None
    ]
    claims = problem.claims
    ids = sorted(claims)
    full_forms += [
        _compile_absolute(problem, cid, nodes, znodes)
        for cid in ids
        if not isinstance(claims[cid], DIFFERENCE)
    ]
    return full_forms, _differences(ids, claims, nodes)


def _compile_event(
    problem: Problem, eid: str, nodes: Mapping[str, int], znodes: Mapping[str, int]
) -> Compiled:
    event = problem.events[eid]
    assert event.resolved is not None
    alts = event.alternatives
    return _absolute(
        cid=eid,
        claim=EventAt(eid),
        weight=event.weight,
        eid=eid,
        alts=alts,
        zone=event.resolved.zone,
        nodes=nodes,
        znodes=znodes,
    )


def compile_claim(
    problem: Problem, cid: str, nodes: Mapping[str, int], znodes: Mapping[str, int]
) -> Entry:
    """One claim, in its compact form when it is a difference claim."""
    claim = problem.claims[cid]
    if isinstance(claim, DIFFERENCE):
        # Kept compact, no edges until something asks for them (see Diff).
        return _differences((cid,), problem.claims, nodes)[0]
    return _compile_absolute(problem, cid, nodes, znodes)


def _compile_absolute(
    problem: Problem, cid: str, nodes: Mapping[str, int], znodes: Mapping[str, int]
) -> Compiled:
    claim = problem.claims[cid]
    weight = float(claim.weight)
    assert isinstance(claim, ABSOLUTE)
    span = problem.events[claim.event].span
    if isinstance(claim, At) and claim.time_of_day is not None and span is None:
        raise ChronoError(
            f"claim {cid}: a time of day without a date is read against the event's"
            f" own recorded time, and event {claim.event!r} has none"
        )
    lo, hi = (span.start_us, span.end_us) if span else (0, 1)
    alts = claim.intervals_near(lo, hi)
    return _absolute(cid, claim, weight, claim.event, alts, claim.zone_used, nodes, znodes)


def _absolute(
    cid: str,
    claim: Claim,
    weight: float,
    eid: str,
    alts: Sequence[Alternative],
    zone: Zone | None,
    nodes: Mapping[str, int],
    znodes: Mapping[str, int],
) -> Compiled:
    e = nodes[eid]
    options: list[list[Edge]] = []
    texts: list[str] = []
    soft = zone is not None and zone.name in znodes
    for alt in alts:
        for lo, hi in alt.intervals:
            if soft:
                assert zone is not None
                z = znodes[zone.name]
                off = zone.offset_seconds(lo // _US) * _US
                # instant = local - offset and x_z = -offset, so x_e - x_z = local.
                options.append([Edge(z, e, hi + off - 1, cid), Edge(e, z, -(lo + off), cid)])
            else:
                options.append([Edge(0, e, hi - 1, cid), Edge(e, 0, -lo, cid)])
            texts.append(
                alt.text if len(alt.intervals) == 1 else f"{alt.text} ({format_micros(lo)})"
            )
    if not options:
        raise ChronoError(f"claim {cid}: no instant satisfies it near the event's recorded time")
    return Compiled(cid, claim, weight, options, texts, zone)


# --- compiled lists that later reconciliations extend -------------------------------------


class _Shared(list[Entry]):
    """A list of compiled claims that later reconciliations extend in place.

    ``add`` appends one claim per call; copying 50,000 compiled claims each time would cost
    more than the update itself, so every Reconciliation keeps the shared list and the
    length it saw.
    """


def extend_compiled(compiled: Sequence[Entry], more: Entry) -> Sequence[Entry]:
    """``compiled`` plus ``more``, sharing the list with ``compiled`` where it can."""
    if isinstance(compiled, _View) and len(compiled) == len(compiled._shared):
        shared = compiled._shared
    else:
        shared = _Shared(compiled)
    shared.append(more)
    return _View(shared, len(shared))


class _View(Sequence[Entry]):
    """The first ``n`` compiled claims of a shared list: what one reconciliation saw."""

    def __init__(self, shared: _Shared, n: int) -> None:
        self._shared = shared
        self._n = n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, k: int) -> Entry:  # type: ignore[override]
        if not -self._n <= k < self._n:
            raise IndexError(k)
        return self._shared[k % self._n]

    def __iter__(self) -> Iterator[Entry]:
        return itertools.islice(iter(self._shared), self._n)
