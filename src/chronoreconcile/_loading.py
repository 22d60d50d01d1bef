"""The chronology file format (TOML, or JSON with the same keys) to events, claims and zones.

Every key is checked: an unknown one is an error naming where it stands, so that a typo
("wen" for "when") cannot silently drop what the user wrote. Every problem of a file is
collected in one pass (up to ``MAX_PROBLEMS``), each naming the entry by index and id and
the key, in the words of the file ("missing key 'at_least'"), never of Python. One problem
is raised as the error it is, its message located; two or more as one FileFormatError.

May import: _errors, zones, _events, _claims, lexicon. Imported by the chronology (from_file,
from_dict) and the command line.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from ._claims import After, At, Before, Claim, Gap, OnDate, SameDate
from ._errors import ChronoError, FileFormatError
from ._events import Event, UnknownEventError
from .lexicon import Lexicon
from .zones import Zone, zone_of_record

__all__ = ["MAX_PROBLEMS", "CLAIM_KEYS", "EVENT_KEYS", "load", "spell", "file_words"]

MAX_PROBLEMS = 20
_TOP = {"title", "zones", "events", "claims", "note", "sources"}
_ZONE_KEYS = {"offset", "periods", "note", "weight"}
EVENT_KEYS = {
    "id",
    "label",
    "when",
    "zone",
    "calendar",
    "tolerance",
    "disambiguation",
    "source",
    "weight",
    "note",
}
CLAIM_KEYS: dict[str, set[str]] = {
    "at": {"event", "when", "zone", "calendar", "tolerance", "disambiguation", "phrase", "date"},
    "on-date": {"event", "date", "zone", "calendar"},
    "before": {"first", "then"},
    "after": {"first", "then", "phrase"},
    "gap": {"first", "then", "at_least", "at_most", "phrase"},
    "same-date": {"first", "then", "zone", "phrase"},
}
_REQUIRED: dict[str, tuple[str, ...]] = {
    "at": ("event",),
    "on-date": ("event", "date"),
    "before": ("first", "then"),
    "after": ("first", "then"),
    "gap": ("first", "then"),
    "same-date": ("first", "then", "zone"),
}
# A claim that may be written in the source's words needs either its bounds or a phrase.
_BOUND_OR_PHRASE: dict[str, str] = {"at": "when", "gap": "at_least"}
_COMMON = {"id", "type", "source", "weight", "note"}
_TEXT_KEYS: tuple[str, ...] = (
    *("id", "label", "source", "note", "calendar", "disambiguation", "zone", "tolerance"),
    *("event", "first", "then", "at_least", "at_most", "title"),
)
_MAX_ITEMS = 1_000_000
# Python's words in messages from the constructors, and the file's words for them.
_FILE_WORDS = (
    ("math.inf", "inf"),
    ("use At for", 'use type = "at" for'),
    ("pass a local time as ISO 8601 text", "write the local time as quoted ISO 8601 text"),
    ("pass disambiguation=", "give disambiguation = "),
)


class _Skip(Exception):
    """An entry that names a zone whose own table has a problem: already reported there."""


class _Problem(Exception):
    """One problem at one place: raised inside an entry, collected by the loader."""

    def __init__(self, message: str, error: ChronoError | None = None) -> None:
        super().__init__(message)
        self.error = error


def file_words(message: str) -> str:
    """A constructor's message in the file's vocabulary (inf, type = "at", quoted text)."""
    for python, words in _FILE_WORDS:
        message = message.replace(python, words)
    return message


def spell(value: object) -> str:
    """A value as the file would spell it: "text", 5, true, a table, an array, a date."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, _dt.date | _dt.time):
        return f"the date-time {value.isoformat()}"
    return "a value of an unknown kind"


class _Collector:
    """The problems of one file, in the order met, each with its place."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.problems: list[tuple[str, ChronoError | None]] = []

    def add(self, at: str, message: str, error: ChronoError | None = None) -> None:
        self.problems.append((f"{at}: {message}" if at else message, error))

    def run(self, at: str, action: Callable[[], Any]) -> Any:
        """``action()``, or None with its problem recorded at ``at``."""
        try:
            return action()
        except _Skip:
            pass
        except _Problem as exc:
            self.add(at, str(exc), exc.error)
        except ChronoError as exc:
            self.add(at, file_words(_strip(str(exc), at)), exc)
        return None

    def raise_any(self) -> None:
        if not self.problems:
            return
        if len(self.problems) == 1:
            text, error = self.problems[0]
            message = f"{self.where}: {text}"
            if isinstance(error, FileFormatError) or error is None:
                raise FileFormatError(self.where, [text])
            # One problem keeps its type (an unknown zone stays an UnknownZoneError).
            error.args = (message,)
            raise error
        shown = [text for text, _ in self.problems[:MAX_PROBLEMS]]
        raise FileFormatError(self.where, shown, more=len(self.problems) - len(shown))


def _strip(message: str, at: str) -> str:
    # Constructors name the entry themselves ("event 'x': ..."); the place says it already.
    return re.sub(r"^(?:event|claim) (?:'[^']*'|\S+): ", "", message)


def _table(value: object, at: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _Problem(f"expected a table of keys, got {spell(value)}")
    return value


def _list(value: object, at: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Problem(f"expected an array of tables, got {spell(value)}")
    if len(value) > _MAX_ITEMS:
        raise _Problem(f"{len(value)} entries is more than the limit of {_MAX_ITEMS}")
    return value


def _keys(
    table: Mapping[str, Any], allowed: set[str], text: tuple[str, ...] = _TEXT_KEYS
) -> list[str]:
    """Problems with the keys: unknown ones, and values of the wrong kind."""
    out = [
        f"unknown key {k!r}; expected one of " + ", ".join(sorted(allowed))
        for k in sorted(set(table) - allowed, key=str)
    ]
    for k in text:
        if k in table and k in allowed and not isinstance(table[k], str):
            if k in ("zone", "at_least", "at_most", "tolerance") and isinstance(
                table[k], int | float
            ):
                continue  # offsets in seconds and durations as numbers: the constructors say
            out.append(f"key {k!r} must be text, got {spell(table[k])}")
    if "weight" in table:
        w = table["weight"]
        if isinstance(w, bool) or not isinstance(w, int | float) or math.isnan(w) or w <= 0:
            out.append(
                f"key 'weight' must be a positive number (inf for one that must hold), got {spell(w)}"
            )
    return out


def load(
    data: object, where: str, lexicon: Lexicon | None = None
) -> tuple[list[Event], list[Claim], dict[str, Zone], dict[str, float], str]:
    """(events, claims, zones of record, zone weights, title) from the parsed file.

    A claim's ``phrase`` is read by ``lexicon`` (the default one when None).
    """
    found = _Collector(where)
    top = found.run("", lambda: _table(data, ""))
    if top is None:
        found.raise_any()
    assert top is not None
    for problem in _keys(top, _TOP, ("title",)):
        found.add("", problem)
    title = top.get("title", "")
    title = title if isinstance(title, str) else ""
    zones: dict[str, Zone] = {}
    broken: set[str] = set()
    weights: dict[str, float] = {}
    zone_tables = found.run("zones", lambda: _table(top.get("zones", {}), "zones")) or {}
    for name, spec in zone_tables.items():
        at = f"zones.{name}"
        zone = found.run(at, functools.partial(_zone, name, spec))
        if zone is None:
            broken.add(name)
        else:
            zones[name] = zone
            w = spec.get("weight")
            if w is not None:
                weights[name] = w

    def zone_of(value: object) -> object:
        # A zone of record by its name; any other zone as the text written, which the
        # constructors read (so that a chronology written to a file reads back equal).
        if isinstance(value, str) and value in zones:
            return zones[value]
        if isinstance(value, str) and value in broken:
            raise _Skip
        return value

    events: list[Event] = []
    seen: dict[str, str] = {}
    for k, spec in enumerate(found.run("events", lambda: _list(top.get("events", []), "")) or []):
        at = f"events[{k}]"
        table = found.run(at, functools.partial(_table, spec, ""))
        if table is None:
            continue
        if isinstance(table.get("id"), str):
            at = f"{at} (id {table['id']!r})"
            if table["id"] in seen:
                found.add(at, f"the id {table['id']!r} is already used by {seen[table['id']]}")
                continue
            seen[table["id"]] = at
        event = found.run(at, functools.partial(_event, table, zone_of))
        if event is not None:
            events.append(event)
    timed = {e.id for e in events if e.when is not None}
    claims: list[Claim] = []
    claim_ids: dict[str, str] = {}
    for k, spec in enumerate(found.run("claims", lambda: _list(top.get("claims", []), "")) or []):
        at = f"claims[{k}]"
        table = found.run(at, functools.partial(_table, spec, ""))
        if table is None:
            continue
        cid = table.get("id")
        if isinstance(cid, str):
            at = f"{at} (id {cid!r})"
            if cid in claim_ids or cid in timed:
                other = claim_ids.get(cid) or seen.get(cid, "an event's own time")
                found.add(at, f"the id {cid!r} is already used by {other}")
            claim_ids[cid] = at
        claim = found.run(at, functools.partial(_claim, table, zone_of, seen, lexicon))
        if claim is not None:
            claims.append(claim)
    if not found.problems and not claims and not timed:
        found.add(
            "",
            "no claims: nothing to check (add [[claims]] tables, or a when to an event)",
            FileFormatError(where, ()),
        )
    found.raise_any()
    return events, claims, zones, weights, title


def _zone(name: str, spec: object) -> Zone:
    table = _table(spec, "")
    problems = _keys(table, _ZONE_KEYS)
    if problems:
        raise _Problem("; ".join(problems))
    if "periods" in table and "offset" in table:
        raise _Problem("give offset or periods, not both")
    if "periods" not in table and "offset" not in table:
        raise _Problem("missing key 'offset' (or 'periods')")
    if "periods" in table:
        rows = [
            (p.get("from"), p.get("offset"), p.get("abbreviation")) if isinstance(p, Mapping) else p
            for p in _list(table["periods"], "")
        ]
        return zone_of_record(
            name,
            periods=rows,  # type: ignore[arg-type]  # each row is checked there
            note=table.get("note"),
        )
    return zone_of_record(name, table.get("offset"), note=table.get("note"))


def _event(table: Mapping[str, Any], zone_of: Callable[[object], object]) -> Event:
    problems = _keys(table, EVENT_KEYS)
    if "id" not in table:
        problems.insert(0, "missing key 'id'")
    if problems:
        raise _Problem("; ".join(problems))
    return Event(
        table["id"],
        _text(table.get("when")),
        zone_of(table.get("zone")),  # type: ignore[arg-type]
        calendar=table.get("calendar", "gregorian"),
        tolerance=table.get("tolerance"),
        disambiguation=table.get("disambiguation"),
        source=table.get("source"),
        weight=table.get("weight", 1.0),
        label=table.get("label"),
    )


def _claim(
    t: Mapping[str, Any],
    zone_of: Callable[[object], object],
    events: Mapping[str, str],
    lexicon: Lexicon | None = None,
) -> Claim:
    kind = t.get("type")
    if kind is None:
        raise _Problem("missing key 'type'; expected one of " + ", ".join(CLAIM_KEYS))
    if kind not in CLAIM_KEYS:
        raise _Problem(
            f"unknown claim type {spell(kind)}; expected one of " + ", ".join(CLAIM_KEYS)
        )
    problems = _keys(t, CLAIM_KEYS[kind] | _COMMON)
    problems += [f"missing key {k!r}" for k in _REQUIRED[kind] if k not in t]
    bound = _BOUND_OR_PHRASE.get(kind)
    if bound is not None and bound not in t and "phrase" not in t:
        problems.append(f"missing key {bound!r} (or a 'phrase' in the source's words)")
    if problems:
        raise _Problem("; ".join(problems))
    for role in ("event", "first", "then"):
        if role in t and t[role] not in events:
            known = ", ".join(sorted(events)) or "none"
            message = f"key {role!r} names the unknown event {t[role]!r}; known events: {known}"
            raise _Problem(message, UnknownEventError(message))
    common: dict[str, Any] = {
        "id": t.get("id"),
        "source": t.get("source"),
        "weight": t.get("weight", 1.0),
    }
    if "phrase" in t:
        common["lexicon"] = lexicon
    if kind == "at":
        when = t.get("when")
        return At(
            t["event"],
            [_text(w) for w in when] if isinstance(when, list) else _text(when),
            zone_of(t.get("zone")),  # type: ignore[arg-type]
            calendar=t.get("calendar", "gregorian"),
            tolerance=t.get("tolerance"),
            disambiguation=t.get("disambiguation"),
            phrase=t.get("phrase"),
            date=_text(t.get("date")),
            **common,
        )
    if kind == "on-date":
        return OnDate(
            t["event"],
            _text(t["date"]),
            zone_of(t.get("zone")),  # type: ignore[arg-type]
            calendar=t.get("calendar", "gregorian"),
            **common,
        )
    if kind == "before":
        return Before(t["first"], t["then"], **common)
    if kind == "after":
        return After(t["first"], t["then"], phrase=t.get("phrase"), **common)
    if kind == "same-date":
        zone = zone_of(t["zone"])
        return SameDate(t["first"], t["then"], zone, phrase=t.get("phrase"), **common)  # type: ignore[arg-type]
    return Gap(
        t["first"], t["then"], t.get("at_least"), t.get("at_most"), phrase=t.get("phrase"), **common
    )


def _text(value: object) -> Any:
    """A local time as the text it was written as; TOML's own date-times as they spell.

    The file reader (``_files``) turns TOML date-times back into the text written, so
    their precision is kept; a date-time that reaches here otherwise (a mapping built in
    Python) is spelled at its own precision. Anything else that is not text is refused.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            raise _Problem(
                f"{spell(value)} carries an offset; write the local time and its zone as quoted"
                ' text, such as when = "1945-08-09T00:01" with zone = "+10:00"'
            )
        return iso_spelling(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _dt.time):
        return "T" + iso_spelling(_dt.datetime.combine(_dt.date(2000, 1, 1), value))[11:]
    raise _Problem(f"expected a local time as quoted text, got {spell(value)}")


def iso_spelling(value: _dt.datetime) -> str:
    """A naive datetime as ISO 8601 text to its seconds, fraction digits trimmed."""
    text = value.isoformat(timespec="microseconds" if value.microsecond else "seconds")
    return text.rstrip("0") if value.microsecond else text
