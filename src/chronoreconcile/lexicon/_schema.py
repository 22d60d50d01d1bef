"""The lexicon's entries and tables, read and checked from a TOML document.

Every malformed entry is refused with a ChronoError naming the file, the table and the entry;
nothing here guesses. The schema itself is documented in the header of ``data/lexicon.toml``.

May import: ``_errors``, ``_units``, ``_durations``, the lexicon's ``_entries``, the stdlib.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, TypeVar

from .._durations import format_duration, parse_duration
from .._errors import ChronoError, ParseError
from .._units import DAY_US, HOUR_US, MINUTE_US
from ._entries import (
    MAX_ENTRIES,
    MAX_TEXT,
    PLACEHOLDERS,
    TABLES,
    Amount,
    Count,
    DatePattern,
    Entry,
    Quantity,
    Relative,
    Tables,
    TimeOfDay,
    normalise,
)

__all__ = ["check_tables", "merge_tables", "read_tables"]

# Table name in the file -> what the reference calls its entries.
_COMMON = {"phrase", "aliases", "rule", "rationale", "example"}
_KEYS = {
    "quantity": {"lower_percent", "upper_percent", "lower_closed", "upper_closed"},
    "count": {"lower", "upper"},
    "amount": {"duration"},
    "time_of_day": {"start", "end"},
    "relative": {"order", "lower", "upper", "lower_closed", "upper_closed"}
    | {"day_offset", "time_of_day"},
    "date": {"years", "months", "days"},
}
_TOP = {"bare", "approximate_mark", "number_words", "units", "order_words", *TABLES}
_T = TypeVar("_T")
_CLOCK = re.compile(r"([0-9]{2}):([0-9]{2})")


class _Where:
    """Names the place of a problem: "lexicon 'x.toml': [[quantity]] entry 'nearly'"."""

    def __init__(self, source: str, table: str = "", name: str = "") -> None:
        self.text = f"lexicon {source!r}"
        if table:
            self.text += f": [[{table}]] entry {name}"

    def fail(self, problem: str) -> ChronoError:
        return ChronoError(f"{self.text}: {problem}")


def read_tables(doc: Mapping[str, object], source: str) -> Tables:
    """The tables of one parsed TOML document; ``source`` names it in errors."""
    where = _Where(source)
    unknown = sorted(set(doc) - _TOP)
    if unknown:
        raise where.fail(f"unknown key {unknown[0]!r}; expected one of {', '.join(sorted(_TOP))}")
    entries: list[Entry] = []
    for table in TABLES:
        rows = doc.get(table, [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise where.fail(f"{table!r} must be an array of tables, written [[{table}]]")
        for index, row in enumerate(rows, 1):
            entries.append(_entry(table, index, row, source))
    if len(entries) > MAX_ENTRIES:
        raise where.fail(f"{len(entries)} entries; at most {MAX_ENTRIES} are read")
    return Tables(
        bare=_top_name(doc, "bare", where),
        approximate_mark=_top_name(doc, "approximate_mark", where),
        number_words=tuple(_plain(doc, "number_words", where, _count_value)),
        units=tuple(_plain(doc, "units", where, _unit_value)),
        order_words=tuple(_plain(doc, "order_words", where, _order_value)),
        entries=tuple(entries),
    )


def merge_tables(base: Tables, extra: Tables) -> Tables:
    """``base`` extended by ``extra``: its entries and words replace those of the same phrase."""
    replaced = {normalise(e.phrase) for e in extra.entries}
    kept = tuple(e for e in base.entries if normalise(e.phrase) not in replaced)
    return Tables(
        bare=extra.bare or base.bare,
        approximate_mark=extra.approximate_mark or base.approximate_mark,
        number_words=tuple({**dict(base.number_words), **dict(extra.number_words)}.items()),
        units=tuple({**dict(base.units), **dict(extra.units)}.items()),
        order_words=tuple({**dict(base.order_words), **dict(extra.order_words)}.items()),
        entries=kept + extra.entries,
    )


def check_tables(tables: Tables, source: str) -> None:
    """Refuse a lexicon whose parts do not fit together: names that point nowhere, repeats."""
    where = _Where(source)
    quantities = {normalise(e.phrase) for e in tables.entries if isinstance(e, Quantity)}
    for key in ("bare", "approximate_mark"):
        name = getattr(tables, key)
        if name is None or normalise(name) not in quantities:
            raise where.fail(f"{key} = {name!r} must name a [[quantity]] entry")
    times = {normalise(e.phrase) for e in tables.entries if isinstance(e, TimeOfDay)}
    seen: dict[str, str] = {}
    for entry in tables.entries:
        here = _Where(source, entry.table, repr(entry.phrase))
        tod = entry.time_of_day if isinstance(entry, Relative) else None
        if tod is not None and normalise(tod) not in times:
            raise here.fail(f"time_of_day {tod!r} is no [[time_of_day]] phrase")
        for spelling in (entry.phrase, *entry.aliases):
            key = normalise(spelling)
            if key in seen:
                raise here.fail(f"{spelling!r} is also a spelling of {seen[key]}")
            seen[key] = f"[[{entry.table}]] entry {entry.phrase!r}"


def _entry(table: str, index: int, row: dict[str, object], source: str) -> Entry:
    name = repr(row["phrase"]) if isinstance(row.get("phrase"), str) else f"#{index}"
    where = _Where(source, table, name)
    allowed = _COMMON | _KEYS[table]
    unknown = sorted(set(row) - allowed)
    if unknown:
        raise where.fail(
            f"unknown key {unknown[0]!r}; expected one of {', '.join(sorted(allowed))}"
        )
    phrase = _text(row, "phrase", where)
    aliases = row.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise where.fail("aliases must be a list of non-empty strings")
    common: dict[str, Any] = {
        "table": table,
        "phrase": phrase,
        "aliases": tuple(a[:MAX_TEXT] for a in aliases),
        "rationale": _text(row, "rationale", where, limit=2000),
        "example": _text(row, "example", where) if "example" in row else phrase,
    }
    if table == "date":
        common["rule"] = _text(row, "rule", where)
        return _date(row, common, where)
    if table == "amount":
        micros = _duration(row, "duration", where)
        if micros is None:
            raise where.fail("missing key 'duration'")
        rule = row.get("rule", format_duration(micros))
        common["rule"] = rule if isinstance(rule, str) else _text(row, "rule", where)
        return Amount(**common, micros=micros)
    common["rule"] = _text(row, "rule", where)
    if table == "quantity":
        low, high = _percent(row, "lower_percent", where), _percent(row, "upper_percent", where)
        lc, uc = _flag(row, "lower_closed", where), _flag(row, "upper_closed", where)
        if low > 0 or high < 0 or low < -100 or (low == high and not (lc and uc)):
            raise where.fail(
                "the range must contain N or end at it, with lower_percent from -100 to 0"
                " and upper_percent 0 or more, and not be empty"
            )
        return Quantity(**common, lower_percent=low, upper_percent=high, lower_closed=lc,
                        upper_closed=uc)  # fmt: skip
    if table == "count":
        lo, hi = _int(row, "lower", where), _int(row, "upper", where)
        if not 0 < lo <= hi <= 10**6:
            raise where.fail(f"lower {lo} and upper {hi} must satisfy 0 < lower <= upper")
        return Count(**common, lower=lo, upper=hi)
    if table == "time_of_day":
        start, end = _clock(row, "start", where), _clock(row, "end", where)
        if start in (DAY_US, end):
            raise where.fail("start must be before 24:00 and differ from end")
        return TimeOfDay(**common, start=start, end=end if end > start else end + DAY_US)
    return _relative(row, common, where)


def _relative(row: dict[str, object], common: dict[str, Any], where: _Where) -> Relative:
    order = _text(row, "order", where)
    if order not in ("after", "before", "either"):
        raise where.fail(f"order {order!r} must be 'after', 'before' or 'either'")
    lower, upper = _duration(row, "lower", where), _duration(row, "upper", where)
    lc, uc = _flag(row, "lower_closed", where), _flag(row, "upper_closed", where)
    if upper is not None and lower is None:
        lower = 0
    if lower is not None and upper is not None and (lower > upper or (lower == upper and not lc)):
        raise where.fail(f"the gap from {lower} to {upper} microseconds is empty")
    offset = row.get("day_offset")
    if offset is not None and (type(offset) is not int or abs(offset) > 366):
        raise where.fail("day_offset must be a whole number of days, at most 366")
    tod = row.get("time_of_day")
    if tod is not None and not isinstance(tod, str):
        raise where.fail("time_of_day must name a [[time_of_day]] phrase")
    if lower is None and offset is None and tod is None and order != "after" and order != "before":
        raise where.fail("order 'either' needs a day_offset, a time_of_day or gap bounds")
    return Relative(**common, order=order, lower=lower, upper=upper, lower_closed=lc,
                    upper_closed=uc, day_offset=offset, time_of_day=tod)  # fmt: skip


def _date(row: dict[str, object], common: dict[str, Any], where: _Where) -> DatePattern:
    phrase = common["phrase"]
    found = [p for p in PLACEHOLDERS if p in phrase]
    anchors = [p for p in found if p != "MONTH"]
    if len(anchors) != 1 or ("MONTH" in found and anchors != ["YEAR"]):
        raise where.fail(
            "the phrase must hold one of YEAR, DECADE or CENTURY, and MONTH only with YEAR"
        )
    for alias in common["aliases"]:
        if sorted(p for p in PLACEHOLDERS if p in alias) != sorted(found):
            raise where.fail(f"alias {alias!r} must hold the same parts as the phrase")
    years = _pair(row, "years", where, (-1000, 1000)) or (0, 0)
    months = _pair(row, "months", where, (1, 12))
    days = _pair(row, "days", where, (1, 31))
    if days is not None and "MONTH" not in found:
        raise where.fail("days need MONTH in the phrase")
    if months is not None and ("MONTH" in found or years != (0, 0)):
        raise where.fail("months apply to a whole YEAR without MONTH and without years")
    if "MONTH" in found and years != (0, 0):
        raise where.fail("years do not apply to a phrase with MONTH")
    return DatePattern(**common, years=years, months=months, days=days)


def _text(row: Mapping[str, object], key: str, where: _Where, *, limit: int = MAX_TEXT) -> str:
    value = row.get(key)
    if not isinstance(value, str) or not value.strip():
        raise where.fail(
            f"{key} must be a non-empty string" if key in row else f"missing key {key!r}"
        )
    if len(value) > limit:
        raise where.fail(f"{key} is longer than {limit} characters")
    return value.strip()


def _flag(row: Mapping[str, object], key: str, where: _Where) -> bool:
    value = row.get(key, True)
    if not isinstance(value, bool):
        raise where.fail(f"{key} must be true or false")
    return value


def _int(row: Mapping[str, object], key: str, where: _Where) -> int:
    value = row.get(key)
    if type(value) is not int:
        raise where.fail(f"{key} must be a whole number" if key in row else f"missing key {key!r}")
    return value


def _percent(row: Mapping[str, object], key: str, where: _Where) -> Fraction:
    value = row.get(key)
    if type(value) is int:
        return Fraction(value)
    if type(value) is float:  # str() gives the decimal the file wrote, not the binary float
        return Fraction(str(value))
    raise where.fail(f"{key} must be a number" if key in row else f"missing key {key!r}")


def _pair(row: Mapping[str, object], key: str, where: _Where, span: tuple[int, int]) -> tuple[int, int] | None:  # fmt: skip
    value = row.get(key)
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)):
        raise where.fail(f"{key} must be a pair of whole numbers [from, to]")
    lo, hi = value
    if not span[0] <= lo <= hi <= span[1]:
        raise where.fail(f"{key} [{lo}, {hi}] must run forward within {span[0]} to {span[1]}")
    return lo, hi


def _duration(row: Mapping[str, object], key: str, where: _Where) -> int | None:
    value = row.get(key)
    if value is None:
        return None
    try:
        return parse_duration(value, what=key)
    except ParseError as exc:
        raise where.fail(f"{key}: {exc}") from exc


def _clock(row: Mapping[str, object], key: str, where: _Where) -> int:
    text = _text(row, key, where)
    m = _CLOCK.fullmatch(text)
    if m is None or int(m[2]) > 59 or int(m[1]) * 60 + int(m[2]) > 24 * 60:
        raise where.fail(f"{key} {text!r} must be a local time 'HH:MM' from 00:00 to 24:00")
    return int(m[1]) * HOUR_US + int(m[2]) * MINUTE_US


def _top_name(doc: Mapping[str, object], key: str, where: _Where) -> str | None:
    value = doc.get(key)
    if value is not None and not isinstance(value, str):
        raise where.fail(f"{key} must name a [[quantity]] entry")
    return value


def _count_value(value: object) -> int:
    if type(value) is not int or not 0 <= value <= 10**6:
        raise ValueError("must be a whole number from 0 to 1,000,000")
    return value


def _unit_value(value: object) -> int:
    micros = parse_duration(value, what="unit")
    if micros == 0:
        raise ValueError("a unit cannot be zero")
    return micros


def _order_value(value: object) -> str:
    if value not in ("after", "before"):
        raise ValueError("must be 'after' or 'before'")
    return str(value)


def _plain(
    doc: Mapping[str, object], key: str, where: _Where, convert: Callable[[object], _T]
) -> list[tuple[str, _T]]:
    table = doc.get(key, {})
    if not isinstance(table, dict):
        raise where.fail(f"[{key}] must be a table of word = value")
    pairs = []
    for word, value in table.items():
        try:
            pairs.append((normalise(word), convert(value)))
        except (ValueError, TypeError) as exc:
            raise where.fail(f"[{key}] {word!r} = {value!r}: {exc}") from exc
        if not pairs[-1][0]:
            raise where.fail(f"[{key}] has an empty word")
    return pairs
