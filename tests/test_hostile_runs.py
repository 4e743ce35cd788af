"""Hostile inputs to whole `claimboard` runs (issue 14), each run as a real process.

One table: each case builds its files in tmp_path and names the command; the run must end with
the expected exit status and keep the expected rows, within a memory bound (the peak resident
size of the process and its workers, from `os.wait4`) and a timeout. No case asserts how fast a
run is. Cases are named by the issue's item. The cases that need a signal, two runs at once or a
full disk have tests of their own below the table.
"""
from __future__ import annotations

import csv
import functools
import gzip
import io
import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract import stopping
from extract.output.atomic import write_atomically
from extract.pipeline import MAX_CLAIMS_PER_PAPER, extract_files, write_extracted
from extract.reading import MAX_ABSTRACT_CHARS, read_papers
from extract.output.schema import COLUMNS
from extract.output.tables import read_table, write_table

SAMPLE = Path(__file__).resolve().parents[1] / "extract" / "data" / "sample" / "hf-daily-papers.txt"
MB = 1024 * 1024


@dataclass
class Run:
    code: int
    out: bytes
    err: str
    peak_mb: float


#: Runs a command and writes the peak resident size of it and its workers to a file: a small
#: process of its own, since a process forked from pytest counts pytest's pages until it execs.
LAUNCHER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as report:
    report.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code if code >= 0 else 128 - code)
"""


def run_bounded(argv: list[str], cwd: Path, timeout: float, prelude: str = "",
                preexec_fn: Callable | None = None) -> Run:
    """`python -m extract ARGV` (after `prelude`, Python run first) in `cwd`; its exit status,
    output and the peak resident size of it and its workers. Killed (and the test failed) when
    it takes longer than `timeout` seconds."""
    script = f"import sys\n{prelude}\nfrom extract.cli import main\nsys.exit(main(sys.argv[1:]))"
    peak = cwd / ".run-peak"
    with (cwd / ".run-out").open("w+b") as out, (cwd / ".run-err").open("w+b") as err:
        process = subprocess.Popen([sys.executable, "-c", LAUNCHER, peak, sys.executable, "-c",
                                    script, *argv], cwd=cwd, stdout=out, stderr=err,
                                   start_new_session=True, preexec_fn=preexec_fn)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            pytest.fail(f"{argv} ran longer than {timeout} s")
        out.seek(0)
        err.seek(0)
        return Run(process.returncode, out.read(), err.read().decode("utf-8", "replace"),
                   int(peak.read_text()) / 1024)  # kilobytes on Linux


def jsonl(*records: dict) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


def paper(number: int, abstract: str = "Our model reaches 91.5% accuracy on MMLU.",
          title: str | None = None) -> dict:
    return {"id": f"2501.{number:05d}", "title": title or f"Paper {number}", "abstract": abstract}


GOOD = [paper(1), paper(2, "It is 2.5x faster than FlashAttention on H100 GPUs.")]


def sample_jsonl(copies: int) -> bytes:
    """The sample's papers `copies` times, as JSON Lines (many papers with claims)."""
    papers = list(read_papers(SAMPLE))
    return b"".join(json.dumps({"id": f"x{copy}-{n}", "title": p.title, "abstract": p.abstract}
                               ).encode() + b"\n"
                    for copy in range(copies) for n, p in enumerate(papers))


@functools.cache
def sample_claims() -> int:
    """Claims of the sample's papers, as the extractor finds them today."""
    return sum(1 for _ in extract_files([SAMPLE]))


def rows_in(path: Path) -> int:
    return len(read_table(path))


def csv_rows(data: bytes) -> int:
    return max(0, len(list(csv.reader(io.StringIO(data.decode("utf-8"))))) - 1)


# ---------------------------------------------------------------------------------------------
# Each case: files to write, the command, then what the run must come to. `rows` counts the rows
# of `out.csv` (None: no table must be written there; "stdout": the rows printed).


@dataclass
class Case:
    files: Callable[[Path], None]
    argv: list[str]
    code: int
    rows: int | None | tuple[str, int] | Callable[[], int]
    peak_mb: float = 250
    timeout: float = 120
    err: str = ""             # words stderr must hold
    stdout: str = ""          # and stdout
    prelude: str = ""


def write(**files: bytes) -> Callable[[Path], None]:
    def make(directory: Path) -> None:
        for name, data in files.items():
            (directory / name.replace("__", ".")).write_bytes(data)
    return make


def gzip_members(head: bytes, block: bytes, count: int, tail: bytes) -> bytes:
    """gzip of head + block * count + tail, made of members so that no test compresses GBs."""
    packed = gzip.compress(block)
    return gzip.compress(head) + packed * count + gzip.compress(tail)


def claims_csv(**changes: str) -> bytes:
    row = {**dict.fromkeys(COLUMNS, ""), "paper_id": "p1", "title": "T", "kind": "score",
           "subject": "S", "benchmark": "MMLU", "metric": "accuracy", "value": "70",
           "char_start": "1", "char_end": "3", **changes}
    return (",".join(COLUMNS) + "\n" + ",".join(row[c] for c in COLUMNS) + "\n").encode()


def atom_with_links(entries: int, links_per_entry: int) -> bytes:
    parts = [b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n']
    for n in range(entries):
        parts.append(b"<link/>\n" * links_per_entry)
        parts.append(b"<entry><id>http://arxiv.org/abs/2501.%05d</id><title>T %d</title>"
                     b"<summary>It reaches 91.5%% on MMLU.</summary></entry>\n" % (n, n))
    return b"".join(parts) + b"</feed>\n"


SURROGATE_LINE = (b'{"id": "2501.00009", "title": "Lone \\ud800 surrogate", '
                  b'"abstract": "It reaches \\udfff 91.5% on MMLU."}\n')
DEEP = b'{"id": "1", "title": "Deep", "abstract": "1%.", "x": ' + b"[" * 5000 + b"]" * 5000 + b"}"
LIMIT_1MB = "import extract.reading as readers; readers.MAX_RECORD_BYTES = 1 << 20"
RUNAWAY_FIELD = (b'id,title,abstract\n1,"Runaway","' + (b"x" * 1000 + b"\n") * 3000
                 + b'ends 5%."\n2,Good,It reaches 91.5% on MMLU.\n')

CASES = {
    # --- data loss
    "1-output-is-the-jsonl-input": Case(write(in__jsonl=jsonl(*GOOD)),
                                        ["extract", "in.jsonl", "-o", "in.jsonl"], 2, None,
                                        err="is also an input"),
    "1-output-is-the-csv-input-through-a-symlink": Case(
        lambda d: ((d / "in.csv").write_bytes(b"title,abstract\nT,It reaches 5%.\n"),
                   (d / "link.csv").symlink_to(d / "in.csv")),
        ["extract", "in.csv", "-o", "link.csv"], 2, None, err="is also an input"),
    "1-leaderboard-list-onto-its-claims-table": Case(
        write(c__csv=claims_csv()), ["leaderboard", "c.csv", "--list", "-o", "c.csv"], 2, None,
        err="is also an input"),
    "2-planted-partial-symlink-is-not-followed": Case(
        lambda d: ((d / "victim.txt").write_bytes(b"victim\n"),
                   (d / "out.csv.partial").symlink_to(d / "victim.txt"),
                   (d / "in.jsonl").write_bytes(jsonl(*GOOD))),
        ["extract", "in.jsonl", "-o", "out.csv"], 0, 2),
    "4-output-is-a-directory": Case(lambda d: ((d / "out.csv").mkdir(),
                                               (d / "in.jsonl").write_bytes(jsonl(*GOOD))),
                                    ["extract", "in.jsonl", "-o", "out.csv"], 2, None,
                                    err="is a directory"),
    "4-csv-without-abstract-after-a-large-jsonl-fails-first": Case(
        write(big__jsonl=sample_jsonl(50), bad__csv=b"id,title\n1,T\n"),
        ["extract", "big.jsonl", "bad.csv", "-j", "1"], 2, ("stdout", 0), timeout=20,
        err="has no 'abstract' or 'summary' column"),
    # --- resource exhaustion from small inputs
    "5-json-array-of-256-MiB-of-spaces": Case(
        write(bomb__json__gz=gzip_members(b"[", b" " * MB, 256, b"]")),
        ["extract", "bomb.json.gz", "-o", "out.csv"], 0, 0, peak_mb=150),
    "6-one-paragraph-of-50-MB": Case(
        write(page__txt__gz=gzip_members(b"Daily Papers\n\nA Title\n\n", b"word " * 200 + b"\n",
                                         50_000, b"\nTitle Two\n\n" + GOOD[0]["abstract"].encode()
                                         + b" It is a sentence of some length.\n")),
        ["extract", "page.txt.gz", "-o", "out.csv"], 0, 1, peak_mb=150,
        err="paragraph longer than"),
    "7-a-million-bad-lines": Case(write(bad__jsonl__gz=gzip.compress(b"{bad\n" * 1_000_000)),
                                  ["extract", "bad.jsonl.gz", "-o", "out.csv"], 0, 0,
                                  peak_mb=150, err="1,000,000 records skipped (the first 100"),
    "7-512-MiB-of-blank-lines": Case(
        write(blank__jsonl__gz=gzip_members(jsonl(GOOD[0]), b"\n" * MB, 512, jsonl(GOOD[1]))),
        ["extract", "blank.jsonl.gz", "-o", "out.csv"], 0, 2, peak_mb=150, timeout=90),
    "8-jobs-150-is-capped-at-the-cpus": Case(write(in__jsonl=sample_jsonl(3)),
                                            ["extract", "in.jsonl", "-o", "out.csv", "-j", "150"],
                                            0, lambda: 3 * sample_claims(), err="using"),
    "9-atom-with-200k-link-siblings": Case(write(feed__atom=atom_with_links(10_000, 20)),
                                           ["extract", "feed.atom", "-o", "out.csv", "-j", "1"],
                                           0, 10_000, timeout=60),
    "10-claims-of-one-paper-are-bounded": Case(
        write(ones__jsonl=jsonl(paper(1, "1-" * (MAX_ABSTRACT_CHARS // 2 - 1) + "1"))),
        ["extract", "ones.jsonl", "-o", "out.csv"], 0, MAX_CLAIMS_PER_PAPER,
        err=f"1 paper with more than {MAX_CLAIMS_PER_PAPER} claims"),
    # --- crashes that sank a whole run
    "11-lone-surrogate-to-csv-with-jobs-2": Case(
        write(s__jsonl=SURROGATE_LINE + sample_jsonl(3)),
        ["extract", "s.jsonl", "-o", "out.csv", "-j", "2"], 0, lambda: 1 + 3 * sample_claims()),
    "11-lone-surrogate-to-stdout": Case(write(s__jsonl=SURROGATE_LINE), ["extract", "s.jsonl"],
                                        0, ("stdout", 1)),
    "11-lone-surrogate-to-parquet": Case(write(s__jsonl=SURROGATE_LINE),
                                         ["extract", "s.jsonl", "-o", "out.parquet"], 0, None),
    "11-lone-surrogate-to-json-lines": Case(write(s__jsonl=SURROGATE_LINE),
                                            ["extract", "s.jsonl", "-o", "out.jsonl"], 0, None),
    "12-atom-entry-nested-5000-deep": Case(
        write(d__atom=b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Deep</title>'
                      b"<summary>" + b"<b>" * 5000 + b"It reaches 91.5% on MMLU." + b"</b>" * 5000
                      + b"</summary></entry><entry><title>Flat</title><summary>It reaches 92.5% "
                      b"on MMLU.</summary></entry></feed>\n"),
        ["extract", "d.atom", "-o", "out.csv"], 0, 2),
    "12-json-lines-record-nested-5000-deep": Case(write(d__jsonl=DEEP + b"\n" + jsonl(GOOD[0])),
                                                  ["extract", "d.jsonl", "-o", "out.csv"], 0, 1,
                                                  err="nested too deeply"),
    "12-json-array-element-nested-5000-deep": Case(
        write(d__json=b"[" + json.dumps(GOOD[0]).encode() + b", " + DEEP + b"]"),
        ["extract", "d.json", "-o", "out.csv"], 0, 1, err="nested too deeply"),
    "13-char-start-beyond-int64": Case(
        write(c__csv=claims_csv(char_start="99999999999999999999999")),
        ["leaderboard", "c.csv", "-b", "MMLU"], 2, ("stdout", 0),
        err="c.csv:2: column char_start"),
    "13-infinite-value": Case(write(c__csv=claims_csv(value="inf")),
                              ["leaderboard", "c.csv", "-b", "MMLU"], 2, ("stdout", 0),
                              err="is not a finite number"),
    "14-check-with-a-manifest-not-utf8": Case(
        lambda d: ((d / "g").mkdir(), (d / "g" / "manifest.toml").write_bytes(b"\xff\n")),
        ["check", "g"], 2, None, err="not UTF-8 text"),
    "14-check-with-an-empty-manifest": Case(
        lambda d: ((d / "g").mkdir(), (d / "g" / "manifest.toml").write_bytes(b"")),
        ["check", "g", "--ratchet"], 2, None, err="lists no golden files"),
    "15-unterminated-quote-is-not-silent": Case(
        write(q__csv=b'id,title,abstract\n1,"Open,It reaches 5%.\n2,Next,It reaches 6%.\n'),
        ["extract", "q.csv", "-o", "out.csv", "--strict"], 2, 0, err="never closed"),
    "15-runaway-quoted-field-keeps-the-next-row": Case(
        write(q__csv=RUNAWAY_FIELD), ["extract", "q.csv", "-o", "out.csv"], 0, 1,
        prelude=LIMIT_1MB, err="1 record skipped"),
    # --- injection
    "17-formula-subject-in-a-leaderboard-csv": Case(
        write(c__csv=claims_csv(subject="=cmd|' /C calc'!A0")), ["leaderboard", "c.csv", "-b",
                                                                 "MMLU"], 0, ("stdout", 1),
        stdout="1,'=cmd|' /C calc'!A0,70,"),
    "17-formula-titles-are-neutralised": Case(
        write(f__jsonl=jsonl(paper(1, title="=HYPERLINK(\"http://x\")"),
                             paper(2, title="@SUM(1)"))),
        ["extract", "f.jsonl"], 0, ("stdout", 2), stdout="\n2501.00002,'@SUM(1),"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_hostile_run(case: Case, tmp_path):
    case.files(tmp_path)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    run = run_bounded(case.argv, tmp_path, case.timeout, case.prelude)
    assert run.code == case.code, run.err
    assert "Traceback" not in run.err, run.err
    assert case.err in run.err, run.err
    assert case.stdout in run.out.decode("utf-8"), run.out
    assert run.peak_mb < case.peak_mb, f"peak {run.peak_mb:.0f} MB"
    out = tmp_path / "out.csv"
    if isinstance(case.rows, tuple):
        assert csv_rows(run.out) == case.rows[1]
    elif case.rows is None:
        assert not out.is_file()
    else:
        assert rows_in(out) == (case.rows() if callable(case.rows) else case.rows)
    # nothing an input held is lost, nothing temporary is left
    for name, data in before.items():
        if name not in ("out.csv", ".run-out", ".run-err", ".run-peak"):
            assert (tmp_path / name).read_bytes() == data, name
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")
                and not p.is_symlink()]


def test_formula_cells_round_trip_and_raw_csv_writes_them_as_they_are(tmp_path):
    (tmp_path / "f.jsonl").write_bytes(jsonl(paper(1, title="=HYPERLINK(\"http://x\")")))
    neutral = run_bounded(["extract", "f.jsonl", "-o", "out.csv"], tmp_path, 60)
    raw = run_bounded(["extract", "f.jsonl", "--raw-csv"], tmp_path, 60)
    assert neutral.code == raw.code == 0
    titles = [row[1] for row in csv.reader(io.StringIO((tmp_path / "out.csv").read_text()))]
    raw_titles = [row[1] for row in csv.reader(io.StringIO(raw.out.decode()))]
    assert titles[1:] == ["'=HYPERLINK(\"http://x\")"]  # a spreadsheet shows it as text
    assert raw_titles[1:] == ["=HYPERLINK(\"http://x\")"]
    assert set(read_table(tmp_path / "out.csv")["title"]) == {"=HYPERLINK(\"http://x\")"}


# ---------------------------------------------------------------------------------------------
# Runs that end by a signal, two runs at once, a full disk


def temporary_files(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(".partial")]


def start(tmp_path: Path, *argv: str) -> subprocess.Popen:
    # as a terminal starts a command: Ctrl-C not ignored, even where the tests themselves run
    # with SIGINT ignored (a background job of a shell without job control), which the child
    # would inherit, and claimboard rightly leaves an ignored SIGINT ignored
    return subprocess.Popen([sys.executable, "-m", "extract", *argv], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, preexec_fn=_ctrl_c_as_in_a_terminal)


def _ctrl_c_as_in_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for_temporary_file(process: subprocess.Popen, tmp_path: Path) -> None:
    deadline = time.monotonic() + 60
    while not temporary_files(tmp_path):
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.05)


@pytest.mark.parametrize("signum, jobs, code", [
    pytest.param(signal.SIGTERM, "1", 128 + signal.SIGTERM, id="3-sigterm"),
    pytest.param(signal.SIGINT, "2", 130, id="3-ctrl-c-with-jobs-2"),
])
def test_a_stopped_run_leaves_no_temporary_file_and_no_traceback(tmp_path, signum, jobs, code):
    # ~25,000 papers: a run of ten seconds or more, so that it is still going when it is stopped
    # however fast extraction gets (6,000 papers could end within the second waited below)
    (tmp_path / "in.jsonl").write_bytes(sample_jsonl(250))
    process = start(tmp_path, "extract", "in.jsonl", "-o", "out.csv", "-j", jobs, "-q")
    wait_for_temporary_file(process, tmp_path)
    time.sleep(1)  # well into the run: workers started, rows written
    os.killpg(process.pid, signum)  # the terminal sends Ctrl-C to the whole process group
    _, err = process.communicate(timeout=60)
    assert process.returncode == code
    assert b"Traceback" not in err, err.decode()
    assert temporary_files(tmp_path) == [] and not (tmp_path / "out.csv").exists()


class StopInAFinaliser:
    """A stop signal as it arrives during garbage collection: its handler's exception raised
    inside a finaliser, where Python prints it as unraisable and goes on."""

    def __init__(self, signum: int) -> None:
        self.signum = signum

    def __del__(self) -> None:
        stopping.stop(self.signum)


@pytest.mark.parametrize("signum, raised", [
    pytest.param(signal.SIGTERM, stopping.Stopped, id="sigterm"),
    pytest.param(signal.SIGINT, KeyboardInterrupt, id="ctrl-c"),
])
@pytest.mark.parametrize("write", [
    pytest.param(lambda dest: write_extracted([SAMPLE], dest, jobs=1), id="3-a whole run"),
    pytest.param(lambda dest: write_atomically(dest, b"the new table\n"), id="3-one file"),
])
def test_a_stop_lost_in_a_finaliser_still_stops_the_run(tmp_path, write, signum, raised):
    # seen under load: a SIGTERM landing in regex's SetBase.__del__ let the run end with status
    # 0 and a traceback; now it stops the run, keeps the old table and prints nothing
    dest = tmp_path / "out.csv"
    dest.write_text("the old table\n")
    printed, hook = [], sys.unraisablehook
    sys.unraisablehook = printed.append  # what Python would print as "Exception ignored in"
    try:
        with stopping.stoppable():
            StopInAFinaliser(signum)  # collected at once: the exception its finaliser raises is lost
            with pytest.raises(raised):
                write(dest)
    finally:
        sys.unraisablehook = hook
    assert dest.read_text() == "the old table\n" and temporary_files(tmp_path) == [] and printed == []


def test_two_runs_to_one_output_never_mix(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(sample_jsonl(20))
    (tmp_path / "b.jsonl").write_bytes(jsonl(*GOOD))
    first = start(tmp_path, "extract", "a.jsonl", "-o", "out.csv", "-j", "1")
    second = start(tmp_path, "extract", "b.jsonl", "-o", "out.csv", "-j", "1")
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    written = (tmp_path / "out.csv").read_bytes()
    tables = [run_bounded(["extract", name], tmp_path, 120).out for name in ("a.jsonl", "b.jsonl")]
    assert written in tables  # one whole table, not a mixture
    assert temporary_files(tmp_path) == []


def limit_file_size() -> None:
    """A full disk, for the run: writing past 8 kB fails (Python ignores SIGXFSZ)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))


@pytest.mark.parametrize("name", ["out.csv", "out.csv.gz", "out.parquet"])
def test_a_full_disk_leaves_no_file_and_names_it(tmp_path, name):
    (tmp_path / "in.jsonl").write_bytes(sample_jsonl(10))
    run = run_bounded(["extract", "in.jsonl", "-o", name, "-j", "1"], tmp_path, 120,
                      preexec_fn=limit_file_size)
    assert run.code == 2, run.err
    assert run.err.startswith(f"claimboard: error: {name}: cannot write: File too large"), run.err
    assert temporary_files(tmp_path) == [] and not (tmp_path / name).exists()


def test_a_written_file_has_the_usual_permissions(tmp_path):
    (tmp_path / "in.jsonl").write_bytes(jsonl(*GOOD))
    assert run_bounded(["extract", "in.jsonl", "-o", "out.csv"], tmp_path, 60).code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "out.csv").stat().st_mode & 0o777 == 0o666 & ~umask


def test_writing_a_table_to_an_existing_file_replaces_it(tmp_path):
    write_table([], tmp_path / "out.csv")
    (tmp_path / "in.jsonl").write_bytes(jsonl(*GOOD))
    assert run_bounded(["extract", "in.jsonl", "-o", "out.csv"], tmp_path, 60).code == 0
    assert rows_in(tmp_path / "out.csv") == 2
