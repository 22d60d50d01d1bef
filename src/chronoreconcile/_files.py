"""Chronology files as bytes: read TOML or JSON into plain data, and write plain data back.

Reading keeps what the user wrote: a TOML date-time written without quotes
(``when = 1945-08-09T00:01:00``) comes back as the text it spells, at the precision written,
so that it means the same as the quoted text. Writing makes TOML (by hand: the format's
few shapes need no library) or JSON that these readers read back to the same data.

May import: the standard library and _errors. Imported by the command line and the
chronology's file methods.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._errors import ChronoError, FileFormatError, ParseError

__all__ = ["MAX_BYTES", "dump_json", "dump_toml", "parse_text", "read_path", "write_path"]

MAX_BYTES = 50 * 2**20

# Strings and comments, blanked before date-times are looked for outside them.
_QUOTED = re.compile(
    r'"""(?:\\.|[^\\])*?"""|\'\'\'.*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#[^\n]*', re.S
)
_DATETIME = re.compile(
    r"(?<![\w.:+-])(?:\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?"
    r"(?:[Zz]|[+-]\d{2}:\d{2})?)?|\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)(?![\w.:-])"
)
_Key = tuple[type, object, object]


def _key(value: _dt.date | _dt.time) -> _Key:
    offset = value.utcoffset() if isinstance(value, _dt.datetime | _dt.time) else None
    return (type(value), value, offset)


def _spellings(text: str) -> dict[_Key, str]:
    """The text of each unquoted TOML date-time in ``text``, keyed by the value it parses to."""
    blank = _QUOTED.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    out: dict[_Key, str] = {}
    for m in _DATETIME.finditer(blank):
        spelled = m.group()
        try:
            value = tomllib.loads(f"v = {spelled}")["v"]
        except tomllib.TOMLDecodeError:
            continue
        if isinstance(value, _dt.date | _dt.time):
            written = spelled[:10] + "T" + spelled[11:] if len(spelled) > 10 else spelled
            if isinstance(value, _dt.time):
                written = "T" + spelled
            out.setdefault(_key(value), written.upper())
    return out


def _respell(data: Any, spellings: Mapping[_Key, str]) -> Any:
    if isinstance(data, dict):
        return {k: _respell(v, spellings) for k, v in data.items()}
    if isinstance(data, list):
        return [_respell(v, spellings) for v in data]
    if isinstance(data, _dt.date | _dt.time):
        return spellings.get(_key(data), data)
    return data


def parse_text(text: str, where: str, *, json_format: bool | None = None) -> Any:
    """The data of a chronology file's text; ``json_format`` None guesses from the text.

    An empty file (nothing but blanks and comments) is an error, as is malformed text.
    """
    if json_format is None:
        json_format = text.lstrip().startswith("{")
    try:
        data = json.loads(text) if json_format else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ParseError(where, f"malformed {'JSON' if json_format else 'TOML'}: {exc}") from None
    if not json_format:
        data = _respell(data, _spellings(text))
    if data == {}:
        raise FileFormatError(where, ["the file is empty: it has no events and no claims"])
    return data


def read_path(path: str | Path) -> Any:
    """The data of the chronology file at ``path`` (JSON if it ends in .json, else TOML)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ChronoError(f"cannot read {str(p)!r}: {exc.strerror or exc}") from None
    return parse_bytes(raw, str(p), json_format=p.suffix.lower() == ".json")


def parse_bytes(raw: bytes, where: str, *, json_format: bool | None = None) -> Any:
    """The data of a chronology file's bytes: UTF-8, at most ``MAX_BYTES``."""
    if len(raw) > MAX_BYTES:
        raise ChronoError(f"{where} is larger than 50 MiB; not a chronology file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(where, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_text(text, where, json_format=json_format)


# --- writing -------------------------------------------------------------------------------

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _key_text(key: str) -> str:
    return key if _BARE.fullmatch(key) else _string(key)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            raise ChronoError("a chronology file cannot hold NaN")
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key_text(k)} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise ChronoError(f"a chronology file cannot hold {type(value).__name__} values")


def _pairs(table: Mapping[str, Any]) -> list[str]:
    return [f"{_key_text(k)} = {_value(v)}" for k, v in table.items() if v is not None]


def dump_toml(data: Mapping[str, Any]) -> str:
    """Chronology data (title, zones, events, claims) as TOML text."""
    lines: list[str] = []
    scalars = {k: v for k, v in data.items() if k not in ("zones", "events", "claims")}
    lines += _pairs(scalars)
    for name, zone in data.get("zones", {}).items():
        lines += ["", f"[zones.{_key_text(name)}]", *_pairs(zone)]
    for kind in ("events", "claims"):
        for entry in data.get(kind, []):
            lines += ["", f"[[{kind}]]", *_pairs(entry)]
    return "\n".join(lines).lstrip("\n") + "\n"


def dump_json(data: Mapping[str, Any]) -> str:
    """Chronology data as JSON text (a weight that must hold is written Infinity)."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_path(data: Mapping[str, Any], path: str | Path) -> None:
    """Write chronology data to ``path``: JSON if it ends in .json, else TOML."""
    p = Path(path)
    text = dump_json(data) if p.suffix.lower() == ".json" else dump_toml(data)
    try:
        p.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ChronoError(f"cannot write {str(p)!r}: {exc.strerror or exc}") from None
