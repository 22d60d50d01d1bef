"""The chronology file format (TOML, or JSON with the same keys) to events, claims and zones.

Every key is checked: an unknown one is an error naming where it stands, so that a typo
("wen" for "when") cannot silently drop what the user wrote.

May import: _errors, zones, _events, _claims, lexicon. Imported by the chronology (from_file,
from_dict).
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping
from typing import Any

from ._claims import After, At, Before, Claim, Gap, OnDate, SameDate
from ._errors import ChronoError, ParseError
from ._events import Event
from .lexicon import Lexicon
from .zones import Zone, get_zone, zone_of_record

__all__ = ["load"]

_TOP = {"title", "zones", "events", "claims", "note", "sources"}
_ZONE_KEYS = {"offset", "periods", "note", "weight"}
_EVENT_KEYS = {
    "id",
    "when",
    "zone",
    "calendar",
    "tolerance",
    "disambiguation",
    "source",
    "weight",
    "note",
}
_CLAIM_KEYS: dict[str, set[str]] = {
    "at": {"event", "when", "zone", "calendar", "tolerance", "disambiguation", "phrase", "date"},
    "on-date": {"event", "date", "zone", "calendar"},
    "before": {"first", "then"},
    "after": {"first", "then", "phrase"},
    "gap": {"first", "then", "at_least", "at_most", "phrase"},
    "same-date": {"first", "then", "zone", "phrase"},
}
_COMMON = {"id", "type", "source", "weight", "note"}
_MAX_ITEMS = 1_000_000


def _table(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ParseError(value, "expected a table of keys", where=where)
    return value


def _check_keys(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ChronoError(
            f"{where}: unknown key {unknown[0]!r}; expected one of " + ", ".join(sorted(allowed))
        )


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ParseError(value, "expected a list", where=where)
    if len(value) > _MAX_ITEMS:
        raise ChronoError(f"{where}: {len(value)} items is more than the limit of {_MAX_ITEMS}")
    return value


def load(
    data: object, where: str, *, lexicon: Lexicon | None = None
) -> tuple[list[Event], list[Claim], dict[str, Zone], dict[str, float], str]:
    """(events, claims, zones of record, zone weights, title) from the parsed file.

    A claim's ``phrase`` is read by ``lexicon`` (the default one when None).
    """
    top = _table(data, where)
    _check_keys(top, _TOP, where)
    title = top.get("title", "")
    if not isinstance(title, str):
        raise ParseError(title, "title must be text", where=where)
    zones: dict[str, Zone] = {}
    weights: dict[str, float] = {}
    for name, spec in _table(top.get("zones", {}), f"{where}: zones").items():
        at = f"{where}: zones.{name}"
        table = _table(spec, at)
        _check_keys(table, _ZONE_KEYS, at)
        try:
            if "periods" in table and "offset" in table:
                raise ChronoError("give offset or periods, not both")
            if "periods" in table:
                rows = [
                    (p.get("from"), p.get("offset"), p.get("abbreviation"))
                    if isinstance(p, Mapping)
                    else p
                    for p in _list(table["periods"], f"{at}.periods")
                ]
                zones[name] = zone_of_record(
                    name,
                    periods=rows,  # type: ignore[arg-type]  # each row is checked there
                    note=table.get("note"),
                )
            else:
                zones[name] = zone_of_record(name, table.get("offset"), note=table.get("note"))
        except ChronoError as exc:
            raise ChronoError(f"{at}: {exc}") from None
        if "weight" in table:
            weights[name] = table["weight"]

    def zone_of(value: object, at: str = "") -> object:
        if isinstance(value, str) and value in zones:
            return zones[value]
        if value is None:
            return None
        if not isinstance(value, str):
            raise ParseError(value, "a zone is written as text")
        return get_zone(value)

    events: list[Event] = []
    for k, spec in enumerate(_list(top.get("events", []), f"{where}: events")):
        at = f"{where}: events[{k}]"
        table = _table(spec, at)
        _check_keys(table, _EVENT_KEYS, at)
        if "id" not in table:
            raise ChronoError(f"{at}: an event needs an id")
        at = f"{at} (id {table['id']!r})"
        try:
            events.append(
                Event(
                    table["id"],
                    _text(table.get("when")),
                    zone_of(table.get("zone"), at),  # type: ignore[arg-type]
                    calendar=table.get("calendar", "gregorian"),
                    tolerance=table.get("tolerance"),
                    disambiguation=table.get("disambiguation"),
                    source=table.get("source"),
                    weight=table.get("weight", 1.0),
                )
            )
        except ChronoError as exc:
            raise _located(exc, at) from None
    claims: list[Claim] = []
    for k, spec in enumerate(_list(top.get("claims", []), f"{where}: claims")):
        at = f"{where}: claims[{k}]"
        table = _table(spec, at)
        if "id" in table:
            at = f"{at} (id {table['id']!r})"
        kind = table.get("type")
        if kind not in _CLAIM_KEYS:
            raise ChronoError(
                f"{at}: unknown claim type {kind!r}; expected one of " + ", ".join(_CLAIM_KEYS)
            )
        _check_keys(table, _CLAIM_KEYS[kind] | _COMMON, at)
        common = {
            "id": table.get("id"),
            "source": table.get("source"),
            "weight": table.get("weight", 1.0),
        }
        if "phrase" in table:
            common["lexicon"] = lexicon
        try:
            claims.append(_claim(kind, table, common, functools.partial(zone_of, at=at)))
        except ChronoError as exc:
            raise _located(exc, at) from None
        except TypeError as exc:
            raise ChronoError(f"{at}: {exc}") from None
    return events, claims, zones, weights, title


def _claim(kind: str, t: Mapping[str, Any], common: dict[str, Any], zone_of: Any) -> Claim:
    if kind == "at":
        return At(
            t.get("event"),  # type: ignore[arg-type]
            [_text(w) for w in t["when"]]
            if isinstance(t.get("when"), list)
            else _text(t.get("when")),
            zone_of(t.get("zone")),
            calendar=t.get("calendar", "gregorian"),
            tolerance=t.get("tolerance"),
            disambiguation=t.get("disambiguation"),
            phrase=t.get("phrase"),
            date=_text(t.get("date")),
            **common,
        )
    if kind == "on-date":
        return OnDate(
            t.get("event"),  # type: ignore[arg-type]
            _text(t.get("date")),
            zone_of(t.get("zone")),
            calendar=t.get("calendar", "gregorian"),
            **common,
        )
    if kind == "before":
        return Before(t.get("first"), t.get("then"), **common)  # type: ignore[arg-type]
    if kind == "after":
        return After(t.get("first"), t.get("then"), phrase=t.get("phrase"), **common)  # type: ignore[arg-type]
    if kind == "same-date":
        return SameDate(
            t.get("first"),  # type: ignore[arg-type]
            t.get("then"),  # type: ignore[arg-type]
            zone_of(t.get("zone")),
            phrase=t.get("phrase"),
            **common,
        )
    return Gap(
        t.get("first"),  # type: ignore[arg-type]
        t.get("then"),  # type: ignore[arg-type]
        t.get("at_least"),
        t.get("at_most"),
        phrase=t.get("phrase"),
        **common,
    )


def _located(exc: ChronoError, at: str) -> ChronoError:
    """The same error, its type and attributes kept, its message prefixed with where it arose."""
    exc.args = (f"{at}: {exc}",)
    return exc


def _text(value: object) -> Any:
    """TOML's native dates and times as the ISO 8601 text they were written as.

    Anything else is passed on as it was read: the constructors check it and say what is wrong.
    """
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    return value
