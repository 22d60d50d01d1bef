"""The shape of ``Reconciliation.to_dict()``, the JSON report, as TypedDicts.

May import: the standard library only.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

__all__ = ["ClaimReport", "ConflictReport", "EventReport", "ReconciliationDict"]


class EventReport(TypedDict):
    """One event in ``Reconciliation.to_dict()``: its span as ISO 8601 UTC, or why none."""

    start: str | None
    end: str | None
    note: NotRequired[str]


class ClaimReport(TypedDict):
    """One claim's verdict in ``Reconciliation.to_dict()``."""

    status: str
    explanation: str


class ConflictReport(TypedDict):
    """One conflict in ``Reconciliation.to_dict()``."""

    claims: list[str]
    explanation: str


class ReconciliationDict(TypedDict):
    """The shape of ``Reconciliation.to_dict()``, the JSON report."""

    consistent: bool
    tzdata: str
    events: dict[str, EventReport]
    claims: dict[str, ClaimReport]
    conflicts: list[ConflictReport]
    drop: list[str]
