"""The extractor against the hand-made golden file, one test per paper, and the check itself.

Each paper's extraction must agree with its golden rows at the claim level (spec section 5):
every golden claim matched, nothing extracted that the golden file does not list. Papers the
extractor is known to miss are listed with a reason in golden/known_misses.toml and run as
strict xfails, so a fix shows up as an unexpected pass.
"""
from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from extract.evaluation import golden
from extract.engine.claims import extract_claims
from extract.reading import read_papers
from extract.evaluation.scoring import score

ROOT = Path(__file__).resolve().parents[1]
GOLDEN_DIR = ROOT / "golden"
SAMPLE = ROOT / "extract" / "data" / "sample" / "hf-daily-papers.txt"
GOLDEN_FILE = GOLDEN_DIR / "hf-daily-papers.csv"
KNOWN_MISSES = tomllib.loads((GOLDEN_DIR / "known_misses.toml").read_text())["hf-daily-papers"]

PAPERS = {paper.paper_id: paper for paper in read_papers(SAMPLE)}
GOLDEN = pd.read_csv(GOLDEN_FILE, dtype=str, keep_default_na=False)


def _cases():
    for paper_id in PAPERS:
        marks = []
        if paper_id in KNOWN_MISSES:
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[paper_id])]
        yield pytest.param(paper_id, id=paper_id[:60], marks=marks)


def test_every_paper_of_the_corpus_was_read_by_an_annotator():
    assert set(GOLDEN["paper_id"]) == set(PAPERS)


def test_known_misses_name_papers_of_the_corpus():
    assert set(KNOWN_MISSES) <= set(PAPERS)


@pytest.mark.parametrize("paper_id", list(_cases()))
def test_paper_extraction_agrees_with_golden_rows(paper_id):
    extracted = extract_claims([PAPERS[paper_id]])
    result = score(extracted, GOLDEN[GOLDEN["paper_id"] == paper_id])
    diff = result.papers[0] if result.papers else None
    missed = [(r["kind"], r["value"]) for r in diff.missed] if diff else []
    extra = [(r["kind"], r["value"]) for r in diff.extra] if diff else []
    assert (missed, extra) == ([], [])


def test_check_on_the_project_golden_files_meets_the_stored_floors():
    out = io.StringIO()
    assert golden.check(None, output_format="json", out=out) == 0
    report = json.loads(out.getvalue())
    assert report  # the JSON names each golden file and its figures


def test_a_dropped_rule_makes_the_check_fail_with_a_readable_diff():
    """A deliberate regression: without the delta rules the floors are not met."""
    def without_deltas(papers):
        table = extract_claims(papers)
        return table[table["kind"] != "delta"]

    out = io.StringIO()
    assert golden.check(None, output_format="text", out=out, extractor=without_deltas) == 1
    text = out.getvalue()
    assert "delta" in text and "0.4" in text  # Vision-R1's "0.4% lower than OpenAI O1" is missed
