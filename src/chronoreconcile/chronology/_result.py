"""The result of reconciling: bounds, verdicts, conflicts and the drop, and its reports.

``Reconciliation`` is what ``Chronology.reconcile`` returns; ``Conflict`` one minimal set of
claims that cannot hold together; ``Bounds`` the mapping of event ids to tightest spans.
``Workings`` is what a reconciliation keeps to judge claims lazily and to let
``Chronology.add`` update it in place; a pickled Reconciliation keeps its findings, not
its workings.

May import: the standard library, the flat modules below the chronology, ``..network``,
``._problem``, ``._compile`` and ``._shapes``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._events import UnknownEventError
from .._spans import Span, format_micros
from .._verdicts import Status, Verdict, judge
from .._wording import describe_local, zone_phrase
from ..network import Network, Solution
from ..zones import format_offset, tzdata_version
from ._compile import Compiled, Entry, entry_id, full
from ._problem import EventAt, Problem
from ._shapes import EventReport, ReconciliationDict

__all__ = [
    "Bounds",
    "Conflict",
    "Reconciliation",
    "Workings",
    "span_text",
    "workings",
]

_US = 10**6


@dataclass(frozen=True, slots=True)
class Conflict:
    """A minimal set of claims that cannot all hold, with the chain of reasoning in words."""

    claims: tuple[str, ...]
    explanation: str
    zones: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{', '.join(self.claims)}: {self.explanation}"


@dataclass(slots=True)
class Workings:
    """What a reconciliation was computed from and keeps for later questions.

    Nothing changes one once made. It is not a frozen dataclass because ``Chronology.add``
    makes one per call, and a frozen dataclass's ``__init__`` (object.__setattr__ per
    field) costs several times a plain one's: about a tenth of an add on the benchmark.

    ``network``: the solved network when ``Chronology.add`` may extend it (consistent, no
    case split), else None. ``nodes``/``znodes``: the node of each event and soft zone.
    ``compiled``: every claim compiled. ``cases``: the surviving options of disjunctive
    claims after a case split.
    """

    problem: Problem
    solution: Solution
    network: Network | None
    nodes: Mapping[str, int]
    znodes: Mapping[str, int]
    compiled: Sequence[Entry]
    cases: Mapping[str, tuple[str, ...]] | None


def workings(result: Reconciliation) -> Workings | None:
    """The workings ``result`` keeps (None once it went through pickle)."""
    return result._work


def span_text(span: Span) -> str:
    """A span as prose: one instant when it is a minute or less, else "from to"."""
    if span.end_us - span.start_us <= 60 * _US:
        return format_micros(span.start_us)
    return f"{format_micros(span.start_us)} to {format_micros(span.end_us)}"


class Bounds(Mapping[str, Span | None]):
    """Tightest span per event id, made on access (a chronology may hold 10,000 events).

    ``None`` where the claims leave an event unbounded on some side.
    """

    __slots__ = ("_r",)

    def __init__(self, result: Reconciliation) -> None:
        self._r = result

    def __getitem__(self, eid: str) -> Span | None:
        r = self._r
        if eid not in r._nodes:
            raise UnknownEventError(
                f"no event {eid!r} in this chronology; known events: "
                + ", ".join(sorted(r._nodes)[:20])
            )
        v = r._nodes[eid]
        lo, hi = r._solution.lo[v], r._solution.hi[v]
        if lo is None or hi is None:
            return None
        return Span(lo, hi + 1)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._r._nodes))

    def __len__(self) -> int:
        return len(self._r._nodes)

    def __repr__(self) -> str:
        return f"Bounds({dict(self)!r})"


class Reconciliation:
    """What reconciling a chronology found.

    ``consistent``: whether all claims can hold together. ``bounds[id]``: the tightest span
    of each event that the claims allow (after dropping ``drop`` when inconsistent), None
    when the claims leave it unbounded, with ``unbounded[id]`` saying on which side.
    ``verdicts[claim_id]``: one verdict per claim, an event's own time included.
    ``conflicts``: minimal sets of claims that cannot hold together, explained.
    ``drop``: a cheapest set of claims to remove (``exact`` False if a limit stopped the
    search before proving it cheapest).

    Two reconciliations are equal when they found the same: consistency, exactness, the
    drop, the conflicts, every event's bounds, every verdict and the title. A pickled one
    keeps exactly that (its verdicts are judged before pickling) and equals the original.
    """

    def __init__(
        self,
        work: Workings,
        conflicts: Sequence[Conflict],
        drop: Sequence[str],
        exact: bool,
    ) -> None:
        self._work: Workings | None = work
        self._solution = work.solution
        # Not copied: the node map is made once per reconcile() and never changed, and every
        # add() shares it (a copy of 10,000 entries per add cost more than the update).
        self._nodes = work.nodes
        self._title = work.problem.title
        self.conflicts: tuple[Conflict, ...] = tuple(conflicts)
        self.drop: tuple[str, ...] = tuple(drop)
        self.exact = exact
        self.consistent = not self.drop
        self.bounds: Mapping[str, Span | None] = Bounds(self)
        self._verdicts: dict[str, Verdict] | None = None

    # -- pickling and equality -------------------------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        # The findings, not the workings: the network, the compiled claims and the problem
        # are only needed to judge claims lazily, so the verdicts are judged now.
        return {
            "solution": self._solution,
            "nodes": self._nodes,
            "title": self._title,
            "conflicts": self.conflicts,
            "drop": self.drop,
            "exact": self.exact,
            "verdicts": self.verdicts,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._work = None
        self._solution = state["solution"]
        self._nodes = state["nodes"]
        self._title = state["title"]
        self.conflicts = state["conflicts"]
        self.drop = state["drop"]
        self.exact = state["exact"]
        self.consistent = not self.drop
        self.bounds = Bounds(self)
        self._verdicts = state["verdicts"]

    def _meaning(self) -> tuple[object, ...]:
        sol = self._solution
        spans = {eid: (sol.lo[v], sol.hi[v]) for eid, v in self._nodes.items()}
        return (
            self.consistent,
            self.exact,
            self.drop,
            self.conflicts,
            self._title,
            spans,
            self.verdicts,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Reconciliation):
            return NotImplemented
        return self is other or self._meaning() == other._meaning()

    __hash__ = None  # type: ignore[assignment]

    # -- what it found ---------------------------------------------------------------------

    @property
    def tzdata(self) -> str:
        """The tzdata release the zones came from."""
        return tzdata_version()

    @property
    def unbounded(self) -> dict[str, str]:
        """For each event the claims leave open: which side ("no lower bound", ...)."""
        out = {}
        for eid, v in self._nodes.items():
            lo, hi = self._solution.lo[v], self._solution.hi[v]
            if lo is None and hi is None:
                out[eid] = "nothing bounds it"
            elif lo is None:
                out[eid] = f"no lower bound; at the latest {format_micros(hi or 0)}"
            elif hi is None:
                out[eid] = f"no upper bound; at the earliest {format_micros(lo)}"
        return out

    @property
    def verdicts(self) -> dict[str, Verdict]:
        """A verdict for every claim, keyed by claim id (an event's own time by event id)."""
        if self._verdicts is None:
            assert self._work is not None, "an unpickled reconciliation has its verdicts"
            self._verdicts = self._judge_all(self._work)
        return self._verdicts

    def _judge_all(self, work: Workings) -> dict[str, Verdict]:
        problem = work.problem
        spans = {eid: self.bounds[eid] for eid in self._nodes}
        dropped = set(self.drop)
        out: dict[str, Verdict] = {}
        for entry in sorted(work.compiled, key=entry_id):
            c = full(problem, entry)
            claim_spans = {e: spans[e] for e in c.claim.events}
            if c.zone is not None and f"zone:{c.zone.name}" in dropped:
                # Its clock's offset is no longer the premise: reading the event's span on
                # that clock at the premise's offset would contradict the drop.
                (eid,) = c.claim.events
                span = claim_spans[eid]
                when = f"; the {eid} was {span_text(span)}" if span else ""
                base = Verdict(
                    c.cid,
                    Status.HOLDS,
                    f"{c.zone.name} time has no premise offset once zone:{c.zone.name} is"
                    f" dropped; the claims kept put it at {self._free_offset(work, c.zone.name)}"
                    f"{when}",
                )
            elif isinstance(c.claim, EventAt):
                base = _event_verdict(c, claim_spans)
            else:
                base = judge(
                    c.claim, claim_spans, bounded="bounded", assume_holds=c.cid not in dropped
                )
            cases = tuple(work.cases.get(c.cid, ())) if work.cases else ()
            if c.cid in dropped:
                with_ = [
                    ", ".join(x for x in conf.claims if x != c.cid)
                    for conf in self.conflicts
                    if c.cid in conf.claims
                ]
                text = (
                    f"cannot hold together with {'; with '.join(with_)}; dropped at weight"
                    f" {c.weight:g}. Without it, {base.explanation}"
                )
                out[c.cid] = Verdict(c.cid, Status.FAILS, text, ())
            else:
                verb = "is" if len(self.drop) == 1 else "are"
                prefix = "" if self.consistent else f"once {', '.join(self.drop)} {verb} dropped: "
                text = prefix + base.explanation
                if cases:
                    text += "; cases that remain: " + ", ".join(cases)
                out[c.cid] = Verdict(c.cid, Status.HOLDS, text, cases)
        for name in sorted(work.znodes):
            label = f"zone:{name}"
            zone = problem.zones[name]
            if label in dropped:
                weight = problem.zone_weights[name]
                out[label] = Verdict(
                    label,
                    Status.FAILS,
                    f"premise: {zone.describe()}; dropped at weight {weight:g}: the claims kept"
                    f" put the offset at {self._free_offset(work, name)}",
                )
            else:
                out[label] = Verdict(label, Status.HOLDS, f"premise: {zone.describe()}")
        return out

    def _free_offset(self, work: Workings, name: str) -> str:
        """The offsets of a soft zone's clock that the solution allows, rounded outward."""
        z = work.znodes[name]
        lo, hi = self._solution.lo[z], self._solution.hi[z]
        # x_z = -offset (microseconds), so the offset runs from -hi to -lo.
        low = None if hi is None else format_offset(-hi // _US)
        high = None if lo is None else format_offset(-(lo // _US))
        if low is None and high is None:
            return "any offset"
        if low is None:
            return f"at most {high}"
        if high is None:
            return f"at least {low}"
        return low if low == high else f"{low} to {high}"

    # -- reports ---------------------------------------------------------------------------

    def to_dict(self) -> ReconciliationDict:
        """The JSON report: consistent, tzdata, events, claims, conflicts, drop."""
        events: dict[str, EventReport] = {}
        for eid in sorted(self._nodes):
            span = self.bounds[eid]
            events[eid] = (
                {"start": span.start.isoformat(), "end": span.end.isoformat()}
                if span
                else {"start": None, "end": None, "note": self.unbounded.get(eid, "")}
            )
        return {
            "consistent": self.consistent,
            "tzdata": self.tzdata,
            "events": events,
            "claims": {
                cid: {"status": str(v.status), "explanation": v.explanation}
                for cid, v in self.verdicts.items()
            },
            "conflicts": [
                {"claims": list(c.claims), "explanation": c.explanation} for c in self.conflicts
            ],
            "drop": list(self.drop),
        }

    def report(self) -> str:
        """The reconciliation as text a historian can read."""
        lines = []
        title = self._title
        if title:
            lines.append(title)
        state = "consistent" if self.consistent else "inconsistent"
        lines.append(f"{state} (tzdata {self.tzdata})")
        lines.append("events:")
        for eid in sorted(self._nodes):
            span = self.bounds[eid]
            lines.append(f"  {eid}: {span!r}" if span else f"  {eid}: {self.unbounded.get(eid)}")
        lines.append("claims:")
        for cid, v in self.verdicts.items():
            lines.append(f"  {cid}: {v.status} — {v.explanation}")
        if self.conflicts:
            lines.append("conflicts:")
            for c in self.conflicts:
                lines.append(f"  {', '.join(c.claims)}: {c.explanation}")
            lines.append(
                "drop: "
                + ", ".join(self.drop)
                + ("" if self.exact else " (best found; limit reached)")
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Reconciliation(consistent={self.consistent}, conflicts={len(self.conflicts)}, drop={list(self.drop)})"


def _event_verdict(c: Compiled, spans: Mapping[str, Span | None]) -> Verdict:
    (eid,) = c.claim.events
    span = spans[eid]
    if span is None:
        return Verdict(eid, Status.UNDETERMINED, "unbounded")
    zone = c.zone
    where = (
        f"{zone_phrase(zone)} it was {describe_local(span.start_us, span.end_us, zone)}"
        if zone
        else f"it was {span_text(span)}"
    )
    return Verdict(eid, Status.HOLDS, f"recorded as {' or '.join(c.option_texts)}; {where}")
