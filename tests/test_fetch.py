"""Inputs given as URLs (`extract.fetch`), against a local server answering in the formats of the
Hugging Face Daily Papers API and the arXiv API (fixtures in tests/fixtures/api/, written from
their documentation): slow, failing and malformed responses, a cache, and no network at all.

Nothing here leaves the machine: every URL is on 127.0.0.1.
"""
from __future__ import annotations

import dataclasses
import gzip
import warnings

import pytest

from api_server import ApiServer, Reply, closed_port_url, fixture_reply
from extract.cli import main
from extract.fetch import (CACHE_DIR_VARIABLE, FetchError, FetchPolicy, StaleCopyWarning,
                           cache_dir, daily_url, fetch, read_url, save)
from extract.inputs import read_papers
from extract.pipeline import RunStats, extract_files
from extract.reading import InputError

DAY = "/api/daily_papers?date=2025-03-10"
QUERY = "/api/query?id_list=2503.06749,hep-th/9711200"
ATOM = "application/atom+xml; charset=utf-8"

HF_DAY = fixture_reply("hf-daily-2025-03-10.json")
ARXIV = fixture_reply("arxiv-query.atom", ATOM)

#: Patient enough for a local server, quick to give up: tests wait fractions of a second.
QUICK = FetchPolicy(timeout=0.5, retries=2, backoff=0.01)


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    """Every test gets its own cache directory, through the documented variable."""
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(directory))
    return directory


def papers_of(url: str, policy: FetchPolicy = QUICK):
    skipped = []
    papers = list(read_url(url, on_skip=skipped.append, policy=policy))
    return [p.paper_id for p in papers], [s.reason for s in skipped], papers


# (case, script for the path, ids read, how often the server was asked)
ANSWERED = [
    ("docs: a day of HF Daily Papers", DAY, [HF_DAY], ["2503.06749", "2503.05592"], 1),
    ("docs: an arXiv API query", QUERY, [ARXIV], ["2503.06749", "hep-th/9711200"], 1),
    ("failing: 503 twice, then the day", DAY, [Reply(503), Reply(503), HF_DAY],
     ["2503.06749", "2503.05592"], 3),
    ("failing: 502, then the query", QUERY, [Reply(502, content_type=ATOM), ARXIV],
     ["2503.06749", "hep-th/9711200"], 2),
    ("failing: 429 with Retry-After, then the day", DAY,
     [Reply(429, headers=(("Retry-After", "0"),)), HF_DAY], ["2503.06749", "2503.05592"], 2),
    ("slow: the first answer too late, the second in time", DAY,
     [dataclasses.replace(HF_DAY, delay=5.0), HF_DAY], ["2503.06749", "2503.05592"], 2),
    ("docs: a day without papers (weekend)", DAY, [Reply(200, b"[]")], [], 1),
]


@pytest.mark.parametrize("case, path, script, ids, asked", ANSWERED, ids=[c[0] for c in ANSWERED])
def test_answers_are_read_after_retries(case, path, script, ids, asked):
    with ApiServer({path: script}) as server:
        found, skipped, papers = papers_of(server.url(path))
    assert (found, skipped) == (ids, [])
    assert server.requests[path] == asked
    assert {p.source for p in papers} <= {server.url(path)}


# (case, script, words of the error)
REFUSED = [
    ("failing: 503 every time", [Reply(503)], "HTTP 503 Service Unavailable after 3 tries"),
    ("docs: no such path", [Reply(404, b'{"error": "Not Found"}')], "HTTP 404 Not Found"),
    ("slow: never in time", [dataclasses.replace(HF_DAY, delay=5.0)], "did not answer within 0.5 s"),
    ("malformed: an HTML page", [Reply(200, b"<!doctype html><html><body>Papers</body></html>",
                                       "text/html")], "an HTML page"),
    ("malformed: binary", [Reply(200, bytes(range(256)) * 8, "application/octet-stream")],
     "not a text file"),
    ("malformed: JSON that holds no papers", [Reply(200, b'"maintenance"')],
     "cannot tell the format"),
]


@pytest.mark.parametrize("case, script, reason", REFUSED, ids=[c[0] for c in REFUSED])
def test_unreadable_answers_are_one_error_naming_the_url(case, script, reason, cache):
    with ApiServer({DAY: script}) as server:
        with pytest.raises(InputError) as raised:
            papers_of(server.url(DAY))
    assert str(raised.value).startswith(f"{server.url(DAY)}: ")
    assert reason in str(raised.value)
    assert "\n" not in str(raised.value)
    assert not list(cache.glob("*.body")), "nothing unreadable is kept in the cache"


# (case, body, ids read, words of the skipped records' reasons)
DAMAGED = [
    ("malformed: JSON cut short", HF_DAY.body[:len(HF_DAY.body) * 2 // 3], ["2503.06749"],
     ["invalid or truncated JSON"]),
    ("malformed: an item without summary", b'[{"paper": {"id": "2503.1", "title": "T"}}]', [],
     ["no abstract"]),
    ("docs: an arXiv error feed", fixture_reply("arxiv-error.atom").body, [],
     ["arXiv API error entry: incorrect id format"]),
]


@pytest.mark.parametrize("case, body, ids, reasons", DAMAGED, ids=[c[0] for c in DAMAGED])
def test_damaged_answers_skip_records_with_the_url_and_line(case, body, ids, reasons):
    with ApiServer({DAY: [Reply(200, body)]}) as server:
        found, skipped, _ = papers_of(server.url(DAY))
    assert found == ids
    assert len(skipped) == len(reasons)
    assert all(words in reason for words, reason in zip(reasons, skipped))


def test_offline_is_one_clear_error():
    url = closed_port_url()
    with pytest.raises(FetchError) as raised:
        fetch(url, QUICK)
    assert raised.value.offline
    assert str(raised.value).startswith(f"{url}: cannot reach 127.0.0.1 (offline")
    assert "Connection refused" in str(raised.value)


def test_a_fresh_copy_is_used_without_asking_again():
    with ApiServer({DAY: [HF_DAY]}) as server:
        first = papers_of(server.url(DAY))[0]
        again = papers_of(server.url(DAY))[0]
        assert server.requests[DAY] == 1
        papers_of(server.url(DAY), dataclasses.replace(QUICK, max_age=0))
        assert server.requests[DAY] == 2
    assert first == again


def test_an_old_copy_is_used_with_a_warning_when_the_server_is_gone(cache):
    with ApiServer({DAY: [HF_DAY]}) as server:
        url = server.url(DAY)
        kept = papers_of(url)[0]
    with pytest.warns(StaleCopyWarning, match="cannot reach 127.0.0.1"):
        again = papers_of(url, dataclasses.replace(QUICK, max_age=0))[0]
    assert again == kept


def test_the_cache_is_where_the_variable_says(cache):
    assert cache_dir() == cache
    with ApiServer({DAY: [HF_DAY]}) as server:
        papers_of(server.url(DAY))
    assert len(list(cache.glob("*.body"))) == 1


def test_a_gzipped_answer_is_read(cache):
    with ApiServer({DAY: [Reply(200, gzip.compress(HF_DAY.body), "application/gzip")]}) as server:
        assert papers_of(server.url(DAY))[0] == ["2503.06749", "2503.05592"]


def test_read_papers_and_extract_files_take_a_url():
    with ApiServer({QUERY: [ARXIV]}) as server:
        assert [p.paper_id for p in read_papers(server.url(QUERY))] == ["2503.06749",
                                                                         "hep-th/9711200"]
        stats = RunStats()
        rows = list(extract_files([server.url(QUERY)], stats=stats))
    assert stats.papers == 2
    assert {row["paper_id"] for row in rows} == {"2503.06749"}


def test_the_readers_alone_refuse_a_url_and_say_what_reads_it():
    # the readers do not fetch (the fetcher reads its copies with them): a URL given to them
    # is an InputError naming it, never a search for a file called "https:"
    import extract.reading

    with pytest.raises(InputError, match=r"^https://example\.org/x\.json: a URL, not a file: "
                                         r"read it with extract\.read_papers"):
        extract.reading.read_papers("https://example.org/x.json")


@pytest.mark.parametrize("date, url", [
    ("2025-03-10", "https://huggingface.co/api/daily_papers?date=2025-03-10"),
])
def test_daily_url(date, url):
    assert daily_url("hf-daily", date) == url


@pytest.mark.parametrize("date", ["2025-3-10", "yesterday", "2025-02-30", "2025-03-10&x=1"])
def test_daily_url_refuses_what_is_not_a_date(date):
    with pytest.raises(ValueError):
        daily_url("hf-daily", date)


def test_save_writes_the_answer_as_it_came(tmp_path):
    with ApiServer({DAY: [HF_DAY]}) as server:
        saved = save(server.url(DAY), tmp_path / "day.json", policy=QUICK)
    assert saved.papers == 2 and saved.skipped == []
    assert saved.path.read_bytes() == HF_DAY.body
    assert [p.paper_id for p in read_papers(saved.path)] == ["2503.06749", "2503.05592"]


# The command line: `claimboard fetch` and `claimboard extract URL`.

def test_cli_fetch_writes_the_file(tmp_path, capsys):
    out = tmp_path / "day.json"
    with ApiServer({DAY: [Reply(503), HF_DAY]}) as server:
        status = main(["fetch", server.url(DAY), "-o", str(out), "--timeout", "1"])
    assert status == 0
    assert out.read_bytes() == HF_DAY.body
    assert "claimboard: 2 papers, 0 records skipped, from http://127.0.0.1" in (
        capsys.readouterr().err)


def test_cli_fetch_offline_is_exit_2_and_one_line(tmp_path, capsys):
    out = tmp_path / "day.json"
    status = main(["fetch", closed_port_url(), "-o", str(out), "--retries", "0"])
    err = capsys.readouterr().err
    assert status == 2 and not out.exists()
    assert err.count("\n") == 1 and err.startswith("claimboard: error: http://127.0.0.1:")
    assert "cannot reach 127.0.0.1 (offline" in err


@pytest.mark.parametrize("argv, words", [
    (["fetch", "hf-daily", "--date", "10/03/2025"], "not a date of the form YYYY-MM-DD"),
    (["fetch", "nowhere"], "unknown source 'nowhere'"),
    (["fetch", "https://example.org/papers.json"], "give -o FILE"),
    (["fetch", "hf-daily", "--timeout", "0"], "must be a number of seconds > 0"),
])
def test_cli_fetch_usage_errors(argv, words, capsys):
    assert main(argv) == 2
    assert words in capsys.readouterr().err


def test_cli_extract_reads_a_url(tmp_path, capsys):
    out = tmp_path / "claims.csv"
    with ApiServer({DAY: [HF_DAY]}) as server:
        status = main(["extract", server.url(DAY), "-o", str(out), "--jobs", "1"])
    assert status == 0
    assert "2503.05592" in out.read_text(encoding="utf-8")
    assert "claimboard: 2 papers" in capsys.readouterr().err


def test_cli_extract_names_the_url_when_the_answer_is_unreadable(tmp_path, capsys):
    html = Reply(200, b"<html><body>Sign in</body></html>", "text/html")
    with ApiServer({DAY: [html]}) as server:
        status = main(["extract", server.url(DAY), "-o", str(tmp_path / "c.csv")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith(f"claimboard: error: {server.url(DAY)}: an HTML page")


def test_no_warning_leaks_from_a_clean_fetch():
    with ApiServer({DAY: [HF_DAY]}) as server, warnings.catch_warnings():
        warnings.simplefilter("error")
        papers_of(server.url(DAY))


def test_cli_warns_in_one_line_when_it_falls_back_on_an_old_copy(tmp_path, capsys):
    with ApiServer({DAY: [HF_DAY]}) as server:
        url = server.url(DAY)
        assert main(["fetch", url, "-o", str(tmp_path / "a.json"), "-q"]) == 0
    status = main(["fetch", url, "-o", str(tmp_path / "b.json"), "--refresh", "--retries", "0"])
    err = capsys.readouterr().err
    assert status == 0
    assert err.startswith(f"claimboard: warning: {url}: cannot reach 127.0.0.1")
    assert "using the copy fetched" in err and "warnings.warn" not in err
