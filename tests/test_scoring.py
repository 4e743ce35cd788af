"""Tests of extract.evaluation.scoring: spec section 5 on small hand-made claims tables."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from extract.output.schema import COLUMNS
from extract.evaluation.scoring import Score, fold, score

PAPER = {"paper_id": "2503.06749", "title": "Vision-R1: Incentivizing Reasoning in MLLMs"}


def claim(kind: str = "score", value: float | None = 73.5, char_start: int | None = 100,
          **fields) -> dict:
    """One claims-table row of PAPER; fields not given are empty."""
    row = dict.fromkeys(COLUMNS, "")
    row.update(PAPER, kind=kind, value=value, char_start=char_start, char_end=None, rule="test")
    row.update(fields)
    return row


def table(*rows: dict, note: bool = False) -> pd.DataFrame:
    columns = [*COLUMNS, "note"] if note else list(COLUMNS)
    return pd.DataFrame(list(rows), columns=columns)


FIGURES = ("precision", "recall", "f1", "leaderboard_precision", "leaderboard_recall",
           "leaderboard_f1", "subject", "hardware", "sign")


def figures(result: Score) -> dict[str, float]:
    return {name: getattr(result, name) for name in FIGURES}


# Golden tables modelled on claim-spec.md's examples (sections 1-3).
SPEC_TABLES = {
    "one score": [claim(subject="Vision-R1-7B", benchmark="MathVista", metric="accuracy",
                        unit="%")],
    "paired list (RT-DETR)": [
        claim(value=53.1, char_start=40, subject="RT-DETR-R50", benchmark="COCO", metric="AP",
              unit="%"),
        claim(value=54.3, char_start=48, subject="RT-DETR-R101", benchmark="COCO", metric="AP",
              unit="%"),
        claim("throughput", 108, 70, subject="RT-DETR-R50", unit="frame/s", hardware="T4"),
        claim("throughput", 74, 76, subject="RT-DETR-R101", unit="frame/s", hardware="T4"),
    ],
    "negative delta and a speedup": [
        claim("delta", -0.4, 10, subject="X", benchmark="ImageNet", metric="top-1 accuracy",
              unit="%", baseline="ViT-B"),
        claim("speedup", 1.75, 60, subject="X", unit="x", qualifier="up_to", hardware="H800",
              hardware_count=512),
    ],
}


@pytest.mark.parametrize("rows", SPEC_TABLES.values(), ids=SPEC_TABLES.keys())
def test_identical_tables_score_one_everywhere(rows):
    result = score(table(*rows), table(*rows))
    assert figures(result) == dict.fromkeys(FIGURES, 1.0)
    assert result.papers == ()


EMPTY_CASES = {
    # name: (extracted rows, golden rows, precision, recall, f1)
    "nothing extracted": ([], [claim()], 0.0, 0.0, 0.0),
    "golden has no claims": ([claim()], [], 0.0, 0.0, 0.0),
    "both empty agree": ([], [], 1.0, 1.0, 1.0),
    "only none rows in golden": ([], [claim("none", None, note="no claim")], 1.0, 1.0, 1.0),
}


@pytest.mark.parametrize("extracted, golden, precision, recall, f1", EMPTY_CASES.values(),
                         ids=EMPTY_CASES.keys())
def test_empty_tables(extracted, golden, precision, recall, f1):
    result = score(table(*extracted), table(*golden, note=True))
    assert (result.precision, result.recall, result.f1) == (precision, recall, f1)


VALUE_CASES = {
    # spec 5.2: abs(value) agree to 1e-6 relative
    "equal": (73.5, 73.5, True),
    "off by 1e-3": (73.5, 73.501, False),
    "off by 1e-3 relative": (1000.0, 1001.0, False),
    "off by 1e-9 relative": (73.5, 73.5 * (1 + 1e-9), True),
    "two zeros": (0.0, 0.0, True),
    "zero against negative zero": (0.0, -0.0, True),
    "zero against a tiny number": (0.0, 1e-12, False),
    "opposite signs agree in abs": (-2.1, 2.1, True),
}


@pytest.mark.parametrize("golden_value, extracted_value, matches", VALUE_CASES.values(),
                         ids=VALUE_CASES.keys())
def test_values_match_to_relative_tolerance(golden_value, extracted_value, matches):
    result = score(table(claim("delta", extracted_value)), table(claim("delta", golden_value)))
    assert result.matched == int(matches)


FAMILY_CASES = {
    # spec 5.1 families; (golden kind, extracted kind, claim match, leaderboard match)
    "delta 5 for a golden score 5": ("score", "delta", True, False),
    "score 5 for a golden delta 5": ("delta", "score", True, False),
    "reduction for a golden speedup": ("speedup", "reduction", True, False),
    "speedup for a golden latency": ("latency", "speedup", False, False),
    "latency for a golden throughput": ("throughput", "latency", False, False),
    "memory for a golden reduction": ("reduction", "memory", False, False),
    "score for a golden memory": ("memory", "score", False, False),
    "same kind": ("memory", "memory", True, True),
}


@pytest.mark.parametrize("golden_kind, extracted_kind, claim_match, leaderboard_match",
                         FAMILY_CASES.values(), ids=FAMILY_CASES.keys())
def test_kinds_match_within_their_family(golden_kind, extracted_kind, claim_match,
                                         leaderboard_match):
    result = score(table(claim(extracted_kind, 5.0)), table(claim(golden_kind, 5.0)))
    assert result.f1 == (1.0 if claim_match else 0.0)
    assert result.leaderboard_f1 == (1.0 if leaderboard_match else 0.0)


def test_a_golden_row_matches_at_most_once():
    result = score(table(claim(), claim()), table(claim()))
    assert (result.matched, result.precision, result.recall) == (1, 0.5, 1.0)
    [paper] = result.papers
    assert len(paper.extra) == 1 and paper.missed == ()


GREEDY_CASES = {
    # Two golden rows share a value; each extracted row takes the closest unmatched one.
    "extracted near the second golden row": ([180], {20}),
    "extracted near the first golden row": ([30], {200}),
    "both extracted, crossed offsets": ([190, 25], set()),
    "extracted without offset takes the first in order": ([None], {200}),
}


@pytest.mark.parametrize("extracted_starts, missed_starts", GREEDY_CASES.values(),
                         ids=GREEDY_CASES.keys())
def test_greedy_pass_takes_the_closest_char_start(extracted_starts, missed_starts):
    golden = table(claim(char_start=20), claim(char_start=200))
    extracted = table(*(claim(char_start=start) for start in extracted_starts))
    result = score(extracted, golden)
    missed = {row["char_start"] for paper in result.papers for row in paper.missed}
    assert missed == missed_starts


def test_greedy_pass_prefers_the_same_kind_on_a_tie():
    golden = table(claim("score", 5.0, 50), claim("delta", 5.0, 50))
    result = score(table(claim("delta", 5.0, 50)), golden)
    assert result.leaderboard_matched == 1
    [paper] = result.papers
    assert [row["kind"] for row in paper.missed] == ["score"]


SIGN_CASES = {
    "drop written as a gain": (-2.1, 2.1, 0.0),
    "gain written as a gain": (2.1, 2.1, 1.0),
    "drop written as a drop": (-0.4, -0.4, 1.0),
}


@pytest.mark.parametrize("golden_value, extracted_value, sign_share", SIGN_CASES.values(),
                         ids=SIGN_CASES.keys())
def test_sign_share(golden_value, extracted_value, sign_share):
    result = score(table(claim("delta", extracted_value)), table(claim("delta", golden_value)))
    assert result.matched == 1
    assert result.sign == sign_share
    flagged = [d.fields for paper in result.papers for d in paper.differing]
    assert flagged == ([] if sign_share else [("sign",)])


PAPER_CASES = {
    # spec 5.2: same paper_id, or the same title ignoring case and punctuation
    "same id, other title": ("2503.06749", "Something else", True),
    "slug id, title in other case": ("vision-r1", "VISION-R1: incentivizing reasoning in MLLMs",
                                     True),
    "slug id, title without punctuation": ("vision-r1", "Vision R1 Incentivizing Reasoning in "
                                           "MLLMs.", True),
    "other id, other title": ("2503.99999", "Vision-R2: Incentivizing Reasoning in MLLMs",
                              False),
}


@pytest.mark.parametrize("paper_id, title, matches", PAPER_CASES.values(), ids=PAPER_CASES.keys())
def test_papers_match_by_id_or_folded_title(paper_id, title, matches):
    result = score(table(claim(paper_id=paper_id, title=title)), table(claim()))
    assert result.matched == int(matches)
    if not matches:
        assert [p.paper_id for p in result.papers] == [PAPER["paper_id"], paper_id]


def test_kinds_outside_the_seven_are_ignored():
    golden = table(claim(), claim("none", None, char_start=None, note="no claim"),
                   claim("none", float("nan"), note="a version number"), note=True)
    extracted = table(claim(), claim("model_size", 7e9), claim("none", 3.0))
    result = score(extracted, golden)
    assert (result.golden_rows, result.extracted_rows, result.matched) == (1, 1, 1)


NAME_CASES = {
    # spec 5.4 and section 4's folding examples; (golden, extracted, leaderboard match)
    "GPQA-Diamond vs gpqa diamond": ({"benchmark": "GPQA-Diamond"},
                                     {"benchmark": "gpqa diamond"}, True),
    "MATH-500 vs MATH500": ({"benchmark": "MATH-500"}, {"benchmark": "MATH500"}, True),
    "AIME24 vs AIME25": ({"benchmark": "AIME24"}, {"benchmark": "AIME25"}, False),
    "golden without benchmark": ({"benchmark": ""}, {"benchmark": "COCO"}, True),
    "benchmark missed": ({"benchmark": "COCO"}, {"benchmark": ""}, False),
    "Top-1 accuracy vs top-1 accuracy": ({"metric": "top-1 accuracy"},
                                         {"metric": "Top-1 Accuracy"}, True),
    "pass@1 vs accuracy": ({"metric": "pass@1"}, {"metric": "accuracy"}, False),
    "golden without metric": ({"metric": ""}, {"metric": "accuracy"}, True),
}


@pytest.mark.parametrize("golden_fields, extracted_fields, leaderboard_match",
                         NAME_CASES.values(), ids=NAME_CASES.keys())
def test_leaderboard_names_compared_after_folding(golden_fields, extracted_fields,
                                                  leaderboard_match):
    result = score(table(claim(**extracted_fields)), table(claim(**golden_fields)))
    assert result.f1 == 1.0
    assert result.leaderboard_f1 == (1.0 if leaderboard_match else 0.0)


@pytest.mark.parametrize("kind, leaderboard_match", [("score", False), ("delta", False),
                                                     ("speedup", True), ("latency", True)])
def test_metric_only_counts_for_quality_kinds(kind, leaderboard_match):
    result = score(table(claim(kind, metric="inference speed")),
                   table(claim(kind, metric="training speed")))
    assert result.leaderboard_matched == int(leaderboard_match)


SHARE_CASES = {
    # (field, golden, extracted, right)
    "subject equal after folding": ("subject", "Vision-R1-7B", "vision r1 7b", True),
    "golden subject contains extracted": ("subject", "Vision-R1-7B", "Vision-R1", True),
    "extracted subject contains golden": ("subject", "Vision-R1", "Vision-R1-7B model", True),
    "subject missing": ("subject", "Vision-R1", "", False),
    "baseline's name for own number": ("subject", "Vision-R1", "OpenAI o1", False),
    "hardware both empty": ("hardware", "", "", True),
    "hardware folded": ("hardware", "RTX 4090", "rtx4090", True),
    "hardware missing": ("hardware", "A100", "", False),
    "hardware invented": ("hardware", "", "A100", False),
}


@pytest.mark.parametrize("field, golden_text, extracted_text, right", SHARE_CASES.values(),
                         ids=SHARE_CASES.keys())
def test_subject_and_hardware_shares(field, golden_text, extracted_text, right):
    result = score(table(claim(**{field: extracted_text})), table(claim(**{field: golden_text})))
    assert getattr(result, field) == (1.0 if right else 0.0)


def test_differing_fields_are_listed_per_matched_row():
    golden = table(claim(subject="Vision-R1", benchmark="MathVista", metric="accuracy", unit="%",
                         qualifier="up_to", baseline="GPT-4o"))
    extracted = table(claim("delta", subject="Vision-R1", benchmark="mathvista",
                            metric="accuracy", unit="pp", qualifier="", baseline="gpt 4o",
                            hardware="H100"))
    [paper] = score(extracted, golden).papers
    [diff] = paper.differing
    assert diff.fields == ("kind", "hardware", "unit", "qualifier")
    assert (diff.golden["unit"], diff.extracted["unit"]) == ("%", "pp")


def test_figures_use_threshold_names():
    result = score(table(claim(), claim(value=1.0)), table(claim(), claim(value=2.0)))
    assert result.figures()["claim_f1"] == result.f1 == 0.5
    assert set(result.figures()) >= {"claim_f1", "leaderboard_f1", "precision", "recall",
                                     "subject", "hardware", "sign"}


def test_numbers_read_from_csv_text():
    # A golden file read with dtype=str keeps every cell as text.
    golden = table(claim(value="73.5", char_start="100", char_end="104")).astype(str)
    result = score(table(claim()), golden)
    assert result.matched == 1


def test_a_value_that_is_not_a_number_names_the_row():
    with pytest.raises(ValueError, match=r"golden table, row 2: value 'n/a'"):
        score(table(claim()), table(claim(), claim(value="n/a")))


@pytest.mark.parametrize("name, folded", [("GPQA-Diamond", "gpqadiamond"),
                                          ("  Top-1 Accuracy ", "top1accuracy"),
                                          ("Ascend 910C", "ascend910c"), ("", "")])
def test_fold(name, folded):
    assert fold(name) == folded


def test_nan_figures_never_appear():
    result = score(table(), table(claim()))
    assert not any(math.isnan(v) for v in result.figures().values())


# Benchmark and metric agreement on matched rows (what a leaderboard's placement depends on),
# cases from spec section 5 and golden/README.md's folding.
AGREEMENT_CASES = [
    pytest.param({"benchmark": "MATH500"}, {"benchmark": "math-500"}, (1.0, 1.0), id="spec:benchmark folded"),
    pytest.param({"benchmark": "MATH500"}, {"benchmark": ""}, (0.0, 1.0), id="spec:benchmark missing"),
    pytest.param({"benchmark": ""}, {"benchmark": ""}, (1.0, 1.0), id="spec:both empty agree"),
    pytest.param({"metric": "top-1 accuracy"}, {"metric": "accuracy"}, (1.0, 0.0), id="spec:metric differs"),
    pytest.param({"metric": ""}, {"metric": "AP"}, (1.0, 0.0), id="spec:metric where golden has none"),
]


@pytest.mark.parametrize(("golden_fields", "extracted_fields", "expected"), AGREEMENT_CASES)
def test_benchmark_and_metric_agreement_on_matched_rows(golden_fields, extracted_fields, expected):
    result = score(table(claim(**extracted_fields)), table(claim(**golden_fields)))
    assert result.matched == 1
    assert (result.benchmark, result.metric) == expected
    assert (result.figures()["benchmark"], result.figures()["metric"]) == expected
