"""The Lexicon: a checked set of phrase entries, the default one shipped with the package,
user lexicons that extend or replace it, and the reading of one phrase.

May import: ``_errors``, the lexicon's other modules, the standard library.
"""

from __future__ import annotations

import difflib
import functools
import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources

from .._errors import ChronoError, ParseError
from ._entries import Entry, Tables, normalise
from ._grammar import Index, build_index, match
from ._reading import Reading, ReadingKind
from ._schema import check_tables, merge_tables, read_tables

__all__ = ["MAX_PHRASE", "Lexicon"]

MAX_PHRASE = 200
MAX_FILE_BYTES = 1_000_000
_KINDS: tuple[ReadingKind, ...] = ("duration", "time-of-day", "relative", "same-date", "date")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """English phrases for times, durations, order and dates, each read as bounds.

    >>> lexicon = Lexicon.default()
    >>> print(lexicon.read("just after midnight").explanation)
    'just after midnight' read as 00:00 to 00:30 (lexicon: just after midnight = the first half hour)
    >>> print(lexicon.read("circa 1945").explanation)
    'circa 1945' read as 1940-01-01 to 1950-12-31 (lexicon: circa YEAR = five years either side)
    >>> print(lexicon.read("1h~").explanation)
    '1h~' read as 45m to 1h15m (lexicon: ~ = about = 25% either side)
    >>> lexicon.read("nearly sex hours")
    Traceback (most recent call last):
    ...
    chronoreconcile.ParseError: cannot read 'nearly sex hours': no lexicon entry reads it; the closest are 'nearly six hours', ...
    """

    tables: Tables
    source: str = "default"
    index: Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_tables(self.tables, self.source)
        object.__setattr__(self, "index", build_index(self.tables))

    def __repr__(self) -> str:
        return f"Lexicon({self.source!r}, {len(self.tables.entries)} entries)"

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with the package (``chronoreconcile/data/lexicon.toml``)."""
        return _default()

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, extend: bool = True) -> Lexicon:
        """A user lexicon from a TOML file, extending the default one unless ``extend=False``.

        An entry with the phrase of a default entry replaces it; so does a word in
        ``[number_words]``, ``[units]`` or ``[order_words]``.
        """
        where = os.fspath(path)
        try:
            size = os.stat(where).st_size
            if size > MAX_FILE_BYTES:
                raise ChronoError(f"lexicon {where!r}: {size} bytes; at most {MAX_FILE_BYTES}")
            with open(where, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise ChronoError(f"lexicon {where!r}: cannot read it: {exc.strerror}") from exc
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ChronoError(f"lexicon {where!r}: not UTF-8 text") from exc
        return cls.from_toml(text, source=where, extend=extend)

    @classmethod
    def from_toml(cls, text: str, *, source: str = "<string>", extend: bool = True) -> Lexicon:
        """A lexicon from TOML text, as ``load`` reads a file."""
        if len(text) > MAX_FILE_BYTES:
            raise ChronoError(f"lexicon {source!r}: longer than {MAX_FILE_BYTES} characters")
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ChronoError(f"lexicon {source!r}: not valid TOML: {exc}") from exc
        tables = read_tables(doc, source)
        if extend:
            tables = merge_tables(_default().tables, tables)
        return cls(tables, source)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry, in the order of the file (a user file's after the defaults it keeps)."""
        return self.tables.entries

    def read(self, phrase: str, *, kinds: Iterable[ReadingKind] | None = None) -> Reading:
        """The reading of ``phrase``; with ``kinds``, a phrase of another kind is refused.

        A phrase no entry reads is a ParseError naming the closest entries.

        >>> Lexicon.default().read("Several days").describe()
        '3d to 7d'
        """
        wanted = _KINDS if kinds is None else tuple(kinds)
        if not isinstance(phrase, str):
            raise ParseError(phrase, "expected a phrase such as 'nearly six hours later'")
        if len(phrase) > MAX_PHRASE:
            raise ParseError(
                phrase[:40] + "...", f"a phrase longer than {MAX_PHRASE} characters is not read"
            )
        key = normalise(phrase)
        reading = match(phrase, key, self.index) if key else None
        if reading is None:
            raise ParseError(phrase, "no lexicon entry reads it" + self._closest(key))
        if reading.kind not in wanted:
            raise ParseError(
                phrase,
                f"it reads as a {reading.kind} ({reading.describe()}), not a "
                + " or ".join(wanted),
            )
        return reading

    def read_duration(self, phrase: str) -> Reading:
        """A duration phrase: "nearly six hours later", "about 1h", "1h~", "a few days"."""
        return self.read(phrase, kinds=("duration",))

    def read_gap(self, phrase: str) -> Reading:
        """What a gap claim may say: a duration, a relative order, or the same date."""
        return self.read(phrase, kinds=("duration", "relative", "same-date"))

    def read_time_of_day(self, phrase: str) -> Reading:
        """A time of day: "just after midnight", "evening", "noon"."""
        return self.read(phrase, kinds=("time-of-day",))

    def read_date(self, phrase: str) -> Reading:
        """A date: "circa 1945", "early August 1945", "the 1940s"."""
        return self.read(phrase, kinds=("date",))

    def closest(self, phrase: str, n: int = 3) -> list[str]:
        """Up to ``n`` entry spellings or examples closest to ``phrase``.

        Only the first 60 characters are compared, so the time this takes is bounded.
        """
        key = normalise(phrase[: MAX_PHRASE + 1])[:60]
        return difflib.get_close_matches(key, self.index.spellings, n=n, cutoff=0.5)

    def _closest(self, key: str) -> str:
        found = self.closest(key)
        if not found:
            return "; see the lexicon reference for the phrases it knows"
        return "; the closest are " + ", ".join(repr(f) for f in found)


@functools.cache
def _default() -> Lexicon:
    text = resources.files("chronoreconcile").joinpath("data/lexicon.toml").read_text("utf-8")
    return Lexicon.from_toml(text, source="default", extend=False)
