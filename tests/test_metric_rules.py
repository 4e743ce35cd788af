"""The metric of a score or delta (issue 11 item 5; golden/README.md "metric").

One table per rule, cases named by where they came from (`wide:ID`: a sentence of the wide arXiv
corpus, abridged; `sample`: the built-in sample; `spec`: the spec's wording). Expectations are
what a reader annotates, never the extractor's output.
"""
from __future__ import annotations

import pytest

from extract.engine.claims import extract_paper
from extract.output.schema import KINDS, Paper


def _metrics(abstract: str) -> list[tuple[float, str]]:
    rows = extract_paper(Paper("p", "FooNet: A Test", abstract))
    return [(abs(r["value"]), r["metric"]) for r in rows if r["kind"] in ("score", "delta")]


# --- a metric is not carried across a list from a neighbouring item ------------------------------
NOT_FROM_A_NEIGHBOUR = [
    pytest.param("FooNet shows strong results (ROC-AUC: 90%, ACC: 84%).", [(90.0, "AUROC"), (84.0, "accuracy")],
                 id="wide:2504.08635 label before each number"),
    pytest.param("FooNet keeps robust performance (SSIM > 0.93, MSE < 0.004).", [(0.93, "SSIM"), (0.004, "MSE")],
                 id="wide:2504.08635 the metric after a comma is the next item's"),
    pytest.param("FooNet reaches a recall of 91% and an AUC of 96%.", [(91.0, "recall"), (96.0, "AUC")],
                 id="spec AUC of 96% is AUC"),
    pytest.param("FooNet reaches a DSC of 0.56, 5 mm DSC of 0.73, HD95 of 41.1 mm.",
                 [(0.56, "Dice"), (0.73, "Dice")], id="wide:2508.21227 a unit between name and value"),
    pytest.param("FooNet reaches a loss of 54%, accuracy of 73%, precision of 88%.",
                 [(73.0, "accuracy"), (88.0, "precision")],
                 id="wide:2512.02364 each item of a list keeps its own metric"),
    pytest.param("FooNet reaches a loss of 54%, accuracy of 73%, zetaness of 88%.",
                 [(73.0, "accuracy"), (88.0, "")],
                 id="spec an unknown name keeps its number from the neighbour's metric"),
    pytest.param("We achieve a prediction error of 1.591 cm on the test set and 1.439 cm with calibration.",
                 [(1.591, "error"), (1.439, "error")], id="sample one-eye an ellipsis shares the metric"),
]

# --- one number for several metrics together has none ----------------------------------------------
SEVERAL_METRICS = [
    pytest.param("For the binary task, all models achieved over 99.93% in accuracy, recall, and F1-score.",
                 [(99.93, "")], id="wide:2505.17363 one number, four metrics"),
]

# --- paired lists of numbers and metrics pair in order ---------------------------------------------
PAIRED_METRICS = [
    pytest.param("We achieve improvements of 7.5% and 4.3% in AbsRel and RMSE on average.",
                 [(7.5, "AbsRel"), (4.3, "RMSE")], id="wide:2503.20211 numbers then metrics"),
    pytest.param("Flan-T5 yields ROUGE-1, ROUGE-2, and ROUGE-L scores of 0.4543, 0.2877, and 0.4427, "
                 "respectively.", [(0.4543, "ROUGE-1"), (0.2877, "ROUGE-2"), (0.4427, "ROUGE-L")],
                 id="wide:2509.12955 metrics then numbers"),
    pytest.param("FooNet lowers the Mean Absolute Error (MAE) and Mean Absolute Percentage Error (MAPE) "
                 "to approximately 0.5 and 0.03, respectively.", [(0.5, "MAE"), (0.03, "MAPE")],
                 id="wide:2506.22096 metrics with acronyms, then numbers"),
    pytest.param("FooNet improves the AUC from 0.821 to 0.849 and the recall from 0.37 to 0.49.",
                 [(0.821, "AUC"), (0.849, "AUC"), (0.37, "recall"), (0.49, "recall")],
                 id="wide:2509.02351 a before/after pair keeps its own metric"),
]


@pytest.mark.parametrize(("abstract", "expected"), NOT_FROM_A_NEIGHBOUR)
def test_metric_is_not_taken_from_a_neighbouring_item(abstract, expected) -> None:
    assert [m for m in _metrics(abstract) if m[0] in {v for v, _ in expected}] == expected


@pytest.mark.parametrize(("abstract", "expected"), SEVERAL_METRICS)
def test_one_number_for_several_metrics_has_none(abstract, expected) -> None:
    assert _metrics(abstract) == expected


@pytest.mark.parametrize(("abstract", "expected"), PAIRED_METRICS)
def test_paired_lists_pair_metrics_in_order(abstract, expected) -> None:
    assert _metrics(abstract) == expected


# --- metrics of the field the vocabulary holds (extract/data/metrics.txt) ---------------------------
FIELD_METRICS = [
    pytest.param("FooNet outperforms the previous best method by +4% in NDS and +2.4% in mAP.",
                 [(4.0, "NDS"), (2.4, "mAP")], id="wide:2505.17732 NDS is nuScenes' metric, not a benchmark"),
    pytest.param("On average, FooNet improves AUROC by 4.7% and FPR@95 by 9.3% over the second best.",
                 [(4.7, "AUROC"), (9.3, "FPR@95")], id="wide:2506.23881 FPR at 95% recall"),
    pytest.param("Specifically, FooNet has a 0.81% failure rate equivalent to 99.19% accuracy.",
                 [(0.81, "failure rate"), (99.19, "accuracy")], id="wide:2507.10474 failure rate"),
    pytest.param("FooNet achieves Top-1 accuracies of 76.3% and 79.6% on ImageNet-1K.",
                 [(76.3, "top-1 accuracy"), (79.6, "top-1 accuracy")], id="wide:2508.16884 a plural"),
    pytest.param("Our models achieved macro F1-scores of 0.4444 on the shared task.",
                 [(0.4444, "macro F1")], id="wide:2507.15641 a plural"),
    pytest.param("FooNet delivers consistent gains: +5.15% Average@32 on AIME 2024.",
                 [(5.15, "avg@32")], id="wide:2510.06261 the mean over k samples"),
    pytest.param("Experiments demonstrate that FooNet attains a MOS of 4.52 using a 5.2-hour training subset.",
                 [(4.52, "MOS")], id="wide:2512.22491 mean opinion score"),
    pytest.param("Ablations confirm hierarchical guidance improves agglutinative word pronunciation accuracy (AWPA) "
                 "by 31% and prosodic naturalness by 27%.", [(31.0, "AWPA"), (27.0, "prosodic naturalness")],
                 id="wide:2512.22491 a name abbreviated in brackets; a second 'and X by' names its own metric"),
    pytest.param("FooNet improves the LPIPS score by 30.5% and the CSD metric by 18.1%.",
                 [(30.5, "LPIPS"), (18.1, "CSD")], id="wide:2507.20721 'and the X metric by'"),
    pytest.param("FooNet reaches a mean absolute error (MAE) of 0.26.", [(0.26, "MAE")],
                 id="spec: an abbreviation the vocabulary knows keeps its canonical name"),
    pytest.param("FooNet achieves an average accuracy of 82.9%, outperforming baselines by a clear margin of 2.1%.",
                 [(82.9, "accuracy"), (2.1, "accuracy")], id="wide:2511.23136 a margin is no metric of its own"),
    pytest.param("FooNet shows 94.5% top-3 accuracy and a 37% improvement in diversity representation.",
                 [(94.5, "top-3 accuracy"), (37.0, "diversity representation")],
                 id="wide:2509.25435 'improvement in X' names X"),
    pytest.param("Refined slogans are 48.4% shorter, with only a 4.0% drop in relevance.", [(4.0, "relevance")],
                 id="wide:2507.18004 'drop in X'"),
    pytest.param("FooNet boosts ZSAD models by up to a 5.2% gain in pixel-AP metrics.", [(5.2, "pixel-AP")],
                 id="wide:2511.22595 'gain in X metrics'"),
    pytest.param("FooNet achieves a +4.1% improvement in MMLU performance and a +22.9% improvement in HarmBench.",
                 [(4.1, ""), (22.9, "")], id="wide:2508.12535 a benchmark after 'improvement in' is no metric"),
    pytest.param("The pitch detection model achieved 99.5% mean Average Precision at 50% IoU (mAP50) with a "
                 "precision of 0.999.", [(99.5, "mAP@50"), (0.999, "precision")],
                 id="wide:2510.18405 a threshold and the specific name in brackets; the threshold is no claim"),
    pytest.param("FooNet attains 1.39% phoneme error on MyST and 8.61% on Multitudes.",
                 [(1.39, "phoneme error"), (8.61, "phoneme error")], id="wide:2507.03043 phoneme error"),
    pytest.param("Remarkably, FooNet improves Dynamic Degree and Imaging Quality by 233% and 40.5% over the "
                 "previous best method.", [(233.0, "dynamic degree"), (40.5, "imaging quality")],
                 id="wide:2511.20123 VBench's dimensions, paired in order"),
]


@pytest.mark.parametrize(("abstract", "expected"), FIELD_METRICS)
def test_metrics_of_the_field(abstract, expected) -> None:
    assert _metrics(abstract) == expected


# --- a metric carries from an earlier sentence to a number on the same benchmark, or on none -----
CARRIED_METRIC = [
    pytest.param("FooNet reaches 97.2% accuracy on MATH500. With fewer tokens, it achieves 97.15% on MATH500.",
                 [(97.2, "accuracy"), (97.15, "accuracy")], id="spec: golden README, the same benchmark"),
    pytest.param("FooNet achieves 29.9 nDCG@10 with reranker on BRIGHT. Applied to RAG, FooNet improves "
                 "MMLU and GPQA performance by 6.4% and 22.6% respectively.",
                 [(29.9, "NDCG@10"), (6.4, ""), (22.6, "")],
                 id="wide:2504.20595 another benchmark's metric does not carry"),
]


@pytest.mark.parametrize(("abstract", "expected"), CARRIED_METRIC)
def test_a_metric_carries_to_the_same_benchmark(abstract, expected) -> None:
    assert _metrics(abstract) == expected
