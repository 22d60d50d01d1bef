"""Build the bundled backzone zone data: tz's pre-1970 history, spliced onto the tzdata package.

The tzdata package is compiled without the tz source's ``backzone`` file, so zones that tz
merged (Asia/Harbin into Asia/Shanghai, Europe/Amsterdam into Europe/Brussels, ...) lose
their own history before 1970. This script compiles that history with the system's ``zic``
from the tz source (by default ../shared/tz beside the repository): the zones defined in
``backzone`` replace the ``Link`` lines of the same names in ``backward``, as the tz
source's README shows. The source is older than the package, so for each backzone zone the
build keeps the compiled data up to the end of the zone's last difference from the
package before 2000 (the splice instant) and the package's own data from there on, with
the package's POSIX footer. Real later history (Harbin's +08:30 until 1980) is kept; a
stale rule of the older source (Yellowknife in 2026) never overrides the package.

Writes ``<out>/<Area>/<City>`` TZif files (version 2 or 3, a minimal version 1 block as
zic's "slim" output has) and ``<out>/MANIFEST.json``. The same inputs give the same bytes.

    python tools/build_backzone.py [--tz-source DIR] [--zic PATH] [--out DIR]

This tool reads only the tz source, the zic output and the tzdata package (through
importlib.resources); it never reads the host's /usr/share/zoneinfo and does not import
chronoreconcile.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import importlib.resources
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO.parent / "shared" / "tz"
DEFAULT_OUT = REPO / "src" / "chronoreconcile" / "data" / "backzone"
# What ../shared/tz/README.md says the source is, for a source that names no release.
UNNAMED_RELEASE = "2026c+"
REGIONS = [
    "africa",
    "antarctica",
    "asia",
    "australasia",
    "europe",
    "northamerica",
    "southamerica",
    "etcetera",
]


def _utc(year: int, month: int = 1, day: int = 1) -> int:
    return calendar.timegm((year, month, day, 0, 0, 0))


Y1970 = _utc(1970)
Y2000 = _utc(2000)
HORIZON = _utc(2101)  # comparisons run to the end of 2100

# A local time type: UT offset in seconds, is-DST flag, abbreviation.
Type = tuple[int, bool, str]


@dataclass(frozen=True)
class TZif:
    """A TZif file's version-2+ data: the type before the first transition, the transitions
    (UTC seconds, the type from then on), and the POSIX footer."""

    version: bytes
    first: Type
    transitions: list[tuple[int, Type]]
    footer: str


def read_tzif(data: bytes, name: str) -> TZif:
    """The version 2+ data block of a TZif file (RFC 8536); leap seconds refused."""
    if data[:4] != b"TZif" or data[4:5] < b"2":
        raise ValueError(f"{name}: not a TZif file of version 2 or later")
    fields = struct.unpack(">6l", data[20:44])
    isut, isstd, leap, timecnt, typecnt, charcnt = fields
    pos = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    if data[pos : pos + 4] != b"TZif":
        raise ValueError(f"{name}: no version 2 data block")
    isut, isstd, leap, timecnt, typecnt, charcnt = struct.unpack(">6l", data[pos + 20 : pos + 44])
    if leap:
        raise ValueError(f"{name}: leap-second data is not supported")
    pos += 44
    times = struct.unpack(f">{timecnt}q", data[pos : pos + timecnt * 8])
    pos += timecnt * 8
    idx = data[pos : pos + timecnt]
    pos += timecnt
    raw = [struct.unpack(">lBB", data[pos + 6 * k : pos + 6 * k + 6]) for k in range(typecnt)]
    pos += typecnt * 6
    chars = data[pos : pos + charcnt]
    pos += charcnt + isstd + isut
    footer = data[pos:].strip(b"\n").decode("ascii")

    def typ(k: int) -> Type:
        off, isdst, start = raw[k]
        return off, bool(isdst), chars[start : chars.index(b"\0", start)].decode("ascii")

    trans = [(t, typ(k)) for t, k in zip(times, idx, strict=True)]
    return TZif(data[4:5], typ(0), trans, footer)


def write_tzif(zone: TZif) -> bytes:
    """TZif bytes for ``zone``: a minimal version 1 block, then the 64-bit data and footer."""
    types: list[Type] = [zone.first]
    for _, t in zone.transitions:
        if t not in types:
            types.append(t)
    chars = b""
    where: dict[str, int] = {}
    for _, _, abbr in types:
        if abbr not in where:
            where[abbr] = len(chars)
            chars += abbr.encode("ascii") + b"\0"

    def header(timecnt: int, typecnt: int, charcnt: int) -> bytes:
        head = b"TZif" + zone.version + b"\0" * 15
        return head + struct.pack(">6l", 0, 0, 0, timecnt, typecnt, charcnt)

    v1 = header(0, 1, 1) + struct.pack(">lBB", 0, 0, 0) + b"\0"
    body = header(len(zone.transitions), len(types), len(chars))
    body += b"".join(struct.pack(">q", t) for t, _ in zone.transitions)
    body += bytes(types.index(t) for _, t in zone.transitions)
    body += b"".join(struct.pack(">lBB", off, dst, where[abbr]) for off, dst, abbr in types)
    body += chars
    return v1 + body + b"\n" + zone.footer.encode("ascii") + b"\n"


# --- POSIX TZ footers (RFC 8536 section 3.3), to extend a file's data to the horizon ------

_NAME = r"(<[^>]+>|[A-Za-z]+)"
_OFF = r"([+-]?\d+(?::\d+){0,2})"
_POSIX = re.compile(rf"{_NAME}{_OFF}(?:{_NAME}{_OFF}?(?:,([^,]+),([^,]+))?)?\Z")


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _rule_local(rule: str, year: int) -> int:
    """Local seconds (as if UTC) at which a POSIX rule date ``rule`` falls in ``year``."""
    date, _, time = rule.partition("/")
    at = _seconds(time) if time else 7200
    if date.startswith("M"):
        month, week, wday = (int(p) for p in date[1:].split("."))
        first_wday = (dt.date(year, month, 1).weekday() + 1) % 7  # Sunday = 0
        day = 1 + (wday - first_wday) % 7 + 7 * (week - 1)
        while day > calendar.monthrange(year, month)[1]:
            day -= 7
        return _utc(year, month, day) + at
    if date.startswith("J"):  # 1..365, 29 February never counted
        n = int(date[1:])
        extra = 86400 if calendar.isleap(year) and n >= 60 else 0
        return _utc(year) + (n - 1) * 86400 + extra + at
    return _utc(year) + int(date) * 86400 + at


def extend(zone: TZif, until: int = HORIZON) -> list[tuple[int, Type]]:
    """The zone's transitions with those its footer gives after the last one, to ``until``."""
    trans = list(zone.transitions)
    m = _POSIX.match(zone.footer)
    if m is None:
        raise ValueError(f"footer {zone.footer!r} is not a POSIX TZ string this tool reads")
    std_name, std_off, dst_name, dst_off, start, end = m.groups()
    std: Type = (-_seconds(std_off), False, std_name.strip("<>"))
    if dst_name is None:
        return trans  # a fixed offset from the last transition on
    dst: Type = (
        std[0] + 3600 if dst_off is None else -_seconds(dst_off),
        True,
        dst_name.strip("<>"),
    )
    if start is None:
        start, end = "M3.2.0", "M11.1.0"
    last = trans[-1][0] if trans else -(2**62)
    first_year = dt.datetime.fromtimestamp(max(last, _utc(1900)), dt.UTC).year
    for year in range(first_year, dt.datetime.fromtimestamp(until, dt.UTC).year + 1):
        pair = [(_rule_local(start, year) - std[0], dst), (_rule_local(end, year) - dst[0], std)]
        for t, typ in sorted(pair):
            if last < t < until and (not trans or trans[-1][1] != typ):
                trans.append((t, typ))
    return trans


def type_at(trans: list[tuple[int, Type]], first: Type, t: int) -> Type:
    """The type in force at instant ``t`` in a transition list."""
    current = first
    for when, typ in trans:
        if when > t:
            break
        current = typ
    return current


def differences(a: TZif, b: TZif, until: int = HORIZON) -> list[tuple[int, int, Type, Type]]:
    """The periods [start, end) before ``until`` where ``a`` and ``b`` give different types,
    with the type each gives (``end`` is ``until`` for a difference still running then)."""
    ta, tb = extend(a, until), extend(b, until)
    cuts = sorted({t for t, _ in ta} | {t for t, _ in tb} | {-(2**62)})
    out: list[tuple[int, int, Type, Type]] = []
    ia = ib = 0
    cur_a, cur_b = a.first, b.first
    for k, cut in enumerate(c for c in cuts if c < until):
        while ia < len(ta) and ta[ia][0] <= cut:
            cur_a, ia = ta[ia][1], ia + 1
        while ib < len(tb) and tb[ib][0] <= cut:
            cur_b, ib = tb[ib][1], ib + 1
        end = cuts[k + 1] if k + 1 < len(cuts) and cuts[k + 1] < until else until
        if cur_a == cur_b:
            continue
        if out and out[-1][1] == cut and out[-1][2:] == (cur_a, cur_b):
            out[-1] = (out[-1][0], end, cur_a, cur_b)
        else:
            out.append((cut, end, cur_a, cur_b))
    return out


def splice(own: TZif, package: TZif, at: int | None) -> TZif:
    """``own``'s data before instant ``at``, ``package``'s from then on, with its footer."""
    if at is None:
        return TZif(max(package.version, b"2"), package.first, package.transitions, package.footer)
    after = type_at(extend(package, at + 1), package.first, at)
    trans = [(t, typ) for t, typ in own.transitions if t < at]
    trans.append((at, after))
    trans += [(t, typ) for t, typ in package.transitions if t > at]
    merged: list[tuple[int, Type]] = []
    for t, typ in trans:
        if typ != (merged[-1][1] if merged else own.first):
            merged.append((t, typ))
    return TZif(max(package.version, b"2"), own.first, merged, package.footer)


def iso(t: int) -> str:
    if t <= -(2**62):
        return "-infinity"
    return dt.datetime.fromtimestamp(t, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def show(typ: Type) -> dict[str, object]:
    off, isdst, abbr = typ
    sign = "-" if off < 0 else "+"
    h, rem = divmod(abs(off), 3600)
    m, s = divmod(rem, 60)
    text = f"{sign}{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")
    return {"offset": text, "dst": isdst, "abbreviation": abbr}


def backzone_names(source: Path) -> list[str]:
    text = (source / "backzone").read_text(encoding="utf-8")
    return sorted({line.split()[1] for line in text.splitlines() if line.startswith("Zone")})


def backzone_links(source: Path) -> dict[str, str]:
    text = (source / "backzone").read_text(encoding="utf-8")
    rows = (line.split() for line in text.splitlines() if line.startswith("Link"))
    return {parts[2]: parts[1] for parts in sorted(rows, key=lambda p: p[2])}


def source_release(source: Path) -> str:
    """The release a tz source names in its ``version`` file, else what its README says."""
    version = source / "version"
    if version.is_file():
        return version.read_text(encoding="utf-8").strip()
    return UNNAMED_RELEASE


def compile_source(source: Path, zic: str, workdir: Path) -> Path:
    """Compile the tz source with backzone's zones in place of backward's links; the output
    directory."""
    names = set(backzone_names(source))
    kept = []
    for line in (source / "backward").read_text(encoding="utf-8").splitlines(keepends=True):
        parts = line.split()
        if not (len(parts) >= 3 and parts[0] == "Link" and parts[2] in names):
            kept.append(line)
    (workdir / "backward.bz").write_text("".join(kept), encoding="utf-8")
    out = workdir / "zic-out"
    files = [str(source / f) for f in REGIONS] + [str(workdir / "backward.bz")]
    subprocess.run([zic, "-b", "fat", "-d", str(out), *files, str(source / "backzone")], check=True)
    return out


def own_data(zone: TZif) -> tuple[Type, list[tuple[int, Type]], str]:
    """A compiled zone's data in canonical form: no transition that changes nothing."""
    merged: list[tuple[int, Type]] = []
    for t, typ in zone.transitions:
        if typ != (merged[-1][1] if merged else zone.first):
            merged.append((t, typ))
    return zone.first, merged, zone.footer


def package_has(name: str) -> bool:
    root = importlib.resources.files("tzdata").joinpath("zoneinfo")
    return root.joinpath(*name.split("/")).is_file()


def package_zone(name: str) -> bytes:
    root = importlib.resources.files("tzdata").joinpath("zoneinfo")
    return root.joinpath(*name.split("/")).read_bytes()


def package_release() -> str:
    root = importlib.resources.files("tzdata").joinpath("zoneinfo")
    first = root.joinpath("tzdata.zi").read_text(encoding="utf-8").split("\n", 1)[0]
    return first.removeprefix("# version").strip()


def runs(diffs: list[tuple[int, int, Type, Type]]) -> list[tuple[int, int]]:
    """The maximal periods of disagreement: adjacent differences joined."""
    out: list[tuple[int, int]] = []
    for start, end, _, _ in diffs:
        if out and out[-1][1] == start:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def splice_instant(diffs: list[tuple[int, int, Type, Type]]) -> tuple[int | None, bool]:
    """Where the package's data takes over, and whether a disagreement was cut there.

    The end of the last disagreement that begins before 2000; a disagreement still in
    force on 2000-01-01 is cut then, so the package governs every instant from 2000 on.
    None when the two never disagree.
    """
    before = [r for r in runs(diffs) if r[0] < Y2000]
    if not before:
        return None, False
    end = before[-1][1]
    return min(end, Y2000), end > Y2000


def _pair(mine: Type, theirs: Type) -> str:
    a, b = show(mine), show(theirs)
    return f"backzone {a['offset']} {a['abbreviation']} / package {b['offset']} {b['abbreviation']}"


def describe(name: str, diffs: list[tuple[int, int, Type, Type]], data: bytes) -> dict[str, object]:
    """The manifest entry of one spliced zone."""
    at, cut = splice_instant(diffs)
    limit = HORIZON if at is None else at
    kept = [
        {
            "from": iso(max(start, Y1970)),
            "until": iso(min(end, limit)),
            "backzone": show(mine),
            "package": show(theirs),
        }
        for start, end, mine, theirs in diffs
        if end > Y1970 and start < limit
    ]
    later = [(max(s, limit), e, m, t) for s, e, m, t in diffs if e > limit]
    dropped = None
    if later:
        dropped = {
            "from": iso(later[0][0]),
            "until": None if later[-1][1] >= HORIZON else iso(later[-1][1]),
            "periods": len(later),
            "kinds": sorted({_pair(m, t) for _, _, m, t in later}),
        }
    return {
        "name": name,
        "kind": "merge" if any(d[0] < Y1970 for d in diffs) else "identical",
        "splice": None if at is None else iso(at),
        "cut_at_2000": cut,
        "sha256": hashlib.sha256(data).hexdigest(),
        "differences_after_1970": kept,
        "dropped_from_source": dropped,
    }


def build(source: Path, zic: str, out: Path) -> dict[str, object]:
    """Compile, splice and write every backzone zone into ``out``; the manifest written."""
    zones: list[dict[str, object]] = []
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        compiled = compile_source(source, zic, Path(tmp))
        for name in backzone_names(source):
            own = read_tzif((compiled / name).read_bytes(), name)
            if not package_has(name):
                # A name only backzone defines (Asia/Hanoi): nothing to splice onto.
                data = files[name] = write_tzif(TZif(max(own.version, b"2"), *own_data(own)))
                entry = describe(name, [], data)
                entry.update(kind="added", splice=None)
                zones.append(entry)
                continue
            package = read_tzif(package_zone(name), f"tzdata {name}")
            diffs = differences(own, package)
            data = files[name] = write_tzif(splice(own, package, splice_instant(diffs)[0]))
            zones.append(describe(name, diffs, data))
    manifest: dict[str, object] = {
        "about": (
            "tz backzone zones compiled with zic, each spliced onto the tzdata package's data"
            " at its splice instant; built by tools/build_backzone.py"
        ),
        "tz_source": source_release(source),
        "tzdata": package_release(),
        "compared_until": iso(HORIZON),
        "zones": zones,
        "links": backzone_links(source),
    }
    if out.exists():
        shutil.rmtree(out)
    for name, data in files.items():
        path = out.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    text = json.dumps(manifest, indent=1, ensure_ascii=True) + "\n"
    (out / "MANIFEST.json").write_text(text, encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--tz-source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--zic", default=shutil.which("zic") or "/usr/sbin/zic")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.tz_source / "backzone").is_file():
        parser.error(f"no backzone file in the tz source {args.tz_source}")
    manifest = build(args.tz_source, args.zic, args.out)
    zones = manifest["zones"]
    assert isinstance(zones, list)
    merges = sum(1 for z in zones if z["kind"] == "merge")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(
        f"wrote {len(zones)} zones ({merges} merges) and MANIFEST.json to {args.out},"
        f" {size} bytes: tz {manifest['tz_source']} spliced onto tzdata {manifest['tzdata']}"
    )
    for zone in zones:
        kept = zone["differences_after_1970"]
        if kept:
            print(
                f"  {zone['name']}: differs from tzdata {kept[0]['from'][:10]}"
                f" to {kept[-1]['until'][:10]} ({len(kept)} periods)"
            )
        if zone["dropped_from_source"]:
            d = zone["dropped_from_source"]
            print(
                f"  {zone['name']}: tzdata kept from {d['from'][:10]} over the source"
                f" ({d['periods']} periods)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
