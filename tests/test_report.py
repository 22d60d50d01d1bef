"""The report model and its renderers: text, JSON against the shipped schema, Markdown, SVG.

The examples are the bundled August 1945 files (docs/examples/): the seed's front time,
under which the claims agree, and tzdata's Asia/Harbin (UTC+09:00 in August 1945), under
which "just after midnight in Manchuria" cannot hold with the declaration at 23:00 Moscow
time and the gap of nearly six hours.
"""

from __future__ import annotations

import itertools
import json
import re
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chronoreconcile as cr
from chronoreconcile._report import SCHEMA_VERSION, build_report, render, schema_path, timeline_svg
from chronoreconcile._report.svg import CHAR_EM
from chronoreconcile._report.svg_scale import local_midnights, ticks
from chronoreconcile.strategies import Timeline, chronologies, utc_ranges
from tests.marks import any_zone_history

# Drawn chronologies may use merged zones before 1970; the warning is tested elsewhere.
pytestmark = any_zone_history

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"
FILES = ["august-1945.toml", "august-1945-harbin.toml"]
# Every bundled example, for the picture's tests (the two above plus the May 1945 surrender
# and Pearl Harbor, whose events have labels).
ALL_FILES = sorted(p.name for p in EXAMPLES.glob("*.toml"))
SVG_NS = "{http://www.w3.org/2000/svg}"
# The keys DESIGN.md lists under "JSON report keys".
TOP_KEYS = {
    "schema",
    "title",
    "consistent",
    "exact",
    "tzdata",
    "zone_data",
    "events",
    "claims",
    "conflicts",
    "drop",
    "warnings",
}


def _load(name: str) -> tuple[cr.Chronology, cr.Reconciliation]:
    chronology = cr.Chronology.from_file(EXAMPLES / name)
    return chronology, chronology.reconcile()


_SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    jsonschema.Draft202012Validator.check_schema(_SCHEMA)
    return _SCHEMA  # type: ignore[no-any-return]


def _half_bounded() -> cr.Chronology:
    # b comes after a (23:00 Moscow time, 20:00Z) with no upper bound; c an hour or more
    # before a with no lower bound. Sources carry markup characters to test escaping.
    return cr.Chronology(
        events=[
            cr.Event("a", "1945-08-08T23:00", "Europe/Moscow", source="a | b <i>&</i>"),
            cr.Event("b"),
            cr.Event("c"),
        ],
        claims=[
            cr.Before("a", "b", id="b-after", source='"afterwards" | later'),
            cr.Gap("c", "a", "1h", id="c-gap", source="at least an hour before <a>"),
        ],
        title='Half <bounded> & "open"',
    )


# --- the model ------------------------------------------------------------------------------


def test_local_readings_name_the_zone_its_abbreviation_and_date() -> None:
    report = build_report(*_load("august-1945.toml"))
    (moscow,) = report.event("declaration").readings
    assert moscow.text == "23:00-23:01 MSK, 8 Aug 1945 (Europe/Moscow)"
    assert (moscow.start, moscow.end) == ("1945-08-08T23:00", "1945-08-08T23:01")
    (front,) = report.event("invasion").readings
    assert front.text == "00:01-00:02 UTC+10:00, 9 Aug 1945 (front)"
    harbin = build_report(*_load("august-1945-harbin.toml"))
    # Asia/Harbin links to Asia/Shanghai, on China's summer time (CDT, UTC+09:00) in 1945.
    assert harbin.event("invasion").readings[0].text == "23:00-23:31 CDT, 8 Aug 1945 (Asia/Harbin)"


def test_old_style_dates_are_read_with_their_gregorian_equal() -> None:
    # William of Orange landed at Torbay on 5 November 1688 (Julian), 15 November New Style;
    # England kept the Julian calendar until 1752.
    chronology = cr.Chronology(
        events=[cr.Event("torbay", "1688-11-05", "Europe/London", calendar="julian")],
    )
    report = build_report(chronology, chronology.reconcile())
    (reading,) = report.event("torbay").readings
    assert reading.text == "all of 5 Nov 1688 O.S. = 15 Nov 1688 N.S. (Europe/London)"
    assert (reading.start, reading.end) == ("1688-11-15T00:00", "1688-11-16T00:00")


def test_a_reading_on_a_dropped_zone_premise_says_so() -> None:
    # The front's +10:00 is a soft premise here; the Harbin reading of the same invasion
    # (UTC+09:00) contradicts it, and dropping the premise is cheapest.
    front = cr.zone_of_record("front", "+10:00")
    chronology = cr.Chronology(
        events=[cr.Event("invasion")],
        claims=[
            cr.At("invasion", "1945-08-09T00:01", front, id="inv-time", weight=5),
            cr.At("invasion", "1945-08-08T23:30", "Asia/Harbin", id="harbin", weight=5),
        ],
        zones={"front": front},
        zone_weights={"front": 1},
    )
    result = chronology.reconcile()
    assert result.drop == ("zone:front",)
    report = build_report(chronology, result)
    texts = {r.zone: r.text for r in report.event("invasion").readings}
    assert texts["front"].endswith("at the premise's offset, which is dropped")
    assert not texts["Asia/Harbin"].endswith("dropped")
    assert report.claim("zone:front").kind == "zone"
    assert report.claim("zone:front").dropped


def test_the_drop_preface_is_said_once_not_per_verdict() -> None:
    chronology, result = _load("august-1945-harbin.toml")
    assert any(v.explanation.startswith("once inv-time") for v in result.verdicts.values())
    report = build_report(chronology, result)
    assert report.preface == "once inv-time is dropped"
    assert not any(c.explanation.startswith("once ") for c in report.claims)
    for form in ("text", "markdown"):
        assert render(report, form).count("once inv-time is dropped") == 1


def test_conflicts_are_numbered_steps_with_sources_and_zones() -> None:
    chronology, result = _load("august-1945-harbin.toml")
    report = build_report(chronology, result)
    (conflict,) = report.conflicts
    assert conflict.claims == ("inv-time", "msk-11pm", "nearly-six")
    claim_steps = [s for s in conflict.steps if s.claim is not None]
    # The chain ends on the cheapest claim; then the contradiction, on a step of its own.
    assert [s.claim for s in claim_steps] == ["msk-11pm", "nearly-six", "inv-time"]
    for step in claim_steps:
        assert step.claim is not None
        assert step.source == chronology.claims[step.claim].source
    assert conflict.steps[-1].claim is None
    assert conflict.steps[-1].text.startswith("So the invasion was 1945-08-08T14:00Z")
    assert conflict.zones == result.conflicts[0].zones
    assert any("Asia/Harbin" in z for z in conflict.zones)
    assert report.drop == ("inv-time",) and report.exact
    dropped = {c.id for c in report.claims if c.dropped}
    assert dropped == {"inv-time"}


def test_a_half_bounded_event_keeps_its_known_bound() -> None:
    chronology = _half_bounded()
    report = build_report(chronology, chronology.reconcile())
    b, c = report.event("b"), report.event("c")
    a = chronology.events["a"].span
    assert a is not None
    assert (b.lower, b.upper) == (a.start_us + 1, None)
    # c is at least an hour before a: at the latest an hour before a's last instant.
    assert (c.lower, c.upper) == (None, a.end_us - 3600 * 10**6)


@settings(max_examples=40)
@given(chronologies(), st.booleans())
def test_every_report_validates_names_its_claims_and_draws_apart(
    timeline: Timeline, contradict: bool
) -> None:
    claims = list(timeline.claims)
    if contradict and len(timeline.anchored) >= 2:
        # The true instants lie within ten days of each other: a month apart cannot hold.
        first, then = timeline.anchored[:2]
        claims.append(cr.Gap(first, then, "PT720H", id="month-apart", source="a month later"))
    chronology = cr.Chronology(timeline.events, claims, title="drawn")
    result = chronology.reconcile()
    report = build_report(chronology, result)
    assert {c.id for c in report.claims} == set(result.verdicts)
    for e in report.events:
        truth = timeline.truth[e.id]
        if result.consistent:
            assert e.lower is None or e.lower <= truth
            assert e.upper is None or truth < e.upper
    data = json.loads(render(report, "json"))
    jsonschema.validate(data, _SCHEMA, cls=jsonschema.Draft202012Validator)
    svg = timeline_svg(chronology, result)
    words = [_content(t) for t in _texts(svg)]
    assert all(eid in words for eid in chronology.events)
    _assert_apart(_boxes(svg))


# --- text, JSON, Markdown ------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_text_report_quotes_every_source(name: str) -> None:
    chronology, result = _load(name)
    text = render(build_report(chronology, result), "text")
    for cid, claim in chronology.claims.items():
        assert claim.source and claim.source in text, cid
        assert cid in text
    assert "Europe/Moscow" in text and "tzdata " + cr.tzdata_version() in text


@pytest.mark.parametrize("name", FILES)
def test_json_report_validates_against_the_schema(name: str, schema: dict[str, object]) -> None:
    chronology, result = _load(name)
    data = json.loads(render(build_report(chronology, result), "json"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert set(data) == TOP_KEYS
    assert data["schema"] == SCHEMA_VERSION
    assert data["title"] == chronology.title
    assert data["consistent"] is result.consistent and data["exact"] is result.exact
    assert set(data["claims"]) == set(result.verdicts)
    for cid, claim in chronology.claims.items():
        assert data["claims"][cid]["source"] == claim.source
        assert data["claims"][cid]["dropped"] is (cid in result.drop)
    assert data["drop"] == list(result.drop)


def test_json_of_a_half_bounded_event(schema: dict[str, object]) -> None:
    chronology = _half_bounded()
    data = json.loads(render(build_report(chronology, chronology.reconcile()), "json"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    b = data["events"]["b"]
    assert (b["start"], b["end"], b["upper"]) == (None, None, None)
    assert b["lower"] == "1945-08-08T20:00:00.000001Z"
    assert data["events"]["c"]["upper"] == "1945-08-08T19:01:00Z"


def test_schema_requires_exactly_the_design_keys(schema: dict[str, object]) -> None:
    assert set(schema["required"]) == TOP_KEYS  # type: ignore[call-overload]
    assert schema["additionalProperties"] is False
    good = json.loads(render(build_report(*_load("august-1945.toml")), "json"))
    for bad in ({**good, "extra": 1}, {k: v for k, v in good.items() if k != "exact"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)


def _table_rows(markdown: str, header: str) -> list[list[str]]:
    lines = markdown.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith(header))
    assert re.fullmatch(r"\|(---\|)+", lines[start + 1])
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        # Split on pipes not escaped by a backslash.
        rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]])
    return rows


@pytest.mark.parametrize("name", FILES)
def test_markdown_has_events_and_claims_tables(name: str) -> None:
    chronology, result = _load(name)
    markdown = render(build_report(chronology, result), "markdown")
    events = _table_rows(markdown, "| Event |")
    assert [row[0] for row in events] == list(chronology.events)
    claims = _table_rows(markdown, "| Claim |")
    assert len(claims) == len(result.verdicts)
    assert all(len(row) == 7 for row in claims)
    if result.conflicts:
        assert "\n1. " in markdown and "\n4. So the invasion" in markdown


def test_markdown_escapes_pipes_in_cells() -> None:
    chronology = _half_bounded()
    markdown = render(build_report(chronology, chronology.reconcile()), "markdown")
    rows = _table_rows(markdown, "| Claim |")
    assert all(len(row) == 7 for row in rows)
    assert any(
        r"\"afterwards\" \| later" in row[3] or r'"afterwards" \| later' in row[3] for row in rows
    )


def test_unknown_format_is_an_error_that_names_the_choices() -> None:
    report = build_report(*_load("august-1945.toml"))
    with pytest.raises(cr.ChronoError, match=r"unknown report format 'yaml'; expected one of text"):
        render(report, "yaml")
    page = render(report, "html")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "msk-11pm" in page


# --- the timeline --------------------------------------------------------------------------


def _texts(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return list(root.iter(f"{SVG_NS}text"))


def _content(element: ET.Element) -> str:
    # A <title> child holds the full text of a cut label; the label itself is its tail.
    title = element.find(f"{SVG_NS}title")
    return (title.tail if title is not None else element.text) or ""


def _boxes(svg: str) -> list[tuple[float, float, float, float, str]]:
    out = []
    for t in _texts(svg):
        text = _content(t)
        size = float(t.get("font-size", "0"))
        x, y = float(t.get("x", "0")), float(t.get("y", "0"))
        width = len(text) * size * CHAR_EM
        left = {"start": x, "middle": x - width / 2, "end": x - width}[t.get("text-anchor", "")]
        out.append((left, y - 0.8 * size, left + width, y + 0.2 * size, text))
    return out


@pytest.mark.parametrize("name", [*FILES, "half"])
def test_timeline_is_self_contained_svg_naming_every_event(name: str) -> None:
    chronology = _half_bounded() if name == "half" else _load(name)[0]
    svg = timeline_svg(chronology, chronology.reconcile())
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    words = [_content(t) for t in _texts(svg)]
    for eid in chronology.events:
        assert eid in words
    for outside in ("<script", "href", "@import", "url(", "@font-face"):
        assert outside not in svg
    if name == "half":
        assert chronology.title in ET.fromstring(svg).findtext(f"{SVG_NS}title", "")


@pytest.mark.parametrize("name", [*ALL_FILES, "half"])
def test_timeline_labels_never_overlap(name: str) -> None:
    chronology = _half_bounded() if name == "half" else _load(name)[0]
    boxes = _boxes(timeline_svg(chronology, chronology.reconcile()))
    assert len(boxes) > 10
    _assert_apart(boxes)


def _assert_apart(boxes: list[tuple[float, float, float, float, str]]) -> None:
    for k, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= 1200, a
        for b in boxes[k + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (a, b)


def test_timeline_marks_both_dates_in_each_zone() -> None:
    # The August 8/9 split: on front time the invasion fell on 9 August, while in
    # Moscow the declaration six hours later was still on 8 August.
    words = [_content(t) for t in _texts(timeline_svg(*_load("august-1945.toml")))]
    assert words.count("8 Aug 1945") >= 2 and "9 Aug 1945" in words


@given(utc_ranges())
def test_ticks_are_round_increasing_and_few(bounds: tuple[int, int]) -> None:
    lo, hi = bounds
    found = ticks(lo, hi, 10)
    assert 2 <= len(found) <= 10
    ats = [t.at for t in found]
    assert ats == sorted(set(ats)) and lo <= ats[0] and ats[-1] <= hi
    assert all(t.label for t in found)


@pytest.mark.parametrize(
    ("zone", "start", "days", "first_local"),
    [
        # Sao Paulo sprang forward at midnight on 16 Oct 2016: that day began at 01:00.
        ("America/Sao_Paulo", "2016-10-14T12:00Z", 4, "2016-10-16T01:00:00-02:00"),
        # Moscow in August 1945: midnights at 21:00Z.
        ("Europe/Moscow", "1945-08-07T12:00Z", 3, "1945-08-09T00:00:00+03:00"),
    ],
)
def test_local_midnights_begin_each_local_date(
    zone: str, start: str, days: int, first_local: str
) -> None:
    lo = int(cr.parse_instant(start).timestamp()) * 10**6
    hi = lo + days * 86400 * 10**6
    marks = local_midnights(cr.get_zone(zone), lo, hi)
    assert len(marks) == days
    dates = [m.date for m in marks]
    assert all((b - a).days == 1 for a, b in itertools.pairwise(dates))
    locals_ = [cr.to_local(cr.parse_instant(_iso(m.at)), zone).isoformat() for m in marks]
    assert first_local in locals_


def test_a_skipped_day_gives_one_midnight() -> None:
    # Kiritimati skipped 31 Dec 1994 (UTC-10 to UTC+14): 1 Jan 1995 began where 30 Dec ended.
    lo = int(cr.parse_instant("1994-12-29T12:00Z").timestamp()) * 10**6
    marks = local_midnights(cr.get_zone("Pacific/Kiritimati"), lo, lo + 3 * 86400 * 10**6)
    ats = [m.at for m in marks]
    assert len(ats) == len(set(ats))
    assert [m.date.isoformat() for m in marks][-1] == "1995-01-02"
    assert "1994-12-31" not in [m.date.isoformat() for m in marks]


def _iso(micros: int) -> str:
    import datetime as dt

    t = dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=micros)
    return t.isoformat() + "Z"


# --- rendering in a browser ----------------------------------------------------------------


def _png_pixels(data: bytes, max_rows: int) -> tuple[int, int, list[bytes]]:
    """(width, height, first ``max_rows`` rows of RGB(A) bytes) of a non-interlaced 8-bit PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for r in range(min(height, max_rows)):
        kind = raw[r * (stride + 1)]
        line = bytearray(raw[r * (stride + 1) + 1 : (r + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
@pytest.mark.parametrize("name", ALL_FILES)
def test_timeline_renders_in_headless_chromium(name: str, tmp_path: Path) -> None:
    svg = tmp_path / "timeline.svg"
    svg.write_text(timeline_svg(*_load(name)), encoding="utf-8")
    out = tmp_path / "shot.png"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={out}",
            "--window-size=1400,900",
            svg.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    width, height, rows = _png_pixels(out.read_bytes(), 400)
    assert (width, height) == (1400, 900)
    bpp = len(rows[0]) // width
    pixels = {row[i : i + 3] for row in rows for i in range(0, len(row), bpp)}
    assert len(pixels) > 50  # text, bars, bands and lines, not a blank page
    # The left column holds the zone and event labels: dark text pixels must be there.
    dark = sum(
        1 for row in rows[130:340] for i in range(0, 250 * bpp, bpp) if sum(row[i : i + 3]) < 200
    )
    assert dark > 200
