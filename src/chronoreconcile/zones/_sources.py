"""Where a zone's data comes from: the tzdata package, the bundled backzone build, or a directory.

``zone_data`` is None (the process-wide default, itself the package unless
:func:`set_default_zone_data` changed it), "tzdata" (the package, whatever the default),
"backzone" (the bundled build of the tz source's ``backzone`` file: the zones it defines
come from ``chronoreconcile/data/backzone``, every other name from the package), or the
path of a directory of TZif files, the only place files are read from by path.

Zone names are checked here before any file is opened: only plain relative IANA-style
keys ("Europe/Amsterdam") reach a file system, never "/etc/localtime", "../x" or a NUL.

May import: the standard library, ``._tzdata`` and ``.._errors``.
"""

from __future__ import annotations

import functools
import importlib.resources
import importlib.resources.abc
import json
import os
import threading
from pathlib import Path
from typing import Any

from .._errors import ChronoError, UnknownZoneError
from ._tzdata import package_bytes, package_version

__all__ = [
    "BACKZONE",
    "DEFAULT_DATA",
    "ZoneData",
    "check_zone_name",
    "data_release",
    "default_zone_data",
    "manifest",
    "resolve_zone_data",
    "set_default_zone_data",
    "source_bytes",
    "tzdata_version",
]

BACKZONE = "backzone"
PACKAGE = "tzdata"

ZoneData = str | os.PathLike[str] | None
"""What ``zone_data=`` accepts: None (the default), "tzdata", "backzone" or a directory."""

# The process-wide default, one cell: get_zone reads it on every call, without a call.
DEFAULT_DATA: list[str | None] = [None]
_DEFAULT_LOCK = threading.Lock()

# Longer than any IANA id (the longest is 32 characters) by far; a longer name is no key.
_MAX_NAME = 255


def set_default_zone_data(zone_data: ZoneData) -> str | None:
    """Set the zone data every call without ``zone_data=`` uses; returns the previous default.

    ``None`` or "tzdata" is the tzdata package (the default), "backzone" the bundled
    backzone build, anything else a directory of TZif files.

    >>> previous = set_default_zone_data("backzone")
    >>> tzdata_version()
    '2026f; backzone from tz 2026c+'
    >>> set_default_zone_data(previous)
    'backzone'
    """
    value = _normalise(zone_data)
    with _DEFAULT_LOCK:
        previous = DEFAULT_DATA[0]
        DEFAULT_DATA[0] = value
    return previous


def default_zone_data() -> str | None:
    """The process-wide default: None for the package, "backzone", or a directory."""
    return DEFAULT_DATA[0]


def _normalise(zone_data: ZoneData) -> str | None:
    if zone_data is None:
        return None
    if isinstance(zone_data, os.PathLike):
        zone_data = os.fspath(zone_data)
    if not isinstance(zone_data, str):
        raise ChronoError(
            f"zone_data must be None, 'tzdata', 'backzone' or a directory, got {zone_data!r}"
        )
    if zone_data == PACKAGE:
        return None
    if zone_data == BACKZONE:
        return BACKZONE
    if not zone_data or "\0" in zone_data:
        raise ChronoError(f"zone_data {zone_data!r} is not a directory")
    return zone_data


def resolve_zone_data(zone_data: ZoneData) -> str | None:
    """The data a call uses: None (the package), "backzone" or a directory path."""
    if zone_data is None:
        return DEFAULT_DATA[0]
    return _normalise(zone_data)


def check_zone_name(name: str) -> None:
    """Refuse a name that is not a plain relative IANA-style key, before any file is opened."""
    problem = ""
    if not name:
        problem = "it is empty"
    elif len(name) > _MAX_NAME:
        problem = f"it is {len(name)} characters long; no zone name is longer than {_MAX_NAME}"
    elif "\0" in name:
        problem = "it contains a NUL character"
    elif "\\" in name:
        problem = "it contains a backslash; zone names use '/'"
    elif name.startswith("/"):
        problem = "it is an absolute path; a zone is named by its key, such as 'Asia/Tokyo'"
    elif any(part in ("", ".", "..") for part in name.split("/")):
        problem = "it has an empty, '.' or '..' component"
    if problem:
        raise UnknownZoneError(_shown(name), reason=f"not a zone name: {problem}")


def _shown(name: str) -> str:
    return name if len(name) <= 60 else name[:40] + "..."


def _bundled_root() -> importlib.resources.abc.Traversable:
    return importlib.resources.files("chronoreconcile").joinpath("data", "backzone")


@functools.cache
def manifest() -> dict[str, Any]:
    """The bundled build's MANIFEST.json, with ``zones`` keyed by name."""
    raw = json.loads(_bundled_root().joinpath("MANIFEST.json").read_text(encoding="utf-8"))
    raw["zones"] = {z["name"]: z for z in raw["zones"]}
    return dict(raw)


def source_bytes(name: str, zone_data: str | None) -> tuple[bytes, str]:
    """The TZif bytes of ``name`` in the resolved ``zone_data``, and which data they are.

    The second value is "tzdata", "backzone" or "dir". ``name`` must have passed
    :func:`check_zone_name`.
    """
    if zone_data is None:
        return package_bytes(name), PACKAGE
    if zone_data == BACKZONE:
        found = manifest()
        target = found["links"].get(name, name)
        if target in found["zones"]:
            return _bundled_root().joinpath(*target.split("/")).read_bytes(), BACKZONE
        return package_bytes(name), PACKAGE
    path = Path(zone_data) / name
    if not path.is_file():
        raise UnknownZoneError(name, where=f"zone data {zone_data!r}")
    return path.read_bytes(), "dir"


def data_release(source: str, zone_data: str | None = None) -> str:
    """How premises name a zone's data: "tzdata 2026f", "backzone from tz 2026c+", ..."""
    if source == BACKZONE:
        return f"backzone from tz {manifest()['tz_source']}"
    if source == "dir":
        return f"zone data {zone_data}"
    return f"tzdata {package_version()}"


def tzdata_version(zone_data: ZoneData = None) -> str:
    """The release of the zone data a call uses: "2026f", or with backzone both releases.

    >>> tzdata_version()[:2]
    '20'
    >>> tzdata_version("backzone")
    '2026f; backzone from tz 2026c+'
    """
    data = resolve_zone_data(zone_data)
    if data is None:
        return package_version()
    if data == BACKZONE:
        return f"{package_version()}; {data_release(BACKZONE)}"
    return f"{package_version()}; zone data {data}"
