"""The public surface: what ``__all__`` names, what a user's type checker sees, what travels.

``__all__`` is checked against the package's public names, as hypothesis'
``_check_exports`` does; a user's file is checked with ``mypy --strict`` (and a file of
mistakes must fail it); events, claims and verdicts survive a pickle round trip, so they
can cross a process pool; reprs read as the calls that make the values.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import pickle
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile.strategies import claims_about, events, span_event_lists
from tests.marks import any_zone_history

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


def _public_names(module: types.ModuleType) -> set[str]:
    """The names a user can reach that are not private and not submodules."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    } | {"__version__"}


def test_all_is_exactly_the_public_names() -> None:
    import chronoreconcile.cli  # noqa: F401  (a public module, not a name of __all__)

    assert set(cr.__all__) == _public_names(cr)
    assert len(cr.__all__) == len(set(cr.__all__))


def test_every_name_of_all_is_in_the_reference() -> None:
    reference = (ROOT / "docs" / "reference" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`(?:cr\.)?([A-Za-z_]+)[`(]", reference))
    missing = set(cr.__all__) - documented
    assert not missing, f"not in docs/reference/api.md: {sorted(missing)}"


def test_version_is_the_installed_one() -> None:
    assert cr.__version__ == importlib.metadata.version("chronoreconcile")


@pytest.mark.slow
def test_the_command_line_is_the_public_cli_module() -> None:
    from chronoreconcile import __main__, cli

    assert __main__.main is cli.main
    (script,) = importlib.metadata.entry_points(group="console_scripts", name="chronoreconcile")
    assert script.value == "chronoreconcile.cli:main"
    when = ["when", "1945-05-08T23:01", "--zone", "+01:00", "--in", "Europe/Moscow"]
    out = subprocess.run(
        [sys.executable, "-m", "chronoreconcile", *when],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONTZPATH": ""},
    )
    assert out.stdout.splitlines()[0] == "1945-05-08T23:01 in +01:00 is 1945-05-08T22:01:00+00:00"


# --- a user's file under mypy --strict ------------------------------------------------------


def _mypy(path: Path, cache: Path) -> tuple[str, int]:
    api = pytest.importorskip("mypy.api")
    stdout, stderr, status = api.run(
        ["--strict", "--cache-dir", str(cache), "--no-error-summary", str(path)]
    )
    return stdout + stderr, status


@pytest.mark.slow
def test_a_users_typed_file_passes_mypy_strict_and_runs(tmp_path: Path) -> None:
    output, status = _mypy(DATA / "typed_user.py", tmp_path)
    assert (output, status) == ("", 0)
    sys.path.insert(0, str(DATA))
    try:
        import typed_user
    finally:
        sys.path.remove(str(DATA))
    result = typed_user.manchuria("earlier")
    assert result.consistent
    assert set(typed_user.summary(result).values()) == {cr.Status.HOLDS}
    with pytest.raises(ValueError, match="unknown policy 'first'"):
        typed_user.manchuria("first")


@pytest.mark.slow
def test_mypy_strict_rejects_a_str_policy_and_a_number_for_an_event(tmp_path: Path) -> None:
    output, status = _mypy(DATA / "typed_user_wrong.py", tmp_path)
    assert status == 1
    assert 'Argument 1 to "Before" has incompatible type "int"; expected "str | Event"' in output
    assert (
        'Argument "disambiguation" to "Event" has incompatible type "str"; expected'
        " \"Literal['raise', 'earlier', 'later', 'compatible'] | None\""
    ) in output
    assert len(output.strip().splitlines()) == 2


# --- pickling and reprs -------------------------------------------------------------------


def _round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value))


@any_zone_history
@given(events(st.sampled_from(["surrender", "declaration", "e"])))
def test_events_are_equal_after_a_pickle_round_trip(event: cr.Event) -> None:
    back = _round_trip(event)
    assert isinstance(back, cr.Event)
    assert back == event
    assert back.span == event.span
    assert back.alternatives == event.alternatives


@given(span_event_lists(min_size=2, max_size=4), st.data())
def test_claims_and_verdicts_are_equal_after_a_pickle_round_trip(
    items: list[cr.Event], data: st.DataObject
) -> None:
    claim = data.draw(claims_about(items))
    back = _round_trip(claim)
    assert isinstance(back, cr.Claim)
    assert back == claim
    assert back.label() == claim.label()
    assert cr.check(back, items) == _round_trip(cr.check(claim, items)) == cr.check(claim, items)


@pytest.mark.parametrize(
    "value",
    [
        # The May 8/9 surrender and the August 8/9 declaration and invasion, 1945.
        cr.Event("surrender", "1945-05-08T23:01", "+01:00"),
        cr.Event("declaration", dt.date(1945, 8, 8), "Europe/Moscow", tolerance="1h"),
        cr.Event("fold", "2023-10-29T02:30", "Europe/Paris", disambiguation="later"),
        cr.Event("aware", dt.datetime(1945, 8, 8, 14, 1, tzinfo=dt.UTC), weight=5),
        cr.Event("open"),
        cr.At(cr.Event("invasion"), ["1945-08-09T00:01", "1945-08-09T01:01"], "+10:00"),
        cr.At("declaration", "T23:00", "Europe/Moscow", id="msk-11pm", source="TASS"),
        cr.OnDate("surrender", "昭和20年5月9日", "Asia/Tokyo", calendar="japanese"),
        cr.Before(cr.Event("invasion"), "declaration", weight=2.5),
        cr.Gap("invasion", "declaration", dt.timedelta(hours=5, minutes=30), "6h"),
        cr.check(cr.Before("a", "b"), [cr.Event("a", "1945", "UTC"), cr.Event("b", "1946", "UTC")]),
        cr.where_dates(
            cr.Event("surrender", "1945-05-08T23:01", "+01:00"),
            ["Europe/Moscow", "America/New_York"],
        ),
        cr.Relation.BEFORE,
        cr.Status.UNDETERMINED,
        cr.Span.from_micros(-769_946_340_000_000, -769_946_280_000_000, "a note"),
        cr.UnknownEventError("claim x names the unknown event 'y'"),
    ],
    ids=repr,
)
def test_public_values_survive_a_pickle_round_trip(value: object) -> None:
    back = _round_trip(value)
    if isinstance(value, Exception):
        assert type(back) is type(value) and str(back) == str(value)
    else:
        assert back == value and repr(back) == repr(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (
            cr.Event("surrender", "1945-05-08T23:01", "+01:00"),
            "Event('surrender', '1945-05-08T23:01', '+01:00')",
        ),
        (
            cr.Event("d", "1945-08-08", "Europe/Moscow", tolerance="1h", source="Pravda"),
            "Event('d', '1945-08-08', 'Europe/Moscow', tolerance='1h', source='Pravda')",
        ),
        (cr.Event("invasion"), "Event('invasion')"),
        (
            cr.At(cr.Event("invasion"), "1945-08-09T00:01", "+10:00", weight=5),
            "At('invasion', '1945-08-09T00:01', '+10:00', weight=5)",
        ),
        (
            cr.OnDate("surrender", "1945-05-09", "Europe/Moscow", id="pravda"),
            "OnDate('surrender', '1945-05-09', 'Europe/Moscow', id='pravda')",
        ),
        (cr.Before("invasion", "declaration"), "Before('invasion', 'declaration')"),
        (
            cr.Gap("invasion", "declaration", "5h30m", "6h", source="TASS"),
            "Gap('invasion', 'declaration', '5h30m', '6h', source='TASS')",
        ),
    ],
)
def test_reprs_read_as_the_call_that_makes_the_value(value: object, text: str) -> None:
    assert repr(value) == text
    assert eval(text, {name: getattr(cr, name) for name in cr.__all__}) == value
