"""chronoreconcile: event times from local records, across zones, calendars and precisions.

>>> import chronoreconcile as cr
>>> surrender = cr.to_instant("1945-05-08T23:01", "+01:00")
>>> cr.dates_by_zone(surrender, ["America/New_York", "Europe/Moscow", "Europe/London"])
{'America/New_York': Date(1945, 5, 8), 'Europe/Moscow': Date(1945, 5, 9), 'Europe/London': Date(1945, 5, 9)}

May import: every flat module and the zones and chronology packages, only to re-export their
public names; _report, cli and strategies sit above it (docs/explanation/architecture.md).
"""

from ._alternatives import Tolerance, When
from ._claims import After, At, Before, Claim, Duration, EventRef, Gap, OnDate, SameDate
from ._errors import (
    AmbiguousTimeError,
    ChronoError,
    FileFormatError,
    HistoryWarning,
    NonexistentTimeError,
    ParseError,
    UnknownZoneError,
)
from ._events import Event, UnknownEventError
from ._instants import dates_by_zone, format_instant, parse_instant, to_instant, to_local
from ._ordering import Relation, WhereDates, order, relation, where_dates
from ._spans import Span
from ._verdicts import Status, Verdict, check
from ._version import __version__
from .chronology import Chronology, Conflict, Reconciliation, Sensitivity
from .lexicon import Lexicon
from .zones import (
    Disambiguation,
    OffsetOption,
    Zone,
    ZoneLike,
    available_zones,
    get_zone,
    resolve_abbreviation,
    tzdata_version,
    zone_of_record,
)

__all__ = [
    # the installed version
    "__version__",
    # functions: zones and instants
    "available_zones",
    "dates_by_zone",
    "format_instant",
    "get_zone",
    "parse_instant",
    "resolve_abbreviation",
    "to_instant",
    "to_local",
    "tzdata_version",
    "zone_of_record",
    # functions: ordering and verdicts
    "check",
    "order",
    "relation",
    "where_dates",
    # types
    "Chronology",
    "Conflict",
    "Event",
    "Lexicon",
    "Reconciliation",
    "Relation",
    "Sensitivity",
    "Span",
    "Status",
    "Verdict",
    "WhereDates",
    "Zone",
    # types: aliases that annotations use
    "Disambiguation",
    "Duration",
    "EventRef",
    "OffsetOption",
    "Tolerance",
    "When",
    "ZoneLike",
    # claims
    "After",
    "At",
    "Before",
    "Claim",
    "Gap",
    "OnDate",
    "SameDate",
    # errors
    "AmbiguousTimeError",
    "ChronoError",
    "FileFormatError",
    "HistoryWarning",
    "NonexistentTimeError",
    "ParseError",
    "UnknownEventError",
    "UnknownZoneError",
]
