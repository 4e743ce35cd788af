"""Paper dates (claims-table column `date`, spec v1.1): what each input format gives, how written
dates are read, and that the date reaches every claim of the paper."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import extract
from extract.reading.dates import arxiv_id_month, paper_date, parse_date

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


# (fixture file, paper id, date): one case per place a date comes from.
FORMAT_CASES = [
    pytest.param("arxiv-api.atom", "2503.06749", "2025-03-09", id="atom-published"),
    pytest.param("arxiv-api.atom", "hep-th/9711200", "1997-11-27",
                 id="atom-published-before-updated"),
    pytest.param("hf-daily-api.json", "2503.06749", "2025-03-09", id="hf-api-publishedAt"),
    pytest.param("hf-daily-api.json", "1512.03385", "2015-12-10",
                 id="hf-api-paper-publishedAt-before-the-items"),
    pytest.param("arxiv-snapshot.jsonl", "1706.03762", "2017-06",
                 id="snapshot-id-month-before-a-later-update_date"),
    pytest.param("papers.csv", "1512.03385", "2015-12", id="csv-id-month"),
    pytest.param("papers.csv", "bert-pre-training-of-deep-bidirectional-transformers-for-"
                 "language-understanding", "", id="csv-no-id-no-date"),
    pytest.param("daily-papers-page.txt", "attention-is-all-you-need", "2025-08-28",
                 id="daily-page-date-line"),
    pytest.param("plain-array.json", "2005.14165", "2020-05", id="json-id-month"),
]


@pytest.mark.parametrize("name, paper_id, expected", FORMAT_CASES)
def test_each_format_gives_the_papers_date(name, paper_id, expected):
    papers = {p.paper_id: p for p in extract.read_papers(INPUTS / name, on_skip=lambda r: None)}
    assert papers[paper_id].date == expected


def test_the_builtin_sample_has_no_year_so_no_date():
    """The pasted page says only "Sep 2": no year, so no paper of it is dated."""
    from dashboard.data import SAMPLE_CORPUS

    assert {p.date for p in extract.read_papers(SAMPLE_CORPUS)} == {""}


@pytest.mark.parametrize("record, expected", [
    pytest.param({"id": "2503.20783", "update_date": "2025-03-26"}, "2025-03-26",
                 id="wide:2503.20783-update_date-in-the-ids-month"),
    pytest.param({"id": "0704.0001", "update_date": "2008-11-13",
                  "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"},
                               {"version": "v2", "created": "Tue, 24 Jul 2007 20:10:27 GMT"}]},
                 "2007-04-02", id="snapshot-versions-first"),
    pytest.param({"id": "mine", "date": "2024-13-01"}, "", id="not-a-date-is-ignored"),
    pytest.param({"id": "mine", "published": "Sep 2"}, "", id="no-year-no-date"),
    pytest.param({"paper": {"id": "2509.00001", "publishedAt": "2025-09-01T00:00:00.000Z"},
                  "publishedAt": "2025-09-02T08:00:00.000Z"}, "2025-09-01",
                 id="hf-api-item-and-paper"),
])
def test_a_record_gives_its_earliest_date(tmp_path, record, expected):
    wrapped = record.get("paper", record)
    wrapped.update(title="A title", abstract="It reaches 50% accuracy on MMLU.")
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [paper] = extract.read_papers(path)
    assert paper.date == expected


@pytest.mark.parametrize("text, expected", [
    ("2025-03-18", "2025-03-18"), ("2025-09-01T17:59:58.000Z", "2025-09-01"),
    ("2025-3-8", "2025-03-08"), ("2025/03/18", "2025-03-18"), ("2025-02", "2025-02"),
    ("Mon, 2 Apr 2007 19:18:42 GMT", "2007-04-02"), ("Sep 2, 2025", "2025-09-02"),
    ("September 2nd, 2025", "2025-09-02"), ("Published on Sep 2, 2025", "2025-09-02"),
    ("2 Sep 2025", "2025-09-02"), ("March 2025", "2025-03"),
    ("Sep 2", ""), ("2025-02-30", ""), ("1850-01-01", ""), ("yesterday", ""), ("", ""),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("paper_id, expected", [
    ("2503.06749", "2025-03"), ("0704.0001", "2007-04"), ("hep-th/9711200", "1997-11"),
    ("math.GT/0309136", "2003-09"), ("a-title-slug", ""), ("12345", ""),
])
def test_arxiv_id_month(paper_id, expected):
    assert arxiv_id_month(paper_id) == expected


@given(st.text(max_size=40))
def test_parse_date_never_crashes_and_gives_iso_or_nothing(text):
    parsed = parse_date(text)
    assert parsed == "" or len(parsed) in (7, 10) and parsed[4] == "-"


@given(st.lists(st.text(max_size=30) | st.none() | st.integers()
                | st.sampled_from(["2025-03-18", "2025-03", "2025-02-28", "2025-03-01T00:00:00Z",
                                   "March 2025", "Sep 2, 2025"]), max_size=4),
       st.sampled_from(["2503.06749", "slug", ""]))
def test_paper_date_is_the_earliest_of_its_inputs(written, paper_id):
    dates = [d for d in [*map(parse_date, written), arxiv_id_month(paper_id)] if d]
    # the plain reading: by month, then a full date before a month alone, then the day
    expected = min(dates, key=lambda iso: (iso[:7], len(iso) == 7, iso), default="")
    assert paper_date(paper_id, written) == expected


def test_every_claim_carries_its_papers_date(tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps({"id": "2503.06749", "title": "Vision-R1", "update_date":
                                "2025-03-10", "abstract": "Vision-R1-7B achieves a 73.5% "
                                "accuracy on MathVista and 50.1% on MathVerse."}) + "\n",
                    encoding="utf-8")
    claims = extract.extract_claims(extract.read_papers(path))
    assert len(claims) == 2 and set(claims["date"]) == {"2025-03-10"}
    assert list(claims.columns)[-1] == "date"
