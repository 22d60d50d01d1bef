"""Offset text: "+03:00", "UTC-10:30", "+0530" read into seconds, and seconds written back.

``format_offset`` is written in ``.._units`` (error messages below this package name
offsets too) and re-exported here, so that offset text has one home in the zones package.

May import: the standard library, ``.._units`` and ``.._errors``.
"""

from __future__ import annotations

import re

from .._errors import ChronoError
from .._units import format_offset

__all__ = ["format_offset", "parse_offset"]


_OFFSET_RE = re.compile(
    r"(?:UTC|GMT)?(?P<sign>[+\-\u2212])(?P<h>[0-9]{1,2})(?::?(?P<m>[0-9]{2})(?::?(?P<s>[0-9]{2}))?)?\Z"
)


def parse_offset(text: str) -> int | None:
    """The offset in seconds that ``text`` writes ("+10:00", "UTC-10:30", "+0530"), else None.

    Returns None for text that is not shaped like an offset; raises ChronoError for an
    offset-shaped text that is out of range, such as "+25:00".

    >>> parse_offset("UTC-10:30"), parse_offset("Europe/Moscow")
    (-37800, None)
    """
    m = _OFFSET_RE.match(text.strip())
    if m is None:
        return None
    h, mi, s = int(m["h"]), int(m["m"] or 0), int(m["s"] or 0)
    if mi > 59 or s > 59 or h > 25 or (h, mi, s) > (25, 59, 59):
        raise ChronoError(f"offset {text!r} is out of range; offsets lie within ±25:59:59")
    total = h * 3600 + mi * 60 + s
    return -total if m["sign"] in "-\u2212" else total
