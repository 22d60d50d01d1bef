"""The lexicon of vague phrases: every default entry, the quantity readings' invariants,
number words, unknown phrases, user lexicons, malformed files, pickling, and the generated
reference page.

The bounds themselves are the lexicon's documented choices (data/lexicon.toml); these tests
pin that each phrase gets the bounds its entry states, and that no phrase is read by guess.
"""

from __future__ import annotations

import importlib.util
import pickle
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from chronoreconcile import ChronoError, ParseError
from chronoreconcile._units import DAY_US, HOUR_US, MINUTE_US, SECOND_US
from chronoreconcile.lexicon import (
    Count,
    DatePattern,
    Entry,
    Lexicon,
    Quantity,
    Reading,
)

ROOT = Path(__file__).resolve().parent.parent
LEXICON = Lexicon.default()
SAMPLES = {"YEAR": "1945", "MONTH": "August", "DECADE": "1940s", "CENTURY": "twentieth"}
UNITS = {"seconds": SECOND_US, "minutes": MINUTE_US, "hours": HOUR_US, "days": DAY_US}
ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
TEENS += ["eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _fill(pattern: str) -> str:
    for name, value in SAMPLES.items():
        pattern = pattern.replace(name, value)
    return pattern


def _spelled(entry: Entry, spelling: str) -> str:
    """A phrase that uses ``spelling`` of ``entry`` as the entry's example uses its phrase."""
    if isinstance(entry, DatePattern):
        return _fill(spelling)
    if isinstance(entry, (Quantity, Count)):
        return spelling + entry.example[len(entry.phrase) :]
    return spelling


def _non_empty(r: Reading) -> bool:
    if r.kind == "date":
        assert r.first_date is not None and r.last_date is not None
        return r.first_date <= r.last_date
    if r.kind == "time-of-day":
        assert r.lower is not None and r.upper is not None
        return r.lower < r.upper
    if r.lower is None:
        return r.day_offset is not None or r.order is not None
    if r.upper is None:
        return True
    return r.lower < r.upper or (r.lower == r.upper and r.lower_closed and r.upper_closed)


def _words(n: int) -> str:
    if n < 10:
        return ONES[n - 1]
    if n < 20:
        return TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return TENS[tens - 2] + (f" {ONES[ones - 1]}" if ones else "")


# ---------------------------------------------------------------- every default entry


@pytest.mark.parametrize("entry", LEXICON.entries, ids=lambda e: f"{e.table}:{e.phrase}")
def test_every_entry_reads_its_example_as_a_non_empty_interval(entry: Entry) -> None:
    example = _fill(entry.example) if isinstance(entry, DatePattern) else entry.example
    reading = LEXICON.read(example)
    assert _non_empty(reading), reading
    assert reading.rule.startswith(entry.phrase) or f"; {entry.phrase} = " in reading.rule
    assert example in reading.explanation and entry.rule in reading.explanation


@pytest.mark.parametrize("entry", LEXICON.entries, ids=lambda e: f"{e.table}:{e.phrase}")
def test_every_alias_reads_as_its_entry(entry: Entry) -> None:
    base = LEXICON.read(_spelled(entry, entry.phrase))
    for alias in entry.aliases:
        reading = LEXICON.read(_spelled(entry, alias))
        assert (reading.kind, reading.lower, reading.upper, reading.first_date) == (
            base.kind,
            base.lower,
            base.upper,
            base.first_date,
        ), alias


def test_the_issue_s_phrases_read_as_stated() -> None:
    # issue 12: "just after midnight" 00:00-00:30, "nearly N" [N - 10%, N),
    # "about N" [N - 25%, N + 25%], "over N" (N, N + 50%], "shortly after" (0, 1h], circa +/-5 years
    r = LEXICON.read("just after midnight")
    assert (r.kind, r.lower, r.upper) == ("time-of-day", 0, 30 * MINUTE_US)
    r = LEXICON.read("nearly six hours later")
    assert r.explanation == (
        "'nearly six hours later' read as 5h24m to 6h (lexicon: nearly = the last 10%, short of N)"
    )
    assert (r.lower, r.upper, r.lower_closed, r.upper_closed, r.order) == (
        324 * MINUTE_US,
        6 * HOUR_US,
        True,
        False,
        "after",
    )
    r = LEXICON.read("About 4 hours")
    assert (r.lower, r.upper) == (3 * HOUR_US, 5 * HOUR_US)
    r = LEXICON.read("over 2 hours")
    assert (r.lower, r.upper, r.lower_closed, r.upper_closed) == (
        2 * HOUR_US,
        3 * HOUR_US,
        False,
        True,
    )
    r = LEXICON.read("shortly after")
    assert (r.kind, r.order, r.lower, r.upper, r.lower_closed) == (
        "relative",
        "after",
        0,
        HOUR_US,
        False,
    )
    r = LEXICON.read("circa 1945")
    assert (r.first_date, r.last_date) == ((1940, 1, 1), (1950, 12, 31))
    r = LEXICON.read("the same day")
    assert (r.kind, r.day_offset, r.order) == ("same-date", 0, None)
    r = LEXICON.read("the next morning")
    assert (r.kind, r.day_offset, r.time_of_day) == ("relative", 1, (6 * HOUR_US, 12 * HOUR_US))
    r = LEXICON.read("night")
    assert (r.lower, r.upper) == (21 * HOUR_US, DAY_US + 5 * HOUR_US)


def test_dates_clip_to_the_month_and_refuse_days_it_lacks() -> None:
    assert LEXICON.read("late February 1944").last_date == (1944, 2, 29)  # 1944 was a leap year
    assert LEXICON.read("late February 1900").last_date == (1900, 2, 28)  # 1900 was not
    assert LEXICON.read("mid-Sept 1945").first_date == (1945, 9, 11)
    assert LEXICON.read("the turn of the 19th century").first_date == (1795, 1, 1)


def test_fixed_amounts_and_halves() -> None:
    assert LEXICON.read("half an hour").lower == 30 * MINUTE_US
    assert LEXICON.read("a quarter of an hour").lower == 15 * MINUTE_US
    assert LEXICON.read("an hour and a half").upper == 90 * MINUTE_US
    assert LEXICON.read("two and a half hours").lower == 150 * MINUTE_US
    assert LEXICON.read("a day and a half later").upper == 36 * HOUR_US
    assert LEXICON.read("nearly two days and a half").upper == 60 * HOUR_US
    r = LEXICON.read("about half an hour")
    assert (r.lower, r.upper) == (22 * MINUTE_US + 30 * SECOND_US, 37 * MINUTE_US + 30 * SECOND_US)


def test_kinds_are_kept_apart() -> None:
    with pytest.raises(ParseError, match=r"'circa 1945'.*reads as a date .*not a time-of-day"):
        LEXICON.read_time_of_day("circa 1945")
    with pytest.raises(ParseError, match="not a duration"):
        LEXICON.read_duration("evening")
    assert LEXICON.read_gap("shortly after").kind == "relative"
    assert LEXICON.read_gap("the same day").kind == "same-date"
    assert LEXICON.read_date("early August 1945").last_date == (1945, 8, 10)


# ---------------------------------------------------------------- quantity properties

numbers = st.integers(min_value=0, max_value=10**5)
units = st.sampled_from(sorted(UNITS))


@given(numbers, units)
@example(6, "hours")
def test_about_n_contains_n(n: int, unit: str) -> None:
    reading = LEXICON.read(f"about {n} {unit}")
    assert reading.contains(n * UNITS[unit])
    assert reading.lower <= n * UNITS[unit] * 3 // 4 + 1 if reading.lower is not None else False


@given(st.integers(min_value=1, max_value=10**5), units)
@example(6, "hours")
def test_nearly_n_never_reaches_n_and_stays_within_ten_percent(n: int, unit: str) -> None:
    value = n * UNITS[unit]
    reading = LEXICON.read(f"nearly {n} {unit} later")
    assert not reading.contains(value) and not reading.contains(value + 1)
    assert reading.contains(value - 1)
    assert reading.lower is not None and 10 * (value - reading.lower) <= value
    assert not reading.contains(reading.lower - 1)


@given(st.integers(min_value=1, max_value=10**5), units)
def test_over_n_excludes_n(n: int, unit: str) -> None:
    value = n * UNITS[unit]
    reading = LEXICON.read(f"over {n} {unit}")
    assert not reading.contains(value) and reading.contains(value + 1)
    assert reading.contains(value * 3 // 2) and not reading.contains(value * 3 // 2 + 1)


@given(st.integers(min_value=1, max_value=10**5), units)
def test_under_n_excludes_n(n: int, unit: str) -> None:
    value = n * UNITS[unit]
    reading = LEXICON.read(f"less than {n} {unit}")
    assert not reading.contains(value) and reading.contains(value - 1)


@given(st.integers(min_value=1, max_value=999))
def test_the_approximate_mark_is_the_about_reading(n: int) -> None:
    marked, about = LEXICON.read(f"{n}h~"), LEXICON.read(f"about {n} hours")
    assert (marked.lower, marked.upper) == (about.lower, about.upper)
    assert marked.rule.startswith("~ = about")


@given(st.integers(min_value=1, max_value=99), units)
def test_number_words_equal_digits(n: int, unit: str) -> None:
    words = LEXICON.read(f"nearly {_words(n)} {unit}")
    digits = LEXICON.read(f"nearly {n} {unit}")
    assert (words.lower, words.upper) == (digits.lower, digits.upper)
    assert LEXICON.read(f"{_words(n).replace(' ', '-')} {unit}").lower == n * UNITS[unit]


@given(st.sampled_from(["Nearly  SIX hours Later", " nearly six-hours later ", "nearly 6h later"]))
def test_case_and_whitespace_do_not_matter(phrase: str) -> None:
    reading = LEXICON.read(phrase)
    assert (reading.lower, reading.upper, reading.order) == (324 * MINUTE_US, 6 * HOUR_US, "after")
    assert reading.phrase == phrase


def test_vague_phrases_take_no_second_qualifier() -> None:
    with pytest.raises(ParseError, match="both 'about' and '~'"):
        LEXICON.read("about 1h~")
    with pytest.raises(ParseError, match="'a few' is already vague"):
        LEXICON.read("nearly a few hours")
    with pytest.raises(ParseError, match="empty range"):
        LEXICON.read("nearly 0 hours")


# ---------------------------------------------------------------- unknown phrases


def test_an_unknown_phrase_names_the_closest_entries() -> None:
    with pytest.raises(
        ParseError, match=r"no lexicon entry reads it; the closest are 'nearly six hours'"
    ):
        LEXICON.read("nearly sex hours")
    with pytest.raises(ParseError, match="'the turn of the twentieth century'"):
        LEXICON.read("the turn of the century")
    with pytest.raises(ParseError, match="'evening'"):
        LEXICON.read("evenning")
    with pytest.raises(ParseError, match="see the lexicon reference"):
        LEXICON.read("zzzzqqqq")
    with pytest.raises(ParseError, match="no lexicon entry"):
        LEXICON.read("")


def test_huge_phrases_are_refused_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(ParseError, match="longer than 200 characters"):
        LEXICON.read("nearly " * 150_000)
    longest = "q" * 100 + " about " * 14
    with pytest.raises(ParseError):
        LEXICON.read(longest[:200])
    assert time.perf_counter() - started < 1.0


# ---------------------------------------------------------------- user lexicons

USER = """
[[quantity]]
phrase = "nearly"
lower_percent = -5
upper_percent = 0
upper_closed = false
rule = "the last 5%"
rationale = "this archive's clerks wrote 'nearly' only for near misses"
example = "nearly six hours"

[[time_of_day]]
phrase = "teatime"
start = "16:00"
end = "17:30"
rule = "16:00 to 17:30"
rationale = "an English afternoon tea"

[units]
watch = "4h"
watches = "4h"
"""


def test_a_user_lexicon_overrides_and_extends_the_default(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(USER, encoding="utf-8")
    mine = Lexicon.load(path)
    assert mine.read("nearly six hours").lower == 342 * MINUTE_US  # overridden: the last 5%
    assert "nearly = the last 5%" in mine.read("nearly 6h").explanation
    assert mine.read("about an hour").lower == 45 * MINUTE_US  # the defaults are kept
    assert mine.read("teatime").upper == 17 * HOUR_US + 30 * MINUTE_US  # extended
    assert mine.read("about two watches").upper == 10 * HOUR_US
    with pytest.raises(ParseError):  # the replaced entry's aliases went with it
        mine.read("almost six hours")
    assert LEXICON.read("nearly six hours").lower == 324 * MINUTE_US  # the default is untouched


def test_a_user_lexicon_can_replace_the_default(tmp_path: Path) -> None:
    path = tmp_path / "only.toml"
    path.write_text('bare = "nearly"\napproximate_mark = "nearly"\n' + USER, encoding="utf-8")
    only = Lexicon.load(path, extend=False)
    assert only.read("teatime").lower == 16 * HOUR_US
    assert only.read("6 watches").lower == 22 * HOUR_US + 48 * MINUTE_US  # bare = nearly here
    with pytest.raises(ParseError):
        only.read("evening")


MALFORMED = [
    (
        "[[quantity]]\nphrase = 'nearly'\nlowr = 1",
        r"\[\[quantity\]\] entry 'nearly': unknown key 'lowr'",
    ),
    (
        "[[time_of_day]]\nphrase = 'x'\nstart = '25:00'\nend = '01:00'\nrule = 'r'\nrationale = 'r'",
        "entry 'x': start '25:00' must be a local time",
    ),
    (
        "[[time_of_day]]\nphrase = 'x'\nstart = '01:00'\nend = '01:00'\nrule = 'r'\nrationale = 'r'",
        "entry 'x': start must be before 24:00 and differ from end",
    ),
    (
        "[[quantity]]\nphrase = 'q'\nlower_percent = 5\nupper_percent = 9\nrule = 'r'\nrationale = 'r'",
        "entry 'q': the range must contain N",
    ),
    (
        "[[quantity]]\nphrase = 'q'\nlower_percent = 0\nupper_percent = 0\nupper_closed = false\nrule = 'r'\nrationale = 'r'",
        "entry 'q': .*not be empty",
    ),
    (
        "[[count]]\nphrase = 'c'\nlower = 4\nupper = 2\nrule = 'r'\nrationale = 'r'",
        "entry 'c': lower 4 and upper 2",
    ),
    (
        "[[relative]]\nphrase = 'p'\norder = 'after'\ntime_of_day = 'elevenses'\nrule = 'r'\nrationale = 'r'",
        "entry 'p': time_of_day 'elevenses' is no",
    ),
    (
        "[[relative]]\nphrase = 'p'\norder = 'sideways'\nrule = 'r'\nrationale = 'r'",
        "entry 'p': order 'sideways'",
    ),
    (
        "[[relative]]\nphrase = 'p'\norder = 'after'\nlower = '2h'\nupper = '1h'\nrule = 'r'\nrationale = 'r'",
        "entry 'p': the gap .* is empty",
    ),
    (
        "[[date]]\nphrase = 'circa MONTH'\nrule = 'r'\nrationale = 'r'",
        "entry 'circa MONTH': the phrase must hold one of YEAR",
    ),
    (
        "[[date]]\nphrase = 'early YEAR'\ndays = [1, 10]\nrule = 'r'\nrationale = 'r'",
        "entry 'early YEAR': days need MONTH",
    ),
    (
        "[[amount]]\nphrase = 'a watch'\nduration = '1 month'\nrationale = 'r'",
        "entry 'a watch': duration: .*no fixed length",
    ),
    (
        "[[time_of_day]]\nphrase = 'Evening'\nstart = '17:00'\nend = '19:00'\nrule = 'r'\nrationale = 'r'\n[[time_of_day]]\nphrase = 'evening'\nstart = '17:00'\nend = '19:00'\nrule = 'r'\nrationale = 'r'",
        "entry 'evening': 'evening' is also a spelling of",
    ),
    ("[[count]]\nrule = 'r'", r"\[\[count\]\] entry #1: missing key 'phrase'"),
    (
        "[[time_of_day]]\nphrase = 'x'\nstart = '01:00'\nend = '02:00'\nrationale = 'r'",
        "entry 'x': missing key 'rule'",
    ),
    ("quantity = 3", "'quantity' must be an array of tables"),
    ("colour = 'red'", "unknown key 'colour'"),
    ("bare = 'roughly-ish'", "bare = 'roughly-ish' must name a \\[\\[quantity\\]\\] entry"),
    ("[units]\nwatch = 'soon'", r"\[units\] 'watch' = 'soon'"),
    ("[number_words]\nsix = 'VI'", r"\[number_words\] 'six'"),
    ("[[quantity]\nphrase =", "not valid TOML"),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_malformed_lexicons_are_refused_naming_the_entry(text: str, message: str) -> None:
    with pytest.raises(ChronoError, match=message):
        Lexicon.from_toml(text, source="bad.toml")


def test_a_file_that_cannot_be_read_is_a_chrono_error(tmp_path: Path) -> None:
    with pytest.raises(ChronoError, match=r"lexicon .*missing\.toml.*cannot read it"):
        Lexicon.load(tmp_path / "missing.toml")
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * 1_000_001)
    with pytest.raises(ChronoError, match="at most 1000000"):
        Lexicon.load(big)


# ---------------------------------------------------------------- values


def test_lexicons_and_readings_survive_pickling(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(USER, encoding="utf-8")
    for lexicon in (LEXICON, Lexicon.load(path)):
        copy = pickle.loads(pickle.dumps(lexicon))
        assert copy == lexicon and repr(copy) == repr(lexicon)
        assert copy.read("teatime" if copy.source != "default" else "evening").upper is not None
    for phrase in ("nearly six hours later", "evening", "the next morning", "circa 1945"):
        reading = LEXICON.read(phrase)
        copy = pickle.loads(pickle.dumps(reading))
        assert copy == reading and copy.explanation == reading.explanation
    assert repr(LEXICON.read("nearly 6h")) == "Reading('nearly 6h': duration 5h24m to 6h)"


def test_a_reading_checks_its_bounds() -> None:
    with pytest.raises(ChronoError, match="ends before it starts"):
        Reading("x", "duration", "r", lower=2, upper=1)
    with pytest.raises(ChronoError, match="needs both bounds"):
        Reading("x", "time-of-day", "r", lower=2)
    with pytest.raises(ChronoError, match="wrong date bounds"):
        Reading("x", "date", "r")
    with pytest.raises(ChronoError, match="unknown reading kind"):
        Reading("x", "vibe", "r")  # type: ignore[arg-type]


# ---------------------------------------------------------------- the generated reference


def test_the_committed_reference_is_the_generated_one() -> None:
    spec = importlib.util.spec_from_file_location(
        "gen_lexicon_doc", ROOT / "tools" / "gen_lexicon_doc.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "docs" / "reference" / "lexicon.md").read_text(encoding="utf-8")
    assert committed == module.render(LEXICON), "run python tools/gen_lexicon_doc.py"


# ---------------------------------------------------------------- clock times


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("11 p.m.", 23 * HOUR_US),  # the seed: "at 11 p.m. Moscow time"
        ("11 pm", 23 * HOUR_US),
        ("9:45 a.m.", 9 * HOUR_US + 45 * MINUTE_US),
        ("at 12 a.m.", 0),
        ("12 p.m.", 12 * HOUR_US),
        ("12:30 a.m.", 30 * MINUTE_US),
    ],
)
def test_a_12_hour_clock_time_is_that_minute(phrase: str, start: int) -> None:
    reading = LEXICON.read_time_of_day(phrase)
    assert (reading.lower, reading.upper) == (start, start + MINUTE_US)
    assert "lexicon: H a.m./p.m. = that clock time, to the minute" in reading.explanation


@pytest.mark.parametrize("phrase", ["13 p.m.", "0 a.m.", "11:61 p.m."])
def test_a_clock_time_off_the_12_hour_dial_is_refused(phrase: str) -> None:
    with pytest.raises(ParseError, match="a 12-hour clock time runs from 1:00 to 12:59"):
        LEXICON.read(phrase)
