"""The tzdata package: its release, its links, the ids it holds, and close names for a typo.

The data always comes from the ``tzdata`` package (or a directory the caller names), read
with importlib.resources; the host's /usr/share/zoneinfo is never consulted, because it
is often an older release that would silently shadow the package (as it does for
zoneinfo and pendulum unless their search path is reset).

May import: the standard library and ``.._errors``.
"""

from __future__ import annotations

import difflib
import functools
import importlib.resources
import importlib.resources.abc

from .._errors import UnknownZoneError

__all__ = [
    "ABBREVIATION_IDS",
    "available_zones",
    "canonical_zones",
    "link_target",
    "package_bytes",
    "package_version",
    "region_zones",
    "suggest",
]


def _zone_root() -> importlib.resources.abc.Traversable:
    return importlib.resources.files("tzdata").joinpath("zoneinfo")


@functools.cache
def package_version() -> str:
    """The IANA release of the tzdata package, such as "2026f".

    >>> package_version()[:2]
    '20'
    """
    first = _zone_root().joinpath("tzdata.zi").read_text(encoding="utf-8").split("\n", 1)[0]
    return first.removeprefix("# version").strip()


@functools.cache
def _links() -> dict[str, str]:
    text = _zone_root().joinpath("tzdata.zi").read_text(encoding="utf-8")
    return {
        parts[2]: parts[1]
        for parts in (line.split() for line in text.splitlines() if line.startswith("L "))
    }


@functools.cache
def available_zones() -> frozenset[str]:
    """Every IANA id in the tzdata package, links included."""
    text = importlib.resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def link_target(name: str) -> str | None:
    """The zone an IANA link points to ("Asia/Harbin" -> "Asia/Shanghai"), else None."""
    return _links().get(name)


def package_bytes(name: str) -> bytes:
    """The TZif bytes of IANA id ``name`` in the tzdata package (a checked name)."""
    try:
        return _zone_root().joinpath(*name.split("/")).read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise UnknownZoneError(name, suggest(name)) from exc


@functools.cache
def canonical_zones() -> tuple[str, ...]:
    """The package's zones that are places (not links, not "CET" or "Etc/GMT+5"), sorted."""
    text = _zone_root().joinpath("tzdata.zi").read_text(encoding="utf-8")
    names = (
        parts[1] for parts in (line.split() for line in text.splitlines()) if parts[:1] == ["Z"]
    )
    return tuple(sorted(n for n in names if "/" in n and not n.startswith("Etc/")))


@functools.cache
def _zone_tab() -> dict[str, frozenset[str]]:
    """ISO 3166 country code -> the zones zone.tab and zone1970.tab list for it."""
    found: dict[str, set[str]] = {}
    for table in ("zone.tab", "zone1970.tab"):
        text = _zone_root().joinpath(table).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split("\t")
            for code in parts[0].split(","):
                found.setdefault(code.upper(), set()).add(parts[2])
    return {code: frozenset(zones) for code, zones in found.items()}


def region_zones(code: str) -> frozenset[str] | None:
    """The zones of ISO 3166 country ``code`` ("US", "cn") per zone.tab, else None."""
    return _zone_tab().get(code.upper())


# Legacy IANA ids that read like abbreviations: since tzdata 2024b "CET" is a link to
# Europe/Brussels and "EST" to America/Panama, while a document that writes "CET" means
# the fixed offset +01:00. Taking either reading silently would be a guess.
ABBREVIATION_IDS = {
    "CET": "+01:00",
    "MET": "+01:00",
    "EET": "+02:00",
    "WET": "+00:00",
    "EST": "-05:00",
    "MST": "-07:00",
    "HST": "-10:00",
}


def suggest(name: str) -> list[str]:
    """Close IANA ids for a misspelt one: the best match, and any nearly as good.

    >>> suggest("Europe/Moskow")
    ['Europe/Moscow']
    """
    # Compare at most a zone name's worth of characters: difflib is quadratic, and a
    # 5,000-character "name" must be refused at once.
    name = name[:40]
    zones = sorted(available_zones())
    lowered = {z.lower(): z for z in zones}
    if name.lower() in lowered:
        return [lowered[name.lower()]]
    cities = {z.rsplit("/", 1)[-1].lower(): z for z in zones}
    scored: dict[str, float] = {}
    # Whole ids ("Europe/Moskow"), then the city alone ("Moskow" -> "Europe/Moscow").
    for candidate in zones:
        scored[candidate] = difflib.SequenceMatcher(None, name, candidate).ratio()
    city = name.rsplit("/", 1)[-1].lower()
    for key, zone in cities.items():
        ratio = difflib.SequenceMatcher(None, city, key).ratio()
        scored[zone] = max(scored[zone], ratio)
    best = max(scored.values(), default=0.0)
    if best < 0.82:
        return []
    close = sorted((z for z, r in scored.items() if r >= best - 0.05), key=lambda z: -scored[z])
    return close[:3]
