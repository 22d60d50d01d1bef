"""Hypothesis strategies for the report tests: UTC ranges a timeline may have to draw."""

from __future__ import annotations

from hypothesis import strategies as st

MINUTE_US = 60 * 10**6
# 0001-01-01T00:00Z and 9999-12-31T00:00Z in microseconds since the epoch: what datetime shows.
FIRST_US, LAST_US = -62_135_596_800_000_000, 253_402_214_400_000_000

# Widths from ten minutes (the timeline's least padding) to several millennia, drawn on a
# log scale so that minutes, days and centuries are all tried.
_widths = st.integers(1, 55).map(lambda k: int(10 * MINUTE_US * 1.5**k))


@st.composite
def utc_ranges(draw: st.DrawFn) -> tuple[int, int]:
    """(lo, hi) microseconds, UTC, with hi - lo at least ten minutes, inside years 1..9999."""
    width = min(draw(_widths), LAST_US - FIRST_US - 1)
    lo = draw(st.integers(FIRST_US, LAST_US - width))
    return lo, lo + width
