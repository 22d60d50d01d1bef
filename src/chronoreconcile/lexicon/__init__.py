"""Vague phrases read by a documented lexicon: "nearly six hours later", "evening", "circa 1945".

Each phrase becomes bounds, never a point, and the reading says which entry gave them. The
default entries live in ``data/lexicon.toml``; users extend or replace them with their own file.

May import: ``_errors``, ``_units``, ``_durations`` and the standard library; claims and
everything above them may import this package.
"""

from __future__ import annotations

from ._entries import TABLES, Amount, Count, DatePattern, Entry, Quantity, Relative, TimeOfDay
from ._lexicon import MAX_PHRASE, Lexicon
from ._reading import Order, Reading, ReadingKind, format_clock

__all__ = [
    "MAX_PHRASE",
    "TABLES",
    "Amount",
    "Count",
    "DatePattern",
    "Entry",
    "Lexicon",
    "Order",
    "Quantity",
    "Reading",
    "ReadingKind",
    "Relative",
    "TimeOfDay",
    "format_clock",
]
