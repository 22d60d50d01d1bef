"""Wording a conflict: the chain of reasoning from the other claims to the one that differs.

May import: the standard library, the flat modules below the chronology, ``..network``,
``._problem``, ``._compile`` and ``._result``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .._claims import At, Before, Gap, OnDate, SameDate
from .._spans import Span
from .._verdicts import judge
from .._wording import zone_phrase
from ..network import Edge, Network
from ..zones import format_offset
from ._compile import Compiled
from ._problem import EventAt, Problem
from ._result import Conflict, span_text

__all__ = ["explain"]

_US = 10**6


def explain(
    problem: Problem,
    labels: set[str],
    compiled: list[Compiled],
    nodes: Mapping[str, int],
    znodes: Mapping[str, int],
    n: int,
    premise_edges: list[Edge],
) -> Conflict:
    """Walk the chain: what the other claims of the conflict imply, and how the last one differs."""
    parts = [c for c in compiled if c.cid in labels]
    # The claim the explanation ends on: the cheapest (the likeliest to give way), then by id.
    last = min(parts, key=lambda c: (c.weight, c.cid), default=None)
    premises = [f"zone:{z}" for z in znodes if f"zone:{z}" in labels]
    zones_used = _zone_premises(parts, problem, premises)
    if last is None:
        text = "the zone premises " + ", ".join(premises) + " contradict each other"
        return Conflict(tuple(sorted(labels)), text, tuple(zones_used))
    others = [c for c in parts if c is not last]
    edges = [e for e in premise_edges if e.label in labels or e.label is None]
    edges += (
        [e for c in others for e in c.options[0]]
        if all(len(c.options) == 1 for c in others)
        else []
    )
    steps = []
    for c in sorted(others, key=lambda c: _chain_rank(c, last)):
        steps.append(_statement(c))
    spans: dict[str, Span | None] = {}
    if all(len(c.options) == 1 for c in others):
        sol = Network(n, edges).solve()
        if sol.consistent:
            for eid in last.claim.events:
                v = nodes[eid]
                lo, hi = sol.lo[v], sol.hi[v]
                spans[eid] = None if lo is None or hi is None else Span(lo, hi + 1)
    if all(spans.get(e) is not None for e in last.claim.events) and spans:
        derived = "; ".join(
            f"so the {eid} was {span_text(span)}" for eid, span in spans.items() if span
        )
        if isinstance(last.claim, EventAt):
            (eid,) = last.claim.events
            ending = f"{derived}; but {eid}'s own record says {' or '.join(last.option_texts)}"
            if last.zone is not None:
                ending += f" {zone_phrase(last.zone)}"
        else:
            ending = f"{derived}; {last.cid}: {judge(last.claim, spans).explanation}"
    else:
        ending = f"but {_statement(last)}"
    text = "; ".join([*steps, ending])
    if zones_used:
        text += ". This rests on the zone premises: " + "; ".join(zones_used)
    return Conflict(tuple(sorted(labels)), text, tuple(zones_used))


def _chain_rank(c: Compiled, last: Compiled) -> tuple[int, str]:
    # Absolute claims first (they anchor the chain), then differences.
    return (0 if isinstance(c.claim, At | OnDate | EventAt) else 1, c.cid)


def _statement(c: Compiled) -> str:
    claim = c.claim
    if isinstance(claim, Gap | Before):
        return f"{c.cid} puts the {claim.describe()}"
    if isinstance(claim, SameDate):
        assert claim.zone_used is not None
        dates = " or ".join(c.option_texts)
        return (
            f"{c.cid} puts the {claim.a} and the {claim.b} on one local date"
            f" {claim.zone_used.phrase}, {dates}"
        )
    if isinstance(claim, At | OnDate | EventAt):
        eid = claim.events[0]
        texts = " or ".join(c.option_texts)
        zone = f" {c.zone.phrase}" if c.zone else ""
        if all(e.u == 0 or e.v == 0 for opt in c.options for e in opt):
            ranges = " or ".join(span_text(Span(-opt[1].w, opt[0].w + 1)) for opt in c.options)
            return f"{c.cid} puts the {eid} at {texts}{zone}, that is {ranges}"
        return f"{c.cid} puts the {eid} at {texts}{zone}"
    return c.cid


def _zone_premises(parts: Sequence[Compiled], problem: Problem, premises: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for c in parts:
        z = c.zone
        if z is None or z.name in seen:
            continue
        events = c.claim.events[0]
        lo = (
            min(-opt[1].w for opt in c.options) if all(opt[1].v == 0 for opt in c.options) else None
        )
        if lo is not None:
            off = z.offset_seconds(lo // _US)
            offset = format_offset(off)
        else:
            offset = format_offset(z.offset_seconds(0))
        if z.kind == "iana":
            link = f", where {z.name.split('/')[-1]} is a link to {z.target}" if z.target else ""
            # data_release names the data the offset came from: "tzdata 2026f", or
            # "backzone from tz 2026c+" for a zone read from the bundled backzone build.
            text = f"{events} in {z.name}: {offset} per {z.data_release}{link}"
        elif (
            z.kind == "record"
            and z.name in problem.zone_weights
            and (f"zone:{z.name}" not in premises)
        ):
            # A soft premise outside the conflict: the claims on this clock contradict each
            # other whatever its offset.
            text = f"{events} {z.phrase}: one clock throughout, whatever its offset"
        elif z.kind == "record":
            soft = f"zone:{z.name}" in premises
            text = f"{events} {z.phrase}: {offset}, a zone of record" + (" (soft)" if soft else "")
            if z.note:
                text += f" ({z.note})"
        else:
            text = f"{events} at the fixed offset {offset}"
        seen[z.name] = text
    return list(seen.values())
