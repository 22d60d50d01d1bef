"""Claims: one source's statement about events, as a value.

Each claim knows which events it speaks of and, for the absolute kinds (At, OnDate),
the exact instants it allows, as disjoint intervals of microseconds: one interval for an
ordinary time or date, several when the claim is a disjunction ("either 17:00 or 23:00",
a repeated local time, a day split by a transition). Gap, Before and After bound the difference
between two events; SameDate puts two events on one local date. The instants come from read_when, the one path from a wall time to
instants that events take too.

A claim may be written in the source's words instead (``phrase=``): a lexicon reads it
as bounds, never a point, and the claim keeps the ``reading`` so verdicts can name it.

The package's modules, lowest first: ``_base`` (Claim and what the kinds share),
``_absolute`` (At, OnDate), ``_pairs`` (Before, Gap) and ``_relative`` (After, SameDate).
Together they may import _errors, _units, _durations, _parsing, _instants, _spans, zones,
_alternatives, _events, _phrases and lexicon; imported by _ordering, _verdicts, _loading
and the chronology, which import the names below, never the modules.
"""

from __future__ import annotations

from ._absolute import At, OnDate
from ._base import Claim, Duration, EventRef, check_common, claim_kind, event_id
from ._pairs import Before, Gap
from ._relative import After, SameDate, local_day

__all__ = [
    "After",
    "At",
    "Before",
    "Claim",
    "Duration",
    "EventRef",
    "Gap",
    "OnDate",
    "SameDate",
    "check_common",
    "claim_kind",
    "event_id",
    "local_day",
]
