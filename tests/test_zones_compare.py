"""One chronology reconciled under the package's zone data and the bundled backzone data."""

from __future__ import annotations

from pathlib import Path

import pytest

import chronoreconcile as cr
from chronoreconcile._zone_compare import compare_zone_data

DOCS = Path(__file__).resolve().parents[1] / "docs" / "examples"


def test_the_seeds_august_1945_claims_agree_under_both_data_sets() -> None:
    # backzone: Harbin "9:00 - +09 1966 May", Shanghai's summer time "CDT" is +09:00 too
    # (asia: "Rule Shang 1945 only - Sep 1 24:00 0 S"), so the merge does not decide it.
    chronology = cr.Chronology.from_file(DOCS / "august-1945-harbin.toml")
    found = compare_zone_data(chronology, "backzone")
    assert not found.changed
    assert found.first_data == f"tzdata {cr.tzdata_version()}"
    assert found.second_data == f"{cr.tzdata_version()}; backzone from tz 2026c+"
    assert found.explanation().endswith(": the same bounds and verdicts")


def test_amsterdam_in_may_1940_changes_a_verdict() -> None:
    # backzone: "0:20 Neth +0020/+0120 1940 May 16 0:00": noon in Amsterdam on 14 May 1940
    # was 11:40Z; tzdata's Brussels history (+01:00) says 11:00Z.
    with pytest.warns(cr.HistoryWarning, match="Europe/Amsterdam"):
        chronology = cr.Chronology(
            [cr.Event("broadcast")],
            [
                cr.At("broadcast", "1940-05-14T12:00", "Europe/Amsterdam", id="local"),
                cr.At("broadcast", "1940-05-14T11:00", "UTC", id="utc"),
            ],
        )
        found = compare_zone_data(chronology, "backzone")
    assert found.first.consistent and not found.second.consistent
    assert found.changed
    assert "the claims conflict" in found.explanation()
