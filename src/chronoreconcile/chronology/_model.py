"""The Chronology value: events, claims and zones, and the two ways to reconcile them.

File reading is delegated to ``.._loading``; compiling, solving and the result live in the
package's other modules, which take the chronology's ``Problem`` rather than the
Chronology itself.

May import: the standard library, the flat modules below the chronology (``_loading``
only inside ``from_dict``, which it serves), ``..network`` and every other module of the
package; none of them imports this one.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .._claims import Claim
from .._errors import ChronoError, ParseError
from .._events import Event, UnknownEventError
from ..zones import Zone, get_zone, parse_offset, zone_of_record
from ._compile import (
    compile_all,
    compile_claim,
    event_nodes,
    extend_compiled,
    full,
    premise_edges,
    zone_nodes,
)
from ._problem import DEFAULT_CASE_LIMIT, Problem
from ._result import Reconciliation, Workings, workings
from ._solve import solve

__all__ = ["Chronology"]


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

    A chronology pickles with its events, claims and zones (not its last reconciliation).
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

    def __getstate__(self) -> dict[str, Any]:
        # The last reconciliation is a cache for add(), not part of the chronology.
        state = dict(self.__dict__)
        state["_last"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

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

    def _problem(self) -> Problem:
        """The chronology as the other modules see it: read-only views, no copies."""
        return Problem(
            MappingProxyType(self.events),
            MappingProxyType(self.claims),
            MappingProxyType(self.zones),
            MappingProxyType(self.zone_weights),
            self.title,
            self.case_limit,
            self.max_seconds,
        )

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
        from .._loading import load

        events, claims, zones, weights, title = load(data, where)
        try:
            return cls(events, claims, zones, zone_weights=weights, title=title)
        except ChronoError as exc:
            exc.args = (f"{where}: {exc}",)
            raise

    # -- reconciling -----------------------------------------------------------------------

    def reconcile(self) -> Reconciliation:
        """Check every claim together: consistency, tightest bounds, verdicts, conflicts, drop."""
        problem = self._problem()
        nodes = event_nodes(problem)
        znodes = zone_nodes(problem, len(nodes) + 1)
        n = len(nodes) + 1 + len(znodes)
        premises = premise_edges(problem, znodes)
        compiled, diffs = compile_all(problem, nodes, znodes)
        result = solve(problem, compiled, diffs, nodes, znodes, n, premises)
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
        work = None if last is None else workings(last)
        if last is None or not last.consistent or work is None or work.network is None:
            return self.reconcile()
        problem = work.problem
        if (problem.title, problem.case_limit, problem.max_seconds) != (
            self.title,
            self.case_limit,
            self.max_seconds,
        ):
            problem = self._problem()  # the views are live; only these few values can differ
        nodes, znodes = work.nodes, work.znodes
        compiled = full(problem, compile_claim(problem, cid, nodes, znodes))
        if len(compiled.options) != 1:
            return self.reconcile()
        network = work.network
        sol = work.solution
        for edge in compiled.options[0]:
            sol = network.add_incremental(edge)
            if not sol.consistent:
                return self.reconcile()
        more = Workings(
            problem,
            sol,
            network,
            nodes,
            znodes,
            extend_compiled(work.compiled, compiled),
            work.cases,
        )
        result = Reconciliation(more, conflicts=(), drop=(), exact=True)
        self._last = result
        return result
