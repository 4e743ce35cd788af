"""Properties of the way from an input file to a table, for any record (issue 14): whatever the
strings (lone surrogates, formula prefixes, any Unicode) and however deep the other fields nest,
reading never raises, every table format is written, and a CSV read back holds the text as read.
"""
from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.engine.claims import extract_paper
from extract.output.schema import Paper
from extract.output.tables import FORMULA_STARTS, read_table, write_table
from extract.pipeline import extract_files
from extract.reading import read_papers

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Any character, lone surrogates (category Cs) included, which `st.text()` leaves out.
any_character = st.characters(blacklist_categories=())
hostile_text = st.tuples(
    st.sampled_from(["", *FORMULA_STARTS, "'", "''=", " "]),  # what a spreadsheet runs
    st.text(any_character, max_size=40),
    st.sampled_from(["", " reaches 91.5% on MMLU.", " is 2.5x faster."]),
).map("".join)


records = st.lists(st.tuples(st.fixed_dictionaries({
    "id": st.one_of(st.none(), hostile_text),
    "title": hostile_text,
    "abstract": hostile_text,
}), st.integers(0, 3000)), max_size=4)  # and how deep a field of lists nests (past Python's limit)


def as_json(record: dict, depth: int) -> str:
    """The record as JSON with a field `depth` lists deep (written as text: json.dumps itself
    stops at Python's recursion limit). ensure_ascii: a lone surrogate is written as the
    "\\ud800" escape, as JSON files carry it."""
    return json.dumps(record)[:-1] + ', "extra": ' + "[" * depth + "]" * depth + "}"


@SETTINGS
@given(items=records, array=st.booleans())
def test_any_json_records_are_read_and_written_in_every_format(items, array):
    texts = [as_json(record, depth) for record, depth in items]
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        source = root / ("papers.json" if array else "papers.jsonl")
        source.write_text("[" + ", ".join(texts) + "]" if array else
                          "".join(text + "\n" for text in texts), encoding="ascii")
        papers = list(read_papers(source, on_skip=lambda record: None))
        rows = list(extract_files([source], on_skip=lambda record: None))
        for name in ("claims.csv", "claims.jsonl", "claims.parquet"):
            write_table(rows, root / name)
        stdout = io.StringIO()
        write_table(rows, stdout)
        stdout.getvalue().encode("utf-8")  # what goes to stdout is UTF-8 too
        back = read_table(root / "claims.csv")
    assert len(back) == len(rows)
    assert list(back["title"]) == [row["title"] for row in rows]  # formula quotes taken off
    for paper in papers:
        for text in (paper.paper_id, paper.title, paper.abstract):
            text.encode("utf-8")  # no lone surrogate left


@SETTINGS
@given(abstract=st.text(any_character, max_size=400), title=st.text(any_character, max_size=40))
def test_text_with_lone_surrogates_gives_rows_that_point_into_it(abstract, title):
    paper = Paper("prop-surrogates", title, abstract)
    for row in extract_paper(paper):
        assert 0 <= row["char_start"] < row["char_end"] <= len(abstract)
