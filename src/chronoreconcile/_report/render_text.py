"""The report as plain text for a terminal: verdicts, quoted sources, local readings, steps.

May import: the standard library and the sibling ``model`` and ``times`` modules.
"""

from __future__ import annotations

import textwrap

from .model import ClaimEntry, ConflictEntry, EventEntry, Report
from .times import utc_span, weight_text

__all__ = ["headline", "render_text"]

_WIDTH = 100


def headline(report: Report) -> str:
    """One sentence on the whole: consistent, or which claims to drop and whether cheapest."""
    if report.consistent:
        return "Consistent: all claims can hold together."
    proven = "proven the cheapest" if report.exact else "the best found; a limit stopped the search"
    n = len(report.conflicts)
    return (
        f"Inconsistent: {n} conflict{'' if n == 1 else 's'}; suggested drop:"
        f" {', '.join(report.drop)} ({proven})."
    )


def _wrap(label: str, text: str, indent: int, pad: int = 8) -> list[str]:
    head = " " * indent + f"{label:<{pad}} "
    return textwrap.wrap(
        text,
        _WIDTH,
        initial_indent=head,
        subsequent_indent=" " * len(head),
        break_on_hyphens=False,
        break_long_words=False,
    ) or [head.rstrip()]


def _event(e: EventEntry) -> list[str]:
    lines = [f"  {e.name}" + (f" ({e.id})" if e.label else "")]
    lines += _wrap("UTC", utc_span(e.lower, e.upper), 4)
    for r in e.readings:
        lines += _wrap("local", r.text, 4)
    given = "nothing recorded" if e.given is None else utc_span(*e.given)
    lines += _wrap("given", given, 4)
    return lines


def _status(c: ClaimEntry) -> str:
    parts = [c.status]
    if c.dropped:
        parts.append("dropped")
    elif c.conflicting:
        parts.append("in a conflict")
    return ", ".join(parts) + f" (weight {weight_text(c.weight)})"


def _claim(c: ClaimEntry) -> list[str]:
    lines = [f"  {c.id} [{c.kind}]: {_status(c)}"]
    lines += _wrap("says", c.says, 4)
    if c.kind != "zone":  # a zone premise is the file's definition, not a source's words
        lines += _wrap("source", c.source or "(no source given)", 4)
    if c.note:
        lines += _wrap("note", c.note, 4)
    lines += _wrap("verdict", c.explanation, 4)
    return lines


def _conflict(k: int, conf: ConflictEntry) -> list[str]:
    lines = [f"  Conflict {k}: {', '.join(conf.claims)}"]
    for n, step in enumerate(conf.steps, 1):
        text = step.text + (f" (source: {step.source})" if step.source else "")
        lines += _wrap(f"{n}.", text, 4, pad=3)
    if conf.zones:
        lines += _wrap("Rests on:", "; ".join(conf.zones), 4, pad=3)
    return lines


def render_text(report: Report) -> str:
    """The whole report as text, one section per part, sources quoted."""
    lines: list[str] = []
    if report.title:
        lines.append(report.title)
    lines.append(headline(report))
    lines.append(f"Zone data: tzdata {report.tzdata} ({report.zone_data})")
    lines += ["", "Events"]
    for e in report.events:
        lines += _event(e)
    lines += ["", "Claims"]
    if report.preface:
        lines.append(f"  Verdicts below hold {report.preface}.")
    for c in report.claims:
        lines += _claim(c)
    if report.conflicts:
        lines += ["", "Conflicts"]
        for k, conf in enumerate(report.conflicts, 1):
            lines += _conflict(k, conf)
        proven = "proven the cheapest" if report.exact else "best found; not proven the cheapest"
        lines += ["", f"Suggested drop: {', '.join(report.drop)} ({proven})"]
    if report.warnings:
        lines += ["", "Warnings"]
        lines += [f"  - {w}" for w in report.warnings]
    return "\n".join(lines) + "\n"
