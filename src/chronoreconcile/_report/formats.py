"""The report's entry points for the CLI: render a report in a named format, draw its picture.

May import: the standard library, the public names of the package and the sibling modules
of this subpackage.
"""

from __future__ import annotations

import html
import importlib.resources
from typing import TYPE_CHECKING

import chronoreconcile as cr

from .model import Report, build_report
from .render_json import render_json
from .render_markdown import render_markdown
from .render_text import render_text
from .svg import draw_timeline

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from .. import Chronology, Reconciliation

__all__ = ["FORMATS", "render", "schema_path", "timeline_svg"]

FORMATS = ("text", "json", "markdown", "html")


def timeline_svg(chronology: Chronology, reconciliation: Reconciliation) -> str:
    """The timeline of ``reconciliation`` (made from ``chronology``) as self-contained SVG."""
    return draw_timeline(build_report(chronology, reconciliation))


def render_html(report: Report) -> str:
    """A standalone HTML page: the text report beside the timeline picture."""
    title = html.escape(report.title or "Chronology report")
    svg = draw_timeline(report).split("\n", 1)[1]  # without the XML declaration
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        "<style>body{font-family:sans-serif;margin:1em;display:flex;flex-wrap:wrap;gap:1em}"
        "pre{white-space:pre-wrap;max-width:100ch;font-size:13px}</style></head><body>\n"
        f"<pre>{html.escape(render_text(report))}</pre>\n<div>{svg}</div>\n</body></html>\n"
    )


def render(report: Report, format: str) -> str:
    """The report as text: ``format`` is "text", "json", "markdown" or "html"."""
    if format == "text":
        return render_text(report)
    if format == "json":
        return render_json(report)
    if format == "markdown":
        return render_markdown(report)
    if format == "html":
        return render_html(report)
    raise cr.ChronoError(f"unknown report format {format!r}; expected one of " + ", ".join(FORMATS))


def schema_path() -> Traversable:
    """The JSON Schema of the JSON report, as shipped in the package (data/report.schema.json)."""
    return importlib.resources.files("chronoreconcile").joinpath("data/report.schema.json")
