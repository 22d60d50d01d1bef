"""The one disambiguation: which instant a repeated or skipped local time stands for.

Temporal's meanings: "earlier" and "later" pick that candidate of a repeated time, or
shift a skipped time back or forward by the length of the gap; "compatible" is "earlier"
in a fold and "later" in a gap; "raise" makes either an error that names the candidates
or the gap. Every caller (to_instant, parse_instant, event spans, claims) comes here, and
every check of the word goes through :func:`check_disambiguation`.

May import: the standard library, ``._ambiguity``, ``._zone``, ``.._errors``, ``.._units``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal, cast

from .._errors import AmbiguousTimeError, NonexistentTimeError, check_choice
from .._units import EPOCH
from ._ambiguity import Fold, Unambiguous
from ._zone import Zone

__all__ = [
    "DISAMBIGUATIONS",
    "OFFSET_OPTIONS",
    "Disambiguation",
    "OffsetOption",
    "check_disambiguation",
    "check_offset_option",
    "disambiguate",
]

Disambiguation = Literal["raise", "earlier", "later", "compatible"]
DISAMBIGUATIONS: tuple[Disambiguation, ...] = ("raise", "earlier", "later", "compatible")
OffsetOption = Literal["reject", "use", "prefer", "ignore"]
OFFSET_OPTIONS: tuple[OffsetOption, ...] = ("reject", "use", "prefer", "ignore")


def check_disambiguation(value: object, *, where: str = "") -> Disambiguation:
    """``value`` if it is one of DISAMBIGUATIONS, else a ChronoError listing them.

    >>> check_disambiguation("soon", where="claim c1")
    Traceback (most recent call last):
    ...
    chronoreconcile.ChronoError: claim c1: unknown disambiguation 'soon'; expected one of 'raise', 'earlier', 'later', 'compatible'
    """
    return cast(Disambiguation, check_choice("disambiguation", value, DISAMBIGUATIONS, where=where))


def check_offset_option(value: object, *, where: str = "") -> OffsetOption:
    """``value`` if it is one of OFFSET_OPTIONS, else a ChronoError listing them."""
    return cast(OffsetOption, check_choice("offset option", value, OFFSET_OPTIONS, where=where))


def _local_text(local: int) -> str:
    w = EPOCH + _dt.timedelta(seconds=local)
    return w.isoformat(sep=" ", timespec="seconds" if w.second else "minutes")


def disambiguate(
    zone: Zone,
    local: int,
    disambiguation: str,
    *,
    describe: str = "",
    show_offsets: bool = False,
) -> int:
    """The instant (UTC seconds) that ``local`` seconds in ``zone`` stands for.

    With "raise" a repeated time is an AmbiguousTimeError and a skipped one a
    NonexistentTimeError, naming ``describe`` (else the local time itself); the gap's
    offsets are named too with ``show_offsets``.

    >>> from chronoreconcile.zones import get_zone
    >>> paris = get_zone("Europe/Paris")
    >>> fold = 1698546600  # 2023-10-29T02:30 on the wall, shown twice in Paris
    >>> disambiguate(paris, fold, "earlier"), disambiguate(paris, fold, "later")
    (1698539400, 1698543000)
    """
    a = zone.ambiguity(local)
    if type(a) is Unambiguous:
        return a.instant
    if isinstance(a, Fold):
        if disambiguation in ("earlier", "compatible"):
            return a.earlier
        if disambiguation == "later":
            return a.later
        check_disambiguation(disambiguation)
        raise AmbiguousTimeError.for_zone(
            describe or _local_text(local), zone.name, zip(a.instants, a.offsets, strict=True)
        )
    assert not isinstance(a, Unambiguous)
    if disambiguation in ("later", "compatible"):
        return local - a.offset_before
    if disambiguation == "earlier":
        return local - a.offset_after
    check_disambiguation(disambiguation)
    raise NonexistentTimeError.for_zone(
        describe or _local_text(local),
        zone.name,
        a.transition,
        a.offset_before,
        a.offset_after,
        offsets=show_offsets,
    )
