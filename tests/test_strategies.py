"""The public strategies: their names, their reference page, the missing-extra message, and
that each draws what it says (hypothesis' own tests check its strategies the same way)."""

from __future__ import annotations

import datetime as dt
import importlib
import re
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronoreconcile as cr
import chronoreconcile.strategies as cs

ROOT = Path(__file__).resolve().parent.parent


def test_all_is_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(cs).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    } - {"annotations"}
    assert set(cs.__all__) == public
    assert len(cs.__all__) == len(set(cs.__all__))


def test_every_name_is_in_the_reference_with_an_example() -> None:
    page = (ROOT / "docs" / "reference" / "strategies.md").read_text(encoding="utf-8")
    assert ">>>" not in page  # the draws are random: plain code, not doctests
    documented = set(re.findall(r"`([A-Za-z_]+)[`(]", page))
    assert set(cs.__all__) - documented == set()


def test_without_hypothesis_the_import_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes "import hypothesis" raise ImportError, as when it is
    # not installed; the strategies modules are removed so the import runs again.
    for name in [m for m in sys.modules if m.startswith("chronoreconcile.strategies")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'chronoreconcile[strategies]'")):
        importlib.import_module("chronoreconcile.strategies")


EPOCH = dt.datetime(1970, 1, 1)


def _inside_a_change(zone: str, local: dt.datetime, *, gap: bool) -> bool:
    """Whether ``local`` lies inside a gap (or fold) of one of the zone's transitions."""
    seconds = (local - EPOCH) // dt.timedelta(seconds=1)
    return any(
        (after > before) == gap and t + min(before, after) <= seconds < t + max(before, after)
        for t, before, after in cs.transitions_of(zone)
    )


@given(cs.repeated_local_times())
def test_repeated_local_times_are_in_a_fold(pair: tuple[str, dt.datetime]) -> None:
    zone, local = pair
    assert _inside_a_change(zone, local, gap=False)


@given(cs.skipped_local_times())
def test_skipped_local_times_are_in_a_gap(pair: tuple[str, dt.datetime]) -> None:
    zone, local = pair
    assert _inside_a_change(zone, local, gap=True)


@given(cs.repeated_local_times(st.just("Europe/Paris")))
def test_a_repeated_time_in_paris_needs_a_choice(pair: tuple[str, dt.datetime]) -> None:
    zone, local = pair
    # Paris' folds (1940s war time, summer time since 1976) never overlap another change.
    with pytest.raises(cr.AmbiguousTimeError):
        cr.to_instant(local, zone)


@given(cs.instants_near_transitions(st.just("Europe/London"), first_year=1940, last_year=1950))
def test_instants_near_transitions_are_near_one(pair: tuple[str, dt.datetime]) -> None:
    zone, instant = pair
    assert zone == "Europe/London"
    seconds = (instant - EPOCH.replace(tzinfo=dt.UTC)) // dt.timedelta(seconds=1)
    assert min(abs(seconds - t) for t, _, _ in cs.transitions_of(zone, 1940, 1950)) <= 6 * 3600


@given(cs.chronologies())
def test_a_chronologys_truth_lies_inside_its_bounds(timeline: cs.Timeline) -> None:
    result = timeline.chronology.reconcile()
    assert result.consistent
    assert {e.id for e in timeline.events} == set(timeline.truth)
    for eid, truth in timeline.truth.items():
        span = result.bounds[eid]
        if span is not None:
            assert span.start_us <= truth < span.end_us


@given(cs.local_time_texts(fixed=False))
def test_local_time_texts_cover_their_range(text: cs.LocalText) -> None:
    assert text.precision in cs.PRECISIONS
    assert text.start < text.end
    assert cr.get_zone(text.zone).kind == "iana"
