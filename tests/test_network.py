"""The temporal network against an independent oracle, Floyd-Warshall on small networks.

Properties first: true timelines are consistent and bracket the truth, bounds equal the
all-pairs table (unbounded sides included), injected contradictions are caught and every
conflict is really inconsistent and minimal, nothing depends on edge order, the
incremental update equals a fresh solve, and the cheapest drop is the cheapest (brute
force over subsets). Then examples pin the shapes the properties could miss.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Collection, Sequence
from fractions import Fraction

import pytest
from hypothesis import example, given, note
from hypothesis import strategies as st
from strategies_network import (
    LABELS,
    Scenario,
    arbitrary_networks,
    consistent_scenarios,
    contradicted_scenarios,
    edges_between,
)

from chronoreconcile import ChronoError
from chronoreconcile.network import (
    Costs,
    DropResult,
    Edge,
    Network,
    Solution,
    implicit_hitting_set,
    min_hitting_set,
    min_weight_drop,
    minimal_conflict,
    shrink_by_deletion,
)

# -- the oracle ---------------------------------------------------------------------------


def floyd_warshall(n: int, edges: Sequence[Edge]) -> list[list[int | None]] | None:
    """All-pairs shortest distances (None: no path), or None when a cycle is negative."""
    d: list[list[int | None]] = [[None] * n for _ in range(n)]
    for i in range(n):
        d[i][i] = 0
    for e in edges:
        old = d[e.u][e.v]
        if old is None or e.w < old:
            d[e.u][e.v] = e.w
    for k in range(n):
        dk = d[k]
        for i in range(n):
            dik = d[i][k]
            if dik is None:
                continue
            di = d[i]
            for j in range(n):
                dkj = dk[j]
                if dkj is not None:
                    old = di[j]
                    if old is None or dik + dkj < old:
                        di[j] = dik + dkj
    if any((d[i][i] or 0) < 0 for i in range(n)):
        return None
    return d


def consistent(n: int, edges: Sequence[Edge]) -> bool:
    return floyd_warshall(n, edges) is not None


def with_labels(edges: Sequence[Edge], labels: Collection[str]) -> list[Edge]:
    """The hard edges plus the edges of ``labels``: the subset a conflict names."""
    return [e for e in edges if e.label is None or e.label in labels]


def without_labels(edges: Sequence[Edge], labels: Collection[str]) -> list[Edge]:
    return [e for e in edges if e.label is None or e.label not in labels]


def assert_schedule(potential: Sequence[int], edges: Sequence[Edge]) -> None:
    assert potential[0] == 0
    for e in edges:
        assert potential[e.v] - potential[e.u] <= e.w, e


def assert_negative_cycle(cycle: Sequence[Edge], edges: Sequence[Edge]) -> None:
    """A simple cycle, edges in order, of negative weight, made of the network's edges."""
    assert cycle
    for a, b in zip(cycle, (*cycle[1:], cycle[0]), strict=True):
        assert a.v == b.u
    tails = [e.u for e in cycle]
    assert len(set(tails)) == len(tails)
    assert sum(e.w for e in cycle) < 0
    assert not Counter(cycle) - Counter(edges)


def assert_matches_oracle(n: int, edges: Sequence[Edge], solution: Solution) -> None:
    table = floyd_warshall(n, edges)
    assert solution.consistent == (table is not None)
    if table is None:
        assert solution.potential == solution.hi == solution.lo == ()
        assert_negative_cycle(solution.cycle, edges)
        return
    assert solution.cycle == ()
    assert_schedule(solution.potential, edges)
    assert solution.hi == tuple(table[0])
    assert solution.lo == tuple(None if row[0] is None else -row[0] for row in table)


def assert_minimal_conflict(n: int, edges: Sequence[Edge], labels: Sequence[str]) -> None:
    assert list(labels) == sorted(set(labels))
    assert not consistent(n, with_labels(edges, labels))
    for label in labels:
        assert consistent(n, with_labels(edges, set(labels) - {label})), label


def as_pair(s: Scenario) -> tuple[int, list[Edge]]:
    return s.n, list(s.edges)


any_networks = st.one_of(
    arbitrary_networks(),
    consistent_scenarios().map(as_pair),
    contradicted_scenarios().map(as_pair),
)


# -- properties ---------------------------------------------------------------------------


@given(consistent_scenarios(max_nodes=30, max_claims=60))
def test_true_timelines_are_consistent_and_bracket_the_truth(s: Scenario) -> None:
    solution = Network(s.n, s.edges).solve()
    assert solution.consistent
    assert_schedule(solution.potential, s.edges)
    for v, truth in enumerate(s.truth):
        low, high = solution.lo[v], solution.hi[v]
        assert low is None or low <= truth
        assert high is None or truth <= high
    # Where node 0 reaches, the schedule is the latest one.
    for v, high in enumerate(solution.hi):
        assert high is None or solution.potential[v] == high


@given(any_networks)
@example((3, [Edge(1, 2, 0, None), Edge(2, 1, 0, None)]))  # unreached, zero cycle
@example((2, [Edge(1, 1, -1, "a")]))  # a negative self-loop
def test_bounds_agree_with_floyd_warshall(network: tuple[int, list[Edge]]) -> None:
    n, edges = network
    assert_matches_oracle(n, edges, Network(n, edges).solve())


@st.composite
def interval_networks(
    draw: st.DrawFn,
) -> tuple[int, list[Edge], list[tuple[str, float, int, int, int, int | None]]]:
    """(n, edges, intervals) for the bulk path: lo <= x[v] - x[u] <= hi, hi sometimes open."""
    n, edges = draw(arbitrary_networks(max_nodes=6, max_edges=6))
    node = st.integers(0, n - 1)
    interval = st.tuples(
        st.sampled_from(LABELS),
        st.just(1.0),
        node,
        node,
        st.integers(-12, 20),
        st.one_of(st.none(), st.integers(-12, 20)),
    )
    return n, edges, draw(st.lists(interval, max_size=8))


@given(interval_networks(), st.data())
def test_bulk_intervals_equal_their_edges(
    network: tuple[int, list[Edge], list[tuple[str, float, int, int, int, int | None]]],
    data: st.DataObject,
) -> None:
    # The reconciliation layer hands difference claims to the network as intervals, which
    # become edges only when someone asks. The result must be the same network: the same
    # edges in the same order, the same solution, and the same after more edges arrive.
    n, edges, intervals = network
    expanded = list(edges)
    for label, _, u, v, lo, hi in intervals:
        expanded.append(Edge(v, u, -lo, label))
        if hi is not None:
            expanded.append(Edge(u, v, hi, label))
    bulk = Network.from_trusted(n, edges, intervals)
    plain = Network(n, expanded)
    assert repr(bulk) == repr(plain)
    assert bulk.solve() == plain.solve() or (
        not bulk.solve().consistent and not plain.solve().consistent
    )
    assert_matches_oracle(n, expanded, bulk.solve())
    extra = data.draw(edges_between(n, max_edges=3))
    for edge in extra:
        bulk.add_incremental(edge)
        expanded.append(edge)
    assert bulk.edges == tuple(expanded)
    assert_matches_oracle(n, expanded, bulk.solve())
    if not consistent(n, expanded):
        assert_minimal_conflict(n, expanded, minimal_conflict(bulk.edges, n))


@given(consistent_scenarios(min_nodes=10, max_nodes=25, max_claims=50))
def test_bounds_agree_with_floyd_warshall_on_larger_timelines(s: Scenario) -> None:
    assert_matches_oracle(s.n, s.edges, Network(s.n, s.edges).solve())


@given(contradicted_scenarios(max_nodes=20, max_claims=30))
def test_injected_contradictions_are_detected(s: Scenario) -> None:
    solution = Network(s.n, s.edges).solve()
    assert not solution.consistent
    assert_negative_cycle(solution.cycle, s.edges)


@given(
    st.one_of(contradicted_scenarios(), arbitrary_networks()).map(
        lambda x: as_pair(x) if isinstance(x, Scenario) else x
    )
)
def test_minimal_conflict_is_inconsistent_and_minimal(network: tuple[int, list[Edge]]) -> None:
    n, edges = network
    if consistent(n, edges):
        with pytest.raises(ChronoError, match="consistent: there is no conflict"):
            minimal_conflict(edges, n)
        return
    assert_minimal_conflict(n, edges, minimal_conflict(edges, n))


@given(any_networks, st.randoms(use_true_random=False))
def test_solve_is_independent_of_edge_order(
    network: tuple[int, list[Edge]], rnd: random.Random
) -> None:
    n, edges = network
    shuffled = list(edges)
    rnd.shuffle(shuffled)
    first, second = Network(n, edges).solve(), Network(n, shuffled).solve()
    assert first.consistent == second.consistent
    assert (first.potential, first.hi, first.lo) == (second.potential, second.hi, second.lo)


@given(st.data())
def test_add_incremental_equals_solve(data: st.DataObject) -> None:
    scenario = data.draw(st.one_of(consistent_scenarios(max_nodes=10), contradicted_scenarios()))
    n = scenario.n
    # Edges the incremental update meets: the scenario's own (true, or the contradiction)
    # and arbitrary ones, which break consistency at some step or other.
    extra = data.draw(edges_between(n, max_edges=6))
    base, added = data.draw(_split(list(scenario.edges) + extra))
    network = Network(n, base)
    network.solve()
    edges = list(base)
    for edge in added:
        edges.append(edge)
        got = network.add_incremental(edge)
        want = Network(n, edges).solve()
        note(f"after {edge!r}: {got!r}, fresh {want!r}")
        assert got.consistent == want.consistent
        if got.consistent:
            assert (got.hi, got.lo) == (want.hi, want.lo)
            assert_schedule(got.potential, edges)
        else:
            assert_negative_cycle(got.cycle, edges)


@st.composite
def _split(draw: st.DrawFn, edges: list[Edge]) -> tuple[list[Edge], list[Edge]]:
    cut = draw(st.integers(0, len(edges)))
    return edges[:cut], edges[cut:]


_costs = st.sampled_from([0.0, 0.1, 0.5, 1.0, 1.0, 2.5, 3.0])


@given(
    st.one_of(contradicted_scenarios(max_nodes=6, max_claims=8), consistent_scenarios(max_nodes=5)),
    st.dictionaries(st.sampled_from(LABELS), _costs),
    st.sets(st.sampled_from(LABELS), max_size=3),
)
def test_min_weight_drop_is_the_cheapest_consistent_drop(
    s: Scenario, weights: dict[str, float], hard: set[str]
) -> None:
    labels = sorted({e.label for e in s.edges if e.label is not None})
    droppable = [label for label in labels if label not in hard]

    def cost(drop: Collection[str]) -> Fraction:
        return sum((Fraction(weights.get(label, 1.0)) for label in drop), Fraction(0))

    feasible = [
        cost(drop)
        for size in range(len(droppable) + 1)
        for drop in itertools.combinations(droppable, size)
        if consistent(s.n, without_labels(s.edges, drop))
    ]
    network = Network(s.n, s.edges)
    if not feasible:
        with pytest.raises(ChronoError, match="cannot be made consistent"):
            min_weight_drop(network, weights, hard=hard)
        return
    result = min_weight_drop(network, weights, hard=hard)
    assert result.exact
    assert consistent(s.n, without_labels(s.edges, result.labels))
    assert cost(result.labels) == min(feasible)
    assert not set(result.labels) & hard
    assert list(result.labels) == sorted(set(result.labels))
    for conflict in result.conflicts:
        assert_minimal_conflict(s.n, list(s.edges), conflict)
        assert set(conflict) & set(result.labels)
    assert min_weight_drop(Network(s.n, s.edges), weights, hard=hard) == result


@given(
    st.lists(st.frozensets(st.sampled_from(LABELS), min_size=1, max_size=4), max_size=7),
    st.fixed_dictionaries({label: st.sampled_from([0, 1, 2, 3, 5]) for label in LABELS}),
)
# Greedy (most sets per unit of cost, ties by name) takes b, then a, for 3; c alone costs 2.
@example(
    [frozenset("bcd"), frozenset("ace")],
    {"a": 2, "b": 1, "c": 2, "d": 1, "e": 2, "f": 1, "g": 1},
)
def test_min_hitting_set_is_the_cheapest(sets: list[frozenset[str]], costs: dict[str, int]) -> None:
    cost = {label: Fraction(c) for label, c in costs.items()}
    chosen, optimal = min_hitting_set(sets, cost, deadline=float("inf"))
    assert optimal
    assert all(s & chosen for s in sets)
    cheapest = min(
        sum((cost[label] for label in subset), Fraction(0))
        for size in range(len(LABELS) + 1)
        for subset in itertools.combinations(LABELS, size)
        if all(s & set(subset) for s in sets)
    )
    assert sum((cost[label] for label in chosen), Fraction(0)) == cheapest
    assert min_hitting_set(list(reversed(sets)), cost, deadline=float("inf"))[0] == chosen


def test_min_hitting_set_refuses_an_empty_conflict() -> None:
    with pytest.raises(ChronoError, match="no claim in it can be dropped"):
        min_hitting_set([frozenset("a"), frozenset()], {"a": Fraction(1)}, deadline=float("inf"))


# An oracle for the loop that knows no network: a family of "bad" label sets, each of which
# cannot hold together; a set of kept labels holds when it contains none of them.
bad_families = st.lists(
    st.frozensets(st.sampled_from(LABELS), min_size=1, max_size=3), min_size=1, max_size=5
)


def _holds(bad: Sequence[frozenset[str]], kept: Collection[str]) -> bool:
    return not any(b <= set(kept) for b in bad)


@given(bad_families, st.fixed_dictionaries({label: st.sampled_from([1, 2, 3]) for label in LABELS}))
def test_implicit_hitting_set_finds_the_cheapest_drop_from_any_oracle(
    bad: list[frozenset[str]], costs: dict[str, int]
) -> None:
    # The loop the network and the chronology's case splitter share, against brute force.
    every = list(LABELS)
    asked: list[frozenset[str]] = []

    def find_conflict(drop: frozenset[str]) -> tuple[str, ...] | None:
        asked.append(drop)
        kept = [label for label in every if label not in drop]
        if _holds(bad, kept):
            return None
        return shrink_by_deletion(kept, lambda trial: _holds(bad, trial))

    run = implicit_hitting_set(
        find_conflict, Costs(costs), deadline=float("inf"), refuse=ChronoError
    )
    assert run.settled and run.exact and run.rounds == len(asked)
    assert _holds(bad, [label for label in every if label not in run.drop])
    cheapest = min(
        sum(costs[label] for label in subset)
        for size in range(len(every) + 1)
        for subset in itertools.combinations(every, size)
        if _holds(bad, [label for label in every if label not in subset])
    )
    assert sum(costs[label] for label in run.drop) == cheapest
    for conflict in run.conflicts:
        assert not _holds(bad, conflict)
        assert all(_holds(bad, [x for x in conflict if x != label]) for label in conflict)


@given(bad_families)
def test_shrink_by_deletion_gives_a_minimal_conflict(bad: list[frozenset[str]]) -> None:
    conflict = shrink_by_deletion(list(LABELS), lambda kept: _holds(bad, kept))
    assert not _holds(bad, conflict)
    assert all(_holds(bad, [x for x in conflict if x != label]) for label in conflict)
    assert list(conflict) == sorted(conflict)


def test_implicit_hitting_set_at_a_limit() -> None:
    # Two disjoint conflicts: one round finds one (deletion tries a and b first, so c-d),
    # and max_rounds=1 stops there.
    bad = [frozenset("ab"), frozenset("cd")]

    def find_conflict(drop: frozenset[str]) -> tuple[str, ...] | None:
        kept = [label for label in "abcd" if label not in drop]
        return None if _holds(bad, kept) else shrink_by_deletion(kept, lambda t: _holds(bad, t))

    stopped = implicit_hitting_set(
        find_conflict, Costs({}), deadline=float("inf"), max_rounds=1, refuse=ChronoError
    )
    assert not stopped.settled and not stopped.exact
    assert stopped.conflicts == (("c", "d"),) and stopped.drop == frozenset("c")
    # Past the deadline without stopping, the loop goes on to a drop that settles it.
    going_on = implicit_hitting_set(
        find_conflict, Costs({}), deadline=0.0, stop_at_limit=False, refuse=ChronoError
    )
    assert going_on.settled and not going_on.exact
    assert _holds(bad, [label for label in "abcd" if label not in going_on.drop])
    with pytest.raises(ChronoError, match=r"\('a', 'b'\)"):
        implicit_hitting_set(
            find_conflict,
            Costs({}),
            hard="ab",
            deadline=float("inf"),
            refuse=lambda conflict: ChronoError(str(conflict)),
        )


def test_the_package_exports_public_names_only() -> None:
    import chronoreconcile.chronology
    import chronoreconcile.network

    for package in (chronoreconcile.network, chronoreconcile.chronology):
        assert sorted(package.__all__) == sorted(set(package.__all__))
        for name in package.__all__:
            assert not name.startswith("_") and hasattr(package, name), name


# -- examples -----------------------------------------------------------------------------


def test_three_node_negative_cycle() -> None:
    edges = [Edge(0, 1, 2, "a"), Edge(1, 2, 3, "b"), Edge(2, 0, -6, "c")]
    solution = Network(3, edges).solve()
    assert not solution.consistent
    assert solution.cycle == tuple(edges)
    assert minimal_conflict(edges, 3) == ("a", "b", "c")


def test_zero_weight_cycle_is_consistent() -> None:
    # Two records of one instant ("simultaneous"): x1 - x2 <= 0 and x2 - x1 <= 0.
    edges = [
        Edge(1, 2, 0, "same"),
        Edge(2, 1, 0, "same"),
        Edge(0, 1, 50, "at"),
        Edge(1, 0, -40, "at"),
    ]
    solution = Network(3, edges).solve()
    assert solution.consistent
    assert solution.hi == (0, 50, 50)
    assert solution.lo == (0, 40, 40)


def test_inconsistent_component_that_node_0_never_meets_is_found() -> None:
    # Nodes 3 and 4 neither reach nor are reached from node 0: no run from node 0 sees them.
    edges = [Edge(0, 1, 5, "a"), Edge(1, 0, -1, "a"), Edge(3, 4, 1, "x"), Edge(4, 3, -2, "y")]
    solution = Network(5, edges).solve()
    assert not solution.consistent
    assert {e.label for e in solution.cycle} == {"x", "y"}
    assert minimal_conflict(edges, 5) == ("x", "y")


def test_inconsistent_component_that_only_reaches_node_0_is_found() -> None:
    edges = [Edge(1, 0, 0, "to0"), Edge(1, 2, 1, "x"), Edge(2, 1, -2, "y")]
    solution = Network(3, edges).solve()
    assert not solution.consistent
    assert {e.label for e in solution.cycle} == {"x", "y"}


def test_nodes_node_0_does_not_reach_still_get_a_schedule() -> None:
    # Node 2 is only constrained against node 1 and towards node 0: hi is unbounded, and
    # the schedule must satisfy the edges into the reached part too.
    edges = [Edge(0, 1, 10, "a"), Edge(2, 1, -7, "b"), Edge(3, 2, 0, "c"), Edge(2, 0, 100, "d")]
    solution = Network(4, edges).solve()
    assert solution.consistent
    assert solution.hi == (0, 10, None, None)
    assert solution.lo == (0, None, -100, -100)
    assert_schedule(solution.potential, edges)


def test_bounds_are_exact_beyond_float_precision() -> None:
    big = 2**62
    edges = [Edge(0, 1, big + 1, "a"), Edge(1, 2, big + 1, "b"), Edge(2, 0, -2 * big - 1, "c")]
    solution = Network(3, edges).solve()
    assert solution.consistent
    assert solution.hi == (0, big + 1, 2 * big + 2)
    assert solution.lo == (0, big, 2 * big + 1)
    # One microsecond tighter and it is a contradiction a float would not see.
    closing = Edge(2, 0, -2 * big - 3, "c2")
    assert not Network(3, [*edges, closing]).solve().consistent


def test_minimal_conflict_names_both_edges_of_a_gap_claim_once() -> None:
    # The gap claim "g" is two edges; only one of them is on the cycle, but the conflict
    # names the claim, and dropping it must restore consistency.
    edges = [
        Edge(1, 2, 10, "g"),
        Edge(2, 1, -5, "g"),
        Edge(0, 1, 0, "at1"),
        Edge(1, 0, 0, "at1"),
        Edge(0, 2, 3, "at2"),
    ]
    assert minimal_conflict(edges, 3) == ("at1", "at2", "g")


def test_minimal_conflict_is_shrunk_past_hard_edges() -> None:
    # The first cycle found may wander through b and c, but the hard edge 1 -> 0 closes a
    # shorter contradiction with a alone.
    edges = [Edge(0, 1, -5, "a"), Edge(1, 2, 0, "b"), Edge(2, 0, 0, "c"), Edge(1, 0, 0, None)]
    assert minimal_conflict(edges, 3) == ("a",)


def test_minimal_conflict_follows_hard_paths_of_several_edges() -> None:
    # The first cycle is a, b; without b, a still closes a negative cycle through two hard
    # edges, 1 -> 2 -> 0, so b is not part of the minimal conflict.
    edges = [Edge(0, 1, -5, "a"), Edge(1, 0, 0, "b"), Edge(1, 2, 0, None), Edge(2, 0, 0, None)]
    assert {e.label for e in Network(3, edges).solve().cycle} == {"a", "b"}
    assert minimal_conflict(edges, 3) == ("a",)


def test_minimal_conflict_of_inconsistent_hard_edges_is_empty() -> None:
    edges = [Edge(1, 2, 1, None), Edge(2, 1, -2, None), Edge(0, 1, 0, "a")]
    assert minimal_conflict(edges, 3) == ()


def test_minimal_conflict_of_consistent_edges_raises() -> None:
    with pytest.raises(ChronoError, match=r"^the constraints are consistent: there is no conflict"):
        minimal_conflict([Edge(0, 1, 5, "a")], 2)


def test_a_conflict_of_hard_claims_cannot_be_dropped() -> None:
    edges = [Edge(0, 1, 5, "h1"), Edge(1, 0, -6, "h2"), Edge(0, 1, 1, "soft")]
    with pytest.raises(ChronoError, match="the hard claims 'h1', 'h2' contradict each other"):
        min_weight_drop(Network(2, edges), {}, hard={"h1", "h2"})


def test_inconsistent_structural_edges_cannot_be_dropped() -> None:
    edges = [Edge(0, 1, 5, None), Edge(1, 0, -6, None)]
    with pytest.raises(ChronoError, match="hard structural constraints"):
        min_weight_drop(Network(2, edges), {})


def test_min_weight_drop_prefers_the_cheap_claim() -> None:
    edges = [Edge(0, 1, 5, "reliable"), Edge(1, 0, -6, "rumour"), Edge(1, 0, -6, "rumour2")]
    result = min_weight_drop(Network(2, edges), {"reliable": 3.0, "rumour": 0.5, "rumour2": 0.5})
    assert result == DropResult(
        ("rumour", "rumour2"), (("reliable", "rumour"), ("reliable", "rumour2")), True, 3
    )
    # Dearer rumours: one reliable claim is cheaper to drop than both.
    result = min_weight_drop(Network(2, edges), {"reliable": 0.9, "rumour": 0.5, "rumour2": 0.5})
    assert result.labels == ("reliable",)


def test_min_weight_drop_on_a_consistent_network_drops_nothing() -> None:
    result = min_weight_drop(Network(2, [Edge(0, 1, 5, "a")]), {})
    assert result == DropResult((), (), True, 1)


def test_min_weight_drop_limits_give_a_consistent_greedy_drop() -> None:
    # Three independent contradictions need three rounds; one round is allowed.
    edges = [e for k in (1, 2, 3) for e in (Edge(0, k, 5, f"p{k}"), Edge(k, 0, -6, f"q{k}"))]
    result = min_weight_drop(Network(4, edges), {}, max_rounds=1)
    assert not result.exact
    assert consistent(4, without_labels(edges, result.labels))
    assert len(result.labels) == 3


def test_min_weight_drop_rejects_negative_weights() -> None:
    with pytest.raises(ChronoError, match="weight of claim 'a' must be a number >= 0, not -1"):
        min_weight_drop(Network(2, [Edge(0, 1, 5, "a")]), {"a": -1})


def test_a_lone_string_is_not_a_set_of_labels() -> None:
    network = Network(2, [Edge(0, 1, 5, "ab")])
    with pytest.raises(
        ChronoError, match="labels must be a collection of claim ids, not the string 'ab'"
    ):
        network.without("ab")
    with pytest.raises(ChronoError, match="hard must be a collection of claim ids"):
        min_weight_drop(network, {}, hard="ab")


def test_add_incremental_before_solve_solves() -> None:
    network = Network(3, [Edge(0, 1, 5, "a")])
    assert network.add_incremental(Edge(1, 2, 1, "b")).hi == (0, 5, 6)


def test_add_edge_invalidates_the_solution() -> None:
    network = Network(2, [Edge(0, 1, 5, "a")])
    assert network.solve().hi == (0, 5)
    network.add_edge(Edge(0, 1, 3, "b"))
    assert network.solve().hi == (0, 3)


def test_incremental_repair_keeps_node_0_at_zero() -> None:
    # Node 1 is pinned to node 0 by a hard edge, so lowering it drags node 0 down too.
    network = Network(3, [Edge(2, 1, -1, "a")])
    network.solve()
    edges = [Edge(2, 1, -1, "a"), Edge(1, 0, 0, None)]
    solution = network.add_incremental(edges[1])
    assert_schedule(solution.potential, edges)
    assert solution.hi == (0, None, None)
    assert solution.lo == (0, 0, 1)


def test_incremental_inconsistency_is_kept() -> None:
    network = Network(3, [Edge(0, 1, 5, "a"), Edge(1, 2, 5, "b")])
    network.solve()
    broken = network.add_incremental(Edge(2, 0, -11, "c"))
    assert [e.label for e in broken.cycle] == ["a", "b", "c"]
    assert network.add_incremental(Edge(0, 2, 1, "d")) is broken


def test_without_removes_every_edge_of_the_labels() -> None:
    edges = [Edge(0, 1, 5, "a"), Edge(1, 0, -6, "a"), Edge(0, 1, 9, "b"), Edge(1, 0, 0, None)]
    assert Network(2, edges).without(["a"]).edges == (edges[2], edges[3])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1.5, 2, 3, "a"), r"edge node u must be an int >= 0, not 1\.5"),
        ((True, 2, 3, "a"), "edge node u must be an int >= 0, not True"),
        ((1, -2, 3, "a"), "edge node v must be an int >= 0, not -2"),
        ((1, 2, 3.0, "a"), r"edge bound w must be an int \(microseconds\), not 3\.0"),
        ((1, 2, 3, 7), "edge label must be a str or None, not 7"),
    ],
)
def test_edge_checks_its_fields(args: tuple[object, ...], message: str) -> None:
    with pytest.raises(ChronoError, match=f"^{message}$"):
        Edge(*args)  # type: ignore[arg-type]


def test_network_checks_its_nodes() -> None:
    with pytest.raises(ChronoError, match=r"names node 5, but the nodes are 0\.\.2$"):
        Network(3, [Edge(0, 5, 1, "a")])
    with pytest.raises(ChronoError, match="at least node 0"):
        Network(0)


def test_reprs_say_what_they_mean() -> None:
    assert repr(Edge(1, 2, -5, None)) == "Edge(x[2] - x[1] <= -5, label=None)"
    assert repr(Network(3, [Edge(0, 1, 1, "a")])) == "Network(3 nodes, 1 edges)"
    assert repr(Network(2).solve()) == "Solution(consistent, 2 nodes)"
