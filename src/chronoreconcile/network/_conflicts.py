"""Conflict isolation: from a negative cycle to a minimal set of claims that cannot all hold.

A conflict is named by labels (claim ids); hard edges (label None) are never named.

May import: the standard library, ``chronoreconcile._errors``, ``._edges``, ``._paths`` and
``._graph``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from .._errors import ChronoError
from ._edges import Edge
from ._graph import Network
from ._paths import find_cycle

__all__ = ["ConflictShrinker", "minimal_conflict"]


class ConflictShrinker:
    """Shrinks negative cycles of one edge set into minimal conflicts.

    Holds the edges by label and the hard (label None) edges with their adjacency, so that
    min_weight_drop, which shrinks many cycles of one network, indexes them once.
    """

    def __init__(
        self, edges: Iterable[Edge], by_label: Mapping[str, list[Edge]] | None = None
    ) -> None:
        self._hard: list[Edge] = []
        groups: dict[str, list[Edge]] = {}
        for e in edges:
            if e.label is None:
                self._hard.append(e)
            elif by_label is None:
                groups.setdefault(e.label, []).append(e)
        self.by_label: Mapping[str, list[Edge]] = groups if by_label is None else by_label
        self._hard_out: dict[int, list[Edge]] = {}
        self._hard_in: dict[int, list[Edge]] = {}
        for e in self._hard:
            self._hard_out.setdefault(e.u, []).append(e)
            self._hard_in.setdefault(e.v, []).append(e)
        self._hard_consistent: bool | None = None

    def _relevant_hard(self, nodes: set[int]) -> list[Edge]:
        """The hard edges on some hard path from one of ``nodes`` to another.

        A negative cycle of labelled edges plus hard edges, when the hard edges alone are
        consistent, leaves a labelled edge's head and returns to a labelled edge's tail
        through hard edges only, so no other hard edge can matter.
        """
        if not self._hard:
            return []
        forward = _reach(nodes, self._hard_out, lambda e: e.v)
        backward = _reach(nodes, self._hard_in, lambda e: e.u)
        return [e for e in self._hard if e.u in forward and e.v in backward]

    def shrink(self, cycle: Sequence[Edge]) -> tuple[str, ...]:
        """A minimal conflict among the labels of ``cycle`` (sorted; () if hard edges alone)."""
        labels = {e.label for e in cycle if e.label is not None}
        if not labels:
            return ()
        if self._hard and self._hard_consistent is None:
            self._hard_consistent = find_cycle(self._hard) is None
        if self._hard and not self._hard_consistent:
            return ()
        by_label = self.by_label
        candidate = [e for label in sorted(labels) for e in by_label[label]]
        hard = self._relevant_hard({x for e in candidate for x in (e.u, e.v)})
        if not hard and len(candidate) == len(cycle):
            # Every label owns exactly its edge on the cycle and no hard edge can close
            # another: dropping any label leaves part of a simple cycle, a path.
            return tuple(sorted(labels))
        # Deletion: a label whose removal leaves a consistent subset is needed, and stays
        # needed in every smaller inconsistent subset, so one pass suffices; when removal
        # leaves a conflict, jump straight to that cycle's (fewer) labels.
        current = set(labels)
        for label in sorted(labels):
            if label not in current:
                continue
            trial = [e for m in sorted(current) if m != label for e in by_label[m]]
            found = find_cycle(trial + hard)
            if found is not None:
                current = {e.label for e in found if e.label is not None}
        return tuple(sorted(current))


def _reach(
    starts: set[int], adjacency: Mapping[int, list[Edge]], step: Callable[[Edge], int]
) -> set[int]:
    """Every node reachable from ``starts`` along ``adjacency``, ``step`` giving an edge's far end."""
    seen = set(starts)
    stack = list(starts)
    while stack:
        x = stack.pop()
        for e in adjacency.get(x, ()):
            y = step(e)
            if y not in seen:
                seen.add(y)
                stack.append(y)
    return seen


def minimal_conflict(edges: Iterable[Edge], n: int) -> tuple[str, ...]:
    """A minimal set of labels whose edges, with every hard edge, are inconsistent.

    Dropping any one label of the result leaves a consistent subset. Sorted; empty when the
    hard (label None) edges are inconsistent by themselves. Raises ChronoError when the
    edges are consistent, as there is then no conflict to name.

    >>> minimal_conflict([Edge(0, 1, 5, "a"), Edge(1, 0, -6, "b"), Edge(1, 2, 1, "c")], 3)
    ('a', 'b')
    """
    network = Network(n, edges)
    cycle = network.feasibility_cycle()
    if cycle is None:
        raise ChronoError("the constraints are consistent: there is no conflict to name")
    return ConflictShrinker(network.edges, network.by_label).shrink(cycle)
