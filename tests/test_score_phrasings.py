"""Scores, changes and reductions in phrasings the wide corpus uses and the sample does not
(issue 11, round 2: missed claims of the wide golden file). One table per rule; cases are named by
where they came from (`wide:ID`, a sentence of the wide arXiv corpus, abridged); expectations are
what a reader annotates from the spec, never the extractor's output."""
from __future__ import annotations

import pytest

from extract.engine.claims import extract_paper
from extract.output.schema import KINDS, Paper


def _claims(abstract: str) -> list[tuple]:
    rows = extract_paper(Paper("p", "FooNet: A Test", abstract))
    return [(r["kind"], r["value"], r["unit"], r["metric"]) for r in rows if r["kind"] in KINDS]


# cues.SCORE_VERB: "a score of N%" states a score reached, as a scoring verb does
SCORE_OF = [
    pytest.param("The best model, GPT-4o, achieves only a score of 72.23%.", [("score", 72.23, "%", "")],
                 id="wide:2508.03523 achieving only a score of"),
    pytest.param("Frontier LMs such as Gemini 2.5 Pro and GPT-5 achieve modest baseline scores of 31.3% and 29.1%, "
                 "respectively.", [("score", 31.3, "%", ""), ("score", 29.1, "%", "")],
                 id="wide:2511.22173 baseline scores of N% and M%"),
]

# cues.CONSTRAINT_AFTER: "N% precision" is a metric's value; a number format ("16-bit precision")
# is read by the "bits" of that cue
PRECISION_AFTER = [
    pytest.param("The system detects license plates with 86% precision.", [("score", 86.0, "%", "precision")],
                 id="wide:2504.10810 with N% precision"),
    pytest.param("The model attains 91.3% precision, 76.6% recall, and 86.4% mAP@50.",
                 [("score", 91.3, "%", "precision"), ("score", 76.6, "%", "recall"), ("score", 86.4, "%", "mAP@50")],
                 id="wide:2508.11517 N% precision, M% recall"),
    pytest.param("The detector attained 99.18% mAP50 with 0.968 precision and 0.978 recall.",
                 [("score", 99.18, "%", "mAP@50"), ("score", 0.968, "", "precision"), ("score", 0.978, "", "recall")],
                 id="wide:2510.18405 0.968 precision"),
]

# rules.TABLE reduction.fraction_of_baseline with cues.LEFT_USING_ONLY: what a system uses "only"
# N% of is a reduction, whatever it uses
USING_ONLY = [
    pytest.param("Our approach surpasses full-context prompting while using only 0.4% of the original contexts.",
                 [("reduction", 0.4, "%", "")], id="wide:2504.01707 using only N% of the contexts"),
    pytest.param("At the lowest LOD, our method uses only 6.2% of the Gaussians.", [("reduction", 6.2, "%", "")],
                 id="wide:2510.05488 uses only N% of the Gaussians"),
    pytest.param("We trained the CoIDO scorer using only 20 percent of randomly sampled data.",
                 [("reduction", 20.0, "%", "data")], id="wide:2510.17847 using only N percent"),
]


@pytest.mark.parametrize(("abstract", "expected"), USING_ONLY)
def test_a_share_of_what_is_used_is_a_reduction(abstract: str, expected: list) -> None:
    assert _claims(abstract) == expected


@pytest.mark.parametrize(("abstract", "expected"), SCORE_OF)
def test_a_score_of_is_a_score(abstract: str, expected: list) -> None:
    assert _claims(abstract) == expected


@pytest.mark.parametrize(("abstract", "expected"), PRECISION_AFTER)
def test_precision_after_a_number_is_its_metric(abstract: str, expected: list) -> None:
    assert _claims(abstract) == expected
