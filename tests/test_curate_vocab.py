"""Tests of scripts/curate_vocab.py: the curation of the Papers with Code name lists.

Cases are named ``pwc:<raw name>`` after the line of ``pwc-benchmarks.txt`` or
``pwc-metrics.txt`` they come from (issue 11 item 3); the curation runs on that one line
against the real hand-kept files and the real word list (wordfreq, in the test extra).
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from extract.engine import vocab
from extract.engine.vocab import MetricVocabulary, Vocabulary

pytest.importorskip("wordfreq", reason="the curation's word list (pip install wordfreq==3.1.1)")

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("curate_vocab", ROOT / "scripts" / "curate_vocab.py")
curate_vocab = importlib.util.module_from_spec(_spec)
sys.modules["curate_vocab"] = curate_vocab          # its dataclasses look their module up
_spec.loader.exec_module(curate_vocab)

DATA = ROOT / "extract" / "data"


@pytest.fixture(scope="module")
def words():
    return curate_vocab.Words.from_wordlist()


@pytest.fixture(scope="module")
def hand():
    return {"benchmarks": Vocabulary.from_file(DATA / "benchmarks.txt"),
            "metrics": MetricVocabulary.from_file(DATA / "metrics.txt")}


def _benchmark(raw, words, hand):
    curation = curate_vocab.curate_benchmarks(
        [raw], words, hand["benchmarks"], [hand["metrics"], vocab.hardware()])
    decision, = curation.decisions
    return decision, curation.lines()


def _metric(raw, words, hand):
    curation = curate_vocab.curate_metrics(
        [raw], words, hand["metrics"], [hand["benchmarks"], vocab.hardware()])
    decision, = curation.decisions
    return decision, curation.lines()


# (raw name, outcome, what it became: the data-file line if kept, the hand file's canonical
# name if known, the rule if left out).
BENCHMARK_CASES = [
    # splits, settings and years fold into the benchmark (here one the hand file has)
    ("COCO test-dev", "known", "COCO"),
    ("COCO minival", "known", "COCO"),
    ("CIFAR-10 (partial ratio 0.3)", "known", "CIFAR-10"),
    ("KITTI Cars Hard val", "kept", "KITTI Cars"),
    ("BSD100 - 2x upscaling", "kept", "BSD100"),
    ("DUTS-test", "kept", '"DUTS" = "DUTS-test"'),     # glued: the alias is needed
    ("ArgKP-2021", "kept", "ArgKP = ArgKP-2021"),
    ("Caltech Pedestrian Dataset", "kept", "Caltech Pedestrian"),
    ("The BioScope", "kept", "BioScope"),
    ("2018 Data Science Bowl", "kept", "2018 Data Science Bowl"),  # a leading year is the name
    ("ACE 2005", "kept", "ACE 2005"),         # "ACE" alone is too short
    ("OpenLane-V2", "kept", "OpenLane-V2"),             # versions are leaderboards of their own
    # ordinary English words: left out, or quoted where written as an acronym
    ("Cell", "out", "ordinary English words"),
    ("Time", "out", "ordinary English words"),
    ("Flowers", "out", "ordinary English words"),
    ("Weather (96)", "out", "ordinary English words"),
    ("12 Scenes", "out", "ordinary English words"),
    ("Hate Speech and Offensive Language", "out", "ordinary English words"),
    ("Dataset for Post-OCR Text Correction in Sanskrit", "out", "a description"),
    ("Real-world Datasets", "out", "ordinary English words"),       # a plural is as ordinary
    ("e-ViL", "out", "ordinary English words"),                     # text may write "evil"
    ("SCOPE Dataset", "kept", '"SCOPE"'),
    ("SUN RGB-D", "kept", '"SUN RGB-D"'),
    ("BotNet", "kept", '"BotNet"'),                     # a rare word: "botnet" in lower case
    ("Office-31", "kept", "Office-31"),                 # numbered like a name
    ("EPIC-KITCHENS-100", "kept", "EPIC-KITCHENS-100"),
    # never a benchmark
    ("SOTA", "out", "a company, a platform or a model"),
    ("Amazon", "out", "a company, a platform or a model"),
    ("CTC", "out", "fewer than 4 letters"),
    ("2019_test set", "out", "no letter"),
    # junk
    ("01/01/1967' AND 2*3*8=6*8 AND 'AncJ'='AncJ", "out", "injected SQL"),
    ("How do I speak to someone on Expedia?", "out", "spam"),
    ("^(#$!@#$)(()))******", "out", "markup"),
    ("13.8", "out", "no letter"),
    ("Motor Imagery dataset from Zhou et al 2016.", "out", "a sentence"),
    ("allrecipes.com", "out", "a file name or address"),
]


@pytest.mark.parametrize("raw, outcome, became", BENCHMARK_CASES,
                         ids=[f"pwc:{raw}" for raw, *_ in BENCHMARK_CASES])
def test_benchmark_curation(raw, outcome, became, words, hand):
    _assert_decided(*_benchmark(raw, words, hand), outcome, became)


# (raw name, outcome, the data-file line if kept, else the hand file's name or the rule)
METRIC_CASES = [
    ("F1 (5% Few-Shot)", "known", "F1"),
    ("Accuracy (%)", "known", "accuracy"),
    ("Test Accuracy", "known", "accuracy"),
    ("Word Error Rate (WER)", "known", "WER"),
    ("Classification Accuracy (ResNet-50)", "known", "accuracy"),   # a qualified hand metric
    ("Spearman Correlation", "known", "Spearman correlation"),
    ("Mean Reward", "kept", "mean reward [higher]"),
    ("MPJPE", "kept", "MPJPE [lower]"),
    ("Hallucination Rate", "kept", "hallucination rate [lower]"),
    ("mean rotation error", "known", "error"),               # qualified hand metric
    ("Chamfer AP", "kept", "Chamfer AP [higher]"),              # AP decides, not Chamfer
    ("mDice", "kept", "mDice [higher]"),                # a glued "mean" before a known word
    ("minADE", "kept", "minADE [lower]"),
    ("BLEU-1", "known", "BLEU-1"),                       # hand-kept (found by claimboard names)
    ("Levenshtein", "kept", "Levenshtein [lower]"),
    ("Accuracy (in %)", "known", "accuracy"),           # no "accuracy in"
    ("Kitchen", "out", "an ordinary English word"),
    ("Top-1", "out", "a bare rank"),
    ("Rank-1", "out", "a bare rank"),
    ("PQ", "out", "fewer than 3 letters"),
    ("AUC Stdev", "out", "direction undecided (Stdev)"),
    ("FID gap", "out", "direction undecided (gap)"),
    ("South Asian", "out", "no direction rule names it"),
    ("Accuracy of Extraversion", "out", "a subset or condition in words"),
    ("Put Carrot on Plate", "out", "a subset or condition in words"),
]


@pytest.mark.parametrize("raw, outcome, became", METRIC_CASES,
                         ids=[f"pwc:{raw}" for raw, *_ in METRIC_CASES])
def test_metric_curation(raw, outcome, became, words, hand):
    _assert_decided(*_metric(raw, words, hand), outcome, became)


def _assert_decided(decision, lines, outcome: str, became: str) -> None:
    """A curation decision as a case row says: kept as the data-file line `became`, known to
    the hand file as `became`, or left out by the rule `became`."""
    assert decision.outcome == outcome
    if outcome == "kept":
        assert lines == [became]
    elif outcome == "known":
        assert decision.name == became and lines == []
    else:
        assert decision.rule == became and lines == []


# The direction rules on names of the evaluation tables (issue 11: error, loss, distance, FID,
# perplexity, latency, time, WER, MAE, RMSE ... lower; otherwise higher; undecided left out).
DIRECTIONS = [
    ("Mean absolute error", "lower"), ("LogLoss", "lower"), ("Chamfer Distance L2", "lower"),
    ("intra-FID", "lower"), ("Perplexity", "lower"), ("runtime (s)", "lower"),
    ("search time", "lower"), ("Phoneme Error Rate", "lower"), ("Miss Rate", "lower"),
    ("Accuracy drop", "lower"), ("NME", "lower"), ("PER", "lower"),
    ("Detection Rate", "higher"), ("Attack Success Rate", "higher"), ("Precision@5", "higher"),
    ("Recall @ 1% FPR", "higher"),                  # what follows "@" is a condition
    ("Accuracy per class", "higher"),               # "per" is no PER
    ("BERTScore", "higher"), ("Route Completion", "higher"), ("SI-SNRi", "higher"),
    ("Bias (F/M)", None), ("1-NNA-CD", None), ("Learning Rate", None), ("Camera Pitch", None),
]


@pytest.mark.parametrize("name, direction", DIRECTIONS, ids=[f"pwc:{n}" for n, _ in DIRECTIONS])
def test_metric_direction_rules(name, direction):
    assert curate_vocab.metric_direction(name)[0] == direction


def test_the_generated_files_say_what_they_are():
    for name in ("benchmarks-pwc.txt", "metrics-pwc.txt"):
        header = (DATA / name).read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert "GENERATED by scripts/curate_vocab.py" in header
        assert "do not edit by hand" in header
        assert "CC BY-SA 4.0" in header and "Papers with Code" in header


def _sources() -> Path | None:
    for candidate in (os.environ.get(curate_vocab.SOURCES_VARIABLE), curate_vocab.DEFAULT_SOURCES,
                      ROOT.parents[1] / "shared" / "vocab-sources"):
        if candidate and (Path(candidate) / "pwc-benchmarks.txt").is_file():
            return Path(candidate)
    return None


@pytest.mark.skipif(_sources() is None, reason="the raw lists (shared/vocab-sources) are not here")
def test_the_generated_files_are_what_the_rules_make_now(capsys):
    # the files are never edited by hand: re-running the curation changes nothing
    assert curate_vocab.main(["--check", "--sources", str(_sources())]) == 0, capsys.readouterr().out
