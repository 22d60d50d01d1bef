"""The report as JSON: the stable shape ``data/report.schema.json`` describes.

``SCHEMA_VERSION`` is the report's ``schema`` key; it changes whenever a key is renamed,
removed or changes meaning (new optional keys do not change it). Instants are ISO 8601 in
UTC with a ``Z``; local readings are naive ISO 8601 wall times with the zone beside them.

May import: the standard library and the sibling ``model`` and ``times`` modules.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .model import ClaimEntry, ConflictEntry, EventEntry, Report
from .times import utc_iso

__all__ = ["SCHEMA_VERSION", "render_json", "report_dict"]

SCHEMA_VERSION = 1


def _weight(weight: float) -> float | str:
    # JSON has no infinity; a claim that must hold is written "inf".
    return "inf" if math.isinf(weight) else weight


def _event(e: EventEntry) -> dict[str, Any]:
    bounded = e.lower is not None and e.upper is not None
    return {
        "label": e.label,
        "start": utc_iso(e.lower) if bounded else None,
        "end": utc_iso(e.upper) if bounded else None,
        "lower": utc_iso(e.lower),
        "upper": utc_iso(e.upper),
        "given": None
        if e.given is None
        else {"start": utc_iso(e.given[0]), "end": utc_iso(e.given[1])},
        "local": [
            {"zone": r.zone, "start": r.start, "end": r.end, "text": r.text} for r in e.readings
        ],
        "note": e.note,
    }


def _claim(c: ClaimEntry) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "events": list(c.events),
        "status": c.status,
        "explanation": c.explanation,
        "source": c.source,
        "note": c.note,
        "weight": _weight(c.weight),
        "dropped": c.dropped,
    }


def _conflict(c: ConflictEntry) -> dict[str, Any]:
    return {
        "claims": list(c.claims),
        "steps": [{"claim": s.claim, "text": s.text, "source": s.source} for s in c.steps],
        "zones": list(c.zones),
        "explanation": c.explanation,
    }


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain data (the JSON document before it is written)."""
    return {
        "schema": SCHEMA_VERSION,
        "title": report.title,
        "consistent": report.consistent,
        "exact": report.exact,
        "tzdata": report.tzdata,
        "zone_data": {"source": report.zone_data, "release": report.tzdata},
        "events": {e.id: _event(e) for e in report.events},
        "claims": {c.id: _claim(c) for c in report.claims},
        "conflicts": [_conflict(c) for c in report.conflicts],
        "drop": list(report.drop),
        "warnings": list(report.warnings),
    }


def render_json(report: Report) -> str:
    """The report as a JSON document (UTF-8 text, sources as written, two-space indent)."""
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
