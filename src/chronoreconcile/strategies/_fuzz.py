"""Strategies for fuzzing the readers: near-valid instant texts, local-time texts and zones.

Each is mostly text that comes close to being valid (pieces of real dates, times, offsets
and bracketed zone annotations run together, Arabic-Indic digits, a leap second, an hour
24), plus arbitrary unicode, so that a reader's every refusal path is tried and any
exception other than a ChronoError shows.

May import: hypothesis and the sibling ``_zones``.
"""

from __future__ import annotations

from hypothesis import strategies as st

from chronoreconcile.strategies._zones import ABBREVIATION_IDS, fixed_offsets, zone_names

__all__ = ["instant_texts", "near_valid_local_time_texts", "zone_texts"]

_DATES = [
    "1945-05-08", "2023-03-26", "2023-10-29", "1945-02-29", "2024-02-29", "1945-13-01",
    "1945-00-10", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "1945-5-8",
    "19450508", "1945", "1945-05", "٢٠٢٠-01-01",
]  # fmt: skip
_SEPARATORS = ["T", "t", " ", "", "TT", "_"]
_TIMES = [
    "23:01", "02:30", "24:00", "23:60", "00:00:60", "01:30:00.5", "01:30:00,123456",
    "01:30:00.1234567", "01:30:00.123456789", "01:30:00.1234567890", "01:30:00.000000000",
    "1", "01", "0130", "01:30:", ":30", "23:59:59.999999",
]  # fmt: skip
_OFFSETS = [
    "", "Z", "z", "+03:00", "-10:30", "+02:30:17", "+0530", "+05", "\u221205:00", "+25:00",
    "+23:59:59.5", "-00:00", "+99:99", "+", "+03:00:00.000", "+14:00", "-12:00", "+٠٣:٠٠",
]  # fmt: skip
_ANNOTATIONS = [
    "[Europe/Moscow]", "[!Europe/Paris]", "[u-ca=iso8601]", "[!u-ca=japanese]",
    "[u-ca=japanese]", "[]", "[Europe/Moskow]", "[CET]", "[EST]", "[+10:00]", "[UTC]",
    "[-01:00]", "[+14:00]", "[Etc/GMT+12]", "[Pacific/Kiritimati]", "[x=y]", "[!x=y]", "[",
    "]", "[../../etc/passwd]", "[Factory]", "[America/New_York]", "[Europe/London]",
]  # fmt: skip
_FRAGMENTS = _DATES + _SEPARATORS + _TIMES + _OFFSETS + _ANNOTATIONS + ["\n", "\x00", "-"]

_near_valid_instant_texts = st.builds(
    lambda *parts: "".join(parts[:4]) + "".join(parts[4]),
    st.sampled_from(_DATES),
    st.sampled_from(_SEPARATORS),
    st.sampled_from(_TIMES),
    st.sampled_from(_OFFSETS),
    st.lists(st.sampled_from(_ANNOTATIONS), max_size=3),
)

_fragment_soups = st.lists(st.sampled_from(_FRAGMENTS), max_size=8).map("".join)


def instant_texts() -> st.SearchStrategy[str]:
    """Texts for ``parse_instant``: RFC 9557 forms with offsets and annotations, right or
    nearly, pieces of them run together, and arbitrary unicode."""
    return st.one_of(st.text(), _near_valid_instant_texts, _fragment_soups)


def near_valid_local_time_texts() -> st.SearchStrategy[str]:
    """Texts for ``to_instant``: a date, a separator and a time, right or nearly, pieces of
    instant texts run together, and arbitrary unicode."""
    return st.one_of(
        st.text(),
        st.builds(
            "".join,
            st.tuples(
                st.sampled_from(_DATES), st.sampled_from(_SEPARATORS), st.sampled_from(_TIMES)
            ),
        ),
        _fragment_soups,
    )


def zone_texts() -> st.SearchStrategy[str]:
    """Zone names right and wrong: IANA ids, fixed offsets, the refused abbreviation ids,
    misspellings ("Europe/Moskow"), path tricks and arbitrary text."""
    return st.one_of(
        zone_names(),
        fixed_offsets(),
        st.sampled_from(sorted(ABBREVIATION_IDS)),
        st.sampled_from(["Europe/Moskow", "", "UTC", "Z", "+25:00", "+99", "utc", "../x", " UTC "]),
        st.text(max_size=20),
    )
