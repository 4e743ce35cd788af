"""Tests of extract.reading: format detection, ids, whitespace policy, skipped records, errors.

Fixtures are the small hand-written files in tests/fixtures/inputs/ (one per input layout the
readers accept) and the built-in sample page, extract/data/sample/hf-daily-papers.txt.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from pathlib import Path

import pytest

import extract
from extract.reading import (
    FORMATS, InputError, SkippedRecord, SkippedRecordWarning, detect_format, normalise_paper_id,
    read_papers,
)

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
SAMPLE = Path(extract.__file__).parent / "data" / "sample" / "hf-daily-papers.txt"


def fixture(name: str) -> Path:
    return SAMPLE if name == "sample" else INPUTS / name


def read(path: Path, **options) -> tuple[list, list[SkippedRecord]]:
    """All papers of `path` and the records skipped on the way."""
    skipped: list[SkippedRecord] = []
    papers = list(read_papers(path, on_skip=skipped.append, **options))
    return papers, skipped


# Every fixture and the format its content has.
FORMAT_OF = {
    "sample": "daily-papers",
    "daily-papers-page.txt": "daily-papers",
    "arxiv-snapshot.jsonl": "jsonl",
    "broken.jsonl": "jsonl",
    "hf-daily-api.json": "json",
    "plain-array.json": "json",
    "truncated.json": "json",
    "arxiv-api.atom": "atom",
    "papers.csv": "csv",
    "missing-field.csv": "csv",
    "no-abstract-column.csv": "csv",
    "openalex-works.jsonl": "openalex",
    "openalex-broken.jsonl": "openalex",
    "s2-papers.jsonl": "semantic-scholar",
    "s2-abstracts.jsonl": "semantic-scholar",
    "s2-joined.jsonl": "semantic-scholar",
}

# A file name whose extension names another format than the content.
MISLEADING_NAME = {"daily-papers": "papers.csv", "jsonl": "papers.csv", "json": "papers.atom",
                   "atom": "papers.jsonl", "csv": "papers.json", "openalex": "papers.csv",
                   "semantic-scholar": "papers.atom"}


def packed(name: str, packing: str, tmp_path: Path) -> Path:
    """The fixture as is, gzip-compressed (with or without .gz), or under a misleading name."""
    source = fixture(name)
    if packing == "as is":
        return source
    if packing == "misleading extension":
        target = tmp_path / MISLEADING_NAME[FORMAT_OF[name]]
        shutil.copyfile(source, target)
        return target
    target = tmp_path / (source.name + ".gz" if packing == "gzip .gz" else "upload")
    target.write_bytes(gzip.compress(source.read_bytes()))
    return target


PACKINGS = ("as is", "gzip .gz", "gzip, no extension", "misleading extension")


@pytest.mark.parametrize("packing", PACKINGS)
@pytest.mark.parametrize("name, expected", FORMAT_OF.items(), ids=FORMAT_OF.keys())
def test_format_is_detected_from_content(name, expected, packing, tmp_path):
    assert detect_format(packed(name, packing, tmp_path)) == expected


READABLE = [name for name in FORMAT_OF if name != "no-abstract-column.csv"]


@pytest.mark.parametrize("packing", PACKINGS[1:])
@pytest.mark.parametrize("name", READABLE)
def test_packing_does_not_change_the_papers(name, packing, tmp_path):
    def content(path):
        papers, skipped = read(path)
        return ([(p.paper_id, p.title, p.abstract, p.line) for p in papers],
                [(s.line, s.reason) for s in skipped])

    assert content(packed(name, packing, tmp_path)) == content(fixture(name))


# The built-in sample: a pasted Hugging Face Daily Papers page.

def sample_paragraphs() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_sample_gives_103_papers_from_its_paragraphs():
    papers, skipped = read(SAMPLE)
    body = sample_paragraphs()[6:]  # six lines of page chrome come first
    assert skipped == []
    assert len(papers) == 103
    assert [(p.title, p.abstract) for p in papers] == list(zip(body[0::2], body[1::2]))


@pytest.mark.parametrize("index, title, line", [
    (0, "100 Days After DeepSeek-R1: A Survey on Replication Studies and More Directions for "
        "Reasoning Language Models", 13),
    (1, "Vision-R1: Incentivizing Reasoning Capability in Multimodal Large Language Models", 17),
    (-1, "Pre-RMSNorm and Pre-CRMSNorm Transformers: Equivalent and Efficient Pre-LN "
         "Transformers", 421),
], ids=["first", "second", "last"])
def test_sample_titles_and_lines(index, title, line):
    paper = list(read_papers(SAMPLE))[index]
    assert (paper.title, paper.line, paper.source) == (title, line, str(SAMPLE))
    assert paper.paper_id == extract.output.schema.slugify(title)


def test_sample_ids_are_unique():
    ids = [paper.paper_id for paper in read_papers(SAMPLE)]
    assert len(set(ids)) == len(ids) == 103


# Ids and the line each record starts on, per fixture.
IDS_AND_LINES = {
    "arxiv-snapshot.jsonl": [("1706.03762", 1), ("1810.04805", 2), ("hep-th/9711200", 3)],
    "hf-daily-api.json": [("2503.06749", 2), ("1512.03385", 15)],
    "plain-array.json": [("2005.14165", 2), ("deep-residual-learning-for-image-recognition", 5)],
    "arxiv-api.atom": [("2503.06749", 8), ("hep-th/9711200", 23)],
    "papers.csv": [("1706.03762", 2),
                   ("bert-pre-training-of-deep-bidirectional-transformers-for-language-"
                    "understanding", 3),
                   ("1512.03385", 5)],
    "daily-papers-page.txt": [("attention-is-all-you-need", 9),
                              ("deep-residual-learning-for-image-recognition", 15),
                              ("attention-is-all-you-need-2", 19)],
    "openalex-works.jsonl": [("2307.09288", 1), ("2106.09685", 2), ("openalex:W2194775991", 3)],
    "s2-abstracts.jsonl": [("2307.09288", 1), ("s2:206594692", 2)],
    "s2-joined.jsonl": [("2307.09288", 1), ("s2:206594692", 2)],
}


@pytest.mark.parametrize("name, expected", IDS_AND_LINES.items(), ids=IDS_AND_LINES.keys())
def test_ids_and_lines_per_format(name, expected):
    papers, skipped = read(fixture(name))
    assert skipped == []
    assert [(p.paper_id, p.line) for p in papers] == expected
    assert {p.source for p in papers} == {str(fixture(name))}


# Titles have whitespace runs collapsed; abstracts keep theirs, stripped only at both ends.
TEXT_POLICY = [
    ("arxiv-snapshot.jsonl", 1,
     "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
     "We introduce a new", "stands\nfor Bidirectional", "absolute improvement)."),
    ("arxiv-snapshot.jsonl", 2,
     "The Large N Limit of Superconformal Field Theories and Supergravity",
     "We show that the large $N$ limit", "in\nvarious", "compact manifolds."),
    ("arxiv-api.atom", 0,
     "Vision-R1: Incentivizing Reasoning Capability in Multimodal Large Language Models",
     "DeepSeek-R1-Zero has", "reasoning\ncapabilities", "OpenAI o1."),
    ("papers.csv", 1,
     "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
     "BERT pushes", "86.7%.\nIt is", "empirically powerful."),
    ("papers.csv", 2, "Deep Residual Learning for Image Recognition",
     "An ensemble", 'these "residual nets" achieves', "test set."),
    ("hf-daily-api.json", 0,
     "Vision-R1: Incentivizing Reasoning Capability in Multimodal Large Language Models",
     "DeepSeek-R1-Zero", "73.5% accuracy on MathVista", "OpenAI o1."),
]


@pytest.mark.parametrize("name, index, title, starts, contains, ends", TEXT_POLICY)
def test_titles_collapse_whitespace_and_abstracts_keep_it(name, index, title, starts,
                                                          contains, ends):
    paper = list(read_papers(fixture(name)))[index]
    assert paper.title == title
    assert paper.abstract.startswith(starts)
    assert contains in paper.abstract
    assert paper.abstract.endswith(ends)


# Broken records: skipped with file and line; the records around them are still read.
SKIPPED = {
    "broken.jsonl": (["2503.06749", "1512.03385"], [
        (2, "invalid JSON"), (3, "no abstract"), (4, "abstract is null"),
        (5, "abstract is a number, not a string"), (6, "abstract is a list, not a string"),
        (7, "title is null"), (8, "record is a list, not an object"), (11, "invalid JSON"),
    ]),
    "truncated.json": (["1706.03762", "1512.03385"], [
        (6, "invalid or truncated JSON"),
    ]),
    "missing-field.csv": (["1706.03762", "1512.03385"], [
        (3, "row has 2 fields, the header has 3"), (5, "abstract is empty"),
    ]),
    "openalex-broken.jsonl": (["2307.09288", "openalex:W2194775991"], [
        (2, "the positions of 'reach' are not a list"), (3, "two words at position 0"),
        (4, "abstract_inverted_index is a list, not an object"), (5, "title is null"),
        (6, "invalid JSON"),
    ]),
}


@pytest.mark.parametrize("name, ids, skips", [(n, *v) for n, v in SKIPPED.items()],
                         ids=SKIPPED.keys())
def test_broken_records_are_skipped_with_their_line(name, ids, skips):
    papers, skipped = read(fixture(name))
    assert [p.paper_id for p in papers] == ids
    assert [s.line for s in skipped] == [line for line, _ in skips]
    for record, (line, reason) in zip(skipped, skips):
        assert reason in record.reason
        assert record.source == str(fixture(name))
        assert str(record).startswith(f"{fixture(name)}:{line}: ")


def test_skipped_records_warn_when_no_callback_is_given():
    with pytest.warns(SkippedRecordWarning) as caught:
        papers = list(read_papers(fixture("broken.jsonl")))
    assert len(papers) == 2
    assert len(caught) == len(SKIPPED["broken.jsonl"][1])
    assert str(caught[0].message).startswith(f"{fixture('broken.jsonl')}:2: invalid JSON")


# Page layouts beyond the sample: other chrome, orphan titles and abstracts.
ABSTRACT = ("We propose a method that improves accuracy on ImageNet by 2.1% over the baseline "
            "while using 40% less memory during training on eight A100 GPUs.")
PAGES = {
    "other chrome, date with year": (
        "Trending Papers\n\nSep 2, 2025\n\nUpvote\n\n17\n\nA Fast Method for Training\n\n"
        f"{ABSTRACT}\n",
        ["A Fast Method for Training"], []),
    "ISO date and footer": (
        f"2025-09-02\n\nA Fast Method for Training\n\n{ABSTRACT}\n\nLoad more\n\nPrevious\n",
        ["A Fast Method for Training"], []),
    "title without abstract in the body": (
        f"Daily Papers\n\nFirst Paper Title Here\n\n{ABSTRACT}\n\nSecond Paper Without Abstract\n\n"
        f"Third Paper Title Here\n\n{ABSTRACT}\n",
        ["First Paper Title Here", "Third Paper Title Here"],
        [(7, "title without an abstract")]),
    "abstract without title": (
        f"Sep 2\n\nFirst Paper Title Here\n\n{ABSTRACT}\n\n{ABSTRACT}\n",
        ["First Paper Title Here"], [(7, "abstract paragraph without a title")]),
    "wrapped abstract lines": (
        "First Paper Title Here\n\nWe propose a method.\nIt improves accuracy by 2.1%.\n",
        ["First Paper Title Here"], []),
}


@pytest.mark.parametrize("text, titles, skips", PAGES.values(), ids=PAGES.keys())
def test_daily_papers_page_layouts(text, titles, skips, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    papers, skipped = read(path)
    assert [p.title for p in papers] == titles
    assert [(s.line, s.reason) for s in skipped] == skips


# format= overrides detection.
OVERRIDES = [
    ("arxiv-snapshot.jsonl", "jsonl", ["1706.03762", "1810.04805", "hep-th/9711200"]),
    ("arxiv-snapshot.jsonl", " JSONL ", ["1706.03762", "1810.04805", "hep-th/9711200"]),
    ("papers.csv", "daily-papers", []),
]


@pytest.mark.parametrize("name, format, ids", OVERRIDES)
def test_format_argument_overrides_detection(name, format, ids, tmp_path):
    target = tmp_path / "renamed.xml"
    shutil.copyfile(fixture(name), target)
    papers, _ = read(target, format=format)
    assert [p.paper_id for p in papers] == ids


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def unreadable_file(tmp_path: Path) -> Path:
    path = write(tmp_path, "locked.jsonl", b'{"title": "t", "abstract": "a"}\n')
    path.chmod(0)
    return path


# Files that cannot be read at all: InputError "PATH: reason", raised when read_papers is called.
INPUT_ERRORS = {
    "missing file": (lambda tmp: tmp / "missing.jsonl", {}, "no such file"),
    "directory": (lambda tmp: tmp, {}, "is a directory"),
    "binary bytes": (lambda tmp: write(tmp, "blob.jsonl", bytes(range(256)) * 8), {},
                     "not a text file"),
    "PNG image": (lambda tmp: write(tmp, "figure.txt", b"\x89PNG\r\n\x1a\n" + b"x" * 64), {},
                  "not a text file"),
    "UTF-16 text": (lambda tmp: write(tmp, "papers.txt", "Title\n\nAbstract.\n".encode("utf-16")),
                    {}, "UTF-16"),
    "corrupt gzip": (lambda tmp: write(tmp, "papers.jsonl.gz", b"\x1f\x8b\x08\x00garbage"), {},
                     "gzip"),
    "unknown format name": (lambda tmp: fixture("papers.csv"), {"format": "pdf"},
                            "unknown format 'pdf'"),
    "format not detectable": (lambda tmp: write(tmp, "notes", b"just one line of text\n"), {},
                              "cannot tell the format"),
    "HTML page": (lambda tmp: write(tmp, "page.txt", b"<!DOCTYPE html>\n<html><body>x</body>"),
                  {}, "HTML page"),
    "XML that is not Atom": (lambda tmp: write(tmp, "data.xml", b"<?xml version='1.0'?><rss/>"),
                             {}, "not an Atom feed"),
    "CSV without abstract column": (lambda tmp: fixture("no-abstract-column.csv"), {},
                                    "no 'abstract' or 'summary' column"),
    "CSV without title column": (lambda tmp: write(tmp, "p.csv", b"id,name,abstract\n1,x,y\n"),
                                 {}, "no 'title' column"),
    "JSON that is a number": (lambda tmp: write(tmp, "p.json", b"42\n"), {"format": "json"},
                              "neither an array nor an object"),
    "Atom root not a feed": (
        lambda tmp: write(tmp, "p.atom",
                          b'<entry xmlns="http://www.w3.org/2005/Atom"><feed/></entry>'),
        {}, "not an Atom <feed>"),
}


@pytest.mark.parametrize("make, options, reason", INPUT_ERRORS.values(), ids=INPUT_ERRORS.keys())
def test_unreadable_files_raise_input_error(make, options, reason, tmp_path):
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        list(read_papers(path, on_skip=pytest.fail, **options))
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="file permissions do not bind here (root or not POSIX)")
def test_unreadable_permissions_raise_input_error(tmp_path):
    with pytest.raises(InputError, match="permission denied"):
        read_papers(unreadable_file(tmp_path))


# Inputs that cannot be read at all, each made in a temporary folder.
UNREADABLE_INPUTS = [
    pytest.param(lambda tmp: tmp / "missing.jsonl", id="missing file"),
    pytest.param(lambda tmp: write(tmp, "blob.bin", bytes(range(256)) * 8), id="binary"),
]


@pytest.mark.parametrize("make", UNREADABLE_INPUTS)
def test_input_error_is_raised_before_iteration(make, tmp_path):
    with pytest.raises(InputError):
        read_papers(make(tmp_path))


@pytest.mark.parametrize("make", UNREADABLE_INPUTS)
def test_detect_format_raises_input_error_too(make, tmp_path):
    with pytest.raises(InputError):
        detect_format(make(tmp_path))


# Ids as inputs write them, normalised (spec: "the paper's id from the input (arXiv id where
# given)").
PAPER_IDS = [
    ("2503.06749", "2503.06749"),
    ("arXiv:2503.06749v1", "2503.06749"),
    ("ARXIV:2503.06749", "2503.06749"),
    ("http://arxiv.org/abs/2503.06749v2", "2503.06749"),
    ("https://arxiv.org/pdf/2503.06749v2.pdf", "2503.06749"),
    ("https://export.arxiv.org/abs/0704.0001", "0704.0001"),
    ("https://huggingface.co/papers/2503.06749", "2503.06749"),
    ("hep-th/9901001", "hep-th/9901001"),
    ("http://arxiv.org/abs/hep-th/9711200v3", "hep-th/9711200"),
    ("math.GT/0309136v1", "math.GT/0309136"),
    (" W3C-note-17 ", "W3C-note-17"),
    ("2503.06749-extended", "2503.06749-extended"),
]


@pytest.mark.parametrize("raw, expected", PAPER_IDS)
def test_normalise_paper_id(raw, expected):
    assert normalise_paper_id(raw) == expected


def test_formats_are_the_documented_ones():
    assert FORMATS == ("daily-papers", "jsonl", "json", "atom", "csv", "openalex",
                       "semantic-scholar")


def test_package_exports_read_papers():
    # extract.read_papers takes a file or a URL; a file it reads with the readers
    from extract.inputs import read_papers as read_file_or_url

    assert extract.read_papers is read_file_or_url
    assert [p.paper_id for p in extract.read_papers(SAMPLE)] == [p.paper_id for p in read_papers(SAMPLE)]


def test_jsonl_byte_order_marks(tmp_path):
    # One at the start of the file is dropped; one starting a later line (files concatenated)
    # makes that record invalid JSON, in json's own words.
    record = {"id": "2503.06749", "title": "T", "abstract": "It reaches 90% accuracy."}
    path = tmp_path / "papers.jsonl"
    path.write_text("\ufeff" + json.dumps(record) + "\n\ufeff" + json.dumps(record) + "\n",
                    encoding="utf-8")
    papers, skipped = read(path)
    assert [p.paper_id for p in papers] == ["2503.06749"]
    assert [(s.line, s.reason) for s in skipped] == [
        (2, "invalid JSON (Unexpected UTF-8 BOM (decode using utf-8-sig), column 1)")]
