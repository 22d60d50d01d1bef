"""A chronology back to the file format's keys, and to a TOML or JSON file that reads back equal.

``chronology_data`` is the inverse of the loader: what it returns, read by ``from_dict``,
gives events, claims, zones and weights equal to the chronology's. Values are written as
the text a user would write: local times and durations as text, zones by name (a zone of
record gets its ``[zones.NAME]`` table), weights as numbers (``inf`` in TOML). A claim
without an id is written without one, so the loader gives it the same default id.

May import: the standard library, _errors, _files, _spans, _events, _claims, zones.
Imported by the chronology (to_file) and the command line.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._claims import After, At, Before, Claim, Gap, OnDate, SameDate
from ._errors import ChronoError
from ._events import Event
from ._files import write_path
from ._spans import Span
from .zones import Zone

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["chronology_data", "save"]


def _when(value: object, where: str) -> object:
    if isinstance(value, str) or value is None:
        return value
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            raise ChronoError(f"{where}: an aware datetime has no file form; write local text")
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Span):
        raise ChronoError(f"{where}: a when given as a Span has no file form; give local text")
    if isinstance(value, list | tuple):
        return [_when(v, where) for v in value]
    raise ChronoError(f"{where}: cannot write {value!r} as a local time")


def _duration(value: object) -> object:
    if isinstance(value, _dt.timedelta):
        micros = value // _dt.timedelta(microseconds=1)
        seconds, rest = divmod(micros, 10**6)
        return f"PT{seconds}.{rest:06d}S" if rest else f"PT{seconds}S"
    return value


def _weight(value: float) -> float | int | None:
    if value == 1.0:
        return None
    return int(value) if isinstance(value, int) else float(value)


class _Zones:
    """The zones of record the entries use, by name, for the file's ``zones`` tables."""

    def __init__(self, known: Mapping[str, Zone], weights: Mapping[str, float]) -> None:
        self.used: dict[str, Zone] = dict(known)
        self.weights = weights

    def name(self, zone: object, where: str) -> object:
        if zone is None or isinstance(zone, str):
            return zone
        if isinstance(zone, Zone):
            if zone.kind == "record" and self.used.setdefault(zone.name, zone) != zone:
                raise ChronoError(f"{where}: two zones of record are named {zone.name!r}")
            return zone.name
        raise ChronoError(f"{where}: cannot write the zone {zone!r}")

    def tables(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for name, zone in self.used.items():
            if zone.kind != "record":
                continue  # an IANA zone or an offset under a name: the name maps to its text
            origin: tuple[Any, ...] = zone.__reduce__()[1]  # type: ignore[assignment]
            offset, periods, note = origin[1], origin[2], origin[3]
            table: dict[str, Any] = {}
            if periods is None:
                table["offset"] = offset
            else:
                table["periods"] = [_period(row) for row in periods]
            if note is not None:
                table["note"] = note
            if name in self.weights:
                table["weight"] = self.weights[name]
            out[name] = table
        return out


def _period(row: Iterable[object]) -> dict[str, Any]:
    start, offset, abbreviation = row
    out: dict[str, Any] = {}
    if start is not None:
        out["from"] = start.isoformat() if isinstance(start, _dt.datetime) else start
    out["offset"] = offset
    if abbreviation:
        out["abbreviation"] = abbreviation
    return out


def _event(e: Event, zones: _Zones) -> dict[str, Any]:
    where = f"event {e.id!r}"
    return {
        "id": e.id,
        "label": e.label,
        "when": _when(e.when, where),
        "zone": zones.name(e.zone, where),
        "calendar": None if e.calendar == "gregorian" else e.calendar,
        "tolerance": _duration(e.tolerance),
        "disambiguation": e.disambiguation,
        "source": e.source,
        "weight": _weight(e.weight),
    }


def _claim(c: Claim, zones: _Zones) -> dict[str, Any]:
    where = f"claim {c.label()}"
    out: dict[str, Any] = {"id": c.id, "type": c.kind}
    if isinstance(c, At):
        out |= {
            "event": c.event,
            "when": _when(c.when, where),
            "zone": zones.name(c.zone, where),
            "calendar": None if c.calendar == "gregorian" else c.calendar,
            "tolerance": _duration(c.tolerance),
            "disambiguation": c.disambiguation,
            "phrase": c.phrase,
            "date": None if c.date is None else _when(c.date, where),
        }
    elif isinstance(c, OnDate):
        out |= {
            "event": c.event,
            "date": _when(c.date, where),
            "zone": zones.name(c.zone, where),
            "calendar": None if c.calendar == "gregorian" else c.calendar,
        }
    elif isinstance(c, After):  # before Before: an After is a Before with its own words
        out |= {"first": c.first, "then": c.then, "phrase": c.phrase}
    elif isinstance(c, Before):
        out |= {"first": c.first, "then": c.then}
    elif isinstance(c, SameDate):
        out |= {"first": c.a, "then": c.b, "zone": zones.name(c.zone, where), "phrase": c.phrase}
    elif isinstance(c, Gap):
        out |= {
            "first": c.first,
            "then": c.then,
            "at_least": _duration(c.at_least),
            "at_most": _duration(c.at_most),
            "phrase": c.phrase,
        }
    else:
        raise ChronoError(f"{where}: a {type(c).__name__} has no file form")
    out["source"] = c.source
    out["weight"] = _weight(c.weight)
    return out


def _clean(table: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if v is not None}


def chronology_data(
    title: str,
    events: Iterable[Event],
    claims: Iterable[Claim],
    zones: Mapping[str, Zone],
    zone_weights: Mapping[str, float],
) -> dict[str, Any]:
    """The file format's keys for a chronology's parts (what ``from_dict`` reads back)."""
    used = _Zones(zones, zone_weights)
    event_tables = [_clean(_event(e, used)) for e in events]
    claim_tables = [_clean(_claim(c, used)) for c in claims]
    data: dict[str, Any] = {}
    if title:
        data["title"] = title
    tables = used.tables()
    if tables:
        data["zones"] = tables
    data["events"] = event_tables
    data["claims"] = claim_tables
    return data


def save(chronology: Any, path: str | Path) -> None:
    """Write ``chronology`` to ``path``: JSON if the name ends in .json, else TOML."""
    data = chronology_data(
        chronology.title,
        chronology.events.values(),
        chronology.claims.values(),
        chronology.zones,
        chronology.zone_weights,
    )
    write_path(data, path)
