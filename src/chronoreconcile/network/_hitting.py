"""The implicit hitting set: the one loop that finds conflicts and the cheapest drop.

Knows nothing about networks: a conflict is a set of labels (claim ids) that cannot all
hold together, and the caller says how to find one among the labels a drop leaves. The
loop finds a conflict, chooses the cheapest set of labels meeting every conflict found so
far (exactly, by branch and bound), and asks again without that set, until no conflict
is left. Every consistent drop must meet every conflict, so the first hitting set that
leaves none is a cheapest drop. The network's ``min_weight_drop`` runs it with negative
cycles as the oracle, the chronology's case splitter with "no case is consistent".

May import: the standard library and ``chronoreconcile._errors``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .._errors import ChronoError

__all__ = [
    "Costs",
    "HittingSetRun",
    "implicit_hitting_set",
    "min_hitting_set",
    "shrink_by_deletion",
]


@dataclass(frozen=True, slots=True)
class HittingSetRun:
    """Where the implicit hitting-set loop stopped.

    ``drop``: the last hitting set chosen. ``settled``: True when nothing conflicts once
    ``drop`` is removed; False when a limit stopped the loop first (``drop`` then meets the
    conflicts found but may leave others). ``conflicts``: every conflict found, in order.
    ``exact``: False when a limit cut a search short, so that ``drop`` may not be the
    cheapest. ``rounds``: how many times the oracle was asked.
    """

    drop: frozenset[str]
    conflicts: tuple[tuple[str, ...], ...]
    exact: bool
    rounds: int
    settled: bool


def implicit_hitting_set(
    find_conflict: Callable[[frozenset[str]], Sequence[str] | None],
    costs: Mapping[str, Fraction],
    *,
    hard: Collection[str] = (),
    deadline: float,
    max_rounds: int | None = None,
    stop_at_limit: bool = True,
    refuse: Callable[[tuple[str, ...]], ChronoError],
) -> HittingSetRun:
    """The cheapest set of labels whose removal leaves no conflict, found by the loop above.

    ``find_conflict(drop)``: a conflict among the labels ``drop`` leaves (sorted, each label
    needed), or None when they can all hold. ``costs[label]``: the price of dropping a label
    (``Costs`` prices them lazily). Labels in ``hard`` are never dropped; a conflict of hard
    labels alone raises ``refuse(conflict)``.

    Limits (``max_rounds`` oracle calls, the ``deadline`` of ``time.perf_counter()``, a
    hitting-set search cut short): with ``stop_at_limit`` the loop stops there, unsettled
    and inexact, for the caller to complete; without it the loop goes on with the best
    hitting sets found in time (still meeting every conflict, so it ends) and only marks
    the result inexact.

    >>> conflicts = [("a", "b"), ("b", "c")]
    >>> def find(drop):
    ...     return next((c for c in conflicts if not set(c) & drop), None)
    >>> run = implicit_hitting_set(
    ...     find, Costs({"b": 3.0}), deadline=float("inf"), refuse=ChronoError
    ... )
    >>> sorted(run.drop), run.conflicts, run.exact, run.settled
    (['a', 'c'], (('a', 'b'), ('b', 'c')), True, True)
    """
    fixed = frozenset(hard)
    found: list[tuple[str, ...]] = []
    to_hit: list[frozenset[str]] = []
    drop: frozenset[str] = frozenset()
    rounds = 0
    exact = True
    while True:
        if stop_at_limit and (
            (max_rounds is not None and rounds >= max_rounds) or time.perf_counter() > deadline
        ):
            return HittingSetRun(drop, tuple(found), False, rounds, False)
        rounds += 1
        conflict = find_conflict(drop)
        if conflict is None:
            return HittingSetRun(drop, tuple(found), exact, rounds, True)
        conflict = tuple(conflict)
        droppable = frozenset(conflict) - fixed
        if not droppable:
            raise refuse(conflict)
        found.append(conflict)
        to_hit.append(droppable)
        drop, optimal = min_hitting_set(to_hit, costs, deadline)
        if not optimal:
            exact = False
            if stop_at_limit:
                return HittingSetRun(drop, tuple(found), False, rounds, False)
        if time.perf_counter() > deadline:
            exact = False


def shrink_by_deletion(
    labels: Sequence[str], holds: Callable[[list[str]], bool]
) -> tuple[str, ...]:
    """A minimal conflict among ``labels``, which cannot all hold together (sorted).

    ``holds(subset)`` says whether the labels of ``subset`` can hold together. Deletion:
    a label stays only if the others, without it, could hold; a label found needed stays
    needed in every smaller conflicting subset, so one pass suffices.

    >>> shrink_by_deletion(["a", "b", "c"], lambda kept: not {"a", "c"} <= set(kept))
    ('a', 'c')
    """
    core = list(labels)
    for label in labels:
        trial = [x for x in core if x != label]
        if not holds(trial):
            core = trial
    return tuple(sorted(core))


class Costs(dict[str, Fraction]):
    """Each label's weight as a Fraction (missing: 1), converted when first asked for.

    Fractions, so that "cheapest" compares exact sums rather than rounded float ones; on
    demand, because only the labels of conflicts are ever priced and converting all of a
    large network's would cost more than the search.
    """

    def __init__(self, weights: Mapping[str, float]) -> None:
        super().__init__()
        self._weights = weights

    def __missing__(self, label: str) -> Fraction:
        value = self[label] = Fraction(self._weights.get(label, 1.0))
        return value


def min_hitting_set(
    sets: Sequence[frozenset[str]], cost: Mapping[str, Fraction], deadline: float
) -> tuple[frozenset[str], bool]:
    """The cheapest set of labels meeting every one of ``sets``; (set, True) when proven.

    Depth-first branch and bound on the unmet set with the fewest options, cheapest option
    first; in the k-th branch the first k-1 options are forbidden, so no set of labels is
    visited twice. The bound adds, to the cost so far, the cheapest option of each of a
    greedily chosen family of pairwise disjoint unmet sets: each of them needs its own
    label. Ties keep the first optimum found, which depends only on the labels and costs,
    so the answer is deterministic. On the deadline it returns the best found so far.
    """
    if not all(sets):
        raise ChronoError("a conflict cannot be resolved when no claim in it can be dropped")
    unique = sorted(set(sets), key=lambda s: (len(s), sorted(s)))
    # A set that contains another is met whenever the smaller one is.
    core: list[frozenset[str]] = []
    for s in unique:
        if not any(t <= s for t in core):
            core.append(s)
    best = _prune(_greedy_hitting_set(core, cost), core, cost)
    best_cost = sum((cost[label] for label in best), Fraction(0))
    stack: list[tuple[frozenset[str], Fraction, frozenset[str]]] = [
        (frozenset(), Fraction(0), frozenset())
    ]
    visited = 0
    while stack:
        visited += 1
        if not visited % 256 and time.perf_counter() > deadline:
            return best, False
        chosen, spent, forbidden = stack.pop()
        unmet = [s for s in core if not s & chosen]
        if not unmet:
            if spent < best_cost:
                best, best_cost = chosen, spent
            continue
        bound = spent
        taken: set[str] = set()
        feasible = True
        for s in unmet:
            options = s - forbidden
            if not options:
                feasible = False
                break
            if not options & taken:
                taken |= options
                bound += min(cost[label] for label in options)
        if not feasible or bound >= best_cost:
            continue
        pick = min(unmet, key=lambda s: (len(s - forbidden), sorted(s)))
        frames = []
        banned = forbidden
        for label in sorted(pick - forbidden, key=lambda label: (cost[label], label)):
            frames.append((chosen | {label}, spent + cost[label], banned))
            banned = banned | {label}
        stack.extend(reversed(frames))
    return best, True


def _greedy_hitting_set(
    sets: Sequence[frozenset[str]], cost: Mapping[str, Fraction]
) -> frozenset[str]:
    """Repeatedly take the label meeting most unmet sets per unit of cost."""
    chosen: set[str] = set()
    unmet = list(sets)
    while unmet:
        counts: dict[str, int] = {}
        for s in unmet:
            for label in s:
                counts[label] = counts.get(label, 0) + 1
        free = sorted(label for label in counts if cost[label] == 0)
        # A free label first; otherwise the one meeting most sets per unit of cost.
        label = free[0] if free else min(counts, key=lambda m: (-counts[m] / cost[m], m))
        chosen.add(label)
        unmet = [s for s in unmet if label not in s]
    return frozenset(chosen)


def _prune(
    chosen: frozenset[str], sets: Sequence[frozenset[str]], cost: Mapping[str, Fraction]
) -> frozenset[str]:
    """Drop labels the other chosen labels make redundant, dearest first."""
    result = set(chosen)
    for label in sorted(chosen, key=lambda label: (-cost[label], label)):
        rest = result - {label}
        if all(s & rest for s in sets):
            result = rest
    return frozenset(result)
