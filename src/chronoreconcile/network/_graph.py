"""The network value: its edges, adjacency, full solve and incremental updates.

``Network`` holds difference constraints over nodes 0..n-1 (node 0 the reference point,
x[0] = 0) and ``Solution`` is what a solve finds. The path algorithms live in ``._paths``;
this module keeps the state they run on.

May import: the standard library, ``chronoreconcile._errors``, ``._edges`` and ``._paths``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from .._errors import ChronoError
from ._edges import Edge, Interval, RawEdge, interval_edges, label_set, trusted_edge
from ._paths import (
    INF,
    cycle_edges,
    label_correct,
    lower_bounds,
    repair,
    settle_unreached,
)

__all__ = ["Network", "Solution"]

# The paths module's "no path yet", under the name the loops below were tuned with.
_INF = INF


@dataclass(frozen=True, slots=True)
class Solution:
    """What a network implies: consistency, a witness either way, and every tightest bound.

    When ``consistent``: ``potential`` is one feasible schedule with ``potential[0] == 0``,
    ``hi[v]`` / ``lo[v]`` the tightest upper / lower bounds of x[v] (None: unbounded on
    that side) and ``cycle`` is empty. Otherwise ``cycle`` is a simple negative cycle,
    its edges in order, and the three tuples are empty.

    ``consistent``, ``hi`` and ``lo`` are determined by the network alone. ``potential``
    and ``cycle`` are certificates: a full solve gives the latest schedule wherever node 0
    reaches (``potential[v] == hi[v]`` there), but after ``add_incremental`` the repaired
    schedule can differ from it, and which negative cycle is reported depends on the order
    the edges were added.
    """

    consistent: bool
    cycle: tuple[Edge, ...]
    potential: tuple[int, ...]
    hi: tuple[int | None, ...]
    lo: tuple[int | None, ...]

    def __repr__(self) -> str:
        if self.consistent:
            return f"Solution(consistent, {len(self.hi)} nodes)"
        return f"Solution(inconsistent, cycle={list(self.cycle)!r})"


class Network:
    """A set of difference constraints ``x[v] - x[u] <= w`` over nodes 0..n-1, x[0] = 0.

    >>> net = Network(3, [Edge(0, 1, 10, "a"), Edge(1, 0, -5, "a"), Edge(1, 2, 3, "b")])
    >>> s = net.solve()
    >>> s.consistent, s.lo, s.hi
    (True, (0, 5, None), (0, 10, 13))
    >>> net.add_incremental(Edge(2, 1, -4, "c")).consistent
    False
    >>> from chronoreconcile.network import minimal_conflict
    >>> minimal_conflict(net.edges, net.n)
    ('b', 'c')
    """

    __slots__ = (
        "_bwd",
        "_edge_list",
        "_fwd",
        "_hi",
        "_intervals",
        "_label_map",
        "_lo",
        "_n",
        "_out_lists",
        "_potential",
        "_raw_list",
        "_solution",
    )

    def __init__(self, n: int, edges: Iterable[Edge] = ()) -> None:
        if type(n) is not int or n < 1:
            raise ChronoError(f"a network needs at least node 0, the reference point; n={n!r}")
        self._n = n
        # Every edge in the order added, as (u, v, w, label) tuples: Edge objects where the
        # caller passed them, plain tuples from the reconciliation layer's bulk path. Plain
        # tuples of ints and strings drop out of the garbage collector's tracking, Edge
        # objects (a tuple subclass) never do: on the benchmark, 100,000 tracked edges made
        # three full collections per reconcile, 0.1 s each. ``_edge_list`` holds the Edge
        # view, made on first use.
        self._raw_list: list[RawEdge] = []
        # Interval constraints lo <= x[v] - x[u] <= hi from the bulk path, kept as given and
        # turned into edge tuples only if someone asks for the edges (see ``_raw``).
        self._intervals: list[Interval] = []
        self._edge_list: list[Edge] | None = []
        # Adjacency, one tuple per node and direction: (head, weight, ...) of the edges
        # leaving it, (tail, weight, ...) of those entering it. Tuples of ints, like the
        # plain edge tuples, drop        # out of the collector's tracking, where 40,000 lists stayed in it for good; an
        # edge added later replaces its two nodes' tuples (copying ~10 entries).
        self._fwd: list[tuple[int, ...]] = []
        self._bwd: list[tuple[int, ...]] = []
        # Built on first use (cycle extraction, conflicts, drops): a consistent solve never
        # needs them, and filling them on every edge cost a third of building the network.
        self._out_lists: list[list[Edge]] | None = None
        self._label_map: dict[str, list[Edge]] | None = None
        # The last solution and the mutable state add_incremental updates in place; the
        # bounds are kept in their public form (None = unbounded) so that returning a
        # Solution is three C-level tuple copies, not a conversion per node.
        self._solution: Solution | None = None
        self._potential: list[int] = []
        self._hi: list[int | None] = []
        self._lo: list[int | None] = []
        self._extend(edges)

    def __repr__(self) -> str:
        m = len(self._raw_list) + sum(1 if i[5] is None else 2 for i in self._intervals)
        return f"Network({self._n} nodes, {m} edges)"

    @property
    def n(self) -> int:
        """The number of nodes, node 0 (the reference point) included."""
        return self._n

    @property
    def edges(self) -> tuple[Edge, ...]:
        """Every edge, in the order added."""
        return tuple(self._edges)

    @classmethod
    def from_trusted(
        cls, n: int, raw: Iterable[RawEdge], intervals: Sequence[Interval] = ()
    ) -> Network:
        """A network from values the caller has checked (ints, nodes < n): (u, v, w, label)
        edge tuples, then interval constraints (label, _, u, v, lo, hi), each the edges
        x[u] - x[v] <= -lo and, unless hi is None, x[v] - x[u] <= hi."""
        network = cls(n)
        network._edge_list = None
        network._extend(raw, check=False, intervals=intervals)
        return network

    @property
    def _raw(self) -> list[RawEdge]:
        """Every edge as a (u, v, w, label) tuple, in the order added."""
        if self._intervals:
            for interval in self._intervals:
                self._raw_list += interval_edges(interval)
            self._intervals = []
        return self._raw_list

    @property
    def _edges(self) -> list[Edge]:
        """Every edge as an Edge, in the order added."""
        if self._edge_list is None:
            self._edge_list = [e if isinstance(e, Edge) else trusted_edge(*e) for e in self._raw]
        return self._edge_list

    def _append(self, edge: Edge) -> None:
        """Add one edge to a built network: O(degree), not O(edges)."""
        if not isinstance(edge, Edge):
            raise ChronoError(f"expected an Edge, not {edge!r}")
        u, v, w, label = edge
        if u >= self._n or v >= self._n:
            raise ChronoError(
                f"{edge!r} names node {max(u, v)}, but the nodes are 0..{self._n - 1}"
            )
        self._raw.append(edge)  # the property: any pending intervals come first
        self._fwd[u] += (v, w)
        self._bwd[v] += (u, w)
        if self._edge_list is not None:
            self._edge_list.append(edge)
        if self._out_lists is not None:
            self._out_lists[u].append(edge)
        if self._label_map is not None and label is not None:
            self._label_map.setdefault(label, []).append(edge)

    def _extend(
        self, edges: Iterable[RawEdge], *, check: bool = True, intervals: Sequence[Interval] = ()
    ) -> None:
        """Fill a new network. One loop with everything in locals: the benchmark's 100,000
        edges go through here.

        Growing per-node lists and freezing them into tuples measured 70 ms on 100,000
        edges; cutting the tuples from the edges sorted by node, which spares the lists,
        160 ms.
        """
        n = self._n
        store = self._raw_list.append
        fwd: list[list[int]] = [[] for _ in range(n)]
        bwd: list[list[int]] = [[] for _ in range(n)]
        listed = self._edge_list
        for raw in edges:
            if check:
                if not isinstance(raw, Edge):
                    raise ChronoError(f"expected an Edge, not {raw!r}")
                if raw[0] >= n or raw[1] >= n:
                    raise ChronoError(
                        f"{raw!r} names node {max(raw[0], raw[1])}, but the nodes are 0..{n - 1}"
                    )
            u, v, w, _ = raw
            store(raw)
            a = fwd[u]
            a.append(v)
            a.append(w)
            a = bwd[v]
            a.append(u)
            a.append(w)
            if listed is not None:
                listed.append(raw if isinstance(raw, Edge) else trusted_edge(*raw))
        # The edges of interval_edges, inline: this loop is the bulk of a large build.
        for _label, _, u, v, lo, hi in intervals:
            a = fwd[v]
            a.append(u)
            a.append(-lo)
            a = bwd[u]
            a.append(v)
            a.append(-lo)
            if hi is not None:
                a = fwd[u]
                a.append(v)
                a.append(hi)
                a = bwd[v]
                a.append(u)
                a.append(hi)
        self._intervals = list(intervals)
        if intervals:
            self._edge_list = None  # made from _raw, intervals included, on first use
        self._fwd = [tuple(x) for x in fwd]
        self._bwd = [tuple(x) for x in bwd]

    @property
    def _out(self) -> list[list[Edge]]:
        """The edges leaving each node, aligned with the heads in ``_fwd``."""
        if self._out_lists is None:
            out: list[list[Edge]] = [[] for _ in range(self._n)]
            for edge in self._edges:
                out[edge[0]].append(edge)
            self._out_lists = out
        return self._out_lists

    @property
    def by_label(self) -> dict[str, list[Edge]]:
        """The edges of each claim."""
        if self._label_map is None:
            groups: dict[str, list[Edge]] = {}
            for edge in self._edges:
                if edge[3] is not None:
                    groups.setdefault(edge[3], []).append(edge)
            self._label_map = groups
        return self._label_map

    def add_edge(self, edge: Edge) -> None:
        """Add one constraint without solving; the next ``solve()`` starts afresh."""
        self._append(edge)
        self._solution = None

    def without(self, labels: Collection[str]) -> Network:
        """The same network minus every edge whose label is one of ``labels``."""
        drop = label_set(labels, "labels")
        return Network.from_trusted(
            self._n, (e for e in self._raw if e[3] is None or e[3] not in drop)
        )

    # -- solving -----------------------------------------------------------------------

    def solve(self) -> Solution:
        """Consistency, a feasible schedule and the tightest bounds of every node."""
        if self._solution is not None:
            return self._solution
        n = self._n
        hi_d: list[float] = [_INF] * n
        hi_d[0] = 0
        cycle = label_correct(self._fwd, hi_d, [n] * n, [0])
        if cycle is not None:
            return self._fail(cycle_edges(self._fwd, self._out, cycle[::-1]))
        to0: list[float] = [_INF] * n
        to0[0] = 0
        cycle = label_correct(self._bwd, to0, [n] * n, [0])
        if cycle is not None:
            # A parent in the reversed graph is the head of an original edge, so the
            # parent cycle lists the original cycle in forward order.
            return self._fail(cycle_edges(self._fwd, self._out, cycle))
        # Where node 0 reaches a node but not the other way, lo is a feasible start for
        # the nodes the forward run missed (lo is a schedule on everything that reaches 0).
        seed: list[float] = [0 if d == _INF else -d for d in to0]
        potential, cycle = settle_unreached(self._fwd, hi_d, seed)
        if cycle is not None:
            return self._fail(cycle_edges(self._fwd, self._out, cycle[::-1]))
        self._potential = potential
        self._hi = [None if d == _INF else int(d) for d in hi_d]
        self._lo = [None if d == _INF else -int(d) for d in to0]
        return self._succeed()

    def _fail(self, cycle: tuple[Edge, ...]) -> Solution:
        self._solution = Solution(False, cycle, (), (), ())
        return self._solution

    def _succeed(self) -> Solution:
        self._solution = Solution(
            True, (), tuple(self._potential), tuple(self._hi), tuple(self._lo)
        )
        return self._solution

    def feasibility_cycle(self, excluded: Collection[str] = ()) -> tuple[Edge, ...] | None:
        """A negative cycle of the network minus the edges labelled ``excluded``, or None.

        Consistency only, no bounds: the forward run from node 0 plus the nodes it misses.
        Only the adjacency lists of the excluded edges' tails are copied.
        """
        adj, out = self._fwd, self._out
        if excluded:
            drop = frozenset(excluded)
            adj, out = list(adj), list(out)
            tails = {e.u for label in drop for e in self.by_label.get(label, ())}
            for u in tails:
                keep = [e for e in self._out[u] if e.label is None or e.label not in drop]
                out[u] = keep
                adj[u] = tuple(x for e in keep for x in (e.v, e.w))
        n = self._n
        dist: list[float] = [_INF] * n
        dist[0] = 0
        cycle = label_correct(adj, dist, [n] * n, [0])
        if cycle is None:
            _, cycle = settle_unreached(adj, dist, [0] * n)
        if cycle is None:
            return None
        return cycle_edges(adj, out, cycle[::-1])

    # -- incremental -------------------------------------------------------------------

    def add_incremental(self, edge: Edge) -> Solution:
        """Add one edge after ``solve()`` and update only what it changes.

        Equal to ``solve()`` on the enlarged network in ``consistent``, ``hi`` and ``lo``;
        the schedule is repaired rather than recomputed, so it may differ from a fresh
        solve's (both are feasible). Without an earlier solve this is ``add_edge`` and
        ``solve``. Once inconsistent, a network stays so: more edges keep the cycle.
        """
        previous = self._solution
        self._append(edge)
        if previous is None:
            return self.solve()
        if not previous.consistent:
            return previous
        u, v, w = edge.u, edge.v, edge.w
        potential = self._potential
        changed = False
        if potential[v] - potential[u] > w:
            cycle = self._repair(edge)
            if cycle is not None:
                return self._fail(cycle)
            changed = True
        hi, lo = self._hi, self._lo
        hu, hv = hi[u], hi[v]
        if hu is not None and (hv is None or hu + w < hv):
            lower_bounds(self._fwd, potential, hi, 1, v, hu + w)
            changed = True
        lu, lv = lo[u], lo[v]
        # In the reversed graph the edge runs v -> u: the distance u -> 0 may drop to
        # w + dist(v -> 0), which raises lo[u].
        if lv is not None and (lu is None or w - lv < -lu):
            lower_bounds(self._bwd, potential, lo, -1, u, w - lv)
            changed = True
        if not changed:
            return previous
        return self._succeed()

    def _repair(self, edge: Edge) -> tuple[Edge, ...] | None:
        """Lower the schedule after ``edge`` broke it, or return the negative cycle it closed."""
        if edge.u == edge.v:
            return (edge,)  # a self-loop only breaks the schedule when w < 0
        nodes = repair(self._fwd, self._potential, edge)
        if nodes is None:
            return None
        return cycle_edges(self._fwd, self._out, nodes)
