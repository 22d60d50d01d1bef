"""The library's exceptions, and the one place their messages are worded.

Every error a user can cause is a ``ChronoError``; being a ``ValueError`` as
well, it is caught by code that already guards against bad values. Each class words its
message in one classmethod, ``wording``, so a repeated or skipped local time reads the
same whichever function met it; ``AmbiguousTimeError.for_zone`` and
``NonexistentTimeError.for_zone`` build those two from a zone's integers. Every error
pickles to its values (``__reduce__``), so it survives a process pool.

May import: the standard library, pendulum and ``._units``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import Any

import pendulum

from ._units import EPOCH, format_offset

__all__ = [
    "AmbiguousTimeError",
    "ChronoError",
    "FileFormatError",
    "HistoryWarning",
    "NonexistentTimeError",
    "ParseError",
    "UnknownEventError",
    "UnknownZoneError",
    "check_choice",
]


def _rebuild(cls: type[ChronoError], args: tuple[Any, ...], kwargs: dict[str, Any]) -> ChronoError:
    """Remake an error from its constructor's arguments: what unpickling calls."""
    return cls(*args, **kwargs)


class ChronoError(ValueError):
    """Base of every error chronoreconcile raises for bad or impossible input."""


class UnknownZoneError(ChronoError):
    """A zone name that is neither an IANA id, a fixed offset nor a zone of record.

    ``suggestions`` holds the close names the message offers.
    """

    def __init__(
        self, name: str, suggestions: Sequence[str] = (), *, where: str = "", reason: str = ""
    ) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        self.where = where
        self.reason = reason
        super().__init__(self.wording(name, self.suggestions, where=where, reason=reason))

    @classmethod
    def wording(
        cls, name: str, suggestions: Sequence[str], *, where: str = "", reason: str = ""
    ) -> str:
        """The message for an unknown zone ``name``."""
        msg = f"unknown zone {name!r}"
        if where:
            msg += f" in {where}"
        if reason:
            msg += f": {reason}"
        elif suggestions:
            msg += "; did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
        else:
            msg += (
                "; expected an IANA id such as 'Europe/Moscow', 'UTC', a fixed offset such as"
                " '+10:00' or 'UTC-10:30', or a zone of record"
            )
        return msg

    def __reduce__(self) -> tuple[Any, ...]:
        kwargs = {"where": self.where, "reason": self.reason}
        return (_rebuild, (type(self), (self.name, self.suggestions), kwargs))


def _instant_text(instant: _dt.datetime) -> str:
    """An instant as compact UTC with its offset: "2023-10-29T00:30Z (+02:00)"."""
    off = instant.utcoffset() or _dt.timedelta()
    u = instant.replace(tzinfo=None) - off
    utc = u.isoformat(timespec="seconds" if u.second else "minutes")
    return f"{utc}Z ({format_offset(off.days * 86400 + off.seconds)})"


def _local_text(local: _dt.datetime) -> str:
    return local.isoformat(sep=" ", timespec="seconds" if local.second else "minutes")


def _at_offset(utc: int, offset: int | None) -> pendulum.DateTime:
    """The instant ``utc`` seconds as an aware DateTime at ``offset`` (None: in UTC)."""
    w = EPOCH + _dt.timedelta(seconds=utc + (offset or 0))
    tz = pendulum.UTC if offset is None else pendulum.FixedTimezone(offset, format_offset(offset))
    return pendulum.DateTime(w.year, w.month, w.day, w.hour, w.minute, w.second, 0, tzinfo=tz)


class AmbiguousTimeError(ChronoError):
    """A local time that the zone repeated (a fold): it names every candidate instant.

    ``local`` is the local time as the message says it, ``zone`` the zone's name;
    ``earlier`` and ``later`` are the first and last candidate instants, aware pendulum
    DateTimes at the offset each has ("2023-10-29T02:30+02:00" and "...+01:00");
    ``instants`` holds every candidate, earlier first, and ``candidates`` the text the
    message gives for each ("2023-10-29T00:30Z (+02:00)").
    """

    def __init__(self, local: str, zone: str, instants: Sequence[_dt.datetime]) -> None:
        if not instants:
            raise ValueError("a repeated local time has at least one candidate")
        self.local = local
        self.zone = zone
        self.instants = tuple(instants)
        self.earlier = self.instants[0]
        self.later = self.instants[-1]
        self.candidates = tuple(_instant_text(u) for u in self.instants)
        super().__init__(self.wording(local, zone, self.instants))

    @classmethod
    def wording(cls, local: str, zone: str, instants: Sequence[_dt.datetime]) -> str:
        """The message for ``local`` repeated in ``zone`` at each of ``instants``."""
        named = " or ".join(_instant_text(u) for u in instants)
        return (
            f"{local} is repeated in zone {zone!r}: {named};"
            " pass disambiguation='earlier' or 'later' to choose"
        )

    @classmethod
    def for_zone(
        cls, local: str, zone: str, candidates: Iterable[tuple[int, int]]
    ) -> AmbiguousTimeError:
        """The error for a fold, from (UTC seconds, offset seconds) of each candidate."""
        return cls(local, zone, [_at_offset(u, off) for u, off in candidates])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.local, self.zone, self.instants))


class NonexistentTimeError(ChronoError):
    """A local time that the zone skipped (a gap): it names the gap's bounds.

    ``local`` is the local time as the message says it, ``zone`` the zone's name;
    ``gap_start`` and ``gap_end`` are the first skipped local time and the first one after
    the gap (naive datetimes); ``transition`` is the instant the clocks moved (aware, UTC),
    which ``gap_start`` shows at ``offset_before`` and ``gap_end`` at ``offset_after``
    (seconds). ``show_offsets`` adds the two offsets to the message, as events and claims do.
    """

    def __init__(
        self,
        local: str,
        zone: str,
        gap_start: _dt.datetime,
        gap_end: _dt.datetime,
        transition: _dt.datetime,
        *,
        show_offsets: bool = False,
    ) -> None:
        self.local = local
        self.zone = zone
        self.gap_start = gap_start
        self.gap_end = gap_end
        self.transition = transition
        self.show_offsets = show_offsets
        utc = transition.replace(tzinfo=None) - (transition.utcoffset() or _dt.timedelta())
        self.offset_before = round((gap_start - utc).total_seconds())
        self.offset_after = round((gap_end - utc).total_seconds())
        offsets = (self.offset_before, self.offset_after) if show_offsets else None
        super().__init__(self.wording(local, zone, gap_start, gap_end, offsets))

    @classmethod
    def wording(
        cls,
        local: str,
        zone: str,
        gap_start: _dt.datetime,
        gap_end: _dt.datetime,
        offsets: tuple[int, int] | None = None,
    ) -> str:
        """The message for ``local``, skipped in ``zone`` from ``gap_start`` to ``gap_end``.

        ``offsets`` (before, after), when given, are named after the gap.
        """
        shown = ""
        if offsets is not None:
            shown = f" ({format_offset(offsets[0])} to {format_offset(offsets[1])})"
        return (
            f"{local} does not exist in zone {zone!r}: clocks skipped from"
            f" {_local_text(gap_start)} to {_local_text(gap_end)}{shown};"
            " pass disambiguation='earlier', 'later' or 'compatible' to shift it"
        )

    @classmethod
    def for_zone(
        cls, local: str, zone: str, transition: int, before: int, after: int, *, offsets: bool
    ) -> NonexistentTimeError:
        """The error for a gap: the transition (UTC seconds) and the offsets either side."""
        return cls(
            local,
            zone,
            EPOCH + _dt.timedelta(seconds=transition + before),
            EPOCH + _dt.timedelta(seconds=transition + after),
            _at_offset(transition, None),
            show_offsets=offsets,
        )

    def __reduce__(self) -> tuple[Any, ...]:
        args = (self.local, self.zone, self.gap_start, self.gap_end, self.transition)
        return (_rebuild, (type(self), args, {"show_offsets": self.show_offsets}))


class ParseError(ChronoError):
    """Text that could not be read; the message quotes it and says which part is wrong."""

    def __init__(self, text: object, problem: str, *, where: str = "") -> None:
        self.text = text
        self.problem = problem
        self.where = where
        super().__init__(self.wording(text, problem, where=where))

    @classmethod
    def wording(cls, text: object, problem: str, *, where: str = "") -> str:
        """The message for ``text`` that could not be read because of ``problem``."""
        prefix = f"{where}: " if where else ""
        return f"{prefix}cannot read {text!r}: {problem}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), (self.text, self.problem), {"where": self.where}))


class UnknownEventError(ChronoError):
    """A claim or query names an event id that was never defined."""


class FileFormatError(ChronoError):
    """A chronology file with several problems, or none to check: every problem named at once.

    ``where`` is the file; ``problems`` lists each problem as the place in the file and what
    is wrong there ("claims[3] (id 'decl-time'): missing key 'at_least'"). The message puts
    one problem a line; ``one_line()`` joins them for a terminal's error line.
    """

    def __init__(self, where: str, problems: Sequence[str], *, more: int = 0) -> None:
        self.where = where
        self.problems = tuple(problems)
        self.more = more
        super().__init__(self.wording(where, self.problems, more=more))

    @classmethod
    def wording(cls, where: str, problems: Sequence[str], *, more: int = 0) -> str:
        """The message: the file, the count, then one problem a line."""
        if len(problems) == 1 and not more:
            return f"{where}: {problems[0]}"
        lines = [f"{where}: {cls._count(problems, more)}"]
        lines += [f"  {p}" for p in problems]
        if more:
            lines.append(f"  (and {more} more)")
        return "\n".join(lines)

    @staticmethod
    def _count(problems: Sequence[str], more: int) -> str:
        n = len(problems) + more
        return f"{n} problem{'' if n == 1 else 's'}:"

    def one_line(self) -> str:
        """The message on one line: "FILE: 2 problems: a; b"."""
        if len(self.problems) == 1 and not self.more:
            return str(self)
        text = f"{self.where}: {self._count(self.problems, self.more)} " + "; ".join(self.problems)
        return text + (f"; and {self.more} more" if self.more else "")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), (self.where, self.problems), {"more": self.more}))


class HistoryWarning(UserWarning):
    """A zone used before 1970 whose history tzdata merged into another zone's.

    The message names the zone it now follows, what the bundled backzone data says at that
    instant, and what to do: pass ``zone_data="backzone"``, or define a zone of record.
    Silence it with ``warnings.filterwarnings("ignore", category=HistoryWarning)``.
    """


def check_choice(name: str, value: object, choices: Iterable[str], *, where: str = "") -> str:
    """Return ``value`` if it is one of ``choices``, else raise a ChronoError listing them.

    ``where`` (a claim, an event) prefixes the message when given.
    """
    options = tuple(choices)
    if isinstance(value, str) and value in options:
        return value
    listed = ", ".join(repr(c) for c in options)
    prefix = f"{where}: " if where else ""
    raise ChronoError(f"{prefix}unknown {name} {value!r}; expected one of {listed}")


# Tracebacks and reprs name the errors where users import them from: the package, not this
# private module ("chronoreconcile.ParseError: ..."). Pickling finds them there too.
for _cls in (
    ChronoError,
    UnknownZoneError,
    AmbiguousTimeError,
    NonexistentTimeError,
    ParseError,
    UnknownEventError,
    FileFormatError,
    HistoryWarning,
):
    _cls.__module__ = "chronoreconcile"
