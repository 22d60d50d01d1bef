"""The Zone type: a rule from local time to instants, held as integer arrays.

Every zone is held the same way: the instants (UTC seconds) at which its offset changed
and the offset in force in each period between them, plus, for IANA zones, the POSIX rule
that tzdata's "slim" files leave to describe the years after their last listed
transition. Converting a local time is then a bisection and a few integer comparisons,
which is what keeps ``to_instant`` close to the C-coded stdlib path.

May import: the standard library, ``._ambiguity``, ``._common``, ``._offsets``, ``._posix``,
``.._errors``, ``.._units``.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as _dt
import threading
import warnings
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import Literal

from .._errors import ChronoError, HistoryWarning
from .._units import EPOCH, EPOCH_ORDINAL
from ._ambiguity import Ambiguity, Fold, Gap, Unambiguous
from ._common import DAY_SECONDS, MAX_SECONDS, MIN_SECONDS, aware_seconds, fixed_tzinfo, year_of
from ._offsets import format_offset
from ._posix import PosixRule

__all__ = ["HistoryCheck", "Origin", "Zone", "ZoneKind", "history_scope"]

ZoneKind = Literal["iana", "fixed", "record"]

# How a zone was obtained, to remake it when unpickled: a callable and its arguments.
Origin = tuple[Callable[..., "Zone"], tuple[object, ...]]

# What a zone whose history tzdata merged away says about an instant (UTC seconds) before
# 1970: the HistoryWarning's text, or None where its history and the merged one agree.
HistoryCheck = Callable[[int], "str | None"]

# The zones that have warned within the current call (see history_scope), or None outside.
_WARNED: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "chronoreconcile_history_warned", default=None
)


@contextlib.contextmanager
def history_scope() -> Iterator[None]:
    """Within this block each zone gives at most one HistoryWarning (one per zone and call).

    Functions that use a zone many times for one answer (reading a record, reconciling a
    chronology) run inside one; nested blocks share the outermost one's record.
    """
    if _WARNED.get() is not None:
        yield
        return
    token = _WARNED.set(set())
    try:
        yield
    finally:
        _WARNED.reset(token)


class Zone:
    """A rule from local time to instants: an IANA zone, a fixed offset or a zone of record.

    Obtain one with :func:`get_zone` or :func:`zone_of_record`; every function that takes a
    ``zone`` accepts the name as well. A zone pickles as the call that made it.

    >>> import datetime as dt, pendulum
    >>> from chronoreconcile.zones import get_zone
    >>> get_zone("Pacific/Honolulu").offset_at(pendulum.datetime(1941, 12, 7, 17, 48))
    -37800
    >>> get_zone("Europe/Paris").ambiguity(dt.datetime(2023, 3, 26, 2, 30))
    Gap(transition=1679792400, offset_before=3600, offset_after=7200)

    Attributes: ``name`` (the IANA id, "UTC", "+05:45", or the zone of record's name),
    ``kind`` ("iana", "fixed" or "record"), ``note`` (a zone of record's note, else None),
    ``target`` (for an IANA link, the zone it links to, else None), ``data_release``
    (where an IANA zone's data came from: "tzdata 2026f", "backzone from tz 2026c+" or
    "zone data DIR"), ``merged`` (a link whose own history tzdata merged away); the properties
    ``min_offset``, ``max_offset``, ``fixed_offset``, ``valid_from``, ``phrase``. Every
    time argument and result in seconds counts from 1970-01-01T00:00 (UTC for instants,
    on the wall for local times).
    """

    __slots__ = (
        "_abbrs",
        "_dst",
        "_history",
        "_horizon",
        "_lock",
        "_max_off",
        "_min_off",
        "_next_year",
        "_offs",
        "_origin",
        "_rule",
        "_trans",
        "_tzinfo",
        "_valid_from",
        "data_release",
        "kind",
        "merged",
        "name",
        "note",
        "target",
    )

    def __init__(
        self,
        name: str,
        kind: ZoneKind,
        transitions: Sequence[int],
        offsets: Sequence[int],
        abbreviations: Sequence[str],
        dst: Sequence[bool],
        *,
        rule: PosixRule | None = None,
        valid_from: int | None = None,
        note: str | None = None,
        target: str | None = None,
        tzinfo: _dt.tzinfo | None = None,
        origin: Origin | None = None,
        data_release: str = "",
        merged: bool = False,
        history: HistoryCheck | None = None,
    ) -> None:
        if len(offsets) != len(transitions) + 1:
            raise ValueError("a zone needs one offset more than it has transitions")
        self.name = name
        self.kind: ZoneKind = kind
        self.note = note
        self.target = target
        self.data_release = data_release
        self.merged = merged
        self._history = history
        self._trans = list(transitions)
        self._offs = list(offsets)
        self._abbrs = list(abbreviations)
        self._dst = list(dst)
        self._rule = rule
        self._valid_from = valid_from
        self._tzinfo = tzinfo
        self._origin = origin
        self._lock = threading.Lock()
        offs = self._offs + ([rule.std_offset, rule.dst_offset] if rule else [])
        self._min_off = min(offs)
        self._max_off = max(offs)
        # Instants before _horizon are fully described by the arrays; later ones need the
        # rule, whose transitions are appended a year at a time as queries reach them.
        self._horizon = MAX_SECONDS
        self._next_year = 0
        if rule is not None and rule.start is not None:
            last = self._trans[-1] if self._trans else 0
            self._next_year = year_of(max(last, MIN_SECONDS))
            self._extend_through(self._next_year)

    def set_origin(self, origin: Origin) -> None:
        """Record how the zone was obtained: pickling remakes it with that call."""
        self._origin = origin

    def _extend_through(self, year: int) -> None:
        """Append the POSIX rule's transitions up to the end of ``year`` (at most 9999)."""
        rule = self._rule
        assert rule is not None
        year = min(year, 9999)
        last = self._trans[-1] if self._trans else MIN_SECONDS
        for y in range(self._next_year, year + 1):
            for t, off, abbr, is_dst in rule.transitions(y):
                if t > last:
                    self._trans.append(t)
                    self._offs.append(off)
                    self._abbrs.append(abbr)
                    self._dst.append(is_dst)
                    last = t
                elif t == last and self._trans:
                    # Daylight time all year ("EST5EDT,0/0,J365/25", RFC 8536 3.3.1): one
                    # year's end and the next year's start coincide, and the start wins.
                    self._offs[-1], self._abbrs[-1], self._dst[-1] = off, abbr, is_dst
        self._next_year = year + 1
        # A rule's transitions fire within a few days of the year's start at the latest
        # (POSIX allows times up to 167 hours), so everything up to a week before the next
        # year begins is settled.
        self._horizon = (
            MAX_SECONDS
            if year >= 9999
            else (_dt.date(year + 1, 1, 1).toordinal() - EPOCH_ORDINAL - 8) * DAY_SECONDS
        )

    def _ensure(self, seconds: int) -> None:
        # Called with an instant or a local time; the two lie within about a day.
        if seconds + 2 * DAY_SECONDS >= self._horizon and self._horizon < MAX_SECONDS:
            with self._lock:
                if seconds + 2 * DAY_SECONDS >= self._horizon:
                    self._extend_through(year_of(min(seconds + 10 * DAY_SECONDS, MAX_SECONDS - 1)))

    def _index(self, utc: int) -> int:
        if utc + 2 * DAY_SECONDS >= self._horizon:
            self._ensure(utc)
        return bisect_right(self._trans, utc)

    @property
    def max_offset(self) -> int:
        """The largest offset (seconds) the zone ever uses."""
        return self._max_off

    @property
    def min_offset(self) -> int:
        """The smallest offset (seconds) the zone ever uses."""
        return self._min_off

    @property
    def valid_from(self) -> int | None:
        """For a zone of record whose first period has a start: that instant (seconds)."""
        return self._valid_from

    @property
    def fixed_offset(self) -> int | None:
        """The offset in seconds if this zone never changes it, else None."""
        if self._rule is None and len(set(self._offs)) == 1:
            return self._offs[0]
        return None

    def offset_seconds(self, utc: int) -> int:
        """The offset in seconds in force at ``utc`` (UTC seconds since the epoch)."""
        self._check_valid(utc)
        if utc < 0 and self._history is not None:
            self._warn_history(utc)
        return self._offs[self._index(utc)]

    def period_at(self, utc: int) -> tuple[int, str, bool]:
        """(offset seconds, abbreviation, is DST) in force at ``utc`` seconds."""
        self._check_valid(utc)
        if utc < 0 and self._history is not None:
            self._warn_history(utc)
        i = self._index(utc)
        return self._offs[i], self._abbrs[i], self._dst[i]

    def _warn_history(self, utc: int) -> None:
        """Give the HistoryWarning for ``utc`` seconds, once per zone within a history_scope."""
        warned = _WARNED.get()
        if warned is not None and self.name in warned:
            return
        assert self._history is not None
        text = self._history(utc)
        if text is None:
            return
        if warned is not None:
            warned.add(self.name)
        warnings.warn(HistoryWarning(text), stacklevel=3)

    def history_warning(self, utc: int) -> str | None:
        """The HistoryWarning's text for ``utc`` seconds, or None: what reports carry."""
        if utc >= 0 or self._history is None:
            return None
        return self._history(utc)

    def _check_valid(self, utc: int) -> None:
        if self._valid_from is not None and utc < self._valid_from:
            start = EPOCH + _dt.timedelta(seconds=self._valid_from)
            raise ChronoError(
                f"zone of record {self.name!r} starts at {start:%Y-%m-%dT%H:%M:%S}Z;"
                " it says nothing about earlier instants"
            )

    def unique_offset(self, local: int) -> int | None:
        """The offset at which ``local`` seconds is read, when it is neither repeated nor skipped.

        The fast path of to_instant: one bisection. None sends the caller to :meth:`resolve`.
        """
        if local + 2 * DAY_SECONDS >= self._horizon or self._valid_from is not None:
            return None
        trans = self._trans
        i = bisect_right(trans, local - self._max_off)
        if i == len(trans) or trans[i] > local - self._min_off:
            # No transition can fall between the instant and the local time.
            off = self._offs[i]
            if local < off and self._history is not None:
                self._warn_history(local - off)
            return off
        return None

    def resolve(self, local: int) -> tuple[int, ...]:
        """Every instant (UTC seconds) whose local time here is ``local`` seconds.

        One instant for an ordinary local time, two (earlier first) for a repeated one.
        For a skipped one the result is empty; :meth:`gap` then describes the gap.
        """
        if local + 2 * DAY_SECONDS >= self._horizon:
            self._ensure(local)
        trans = self._trans
        i = bisect_right(trans, local - self._max_off)
        j = bisect_right(trans, local - self._min_off)
        offs = self._offs
        if i == j:
            # The whole window of possible instants lies in one period: one answer.
            out: tuple[int, ...] = (local - offs[i],)
        else:
            found = []
            n = len(trans)
            for k in range(i, j + 1):
                u = local - offs[k]
                if (k == 0 or u >= trans[k - 1]) and (k == n or u < trans[k]):
                    found.append(u)
            out = tuple(found)
        if out and out[0] < 0 and self._history is not None:
            self._warn_history(out[0])
        if self._valid_from is not None:
            # Candidates before a zone of record's first start are not its local times.
            valid = tuple(u for u in out if u >= self._valid_from)
            if not valid and out:
                self._check_valid(out[0])
            return valid
        return out

    def gap(self, local: int) -> tuple[int, int, int]:
        """For a skipped local time: (transition instant, offset before, offset after)."""
        trans = self._trans
        offs = self._offs
        i = bisect_right(trans, local - self._max_off)
        j = bisect_right(trans, local - self._min_off)
        for k in range(max(i - 1, 0), min(j + 1, len(trans))):
            t, a, b = trans[k], offs[k], offs[k + 1]
            if t + a <= local < t + b:
                return t, a, b
        raise AssertionError(f"{local} is not in a gap of {self.name}")  # pragma: no cover

    def ambiguity(self, local: _dt.datetime | int) -> Ambiguity:
        """What a local time (naive datetime, or local seconds) is here: the one answer.

        :class:`Unambiguous` with its instant and offset, :class:`Fold` with every
        candidate and its offset, or :class:`Gap` with the transition and its bounds.
        Microseconds of a datetime are dropped; every result is in whole seconds.
        """
        if isinstance(local, _dt.datetime):
            if local.tzinfo is not None:
                raise ChronoError(f"expected a naive local time, got {local.isoformat()}")
            d = local - EPOCH
            local = d.days * DAY_SECONDS + d.seconds
        found = self.resolve(local)
        if len(found) == 1:
            return Unambiguous(found[0], local - found[0])
        if found:
            return Fold(found, tuple(local - u for u in found))
        return Gap(*self.gap(local))

    def offset_at(self, instant: _dt.datetime) -> int:
        """The offset in seconds at an aware ``instant``."""
        return self.offset_seconds(aware_seconds(instant))

    def tzinfo_at(self, utc: int) -> _dt.tzinfo:
        """A tzinfo to attach to a local time of this zone at ``utc`` seconds.

        IANA zones get pendulum's Timezone built from the same tzdata bytes; fixed zones and
        zones of record get the fixed offset in force, named by its abbreviation.
        """
        if self._tzinfo is not None:
            return self._tzinfo
        off, abbr, _ = self.period_at(utc)
        return fixed_tzinfo(off, abbr)

    def transitions(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(instant, offset before, offset after) for each offset change in [start, end)."""
        self._ensure(end)
        lo = bisect_right(self._trans, start - 1)
        hi = bisect_right(self._trans, end - 1)
        return [
            (self._trans[k], self._offs[k], self._offs[k + 1])
            for k in range(lo, hi)
            if self._offs[k] != self._offs[k + 1]
        ]

    @property
    def phrase(self) -> str:
        """How explanations name the zone: "in Europe/Moscow", "on front time", "at UTC+10:00"."""
        if self.kind == "record":
            return f"on {self.name} time"
        if self.kind == "fixed":
            return "in UTC" if self.name == "UTC" else f"at UTC{self.name}"
        return f"in {self.name}"

    def describe(self) -> str:
        """How the zone is defined, for explanations: the premise a conclusion rests on."""
        if self.kind == "iana":
            # A link whose own history tzdata dropped is a merge; any other link is a rename.
            link = ""
            if self.target:
                link = (
                    f", merged into {self.target}" if self.merged else f", renamed to {self.target}"
                )
            return f"{self.name} (IANA {self.data_release}{link})"
        if self.kind == "fixed":
            return f"{self.name} (a fixed offset)"
        if len(self._offs) == 1:
            text = f"{self.name} (a zone of record, {format_offset(self._offs[0])})"
        else:
            text = f"{self.name} (a zone of record with {len(self._offs)} periods)"
        return text + (f": {self.note}" if self.note else "")

    def _key(self) -> tuple[object, ...]:
        if self.kind == "iana":
            # An IANA zone's arrays grow as queries reach later years; its id is its identity.
            return (self.kind, self.name, self._origin[1] if self._origin else None)
        return (
            self.kind,
            self.name,
            tuple(self._trans),
            tuple(self._offs),
            tuple(self._abbrs),
            self._valid_from,
            self.note,
        )

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Zone):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[object, ...]:
        if self._origin is None:
            raise TypeError(f"zone {self.name!r} was not made by get_zone or zone_of_record")
        return self._origin

    def __repr__(self) -> str:
        return f"Zone({self.name!r})"
