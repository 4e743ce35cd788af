"""Extraction on Dask (`extract.distributed`): partitions read every record once, and a run on a
2-worker LocalCluster gives the rows, counts and skipped records of `claimboard extract --jobs 1`
on generated corpora of each new format (OpenAlex works, Semantic Scholar abstracts), gzipped
and cut into several partitions each; resuming skips what is written.
"""
from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract.cli import main
from extract.distributed import (DatasetStats, extract_to_dataset, partition_papers,
                                 plan_partitions)
from extract.output.schema import COLUMNS
from extract.output.tables import TableError, claims_frame, read_table
from extract.pipeline import RunStats, extract_files
from extract.reading import read_papers

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
SAMPLE = Path(extract.__file__).parent / "data" / "sample" / "hf-daily-papers.txt"

#: Small partitions, so that each generated corpus is cut into several (gzip included).
PARTITION_BYTES = 40_000


def read_all(path: Path):
    skipped = []
    papers = [(p.paper_id, p.line, p.abstract) for p in read_papers(path, on_skip=skipped.append)]
    return papers, [(s.line, s.reason) for s in skipped]


def read_partitioned(path: Path, partition_bytes: int):
    skipped, papers = [], []
    for partition in plan_partitions([path], partition_bytes=partition_bytes):
        papers += [(p.paper_id, p.line, p.abstract)
                   for p in partition_papers(partition, skipped.append)]
    return papers, [(s.line, s.reason) for s in skipped]


# Fixtures of the line formats, damaged ones included (broken JSON, blank lines, no abstract).
LINE_FIXTURES = ["openalex-works.jsonl", "openalex-broken.jsonl", "s2-abstracts.jsonl",
                 "s2-papers.jsonl", "arxiv-snapshot.jsonl", "broken.jsonl"]


@pytest.mark.parametrize("name", LINE_FIXTURES)
@pytest.mark.parametrize("packing", ["plain", "gzip"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(partition_bytes=st.integers(min_value=1, max_value=5_000))
def test_partitions_read_every_record_once_with_the_files_line_numbers(name, packing,
                                                                       partition_bytes, tmp_path):
    path = tmp_path / (name + (".gz" if packing == "gzip" else ""))
    data = (INPUTS / name).read_bytes()
    path.write_bytes(gzip.compress(data) if packing == "gzip" else data)
    assert read_partitioned(path, partition_bytes) == read_all(path)


@pytest.mark.parametrize("name, formats", [
    ("hf-daily-api.json", ["json"]),
    ("arxiv-api.atom", ["atom"]),
    ("papers.csv", ["csv"]),
])
def test_other_formats_are_one_partition_per_file(name, formats):
    plan = plan_partitions([INPUTS / name], partition_bytes=1)
    assert [p.format for p in plan] == formats
    assert [(p.start, p.stop) for p in plan] == [(0, None)]


@pytest.mark.parametrize("name", ["empty.csv", "empty.jsonl", "empty"])
def test_an_empty_file_has_no_partitions(name, tmp_path):
    (tmp_path / name).write_bytes(b"")
    assert plan_partitions([tmp_path / name]) == []


def test_an_unreadable_input_is_refused_before_any_work(tmp_path):
    with pytest.raises(extract.reading.InputError, match="no such file"):
        plan_partitions([INPUTS / "openalex-works.jsonl", tmp_path / "missing.jsonl"])


# ---------------------------------------------------------------------------------------------
# Generated corpora of each new format: the sample's abstracts as OpenAlex works and Semantic
# Scholar abstracts records, a few damaged records among them.


def _sample():
    return list(read_papers(SAMPLE))


def _inverted(text: str) -> dict:
    index: dict[str, list[int]] = {}
    for position, word in enumerate(text.split()):
        index.setdefault(word, []).append(position)
    return index


def openalex_lines(copies: int) -> list[str]:
    lines = []
    for copy in range(copies):
        for number, paper in enumerate(_sample()):
            work = {"id": f"https://openalex.org/W{copy:02d}{number:05d}", "title": paper.title,
                    "display_name": paper.title, "publication_date": "2025-03-10",
                    "abstract_inverted_index": _inverted(paper.abstract)}
            if number % 10 == 0:
                work["doi"] = f"https://doi.org/10.48550/arxiv.25{copy:02d}.{number:05d}"
            lines.append(json.dumps(work))
        lines.append('{"id": "https://openalex.org/W9", "abstract_inverted_index": {"x": [')
        lines.append(json.dumps({"id": "https://openalex.org/W8", "title": "No abstract",
                                 "abstract_inverted_index": None}))
    return lines


def s2_lines(copies: int) -> list[str]:
    lines = []
    for copy in range(copies):
        for number, paper in enumerate(_sample()):
            record = {"corpusid": copy * 1000 + number, "abstract": paper.abstract,
                      "openaccessinfo": {"externalids": {
                          "ArXiv": f"25{copy:02d}.{number:05d}" if number % 7 == 0 else None}}}
            lines.append(json.dumps(record))
        lines.append(json.dumps({"abstract": "A record without corpusid: 3% better."}))
        lines.append("")
    return lines


CORPORA = {"openalex": openalex_lines, "semantic-scholar": s2_lines}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("corpora")
    written = {}
    for name, lines in CORPORA.items():
        path = directory / f"{name}.jsonl.gz"
        path.write_bytes(gzip.compress(("\n".join(lines(3)) + "\n").encode("utf-8")))
        written[name] = path
    return written


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of 2 worker processes, one thread each, as `--dask local` starts on a
    2-core machine."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as connected:
        yield connected


def sorted_rows(frame):
    """Rows sorted as `extract` orders them: paper (input order is not a column, so the id),
    then offset; the remaining columns break ties."""
    order = ["paper_id", "char_start", "char_end", *[c for c in COLUMNS if c not in (
        "paper_id", "char_start", "char_end")]]
    return claims_frame(frame).sort_values(order, kind="stable").reset_index(drop=True)


@pytest.mark.parametrize("name", CORPORA)
def test_a_dask_run_gives_the_rows_of_jobs_1(name, corpora, client, tmp_path):
    path = corpora[name]
    assert [p.format for p in plan_partitions([path])] == [name]
    local = RunStats()
    expected = claims_frame(extract_files([path], jobs=1, stats=local))
    reported = []
    stats = extract_to_dataset([path], tmp_path / "out", client,
                               partition_bytes=PARTITION_BYTES, on_skip=reported.append)
    assert stats.partitions > 2
    dataset = pq.read_table(tmp_path / "out")
    assert dataset.schema.names == list(COLUMNS)
    assert len(list((tmp_path / "out").glob("part-*.parquet"))) == stats.partitions
    # the partitions taken in order are the rows of jobs 1 in its order; sorted, the same too
    in_order = claims_frame(dataset.to_pandas())
    assert in_order.equals(expected)
    assert sorted_rows(in_order).equals(sorted_rows(expected))
    assert (stats.papers, stats.rows) == (local.papers, local.rows)
    assert reported == stats.skipped == local.skipped
    assert len(local.skipped) == 3


def test_a_run_resumes_skipping_written_partitions(corpora, client, tmp_path):
    path, out = corpora["openalex"], tmp_path / "out"
    first = extract_to_dataset([path], out, client, partition_bytes=PARTITION_BYTES)
    again = extract_to_dataset([path], out, client, partition_bytes=PARTITION_BYTES)
    assert again.resumed == again.partitions == first.partitions
    assert dataclasses.astuple(again)[:3] == dataclasses.astuple(first)[:3]
    (out / "_progress" / "part-00001.json").unlink()
    (out / "part-00002.parquet").unlink()
    third = extract_to_dataset([path], out, client, partition_bytes=PARTITION_BYTES)
    assert third.resumed == first.partitions - 2
    assert dataclasses.astuple(third)[:3] == dataclasses.astuple(first)[:3]
    assert claims_frame(pq.read_table(out).to_pandas()).equals(
        claims_frame(extract_files([path])))


@pytest.mark.parametrize("change", ["partition size", "inputs"])
def test_a_directory_of_another_run_is_refused(change, corpora, client, tmp_path):
    out = tmp_path / "out"
    extract_to_dataset([corpora["openalex"]], out, client, partition_bytes=PARTITION_BYTES)
    other = ({"partition_bytes": PARTITION_BYTES * 2} if change == "partition size"
             else {"paths": [corpora["semantic-scholar"]]})
    arguments = {"paths": [corpora["openalex"]], "partition_bytes": PARTITION_BYTES, **other}
    with pytest.raises(TableError, match="another run"):
        extract_to_dataset(arguments.pop("paths"), out, client, **arguments)


def test_a_directory_with_other_files_is_refused(corpora, client, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(TableError, match="not an empty directory"):
        extract_to_dataset([corpora["openalex"]], tmp_path, client)


def test_cli_extract_dask_on_a_scheduler_address(corpora, client, tmp_path, capsys):
    out = tmp_path / "dataset"
    status = main(["extract", str(corpora["semantic-scholar"]), "--dask",
                   client.scheduler.address, "--partition-mb", "0.04", "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    local = RunStats()
    expected = claims_frame(extract_files([corpora["semantic-scholar"]], stats=local))
    assert claims_frame(pq.read_table(out).to_pandas()).equals(expected)
    assert f"claimboard: {local.summary()}" in captured.err
    assert captured.err.count("no corpusid") == 3  # each skipped record warned about once


@pytest.mark.parametrize("argv, words", [
    (["--dask", "local"], "--dask needs -o DIR"),
    (["--dask", "local", "-o", "claims.csv", "--strict"], "claims.csv"),
])
def test_cli_dask_usage_errors(argv, words, corpora, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims.csv").write_text("x", encoding="utf-8")
    assert main(["extract", str(corpora["openalex"]), *argv]) == 2
    assert words in capsys.readouterr().err


def test_dataset_stats_summary_is_the_run_summary():
    assert DatasetStats(papers=2, rows=3).summary() == RunStats(papers=2, rows=3).summary()


def test_a_dataset_reads_back_as_a_claims_table(corpora, client, tmp_path):
    out = tmp_path / "out"
    extract_to_dataset([corpora["openalex"]], out, client, partition_bytes=PARTITION_BYTES)
    first = sorted(out.glob("part-*.parquet"))[0]
    assert list(read_table(first).columns) == list(COLUMNS)
