"""Reconciliation: many sources' claims to one consistent chronology, or the exact conflicts.

The package's modules, lowest first: ``_problem`` (the read-only Problem a chronology hands
the others, and an event's own time as a claim), ``_compile`` (claims to network
constraints), ``_shapes`` (the to_dict shape), ``_result`` (Reconciliation, Conflict, Bounds),
``_explain`` (a conflict in words), ``_solve`` (one network, or a case split) and ``_model``
(the Chronology). Each imports only the modules before it, ``..network`` and the flat
modules below the chronology, so there is no circle; nothing outside the package imports
those modules, only the names below.
"""

from __future__ import annotations

from ._model import Chronology
from ._problem import Problem
from ._result import Bounds, Conflict, Reconciliation, Workings, workings
from ._shapes import ClaimReport, ConflictReport, EventReport, ReconciliationDict

__all__ = [
    # the chronology and what reconciling it gives
    "Bounds",
    "Chronology",
    "Conflict",
    "Reconciliation",
    # the shape of Reconciliation.to_dict()
    "ClaimReport",
    "ConflictReport",
    "EventReport",
    "ReconciliationDict",
    # what a reconciliation was computed from (benchmarks and tools that inspect it)
    "Problem",
    "Workings",
    "workings",
]
