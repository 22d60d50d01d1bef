"""TZif files (RFC 8536, version 2 or later): a zone's transitions, its types and its footer.

May import: the standard library and ``.._errors``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from .._errors import ChronoError

__all__ = ["TzifData", "read_tzif"]

_HEADER = struct.Struct(">4sc15x6l")


@dataclass(frozen=True, slots=True)
class TzifData:
    """What a TZif file says: one more period than transitions, and the POSIX footer text.

    ``offsets[k]``, ``abbreviations[k]`` and ``dst[k]`` describe the period before
    ``transitions[k]`` (the last one, the period after the last transition).
    """

    transitions: list[int]
    offsets: list[int]
    abbreviations: list[str]
    dst: list[bool]
    footer: str


def read_tzif(data: bytes, name: str) -> TzifData:
    """Parse the 64-bit body of a TZif file; ``name`` says whose data it is in errors."""
    if data[:4] != b"TZif":
        raise ChronoError(f"zone data for {name!r} is not a TZif file")
    _, version, isut, isstd, leap, timecnt, typecnt, charcnt = _HEADER.unpack_from(data, 0)
    if version < b"2":
        raise ChronoError(f"zone data for {name!r} is TZif version 1, which lacks 64-bit times")
    # Skip the version 1 body, then read the 64-bit header and body.
    pos = _HEADER.size + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    _, _, isut, isstd, leap, timecnt, typecnt, charcnt = _HEADER.unpack_from(data, pos)
    pos += _HEADER.size
    times = list(struct.unpack_from(f">{timecnt}q", data, pos))
    pos += timecnt * 8
    idx = list(data[pos : pos + timecnt])
    pos += timecnt
    types = [struct.unpack_from(">lBB", data, pos + 6 * k) for k in range(typecnt)]
    pos += typecnt * 6
    chars = data[pos : pos + charcnt]
    pos += charcnt + leap * 12 + isstd + isut
    footer = data[pos:].strip(b"\n").decode("ascii")

    def abbr(k: int) -> str:
        start = types[k][2]
        return chars[start : chars.index(b"\0", start)].decode("ascii")

    # Times before the first transition use type 0 (RFC 8536 section 3.2).
    order = [0, *idx]
    return TzifData(
        transitions=times,
        offsets=[types[k][0] for k in order],
        abbreviations=[abbr(k) for k in order],
        dst=[bool(types[k][1]) for k in order],
        footer=footer,
    )
