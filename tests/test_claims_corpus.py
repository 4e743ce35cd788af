"""Spot checks of extract.engine.claims on the sample corpus (extract/data/sample/hf-daily-papers.txt).

The cases are the issue's spot checks, each a claim the spec (sections 1-4) says the corpus holds.
The corpus is extracted once per module.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.engine.claims import extract_paper
from extract.reading import read_papers
from extract.output.schema import KINDS

SAMPLE = Path(__file__).resolve().parents[1] / "extract" / "data" / "sample" / "hf-daily-papers.txt"


@pytest.fixture(scope="module")
def corpus_rows() -> dict[str, list[dict]]:
    """Title -> its claim rows (the seven kinds), for every paper of the sample corpus."""
    return {paper.title: [row for row in extract_paper(paper) if row["kind"] in KINDS]
            for paper in read_papers(SAMPLE)}


def paper_rows(corpus_rows: dict[str, list[dict]], title_start: str) -> list[dict]:
    titles = [title for title in corpus_rows if title.startswith(title_start)]
    assert len(titles) == 1, f"{title_start!r} names {titles}"
    return corpus_rows[titles[0]]


def find_row(rows: list[dict], kind: str, value: float) -> dict:
    found = [row for row in rows if row["kind"] == kind and row["value"] == pytest.approx(value)]
    assert len(found) == 1, f"one {kind} row of {value} expected, got {found}"
    return found[0]


def same_subject(extracted: str, golden: str) -> bool:
    """Spec 5.5: equal after folding case, spaces and punctuation, or one contains the other."""
    fold = lambda name: "".join(c for c in name.lower() if c.isalnum())  # noqa: E731
    a, b = fold(extracted or ""), fold(golden)
    return bool(a) and (a in b or b in a)


# (title start, kind, value, fields the row must hold). Subject is checked by spec 5.5 folding.
ISSUE_SPOT_CHECKS = [
    pytest.param("Efficient N:M Sparse DNN Training", "speedup", 1.75,
                 {"unit": "x", "hardware": ""}, id="sparse_training_speedup_1_75x"),
    pytest.param("Efficient N:M Sparse DNN Training", "speedup", 25.22,
                 {"unit": "x", "value_low": 2.97, "value_high": 25.22, "qualifier": "range"},
                 id="sparse_training_range_2_97_25_22x"),
    pytest.param("Step-3 is Large yet Affordable", "throughput", 4039.0,
                 {"unit": "token/s", "hardware": "Hopper", "hardware_count": 1,
                  "value_si": 4039.0, "unit_si": "token/s", "qualifier": "up_to", "subject": "Step-3"},
                 id="step3_4039_tokens_per_gpu"),
    pytest.param("DETRs Beat YOLOs", "score", 53.1,
                 {"benchmark": "COCO", "metric": "AP", "unit": "%", "subject": "RT-DETR-R50"},
                 id="rt_detr_r50_ap"),
    pytest.param("DETRs Beat YOLOs", "score", 54.3,
                 {"benchmark": "COCO", "metric": "AP", "unit": "%", "subject": "RT-DETR-R101"},
                 id="rt_detr_r101_ap"),
    pytest.param("DETRs Beat YOLOs", "throughput", 108.0,
                 {"unit": "frame/s", "hardware": "T4", "subject": "RT-DETR-R50"}, id="rt_detr_r50_fps"),
    pytest.param("DETRs Beat YOLOs", "throughput", 74.0,
                 {"unit": "frame/s", "hardware": "T4", "subject": "RT-DETR-R101"}, id="rt_detr_r101_fps"),
    pytest.param("VL-Rethinker", "score", 80.3, {"benchmark": "MathVista", "unit": "%"},
                 id="vl_rethinker_mathvista"),
    pytest.param("VL-Rethinker", "score", 61.8, {"benchmark": "MathVerse", "unit": "%"},
                 id="vl_rethinker_mathverse"),
    pytest.param("VL-Rethinker", "score", 43.9, {"benchmark": "MathVision", "unit": "%"},
                 id="vl_rethinker_mathvision"),
    pytest.param("Light-R1", "score", 74.0, {"benchmark": "AIME24"}, id="light_r1_aime24"),
    pytest.param("Light-R1", "score", 60.2, {"benchmark": "AIME25"}, id="light_r1_aime25"),
    pytest.param("SIFT", "score", 78.33,
                 {"benchmark": "AIME24", "condition": "before", "subject": "DeepSeek-R1"},
                 id="sift_aime24_before"),
    pytest.param("SIFT", "score", 85.67, {"benchmark": "AIME24", "subject": "SIFT"},
                 id="sift_aime24_after"),
    pytest.param("PreMoe", "memory", 390.0, {"unit": "GB", "value_si": 3.9e11, "unit_si": "B"},
                 id="premoe_390gb"),
]


@pytest.mark.parametrize(("title_start", "kind", "value", "expected"), ISSUE_SPOT_CHECKS)
def test_issue_spot_checks(corpus_rows, title_start: str, kind: str, value: float,
                           expected: dict) -> None:
    row = find_row(paper_rows(corpus_rows, title_start), kind, value)
    fields = {name: wanted for name, wanted in expected.items() if name != "subject"}
    # an empty field may be "" or None in a row dict (spec 2: empty is null outside CSV)
    actual = {name: "" if row[name] is None and wanted == "" else row[name]
              for name, wanted in fields.items()}
    assert actual == {
        name: pytest.approx(wanted) if isinstance(wanted, float) else wanted
        for name, wanted in fields.items()}
    if "subject" in expected:
        assert same_subject(row["subject"], expected["subject"]), (row["subject"], expected["subject"])


# (title start, kind, value, text the baseline must contain)
ISSUE_BASELINES = [
    pytest.param("Efficient N:M Sparse DNN Training", "speedup", 1.75, "dense training",
                 id="sparse_training_against_dense_training"),
]


@pytest.mark.parametrize(("title_start", "kind", "value", "baseline"), ISSUE_BASELINES)
def test_issue_baselines(corpus_rows, title_start: str, kind: str, value: float, baseline: str) -> None:
    row = find_row(paper_rows(corpus_rows, title_start), kind, value)
    assert baseline in (row["baseline"] or "")


# (title start, value, subject named in the sentence) -- spec 2: "named as the abstract names it"
ISSUE_SUBJECTS = [
    pytest.param("Light-R1", 74.0, "Light-R1-14B-DS", id="light_r1_aime24_subject"),
    pytest.param("Light-R1", 60.2, "Light-R1-14B-DS", id="light_r1_aime25_subject"),
    pytest.param("VL-Rethinker", 80.3, "VL-Rethinker", id="vl_rethinker_subject"),
]


@pytest.mark.parametrize(("title_start", "value", "subject"), ISSUE_SUBJECTS)
def test_issue_subjects(corpus_rows, title_start: str, value: float, subject: str) -> None:
    row = find_row(paper_rows(corpus_rows, title_start), "score", value)
    assert row["subject"] == subject


def test_corpus_rows_sorted_and_spans_hold_digits(corpus_rows) -> None:
    abstracts = {paper.title: paper.abstract for paper in read_papers(SAMPLE)}
    for title, rows in corpus_rows.items():
        assert [r["char_start"] for r in rows] == sorted(r["char_start"] for r in rows)
        for row in rows:
            text = abstracts[title][row["char_start"]:row["char_end"]]
            assert text and (any(c.isdigit() for c in text) or row["rule"].endswith(".word")), (
                title, text, row)
