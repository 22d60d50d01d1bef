"""Reports: one model of what a reconciliation found, rendered as text, JSON, Markdown, SVG.

``build_report`` makes the model from a chronology and its reconciliation; ``render``
writes it in one of the formats; ``timeline_svg`` draws the picture. The CLI calls these
three; nothing here reads files or the terminal.

May import: its own modules, ``_units``, and the public names of the package (at call
time). Nothing below the package imports this subpackage.
"""

from __future__ import annotations

from .formats import FORMATS, render, schema_path, timeline_svg
from .model import (
    ClaimEntry,
    ConflictEntry,
    EventEntry,
    LocalReading,
    Report,
    Step,
    build_report,
)
from .render_json import SCHEMA_VERSION

__all__ = [
    # functions
    "build_report",
    "render",
    "schema_path",
    "timeline_svg",
    # types
    "ClaimEntry",
    "ConflictEntry",
    "EventEntry",
    "LocalReading",
    "Report",
    "Step",
    # constants
    "FORMATS",
    "SCHEMA_VERSION",
]
