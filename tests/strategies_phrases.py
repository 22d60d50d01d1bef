"""Hypothesis strategies for claims in the source's words: user lexicons and widened readings.

``widened_nearly`` draws two lexicons whose "nearly" entries differ only in that the second
one's range contains the first one's (a lower bound as low or lower, an upper bound as high
or higher, an end that is closed where the first is closed): widening a reading.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

import chronoreconcile as cr

NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
UNITS = ["minutes", "hours", "days"]


def nearly_lexicon(lower_percent: int, upper_percent: int, upper_closed: bool) -> cr.Lexicon:
    """The default lexicon with "nearly" replaced by the given percentages of N."""
    text = f"""
[[quantity]]
phrase = "nearly"
lower_percent = {lower_percent}
upper_percent = {upper_percent}
upper_closed = {"true" if upper_closed else "false"}
rule = "{lower_percent}% to {upper_percent}% of N"
rationale = "A reading drawn by a test."
example = "nearly six hours"
"""
    return cr.Lexicon.from_toml(text, source="test")


@dataclass(frozen=True)
class Widening:
    narrow: cr.Lexicon
    wide: cr.Lexicon


@st.composite
def widened_nearly(draw: st.DrawFn) -> Widening:
    lo = draw(st.integers(-50, 0))
    hi = draw(st.integers(0, 20))
    closed = draw(st.booleans()) if hi > lo else True
    wider_lo = lo - draw(st.integers(0, 40))
    wider_hi = hi + draw(st.integers(0, 40))
    wider_closed = closed or draw(st.booleans()) or wider_hi > hi
    if wider_hi == hi and closed:
        wider_closed = True
    return Widening(
        nearly_lexicon(lo, hi, closed), nearly_lexicon(wider_lo, wider_hi, wider_closed)
    )


def nearly_phrases() -> st.SearchStrategy[str]:
    """Phrases "nearly N units later" with N in words."""
    return st.builds(
        lambda n, u: f"nearly {n} {u} later", st.sampled_from(NUMBER_WORDS), st.sampled_from(UNITS)
    )
