"""The command line as a user runs it: a subprocess on the bundled examples and broken files.

The examples are docs/examples/ (each claim's source named there): the August 1945 claims
under front time (consistent) and under Asia/Harbin (a conflict), the May 1945 surrender
(23:01 CET on 8 May: still 8 May in New York, 9 May in London and Moscow) and Pearl Harbor
(07:48 on 7 December 1941 in Hawaii, then at UTC-10:30: 8 December in Tokyo). The broken
files in tests/data/broken/ hold one kind of mistake each.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

import chronoreconcile as cr
from chronoreconcile import cli
from chronoreconcile._report import schema_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"
BROKEN = ROOT / "tests" / "data" / "broken"
# name -> (exit status, text the report must contain)
EXPECTED = {
    "august-1945.toml": (0, ["Consistent", "'On August 9, 1945, just after midnight in Manchuria"]),
    "august-1945-harbin.toml": (1, ["Suggested drop: inv-time", "(source: 'presented to the"]),
    "august-1945-phrases.toml": (
        0,
        ["Consistent", "consistent as long as 'nearly six hours later'"],
    ),
    "august-1945-phrases-harbin.toml": (1, ["suggested drop: inv-time", "conflicts unless"]),
    "may-1945-surrender.toml": (
        0,
        [
            "00:01-00:02 BDST, 9 May 1945 (Europe/London)",
            "18:01-18:02 EWT, 8 May 1945",
            "Churchill",
        ],
    ),
    "pearl-harbor-1941.toml": (
        0,
        [
            "07:48-07:49 HST, 7 Dec 1941 (Pacific/Honolulu)",
            "03:18-03:19 JST, 8 Dec 1941",
            "Roosevelt",
        ],
    ),
}
# One expected piece of the message for each broken file: what is wrong, in the file's words.
BROKEN_FILES = {
    "bad-date.toml": "events[0] (id 'declaration'): cannot read '1945-13-08': month 13",
    "bad-duration.toml": "claims[0]: cannot read '1 month'",
    "bad-weight.toml": "key 'weight' must be a positive number (inf for one that must hold), got -2",
    "duplicate-id.toml": "the id 'declaration' is already used by events[0]",
    "empty.toml": "the file is empty",
    "four-problems.toml": "4 problems: events[0] (id 'declaration'): unknown key 'wen'",
    "malformed.json": "malformed JSON",
    "malformed.toml": "malformed TOML",
    "missing-key.toml": "claims[0] (id 'decl-time'): missing key 'at_least'",
    "no-claims.toml": "no claims: nothing to check",
    "not-utf8.toml": "not UTF-8 text",
    "number-for-time.toml": "expected a local time as quoted text, got 1945",
    "offset-and-zone.toml": "carries its own offset and zone 'Europe/Moscow' was given too",
    "only-comments.toml": "the file is empty",
    "skipped-time.toml": "give disambiguation = 'earlier', 'later' or 'compatible'",
    "time-for-date.toml": 'a date claim takes a date; use type = "at" for a time of day',
    "unknown-claim-type.toml": "unknown claim type 'sometime'",
    "unknown-event.toml": "key 'then' names the unknown event 'declaration'",
    "unknown-key.toml": "unknown key 'wen'",
    "unknown-zone.toml": "did you mean 'Europe/Moscow'?",
    "weight-as-text.json": "got 'heavy'",
    "zone-offset-and-periods.toml": "zones.front: give offset or periods, not both",
    "zone-offset-out-of-range.toml": "zones.front: offset '+31:00' is out of range",
}
# Python's words that must never reach a user of the file format.
PYTHON_WORDS = ("Traceback", "math.inf", "use At", "datetime.", "None", "Error:")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONTZPATH": ""}
    return subprocess.run(
        [sys.executable, "-m", "chronoreconcile", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


_SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))


def test_every_bundled_example_is_tested() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.toml")) == sorted(EXPECTED)


def test_every_broken_file_is_tested() -> None:
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(BROKEN_FILES)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_on_each_example_quotes_sources_and_exits_by_verdict(name: str) -> None:
    status, pieces = EXPECTED[name]
    done = run("check", f"docs/examples/{name}")
    assert (done.returncode, done.stderr) == (status, "")
    for piece in pieces:
        assert piece in done.stdout
    chronology = cr.Chronology.from_file(EXAMPLES / name)
    # Every claim's source is quoted in the report.
    for claim in chronology.claims.values():
        assert claim.source is not None
        assert " ".join(claim.source.split()[:6]) in " ".join(done.stdout.split())


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_json_report_of_each_example_validates_against_the_schema(name: str) -> None:
    done = run("check", f"docs/examples/{name}", "--format", "json")
    assert done.returncode == EXPECTED[name][0]
    report = json.loads(done.stdout)
    jsonschema.validate(report, _SCHEMA)
    chronology = cr.Chronology.from_file(EXAMPLES / name)
    assert set(report["events"]) == set(chronology.events)
    for cid, claim in chronology.claims.items():
        assert report["claims"][cid]["source"] == claim.source


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markdown_and_html_reports(fmt: str) -> None:
    done = run("check", "docs/examples/may-1945-surrender.toml", "--format", fmt)
    assert (done.returncode, done.stderr) == (0, "")
    if fmt == "markdown":
        assert done.stdout.startswith("# The German surrender takes effect, 8/9 May 1945\n")
        assert "| Claim | Says | Verdict | Source |" in done.stdout
    else:
        assert done.stdout.startswith("<!DOCTYPE html>")
        assert "<svg" in done.stdout


@pytest.mark.slow
def test_several_files_and_stdin() -> None:
    text = (EXAMPLES / "august-1945.toml").read_text(encoding="utf-8")
    done = run("check", "-", "docs/examples/august-1945-harbin.toml", stdin=text)
    # One of the two has a conflict: exit 1; both reports are printed.
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.count("Soviet entry into the war against Japan") == 2
    both = run("check", "-", "docs/examples/pearl-harbor-1941.toml", "--format", "json", stdin=text)
    reports = json.loads(both.stdout)
    assert [r["consistent"] for r in reports] == [True, True]
    for report in reports:
        jsonschema.validate(report, _SCHEMA)


@pytest.mark.slow
def test_a_bad_file_among_good_ones_exits_2_and_the_good_ones_are_reported() -> None:
    done = run("check", "docs/examples/august-1945.toml", "tests/data/broken/missing-key.toml")
    assert done.returncode == 2
    assert "Consistent" in done.stdout
    assert done.stderr.count("\n") == 1


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BROKEN_FILES))
def test_each_broken_file_gives_one_line_and_status_2(name: str) -> None:
    done = run("check", f"tests/data/broken/{name}")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("chronoreconcile: error: ")
    assert name in lines[0]
    assert BROKEN_FILES[name] in lines[0]
    for word in PYTHON_WORDS:
        assert word not in lines[0]


@pytest.mark.slow
def test_version_names_the_package_and_zone_data_release() -> None:
    done = run("--version")
    assert done.returncode == 0
    assert (
        done.stdout
        == f"chronoreconcile {cr.__version__} (zone data: tzdata {cr.tzdata_version()})\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["frobnicate"],
        ["check", "docs/examples/august-1945.toml", "--format", "pdf"],
        ["when", "1945-05-08T23:01"],
    ],
)
def test_usage_errors_are_one_line(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("chronoreconcile: error: ")
    assert "usage:" not in done.stderr


@pytest.mark.slow
def test_when_with_negative_offsets_in_both_spellings() -> None:
    # 18:01 at -05:00 on 8 May 1945 is 23:01Z: 01:01 on 9 May in London (double summer time).
    spaced = run("when", "1945-05-08T18:01", "--zone", "-05:00", "--in", "Europe/London", "-04:00")
    joined = run("when", "1945-05-08T18:01", "--zone=-05:00", "--in", "Europe/London", "-04:00")
    assert (spaced.returncode, spaced.stderr) == (0, "")
    assert spaced.stdout == joined.stdout
    lines = spaced.stdout.splitlines()
    assert lines[0] == "1945-05-08T18:01 in -05:00 is 1945-05-08T23:01:00+00:00"
    assert lines[1].split() == [
        "Europe/London",
        "1945-05-09",
        "01:01",
        "UTC+02:00",
        "BDST",
        "9",
        "May",
        "1945",
    ]
    assert lines[2].split() == ["-04:00", "1945-05-08", "19:01", "UTC-04:00", "8", "May", "1945"]


@pytest.mark.slow
def test_when_as_json() -> None:
    # Pearl Harbor: 07:48 in Hawaii (UTC-10:30 in 1941) was 03:18 on 8 December in Tokyo.
    done = run(
        "when",
        "1941-12-07T07:48",
        "--zone",
        "Pacific/Honolulu",
        "--in",
        "Asia/Tokyo",
        "--format",
        "json",
    )
    assert done.returncode == 0
    document = json.loads(done.stdout)
    assert document["instant"] == "1941-12-07T18:18:00Z"
    (tokyo,) = document["in"]
    assert tokyo == {
        "zone": "Asia/Tokyo",
        "local": "1941-12-08T03:18",
        "offset": "+09:00",
        "abbreviation": "JST",
        "date": "1941-12-08",
        "day": "8 Dec 1941",
        "text": "1941-12-08T03:18:00+09:00[Asia/Tokyo]",
    }


@pytest.mark.slow
def test_a_bad_zone_in_when_is_one_line() -> None:
    done = run("when", "1945-05-08T23:01", "--zone", "+01:00", "--in", "Europe/Moskow")
    assert done.returncode == 2
    assert done.stderr == (
        "chronoreconcile: error: unknown zone 'Europe/Moskow'; did you mean 'Europe/Moscow'?\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize("args", [["check", "docs/examples/august-1945.toml"], [], ["--help"]])
def test_a_closed_pipe_is_silent(args: list[str]) -> None:
    # As `chronoreconcile ... | head -1`: the reader goes away after one line.
    env = {**os.environ, "PYTHONTZPATH": ""}
    command = [sys.executable, "-m", "chronoreconcile", *args]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        # Closed before the program writes (its imports take longer): its first write fails.
        proc.stdout.close()
        error = proc.stderr.read()
        proc.wait(timeout=120)
    assert error == b""


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_timeline_writes_svg_naming_every_event(name: str, tmp_path: Path) -> None:
    out = tmp_path / "timeline.svg"
    done = run("timeline", f"docs/examples/{name}", "-o", str(out))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    root = ET.fromstring(out.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    titles = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}title"))
    for event in cr.Chronology.from_file(EXAMPLES / name).events.values():
        assert (event.label or event.id) in texts + " " + titles


def test_main_in_process_returns_the_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(EXAMPLES / "august-1945-harbin.toml"), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["drop"] == ["inv-time"]
    assert cli.main(["check", str(BROKEN / "four-problems.toml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "4 problems:" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_progress_shows_on_a_terminal_for_big_files_only(
    terminal: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm")
    # The threshold lowered so the August file (four claims) counts as big.
    monkeypatch.setattr(cli, "PROGRESS_THRESHOLD", 3)
    err = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["check", str(EXAMPLES / "august-1945.toml")]) == 0
    assert "Consistent" in capsys.readouterr().out
    if terminal:
        assert "(4 claims)" in err.getvalue() and "2/2" in err.getvalue()
    else:
        assert err.getvalue() == ""
    monkeypatch.setattr(cli, "PROGRESS_THRESHOLD", 4)
    err.seek(0)
    err.truncate()
    assert cli.main(["check", str(EXAMPLES / "august-1945.toml")]) == 0
    assert err.getvalue() == ""
