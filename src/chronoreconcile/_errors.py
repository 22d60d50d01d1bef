"""The library's exceptions, and the one place their messages are worded.

Every error a user can cause is a ``ChronoError``; being a ``ValueError`` as
well, it is caught by code that already guards against bad values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "AmbiguousTimeError",
    "ChronoError",
    "NonexistentTimeError",
    "ParseError",
    "UnknownZoneError",
    "check_choice",
]


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
        msg = f"unknown zone {name!r}"
        if where:
            msg += f" in {where}"
        if reason:
            msg += f": {reason}"
        elif self.suggestions:
            msg += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        else:
            msg += (
                "; expected an IANA id such as 'Europe/Moscow', 'UTC', a fixed offset such as"
                " '+10:00' or 'UTC-10:30', or a zone of record"
            )
        super().__init__(msg)


class AmbiguousTimeError(ChronoError):
    """A local time that the zone repeated (a fold): it names every candidate instant."""

    def __init__(self, local: str, zone: str, candidates: Sequence[str]) -> None:
        self.local = local
        self.zone = zone
        self.candidates = tuple(candidates)
        super().__init__(
            f"{local} is repeated in zone {zone!r}: {' or '.join(self.candidates)};"
            " pass disambiguation='earlier' or 'later' to choose"
        )


class NonexistentTimeError(ChronoError):
    """A local time that the zone skipped (a gap): it names the gap's bounds."""

    def __init__(self, local: str, zone: str, gap_start: str, gap_end: str) -> None:
        self.local = local
        self.zone = zone
        self.gap_start = gap_start
        self.gap_end = gap_end
        super().__init__(
            f"{local} does not exist in zone {zone!r}: clocks skipped from {gap_start}"
            f" to {gap_end}; pass disambiguation='earlier', 'later' or 'compatible' to shift it"
        )


class ParseError(ChronoError):
    """Text that could not be read; the message quotes it and says which part is wrong."""

    def __init__(self, text: object, problem: str, *, where: str = "") -> None:
        self.text = text
        self.problem = problem
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}cannot read {text!r}: {problem}")


def check_choice(name: str, value: object, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise a ChronoError listing them."""
    options = tuple(choices)
    if isinstance(value, str) and value in options:
        return value
    listed = ", ".join(repr(c) for c in options)
    raise ChronoError(f"unknown {name} {value!r}; expected one of {listed}")


# Tracebacks and reprs name the errors where users import them from: the package, not this
# private module ("chronoreconcile.ParseError: ..."). Pickling finds them there too.
for _cls in (ChronoError, UnknownZoneError, AmbiguousTimeError, NonexistentTimeError, ParseError):
    _cls.__module__ = "chronoreconcile"
