"""The command line: ``chronoreconcile`` (or ``python -m chronoreconcile``); ``main`` runs it.

    chronoreconcile                      the May 8/9 demonstration
    chronoreconcile check FILE [--format text|json]
    chronoreconcile when LOCAL --zone ZONE --in ZONE [ZONE ...]

Exit status: 0 consistent (or done), 1 conflicts found, 2 bad input — with one line on
standard error saying what and where, never a traceback.

May import anything in the package: it is the top of the flow.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ._errors import ChronoError
from ._instants import format_instant, to_instant, to_local
from ._wording import describe_local
from .chronology import Chronology
from .zones import get_zone, tzdata_version

__all__ = ["main"]


def _demo() -> str:
    surrender = to_instant("1945-05-08T23:01", "+01:00")
    lines = [
        "Germany's surrender took effect at 23:01 Central European Time (+01:00), 8 May 1945:",
        f"  instant: {surrender.isoformat()} (tzdata {tzdata_version()})",
    ]
    for zone in ("America/New_York", "Europe/London", "Europe/Berlin", "Europe/Moscow"):
        local = to_local(surrender, zone)
        micros = int(surrender.timestamp()) * 10**6
        lines.append(
            f"  {zone:<17} {local.date().isoformat()}  "
            f"{describe_local(micros, micros + 1, get_zone(zone))}"
        )
    lines.append("So: 8 May in New York, 9 May in London (double summer time), Berlin, Moscow.")
    lines.append(f"As RFC 9557 text: {format_instant(surrender, 'Europe/Moscow')}")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chronoreconcile",
        description="Reconcile event times recorded in local time across zones and calendars.",
    )
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="reconcile a chronology file (TOML or JSON)")
    check.add_argument("file")
    check.add_argument("--format", choices=("text", "json"), default="text")
    when = sub.add_parser("when", help="one local time: its instant and wall time elsewhere")
    when.add_argument("local")
    when.add_argument("--zone", required=True)
    when.add_argument("--in", dest="targets", nargs="+", required=True)
    when.add_argument(
        "--disambiguation", default="raise", choices=("raise", "earlier", "later", "compatible")
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command is None:
            print(_demo())
            return 0
        if args.command == "when":
            instant = to_instant(args.local, args.zone, disambiguation=args.disambiguation)
            print(f"{args.local} in {args.zone} is {instant.isoformat()}")
            for zone in args.targets:
                print(f"  {format_instant(instant, zone)}")
            return 0
        result = Chronology.from_file(args.file).reconcile()
        if args.format == "json":
            print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        else:
            print(result.report())
        return 0 if result.consistent else 1
    except ChronoError as exc:
        print(f"chronoreconcile: error: {exc}", file=sys.stderr)
        return 2
