"""The timeline picture: a self-contained SVG of events on a UTC axis with each zone's dates.

Rows from the top: the title and verdict, a legend, the UTC axis, one band per zone the
records use (its local dates, with a line at each local midnight), then one group per
event: its tightened span (dark) and, one row each, what its records gave (light). A
claim in a conflict is drawn in a contrasting colour. Every label has a row of its own,
so no two overlap; text widths are estimated (``CHAR_EM`` em per character) so that the
picture needs no font metrics, no external font and no script.

May import: the standard library, ``_units``, the public names of the package, and the
sibling ``model``, ``times``, ``svg_scale`` and ``render_text`` modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import chronoreconcile as cr

from .._units import DAY_US, MINUTE_US
from .model import ClaimEntry, EventEntry, Report
from .render_text import headline
from .svg_scale import day_label, local_midnights, ticks
from .times import utc_span, zone_label

if TYPE_CHECKING:
    from .. import Zone
    from .svg_scale import Midnight

# The x scale: an instant (microseconds since the epoch, UTC) to a pixel column.
_X = Callable[[int], float]

__all__ = ["CHAR_EM", "draw_timeline"]

# Average advance of a sans-serif character, in em; generous so that estimates err wide.
CHAR_EM = 0.62
_FONT = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
_W = 1200
_PAD = 16
_LEFT = 250
_X0 = _PAD + _LEFT
_X1 = _W - _PAD - 8
_TRACK = 22
_BAND = 30
_DARK, _LIGHT = "#1f4e9c", "#a9c4eb"
_HOT_DARK, _HOT_LIGHT = "#b34700", "#f5b27a"
_ZONE_COLOURS = ("#2e7d32", "#6a1b9a", "#00838f", "#ad1457", "#5d4037", "#455a64")
# Year 1 and year 9999, the ends of what datetime can show.
_MIN_US, _MAX_US = -62_135_596_800_000_000, 253_402_214_400_000_000


def _attr(value: object) -> str:
    return escape(str(value), {'"': "&quot;"})


def _fit(text: str, width: float, size: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` pixels at font ``size``."""
    most = int(width / (size * CHAR_EM))
    if len(text) <= most:
        return text
    return text[: max(most - 1, 0)] + "…" if most > 1 else ""


class _Canvas:
    """SVG elements in drawing order; ``text`` keeps every label's attributes explicit."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> None:
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}"'
            f' fill="{fill}"{extra}/>'
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str, extra: str = ""
    ) -> None:
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}"{extra}/>'
        )

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 13,
        *,
        anchor: str = "start",
        fill: str = "#222",
        weight: str = "normal",
        full: str | None = None,
    ) -> None:
        if not text:
            return
        title = f"<title>{escape(full)}</title>" if full and full != text else ""
        self.parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}"'
            f' font-weight="{weight}" fill="{fill}">{title}{escape(text)}</text>'
        )


def _extent(report: Report) -> tuple[int, int] | None:
    points: list[int] = []
    for e in report.events:
        points += [b for b in (e.lower, e.upper) if b is not None]
    for c in report.claims:
        for a, b in c.given:
            points += [a, b]
    if not points:
        return None
    lo, hi = min(points), max(points)
    pad = max((hi - lo) // 20, 5 * MINUTE_US)
    return max(lo - pad, _MIN_US), min(hi + pad, _MAX_US)


def draw_timeline(report: Report) -> str:
    """The report's timeline as SVG text (UTF-8, no external resources)."""
    c = _Canvas()
    c.text(_PAD, 28, _fit(report.title or "Timeline", _W - 2 * _PAD, 16), 16, weight="bold")
    c.text(_PAD, 48, _fit(headline(report), _W - 2 * _PAD, 12), 12)
    _legend(c, 70)
    extent = _extent(report)
    if extent is None:
        c.text(_PAD, 100, "No event has a known time to draw.", 13)
        return _document(c, 120, report.title)
    lo, hi = extent

    def x(t: int) -> float:
        return _X0 + (t - lo) / (hi - lo) * (_X1 - _X0)

    y = _axis(c, 96, lo, hi, x)
    instants = sorted({b for e in report.events for b in (e.lower, e.upper) if b is not None})
    bands_top = y
    midnight_lines: list[tuple[float, str]] = []
    for k, zone in enumerate(report.zones):
        colour = _ZONE_COLOURS[k % len(_ZONE_COLOURS)]
        marks = _band(c, y, zone, (lo, hi, instants), x, colour)
        midnight_lines += [(x(m.at), colour) for m in marks]
        y += _BAND + 4
    y += 8
    behind = len(c.parts)
    hot = {eid for cl in report.claims if cl.conflicting for eid in cl.events}
    for e in report.events:
        y = _event_rows(c, y, e, [cl for cl in report.claims if _draws(cl, e.id)], e.id in hot, x)
    # Midnights run faintly through the events (behind them), so that each bar reads
    # against every zone's date line.
    c.parts[behind:behind] = [
        f'<line x1="{mx:.1f}" y1="{bands_top:.1f}" x2="{mx:.1f}" y2="{y:.1f}" stroke="{colour}"'
        ' stroke-width="1" stroke-dasharray="3 4" opacity="0.55"/>'
        for mx, colour in midnight_lines
    ]
    y += 14
    note = f"UTC axis; zone data tzdata {report.tzdata}. Dashed lines: local midnights."
    c.text(_PAD, y, _fit(note, _W - 2 * _PAD, 11), 11, fill="#555")
    return _document(c, y + 12, report.title)


def _document(c: _Canvas, height: float, title: str) -> str:
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{height:.0f}"'
        f' viewBox="0 0 {_W} {height:.0f}" role="img" font-family="{_attr(_FONT)}">\n'
        f"<title>{escape(title or 'Timeline')}</title>\n"
        f'<rect x="0" y="0" width="{_W}" height="{height:.0f}" fill="#ffffff"/>\n'
    )
    return head + "\n".join(c.parts) + "\n</svg>\n"


def _legend(c: _Canvas, y: float) -> None:
    items = [
        (_DARK, "tightened span (what all claims allow)"),
        (_LIGHT, "what a record gave"),
        (_HOT_DARK, "tightened, in a conflict"),
        (_HOT_LIGHT, "record in a conflict"),
    ]
    xx: float = _PAD
    for colour, text in items:
        c.rect(xx, y - 9, 14, 10, colour)
        c.text(xx + 18, y, text, 11)
        xx += 18 + len(text) * 11 * CHAR_EM + 18


def _axis(c: _Canvas, y: float, lo: int, hi: int, x: _X) -> float:
    """The UTC axis with its ticks; returns the y below it."""
    c.text(_PAD, y + 26, "UTC", 13, weight="bold")
    line_y = y + 34
    c.line(_X0, line_y, _X1, line_y, "#333")
    for t in ticks(lo, hi, int((_X1 - _X0) // 90)):
        tx = x(t.at)
        c.line(tx, line_y, tx, line_y + 5, "#333")
        for text, ty in ((t.label, y + 12), (t.date, y + 26)):
            half = len(text) * 11 * CHAR_EM / 2
            anchor = "end" if tx + half > _W - _PAD else "middle"
            c.text(tx, ty, text, 11, anchor=anchor)
    return line_y + 10


def _zone_names(zone: Zone, instants: list[int]) -> str:
    """What the zone's clock was called at the events' instants: "HST", "LMT-00:01:15, GMT"."""
    names: list[str] = []
    for t in instants:
        try:
            name = zone_label(zone, t)
        except cr.ChronoError:
            continue  # a zone of record that began later
        if name not in names:
            names.append(name)
    return ", ".join(names)


def _band(
    c: _Canvas, y: float, zone: Zone, span: tuple[int, int, list[int]], x: _X, colour: str
) -> list[Midnight]:
    """One zone's band of local dates; returns the midnights it marked."""
    lo, hi, instants = span
    names = _zone_names(zone, instants)
    label = f"{zone.name} ({names})" if names else zone.name
    c.text(_PAD, y + _BAND / 2 + 5, _fit(label, _LEFT - 10, 12), 12, fill=colour, full=label)
    c.rect(_X0, y, _X1 - _X0, _BAND, "#f4f4f4")
    midnights = local_midnights(zone, lo, hi) if (hi - lo) / DAY_US < 400 else []
    day_px = (_X1 - _X0) * DAY_US / (hi - lo)
    if day_px < 4:
        midnights = []
    edges = [x(m.at) for m in midnights]
    starts = [_X0, *edges]
    ends = [*edges, _X1]
    dates = [None, *[m.date for m in midnights]]
    for k, (a, b, date) in enumerate(zip(starts, ends, dates, strict=True)):
        if k % 2:
            c.rect(a, y, b - a, _BAND, "#e3e3e3")
        if date is None and midnights:
            date = midnights[0].date.fromordinal(midnights[0].date.toordinal() - 1)
        if date is not None:
            text = day_label(date, b - a, 11 * CHAR_EM)
            c.text((a + b) / 2, y + _BAND / 2 + 4, text, 11, anchor="middle", fill="#333")
    for ex in edges:
        c.line(ex, y - 2, ex, y + _BAND + 2, colour, ' stroke-width="2"')
    return midnights


def _draws(claim: ClaimEntry, eid: str) -> bool:
    return bool(claim.given) and claim.events == (eid,)


def _bar(c: _Canvas, a: float, b: float, y: float, h: float, fill: str, extra: str = "") -> None:
    if b - a < 4:
        # A minute on a day-long axis is under a pixel: draw it wide enough to see.
        centre = (a + b) / 2
        a, b = centre - 2, centre + 2
    c.rect(a, y, b - a, h, fill, extra)


def _label_beside(c: _Canvas, a: float, b: float, y: float, text: str, fill: str) -> None:
    """A label right of the bar if it fits, else left of it, else over a wide bar."""
    size = 11
    right, left = _X1 - (b + 6), (a - 6) - _X0
    inside = min(b, _X1) - max(a, _X0) - 12
    need = len(text) * size * CHAR_EM
    if need <= right:
        c.text(b + 6, y, text, size, fill=fill)
    elif need <= left:
        c.text(a - 6, y, text, size, anchor="end", fill=fill)
    elif inside >= max(right, left):
        # A bar across most of the chart (a whole day) carries its label on itself.
        c.text(max(a, _X0) + 6, y, _fit(text, inside, size), size, fill="#111", full=text)
    elif right >= left:
        c.text(b + 6, y, _fit(text, right, size), size, fill=fill, full=text)
    else:
        c.text(a - 6, y, _fit(text, left, size), size, anchor="end", fill=fill, full=text)


def _event_rows(
    c: _Canvas, y: float, e: EventEntry, claims: list[ClaimEntry], hot: bool, x: _X
) -> float:
    """One event's rows: the tightened span, then each record; returns the y below them."""
    c.line(_PAD, y - 4, _X1, y - 4, "#cccccc")
    name = e.name
    c.text(_PAD, y + 14, _fit(name, _LEFT - 10, 13), 13, weight="bold", full=name)
    dark = _HOT_DARK if hot else _DARK
    if e.lower is not None or e.upper is not None:
        a = x(e.lower) if e.lower is not None else _X0
        b = x(e.upper) if e.upper is not None else _X1
        _bar(c, a, b, y + 4, 12, dark)
        _label_beside(c, a, b, y + 14, "tightened: " + utc_span(e.lower, e.upper), dark)
    else:
        c.text(_X0, y + 14, "no bound known: " + e.note, 11, fill="#555")
    y += _TRACK
    for cl in claims:
        light = _HOT_LIGHT if cl.conflicting else _LIGHT
        extra = f' stroke="{_HOT_DARK}" stroke-dasharray="4 2"' if cl.dropped else ""
        for lo, hi in cl.given:
            _bar(c, x(lo), x(hi), y + 6, 8, light, extra)
        a, b = x(cl.given[0][0]), x(cl.given[-1][1])
        ink = _HOT_DARK if cl.conflicting else "#333"
        c.text(_PAD + 12, y + 14, _fit(cl.id, _LEFT - 22, 11), 11, fill=ink, full=cl.id)
        text = cl.says + (" (dropped)" if cl.dropped else "")
        _label_beside(c, a, b, y + 14, text, ink)
        y += _TRACK
    return y + 6
