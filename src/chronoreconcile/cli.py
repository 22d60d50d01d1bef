"""The command line: ``chronoreconcile`` (or ``python -m chronoreconcile``); ``main`` runs it.

    chronoreconcile                      the May 8/9 demonstration
    chronoreconcile --version            the package and its zone data release
    chronoreconcile check FILE... [--format text|json|markdown|html] [--lexicon LEXICON.toml]
    chronoreconcile when LOCAL --zone ZONE --in ZONE [ZONE ...] [--format text|json]
    chronoreconcile timeline FILE [-o OUT.svg]

Exit status: 0 consistent (or done), 1 conflicts found, 2 bad input — with one line on
standard error saying what and where, never a traceback (a closed pipe, as in
``chronoreconcile check f.toml | head -1``, is silent). Negative offsets are values:
``--zone -05:00`` works as ``--zone=-05:00`` does.

May import anything in the package: it is the top of the flow.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from . import _files
from ._errors import ChronoError, FileFormatError
from ._instants import format_instant, to_instant, to_local
from ._report import FORMATS, build_report, render, timeline_svg
from ._version import __version__
from ._wording import describe_local
from .chronology import Chronology
from .lexicon import Lexicon
from .zones import get_zone, tzdata_version

__all__ = ["PROGRESS_THRESHOLD", "main"]

# Files with more claims than this show a progress bar, when standard error is a terminal.
PROGRESS_THRESHOLD = 10_000
_PROG = "chronoreconcile"
# An offset written as a value ("-05:00", "-0530", "-10"); argparse would take it for an option.
_NEGATIVE_OFFSET = re.compile(r"^-\d{1,2}(?::?\d{2}(?::?\d{2})?)?$")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class _UsageError(Exception):
    """A command line argparse refused: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one line and negative offsets read as values."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # argparse reads "-5" as a value only when it looks like a negative number; an
        # offset "-05:00" looks like one too, since no option of ours starts with a digit.
        self._negative_number_matcher = re.compile(
            r"^-\d+$|^-\d*\.\d+$|" + _NEGATIVE_OFFSET.pattern
        )

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_PROG,
        description="Reconcile event times recorded in local time across zones and calendars.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{_PROG} {__version__} (zone data: tzdata {tzdata_version()})",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = sub.add_parser("check", help="reconcile chronology files (TOML or JSON)")
    check.add_argument("files", nargs="+", metavar="FILE", help="a chronology file, or - for stdin")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--lexicon", metavar="LEXICON.toml", help="a lexicon extending the default")
    when = sub.add_parser("when", help="one local time: its instant and local time elsewhere")
    when.add_argument("local", metavar="LOCAL")
    when.add_argument("--zone", required=True, metavar="ZONE")
    when.add_argument("--in", dest="targets", nargs="+", required=True, metavar="ZONE")
    when.add_argument(
        "--disambiguation", default="raise", choices=("raise", "earlier", "later", "compatible")
    )
    when.add_argument("--format", choices=("text", "json"), default="text")
    timeline = sub.add_parser("timeline", help="draw a chronology's timeline as SVG")
    timeline.add_argument("file", metavar="FILE", help="a chronology file, or - for stdin")
    timeline.add_argument("-o", "--output", default="-", metavar="OUT.svg")
    return parser


# --- output that survives a closed pipe ----------------------------------------------------


class _Out:
    """Standard output; once the reader has gone (``| head -1``), further output is dropped."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.closed = False

    def write(self, text: str) -> None:
        if self.closed:
            return
        try:
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            self.closed = True
            # Python flushes stdout again at exit; point it at nothing so that is silent.
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self.stream.fileno())
            except (OSError, ValueError):
                pass


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, FileFormatError):
        return exc.one_line()
    return "; ".join(part.strip() for part in str(exc).splitlines() if part.strip())


# --- the commands --------------------------------------------------------------------------


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
    lines.append("Try: chronoreconcile check docs/examples/august-1945.toml (see --help)")
    return "\n".join(lines)


def _read(name: str, lexicon: Lexicon | None = None) -> Chronology:
    """The chronology in file ``name`` ("-" for standard input), with a bar for huge files."""
    if name == "-":
        data = _files.parse_bytes(sys.stdin.buffer.read(), "<stdin>")
        where = "<stdin>"
    else:
        data, where = _files.read_path(name), name
    claims = data.get("claims") if isinstance(data, dict) else None
    if isinstance(claims, list) and len(claims) > PROGRESS_THRESHOLD and sys.stderr.isatty():
        return _with_progress(
            lambda: Chronology.from_dict(data, where=where, lexicon=lexicon), where, len(claims)
        )
    return Chronology.from_dict(data, where=where, lexicon=lexicon)


def _with_progress(build: Callable[[], Chronology], where: str, n: int) -> Chronology:
    try:
        tqdm: Any = importlib.import_module("tqdm").tqdm
    except ImportError:  # the [progress] extra is not installed: stay silent
        return build()
    with tqdm(total=2, desc=f"{where} ({n} claims)", unit="step", file=sys.stderr) as bar:
        bar.set_postfix_str("reading")
        chronology = build()
        bar.update(1)
        bar.set_postfix_str("reconciling")
        chronology.reconcile()  # kept by the chronology, so the report does not solve again
        bar.update(1)
    return chronology


def _check(args: argparse.Namespace, out: _Out) -> int:
    status = 0
    documents: list[str] = []
    try:
        lexicon = None if args.lexicon is None else Lexicon.load(args.lexicon)
    except ChronoError as exc:
        print(f"{_PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    for k, name in enumerate(args.files):
        try:
            chronology = _read(name, lexicon)
            result = chronology.reconcile()
            text = render(build_report(chronology, result), args.format)
        except ChronoError as exc:
            print(f"{_PROG}: error: {_one_line(exc)}", file=sys.stderr)
            status = 2
            continue
        if not result.consistent and status == 0:
            status = 1
        if args.format == "json" and len(args.files) > 1:
            documents.append(text)
            continue
        if k and args.format in ("text", "markdown"):
            out.write("\n")
        out.write(text)
    if documents:
        # Several files give one JSON array of reports, so the output stays one document.
        out.write("[\n" + ",\n".join(d.rstrip("\n") for d in documents) + "\n]\n")
    return status


def _when_rows(args: argparse.Namespace) -> tuple[str, list[dict[str, str]]]:
    instant = to_instant(args.local, args.zone, disambiguation=args.disambiguation)
    utc = int(instant.timestamp())
    rows = []
    for name in args.targets:
        zone = get_zone(name)
        offset, abbreviation, _ = zone.period_at(utc)
        local = to_local(instant, name)
        spec = "seconds" if local.second or local.microsecond else "minutes"
        rows.append(
            {
                "zone": name,
                "local": local.naive().isoformat(timespec=spec),
                "offset": _offset(offset),
                "abbreviation": abbreviation,
                "date": local.date().isoformat(),
                "day": f"{local.day} {_MONTHS[local.month - 1]} {local.year}",
                "text": format_instant(instant, name),
            }
        )
    return instant.isoformat(), rows


def _offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    h, rest = divmod(abs(seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def _when(args: argparse.Namespace, out: _Out) -> int:
    instant, rows = _when_rows(args)
    if args.format == "json":
        utc_text = instant.replace("+00:00", "Z")
        document = {"local": args.local, "zone": args.zone, "instant": utc_text, "in": rows}
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return 0
    lines = [f"{args.local} in {args.zone} is {instant}"]
    width = max(len(r["zone"]) for r in rows)
    for r in rows:
        # tzdata writes "+09" where a zone had no word for its time: the offset says it.
        numeric = r["abbreviation"].startswith(("+", "-")) or r["abbreviation"] == r["offset"]
        abbreviation = "" if numeric else f" {r['abbreviation']}"
        lines.append(
            f"  {r['zone']:<{width}}  {r['local'].replace('T', ' ')}  UTC{r['offset']}"
            f"{abbreviation}  {r['day']}"
        )
    out.write("\n".join(lines) + "\n")
    return 0


def _timeline(args: argparse.Namespace, out: _Out) -> int:
    chronology = _read(args.file)
    svg = timeline_svg(chronology, chronology.reconcile())
    if args.output == "-":
        out.write(svg)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(svg)
    except OSError as exc:
        raise ChronoError(f"cannot write {args.output!r}: {exc.strerror or exc}") from None
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 consistent, 1 conflicts, 2 bad input)."""
    out = _Out(sys.stdout)
    try:
        try:
            args = _parser().parse_args(argv)
        except _UsageError as exc:
            print(f"{_PROG}: error: {exc}", file=sys.stderr)
            return 2
        if args.command is None:
            out.write(_demo() + "\n")
            return 0
        command = {"check": _check, "when": _when, "timeline": _timeline}[args.command]
        return command(args, out)
    except ChronoError as exc:
        print(f"{_PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        out.closed = True
        return 0
    except KeyboardInterrupt:
        print(f"{_PROG}: interrupted", file=sys.stderr)
        return 130
