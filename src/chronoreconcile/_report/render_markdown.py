"""The report as Markdown a person can paste into a document: tables and numbered lists.

May import: the standard library and the sibling ``model``, ``times`` and ``render_text``
modules.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Report
from .render_text import headline
from .times import utc_span, weight_text

__all__ = ["render_markdown"]


def _cell(text: str | None) -> str:
    """Table cell text: pipes escaped, line breaks as spaces, empty as a dash."""
    if not text:
        return "—"
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _inline(text: str) -> str:
    """Running text with Markdown's emphasis and link characters escaped."""
    out = text.replace("\\", "\\\\")
    for ch in "*_`[]<>":
        out = out.replace(ch, "\\" + ch)
    return out


def _table(head: Sequence[str], rows: Sequence[Sequence[str | None]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(report: Report) -> str:
    """The whole report as Markdown: an events table, a claims table, conflicts as lists."""
    lines = [f"# {_inline(report.title or 'Chronology report')}", ""]
    lines += [_inline(headline(report)), ""]
    lines += [f"Zone data: tzdata {_inline(report.tzdata)} ({_inline(report.zone_data)}).", ""]
    lines += ["## Events", ""]
    rows: list[list[str | None]] = []
    for e in report.events:
        given = "nothing recorded" if e.given is None else utc_span(*e.given)
        local = "; ".join(r.text for r in e.readings)
        rows.append([e.name, utc_span(e.lower, e.upper), local, given])
    lines += _table(["Event", "Tightened span (UTC)", "Local time", "Given span (UTC)"], rows)
    lines += ["", "## Claims", ""]
    if report.preface:
        lines += [f"Verdicts hold {_inline(report.preface)}.", ""]
    rows = []
    for c in report.claims:
        status = c.status + (" (dropped)" if c.dropped else "")
        rows.append(
            [f"`{c.id}`", c.says, status, c.source, c.explanation, weight_text(c.weight), c.note]
        )
    lines += _table(["Claim", "Says", "Verdict", "Source", "Why", "Weight", "Note"], rows)
    if report.conflicts:
        lines += ["", "## Conflicts", ""]
        for k, conf in enumerate(report.conflicts, 1):
            ids = ", ".join(f"`{cid}`" for cid in conf.claims)
            lines += [f"### Conflict {k}: {ids}", ""]
            for n, step in enumerate(conf.steps, 1):
                text = _inline(step.text)
                if step.source:
                    text += f" — source: {_inline(step.source)}"
                lines.append(f"{n}. {text}")
            if conf.zones:
                lines += ["", "Rests on the zone premises:", ""]
                lines += [f"- {_inline(z)}" for z in conf.zones]
            lines.append("")
        proven = "proven the cheapest" if report.exact else "best found, not proven the cheapest"
        drop = ", ".join(f"`{cid}`" for cid in report.drop)
        lines.append(f"**Suggested drop:** {drop} ({proven}).")
    if report.warnings:
        lines += ["", "## Warnings", ""]
        lines += [f"- {_inline(w)}" for w in report.warnings]
    return "\n".join(lines).rstrip("\n") + "\n"
