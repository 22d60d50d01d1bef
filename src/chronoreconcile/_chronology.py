"""Reconciliation: many sources' claims to one consistent chronology, or the exact conflicts.

Each event is a time point (microseconds since the epoch); node 0 of the network is the
epoch itself. Absolute claims (At, OnDate, an event's own ``when``) bound an event
against node 0; Before and Gap bound the difference of two events. A zone of record whose
premise is made soft gets a node of its own holding minus its offset, so that dropping the
premise frees the offset while the claims written on that clock still bind each other.

Claims that allow several separate intervals (a repeated local time, "either 17:00 or
23:00", a date split by a transition) are disjunctions: the chronology is solved once per
combination of their options, up to ``case_limit`` combinations.
"""

from __future__ import annotations

import itertools
import json
import math
import time
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from ._claims import At, Before, Claim, Gap, OnDate, _Alternative
from ._errors import ChronoError, ParseError
from ._events import Event
from .network import (
    Edge,
    Network,
    Solution,
    interval_edges as _interval_edges,
    min_hitting_set as _min_hitting_set,
    min_weight_drop,
    trusted_edge as _edge,
)
from ._spans import Span, format_micros, local_range_intervals, merge_intervals
from ._verdicts import Status, UnknownEventError, Verdict, describe_local, judge, zone_phrase
from ._zones import Zone, format_offset, get_zone, parse_offset, tzdata_version, zone_of_record

__all__ = ["Chronology", "Conflict", "Reconciliation"]

_US = 10**6
DEFAULT_CASE_LIMIT = 1024


@dataclass(frozen=True, slots=True)
class Conflict:
    """A minimal set of claims that cannot all hold, with the chain of reasoning in words."""

    claims: tuple[str, ...]
    explanation: str
    zones: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{', '.join(self.claims)}: {self.explanation}"


@dataclass(slots=True)
class _Compiled:
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
# _Compiled object, and the Edge objects in it, never do: on the benchmark's 50,000 gap
# claims those objects set off full collections that cost as much as the solve itself.
# ``_full`` makes the _Compiled form when an explanation or a verdict needs it.
_Diff = tuple[str, float, int, int, int, int | None]
_Entry = _Compiled | _Diff


def _cid(entry: _Entry) -> str:
    return entry.cid if isinstance(entry, _Compiled) else entry[0]


def _full(chronology: Chronology, entry: _Entry) -> _Compiled:
    if isinstance(entry, _Compiled):
        return entry
    cid, weight = entry[0], entry[1]
    edges = [_edge(*e) for e in _interval_edges(entry)]
    return _Compiled(cid, chronology.claims[cid], weight, [edges], ())


_DIFFERENCE = (Before, Gap)
_ABSOLUTE = (At, OnDate)


def _differences(
    ids: Iterable[str], claims: Mapping[str, Claim], nodes: Mapping[str, int]
) -> list[_Diff]:
    """The compact forms of the Before and Gap claims among ``ids`` (the others are
    At/OnDate, compiled in full). One comprehension, with no object per claim beyond the
    tuple: these are the bulk of a large chronology (50,000 on the benchmark), where a call
    or a (id, claim) pair per claim shows in the time."""
    return [
        (cid, float(c.weight), nodes[c.first], nodes[c.then], c.min_us, c.max_us)
        for cid in ids
        if isinstance(c := claims[cid], _DIFFERENCE)
    ]


class Chronology:
    """Events plus claims; :meth:`reconcile` says whether they agree and what they imply.

    >>> import chronoreconcile as cr
    >>> front = cr.zone_of_record("front", "+10:00")
    >>> chronology = cr.Chronology(
    ...     events=[cr.Event("invasion"), cr.Event("declaration")],
    ...     claims=[
    ...         cr.At("invasion", "1945-08-09T00:01", front, id="inv-time"),
    ...         cr.Gap("invasion", "declaration", "5h30m", "6h", id="nearly-six"),
    ...         cr.At("declaration", "1945-08-08T23:00", "Europe/Moscow", id="msk-11pm"),
    ...     ],
    ... )
    >>> result = chronology.reconcile()
    >>> result.consistent, result.bounds["declaration"]
    (True, Span(1945-08-08T20:00Z, 1945-08-08T20:01Z))

    ``zones`` names zones of record (``{"front": zone}``); ``zone_weights`` makes a zone's
    premise soft, so that it can be dropped like a claim (its offset then becomes unknown
    while claims on that clock still bind each other). ``case_limit`` bounds the
    combinations of disjunctive claims tried.
    """

    def __init__(
        self,
        events: Iterable[Event] = (),
        claims: Iterable[Claim] = (),
        zones: Mapping[str, Zone | str] | Iterable[Zone] | None = None,
        *,
        zone_weights: Mapping[str, float] | None = None,
        title: str = "",
        case_limit: int = DEFAULT_CASE_LIMIT,
        max_seconds: float = 20.0,
    ) -> None:
        self.title = title
        self.case_limit = case_limit
        self.max_seconds = max_seconds
        self.events: dict[str, Event] = {}
        for e in events:
            if not isinstance(e, Event):
                raise ChronoError(f"Chronology events must be Event objects, got {e!r}")
            if e.id in self.events:
                raise ChronoError(f"two events share the id {e.id!r}")
            self.events[e.id] = e
        self.zones: dict[str, Zone] = {}
        if isinstance(zones, Mapping):
            for name, z in zones.items():
                # A name mapped to an offset is a zone of record of that name.
                if isinstance(z, str) and parse_offset(z) is not None:
                    self.zones[name] = zone_of_record(name, z)
                else:
                    self.zones[name] = get_zone(z)
        elif zones is not None:
            for z in zones:
                zone = get_zone(z)
                self.zones[zone.name] = zone
        self.zone_weights = dict(zone_weights or {})
        for name, w in self.zone_weights.items():
            if name not in self.zones:
                raise ChronoError(f"zone_weights names {name!r}, which is not among the zones")
            zone = self.zones[name]
            if zone.kind == "iana" or zone.fixed_offset is None:
                raise ChronoError(
                    f"zone {name!r}: only a zone with one fixed offset can have a soft premise"
                )
            if isinstance(w, bool) or not isinstance(w, int | float) or not w > 0:
                raise ChronoError(f"zone {name!r}: weight must be a positive number, got {w!r}")
        self.claims: dict[str, Claim] = {}
        for c in claims:
            self._add_claim(c)
        self._last: Reconciliation | None = None

    def _add_claim(self, claim: Claim) -> str:
        if not isinstance(claim, Claim):
            raise ChronoError(f"expected a claim (At, OnDate, Before or Gap), got {claim!r}")
        for eid in claim.events:
            if eid not in self.events:
                raise UnknownEventError(
                    f"claim {claim.label()} names the unknown event {eid!r}; known events: "
                    + (", ".join(sorted(self.events)) or "none")
                )
        cid = claim.id
        if cid is None:
            base = claim.default_id()
            cid, k = base, 2
            while cid in self.claims or cid in self.events:
                cid, k = f"{base}#{k}", k + 1
        elif cid in self.claims or (cid in self.events and self.events[cid].when is not None):
            raise ChronoError(f"two claims share the id {cid!r} (an event's own time has its id)")
        self.claims[cid] = claim
        return cid

    # -- loading -------------------------------------------------------------------------

    @classmethod
    def from_file(cls, path: str | Path) -> Chronology:
        """Read a chronology from a TOML or JSON file (the format in the reference docs)."""
        p = Path(path)
        try:
            raw = p.read_bytes()
        except OSError as exc:
            raise ChronoError(f"cannot read {str(p)!r}: {exc.strerror or exc}") from exc
        if len(raw) > 50 * 2**20:
            raise ChronoError(f"{str(p)!r} is larger than 50 MiB; not a chronology file")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(str(p), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        try:
            data = json.loads(text) if p.suffix.lower() == ".json" else tomllib.loads(text)
        except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ParseError(
                str(p), f"malformed {p.suffix.lstrip('.').upper() or 'TOML'}: {exc}"
            ) from None
        return cls.from_dict(data, where=str(p))

    @classmethod
    def from_dict(cls, data: object, *, where: str = "chronology") -> Chronology:
        """Build a chronology from the file format's keys, already parsed."""
        from ._loading import load

        events, claims, zones, weights, title = load(data, where)
        try:
            return cls(events, claims, zones, zone_weights=weights, title=title)
        except ChronoError as exc:
            exc.args = (f"{where}: {exc}",)
            raise

    # -- compiling -------------------------------------------------------------------------

    def _node_of(self) -> dict[str, int]:
        return {eid: k + 1 for k, eid in enumerate(sorted(self.events))}

    def _compile(
        self, nodes: Mapping[str, int], znodes: Mapping[str, int]
    ) -> tuple[list[_Compiled], list[_Diff]]:
        """Every event's own time and every claim, in id order: the full forms, then the
        compact difference claims (the bulk of a large chronology)."""
        full = [
            self._compile_event(eid, nodes, znodes)
            for eid in sorted(self.events)
            if self.events[eid].resolved is not None
        ]
        claims = self.claims
        ids = sorted(claims)
        full += [
            self._compile_absolute(cid, nodes, znodes)
            for cid in ids
            if not isinstance(claims[cid], _DIFFERENCE)
        ]
        return full, _differences(ids, claims, nodes)

    def _compile_event(
        self, eid: str, nodes: Mapping[str, int], znodes: Mapping[str, int]
    ) -> _Compiled:
        event = self.events[eid]
        assert event.resolved is not None
        alts = _event_alternatives(event)
        return self._absolute(
            eid, _EventAt(eid), event.weight, eid, alts, event.resolved.zone, nodes, znodes
        )

    def _compile_claim(
        self, cid: str, nodes: Mapping[str, int], znodes: Mapping[str, int]
    ) -> _Entry:
        claim = self.claims[cid]
        if isinstance(claim, _DIFFERENCE):
            # Kept compact, no edges until something asks for them (see _Diff).
            return _differences((cid,), self.claims, nodes)[0]
        return self._compile_absolute(cid, nodes, znodes)

    def _compile_absolute(
        self, cid: str, nodes: Mapping[str, int], znodes: Mapping[str, int]
    ) -> _Compiled:
        claim = self.claims[cid]
        weight = float(claim.weight)
        assert isinstance(claim, _ABSOLUTE)
        span = self.events[claim.event].span
        if isinstance(claim, At) and claim.time_of_day is not None and span is None:
            raise ChronoError(
                f"claim {cid}: a time of day without a date is read against the event's"
                f" own recorded time, and event {claim.event!r} has none"
            )
        lo, hi = (span.start_us, span.end_us) if span else (0, 1)
        alts = claim.intervals_near(lo, hi)
        return self._absolute(cid, claim, weight, claim.event, alts, claim.zone_used, nodes, znodes)

    def _absolute(
        self,
        cid: str,
        claim: Claim,
        weight: float,
        eid: str,
        alts: Sequence[_Alternative],
        zone: Zone | None,
        nodes: Mapping[str, int],
        znodes: Mapping[str, int],
    ) -> _Compiled:
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
            raise ChronoError(
                f"claim {cid}: no instant satisfies it near the event's recorded time"
            )
        return _Compiled(cid, claim, weight, options, texts, zone)

    # -- reconciling -----------------------------------------------------------------------

    def reconcile(self) -> Reconciliation:
        """Check every claim together: consistency, tightest bounds, verdicts, conflicts, drop."""
        nodes = self._node_of()
        znodes = {name: len(nodes) + 1 + k for k, name in enumerate(sorted(self.zone_weights))}
        n = len(nodes) + 1 + len(znodes)
        premise_edges: list[Edge] = []
        for name, z in znodes.items():
            off = (self.zones[name].fixed_offset or 0) * _US
            label = f"zone:{name}"
            premise_edges += [Edge(0, z, -off, label), Edge(z, 0, off, label)]
        full, diffs = self._compile(nodes, znodes)
        result = _solve(self, full, diffs, nodes, znodes, n, premise_edges)
        self._last = result
        return result

    def add(self, claim: Claim) -> Reconciliation:
        """Add one claim and re-check only what it changes; returns the new reconciliation.

        A Before, a Gap or a single-interval At/OnDate on a consistent chronology updates the
        network in place (bounds propagate only where they tighten); anything else, or a claim
        that breaks consistency, reconciles afresh.
        """
        cid = self._add_claim(claim)
        last = self._last
        if last is None or not last.consistent or last._network is None:
            return self.reconcile()
        nodes, znodes = last._nodes, last._znodes
        compiled = _full(self, self._compile_claim(cid, nodes, znodes))
        if len(compiled.options) != 1:
            return self.reconcile()
        network = last._network
        sol = last._solution
        for edge in compiled.options[0]:
            sol = network.add_incremental(edge)
            if not sol.consistent:
                return self.reconcile()
        result = Reconciliation(
            self,
            sol,
            network,
            nodes,
            znodes,
            _extend(last._compiled, compiled),
            conflicts=(),
            drop=(),
            exact=True,
            cases=last._cases,
        )
        self._last = result
        return result


@dataclass(frozen=True, slots=True)
class _EventAt(Claim):
    """An event's own recorded time, seen as an "at" claim with the event's id."""

    event: str
    id: str | None = None
    source: str | None = None
    weight: float = 1.0

    kind = "at"

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", self.event)

    @property
    def events(self) -> tuple[str, ...]:
        return (self.event,)


class _Shared(list[_Entry]):
    """A list of compiled claims that later reconciliations extend in place.

    ``add`` appends one claim per call; copying 50,000 compiled claims each time would cost
    more than the update itself, so every Reconciliation keeps the shared list and the
    length it saw.
    """


def _extend(compiled: Sequence[_Entry], more: _Entry) -> Sequence[_Entry]:
    if isinstance(compiled, _View) and len(compiled) == len(compiled._shared):
        shared = compiled._shared
    else:
        shared = _Shared(compiled)
    shared.append(more)
    return _View(shared, len(shared))


class _View(Sequence[_Entry]):
    """The first ``n`` compiled claims of a shared list: what one reconciliation saw."""

    def __init__(self, shared: _Shared, n: int) -> None:
        self._shared = shared
        self._n = n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, k: int) -> _Entry:  # type: ignore[override]
        if not -self._n <= k < self._n:
            raise IndexError(k)
        return self._shared[k % self._n]

    def __iter__(self) -> Iterator[_Entry]:
        return itertools.islice(iter(self._shared), self._n)


def _event_alternatives(event: Event) -> list[_Alternative]:
    resolved = event.resolved
    assert resolved is not None
    span = resolved.span
    local, zone = resolved.local, resolved.zone
    if local is None or zone is None:
        return [_Alternative(str(event.when), ((span.start_us, span.end_us),))]
    intervals = local_range_intervals(
        local.start_us, local.end_us, zone, disambiguation=event.disambiguation
    )
    pad = intervals[0][0] - span.start_us
    if pad:
        intervals = merge_intervals([(a - pad, b + pad) for a, b in intervals])
    return [_Alternative(local.text, tuple(intervals))]


# --- solving ------------------------------------------------------------------------------


def _solve(
    chronology: Chronology,
    full: list[_Compiled],
    diffs: list[_Diff],
    nodes: Mapping[str, int],
    znodes: Mapping[str, int],
    n: int,
    premise_edges: list[Edge],
) -> Reconciliation:
    entries: list[_Entry] = [*full, *diffs]
    single: list[_Compiled] = [c for c in full if len(c.options) == 1]
    multi: list[_Compiled] = [c for c in full if len(c.options) > 1]
    raw: list[tuple[int, int, int, str | None]] = list(premise_edges)
    for c in single:
        raw += c.options[0]
    weights: dict[str, float] = {c.cid: c.weight for c in full}
    weights.update({c[0]: c[1] for c in diffs})
    hard = {cid for cid, weight in weights.items() if weight == math.inf}
    for cid in hard:
        del weights[cid]
    for name in znodes:
        weights[f"zone:{name}"] = float(chronology.zone_weights[name])
    count = math.prod(len(c.options) for c in multi)
    if count > chronology.case_limit:
        raise ChronoError(
            f"{len(multi)} claims with alternatives make {count} cases to try, more than the"
            f" limit of {chronology.case_limit}: "
            + ", ".join(f"{c.cid} ({len(c.options)})" for c in multi)
            + "; narrow them or raise case_limit"
        )
    if not multi:
        network = Network.from_trusted(n, raw, diffs)
        sol = network.solve()
        if sol.consistent:
            return Reconciliation(
                chronology, sol, network, nodes, znodes, entries, (), (), True, None
            )
    # Conflicts and cases: every claim in its full form from here on.
    compiled = [_full(chronology, c) for c in entries]
    if multi:
        return _solve_cases(
            chronology,
            compiled,
            [c for c in compiled if len(c.options) == 1],
            multi,
            nodes,
            znodes,
            n,
            premise_edges,
            weights,
            hard,
        )
    drop = min_weight_drop(network, weights, hard=hard, max_seconds=chronology.max_seconds)
    network2 = network.without(drop.labels)
    sol2 = network2.solve()
    conflicts = tuple(
        _explain(chronology, set(labels), compiled, nodes, znodes, n, premise_edges)
        for labels in drop.conflicts
    )
    return Reconciliation(
        chronology, sol2, None, nodes, znodes, compiled, conflicts, drop.labels, drop.exact, None
    )


def _case_solutions(
    n: int, base: list[Edge], multi: Sequence[_Compiled], dropped: frozenset[str] = frozenset()
) -> Iterator[tuple[tuple[int, ...], Solution]]:
    live = [c for c in multi if c.cid not in dropped]
    base_edges = [e for e in base if e.label not in dropped]
    for choice in itertools.product(*(range(len(c.options)) for c in live)):
        edges = list(base_edges)
        for c, k in zip(live, choice, strict=True):
            edges += c.options[k]
        yield choice, Network(n, edges).solve()


def _solve_cases(
    chronology: Chronology,
    compiled: list[_Compiled],
    single: list[_Compiled],
    multi: list[_Compiled],
    nodes: Mapping[str, int],
    znodes: Mapping[str, int],
    n: int,
    premise_edges: list[Edge],
    weights: Mapping[str, float],
    hard: set[str],
) -> Reconciliation:
    base = premise_edges + [e for c in single for e in c.options[0]]

    def consistent(dropped: frozenset[str]) -> bool:
        return any(sol.consistent for _, sol in _case_solutions(n, base, multi, dropped))

    labels = sorted({c.cid for c in compiled} | {f"zone:{z}" for z in znodes})
    drop: frozenset[str] = frozenset()
    conflicts: list[tuple[str, ...]] = []
    exact = True
    deadline = time.perf_counter() + chronology.max_seconds
    cost = {label: Fraction(weights.get(label, 1.0)) for label in labels if label not in hard}
    while not consistent(drop):
        # Deletion-based shrinking: a claim stays in the conflict only if the rest,
        # without it, would be consistent.
        keep = [label for label in labels if label not in drop]
        core = list(keep)
        for label in keep:
            trial = [x for x in core if x != label]
            if not consistent(frozenset(labels) - set(trial)):
                core = trial
        conflict = tuple(sorted(core))
        droppable = frozenset(conflict) - hard
        if not droppable:
            raise ChronoError(
                "the chronology cannot be made consistent: the hard claims "
                + ", ".join(repr(c) for c in conflict)
                + " contradict each other"
            )
        conflicts.append(conflict)
        hit, optimal = _min_hitting_set([frozenset(c) - hard for c in conflicts], cost, deadline)
        exact = exact and optimal
        drop = hit
        if time.perf_counter() > deadline:
            exact = False
    best: list[tuple[tuple[int, ...], Solution]] = [
        (choice, sol) for choice, sol in _case_solutions(n, base, multi, drop) if sol.consistent
    ]
    live = [c for c in multi if c.cid not in drop]
    merged = _merge_solutions([sol for _, sol in best], n)
    surviving = {
        c.cid: tuple(sorted({c.option_texts[choice[k]] for choice, _ in best}))
        for k, c in enumerate(live)
    }
    explained = tuple(
        _explain(chronology, set(c), compiled, nodes, znodes, n, premise_edges) for c in conflicts
    )
    return Reconciliation(
        chronology,
        merged,
        None,
        nodes,
        znodes,
        compiled,
        explained,
        tuple(sorted(drop)),
        exact,
        surviving,
    )


def _merge_solutions(solutions: Sequence[Solution], n: int) -> Solution:
    """The hull of several cases' bounds: each event may lie wherever some case allows."""
    hi: list[int | None] = []
    lo: list[int | None] = []
    for v in range(n):
        his = [s.hi[v] for s in solutions]
        los = [s.lo[v] for s in solutions]
        hi.append(None if any(h is None for h in his) else max(h for h in his if h is not None))
        lo.append(None if any(x is None for x in los) else min(x for x in los if x is not None))
    return Solution(True, (), solutions[0].potential, tuple(hi), tuple(lo))


# --- explaining a conflict ----------------------------------------------------------------


def _explain(
    chronology: Chronology,
    labels: set[str],
    compiled: list[_Compiled],
    nodes: Mapping[str, int],
    znodes: Mapping[str, int],
    n: int,
    premise_edges: list[Edge],
) -> Conflict:
    """Walk the chain: what the other claims of the conflict imply, and how the last one differs."""
    parts = [c for c in compiled if c.cid in labels]
    # The claim the explanation ends on: the cheapest (the likeliest to give way), then by id.
    last = min(parts, key=lambda c: (c.weight, c.cid), default=None)
    premises = [f"zone:{z}" for z in znodes if f"zone:{z}" in labels]
    zones_used = _zone_premises(parts, chronology, premises)
    if last is None:
        text = "the zone premises " + ", ".join(premises) + " contradict each other"
        return Conflict(tuple(sorted(labels)), text, tuple(zones_used))
    others = [c for c in parts if c is not last]
    edges = [e for e in premise_edges if e.label in labels or e.label is None]
    edges += (
        [e for c in others for e in c.options[0]]
        if all(len(c.options) == 1 for c in others)
        else []
    )
    steps = []
    for c in sorted(others, key=lambda c: _chain_rank(c, last)):
        steps.append(_statement(c))
    spans: dict[str, Span | None] = {}
    if all(len(c.options) == 1 for c in others):
        sol = Network(n, edges).solve()
        if sol.consistent:
            for eid in last.claim.events:
                v = nodes[eid]
                lo, hi = sol.lo[v], sol.hi[v]
                spans[eid] = None if lo is None or hi is None else Span(lo, hi + 1)
    if all(spans.get(e) is not None for e in last.claim.events) and spans:
        derived = "; ".join(
            f"so the {eid} was {_span_text(span)}" for eid, span in spans.items() if span
        )
        if isinstance(last.claim, _EventAt):
            (eid,) = last.claim.events
            ending = f"{derived}; but {eid}'s own record says {' or '.join(last.option_texts)}"
            if last.zone is not None:
                ending += f" {zone_phrase(last.zone)}"
        else:
            ending = f"{derived}; {last.cid}: {judge(last.claim, spans).explanation}"
    else:
        ending = f"but {_statement(last)}"
    text = "; ".join([*steps, ending])
    if zones_used:
        text += ". This rests on the zone premises: " + "; ".join(zones_used)
    return Conflict(tuple(sorted(labels)), text, tuple(zones_used))


def _chain_rank(c: _Compiled, last: _Compiled) -> tuple[int, str]:
    # Absolute claims first (they anchor the chain), then differences.
    return (0 if isinstance(c.claim, At | OnDate | _EventAt) else 1, c.cid)


def _statement(c: _Compiled) -> str:
    claim = c.claim
    if isinstance(claim, Gap | Before):
        return f"{c.cid} puts the {claim.describe()}"
    if isinstance(claim, At | OnDate | _EventAt):
        eid = claim.events[0]
        texts = " or ".join(c.option_texts)
        zone = f" {c.zone.phrase}" if c.zone else ""
        if all(e.u == 0 or e.v == 0 for opt in c.options for e in opt):
            ranges = " or ".join(_span_text(Span(-opt[1].w, opt[0].w + 1)) for opt in c.options)
            return f"{c.cid} puts the {eid} at {texts}{zone}, that is {ranges}"
        return f"{c.cid} puts the {eid} at {texts}{zone}"
    return c.cid


def _span_text(span: Span) -> str:
    if span.end_us - span.start_us <= 60 * _US:
        return format_micros(span.start_us)
    return f"{format_micros(span.start_us)} to {format_micros(span.end_us)}"


def _zone_premises(
    parts: Sequence[_Compiled], chronology: Chronology, premises: list[str]
) -> list[str]:
    seen: dict[str, str] = {}
    for c in parts:
        z = c.zone
        if z is None or z.name in seen:
            continue
        events = c.claim.events[0]
        lo = (
            min(-opt[1].w for opt in c.options) if all(opt[1].v == 0 for opt in c.options) else None
        )
        if lo is not None:
            off = z.offset_seconds(lo // _US)
            offset = format_offset(off)
        else:
            offset = format_offset(z.offset_seconds(0))
        if z.kind == "iana":
            link = f", where {z.name.split('/')[-1]} is a link to {z.target}" if z.target else ""
            text = f"{events} in {z.name}: {offset} per tzdata {tzdata_version()}{link}"
        elif (
            z.kind == "record"
            and z.name in chronology.zone_weights
            and (f"zone:{z.name}" not in premises)
        ):
            # A soft premise outside the conflict: the claims on this clock contradict each
            # other whatever its offset.
            text = f"{events} {z.phrase}: one clock throughout, whatever its offset"
        elif z.kind == "record":
            soft = f"zone:{z.name}" in premises
            text = f"{events} {z.phrase}: {offset}, a zone of record" + (" (soft)" if soft else "")
            if z.note:
                text += f" ({z.note})"
        else:
            text = f"{events} at the fixed offset {offset}"
        seen[z.name] = text
    return list(seen.values())


# --- the result ---------------------------------------------------------------------------


class _Bounds(Mapping[str, Span | None]):
    """Tightest span per event id, made on access (a chronology may hold 10,000 events)."""

    def __init__(self, result: Reconciliation) -> None:
        self._r = result

    def __getitem__(self, eid: str) -> Span | None:
        r = self._r
        if eid not in r._nodes:
            raise UnknownEventError(
                f"no event {eid!r} in this chronology; known events: "
                + ", ".join(sorted(r._nodes)[:20])
            )
        v = r._nodes[eid]
        lo, hi = r._solution.lo[v], r._solution.hi[v]
        if lo is None or hi is None:
            return None
        return Span(lo, hi + 1)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._r._nodes))

    def __len__(self) -> int:
        return len(self._r._nodes)


class Reconciliation:
    """What reconciling a chronology found.

    ``consistent``: whether all claims can hold together. ``bounds[id]``: the tightest span
    of each event that the claims allow (after dropping ``drop`` when inconsistent), None
    when the claims leave it unbounded, with ``unbounded[id]`` saying on which side.
    ``verdicts[claim_id]``: one verdict per claim, an event's own time included.
    ``conflicts``: minimal sets of claims that cannot hold together, explained.
    ``drop``: a cheapest set of claims to remove (``exact`` False if a limit stopped the
    search before proving it cheapest).
    """

    def __init__(
        self,
        chronology: Chronology,
        solution: Solution,
        network: Network | None,
        nodes: Mapping[str, int],
        znodes: Mapping[str, int],
        compiled: Sequence[_Entry],
        conflicts: Sequence[Conflict],
        drop: Sequence[str],
        exact: bool,
        cases: Mapping[str, tuple[str, ...]] | None,
    ) -> None:
        self._chronology = chronology
        self._solution = solution
        self._network = network
        self._nodes = dict(nodes)
        self._znodes = dict(znodes)
        self._compiled = compiled
        self._cases = cases
        self.conflicts: tuple[Conflict, ...] = tuple(conflicts)
        self.drop: tuple[str, ...] = tuple(drop)
        self.exact = exact
        self.consistent = not self.drop
        self.bounds: Mapping[str, Span | None] = _Bounds(self)
        self._verdicts: dict[str, Verdict] | None = None

    @property
    def tzdata(self) -> str:
        """The tzdata release the zones came from."""
        return tzdata_version()

    @property
    def unbounded(self) -> dict[str, str]:
        """For each event the claims leave open: which side ("no lower bound", ...)."""
        out = {}
        for eid, v in self._nodes.items():
            lo, hi = self._solution.lo[v], self._solution.hi[v]
            if lo is None and hi is None:
                out[eid] = "nothing bounds it"
            elif lo is None:
                out[eid] = f"no lower bound; at the latest {format_micros(hi or 0)}"
            elif hi is None:
                out[eid] = f"no upper bound; at the earliest {format_micros(lo)}"
        return out

    @property
    def verdicts(self) -> dict[str, Verdict]:
        """A verdict for every claim, keyed by claim id (an event's own time by event id)."""
        if self._verdicts is None:
            self._verdicts = self._judge_all()
        return self._verdicts

    def _judge_all(self) -> dict[str, Verdict]:
        spans = {eid: self.bounds[eid] for eid in self._nodes}
        dropped = set(self.drop)
        out: dict[str, Verdict] = {}
        for entry in sorted(self._compiled, key=_cid):
            c = _full(self._chronology, entry)
            claim_spans = {e: spans[e] for e in c.claim.events}
            if c.zone is not None and f"zone:{c.zone.name}" in dropped:
                # Its clock's offset is no longer the premise: reading the event's span on
                # that clock at the premise's offset would contradict the drop.
                (eid,) = c.claim.events
                span = claim_spans[eid]
                when = f"; the {eid} was {_span_text(span)}" if span else ""
                base = Verdict(
                    c.cid,
                    Status.HOLDS,
                    f"{c.zone.name} time has no premise offset once zone:{c.zone.name} is"
                    f" dropped; the claims kept put it at {self._free_offset(c.zone.name)}"
                    f"{when}",
                )
            elif isinstance(c.claim, _EventAt):
                base = _event_verdict(c, claim_spans)
            else:
                base = judge(
                    c.claim, claim_spans, bounded="bounded", assume_holds=c.cid not in dropped
                )
            cases = tuple(self._cases.get(c.cid, ())) if self._cases else ()
            if c.cid in dropped:
                with_ = [
                    ", ".join(x for x in conf.claims if x != c.cid)
                    for conf in self.conflicts
                    if c.cid in conf.claims
                ]
                text = (
                    f"cannot hold together with {'; with '.join(with_)}; dropped at weight"
                    f" {c.weight:g}. Without it, {base.explanation}"
                )
                out[c.cid] = Verdict(c.cid, Status.FAILS, text, ())
            else:
                verb = "is" if len(self.drop) == 1 else "are"
                prefix = "" if self.consistent else f"once {', '.join(self.drop)} {verb} dropped: "
                text = prefix + base.explanation
                if cases:
                    text += "; cases that remain: " + ", ".join(cases)
                out[c.cid] = Verdict(c.cid, Status.HOLDS, text, cases)
        for name in sorted(self._znodes):
            label = f"zone:{name}"
            zone = self._chronology.zones[name]
            if label in dropped:
                weight = self._chronology.zone_weights[name]
                out[label] = Verdict(
                    label,
                    Status.FAILS,
                    f"premise: {zone.describe()}; dropped at weight {weight:g}: the claims kept"
                    f" put the offset at {self._free_offset(name)}",
                )
            else:
                out[label] = Verdict(label, Status.HOLDS, f"premise: {zone.describe()}")
        return out

    def _free_offset(self, name: str) -> str:
        """The offsets of a soft zone's clock that the solution allows, rounded outward."""
        z = self._znodes[name]
        lo, hi = self._solution.lo[z], self._solution.hi[z]
        # x_z = -offset (microseconds), so the offset runs from -hi to -lo.
        low = None if hi is None else format_offset(-hi // _US)
        high = None if lo is None else format_offset(-(lo // _US))
        if low is None and high is None:
            return "any offset"
        if low is None:
            return f"at most {high}"
        if high is None:
            return f"at least {low}"
        return low if low == high else f"{low} to {high}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON report: consistent, tzdata, events, claims, conflicts, drop."""
        events = {}
        for eid in sorted(self._nodes):
            span = self.bounds[eid]
            events[eid] = (
                {"start": span.start.isoformat(), "end": span.end.isoformat()}
                if span
                else {"start": None, "end": None, "note": self.unbounded.get(eid, "")}
            )
        return {
            "consistent": self.consistent,
            "tzdata": self.tzdata,
            "events": events,
            "claims": {
                cid: {"status": str(v.status), "explanation": v.explanation}
                for cid, v in self.verdicts.items()
            },
            "conflicts": [
                {"claims": list(c.claims), "explanation": c.explanation} for c in self.conflicts
            ],
            "drop": list(self.drop),
        }

    def report(self) -> str:
        """The reconciliation as text a historian can read."""
        lines = []
        title = self._chronology.title
        if title:
            lines.append(title)
        state = "consistent" if self.consistent else "inconsistent"
        lines.append(f"{state} (tzdata {self.tzdata})")
        lines.append("events:")
        for eid in sorted(self._nodes):
            span = self.bounds[eid]
            lines.append(f"  {eid}: {span!r}" if span else f"  {eid}: {self.unbounded.get(eid)}")
        lines.append("claims:")
        for cid, v in self.verdicts.items():
            lines.append(f"  {cid}: {v.status} — {v.explanation}")
        if self.conflicts:
            lines.append("conflicts:")
            for c in self.conflicts:
                lines.append(f"  {', '.join(c.claims)}: {c.explanation}")
            lines.append(
                "drop: "
                + ", ".join(self.drop)
                + ("" if self.exact else " (best found; limit reached)")
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Reconciliation(consistent={self.consistent}, conflicts={len(self.conflicts)}, drop={list(self.drop)})"


def _event_verdict(c: _Compiled, spans: Mapping[str, Span | None]) -> Verdict:
    (eid,) = c.claim.events
    span = spans[eid]
    if span is None:
        return Verdict(eid, Status.UNDETERMINED, "unbounded")
    zone = c.zone
    where = (
        f"{zone_phrase(zone)} it was {describe_local(span.start_us, span.end_us, zone)}"
        if zone
        else f"it was {_span_text(span)}"
    )
    return Verdict(eid, Status.HOLDS, f"recorded as {' or '.join(c.option_texts)}; {where}")
