"""The extraction pipeline: same output whatever the jobs, input order, skipped records."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import extract.engine.claims
import extract.pipeline as pipeline
from extract.pipeline import RunStats, extract_files, load_claims
from extract.reading import InputError, read_papers
from extract.output.schema import COLUMNS, Paper
from extract.output.tables import write_table

SAMPLE = Path(extract.__file__).parent / "data" / "sample" / "hf-daily-papers.txt"

# arXiv-metadata-style JSON Lines with two broken records among three good ones.
JSONL_WITH_BROKEN_RECORDS = "\n".join([
    json.dumps({"id": "2501.00001", "title": "Alpha", "abstract": "Alpha reaches 91.5% accuracy."}),
    '{"id": "2501.00002", "title": "Broken JSON", ',
    json.dumps({"id": "2501.00003", "title": "Beta", "abstract": "Beta gets 12% and 7.5%."}),
    json.dumps({"id": "2501.00004", "title": "No abstract"}),
    json.dumps({"id": "2501.00005", "title": "Gamma", "abstract": "No numbers here."}),
]) + "\n"


@pytest.fixture
def broken_jsonl(tmp_path) -> Path:
    path = tmp_path / "papers.jsonl"
    path.write_text(JSONL_WITH_BROKEN_RECORDS, encoding="utf-8")
    return path


def _csv_of(rows) -> str:
    buffer = io.StringIO()
    write_table(rows, buffer)
    return buffer.getvalue()


def test_parallel_output_is_byte_identical(monkeypatch):
    # Small chunks, so that the 103 sample papers make enough of them for a pool of workers.
    monkeypatch.setattr(pipeline, "CHUNK_SIZE", 16)
    serial_stats, parallel_stats = RunStats(), RunStats()
    serial = _csv_of(extract_files([SAMPLE], jobs=1, stats=serial_stats))
    parallel = _csv_of(extract_files([SAMPLE], jobs=2, stats=parallel_stats))
    assert serial == parallel
    assert serial_stats.papers == parallel_stats.papers == 103
    assert serial_stats.papers > pipeline.CHUNK_SIZE * pipeline.POOL_MIN_CHUNKS  # pool used
    assert serial_stats.rows == parallel_stats.rows


def _one_row_per_digit_backwards(paper: Paper) -> list[dict]:
    """A stand-in extractor, independent of the real rules: a row per digit, last one first."""
    rows = []
    for start, char in enumerate(paper.abstract):
        if char.isdigit():
            rows.append({**dict.fromkeys(COLUMNS), "paper_id": paper.paper_id,
                         "title": paper.title, "kind": "score", "value": float(char),
                         "char_start": start, "char_end": start + 1})
    return rows[::-1]


@pytest.fixture
def digit_extractor(monkeypatch):
    monkeypatch.setattr(extract.engine.claims, "extract_paper", _one_row_per_digit_backwards)


def test_rows_come_in_paper_order_then_char_start(digit_extractor):
    papers = list(read_papers(SAMPLE))
    rows = list(extract_files([SAMPLE]))
    paper_order = {paper.paper_id: number for number, paper in enumerate(papers)}
    keys = [(paper_order[row["paper_id"]], row["char_start"]) for row in rows]
    assert keys == sorted(keys)
    assert len(keys) == sum(char.isdigit() for paper in papers for char in paper.abstract)


def test_files_are_read_in_the_order_given(digit_extractor, broken_jsonl):
    rows = list(extract_files([broken_jsonl, SAMPLE, broken_jsonl], on_skip=lambda r: None))
    ids = [row["paper_id"] for row in rows]
    alpha_beta = ["2501.00001"] * 3 + ["2501.00003"] * 4  # 91.5 and 12, 7.5: a row per digit
    assert ids[:7] == alpha_beta and ids[-7:] == alpha_beta
    assert not any(pid.startswith("2501.") for pid in ids[7:-7])


def test_skipped_records_are_counted_and_reported(digit_extractor, broken_jsonl):
    reported = []
    stats = RunStats()
    rows = list(extract_files([broken_jsonl], on_skip=reported.append, stats=stats))
    assert [(r.source, r.line) for r in stats.skipped] == [(str(broken_jsonl), 2),
                                                          (str(broken_jsonl), 4)]
    assert reported == stats.skipped
    assert (stats.papers, stats.rows) == (3, len(rows))
    assert stats.summary() == f"3 papers, {len(rows)} claims, 2 records skipped"


def test_a_paper_the_extractor_fails_on_is_skipped_not_fatal(monkeypatch, broken_jsonl):
    def fails_on_beta(paper: Paper) -> list[dict]:
        if paper.title == "Beta":
            raise RuntimeError("rule blew up")
        return _one_row_per_digit_backwards(paper)

    monkeypatch.setattr(extract.engine.claims, "extract_paper", fails_on_beta)
    stats = RunStats()
    rows = list(extract_files([broken_jsonl], on_skip=lambda r: None, stats=stats))
    assert all(row["title"] != "Beta" for row in rows)
    assert stats.papers == 2
    assert str(stats.skipped[-1]) == (f"{broken_jsonl}:3: extractor failed: RuntimeError: "
                                      "rule blew up")


def test_unreadable_file_fails_before_any_row(tmp_path):
    with pytest.raises(InputError, match="absent.jsonl"):
        extract_files([SAMPLE, tmp_path / "absent.jsonl"])  # raised by the call, not later


def test_progress_bar_goes_to_stderr(capsys):
    rows = list(extract_files([SAMPLE], progress=True))
    captured = capsys.readouterr()
    assert rows and captured.out == ""
    assert "103 papers" in captured.err


def test_work_in_flight_is_bounded():
    pulled = 0

    def papers():
        nonlocal pulled
        for number in range(1000 * pipeline.CHUNK_SIZE):
            pulled += 1
            yield Paper(f"p{number}", "T", "It reaches 50% accuracy.")

    rows = pipeline.extract_papers(papers(), jobs=2)
    assert next(rows)["paper_id"] == "p0"
    # Taken so far: the look-ahead and one window of work in flight, not the whole input.
    chunks = max(pipeline.POOL_MIN_CHUNKS, 2 * pipeline.CHUNKS_AHEAD_PER_JOB)
    assert pulled == chunks * pipeline.CHUNK_SIZE
    rows.close()


def test_extract_papers_gives_the_rows_extract_files_gives():
    assert list(pipeline.extract_papers(read_papers(SAMPLE))) == list(extract_files([SAMPLE]))


def test_load_claims_reads_tables_and_extracts_corpora(digit_extractor, tmp_path,
                                                       broken_jsonl):
    table = tmp_path / "claims.parquet"
    write_table([{"paper_id": "from-table", "kind": "score", "value": 1.5}], table)
    claims = load_claims([table, broken_jsonl], on_skip=lambda r: None)
    assert list(claims.columns) == list(COLUMNS)
    assert claims["paper_id"].iloc[0] == "from-table"
    assert list(claims["paper_id"].iloc[1:]) == ["2501.00001"] * 3 + ["2501.00003"] * 4
    assert str(claims["value"].dtype) == "float64"


def test_load_claims_of_nothing_is_an_empty_table():
    claims = load_claims([])
    assert claims.empty and list(claims.columns) == list(COLUMNS)


# The default (no --jobs): workers only for inputs large enough to gain, and the run says so.
# (DEFAULT_POOL_MIN_PAPERS is lowered so that the sample's 103 papers cross it.)
@pytest.mark.parametrize("threshold, jobs, says", [
    (1_000, None, "one process (the input has fewer than 1,000 papers"),
    (32, None, "worker processes (one per CPU; the input has 32 papers or more)"),
    (32, 1, ""),
    (32, 2, ""),
])
def test_default_parallelism_needs_a_large_input_and_says_so(monkeypatch, threshold, jobs,
                                                             says):
    monkeypatch.setattr(pipeline, "CHUNK_SIZE", 16)
    monkeypatch.setattr(pipeline, "DEFAULT_POOL_MIN_PAPERS", threshold)
    monkeypatch.setattr(pipeline, "default_jobs", lambda: 2)
    stats = RunStats()
    rows = _csv_of(extract_files([SAMPLE], jobs=jobs, stats=stats))
    assert rows == _csv_of(extract_files([SAMPLE], jobs=1))
    assert says in stats.parallelism and bool(says) == bool(stats.parallelism)
    if "worker" in says:
        assert stats.parallelism.startswith("2 worker processes")


def test_the_cli_says_how_the_default_ran(capsys, tmp_path):
    from extract.cli import main

    assert main(["extract", str(SAMPLE), "-o", str(tmp_path / "claims.csv")]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("claimboard: extracted in one process (the input has fewer than")
    assert lines[-1].startswith("claimboard: 103 papers, ")
# --- limits (issue 14) -----------------------------------------------------------------------

def test_claims_per_paper_are_cut_to_the_limit_and_counted(digit_extractor, monkeypatch,
                                                           broken_jsonl):
    monkeypatch.setattr(pipeline, "MAX_CLAIMS_PER_PAPER", 2)
    stats = RunStats()
    rows = list(extract_files([broken_jsonl], on_skip=lambda r: None, stats=stats))
    per_paper = [row["paper_id"] for row in rows]
    # Alpha "91.5" has 3 digits, Beta "12" and "7.5" 4: each cut to its first 2, Gamma has none
    assert per_paper == ["2501.00001"] * 2 + ["2501.00003"] * 2
    assert [row["char_start"] for row in rows] == sorted(row["char_start"] for row in rows[:2]) + \
        sorted(row["char_start"] for row in rows[2:])
    assert stats.truncated == 2 and stats.rows == 4


def test_skipped_records_are_counted_and_only_the_first_kept(monkeypatch, tmp_path):
    monkeypatch.setattr(pipeline, "MAX_SKIPPED_REPORTED", 3)
    path = tmp_path / "bad.jsonl"
    path.write_text("{bad\n" * 10, encoding="utf-8")
    reported, stats = [], RunStats()
    assert list(extract_files([path], on_skip=reported.append, stats=stats)) == []
    assert [r.line for r in reported] == [1, 2, 3] and reported == stats.skipped
    assert stats.skipped_count == 10
    assert stats.summary() == "0 papers, 0 claims, 10 records skipped (the first 3 listed)"


@pytest.mark.parametrize("jobs", [None, 1, 10_000])
def test_jobs_never_exceed_the_usable_cpus(jobs):
    assert 1 <= pipeline.capped_jobs(jobs) <= pipeline.usable_cpus()
