"""Hypothesis strategies for the temporal network: hidden timelines, claims, contradictions.

Uniformly random edges are nearly always inconsistent once there are a few of them, and
uniformly random consistent ones hardly ever share a label or leave a node unbounded on
one side. So the main strategies start from a hidden true timeline (node 0 at 0, the
others microseconds around the events of 8/9 May 1945) and compile claims about it the
way the reconciliation layer does: a gap claim is two edges with one label, an anchor is
two edges to and from node 0, either side may be missing (an open bound), a strict
"before" is ``x[b] - x[a] <= -1``. Slack is often zero, so tight and zero-weight cycles
(simultaneous events) are common. Contradictions are then injected as a chain of edges
that is exact against the truth except for its closing edge, which undercuts it: a
negative cycle by construction, whatever else the network holds.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from hypothesis import strategies as st

from chronoreconcile.network import Edge

__all__ = [
    "LABELS",
    "Scenario",
    "arbitrary_networks",
    "consistent_scenarios",
    "contradicted_scenarios",
    "edges_between",
    "timelines",
]

_US = 10**6
_HOUR = 3600 * _US
# 1945-05-08T22:01Z, when the surrender signed at Reims took effect ("23:01 CET"), in
# microseconds since the epoch; the timelines cluster around it.
_CEASEFIRE = -777_520_740_000_000

# A small pool, so that labels are often shared by several edges and claims.
LABELS = ("a", "b", "c", "d", "e", "f", "g")


@dataclass(frozen=True)
class Scenario:
    """A network drawn around a hidden timeline; ``truth[0] == 0`` (node 0, the epoch)."""

    n: int
    truth: tuple[int, ...]
    edges: tuple[Edge, ...]


@st.composite
def timelines(draw: st.DrawFn, min_nodes: int = 1, max_nodes: int = 8) -> tuple[int, ...]:
    """True values of nodes 0..n-1: node 0 at 0, the rest near 1945-05-08T22:01Z.

    Offsets are either a few hours (realistic) or a handful of microseconds, which makes
    coincident and adjacent events, hence zero and unit weights, likely.
    """
    n = draw(st.integers(min_nodes, max_nodes))
    offsets = st.one_of(st.integers(-72 * _HOUR, 72 * _HOUR), st.integers(-3, 3))
    return (0, *(_CEASEFIRE + draw(offsets) for _ in range(n - 1)))


def _slacks() -> st.SearchStrategy[int | None]:
    # None: this side of the claim is open (no edge), so bounds can be unbounded.
    return st.one_of(st.just(0), st.integers(0, 5), st.integers(0, 2 * _HOUR), st.none())


def _labels() -> st.SearchStrategy[str | None]:
    return st.one_of(st.sampled_from(LABELS), st.none())


@st.composite
def _claim_edges(draw: st.DrawFn, truth: tuple[int, ...]) -> list[Edge]:
    """The edges of one claim that holds for ``truth``."""
    n = len(truth)
    label = draw(_labels())
    kind = draw(st.sampled_from(["gap", "anchor", "before"]))
    a = draw(st.integers(0, n - 1))
    b = draw(st.integers(0, n - 1))
    if kind == "anchor":
        a = 0
    edges = []
    diff = truth[b] - truth[a]
    if kind == "before":
        if diff >= 1:
            edges.append(Edge(b, a, -1, label))
        return edges
    above, below = draw(_slacks()), draw(_slacks())
    if above is not None:
        edges.append(Edge(a, b, diff + above, label))
    if below is not None:
        edges.append(Edge(b, a, -(diff - below), label))
    return edges


@st.composite
def consistent_scenarios(
    draw: st.DrawFn, min_nodes: int = 1, max_nodes: int = 8, max_claims: int = 12
) -> Scenario:
    """A network of true claims about a hidden timeline: consistent by construction."""
    truth = draw(timelines(min_nodes, max_nodes))
    claims = draw(st.lists(_claim_edges(truth), max_size=max_claims))
    return Scenario(len(truth), truth, tuple(e for claim in claims for e in claim))


@st.composite
def contradicted_scenarios(
    draw: st.DrawFn, min_nodes: int = 1, max_nodes: int = 8, max_claims: int = 12
) -> Scenario:
    """A consistent scenario plus a chain that closes into a negative cycle.

    The chain's edges are exact for the truth and its closing edge undercuts it by
    ``shortfall`` >= 1, so the chain alone sums to -shortfall. Its labels come from the
    same pool (or None), so the contradiction may share labels with true claims.
    """
    base = draw(consistent_scenarios(min_nodes, max_nodes, max_claims))
    truth = base.truth
    chain = draw(st.lists(st.integers(0, base.n - 1), min_size=1, max_size=4, unique=True))
    shortfall = draw(st.one_of(st.just(1), st.integers(1, _HOUR)))
    injected = [
        Edge(x, y, truth[y] - truth[x], draw(_labels())) for x, y in itertools.pairwise(chain)
    ]
    first, last = chain[0], chain[-1]
    injected.append(Edge(last, first, truth[first] - truth[last] - shortfall, draw(_labels())))
    edges = list(base.edges)
    # Spread the injected edges through the others: edge order must not matter.
    for e in injected:
        edges.insert(draw(st.integers(0, len(edges))), e)
    return Scenario(base.n, truth, tuple(edges))


@st.composite
def edges_between(
    draw: st.DrawFn,
    n: int,
    weights: st.SearchStrategy[int] | None = None,
    max_edges: int = 16,
) -> list[Edge]:
    """Arbitrary edges among nodes 0..n-1 (self-loops and parallel edges included)."""
    if weights is None:
        weights = _weights()
    node = st.integers(0, n - 1)
    return draw(st.lists(st.builds(Edge, node, node, weights, _labels()), max_size=max_edges))


def _weights() -> st.SearchStrategy[int]:
    # Small weights make negative cycles and ties common. Adding +-2**60 to some keeps the
    # cycles that balance those terms decided by the small part, at a magnitude where a
    # float (53-bit mantissa) cannot see it: nothing may go through floating point.
    return st.builds(
        lambda small, big: small + big * 2**60,
        st.integers(-12, 20),
        st.sampled_from([0, 0, 0, 1, -1]),
    )


@st.composite
def arbitrary_networks(
    draw: st.DrawFn, max_nodes: int = 8, max_edges: int = 16
) -> tuple[int, list[Edge]]:
    """(n, edges) with no structure at all: consistent or not, bounded or not."""
    n = draw(st.integers(1, max_nodes))
    return n, draw(edges_between(n, max_edges=max_edges))
