"""How fast is chronoreconcile.to_instant, next to the stdlib, pendulum and whenever?

    python benchmarks/bench_to_instant.py [--n 100000] [--pendulum-n 10000] [--repeat 5]

Every library converts the same local-time ISO strings (random minutes from 1900 to 2100
over 20 zones, most with daylight saving time) to UTC instants, with Temporal's
"compatible" disambiguation (the earlier instant of a repeated time, the later of a
skipped one), one call per string:

- chronoreconcile: ``to_instant(s, zone, disambiguation="compatible")``
- stdlib: ``datetime.fromisoformat(s).replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)``
  with the ZoneInfo objects looked up once (fold=0 is "compatible")
- pendulum: ``pendulum.datetime(y, m, d, h, mi, tz=zone, fold=1)``, on the first
  ``--pendulum-n`` strings because it is slow; the fields are split out of the strings
  before timing, which favours pendulum
- whenever: ``PlainDateTime.parse_iso(s).assume_tz(zone, disambiguation="compatible")
  .to_instant()``

All four read the zone data of the ``tzdata`` package, not the host's older files. The
figures are the best of ``--repeat`` runs, in microseconds per call. Targets:
chronoreconcile within 3x of the stdlib path, and at least 10x faster than pendulum.

The script then checks that the four agree on every instant. The one documented
difference: pendulum has no "compatible"; ``fold=1`` (its default) takes the later
instant of a repeated local time where "compatible" takes the earlier, and ``fold=0``
would instead shift a skipped time backwards. Those disagreements are counted apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import random
import sys
import time
import zoneinfo
from collections.abc import Callable, Sequence

import pendulum
import whenever

import chronoreconcile as cr

UTC = dt.UTC

ZONES = [
    "America/New_York",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "America/Santiago",
    "America/Havana",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Moscow",
    "Africa/Casablanca",
    "Asia/Tehran",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Pacific/Honolulu",
]


def pin_zone_data() -> None:
    """Make zoneinfo (and pendulum, which builds on it) and whenever read the tzdata package."""
    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    whenever.reset_tzpath([])
    whenever.clear_tzcache()


def make_cases(n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    start = dt.datetime(1900, 1, 1)
    minutes = int((dt.datetime(2101, 1, 1) - start).total_seconds() // 60)
    return [
        ((start + dt.timedelta(minutes=rng.randrange(minutes))).isoformat(timespec="minutes"),
         rng.choice(ZONES))
        for _ in range(n)
    ]  # fmt: skip


def make_edge_cases() -> list[tuple[str, str]]:
    """A local time in the middle of every gap and fold of the zones, 1900..2100: random
    minutes almost never land in one, so the agreement check adds these."""
    start = dt.datetime(1900, 1, 1)
    epoch = dt.datetime(1970, 1, 1)
    first = int((start - epoch).total_seconds())
    last = int((dt.datetime(2101, 1, 1) - epoch).total_seconds())
    cases = []
    for zone in ZONES:
        for t, before, after in cr.get_zone(zone).transitions(first, last):
            local = epoch + dt.timedelta(seconds=t + (before + after) // 2)
            cases.append((local.replace(second=0).isoformat(timespec="minutes"), zone))
    return cases


def best_times(repeat: int, runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The best wall time of each run over ``repeat`` rounds; the rounds take the runs in
    turn, so a burst of load on a shared machine does not fall on one library alone."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            t0 = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


# Each runner converts every case and returns the instants, as the library gives them.


def run_chronoreconcile(cases: Sequence[tuple[str, str]]) -> list[dt.datetime]:
    to_instant = cr.to_instant
    return [to_instant(s, zone, disambiguation="compatible") for s, zone in cases]


def run_stdlib(cases: Sequence[tuple[str, str]]) -> list[dt.datetime]:
    zones = {z: zoneinfo.ZoneInfo(z) for z in ZONES}
    fromisoformat = dt.datetime.fromisoformat
    return [fromisoformat(s).replace(tzinfo=zones[zone]).astimezone(UTC) for s, zone in cases]


def split_fields(cases: Sequence[tuple[str, str]]) -> list[tuple[int, int, int, int, int, str]]:
    return [
        (int(s[0:4]), int(s[5:7]), int(s[8:10]), int(s[11:13]), int(s[14:16]), zone)
        for s, zone in cases
    ]


def run_pendulum(fields: Sequence[tuple[int, int, int, int, int, str]]) -> list[dt.datetime]:
    make = pendulum.datetime
    return [make(y, m, d, h, mi, tz=zone, fold=1) for y, m, d, h, mi, zone in fields]


def run_pendulum_dropping(fields: Sequence[tuple[int, int, int, int, int, str]]) -> None:
    make = pendulum.datetime
    for y, m, d, h, mi, zone in fields:
        make(y, m, d, h, mi, tz=zone, fold=1)


def run_whenever(cases: Sequence[tuple[str, str]]) -> list[whenever.Instant]:
    parse = whenever.PlainDateTime.parse_iso
    return [parse(s).assume_tz(zone, disambiguation="compatible").to_instant() for s, zone in cases]


def as_utc(value: dt.datetime) -> dt.datetime:
    offset = value.utcoffset()
    assert offset is not None
    return value.replace(tzinfo=None) - offset


def is_repeated(s: str, zone: str) -> bool:
    try:
        cr.to_instant(s, zone)
    except cr.AmbiguousTimeError:
        return True
    except cr.NonexistentTimeError:
        pass
    return False


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="local times to convert")
    parser.add_argument(
        "--pendulum-n", type=int, default=10_000, help="how many of them pendulum converts"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per library; best counts")
    parser.add_argument("--seed", type=int, default=1945)
    args = parser.parse_args(argv)

    pin_zone_data()
    cases = make_cases(args.n, args.seed)
    pendulum_cases = cases[: min(args.pendulum_n, args.n)]
    fields = split_fields(pendulum_cases)
    # Warm the caches (zone loading is not what is measured).
    run_chronoreconcile(cases[:1000])
    run_stdlib(cases[:1000])
    run_pendulum(fields[:200])
    run_whenever(cases[:1000])

    print(
        f"{args.n:,} local times, {len(ZONES)} zones, tzdata {cr.tzdata_version()},"
        f" Python {sys.version.split()[0]}, pendulum {importlib.metadata.version('pendulum')},"
        f" whenever {importlib.metadata.version('whenever')}; best of {args.repeat}"
    )
    cold_fields = fields[:500]
    runs: dict[str, tuple[Callable[[], object], int]] = {
        "chronoreconcile": (lambda: run_chronoreconcile(cases), len(cases)),
        "stdlib zoneinfo": (lambda: run_stdlib(cases), len(cases)),
        "pendulum": (lambda: run_pendulum(fields), len(fields)),
        "whenever": (lambda: run_whenever(cases), len(cases)),
        "pendulum, cold": (lambda: run_pendulum_dropping(cold_fields), len(cold_fields)),
    }
    best = best_times(args.repeat, {name: run for name, (run, _) in runs.items()})
    per_call = {name: best[name] / count for name, (_, count) in runs.items()}
    cold = per_call.pop("pendulum, cold")
    ours = per_call["chronoreconcile"]
    for name, seconds in per_call.items():
        note = f" (on {len(fields):,} of them)" if name == "pendulum" else ""
        print(
            f"  {name:16} {seconds * 1e6:8.2f} µs/call   {seconds / ours:6.2f}x chronoreconcile{note}"
        )
    # pendulum's Timezone objects are cached only while something holds them: above, the
    # results do; a call whose result is dropped loads the zone file again.
    print(
        f"  (pendulum, each result dropped before the next call: {cold * 1e6:.2f} µs/call,"
        f" {cold / ours:.2f}x chronoreconcile; the targets use the faster figure above)"
    )

    vs_stdlib = ours / per_call["stdlib zoneinfo"]
    vs_pendulum = per_call["pendulum"] / ours
    print(
        f"target: within 3x of the stdlib path: {vs_stdlib:.2f}x"
        f" -> {'PASS' if vs_stdlib <= 3 else 'MISS'}"
    )
    print(
        f"target: at least 10x faster than pendulum.datetime: {vs_pendulum:.1f}x"
        f" -> {'PASS' if vs_pendulum >= 10 else 'MISS'}"
    )

    # Do they agree? The stdlib with fold=0 is the reference for "compatible".
    edges = make_edge_cases()
    print(f"agreement on the {args.n:,} local times and on {len(edges):,} in gaps and folds:")
    undocumented = agree(cases, len(pendulum_cases)) + agree(edges, len(edges))
    print(f"undocumented disagreements: {undocumented}")
    return 0 if undocumented == 0 else 1


def agree(cases: Sequence[tuple[str, str]], pendulum_n: int) -> int:
    """Print how many results differ from the stdlib's; return the undocumented count."""
    reference = [as_utc(x) for x in run_stdlib(cases)]
    results = {
        "chronoreconcile": [as_utc(x) for x in run_chronoreconcile(cases)],
        "pendulum": [as_utc(x) for x in run_pendulum(split_fields(cases[:pendulum_n]))],
        "whenever": [as_utc(x.to_stdlib()) for x in run_whenever(cases)],
    }
    undocumented = 0
    for name, got in results.items():
        differ = [k for k, (a, b) in enumerate(zip(got, reference, strict=False)) if a != b]
        documented = {
            k
            for k in differ
            if name == "pendulum"
            and is_repeated(*cases[k])
            and got[k] == as_utc(cr.to_instant(*cases[k], disambiguation="later"))
        }
        others = [k for k in differ if k not in documented]
        undocumented += len(others)
        line = f"  {name:16} {len(differ):6,} of {len(got):,} differ from the stdlib"
        if documented:
            line += f" ({len(documented):,} documented: fold=1 takes the later of a repeated time)"
        print(line)
        for k in others[:20]:
            s, zone = cases[k]
            print(f"    {s} {zone}: {got[k]}Z, stdlib {reference[k]}Z")
    return undocumented


if __name__ == "__main__":
    raise SystemExit(main())
