"""One chronology reconciled under two zone data sets, and what changes between them.

For a pre-1970 claim the zone's history is the evidence, and tzdata's merged zones answer
with another city's past. Reconciling the same events and claims under the package's data
and under the bundled backzone build (or a directory) shows which bounds and verdicts rest
on the merge.

The chronology is rebuilt under each data set from what was given (as a pickle rebuilds
it), so zones named by text are read again; zones given as Zone objects keep the data they
were made with.

May import: the standard library, ``.chronology``, ``.zones``, ``._spans``.
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Iterator
from dataclasses import dataclass

from ._spans import Span
from .chronology import Chronology, Reconciliation
from .zones import ZoneData, resolve_zone_data, set_default_zone_data, tzdata_version

__all__ = ["BoundChange", "VerdictChange", "ZoneDataComparison", "compare_zone_data"]


@dataclass(frozen=True, slots=True)
class BoundChange:
    """An event whose bounds differ between the two data sets (None: no bounds)."""

    event: str
    first: Span | None
    second: Span | None


@dataclass(frozen=True, slots=True)
class VerdictChange:
    """A claim whose status differs between the two data sets."""

    claim: str
    first: str
    second: str


@dataclass(frozen=True, slots=True)
class ZoneDataComparison:
    """Two reconciliations of one chronology, the data sets named, and what changed."""

    first_data: str
    second_data: str
    first: Reconciliation
    second: Reconciliation
    bounds: tuple[BoundChange, ...]
    verdicts: tuple[VerdictChange, ...]

    @property
    def changed(self) -> bool:
        """Whether any bound, verdict or the consistency differs."""
        return bool(self.bounds or self.verdicts) or (
            self.first.consistent != self.second.consistent
        )

    def explanation(self) -> str:
        """In words: what changes from the first data set to the second."""
        head = f"under {self.first_data} and under {self.second_data}"
        if not self.changed:
            return f"{head}: the same bounds and verdicts"
        parts = [f"{b.event} {_span(b.first)} becomes {_span(b.second)}" for b in self.bounds] + [
            f"claim {v.claim} {v.first} becomes {v.second}" for v in self.verdicts
        ]
        if self.first.consistent != self.second.consistent:
            parts.append("consistent" if self.second.consistent else "the claims conflict")
        return f"{head}: " + "; ".join(parts)


def _span(span: Span | None) -> str:
    return "unbounded" if span is None else str(span)


@contextlib.contextmanager
def _default(zone_data: ZoneData) -> Iterator[None]:
    previous = set_default_zone_data(zone_data)
    try:
        yield
    finally:
        set_default_zone_data(previous)


def _reconcile_under(chronology: Chronology, zone_data: ZoneData) -> Reconciliation:
    with _default(zone_data):
        rebuilt: Chronology = pickle.loads(pickle.dumps(chronology))
        return rebuilt.reconcile()


def _label(zone_data: ZoneData) -> str:
    data = resolve_zone_data(zone_data)
    return f"tzdata {tzdata_version('tzdata')}" if data is None else tzdata_version(data)


def compare_zone_data(
    chronology: Chronology, zone_data: ZoneData = "backzone", *, baseline: ZoneData = "tzdata"
) -> ZoneDataComparison:
    """Reconcile ``chronology`` under ``baseline`` and ``zone_data``; say what changes.

    The process-wide default zone data is set for each run and restored afterwards, so do
    not run this while other threads convert times.
    """
    first = _reconcile_under(chronology, baseline)
    second = _reconcile_under(chronology, zone_data)
    events = sorted(set(first.bounds) | set(second.bounds))
    bounds = tuple(
        BoundChange(e, first.bounds.get(e), second.bounds.get(e))
        for e in events
        if first.bounds.get(e) != second.bounds.get(e)
    )
    claims = sorted(set(first.verdicts) | set(second.verdicts))
    verdicts = tuple(
        VerdictChange(c, _status(first, c), _status(second, c))
        for c in claims
        if _status(first, c) != _status(second, c)
    )
    return ZoneDataComparison(_label(baseline), _label(zone_data), first, second, bounds, verdicts)


def _status(result: Reconciliation, claim: str) -> str:
    verdict = result.verdicts.get(claim)
    return "absent" if verdict is None else str(verdict.status)
