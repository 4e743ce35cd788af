"""Hostile input to the readers (extract.reading): bad bytes, odd line ends, huge records.

Every case ends with the right papers, or with a SkippedRecord naming the file and the line, while
the other records are still read; none raises. Files are generated in tmp_path, in each of the
formats, from three small records.
"""
from __future__ import annotations

import gzip

import pytest

from extract import reading as readers
from extract.reading import (FORMATS, MAX_ABSTRACT_CHARS, InputError, SkippedRecord,
                             read_papers)

RECORDS = [
    (b"1706.03762", b"Attention Is All You Need",
     b"Our model achieves 28.4 BLEU on the WMT 2014 English-to-German translation task."),
    (b"1810.04805", b"BERT: Pre-training of Deep Bidirectional Transformers",
     b"BERT pushes the GLUE score to 80.5% and MultiNLI accuracy to 86.7% on the test set."),
    (b"1512.03385", b"Deep Residual Learning for Image Recognition",
     b"An ensemble of these residual nets achieves 3.57% error on the ImageNet test set."),
]

ATOM_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'


def render(format: str, records: list[tuple[bytes, bytes, bytes]], newline: bytes = b"\n"
           ) -> bytes:
    """The records as a file of `format` (the record texts hold no quote, comma or markup)."""
    if format == "jsonl":
        lines = [b'{"id": "%s", "title": "%s", "abstract": "%s"}' % r for r in records]
    elif format == "json":
        items = [b'  {"id": "%s", "title": "%s", "abstract": "%s"}' % r for r in records]
        lines = [b"[", b"," .join(item + newline for item in items).rstrip(newline), b"]"]
    elif format == "atom":
        lines = [ATOM_HEAD]
        for r in records:
            lines += [b"<entry>", b"<id>http://arxiv.org/abs/%sv1</id>" % r[0],
                      b"<title>%s</title>" % r[1], b"<summary>%s</summary>" % r[2], b"</entry>"]
        lines.append(b"</feed>")
    elif format == "csv":
        lines = [b"id,title,abstract"] + [b'%s,"%s","%s"' % r for r in records]
    elif format == "openalex":  # a work: the abstract as an inverted index, arXiv in the DOI
        lines = [b'{"id": "https://openalex.org/W%d", "doi": "https://doi.org/10.48550/arXiv.%s",'
                 b' "title": "%s", "abstract_inverted_index": %s}'
                 % (number, r[0], r[1], _inverted_index(r[2]))
                 for number, r in enumerate(records)]
    elif format == "semantic-scholar":
        lines = [b'{"corpusid": %d, "externalids": {"ArXiv": "%s"}, "title": "%s", '
                 b'"abstract": "%s"}' % (number, *r) for number, r in enumerate(records)]
    else:  # daily-papers: chrome, then title and abstract paragraphs
        lines = [b"Daily Papers", b"", b"Sep 2"]
        for _, title, abstract in records:
            lines += [b"", title, b"", abstract]
    return newline.join(lines) + newline


def _inverted_index(abstract: bytes) -> bytes:
    """The abstract as OpenAlex's inverted index, in JSON (each word with its positions)."""
    positions: dict[bytes, list[int]] = {}
    for position, word in enumerate(abstract.split(b" ")):
        positions.setdefault(word, []).append(position)
    return b"{%s}" % b", ".join(b'"%s": [%s]' % (word, b", ".join(b"%d" % p for p in places))
                                for word, places in positions.items())


def read(path, **options) -> tuple[list, list[SkippedRecord]]:
    skipped: list[SkippedRecord] = []
    papers = list(read_papers(path, on_skip=skipped.append, **options))
    return papers, skipped


def as_read(text: bytes) -> str:
    """What a reader makes of a record's bytes: bad UTF-8 replaced, NULs dropped."""
    return text.decode("utf-8", "replace").replace("\x00", "")


def abstract_changed(change):
    """A case that alters the middle record's abstract bytes."""
    return lambda records: [records[0], (*records[1][:2], change(records[1][2])), records[2]]


# name: (change to the records, bytes put before the file, line end)
HOSTILE = {
    "invalid UTF-8 byte in an abstract": (
        abstract_changed(lambda a: a.replace(b"80.5%", b"80.5\xff%")), b"", b"\n"),
    "truncated UTF-8 sequence in an abstract": (
        abstract_changed(lambda a: a.replace(b"GLUE", b"GL\xc3UE")), b"", b"\n"),
    "invalid UTF-8 byte in a title": (
        lambda records: [records[0], (records[1][0], records[1][1] + b" \xfe", records[1][2]),
                         records[2]], b"", b"\n"),
    "NUL bytes inside an abstract": (
        abstract_changed(lambda a: a.replace(b"GLUE", b"GL\x00\x00UE")), b"", b"\n"),
    "byte order mark": (lambda records: records, b"\xef\xbb\xbf", b"\n"),
    "CRLF line ends": (lambda records: records, b"", b"\r\n"),
    "BOM, CRLF and a NUL together": (
        abstract_changed(lambda a: a + b"\x00"), b"\xef\xbb\xbf", b"\r\n"),
}


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("change, prefix, newline", HOSTILE.values(), ids=HOSTILE.keys())
def test_damaged_bytes_still_give_every_paper(change, prefix, newline, format, tmp_path):
    records = change(RECORDS)
    path = tmp_path / "hostile"  # no extension: the content decides the format
    path.write_bytes(prefix + render(format, records, newline))
    papers, skipped = read(path)
    assert skipped == []
    assert [(p.title, p.abstract) for p in papers] == [
        (" ".join(as_read(title).split()), as_read(abstract)) for _, title, abstract in records]
    if format != "daily-papers":
        assert [p.paper_id for p in papers] == [r[0].decode() for r in records]


EMPTY_FILES = {
    "empty .jsonl": ("papers.jsonl", b""),
    "empty .json": ("papers.json", b""),
    "empty .atom": ("papers.atom", b""),
    "empty .csv": ("papers.csv", b""),
    "empty .txt": ("page.txt", b""),
    "empty, no extension": ("upload", b""),
    "only a BOM": ("upload", b"\xef\xbb\xbf"),
    "only blank lines": ("papers.jsonl", b"\n\r\n  \n"),
    "gzip of nothing": ("papers.jsonl.gz", gzip.compress(b"")),
}


@pytest.mark.parametrize("name, data", EMPTY_FILES.values(), ids=EMPTY_FILES.keys())
def test_empty_files_give_no_papers_and_no_complaint(name, data, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    assert read(path) == ([], [])


def test_a_50_mb_abstract_in_json_lines_is_skipped_and_the_rest_read(tmp_path):
    path = tmp_path / "big.jsonl"
    words = 10_000_000  # "word " * 10M: a 50 MB abstract, 500 times the abstract limit
    with path.open("wb") as out:
        out.write(render("jsonl", RECORDS[:1]))
        out.write(b'{"id": "2501.00001", "title": "A Long Abstract", "abstract": "')
        for _ in range(10):
            out.write(b"word " * (words // 10))
        out.write(b'achieves 99.9%."}\n')
        out.write(render("jsonl", RECORDS[2:]))
    papers, skipped = read(path)
    assert [p.paper_id for p in papers] == ["1706.03762", "1512.03385"]
    assert [(s.line, s.reason) for s in skipped] == [
        (2, f"abstract longer than {MAX_ABSTRACT_CHARS:,} characters (50,000,015)")]


LIMIT = 5_000  # MAX_ABSTRACT_CHARS and MAX_TITLE_CHARS in the tests below, to keep files small


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(readers, "MAX_ABSTRACT_CHARS", LIMIT)
    monkeypatch.setattr(readers, "MAX_TITLE_CHARS", LIMIT)


@pytest.mark.parametrize("format", FORMATS)
def test_an_abstract_at_the_limit_is_read_and_one_over_it_skipped(format, small_limits, tmp_path):
    at_limit = b"x" * (LIMIT - 5) + b"99.9%"  # no spaces either
    over = b"y" * LIMIT + b"1"
    path = tmp_path / "limits"
    path.write_bytes(render(format, [(b"2501.00001", b"At The Limit", at_limit),
                                     (b"2501.00002", b"Over The Limit", over), RECORDS[2]]))
    papers, skipped = read(path)
    assert [len(p.abstract) for p in papers] == [LIMIT, len(RECORDS[2][2])]
    assert len(skipped) == 1
    assert skipped[0].reason.startswith(f"{'paragraph' if format == 'daily-papers' else 'abstract'}"
                                        f" longer than {LIMIT:,} characters")


@pytest.mark.parametrize("format", [f for f in FORMATS if f != "daily-papers"])  # short titles
def test_a_title_over_the_limit_is_skipped(format, small_limits, tmp_path):
    path = tmp_path / "titles"
    path.write_bytes(render(format, [RECORDS[0], (b"2501.00002", b"T" * (LIMIT + 1), b"A 1%."),
                                     RECORDS[2]]))
    papers, skipped = read(path)
    assert [p.paper_id for p in papers] == ["1706.03762", "1512.03385"]
    assert [s.reason for s in skipped] == [f"title longer than {LIMIT:,} characters ({LIMIT + 1:,})"]


OVERSIZE_LINE = 4096  # MAX_RECORD_BYTES during the test below; the second record's line is longer


@pytest.mark.parametrize("format, expected_titles", [
    ("jsonl", [RECORDS[0][1], RECORDS[2][1]]),
    ("csv", [RECORDS[0][1], RECORDS[2][1]]),
    ("daily-papers", [RECORDS[0][1], RECORDS[2][1]]),
    ("atom", [RECORDS[0][1], RECORDS[2][1]]),  # the entry is over the record limit
])
def test_a_line_over_the_record_limit_is_skipped_with_its_line(format, expected_titles,
                                                                monkeypatch, tmp_path):
    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", OVERSIZE_LINE)
    records = abstract_changed(lambda a: a + b" padding" * OVERSIZE_LINE)(RECORDS)
    path = tmp_path / "oversize"
    data = render(format, records)
    path.write_bytes(data)
    long_line = next(number for number, line in enumerate(data.split(b"\n"), 1)
                     if len(line) > OVERSIZE_LINE)
    if format == "atom":  # an entry is reported by the line it starts on
        long_line = data.split(b"\n").index(b"<entry>", long_line - 5) + 1
    papers, skipped = read(path, format=format)
    assert [p.title for p in papers] == [t.decode() for t in expected_titles]
    assert [(s.source, s.line) for s in skipped] == [(str(path), long_line)]
    assert f"longer than {OVERSIZE_LINE} bytes" in skipped[0].reason


def test_random_bytes_in_a_json_lines_record_skip_only_that_record(tmp_path):
    lines = render("jsonl", RECORDS).split(b"\n")
    lines[1] = bytes(range(0xF0, 0x100)) + b"\x00\x01\x02 not json"
    path = tmp_path / "papers.jsonl"
    path.write_bytes(b"\n".join(lines))
    papers, skipped = read(path)
    assert [p.paper_id for p in papers] == ["1706.03762", "1512.03385"]
    assert [(s.line, s.reason.split(" (")[0]) for s in skipped] == [(2, "invalid JSON")]


def test_a_truncated_gzip_stream_keeps_the_papers_before_the_cut(tmp_path):
    many = [(b"2501.%05d" % i, b"Paper Number %d" % i, RECORDS[i % 3][2]) for i in range(400)]
    packed = gzip.compress(render("jsonl", many))
    path = tmp_path / "papers.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    papers, skipped = read(path)
    assert 0 < len(papers) < 400
    assert [p.line for p in papers] == list(range(1, len(papers) + 1))
    assert len(skipped) == 1
    assert skipped[0].line > len(papers)
    assert "the rest of the file is not read" in skipped[0].reason


def test_invalid_xml_keeps_the_entries_before_it(tmp_path):
    broken_title = b"<title>%s</titel>" % RECORDS[1][1]
    data = render("atom", RECORDS).replace(b"<title>%s</title>" % RECORDS[1][1], broken_title)
    path = tmp_path / "papers.atom"
    path.write_bytes(data)
    papers, skipped = read(path)
    assert [p.paper_id for p in papers] == ["1706.03762"]
    assert [s.line for s in skipped] == [data.split(b"\n").index(broken_title) + 1]
    assert "invalid XML" in skipped[0].reason


ENTITY_ATTACKS = {
    "billion laughs": b'<?xml version="1.0"?>\n<!DOCTYPE feed [\n<!ENTITY lol "lol">\n'
                      b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
                      b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol2;</title>'
                      b"<summary>x</summary></entry></feed>\n",
    "external entity": b'<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM '
                       b'"file:///etc/passwd">]>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                       b"<entry><title>&xxe;</title><summary>x</summary></entry></feed>\n",
}


@pytest.mark.parametrize("data", ENTITY_ATTACKS.values(), ids=ENTITY_ATTACKS.keys())
def test_xml_doctype_is_refused(data, tmp_path):
    path = tmp_path / "feed.atom"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"DOCTYPE"):
        list(read_papers(path))
