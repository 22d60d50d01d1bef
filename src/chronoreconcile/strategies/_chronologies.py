"""Strategies for whole chronologies built from a hidden true timeline.

A ``Timeline`` draws true instants for a few events, then claims that are true of them
(exact anchors in various zones, gaps that contain the true difference, orders), so the
chronology is consistent by construction and every true instant must lie in its bounds.
Contradictions are injected as gaps that exclude the true difference of two anchored
events by more than the anchors' precision.

May import: hypothesis and the package's public names (``chronoreconcile``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

import chronoreconcile as cr

__all__ = ["Timeline", "chronologies"]

MINUTE = 60 * 10**6
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# Zones with transitions near the drawn instants (1945: war time, double summer time).
ZONES = ["UTC", "+10:00", "Europe/Moscow", "Europe/London", "America/New_York", "Asia/Tokyo"]
BASE = int((dt.datetime(1945, 8, 8, tzinfo=dt.UTC) - EPOCH).total_seconds()) * 10**6


@dataclass
class Timeline:
    """A chronology's events and claims, and the hidden true instants they were drawn from.

    ``truth`` maps each event id to its true instant (microseconds since the epoch, whole
    minutes); ``anchored`` lists the events an At claim pins to a local time.
    """

    truth: dict[str, int]
    events: list[cr.Event]
    claims: list[cr.Claim]
    anchored: list[str]

    @property
    def chronology(self) -> cr.Chronology:
        """The Chronology of these events and claims."""
        return cr.Chronology(events=self.events, claims=self.claims)


def _local_text(micros: int, zone: str) -> str:
    local = cr.to_local(EPOCH + dt.timedelta(microseconds=micros), zone)
    return local.strftime("%Y-%m-%dT%H:%M")


@st.composite
def chronologies(draw: st.DrawFn, min_events: int = 2, max_events: int = 6) -> Timeline:
    """A Timeline: true instants for a few events near 1945-08-08, then claims true of them
    (At in several zones, Before, Gap), consistent by construction."""
    n = draw(st.integers(min_events, max_events))
    ids = [f"e{k}" for k in range(n)]
    # Whole minutes within ten days, so that anchors written to the minute are exact.
    truth = {e: BASE + draw(st.integers(0, 10 * 24 * 60)) * MINUTE for e in ids}
    events = [cr.Event(e) for e in ids]
    claims: list[cr.Claim] = []
    anchored = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=n, unique=True))
    for e in anchored:
        zone = draw(st.sampled_from(ZONES))
        text = _local_text(truth[e], zone)
        try:
            claim = cr.At(e, text, zone, id=f"at-{e}")
        except cr.ChronoError:
            continue
        claims.append(claim)
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=2 * n))
    for k, (a, b) in enumerate(pairs):
        if a == b:
            continue
        diff = truth[b] - truth[a]
        if draw(st.booleans()) and diff > 0:
            claims.append(cr.Before(a, b, id=f"before-{k}"))
            continue
        slack_lo = draw(st.integers(0, 120)) * MINUTE
        slack_hi = draw(st.integers(0, 120)) * MINUTE
        lo, hi = diff - slack_lo, diff + slack_hi
        if diff < 0:  # state it the other way round: a - b lies in [-hi, -lo]
            a, b, lo, hi = b, a, -hi, -lo
        lo = max(lo, 0)
        claims.append(cr.Gap(a, b, f"PT{lo // MINUTE}M", f"PT{hi // MINUTE}M", id=f"gap-{k}"))
    return Timeline(truth, events, claims, [c.event for c in claims if isinstance(c, cr.At)])
