"""Durations: "5h30m", "90m", "1d", "PT5H30M" as exact microseconds; months, years and
negative lengths refused."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile._durations import format_duration, parse_duration
from chronoreconcile.strategies import duration_texts, text_fragments

MINUTE = 60 * 10**6
HOUR = 60 * MINUTE
DAY = 24 * HOUR


@pytest.mark.parametrize(
    ("text", "micros"),
    [
        ("5h30m", 5 * HOUR + 30 * MINUTE),
        ("90m", 90 * MINUTE),
        ("1d", DAY),
        ("PT5H30M", 5 * HOUR + 30 * MINUTE),
        ("pt5h30m", 5 * HOUR + 30 * MINUTE),
        ("P1D", DAY),
        ("P1W", 7 * DAY),
        ("P1DT1M", DAY + MINUTE),  # M after T is minutes, not months
        ("PT0.5S", 500_000),
        ("P1,5D", DAY + 12 * HOUR),  # ISO 8601 allows a decimal comma
        ("1.5h", 90 * MINUTE),
        ("1h 30m", 90 * MINUTE),
        ("2 weeks", 14 * DAY),
        ("5 Minutes", 5 * MINUTE),
        ("0s", 0),
        ("P0D", 0),
        (dt.timedelta(hours=5, minutes=30), 5 * HOUR + 30 * MINUTE),
        (dt.timedelta(microseconds=1), 1),
    ],
)
def test_duration_is_its_microseconds(text: object, micros: int) -> None:
    assert parse_duration(text) == micros


def test_the_four_spellings_of_five_and_a_half_hours_agree() -> None:
    assert len({parse_duration(t) for t in ("5h30m", "330m", "PT5H30M", "PT330M")}) == 1
    assert parse_duration("90m") == parse_duration("1h30m") == parse_duration("PT1H30M")
    assert parse_duration("1d") == parse_duration("24h") == parse_duration("P1D")


@given(duration_texts())
def test_written_durations_equal_the_sum_of_their_parts(pair: tuple[object, int]) -> None:
    text, micros = pair
    assert parse_duration(text) == micros


@given(st.integers(0, 10**4 * 365 * 86400))
def test_format_then_parse_gives_the_same_whole_seconds(seconds: int) -> None:
    micros = seconds * 10**6
    assert parse_duration(format_duration(micros)) == micros


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1 month",
            "cannot read '1 month': a month has no fixed length; write the duration in days",
        ),
        (
            "2 months",
            "cannot read '2 months': a month has no fixed length; write the duration in days",
        ),
        ("P1M", "cannot read 'P1M': a month has no fixed length; write the duration in days"),
        ("P1Y", "cannot read 'P1Y': a year has no fixed length; write the duration in days"),
        ("P1Y2M", "cannot read 'P1Y2M': a year has no fixed length; write the duration in days"),
        ("1 year", "cannot read '1 year': a year has no fixed length; write the duration in days"),
        ("3 yrs", "cannot read '3 yrs': a year has no fixed length; write the duration in days"),
    ],
)
def test_months_and_years_are_refused(text: str, message: str) -> None:
    with pytest.raises(cr.ParseError, match=f"^{re.escape(message)}$"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "unit"), [("1y", "year"), ("2yrs", "year"), ("1mo", "month"), ("6months", "month")]
)
def test_months_and_years_written_without_a_space_get_the_same_reason(text: str, unit: str) -> None:
    # The refusal names the real problem (no fixed length) whether or not a space
    # separates the number from the unit, as it does for "1 year" and "1 month".
    message = f"cannot read {text!r}: a {unit} has no fixed length; write the duration in days"
    with pytest.raises(cr.ParseError, match=f"^{re.escape(message)}$"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["-1h", "-PT1H", " -5m", "-0s"])
def test_negative_durations_are_refused(text: str) -> None:
    message = f"cannot read {text!r}: a gap cannot be negative"
    with pytest.raises(cr.ParseError, match=f"^{re.escape(message)}$"):
        parse_duration(text, what="gap")


def test_a_negative_timedelta_is_refused() -> None:
    with pytest.raises(
        cr.ParseError, match=r"^cannot read '-1 day, 23:00:00': a tolerance cannot be negative$"
    ):
        parse_duration(dt.timedelta(hours=-1), what="tolerance")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "cannot read '': expected a duration such as '5h30m', '90m', '1d' or 'PT5H30M'"),
        ("1", "cannot read '1': expected a duration such as '5h30m', '90m', '1d' or 'PT5H30M'"),
        (
            "5h30",
            "cannot read '5h30': expected a duration such as '5h30m', '90m', '1d' or 'PT5H30M'",
        ),
        ("P", "cannot read 'P': not an ISO 8601 duration such as 'PT5H30M' or 'P1D'"),
        ("PT", "cannot read 'PT': not an ISO 8601 duration such as 'PT5H30M' or 'P1D'"),
        ("P1D2H", "cannot read 'P1D2H': not an ISO 8601 duration such as 'PT5H30M' or 'P1D'"),
        (
            "3 fortnights",
            "cannot read '3 fortnights': unknown unit 'fortnights'; use w, d, h, m or s",
        ),
        ("0.0000001s", "cannot read '0.0000001s': a duration finer than a microsecond is not kept"),
        (
            "99999999d",
            "cannot read '99999999d': a duration longer than 10,000 years is out of range",
        ),
        (5, "cannot read 5: expected a duration such as '5h30m' or 'PT5H30M'"),
        (None, "cannot read None: expected a duration such as '5h30m' or 'PT5H30M'"),
    ],
)
def test_unreadable_durations_say_why(value: object, message: str) -> None:
    with pytest.raises(cr.ParseError, match=f"^{re.escape(message)}$"):
        parse_duration(value)


def test_the_ten_thousand_year_limit_holds_for_the_whole_duration() -> None:
    # Each part is under the limit; together they are about 16,400 years.
    message = "cannot read '3000000d3000000d': a duration longer than 10,000 years is out of range"
    with pytest.raises(cr.ParseError, match=f"^{re.escape(message)}$"):
        parse_duration("3000000d3000000d")


@given(text_fragments())
@example("P1Y")
@example("1 mo")
@example("PT-1H")
@example("١٢h")  # Arabic-Indic digits
def test_any_text_is_a_duration_or_a_parse_error(text: str) -> None:
    try:
        micros = parse_duration(text)
    except cr.ParseError:
        return
    assert isinstance(micros, int)
    assert 0 <= micros <= 10**4 * 366 * DAY


@given(st.text(alphabet="0123456789PTWDHMSpt.,: hmsdw-", max_size=16))
def test_duration_like_text_is_a_duration_or_a_parse_error(text: str) -> None:
    try:
        micros = parse_duration(text)
    except cr.ParseError:
        return
    assert isinstance(micros, int)
    assert micros >= 0


@pytest.mark.parametrize(
    ("micros", "text"),
    [
        (19_800_000_000, "5h30m"),
        (90 * MINUTE, "1h30m"),
        (DAY + 1, "1d1µs"),
        (0, "0s"),
        (-HOUR, "-1h"),
    ],
)
def test_format_duration(micros: int, text: str) -> None:
    assert format_duration(micros) == text


def test_an_approximate_duration_is_refused_where_an_exact_one_is_needed() -> None:
    # Gaps read "1h~" by the lexicon (tests/test_phrases.py); a tolerance is exact.
    with pytest.raises(cr.ParseError, match=r"^cannot read '1h~': an approximate duration is read"):
        parse_duration("1h~", what="tolerance")
    with pytest.raises(cr.ParseError, match="a tolerance is exact"):
        cr.Event("a", "1945-08-08T23:00", "UTC", tolerance="10m~")
