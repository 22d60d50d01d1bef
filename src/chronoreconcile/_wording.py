"""Wording: how a local time, a span of instants and a zone are said in explanations.

"1945-05-09 00:01 to 00:02 (BDST, UTC+02:00)", "in Europe/Moscow", "on front time": the
verdicts, the conflicts and the command line all say them this way.

May import: _units, zones. Imported by _verdicts, the chronology and cli.
"""

from __future__ import annotations

import datetime as _dt

from ._units import EPOCH, SECOND_US
from .zones import Zone, format_offset

__all__ = ["describe_local", "local_text", "zone_phrase"]


def local_text(micros: int, zone: Zone, *, date: bool = True) -> tuple[str, str]:
    """An instant as local text in ``zone`` and the label of its offset: ("1945-05-09 00:01", "BDST, UTC+02:00")."""
    secs = micros // SECOND_US
    off, abbr, _ = zone.period_at(secs)
    local = EPOCH + _dt.timedelta(microseconds=micros + off * SECOND_US)
    spec = "seconds" if local.second or local.microsecond else "minutes"
    text = local.isoformat(sep=" ", timespec=spec) if date else local.time().isoformat(spec)
    label = f"UTC{format_offset(off)}"
    if (abbr and abbr[0].isalpha() and abbr not in ("UTC", "GMT")) or (
        abbr in ("GMT",) and off == 0
    ):
        label = f"{abbr}, {label}"
    return text, label


def describe_local(start_us: int, end_us: int, zone: Zone) -> str:
    """A span as local times in ``zone``: "1945-05-09 00:01 to 00:02 (BDST, UTC+02:00)"."""
    a, label_a = local_text(start_us, zone)
    if end_us - start_us <= 1:
        return f"{a} ({label_a})"
    b_full, label_b = local_text(end_us, zone)
    same_day = b_full[:10] == a[:10]
    b = b_full[11:] if same_day else b_full
    if label_a == label_b:
        return f"{a} to {b} ({label_a})"
    return f"{a} ({label_a}) to {b} ({label_b})"


def zone_phrase(zone: Zone) -> str:
    """How explanations name a zone: "in Europe/Moscow", "on front time", "at UTC+10:00"."""
    return zone.phrase
