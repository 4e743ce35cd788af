"""The readers of the large corpora: OpenAlex works and Semantic Scholar dataset records.

Case tables name where each case comes from: the fixtures (records laid out as each dataset's
documentation shows them), the documentation itself (OpenAlex: "an inverted index ... words and
their positions"; Semantic Scholar: papers and abstracts datasets), or damage seen in the wild.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.engine.claims import extract_paper
from extract.reading import read_papers
from extract.reading.errors import BadRecord
from extract.reading.ids import PaperIds, arxiv_id
from extract.reading.openalex import openalex_paper, rebuilt_abstract
from extract.reading.semantic_scholar import s2_paper

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def fixture(name: str) -> Path:
    return INPUTS / name

# (case, inverted index, rebuilt abstract)
REBUILT = [
    ("docs: words and their positions", {"Despite": [0], "growing": [1], "interest": [2]},
     "Despite growing interest"),
    ("docs: a word at several positions", {"the": [0, 2], "of": [1], "end": [3]},
     "the of the end"),
    ("wild: a gap where a token was dropped", {"We": [0], "reach": [1], "73.5%.": [3]},
     "We reach 73.5%."),
    ("wild: keys in no particular order", {"MMLU.": [4], "We": [0], "on": [3], "73.5%": [2],
                                           "reach": [1]}, "We reach 73.5% on MMLU."),
    ("wild: an empty index", {}, ""),
    ("wild: a huge position costs no memory", {"end.": [10**12], "The": [0]}, "The end."),
]


@pytest.mark.parametrize("case, inverted, abstract", REBUILT, ids=[c for c, *_ in REBUILT])
def test_abstract_is_rebuilt_from_the_inverted_index(case, inverted, abstract):
    assert rebuilt_abstract(inverted) == abstract


# (case, inverted index, words of the reason)
BROKEN_INDEX = [
    ("wild: positions as text", {"We": ["0"]}, "not a list of whole numbers"),
    ("wild: a negative position", {"We": [-1]}, "not a list of whole numbers"),
    ("wild: a float position", {"We": [0.5]}, "not a list of whole numbers"),
    ("wild: a boolean position", {"We": [True]}, "not a list of whole numbers"),
    ("wild: positions not in a list", {"We": 0}, "not a list of whole numbers"),
    ("wild: two words at one position", {"We": [0], "They": [0]}, "two words at position 0"),
    ("wild: the index is a string", "We reach 73.5%", "is str, not an object"),
]


@pytest.mark.parametrize("case, inverted, reason", BROKEN_INDEX, ids=[c for c, *_ in BROKEN_INDEX])
def test_a_broken_inverted_index_is_a_bad_record(case, inverted, reason):
    with pytest.raises(BadRecord, match=reason):
        rebuilt_abstract(inverted)


@given(st.lists(st.text(st.characters(blacklist_categories=("Zs", "Cc", "Zl", "Zp")),
                        min_size=1, max_size=8), max_size=40))
def test_inverting_and_rebuilding_gives_the_words_back(words):
    inverted: dict[str, list[int]] = {}
    for position, word in enumerate(words):
        inverted.setdefault(word, []).append(position)
    assert rebuilt_abstract(inverted) == " ".join(words).strip()


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=12))
def test_any_json_value_as_a_work_is_read_or_refused_never_crashes(value):
    for record in (value, {"id": "https://openalex.org/W1", "title": "T",
                           "abstract_inverted_index": value}):
        try:
            openalex_paper(record, "works.jsonl", 1, PaperIds())
        except BadRecord:
            pass
    for record in (value, {"corpusid": 1, "abstract": value, "title": value,
                           "externalids": value, "publicationdate": value}):
        try:
            s2_paper(record, "abstracts.jsonl", 1)
        except BadRecord:
            pass


def _work(**fields) -> dict:
    return {"id": "https://openalex.org/W42", "title": "FooNet",
            "abstract_inverted_index": {"FooNet": [0], "reaches": [1], "73.5%.": [2]}, **fields}


# (case, work fields, paper id)
OPENALEX_IDS = [
    ("docs: an arXiv DOI", {"doi": "https://doi.org/10.48550/arxiv.2307.09288"}, "2307.09288"),
    ("docs: an arXiv DOI in ids", {"ids": {"doi": "https://doi.org/10.48550/ARXIV.2307.09288"}},
     "2307.09288"),
    ("fixture: arXiv among the locations",
     {"locations": [{"landing_page_url": "https://openreview.net/forum?id=x"},
                    {"pdf_url": "http://arxiv.org/pdf/2106.09685v2"}]}, "2106.09685"),
    ("fixture: an arXiv primary location", {"primary_location": {
        "landing_page_url": "https://arxiv.org/abs/2508.03967"}}, "2508.03967"),
    ("docs: a journal DOI only", {"doi": "https://doi.org/10.1109/cvpr.2016.90"},
     "openalex:W42"),
    ("wild: no work id", {"id": None}, "foonet"),
]


@pytest.mark.parametrize("case, fields, paper_id", OPENALEX_IDS, ids=[c for c, *_ in OPENALEX_IDS])
def test_openalex_paper_id_prefers_arxiv(case, fields, paper_id):
    assert openalex_paper(_work(**fields), "w.jsonl", 1, PaperIds()).paper_id == paper_id


def _s2(**fields) -> dict:
    return {"corpusid": 206594692, "abstract": "FooNet reaches 73.5%.", **fields}


# (case, record fields, paper id, title, date: the publication date, else the arXiv id's month)
S2_RECORDS = [
    ("docs: abstracts dataset, arXiv in openaccessinfo",
     {"openaccessinfo": {"externalids": {"ArXiv": "2307.09288"}}}, "2307.09288", "", "2023-07"),
    ("docs: papers fields joined, arXiv in externalids",
     {"title": "FooNet:  a  net", "externalids": {"ArXiv": "2307.09288", "DOI": "10.1/x"},
      "publicationdate": "2023-07-18"}, "2307.09288", "FooNet: a net", "2023-07-18"),
    ("docs: no arXiv id", {"externalids": {"ArXiv": None, "DOI": "10.1109/CVPR.2016.90"}},
     "s2:206594692", "", ""),
    ("wild: corpusid as text", {"corpusid": " 7 "}, "s2:7", "", ""),
]


@pytest.mark.parametrize("case, fields, paper_id, title, date", S2_RECORDS,
                         ids=[c for c, *_ in S2_RECORDS])
def test_s2_records(case, fields, paper_id, title, date):
    paper = s2_paper(_s2(**fields), "s2.jsonl", 1)
    assert (paper.paper_id, paper.title, paper.date) == (paper_id, title, date)


# (case, record, reason)
S2_BROKEN = [
    ("wild: no corpusid", {"abstract": "FooNet reaches 73.5%."}, "no corpusid"),
    ("wild: corpusid as a list", _s2(corpusid=[1]), "corpusid is a list"),
    ("wild: title as a number", _s2(title=3), "title is a number"),
    ("wild: abstract as an object", _s2(abstract={"text": "x"}), "abstract is an object"),
]


@pytest.mark.parametrize("case, record, reason", S2_BROKEN, ids=[c for c, *_ in S2_BROKEN])
def test_broken_s2_records(case, record, reason):
    with pytest.raises(BadRecord, match=reason):
        s2_paper(record, "s2.jsonl", 1)


# Records that are not papers to read and not damaged: passed over without a warning.
PASSED_OVER = [
    ("docs: an OpenAlex work without abstract", "openalex", _work(abstract_inverted_index=None)),
    ("docs: an S2 papers record (no abstract field)", "s2", {"corpusid": 1, "title": "T"}),
    ("docs: an S2 abstracts record with a null abstract", "s2", _s2(abstract=None)),
    ("wild: an S2 abstract of white space", "s2", _s2(abstract="  ")),
]


@pytest.mark.parametrize("case, kind, record", PASSED_OVER, ids=[c for c, *_ in PASSED_OVER])
def test_records_without_abstract_are_passed_over(case, kind, record):
    if kind == "openalex":
        assert openalex_paper(record, "w.jsonl", 1, PaperIds()) is None
    else:
        assert s2_paper(record, "s2.jsonl", 1) is None


def test_s2_papers_dataset_gives_no_papers_and_no_warnings():
    skipped = []
    assert list(read_papers(fixture("s2-papers.jsonl"), on_skip=skipped.append)) == []
    assert skipped == []


@pytest.mark.parametrize("name, dates", [
    ("openalex-works.jsonl", ["2023-07-18", "2021-06-17", "2016-06-01"]),
    ("s2-joined.jsonl", ["2023-07-18", "2016-06-27"]),
    ("s2-abstracts.jsonl", ["2023-07", ""]),  # no publication date: the arXiv id's month
])
def test_dates_come_from_the_publication_date(name, dates):
    assert [paper.date for paper in read_papers(fixture(name))] == dates


def test_claim_offsets_point_into_the_rebuilt_abstract():
    papers = list(read_papers(fixture("openalex-works.jsonl")))
    rows = [row for paper in papers for row in extract_paper(paper)]
    assert rows
    by_id = {paper.paper_id: paper.abstract for paper in papers}
    for row in rows:
        number = by_id[row["paper_id"]][row["char_start"]:row["char_end"]]
        assert number and number[0].isdigit()


def test_the_same_paper_from_three_sources_has_one_id():
    ids = {source: {p.paper_id for p in read_papers(fixture(name))} for source, name in
           [("openalex", "openalex-works.jsonl"), ("s2", "s2-abstracts.jsonl"),
            ("arxiv-api", "arxiv-api.atom")]}
    assert "2307.09288" in ids["openalex"] & ids["s2"]
    assert arxiv_id("arXiv:2307.09288v3") == "2307.09288"


def test_a_cut_short_first_record_is_still_told_apart(tmp_path):
    # An OpenAlex work of more than SNIFF_BYTES: its id, written first, decides the format.
    work = _work(referenced_works=[f"https://openalex.org/W{n}" for n in range(2000)])
    path = tmp_path / "part_000"
    path.write_text(json.dumps(work) + "\n", encoding="utf-8")
    assert [p.paper_id for p in read_papers(path)] == ["openalex:W42"]
