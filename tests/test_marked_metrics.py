"""Metrics the vocabulary does not know, read where the text marks a name as one
(extract/engine/marked_metrics.py). Cases are named by where they came from (`wide:ID`, a
sentence of the wide arXiv corpus, abridged); expectations are what a reader annotates."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from extract.engine.claims import extract_paper
from extract.engine.marked_metrics import marked_metric
from extract.output.schema import KINDS, Paper


def _metrics(abstract: str) -> list[tuple]:
    rows = extract_paper(Paper("p", "FooNet: A Test", abstract))
    return [(r["kind"], r["value"], r["metric"]) for r in rows if r["kind"] in KINDS]


# (sentence, (kind, value, metric) per claim)
MARKED_METRICS = [
    pytest.param("Even state-of-the-art models achieve less than 15% strict scores.", [("score", 15.0, "strict score")],
                 id="wide:2509.14232 N% <name> scores"),
    pytest.param("FooNet achieved a 100.00% optimality rate with negligible inefficiency.",
                 [("score", 100.0, "optimality rate")], id="wide:2508.12943 a N% <name> rate"),
    pytest.param("Baseline models' refusal rates drop by 70-80% after abliteration.",
                 [("delta", -80.0, "refusal rate")], id="wide:2505.19056 <name> rates drop by"),
    pytest.param("FooNet improves the Image Success Ratio by 17.7% over FLUX.",
                 [("delta", 17.7, "image success ratio")], id="wide:2503.12885 improves the <Name> Ratio by"),
    pytest.param("At the Refine stage, creativity scores increase by 52.5%.", [("delta", 52.5, "creativity score")],
                 id="wide:2507.18004 <name> scores increase by"),
    pytest.param("FooNet achieves an average alignment score of 87.7%.", [("score", 87.7, "alignment score")],
                 id="wide:2507.06715 an average <name> score of"),
    pytest.param("Our framework improves task success rates by 46.2% over Code-as-Policies baselines.",
                 [("delta", 46.2, "success rate")], id="wide:2510.21302 the vocabulary's name where it knows one"),
    pytest.param("The best results are an F2 score of 64.55% for multimodal legal retrieval.",
                 [("score", 64.55, "F2")], id="wide:2510.20381 F2 score (metrics.txt)"),
    pytest.param("FooNet achieves accuracy rates of 73%, 93%, and 90% on A, B, and C, respectively.",
                 [("score", 73.0, "accuracy"), ("score", 93.0, "accuracy"), ("score", 90.0, "accuracy")],
                 id="wide:2511.20011 a known metric before the head keeps its name"),
]

# cues.QUALITY_NOUNS: what a system makes fewer of, where it is no resource, is a quality: a reduction
# of it is a negative delta (golden/README.md "Borderline kinds"), its metric what the text names
REDUCED_QUALITIES = [
    pytest.param("FooNet reduces the temporal inconsistency by 29%.", [("delta", -29.0, "temporal inconsistency")],
                 id="wide:2508.04705 reduces the <quality> by"),
    pytest.param("Our system achieves 94.2% accuracy, with a 35% relative reduction in false positives on academic text.",
                 [("score", 94.2, "accuracy"), ("delta", -35.0, "false positives")],
                 id="wide:2511.22153 a relative reduction in false positives"),
    pytest.param("Our evaluations demonstrate a significant 35% reduction in privacy leakage.",
                 [("delta", -35.0, "privacy leakage")], id="wide:2511.08666 a reduction in privacy leakage"),
    pytest.param("Joint training decreases WER by 28.3% on LibriSpeech.", [("delta", -28.3, "WER")],
                 id="wide:2508.04814 decreases WER by"),
    pytest.param("Using the three parts in conjunction reduces hallucinations by up to 85%.",
                 [("delta", -85.0, "hallucinations")], id="wide:2510.00276 reduces hallucinations by"),
    pytest.param("FooNet reduces memory usage by 40%.", [("reduction", 40.0, "memory")], id="spec: a resource stays a reduction"),
]

# numbers beside a head word that names no metric: a verb, a setting, an adjective
NO_MARKED_METRIC = [
    pytest.param("The strongest model attains 30% accuracy, while humans score 97%.", 30, "",
                 id="wide:2505.23764 score is a verb"),
    pytest.param("It maintains robust performance, evidenced by impressive scores of 72.0 on AIME.", 0, "",
                 id="wide:2504.05599 impressive scores"),
    pytest.param("FooNet reaches 85.1% with a learning rate of 0.001.", 20, "", id="spec: a setting's rate"),
    pytest.param("Our agent achieves a score of 16.33%.", 0, "", id="wide:2508.20404 a score with no name"),
]


@pytest.mark.parametrize(("abstract", "expected"), MARKED_METRICS)
def test_a_marked_name_is_the_metric(abstract: str, expected: list) -> None:
    assert _metrics(abstract) == expected


@pytest.mark.parametrize(("abstract", "expected"), REDUCED_QUALITIES)
def test_a_reduced_quality_is_a_negative_delta_on_it(abstract: str, expected: list) -> None:
    assert _metrics(abstract) == expected


@pytest.mark.parametrize(("sentence", "at", "expected"), NO_MARKED_METRIC)
def test_no_metric_where_the_head_names_none(sentence: str, at: int, expected: str) -> None:
    number = next(m for m in re.finditer(r"\d[\d.]*%?", sentence) if m.start() >= at)
    assert marked_metric(sentence, number.start(), number.end()) == expected


@given(st.text(max_size=120), st.integers(0, 120), st.integers(0, 120))
def test_never_crashes(sentence: str, start: int, end: int) -> None:
    assert isinstance(marked_metric(sentence, start, end), str)
