"""The cheapest drop: which claims to remove so that a network becomes consistent.

``min_weight_drop`` runs the implicit hitting-set loop of ``._hitting`` with the network's
negative cycles, shrunk by ``._conflicts``, as its oracle.

May import: the standard library, ``chronoreconcile._errors`` and the network's other
modules.
"""

from __future__ import annotations

import math
import numbers
import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from .._errors import ChronoError
from ._conflicts import ConflictShrinker
from ._edges import label_set
from ._graph import Network
from ._hitting import Costs, implicit_hitting_set

__all__ = ["DropResult", "min_weight_drop"]


@dataclass(frozen=True, slots=True)
class DropResult:
    """The cheapest claims to drop, and the conflicts that forced each choice.

    ``labels``: the drop, sorted; the network without them is consistent. ``conflicts``:
    every minimal conflict found on the way (each sorted). ``exact``: False when a limit
    stopped the search, and ``labels`` is then a consistent but possibly dearer drop.
    ``rounds``: how many consistency checks of the whole network were run.
    """

    labels: tuple[str, ...]
    conflicts: tuple[tuple[str, ...], ...]
    exact: bool
    rounds: int


def min_weight_drop(
    network: Network,
    weights: Mapping[str, float],
    *,
    hard: Collection[str] = (),
    max_rounds: int = 1000,
    max_seconds: float = 10.0,
) -> DropResult:
    """The cheapest set of claims whose removal makes ``network`` consistent.

    Implicit hitting set: find a conflict, choose the cheapest set of labels that hits
    every conflict found so far (exactly, by branch and bound), check the network without
    it, and repeat with the new conflict until the check passes. Every consistent drop must
    hit every conflict, so the first hitting set that passes is a cheapest drop. Labels in
    ``hard``, and hard edges, are never dropped; a missing weight is 1.0.

    >>> from chronoreconcile.network import Edge
    >>> net = Network(3, [Edge(0, 1, 5, "a"), Edge(1, 0, -6, "b"), Edge(0, 2, 1, "c")])
    >>> min_weight_drop(net, {"a": 2.0, "b": 1.0})
    DropResult(labels=('b',), conflicts=(('a', 'b'),), exact=True, rounds=2)

    Raises ChronoError when a conflict consists of hard claims alone. When ``max_rounds``
    or ``max_seconds`` stops the search, ``exact`` is False and the drop is completed
    greedily (the cheapest droppable label of each remaining cycle), checks that may run
    past ``max_seconds``.
    """
    deadline = time.perf_counter() + max_seconds
    fixed = label_set(hard, "hard")
    for label, raw in weights.items():
        if isinstance(raw, bool) or not isinstance(raw, numbers.Real) or not 0 <= raw < math.inf:
            raise ChronoError(f"the weight of claim {label!r} must be a number >= 0, not {raw!r}")
    cost = Costs(weights)
    conflicts = ConflictShrinker(network.edges, network.by_label)

    def find_conflict(drop: frozenset[str]) -> tuple[str, ...] | None:
        cycle = network.feasibility_cycle(drop)
        return None if cycle is None else conflicts.shrink(cycle)

    run = implicit_hitting_set(
        find_conflict,
        cost,
        hard=fixed,
        deadline=deadline,
        max_rounds=max_rounds,
        refuse=lambda conflict: ChronoError(_hard_conflict_message(conflict)),
    )
    drop, rounds = run.drop, run.rounds
    if run.settled:
        return DropResult(tuple(sorted(drop)), run.conflicts, run.exact, rounds)
    # A limit was hit: complete the drop greedily so that it is at least consistent.
    while True:
        rounds += 1
        cycle = network.feasibility_cycle(drop)
        if cycle is None:
            return DropResult(tuple(sorted(drop)), run.conflicts, run.exact, rounds)
        options = [e.label for e in cycle if e.label is not None and e.label not in fixed]
        if not options:
            raise ChronoError(_hard_conflict_message(conflicts.shrink(cycle)))
        drop = drop | {min(options, key=lambda label: (cost[label], label))}


def _hard_conflict_message(labels: Sequence[str]) -> str:
    if not labels:
        return (
            "the network cannot be made consistent: its hard structural constraints"
            " (edges without a claim) contradict each other"
        )
    named = ", ".join(repr(label) for label in labels)
    return (
        f"the network cannot be made consistent: the hard claims {named} contradict each"
        " other, and hard claims are never dropped"
    )
