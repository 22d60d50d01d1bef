"""Solving a compiled chronology: one network when it can, a case split when it must.

Claims that allow several separate intervals (a repeated local time, "either 17:00 or
23:00", a date split by a transition) are disjunctions: the chronology is solved once per
combination of their options, up to ``case_limit`` combinations. Conflicts and the
cheapest drop come from the network's implicit hitting-set loop either way: with negative
cycles as its oracle on one network, with "no case is consistent" across a case split.

May import: the standard library, ``.._errors``, ``..network``, ``._problem``,
``._compile``, ``._result`` and ``._explain``.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Iterator, Mapping, Sequence

from .._errors import ChronoError
from ..network import (
    Costs,
    Edge,
    Network,
    RawEdge,
    Solution,
    implicit_hitting_set,
    min_weight_drop,
    shrink_by_deletion,
)
from ._compile import Compiled, Diff, Entry, full
from ._explain import explain
from ._problem import Problem
from ._result import Reconciliation, Workings

__all__ = ["solve"]


def solve(
    problem: Problem,
    compiled_full: list[Compiled],
    diffs: list[Diff],
    nodes: Mapping[str, int],
    znodes: Mapping[str, int],
    n: int,
    premise_edges: list[Edge],
) -> Reconciliation:
    """Reconcile the compiled claims: the full forms and the compact difference claims."""
    entries: list[Entry] = [*compiled_full, *diffs]
    single: list[Compiled] = [c for c in compiled_full if len(c.options) == 1]
    multi: list[Compiled] = [c for c in compiled_full if len(c.options) > 1]
    raw: list[RawEdge] = list(premise_edges)
    for c in single:
        raw += c.options[0]
    weights: dict[str, float] = {c.cid: c.weight for c in compiled_full}
    weights.update({c[0]: c[1] for c in diffs})
    hard = {cid for cid, weight in weights.items() if weight == math.inf}
    for cid in hard:
        del weights[cid]
    for name in znodes:
        weights[f"zone:{name}"] = float(problem.zone_weights[name])
    count = math.prod(len(c.options) for c in multi)
    if count > problem.case_limit:
        raise ChronoError(
            f"{len(multi)} claims with alternatives make {count} cases to try, more than the"
            f" limit of {problem.case_limit}: "
            + ", ".join(f"{c.cid} ({len(c.options)})" for c in multi)
            + "; narrow them or raise case_limit"
        )
    if not multi:
        network = Network.from_trusted(n, raw, diffs)
        sol = network.solve()
        if sol.consistent:
            work = Workings(problem, sol, network, nodes, znodes, entries, None)
            return Reconciliation(work, (), (), True)
    # Conflicts and cases: every claim in its full form from here on.
    compiled = [full(problem, c) for c in entries]
    if multi:
        return _solve_cases(
            problem,
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
    drop = min_weight_drop(network, weights, hard=hard, max_seconds=problem.max_seconds)
    network2 = network.without(drop.labels)
    sol2 = network2.solve()
    conflicts = tuple(
        explain(problem, set(labels), compiled, nodes, znodes, n, premise_edges)
        for labels in drop.conflicts
    )
    work = Workings(problem, sol2, None, nodes, znodes, compiled, None)
    return Reconciliation(work, conflicts, drop.labels, drop.exact)


def _case_solutions(
    n: int, base: list[Edge], multi: Sequence[Compiled], dropped: frozenset[str] = frozenset()
) -> Iterator[tuple[tuple[int, ...], Solution]]:
    live = [c for c in multi if c.cid not in dropped]
    base_edges = [e for e in base if e.label not in dropped]
    for choice in itertools.product(*(range(len(c.options)) for c in live)):
        edges = list(base_edges)
        for c, k in zip(live, choice, strict=True):
            edges += c.options[k]
        yield choice, Network(n, edges).solve()


def _solve_cases(
    problem: Problem,
    compiled: list[Compiled],
    single: list[Compiled],
    multi: list[Compiled],
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
    every = frozenset(labels)

    def find_conflict(drop: frozenset[str]) -> tuple[str, ...] | None:
        if consistent(drop):
            return None
        # Deletion-based shrinking: a claim stays in the conflict only if the rest,
        # without it, would be consistent.
        keep = [label for label in labels if label not in drop]
        return shrink_by_deletion(keep, lambda kept: consistent(every - set(kept)))

    def refuse(conflict: tuple[str, ...]) -> ChronoError:
        return ChronoError(
            "the chronology cannot be made consistent: the hard claims "
            + ", ".join(repr(c) for c in conflict)
            + " contradict each other"
        )

    # No case is consistent and the cheapest drop is the same loop as on one network;
    # past the deadline it goes on with the best hitting sets found in time.
    run = implicit_hitting_set(
        find_conflict,
        Costs(weights),
        hard=hard,
        deadline=time.perf_counter() + problem.max_seconds,
        stop_at_limit=False,
        refuse=refuse,
    )
    drop = run.drop
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
        explain(problem, set(c), compiled, nodes, znodes, n, premise_edges) for c in run.conflicts
    )
    work = Workings(problem, merged, None, nodes, znodes, compiled, surviving)
    return Reconciliation(work, explained, tuple(sorted(drop)), run.exact)


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
