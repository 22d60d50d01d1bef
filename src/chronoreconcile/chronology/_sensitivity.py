"""How much a phrase's reading matters: the readings under which a claim's verdict stays.

For a difference claim read from a phrase ("nearly six hours later", "shortly after"), the
other claims (every claim but this one; if they cannot hold together even without it,
every claim but this one and the drop) imply tightest bounds ``[L, U]`` on ``then - first``. The claim fits exactly when its reading meets that range: its upper
end reaches ``L`` and its lower end is at most ``U``. So the verdict stays as long as the
reading "allows at least L" and "as little as U"; past either, it turns. ``L`` and ``U`` are
shortest paths in the network, computed exactly by solving it once rooted at ``first``
(node 0 and the first event's node swapped, so the solver's bounds are the differences).
With disjunctive claims each surviving case is solved, and the range is their union: its
hull, marked not exact when the cases leave a hole in it. A time read from a phrase on a
date ("just after midnight" on 1945-08-09) is measured the same way against the instants
the other claims allow for its event.

May import: the standard library, the flat modules below the chronology, ``..network``,
``._problem`` and ``._compile``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .._claims import After, At, Claim, Gap
from .._durations import format_duration
from .._wording import describe_local, local_text
from ..network import Edge, Network
from ..zones import Zone
from ._compile import Entry, entry_id, full, premise_edges
from ._problem import Problem

__all__ = ["Sensitivity", "has_sensitivity", "phrase_bounds", "phrase_instants", "sensitivity_of"]

_MAX_CASES = 256


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """The range of readings under which a phrase claim's verdict stays the same.

    For a gap (``zone`` None), ``reading`` is the claim's bounds on ``then - first``, in µs;
    for a time on a date (``zone`` the claim's), the instants it allows. Both ends are
    included; None is no bound. ``implied``: what the other claims allow for the same
    quantity. ``fits``: whether the reading meets ``implied``. ``exact``: False when the
    claims' cases leave a hole in ``implied``, which is then their hull.
    """

    claim: str
    phrase: str
    events: tuple[str, ...]
    reading: tuple[int, int | None]
    implied: tuple[int | None, int | None]
    fits: bool
    exact: bool = True
    zone: Zone | None = None

    @property
    def explanation(self) -> str:
        """One sentence: how far the reading may move before the verdict turns."""
        if self.zone is not None:
            return self._time_explanation(self.zone)
        first, then = self.events
        lo, hi = self.reading
        low, high = self.implied
        p = repr(self.phrase)
        others = f"the other claims put {then} {_range(low, high)} after {first}"
        if not self.exact:
            others += " (the hull of their cases)"
        if self.fits:
            conditions = []
            if low is not None and low > lo:
                conditions.append(f"allows at least {format_duration(low)}")
            if high is not None and (hi is None or high < hi):
                conditions.append(f"allows as little as {format_duration(high)}")
            if not conditions:
                return f"consistent for any reading of {p} within {_range(lo, hi)}; {others}"
            return f"consistent as long as {p} {' and '.join(conditions)}; {others}"
        if low is not None and hi is not None and hi < low:
            return f"conflicts unless {p} allows at least {format_duration(low)}; {others}"
        assert high is not None
        return f"conflicts unless {p} allows as little as {format_duration(high)}; {others}"

    def _time_explanation(self, zone: Zone) -> str:
        (event,) = self.events
        lo, hi = self.reading
        assert hi is not None
        low, high = self.implied
        p = repr(self.phrase)
        if low is None or high is None:
            side = "after" if high is None else "before"
            at = low if high is None else high
            assert at is not None
            others = f"the other claims put the {event} {side} {local_text(at, zone)[0]}"
        else:
            others = f"the other claims put the {event} at {describe_local(low, high + 1, zone)}"
        if not self.exact:
            others += " (the hull of their cases)"
        if self.fits:
            conditions = []
            if low is not None and low > lo:
                conditions.append(f"runs to {local_text(low, zone)[0]}")
            if high is not None and high < hi:
                conditions.append(f"starts by {local_text(high, zone)[0]}")
            if not conditions:
                return f"consistent for any reading of {p} that meets them; {others}"
            return f"consistent as long as {p} {' and '.join(conditions)}; {others}"
        if low is not None and hi < low:
            return f"conflicts unless {p} runs to {local_text(low, zone)[0]}; {others}"
        assert high is not None
        return f"conflicts unless {p} starts by {local_text(high, zone)[0]}; {others}"


def _range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "any time"
    if low is None:
        assert high is not None
        return f"at most {format_duration(high)}"
    if high is None:
        return f"at least {format_duration(low)}"
    return f"{format_duration(low)} to {format_duration(high)}"


def phrase_bounds(claim: Claim) -> tuple[str, str, str, int, int | None] | None:
    """(phrase, first, then, lower, upper) of a difference claim read from a phrase, else None."""
    if isinstance(claim, Gap | After) and claim.phrase is not None:
        return claim.phrase, claim.first, claim.then, claim.min_us, claim.max_us
    return None


def phrase_instants(claim: Claim) -> tuple[str, str, int, int, Zone] | None:
    """(phrase, event, first, last instant) of an At read from a phrase on a date, else None.

    Only a reading that is one stretch of instants: a repeated local time inside it makes
    two, and the range between them would not be a bound.
    """
    if not isinstance(claim, At) or claim.phrase is None or claim.zone_used is None:
        return None
    intervals = [iv for alt in claim.alternatives for iv in alt.intervals]
    if len(intervals) != 1:
        return None
    ((start, end),) = intervals
    return claim.phrase, claim.event, start, end - 1, claim.zone_used


def has_sensitivity(claim: Claim) -> bool:
    """Whether the claim is read from a phrase the sensitivity can measure."""
    return phrase_bounds(claim) is not None or phrase_instants(claim) is not None


def sensitivity_of(
    problem: Problem,
    cid: str,
    compiled: Sequence[Entry],
    nodes: Mapping[str, int],
    znodes: Mapping[str, int],
    n: int,
    dropped: frozenset[str],
) -> Sensitivity | None:
    """The sensitivity of claim ``cid``, or None if it is not a difference read from a phrase."""
    claim = problem.claims.get(cid)
    if claim is None:
        return None
    gap = phrase_bounds(claim)
    time = phrase_instants(claim)
    events: tuple[str, ...]
    zone: Zone | None
    if gap is not None:
        phrase, first, then, lo, hi = gap
        x, y, events, zone = nodes[first], nodes[then], (first, then), None
    elif time is not None:
        phrase, event, lo, last, zone_used = time
        hi, x, y, events, zone = last, 0, nodes[event], (event,), zone_used
    else:
        return None
    # Every other claim, if they can hold together; else every other claim kept.
    for ignored in (frozenset({cid}), dropped | {cid}):
        ranges = _ranges(problem, compiled, x, y, znodes, n, ignored)
        if ranges:
            break
    else:
        return None
    low, high, exact = _union(ranges)
    fits = (low is None or hi is None or hi >= low) and (high is None or lo <= high)
    return Sensitivity(cid, phrase, events, (lo, hi), (low, high), fits, exact, zone)


def _ranges(
    problem: Problem,
    compiled: Sequence[Entry],
    x: int,
    y: int,
    znodes: Mapping[str, int],
    n: int,
    ignored: frozenset[str],
) -> list[tuple[int | None, int | None]]:
    """The bounds on ``x[y] - x[x]`` in each consistent case of the claims not ``ignored``."""
    single: list[Edge] = [e for e in premise_edges(problem, znodes) if e.label not in ignored]
    multi: list[list[list[Edge]]] = []
    for entry in compiled:
        if entry_id(entry) in ignored:
            continue
        options = full(problem, entry).options
        if len(options) == 1:
            single += options[0]
        else:
            multi.append(options)
    ranges: list[tuple[int | None, int | None]] = []
    for k, choice in enumerate(itertools.product(*multi)):
        if k >= _MAX_CASES:
            break
        edges = single + [e for option in choice for e in option]
        sol = Network(n, [_rooted(e, x) for e in edges] if x else edges).solve()
        if sol.consistent:
            ranges.append((sol.lo[y], sol.hi[y]))
    return ranges


def _rooted(edge: Edge, x: int) -> Edge:
    """The edge with node 0 and node ``x`` swapped: solving from ``x`` gives differences."""

    def swap(v: int) -> int:
        return x if v == 0 else 0 if v == x else v

    return Edge(swap(edge.u), swap(edge.v), edge.w, edge.label)


def _union(ranges: list[tuple[int | None, int | None]]) -> tuple[int | None, int | None, bool]:
    """The hull of the cases' ranges, and whether they cover it without a hole."""
    low = None if any(r[0] is None for r in ranges) else min(r[0] for r in ranges)  # type: ignore[type-var]
    high = None if any(r[1] is None for r in ranges) else max(r[1] for r in ranges)  # type: ignore[type-var]
    ordered = sorted(ranges, key=lambda r: -(1 << 62) if r[0] is None else r[0])
    exact = True
    reach = ordered[0][1]
    for start, end in ordered[1:]:
        if reach is not None and start is not None and start > reach + 1:
            exact = False
        reach = None if reach is None or end is None else max(reach, end)
    return low, high, exact
