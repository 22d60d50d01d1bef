"""The simple temporal network: difference constraints between integer time points.

This layer knows nothing about dates. Node 0 is the reference point (the reconciliation
layer makes it the Unix epoch, x[0] = 0) and every other node is an unknown integer, in
practice microseconds. An edge ``Edge(u, v, w, label)`` is the constraint
``x[v] - x[u] <= w``; the ``label`` is the id of the claim that produced it, or None for a
hard structural edge that is never dropped or named. A strict bound ``x < w`` arrives
here already as ``x <= w - 1``: the domain is whole microseconds, so everything below is
exact integer arithmetic, with no tolerance anywhere.

The facts the algorithms lean on:

- The constraints are satisfiable exactly when the graph has no negative cycle, and then
  the shortest-path distances from node 0 are the tightest upper bounds (``hi``) and the
  distances *to* node 0, negated, are the tightest lower bounds (``lo``).
- Both come from one label-correcting (queue-based Bellman-Ford, "SPFA") run each, from
  node 0 in the forward and in the reversed graph. The forward distances are themselves a
  feasible schedule on every node node 0 reaches, so no separate feasibility pass from a
  virtual source is needed; only the nodes node 0 does not reach (rare in practice) get
  one, restricted to them. Measured on the 10,000-event benchmark a second label-correcting
  run beats Dijkstra on edges reweighted by the first run's potential (0.06 s against
  0.08-0.09 s): the FIFO queue scans each node about twice, while the heap pays for every
  push.
- Negative cycles are caught without the O(n·m) "popped n times" counter: every n scans the
  parent graph is walked, and a cycle in it is always a negative cycle (and, when a
  negative cycle is reachable, the parent graph keeps one after finitely many
  relabelings; Cherkassky and Goldberg, "Negative-cycle detection algorithms", 1999).
- After a solve, adding one edge only needs work where something changes: the potential
  is repaired by a Dijkstra from the edge's head over reduced costs (which are all >= 0
  for the old edges), and the bounds that drop are propagated the same way, pruned where
  the old bound already wins.

There is no rustworkx backend, though its Bellman-Ford is far faster (about 28 ms a
direction on the benchmark's prebuilt graph): it works on floats, and copying a network
into it, then its distances back out through an exact integer certificate check, took
0.15 s cold against 0.14 s for the whole pure-Python solve. It would only pay on repeated
solves of one large network, which the reconciliation layer does not do.
"""

from __future__ import annotations

import heapq
import math
import numbers
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ._errors import ChronoError

__all__ = [
    "DropResult",
    "Edge",
    "Network",
    "Solution",
    "min_weight_drop",
    "minimal_conflict",
]

# "No path yet". Python compares ints with float infinity exactly, and a float sentinel
# keeps the hot loops free of ``is None`` tests; it never leaves this module.
_INF = math.inf


class Edge(tuple[int, int, int, str | None]):
    """The difference constraint ``x[v] - x[u] <= w``, produced by the claim ``label``.

    >>> Edge(1, 2, 3_600_000_000, "nearly-an-hour")
    Edge(x[2] - x[1] <= 3600000000, label='nearly-an-hour')
    >>> Edge(1, 2, 1.5, None)
    Traceback (most recent call last):
      ...
    chronoreconcile.ChronoError: edge bound w must be an int (microseconds), not 1.5

    ``label`` None marks a hard structural edge: it is never dropped and never named in a
    conflict. Several edges may share a label (a gap claim is two edges).

    An edge is an immutable 4-tuple ``(u, v, w, label)``: the reconciliation layer makes
    one or two per claim, 100,000 on the benchmark, and a tuple costs a fifth of what a
    frozen dataclass did there. Code that builds edges from values it has already checked
    uses ``_edge``, which skips the checks.
    """

    __slots__ = ()

    def __new__(cls, u: int, v: int, w: int, label: str | None) -> Edge:
        # type() rather than isinstance(): a bool is an int to isinstance, and True as a
        # node id or a bound is always a mistake upstream.
        for name, node in (("u", u), ("v", v)):
            if type(node) is not int or node < 0:
                raise ChronoError(f"edge node {name} must be an int >= 0, not {node!r}")
        if type(w) is not int:
            raise ChronoError(f"edge bound w must be an int (microseconds), not {w!r}")
        if label is not None and type(label) is not str:
            raise ChronoError(f"edge label must be a str or None, not {label!r}")
        return tuple.__new__(cls, (u, v, w, label))

    def __getnewargs__(self) -> tuple[int, int, int, str | None]:  # pickling and copying
        return (self[0], self[1], self[2], self[3])

    @property
    def u(self) -> int:
        """The tail: the point the bound is measured from."""
        return self[0]

    @property
    def v(self) -> int:
        """The head: the point that is bounded."""
        return self[1]

    @property
    def w(self) -> int:
        """The bound, in microseconds: ``x[v] - x[u] <= w``."""
        return self[2]

    @property
    def label(self) -> str | None:
        """The id of the claim the edge came from; None for a hard structural edge."""
        return self[3]

    def __repr__(self) -> str:
        return f"Edge(x[{self[1]}] - x[{self[0]}] <= {self[2]}, label={self[3]!r})"


# An edge as the network stores it: an Edge, or a plain tuple of the same four values.
_Raw = tuple[int, int, int, str | None]
# An interval constraint lo <= x[v] - x[u] <= hi (hi None: no upper bound) as the bulk path
# passes it: (label, anything, u, v, lo, hi). The reconciliation layer's compact difference
# claims have this shape, their weight in the second place.
_Interval = tuple[str, float, int, int, int, int | None]


def _interval_edges(interval: _Interval) -> list[_Raw]:
    """The edges of an interval constraint: x[u] - x[v] <= -lo, then x[v] - x[u] <= hi."""
    label, _, u, v, lo, hi = interval
    if hi is None:
        return [(v, u, -lo, label)]
    return [(v, u, -lo, label), (u, v, hi, label)]


def _edge(u: int, v: int, w: int, label: str | None) -> Edge:
    """An edge from values the caller has already checked (ints, nodes >= 0)."""
    return tuple.__new__(Edge, (u, v, w, label))


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


# ---------------------------------------------------------------------------------------
# The label-correcting core. Adjacency is one flat tuple per node, head and weight
# interleaved (v0, w0, v1, w1, ...), walked as zip(it, it) over one iterator: as fast as
# zip() over parallel head and weight tuples, with half the objects, and both measured
# 35-40% faster here than unpacking a list of (head, weight) tuples. The Edge objects sit
# in ``Network._out``, aligned with the heads and made only when a cycle must be named;
# the hot loops never touch them.


def _label_correct(
    adj: Sequence[Sequence[int]],
    dist: list[float],
    parent: list[int],
    sources: list[int],
) -> list[int] | None:
    """Shortest distances from ``sources`` (whose labels ``dist`` already holds), in place.

    FIFO label correcting with Cherkassky and Goldberg's parent-checking heuristic: a node
    whose parent is still queued is not scanned, since the parent's own scan will lower it
    again. ``parent`` holds ``len(adj)`` for "no parent". Returns None when the labels
    settle, or the nodes of a cycle in the parent graph (each one's parent follows it) as
    soon as one is found; such a cycle is always negative.
    """
    n = len(adj)
    in_queue = [False] * (n + 1)  # slot n stands for "no parent" and is never queued
    for s in sources:
        in_queue[s] = True
    queue = deque(sources)
    pop = queue.popleft
    push = queue.append
    # Walk the parent graph every n scans: O(n) per walk against at least n scans between
    # walks, so detection costs O(1) per scan instead of the O(n·m) of counting passes.
    budget = n
    while queue:
        u = pop()
        in_queue[u] = False
        if in_queue[parent[u]]:
            continue
        budget -= 1
        if not budget:
            budget = n
            cycle = _parent_cycle(parent)
            if cycle is not None:
                return cycle
        du = dist[u]
        it = iter(adj[u])
        for v, w in zip(it, it, strict=False):
            nd = du + w
            if nd < dist[v]:
                dist[v] = nd
                parent[v] = u
                if not in_queue[v]:
                    in_queue[v] = True
                    push(v)
    return None


def _parent_cycle(parent: list[int]) -> list[int] | None:
    """A cycle of the parent graph (each node followed by its parent), or None."""
    n = len(parent)
    mark = [0] * n
    walk = 0
    for start in range(n):
        if mark[start]:
            continue
        walk += 1
        x = start
        while x != n and not mark[x]:
            mark[x] = walk
            x = parent[x]
        if x != n and mark[x] == walk:
            cycle = [x]
            y = parent[x]
            while y != x:
                cycle.append(y)
                y = parent[y]
            return cycle
    return None


def _edge_rank(edge: Edge) -> tuple[int, bool, str]:
    # Among parallel edges prefer the tightest, then a hard one (a conflict should name as
    # few claims as it can), then the smallest label, so the choice never depends on order.
    return (edge.w, edge.label is not None, edge.label or "")


def _cycle_edges(
    adj: Sequence[Sequence[int]], out: Sequence[Sequence[Edge]], nodes: list[int]
) -> tuple[Edge, ...]:
    """The edges of the cycle visiting ``nodes`` in order, rotated to start at its least node.

    Where parallel edges join two consecutive nodes the tightest is taken: the cycle was
    negative with the edge the search relaxed, so it stays negative with one at least as
    tight.
    """
    k = len(nodes)
    first = nodes.index(min(nodes))
    nodes = nodes[first:] + nodes[:first]
    cycle = []
    for i in range(k):
        a, b = nodes[i], nodes[(i + 1) % k]
        cycle.append(
            min((e for h, e in zip(adj[a][::2], out[a], strict=True) if h == b), key=_edge_rank)
        )
    assert sum(e.w for e in cycle) < 0, "a parent-graph cycle is always negative"
    return tuple(cycle)


def _settle_unreached(
    adj: Sequence[Sequence[int]],
    reached: list[float],
    seed: list[float],
) -> tuple[list[int], list[int] | None]:
    """Extend a schedule on the nodes node 0 reaches to every node, or find a cycle.

    ``reached`` holds the distances from node 0 (a feasible schedule where finite). The rest
    is solved from a virtual source with starting labels ``seed``. No edge leaves the reached
    nodes for the others (the head would be reached too), so the two parts only meet on
    edges *into* the reached part; shifting the rest up by the largest shortfall on those
    edges satisfies them without touching either part's own edges.
    Returns (schedule, None) or ([], the parent cycle's nodes).
    """
    n = len(adj)
    rest = [x for x in range(n) if reached[x] == _INF]
    if not rest:
        return [int(x) for x in reached], None
    # The reached nodes are masked with -inf: nothing can lower them, so the run stays in
    # the rest.
    dist: list[float] = [-_INF] * n
    for x in rest:
        dist[x] = seed[x]
    cycle = _label_correct(adj, dist, [n] * n, rest)
    if cycle is not None:
        return [], cycle
    shift: float = 0
    shortfalls = [
        reached[y] - dist[x] - w
        for x in rest
        for y, w in zip(adj[x][::2], adj[x][1::2], strict=True)
        if reached[y] != _INF
    ]
    if shortfalls:
        shift = max(shortfalls)
    schedule = [0 if d == _INF else int(d) for d in reached]
    for x in rest:
        schedule[x] = int(dist[x] + shift)
    return schedule, None


def _find_cycle(edges: Sequence[Edge]) -> tuple[Edge, ...] | None:
    """A negative cycle among ``edges`` (any nodes, no reference point), or None.

    Nodes are renumbered densely, so a sub-network of a few edges between far-apart node ids
    costs only its own size.
    """
    index: dict[int, int] = {}
    for e in edges:
        index.setdefault(e.u, len(index))
        index.setdefault(e.v, len(index))
    k = len(index)
    adj: list[list[int]] = [[] for _ in range(k)]
    out: list[list[Edge]] = [[] for _ in range(k)]
    for e in edges:
        a = index[e.u]
        adj[a] += (index[e.v], e.w)
        out[a].append(e)
    dist: list[float] = [0] * k
    cycle = _label_correct(adj, dist, [k] * k, list(range(k)))
    if cycle is None:
        return None
    return _cycle_edges(adj, out, cycle[::-1])


# ---------------------------------------------------------------------------------------
# The network.


class Network:
    """A set of difference constraints ``x[v] - x[u] <= w`` over nodes 0..n-1, x[0] = 0.

    >>> net = Network(3, [Edge(0, 1, 10, "a"), Edge(1, 0, -5, "a"), Edge(1, 2, 3, "b")])
    >>> s = net.solve()
    >>> s.consistent, s.lo, s.hi
    (True, (0, 5, None), (0, 10, 13))
    >>> net.add_incremental(Edge(2, 1, -4, "c")).consistent
    False
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
        self._raw_list: list[_Raw] = []
        # Interval constraints lo <= x[v] - x[u] <= hi from the bulk path, kept as given and
        # turned into edge tuples only if someone asks for the edges (see ``_raw``).
        self._intervals: list[_Interval] = []
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
    def _trusted(cls, n: int, raw: Iterable[_Raw], intervals: Sequence[_Interval] = ()) -> Network:
        """A network from values the caller has checked (ints, nodes < n): (u, v, w, label)
        edge tuples, then interval constraints (label, _, u, v, lo, hi), each the edges
        x[u] - x[v] <= -lo and, unless hi is None, x[v] - x[u] <= hi."""
        network = cls(n)
        network._edge_list = None
        network._extend(raw, check=False, intervals=intervals)
        return network

    @property
    def _raw(self) -> list[_Raw]:
        """Every edge as a (u, v, w, label) tuple, in the order added."""
        if self._intervals:
            for interval in self._intervals:
                self._raw_list += _interval_edges(interval)
            self._intervals = []
        return self._raw_list

    @property
    def _edges(self) -> list[Edge]:
        """Every edge as an Edge, in the order added."""
        if self._edge_list is None:
            self._edge_list = [e if isinstance(e, Edge) else _edge(*e) for e in self._raw]
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
        self, edges: Iterable[_Raw], *, check: bool = True, intervals: Sequence[_Interval] = ()
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
                listed.append(raw if isinstance(raw, Edge) else _edge(*raw))
        # The edges of _interval_edges, inline: this loop is the bulk of a large build.
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
    def _by_label(self) -> dict[str, list[Edge]]:
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
        drop = _label_set(labels, "labels")
        return Network._trusted(self._n, (e for e in self._raw if e[3] is None or e[3] not in drop))

    # -- solving -----------------------------------------------------------------------

    def solve(self) -> Solution:
        """Consistency, a feasible schedule and the tightest bounds of every node."""
        if self._solution is not None:
            return self._solution
        n = self._n
        hi_d: list[float] = [_INF] * n
        hi_d[0] = 0
        cycle = _label_correct(self._fwd, hi_d, [n] * n, [0])
        if cycle is not None:
            return self._fail(_cycle_edges(self._fwd, self._out, cycle[::-1]))
        to0: list[float] = [_INF] * n
        to0[0] = 0
        cycle = _label_correct(self._bwd, to0, [n] * n, [0])
        if cycle is not None:
            # A parent in the reversed graph is the head of an original edge, so the
            # parent cycle lists the original cycle in forward order.
            return self._fail(_cycle_edges(self._fwd, self._out, cycle))
        # Where node 0 reaches a node but not the other way, lo is a feasible start for
        # the nodes the forward run missed (lo is a schedule on everything that reaches 0).
        seed: list[float] = [0 if d == _INF else -d for d in to0]
        potential, cycle = _settle_unreached(self._fwd, hi_d, seed)
        if cycle is not None:
            return self._fail(_cycle_edges(self._fwd, self._out, cycle[::-1]))
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

    def _feasibility_cycle(self, excluded: Collection[str] = ()) -> tuple[Edge, ...] | None:
        """A negative cycle of the network minus the edges labelled ``excluded``, or None.

        Consistency only, no bounds: the forward run from node 0 plus the nodes it misses.
        Only the adjacency lists of the excluded edges' tails are copied.
        """
        adj, out = self._fwd, self._out
        if excluded:
            drop = frozenset(excluded)
            adj, out = list(adj), list(out)
            tails = {e.u for label in drop for e in self._by_label.get(label, ())}
            for u in tails:
                keep = [e for e in self._out[u] if e.label is None or e.label not in drop]
                out[u] = keep
                adj[u] = tuple(x for e in keep for x in (e.v, e.w))
        n = self._n
        dist: list[float] = [_INF] * n
        dist[0] = 0
        cycle = _label_correct(adj, dist, [n] * n, [0])
        if cycle is None:
            _, cycle = _settle_unreached(adj, dist, [0] * n)
        if cycle is None:
            return None
        return _cycle_edges(adj, out, cycle[::-1])

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
            _lower(self._fwd, potential, hi, 1, v, hu + w)
            changed = True
        lu, lv = lo[u], lo[v]
        # In the reversed graph the edge runs v -> u: the distance u -> 0 may drop to
        # w + dist(v -> 0), which raises lo[u].
        if lv is not None and (lu is None or w - lv < -lu):
            _lower(self._bwd, potential, lo, -1, u, w - lv)
            changed = True
        if not changed:
            return previous
        return self._succeed()

    def _repair(self, edge: Edge) -> tuple[Edge, ...] | None:
        """Lower the schedule after ``edge`` broke it, or return the negative cycle it closed.

        Dijkstra from the edge's head over reduced costs w + p[x] - p[y] (>= 0 for every old
        edge): delta[y] is how far y must move down. Only nodes that must move are
        visited. Reaching the edge's tail with a negative delta means a path v -> u shorter
        than -w, which with the edge is a negative cycle.
        """
        u, v, w = edge.u, edge.v, edge.w
        if u == v:
            return (edge,)  # a self-loop only breaks the schedule when w < 0
        p = self._potential
        adj = self._fwd
        start = p[u] + w - p[v]
        delta = {v: start}
        parent: dict[int, int] = {}
        heap = [(start, v)]
        pop, push = heapq.heappop, heapq.heappush
        while heap:
            dx, x = pop(heap)
            if dx != delta[x]:
                continue
            base = p[x] + dx
            it = iter(adj[x])
            for y, c in zip(it, it, strict=False):
                dy = base + c - p[y]
                if dy < 0 and dy < delta.get(y, 0):
                    if y == u:
                        path = [u, x]
                        while x != v:
                            x = parent[x]
                            path.append(x)
                        # path is u <- x <- ... <- v; walking it backwards from u gives
                        # u -> v (the new edge) -> ... -> x -> u.
                        nodes = [u, *path[:0:-1]]
                        return _cycle_edges(adj, self._out, nodes)
                    delta[y] = dy
                    parent[y] = x
                    push(heap, (dy, y))
        for x, dx in delta.items():
            p[x] += dx
        if 0 in delta:
            # The repair reached node 0 itself, over edges the schedule holds tight (from a
            # node pinned to it, hi == lo, say), and moved the reference point down. Shift
            # everything back so that x[0] stays 0; only this rare case pays O(n).
            shift = p[0]
            p[:] = [x - shift for x in p]
        return None


def _lower(
    adj: Sequence[Sequence[int]],
    potential: list[int],
    bound: list[int | None],
    sign: int,
    start: int,
    label: int,
) -> None:
    """Propagate a shorter distance ``label`` at ``start`` to every node it shortens.

    Forward (sign 1) the distances are hi; reversed (sign -1) they are the distances to
    node 0, i.e. -lo. Dijkstra keyed on the reduced distance label - sign·p, which only
    grows along an edge because p is feasible, and pruned wherever the old bound is at
    least as tight: everything beyond such a node is already as tight as this path allows.
    """
    best = {start: label}
    heap = [(label - sign * potential[start], start)]
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        key, x = pop(heap)
        lx = best[x]
        if key != lx - sign * potential[x]:
            continue
        bound[x] = sign * lx
        it = iter(adj[x])
        for y, c in zip(it, it, strict=False):
            ly = lx + c
            old = bound[y]
            if old is not None and ly >= sign * old:
                continue
            prev = best.get(y)
            if prev is not None and ly >= prev:
                continue
            best[y] = ly
            push(heap, (ly - sign * potential[y], y))


# ---------------------------------------------------------------------------------------
# Conflicts.


class _Conflicts:
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
        self._by_label: Mapping[str, list[Edge]] = groups if by_label is None else by_label
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
            self._hard_consistent = _find_cycle(self._hard) is None
        if self._hard and not self._hard_consistent:
            return ()
        by_label = self._by_label
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
            found = _find_cycle(trial + hard)
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
    cycle = network._feasibility_cycle()
    if cycle is None:
        raise ChronoError("the constraints are consistent: there is no conflict to name")
    return _Conflicts(network._edges, network._by_label).shrink(cycle)


# ---------------------------------------------------------------------------------------
# The cheapest drop: an implicit hitting set.


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

    >>> net = Network(3, [Edge(0, 1, 5, "a"), Edge(1, 0, -6, "b"), Edge(0, 2, 1, "c")])
    >>> min_weight_drop(net, {"a": 2.0, "b": 1.0})
    DropResult(labels=('b',), conflicts=(('a', 'b'),), exact=True, rounds=2)

    Raises ChronoError when a conflict consists of hard claims alone. When ``max_rounds``
    or ``max_seconds`` stops the search, ``exact`` is False and the drop is completed
    greedily (the cheapest droppable label of each remaining cycle), checks that may run
    past ``max_seconds``.
    """
    deadline = time.perf_counter() + max_seconds
    fixed = _label_set(hard, "hard")
    for label, raw in weights.items():
        if isinstance(raw, bool) or not isinstance(raw, numbers.Real) or not 0 <= raw < math.inf:
            raise ChronoError(f"the weight of claim {label!r} must be a number >= 0, not {raw!r}")
    cost = _Costs(weights)
    conflicts = _Conflicts(network._edges, network._by_label)
    found: list[tuple[str, ...]] = []
    to_hit: list[frozenset[str]] = []
    drop: frozenset[str] = frozenset()
    rounds = 0
    exact = True
    while True:
        if rounds >= max_rounds or time.perf_counter() > deadline:
            exact = False
            break
        rounds += 1
        cycle = network._feasibility_cycle(drop)
        if cycle is None:
            return DropResult(tuple(sorted(drop)), tuple(found), True, rounds)
        conflict = conflicts.shrink(cycle)
        droppable = frozenset(conflict) - fixed
        if not droppable:
            raise ChronoError(_hard_conflict_message(conflict))
        found.append(conflict)
        to_hit.append(droppable)
        drop, optimal = _min_hitting_set(to_hit, cost, deadline)
        if not optimal:
            exact = False
            break
    # A limit was hit: complete the drop greedily so that it is at least consistent.
    while True:
        rounds += 1
        cycle = network._feasibility_cycle(drop)
        if cycle is None:
            return DropResult(tuple(sorted(drop)), tuple(found), exact, rounds)
        options = [e.label for e in cycle if e.label is not None and e.label not in fixed]
        if not options:
            raise ChronoError(_hard_conflict_message(conflicts.shrink(cycle)))
        drop = drop | {min(options, key=lambda label: (cost[label], label))}


class _Costs(dict[str, Fraction]):
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


def _label_set(labels: Collection[str], name: str) -> frozenset[str]:
    # A lone string is a collection of one-letter labels: almost certainly a mistake.
    if isinstance(labels, str):
        raise ChronoError(f"{name} must be a collection of claim ids, not the string {labels!r}")
    return frozenset(labels)


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


def _min_hitting_set(
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
