"""Edges: the difference constraints a network is made of, and the two bulk shapes.

An ``Edge(u, v, w, label)`` is the constraint ``x[v] - x[u] <= w`` (see the package
docstring). Besides the checked Edge this module names the two unchecked shapes the
reconciliation layer hands in bulk: a ``RawEdge`` tuple and an ``Interval``.

May import: the standard library and ``chronoreconcile._errors``; nothing else of the
package, and nothing above it (the network knows no dates).
"""

from __future__ import annotations

from collections.abc import Collection

from .._errors import ChronoError

__all__ = ["Edge", "Interval", "RawEdge", "interval_edges", "label_set", "trusted_edge"]


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
    uses ``trusted_edge``, which skips the checks.
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
RawEdge = tuple[int, int, int, str | None]
# An interval constraint lo <= x[v] - x[u] <= hi (hi None: no upper bound) as the bulk path
# passes it: (label, anything, u, v, lo, hi). The reconciliation layer's compact difference
# claims have this shape, their weight in the second place.
Interval = tuple[str, float, int, int, int, int | None]


def interval_edges(interval: Interval) -> list[RawEdge]:
    """The edges of an interval constraint: x[u] - x[v] <= -lo, then x[v] - x[u] <= hi."""
    label, _, u, v, lo, hi = interval
    if hi is None:
        return [(v, u, -lo, label)]
    return [(v, u, -lo, label), (u, v, hi, label)]


def trusted_edge(u: int, v: int, w: int, label: str | None) -> Edge:
    """An edge from values the caller has already checked (ints, nodes >= 0)."""
    return tuple.__new__(Edge, (u, v, w, label))


def label_set(labels: Collection[str], name: str) -> frozenset[str]:
    """``labels`` as a frozenset; ``name`` says in the message what was passed."""
    # A lone string is a collection of one-letter labels: almost certainly a mistake.
    if isinstance(labels, str):
        raise ChronoError(f"{name} must be a collection of claim ids, not the string {labels!r}")
    return frozenset(labels)
