"""Hypothesis strategies for chronoreconcile's values, aimed where the bugs are.

Uniform draws almost never land in a gap or a fold, so these start from the real
transitions of real zones: zone names, instants and local times near transitions, repeated
and skipped local times, local-time texts at every precision, events, claims about given
events, and whole chronologies drawn from a hidden true timeline. The calendar and network
families serve the library's own tests of those layers.

Needs hypothesis: ``pip install 'chronoreconcile[strategies]'``.

May import: hypothesis and any part of the library (it is a public top layer, like cli).
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401  (checked here so the message can name the extra)
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "chronoreconcile.strategies needs hypothesis, which is not installed: "
        "pip install 'chronoreconcile[strategies]'"
    ) from exc

from chronoreconcile.strategies._calendars import (
    CALENDAR_RANGES,
    ERA_FIRST_DAYS,
    JAPAN_GREGORIAN_FIRST,
    calendar_dates,
    calendars,
    date_texts,
    days,
    enclosing_dates,
    gregorian_ymds,
    julian_ymds,
    march_window_days,
    near_era_boundaries,
    ordinals,
    wide_ordinals,
)
from chronoreconcile.strategies._chronologies import Timeline, chronologies
from chronoreconcile.strategies._events import (
    CLAIM_ZONES,
    claims_about,
    events,
    narrower_spans,
    span_event_lists,
    span_events,
    spans,
)
from chronoreconcile.strategies._fuzz import (
    instant_texts,
    near_valid_local_time_texts,
    zone_texts,
)
from chronoreconcile.strategies._network import (
    LABELS,
    Scenario,
    arbitrary_networks,
    consistent_scenarios,
    contradicted_scenarios,
    edges_between,
    networks,
    node_timelines,
)
from chronoreconcile.strategies._texts import (
    PRECISIONS,
    LocalText,
    disambiguations,
    duration_texts,
    fixed_offset_zones,
    local_text,
    local_time_texts,
    text_fragments,
    tolerances,
)
from chronoreconcile.strategies._zones import (
    ABBREVIATION_IDS,
    REFUSED_ZONE_IDS,
    fixed_offsets,
    instants,
    instants_near_transitions,
    local_times,
    local_times_near_transitions,
    repeated_local_times,
    skipped_local_times,
    transitions_of,
    utc_ranges,
    zone_names,
)

__all__ = [
    # zones, instants and local times
    "ABBREVIATION_IDS",
    "REFUSED_ZONE_IDS",
    "fixed_offsets",
    "instants",
    "instants_near_transitions",
    "local_times",
    "local_times_near_transitions",
    "repeated_local_times",
    "skipped_local_times",
    "transitions_of",
    "utc_ranges",
    "zone_names",
    # texts, tolerances and durations
    "PRECISIONS",
    "LocalText",
    "disambiguations",
    "duration_texts",
    "fixed_offset_zones",
    "local_text",
    "local_time_texts",
    "text_fragments",
    "tolerances",
    # texts for fuzzing the readers
    "instant_texts",
    "near_valid_local_time_texts",
    "zone_texts",
    # events, spans and claims
    "CLAIM_ZONES",
    "claims_about",
    "events",
    "narrower_spans",
    "span_event_lists",
    "span_events",
    "spans",
    # chronologies
    "Timeline",
    "chronologies",
    # calendars
    "CALENDAR_RANGES",
    "ERA_FIRST_DAYS",
    "JAPAN_GREGORIAN_FIRST",
    "calendar_dates",
    "calendars",
    "date_texts",
    "days",
    "enclosing_dates",
    "gregorian_ymds",
    "julian_ymds",
    "march_window_days",
    "near_era_boundaries",
    "ordinals",
    "wide_ordinals",
    # the temporal network
    "LABELS",
    "Scenario",
    "arbitrary_networks",
    "consistent_scenarios",
    "contradicted_scenarios",
    "edges_between",
    "networks",
    "node_timelines",
]
